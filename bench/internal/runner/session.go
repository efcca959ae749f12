// Package runner runs the benchmark scenarios against one language server
// at a time: it starts the server, initializes it on a workspace, opens
// one file, times requests, edits and re-indexing, and reads the server's
// peak memory.
package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/stackls/stackls/bench/internal/lsp"
	"github.com/stackls/stackls/bench/internal/procstat"
)

// Server is a stdio language server to measure.
type Server struct {
	Name    string
	Version string
	Argv    []string
	Kinds   []Kind // the scenarios whose file kind the server handles

	// Launch, when not nil, starts the server in place of running Argv;
	// the profiling command uses it to serve in the same process.
	Launch func(root string, stderr io.Writer) (*lsp.Client, error)
}

// start starts the server with the workspace root as its folder.
func (s Server) start(root string, stderr io.Writer) (*lsp.Client, error) {
	if s.Launch != nil {
		return s.Launch(root, stderr)
	}
	return lsp.Start(s.Argv, root, stderr)
}

// Handles reports whether the server handles the scenario's file kind.
func (s Server) Handles(kind Kind) bool {
	for _, k := range s.Kinds {
		if k == kind {
			return true
		}
	}
	return false
}

// Options set the repetitions and limits of a run.
type Options struct {
	Requests      int           // timed requests per method
	Warmup        int           // untimed requests per method before the timed ones
	Edits         int           // timed edits, alternately inserting and removing
	Reindexes     int           // timed on-disk changes of a compose file
	Timeout       time.Duration // per request and per wait for diagnostics
	IndexTimeout  time.Duration // for the whole index
	ProgressGrace time.Duration // how long to wait for a $/progress to begin
	Settle        time.Duration // pause after an edit when diagnostics carry no version
	WarmStart     bool          // start and stop the server once, untimed, before the timed run
	Starts        int           // extra timed starts; InitMs is the median over them and the run's own start
	Quiet         time.Duration // before timing requests, wait until no diagnostics arrived for this long

	// BeforeShutdown, when not nil, runs after the scenario and before
	// shutdown; the profiling command writes its heap profile there.
	BeforeShutdown func()
	StderrDir      string // folder of the server stderr logs, or "" to discard them
}

// Result is the measurements of one server in one scenario. Durations are
// in milliseconds, and a nil pointer or a missing map entry means not
// measured.
type Result struct {
	Server        string           `json:"server"`
	ServerVersion string           `json:"server_version,omitempty"`
	Scenario      Kind             `json:"scenario"`
	Workspace     string           `json:"workspace"`
	File          string           `json:"file"`
	FileLines     int              `json:"file_lines"`
	InitMs        float64          `json:"initialize_ms"`
	InitSamples   []float64        `json:"initialize_ms_samples,omitempty"`
	PeakRSS       int64            `json:"peak_rss_bytes"`
	IndexMs       *float64         `json:"index_ms,omitempty"`
	IndexSource   string           `json:"index_source,omitempty"`
	OpenDiagMs    *float64         `json:"open_diagnostics_ms,omitempty"`
	Requests      map[Method]*Stat `json:"requests"`
	EditDiag      *Stat            `json:"edit_diagnostics,omitempty"`
	Reindex       *Stat            `json:"reindex,omitempty"`
	Notes         []string         `json:"notes,omitempty"`
	Error         string           `json:"error,omitempty"`
	StderrLogPath string           `json:"stderr_log,omitempty"`
}

func (r *Result) note(format string, args ...any) {
	r.Notes = append(r.Notes, fmt.Sprintf(format, args...))
}

// session is one server process running one scenario.
type session struct {
	opts    Options
	sc      *Scenario
	client  *lsp.Client
	sampler *procstat.Sampler
	result  *Result
	uri     string
	text    *lsp.Text
	version int       // of the open document
	openAt  time.Time // when didOpen was written
}

// Run starts the server, runs the scenario and shuts the server down. A
// failure is recorded in Result.Error with whatever was measured before it.
func Run(ctx context.Context, srv Server, sc *Scenario, opts Options) *Result {
	result := &Result{
		Server: srv.Name, ServerVersion: srv.Version, Scenario: sc.Kind, Workspace: sc.Workspace,
		File: sc.File, FileLines: LineCount(sc.Content), Requests: map[Method]*Stat{},
	}
	stderr, logPath, err := openStderr(opts.StderrDir, srv.Name, sc.Kind)
	if err != nil {
		result.Error = err.Error()
		return result
	}
	defer stderr.Close()
	result.StderrLogPath = logPath

	if opts.WarmStart {
		if _, err := startOnce(ctx, srv, sc, opts, stderr); err != nil {
			result.note("warm start: %v", err)
		}
	}
	for range opts.Starts {
		latency, err := startOnce(ctx, srv, sc, opts, stderr)
		if err != nil {
			result.note("timed start: %v", err)
			break
		}
		result.InitSamples = append(result.InitSamples, ms(latency))
	}
	client, err := srv.start(sc.Workspace, stderr)
	if err != nil {
		result.Error = err.Error()
		return result
	}
	s := &session{opts: opts, sc: sc, client: client, result: result, uri: lsp.FileURI(sc.File), text: lsp.NewText(sc.Content)}
	s.sampler = procstat.StartSampler(client.Pid(), 100*time.Millisecond)

	if err := s.run(ctx); err != nil {
		result.Error = err.Error()
	}
	s.sampler.Sample()
	s.sampler.Stop()
	result.PeakRSS = s.sampler.Peak()
	if opts.BeforeShutdown != nil {
		opts.BeforeShutdown()
	}
	if err := client.Shutdown(ctx, 3*time.Second); err != nil {
		result.note("shutdown: %v", err)
	}
	return result
}

// startOnce starts the server, shuts it down after initialize and returns
// the time from start to the initialize response. The untimed warm start
// uses it so that the timed starts read the executable and its libraries
// from the page cache, like an editor's second start does.
func startOnce(ctx context.Context, srv Server, sc *Scenario, opts Options, stderr io.Writer) (time.Duration, error) {
	client, err := srv.start(sc.Workspace, stderr)
	if err != nil {
		return 0, err
	}
	initCtx, cancel := context.WithTimeout(ctx, opts.IndexTimeout)
	defer cancel()
	resp, _, err := client.Initialize(initCtx, sc.Workspace)
	if err != nil {
		client.Kill()
		return 0, err
	}
	return resp.Received.Sub(client.Started), client.Shutdown(ctx, 3*time.Second)
}

func openStderr(dir, server string, kind Kind) (io.WriteCloser, string, error) {
	if dir == "" {
		return nopCloser{io.Discard}, "", nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, "", fmt.Errorf("create stderr folder: %w", err)
	}
	path := filepath.Join(dir, fmt.Sprintf("%s-%s-%d.log", server, kind, time.Now().UnixNano()))
	f, err := os.Create(path)
	if err != nil {
		return nil, "", fmt.Errorf("create stderr log: %w", err)
	}
	return f, path, nil
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

func (s *session) run(ctx context.Context) error {
	initCtx, cancel := context.WithTimeout(ctx, s.opts.IndexTimeout)
	resp, initializedAt, err := s.client.Initialize(initCtx, s.sc.Workspace)
	cancel()
	if err != nil {
		return err
	}
	s.result.InitSamples = append(s.result.InitSamples, ms(resp.Received.Sub(s.client.Started)))
	s.result.InitMs = median(s.result.InitSamples)

	if s.sc.Kind == KindWorkspace {
		if err := s.open(ctx); err != nil {
			return err
		}
		if err := s.pollIndex(ctx, initializedAt); err != nil {
			return err
		}
		if err := s.waitProgress(ctx, initializedAt); err != nil {
			return err
		}
	} else {
		if err := s.waitProgress(ctx, initializedAt); err != nil {
			return err
		}
		if err := s.open(ctx); err != nil {
			return err
		}
	}
	if err := s.waitOpenDiagnostics(ctx); err != nil {
		return err
	}
	if err := s.waitQuiet(ctx, initializedAt); err != nil {
		return err
	}

	for _, method := range Methods {
		if err := s.timeRequests(ctx, method); err != nil {
			return err
		}
	}
	if err := s.timeEdits(ctx); err != nil {
		return err
	}
	return s.timeReindex(ctx)
}

func (s *session) open(context.Context) error {
	s.version = 1
	at, err := s.client.Open(s.sc.File, s.sc.LanguageID, s.sc.Content)
	s.openAt = at
	return err
}

// waitProgress waits for work-done progress that the server began after
// initialized and records its end as the index time.
func (s *session) waitProgress(ctx context.Context, initializedAt time.Time) error {
	ctx, cancel := context.WithTimeout(ctx, s.opts.IndexTimeout)
	defer cancel()
	tokens, err := s.client.Events.WaitProgressDone(ctx, s.opts.ProgressGrace)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if len(tokens) == 0 {
		return nil
	}
	last := tokens[0].End
	titles := make([]string, 0, len(tokens))
	for _, token := range tokens {
		if token.End.After(last) {
			last = token.End
		}
		titles = append(titles, fmt.Sprintf("%q", token.Title))
	}
	indexMs := ms(last.Sub(initializedAt))
	if s.result.IndexMs != nil && s.result.IndexSource != "$/progress" {
		s.result.note("first cross-file definition after %.1f ms", *s.result.IndexMs)
	}
	s.result.IndexMs = &indexMs
	s.result.IndexSource = "$/progress " + strings.Join(titles, ", ")
	return nil
}

// afterProgress is how long pollIndex keeps polling after the server's
// indexing progress ended, for a server whose index is usable a little later.
const afterProgress = time.Second

// pollIndex sends definition at the scenario's probes in turn until a
// result is not empty, and records that time as the index time.
func (s *session) pollIndex(ctx context.Context, initializedAt time.Time) error {
	probes := s.sc.Probes[Definition]
	if len(probes) == 0 || !s.client.Has(Definition.capability()) {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, s.opts.IndexTimeout)
	defer cancel()
	for i := 0; ; i++ {
		params := lsp.PositionParams(s.sc.File, s.text.Position(probes[i%len(probes)]))
		if ended, ok := s.client.Events.ProgressEnded(); ok && time.Since(ended) > afterProgress {
			s.result.note("every cross-file definition was still empty %v after indexing ended", afterProgress)
			return nil
		}
		resp, err := s.client.Conn.Call(ctx, Definition.lspMethod(), params)
		if errors.Is(err, context.DeadlineExceeded) {
			s.result.note("every cross-file definition stayed empty for %v", s.opts.IndexTimeout)
			return nil
		}
		var respErr *lsp.ResponseError
		if err != nil && !errors.As(err, &respErr) {
			return fmt.Errorf("poll index: %w", err)
		}
		if err == nil && !isEmpty(resp.Result) {
			indexMs := ms(resp.Received.Sub(initializedAt))
			s.result.IndexMs = &indexMs
			s.result.IndexSource = "first cross-file definition"
			return nil
		}
		time.Sleep(time.Millisecond)
	}
}

func (s *session) waitOpenDiagnostics(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, s.opts.Timeout)
	defer cancel()
	publish, err := s.client.Events.WaitDiagnostics(ctx, s.uri, s.openAt, 1)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			s.result.note("no diagnostics within %v of didOpen", s.opts.Timeout)
			return nil
		}
		return err
	}
	openMs := ms(publish.At.Sub(s.openAt))
	s.result.OpenDiagMs = &openMs
	return nil
}

// waitQuiet waits until the server has published no diagnostics for
// Options.Quiet, so that requests are timed once the server has finished
// the diagnostics of the whole workspace that it may publish after
// indexing. The time of the last publish is recorded in a note.
func (s *session) waitQuiet(ctx context.Context, initializedAt time.Time) error {
	if s.opts.Quiet <= 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, s.opts.IndexTimeout)
	defer cancel()
	last, files, err := s.client.Events.WaitQuiet(ctx, s.opts.Quiet)
	if err != nil {
		return fmt.Errorf("wait for diagnostics to settle: %w", err)
	}
	if files > 1 {
		s.result.note("diagnostics of %d files published, the last %.1f ms after initialized; requests were timed after that",
			files, ms(last.Sub(initializedAt)))
	}
	return nil
}

// isEmpty reports whether a result has nothing in it: null, [], {}, a
// completion list without items or a hover without contents.
func isEmpty(raw json.RawMessage) bool {
	trimmed := strings.TrimSpace(string(raw))
	switch trimmed {
	case "", "null", "[]", "{}":
		return true
	}
	var shape struct {
		Items    *[]json.RawMessage `json:"items"`
		Contents *json.RawMessage   `json:"contents"`
	}
	if json.Unmarshal(raw, &shape) != nil {
		return false
	}
	if shape.Items != nil {
		return len(*shape.Items) == 0
	}
	if shape.Contents != nil {
		contents := strings.TrimSpace(string(*shape.Contents))
		return contents == `""` || contents == "[]" || strings.Contains(contents, `"value":""`)
	}
	return false
}
