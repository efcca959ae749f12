package diagnostics

import (
	"sort"
	"strings"
)

// dependsOnCycles reports each depends_on entry of this file that closes
// a cycle of services waiting for each other. Only edges inside a strongly
// connected component can close a cycle, so only those are searched.
func (c *composeCheck) dependsOnCycles() {
	g := newDependsGraph()
	for _, f := range c.proj.Files {
		for _, svc := range f.Compose.Services {
			for _, dep := range svc.DependsOn {
				g.addEdge(svc.Name, dep.Value)
			}
		}
	}
	component := g.components()
	for _, svc := range c.model.Services {
		for _, dep := range svc.DependsOn {
			from, to := g.ids[svc.Name], g.ids[dep.Value]
			if dep.Value != svc.Name && component[to] != component[from] {
				continue
			}
			if path := g.pathBetween(to, from); path != nil {
				cycle := append([]string{svc.Name}, path...)
				c.add(composeRuleDependsOnCycle.diag(dep.Span, "dependency cycle: %s; Compose cannot decide which service to start first", strings.Join(quoteAll(cycle), " → ")))
			}
		}
	}
}

// dependsGraph is the graph of depends_on edges between services, with
// each service numbered in order of first appearance.
type dependsGraph struct {
	ids   map[string]int
	names []string
	edges [][]int // by service number, in file order
}

func newDependsGraph() *dependsGraph {
	return &dependsGraph{ids: map[string]int{}}
}

func (g *dependsGraph) id(name string) int {
	if id, ok := g.ids[name]; ok {
		return id
	}
	id := len(g.names)
	g.ids[name] = id
	g.names = append(g.names, name)
	g.edges = append(g.edges, nil)
	return id
}

func (g *dependsGraph) addEdge(from, to string) {
	f := g.id(from)
	t := g.id(to)
	g.edges[f] = append(g.edges[f], t)
}

// components numbers the strongly connected components of g, from 1, with
// Tarjan's algorithm, and returns each service's number.
func (g *dependsGraph) components() []int {
	n := len(g.names)
	index, low, comp := make([]int, n), make([]int, n), make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	next, count := 0, 0

	var visit func(v int)
	visit = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range g.edges[v] {
			if index[w] < 0 {
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

	for v := range n {
		if index[v] < 0 {
			visit(v)
		}
	}
	return comp
}

// pathBetween returns the names of the services from from to to along
// depends_on edges, both ends included, or nil when there is no such
// path. It searches breadth first, trying services in name order.
func (g *dependsGraph) pathBetween(from, to int) []string {
	prev := map[int]int{from: -1}
	queue := []int{from}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if cur == to {
			var path []string
			for v := cur; v >= 0; v = prev[v] {
				path = append([]string{g.names[v]}, path...)
			}
			return path
		}
		next := append([]int(nil), g.edges[cur]...)
		sort.Slice(next, func(i, j int) bool { return g.names[next[i]] < g.names[next[j]] })
		for _, v := range next {
			if _, seen := prev[v]; !seen {
				prev[v] = cur
				queue = append(queue, v)
			}
		}
	}
	return nil
}
