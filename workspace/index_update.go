package workspace

import (
	"bytes"
	"slices"

	"github.com/stackls/stackls/position"
)

// updatedIndex returns the Index of next derived from prev's Index when
// the files that differ between them only add host uses: shell scripts and
// config files whose kind, link and shebang are unchanged. Only their host
// uses are resolved again; every other part of prev's Index is shared. It
// returns nil when the Index must be built from scratch.
func updatedIndex(prev, next *Snapshot) *Index {
	old := prev.index
	if old == nil || prev.tree != next.tree || len(prev.folders) != len(next.folders) || len(prev.files) != len(next.files) {
		return nil
	}
	var changed []*File
	for uri, f := range next.files {
		before := prev.files[uri]
		if before == f {
			continue
		}
		if before == nil || !onlyHostsChanged(before, f) {
			return nil
		}
		changed = append(changed, f)
	}

	ix := *old
	ix.byKind = next.filesByKind()
	ix.hosts = make(map[position.URI][]*HostUse, len(old.hosts))
	for uri, uses := range old.hosts {
		ix.hosts[uri] = uses
	}
	ix.uses = make(map[*ServiceDef][]*HostUse, len(old.uses))
	for def, uses := range old.uses {
		ix.uses[def] = slices.Clip(uses) // an append must not write into old's array
	}

	touched := map[*ServiceDef]bool{}
	for _, f := range changed {
		for _, use := range old.hosts[f.URI] {
			for _, def := range use.Defs {
				touched[def] = true
			}
		}
		delete(ix.hosts, f.URI)
	}
	for def := range touched {
		ix.uses[def] = withoutFiles(ix.uses[def], changed)
	}
	for _, f := range changed {
		ix.addFileHosts(f)
		for _, use := range ix.hosts[f.URI] {
			for _, def := range use.Defs {
				touched[def] = true
			}
		}
	}
	for def := range touched {
		if uses := sortUses(ix.uses[def]); len(uses) > 0 {
			ix.uses[def] = uses
		} else {
			delete(ix.uses, def)
		}
	}
	return &ix
}

// onlyHostsChanged reports whether the new version of a file changes
// nothing in the Index but its host uses: both are shell scripts or both
// config files, with the same link, and when linked, the same shebang,
// which decides the kind of a linked file.
func onlyHostsChanged(before, after *File) bool {
	if before.URI != after.URI || before.Kind != after.Kind || before.linked != after.linked || before.Skipped != after.Skipped {
		return false
	}
	if after.Kind != KindShell && after.Kind != KindConfig {
		return false
	}
	return !after.linked || shebangClass(before.Content) == shebangClass(after.Content)
}

// shebangClass tells apart, as linkCopied does, content that starts with a
// shell shebang (1), another shebang (2) or none (0).
func shebangClass(content []byte) int {
	head := bytes.TrimPrefix(content, []byte("\xef\xbb\xbf"))
	switch {
	case isShellShebang(head):
		return 1
	case bytes.HasPrefix(head, []byte("#!")):
		return 2
	}
	return 0
}

// withoutFiles returns a new slice of the uses that lie in none of files.
func withoutFiles(uses []*HostUse, files []*File) []*HostUse {
	out := make([]*HostUse, 0, len(uses))
	for _, use := range uses {
		keep := true
		for _, f := range files {
			if use.Location.URI == f.URI {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, use)
		}
	}
	return out
}
