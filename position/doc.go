// Package position converts between the position forms stackls uses.
//
// Every model package records locations as byte offsets into the original
// file content: an offset is an int, 0-based, counted in bytes, and a Span is
// a half-open interval [Start, End) of offsets. LSP clients count lines from
// 0 and characters in UTF-16 code units (or UTF-8 bytes when the client
// negotiates it). A Mapper, built once per file, converts between the two.
//
// Conventions of the Mapper:
//   - a line ends at "\n"; a "\r" directly before it belongs to the line end,
//     so a position never lands between "\r" and "\n";
//   - a UTF-8 byte order mark is ordinary content: it is one UTF-16 code unit
//     (three UTF-8 bytes) at the start of line 0;
//   - invalid UTF-8 bytes count as one UTF-16 code unit each, which is how
//     VS Code shows them after decoding them as U+FFFD.
package position
