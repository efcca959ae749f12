package symbols

import (
	"context"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

func dockerOutline(t *testing.T, src string) (*testws.WS, []*Symbol) {
	t.Helper()
	ws := testws.New(t, "-- Dockerfile --\n"+src)
	syms, err := Document(context.Background(), ws.Snapshot(), ws.URI("Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	return ws, syms
}

func TestDockerfileOutline(t *testing.T) {
	ws, syms := dockerOutline(t, "ARG BASE=3.20\n«s1»FROM golang:1.22 AS «n1»build«n2»\nRUN go build\nCOPY <<EOF /x\nbody\nEOF«s2»\n«t1»FROM alpine:$BASE\nCMD [\"app\"]«t2»\n")
	if len(syms) != 3 || syms[0].Name != "ARG" {
		t.Fatalf("want ARG and two stages, got %+v", syms)
	}
	build := syms[1]
	_, s1 := ws.Marker("s1")
	_, s2 := ws.Marker("s2")
	_, n1 := ws.Marker("n1")
	_, n2 := ws.Marker("n2")
	if build.Name != "build" || build.Span != (position.Span{Start: s1, End: s2}) || build.SelectionSpan != (position.Span{Start: n1, End: n2}) {
		t.Errorf("stage build: got %+v", build)
	}
	if names := childNames(build); len(names) != 3 || names[0] != "FROM" || names[1] != "RUN" || names[2] != "COPY" {
		t.Errorf("children of build: got %v", names)
	}
	if syms[2].Name != "alpine:$BASE" || len(syms[2].Children) != 2 {
		t.Errorf("second stage: got %+v", syms[2])
	}
	for _, sym := range syms {
		checkInside(t, ws, sym)
	}
}

func childNames(sym *Symbol) []string {
	var names []string
	for _, c := range sym.Children {
		names = append(names, c.Name)
	}
	return names
}

func checkInside(t *testing.T, ws *testws.WS, sym *Symbol) {
	t.Helper()
	n := len(ws.Content("Dockerfile"))
	if !sym.Span.Valid() || sym.Span.End > n || sym.SelectionSpan.Start < sym.Span.Start || sym.SelectionSpan.End > sym.Span.End {
		t.Errorf("symbol %s: Span %v, SelectionSpan %v, content %d bytes", sym.Name, sym.Span, sym.SelectionSpan, n)
	}
	for _, c := range sym.Children {
		checkInside(t, ws, c)
	}
}

// TestDockerfileOutlineCases checks the instructions found in hard inputs:
// a keyword split by a continuation is one instruction, a heredoc body is
// no instruction.
func TestDockerfileOutlineCases(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		count []int // children per stage
	}{
		{"keyword split over an empty line", "FROM alpine:3.20\nFR\\\n\nOM scratch\n", []int{1, 1}},
		{"keyword glued to a continuation", "FROM alpine:3.20\nHEALTHCHECK\\\nNONE\n", []int{2}},
		{"backslash-escaped heredoc word", "FROM debian:12\nCOPY <<-\\PAYLOAD /opt/data.txt\n  value\nPAYLOAD\nCMD [\"cat\", \"/opt/data.txt\"]\n", []int{3}},
		{"comment after a terminator", "FROM alpine:3.20\nRUN <<STEP\n  echo ready\nSTEP\n# trailing note\nRUN echo after\n", []int{3}},
		{"empty heredoc body", "FROM alpine:3.20\nRUN <<STEP bash\nSTEP\nRUN echo next\n", []int{3}},
		{"terminator at the end", "FROM alpine:3.20\nRUN <<STEP\necho last\nSTEP", []int{2}},
		{"opener on a continued line", "FROM alpine:3.20\nRUN apk add bash && \\\n    cat <<CFG > /etc/app.conf\nkey=value\nCFG\nRUN echo done\n", []int{3}},
		{"backtick escape", "# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nLABEL owner=\"team-a\" `\n      purpose=\"demo\"\nRUN move .\\x64\\Tools .\\Tools\n", []int{4}},
		{"BOM", "\uFEFF# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN <<STEP\necho ok\nSTEP\n", []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws, syms := dockerOutline(t, tt.src)
			var got []int
			for _, sym := range syms {
				got = append(got, len(sym.Children))
				checkInside(t, ws, sym)
			}
			if len(got) != len(tt.count) {
				t.Fatalf("want stages %v, got %v", tt.count, got)
			}
			for i := range got {
				if got[i] != tt.count[i] {
					t.Errorf("want stages %v, got %v", tt.count, got)
				}
			}
		})
	}
}

func TestDockerfileOutlineEmpty(t *testing.T) {
	for _, src := range []string{"", " ", "\n\n"} {
		_, syms := dockerOutline(t, src)
		if syms == nil || len(syms) != 0 {
			t.Errorf("outline of %q: want an empty list, got %v", src, syms)
		}
	}
}

func TestDockerfileFolding(t *testing.T) {
	ws := testws.New(t, "-- Dockerfile --\n«c1»# one\n# two«c2»\n«s1»FROM alpine:3.20\n«r1»RUN apk add \\\n    curl«r2»\n«h1»COPY <<EOF /x\n«b1»a\nb\nEOF«h2»«s2»\n")
	ranges, err := Folding(context.Background(), ws.Snapshot(), ws.URI("Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	span := func(a, b string) position.Span {
		_, s := ws.Marker(a)
		_, e := ws.Marker(b)
		return position.Span{Start: s, End: e}
	}
	want := map[position.Span]string{
		span("s1", "s2"): "region",
		span("r1", "r2"): "",
		span("h1", "h2"): "",
		span("b1", "h2"): "",
		span("c1", "c2"): "comment",
	}
	got := map[position.Span]string{}
	for _, r := range ranges {
		got[r.Span] = r.Kind
	}
	for s, kind := range want {
		if k, ok := got[s]; !ok || k != kind {
			t.Errorf("want folding %v (%q), got %v", s, kind, ranges)
		}
	}
	if len(got) != len(want) {
		t.Errorf("want %d folding ranges, got %v", len(want), ranges)
	}
}
