package schema

import (
	"sync"
	"testing"
)

func TestPrepareConcurrentWithCheck(t *testing.T) {
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				errs[i] = Prepare()
				return
			}
			_, errs[i] = validateDocument(map[string]any{"services": map[string]any{}})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("call %d: %v", i, err)
		}
	}
	if got := problemsText(t, "services:\n  a:\n    restrat: always\n"); len(got) != 1 {
		t.Errorf("problems after Prepare = %q, want one unknown property", got)
	}
}
