package diagnostics

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

// TestGiveWayCallsBackgroundFunction checks that giveWay calls the
// function of a context from Background, and nothing for other contexts.
func TestGiveWayCallsBackgroundFunction(t *testing.T) {
	calls := 0
	giveWay(Background(context.Background(), func(context.Context) { calls++ }))
	if calls != 1 {
		t.Errorf("giveWay made %d calls, want 1", calls)
	}
	giveWay(Background(context.Background(), nil))
	giveWay(context.Background())
}

// TestBackgroundCheckGivesWay checks that a background check of a large
// Dockerfile and of a compose file calls the function that Background
// sets often enough to pause within a fraction of the check. The result
// must not depend on those calls, and a check whose context is cancelled
// while it gives way stops there.
func TestBackgroundCheckGivesWay(t *testing.T) {
	ws := testws.New(t, "-- Dockerfile --\n"+testws.LongDockerfile(5000)+
		"-- compose.yaml --\nservices:\n  web:\n    build: .\n    ports: [\"80:80\"]\n")
	snap := ws.Snapshot()
	instructions := len(snap.File(ws.URI("Dockerfile")).Dockerfile().Instructions)
	for _, tc := range []struct {
		file     string
		minCalls int
	}{
		{"Dockerfile", instructions / cancelPollInterval},
		{"compose.yaml", 10},
	} {
		uri := ws.URI(tc.file)
		want := describeAll(File(context.Background(), snap, uri))

		resetDockerfileCaches() // the checks and their warming goroutine start cold
		var calls atomic.Int64
		ctx := Background(context.Background(), func(context.Context) { calls.Add(1) })
		if got := describeAll(File(ctx, snap, uri)); got != want {
			t.Errorf("%s: the background check found\n%s\nwant\n%s", tc.file, got, want)
		}
		if n := calls.Load(); n < int64(tc.minCalls) {
			t.Errorf("%s: the background check gave way %d times, want at least %d", tc.file, n, tc.minCalls)
		}

		resetDockerfileCaches()
		cancelled, cancel := context.WithCancel(context.Background())
		calls.Store(0)
		ctx = Background(cancelled, func(context.Context) { calls.Add(1); cancel() })
		if got := File(ctx, snap, uri); got != nil {
			t.Errorf("%s: a check cancelled while it gave way returned %d diagnostics, want none", tc.file, len(got))
		}
		// The check stops at its first call, and its warming goroutine,
		// if any, at its next one.
		if n := calls.Load(); n > 2 {
			t.Errorf("%s: a check cancelled while it gave way went on to give way %d times", tc.file, n)
		}
	}
}
