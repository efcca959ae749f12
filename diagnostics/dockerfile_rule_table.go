package diagnostics

// dockerRule is one of stackls's own Dockerfile rules, declared as data:
// its name is the Diagnostic's Code.
type dockerRule struct {
	Name     string
	Severity Severity
	URL      string // documentation of the practice the rule enforces
}

const bestPractices = "https://docs.docker.com/build/building/best-practices/"

// Rules that buildkit does not have. Each message quotes the offending text
// and says what to write instead.
var (
	dfRuleUnknownInstruction     = dockerRule{"UnknownInstruction", Error, "https://docs.docker.com/reference/dockerfile/#overview"}
	dfRuleUnknownFlag            = dockerRule{"UnknownFlag", Error, "https://docs.docker.com/reference/dockerfile/"}
	dfRuleInvalidInstruction     = dockerRule{"InvalidInstruction", Error, "https://docs.docker.com/reference/dockerfile/"}
	dfRuleInstructionBeforeFrom  = dockerRule{"InstructionBeforeFrom", Error, "https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact"}
	dfRuleCopyFromUnknownStage   = dockerRule{"CopyFromUnknownStage", Warning, "https://docs.docker.com/reference/dockerfile/#copy---from"}
	dfRuleCopyFromLaterStage     = dockerRule{"CopyFromLaterStage", Error, "https://docs.docker.com/reference/dockerfile/#copy---from"}
	dfRuleUntaggedImage          = dockerRule{"UntaggedImage", Warning, bestPractices + "#pin-base-image-versions"}
	dfRuleLatestTag              = dockerRule{"LatestTag", Warning, bestPractices + "#pin-base-image-versions"}
	dfRuleAptGetMissingYes       = dockerRule{"AptGetMissingYes", Warning, bestPractices + "#apt-get"}
	dfRuleAptGetRecommends       = dockerRule{"AptGetInstallRecommends", Information, bestPractices + "#apt-get"}
	dfRuleAptGetListsNotCleaned  = dockerRule{"AptGetListsNotCleaned", Information, bestPractices + "#apt-get"}
	dfRuleAptGetUpgrade          = dockerRule{"AptGetUpgrade", Warning, bestPractices + "#apt-get"}
	dfRuleRunCd                  = dockerRule{"RunCd", Information, bestPractices + "#workdir"}
	dfRuleRunSudo                = dockerRule{"RunSudo", Warning, bestPractices + "#user"}
	dfRuleAddLocalFile           = dockerRule{"AddLocalFile", Information, bestPractices + "#add-or-copy"}
	dfRuleInvalidPort            = dockerRule{"InvalidPort", Error, "https://docs.docker.com/reference/dockerfile/#expose"}
	dfRuleMissingContextFile     = dockerRule{"MissingContextFile", Warning, "https://docs.docker.com/build/concepts/context/"}
	dfRuleInvalidExecForm        = dockerRule{"InvalidExecForm", Warning, "https://docs.docker.com/reference/dockerfile/#shell-and-exec-form"}
	dfRuleUnquotedVariable       = dockerRule{"UnquotedVariable", Hint, "https://www.shellcheck.net/wiki/SC2086"}
	dfRulePipeWithoutPipefail    = dockerRule{"PipeWithoutPipefail", Information, bestPractices + "#using-pipes"}
	dfRuleShellSyntax            = dockerRule{"ShellSyntax", Error, "https://docs.docker.com/reference/dockerfile/#run"}
	dfRuleNoEmptyContinuationFix = "Remove the empty line"
)
