// Package makefile parses a Makefile into targets, variables and recipe
// lines with exact byte spans, and finds the docker compose commands that
// its recipes run. No standard Go parser for Makefiles exists, so this one
// is small and keeps only what stackls needs: it reads GNU make syntax,
// walks both branches of every conditional, and never runs anything.
package makefile

import "github.com/stackls/stackls/position"

// File is a parsed Makefile.
type File struct {
	Content      []byte
	Rules        []*Rule
	Vars         []*Var  // assignments in source order, target-specific ones included
	Includes     []*Word // each file name of include, -include and sinclude
	ComposeCalls []*ComposeCall
	Errors       []*Error
	Refs         []*Ref          // every $(NAME), ${NAME} and $N reference, in source order
	Comments     []position.Span // each comment, from "#" to the end of its logical line
	Directives   []*Word         // keywords: ifeq, else, endif, include, define, endef, export, ...
}

// Word is one word as written and its Span.
type Word struct {
	Text string
	Span position.Span
}

// Rule is a rule: targets, prerequisites and recipe lines.
type Rule struct {
	Targets []*Word
	Prereqs []*Word // every prerequisite, the order-only ones included
	Recipes []*Recipe
	Span    position.Span // from the first target to the end of the last recipe line

	OrderOnly     []*Word       // the prerequisites after "|"; they are in Prereqs too
	TargetPattern *Word         // the middle part of a static pattern rule "objs: %.o: %.c"
	DoubleColon   bool          // "targets:: prerequisites"
	HeaderSpan    position.Span // the logical line of targets and prerequisites
}

// Recipe is one recipe line.
type Recipe struct {
	// Text is the command without the recipe prefix. A recipe continued
	// with backslash-newline keeps the backslash and a "\n", and the
	// recipe prefix of each continuation line is removed, as make does
	// before it passes the line to the shell. CRLF line ends become "\n".
	Text        string
	Span        position.Span // the whole line without its line end
	TextSpan    position.Span
	SpaceIndent bool // indented with spaces instead of a tab

	// Prefix is the run of "@" (silent), "-" (ignore errors) and "+"
	// (run under -n too) at the start of Text, with blanks between them.
	Prefix string
	Rule   *Rule

	src []int // byte offset in File.Content of each byte of Text
}

// Var is a variable assignment.
type Var struct {
	Name      string
	NameSpan  position.Span
	Op        string // "=", ":=", "::=", ":::=", "?=", "+=", "!="
	Value     string
	ValueSpan position.Span // the value without leading and trailing blanks

	Span     position.Span // the whole statement, or define ... endef
	Override bool          // prefixed with "override"
	Export   bool          // prefixed with "export"
	Define   bool          // a define ... endef block
	Targets  []*Word       // the targets of a target-specific assignment; nil for a global one

	src []int // byte offset in File.Content of each byte of Value, -1 for a joined line end
}

// Ref is a reference to a variable: $(NAME), ${NAME}, $(NAME:a=b) or $N.
// Make functions such as $(shell ...) are not references, but a variable
// named inside their arguments is.
type Ref struct {
	Name     string
	NameSpan position.Span
	Span     position.Span // from "$" to the closing bracket
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

	Rule       *Rule
	Profiles   []*Word // each --profile value
	ProjectDir *Word   // --project-directory value
	// Dir is the folder the call runs in, relative to the Makefile's
	// folder. It comes from "cd DIR" commands before the call in the same
	// recipe line, and is "" for the Makefile's folder.
	Dir  string
	Span position.Span // the call as written in the recipe, from "docker" to its last word
	// Alternatives are the same call expanded with an earlier assignment
	// of a variable that the file sets more than once, as the two branches
	// of an ifeq do. Only position lookups (At) read them, so that a word
	// of either branch finds its file; other readers see the call that the
	// last assignment gives.
	Alternatives []*ComposeCall
}

// Error is a syntax problem at an exact Span.
type Error struct {
	Span    position.Span
	Message string
}

// Parse parses content. It never fails: problems are reported in
// File.Errors, and FuzzParse checks that every Span lies inside content.
func Parse(content []byte) *File {
	p := newParser(content)
	p.parse()
	p.f.ComposeCalls = findComposeCalls(p.f)
	return p.f
}
