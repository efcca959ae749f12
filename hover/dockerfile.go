package hover

import (
	"context"
	"fmt"
	"strings"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// dockerfileHover returns the hover at offset in a Dockerfile: docs for a
// directive, keyword, flag or mount option, the value in scope of a
// variable, the FROM line of a stage, or the page of a base image.
func dockerfileHover(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*Result, error) {
	df := f.Dockerfile()
	if df == nil {
		return nil, nil
	}
	for _, d := range df.Directives {
		if d.Span.Contains(offset) {
			return &Result{Markdown: dfDirectiveDocs[d.Name], Span: d.NameSpan}, nil
		}
	}
	in := df.InstructionAt(offset)
	if in == nil {
		return nil, nil
	}
	if _, doc := df.HeredocAt(offset); doc != nil {
		return nil, nil // the body is a script or file content
	}
	if ref := df.VarRefAt(offset); ref != nil {
		return dfVarRefHover(df, ref), nil
	}
	target := in
	if in.Trigger != nil && in.Trigger.KeywordSpan.Contains(offset) || in.Trigger != nil && offset > in.Trigger.KeywordSpan.End {
		target = in.Trigger
	}
	return dfWithServices(snap, f, df, offset, dfInstructionHover(df, target, offset)), nil
}

// dfInstructionHover returns the hover on a part of an instruction.
func dfInstructionHover(df *dockerfile.File, in *dockerfile.Instruction, offset int) *Result {
	if in.KeywordSpan.Contains(offset) {
		if doc, ok := dfInstructionDocs[in.Keyword]; ok {
			return &Result{Markdown: doc, Span: in.KeywordSpan}
		}
		return nil
	}
	for _, fl := range in.Flags {
		if fl.Span.Contains(offset) {
			return dfFlagHover(df, in, fl, offset)
		}
	}
	for _, doc := range in.Heredocs {
		if doc.OpenerSpan.Contains(offset) {
			return &Result{Markdown: dfHeredocDoc, Span: doc.OpenerSpan}
		}
	}
	for _, d := range df.Vars {
		if d.Instruction == in && d.NameSpan.Contains(offset) {
			return dfDeclHover(df, d)
		}
	}
	switch in.Keyword {
	case "FROM":
		return dfFromHover(df, in, offset)
	case "HEALTHCHECK":
		if len(in.Args) > 0 && in.Args[0].Span.Contains(offset) {
			return &Result{Markdown: dfHealthcheckTypeDocs, Span: in.Args[0].Span}
		}
	}
	return nil
}

// dfFlagHover documents a flag, a --mount option, or the stage a --from
// value names.
func dfFlagHover(df *dockerfile.File, in *dockerfile.Instruction, fl *dockerfile.Flag, offset int) *Result {
	if fl.Name == "from" && fl.ValueSpan.Contains(offset) && fl.ValueSpan.Len() > 0 {
		if st := dfStageByRef(df, fl.Value); st != nil {
			return dfStageHover(df, st, fl.ValueSpan)
		}
	}
	if fl.Name == "mount" && fl.ValueSpan.Contains(offset) && fl.ValueSpan.Len() > 0 {
		for _, opt := range dockerfile.MountOptions(in, fl) {
			if !opt.Span.Contains(offset) {
				continue
			}
			switch {
			case opt.Key == "type" && opt.ValueSpan.Contains(offset) && dfMountTypeDocs[opt.Value] != "":
				return &Result{Markdown: dfMountTypeDocs[opt.Value], Span: opt.ValueSpan}
			case opt.Key == "from" && opt.ValueSpan.Contains(offset) && dfStageByRef(df, opt.Value) != nil:
				return dfStageHover(df, dfStageByRef(df, opt.Value), opt.ValueSpan)
			case dfMountOptionDocs[opt.Key] != "":
				return &Result{Markdown: dfMountOptionDocs[opt.Key], Span: opt.KeySpan}
			}
		}
	}
	if doc := dfFlagDocs[in.Keyword][fl.Name]; doc != "" {
		return &Result{Markdown: doc, Span: fl.Span}
	}
	return nil
}

// dfStageByRef returns the stage that a --from value names, by name or index.
func dfStageByRef(df *dockerfile.File, value string) *dockerfile.Stage {
	if st := df.StageNamed(value); st != nil {
		return st
	}
	var index int
	if _, err := fmt.Sscanf(value, "%d", &index); err == nil && fmt.Sprint(index) == value && index >= 0 && index < len(df.Stages) {
		return df.Stages[index]
	}
	return nil
}

// dfStageHover shows the FROM line of a stage.
func dfStageHover(df *dockerfile.File, st *dockerfile.Stage, span position.Span) *Result {
	from := strings.TrimSpace(string(df.Content[st.From.Span.Start:dfFirstLineEnd(df.Content, st.From.Span)]))
	name := st.Name
	if name == "" {
		name = fmt.Sprintf("stage %d", st.Index)
	}
	md := fmt.Sprintf("**Stage `%s`** (stage %d, %d instructions)\n```dockerfile\n%s\n```", name, st.Index, len(st.Instructions), from)
	return &Result{Markdown: md, Span: span}
}

// dfFromHover covers the image and the stage name of a FROM line.
func dfFromHover(df *dockerfile.File, in *dockerfile.Instruction, offset int) *Result {
	if in.Stage < 0 {
		return nil
	}
	st := df.Stages[in.Stage]
	if st.Name != "" && st.NameSpan.Contains(offset) {
		return dfStageHover(df, st, st.NameSpan)
	}
	if !st.ImageSpan.Contains(offset) || st.ImageSpan.Len() == 0 {
		return nil
	}
	if base := df.BaseStage(st); base != nil {
		return dfStageHover(df, base, st.ImageSpan)
	}
	image, unresolved := df.Expand(st.Image, df.GlobalEnv())
	ref, ok := dockerfile.ParseImageRef(image)
	if !ok || len(unresolved) > 0 {
		return nil
	}
	md := fmt.Sprintf("**Image `%s`**\n\n- registry: `%s`\n- repository: `%s`", ref.String(), ref.Registry, ref.Repository)
	if ref.Tag != "" {
		md += "\n- tag: `" + ref.Tag + "`"
	}
	if ref.Digest != "" {
		md += "\n- digest: `" + ref.Digest + "`"
	}
	if image != st.Image {
		md += "\n\n`" + st.Image + "` expands to `" + image + "` with the ARG defaults."
	}
	if url := ref.PageURL(); url != "" {
		md += "\n\n[" + url + "](" + url + ")"
	}
	return &Result{Markdown: md, Span: st.ImageSpan}
}

func dfFirstLineEnd(content []byte, span position.Span) int {
	for i := span.Start; i < span.End; i++ {
		if content[i] == '\n' || content[i] == '\r' {
			return i
		}
	}
	return span.End
}
