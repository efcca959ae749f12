package server_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/server"
)

// benchServerOptions returns the server options of the LSP benchmarks,
// with diagnosticsDelay as the server's Options.DiagnosticsDelay. The log
// level is info, as "stackls serve" runs by default, so no request writes
// a debug line.
func benchServerOptions(diagnosticsDelay time.Duration) lsptest.Option {
	logger := slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelInfo}))
	return lsptest.WithServerOptions(server.Options{Logger: logger, DiagnosticsDelay: diagnosticsDelay})
}

// reportLatencies reports the median and the 99th percentile of
// durations, nearest rank, in nanoseconds.
func reportLatencies(b *testing.B, durations []time.Duration) {
	if len(durations) == 0 {
		return
	}
	slices.Sort(durations)
	b.ReportMetric(float64(durations[(len(durations)-1)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(durations[(len(durations)-1)*99/100].Nanoseconds()), "p99-ns")
}

// roundTripArchive is the inception example with markers where hover,
// definition and completion find something: «h…» for hover, «d…» for
// definition and «c…» for completion.
func roundTripArchive(b *testing.B) string {
	return testws.Example(b, "inception",
		// entrypoint script: a service name used as a host
		"until nc -z mariadb 3306", "until nc -z «hhost»mariadb 3306",
		"ping -h mariadb", "ping -h «dhost»mariadb",
		`-u "$MYSQL_USER"`, `-u "$«cvar»MYSQL_USER"`,
		// compose file: a value, a service key, a dependency, a variable
		"    restart: unless-stopped\n\n  wordpress:", "    restart: «crestart»unless-stopped\n\n  wordpress:",
		"  wordpress:\n    container_name: wordpress", "  «hservice»wordpress:\n    container_name: wordpress",
		"    depends_on:\n      - wordpress", "    depends_on:\n      - «ddepends»wordpress",
		"device: ${DATA_DIR}/wordpress", "device: ${«dvar»DATA_DIR}/wordpress",
		// Dockerfile: an instruction and the start of a line
		"RUN curl -fsSL", "«hrun»RUN curl -fsSL",
		"WORKDIR /var/www/html", "«cline»WORKDIR /var/www/html",
	)
}

// roundTripFiles are the files that the round-trip benchmark opens, as an
// editor does before it sends requests.
var roundTripFiles = []string{
	"srcs/docker-compose.yml",
	"srcs/requirements/wordpress/Dockerfile",
	"srcs/requirements/wordpress/tools/entrypoint.sh",
}

// BenchmarkRoundTrip measures requests over LSP to an in-process server
// on the inception example: from writing the request to reading its
// response, JSON encoding and the pipes included. Each sub-benchmark
// cycles through its markers and reports the median and the 99th
// percentile. Every result is checked once, before the timer, to be
// neither null nor empty.
func BenchmarkRoundTrip(b *testing.B) {
	c := lsptest.New(b, roundTripArchive(b), benchServerOptions(0))
	for _, rel := range roundTripFiles {
		c.Open(rel)
		c.Diagnostics(rel) // so that no diagnostics pass competes with the requests
	}
	requests := []struct {
		name, method string
		markers      []string
	}{
		{"Hover", "textDocument/hover", []string{"hhost", "hservice", "hrun"}},
		{"Definition", "textDocument/definition", []string{"dhost", "ddepends", "dvar"}},
		{"Completion", "textDocument/completion", []string{"cvar", "crestart", "cline"}},
	}
	for _, request := range requests {
		b.Run(request.name, func(b *testing.B) {
			var params []map[string]any
			for _, marker := range request.markers {
				params = append(params, c.At(marker))
				if result := callRaw(b, c, request.method, params[len(params)-1]); isEmptyAnswer(result) {
					b.Fatalf("%s at «%s» returned %s", request.method, marker, result)
				}
			}
			var durations []time.Duration
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				start := time.Now()
				callRaw(b, c, request.method, params[i%len(params)])
				durations = append(durations, time.Since(start))
				i++
			}
			reportLatencies(b, durations)
		})
	}
}

// callRaw sends a request and returns its result as raw JSON, so that the
// client does not decode it.
func callRaw(b *testing.B, c *lsptest.Client, method string, params any) json.RawMessage {
	var result json.RawMessage
	if err := c.Call(method, params, &result); err != nil {
		b.Fatalf("%s: %v", method, err)
	}
	return result
}

// isEmptyAnswer reports whether a result is null, an empty list or a
// completion list whose items are null or empty.
func isEmptyAnswer(result json.RawMessage) bool {
	switch string(result) {
	case "", "null", "[]":
		return true
	}
	var fields map[string]json.RawMessage
	if result[0] != '{' || json.Unmarshal(result, &fields) != nil {
		return false
	}
	items, isList := fields["items"]
	return isList && (string(items) == "null" || string(items) == "[]")
}
