// Package dockerfile parses a Dockerfile into a model with exact byte spans.
//
// It runs buildkit's parser (github.com/moby/buildkit/frontend/dockerfile/parser)
// and maps each node back onto the original bytes, so every Span in the model
// is an offset into the content given to Parse, BOM and CRLF included.
package dockerfile

import "github.com/stackls/stackls/position"

// File is a parsed Dockerfile.
type File struct {
	Content      []byte
	Escape       byte           // the escape character: '\\' or '`'
	Directives   []*Directive   // parser directives at the top of the file
	Instructions []*Instruction // every instruction in source order
	Stages       []*Stage       // one per FROM, in source order
	Vars         []*VarDecl     // ARG and ENV declarations in source order
	Errors       []*Error       // parse errors; the model is still usable
}

// Directive is a parser directive such as "# syntax=docker/dockerfile:1".
type Directive struct {
	Name      string // lower case: "syntax", "escape" or "check"
	Value     string
	NameSpan  position.Span
	ValueSpan position.Span
	Span      position.Span // the whole comment line, without its line end
}

// Instruction is one logical instruction with its continuation lines and
// heredoc bodies.
type Instruction struct {
	Keyword     string        // upper case, as buildkit reads it
	KeywordSpan position.Span // the keyword as written
	Span        position.Span // from the keyword to the end of its last line or heredoc
	Flags       []*Flag       // "--name=value" words before the arguments
	Args        []*Word       // arguments after the flags, with spans
	JSONForm    bool          // exec form: ["a", "b"]
	Heredocs    []*Heredoc
	Stage       int // index into File.Stages, or -1 before the first FROM
}

// Flag is an instruction flag such as "--from=build".
type Flag struct {
	Name      string // without the leading dashes
	Value     string
	HasValue  bool
	Span      position.Span // the whole flag
	NameSpan  position.Span
	ValueSpan position.Span
}

// Word is one argument as written (quotes kept) and its Span.
type Word struct {
	Text string
	Span position.Span
}

// Heredoc is a here-document attached to RUN, COPY or ADD.
type Heredoc struct {
	Name       string        // the delimiter word, quotes and backslash removed
	Expand     bool          // false when the delimiter was quoted
	Chomp      bool          // "<<-": leading tabs are stripped
	OpenerSpan position.Span // "<<EOF" in the instruction line
	BodySpan   position.Span // the body lines, without the terminator
	EndSpan    position.Span // the terminator line
}

// Stage is one build stage: a FROM instruction and those after it.
type Stage struct {
	Index        int
	Name         string        // the name after AS, as written; "" when none
	NameSpan     position.Span // empty when the stage has no name
	Image        string        // the base image or stage name as written
	ImageSpan    position.Span
	From         *Instruction
	Instructions []*Instruction // FROM first
	Span         position.Span
}

// Error is a parse error at an exact Span.
type Error struct {
	Span    position.Span
	Message string
}

// VarDecl is a variable that an ARG or ENV instruction declares.
type VarDecl struct {
	Name        string
	NameSpan    position.Span
	Value       string // as written, quotes removed; "" when HasValue is false
	HasValue    bool
	ValueSpan   position.Span
	Env         bool // ENV rather than ARG
	Instruction *Instruction
	Stage       int // index into File.Stages, or -1 for an ARG before the first FROM
}

// Parse parses content. It never fails: problems are reported in
// File.Errors and the rest of the file is still modelled.
func Parse(content []byte) *File {
	// TODO: replace with the buildkit-backed parser.
	return &File{Content: content, Escape: '\\'}
}
