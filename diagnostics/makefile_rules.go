package diagnostics

import (
	"fmt"
	"strings"
)

// makefileRule is a Makefile check declared as data: its name (the
// Diagnostic's Code), severity, documentation and message.
type makefileRule struct {
	Name     string
	Severity Severity
	URL      string
}

var (
	ruleMakefileSyntax = makefileRule{
		Name:     "MakefileSyntax",
		Severity: Error,
		URL:      "https://www.gnu.org/software/make/manual/html_node/Makefile-Contents.html",
	}
	ruleRecipeSpaceIndent = makefileRule{
		Name:     "RecipeSpaceIndent",
		Severity: Error,
		URL:      "https://www.gnu.org/software/make/manual/html_node/Recipe-Syntax.html",
	}
	ruleComposeFileNotFound = makefileRule{
		Name:     "ComposeFileNotFound",
		Severity: Error,
		URL:      "https://docs.docker.com/reference/cli/docker/compose/#use--f-to-specify-the-name-and-path-of-one-or-more-compose-files",
	}
	ruleEnvFileNotFound = makefileRule{
		Name:     "EnvFileNotFound",
		Severity: Error,
		URL:      "https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#substitute-with---env-file",
	}
	ruleUnknownService = makefileRule{
		Name:     "UnknownService",
		Severity: Error,
		URL:      "https://docs.docker.com/reference/compose-file/services/",
	}
)

func recipeSpaceIndentMessage() string {
	return "recipe line is indented with spaces; make needs a tab here, or it stops with \"missing separator\""
}

func fileNotFoundMessage(kind, name, path string) string {
	return fmt.Sprintf("%s `%s` not found: no file at %s", kind, name, path)
}

// unknownServiceMessage returns the message for a service name that no
// compose file in files defines, with a suggestion when one is close.
func unknownServiceMessage(name string, files []string, suggestion string) string {
	where := "no compose file of the workspace"
	if len(files) > 0 {
		where = "`" + strings.Join(files, "`, `") + "`"
	}
	msg := fmt.Sprintf("`%s` is not a service of %s", name, where)
	if suggestion != "" {
		msg += fmt.Sprintf("; did you mean `%s`?", suggestion)
	}
	return msg
}

// closestName returns the candidate nearest to name by edit distance, or
// "" when none is within a third of name's length (at least 1, at most 3).
func closestName(name string, candidates []string) string {
	limit := min(max(len(name)/3, 1), 3)
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if d := editDistance(name, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance returns the optimal string alignment distance of a and b
// in bytes: insertions, deletions, substitutions and swaps of two
// neighbouring bytes each count 1, so "wbe" is 1 away from "web".
func editDistance(a, b string) int {
	rows := make([][]int, len(a)+1)
	for i := range rows {
		rows[i] = make([]int, len(b)+1)
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			rows[i][j] = min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				rows[i][j] = min(rows[i][j], rows[i-2][j-2]+1)
			}
		}
	}
	return rows[len(a)][len(b)]
}
