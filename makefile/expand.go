package makefile

import "github.com/stackls/stackls/position"

// maxExpandDepth bounds the nesting of variable expansions, so that a
// variable defined through itself cannot loop.
const maxExpandDepth = 16

// expanded is text after make expansion. For each byte it keeps its
// deepest origin in the content (src, -1 for a made-up byte) and the Span
// of what the recipe wrote for it (top): the byte itself, or the whole
// $(NAME) reference that produced it.
type expanded struct {
	text []byte
	src  []int
	top  []position.Span
}

func (e *expanded) add(b byte, src int, top position.Span) {
	e.text = append(e.text, b)
	e.src = append(e.src, src)
	e.top = append(e.top, top)
}

// span returns the content Span of the bytes [i, j) of e: their own Span
// when they come from one stretch of the content, else the Span that the
// recipe wrote for them. It returns false when neither exists.
func (e *expanded) span(i, j int) (position.Span, bool) {
	if i >= j || j > len(e.text) {
		return position.Span{}, false
	}
	contiguous := e.src[i] >= 0
	for k := i + 1; k < j && contiguous; k++ {
		contiguous = e.src[k] == e.src[k-1]+1
	}
	if contiguous {
		return position.Span{Start: e.src[i], End: e.src[j-1] + 1}, true
	}
	span := position.Span{Start: e.top[i].Start, End: e.top[j-1].End}
	return span, span.Start >= 0 && span.Valid()
}

// varValue is the value a variable has once make has read the whole file,
// as pieces of mapped text joined by "+=".
type varValue struct {
	pieces []mapped
}

// expander expands variable references with the values of one File.
type expander struct {
	values map[string]*varValue
	active map[string]bool
	depth  int
}

// newExpander collects the value each global variable has at the end of
// the file, and the target-specific values of targets on top of them.
// Values set with "!=" come from a shell and are left unexpanded.
func newExpander(f *File, targets []*Word) *expander {
	x := &expander{values: map[string]*varValue{}, active: map[string]bool{}}
	for _, v := range f.Vars {
		if v.Targets != nil {
			continue
		}
		x.assign(v)
	}
	for _, v := range f.Vars {
		if v.Targets != nil && sharesTarget(v.Targets, targets) {
			x.assign(v)
		}
	}
	return x
}

func sharesTarget(a, b []*Word) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Text == y.Text {
				return true
			}
		}
	}
	return false
}

func (x *expander) assign(v *Var) {
	value := mapped{text: []byte(v.Value), src: v.src}
	old := x.values[v.Name]
	switch v.Op {
	case "!=":
		delete(x.values, v.Name)
	case "?=":
		if old == nil {
			x.values[v.Name] = &varValue{pieces: []mapped{value}}
		}
	case "+=":
		if old == nil {
			x.values[v.Name] = &varValue{pieces: []mapped{value}}
			return
		}
		sep := mapped{text: []byte{' '}, src: []int{-1}}
		old.pieces = append(old.pieces, sep, value)
	default:
		x.values[v.Name] = &varValue{pieces: []mapped{value}}
	}
}

// expand appends the expansion of m to out. top, when set, is the Span
// that the recipe wrote for everything m produces. A reference to an
// unknown variable, a function call and a substitution reference are
// kept as written; "$$" becomes "$".
func (x *expander) expand(out *expanded, m mapped, top *position.Span) {
	topOf := func(i, j int) position.Span {
		if top != nil {
			return *top
		}
		return m.spanAt(i, j)
	}
	for k := 0; k < len(m.text); k++ {
		c := m.text[k]
		if c != '$' || k+1 >= len(m.text) {
			out.add(c, m.src[k], topOf(k, k+1))
			continue
		}
		next := m.text[k+1]
		if next == '$' {
			out.add('$', m.src[k], topOf(k, k+2))
			k++
			continue
		}
		end := k + 1
		name := string(next)
		if next == '(' || next == '{' {
			end = matchBracket(m.text, k+1)
			name = ""
			if end < 0 {
				end = len(m.text) - 1 // unterminated: kept as written
			} else {
				name = string(m.text[k+2 : end])
			}
		}
		value := x.values[name]
		if value == nil || x.active[name] || x.depth >= maxExpandDepth {
			for i := k; i <= end; i++ {
				out.add(m.text[i], m.src[i], topOf(i, i+1))
			}
			k = end
			continue
		}
		refTop := topOf(k, end+1)
		x.active[name] = true
		x.depth++
		for _, piece := range value.pieces {
			x.expand(out, piece, &refTop)
		}
		x.depth--
		x.active[name] = false
		k = end
	}
}
