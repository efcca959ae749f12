package shell

import (
	"bytes"

	"mvdan.cc/sh/v3/syntax"
)

// maxSubscriptMasks bounds the re-parses of one script: each masks one
// more subscript.
const maxSubscriptMasks = 64

// parseMaskingSubscripts parses src and, when bash's parser fails inside
// an array subscript, masks that subscript and parses again. bash reads
// the subscript of an associative array as a string
// ("imageTests[name:tag]+=", "declare -A m=([8.5]=x)"), but mvdan.cc/sh
// reads every subscript as arithmetic and rejects such keys. The mask
// keeps every offset: the subscript's bytes become "0", a valid index.
func parseMaskingSubscripts(src []byte, variant syntax.LangVariant, options ...syntax.ParserOption) (*syntax.File, error) {
	tree, err := parseOnce(src, variant, options...)
	if variant == syntax.LangPOSIX {
		return tree, err
	}
	masked, copied := src, false
	for tries := 0; err != nil && tries < maxSubscriptMasks; tries++ {
		open, end, ok := subscriptAround(masked, errorOffset(err))
		if !ok {
			break
		}
		if !copied {
			masked, copied = append([]byte(nil), src...), true
		}
		for i := open + 1; i < end; i++ {
			masked[i] = '0'
		}
		tree, err = parseOnce(masked, variant, options...)
	}
	return tree, err
}

// subscriptAround returns the offsets of "[" and "]" of the subscript
// on one line that holds offset, "name[key]" or the "[key]=" of an array
// element, and false when offset is in none or the subscript is already
// masked.
func subscriptAround(src []byte, offset int) (open, end int, ok bool) {
	if offset <= 0 || offset >= len(src) {
		return 0, 0, false
	}
	open = -1
	for i := offset; i > 0; i-- {
		if src[i] == '\n' || i < offset && src[i] == ']' {
			return 0, 0, false
		}
		if src[i] == '[' {
			open = i
			break
		}
	}
	if open <= 0 {
		return 0, 0, false
	}
	end = bytes.IndexAny(src[offset:], "]\n")
	if end < 0 || src[offset+end] != ']' {
		return 0, 0, false
	}
	end += offset
	after := src[end+1:]
	isKey := bytes.HasPrefix(after, []byte("=")) || bytes.HasPrefix(after, []byte("+="))
	switch prev := src[open-1]; {
	case isNameByte(prev): // name[key]
	case (prev == ' ' || prev == '\t' || prev == '(') && isKey: // ([key]=value)
	default:
		return 0, 0, false
	}
	if bytes.Count(src[open+1:end], []byte("0")) == end-open-1 {
		return 0, 0, false
	}
	return open, end, true
}

func isNameByte(b byte) bool {
	return b == '_' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}
