package server

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/stackls/stackls/server/protocol"
	"github.com/stackls/stackls/workspace"
)

// IndexedMethod is the notification the server sends once it has indexed
// the workspace folders and published the diagnostics of the files it
// found. Its params are IndexedParams. Clients may ignore it; tests wait
// for it instead of sleeping.
const IndexedMethod = "$/stackls/indexed"

// IndexedParams are the params of IndexedMethod.
type IndexedParams struct {
	Files      int    `json:"files"`      // files in the workspace after indexing
	DurationMS int64  `json:"durationMs"` // wall time of the walk and parse
	Error      string `json:"error,omitempty"`
}

// clientRequestTimeout bounds the wait for the client's response to a
// server request such as window/workDoneProgress/create.
const clientRequestTimeout = 5 * time.Second

// Initialized starts the background work that initialize must not wait
// for: the watched-files registration and the workspace index.
func (s *server) Initialized(context.Context, *protocol.InitializedParams) error {
	s.initializedOnce.Do(func() {
		go s.registerWatchers(s.ctx)
		go s.indexWorkspace(s.ctx, s.clientInfo().folders)
	})
	return nil
}

// indexWorkspace indexes folders, reports progress when the client
// supports it, publishes the diagnostics of the files found and then
// sends IndexedMethod.
func (s *server) indexWorkspace(ctx context.Context, folders []string) {
	defer s.recoverBackground("indexing")
	defer s.markIndexed() // also when indexing fails or panics
	start := time.Now()
	end := s.beginProgress(ctx, "Indexing the workspace", fmt.Sprintf("%d folders", len(folders)))

	snap, err := s.session.AddFolders(ctx, folders)
	s.markIndexed()
	s.logSkipped()
	if lazy := s.session.TakeLazyIndex(); lazy != nil {
		s.log.Warn("indexing the workspace lazily because it is over the discovery limits", "files", lazy.Files, "limit", lazy.Limit, "read", lazy.Read, "unread", lazy.Unread, "incomplete", lazy.Incomplete)
		s.showMessage(ctx, protocol.MessageTypeWarning, lazyIndexMessage(lazy))
	}
	done := IndexedParams{DurationMS: time.Since(start).Milliseconds()}
	if err != nil {
		done.Error = err.Error()
		s.log.Error("indexing failed", "error", err)
		end("Indexing failed")
		s.logMessage(ctx, protocol.MessageTypeError, "stackls could not index the workspace: "+err.Error())
	} else {
		done.Files = len(snap.Files())
		summary := indexSummary(snap, len(folders), time.Since(start))
		s.log.Info("index built", "files", done.Files, "duration", time.Since(start))
		end(summary)
		s.logMessage(ctx, protocol.MessageTypeInfo, summary)
		s.diagnostics.publishIndexed(ctx)
	}
	if err := s.conn.Notify(ctx, IndexedMethod, &done); err != nil {
		s.log.Debug("sending the indexed notification failed", "error", err)
	}
}

// indexSummary describes the index for the user: how many files of each
// kind in how many folders, and how long it took.
func indexSummary(snap *workspace.Snapshot, folders int, took time.Duration) string {
	counts := map[string]int{}
	for _, f := range snap.Files() {
		counts[f.Kind.String()]++
	}
	kinds := make([]string, 0, len(counts))
	for kind, n := range counts {
		kinds = append(kinds, fmt.Sprintf("%d %s", n, kind))
	}
	sort.Strings(kinds)
	return fmt.Sprintf("stackls indexed %d files in %d folders in %d ms (%s)",
		len(snap.Files()), folders, took.Milliseconds(), strings.Join(kinds, ", "))
}

// logSkipped logs each file with a known kind that the session does not
// parse, with its path and reason, once per path for the life of the
// session.
func (s *server) logSkipped() {
	for _, sk := range s.session.TakeSkipped() {
		s.log.Warn("not parsing a workspace file", "path", sk.Path, "reason", sk.Reason)
	}
}

// lazyIndexMessage returns the message that explains what a workspace
// over the discovery limits left out of the first index, and how to index
// it in full.
func lazyIndexMessage(lazy *workspace.LazyIndex) string {
	var b strings.Builder
	if lazy.Incomplete {
		fmt.Fprintf(&b, "stackls stopped listing the workspace folders after %d files, so files past them are indexed only when you open them. ", lazy.Files)
	} else {
		fmt.Fprintf(&b, "The workspace folders hold %d files, over the limit of %d that stackls indexes in full, so it indexes them lazily. ", lazy.Files, lazy.Limit)
	}
	if lazy.Unread > 0 {
		fmt.Fprintf(&b, "It read %d of the %d files whose name shows their kind (Makefiles and compose files first);", lazy.Read, lazy.Read+lazy.Unread)
	} else {
		fmt.Fprintf(&b, "It read the %d files whose name shows their kind;", lazy.Read)
	}
	b.WriteString(" it reads the others when an indexed file names them or when you open them, and scripts known only by their #! line are left out. ")
	b.WriteString("To index everything, open the folder of one project instead of a folder that holds many.")
	return b.String()
}

// beginProgress starts a work-done progress when the client supports it,
// and returns the function that ends it with a message. Without client
// support, or when the client does not respond to the create request, the
// returned function does nothing.
func (s *server) beginProgress(ctx context.Context, title, message string) (end func(message string)) {
	nothing := func(string) {}
	if !s.clientInfo().caps.Window.WorkDoneProgress {
		return nothing
	}
	token := fmt.Sprintf("stackls/%s/%d", strings.ReplaceAll(strings.ToLower(title), " ", "-"), time.Now().UnixNano())
	callCtx, cancel := context.WithTimeout(ctx, clientRequestTimeout)
	defer cancel()
	if _, err := s.conn.Call(callCtx, "window/workDoneProgress/create", map[string]any{"token": token}, nil); err != nil {
		s.log.Warn("creating a progress token failed", "error", err)
		return nothing
	}
	s.progress(ctx, token, map[string]any{"kind": "begin", "title": title, "message": message, "cancellable": false})
	return func(message string) {
		s.progress(ctx, token, map[string]any{"kind": "end", "message": message})
	}
}

func (s *server) progress(ctx context.Context, token string, value map[string]any) {
	if err := s.conn.Notify(ctx, "$/progress", map[string]any{"token": token, "value": value}); err != nil {
		s.log.Debug("sending progress failed", "error", err)
	}
}

// showMessage shows message to the user (window/showMessage).
func (s *server) showMessage(ctx context.Context, kind protocol.MessageType, message string) {
	if err := s.conn.Notify(ctx, "window/showMessage", &protocol.ShowMessageParams{Type: kind, Message: message}); err != nil {
		s.log.Debug("sending a message to show failed", "error", err)
	}
}

// logMessage shows message in the client's log (window/logMessage).
func (s *server) logMessage(ctx context.Context, kind protocol.MessageType, message string) {
	if err := s.conn.Notify(ctx, "window/logMessage", &protocol.LogMessageParams{Type: kind, Message: message}); err != nil {
		s.log.Debug("sending a log message failed", "error", err)
	}
}
