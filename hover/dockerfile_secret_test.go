package hover

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

// TestDockerfileHoverHidesSecretValues hovers on variables whose names look
// like secrets and expects the hover to say they are set without their value.
func TestDockerfileHoverHidesSecretValues(t *testing.T) {
	ws := testws.New(t, `
-- Dockerfile --
FROM alpine:3.20
ARG «arg»DB_PASSWORD=hunter2
ENV «env»API_TOKEN=tok-123 PLAIN=visible
RUN echo "$«use»DB_PASSWORD $«plain»PLAIN"
`)
	snap := ws.Snapshot()
	for _, marker := range []string{"arg", "env", "use"} {
		uri, offset := ws.Marker(marker)
		got, err := Hover(context.Background(), snap, uri, offset+1)
		if err != nil || got == nil {
			t.Fatalf("hover «%s»: %v, %v", marker, got, err)
		}
		for _, secret := range []string{"hunter2", "tok-123"} {
			if strings.Contains(got.Markdown, secret) {
				t.Errorf("hover «%s» shows the secret value %q:\n%s", marker, secret, got.Markdown)
			}
		}
	}
	uri, offset := ws.Marker("plain")
	got, err := Hover(context.Background(), snap, uri, offset+1)
	if err != nil || got == nil || !strings.Contains(got.Markdown, "visible") {
		t.Errorf("hover on PLAIN = %v, %v; want its value `visible`", got, err)
	}
}
