package makefile

import (
	"strings"
	"testing"
)

// parseCases are Makefiles and the dump of what Parse finds in them.
var parseCases = []struct {
	name, input, want string
}{
	{
		name:  "empty",
		input: "",
		want:  "",
	},
	{
		name:  "rule with recipe",
		input: "all: build test\n\techo hi\n",
		want: `rule all@1 : build@1,test@1
  recipe "echo hi"@2
`,
	},
	{
		name:  "order-only double-colon static pattern",
		input: "out:: a | dir\n\ttouch out\nobjs: %.o: %.c\n",
		want: `rule out@1 : a@1,dir@1 orderonly=dir@1 double
  recipe "touch out"@2
rule objs@3 : %.c@3 pattern=%.o@3
`,
	},
	{
		name:  "assignment operators",
		input: "A = 1\nB := 2\nC ::= 3\nD ?= 4\nE += 5\nF != date\nG :::= 7\nH=\n",
		want: `var A = "1"@1
var B := "2"@2
var C ::= "3"@3
var D ?= "4"@4
var E += "5"@5
var F != "date"@6
var G :::= "7"@7
var H = ""@8
`,
	},
	{
		name:  "override export and target-specific",
		input: "override CFLAGS += -O2\nexport PATH := /bin\nexport\nweb: export SVC = web\nweb: override X := 1\n",
		want: `var CFLAGS += "-O2"@1 override
var PATH := "/bin"@2 export
var SVC = "web"@4 export targets=web@4
var X := "1"@5 override targets=web@5
`,
	},
	{
		name:  "define block",
		input: "define RUN :=\n\tdocker compose \\\n  up\nendef\nx: ; $(RUN)\n",
		want: `rule x@5 : 
  recipe "$(RUN)"@5
var RUN := "\tdocker compose \\\n  up"@1 define
call sub=up@3
`,
	},
	{
		name:  "include variants",
		input: "include a.mk b.mk\n-include opt.mk\nsinclude $(DIR)/c.mk\n",
		want:  "include a.mk@1,b.mk@1,opt.mk@2,$(DIR)/c.mk@3\n",
	},
	{
		name:  "conditionals keep the rule",
		input: "up:\nifeq ($(X),1)\n\techo one\nelse ifdef Y\n\techo y\nelse\n\techo two\nendif\n",
		want: `rule up@1 : 
  recipe "echo one"@3
  recipe "echo y"@5
  recipe "echo two"@7
`,
	},
	{
		name:  "comments and escaped hash",
		input: "# top\nA = 1 # one\nB = a\\#b\nall: # none\n\t# shell comment\n",
		want: `rule all@4 : 
  recipe "# shell comment"@5
var A = "1"@2
var B = "a\\#b"@3
`,
	},
	{
		name:  "continuation lines",
		input: "SRCS = a.c \\\n       b.c \\\n\tc.c\nall: x \\\n  y\n\techo a \\\n\t  b\n",
		want: `rule all@4 : x@4,y@5
  recipe "echo a \\\n  b"@6
var SRCS = "a.c b.c c.c"@1
`,
	},
	{
		name:  "CRLF and BOM",
		input: "\ufeffC := docker compose\r\nup:\r\n\t@$(C) up -d web\r\n",
		want: `rule up@2 : 
  recipe "@$(C) up -d web"@3 prefix="@"
var C := "docker compose"@1
call sub=up@3 services=web@3
`,
	},
	{
		name:  "spaces instead of tab",
		input: "up:\n    docker compose up web\n  # comment\n  X = 1\n",
		want: `rule up@1 : 
  recipe "docker compose up web"@2 spaces
var X = "1"@4
call sub=up@2 services=web@2
`,
	},
	{
		name:  "recipe prefix variable",
		input: ".RECIPEPREFIX = >\nall:\n>docker-compose logs db\n",
		want: `rule all@2 : 
  recipe "docker-compose logs db"@3
var .RECIPEPREFIX = ">"@1
call sub=logs@3 services=db@3
`,
	},
	{
		name: "compose options from variables",
		input: "DC = docker compose $(FILES) --env-file ./.env -p demo\n" +
			"FILES := -f base.yml\nFILES += --file=extra.yml\n" +
			"run:\n\t-$(DC) --profile dev exec -T -u root db sh -c 'x'\n",
		want: `rule run@4 : 
  recipe "-$(DC) --profile dev exec -T -u root db sh -c 'x'"@5 prefix="-"
var DC = "docker compose $(FILES) --env-file ./.env -p demo"@1
var FILES := "-f base.yml"@2
var FILES += "--file=extra.yml"@3
call sub=exec@5 files=base.yml@2,extra.yml@3 env=./.env@1 project=demo@1 profiles=dev@5 services=db@5
`,
	},
	{
		name:  "service arguments by subcommand",
		input: "a:\n\tdocker compose up -d --build --scale web=2 web worker\n\tdocker compose run --rm -e A=1 web ./manage.py migrate\n\tdocker compose down -v\n\tdocker compose logs --tail 10 -f api\n",
		want: `rule a@1 : 
  recipe "docker compose up -d --build --scale web=2 web worker"@2
  recipe "docker compose run --rm -e A=1 web ./manage.py migrate"@3
  recipe "docker compose down -v"@4
  recipe "docker compose logs --tail 10 -f api"@5
call sub=up@2 services=web@2,worker@2
call sub=run@3 services=web@3
call sub=down@4
call sub=logs@5 services=api@5
`,
	},
	{
		name:  "shell structure and dollars",
		input: "C = docker compose\nt:\n\tcd srcs && sudo $(C) -f \"my file.yml\" restart $$SVC db; echo $$(date)\n\tif true; then docker-compose -fx.yml stop 'cache'; fi\n",
		want: `rule t@2 : 
  recipe "cd srcs && sudo $(C) -f \"my file.yml\" restart $$SVC db; echo $$(date)"@3
  recipe "if true; then docker-compose -fx.yml stop 'cache'; fi"@4
var C = "docker compose"@1
call sub=restart@3 files=my file.yml@3 services=db@3 dir=srcs
call sub=stop@4 files=x.yml@4 services=cache@4
`,
	},
	{
		name:  "target-specific variable in recipe",
		input: "SVC = web\ndb: SVC = db\ndb:\n\tdocker compose exec $(SVC) sh\nweb:\n\tdocker compose exec ${SVC} sh\n",
		want: `rule db@3 : 
  recipe "docker compose exec $(SVC) sh"@4
rule web@5 : 
  recipe "docker compose exec ${SVC} sh"@6
var SVC = "web"@1
var SVC = "db"@2 targets=db@2
call sub=exec@4 services=db@2
call sub=exec@6 services=web@1
`,
	},
	{
		name:  "unknown variables stay unexpanded",
		input: "x:\n\tdocker compose $(OPTS) exec $(SVC) sh\n\tdocker compose up $(SERVICES:%=%-1) api\n",
		want: `rule x@1 : 
  recipe "docker compose $(OPTS) exec $(SVC) sh"@2
  recipe "docker compose up $(SERVICES:%=%-1) api"@3
call sub=exec@2
call sub=up@3 services=api@3
`,
	},
	{
		name:  "word made of several references",
		input: "DIR = srcs\nC = docker compose -f $(DIR)/dc.yml\nx:\n\t$(C) -f $(DIR)/$(DIR).yml up\n",
		want: `rule x@3 : 
  recipe "$(C) -f $(DIR)/$(DIR).yml up"@4
var DIR = "srcs"@1
var C = "docker compose -f $(DIR)/dc.yml"@2
call sub=up@4 files=srcs/dc.yml@2,srcs/srcs.yml@4
`,
	},
	{
		name:  "self reference does not loop",
		input: "A = $(B)\nB = $(A) docker compose\nx:\n\t$(A) up\n",
		want: `rule x@3 : 
  recipe "$(A) up"@4
var A = "$(B)"@1
var B = "$(A) docker compose"@2
`,
	},
	{
		name:  "errors",
		input: "oops\n\techo before\nendif\nelse\nifdef X\ndefine Y\nbody\n$(info ok)\nA = $(B\n:\n",
		want: `var Y = "body\n$(info ok)\nA = $(B\n:"@6 define
error 1: missing separator: expected a rule "target: prerequisites" or an assignment "NAME = value"
error 2: recipe line before the first rule: a line starting with a tab needs a rule "target: prerequisites" above it
error 3: "endif" has no matching "ifeq", "ifneq", "ifdef" or "ifndef"
error 4: "else" has no matching "ifeq", "ifneq", "ifdef" or "ifndef"
error 6: "define Y" has no matching "endef"
error 9: unterminated variable reference: "$(" has no closing ")"
error 5: "ifdef" has no matching "endif"
`,
	},
	{
		name:  "rule errors",
		input: ": a\nA = $(B\n",
		want: `rule  : a@1
var A = "$(B"@2
error 1: rule has no target before ":"
error 2: unterminated variable reference: "$(" has no closing ")"
`,
	},
	{
		name: "include phony shell and continuations",
		input: "include config.mk\n" +
			"GIT_SHA := $(shell git rev-parse \\\n    --short HEAD)\n" +
			"COMPOSE = docker compose \\\n\t-f compose.yml \\\n\t-f compose.$(ENV).yml\n" +
			".PHONY: up \\\n  logs\n" +
			"up:\n\t$(COMPOSE) build \\\n\t  --build-arg SHA=$(GIT_SHA) \\\n\t  api\n",
		want: `rule .PHONY@7 : up@7,logs@8
rule up@9 : 
  recipe "$(COMPOSE) build \\\n  --build-arg SHA=$(GIT_SHA) \\\n  api"@10
var GIT_SHA := "$(shell git rev-parse --short HEAD)"@2
var COMPOSE = "docker compose -f compose.yml -f compose.$(ENV).yml"@4
include config.mk@1
call sub=build@10 files=compose.yml@5 services=api@12
`,
	},
	{
		name:  "lspdrive sample Makefile",
		input: "NAME     := inception\nCOMPOSE  := docker compose -f srcs/docker-compose.yml\nDATA_DIR := $(HOME)/data\n\nall: up\n\nup: dirs\n\t$(COMPOSE) up -d --build\n\ndirs:\n\tmkdir -p $(DATA_DIR)/wordpress $(DATA_DIR)/mariadb\n\ndown:\n\t$(COMPOSE) down\n\nlogs:\n\t$(COMPOSE) logs -f\n\nps:\n\t$(COMPOSE) ps\n\nclean: down\n\tdocker system prune -af\n\nfclean: clean\n\trm -rf $(DATA_DIR)\n\nre: fclean all\n\n.PHONY: all up dirs down logs ps clean fclean re\n",
		want: `rule all@5 : up@5
rule up@7 : dirs@7
  recipe "$(COMPOSE) up -d --build"@8
rule dirs@10 : 
  recipe "mkdir -p $(DATA_DIR)/wordpress $(DATA_DIR)/mariadb"@11
rule down@13 : 
  recipe "$(COMPOSE) down"@14
rule logs@16 : 
  recipe "$(COMPOSE) logs -f"@17
rule ps@19 : 
  recipe "$(COMPOSE) ps"@20
rule clean@22 : down@22
  recipe "docker system prune -af"@23
rule fclean@25 : clean@25
  recipe "rm -rf $(DATA_DIR)"@26
rule re@28 : fclean@28,all@28
rule .PHONY@30 : all@30,up@30,dirs@30,down@30,logs@30,ps@30,clean@30,fclean@30,re@30
var NAME := "inception"@1
var COMPOSE := "docker compose -f srcs/docker-compose.yml"@2
var DATA_DIR := "$(HOME)/data"@3
call sub=up@8 files=srcs/docker-compose.yml@2
call sub=down@14 files=srcs/docker-compose.yml@2
call sub=logs@17 files=srcs/docker-compose.yml@2
call sub=ps@20 files=srcs/docker-compose.yml@2
`,
	},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			f := Parse([]byte(tc.input))
			if got := dump(f); got != tc.want {
				t.Errorf("input:\n%s\nwant:\n%s\ngot:\n%s", tc.input, tc.want, got)
			}
			checkSpans(t, f)
		})
	}
}

func TestParseSpansAcrossPrefixes(t *testing.T) {
	// A BOM, a non-ASCII rune, a tab and CRLF before the words.
	input := "\ufeffNAMÉ := x\r\nC\t= docker compose -f\tsrcs/dc.yml\r\nupé: dirs\r\n\t$(C) exec\tdb sh\r\n"
	f := Parse([]byte(input))
	checkSpans(t, f)
	find := func(text string) int { return strings.Index(input, text) }
	if len(f.ComposeCalls) != 1 {
		t.Fatalf("got %d compose calls, want 1", len(f.ComposeCalls))
	}
	c := f.ComposeCalls[0]
	if got, want := c.Files[0].Span.Start, find("srcs/dc.yml"); got != want {
		t.Errorf("file Span starts at %d, want %d", got, want)
	}
	if got, want := c.Services[0].Span.Start, find("db sh"); got != want {
		t.Errorf("service Span starts at %d, want %d", got, want)
	}
	if got, want := f.Rules[0].Targets[0].Span.Start, find("upé"); got != want {
		t.Errorf("target Span starts at %d, want %d", got, want)
	}
	if got, want := f.Vars[0].NameSpan.Start, find("NAMÉ"); got != want {
		t.Errorf("var NameSpan starts at %d, want %d", got, want)
	}
	if got, want := c.Span, (struct{ Start, End int }{find("$(C)"), find(" sh\r") + 3}); got.Start != want.Start || got.End != want.End {
		t.Errorf("call Span = %v, want [%d,%d)", got, want.Start, want.End)
	}
}

func TestParseRefs(t *testing.T) {
	input := "A = $(B) ${C} $D $@ $$E $(call F,x) $(shell $(G) h) $(H:.c=.o) $(I_$(J))\n"
	f := Parse([]byte(input))
	checkSpans(t, f)
	var got []string
	for _, ref := range f.Refs {
		got = append(got, ref.Name)
	}
	want := "B C D F G H J"
	if strings.Join(got, " ") != want {
		t.Errorf("refs = %q, want %q", strings.Join(got, " "), want)
	}
}

func TestParseVarSpanWithModifiers(t *testing.T) {
	input := "export override A := 1 # note\nB = 2\n"
	f := Parse([]byte(input))
	want := []string{"export override A := 1", "B = 2"}
	for i, v := range f.Vars {
		if got := input[v.Span.Start:v.Span.End]; got != want[i] {
			t.Errorf("var %s Span holds %q, want %q", v.Name, got, want[i])
		}
	}
	if got := input[f.Comments[0].Start:f.Comments[0].End]; got != "# note" {
		t.Errorf("comment Span holds %q, want %q", got, "# note")
	}
}

func TestVarValueExpands(t *testing.T) {
	f := Parse([]byte("A = x\nB = $(A)-$(A) $$HOME\nB += y\nC != date\n"))
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"B", "x-x $HOME y", true},
		{"A", "x", true},
		{"C", "", false},
		{"D", "", false},
	}
	for _, tc := range tests {
		got, ok := f.VarValue(tc.name)
		if got != tc.want || ok != tc.ok {
			t.Errorf("VarValue(%q) = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

func TestCompletionAtKinds(t *testing.T) {
	input := "C = docker compose\nup: a\n\tcd x && $(C) -p demo exec \n\t$(C) up -d | docker compose \n\techo $(\n"
	f := Parse([]byte(input))
	tests := []struct {
		after string // the cursor is just after the first occurrence of this text
		kind  CompletionKind
		dir   string
	}{
		{"up: a", CompleteTarget, ""},
		{"exec ", CompleteService, "x"},
		{"-p ", 0, ""},
		{"| docker compose ", CompleteSubcommand, ""},
		{"echo $(", CompleteVariable, ""},
		{"up -d ", CompleteService, ""},
	}
	for _, tc := range tests {
		offset := strings.Index(input, tc.after) + len(tc.after)
		got := f.CompletionAt(offset)
		if tc.kind == 0 {
			if got != nil {
				t.Errorf("after %q: got kind %d, want none", tc.after, got.Kind)
			}
			continue
		}
		if got == nil || got.Kind != tc.kind {
			t.Errorf("after %q: got %+v, want kind %d", tc.after, got, tc.kind)
			continue
		}
		if got.Call != nil && got.Call.Dir != tc.dir {
			t.Errorf("after %q: call Dir = %q, want %q", tc.after, got.Call.Dir, tc.dir)
		}
	}
}
