package makefile

import (
	"slices"

	"github.com/stackls/stackls/position"
)

// maxExpandDepth bounds the nesting of variable expansions, so that a
// variable defined through itself cannot loop.
const maxExpandDepth = 16

// expanded is text after make expansion. For each byte it keeps its
// origin in the content (src, -1 for a made-up byte) and the expansion
// frame it came from.
type expanded struct {
	text  []byte
	src   []int
	frame []*frame
}

// frame is one expansion of a variable reference, or the recipe line
// itself at the root.
type frame struct {
	parent *frame
	ref    position.Span // the $(NAME) in the parent's text; unused at the root
	depth  int
}

func (e *expanded) add(b byte, src int, fr *frame) {
	e.text = append(e.text, b)
	e.src = append(e.src, src)
	e.frame = append(e.frame, fr)
}

// span returns the content Span where the bytes [i, j) of e are written
// as one piece. Bytes from one stretch of one value map to that stretch.
// Bytes from several references map to the text that contains all of
// them, such as "$(DIR)/compose.yml" in an assignment. It returns false
// when no such Span exists.
func (e *expanded) span(i, j int) (position.Span, bool) {
	if i >= j || j > len(e.text) {
		return position.Span{}, false
	}
	common := e.frame[i]
	for k := i + 1; k < j; k++ {
		common = commonFrame(common, e.frame[k])
	}
	return e.spanIn(i, j, common)
}

// spanIn returns the Span of the bytes [i, j) as written in the text of
// frame at, an ancestor of each byte's frame.
func (e *expanded) spanIn(i, j int, at *frame) (position.Span, bool) {
	span := position.Span{Start: -1, End: -1}
	for k := i; k < j; k++ {
		s := position.Span{Start: e.src[k], End: e.src[k] + 1}
		for fr := e.frame[k]; fr != at; fr = fr.parent {
			s = fr.ref
		}
		if s.Start < 0 {
			continue
		}
		if span.Start < 0 || s.Start < span.Start {
			span.Start = s.Start
		}
		span.End = max(span.End, s.End)
	}
	return span, span.Start >= 0 && span.Valid()
}

// commonFrame returns the nearest frame that a and b both descend from.
func commonFrame(a, b *frame) *frame {
	for a.depth > b.depth {
		a = a.parent
	}
	for b.depth > a.depth {
		b = b.parent
	}
	for a != b {
		a, b = a.parent, b.parent
	}
	return a
}

// varValue is the value a variable has once make has read the whole file,
// as pieces of mapped text joined by "+=".
type varValue struct {
	pieces []mapped
}

// expander expands variable references with the values of one File.
type expander struct {
	// global holds the values of the global variables, shared by the
	// expanders of every rule and never changed.
	global map[string]*varValue
	// values holds the values set on top of global: target-specific ones
	// and temporary overrides. A nil value hides the global one.
	values map[string]*varValue
	active map[string]bool
	// referenced, when not nil, collects the names of the variables that
	// expand references, with or without a value.
	referenced map[string]bool
}

// globalValues returns the value each global variable has at the end of
// the file. Values set with "!=" come from a shell and are left
// unexpanded.
func globalValues(f *File) map[string]*varValue {
	x := &expander{values: map[string]*varValue{}}
	for _, v := range f.Vars {
		if v.Targets == nil {
			x.assign(v)
		}
	}
	return x.values
}

// newExpander returns an expander with the global values of f and the
// target-specific values of targets on top of them.
func newExpander(f *File, targets []*Word) *expander {
	return newRuleExpander(f, globalValues(f), targets)
}

// newRuleExpander is newExpander with the global values computed once by
// the caller.
func newRuleExpander(f *File, global map[string]*varValue, targets []*Word) *expander {
	x := &expander{global: global, values: map[string]*varValue{}, active: map[string]bool{}}
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

// lookup returns the value of the variable name, or nil.
func (x *expander) lookup(name string) *varValue {
	if v, ok := x.values[name]; ok {
		return v
	}
	return x.global[name]
}

// assign applies the assignment v on top of the current values. It never
// changes a value that it did not create, so global stays shared.
func (x *expander) assign(v *Var) {
	value := mapped{text: []byte(v.Value), src: v.src}
	old := x.lookup(v.Name)
	switch v.Op {
	case "!=":
		x.values[v.Name] = nil
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
		x.values[v.Name] = &varValue{pieces: append(slices.Clip(old.pieces), sep, value)}
	default:
		x.values[v.Name] = &varValue{pieces: []mapped{value}}
	}
}

// expand appends the expansion of m, read in frame fr, to out. A
// reference to an unknown variable, a function call and a substitution
// reference are kept as written; "$$" becomes "$".
func (x *expander) expand(out *expanded, m mapped, fr *frame) {
	for k := 0; k < len(m.text); k++ {
		c := m.text[k]
		if c != '$' || k+1 >= len(m.text) {
			out.add(c, m.src[k], fr)
			continue
		}
		next := m.text[k+1]
		if next == '$' {
			out.add('$', m.src[k], fr)
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
		if x.referenced != nil {
			x.referenced[name] = true
		}
		value := x.lookup(name)
		if value == nil || x.active[name] || fr.depth >= maxExpandDepth {
			for i := k; i <= end; i++ {
				out.add(m.text[i], m.src[i], fr)
			}
			k = end
			continue
		}
		child := &frame{parent: fr, ref: m.spanAt(k, end+1), depth: fr.depth + 1}
		x.active[name] = true
		for _, piece := range value.pieces {
			x.expand(out, piece, child)
		}
		x.active[name] = false
		k = end
	}
}
