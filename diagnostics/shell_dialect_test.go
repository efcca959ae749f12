package diagnostics

import (
	"context"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

// A script without a shebang is warned about bash constructs only when a
// container runs it through sh or runs it directly: a helper library that
// bash scripts source, or a script that "bash x.sh" runs, may use bash.
func TestShellDialectWithoutShebang(t *testing.T) {
	const library = "if [[ -f .env.custom ]]; then\n  echo custom\nfi\n"
	tests := []struct {
		name, dockerfile string
		wantDialect      int
	}{
		{"sourced library", "", 0},
		{"run by bash", "FROM debian:12\nCOPY tools/lib.sh /lib.sh\nCMD [\"bash\", \"/lib.sh\"]\n", 0},
		{"run by sh", "FROM debian:12\nCOPY tools/lib.sh /lib.sh\nCMD [\"sh\", \"/lib.sh\"]\n", 1},
		{"run by sh after tini", "FROM debian:12\nCOPY tools/lib.sh /lib.sh\nENTRYPOINT [\"tini\", \"--\", \"sh\", \"/lib.sh\"]\n", 1},
		{"copied, not run", "FROM debian:12\nCOPY tools/lib.sh /lib.sh\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			archive := "-- tools/lib.sh --\n" + library + "-- install.sh --\n#!/usr/bin/env bash\nsource tools/lib.sh\n"
			if tt.dockerfile != "" {
				archive += "-- Dockerfile --\n" + tt.dockerfile
			}
			ws := testws.New(t, archive)
			snap := ws.Snapshot()
			var dialect []*Diagnostic
			for _, d := range shellDiagnostics(context.Background(), snap, snap.File(ws.URI("tools/lib.sh"))) {
				if d.Code == ruleShellDialect.Name {
					dialect = append(dialect, d)
				}
			}
			if len(dialect) != tt.wantDialect {
				t.Errorf("%d ShellDialect warnings, want %d: %v", len(dialect), tt.wantDialect, describeDiagnostics(t, ws.Content("tools/lib.sh"), dialect))
			}
			if tt.wantDialect == 1 {
				if span := ws.Find("tools/lib.sh", "[[", 1); dialect[0].Span != span {
					t.Errorf("ShellDialect at %v, want %v", dialect[0].Span, span)
				}
			}
		})
	}
}
