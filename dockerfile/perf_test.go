package dockerfile

import (
	"strings"
	"testing"
	"time"
)

// TestParseTimeIsLinear parses inputs that used to cost quadratic time: an
// error on every line, and one instruction continued over many lines.
func TestParseTimeIsLinear(t *testing.T) {
	inputs := map[string]string{
		"an error on every line": "FROM a\n" + strings.Repeat("ENV X\n", 5000),
		"a long continuation":    "FROM a\nRUN " + strings.Repeat("echo x \\\n", 20000) + "true\n",
	}
	for name, src := range inputs {
		start := time.Now()
		f := Parse([]byte(src))
		if elapsed := time.Since(start); elapsed > 2*time.Second {
			t.Errorf("%s: Parse took %v", name, elapsed)
		}
		if len(f.Instructions) == 0 {
			t.Errorf("%s: no instructions", name)
		}
	}
}
