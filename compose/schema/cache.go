package schema

import (
	"encoding/json"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// maxCachedServices bounds the results kept by serviceLeaves; the cache is
// emptied when it is full.
const maxCachedServices = 8192

var (
	serviceCacheMu sync.Mutex
	serviceCache   = map[string][]*jsonschema.ValidationError{} // guarded by serviceCacheMu; by JSON of the service
)

// serviceLeaves returns the leaf errors of one service, with paths from
// the service. Results are kept by the service's JSON encoding, which
// holds everything validation reads, so equal services share one result.
// The returned errors must not be changed.
func serviceLeaves(svc map[string]any) ([]*jsonschema.ValidationError, error) {
	encoded, err := json.Marshal(svc)
	if err != nil {
		// A value JSON cannot encode cannot be cached; validate it directly.
		return validateServiceLeaves(svc)
	}
	key := string(encoded)
	serviceCacheMu.Lock()
	found, ok := serviceCache[key]
	serviceCacheMu.Unlock()
	if ok {
		return found, nil
	}
	found, err = validateServiceLeaves(svc)
	if err != nil {
		return nil, err
	}
	serviceCacheMu.Lock()
	if len(serviceCache) >= maxCachedServices {
		serviceCache = map[string][]*jsonschema.ValidationError{}
	}
	serviceCache[key] = found
	serviceCacheMu.Unlock()
	return found, nil
}

func validateServiceLeaves(svc map[string]any) ([]*jsonschema.ValidationError, error) {
	verr, err := validateService(svc)
	if err != nil || verr == nil {
		return nil, err
	}
	return leaves(verr), nil
}
