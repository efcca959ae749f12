package workspace

import "maps"

// cowMap is a map that each version of the index or of a Snapshot copies
// before it changes it, in time proportional to the keys changed since the
// last compaction rather than to its size. A version is a shared base map
// that no version writes, plus a small map of the keys set or deleted
// since. A version must not change once another version is copied from
// it or readers may use it.
type cowMap[K comparable, V any] struct {
	base   map[K]V
	delta  map[K]cowSlot[V] // keys changed since base; gone marks a deleted key
	n      int              // number of keys
	shared bool             // base belongs to an earlier version too, so changes go to delta
}

type cowSlot[V any] struct {
	value V
	gone  bool
}

// cowCompactMin is the number of changed keys under which a copy never
// folds them into a new base map.
const cowCompactMin = 256

// get returns the value of key and whether the map has it.
func (m *cowMap[K, V]) get(key K) (V, bool) {
	if slot, ok := m.delta[key]; ok {
		return slot.value, !slot.gone
	}
	v, ok := m.base[key]
	return v, ok
}

// at returns the value of key, or the zero value.
func (m *cowMap[K, V]) at(key K) V {
	v, _ := m.get(key)
	return v
}

// len returns the number of keys.
func (m *cowMap[K, V]) len() int { return m.n }

// set sets the value of key.
func (m *cowMap[K, V]) set(key K, v V) {
	if _, ok := m.get(key); !ok {
		m.n++
	}
	if !m.shared {
		if m.base == nil {
			m.base = map[K]V{}
		}
		m.base[key] = v
		return
	}
	if m.delta == nil {
		m.delta = map[K]cowSlot[V]{}
	}
	m.delta[key] = cowSlot[V]{value: v}
}

// reserve makes room for n more keys when the map is new, so that a build
// from scratch does not grow it step by step.
func (m *cowMap[K, V]) reserve(n int) {
	if m.base == nil && !m.shared {
		m.base = make(map[K]V, n)
	}
}

// del deletes key.
func (m *cowMap[K, V]) del(key K) {
	if _, ok := m.get(key); !ok {
		return
	}
	m.n--
	if !m.shared {
		delete(m.base, key)
		return
	}
	if _, inBase := m.base[key]; !inBase {
		delete(m.delta, key)
		return
	}
	if m.delta == nil {
		m.delta = map[K]cowSlot[V]{}
	}
	m.delta[key] = cowSlot[V]{gone: true}
}

// copy returns a version that the caller may change without changing m.
// When m has many changed keys, the copy folds them into a new base map,
// which costs time proportional to the size of the map once every
// cowCompactMin or more changes.
func (m *cowMap[K, V]) copy() cowMap[K, V] {
	if len(m.delta) > cowCompactMin && len(m.delta) > len(m.base)/8 {
		return cowMap[K, V]{base: m.flat(), n: m.n}
	}
	if m.base == nil {
		if len(m.delta) == 0 {
			return cowMap[K, V]{} // nothing to share: the copy writes its own base
		}
		return cowMap[K, V]{base: m.flat(), n: m.n}
	}
	return cowMap[K, V]{base: m.base, delta: maps.Clone(m.delta), n: m.n, shared: true}
}

// flat returns a new plain map of the keys and values.
func (m *cowMap[K, V]) flat() map[K]V {
	out := make(map[K]V, m.n)
	m.each(func(k K, v V) { out[k] = v })
	return out
}

// each calls fn for every key and value, in no order.
func (m *cowMap[K, V]) each(fn func(K, V)) {
	for k, v := range m.base {
		if _, changed := m.delta[k]; !changed {
			fn(k, v)
		}
	}
	for k, slot := range m.delta {
		if !slot.gone {
			fn(k, slot.value)
		}
	}
}
