package workspace

import (
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/makefile"
	"github.com/stackls/stackls/position"
)

// Container is the container of one compose service, or of a Dockerfile
// that no service builds. It records the chain that starts it (Makefile
// targets, service, Dockerfile and stage, the files its image contains,
// the process it runs) and the environment of that process.
//
// A Container is derived from one Snapshot's models and never changes.
type Container struct {
	// Service is the service's key; "" for a Dockerfile that no service
	// builds, which runs as "docker build" and "docker run" would.
	Service string
	// Defs are the definitions of the service in its project's compose
	// files, in the order compose merges them; nil when Service is "".
	Defs    []*ServiceDef
	Project *Project // nil when Service is ""

	Dockerfile position.URI // "" when the service runs an image
	Context    string       // OS path of the build context; "" with Dockerfile
	Stage      int          // index of the target stage; -1 without a Dockerfile
	StageName  string       // the target stage's name; "" when it has none
	BaseImage  string       // the image the stage chain starts from, as written

	// Starters are the Makefile recipes whose docker compose calls start
	// the service, directly or as a dependency of a service they name.
	Starters []*Starter
	// Files are the files of the workspace the container holds: copied
	// into the image by the target stage or a stage it builds on, or
	// bind-mounted, with their paths in the container.
	Files []*ContainerFile

	// Entrypoint and Command are the process the container runs: the
	// ENTRYPOINT and the CMD passed to it as arguments, after compose's
	// "entrypoint" and "command" overrides. Either is nil when unset.
	Entrypoint *Process
	Command    *Process

	Secrets []*Secret
	// Ports are the container ports that the service publishes or exposes,
	// or that its Dockerfile EXPOSEs, with where each is declared.
	Ports []*Port
	// PortsComplete is false when a port is a variable or the image is an
	// external one whose exposed ports stackls does not know.
	PortsComplete bool

	env []*EnvVar // winning definitions, sorted by name
	// missingEnvFiles are the env_file files the workspace does not hold.
	missingEnvFiles []position.URI
	workdir         string           // WORKDIR at the end of the target stage
	df              *dockerfile.File // the Dockerfile's model; nil without one
	chain           []int            // the target stage and its bases, first base first
}

// Starter is one docker compose call of a Makefile that starts a service.
type Starter struct {
	Makefile position.URI
	Rule     *makefile.Rule // the rule whose recipe holds the call
	Call     *makefile.ComposeCall
	// Via is the service the call names that depends on this one, or ""
	// when the call starts it directly.
	Via string
}

// Target returns the first target of the starter's rule, or "".
func (s *Starter) Target() string {
	if s.Rule == nil || len(s.Rule.Targets) == 0 {
		return ""
	}
	return s.Rule.Targets[0].Text
}

// ContainerFile is one file of the workspace in a container.
type ContainerFile struct {
	URI  position.URI
	Path string // absolute, slash-separated path in the container
	// Image is the COPY or ADD that puts it in the image; nil for a bind
	// mount.
	Image *ImageFile
	// Mount is the volume entry that bind-mounts it; nil for an image file.
	Mount *compose.Scalar
	// MountURI is the compose file of Mount.
	MountURI position.URI
}

// Process is an ENTRYPOINT or a CMD, from the Dockerfile or from compose.
type Process struct {
	Words []string // the command's words; a shell form is split on blanks
	// Instruction is the Dockerfile's ENTRYPOINT or CMD; nil when compose
	// sets the process.
	Instruction *dockerfile.Instruction
	// Compose is the compose "entrypoint" or "command" value, one Scalar
	// per list item; nil when the Dockerfile sets the process.
	Compose    []*compose.Scalar
	ComposeURI position.URI
	// Script is the workspace file that the process runs, "" when it runs
	// none; ScriptPath is its path in the container.
	Script     position.URI
	ScriptPath string
	// Direct is true when the kernel runs Script itself, as in
	// ENTRYPOINT ["/entrypoint.sh"]. Such a script needs a "#!" line and
	// the executable bit. Direct is false for "sh /entrypoint.sh".
	Direct bool
	// ShellForm is true for a Dockerfile shell form, which runs under
	// "/bin/sh -c"; a shell-form ENTRYPOINT gets no CMD arguments.
	ShellForm bool
}

// Location returns where the process is set: the Dockerfile instruction
// or the compose value.
func (p *Process) Location(dockerfileURI position.URI) position.Location {
	if p.Instruction != nil {
		return position.Location{URI: dockerfileURI, Span: p.Instruction.Span}
	}
	span := p.Compose[0].Span
	span.End = p.Compose[len(p.Compose)-1].Span.End
	return position.Location{URI: p.ComposeURI, Span: span}
}

// Secret is a compose secret that a service mounts.
type Secret struct {
	Name string // the top-level secret's name ("source")
	// Path is the file's path in the container: /run/secrets/NAME, or the
	// long form's "target".
	Path string
	Use  position.Location // the entry of the service's "secrets"
	// Decl is the key of the top-level declaration; nil when no compose
	// file of the project declares it.
	Decl *position.Location
	File position.URI // the declaration's "file", "" when none
}

// Port is one port the container listens on, as a number or a range.
type Port struct {
	From, To int               // To equals From for a single port
	Location position.Location // the declaration; an empty URI for a port of a known image
	Kind     string            // "ports", "expose", "EXPOSE" or "image"
}

// Containers returns every container of the workspace: one per service
// and project, then one per Dockerfile that no service builds.
func Containers(snap *Snapshot) []*Container { return memoContainers(snap).all }

// ContainersOf returns the containers that hold the file at uri, copied
// into their image or bind-mounted, in the order of Containers. A script
// that several services run gives one container per service.
func ContainersOf(snap *Snapshot, uri position.URI) []*Container {
	return memoContainers(snap).byFile.at(uri)
}

// ContainerOf returns the container of the service that def defines, or
// nil.
func ContainerOf(snap *Snapshot, def *ServiceDef) *Container {
	for _, c := range memoContainers(snap).all {
		for _, d := range c.Defs {
			if d == def {
				return c
			}
		}
	}
	return nil
}

// Name returns the service's key, or, for a Dockerfile that no service
// builds, the Dockerfile's folder and base name, such as "api/Dockerfile".
func (c *Container) Name() string {
	if c.Service != "" {
		return c.Service
	}
	return baseOf(c.Dockerfile.Dir()) + "/" + c.Dockerfile.Base()
}

func baseOf(dir string) string {
	if i := strings.LastIndexAny(dir, `/\`); i >= 0 {
		return dir[i+1:]
	}
	return dir
}

// File returns the container's entry for the file at uri, or nil.
func (c *Container) File(uri position.URI) *ContainerFile {
	for _, f := range c.Files {
		if f.URI == uri {
			return f
		}
	}
	return nil
}

// FileAt returns the file at the absolute path p in the container, or nil.
// A bind mount hides an image file at the same path, and a later copy wins.
func (c *Container) FileAt(p string) *ContainerFile {
	var found *ContainerFile
	for _, f := range c.Files {
		if f.Path != p {
			continue
		}
		if f.Mount != nil {
			return f
		}
		found = f
	}
	return found
}

// Runs reports how the container runs the file at uri: as its
// ENTRYPOINT, as its CMD, or neither (nil).
func (c *Container) Runs(uri position.URI) *Process {
	for _, p := range []*Process{c.Entrypoint, c.Command} {
		if p != nil && p.Script == uri {
			return p
		}
	}
	return nil
}

// Secret returns the secret mounted at the path p, or nil.
func (c *Container) Secret(p string) *Secret {
	for _, s := range c.Secrets {
		if s.Path == p {
			return s
		}
	}
	return nil
}

// Instructions returns the instructions of the target stage and the
// stages it builds on, in build order, with the Dockerfile's model; nil
// without a Dockerfile.
func (c *Container) Instructions() ([]*dockerfile.Instruction, *dockerfile.File) {
	if c.df == nil {
		return nil, nil
	}
	var out []*dockerfile.Instruction
	for _, si := range c.chain {
		out = append(out, c.df.Stages[si].Instructions...)
	}
	return out, c.df
}

// Workdir returns the working folder of the container's process: the last
// WORKDIR of the stage chain, or "/".
func (c *Container) Workdir() string { return c.workdir }
