package compose

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/stackls/stackls/position"
	"gopkg.in/yaml.v3"
)

// yaml.v3 rejects a whole stream at its first byte that is not UTF-8 (for
// example Latin-1 "é", 0xE9), and so does docker compose. Parse reports
// each run of such bytes and parses a copy in which each of them is
// replaced by invalidBytePlaceholder, so that the rest of the file is
// still modelled and every byte offset stays the same.

// invalidBytePlaceholder replaces each byte that is not UTF-8 in the
// copy that yaml.v3 parses. It is one ASCII byte, so offsets do not move,
// and "_" has no meaning in YAML syntax, so it does not change the
// structure around it.
const invalidBytePlaceholder = '_'

// CodeInvalidUTF8 is the Error code of bytes that are not UTF-8.
const CodeInvalidUTF8 = "yaml-invalid-utf8"

// maxShownBytes bounds how many bytes of one run an Error message quotes.
const maxShownBytes = 4

// replaceInvalidUTF8 returns the Spans of the runs of bytes in content that
// are not UTF-8, and a copy of content with each such byte replaced by
// invalidBytePlaceholder. It returns content itself when it is valid.
func replaceInvalidUTF8(content []byte) (work []byte, runs []position.Span) {
	if utf8.Valid(content) {
		return content, nil
	}
	work = make([]byte, len(content))
	copy(work, content)
	for i := 0; i < len(work); {
		r, size := utf8.DecodeRune(work[i:])
		if r != utf8.RuneError || size != 1 {
			i += size
			continue
		}
		work[i] = invalidBytePlaceholder
		if n := len(runs); n > 0 && runs[n-1].End == i {
			runs[n-1].End++
		} else {
			runs = append(runs, position.Span{Start: i, End: i + 1})
		}
		i++
	}
	return work, runs
}

// invalidUTF8Errors returns one Error per run of bytes that are not UTF-8,
// for at most maxSyntaxErrors runs.
func invalidUTF8Errors(content []byte, runs []position.Span) []*Error {
	var errs []*Error
	for _, run := range runs[:min(len(runs), maxSyntaxErrors)] {
		var hex []string
		for _, b := range content[run.Start:min(run.End, run.Start+maxShownBytes)] {
			hex = append(hex, fmt.Sprintf("0x%02X", b))
		}
		what := "byte " + hex[0]
		if run.Len() > 1 {
			what = "bytes " + strings.Join(hex, " ")
			if run.Len() > maxShownBytes {
				what += " ..."
			}
		}
		errs = append(errs, &Error{
			Span:    run,
			Code:    CodeInvalidUTF8,
			Message: fmt.Sprintf("invalid UTF-8 %s: compose reads only UTF-8, so save the file as UTF-8", what),
		})
	}
	return errs
}

// restoreInvalidBytes puts the bytes that are not UTF-8 back into the
// values of the scalars, anchors and aliases whose source text holds them,
// so that those values match the content as they do for valid files. work
// is the copy that was parsed.
//
// NOTE: a scalar whose value differs from its source text apart from the
// quotes (escapes, folded lines, block scalars) keeps the placeholders.
func (f *File) restoreInvalidBytes(work []byte, runs []position.Span) {
	covers := func(span position.Span) bool {
		for _, run := range runs {
			if run.Start < span.End && span.Start < run.End {
				return true
			}
		}
		return false
	}
	for n, span := range f.spans {
		if n.Kind != yaml.ScalarNode || !covers(span) {
			continue
		}
		src, parsed := f.Content[span.Start:span.End], work[span.Start:span.End]
		quoted := n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && len(parsed) >= 2
		switch {
		case n.Style == 0 && n.Value == string(parsed):
			n.Value = string(src)
		case quoted && n.Value == string(parsed[1:len(parsed)-1]):
			n.Value = string(src[1 : len(src)-1])
		}
	}
	for _, a := range f.Anchors {
		if covers(a.Span) {
			a.Name = string(f.Content[a.Span.Start:a.Span.End])
		}
	}
	for _, a := range f.Aliases {
		if covers(a.Span) {
			a.Name = string(f.Content[a.Span.Start:a.Span.End])
		}
	}
}

// HasInvalidUTF8 reports whether f's content holds bytes that are not
// UTF-8, which docker compose rejects before reading anything else.
func (f *File) HasInvalidUTF8() bool {
	for _, e := range f.Errors {
		if e.Code == CodeInvalidUTF8 {
			return true
		}
	}
	return false
}
