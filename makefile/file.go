// Package makefile parses a Makefile into targets, variables and recipe
// lines with exact byte spans, and finds the docker compose commands that
// its recipes run. No standard Go parser for Makefiles exists, so this one
// is small and keeps only what stackls needs.
package makefile

import "github.com/stackls/stackls/position"

// File is a parsed Makefile.
type File struct {
	Content      []byte
	Rules        []*Rule
	Vars         []*Var
	Includes     []*Word
	ComposeCalls []*ComposeCall
	Errors       []*Error
}

// Word is one word as written and its Span.
type Word struct {
	Text string
	Span position.Span
}

// Rule is a rule: targets, prerequisites and recipe lines.
type Rule struct {
	Targets []*Word
	Prereqs []*Word
	Recipes []*Recipe
	Span    position.Span
}

// Recipe is one recipe line.
type Recipe struct {
	Text        string        // the command without the leading tab
	Span        position.Span // the whole line without its line end
	TextSpan    position.Span
	SpaceIndent bool // indented with spaces instead of a tab
}

// Var is a variable assignment.
type Var struct {
	Name      string
	NameSpan  position.Span
	Op        string // "=", ":=", "::=", "?=", "+=", "!="
	Value     string
	ValueSpan position.Span
}

// ComposeCall is one "docker compose" or "docker-compose" invocation in a
// recipe, with Make variables expanded. The Spans of words that came from a
// variable's value point into that assignment.
type ComposeCall struct {
	Recipe     *Recipe
	Files      []*Word // each -f / --file value
	EnvFiles   []*Word // each --env-file value
	Project    *Word   // -p / --project-name value
	Subcommand *Word   // up, build, exec, run, logs, ...
	Services   []*Word // service arguments of the subcommand
}

// Error is a syntax problem at an exact Span.
type Error struct {
	Span    position.Span
	Message string
}

// Parse parses content. It never fails: problems are reported in
// File.Errors.
func Parse(content []byte) *File {
	// TODO: replace with the real parser.
	return &File{Content: content}
}
