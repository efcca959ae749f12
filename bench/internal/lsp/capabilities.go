package lsp

import "path/filepath"

// initializeParams returns the initialize parameters of an editor like VS
// Code: UTF-16 positions, Markdown, snippets, work-done progress and
// versioned diagnostics.
func initializeParams(pid int, root string) map[string]any {
	rootURI := FileURI(root)
	dynamic := map[string]any{"dynamicRegistration": true}
	return map[string]any{
		"processId":             pid,
		"clientInfo":            map[string]string{"name": "stackls-bench", "version": "1"},
		"locale":                "en",
		"rootPath":              root,
		"rootUri":               rootURI,
		"workspaceFolders":      []map[string]string{{"uri": rootURI, "name": filepath.Base(root)}},
		"initializationOptions": nil,
		"trace":                 "off",
		"capabilities": map[string]any{
			"general": map[string]any{"positionEncodings": []string{"utf-16"}},
			"window":  map[string]any{"workDoneProgress": true, "showDocument": map[string]bool{"support": true}},
			"workspace": map[string]any{
				"applyEdit": true, "configuration": true, "workspaceFolders": true,
				"didChangeConfiguration": dynamic,
				"didChangeWatchedFiles":  map[string]any{"dynamicRegistration": true, "relativePatternSupport": true},
				"symbol":                 dynamic,
				"workspaceEdit":          map[string]any{"documentChanges": true},
			},
			"textDocument": map[string]any{
				"synchronization": map[string]any{"dynamicRegistration": true, "didSave": true},
				"completion": map[string]any{
					"dynamicRegistration": true, "contextSupport": true,
					"completionItem": map[string]any{
						"snippetSupport": true, "documentationFormat": []string{"markdown", "plaintext"},
						"insertReplaceSupport": true, "labelDetailsSupport": true,
						"resolveSupport": map[string]any{"properties": []string{"documentation", "detail"}},
					},
					// As vscode-languageclient 11 sends it (LSP 3.17).
					"completionList": map[string]any{"itemDefaults": []string{"commitCharacters", "editRange", "insertTextFormat", "insertTextMode", "data"}},
				},
				"hover":              map[string]any{"dynamicRegistration": true, "contentFormat": []string{"markdown", "plaintext"}},
				"definition":         map[string]any{"dynamicRegistration": true, "linkSupport": true},
				"references":         dynamic,
				"documentHighlight":  dynamic,
				"documentSymbol":     map[string]any{"dynamicRegistration": true, "hierarchicalDocumentSymbolSupport": true},
				"rename":             map[string]any{"dynamicRegistration": true, "prepareSupport": true},
				"publishDiagnostics": map[string]any{"relatedInformation": true, "versionSupport": true, "codeDescriptionSupport": true},
				"documentLink":       dynamic,
				"formatting":         dynamic,
			},
		},
	}
}
