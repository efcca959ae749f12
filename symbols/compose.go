package symbols

import (
	"bytes"
	"context"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
	"gopkg.in/yaml.v3"
)

// sectionKinds are the symbol kinds of the entries of each top-level
// section whose keys are names.
var sectionKinds = map[string]Kind{
	"services": KindClass,
	"networks": KindModule,
	"volumes":  KindStruct,
	"secrets":  KindKey,
	"configs":  KindKey,
	"models":   KindModule,
	"include":  KindFile,
}

// composeSymbols returns the outline of a compose file: each top-level
// key, with the services, networks, volumes, secrets and configs as
// children and their keys under them.
func composeSymbols(ctx context.Context, f *workspace.File) ([]*Symbol, error) {
	model := f.Compose()
	if model == nil || model.Root == nil {
		return []*Symbol{}, nil
	}
	out := []*Symbol{}
	for i := 0; i+1 < len(model.Root.Content); i += 2 {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		key, value := model.Root.Content[i], model.Root.Content[i+1]
		sym := entrySymbol(model, key, value, KindNamespace)
		if childKind, ok := sectionKinds[key.Value]; ok && value.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(value.Content); j += 2 {
				child := entrySymbol(model, value.Content[j], value.Content[j+1], childKind)
				child.Children = propertySymbols(model, value.Content[j+1])
				sym.Children = append(sym.Children, child)
			}
		} else if key.Value == "include" {
			sym.Children = includeSymbols(model, value)
		} else {
			sym.Kind = KindProperty
		}
		out = append(out, sym)
	}
	return out, nil
}

// entrySymbol returns the symbol of one mapping entry: its Span from the
// key to the end of the value, and the key as its selection.
func entrySymbol(model *compose.File, key, value *yaml.Node, kind Kind) *Symbol {
	keySpan := model.NodeSpan(key)
	span := keySpan
	if valueSpan := model.NodeSpan(value); valueSpan.End > span.End && valueSpan.Start >= span.Start {
		span.End = valueSpan.End
	}
	name := key.Value
	if name == "" {
		name = " "
	}
	return &Symbol{Name: name, Kind: kind, Span: span, SelectionSpan: keySpan, Detail: entryDetail(key, value)}
}

// propertySymbols returns the keys of a mapping as symbols.
func propertySymbols(model *compose.File, value *yaml.Node) []*Symbol {
	if value == nil || value.Kind != yaml.MappingNode {
		return nil
	}
	var out []*Symbol
	for i := 0; i+1 < len(value.Content); i += 2 {
		out = append(out, entrySymbol(model, value.Content[i], value.Content[i+1], KindProperty))
	}
	return out
}

func includeSymbols(model *compose.File, value *yaml.Node) []*Symbol {
	var out []*Symbol
	for _, inc := range model.Includes {
		out = append(out, &Symbol{Name: inc.Value, Kind: KindFile, Span: inc.Span, SelectionSpan: inc.Span})
	}
	return out
}

// entryDetail returns the detail of a mapping entry: its scalar value, or
// that it is set when the key looks like a secret.
func entryDetail(key, value *yaml.Node) string {
	detail := scalarDetail(value)
	if detail != "" && workspace.LooksSecret(key.Value) {
		return workspace.HiddenValue
	}
	return detail
}

// scalarDetail returns a scalar's value, cut to one short line, as a
// symbol's detail; "" for collections.
func scalarDetail(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	detail := strings.SplitN(n.Value, "\n", 2)[0]
	if len(detail) > 60 {
		detail = detail[:57] + "..."
	}
	return detail
}

// composeFolding returns the folding ranges of a compose file: each
// mapping or list value that spans several lines, from its key's line,
// and each run of two or more comment lines.
func composeFolding(ctx context.Context, f *workspace.File) ([]FoldingRange, error) {
	model := f.Compose()
	if model == nil {
		return nil, nil
	}
	var out []FoldingRange
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil {
			return
		}
		for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
			key, value := n.Content[i], n.Content[i+1]
			span := position.Span{Start: model.NodeSpan(key).Start, End: model.NodeSpan(value).End}
			if value.Kind != yaml.AliasNode && model.Line(span.End) > model.Line(span.Start) {
				out = append(out, FoldingRange{Span: span})
			}
		}
		for _, child := range n.Content {
			walk(child)
		}
	}
	if model.Root != nil {
		walk(model.Root)
	}
	return append(out, commentFolds(f.Content)...), nil
}

// commentFolds returns a folding range for each run of two or more lines
// that hold only a comment.
func commentFolds(content []byte) []FoldingRange {
	var out []FoldingRange
	runStart, runEnd, count := -1, -1, 0
	flush := func() {
		if count >= 2 {
			out = append(out, FoldingRange{Span: position.Span{Start: runStart, End: runEnd}, Kind: "comment"})
		}
		runStart, count = -1, 0
	}
	for off := 0; off < len(content); {
		end := bytes.IndexByte(content[off:], '\n')
		if end < 0 {
			end = len(content)
		} else {
			end += off
		}
		line := bytes.TrimSpace(content[off:end])
		if bytes.HasPrefix(line, []byte("#")) {
			if runStart < 0 {
				runStart = off
			}
			runEnd, count = end, count+1
		} else {
			flush()
		}
		off = end + 1
	}
	flush()
	return out
}
