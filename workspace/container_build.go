package workspace

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
	"gopkg.in/yaml.v3"
)

// projectServiceNames returns the keys of the services whose definitions
// belong to p, in the order of its compose files.
func projectServiceNames(p *Project) []string {
	var names []string
	seen := map[string]bool{}
	for _, def := range p.Services {
		if def.Project == p && !seen[def.Service.Name] {
			seen[def.Service.Name] = true
			names = append(names, def.Service.Name)
		}
	}
	return names
}

// newServiceContainer builds the container of the service called name in
// project p, merging its definitions in compose file order: a later
// file's build, entrypoint and command replace an earlier one's, and
// environment entries and mounts add up.
func newServiceContainer(snap *Snapshot, p *Project, name string) *Container {
	c := &Container{Service: name, Project: p, Stage: -1, workdir: "/"}
	for _, def := range p.Services {
		if def.Project == p && def.Service.Name == name {
			c.Defs = append(c.Defs, def)
		}
	}

	var build *ServiceDef
	for _, def := range c.Defs {
		switch {
		case def.Dockerfile != "":
			build = def
		case def.Service.Image != nil && build == nil:
			c.BaseImage = def.Service.Image.Value
		}
	}
	if build != nil {
		target := ""
		if t := build.Service.Build.Target; t != nil {
			target = t.Value
		}
		c.Dockerfile, c.Context = build.Dockerfile, build.Context
		c.addImage(snap, target)
	}

	for _, def := range c.Defs {
		c.addMounts(snap, def)
	}
	c.applyComposeProcesses()
	c.resolveScripts()

	c.env = serviceEnv(snap, c)
	for _, def := range c.Defs {
		for _, uri := range def.EnvFiles {
			if f := snap.File(uri); f == nil || f.DotEnv() == nil {
				c.missingEnvFiles = appendURI(c.missingEnvFiles, uri)
			}
		}
	}
	c.addSecrets(snap)
	c.addPorts(snap)
	return c
}

// newImageContainer builds the container of a Dockerfile that no service
// builds, from its last stage and its own folder as the build context.
func newImageContainer(snap *Snapshot, uri position.URI) *Container {
	c := &Container{Dockerfile: uri, Stage: -1, workdir: "/"}
	if contexts := snap.Index().BuildContexts(uri); len(contexts) > 0 {
		c.Context = contexts[0]
	}
	c.addImage(snap, "")
	c.resolveScripts()
	c.env = serviceEnv(snap, c)
	c.addPorts(snap)
	return c
}

// addImage reads the Dockerfile: the target stage and the stages it builds
// on, the files they copy from the context, the working folder, and the
// ENTRYPOINT and CMD of the resulting image.
func (c *Container) addImage(snap *Snapshot, target string) {
	f := snap.File(c.Dockerfile)
	if f == nil || f.Dockerfile() == nil || len(f.Dockerfile().Stages) == 0 {
		return
	}
	df := f.Dockerfile()
	c.Stage = targetStage(df, target)
	c.StageName = df.Stages[c.Stage].Name
	chain := orderedChain(df, c.Stage)
	c.df, c.chain = df, chain
	c.BaseImage = df.Stages[chain[0]].Image

	inChain := map[int]bool{}
	for _, si := range chain {
		inChain[si] = true
	}
	for _, img := range snap.Index().ImageFiles(c.Dockerfile) {
		if img.Context == c.Context && inChain[img.Stage] {
			c.Files = append(c.Files, &ContainerFile{URI: img.Source, Path: img.Path, Image: img})
		}
	}

	var entrypoint, cmd *dockerfile.Instruction
	for _, si := range chain {
		cmdSet := false // an ENTRYPOINT resets the CMD a base stage set
		for _, in := range df.Stages[si].Instructions {
			switch in.Keyword {
			case "WORKDIR":
				if len(in.Args) > 0 && !strings.Contains(in.Args[0].Value, "$") {
					c.workdir = containerPath(c.workdir, in.Args[0].Value)
				}
			case "CMD":
				cmd, cmdSet = in, true
			case "ENTRYPOINT":
				entrypoint = in
				if !cmdSet {
					cmd = nil
				}
			}
		}
	}
	c.Entrypoint = instructionProcess(entrypoint)
	c.Command = instructionProcess(cmd)
}

// orderedChain returns the target stage and the stages it builds on, the
// first base first.
func orderedChain(df *dockerfile.File, target int) []int {
	var chain []int
	seen := map[int]bool{}
	for i := target; i >= 0 && !seen[i]; i = parentStage(df, i) {
		seen[i] = true
		chain = append([]int{i}, chain...)
	}
	return chain
}

// instructionProcess returns the Process of an ENTRYPOINT or CMD, or nil
// when in is nil or has no command.
func instructionProcess(in *dockerfile.Instruction) *Process {
	if in == nil {
		return nil
	}
	p := &Process{Instruction: in}
	if in.JSONForm {
		for _, w := range in.Args {
			p.Words = append(p.Words, w.Value)
		}
	} else {
		p.Words = splitCommandLine(in.ArgsText())
		p.ShellForm = true
	}
	if len(p.Words) == 0 {
		return nil
	}
	return p
}

// applyComposeProcesses applies the services' "entrypoint" and "command".
// Setting "entrypoint" drops the image's CMD, as docker run --entrypoint
// does, unless "command" is set too.
func (c *Container) applyComposeProcesses() {
	for _, def := range c.Defs {
		svc := def.Service
		if len(svc.Entrypoint) > 0 {
			c.Entrypoint = composeProcess(def, "entrypoint", svc.Entrypoint)
			c.Command = nil
		}
	}
	for _, def := range c.Defs {
		if len(def.Service.Command) > 0 {
			c.Command = composeProcess(def, "command", def.Service.Command)
		}
	}
}

// composeProcess returns the Process of a compose "entrypoint" or
// "command" value: a list of words, or a string that compose splits as a
// shell would. An empty value gives nil.
func composeProcess(def *ServiceDef, key string, values []*compose.Scalar) *Process {
	p := &Process{Compose: values, ComposeURI: def.URI}
	node := compose.Lookup(def.Service.Node, key)
	if node != nil && node.Kind == yaml.SequenceNode {
		for _, s := range values {
			p.Words = append(p.Words, s.Value)
		}
	} else {
		p.Words = splitCommandLine(values[0].Value)
	}
	if len(p.Words) == 0 || len(p.Words) == 1 && p.Words[0] == "" {
		return nil
	}
	return p
}

// resolveScripts finds the workspace file that the entrypoint and the
// command run, if any.
func (c *Container) resolveScripts() {
	for _, p := range []*Process{c.Entrypoint, c.Command} {
		if p == nil {
			continue
		}
		if file, direct := c.programFile(p.Words, 0); file != nil {
			p.Script, p.ScriptPath, p.Direct = file.URI, file.Path, direct
		}
	}
}

// maxShellNesting bounds how deep programFile follows "sh -c" strings.
const maxShellNesting = 4

// programFile returns the file of the container that a command runs,
// after init wrappers such as tini, and whether the kernel runs it
// directly. For "sh script" the shell reads the script; for "sh -c
// 'script args'" the shell runs it as a program.
func (c *Container) programFile(words []string, depth int) (*ContainerFile, bool) {
	for i := 0; i < len(words); i++ {
		name := path.Base(words[i])
		switch {
		case initWrappers[name] || strings.HasPrefix(words[i], "-"):
			continue
		case shells[name]:
			for i++; i < len(words) && strings.HasPrefix(words[i], "-"); i++ {
				if words[i] == "-c" && i+1 < len(words) && depth < maxShellNesting {
					return c.programFile(splitCommandLine(words[i+1]), depth+1)
				}
			}
			if i < len(words) {
				return c.lookupProgram(words[i], true), false
			}
			return nil, false
		}
		return c.lookupProgram(words[i], false), true
	}
	return nil, false
}

// lookupProgram returns the file a command word names: an absolute path,
// a path relative to the working folder, or a bare name in a PATH folder
// (or, when inShell is set, in the working folder, as "sh run.sh" reads).
func (c *Container) lookupProgram(word string, inShell bool) *ContainerFile {
	switch {
	case strings.HasPrefix(word, "/"):
		return c.FileAt(path.Clean(word))
	case strings.Contains(word, "/") || inShell:
		return c.FileAt(containerPath(c.workdir, word))
	}
	for _, dir := range binDirs {
		if f := c.FileAt(path.Join(dir, word)); f != nil {
			return f
		}
	}
	return nil
}

// addMounts adds the files that a service's volumes bind-mount from the
// workspace: one file, or the files under a folder. A source outside the
// workspace folders, such as "/" in "/:/rootfs:ro" or the Docker socket,
// adds nothing, because stackls does not know what the host holds there.
func (c *Container) addMounts(snap *Snapshot, def *ServiceDef) {
	for _, volume := range def.Service.Volumes {
		parts := strings.Split(volume.Value, ":")
		if len(parts) < 2 || !(strings.HasPrefix(parts[0], ".") || strings.HasPrefix(parts[0], "/")) || !strings.HasPrefix(parts[1], "/") {
			continue
		}
		uri, ok := relativeURI(def.URI.Dir(), parts[0])
		if !ok || !snap.insideFolders(uri.Path()) {
			continue
		}
		target := path.Clean(parts[1])
		add := func(source position.URI, p string) {
			c.Files = append(c.Files, &ContainerFile{URI: source, Path: p, Mount: volume, MountURI: def.URI})
		}
		if snap.pathExists(uri.Path()) {
			add(uri, target)
			continue
		}
		for i, p := range snap.tree.under(uri.Path()) {
			if i == maxFolderCopyFiles {
				break
			}
			if rel, ok := relInside(uri.Path(), p); ok {
				add(position.URIFromPath(p), path.Join(target, filepath.ToSlash(rel)))
			}
		}
	}
}

// splitCommandLine splits a command line into words as a shell would for
// a simple command: on blanks, with single and double quotes and
// backslashes removed. Expansions are kept as written.
func splitCommandLine(s string) []string {
	var words []string
	var word strings.Builder
	inWord := false
	var quote byte
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case quote != 0 && ch == quote:
			quote = 0
		case quote == '\'':
			word.WriteByte(ch)
		case ch == '\\' && i+1 < len(s) && (quote == 0 || strings.IndexByte("$`\"\\", s[i+1]) >= 0):
			i++
			word.WriteByte(s[i])
			inWord = true
		case quote != 0:
			word.WriteByte(ch)
		case ch == '\'' || ch == '"':
			quote, inWord = ch, true
		case ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r':
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		default:
			word.WriteByte(ch)
			inWord = true
		}
	}
	if inWord {
		words = append(words, word.String())
	}
	return words
}
