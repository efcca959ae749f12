package completion

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/compose/composetest"
	"github.com/stackls/stackls/internal/testws"
)

// BenchmarkComposeCompletion measures completions on a 5,000-line compose
// file with 300 services, in turn of service keys, of a depends_on item
// and of a "${" variable.
func BenchmarkComposeCompletion(b *testing.B) {
	content := composetest.Generate(300)
	content = strings.Replace(content, "  svc150:\n", "  svc150:\n    re\n", 1)
	content = strings.Replace(content, "      - svc149\n", "      - svc149\n      - \n", 1)
	content = strings.Replace(content, "      SERVICE_NAME: svc151\n", "      SERVICE_NAME: ${\n", 1)
	ws := testws.New(b, "-- compose.yaml --\n"+content)
	uri := ws.URI("compose.yaml")
	snap := ws.Snapshot()
	offsets := []int{
		strings.Index(content, "    re\n") + 6,
		strings.Index(content, "      - \n") + 8,
		strings.Index(content, "SERVICE_NAME: ${\n") + len("SERVICE_NAME: ${"),
	}
	for _, offset := range offsets {
		if list, err := Complete(context.Background(), snap, uri, offset, Options{}); err != nil || list == nil || len(list.Items) == 0 {
			b.Fatalf("no completion at %d: %v", offset, err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Complete(context.Background(), snap, uri, offsets[i%len(offsets)], Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
