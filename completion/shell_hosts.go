package completion

import (
	"bytes"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// hostOptions are the command-line options whose value is a host name.
var hostOptions = map[string]bool{"-h": true, "--host": true, "-H": true, "--hostname": true}

// hostCommands are commands whose first argument that is not an option
// is a host name.
var hostCommands = map[string]bool{"nc": true, "ping": true, "ssh": true, "telnet": true, "nslookup": true, "dig": true, "host": true}

// hostItems proposes the service names (and container names, hostnames
// and aliases) that the script's containers can reach, when the word at
// offset is in the position of a host: after "//" or "@", after a host option
// such as "-h", or as the first argument of nc, ping and the like. It
// returns nil elsewhere.
func hostItems(snap *workspace.Snapshot, f *workspace.File, offset int) *List {
	start, end := nameBounds(f.Content, offset, isHostByte)
	if !hostPosition(f.Content, start) {
		return nil
	}
	span := position.Span{Start: start, End: end}
	var items []*Item
	for _, name := range snap.Index().HostNames(f.URI) {
		items = append(items, &Item{
			Label: name, Kind: KindReference, Detail: "service host", SortText: name,
			Edit: &position.TextEdit{Span: span, NewText: name},
		})
	}
	if len(items) == 0 {
		return nil
	}
	return &List{Items: items}
}

func isHostByte(b byte) bool { return isShellNameByte(b) || b == '-' || b == '.' }

// hostPosition reports whether a word starting at start is where a
// host name goes.
func hostPosition(content []byte, start int) bool {
	before := content[:start]
	if bytes.HasSuffix(before, []byte("//")) || bytes.HasSuffix(before, []byte("@")) || bytes.HasSuffix(before, []byte("--host=")) {
		return true
	}
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	words := bytes.Fields(before[lineStart:])
	if len(words) == 0 || !bytes.HasSuffix(before, []byte(" ")) && !bytes.HasSuffix(before, []byte("\t")) {
		return false
	}
	last := string(words[len(words)-1])
	if hostOptions[last] {
		return true
	}
	// The first argument of nc, ping and the like that is not an option.
	for i := len(words) - 1; i >= 0; i-- {
		word := string(words[i])
		if hostCommands[word] {
			return true
		}
		if len(word) == 0 || word[0] != '-' {
			return false
		}
	}
	return false
}
