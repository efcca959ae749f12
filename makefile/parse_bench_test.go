package makefile

import (
	"fmt"
	"strings"
	"testing"
)

// composeMakefile returns a Makefile of one 25-line block per compose
// stack. Each block has the stack's variables, an ifeq on the environment
// that sets the compose files, and a define block. Its rules run docker
// compose through those variables, once over a continued line.
func composeMakefile(stackCount int) string {
	var b strings.Builder
	b.WriteString("# Drives the compose stacks of this project.\nENV ?= dev\nDOCKER := docker\n.PHONY: all\n\n")
	for i := 0; i < stackCount; i++ {
		fmt.Fprintf(&b, `STACK%[1]d_DIR := stacks/s%[1]d
STACK%[1]d_PROJECT = app%[1]d-$(ENV)
ifeq ($(ENV),prod)
STACK%[1]d_FILES := -f $(STACK%[1]d_DIR)/compose.yaml -f $(STACK%[1]d_DIR)/compose.prod.yaml
else
STACK%[1]d_FILES := -f $(STACK%[1]d_DIR)/compose.yaml
endif
COMPOSE%[1]d = $(DOCKER) compose -p $(STACK%[1]d_PROJECT) $(STACK%[1]d_FILES) --env-file $(STACK%[1]d_DIR)/.env
define STACK%[1]d_BANNER
Stack %[1]d ($(ENV))
endef
export STACK%[1]d_PROJECT

all: up-%[1]d
up-%[1]d: build-%[1]d | $(STACK%[1]d_DIR)/data
	@echo "$(STACK%[1]d_BANNER)"
	$(COMPOSE%[1]d) up -d --wait web%[1]d db%[1]d
build-%[1]d:
	$(COMPOSE%[1]d) build --pull \
		web%[1]d worker%[1]d
logs-%[1]d:
	-$(COMPOSE%[1]d) logs -f --tail=100 web%[1]d
down-%[1]d:
	cd $(STACK%[1]d_DIR) && docker compose -f compose.yaml down --remove-orphans
$(STACK%[1]d_DIR)/data:
	mkdir -p $@
`, i)
	}
	return b.String()
}

// BenchmarkParse measures Parse on a 1,000-line Makefile of 40 compose
// stacks, with variables, conditionals, define blocks and docker compose
// recipes.
func BenchmarkParse(b *testing.B) {
	content := []byte(composeMakefile(40))
	if lines := strings.Count(string(content), "\n"); lines < 950 || lines > 1050 {
		b.Fatalf("the Makefile has %d lines, want about 1,000", lines)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(content)))
	for b.Loop() {
		f := Parse(content)
		if len(f.ComposeCalls) != 160 || len(f.Errors) != 0 {
			b.Fatalf("parsed %d compose calls and %d errors (first %v), want 160 and 0",
				len(f.ComposeCalls), len(f.Errors), f.Errors)
		}
	}
}
