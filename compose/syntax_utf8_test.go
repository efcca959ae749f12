package compose

import (
	"strings"
	"testing"
)

func TestParseInvalidUTF8(t *testing.T) {
	tests := []struct {
		name     string
		content  string
		want     []string // "code@text" for each error, in order
		services []string
		message  string // the message of the first error
	}{
		{
			name:     "Latin-1 comment and key",
			content:  "# caf\xe9\nservices:\n  w\xe9b:\n    image: nginx\n  db:\n    image: postgres\n",
			want:     []string{CodeInvalidUTF8 + "@\xe9", CodeInvalidUTF8 + "@\xe9"},
			services: []string{"w\xe9b", "db"},
			message:  "invalid UTF-8 byte 0xE9: compose reads only UTF-8, so save the file as UTF-8",
		},
		{
			name:     "run of bytes in a quoted value after a tab, CRLF and BOM",
			content:  "\ufeffservices:\r\n  web:\r\n    image: \"\xff\xfe\"\t# é\r\n",
			want:     []string{CodeInvalidUTF8 + "@\xff\xfe"},
			services: []string{"web"},
			message:  "invalid UTF-8 bytes 0xFF 0xFE: compose reads only UTF-8, so save the file as UTF-8",
		},
		{
			name:     "a syntax error after the invalid byte is still found",
			content:  "services:\n  a\xe9:\n    image: x\n      ports: 1\n",
			want:     []string{CodeInvalidUTF8 + "@\xe9", CodeSyntax + "@ports"},
			services: []string{"a\xe9"},
		},
		{
			name:     "truncated sequence",
			content:  "services:\n  web:\n    image: \"\xe2\x82\"\n",
			want:     []string{CodeInvalidUTF8 + "@\xe2\x82"},
			services: []string{"web"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Parse([]byte(tt.content))
			var got []string
			for _, e := range f.Errors {
				got = append(got, e.Code+"@"+tt.content[e.Span.Start:e.Span.End])
			}
			if strings.Join(got, ", ") != strings.Join(tt.want, ", ") {
				t.Errorf("got errors  %q\nwant errors %q", got, tt.want)
			}
			if tt.message != "" && (len(f.Errors) == 0 || f.Errors[0].Message != tt.message) {
				t.Errorf("first error %+v, want the message %q", f.Errors, tt.message)
			}
			var names []string
			for _, svc := range f.Services {
				names = append(names, svc.Name)
				if key := tt.content[svc.KeySpan.Start:svc.KeySpan.End]; key != svc.Name {
					t.Errorf("service %q: key Span covers %q", svc.Name, key)
				}
			}
			if strings.Join(names, ",") != strings.Join(tt.services, ",") {
				t.Errorf("services %q, want %q", names, tt.services)
			}
			checkFileSpans(t, f)
		})
	}
}

func TestParseInvalidUTF8Quoted(t *testing.T) {
	content := "services:\n  web:\n    image: \"ngin\xe9\"\n    hostname: 'h\xe9'\n"
	f := Parse([]byte(content))
	if len(f.Services) != 1 {
		t.Fatalf("services %d, want 1", len(f.Services))
	}
	svc := f.Services[0]
	if svc.Image == nil || svc.Image.Value != "ngin\xe9" {
		t.Errorf("image %+v, want the value with its original byte", svc.Image)
	}
	if svc.Hostname == nil || svc.Hostname.Value != "h\xe9" {
		t.Errorf("hostname %+v, want the value with its original byte", svc.Hostname)
	}
}

func TestParseInvalidUTF8Capped(t *testing.T) {
	content := "# " + strings.Repeat("\xe9 ", 3*maxSyntaxErrors) + "\nservices:\n  web:\n    image: x\n"
	f := Parse([]byte(content))
	if len(f.Errors) != maxSyntaxErrors {
		t.Errorf("%d errors, want at most %d", len(f.Errors), maxSyntaxErrors)
	}
	if len(f.Services) != 1 {
		t.Errorf("services %d, want 1", len(f.Services))
	}
}
