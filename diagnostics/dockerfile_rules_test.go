package diagnostics

import (
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

// ruleTests check one rule each: the diagnostics of that code must be
// exactly the listed ones, at the marked words; other codes are ignored.
// The cases follow the semantics of buildkit's own check tests
// (frontend/dockerfile/dockerfile_check_test.go), rewritten.
var ruleTests = []struct {
	name string
	code string
	src  string
	want []wantDiag // nil: the rule must not fire
}{
	{"stage name casing", "StageNameCasing", "FROM alpine:3.20 AS «s1»Builder«s2»\n", []wantDiag{{"StageNameCasing", Warning, "s1", "s2"}}},
	{"stage name lower case", "StageNameCasing", "FROM alpine:3.20 AS builder\n", nil},
	{"from as casing", "FromAsCasing", "FROM alpine:3.20 «a1»as«a2» builder\n", []wantDiag{{"FromAsCasing", Warning, "a1", "a2"}}},
	{"from as casing lower", "FromAsCasing", "from alpine:3.20 as builder\n", nil},
	{"consistent casing", "ConsistentInstructionCasing", "FROM alpine:3.20\n«c1»run«c2» true\nRUN true\n", []wantDiag{{"ConsistentInstructionCasing", Warning, "c1", "c2"}}},
	{"consistent casing lower majority", "ConsistentInstructionCasing", "from alpine:3.20\nrun true\n«c1»RUN«c2» true\n", []wantDiag{{"ConsistentInstructionCasing", Warning, "c1", "c2"}}},
	{"duplicate stage name", "DuplicateStageName", "FROM alpine:3.20 AS b\nFROM alpine:3.20 AS «d1»b«d2»\n", []wantDiag{{"DuplicateStageName", Warning, "d1", "d2"}}},
	{"reserved stage name", "ReservedStageName", "FROM alpine:3.20 AS «r1»scratch«r2»\nFROM alpine:3.20 AS «r3»context«r4»\n", []wantDiag{{"ReservedStageName", Warning, "r1", "r2"}, {"ReservedStageName", Warning, "r3", "r4"}}},
	{"JSON args recommended", "JSONArgsRecommended", "FROM scratch\nCMD «j1»mycommand«j2»\nENTRYPOINT «j3»mycommand --flag«j4»\n", []wantDiag{{"JSONArgsRecommended", Warning, "j1", "j2"}, {"JSONArgsRecommended", Warning, "j3", "j4"}}},
	{"JSON args with SHELL", "JSONArgsRecommended", "FROM scratch\nSHELL [\"/usr/bin/customshell\"]\nCMD mycommand\n", nil},
	{"JSON args with SHELL in base stage", "JSONArgsRecommended", "FROM scratch AS base\nSHELL [\"/usr/bin/customshell\"]\nFROM base\nENTRYPOINT mycommand\n", nil},
	{"maintainer deprecated", "MaintainerDeprecated", "FROM scratch\n«m1»MAINTAINER«m2» me@example.com\n", []wantDiag{{"MaintainerDeprecated", Warning, "m1", "m2"}}},
	{"undefined arg in from", "UndefinedArgInFrom", "ARG tag=latest\nFROM busybox:${tag}«u1»${version}«u2» AS b\n", []wantDiag{{"UndefinedArgInFrom", Warning, "u1", "u2"}}},
	{"platform arg in from is predefined", "UndefinedArgInFrom", "FROM --platform=$BUILDPLATFORM scratch\n", nil},
	{"misspelled platform arg", "UndefinedArgInFrom", "FROM --platform=«u1»$BULIDPLATFORM«u2» scratch\n", []wantDiag{{"UndefinedArgInFrom", Warning, "u1", "u2"}}},
	{"global arg without value", "UndefinedArgInFrom", "ARG DEBUG\nFROM scratch${DEBUG}\n", nil},
	{"workdir relative", "WorkdirRelativePath", "FROM scratch\nWORKDIR «w1»app/«w2»\n", []wantDiag{{"WorkdirRelativePath", Warning, "w1", "w2"}}},
	{"workdir absolute in base stage", "WorkdirRelativePath", "FROM scratch AS a\nWORKDIR /app\nFROM a AS b\nWORKDIR subdir/\n", nil},
	{"workdir relative skipped by comment", "WorkdirRelativePath", "FROM scratch\n# check=skip=WorkdirRelativePath\nWORKDIR app/\n", nil},
	{"undefined var", "UndefinedVar", "FROM alpine:3.20\nCOPY «v1»$foo«v2» .\nARG foo=bar\nRUN echo $foo\n", []wantDiag{{"UndefinedVar", Warning, "v1", "v2"}}},
	{"undefined var suggestion", "UndefinedVar", "FROM alpine:3.20\nARG DIR_ASSETS=assets/\nCOPY «v1»$DIR_ASSET«v2» .\n", []wantDiag{{"UndefinedVar", Warning, "v1", "v2"}}},
	{"ARG without value is declared", "UndefinedVar", "FROM scratch\nARG foo\nCOPY Dockerfile${foo} .\n", nil},
	{"ARG inherited from base stage", "UndefinedVar", "FROM alpine:3.20 AS base\nARG foo=Dockerfile\nFROM base\nCOPY $foo .\n", nil},
	{"PATH is always set", "UndefinedVar", "FROM alpine:3.20\nENV PATH=$PATH:/tmp/bin\n", nil},
	{"misspelled PATH", "UndefinedVar", "FROM alpine:3.20\nENV PATH=«v1»$PAHT«v2»:/tmp/bin\n", []wantDiag{{"UndefinedVar", Warning, "v1", "v2"}}},
	{"RUN is not checked", "UndefinedVar", "FROM alpine:3.20\nRUN echo $NOPE\n", nil},
	{"multiple CMD", "MultipleInstructionsDisallowed", "FROM scratch\n«c1»CMD«c2» [\"a\"]\nCMD [\"b\"]\n«e1»ENTRYPOINT«e2» [\"a\"]\nENTRYPOINT [\"b\"]\n", []wantDiag{{"MultipleInstructionsDisallowed", Warning, "c1", "c2"}, {"MultipleInstructionsDisallowed", Warning, "e1", "e2"}}},
	{"one CMD per stage", "MultipleInstructionsDisallowed", "FROM scratch AS a\nCMD [\"a\"]\nFROM scratch\nCMD [\"b\"]\n", nil},
	{"legacy key value", "LegacyKeyValueFormat", "FROM scratch\nENV «l1»key value«l2»\nLABEL «l3»key value«l4»\nENV ok=1\n", []wantDiag{{"LegacyKeyValueFormat", Warning, "l1", "l2"}, {"LegacyKeyValueFormat", Warning, "l3", "l4"}}},
	{"redundant target platform", "RedundantTargetPlatform", "FROM «p1»--platform=$TARGETPLATFORM«p2» scratch\n", []wantDiag{{"RedundantTargetPlatform", Warning, "p1", "p2"}}},
	{"secrets in ARG and ENV", "SecretsUsedInArgOrEnv", "FROM scratch\nARG «s1»SECRET_PASSPHRASE«s2»\nENV «s3»AWS_SECRET_KEY«s4»=x\nENV PUBLIC_KEY=x\nARG SECRET_FILE\nENV PASSWORD_VERSION=1\n", []wantDiag{{"SecretsUsedInArgOrEnv", Warning, "s1", "s2"}, {"SecretsUsedInArgOrEnv", Warning, "s3", "s4"}}},
	{"invalid default arg in from", "InvalidDefaultArgInFrom", "ARG VERSION\nARG IMAGE=alpine:3.20\nFROM «i1»busybox:$VERSION«i2»\nFROM $IMAGE\n", []wantDiag{{"InvalidDefaultArgInFrom", Warning, "i1", "i2"}}},
	{"platform const", "FromPlatformFlagConstDisallowed", "FROM --platform=«c1»linux/amd64«c2» alpine:3.20 AS builder\nFROM --platform=linux/amd64 alpine:3.20 AS builder-amd64\n", []wantDiag{{"FromPlatformFlagConstDisallowed", Warning, "c1", "c2"}}},
	{"expose proto casing", "ExposeProtoCasing", "FROM scratch\nEXPOSE «e1»80/TcP«e2» 443/tcp\n", []wantDiag{{"ExposeProtoCasing", Warning, "e1", "e2"}}},
	{"expose invalid format", "ExposeInvalidFormat", "FROM scratch\nEXPOSE «e1»127.0.0.1:80:80«e2» «e3»8080:80«e4» 80\n", []wantDiag{{"ExposeInvalidFormat", Warning, "e1", "e2"}, {"ExposeInvalidFormat", Warning, "e3", "e4"}}},
	{"definition description is experimental", "InvalidDefinitionDescription", "FROM scratch\n# some text\nARG foo=bar\n", nil},
	{"definition description when enabled", "InvalidDefinitionDescription", "# check=experimental=InvalidDefinitionDescription\nFROM scratch\n«d1»# some text«d2»\nARG foo=bar\n", []wantDiag{{"InvalidDefinitionDescription", Warning, "d1", "d2"}}},
	{"unknown flag", "UnknownFlag", "FROM scratch\nCOPY --«f1»form«f2»=a x y\n", []wantDiag{{"UnknownFlag", Error, "f1", "f2"}}},
	{"instruction before FROM", "InstructionBeforeFrom", "«i1»RUN«i2» true\nFROM scratch\n", []wantDiag{{"InstructionBeforeFrom", Error, "i1", "i2"}}},
	{"invalid instruction", "InvalidInstruction", "FROM scratch AS «s1»1bad«s2»\n", []wantDiag{{"InvalidInstruction", Error, "s1", "s2"}}},
	{"mount type", "InvalidInstruction", "FROM scratch\nRUN --mount=type=«m1»cachee«m2» true\n", []wantDiag{{"InvalidInstruction", Error, "m1", "m2"}}},
	{"copy from unknown stage", "CopyFromUnknownStage", "FROM scratch AS build\nFROM scratch\nCOPY --from=«c1»biuld«c2» /a /b\nCOPY --from=nginx:1.27 /a /b\nCOPY --from=build /a /b\n", []wantDiag{{"CopyFromUnknownStage", Warning, "c1", "c2"}}},
	{"copy from later stage", "CopyFromLaterStage", "FROM scratch AS a\nCOPY --from=«c1»b«c2» /x /y\nCOPY --from=«c3»0«c4» /x /y\nFROM scratch AS b\nCOPY --from=a /x /y\n", []wantDiag{{"CopyFromLaterStage", Error, "c1", "c2"}, {"CopyFromLaterStage", Error, "c3", "c4"}}},
	{"untagged image", "UntaggedImage", "FROM «u1»alpine«u2»\nFROM alpine:3.20\nFROM alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000\nFROM scratch\n", []wantDiag{{"UntaggedImage", Warning, "u1", "u2"}}},
	{"latest tag", "LatestTag", "FROM «l1»ghcr.io/acme/tool:latest«l2»\n", []wantDiag{{"LatestTag", Warning, "l1", "l2"}}},
	{"apt-get install without -y", "AptGetMissingYes", "FROM debian:12\nRUN apt-get update && apt-get «a1»install«a2» curl && apt-get install -qy git && rm -rf /var/lib/apt/lists/*\n", []wantDiag{{"AptGetMissingYes", Warning, "a1", "a2"}}},
	{"apt-get recommends", "AptGetInstallRecommends", "FROM debian:12\nRUN apt-get «a1»install«a2» -y curl\nRUN apt-get install -y --no-install-recommends git\n", []wantDiag{{"AptGetInstallRecommends", Information, "a1", "a2"}}},
	{"apt lists not cleaned", "AptGetListsNotCleaned", "FROM debian:12\nRUN apt-get «a1»update«a2» && apt-get install -y curl\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\nRUN --mount=type=cache,target=/var/lib/apt apt-get update\n", []wantDiag{{"AptGetListsNotCleaned", Information, "a1", "a2"}}},
	{"apt-get upgrade", "AptGetUpgrade", "FROM debian:12\nRUN apt-get «a1»dist-upgrade«a2» -y\n", []wantDiag{{"AptGetUpgrade", Warning, "a1", "a2"}}},
	{"cd in RUN", "RunCd", "FROM debian:12\nRUN «c1»cd«c2» /src && make\nRUN echo cd\n", []wantDiag{{"RunCd", Information, "c1", "c2"}}},
	{"sudo in RUN", "RunSudo", "FROM debian:12\nRUN «s1»sudo«s2» make install\n", []wantDiag{{"RunSudo", Warning, "s1", "s2"}}},
	{"ADD local file", "AddLocalFile", "FROM debian:12\n«a1»ADD«a2» app.conf /etc/\nADD https://example.com/x.tgz /tmp/\nADD vendor.tar.gz /opt/\n", []wantDiag{{"AddLocalFile", Information, "a1", "a2"}}},
	{"download piped to a shell", "PipeWithoutPipefail", "FROM debian:12\nRUN curl -s x «p1»|«p2» sh\nRUN set -o pipefail && curl -s x | sh\nRUN tee /dev/stderr < x | git apply\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN wget -qO- x | bash\n", []wantDiag{{"PipeWithoutPipefail", Information, "p1", "p2"}}},
	{"shell syntax error", "ShellSyntax", "FROM debian:12\nRUN if true; then echo a«s1»\n«s2»", []wantDiag{{"ShellSyntax", Error, "", ""}}},
	{"bash syntax in sh is left alone", "ShellSyntax", "FROM debian:12\nRUN diff <(echo a) <(echo b)\n", nil},
}

func TestDockerfileRules(t *testing.T) {
	for _, tt := range ruleTests {
		t.Run(tt.name, func(t *testing.T) {
			ws := testws.New(t, "-- Dockerfile --\n"+tt.src)
			diags := dockerDiags(t, ws, "Dockerfile")
			var got []*Diagnostic
			for _, d := range diags {
				if d.Code == tt.code {
					got = append(got, d)
				}
			}
			want := tt.want
			if want == nil {
				if len(got) > 0 {
					t.Fatalf("input:\n%s\nwant no %s, got:%s", ws.Content("Dockerfile"), tt.code, describeDiags(ws.Content("Dockerfile"), got))
				}
				return
			}
			checkDiags(t, ws, "Dockerfile", diags, want, false)
		})
	}
}

func TestMissingContextFile(t *testing.T) {
	ws := testws.New(t, `
-- app/Dockerfile --
FROM alpine:3.20
COPY «m1»missing.sh«m2» /usr/local/bin/
ENTRYPOINT [«m5»"/usr/local/bin/missing.sh"«m6»]
COPY present.sh conf/ *.txt /opt/
COPY «m3»nothing-*.cfg«m4» /opt/
COPY --from=alpine:3.20 /etc/os-release /tmp/
ADD https://example.com/a.tgz /tmp/
COPY <<INLINE /tmp/inline
text
INLINE
-- app/present.sh --
#!/bin/sh
-- app/conf/a.conf --
x=1
-- app/notes.txt --
notes
`)
	checkDiags(t, ws, "app/Dockerfile", dockerDiags(t, ws, "app/Dockerfile"), []wantDiag{
		{"MissingContextFile", Warning, "m1", "m2"},
		{"MissingContextFile", Warning, "m3", "m4"},
		{"MissingContextFile", Warning, "m5", "m6"},
	}, false)
}

func TestCheckDirective(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []wantDiag
	}{
		{"skip one rule", "# check=skip=MaintainerDeprecated\nFROM scratch\nMAINTAINER me\n", nil},
		{"skip all", "# check=skip=all\nFROM scratch\nMAINTAINER me\nWORKDIR rel\n", nil},
		{"error=true", "# check=error=true\nFROM scratch\n«m1»MAINTAINER«m2» me\n", []wantDiag{{"MaintainerDeprecated", Error, "m1", "m2"}}},
		{"comment before an instruction", "FROM scratch\n# check=skip=WorkdirRelativePath\nWORKDIR a\nWORKDIR b\n", nil},
		{"skip an own rule", "# check=skip=UntaggedImage\nFROM alpine\n", nil},
		{"invalid check directive", "# check=«c1»bogus«c2»\nFROM scratch\n", []wantDiag{{"InvalidCheckDirective", Error, "c1", "c2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := testws.New(t, "-- Dockerfile --\n"+tt.src)
			checkDiags(t, ws, "Dockerfile", dockerDiags(t, ws, "Dockerfile"), tt.want, true)
		})
	}
}

func TestStacklsIgnoreComment(t *testing.T) {
	ws := testws.New(t, `-- Dockerfile --
FROM scratch
# stackls-ignore MaintainerDeprecated,WorkdirRelativePath
MAINTAINER me
# stackls-ignore WorkdirRelativePath
«m1»MAINTAINER«m2» you
# stackls-ignore UnknownInstruction
RUNN x
`)
	checkDiags(t, ws, "Dockerfile", dockerDiags(t, ws, "Dockerfile"), []wantDiag{
		{"MaintainerDeprecated", Warning, "m1", "m2"},
	}, true)
}

// TestNarrowedSpanAfterHardBytes checks that the Span of a diagnostic stays
// on its word after a non-ASCII rune, a tab, CRLF line ends and a BOM.
func TestNarrowedSpanAfterHardBytes(t *testing.T) {
	for _, opt := range []struct {
		name string
		crlf bool
		bom  string
	}{{"LF", false, ""}, {"CRLF", true, ""}, {"BOM", false, "\uFEFF"}, {"BOM and CRLF", true, "\uFEFF"}} {
		t.Run(opt.name, func(t *testing.T) {
			archive := "-- Dockerfile --\n" + opt.bom + "FROM alpine:3.20\nLABEL é=\"ü\"\tnote=«v1»$UNDEFINED«v2»\n"
			var opts []testws.Option
			if opt.crlf {
				opts = append(opts, testws.WithCRLF("Dockerfile"))
			}
			ws := testws.New(t, archive, opts...)
			checkDiags(t, ws, "Dockerfile", dockerDiags(t, ws, "Dockerfile"), []wantDiag{{"UndefinedVar", Warning, "v1", "v2"}}, true)
		})
	}
}

func TestCopyIgnoredFile(t *testing.T) {
	ws := testws.New(t, `
-- app/Dockerfile --
FROM alpine:3.20
COPY «i1»secrets/key.pem«i2» /etc/
COPY «i3»build«i4» /srv/
COPY src/ /srv/
COPY . /srv/
-- app/.dockerignore --
secrets
build/
*.log
-- app/secrets/key.pem --
x
-- app/build/a --
x
-- app/src/a --
x
-- other/Dockerfile --
FROM alpine:3.20
COPY a.log /x
-- other/.dockerignore --
*.log
!keep.log
-- other/a.log --
x
`)
	checkDiags(t, ws, "app/Dockerfile", dockerDiags(t, ws, "app/Dockerfile"), []wantDiag{
		{"CopyIgnoredFile", Warning, "i1", "i2"},
		{"CopyIgnoredFile", Warning, "i3", "i4"},
	}, false)
	for _, d := range dockerDiags(t, ws, "other/Dockerfile") {
		if d.Code == "CopyIgnoredFile" {
			t.Errorf("patterns with an exclusion: want no CopyIgnoredFile, got %s", d.Message)
		}
	}
}
