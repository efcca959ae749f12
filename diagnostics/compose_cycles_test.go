package diagnostics

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

// The reference versions below are the map-based checks that
// dependsOnCycles and containerNames replaced; the tests compare them on
// random projects.

// referenceDependsOnCycles reports each depends_on entry of this file that closes
// a cycle of services waiting for each other. Only edges inside a strongly
// connected component can close a cycle, so only those are searched.
func (c *composeCheck) referenceDependsOnCycles() {
	graph := map[string][]string{}
	for _, f := range c.proj.Files {
		for _, svc := range f.Compose.Services {
			for _, dep := range svc.DependsOn {
				graph[svc.Name] = append(graph[svc.Name], dep.Value)
			}
		}
	}
	component := referenceComponents(graph)
	for _, svc := range c.model.Services {
		for _, dep := range svc.DependsOn {
			if dep.Value != svc.Name && (component[dep.Value] == 0 || component[dep.Value] != component[svc.Name]) {
				continue
			}
			if path := referencePathBetween(graph, dep.Value, svc.Name); path != nil {
				cycle := append([]string{svc.Name}, path...)
				c.add(composeRuleDependsOnCycle.diag(dep.Span, "dependency cycle: %s; Compose cannot decide which service to start first", strings.Join(quoteAll(cycle), " → ")))
			}
		}
	}
}

// referenceComponents numbers the strongly connected components of graph, from 1,
// with Tarjan's algorithm; a node outside graph's keys gets 0.
func referenceComponents(graph map[string][]string) map[string]int {
	index, low := map[string]int{}, map[string]int{}
	onStack := map[string]bool{}
	var stack []string
	comp := map[string]int{}
	next, count := 0, 0

	var visit func(v string)
	visit = func(v string) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range graph[v] {
			if _, seen := index[w]; !seen {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}

		if low[v] == index[v] {
			count++
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp[w] = count
				if w == v {
					break
				}
			}
		}
	}

	names := make([]string, 0, len(graph))
	for v := range graph {
		names = append(names, v)
	}
	sort.Strings(names)
	for _, v := range names {
		if _, seen := index[v]; !seen {
			visit(v)
		}
	}
	return comp
}

// referencePathBetween returns the services from from to to along depends_on
// edges, both ends included, or nil when there is no such path.
func referencePathBetween(graph map[string][]string, from, to string) []string {
	prev := map[string]string{from: ""}
	queue := []string{from}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if cur == to {
			var path []string
			for n := cur; n != ""; n = prev[n] {
				path = append([]string{n}, path...)
			}
			return path
		}
		next := append([]string(nil), graph[cur]...)
		sort.Strings(next)
		for _, n := range next {
			if _, seen := prev[n]; !seen {
				prev[n] = cur
				queue = append(queue, n)
			}
		}
	}
	return nil
}

// referenceContainerNames reports a container_name that another service of the
// project uses too; Docker cannot run two containers with one name.
func (c *composeCheck) referenceContainerNames() {
	owners := map[string]map[string]position.Location{} // container name -> service -> first place
	for _, f := range c.proj.Files {
		for _, svc := range f.Compose.Services {
			if svc.ContainerName == nil || svc.ContainerName.Value == "" || strings.Contains(svc.ContainerName.Value, "$") {
				continue
			}
			name := svc.ContainerName.Value
			if owners[name] == nil {
				owners[name] = map[string]position.Location{}
			}
			if _, ok := owners[name][svc.Name]; !ok {
				owners[name][svc.Name] = position.Location{URI: f.URI, Span: svc.ContainerName.Span}
			}
		}
	}
	for _, svc := range c.model.Services {
		if svc.ContainerName == nil {
			continue
		}
		users := owners[svc.ContainerName.Value]
		others := make([]string, 0, len(users))
		for name := range users {
			if name != svc.Name {
				others = append(others, name)
			}
		}
		if len(others) == 0 {
			continue
		}
		sort.Strings(others)
		d := composeRuleDuplicateContainer.diag(svc.ContainerName.Span, "container name `%s` is also used by service `%s`; container names must be unique", svc.ContainerName.Value, others[0])
		d.Related = []Related{{Location: users[others[0]], Message: "also used here"}}
		c.add(d)
	}
}

// randomProject returns a compose file with random depends_on edges,
// self edges, duplicates and unknown services among them, and random
// container names.
func randomProject(rng *rand.Rand) string {
	var b strings.Builder
	b.WriteString("services:\n")
	n := 2 + rng.IntN(8)
	for i := range n {
		fmt.Fprintf(&b, "  s%d:\n    image: x\n", i)
		if rng.IntN(2) == 0 {
			fmt.Fprintf(&b, "    container_name: c%d\n", rng.IntN(3))
		}
		var deps []string
		for range rng.IntN(4) {
			deps = append(deps, fmt.Sprintf("s%d", rng.IntN(n+1)))
		}
		if len(deps) > 0 {
			fmt.Fprintf(&b, "    depends_on: [%s]\n", strings.Join(deps, ", "))
		}
	}
	return b.String()
}

func diagTexts(diags []*Diagnostic) string {
	var out []string
	for _, d := range diags {
		related := ""
		for _, r := range d.Related {
			related += fmt.Sprintf(" related %v %s", r.Location.Span, r.Message)
		}
		out = append(out, fmt.Sprintf("%v %s %s%s", d.Span, d.Code, d.Message, related))
	}
	return strings.Join(out, "\n")
}

func TestCycleAndContainerChecksAgreeWithReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	found := 0
	for range 300 {
		content := randomProject(rng)
		ws := testws.New(t, "-- compose.yaml --\n"+content)
		uri := ws.URI("compose.yaml")
		snap := ws.Snapshot()
		f := snap.File(uri)
		check := func(step func(c *composeCheck)) string {
			c := &composeCheck{snap: snap, file: f, model: f.Compose(), proj: project.Of(snap, uri)}
			step(c)
			return diagTexts(c.diags)
		}
		for _, pair := range [][2]func(c *composeCheck){
			{(*composeCheck).dependsOnCycles, (*composeCheck).referenceDependsOnCycles},
			{(*composeCheck).containerNames, (*composeCheck).referenceContainerNames},
		} {
			got, want := check(pair[0]), check(pair[1])
			if got != want {
				t.Fatalf("input:\n%s\ngot:\n%s\nwant:\n%s", content, got, want)
			}
			if got != "" {
				found++
			}
		}
	}
	if found < 100 {
		t.Errorf("only %d checks reported something", found)
	}
}
