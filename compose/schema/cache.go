package schema

import (
	"encoding/binary"
	"math"
	"slices"
	"strconv"
	"sync"
)

// maxCachedResults bounds the validation results kept; the cache is
// emptied when it is full.
const maxCachedResults = 8192

// Kinds of values whose validation results are cached. The kind is the
// first byte of a cache key, so equal encodings of two kinds do not share
// a result.
const (
	keyDocument = 'D' // a whole document, encoded by appendKey and validated against the root schema
	keyService  = 'S' // one service, encoded by appendTreeKey and validated against "#/$defs/service"
)

var (
	leafCacheMu sync.Mutex
	leafCache   = map[string][]*violation{} // guarded by leafCacheMu; by cache key
)

// cachedLeaves returns the leaf errors of a document, with paths from its
// root. Results are kept by an encoding of the value that holds everything
// validation reads, so equal documents share one result and an edited
// document never gets the result of its old content. The returned errors
// must not be changed.
func cachedLeaves(kind byte, value any) ([]*violation, error) {
	encoded, ok := appendKey([]byte{kind}, value)
	if !ok {
		// A value the encoding does not know cannot be cached; validate it directly.
		return validateLeaves(kind, value)
	}
	key := string(encoded)
	if found, ok := cachedResult(key); ok {
		return found, nil
	}
	found, err := validateLeaves(kind, value)
	if err != nil {
		return nil, err
	}
	storeResult(key, found)
	return found, nil
}

// cachedResult returns the leaf errors kept for a cache key.
func cachedResult(key string) ([]*violation, bool) {
	leafCacheMu.Lock()
	defer leafCacheMu.Unlock()
	found, ok := leafCache[key]
	return found, ok
}

// storeResult keeps the leaf errors of a cache key.
func storeResult(key string, found []*violation) {
	leafCacheMu.Lock()
	defer leafCacheMu.Unlock()
	if len(leafCache) >= maxCachedResults {
		leafCache = map[string][]*violation{}
	}
	leafCache[key] = found
}

func validateLeaves(kind byte, value any) ([]*violation, error) {
	validate := validateDocument
	if kind == keyService {
		validate = validateService
	}
	found, err := validate(value)
	if err != nil {
		return nil, err
	}
	return leavesOf(found), nil
}

// appendKey appends an encoding of v to buf. Two values get the same
// encoding only when they are equal: each value starts with a byte for its
// type, strings and collections carry their length, and mapping keys are
// sorted. It reports false for a type that NewInstance does not produce.
func appendKey(buf []byte, v any) ([]byte, bool) {
	switch v := v.(type) {
	case nil:
		return jsonScalar{kind: 'n'}.appendKey(buf), true
	case bool:
		return jsonScalar{kind: 'b', boolean: v}.appendKey(buf), true
	case int64:
		return jsonScalar{kind: 'i', integer: v}.appendKey(buf), true
	case float64:
		return jsonScalar{kind: 'd', float: v}.appendKey(buf), true
	case string:
		return jsonScalar{kind: 's', str: v}.appendKey(buf), true
	case []any:
		buf = binary.AppendUvarint(append(buf, 'l'), uint64(len(v)))
		for _, item := range v {
			var ok bool
			if buf, ok = appendKey(buf, item); !ok {
				return buf, false
			}
		}
		return buf, true
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		buf = binary.AppendUvarint(append(buf, 'm'), uint64(len(v)))
		for _, k := range keys {
			buf = appendKeyString(buf, k)
			var ok bool
			if buf, ok = appendKey(buf, v[k]); !ok {
				return buf, false
			}
		}
		return buf, true
	}
	return buf, false
}

func appendKeyString(buf []byte, s string) []byte {
	return append(binary.AppendUvarint(buf, uint64(len(s))), s...)
}

// appendKey appends the encoding of a scalar that appendKey gives the
// same value.
func (v jsonScalar) appendKey(buf []byte) []byte {
	switch v.kind {
	case 'b':
		if v.boolean {
			return append(buf, 't')
		}
		return append(buf, 'f')
	case 'i':
		buf = strconv.AppendInt(append(buf, 'i'), v.integer, 10)
		return append(buf, ';')
	case 'd':
		return binary.LittleEndian.AppendUint64(append(buf, 'd'), math.Float64bits(v.float))
	case 's':
		return appendKeyString(append(buf, 's'), v.str)
	}
	return append(buf, 'n')
}
