package lsptest

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	builtPath string
	buildErr  string
)

// binaryPath builds cmd/stackls once per test binary and returns the
// path of the result. The binary goes to one fixed file in the system's
// temporary folder, replaced atomically, so repeated runs leave no
// copies and a running binary is never overwritten in place.
func binaryPath(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir := filepath.Join(os.TempDir(), "stackls-lsptest")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			buildErr = err.Error()
			return
		}
		tmp, err := os.CreateTemp(dir, "stackls-*.tmp")
		if err != nil {
			buildErr = err.Error()
			return
		}
		if err := tmp.Close(); err != nil {
			buildErr = err.Error()
			return
		}
		out, err := exec.Command("go", "build", "-o", tmp.Name(), "github.com/stackls/stackls/cmd/stackls").CombinedOutput()
		if err != nil {
			buildErr = err.Error() + "\n" + string(out)
			os.Remove(tmp.Name())
			return
		}
		builtPath = filepath.Join(dir, "stackls")
		if err := os.Rename(tmp.Name(), builtPath); err != nil {
			buildErr = err.Error()
		}
	})
	if buildErr != "" {
		t.Fatalf("building stackls: %s", buildErr)
	}
	return builtPath
}
