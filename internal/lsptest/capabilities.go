package lsptest

// vscodeCapabilities returns client capabilities in the shape VS Code 1.9x
// sends, with the position encodings given.
func vscodeCapabilities(encodings []string) map[string]any {
	kinds := func(n int) []int {
		values := make([]int, n)
		for i := range values {
			values[i] = i + 1
		}
		return values
	}
	dynamic := map[string]any{"dynamicRegistration": true}
	return map[string]any{
		"general": map[string]any{
			"positionEncodings":   encodings,
			"staleRequestSupport": map[string]any{"cancel": true, "retryOnContentModified": []string{}},
			"markdown":            map[string]any{"parser": "marked", "version": "1.1.0"},
		},
		"window": map[string]any{
			"workDoneProgress": true,
			"showMessage":      map[string]any{"messageActionItem": map[string]any{"additionalPropertiesSupport": true}},
			"showDocument":     map[string]any{"support": true},
		},
		"workspace": map[string]any{
			"applyEdit":              true,
			"configuration":          true,
			"workspaceFolders":       true,
			"workspaceEdit":          map[string]any{"documentChanges": true, "resourceOperations": []string{"create", "rename", "delete"}},
			"didChangeConfiguration": dynamic,
			"didChangeWatchedFiles":  map[string]any{"dynamicRegistration": true, "relativePatternSupport": true},
			"symbol":                 map[string]any{"dynamicRegistration": true, "symbolKind": map[string]any{"valueSet": kinds(26)}},
			"semanticTokens":         map[string]any{"refreshSupport": true},
			"diagnostics":            map[string]any{"refreshSupport": true},
		},
		"textDocument": map[string]any{
			"synchronization": map[string]any{"dynamicRegistration": true, "willSave": true, "willSaveWaitUntil": true, "didSave": true},
			"completion": map[string]any{
				"dynamicRegistration": true, "contextSupport": true,
				"completionItemKind": map[string]any{"valueSet": kinds(25)},
				"completionItem": map[string]any{
					"snippetSupport": true, "commitCharactersSupport": true,
					"documentationFormat": []string{"markdown", "plaintext"}, "insertReplaceSupport": true,
					"labelDetailsSupport": true, "resolveSupport": map[string]any{"properties": []string{"documentation", "detail"}},
				},
				"completionList": map[string]any{"itemDefaults": []string{"commitCharacters", "editRange", "insertTextFormat", "insertTextMode", "data"}},
			},
			"hover":             map[string]any{"dynamicRegistration": true, "contentFormat": []string{"markdown", "plaintext"}},
			"definition":        map[string]any{"dynamicRegistration": true, "linkSupport": true},
			"references":        dynamic,
			"documentHighlight": dynamic,
			"documentSymbol": map[string]any{
				"dynamicRegistration": true, "hierarchicalDocumentSymbolSupport": true, "labelSupport": true,
				"symbolKind": map[string]any{"valueSet": kinds(26)},
			},
			"codeAction": map[string]any{
				"dynamicRegistration": true, "isPreferredSupport": true, "dataSupport": true,
				"codeActionLiteralSupport": map[string]any{"codeActionKind": map[string]any{"valueSet": []string{"", "quickfix", "refactor", "source"}}},
			},
			"documentLink":    map[string]any{"dynamicRegistration": true, "tooltipSupport": true},
			"formatting":      dynamic,
			"rangeFormatting": dynamic,
			"rename":          map[string]any{"dynamicRegistration": true, "prepareSupport": true, "prepareSupportDefaultBehavior": 1},
			"foldingRange":    map[string]any{"dynamicRegistration": true, "rangeLimit": 5000, "lineFoldingOnly": true},
			"publishDiagnostics": map[string]any{
				"relatedInformation": true, "versionSupport": false, "codeDescriptionSupport": true, "dataSupport": true,
				"tagSupport": map[string]any{"valueSet": []int{1, 2}},
			},
			"semanticTokens": map[string]any{
				"dynamicRegistration": true, "requests": map[string]any{"range": true, "full": map[string]any{"delta": true}},
				"formats": []string{"relative"}, "multilineTokenSupport": false, "overlappingTokenSupport": false,
				"tokenTypes":     []string{"namespace", "type", "class", "parameter", "variable", "property", "function", "macro", "keyword", "comment", "string", "number", "operator"},
				"tokenModifiers": []string{"declaration", "definition", "readonly", "defaultLibrary"},
			},
			"diagnostic": map[string]any{"dynamicRegistration": true, "relatedDocumentSupport": false},
		},
	}
}
