package server

import (
	"context"
	"encoding/json"
	"strconv"
	"sync"
	"time"

	"github.com/stackls/stackls/diagnostics"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/server/protocol"
	"github.com/stackls/stackls/workspace"
)

const (
	// defaultDiagnosticsDelay is long enough to merge the changes that a
	// client sends in one burst, such as a paste and its formatting, and
	// short next to the time between keystrokes.
	defaultDiagnosticsDelay = 3 * time.Millisecond
	// workspaceDelayFactor times the document delay is how long the server
	// waits after the last change before it checks the other files, whose
	// diagnostics a change can affect through the cross-file index.
	workspaceDelayFactor = 25
)

// diagnoser publishes diagnostics (textDocument/publishDiagnostics). Each
// changed file gets its own debounced pass, which the next change to that
// file cancels; a slower workspace pass then re-checks the other files
// whose diagnostics the changes may affect, as the Session reports them,
// and publishes only the files whose diagnostics changed. The workspace
// pass gives way to urgent work (server.urgent): between files, and
// inside the check of a file between its steps.
type diagnoser struct {
	s     *server
	delay time.Duration

	mu     sync.Mutex
	passes map[position.URI]*pass // guarded by mu; pending or running per-file passes
	// indexPass is the running workspace pass that follows a new index,
	// or nil. Guarded by mu.
	indexPass *indexPass
	workspace *pass // guarded by mu; pending or running workspace pass
	last      map[position.URI]published
	// cost is how long the last check of each file took. With the default
	// delay (adaptive), a file whose check costs less than the delay is
	// checked after that cost instead: waiting longer than a check takes
	// saves no work. A delay set in Options is used as it is. Guarded by
	// mu.
	cost     map[position.URI]time.Duration
	adaptive bool
	stopped  bool // guarded by mu
	// checked is the ID of the Snapshot of the last workspace pass that
	// ran to its end; 0 before the first. Guarded by mu.
	checked uint64

	sendMu sync.Mutex // serializes publishing so a newer snapshot's result goes last
}

// indexPass is a workspace pass that publishIndexed runs.
type indexPass struct {
	cancel context.CancelFunc
}

// pass is one scheduled diagnostics computation.
type pass struct {
	timer  *time.Timer
	cancel context.CancelFunc
	urgent bool // counted in server.urgent until it ends
}

// published is the record of the last publish for one file, guarded by
// diagnoser.mu.
type published struct {
	snapshot    uint64 // ID of the Snapshot the diagnostics came from
	fingerprint string // "" for an empty list
}

func newDiagnoser(s *server) *diagnoser {
	delay, adaptive := s.opts.DiagnosticsDelay, false
	if delay <= 0 {
		delay, adaptive = defaultDiagnosticsDelay, true
	}
	return &diagnoser{s: s, delay: delay, passes: map[position.URI]*pass{}, last: map[position.URI]published{}, cost: map[position.URI]time.Duration{}, adaptive: adaptive}
}

// changed schedules a pass for each of uris and a workspace pass after
// them. Each call cancels the earlier pending or running pass of the same
// file.
func (d *diagnoser) changed(uris ...position.URI) {
	d.changedAfter(d.delay, uris...)
}

// opened schedules the pass of a file the client opened without waiting
// for more changes: an open is not part of a burst of edits.
func (d *diagnoser) opened(u position.URI) {
	d.changedAfter(0, u)
}

// fileDelay returns how long the pass of u waits: delay, or, when the
// delay is adaptive, the cost of u's last check if that is shorter. The
// caller holds mu.
func (d *diagnoser) fileDelay(u position.URI, delay time.Duration) time.Duration {
	if cost, known := d.cost[u]; known && d.adaptive && cost < delay {
		return cost
	}
	return delay
}

// changedAfter is changed with the longest delay of the per-file passes.
func (d *diagnoser) changedAfter(delay time.Duration, uris ...position.URI) {
	if d.s.clientInfo().pull {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.stopped {
		return
	}
	for _, u := range uris {
		if old := d.passes[u]; old != nil {
			d.stopPass(old)
		}
		d.s.urgent.begin()
		d.passes[u] = d.schedule(d.fileDelay(u, delay), true, func(ctx context.Context) { d.publishFile(ctx, u, true) })
	}
	if d.workspace != nil {
		d.stopPass(d.workspace)
	}
	if d.indexPass != nil {
		d.indexPass.cancel()
	}
	d.workspace = d.schedule(d.delay*workspaceDelayFactor, false, d.publishWorkspace)
}

// schedule runs work after delay under a context that stopPass cancels.
// An urgent pass is one that the caller counted in server.urgent, and it
// is uncounted when it ends. The caller holds mu.
func (d *diagnoser) schedule(delay time.Duration, urgent bool, work func(ctx context.Context)) *pass {
	ctx, cancel := context.WithCancel(d.s.ctx)
	p := &pass{cancel: cancel, urgent: urgent}
	p.timer = time.AfterFunc(delay, func() {
		defer func() {
			if urgent {
				d.s.urgent.end()
			}
		}()
		defer cancel()
		defer d.s.recoverBackground("diagnostics")
		work(ctx)
	})
	return p
}

// stopPass cancels p. A pass stopped before it started is uncounted at
// once, and a running one when its work returns. The caller holds mu.
func (d *diagnoser) stopPass(p *pass) {
	if p.timer.Stop() && p.urgent {
		d.s.urgent.end()
	}
	p.cancel()
}

// stop cancels every pass; later changes schedule none.
func (d *diagnoser) stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stopped = true
	for _, p := range d.passes {
		d.stopPass(p)
	}
	if d.workspace != nil {
		d.stopPass(d.workspace)
	}
}

// publishIndexed runs the workspace pass that follows a new index. The
// next change cancels it, because the change schedules its own file's
// pass first and a workspace pass after it, which starts over.
func (d *diagnoser) publishIndexed(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	mine := &indexPass{cancel: cancel}
	d.mu.Lock()
	d.indexPass = mine
	d.mu.Unlock()
	defer func() {
		d.mu.Lock()
		if d.indexPass == mine {
			d.indexPass = nil
		}
		d.mu.Unlock()
	}()
	d.publishWorkspace(ctx)
}

// publishWorkspace publishes the diagnostics of the files of the current
// Snapshot that changes since the last complete pass may have affected.
// When the Session cannot tell which, it publishes every file and clears
// the files that left the Snapshot. It skips files whose diagnostics did
// not change since the last publish.
func (d *diagnoser) publishWorkspace(ctx context.Context) {
	if d.s.clientInfo().pull {
		return
	}
	snap := d.s.session.Snapshot()
	d.mu.Lock()
	checked := d.checked
	d.mu.Unlock()

	ctx = diagnostics.Background(ctx, d.s.urgent.wait)
	affected, ok := d.s.session.AffectedSince(checked)
	if checked == 0 || !ok {
		affected = d.allFiles(snap)
	}
	for _, u := range affected {
		d.s.urgent.wait(ctx)
		if ctx.Err() != nil {
			return
		}
		d.publish(ctx, snap, u, false)
	}
	if ctx.Err() != nil {
		return // publish may have dropped the last file's result
	}
	d.mu.Lock()
	d.checked = max(d.checked, snap.ID())
	d.mu.Unlock()
}

// allFiles returns every file of snap and the files that left it with
// diagnostics.
func (d *diagnoser) allFiles(snap *workspace.Snapshot) []position.URI {
	var uris []position.URI
	for _, f := range snap.Files() {
		uris = append(uris, f.URI)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for u, last := range d.last {
		if snap.File(u) == nil && last.fingerprint != "" {
			uris = append(uris, u)
		}
	}
	return uris
}

// publishedFrom reports whether the diagnostics last sent for u were
// computed from snap, so computing them again would give the same list.
func (d *diagnoser) publishedFrom(u position.URI, snap *workspace.Snapshot) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	last, seen := d.last[u]
	return seen && last.snapshot == snap.ID()
}

// publishFile publishes the diagnostics of one file from the current
// Snapshot; always is false to skip an unchanged result.
func (d *diagnoser) publishFile(ctx context.Context, u position.URI, always bool) {
	d.publish(ctx, d.s.session.Snapshot(), u, always)
}

// publish computes and sends the diagnostics of u in snap. It sends
// nothing when ctx is cancelled, when a newer Snapshot's diagnostics were
// already sent for u, or, unless always is set, when they did not change.
func (d *diagnoser) publish(ctx context.Context, snap *workspace.Snapshot, u position.URI, always bool) {
	if !always && d.publishedFrom(u, snap) {
		return // the file's own pass already sent this snapshot's result
	}
	var diags []*diagnostics.Diagnostic
	version := int32(0)
	if f := snap.File(u); f != nil {
		defer d.s.gc.begin(len(f.Content))()
		start := time.Now()
		diags = diagnostics.File(ctx, snap, u)
		if f.Open {
			version = f.Version
		}
		if ctx.Err() == nil {
			d.mu.Lock()
			d.cost[u] = time.Since(start)
			d.mu.Unlock()
		}
	}
	if ctx.Err() != nil {
		return
	}
	list := d.s.diagnosticsOf(snap, u, diags)
	encoded, err := json.Marshal(list)
	if err != nil {
		d.s.log.Error("encoding diagnostics failed", "uri", string(u), "error", err)
		return
	}
	fingerprint := ""
	if len(list) > 0 {
		fingerprint = string(encoded)
	}

	d.sendMu.Lock()
	defer d.sendMu.Unlock()
	d.mu.Lock()
	last, seen := d.last[u]
	stale := seen && last.snapshot > snap.ID()
	unchanged := (seen && last.fingerprint == fingerprint) || (!seen && fingerprint == "")
	if stale || (!always && unchanged) {
		d.mu.Unlock()
		return
	}
	d.last[u] = published{snapshot: snap.ID(), fingerprint: fingerprint}
	d.mu.Unlock()

	params := publishParamsJSON(u, max(version, 0), encoded)
	if err := d.s.notifyEncoded(ctx, protocol.MethodTextDocumentPublishDiagnostics, params); err != nil {
		d.s.log.Debug("publishing diagnostics failed", "error", err)
	}
}

// publishParamsJSON returns the JSON of the publishDiagnostics params of
// u at version (left out when 0), around its encoded diagnostics list.
// The list is encoded once, for the fingerprint and for the message.
func publishParamsJSON(u position.URI, version int32, diagnostics []byte) []byte {
	uri, _ := json.Marshal(string(u)) // a string always encodes
	out := make([]byte, 0, len(uri)+len(diagnostics)+48)
	out = append(out, `{"uri":`...)
	out = append(out, uri...)
	if version > 0 {
		out = append(out, `,"version":`...)
		out = strconv.AppendInt(out, int64(version), 10)
	}
	out = append(out, `,"diagnostics":`...)
	out = append(out, diagnostics...)
	return append(out, '}')
}
