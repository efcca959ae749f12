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
			return &Result{Markdown: directiveDocs[d.Name], Span: d.NameSpan}, nil
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
		return varRefHover(df, ref), nil
	}
	target := in
	if in.Trigger != nil && in.Trigger.KeywordSpan.Contains(offset) || in.Trigger != nil && offset > in.Trigger.KeywordSpan.End {
		target = in.Trigger
	}
	return instructionHover(df, target, offset), nil
}

// instructionHover returns the hover on a part of an instruction.
func instructionHover(df *dockerfile.File, in *dockerfile.Instruction, offset int) *Result {
	if in.KeywordSpan.Contains(offset) {
		if doc, ok := instructionDocs[in.Keyword]; ok {
			return &Result{Markdown: doc, Span: in.KeywordSpan}
		}
		return nil
	}
	for _, fl := range in.Flags {
		if fl.Span.Contains(offset) {
			return flagHover(df, in, fl, offset)
		}
	}
	for _, doc := range in.Heredocs {
		if doc.OpenerSpan.Contains(offset) {
			return &Result{Markdown: heredocDoc, Span: doc.OpenerSpan}
		}
	}
	for _, d := range df.Vars {
		if d.Instruction == in && d.NameSpan.Contains(offset) {
			return declHover(df, d)
		}
	}
	switch in.Keyword {
	case "FROM":
		return fromHover(df, in, offset)
	case "HEALTHCHECK":
		if len(in.Args) > 0 && in.Args[0].Span.Contains(offset) {
			return &Result{Markdown: healthcheckTypeDocs, Span: in.Args[0].Span}
		}
	}
	return nil
}

// flagHover documents a flag, a --mount option, or the stage a --from
// value names.
func flagHover(df *dockerfile.File, in *dockerfile.Instruction, fl *dockerfile.Flag, offset int) *Result {
	if fl.Name == "from" && fl.ValueSpan.Contains(offset) && fl.ValueSpan.Len() > 0 {
		if st := stageByRef(df, fl.Value); st != nil {
			return stageHover(df, st, fl.ValueSpan)
		}
	}
	if fl.Name == "mount" && fl.ValueSpan.Contains(offset) && fl.ValueSpan.Len() > 0 {
		for _, opt := range dockerfile.MountOptions(in, fl) {
			if !opt.Span.Contains(offset) {
				continue
			}
			switch {
			case opt.Key == "type" && opt.ValueSpan.Contains(offset) && mountTypeDocs[opt.Value] != "":
				return &Result{Markdown: mountTypeDocs[opt.Value], Span: opt.ValueSpan}
			case opt.Key == "from" && opt.ValueSpan.Contains(offset) && stageByRef(df, opt.Value) != nil:
				return stageHover(df, stageByRef(df, opt.Value), opt.ValueSpan)
			case mountOptionDocs[opt.Key] != "":
				return &Result{Markdown: mountOptionDocs[opt.Key], Span: opt.KeySpan}
			}
		}
	}
	if doc := flagDocs[in.Keyword][fl.Name]; doc != "" {
		return &Result{Markdown: doc, Span: fl.Span}
	}
	return nil
}

// stageByRef returns the stage that a --from value names, by name or index.
func stageByRef(df *dockerfile.File, value string) *dockerfile.Stage {
	if st := df.StageNamed(value); st != nil {
		return st
	}
	var index int
	if _, err := fmt.Sscanf(value, "%d", &index); err == nil && fmt.Sprint(index) == value && index >= 0 && index < len(df.Stages) {
		return df.Stages[index]
	}
	return nil
}

// stageHover shows the FROM line of a stage.
func stageHover(df *dockerfile.File, st *dockerfile.Stage, span position.Span) *Result {
	from := strings.TrimSpace(string(df.Content[st.From.Span.Start:firstLineEnd(df.Content, st.From.Span)]))
	name := st.Name
	if name == "" {
		name = fmt.Sprintf("stage %d", st.Index)
	}
	md := fmt.Sprintf("**Stage `%s`** (stage %d, %d instructions)\n```dockerfile\n%s\n```", name, st.Index, len(st.Instructions), from)
	return &Result{Markdown: md, Span: span}
}

// fromHover covers the image and the stage name of a FROM line.
func fromHover(df *dockerfile.File, in *dockerfile.Instruction, offset int) *Result {
	if in.Stage < 0 {
		return nil
	}
	st := df.Stages[in.Stage]
	if st.Name != "" && st.NameSpan.Contains(offset) {
		return stageHover(df, st, st.NameSpan)
	}
	if !st.ImageSpan.Contains(offset) || st.ImageSpan.Len() == 0 {
		return nil
	}
	if base := df.BaseStage(st); base != nil {
		return stageHover(df, base, st.ImageSpan)
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

func firstLineEnd(content []byte, span position.Span) int {
	for i := span.Start; i < span.End; i++ {
		if content[i] == '\n' || content[i] == '\r' {
			return i
		}
	}
	return span.End
}
