// Package lsptest drives a real stackls server over real pipes, as an
// editor does, for tests.
//
// New takes the same archive as internal/testws: "-- path --" lines start
// files, and «name» markers record byte offsets and are removed. It writes
// the files to a temporary folder and starts the server. By default the
// server runs in-process on a goroutine connected by os.Pipe pairs, the
// same code path as "stackls serve"; with the Binary option it is the
// built binary. New then sends initialize, with the folder as workspace
// folder and VS Code-like capabilities, and initialized, and waits for the
// server's $/stackls/indexed notification. Every wait is bounded by
// Timeout, and nothing sleeps.
//
// Helpers take a marker name for positions and return results as byte
// Spans of the file's current content, with paths relative to the
// workspace root, so tests compare them with markers and Find. A helper
// returns a nil slice for an empty or null result:
//
//	func TestServiceHostDefinition(t *testing.T) {
//		c := lsptest.New(t, `
//	-- compose.yaml --
//	services:
//	  «def»db:
//	    image: mariadb:11
//	  app:
//	    environment:
//	      DB_HOST: «use»db:3306
//	`)
//		_, def := c.WS.Marker("def")
//		want := []lsptest.Loc{{Path: "compose.yaml", Span: position.Span{Start: def, End: def + len("db")}}}
//		if got := c.Definition("use"); !reflect.DeepEqual(got, want) {
//			t.Errorf("definition at «use» = %v, want %v", got, want)
//		}
//
//		c.Open("compose.yaml")
//		c.Replace("compose.yaml", "db:3306", "dbb:3306")
//		for _, d := range c.Diagnostics("compose.yaml") { // waits for the new version
//			t.Logf("%v", d)
//		}
//	}
//
// Documents: Open, OpenAs, OpenContent, Change (Spans of the current
// content), Replace, ChangeFull, Close and WatchedFileChanged (writes or
// deletes the file on disk and notifies the server). Content and Find read
// the content the server should see. Sync returns once the server has read
// everything sent before it.
//
// Requests at a marker: Hover, Definition, References, Highlight,
// Completion, PrepareRename, Rename. Per file: Links, Symbols, Folding,
// SemanticTokens, Format, FormatRange, CodeActions, Diagnostics; and
// WorkspaceSymbols. At and PosAt build position params for Call, the raw
// request; ErrorCode reads the JSON-RPC code of its error.
//
// For protocol tests: WithoutInitialize, Go (send without waiting, for
// $/cancelRequest), WriteRaw, CloseInput, NullIDErrors, Shutdown, Exit,
// Wait and ServerLog. ServerOptions (in-process only) gives the server's
// Options, whose Session shows the server's state; WithServerOptions sets
// a TestHook that runs at the start of every request.
package lsptest
