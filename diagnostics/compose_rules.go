package diagnostics

import (
	"fmt"

	"github.com/stackls/stackls/position"
)

// composeRule is a compose diagnostic rule: its name, which is the
// Diagnostic's Code, its severity and its documentation page.
type composeRule struct {
	Name     string
	Severity Severity
	URL      string
}

const composeDocs = "https://docs.docker.com/reference/compose-file/"

// Compose rules, declared as data.
var (
	composeRuleYAMLSyntax          = composeRule{"YAMLSyntax", Error, "https://yaml.org/spec/1.2.2/"}
	composeRuleYAMLTabIndent       = composeRule{"YAMLTabIndent", Error, "https://yaml.org/spec/1.2.2/#61-indentation-spaces"}
	composeRuleDuplicateKey        = composeRule{"DuplicateKey", Error, "https://yaml.org/spec/1.2.2/#mapping"}
	composeRuleUnknownAnchor       = composeRule{"UnknownAnchor", Error, "https://yaml.org/spec/1.2.2/#alias-nodes"}
	composeRuleDuplicateMergeKey   = composeRule{"DuplicateMergeKey", Error, composeDocs + "fragments/"}
	composeRuleInvalidMerge        = composeRule{"InvalidMerge", Error, composeDocs + "fragments/"}
	composeRuleUnknownProperty     = composeRule{"UnknownProperty", Error, composeDocs}
	composeRuleInvalidType         = composeRule{"InvalidType", Error, composeDocs}
	composeRuleInvalidValue        = composeRule{"InvalidValue", Error, composeDocs}
	composeRuleMissingProperty     = composeRule{"MissingProperty", Error, composeDocs}
	composeRuleSchemaViolation     = composeRule{"SchemaViolation", Error, composeDocs}
	composeRuleObsoleteVersion     = composeRule{"ObsoleteVersion", Warning, composeDocs + "version-and-name/"}
	composeRuleUndefinedService    = composeRule{"UndefinedService", Error, composeDocs + "services/"}
	composeRuleUndefinedNetwork    = composeRule{"UndefinedNetwork", Error, composeDocs + "networks/"}
	composeRuleUndefinedVolume     = composeRule{"UndefinedVolume", Error, composeDocs + "volumes/"}
	composeRuleUndefinedSecret     = composeRule{"UndefinedSecret", Error, composeDocs + "secrets/"}
	composeRuleUndefinedConfig     = composeRule{"UndefinedConfig", Error, composeDocs + "configs/"}
	composeRuleDependsOnCycle      = composeRule{"DependsOnCycle", Error, composeDocs + "services/#depends_on"}
	composeRuleDuplicateContainer  = composeRule{"DuplicateContainerName", Error, composeDocs + "services/#container_name"}
	composeRuleDuplicateHostPort   = composeRule{"DuplicateHostPort", Error, composeDocs + "services/#ports"}
	composeRuleInvalidPort         = composeRule{"InvalidPort", Error, composeDocs + "services/#ports"}
	composeRuleInvalidVolume       = composeRule{"InvalidVolume", Error, composeDocs + "services/#volumes"}
	composeRuleUnsetVariable       = composeRule{"UnsetVariable", Warning, composeDocs + "interpolation/"}
	composeRuleRequiredVariable    = composeRule{"RequiredVariable", Error, composeDocs + "interpolation/"}
	composeRuleInvalidInterpolated = composeRule{"InvalidInterpolation", Error, composeDocs + "interpolation/"}
	composeRuleUnknownBuildTarget  = composeRule{"UnknownBuildTarget", Error, composeDocs + "build/#target"}
	composeRuleUndeclaredBuildArg  = composeRule{"UndeclaredBuildArg", Warning, composeDocs + "build/#args"}
	composeRuleMissingFile         = composeRule{"MissingFile", Error, composeDocs}
	composeRuleMissingBuildContext = composeRule{"MissingBuildContext", Error, composeDocs + "build/#context"}
	composeRuleMissingResourceFile = composeRule{"MissingResourceFile", Error, composeDocs + "secrets/"}
	composeRuleIncludeCycle        = composeRule{"IncludeCycle", Error, composeDocs + "include/"}
	composeRuleMissingImage        = composeRule{"MissingImage", Error, composeDocs + "services/#image"}
	composeRuleHealthcheckTest     = composeRule{"InvalidHealthcheckTest", Error, composeDocs + "services/#healthcheck"}
	composeRuleMissingMountTarget  = composeRule{"MissingMountTarget", Error, composeDocs + "services/#long-syntax-5"}
	composeRuleMissingBindSource   = composeRule{"MissingBindSource", Error, composeDocs + "services/#long-syntax-5"}
	composeRuleMissingPortTarget   = composeRule{"MissingPortTarget", Error, composeDocs + "services/#ports"}
)

// diag returns a Diagnostic of rule at span with a formatted message.
func (r composeRule) diag(span position.Span, format string, args ...any) *Diagnostic {
	return &Diagnostic{
		Span:     span,
		Severity: r.Severity,
		Code:     r.Name,
		CodeHref: r.URL,
		Source:   "stackls",
		Message:  fmt.Sprintf(format, args...),
	}
}
