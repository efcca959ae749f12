// Package shell parses shell scripts, such as container entrypoints, into a
// model with exact byte spans, using mvdan.cc/sh/v3/syntax.
package shell

import "github.com/stackls/stackls/position"

// Dialect is the shell language a script is parsed as.
type Dialect int

const (
	// POSIX is sh, dash and ash without extensions.
	POSIX Dialect = iota
	// Bash is GNU bash.
	Bash
	// MirBSD is mksh.
	MirBSD
	// Zsh is the Z shell.
	Zsh
)

// String returns the dialect's usual name: "sh", "bash", "mksh" or "zsh".
func (d Dialect) String() string {
	switch d {
	case Bash:
		return "bash"
	case MirBSD:
		return "mksh"
	case Zsh:
		return "zsh"
	default:
		return "sh"
	}
}

// File is a parsed shell script. Every Span is a byte offset into Content,
// which is the content given to Parse, byte order mark and "\r\n" included.
type File struct {
	Content   []byte
	Dialect   Dialect
	Shebang   *Shebang   // nil when the first line is not "#!..."
	Commands  []*Command // every simple command, nested ones too, in source order
	VarUses   []*VarRef  // $NAME, ${NAME...} and names in arithmetic, in source order
	VarDefs   []*VarRef  // NAME=value, export NAME=..., read NAME, for NAME in
	Functions []*Function
	Heredocs  []*Heredoc
	Errors    []*Error
}

// Shebang is the "#!" line.
type Shebang struct {
	Interpreter string        // base name of the interpreter: "sh", "bash"; for "env bash", "bash"
	Span        position.Span // the line without its line end and without a byte order mark
}

// Command is one simple command: its name and arguments as written. A
// declaration such as "export A=1 B" is a Command too, named "export",
// with one argument per assignment.
type Command struct {
	Name       *Word // nil for an assignment-only command
	Args       []*Word
	Span       position.Span
	Background bool // ended with "&"
	Exec       bool // Name is "exec"
}

// Word is one shell word. Literal is its value when it has no expansion
// (quotes removed); Dynamic is true when it holds a parameter, command or
// arithmetic expansion, and Literal then holds only its literal parts.
type Word struct {
	Literal string
	Dynamic bool
	Span    position.Span
}

// VarRef is a variable name at a Span (the name only, without "$" or braces).
type VarRef struct {
	Name       string
	Span       position.Span
	HasDefault bool // ${NAME:-x}, ${NAME-x}, ${NAME:=x}, ${NAME:?x}
	// Value is the word a definition assigns: "b" in "A=b", "x" in
	// "${A:=x}". It is nil for a use and for a definition without a word,
	// such as "read A", "for A in", "local A" or an array assignment.
	Value *Word
}

// Function is a shell function definition.
type Function struct {
	Name     string
	NameSpan position.Span
	Span     position.Span
}

// Heredoc is the body of a here-document ("<<EOF" or "<<-EOF").
type Heredoc struct {
	Body   position.Span // the body lines, without the delimiter line
	Quoted bool          // the delimiter was quoted, so the body is not expanded
}

// Error is a problem at an exact Span: a syntax error in every dialect, or
// a construct that bash accepts but the script's dialect does not.
type Error struct {
	Span    position.Span
	Message string
	// Feature is the construct the dialect lacks, such as "[[" or "==";
	// it is "" for a syntax error.
	Feature string
}
