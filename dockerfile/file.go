// Package dockerfile parses a Dockerfile into a model with exact byte spans.
//
// It runs buildkit's parser (github.com/moby/buildkit/frontend/dockerfile/parser)
// and maps each node back onto the original bytes, so every Span in the model
// is an offset into the content given to Parse, BOM and CRLF included.
//
// buildkit reports lines only, and it joins continuation lines before it
// splits words. This package replays buildkit's line rules over the
// original bytes: parser directives, the escape character, continuation
// lines with comments and empty lines inside them, and heredoc bodies. For
// each logical line it keeps a table from its bytes back to the content.
// buildkit's own nodes are attached to the instructions, so that the build
// checks of buildkit's instructions and linter packages can run on them.
//
// Parse reuses the work of earlier parses, so that a parse after an edit
// costs little more than the edited lines. buildkit's nodes are cached by
// the text of each instruction (chunk_cache.go). The instructions before
// and after the edit are copied from the File of the version before
// (reuse.go). Both are keyed by exact text. A File is not changed once
// Parse returns it, so Files can share nodes.
package dockerfile

import (
	"sync"

	"github.com/moby/buildkit/frontend/dockerfile/parser"

	"github.com/stackls/stackls/position"
)

// File is a parsed Dockerfile.
type File struct {
	Content      []byte
	Escape       byte           // the escape character: '\\' or '`'
	Directives   []*Directive   // parser directives at the top of the file
	Instructions []*Instruction // every instruction in source order
	Stages       []*Stage       // one per FROM, in source order
	Vars         []*VarDecl     // ARG and ENV declarations in source order
	Errors       []*Error       // parse errors; the model is still usable
	// Comments are the Spans of comment lines outside heredoc bodies,
	// including those inside continuation lines; parser directives are not
	// comments.
	Comments []position.Span
	// BOM is the number of bytes of the UTF-8 byte order mark that starts
	// Content: 3 or 0.
	BOM int

	symbolsOnce sync.Once
	symbols     []*Symbol // built on first use by Symbols
	uses        []*Use    // every Use of symbols, by offset

	// scopeOnce guards the variable scopes that buildScopes computes on
	// first use: global is GlobalEnv, bases[i] is the base stage of stage i
	// (nil for an image), bindings[i] is the binding of Vars[i] in its stage
	// (nil for a global one), and stageEnds[i] is the variables at the end
	// of stage i. None of them is changed after buildScopes returns.
	scopeOnce sync.Once
	global    *Env
	bases     []*Stage
	bindings  []*Binding
	stageEnds []*Env

	// stageNames maps the case-folded name of each named stage to the
	// index of the first stage with that name; built once by stageIndex.
	stageNamesOnce sync.Once
	stageNames     map[string]int

	tooLong bool // a line is longer than buildkit reads
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

	// Line is the logical line as buildkit reads it: the escape character
	// and line end of each continued line removed, comment lines and empty
	// lines inside the continuation dropped, leading blanks of the first
	// line trimmed. Offset maps its bytes back to the content.
	Line string
	// ArgsStart is the byte offset in Line where the arguments start, after
	// the keyword and the flags; len(Line) when there are none.
	ArgsStart int
	// Trigger is the instruction that ONBUILD registers, with spans in the
	// same content; nil for other keywords.
	Trigger *Instruction
	// OpenEnd is true when the last line ends with the escape character at
	// the end of the content, so that a line typed after it would join it.
	OpenEnd bool
	// EmptyLines are the empty lines inside the continuation, which buildkit
	// warns about.
	EmptyLines []position.Span
	// Node is buildkit's node for the instruction, with lines 1-based in the
	// content without BOM; nil when buildkit could not parse it.
	Node *parser.Node

	pieces  []piece     // Line's bytes, piece by piece, with their content offsets
	piece0  [1]piece    // storage for pieces of a one-line instruction
	node    parser.Node // storage for Node
	badJSON bool        // an exec form with a value that is not a string
	badArgs bool        // an ENV or LABEL that buildkit rejects
	decls   []*VarDecl  // the variables that an ARG or ENV declares, a part of File.Vars
	first   int         // index of the first physical line, 0-based
	last    int         // index of the last physical line, heredocs included

	// chunk is the bytes that buildkit reads for the instruction: the
	// comment and blank lines after the previous instruction, then the
	// instruction's lines with their line ends. chunkLine is the index of
	// its first line.
	chunk     position.Span
	chunkLine int
}

// Decls returns the variables that an ARG or ENV instruction declares, in
// source order: a part of File.Vars. It returns nil for other instructions
// and for an ENV that buildkit rejects.
func (in *Instruction) Decls() []*VarDecl { return in.decls }

// Flag is an instruction flag such as "--from=build".
type Flag struct {
	Name      string // without the leading dashes
	Value     string // quotes and escapes removed, as buildkit reads it
	HasValue  bool
	Span      position.Span // the whole flag
	NameSpan  position.Span
	ValueSpan position.Span
}

// Word is one argument as written (quotes kept) and its Span.
type Word struct {
	Text string
	// Value is the word with quotes and escapes removed; for an exec-form
	// argument, the decoded JSON string. Variables are not expanded.
	Value string
	Span  position.Span
}

// Heredoc is a here-document attached to RUN, COPY or ADD.
type Heredoc struct {
	Name       string        // the delimiter word, quotes and backslash removed
	Expand     bool          // false when the delimiter was quoted
	Chomp      bool          // "<<-": leading tabs are stripped
	OpenerSpan position.Span // "<<EOF" in the instruction line
	BodySpan   position.Span // the body lines, without the terminator
	EndSpan    position.Span // the terminator line; empty at the end of the content when unterminated
	// FileDescriptor is the number before "<<", as in "3<<EOF"; 0 when none.
	FileDescriptor uint
	Terminated     bool
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

	buildkit bool // reported by buildkit's parser rather than the scanner
}

// VarDecl is a variable that an ARG or ENV instruction declares.
type VarDecl struct {
	Name     string
	NameSpan position.Span
	Value    string // as written, quotes removed; "" when HasValue is false
	// ValueText is the value as written, quotes, escapes and variable
	// references kept, which buildkit expands to get the variable's value.
	ValueText   string
	HasValue    bool
	ValueSpan   position.Span
	Env         bool // ENV rather than ARG
	Instruction *Instruction
	Stage       int // index into File.Stages, or -1 for an ARG before the first FROM

	index int // index into File.Vars
}

// Parse parses content. It returns no error and does not panic (FuzzParse
// checks this): problems are reported in File.Errors, and the rest of the
// file is still modelled. For content equal to that of a recent parse, it
// returns the same File, whose Content is the earlier slice.
func Parse(content []byte) *File {
	f := &File{Content: content, Escape: '\\'}
	r := recentFiles.match(f)
	if r != nil && r.prefix == len(content) && len(r.old.Content) == len(content) {
		recentFiles.add(r.old)
		return r.old // the same content, and a File is not changed once built
	}
	s := newScanner(f)
	s.reuse = r
	s.scan()
	s.attachNodes()
	buildStages(f)
	buildVars(f)
	f.tooLong = s.tooLong
	if len(f.Instructions) == 0 && len(f.Errors) == 0 {
		f.Errors = append(f.Errors, &Error{
			Span:    s.lastLineSpan(),
			Message: "the Dockerfile has no instructions; a build needs at least a FROM instruction",
		})
	}
	sortErrors(f.Errors)
	recentFiles.add(f)
	return f
}
