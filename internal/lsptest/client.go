package lsptest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/server"
	"github.com/stackls/stackls/workspace"
)

// Timeout bounds every wait of the client: a request, the index, a
// diagnostics publish, the server's exit. A wait that runs out fails the
// test with what it waited for.
var Timeout = 20 * time.Second

// Client is an LSP client connected to a running stackls server over a
// pair of pipes, with the test workspace it serves.
type Client struct {
	t  testing.TB
	WS *testws.WS // the workspace on disk; markers and Find refer to its original content

	conn   jsonrpc2.Conn
	stream *clientStream
	log    *lockedBuffer // the server's stderr
	done   chan int      // receives the server's exit code once
	exit   *int          // the exit code, once received

	serverOpts *server.Options // in-process only: the options the server runs with

	mu           sync.Mutex
	changed      chan struct{}                               // guarded by mu; closed and replaced on every event
	docs         map[string]*document                        // guarded by mu; open documents by relative path
	publishes    map[position.URI][]publish                  // guarded by mu
	expectAfter  map[position.URI]int                        // guarded by mu; event sequence a publish must follow
	seq          int                                         // guarded by mu; counts client events and publishes
	indexed      *server.IndexedParams                       // guarded by mu
	nullErrors   []*jsonrpc2.Error                           // guarded by mu
	notes        []Notification                              // guarded by mu
	registered   []string                                    // guarded by mu; dynamically registered methods
	capabilities json.RawMessage                             // guarded by mu; the server's capabilities
	encoding     position.Encoding                           // guarded by mu
	serverReqs   map[string]int                              // guarded by mu; server-to-client requests by method
	onRequest    func(method string, params json.RawMessage) // guarded by mu
}

// Notification is a notification the server sent.
type Notification struct {
	Method string
	Params json.RawMessage
}

// config is the client and server setup that Options change.
type config struct {
	binary       bool
	wrapper      []string // command that runs the binary, such as strace; empty runs it directly
	crlf         []string
	encodings    []string
	initOptions  any
	noInitialize bool
	serverOpts   server.Options
	capabilities map[string]any
}

// Option changes how New starts the server.
type Option func(*config)

// Binary runs the built stackls binary as a child process in place of a
// server goroutine. The binary is built once per test binary.
func Binary() Option { return func(c *config) { c.binary = true } }

// BinaryUnder runs the built binary, as Binary does, under a wrapper
// command such as strace or setpriv: the client starts wrapper[0] with
// the rest of wrapper, then the binary's path and its arguments.
func BinaryUnder(wrapper ...string) Option {
	return func(c *config) { c.binary, c.wrapper = true, wrapper }
}

// WithCRLF writes the named files with "\r\n" line endings; markers move
// to match.
func WithCRLF(paths ...string) Option { return func(c *config) { c.crlf = append(c.crlf, paths...) } }

// WithEncodings sets the client's general.positionEncodings; the default
// offers only "utf-16", as VS Code does.
func WithEncodings(names ...string) Option { return func(c *config) { c.encodings = names } }

// WithInitializationOptions sets initialize's initializationOptions.
func WithInitializationOptions(opts any) Option { return func(c *config) { c.initOptions = opts } }

// WithCapabilities replaces the VS Code-like client capabilities.
func WithCapabilities(caps map[string]any) Option { return func(c *config) { c.capabilities = caps } }

// WithoutInitialize starts the server and returns without initialize, for
// lifecycle tests; call Initialize to send it.
func WithoutInitialize() Option { return func(c *config) { c.noInitialize = true } }

// WithServerOptions sets the server's Options; in-process only. Version,
// Logger and Session are set by the client when left empty.
func WithServerOptions(opts server.Options) Option { return func(c *config) { c.serverOpts = opts } }

// New writes the archive to a temporary folder, starts a server on it,
// initializes it with the folder as its workspace folder and waits until
// the server has indexed it. The server is shut down when the test ends.
func New(t testing.TB, archive string, opts ...Option) *Client {
	t.Helper()
	cfg := config{encodings: []string{"utf-16"}}
	for _, opt := range opts {
		opt(&cfg)
	}
	var wsOpts []testws.Option
	if len(cfg.crlf) > 0 {
		wsOpts = append(wsOpts, testws.WithCRLF(cfg.crlf...))
	}
	c := &Client{
		t:           t,
		WS:          testws.New(t, archive, wsOpts...),
		log:         &lockedBuffer{},
		done:        make(chan int, 1),
		changed:     make(chan struct{}),
		docs:        map[string]*document{},
		publishes:   map[position.URI][]publish{},
		expectAfter: map[position.URI]int{},
		serverReqs:  map[string]int{},
	}
	if cfg.binary {
		c.startBinary(cfg.wrapper)
	} else {
		c.startInProcess(cfg.serverOpts)
	}
	t.Cleanup(c.cleanup)
	if !cfg.noInitialize {
		c.initialize(cfg)
	}
	return c
}

// startInProcess runs server.Serve on a goroutine, connected by two
// os.Pipe pairs: the same code path as "stackls serve".
func (c *Client) startInProcess(opts server.Options) {
	serverIn, clientOut, err := os.Pipe()
	if err != nil {
		c.t.Fatalf("creating a pipe: %v", err)
	}
	clientIn, serverOut, err := os.Pipe()
	if err != nil {
		c.t.Fatalf("creating a pipe: %v", err)
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(c.log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	if opts.Version == "" {
		opts.Version = "lsptest"
	}
	if opts.Session == nil {
		opts.Session = workspace.NewSession()
	}
	c.serverOpts = &opts
	go func() {
		c.done <- server.Serve(context.Background(), serverIn, serverOut, opts)
	}()
	c.connect(clientIn, clientOut)
}

// startBinary runs the built binary, under wrapper when it is not empty,
// with its working directory at the workspace root.
func (c *Client) startBinary(wrapper []string) {
	argv := append(append([]string(nil), wrapper...), binaryPath(c.t), "serve", "--stdio", "--log-level", "debug")
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = c.WS.Root
	cmd.Stderr = c.log
	stdin, err := cmd.StdinPipe()
	if err != nil {
		c.t.Fatalf("connecting to the server's stdin: %v", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		c.t.Fatalf("connecting to the server's stdout: %v", err)
	}
	if err := cmd.Start(); err != nil {
		c.t.Fatalf("starting %s: %v", cmd.Path, err)
	}
	go func() {
		err := cmd.Wait()
		var exitErr *exec.ExitError
		switch {
		case err == nil:
			c.done <- 0
		case errors.As(err, &exitErr):
			c.done <- exitErr.ExitCode()
		default:
			c.done <- -1
		}
	}()
	c.connect(stdout, stdin)
}

// connect starts the client's JSON-RPC connection.
func (c *Client) connect(in io.ReadCloser, out io.WriteCloser) {
	c.stream = &clientStream{in: bufio.NewReader(in), closer: in, out: out, onNull: c.recordNullError}
	c.conn = jsonrpc2.NewConn(c.stream)
	c.conn.Go(context.Background(), c.handle)
}

// Initialize sends initialize with the VS Code-like capabilities and the
// workspace folder, then initialized, and waits until the server has
// indexed the folder. New calls it unless WithoutInitialize is given; the
// options that change initialize (WithEncodings, WithCapabilities,
// WithInitializationOptions) apply here.
func (c *Client) Initialize(opts ...Option) {
	c.t.Helper()
	cfg := config{encodings: []string{"utf-16"}}
	for _, opt := range opts {
		opt(&cfg)
	}
	c.initialize(cfg)
}

func (c *Client) initialize(cfg config) {
	c.t.Helper()
	caps := cfg.capabilities
	if caps == nil {
		caps = vscodeCapabilities(cfg.encodings)
	}
	root := string(position.URIFromPath(c.WS.Root))
	params := map[string]any{
		"processId":             os.Getpid(),
		"clientInfo":            map[string]any{"name": "lsptest", "version": "1"},
		"rootUri":               root,
		"workspaceFolders":      []any{map[string]any{"uri": root, "name": filepath.Base(c.WS.Root)}},
		"capabilities":          caps,
		"initializationOptions": cfg.initOptions,
	}
	var result struct {
		Capabilities json.RawMessage `json:"capabilities"`
	}
	if err := c.Call("initialize", params, &result); err != nil {
		c.t.Fatalf("initialize: %v\nserver log:\n%s", err, c.ServerLog())
	}
	var negotiated struct {
		PositionEncoding string `json:"positionEncoding"`
	}
	if err := json.Unmarshal(result.Capabilities, &negotiated); err != nil {
		c.t.Fatalf("decoding the server capabilities: %v", err)
	}
	c.mu.Lock()
	c.capabilities = result.Capabilities
	c.encoding = encodingNamed(negotiated.PositionEncoding)
	c.mu.Unlock()

	c.Notify("initialized", map[string]any{})
	c.await("the server to index the workspace", func() bool { return c.indexed != nil })
}

// Capabilities returns the server capabilities from initialize, as JSON.
func (c *Client) Capabilities() json.RawMessage {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.capabilities
}

// Encoding returns the negotiated position encoding.
func (c *Client) Encoding() position.Encoding {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.encoding
}

// Indexed returns the params of the server's IndexedMethod notification.
func (c *Client) Indexed() server.IndexedParams {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.indexed == nil {
		return server.IndexedParams{}
	}
	return *c.indexed
}

func encodingNamed(name string) position.Encoding {
	switch name {
	case "utf-8":
		return position.UTF8
	case "utf-32":
		return position.UTF32
	}
	return position.UTF16
}

// await blocks until cond, read under mu, holds; it fails the test after
// Timeout with what it waited for.
func (c *Client) await(what string, cond func() bool) {
	c.t.Helper()
	deadline := time.NewTimer(Timeout)
	defer deadline.Stop()
	for {
		c.mu.Lock()
		ok, changed := cond(), c.changed
		c.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-changed:
		case <-deadline.C:
			c.t.Fatalf("timed out after %v waiting for %s\nserver log:\n%s", Timeout, what, c.ServerLog())
		}
	}
}

// event wakes every waiter and returns the next sequence number. The
// caller holds mu.
func (c *Client) event() int {
	c.seq++
	close(c.changed)
	c.changed = make(chan struct{})
	return c.seq
}

// ServerLog returns what the server wrote to stderr so far.
func (c *Client) ServerLog() string { return c.log.String() }

// ServerOptions returns the Options of an in-process server, or nil for
// the binary. Tests read Options.Session to check the server's state.
func (c *Client) ServerOptions() *server.Options { return c.serverOpts }

// String names the client in failure messages.
func (c *Client) String() string { return fmt.Sprintf("lsptest client for %s", c.WS.Root) }
