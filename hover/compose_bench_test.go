package hover_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/compose/composetest"
	"github.com/stackls/stackls/hover"
	"github.com/stackls/stackls/internal/testws"
)

// BenchmarkComposeHover measures hovers on a 5,000-line compose file with
// 300 services, in turn on a key (schema documentation), on a service
// used in depends_on (service card) and on a "${VAR}" reference.
func BenchmarkComposeHover(b *testing.B) {
	content := composetest.Generate(300)
	ws := testws.New(b, "-- compose.yaml --\n"+content)
	uri := ws.URI("compose.yaml")
	snap := ws.Snapshot()
	offsets := []int{
		strings.Index(content, "container_name: svc150") + 2,
		strings.Index(content, "- svc149") + 4,
		strings.LastIndex(content, "${LOG_LEVEL") + 3,
	}
	for _, offset := range offsets {
		if got, err := hover.Hover(context.Background(), snap, uri, offset); err != nil || got == nil {
			b.Fatalf("no hover at %d: %v", offset, err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := hover.Hover(context.Background(), snap, uri, offsets[i%len(offsets)]); err != nil {
			b.Fatal(err)
		}
	}
}
