package diagnostics_test

import "testing"

// TestComposeDiagnosticsInvalidUTF8 checks that a compose file with bytes
// that are not UTF-8 gets one YAMLSyntax diagnostic on each run of them
// and no other check, since compose rejects the whole file.
func TestComposeDiagnosticsInvalidUTF8(t *testing.T) {
	archive := "-- compose.yaml --\n" +
		"# caf«comment»\xe9\n" +
		"services:\n" +
		"  w«key»\xe9b:\n" +
		"    image: nginx\n" +
		"    depends_on: [dbb]\n" +
		"  db:\n" +
		"    image: \"«value»\xff\xfe\"\n"
	runComposeDiagCases(t, []composeDiagCase{
		{name: "Latin-1", archive: archive, file: "compose.yaml", want: []wantDiag{
			{"YAMLSyntax", "comment", "\xe9", "invalid UTF-8 byte 0xE9"},
			{"YAMLSyntax", "key", "\xe9", "save the file as UTF-8"},
			{"YAMLSyntax", "value", "\xff\xfe", "invalid UTF-8 bytes 0xFF 0xFE"},
		}},
		{name: "Latin-1 CRLF", archive: archive, file: "compose.yaml", crlf: true, want: []wantDiag{
			{"YAMLSyntax", "comment", "\xe9", "invalid UTF-8 byte 0xE9"},
			{"YAMLSyntax", "key", "\xe9", "save the file as UTF-8"},
			{"YAMLSyntax", "value", "\xff\xfe", "invalid UTF-8 bytes 0xFF 0xFE"},
		}},
	})
}
