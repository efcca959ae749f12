// Package dotenv parses ".env" files with the rules of compose-go's dotenv
// package and records the Span of every key and value.
package dotenv

import "github.com/stackls/stackls/position"

// File is a parsed .env file.
type File struct {
	Content []byte
	Entries []*Entry
	Errors  []*Error
}

// Entry is one KEY=VALUE line.
type Entry struct {
	Key       string
	KeySpan   position.Span
	Value     string // the value as compose reads it: quotes removed, escapes applied
	ValueSpan position.Span
	Line      int // 0-based line of the key
	// Inherited is set for a line that names a key with no "=": compose
	// takes its value from the environment it runs in.
	Inherited bool
	Quote     byte          // '"' or '\'' when the value is quoted, else 0
	Span      position.Span // the whole statement, from "export" or the key to the value's end
}

// Error is a syntax problem at an exact Span.
type Error struct {
	Span    position.Span
	Message string
}
