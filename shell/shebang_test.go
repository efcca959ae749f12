package shell

import "testing"

func TestDetectDialect(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    Dialect
	}{
		{"sh", "#!/bin/sh\necho\n", POSIX},
		{"dash", "#!/bin/dash\n", POSIX},
		{"busybox ash", "#!/bin/ash\n", POSIX},
		{"bash", "#!/bin/bash\n", Bash},
		{"bash with option", "#!/bin/bash -eu\n", Bash},
		{"env bash", "#!/usr/bin/env bash\n", Bash},
		{"env split string", "#!/usr/bin/env -S bash -e\n", Bash},
		{"env with setting", "#!/usr/bin/env LANG=C bash\n", Bash},
		{"mksh", "#!/bin/mksh\n", MirBSD},
		{"ksh", "#!/usr/bin/env ksh\n", MirBSD},
		{"zsh", "#!/bin/zsh\n", Zsh},
		{"no shebang", "echo hi\n", POSIX},
		{"empty", "", POSIX},
		{"byte order mark", "\ufeff#!/bin/bash\n", Bash},
		{"crlf", "#!/bin/bash\r\necho\r\n", Bash},
		{"shebang without newline", "#!/bin/bash", Bash},
		{"blank shebang", "#!\n", POSIX},
		{"python", "#!/usr/bin/env python3\n", POSIX},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectDialect([]byte(tt.content)); got != tt.want {
				t.Errorf("DetectDialect(%q) = %v, want %v", tt.content, got, tt.want)
			}
		})
	}
}

func TestParseShebang(t *testing.T) {
	tests := []struct {
		name        string
		content     string
		interpreter string
		text        string // the bytes the Span covers
	}{
		{"plain", "#!/bin/sh\nset -e\n", "sh", "#!/bin/sh"},
		{"crlf", "#!/bin/sh\r\nset -e\r\n", "sh", "#!/bin/sh"},
		{"byte order mark", "\ufeff#!/bin/bash -e\n", "bash", "#!/bin/bash -e"},
		{"env", "#!/usr/bin/env bash\n", "bash", "#!/usr/bin/env bash"},
		{"no newline", "#!/bin/dash", "dash", "#!/bin/dash"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Parse([]byte(tt.content), DetectDialect([]byte(tt.content)))
			if f.Shebang == nil {
				t.Fatalf("Parse(%q).Shebang = nil", tt.content)
			}
			if f.Shebang.Interpreter != tt.interpreter {
				t.Errorf("Interpreter = %q, want %q", f.Shebang.Interpreter, tt.interpreter)
			}
			if got := tt.content[f.Shebang.Span.Start:f.Shebang.Span.End]; got != tt.text {
				t.Errorf("Span covers %q, want %q", got, tt.text)
			}
		})
	}

	if f := Parse([]byte("echo #!/bin/sh\n"), POSIX); f.Shebang != nil {
		t.Errorf("a #! after the first byte gave Shebang %+v", f.Shebang)
	}
}
