// Package server is the LSP wiring of stackls: it speaks JSON-RPC over a
// byte stream, keeps the workspace Session current from the client's
// notifications, and serves requests by calling the feature packages.
//
// Every LSP type stops here. A method file (hover.go, definition.go, ...)
// reads the request's Snapshot once, converts the LSP position to a byte
// offset with the File's Mapper, calls one feature function and converts
// the byte Spans of its result back to LSP ranges in the negotiated
// position encoding. A position past the end of a file gives an empty
// result (null or []), never an error.
//
// Notifications run one at a time on the connection's read loop, in the
// order the client sent them; requests run on their own goroutines with
// the Snapshot that was current when they arrived, so a request always
// sees every edit the client sent before it.
//
// Diagnostics are pushed (textDocument/publishDiagnostics) by default. A
// client that sends the initializationOptions {"pullDiagnostics": true}
// gets the diagnosticProvider capability and no pushes. After indexing
// the workspace folders, the server sends the notification
// $/stackls/indexed (IndexedMethod).
package server

import (
	"context"
	"encoding/json"
	"log/slog"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/jsonrpc2"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// Options configure a server.
type Options struct {
	// Version is reported as serverInfo.version.
	Version string

	// Logger receives the server's log; nil discards it. The server never
	// logs file contents or .env values.
	Logger *slog.Logger

	// DiagnosticsDelay is how long the server waits after the last edit of
	// a document before it computes and publishes its diagnostics; 0 means
	// 3 ms.
	DiagnosticsDelay time.Duration

	// CheckGCPercent, when above zero, is the garbage collector's target
	// (see debug.SetGCPercent) while the server parses a large file that
	// the client opened or changed, or checks any large file, if the
	// target is lower. The parse and the check allocate many times the
	// file's size, so at a low target they start collections that slow the
	// messages and checks that come meanwhile. The server sets the target
	// back when no such work runs. Zero leaves the target alone.
	CheckGCPercent int

	// Session, when not nil, is used in place of a new Session. Tests pass
	// one to read the server's state directly.
	Session *workspace.Session

	// TestHook, when not nil, runs at the start of every request with the
	// request's context and method. Tests use it to make a handler panic or
	// block until it is cancelled; production code leaves it nil.
	TestHook func(ctx context.Context, method string)
}

// lifecycle is the server's state in the initialize/shutdown sequence.
type lifecycle int

const (
	stateNew         lifecycle = iota // before initialize
	stateInitialized                  // initialize answered
	stateShutdown                     // shutdown done; only exit is accepted
)

// server handles the LSP methods listed in methods, reading a workspace
// Session.
type server struct {
	opts    Options
	log     *slog.Logger
	session *workspace.Session
	conn    jsonrpc2.Conn
	// stream is the connection's stream, through which notifications
	// whose params are encoded already are written; nil in tests that
	// build a server without one.
	stream *stream

	// ctx is cancelled at shutdown; background work (indexing, diagnostics)
	// runs under it.
	ctx    context.Context
	cancel context.CancelFunc

	mu       sync.Mutex
	state    lifecycle     // guarded by mu
	exitCode int           // guarded by mu; valid once exited is closed
	exited   chan struct{} // closed by the exit notification

	initializedOnce sync.Once // indexing starts once, at the first initialized

	indexedOnce sync.Once     // closes indexed
	indexed     chan struct{} // closed when the first index of the folders is built

	client atomic.Pointer[clientState] // set once by initialize

	requests    *inflight
	completions completionOrigins
	diagnostics *diagnoser
	// urgent counts the messages being read, the requests being handled
	// and the per-file diagnostics passes, which the workspace pass waits
	// for.
	urgent urgentWork
	// gc raises the collector's target during the checks of large files.
	gc gcBoost
}

// clientState is the client's setup as initialize sent it. It is never
// changed after initialize stores it.
type clientState struct {
	encoding position.Encoding
	folders  []string // workspace folder OS paths
	caps     clientCapabilities
	pull     bool // the client requested pull diagnostics in place of push
}

// newServer returns a server that talks to conn. The caller starts conn.
func newServer(ctx context.Context, conn jsonrpc2.Conn, opts Options) *server {
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	session := opts.Session
	if session == nil {
		session = workspace.NewSession()
	}
	ctx, cancel := context.WithCancel(ctx)
	s := &server{
		opts:     opts,
		log:      logger,
		session:  session,
		conn:     conn,
		ctx:      ctx,
		cancel:   cancel,
		exited:   make(chan struct{}),
		indexed:  make(chan struct{}),
		requests: newInflight(),
	}
	s.client.Store(&clientState{encoding: position.UTF16})
	s.gc.percent = opts.CheckGCPercent
	s.diagnostics = newDiagnoser(s)
	return s
}

// notifyEncoded sends a notification whose params are encoded JSON.
func (s *server) notifyEncoded(ctx context.Context, method string, params []byte) error {
	if s.stream == nil {
		return s.conn.Notify(ctx, method, json.RawMessage(params))
	}
	return s.stream.writeNotification(method, params)
}

// clientInfo returns what initialize recorded about the client.
func (s *server) clientInfo() *clientState { return s.client.Load() }

// encoding returns the negotiated position encoding.
func (s *server) encoding() position.Encoding { return s.clientInfo().encoding }

// lifecycleState returns the current lifecycle state.
func (s *server) lifecycleState() lifecycle {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

// setState moves the lifecycle to next.
func (s *server) setState(next lifecycle) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = next
}

// snapshotKey is the context key of the Snapshot a request reads.
type snapshotKey struct{}

// withSnapshot returns ctx carrying snap.
func withSnapshot(ctx context.Context, snap *workspace.Snapshot) context.Context {
	return context.WithValue(ctx, snapshotKey{}, snap)
}

// firstIndexWait bounds how long a request that arrives before the first
// index is built waits for it.
const firstIndexWait = 10 * time.Second

// firstIndexBuilt reports whether the first index of the workspace
// folders is built. The index's Snapshot is published before this turns
// true, so a Snapshot taken after a true answer contains the index.
func (s *server) firstIndexBuilt() bool {
	select {
	case <-s.indexed:
		return true
	default:
		return false
	}
}

// awaitFirstIndex waits until the first index of the workspace folders is
// built, ctx ends or firstIndexWait passes. A request that arrives before
// the index would see only the open documents and, for example, miss the
// service a host name refers to.
func (s *server) awaitFirstIndex(ctx context.Context) {
	timer := time.NewTimer(firstIndexWait)
	defer timer.Stop()
	select {
	case <-s.indexed:
	case <-ctx.Done():
	case <-timer.C:
		s.log.Warn("answering a request before the workspace index is built", "waited", firstIndexWait)
	}
}

// markIndexed records that the first index is built, or that there is
// none to wait for.
func (s *server) markIndexed() { s.indexedOnce.Do(func() { close(s.indexed) }) }

// snapshot returns the Snapshot that was current when the request in ctx
// arrived, or the current one for a context without a request.
func (s *server) snapshot(ctx context.Context) *workspace.Snapshot {
	if snap, ok := ctx.Value(snapshotKey{}).(*workspace.Snapshot); ok {
		return snap
	}
	return s.session.Snapshot()
}

// inflight tracks the cancel functions of running requests by ID.
type inflight struct {
	mu      sync.Mutex
	cancels map[jsonrpc2.ID]context.CancelFunc // guarded by mu
}

func newInflight() *inflight {
	return &inflight{cancels: map[jsonrpc2.ID]context.CancelFunc{}}
}

func (f *inflight) add(id jsonrpc2.ID, cancel context.CancelFunc) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cancels[id] = cancel
}

func (f *inflight) remove(id jsonrpc2.ID) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.cancels, id)
}

// cancel cancels the request with id; it reports whether one was running.
func (f *inflight) cancel(id jsonrpc2.ID) bool {
	f.mu.Lock()
	cancel, ok := f.cancels[id]
	f.mu.Unlock()
	if ok {
		cancel()
	}
	return ok
}

// recoverBackground logs a panic of background work (indexing, a
// diagnostics pass) with its stack, so that a feature that panics on odd
// input costs one result, not the server. Call it deferred.
func (s *server) recoverBackground(work string) {
	if r := recover(); r != nil {
		s.log.Error("recovered from a panic", "work", work, "panic", r, "stack", string(debug.Stack()))
	}
}
