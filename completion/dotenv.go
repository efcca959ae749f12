package completion

import (
	"context"
	"strings"

	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// composeEnvVars are the variables docker compose itself reads from the
// .env file, with what they set.
var composeEnvVars = []struct{ name, doc string }{
	{"COMPOSE_PROJECT_NAME", "Project name, used as the prefix of container, network and volume names."},
	{"COMPOSE_FILE", "Compose files to read, separated by COMPOSE_PATH_SEPARATOR (\":\" on Linux and macOS)."},
	{"COMPOSE_PROFILES", "Profiles to enable, separated by commas."},
	{"COMPOSE_PATH_SEPARATOR", "Separator of the paths in COMPOSE_FILE."},
	{"COMPOSE_ENV_FILES", "Environment files to read, separated by commas."},
	{"COMPOSE_REMOVE_ORPHANS", "Remove containers of services no longer in the compose file."},
	{"COMPOSE_PARALLEL_LIMIT", "Maximum number of engine calls run in parallel."},
	{"COMPOSE_IGNORE_ORPHANS", "Do not warn about containers of services no longer in the compose file."},
	{"COMPOSE_MENU", "Show the navigation menu of attached mode (true or false)."},
}

// dotenvCompletion returns the completion proposals at offset in a .env
// file. Where a key is typed, it proposes the variables that the compose
// files reading this file reference but that it does not set yet, then
// the variables docker compose itself reads.
func dotenvCompletion(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, opts Options) (*List, error) {
	model := f.DotEnv()
	if model == nil {
		return nil, nil
	}
	start, _ := lineBounds(f.Content, offset)
	prefix := string(f.Content[start:offset])
	trimmed := strings.TrimLeft(strings.TrimPrefix(strings.TrimLeft(prefix, " \t"), "export "), " \t")
	if strings.ContainsAny(trimmed, "=:#") || strings.ContainsAny(trimmed, " \t") {
		return nil, nil // in a value or a comment
	}

	word := position.Span{Start: offset - len(trimmed), End: offset}
	set := map[string]bool{}
	for _, e := range model.Entries {
		if e.Key != "" && !e.KeySpan.Contains(offset) {
			set[e.Key] = true
		}
	}

	items := []*Item{}
	for _, name := range variablesReadFrom(snap, f.URI) {
		if !set[name] {
			set[name] = true
			items = append(items, &Item{Label: name, Kind: KindVariable, Detail: "used in a compose file", Edit: &position.TextEdit{Span: word, NewText: name + "="}})
		}
	}
	for _, v := range composeEnvVars {
		if !set[v.name] {
			items = append(items, &Item{Label: v.name, Kind: KindVariable, Detail: "read by docker compose", Documentation: v.doc, Edit: &position.TextEdit{Span: word, NewText: v.name + "="}})
		}
	}
	return &List{Items: items}, ctx.Err()
}

// variablesReadFrom returns the variables referenced by the compose files
// whose projects read the .env file at uri.
func variablesReadFrom(snap *workspace.Snapshot, uri position.URI) []string {
	var names []string
	seen := map[string]bool{}
	for _, cf := range snap.FilesOfKind(workspace.KindCompose) {
		proj := project.Of(snap, cf.URI)
		if proj == nil || !readsEnvFile(proj, uri) {
			continue
		}
		for _, name := range usedVariables(proj) {
			if !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
	}
	return names
}

func readsEnvFile(proj *project.Project, uri position.URI) bool {
	for _, env := range proj.EnvFiles {
		if env.URI == uri {
			return true
		}
	}
	return false
}
