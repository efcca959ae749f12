package main

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/stackls/stackls/bench/internal/runner"
)

// column is one figure of the results table.
type column struct {
	title string
	// values returns the figure and, for a latency, its p99 (nil when
	// there is none); ok is false when the result has no such figure.
	values func(r *runner.Result) (value float64, p99 *float64, mark string, ok bool)
}

func statColumn(title string, get func(r *runner.Result) *runner.Stat) column {
	return column{title: title, values: func(r *runner.Result) (float64, *float64, string, bool) {
		st := get(r)
		if st == nil || st.N == 0 {
			return 0, nil, "", false
		}
		mark := ""
		if st.Empty == st.N {
			mark = " ∅"
		}
		if st.Errors > 0 {
			mark += fmt.Sprintf(" (%d errors)", st.Errors)
		}
		p99 := st.P99
		return st.P50, &p99, mark, true
	}}
}

func singleColumn(title string, get func(r *runner.Result) (float64, bool)) column {
	return column{title: title, values: func(r *runner.Result) (float64, *float64, string, bool) {
		v, ok := get(r)
		return v, nil, "", ok
	}}
}

var columns = []column{
	singleColumn("start → initialize ms", func(r *runner.Result) (float64, bool) { return r.InitMs, r.InitMs > 0 }),
	singleColumn("peak RSS MB", func(r *runner.Result) (float64, bool) { return float64(r.PeakRSS) / 1e6, r.PeakRSS > 0 }),
	singleColumn("index ms", func(r *runner.Result) (float64, bool) { return deref(r.IndexMs) }),
	singleColumn("didOpen → diagnostics ms", func(r *runner.Result) (float64, bool) { return deref(r.OpenDiagMs) }),
	statColumn("hover p50 / p99 ms", func(r *runner.Result) *runner.Stat { return r.Requests[runner.Hover] }),
	statColumn("definition p50 / p99 ms", func(r *runner.Result) *runner.Stat { return r.Requests[runner.Definition] }),
	statColumn("completion p50 / p99 ms", func(r *runner.Result) *runner.Stat { return r.Requests[runner.Completion] }),
	statColumn("references p50 / p99 ms", func(r *runner.Result) *runner.Stat { return r.Requests[runner.References] }),
	statColumn("edit → diagnostics p50 / p99 ms", func(r *runner.Result) *runner.Stat { return r.EditDiag }),
	statColumn("re-index p50 / p99 ms", func(r *runner.Result) *runner.Stat { return r.Reindex }),
}

func deref(v *float64) (float64, bool) {
	if v == nil {
		return 0, false
	}
	return *v, true
}

func writeMarkdown(out io.Writer, r *Report) error {
	w := bufio.NewWriter(out)
	m := r.Machine
	fmt.Fprintf(w, "Run %s with `%s`.\n\n", r.Date, r.Command)
	fmt.Fprintf(w, "Machine: %d CPUs (%s), %s memory, Linux %s, %s", m.CPUs, m.Model, m.Memory, m.Kernel, m.Go)
	if m.Node != "" {
		fmt.Fprintf(w, ", Node.js %s", m.Node)
	}
	if m.Version != "" {
		fmt.Fprintf(w, "; %s", m.Version)
	}
	fmt.Fprint(w, ".")
	if m.LoadStart != "" {
		fmt.Fprintf(w, " Load average (1 minute) %s at the start and %s at the end.", m.LoadStart, m.LoadEnd)
	}
	fmt.Fprint(w, "\n\n")

	for _, s := range r.Sections {
		writeSection(w, s)
	}
	writeTargets(w, r)
	writeScaling(w, r)
	return w.Flush()
}

func writeSection(w io.Writer, s *Section) {
	fmt.Fprintf(w, "### %s: %s scenario\n\n", s.Target, s.Scenario)
	fmt.Fprintf(w, "Opened file: `%s` (%d lines).\n\n", s.File, s.FileLines)
	if len(s.Results) == 0 {
		fmt.Fprint(w, "No server ran this scenario.\n\n")
		return
	}
	var shown []column
	for _, col := range columns {
		for _, res := range s.Results {
			if _, _, _, ok := col.values(res); ok {
				shown = append(shown, col)
				break
			}
		}
	}
	fmt.Fprint(w, "| server |")
	for _, col := range shown {
		fmt.Fprintf(w, " %s |", col.title)
	}
	fmt.Fprint(w, "\n|---|")
	fmt.Fprint(w, strings.Repeat("---|", len(shown)))
	fmt.Fprintln(w)

	var stackls *runner.Result
	for _, res := range s.Results {
		if res.Server == stacklsName && res.Error == "" {
			stackls = res
		}
		name := res.Server
		if res.ServerVersion != "" && res.Server != stacklsName {
			name += " " + res.ServerVersion
		}
		fmt.Fprintf(w, "| %s |", name)
		for _, col := range shown {
			fmt.Fprintf(w, " %s |", cell(col, res))
		}
		fmt.Fprintln(w)
	}
	for _, res := range s.Results {
		if stackls == nil || res == stackls || res.Error != "" {
			continue
		}
		fmt.Fprintf(w, "| stackls ÷ %s |", res.Server)
		for _, col := range shown {
			fmt.Fprintf(w, " %s |", ratioCell(col, stackls, res))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
	for _, res := range s.Results {
		if res.Error != "" {
			fmt.Fprintf(w, "- %s failed: %s\n", res.Server, res.Error)
		}
		for _, note := range res.Notes {
			fmt.Fprintf(w, "- %s: %s\n", res.Server, note)
		}
		if res.IndexSource != "" {
			fmt.Fprintf(w, "- %s: index time from %s\n", res.Server, res.IndexSource)
		}
	}
	fmt.Fprintln(w)
}

func cell(col column, res *runner.Result) string {
	v, p99, mark, ok := col.values(res)
	if !ok {
		return "–"
	}
	if p99 != nil {
		return formatMs(v) + " / " + formatMs(*p99) + mark
	}
	return formatMs(v) + mark
}

func ratioCell(col column, stackls, peer *runner.Result) string {
	a, aP99, markA, okA := col.values(stackls)
	b, bP99, markB, okB := col.values(peer)
	if !okA || !okB || b == 0 {
		return "–"
	}
	text := formatRatio(a / b)
	if aP99 != nil && bP99 != nil && *bP99 != 0 {
		text += " / " + formatRatio(*aP99 / *bP99)
	}
	if strings.Contains(markA+markB, "∅") {
		text += " ∅" // one side's results were all empty, so the comparison is not fair
	}
	return text
}

// formatMs prints three significant digits at most, without exponents.
func formatMs(v float64) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	case v >= 1:
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprintf("%.3f", v)
}

func formatRatio(v float64) string { return formatMs(v) + "×" }

// sortedSections returns the sections of class in increasing size.
func sortedSections(r *Report, class string) []*Section {
	var out []*Section
	for _, s := range r.Sections {
		if s.Class == class {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Files < out[j].Files })
	return out
}

// writeScaling prints how stackls's costs grow with the generated size.
func writeScaling(w io.Writer, r *Report) {
	writeFileScaling(w, r)
	workspaces := sortedSections(r, "workspace")
	if len(workspaces) < 2 {
		return
	}
	fmt.Fprint(w, "### Scaling of stackls with the generated workspace\n\n")
	fmt.Fprint(w, "| files | index ms | index ms per 1,000 files | peak RSS MB | peak RSS KB per file | re-index p50 ms |\n|---|---|---|---|---|---|\n")
	for _, s := range workspaces {
		res := stacklsResult(s)
		if res == nil {
			continue
		}
		index, indexOK := deref(res.IndexMs)
		perThousand, reindex := "–", "–"
		if indexOK {
			perThousand = formatMs(index / float64(s.Files) * 1000)
		}
		if res.Reindex != nil {
			reindex = formatMs(res.Reindex.P50)
		}
		fmt.Fprintf(w, "| %d | %s | %s | %s | %s | %s |\n", s.Files, cell(columns[2], res), perThousand,
			formatMs(float64(res.PeakRSS)/1e6), formatMs(float64(res.PeakRSS)/1e3/float64(s.Files)), reindex)
	}
	fmt.Fprintln(w)
}

// writeFileScaling prints how stackls's per-file costs grow with the
// length of the generated files.
func writeFileScaling(w io.Writer, r *Report) {
	files := sortedSections(r, "files")
	if len(files) < 3 {
		return
	}
	fmt.Fprint(w, "### Scaling of stackls with the length of the generated files\n\n")
	fmt.Fprint(w, "| scenario | lines | didOpen → diagnostics ms | hover p50 ms | completion p50 ms | edit → diagnostics p50 ms | peak RSS MB |\n|---|---|---|---|---|---|---|\n")
	for _, kind := range []runner.Kind{runner.KindDockerfile, runner.KindCompose} {
		for _, s := range files {
			res := stacklsResult(s)
			if res == nil || s.Scenario != kind {
				continue
			}
			p50 := func(st *runner.Stat) string {
				if st == nil || st.N == 0 {
					return "–"
				}
				return formatMs(st.P50)
			}
			fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %s | %s |\n", kind, s.FileLines, cell(columns[3], res),
				p50(res.Requests[runner.Hover]), p50(res.Requests[runner.Completion]), p50(res.EditDiag),
				formatMs(float64(res.PeakRSS)/1e6))
		}
	}
	fmt.Fprintln(w)
}

func stacklsResult(s *Section) *runner.Result {
	for _, res := range s.Results {
		if res.Server == stacklsName {
			return res
		}
	}
	return nil
}
