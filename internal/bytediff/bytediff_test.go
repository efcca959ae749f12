package bytediff

import (
	"strings"
	"testing"
)

func TestCommonPrefixAndSuffix(t *testing.T) {
	long := strings.Repeat("x", 1000)
	tests := []struct {
		a, b           string
		prefix, suffix int
	}{
		{"", "", 0, 0},
		{"abc", "", 0, 0},
		{"abc", "abc", 3, 3},
		{"abXc", "abYc", 2, 1},
		{long + "a" + long, long + "b" + long, 1000, 1000},
		{long, long + "y", 1000, 0},
		{"é", "è", 1, 0},
	}
	for _, tt := range tests {
		if got := CommonPrefix([]byte(tt.a), []byte(tt.b)); got != tt.prefix {
			t.Errorf("CommonPrefix(%.10q, %.10q) = %d, want %d", tt.a, tt.b, got, tt.prefix)
		}
		if got := CommonSuffix([]byte(tt.a), []byte(tt.b)); got != tt.suffix {
			t.Errorf("CommonSuffix(%.10q, %.10q) = %d, want %d", tt.a, tt.b, got, tt.suffix)
		}
	}
}
