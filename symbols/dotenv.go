package symbols

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// dotenvSymbols returns the outline of a .env file: one symbol per
// variable, with its value as detail unless the name looks like a secret.
func dotenvSymbols(ctx context.Context, f *workspace.File) ([]*Symbol, error) {
	model := f.DotEnv()
	if model == nil {
		return []*Symbol{}, nil
	}
	out := []*Symbol{}
	for _, e := range model.Entries {
		if e.Key == "" {
			continue
		}
		detail := e.Value
		if e.Inherited {
			detail = "(from the environment)"
		} else if workspace.LooksSecret(e.Key) {
			detail = workspace.HiddenValue
		}
		out = append(out, &Symbol{Name: e.Key, Kind: KindVariable, Detail: detail, Span: e.Span, SelectionSpan: e.KeySpan})
	}
	return out, nil
}
