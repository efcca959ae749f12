package server

import (
	"context"
	"fmt"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/server/protocol"
)

// watchedGlobs are the files whose changes on disk the server requests
// the client to report. Every file is watched because the index links
// files by content as well as by name (an entrypoint script without an
// extension, a config template copied by a Dockerfile); the Session skips
// changes inside folders that discovery skips too.
var watchedGlobs = []string{"**/*"}

// registerWatchers requests the client to report changes of watchedGlobs,
// when it supports dynamic registration of workspace/didChangeWatchedFiles.
func (s *server) registerWatchers(ctx context.Context) {
	if !s.clientInfo().caps.Workspace.DidChangeWatchedFiles.DynamicRegistration {
		return
	}
	watchers := make([]protocol.FileSystemWatcher, len(watchedGlobs))
	for i, glob := range watchedGlobs {
		watchers[i] = protocol.FileSystemWatcher{GlobPattern: glob}
	}
	params := &protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID:              "stackls/watched-files",
		Method:          protocol.MethodWorkspaceDidChangeWatchedFiles,
		RegisterOptions: &protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: watchers},
	}}}
	callCtx, cancel := context.WithTimeout(ctx, clientRequestTimeout)
	defer cancel()
	if _, err := s.conn.Call(callCtx, "client/registerCapability", params, nil); err != nil {
		s.log.Warn("registering the file watchers failed", "error", err)
	}
}

// DidChangeWatchedFiles re-reads the changed files from disk; open
// documents keep their editor content. Diagnostics follow.
func (s *server) DidChangeWatchedFiles(_ context.Context, params *protocol.DidChangeWatchedFilesParams) error {
	uris := make([]position.URI, 0, len(params.Changes))
	for _, change := range params.Changes {
		if change == nil {
			continue
		}
		u, err := position.ParseURI(string(change.URI))
		if err != nil {
			return fmt.Errorf("didChangeWatchedFiles: %w", err)
		}
		uris = append(uris, u)
	}
	if len(uris) == 0 {
		return nil
	}
	s.session.FilesChanged(uris)
	s.logSkipped()
	s.diagnostics.changed(uris...)
	return nil
}

// DidChangeWorkspaceFolders drops the files of removed folders from the
// index and clears their diagnostics, then indexes added folders in the
// background.
func (s *server) DidChangeWorkspaceFolders(_ context.Context, params *protocol.DidChangeWorkspaceFoldersParams) error {
	var added []string
	for _, folder := range params.Event.Added {
		if path := uriPath(folder.URI); path != "" {
			added = append(added, path)
		}
	}
	var removed []string
	for _, folder := range params.Event.Removed {
		if path := uriPath(folder.URI); path != "" {
			removed = append(removed, path)
		}
	}
	if len(removed) > 0 {
		_, dropped := s.session.RemoveFolders(removed)
		s.log.Info("removed workspace folders", "folders", len(removed), "files", len(dropped))
		s.diagnostics.changed(dropped...)
	}
	if len(added) > 0 {
		go s.indexWorkspace(s.ctx, added)
	}
	return nil
}
