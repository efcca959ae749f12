package diagnostics

import (
	"context"
	"fmt"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

const dotenvDocs = "https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax"

// .env rules, declared as data.
var (
	dotenvRuleSyntax       = composeRule{"DotEnvSyntax", Error, dotenvDocs}
	dotenvRuleDuplicateKey = composeRule{"DotEnvDuplicateKey", Warning, dotenvDocs}
	dotenvRuleMissingEqual = composeRule{"DotEnvMissingEquals", Warning, dotenvDocs}
)

// dotenvDiagnostics returns the diagnostics of a .env file: the lines
// compose cannot read, keys set twice, and a last line with no "=", which
// compose reads as a variable with an empty name.
func dotenvDiagnostics(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	model := f.DotEnv()
	if model == nil || ctx.Err() != nil {
		return nil
	}
	var diags []*Diagnostic
	for _, e := range model.Errors {
		diags = append(diags, dotenvRuleSyntax.diag(e.Span, "%s", e.Message))
	}
	first := map[string]position.Span{}
	for _, e := range model.Entries {
		if e.Key == "" {
			diags = append(diags, dotenvRuleMissingEqual.diag(e.ValueSpan, "`%s` has no `=`: Compose reads it as a variable with an empty name; write `%s=` or end the line with a line break", e.Value, e.Value))
			continue
		}
		if e.Inherited {
			continue
		}
		if span, ok := first[e.Key]; ok {
			d := dotenvRuleDuplicateKey.diag(e.KeySpan, "`%s` is already set on line %d; this later value wins", e.Key, f.Mapper().OffsetLine(span.Start)+1)
			d.Related = []Related{{Location: position.Location{URI: f.URI, Span: span}, Message: fmt.Sprintf("first value of %s", e.Key)}}
			diags = append(diags, d)
			continue
		}
		first[e.Key] = e.KeySpan
	}
	return diags
}
