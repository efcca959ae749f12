// Package schema gives access to the compose-spec JSON schema that
// compose-go embeds: validation of a compose document, and the
// descriptions, properties and allowed values at a path for hover and
// completion.
//
// The schema is decoded and compiled on first use, at most once per
// process, so starting the server costs nothing.
package schema

import (
	"fmt"
	"strings"
	"sync"
	"time"

	composeschema "github.com/compose-spec/compose-go/v2/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
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
