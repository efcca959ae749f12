// Package diagnostics finds the problems of a file: syntax errors, build
// and schema checks, and cross-file checks against the workspace index.
// Results carry byte Spans; only the server converts them to LSP ranges.
package diagnostics

import (
	"context"
	"sort"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// Severity is a diagnostic's severity; the values equal LSP's.
type Severity int

// Severities, from most to least severe.
const (
	Error       Severity = 1
	Warning     Severity = 2
	Information Severity = 3
	Hint        Severity = 4
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Information:
		return "info"
	default:
		return "hint"
	}
}

// Tag marks a diagnostic for special rendering; the values equal LSP's.
type Tag int

// Tags.
const (
	Unnecessary Tag = 1
	Deprecated  Tag = 2
)

// Diagnostic is one problem in one file.
type Diagnostic struct {
	Span     position.Span
	Severity Severity
	Code     string // the rule name, such as "UndefinedVar"
	CodeHref string // documentation URL of the rule; "" when none
	Source   string // "stackls", or the origin such as "buildkit"
	Message  string
	Tags     []Tag
	Related  []Related
	Fixes    []*Fix // quick fixes, offered as code actions
}

// Related is a location that explains a Diagnostic.
type Related struct {
	Location position.Location
	Message  string
}

// Fix is a quick fix: a titled set of edits, possibly in several files.
type Fix struct {
	Title     string
	Edits     map[position.URI][]position.TextEdit
	Preferred bool
}

// File returns the diagnostics of the file at uri in snap, sorted by
// position. It returns nil for an unknown URI or a skipped file.
func File(ctx context.Context, snap *workspace.Snapshot, uri position.URI) []*Diagnostic {
	f := snap.File(uri)
	if f == nil || f.Skipped != "" {
		return nil
	}
	var diags []*Diagnostic
	switch f.Kind {
	case workspace.KindDockerfile:
		diags = dockerfileDiagnostics(ctx, snap, f)
	case workspace.KindCompose:
		diags = composeDiagnostics(ctx, snap, f)
	case workspace.KindShell:
		diags = shellDiagnostics(ctx, snap, f)
	case workspace.KindMakefile:
		diags = makefileDiagnostics(ctx, snap, f)
	case workspace.KindDotEnv:
		diags = dotenvDiagnostics(ctx, snap, f)
	case workspace.KindConfig:
		diags = configDiagnostics(ctx, snap, f)
	}
	sort.SliceStable(diags, func(i, j int) bool {
		if diags[i].Span.Start != diags[j].Span.Start {
			return diags[i].Span.Start < diags[j].Span.Start
		}
		return diags[i].Message < diags[j].Message
	})
	return diags
}
