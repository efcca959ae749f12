// Package schema gives access to the compose-spec JSON schema that
// compose-go embeds: validation of a compose document, and the
// descriptions, properties and allowed values at a path for hover and
// completion.
//
// The schema is decoded and compiled on first use or by Prepare, at most
// once per process, so starting the server does not compile it.
//
// NOTE: importing github.com/santhosh-tekuri/jsonschema/v6 still costs
// each start a few milliseconds and megabytes, because its init compiles
// the JSON Schema metaschemas.
package schema

import (
	"fmt"
	"strings"
	"sync"
	"time"

	composeschema "github.com/compose-spec/compose-go/v2/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stackls/stackls/compose"
)

// resourceURL is the name the schema is registered under in the compiler.
const resourceURL = "compose-spec.json"

var (
	rawOnce sync.Once
	raw     map[string]any // the decoded schema document
	rawErr  error

	compiledOnce    sync.Once
	compiled        *jsonschema.Schema
	compiledService *jsonschema.Schema // "#/$defs/service", to validate one service
	compiledErr     error

	prepareOnce sync.Once
	prepareErr  error
)

// document returns the decoded schema document.
func document() (map[string]any, error) {
	rawOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(composeschema.Schema))
		if err != nil {
			rawErr = fmt.Errorf("decoding the compose-spec schema: %w", err)
			return
		}
		m, ok := doc.(map[string]any)
		if !ok {
			rawErr = fmt.Errorf("the compose-spec schema is not a JSON object")
			return
		}
		raw = m
	})
	return raw, rawErr
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
func compile() (*jsonschema.Schema, error) {
	compiledOnce.Do(func() {
		doc, err := document()
		if err != nil {
			compiledErr = err
			return
		}
		compiler := jsonschema.NewCompiler()
		if err := compiler.AddResource(resourceURL, doc); err != nil {
			compiledErr = fmt.Errorf("adding the compose-spec schema: %w", err)
			return
		}
		// compose-go registers the same format: a Go duration such as "10s".
		compiler.RegisterFormat(&jsonschema.Format{Name: "duration", Validate: validateDuration})
		compiled, compiledErr = compiler.Compile(resourceURL)
		if compiledErr != nil {
			compiledErr = fmt.Errorf("compiling the compose-spec schema: %w", compiledErr)
			return
		}
		compiledService, compiledErr = compiler.Compile(resourceURL + "#/$defs/service")
		if compiledErr != nil {
			compiledErr = fmt.Errorf("compiling the service schema: %w", compiledErr)
		}
	})
	return compiled, compiledErr
}

func validateDuration(v any) error {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	if _, err := time.ParseDuration(s); err != nil {
		return fmt.Errorf("invalid duration %q: %w", s, err)
	}
	return nil
}

// Validate validates a compose document decoded to JSON values
// (map[string]any, []any, string, float64 or int, bool, nil). It returns
// the validation error tree, nil when the document is valid, or an error
// when the schema itself cannot be compiled.
func Validate(instance any) (*jsonschema.ValidationError, error) {
	sch, err := compile()
	if err != nil {
		return nil, err
	}
	return validateWith(sch, instance)
}

// validateService validates one service, decoded as for Validate.
func validateService(instance any) (*jsonschema.ValidationError, error) {
	if _, err := compile(); err != nil {
		return nil, err
	}
	return validateWith(compiledService, instance)
}

func validateWith(sch *jsonschema.Schema, instance any) (*jsonschema.ValidationError, error) {
	err := sch.Validate(instance)
	if err == nil {
		return nil, nil
	}
	verr, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return nil, fmt.Errorf("validating against the compose-spec schema: %w", err)
	}
	return verr, nil
}
