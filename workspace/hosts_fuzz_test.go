package workspace

import (
	"testing"
)

// FuzzHostTokens checks that scanning a file of any kind for hosts never
// panics and that every token's Span lies in the content and covers its
// name.
func FuzzHostTokens(f *testing.F) {
	seeds := []string{
		"", " ", "fastcgi_pass wordpress:9000;\n", "server ${A}:${B};", "http://", "http://@:/",
		"a=b=c", "$(", "${", "nc -z mariadb 3306\r\n", "\ufeff#!/bin/sh\nnc -z db 1\n",
		"WORDPRESS_DB_HOST=mariadb:3306\n", "services:\n  a:\n    environment:\n      H: b:1\n",
		"cat <<EOF\nhost=db\nEOF\n", "'é😀'\tdb:1", "x:\x00", "--host=", "-h",
	}
	for _, seed := range seeds {
		f.Add(seed)
	}
	kinds := []Kind{KindShell, KindConfig, KindDotEnv, KindCompose}
	f.Fuzz(func(t *testing.T, content string) {
		for _, kind := range kinds {
			file := NewFile("file:///w/f", 0, false, kind, []byte(content))
			for _, tok := range file.hostTokens() {
				if tok.Span.Start < 0 || tok.Span.End > len(content) || tok.Span.Start > tok.Span.End {
					t.Fatalf("kind %v, input %q: token %q at %v outside the content", kind, content, tok.Name, tok.Span)
				}
				if got := content[tok.Span.Start:tok.Span.End]; got != tok.Name {
					t.Fatalf("kind %v, input %q: token %q covers %q", kind, content, tok.Name, got)
				}
			}
		}
	})
}
