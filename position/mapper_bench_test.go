package position_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stackls/stackls/position"
)

// crlfText returns lineCount lines ending in "\r\n". Every line contains
// non-ASCII text: accented letters (2 bytes, 1 UTF-16 unit), "—" (3 bytes,
// 1 unit) and, on every fourth line, "🐳" (4 bytes, 2 units).
func crlfText(lineCount int) []byte {
	var b strings.Builder
	for i := 0; i < lineCount; i++ {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "# étape %d — compile le binaire 🐳 avant la copie\r\n", i)
		case 1:
			fmt.Fprintf(&b, "RUN echo \"café %d\" > /tmp/naïve-%d.txt\r\n", i, i)
		case 2:
			fmt.Fprintf(&b, "ENV GRÜSSE_%d=\"Grüße aus Köln\"\r\n", i)
		default:
			fmt.Fprintf(&b, "COPY --from=stage%d /srv/données /srv/données\r\n", i)
		}
	}
	return []byte(b.String())
}

// longLine returns one line of about size bytes with no line end, shaped
// like minified JSON, with a non-ASCII value in every tenth entry so that
// UTF-16 counting cannot skip the line.
func longLine(size int) []byte {
	var b strings.Builder
	b.WriteByte('{')
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		value := fmt.Sprintf("value-%d", i)
		if i%10 == 0 {
			value = fmt.Sprintf("naïve — %d", i)
		}
		fmt.Fprintf(&b, `"key%d":{"id":%d,"name":%q}`, i, i, value)
	}
	b.WriteByte('}')
	return []byte(b.String())
}

// mapperInput is one file that the conversion benchmarks run on.
type mapperInput struct {
	name    string
	content []byte
}

func mapperInputs() []mapperInput {
	return []mapperInput{
		{"CRLF5000Lines", crlfText(5000)},
		{"OneLine100KB", longLine(100_000)},
	}
}

// spreadOffsets returns about 100 offsets spread evenly over content, each
// moved back to the start of its character, so that conversions cover
// the start, the middle and the end of the file or line.
func spreadOffsets(content []byte) []int {
	var offsets []int
	for i := 0; i < len(content); i += len(content)/97 + 1 {
		offset := i
		for offset > 0 && content[offset]&0xC0 == 0x80 {
			offset--
		}
		offsets = append(offsets, offset)
	}
	return append(offsets, len(content))
}

// BenchmarkNewMapper measures building the line table of a 5,000-line
// file with non-ASCII text and CRLF line ends. NewMapper builds the table
// on first use, so each run calls LineCount.
func BenchmarkNewMapper(b *testing.B) {
	content := crlfText(5000)
	b.ReportAllocs()
	b.SetBytes(int64(len(content)))
	for b.Loop() {
		if n := position.NewMapper(content).LineCount(); n != 5001 {
			b.Fatalf("counted %d lines, want 5001", n)
		}
	}
}

// BenchmarkOffsetPosition measures converting byte offsets spread over the
// file to UTF-16 positions, with the line table already built.
func BenchmarkOffsetPosition(b *testing.B) {
	for _, input := range mapperInputs() {
		b.Run(input.name, func(b *testing.B) {
			m := position.NewMapper(input.content)
			offsets := spreadOffsets(input.content)
			m.LineCount()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := m.OffsetPosition(offsets[i%len(offsets)], position.UTF16); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkPositionOffset measures converting UTF-16 positions spread over
// the file back to byte offsets, with the line table already built.
func BenchmarkPositionOffset(b *testing.B) {
	for _, input := range mapperInputs() {
		b.Run(input.name, func(b *testing.B) {
			m := position.NewMapper(input.content)
			var positions []position.Position
			for _, offset := range spreadOffsets(input.content) {
				pos, err := m.OffsetPosition(offset, position.UTF16)
				if err != nil {
					b.Fatal(err)
				}
				positions = append(positions, pos)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := m.PositionOffset(positions[i%len(positions)], position.UTF16); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
