package position

import "fmt"

// Span is a half-open interval [Start, End) of byte offsets into one file's
// content. The zero Span is the empty interval at offset 0.
type Span struct {
	Start int // first byte, inclusive
	End   int // byte just past the last one
}

// Len returns the number of bytes in s.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether offset lies inside s. The end offset counts as
// inside, so that a cursor just after a word still finds that word.
func (s Span) Contains(offset int) bool { return s.Start <= offset && offset <= s.End }

// Overlaps reports whether s and other share a byte, or touch when one of
// them is empty.
func (s Span) Overlaps(other Span) bool {
	return s.Start <= other.End && other.Start <= s.End
}

// Valid reports whether s is ordered and non-negative.
func (s Span) Valid() bool { return 0 <= s.Start && s.Start <= s.End }

// Shift returns s moved by delta bytes.
func (s Span) Shift(delta int) Span { return Span{s.Start + delta, s.End + delta} }

func (s Span) String() string { return fmt.Sprintf("[%d,%d)", s.Start, s.End) }

// Location is a Span in a named file.
type Location struct {
	URI  URI
	Span Span
}

// TextEdit replaces the bytes of Span with NewText.
type TextEdit struct {
	Span    Span
	NewText string
}
