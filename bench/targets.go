package main

import (
	"fmt"
	"io"

	"github.com/stackls/stackls/bench/internal/runner"
)

// check is one performance target of stackls, measured in one section.
type check struct {
	name     string
	limit    float64 // upper bound of the figure
	unit     string
	measured *float64
	empty    bool // the latency is of results that were all empty
}

// targetChecks returns the targets that apply to the stackls result of a
// section. The limits are the project's performance goals: start-up, memory
// and latency on the examples, latency on the long generated files, and
// index cost on the 10,000-file workspace.
func targetChecks(s *Section, res *runner.Result) []check {
	checks := []check{{name: "start → initialize", limit: 10, unit: "ms", measured: &res.InitMs}}
	rss := float64(res.PeakRSS) / 1e6
	latency := func(method runner.Method, p50Limit float64, withP99 bool) {
		st := res.Requests[method]
		if st == nil || st.N == 0 {
			checks = append(checks, check{name: string(method) + " p50", limit: p50Limit, unit: "ms"})
			return
		}
		empty := st.Empty == st.N
		checks = append(checks, check{name: string(method) + " p50", limit: p50Limit, unit: "ms", measured: &st.P50, empty: empty})
		if withP99 {
			checks = append(checks, check{name: string(method) + " p99", limit: 2, unit: "ms", measured: &st.P99, empty: empty})
		}
	}

	switch s.Class {
	case "example":
		checks = append(checks, check{name: "peak RSS", limit: 15, unit: "MB", measured: &rss})
		for _, method := range []runner.Method{runner.Hover, runner.Definition, runner.Completion} {
			if len(s.Results) > 0 && (method != runner.Completion || s.Scenario != runner.KindWorkspace) {
				latency(method, 0.3, true)
			}
		}
		checks = append(checks, check{name: "didOpen → diagnostics", limit: 20, unit: "ms", measured: res.OpenDiagMs})
	case "files":
		for _, method := range []runner.Method{runner.Hover, runner.Definition, runner.Completion} {
			latency(method, 1, false)
		}
		checks = append(checks, check{name: "didOpen → diagnostics", limit: 20, unit: "ms", measured: res.OpenDiagMs})
		var edit *float64
		if res.EditDiag != nil {
			edit = &res.EditDiag.P50
		}
		checks = append(checks, check{name: "edit → diagnostics p50", limit: 20, unit: "ms", measured: edit})
	case "workspace":
		if s.Files < 10000 {
			return nil // smaller sizes only show the growth, in the scaling table
		}
		checks = append(checks,
			check{name: "index", limit: 2000, unit: "ms", measured: res.IndexMs},
			check{name: "peak RSS", limit: 200, unit: "MB", measured: &rss})
		var reindex *float64
		if res.Reindex != nil {
			reindex = &res.Reindex.P50
		}
		checks = append(checks, check{name: "single-file re-index p50", limit: 5, unit: "ms", measured: reindex})
	}
	return checks
}

func writeTargets(w io.Writer, r *Report) {
	fmt.Fprint(w, "### stackls against its targets\n\n| where | target | measured | met |\n|---|---|---|---|\n")
	for _, s := range r.Sections {
		res := stacklsResult(s)
		if res == nil {
			continue
		}
		for _, c := range targetChecks(s, res) {
			measured, met := "not measured", "no"
			if c.measured != nil {
				measured = formatMs(*c.measured) + " " + c.unit
				if *c.measured <= c.limit {
					met = "yes"
					if c.empty {
						met = "yes, but every answer was empty"
					}
				}
			}
			fmt.Fprintf(w, "| %s, %s | %s ≤ %s %s | %s | %s |\n", s.Target, s.Scenario, c.name, formatMs(c.limit), c.unit, measured, met)
		}
	}
	fmt.Fprintln(w)
}
