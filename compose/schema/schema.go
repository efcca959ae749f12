// Package schema gives access to the compose-spec JSON schema: validation
// of a compose document, and the descriptions, properties and allowed
// values at a path for hover and completion.
//
// The schema is the one compose-go embeds, kept as compose-spec.json in
// this package (TestSpecMatchesComposeGo fails when the copy differs). It is
// decoded and compiled on first use or by Prepare, at most once per
// process, so starting the server does not compile it.
//
// The validator is this package's own and implements the keywords that the
// spec uses. The JSON Schema library github.com/santhosh-tekuri/jsonschema/v6
// compiles every JSON Schema metaschema in its init, which cost each start
// of the server about 3 ms and 2 MB. The tests use that library as the
// reference that this validator must agree with.
package schema

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/stackls/stackls/compose"
)

// specJSON is the compose-spec schema, a copy of the one compose-go
// embeds (Apache License 2.0, The Compose Specification Authors).
//
//go:embed compose-spec.json
var specJSON []byte

var (
	compiledOnce    sync.Once
	compiled        *compiledSchema
	compiledService *compiledSchema // "#/$defs/service", to validate one service
	compiledErr     error

	prepareOnce sync.Once
	prepareErr  error
)

// document returns the decoded schema document. Numbers stay json.Number,
// so that values are shown as the schema writes them. The document is
// decoded for each call and not kept: the compiled schema has what
// validation, hover and completion read.
func document() (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(specJSON))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("decoding the compose-spec schema: %w", err)
	}
	return m, nil
}

// Prepare decodes and compiles the compose-spec schema and validates a
// small document with it, work that Check, Validate, At and Root otherwise
// do on the first call. It takes tens of milliseconds. It is safe to call
// from any goroutine and more than once: later calls return at once. It
// returns the error of compiling the schema, which Check would return too.
func Prepare() error {
	prepareOnce.Do(func() {
		if _, err := compile(); err != nil {
			prepareErr = err
			return
		}
		At([]string{"services", "prepare", "build"}).Properties()
		f := compose.Parse([]byte(prepareDocument))
		if _, err := Check(f, nil); err != nil {
			prepareErr = fmt.Errorf("validating a sample compose file: %w", err)
		}
	})
	return prepareErr
}

// prepareDocument is the document Prepare checks: one service with the
// common kinds of values, so that the validator runs its usual paths once.
const prepareDocument = `services:
  prepare:
    image: example.test/app:1
    build: {context: ., args: [A=1]}
    ports: ["8080:80"]
    environment: {A: "1"}
    depends_on: [other]
    healthcheck: {test: ["CMD", "true"], interval: 10s}
    x-prepare: true
  other:
    image: example.test/other:1
networks: {default: {}}
volumes: {data: {}}
`

// compile returns the compiled schema.
func compile() (*compiledSchema, error) {
	compiledOnce.Do(func() {
		doc, err := document()
		if err != nil {
			compiledErr = err
			return
		}
		c := newSchemaCompiler(doc)
		if compiled, err = c.compileRef("#"); err != nil {
			compiledErr = fmt.Errorf("compiling the compose-spec schema: %w", err)
			return
		}
		if compiledService, err = c.compileRef("#/$defs/service"); err != nil {
			compiledErr = fmt.Errorf("compiling the service schema: %w", err)
		}
	})
	return compiled, compiledErr
}

// validateDocument validates a compose document decoded to JSON values
// (map[string]any, []any, string, int64, float64, bool, nil). It returns
// the violations, nil when the document is valid, or an error when the
// schema itself cannot be compiled.
func validateDocument(instance any) ([]*violation, error) {
	sch, err := compile()
	if err != nil {
		return nil, err
	}
	return validateValue(sch, instance), nil
}

// validateService validates one service, decoded as for Validate.
func validateService(instance any) ([]*violation, error) {
	if _, err := compile(); err != nil {
		return nil, err
	}
	return validateValue(compiledService, instance), nil
}
