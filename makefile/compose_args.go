package makefile

import (
	"path"
	"strings"
)

// composeCall returns the docker compose call that args run, or nil when
// they run another command. Wrappers such as sudo and env, and
// NAME=value words after env, may come first.
func composeCall(out *expanded, args []shellWord) *ComposeCall {
	i := 0
	for i < len(args) && args[i].literal && (commandWrappers[args[i].value] || i > 0 && isWrapperArg(args[i].value)) {
		i++
	}
	if i >= len(args) || !args[i].literal {
		return nil
	}
	first := i
	switch path.Base(args[i].value) {
	case "docker-compose":
		i++
	case "docker":
		i = skipDockerOptions(args, i+1)
		if i >= len(args) || !args[i].literal || args[i].value != "compose" {
			return nil
		}
		i++
	default:
		return nil
	}

	c := &ComposeCall{}
	i = parseGlobalOptions(out, c, args, i)
	if i < len(args) && args[i].literal {
		c.Subcommand = out.wholeWord(args[i])
		parseSubcommandArgs(out, c, args[i].value, args[i+1:])
	}
	root := out.frame[args[first].start]
	for root.parent != nil {
		root = root.parent
	}
	if span, ok := out.spanIn(args[first].start, args[len(args)-1].end, root); ok {
		c.Span = span
	}
	return c
}

// isWrapperArg reports whether a word after a wrapper command belongs to
// the wrapper: an option or a NAME=value.
func isWrapperArg(s string) bool {
	return strings.HasPrefix(s, "-") || strings.Contains(s, "=")
}

// skipDockerOptions skips the options of docker before "compose".
func skipDockerOptions(args []shellWord, i int) int {
	for i < len(args) && args[i].literal && strings.HasPrefix(args[i].value, "-") {
		if dockerValueOptions[args[i].value] {
			i++
		}
		i++
	}
	return i
}

// splitOption splits "--name=value" and "-fvalue" (for one-letter options
// that take a value). It returns the option name, and the value's offset
// in the word or -1 when the value is the next word.
func splitOption(word string, takesValue func(string) bool) (string, int) {
	if strings.HasPrefix(word, "--") {
		if eq := strings.IndexByte(word, '='); eq >= 0 {
			return word[:eq], eq + 1
		}
		return word, -1
	}
	if len(word) > 2 && takesValue(word[:2]) {
		if word[2] == '=' {
			return word[:2], 3
		}
		return word[:2], 2
	}
	return word, -1
}

// optionValue returns the Word of an option's value, given inline at
// offset in args[i] or in args[i+1], and the index of the last word used.
func optionValue(out *expanded, args []shellWord, i, offset int) (*Word, int) {
	if offset >= 0 {
		return out.tailWord(args[i], offset), i
	}
	if i+1 < len(args) {
		if !args[i+1].literal {
			return nil, i + 1
		}
		return out.wholeWord(args[i+1]), i + 1
	}
	return nil, i
}

// parseGlobalOptions reads the compose options before the subcommand
// into c and returns the index of the subcommand.
func parseGlobalOptions(out *expanded, c *ComposeCall, args []shellWord, i int) int {
	takesValue := func(name string) bool { _, ok := globalOptions[name]; return ok }
	for ; i < len(args); i++ {
		if !args[i].literal && i+1 < len(args) && args[i+1].literal && isSubcommand(args[i+1].value) {
			continue // options from an unknown variable, such as $(OPTS) up
		}
		if !args[i].literal || !strings.HasPrefix(args[i].value, "-") || args[i].value == "-" {
			return i
		}
		name, offset := splitOption(args[i].value, takesValue)
		kind, ok := globalOptions[name]
		if !ok {
			continue // a flag such as --dry-run
		}
		var value *Word
		value, i = optionValue(out, args, i, offset)
		if value == nil {
			continue
		}
		switch kind {
		case optFile:
			c.Files = append(c.Files, value)
		case optEnvFile:
			c.EnvFiles = append(c.EnvFiles, value)
		case optProject:
			c.Project = value
		case optProfile:
			c.Profiles = append(c.Profiles, value)
		case optProjectDir:
			c.ProjectDir = value
		}
	}
	return i
}

// parseSubcommandArgs adds the service arguments of the subcommand name
// to c, skipping its options and their values.
func parseSubcommandArgs(out *expanded, c *ComposeCall, name string, args []shellWord) {
	sub, ok := subcommands[name]
	if !ok || sub.services == noServices {
		return
	}
	takesValue := func(opt string) bool {
		for _, v := range sub.withValues {
			if v == opt {
				return true
			}
		}
		return false
	}
	options := true
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if options && arg.literal && arg.value == "--" {
			options = false
			continue
		}
		if options && arg.literal && strings.HasPrefix(arg.value, "-") && arg.value != "-" {
			if opt, offset := splitOption(arg.value, takesValue); offset < 0 && takesValue(opt) {
				i++
			}
			continue
		}
		if arg.literal && arg.value != "" {
			if w := out.wholeWord(arg); w != nil {
				c.Services = append(c.Services, w)
			}
		}
		if sub.services == firstService {
			return
		}
	}
}

func isSubcommand(name string) bool {
	_, ok := subcommands[name]
	return ok
}

// expectedCallWord returns what the next word after args is when args
// start a docker compose call: its subcommand or a service argument. It
// returns 0 for any other word, such as an option's value.
func expectedCallWord(out *expanded, args []shellWord) (CompletionKind, *ComposeCall) {
	// A made-up last word lets composeCall parse the call up to the cursor.
	probe := append(append([]shellWord(nil), args...), shellWord{})
	c := composeCall(out, probe)
	if c == nil {
		return 0, nil
	}
	i := len(args) - 1
	if c.Subcommand == nil {
		if i >= 0 && args[i].literal && valueOption(args[i].value, globalOptions) {
			return 0, nil
		}
		return CompleteSubcommand, c
	}
	sub := subcommands[c.Subcommand.Text]
	if sub.services == noServices || sub.services == firstService && len(c.Services) > 0 {
		return 0, nil
	}
	if last := args[i]; last.literal && strings.HasPrefix(last.value, "-") && !strings.Contains(last.value, "=") {
		for _, opt := range sub.withValues {
			if opt == last.value {
				return 0, nil
			}
		}
	}
	return CompleteService, c
}

// valueOption reports whether word is an option of options that takes its
// value from the next word.
func valueOption(word string, options map[string]globalOption) bool {
	_, ok := options[word]
	return ok
}
