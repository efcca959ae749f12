package server

import (
	"context"
	"encoding/json"

	"github.com/stackls/stackls/diagnostics"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/server/protocol"
)

// initializeParams are the fields of the initialize params that stackls
// reads.
type initializeParams struct {
	RootURI          *string `json:"rootUri"`
	RootPath         *string `json:"rootPath"`
	WorkspaceFolders []struct {
		URI  string `json:"uri"`
		Name string `json:"name"`
	} `json:"workspaceFolders"`
	ClientInfo *struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"clientInfo"`
	// Capabilities are decoded apart, leniently: a capability of an
	// unexpected shape is logged and ignored, not fatal.
	Capabilities          json.RawMessage `json:"capabilities"`
	InitializationOptions json.RawMessage `json:"initializationOptions"`
}

// clientCapabilities are the client capabilities that change what the
// server sends.
type clientCapabilities struct {
	General struct {
		PositionEncodings []string `json:"positionEncodings"`
	} `json:"general"`
	Window struct {
		WorkDoneProgress bool `json:"workDoneProgress"`
	} `json:"window"`
	Workspace struct {
		DidChangeWatchedFiles struct {
			DynamicRegistration bool `json:"dynamicRegistration"`
		} `json:"didChangeWatchedFiles"`
	} `json:"workspace"`
	TextDocument struct {
		Completion struct {
			CompletionList struct {
				ItemDefaults []string `json:"itemDefaults"`
			} `json:"completionList"`
			CompletionItem struct {
				SnippetSupport bool `json:"snippetSupport"`
				ResolveSupport struct {
					Properties []string `json:"properties"`
				} `json:"resolveSupport"`
			} `json:"completionItem"`
		} `json:"completion"`
		DocumentSymbol struct {
			HierarchicalDocumentSymbolSupport bool `json:"hierarchicalDocumentSymbolSupport"`
		} `json:"documentSymbol"`
	} `json:"textDocument"`
}

// initializationOptions are stackls's own initialize options.
type initializationOptions struct {
	// PullDiagnostics announces textDocument/diagnostic and stops pushed
	// diagnostics. The default is push, because a client that both pulls
	// and receives pushes shows every problem twice.
	PullDiagnostics bool `json:"pullDiagnostics"`
}

// initializeResult is the result of initialize, with the 3.17 fields
// positionEncoding and diagnosticProvider.
type initializeResult struct {
	Capabilities serverCapabilities   `json:"capabilities"`
	ServerInfo   *protocol.ServerInfo `json:"serverInfo,omitempty"`
}

type serverCapabilities struct {
	protocol.ServerCapabilities
	PositionEncoding   string             `json:"positionEncoding"`
	DiagnosticProvider *diagnosticOptions `json:"diagnosticProvider,omitempty"`
}

type diagnosticOptions struct {
	InterFileDependencies bool `json:"interFileDependencies"`
	WorkspaceDiagnostics  bool `json:"workspaceDiagnostics"`
}

type semanticTokensOptions struct {
	Legend protocol.SemanticTokensLegend `json:"legend"`
	Full   bool                          `json:"full"`
	Range  bool                          `json:"range"`
}

// completionTriggers are the characters after which the client asks for
// completion without the user asking: variables ($ {), flags (-),
// values (= :), paths (/), quoted strings (") and arguments (space).
var completionTriggers = []string{"$", "{", "-", "=", ":", "/", `"`, " "}

// initialize records the client's capabilities and returns the
// server's. It does no I/O: indexing starts at initialized.
func (s *server) initialize(ctx context.Context, params *initializeParams) (*initializeResult, error) {
	client := &clientState{folders: workspaceFolders(params)}
	if len(params.Capabilities) > 0 {
		if err := json.Unmarshal(params.Capabilities, &client.caps); err != nil {
			s.log.Warn("ignored client capabilities of an unexpected shape", "error", err)
		}
	}
	if len(params.InitializationOptions) > 0 {
		var opts initializationOptions
		if err := json.Unmarshal(params.InitializationOptions, &opts); err != nil {
			s.log.Warn("ignored initializationOptions of an unexpected shape", "error", err)
		}
		client.pull = opts.PullDiagnostics
	}
	client.encoding = negotiateEncoding(client.caps.General.PositionEncodings)
	s.client.Store(client)
	s.setState(stateInitialized)

	clientName := ""
	if params.ClientInfo != nil {
		clientName = params.ClientInfo.Name + " " + params.ClientInfo.Version
	}
	s.log.Info("initialize", "client", clientName, "folders", len(client.folders), "positionEncoding", client.encoding.String())

	caps := serverCapabilities{ServerCapabilities: protocol.ServerCapabilities{
		TextDocumentSync: &protocol.TextDocumentSyncOptions{
			OpenClose: true,
			Change:    protocol.TextDocumentSyncKindIncremental,
		},
		// Documentation that a client can resolve is left out of the list,
		// and a client resolves an item only when the server announces it.
		CompletionProvider:              &protocol.CompletionOptions{ResolveProvider: true, TriggerCharacters: completionTriggers},
		HoverProvider:                   true,
		DefinitionProvider:              true,
		ReferencesProvider:              true,
		DocumentHighlightProvider:       true,
		DocumentSymbolProvider:          true,
		WorkspaceSymbolProvider:         true,
		CodeActionProvider:              &protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix}},
		DocumentLinkProvider:            &protocol.DocumentLinkOptions{},
		DocumentFormattingProvider:      true,
		DocumentRangeFormattingProvider: true,
		RenameProvider:                  &protocol.RenameOptions{PrepareProvider: true},
		FoldingRangeProvider:            true,
		SemanticTokensProvider:          &semanticTokensOptions{Legend: semanticLegend(), Full: true},
		Workspace: &protocol.ServerCapabilitiesWorkspace{
			WorkspaceFolders: &protocol.ServerCapabilitiesWorkspaceFolders{Supported: true, ChangeNotifications: true},
		},
	}, PositionEncoding: client.encoding.String()}
	if client.pull {
		caps.DiagnosticProvider = &diagnosticOptions{InterFileDependencies: true}
	}
	return &initializeResult{
		Capabilities: caps,
		ServerInfo:   &protocol.ServerInfo{Name: "stackls", Version: s.opts.Version},
	}, nil
}

// negotiateEncoding picks the position encoding from the client's list:
// UTF-8 when offered, because offsets are bytes already, then UTF-16,
// which every client supports, then UTF-32.
func negotiateEncoding(offered []string) position.Encoding {
	has := map[string]bool{}
	for _, name := range offered {
		has[name] = true
	}
	switch {
	case has["utf-8"]:
		return position.UTF8
	case has["utf-16"] || len(offered) == 0:
		return position.UTF16
	case has["utf-32"]:
		return position.UTF32
	}
	return position.UTF16
}

// workspaceFolders returns the OS paths of the folders in params: the
// workspace folders, else rootUri, else rootPath. Folders that are not
// file URIs are dropped.
func workspaceFolders(params *initializeParams) []string {
	var folders []string
	for _, folder := range params.WorkspaceFolders {
		if path := uriPath(folder.URI); path != "" {
			folders = append(folders, path)
		}
	}
	if len(folders) > 0 {
		return folders
	}
	if params.RootURI != nil {
		if path := uriPath(*params.RootURI); path != "" {
			return []string{path}
		}
	}
	if params.RootPath != nil && *params.RootPath != "" {
		return []string{*params.RootPath}
	}
	return nil
}

// uriPath returns the OS path of a file URI from the client, or "".
func uriPath(raw string) string {
	uri, err := position.ParseURI(raw)
	if err != nil {
		return ""
	}
	return uri.Path()
}

// shutdown stops background work; after it only exit is accepted.
func (s *server) shutdown(_ context.Context, _ *noParams) (any, error) {
	s.setState(stateShutdown)
	s.stopBackground()
	s.log.Info("shutdown")
	return nil, nil
}

// exit ends the session: with code 0 after shutdown, 1 without.
func (s *server) exit(_ context.Context, _ *noParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.exited:
		return nil // a second exit
	default:
	}
	s.exitCode = 1
	if s.state == stateShutdown {
		s.exitCode = 0
	}
	close(s.exited)
	return nil
}

// afterInitialized handles the initialized notification: it starts the
// indexing, and beside it prepares the tables of the diagnostics, so that
// the first diagnostics of a file do not wait for them. Both start only
// now, after the initialize response is sent, to keep the start fast.
func (s *server) afterInitialized(ctx context.Context, params *protocol.InitializedParams) error {
	go func() {
		defer s.recoverBackground("preparing the checks")
		if err := diagnostics.Prepare(); err != nil {
			s.log.Warn("preparing the checks failed", "error", err)
		}
	}()
	return s.Initialized(ctx, params)
}
