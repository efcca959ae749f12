package completion

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/hover"
	"github.com/stackls/stackls/position"
)

// dfArgContext is the word being typed after the keyword: its start in
// Line, the cursor's index in Line, and the text typed so far.
type dfArgContext struct {
	df         *dockerfile.File
	in         *dockerfile.Instruction
	start, at  int
	typed      string
	opts       Options
	wordIndex  int // index of the argument being typed among the arguments
	beforeArgs bool
	contexts   []string // OS paths of the build contexts
}

func (a *dfArgContext) replace() position.Span { return a.in.LineSpan(a.start, a.at) }

// dfArgumentCompletion proposes what may follow the keyword at Line index i.
func dfArgumentCompletion(df *dockerfile.File, in *dockerfile.Instruction, i, offset int, opts Options, contexts []string) *List {
	if in.Trigger != nil && i <= in.LineIndex(in.Trigger.KeywordSpan.End) && offset >= in.Trigger.KeywordSpan.Start {
		return dfTriggerCompletion(df, in.Trigger, offset, opts)
	}
	if in.Trigger != nil && offset > in.Trigger.KeywordSpan.End {
		in = in.Trigger
	}
	if in.Keyword == "ONBUILD" && in.Trigger == nil {
		return dfTriggerCompletion(df, nil, offset, opts)
	}
	a := &dfArgContext{df: df, in: in, at: i, opts: opts, contexts: contexts}
	a.start = dfWordStart(in.Line, i)
	a.typed = in.Line[a.start:i]
	a.beforeArgs = a.start <= in.ArgsStart || len(in.Args) == 0
	for _, w := range in.Args {
		if w.Span.End < offset && !w.Span.Contains(offset) {
			a.wordIndex++
		}
	}
	if list := a.variableCompletion(); list != nil {
		return list
	}
	if strings.HasPrefix(a.typed, "--") || a.typed == "-" {
		return a.flagCompletion()
	}
	list := a.positional()
	if a.beforeArgs && a.typed == "" {
		list.Items = append(list.Items, a.flagItems("")...)
	}
	return list
}

// dfWordStart returns where the blank-separated word that ends at i starts.
func dfWordStart(line string, i int) int {
	start := i
	for start > 0 && line[start-1] != ' ' && line[start-1] != '\t' {
		start--
	}
	return start
}

// dfTriggerCompletion proposes the instructions that ONBUILD may trigger.
func dfTriggerCompletion(df *dockerfile.File, trigger *dockerfile.Instruction, offset int, opts Options) *List {
	start := offset
	if trigger != nil {
		start = trigger.KeywordSpan.Start
	}
	list := dfKeywordCompletion(df, trigger, start, offset, opts)
	kept := list.Items[:0]
	for _, item := range list.Items {
		switch strings.ToUpper(item.Label) {
		case "ONBUILD", "FROM", "MAINTAINER":
		default:
			if !strings.HasPrefix(item.Label, "#") {
				kept = append(kept, item)
			}
		}
	}
	list.Items = kept
	return list
}

// variableCompletion proposes the variables in scope after "$" or "${".
func (a *dfArgContext) variableCompletion() *List {
	dollar := strings.LastIndexByte(a.typed, '$')
	if dollar < 0 {
		return nil
	}
	name := a.typed[dollar+1:]
	braced := strings.HasPrefix(name, "{")
	name = strings.TrimPrefix(name, "{")
	for i := 0; i < len(name); i++ {
		if !(name[i] == '_' || 'a' <= name[i] && name[i] <= 'z' || 'A' <= name[i] && name[i] <= 'Z' || '0' <= name[i] && name[i] <= '9') {
			return nil
		}
	}
	nameStart := a.start + dollar + 1
	if braced {
		nameStart++
	}
	span := a.in.LineSpan(nameStart, a.at)
	closing := braced && !strings.HasPrefix(a.in.Line[a.at:], "}")
	list := &List{}
	for _, b := range a.df.EnvAt(a.in).All() {
		if !strings.HasPrefix(b.Name, name) {
			continue
		}
		text := b.Name
		if closing {
			text += "}"
		}
		detail := "ARG"
		switch {
		case b.Predefined:
			detail = "predefined"
		case b.Decl != nil && b.Decl.Env:
			detail = "ENV"
		}
		if b.Set {
			detail += " = " + b.Value
		}
		list.Items = append(list.Items, &Item{Label: b.Name, Kind: KindVariable, Detail: detail,
			Documentation: hover.DockerfilePredefinedArgDoc(b.Name), Edit: &position.TextEdit{Span: span, NewText: text}})
	}
	return list
}

// flagCompletion proposes flag names, or the values of the flag being typed.
func (a *dfArgContext) flagCompletion() *List {
	if !a.beforeArgs {
		return &List{}
	}
	name, value, hasValue := strings.Cut(strings.TrimPrefix(a.typed, "--"), "=")
	if !hasValue {
		return &List{Items: a.flagItems(name)}
	}
	valueStart := a.start + len("--") + len(name) + 1
	span := a.in.LineSpan(valueStart, a.at)
	switch name {
	case "from":
		if a.in.Keyword == "COPY" {
			return &List{Items: dfStageItems(a.df, a.in, value, span)}
		}
	case "mount":
		return a.mountCompletion(value, valueStart)
	}
	return &List{Items: dfValueItems(dfFlagValues[name], value, span)}
}

// flagItems proposes the flags of the instruction that start with prefix
// and are not set yet, except the repeatable ones.
func (a *dfArgContext) flagItems(prefix string) []*Item {
	var items []*Item
	for _, fl := range dfInstructionFlags[a.in.Keyword] {
		if !strings.HasPrefix(fl.name, prefix) || a.in.Flag(fl.name) != nil && !dfRepeatableFlags[fl.name] && !strings.HasPrefix(a.typed, "--"+fl.name) {
			continue
		}
		item := &Item{Label: "--" + fl.name, Kind: KindProperty, Documentation: hover.DockerfileFlagDoc(a.in.Keyword, fl.name),
			Edit: &position.TextEdit{Span: a.replace(), NewText: "--" + fl.name}, FilterText: "--" + fl.name}
		if fl.value != "" {
			item.Edit.NewText += "="
			if a.opts.Snippets {
				item.Edit.NewText += fl.value
				item.Snippet = true
			}
		}
		items = append(items, item)
	}
	return items
}

// mountCompletion proposes the option keys of --mount for its type, or the
// values of the option being typed.
func (a *dfArgContext) mountCompletion(value string, valueStart int) *List {
	fieldStart := strings.LastIndexByte(value, ',') + 1
	field := value[fieldStart:]
	typ := "bind"
	used := map[string]bool{}
	for _, opt := range strings.Split(value[:fieldStart], ",") {
		key, v, _ := strings.Cut(opt, "=")
		used[key] = true
		if key == "type" {
			typ = v
		}
	}
	key, typedValue, hasValue := strings.Cut(field, "=")
	if hasValue {
		span := a.in.LineSpan(valueStart+fieldStart+len(key)+1, a.at)
		if key == "from" {
			return &List{Items: dfStageItems(a.df, a.in, typedValue, span)}
		}
		return &List{Items: dfValueItems(dfMountValues[key], typedValue, span)}
	}
	span := a.in.LineSpan(valueStart+fieldStart, a.at)
	keys := append([]string{"type"}, dfMountKeys[typ]...)
	var items []*Item
	for _, k := range keys {
		if used[k] || !strings.HasPrefix(k, key) {
			continue
		}
		text := k
		if k != "rw" && k != "readwrite" && k != "ro" && k != "readonly" && k != "required" {
			text += "="
		}
		items = append(items, &Item{Label: k, Kind: KindProperty, Documentation: hover.DockerfileMountOptionDoc(k),
			Edit: &position.TextEdit{Span: span, NewText: text}})
	}
	return &List{Items: items}
}

func dfValueItems(values []string, prefix string, span position.Span) []*Item {
	var items []*Item
	for _, v := range values {
		if strings.HasPrefix(v, prefix) {
			items = append(items, &Item{Label: v, Kind: KindValue, Documentation: hover.DockerfileMountTypeDoc(v),
				Edit: &position.TextEdit{Span: span, NewText: v}})
		}
	}
	return items
}

// dfStageItems proposes the stages before in, by name and by index.
func dfStageItems(df *dockerfile.File, in *dockerfile.Instruction, prefix string, span position.Span) []*Item {
	var items []*Item
	limit := in.Stage
	if in.Keyword == "FROM" {
		limit = len(df.Stages)
		if in.Stage >= 0 {
			limit = in.Stage
		}
	}
	for _, st := range df.Stages[:max(limit, 0)] {
		label := st.Name
		if label == "" {
			label = strconv.Itoa(st.Index)
		}
		if !strings.HasPrefix(label, prefix) {
			continue
		}
		items = append(items, &Item{Label: label, Kind: KindReference, Detail: "stage FROM " + st.Image,
			Edit: &position.TextEdit{Span: span, NewText: label}})
	}
	return items
}

// positional proposes what the argument at wordIndex may be.
func (a *dfArgContext) positional() *List {
	list := &List{}
	switch a.in.Keyword {
	case "FROM":
		switch a.wordIndex {
		case 0:
			list.Items = dfStageItems(a.df, a.in, a.typed, a.replace())
		case 1:
			list.Items = dfValueItems([]string{"AS"}, strings.ToUpper(a.typed), a.replace())
		}
	case "HEALTHCHECK":
		if a.wordIndex == 0 {
			list.Items = dfValueItems([]string{"CMD", "NONE"}, strings.ToUpper(a.typed), a.replace())
		}
	case "ARG":
		list.Items = a.argNames()
	case "COPY", "ADD":
		if a.in.Flag("from") == nil {
			list.Items = a.contextFiles()
		}
	}
	return list
}

// argNames proposes the predefined ARGs and the global ARGs, which a stage
// must declare to use.
func (a *dfArgContext) argNames() []*Item {
	names := append([]string(nil), dfPredefinedArgs...)
	if a.in.Stage >= 0 {
		for _, d := range a.df.Vars {
			if d.Stage < 0 && !d.Env {
				names = append(names, d.Name)
			}
		}
	}
	var items []*Item
	seen := map[string]bool{}
	for _, name := range names {
		if seen[name] || !strings.HasPrefix(name, a.typed) || strings.Contains(a.typed, "=") {
			continue
		}
		seen[name] = true
		items = append(items, &Item{Label: name, Kind: KindVariable, Documentation: hover.DockerfilePredefinedArgDoc(name),
			Edit: &position.TextEdit{Span: a.replace(), NewText: name}})
	}
	return items
}

// dfMaxFileItems caps the build context entries proposed at once.
const dfMaxFileItems = 200

// contextFiles proposes the files and folders of the build context (the
// Dockerfile's folder) under the path typed so far.
func (a *dfArgContext) contextFiles() []*Item {
	if strings.ContainsAny(a.typed, "$*?[") || strings.HasPrefix(a.typed, "/") || len(a.contexts) == 0 {
		return nil
	}
	dir := a.contexts[0]
	folder, base := path.Split(a.typed)
	entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(folder)))
	if err != nil {
		return nil
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var items []*Item
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), base) || len(items) >= dfMaxFileItems {
			continue
		}
		label, kind := e.Name(), KindFile
		if e.IsDir() {
			label, kind = label+"/", KindFolder
		}
		items = append(items, &Item{Label: label, Kind: kind, Edit: &position.TextEdit{Span: a.replace(), NewText: folder + label}})
	}
	return items
}
