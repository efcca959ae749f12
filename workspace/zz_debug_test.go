package workspace_test

import (
	"fmt"
	"testing"

	"github.com/stackls/stackls/workspace"
)

func TestZZDebugContainers(t *testing.T) {
	for _, ex := range []string{"inception", "python-client-server"} {
		snap, _ := loadExample(t, ex)
		for _, c := range workspace.Containers(snap) {
			fmt.Printf("== %s df=%s stage=%d base=%s workdir=%s complete=%v\n", c.Name(), c.Dockerfile.Base(), c.Stage, c.BaseImage, c.Workdir(), c.PortsComplete)
			for _, s := range c.Starters {
				fmt.Printf("   starter %s via %q\n", s.Target(), s.Via)
			}
			for _, f := range c.Files {
				fmt.Printf("   file %s -> %s\n", f.URI.Base(), f.Path)
			}
			if c.Entrypoint != nil {
				fmt.Printf("   entrypoint %v script=%s direct=%v\n", c.Entrypoint.Words, c.Entrypoint.Script.Base(), c.Entrypoint.Direct)
			}
			if c.Command != nil {
				fmt.Printf("   command %v script=%s\n", c.Command.Words, c.Command.Script.Base())
			}
			for _, p := range c.Ports {
				fmt.Printf("   port %d-%d %s\n", p.From, p.To, p.Kind)
			}
			for _, v := range c.Env() {
				fmt.Printf("   env %s=%q known=%v %s from=%d overrides=%d\n", v.Name, v.Value, v.Known, v.Source, len(v.From), len(v.Overrides))
			}
		}
	}
}
