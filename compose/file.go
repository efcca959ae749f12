// Package compose parses a compose file into a model with exact byte spans.
//
// It decodes YAML with gopkg.in/yaml.v3 and keeps the node tree, so every
// key and value in the model carries the Span of its bytes in the content
// given to Parse.
package compose

import (
	"sync"

	"github.com/stackls/stackls/position"
	"gopkg.in/yaml.v3"
)

// File is a parsed compose file.
type File struct {
	Content  []byte
	Root     *yaml.Node // the document's top mapping, or nil when empty or invalid
	Name     *Scalar    // top-level "name"
	Version  *Scalar    // obsolete top-level "version"
	Services []*Service
	Networks []*Resource
	Volumes  []*Resource
	Secrets  []*Resource
	Configs  []*Resource
	Includes []*Scalar // paths from "include", short or long form
	Errors   []*Error  // YAML syntax errors; the model holds what could be read

	IncludeEntries []*Include // the entries of "include", in order
	Anchors        []*Anchor  // every "&name", in source order
	Aliases        []*Alias   // every "*name", in source order

	doc        *yaml.Node // the document node, Root's parent; nil when the content has none
	directives bool       // a line starts with "%", as a YAML directive does
	lines      *lineTable
	spans      map[*yaml.Node]position.Span // every node of Root's document

	refsOnce sync.Once
	refs     []Ref // built on first use by Refs

	variablesOnce sync.Once
	variables     []string // built on first use by ContentVariables
}

// Scalar is a YAML scalar value and the Span of its bytes (quotes included).
type Scalar struct {
	Value string
	Span  position.Span
}

// KeyValue is one entry of a mapping or "KEY=VALUE" list, such as an
// environment variable or a build argument.
type KeyValue struct {
	Key       string
	KeySpan   position.Span
	Value     string
	HasValue  bool // false for "KEY" or "KEY:" with no value
	ValueSpan position.Span
}

// Service is one entry under "services".
type Service struct {
	Name          string
	KeySpan       position.Span // the service's key
	Span          position.Span // the key and its whole value
	Node          *yaml.Node    // the service's mapping
	Image         *Scalar
	Build         *Build
	ContainerName *Scalar
	Hostname      *Scalar
	Aliases       []*Scalar // network aliases, from every network
	DependsOn     []*Scalar // service names, short or long form
	Links         []*Scalar // "service" or "service:alias"; Value holds the service name only
	VolumesFrom   []*Scalar // service names (container:NAME entries are left out)
	NetworkMode   *Scalar   // the service name of "service:NAME", else the whole value
	Extends       *Extends
	Networks      []*Scalar    // network names the service joins
	Volumes       []*Scalar    // volume entries as written
	Secrets       []*Scalar    // secret names, short or long form ("source")
	Configs       []*Scalar    // config names, short or long form ("source")
	Ports         []*Scalar    // port entries as written (long form: "published:target")
	PortNodes     []*yaml.Node // the node of each entry of Ports, in the same order
	VolumeRefs    []*Scalar    // named volumes the service mounts, narrowed to the name
	Expose        []*Scalar
	Environment   []*KeyValue
	EnvFiles      []*Scalar
	Entrypoint    []*Scalar // string form: one Scalar; list form: one per item
	Command       []*Scalar
}

// Build is a service's "build" section; the string form sets Context only.
type Build struct {
	Context    *Scalar
	Dockerfile *Scalar
	Target     *Scalar
	Args       []*KeyValue
}

// Extends is a service's "extends" section.
type Extends struct {
	Service *Scalar
	File    *Scalar // nil when extending a service of the same file
}

// Resource is a top-level network, volume, secret or config.
type Resource struct {
	Name     string
	KeySpan  position.Span
	Span     position.Span
	Node     *yaml.Node
	File     *Scalar // "file" of a secret or config
	External bool
}

// Include is one entry of the top-level "include" list.
type Include struct {
	Paths            []*Scalar // "path": one string or a list
	ProjectDirectory *Scalar   // nil when not set
	EnvFiles         []*Scalar
	Node             *yaml.Node
}

// Anchor is a YAML anchor "&name"; Span covers the name without "&".
type Anchor struct {
	Name string
	Span position.Span
	Node *yaml.Node // the anchored node
}

// Alias is a YAML alias "*name"; Span covers the name without "*".
type Alias struct {
	Name   string
	Span   position.Span
	Node   *yaml.Node
	Target *yaml.Node // the anchored node, nil when unknown
}

// Error is a YAML syntax error at an exact Span.
type Error struct {
	Span    position.Span
	Message string
	Code    string // one of the Code constants, such as CodeDuplicateKey
	// Related is the Span that explains the error, such as the first
	// definition of a duplicate key; nil when there is none.
	Related *position.Span
}
