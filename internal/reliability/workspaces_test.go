package reliability

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

// files is a workspace as exact bytes by path relative to its root, with
// forward slashes. Unlike an lsptest archive it can hold any byte and a
// file without a final newline.
type files map[string][]byte

// paths returns the paths of fs in order.
func (fs files) paths() []string {
	out := make([]string, 0, len(fs))
	for p := range fs {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// exampleWorkspaces returns every workspace under examples/, by name.
func exampleWorkspaces(t testing.TB) map[string]files {
	t.Helper()
	root := filepath.Join("..", "..", "examples")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatalf("reading the examples: %v", err)
	}
	out := map[string]files{}
	for _, e := range entries {
		if e.IsDir() {
			out[e.Name()] = readTree(t, filepath.Join(root, e.Name()))
		}
	}
	if len(out) == 0 {
		t.Fatalf("no example workspace under %s", root)
	}
	return out
}

// readTree reads every regular file under dir.
func readTree(t testing.TB, dir string) files {
	t.Helper()
	out := files{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = content
		return nil
	})
	if err != nil {
		t.Fatalf("reading %s: %v", dir, err)
	}
	return out
}

// writeTree writes fs under root; a file that starts with "#!" is made
// executable, as an entrypoint script is.
func writeTree(t testing.TB, root string, fs files) {
	t.Helper()
	for rel, content := range fs {
		path := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("creating the folder of %s: %v", rel, err)
		}
		mode := os.FileMode(0o644)
		if bytes.HasPrefix(content, []byte("#!")) {
			mode = 0o755
		}
		if err := os.WriteFile(path, content, mode); err != nil {
			t.Fatalf("writing %s: %v", rel, err)
		}
	}
}

// startServer starts a server on a workspace of exact bytes: it writes
// them before initialize, so the server finds them as an editor's server
// does, by walking the folder. init options (WithEncodings, ...) apply to
// initialize.
func startServer(t testing.TB, fs files, start []lsptest.Option, init ...lsptest.Option) *lsptest.Client {
	t.Helper()
	c := lsptest.New(t, "", append(start, lsptest.WithoutInitialize())...)
	writeTree(t, c.WS.Root, fs)
	c.Initialize(init...)
	return c
}

// uriOf returns the URI of a workspace file as the server spells it.
func uriOf(c *lsptest.Client, rel string) string { return string(c.WS.URI(rel)) }

// trickyWorkspace returns files of every kind that parsers find hard. It
// has empty files, one space, no final newline, CRLF, a BOM, NUL bytes,
// bytes that are not UTF-8, characters outside the BMP, files over and at
// the 2 MiB limit, and half-typed lines of each kind.
func trickyWorkspace() files {
	fs := files{
		"compose.yaml":      []byte("services:\n  web:\n    image: nginx\n    build:\n      context: ./web\n      target: dev\n    env_file: .env\n    environment:\n      DB_HOST: db:5432\n      GREETING: ${GREETING:-hé𝄞}\n  db:\n    image: postgres:16\n"),
		".env":              []byte("GREETING=hello\nDB_USER=app\n"),
		"web/Dockerfile":    []byte("FROM alpine:3.20 AS base\nFROM base AS dev\nCOPY entrypoint.sh /\nENTRYPOINT [\"/entrypoint.sh\"]\n"),
		"web/entrypoint.sh": []byte("#!/bin/sh\nuntil nc -z db 5432; do sleep 1; done\nexec \"$@\"\n"),
		"Makefile":          []byte("all: up\nup:\n\tdocker compose -f compose.yaml up -d\n"),
	}
	kinds := map[string]string{
		"Dockerfile":      "FROM alpine:3.20\nRUN echo é 𝄞\n",
		"compose.yaml":    "services:\n  wéb:\n    image: nginx:1.27 # 𝄞\n",
		"Makefile":        "all:\n\techo é 𝄞\n",
		".env":            "NAME=é𝄞\n",
		"entrypoint.sh":   "#!/bin/sh\necho \"é 𝄞\"\n",
		"conf/app.conf":   "server é;\n",
		"docker-bake.hcl": "target \"x\" {}\n",
	}
	for name, content := range kinds {
		fs["empty/"+name] = nil
		fs["space/"+name] = []byte(" ")
		fs["newline/"+name] = []byte("\n")
		fs["crlf/"+name] = []byte(strings.ReplaceAll(content, "\n", "\r\n"))
		fs["bom/"+name] = append([]byte("\ufeff"), content...)
		fs["nofinal/"+name] = []byte(strings.TrimSuffix(content, "\n"))
		fs["nul/"+name] = append([]byte(content), 0, 'x', 0, '\n')
		fs["latin1/"+name] = bytes.ReplaceAll([]byte(content), []byte("é"), []byte{0xe9})
		fs["cr/"+name] = []byte(strings.ReplaceAll(content, "\n", "\r"))
	}
	fs["empty/entrypoint.sh"] = []byte("#!/bin/sh")
	for name, content := range halfTyped {
		fs["half/"+name] = []byte(content)
	}
	fs["big/compose.yaml"] = bigFile(3<<20, "services:\n  web:\n    image: nginx\n")
	fs["big/Dockerfile"] = bigFile(3<<20, "FROM alpine\n")
	fs["limit/compose.yaml"] = bigFile(2<<20, "services:\n  web:\n    image: nginx\n")
	return fs
}

// bigFile returns exactly size bytes: head, then comment lines of about 64
// KiB, each with a non-ASCII character. Long lines keep the sweep of every
// line short.
func bigFile(size int, head string) []byte {
	line := "# " + strings.Repeat("x", 64<<10) + "é\n"
	var b bytes.Buffer
	b.WriteString(head)
	for b.Len() < size {
		b.WriteString(line)
	}
	return b.Bytes()[:size]
}

// halfTyped holds files as an editor sends them in the middle of typing a
// line of each kind.
var halfTyped = map[string]string{
	"Dockerfile":                  "# syntax=\n# escape=`\nFROM \nFROM alpine AS\nARG \nARG A=\nENV A=${\nRUN \\\n\nCOPY --from= \nCOPY --chmod=7\nRUN --mount=type=\nHEALTHCHECK CMD\nEXPOSE ${P\nONBUILD \nRUN <<EOF\necho \"",
	"compose.yaml":                "services:\n  web:\n    image: \n    build:\n      context: \n      target: \n    depends_on:\n      - \n      db:\n        condition: \n    environment:\n      A: ${\n      B: ${B:-\n      - C=\n    ports:\n      - \"80:\n    <<: *\n    extends:\n      service: \n  db: &\n  : x\nx-a: &a\n  k: [\n",
	"docker-compose.override.yml": "services:\n  web:\n    volumes:\n      - ./\n    networks: [\n",
	"Makefile":                    "include \nall: \n\tdocker compose -f \n\tdocker compose up \nup:\n\t$(\n${\nifeq (\nVAR := $(shell \ndefine X\n",
	"other.mk":                    "x: \n\t@\n%:\n\t$(MAKE\n",
	".env":                        "A\nB=\"unterminated\nC=${\nexport \n=\nD='x\nE=${C:-\n",
	"entrypoint.sh":               "#!/bin/sh\nif [ \nexec \"$\ncase $x in\n  a)\n$(\n`\ncat <<EOF\nfoo ${\n",
	"start.bash":                  "#!/usr/bin/env bash\nfor i in {1..\n[[ $x == \nfunction f {\n",
}
