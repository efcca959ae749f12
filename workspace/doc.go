// Package workspace holds the state stackls serves from: the files of the
// workspace folders, the editor's open documents, and the cross-file index
// that links Makefiles, compose files, Dockerfiles, scripts and config
// files.
//
// A Session is the only mutable value. Each change builds a new immutable
// Snapshot that shares the unchanged Files with the one before; requests
// read one Snapshot and need no lock. A File parses its content lazily and
// at most once, whichever snapshots share it. The Snapshot's index and
// containers are derived from the previous ones, which share the parts
// that read no changed file.
package workspace
