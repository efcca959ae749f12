package diagnostics

import (
	"sync"

	composeformat "github.com/compose-spec/compose-go/v2/format"
	"github.com/compose-spec/compose-go/v2/types"
)

// maxMemoEntries bounds the results a stringMemo keeps; it is emptied when
// it is full.
const maxMemoEntries = 4096

// stringMemo keeps the results of a function whose result depends only on
// its string argument, such as the parse of a port or volume string, so
// that a check after an edit does not parse the unchanged values again.
// It is safe for concurrent use.
type stringMemo[T any] struct {
	compute func(string) T

	mu      sync.Mutex
	results map[string]T // guarded by mu
}

func newStringMemo[T any](compute func(string) T) *stringMemo[T] {
	return &stringMemo[T]{compute: compute, results: map[string]T{}}
}

// get returns compute(s), from the kept results when s is among them.
func (m *stringMemo[T]) get(s string) T {
	m.mu.Lock()
	result, ok := m.results[s]
	m.mu.Unlock()
	if ok {
		return result
	}
	result = m.compute(s)
	m.mu.Lock()
	if len(m.results) >= maxMemoEntries {
		m.results = map[string]T{}
	}
	m.results[s] = result
	m.mu.Unlock()
	return result
}

// parsedPort is a result of types.ParsePortConfig.
type parsedPort struct {
	configs []types.ServicePortConfig // shared: must not be changed
	err     error
}

var portMemo = newStringMemo(func(value string) parsedPort {
	configs, err := types.ParsePortConfig(value)
	return parsedPort{configs, err}
})

// parsePort returns types.ParsePortConfig(value). The returned configs
// must not be changed.
func parsePort(value string) ([]types.ServicePortConfig, error) {
	parsed := portMemo.get(value)
	return parsed.configs, parsed.err
}

var volumeMemo = newStringMemo(func(value string) error {
	_, err := composeformat.ParseVolume(value)
	return err
})

// volumeError returns the error of composeformat.ParseVolume(value).
func volumeError(value string) error {
	return volumeMemo.get(value)
}
