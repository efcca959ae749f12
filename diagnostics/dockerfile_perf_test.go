package diagnostics

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// TestSecretNamesMatchBuildkitPatterns checks isSecretName against the
// regular expressions of buildkit's SecretsUsedInArgOrEnv rule.
func TestSecretNamesMatchBuildkitPatterns(t *testing.T) {
	deny := regexp.MustCompile(`(?i)(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)`)
	allow := regexp.MustCompile(`(?i)(?:_|^)(?:public|file|version)(?:_|$)`)
	names := []string{
		"", "_", "__", "KEY", "key", "Key", "MY_KEY", "KEY_ID", "A_KEY_B", "KEYS", "MONKEY", "API_TOKEN", "GITHUB_TOKEN_FILE",
		"PUBLIC_KEY", "KEY_VERSION", "DB_PASSWORD", "PASSWD", "PWORD_", "_SECRET_", "SECRETS", "AUTH", "OAUTH", "CREDENTIAL",
		"CREDENTIALS_", "APIKEY", "API_KEY", "\u212aEY", "MY_\u212aEY", "ſECRET", "FILE", "VERSION_TOKEN", "token_public", "a_b_c",
	}
	for _, name := range names {
		want := deny.MatchString(name) && !allow.MatchString(name)
		if got := isSecretName(name); got != want {
			t.Errorf("isSecretName(%q) = %t, want %t", name, got, want)
		}
	}
}

// TestPortNumbersMatchPattern checks isPortNumber against the regular
// expression ^[0-9]+(-[0-9]+)?$ that it replaces.
func TestPortNumbersMatchPattern(t *testing.T) {
	pattern := regexp.MustCompile(`^[0-9]+(-[0-9]+)?$`)
	for _, port := range []string{"", "80", "8080-8090", "-", "80-", "-80", "1-2-3", "8o", "80/tcp", " 80", "080", "\u0663"} {
		if got, want := isPortNumber(port), pattern.MatchString(port); got != want {
			t.Errorf("isPortNumber(%q) = %t, want %t", port, got, want)
		}
	}
}

// describeAll returns every field of diags that is sent to the client,
// one diagnostic a line.
func describeAll(diags []*Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "%v %s %v %s %q %s %v", d.Severity, d.Code, d.Span, d.Source, d.Message, d.CodeHref, d.Tags)
		for _, fix := range d.Fixes {
			fmt.Fprintf(&b, " fix %q %v", fix.Title, fix.Edits)
		}
		for _, r := range d.Related {
			fmt.Fprintf(&b, " related %v %q", r.Location, r.Message)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// dockerfileVersions returns a Dockerfile that most rules report on and
// versions of it, each edited in one place.
func dockerfileVersions() []string {
	var b strings.Builder
	b.WriteString("# syntax=docker/dockerfile:1\nARG BASE=debian:12\nFROM $BASE AS base\n")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "FROM base AS s%d\nENV P%d=/opt/%d\nWORKDIR rel%d\nRUN sudo apt-get install x && cd /tmp && echo $P%d $U%d | sh\n", i, i, i, i, i, i)
		fmt.Fprintf(&b, "RUN cd /x && curl -s u | sh && apt-get update\nLABEL v=$NOPE%d\nRUN <<EOF\necho $U%d\nEOF\n", i, i)
		fmt.Fprintf(&b, "COPY --from=nope%d a b\nEXPOSE 80/TCP\nCMD x\nCMD y\nARG TOKEN_%d\n", i, i)
	}
	src := b.String()
	versions := []string{src}
	for _, edit := range []string{"RUN echo edit\n", "ENV U3=x\n", "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n", "ARG U4\n"} {
		at := strings.Index(src, "FROM base AS s3\n") + len("FROM base AS s3\n")
		versions = append(versions, src[:at]+edit+src[at:])
	}
	top := "# syntax=docker/dockerfile:1\n"
	versions = append(versions, strings.Replace(src, top, top+"# check=skip=JSONArgsRecommended;error=true\n", 1), "# escape=`\n"+src)
	return versions
}

// TestDockerfileDiagnosticsCached checks that the diagnostics of versions
// of a Dockerfile, checked after one another as an editor sends them, and
// again from several goroutines, are those of a check with empty caches.
func TestDockerfileDiagnosticsCached(t *testing.T) {
	versions := dockerfileVersions()
	check := func(session *workspace.Session, uri position.URI, version int, content string) string {
		snap := session.Open(uri, "dockerfile", int32(version), []byte(content))
		return describeAll(File(context.Background(), snap, uri))
	}
	uri := position.URIFromPath(filepath.Join(t.TempDir(), "Dockerfile"))
	want := make([]string, len(versions))
	for i, v := range versions {
		resetDockerfileCaches()
		want[i] = check(workspace.NewSession(), uri, 1, v)
	}

	session := workspace.NewSession()
	for n := 0; n < 3*len(versions); n++ {
		i := n % len(versions)
		if got := check(session, uri, n+1, versions[i]); got != want[i] {
			t.Fatalf("version %d, check %d:\nwant\n%s\ngot\n%s", i, n, want[i], got)
		}
	}

	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		go func() {
			session := workspace.NewSession()
			msg := ""
			for n := 0; n < 10 && msg == ""; n++ {
				i := (g + n) % len(versions)
				if got := check(session, uri, n+1, versions[i]); got != want[i] {
					msg = fmt.Sprintf("goroutine %d, version %d:\nwant\n%s\ngot\n%s", g, i, want[i], got)
				}
			}
			errs <- msg
		}()
	}
	for g := 0; g < 4; g++ {
		if msg := <-errs; msg != "" {
			t.Error(msg)
		}
	}
}

// TestWarmedCheckMatchesUnwarmed checks that filling the caches on a
// second goroutine gives the diagnostics of a check that fills them
// alone, for each version of a Dockerfile, from empty caches.
func TestWarmedCheckMatchesUnwarmed(t *testing.T) {
	saved := minWarmInstructions
	defer func() { minWarmInstructions = saved }()
	uri := position.URIFromPath(filepath.Join(t.TempDir(), "Dockerfile"))
	check := func(threshold int, content string) string {
		minWarmInstructions = threshold
		resetDockerfileCaches()
		snap := workspace.NewSession().Open(uri, "dockerfile", 1, []byte(content))
		return describeAll(File(context.Background(), snap, uri))
	}
	for i, v := range dockerfileVersions() {
		want := check(math.MaxInt, v)
		if got := check(1, v); got != want {
			t.Errorf("version %d:\nwant\n%s\ngot\n%s", i, want, got)
		}
	}
}
