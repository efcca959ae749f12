package workspace

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stackls/stackls/position"
)

// randomStack writes and changes a small workspace of three compose
// projects at random. Their services build from Dockerfiles or run images,
// and copy scripts and config files, some without an extension, which the
// index links. They use each other as hosts, read env files and bind
// mounts, and include or extend other compose files. A Makefile names some
// of the compose files.
type randomStack struct {
	t       *testing.T
	root    string
	rng     *rand.Rand
	session *Session
	open    map[string]int32 // open documents by relative path, with their version
}

var (
	randomServices = []string{"db", "web", "api", "cache", "worker"}
	randomProjects = []string{"p0", "p1", "p2"}
)

// files returns every relative path that the stack may hold.
func (r *randomStack) files() []string {
	paths := []string{"Makefile", "shared/Dockerfile", "shared/tool.sh", "shared/notes.txt"}
	for _, p := range randomProjects {
		paths = append(paths, p+"/compose.yaml", p+"/compose.override.yaml", p+"/extra.yml", p+"/.env", p+"/app.env")
		for _, svc := range randomServices {
			for _, name := range []string{"Dockerfile", "entrypoint.sh", "run", "app.conf", "settings", "lib/common.sh", "notes.md", ".dockerignore", "secret.txt"} {
				paths = append(paths, p+"/"+svc+"/"+name)
			}
		}
	}
	return paths
}

func (r *randomStack) pick(list []string) string { return list[r.rng.IntN(len(list))] }
func (r *randomStack) chance(percent int) bool   { return r.rng.IntN(100) < percent }

// host returns a host name as a script would write it: a service name, a
// container name, an alias, a near miss or an unrelated name.
func (r *randomStack) host() string {
	name := r.pick(randomServices)
	switch r.rng.IntN(6) {
	case 0:
		return name + "-c"
	case 1:
		return "al-" + name
	case 2:
		return name + "x"
	case 3:
		return "example.org"
	}
	return name
}

// content returns new random content for the file at rel.
func (r *randomStack) content(rel string) string {
	base := filepath.Base(rel)
	switch {
	case base == "Makefile":
		return r.makefile()
	case base == "compose.yaml" || base == "compose.override.yaml" || base == "extra.yml":
		return r.compose(rel)
	case base == "Dockerfile":
		return r.dockerfile()
	case base == ".env" || base == "app.env":
		return fmt.Sprintf("TAG=%d\nUPSTREAM_HOST=%s\nURL=http://%s:80/\n", r.rng.IntN(9), r.host(), r.host())
	case base == "run":
		return r.pick([]string{"#!/bin/sh\n", "", "#!/usr/bin/env python3\n"}) + r.script()
	case base == "settings" || base == "app.conf":
		return r.pick([]string{"", "", "#!/bin/bash\n"}) + fmt.Sprintf("upstream {\n  server %s:8080;\n}\nurl = http://%s/\n", r.host(), r.host())
	case strings.HasSuffix(base, ".sh"):
		return r.pick([]string{"#!/bin/sh\n", "#!/bin/bash\n", ""}) + r.script()
	case base == ".dockerignore":
		return r.pick([]string{"*.md\n", "run\n", "lib\n", "*.conf\n"})
	}
	return "notes " + r.host() + "\n"
}

func (r *randomStack) script() string {
	var b strings.Builder
	for i := r.rng.IntN(4); i >= 0; i-- {
		switch r.rng.IntN(4) {
		case 0:
			fmt.Fprintf(&b, "nc -z %s 8080\n", r.host())
		case 1:
			fmt.Fprintf(&b, "curl -fsS http://%s:80/health\n", r.host())
		case 2:
			b.WriteString(". ./lib/common.sh\n")
		default:
			fmt.Fprintf(&b, "export DB_HOST=%s\n", r.host())
		}
	}
	b.WriteString("exec \"$@\"\n")
	return b.String()
}

func (r *randomStack) makefile() string {
	var b strings.Builder
	b.WriteString("up:\n")
	for _, p := range randomProjects {
		switch r.rng.IntN(4) {
		case 0:
			fmt.Fprintf(&b, "\tdocker compose -f %s/compose.yaml up -d\n", p)
		case 1:
			fmt.Fprintf(&b, "\tdocker compose -p proj-%s -f %s/compose.yaml -f %s/compose.override.yaml up -d db\n", p, p, p)
		case 2:
			fmt.Fprintf(&b, "\tdocker compose --env-file %s/app.env -f %s/extra.yml up\n", p, p)
		}
	}
	return b.String()
}

func (r *randomStack) compose(rel string) string {
	var b strings.Builder
	if r.chance(30) {
		fmt.Fprintf(&b, "name: n%d\n", r.rng.IntN(3))
	}
	if strings.HasSuffix(rel, "compose.yaml") && r.chance(30) {
		b.WriteString("include:\n  - extra.yml\n")
	}
	b.WriteString("services:\n")
	for _, svc := range randomServices {
		if !r.chance(55) {
			continue
		}
		fmt.Fprintf(&b, "  %s:\n", svc)
		switch r.rng.IntN(6) {
		case 4:
			fmt.Fprintf(&b, "    build: ${CTX_%s:-./%s}\n", svc, svc)
		case 5:
			fmt.Fprintf(&b, "    extends:\n      file: ../%s/compose.yaml\n      service: %s\n", r.pick(randomProjects), r.pick(randomServices))
		case 0:
			fmt.Fprintf(&b, "    build: ./%s\n", svc)
		case 1:
			fmt.Fprintf(&b, "    build:\n      context: ./%s\n      target: %s\n", svc, r.pick([]string{"base", "final", "none"}))
		case 2:
			b.WriteString("    build: ../shared\n")
		default:
			b.WriteString("    image: alpine:3.20\n")
		}
		if r.chance(30) {
			fmt.Fprintf(&b, "    container_name: %s-c\n", svc)
		}
		if r.chance(20) {
			fmt.Fprintf(&b, "    hostname: h-%s\n", svc)
		}
		if r.chance(30) {
			b.WriteString("    env_file: [app.env]\n")
		}
		fmt.Fprintf(&b, "    environment:\n      UPSTREAM_URL: http://%s:8080\n      DB_HOST: %s\n", r.host(), r.host())
		if r.chance(30) {
			fmt.Fprintf(&b, "    volumes:\n      - ./%s/%s:/etc/mounted\n", svc, r.pick([]string{"app.conf", "settings", "lib"}))
		}
		if r.chance(30) {
			fmt.Fprintf(&b, "    networks:\n      default:\n        aliases: [al-%s]\n", svc)
		}
		if r.chance(20) {
			b.WriteString("    entrypoint: [\"/run\"]\n")
		}
		if r.chance(30) {
			fmt.Fprintf(&b, "    depends_on: [%s]\n", r.pick(randomServices))
		}
		if r.chance(20) {
			b.WriteString("    secrets: [token]\n")
		}
		if r.chance(20) {
			fmt.Fprintf(&b, "    ports: [\"%d:80\"]\n", 8000+r.rng.IntN(3))
		}
	}
	if r.chance(30) {
		fmt.Fprintf(&b, "secrets:\n  token:\n    file: ./%s/secret.txt\n", r.pick(randomServices))
	}
	return b.String()
}

func (r *randomStack) dockerfile() string {
	var b strings.Builder
	b.WriteString("FROM alpine:3.20 AS base\n")
	if r.chance(40) {
		b.WriteString("WORKDIR /app\n")
	}
	for _, line := range []string{
		"COPY entrypoint.sh /usr/local/bin/entrypoint.sh\n",
		"COPY run /run\n",
		"COPY app.conf settings /etc/app/\n",
		"COPY lib/ /lib/\n",
		"COPY *.sh /scripts/\n",
		"COPY . /src\n",
		"COPY tool.sh /usr/bin/tool\n",
	} {
		if r.chance(35) {
			b.WriteString(line)
		}
	}
	if r.chance(50) {
		b.WriteString("FROM base AS final\nENV MODE=final\n")
	}
	fmt.Fprintf(&b, "EXPOSE %d\n", 8000+r.rng.IntN(3))
	b.WriteString(r.pick([]string{
		"ENTRYPOINT [\"/usr/local/bin/entrypoint.sh\"]\n",
		"ENTRYPOINT [\"/run\"]\n",
		"CMD [\"sh\", \"/run\"]\n",
		"CMD [\"tool\"]\n",
		"",
	}))
	return b.String()
}

func (r *randomStack) path(rel string) string { return filepath.Join(r.root, filepath.FromSlash(rel)) }

// write writes or, with remove, deletes the file at rel on disk.
func (r *randomStack) write(rel string, remove bool) {
	full := r.path(rel)
	if remove {
		if err := os.Remove(full); err != nil && !os.IsNotExist(err) {
			r.t.Fatal(err)
		}
		return
	}
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(r.content(rel)), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// step applies one random change and returns what it did.
func (r *randomStack) step() string {
	rel := r.pick(r.files())
	uri := position.URIFromPath(r.path(rel))
	switch op := r.rng.IntN(10); {
	case op < 6: // change, create or delete on disk, with a few others
		changed := []string{rel}
		for i := r.rng.IntN(3); i > 0; i-- {
			changed = append(changed, r.pick(r.files()))
		}
		uris := make([]position.URI, len(changed))
		for i, c := range changed {
			r.write(c, r.chance(20))
			uris[i] = position.URIFromPath(r.path(c))
		}
		r.session.FilesChanged(uris)
		return fmt.Sprintf("disk %v", changed)
	case op < 8: // open or edit a document
		version, isOpen := r.open[rel]
		if !isOpen {
			content, err := os.ReadFile(r.path(rel))
			if err != nil {
				content = []byte(r.content(rel))
			}
			r.open[rel] = 1
			r.session.Open(uri, r.pick([]string{"", "shellscript", "dockerfile", "plaintext"}), 1, content)
			return "open " + rel
		}
		r.open[rel] = version + 1
		if _, err := r.session.Change(uri, version+1, []position.Change{{Text: r.content(rel)}}, position.UTF16); err != nil {
			r.t.Fatal(err)
		}
		return "change " + rel
	default: // close a document
		for open := range r.open {
			delete(r.open, open)
			r.session.Close(position.URIFromPath(r.path(open)))
			return "close " + open
		}
		return "nothing"
	}
}

// check compares the Session's Index and containers with those built from
// scratch from the same Snapshot, and, when no document is open, with a new
// Session of the same folder.
func (r *randomStack) check(step int, what string) {
	snap := r.session.Snapshot()
	fresh := &Snapshot{id: snap.id, folders: snap.folders, files: snap.files.copy(), tree: snap.tree, unsaved: snap.unsaved.copy(), lists: snap.lists}
	fresh.setIndex(freshIndex(fresh))
	r.compare(step, what, "a build from scratch", snap, fresh, r.chance(60))
	if len(r.open) == 0 && step%5 == 0 {
		other, err := NewSession().AddFolders(context.Background(), []string{r.root})
		if err != nil {
			r.t.Fatal(err)
		}
		r.compare(step, what, "a new session", snap, other, true)
	}
}

// compare compares the Index of snap with that of want, and their
// containers when containers is set. Leaving them unbuilt makes the next
// Snapshots start from older containers.
func (r *randomStack) compare(step int, what, against string, snap, want *Snapshot, containers bool) {
	r.t.Helper()
	if diff := firstDiff(describeIndex(r.root, snap.Index()), describeIndex(r.root, want.Index())); diff != "" {
		r.t.Fatalf("step %d (%s): the index differs from %s at %s", step, what, against, diff)
	}
	if !containers {
		return
	}
	if diff := firstDiff(describeContainers(r.root, Containers(snap)), describeContainers(r.root, Containers(want))); diff != "" {
		r.t.Fatalf("step %d (%s): the containers differ from %s at %s", step, what, against, diff)
	}
	if diff := firstDiff(describeContainersByFile(r.root, snap), describeContainersByFile(r.root, want)); diff != "" {
		r.t.Fatalf("step %d (%s): ContainersOf differs from %s at %s", step, what, against, diff)
	}
}

func TestIndexRandomChangesMatchFreshBuild(t *testing.T) {
	seeds, steps := 12, 60
	if testing.Short() {
		seeds, steps = 3, 30
	}
	for seed := range seeds {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			r := NewRandomStack(t, uint64(seed))
			r.check(0, "add folders")
			for step := 1; step <= steps; step++ {
				r.check(step, r.step())
			}
		})
	}
}

// RandomStack is randomStack for the tests of package workspace_test.
type RandomStack = randomStack

// NewRandomStack writes a random stack from seed into a new folder and
// indexes it in a new Session.
func NewRandomStack(t *testing.T, seed uint64) *RandomStack {
	r := &randomStack{t: t, root: t.TempDir(), rng: rand.New(rand.NewPCG(seed, 7)), open: map[string]int32{}}
	for _, rel := range r.files() {
		if r.chance(70) {
			r.write(rel, false)
		}
	}
	r.session = NewSession()
	if _, err := r.session.AddFolders(context.Background(), []string{r.root}); err != nil {
		t.Fatal(err)
	}
	return r
}

// Step applies one random change and returns what it did.
func (r *randomStack) Step() string { return r.step() }

// Session returns the Session that indexes the stack.
func (r *randomStack) Session() *Session { return r.session }

// TestIndexConcurrentReaders reads the Index and containers of the current
// Snapshot from other goroutines while changes derive new ones, for the
// race detector.
func TestIndexConcurrentReaders(t *testing.T) {
	r := NewRandomStack(t, 99)
	done := make(chan struct{})
	var readers sync.WaitGroup
	for range 2 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				snap := r.session.Snapshot()
				ix := snap.Index()
				for _, f := range snap.Files() {
					ix.HostNames(f.URI)
					ContainersOf(snap, f.URI)
				}
				ix.ServiceNames()
			}
		}()
	}
	for range 30 {
		r.step()
	}
	close(done)
	readers.Wait()
}
