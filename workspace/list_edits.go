package workspace

import (
	"slices"
	"sort"
)

// listEdits collects, per key of a map of lists, the elements to take out
// of the key's list and those to put in. A list never contains an element
// twice.
type listEdits[K comparable, E comparable] struct {
	edits map[K]*listEdit[E]
	slab  []listEdit[E] // storage of the edits, allocated in blocks
}

type listEdit[E comparable] struct {
	drop []E
	add  []E
}

// edit returns the edit of key, creating it on first use.
func (m *listEdits[K, E]) edit(key K) *listEdit[E] {
	if e := m.edits[key]; e != nil {
		return e
	}
	if m.edits == nil {
		m.edits = map[K]*listEdit[E]{}
	}
	if len(m.slab) == cap(m.slab) {
		m.slab = make([]listEdit[E], 0, 64)
	}
	m.slab = m.slab[:len(m.slab)+1]
	e := &m.slab[len(m.slab)-1]
	m.edits[key] = e
	return e
}

// get returns the edit of key, empty when key has none.
func (m *listEdits[K, E]) get(key K) listEdit[E] {
	if e := m.edits[key]; e != nil {
		return *e
	}
	return listEdit[E]{}
}

// remove records that the list of key loses elem.
func (m *listEdits[K, E]) remove(key K, elem E) {
	e := m.edit(key)
	e.drop = append(e.drop, elem)
}

// insert records that the list of key gains elem.
func (m *listEdits[K, E]) insert(key K, elem E) {
	e := m.edit(key)
	e.add = append(e.add, elem)
}

// apply writes the edited lists into lists: each edited key's list without
// the removed elements, with the inserted ones, sorted by less and without
// repeats. It deletes a key whose list ends empty, and returns the keys
// whose list changed.
func (m *listEdits[K, E]) apply(lists *cowMap[K, []E], less func(a, b E) bool) []K {
	lists.reserve(len(m.edits))
	var changed []K
	for key, e := range m.edits {
		old := lists.at(key)
		var list []E
		if len(old) == 0 && len(e.drop) == 0 {
			list = e.add // the edit's own slice, which nothing else refers to
		} else {
			dropped := func(elem E) bool { return slices.Contains(e.drop, elem) }
			if len(e.drop) > 8 {
				set := make(map[E]bool, len(e.drop))
				for _, elem := range e.drop {
					set[elem] = true
				}
				dropped = func(elem E) bool { return set[elem] }
			}
			list = make([]E, 0, len(old)+len(e.add))
			for _, elem := range old {
				if !dropped(elem) {
					list = append(list, elem)
				}
			}
			list = append(list, e.add...)
		}
		if len(list) > 1 {
			sort.SliceStable(list, func(i, j int) bool { return less(list[i], list[j]) })
			list = slices.Compact(list)
		}
		if slices.Equal(list, old) {
			continue
		}
		changed = append(changed, key)
		if len(list) == 0 {
			lists.del(key)
		} else {
			lists.set(key, slices.Clip(list))
		}
	}
	return changed
}
