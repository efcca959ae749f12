package hover

import (
	"fmt"
	"strings"

	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/workspace"
)

// dfWithServices appends to r, the hover at offset in the Dockerfile f, the
// compose services that build f, when the hover is on a stage name or on
// the first FROM instruction. It returns r unchanged otherwise.
func dfWithServices(snap *workspace.Snapshot, f *workspace.File, df *dockerfile.File, offset int, r *Result) *Result {
	if r == nil || !dfOnStageOrFirstFrom(df, offset) {
		return r
	}
	section := dfServicesSection(snap, f)
	if section == "" {
		return r
	}
	return &Result{Markdown: r.Markdown + "\n\n" + section, Span: r.Span}
}

// dfOnStageOrFirstFrom reports whether offset lies on a stage name (its
// declaration or a use) or on the first FROM instruction.
func dfOnStageOrFirstFrom(df *dockerfile.File, offset int) bool {
	if use := df.UseAt(offset); use != nil && use.Symbol.Kind == dockerfile.SymbolStage {
		return true
	}
	return len(df.Stages) > 0 && df.Stages[0].From.Span.Contains(offset)
}

// dfServicesSection lists the compose services that build the Dockerfile
// f, each with its compose file and line and its target stage; "" when
// none does.
func dfServicesSection(snap *workspace.Snapshot, f *workspace.File) string {
	builds := project.DockerfileBuilds(snap, f.URI)
	if len(builds) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("**Built by**")
	for _, build := range builds {
		where := relativePath(snap, build.URI.Path())
		if cf := snap.File(build.URI); cf != nil {
			where += fmt.Sprintf(":%d", cf.Mapper().OffsetLine(build.Service.KeySpan.Start)+1)
		}
		target := "the last stage"
		if build.Target != "" {
			target = "target `" + build.Target + "`"
		}
		fmt.Fprintf(&b, "\n- `%s` (%s), %s", build.Service.Name, where, target)
	}
	return b.String()
}

// buildTargetHover returns the hover on the build.target value at offset
// of a compose file: the FROM line of the stage it names, and where that
// stage is. It returns nil when offset is elsewhere or the stage is not
// found.
func buildTargetHover(snap *workspace.Snapshot, f *workspace.File, offset int) *Result {
	model := f.Compose()
	if model == nil {
		return nil
	}
	for _, svc := range model.Services {
		if svc.Build == nil || svc.Build.Target == nil || !svc.Build.Target.Span.Contains(offset) {
			continue
		}
		b := project.ServiceBuild(snap, f.URI, model, svc)
		if b == nil {
			return nil
		}
		df := project.LoadDockerfile(snap, b.Build.Dockerfile)
		if df == nil {
			return nil
		}
		st := df.StageNamed(b.Target)
		if st == nil {
			return nil
		}
		r := dfStageHover(df, st, svc.Build.Target.Span)
		line := strings.Count(string(df.Content[:st.From.Span.Start]), "\n") + 1
		r.Markdown += fmt.Sprintf("\n\nin `%s:%d`", relativePath(snap, b.Build.Dockerfile.Path()), line)
		return r
	}
	return nil
}
