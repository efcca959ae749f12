package reliability

import (
	"encoding/json"
	"fmt"
	"os"
	"sync"

	"github.com/stackls/stackls/position"
)

// rangeChecker checks that every range of a response lies inside the
// content of the file it names, as the client last sent or wrote it.
type rangeChecker struct {
	enc position.Encoding

	mu      sync.Mutex
	open    map[string][]byte           // guarded by mu; content of open documents by URI
	mappers map[string]*position.Mapper // guarded by mu; cache by URI
}

func newRangeChecker(enc position.Encoding) *rangeChecker {
	return &rangeChecker{enc: enc, open: map[string][]byte{}, mappers: map[string]*position.Mapper{}}
}

// setOpen records the content of an open document; nil content marks it
// closed, so that its disk copy counts again.
func (k *rangeChecker) setOpen(uri string, content []byte) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if content == nil {
		delete(k.open, uri)
	} else {
		k.open[uri] = content
	}
	delete(k.mappers, uri)
}

// mapper returns the Mapper of the file at uri, or nil when it has no
// content: neither open nor readable on disk.
func (k *rangeChecker) mapper(uri string) *position.Mapper {
	k.mu.Lock()
	defer k.mu.Unlock()
	if m, ok := k.mappers[uri]; ok {
		return m
	}
	content, ok := k.open[uri]
	if !ok {
		var err error
		if content, err = os.ReadFile(position.URI(uri).Path()); err != nil {
			k.mappers[uri] = nil
			return nil
		}
	}
	m := position.NewMapper(content)
	k.mappers[uri] = m
	return m
}

// check returns a line for each range in result that lies outside its
// file. uri is the file of the request; ranges of Locations, LocationLinks
// and WorkspaceEdits are checked against the files they name.
func (k *rangeChecker) check(method, uri string, result json.RawMessage) []string {
	if len(result) == 0 || string(result) == "null" {
		return nil
	}
	var decoded any
	if err := json.Unmarshal(result, &decoded); err != nil {
		return []string{fmt.Sprintf("%s: invalid result JSON: %v", method, err)}
	}
	var problems []string
	switch method {
	case "textDocument/foldingRange":
		problems = k.checkFolding(uri, decoded)
	case "textDocument/semanticTokens/full":
		problems = k.checkTokens(uri, decoded)
	default:
		k.walk(decoded, uri, uri, "result", &problems)
	}
	return problems
}

// walk visits every value under v. here is the file that a range found
// there belongs to; request is the file of the request.
func (k *rangeChecker) walk(v any, here, request, path string, problems *[]string) {
	switch v := v.(type) {
	case []any:
		for i, item := range v {
			k.walk(item, here, request, fmt.Sprintf("%s[%d]", path, i), problems)
		}
	case map[string]any:
		if isRange(v) {
			if p := k.checkRange(here, v); p != "" {
				*problems = append(*problems, path+": "+p)
			}
			return
		}
		here = fileOf(v, here)
		for key, value := range v {
			switch key {
			case "originSelectionRange":
				k.walk(value, request, request, path+"."+key, problems)
			case "changes":
				byURI, _ := value.(map[string]any)
				for u, edits := range byURI {
					k.walk(edits, u, request, path+".changes["+u+"]", problems)
				}
			default:
				k.walk(value, here, request, path+"."+key, problems)
			}
		}
	}
}

// fileOf returns the file that the ranges of object v belong to: its
// "uri", "targetUri" or textDocument's "uri", else here.
func fileOf(v map[string]any, here string) string {
	if u, ok := v["uri"].(string); ok {
		return u
	}
	if u, ok := v["targetUri"].(string); ok {
		return u
	}
	if doc, ok := v["textDocument"].(map[string]any); ok {
		if u, ok := doc["uri"].(string); ok {
			return u
		}
	}
	return here
}

// isRange reports whether v has the shape of an LSP Range.
func isRange(v map[string]any) bool {
	start, okStart := v["start"].(map[string]any)
	end, okEnd := v["end"].(map[string]any)
	return okStart && okEnd && isPosition(start) && isPosition(end)
}

func isPosition(v map[string]any) bool {
	_, okLine := v["line"].(float64)
	_, okChar := v["character"].(float64)
	return okLine && okChar
}

// checkRange returns why rng does not fit the file at uri, or "".
func (k *rangeChecker) checkRange(uri string, rng map[string]any) string {
	r := toRange(rng)
	m := k.mapper(uri)
	if m == nil {
		if r == (position.Range{}) {
			return "" // the start of a file that cannot be read
		}
		return fmt.Sprintf("range %s in %s, which has no content", formatRange(r), uri)
	}
	if _, err := m.RangeSpan(r, k.enc); err != nil {
		return fmt.Sprintf("range %s lies outside %s: %v", formatRange(r), uri, err)
	}
	return ""
}

func toRange(rng map[string]any) position.Range {
	at := func(key string) position.Position {
		p := rng[key].(map[string]any)
		return position.Position{Line: int(p["line"].(float64)), Character: int(p["character"].(float64))}
	}
	return position.Range{Start: at("start"), End: at("end")}
}

func formatRange(r position.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Character, r.End.Line, r.End.Character)
}

// checkFolding checks that folding ranges name lines of the file, in
// order.
func (k *rangeChecker) checkFolding(uri string, decoded any) []string {
	m := k.mapper(uri)
	ranges, _ := decoded.([]any)
	var problems []string
	for i, item := range ranges {
		fr, _ := item.(map[string]any)
		start, okStart := fr["startLine"].(float64)
		end, okEnd := fr["endLine"].(float64)
		switch {
		case !okStart || !okEnd:
			problems = append(problems, fmt.Sprintf("folding range %d has no startLine or endLine: %v", i, fr))
		case m == nil || int(end) >= m.LineCount() || start > end:
			problems = append(problems, fmt.Sprintf("folding range %d, lines %v-%v, lies outside %s", i, start, end, uri))
		}
	}
	return problems
}

// checkTokens decodes the relative semantic token encoding and checks that
// each token is non-empty and lies on one line of the file.
func (k *rangeChecker) checkTokens(uri string, decoded any) []string {
	obj, _ := decoded.(map[string]any)
	data, _ := obj["data"].([]any)
	if len(data)%5 != 0 {
		return []string{fmt.Sprintf("semantic tokens: %d integers, not a multiple of 5", len(data))}
	}
	m := k.mapper(uri)
	var problems []string
	line, char := 0, 0
	for i := 0; i < len(data); i += 5 {
		deltaLine, deltaChar, length := int(data[i].(float64)), int(data[i+1].(float64)), int(data[i+2].(float64))
		if deltaLine > 0 {
			char = 0
		}
		line, char = line+deltaLine, char+deltaChar
		rng := position.Range{Start: position.Position{Line: line, Character: char}, End: position.Position{Line: line, Character: char + length}}
		var err error
		if m == nil {
			err = fmt.Errorf("no content")
		} else {
			_, err = m.RangeSpan(rng, k.enc)
		}
		if err != nil || length <= 0 {
			problems = append(problems, fmt.Sprintf("semantic token %d at %s (length %d) lies outside %s: %v", i/5, formatRange(rng), length, uri, err))
		}
	}
	return problems
}
