package schema

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// jsonTypes is a set of JSON types, one bit each.
type jsonTypes uint8

const (
	typeNull jsonTypes = 1 << iota
	typeBoolean
	typeObject
	typeArray
	typeNumber
	typeString
	typeInteger
)

// typeBits maps the names that "type" uses to their bits.
var typeBits = map[string]jsonTypes{
	"null":    typeNull,
	"boolean": typeBoolean,
	"object":  typeObject,
	"array":   typeArray,
	"number":  typeNumber,
	"string":  typeString,
	"integer": typeInteger,
}

// compiledSchema is one schema object of the compose spec, ready to
// validate with. It contains the keywords that the spec uses. The compiler
// rejects any other keyword that constrains a value, so a newer spec that
// needs one fails in tests instead of validating less.
type compiledSchema struct {
	// alwaysFalse is the schema `false`, which no value matches.
	alwaysFalse bool
	// object is whether the schema is written as an object rather than
	// as true or false. Hover and completion describe only such schemas.
	object bool
	// description is the "description" annotation, for hover and
	// completion.
	description string

	types     jsonTypes // 0 allows every type
	typeNames []string  // "type" as written, for messages
	enum      []any

	ref *compiledSchema

	properties        map[string]*compiledSchema
	patternProperties []patternProperty
	// additional applies to properties that neither properties nor
	// patternProperties name; nil allows them all.
	additional *compiledSchema
	// unevaluated applies to properties that no keyword of this schema
	// or of a passing subschema evaluated; nil allows them all.
	unevaluated *compiledSchema
	required    []string

	items       *compiledSchema
	uniqueItems bool

	pattern     *regexp.Regexp
	patternText string

	minimum, maximum *float64

	allOf, anyOf, oneOf []*compiledSchema
}

// patternProperty is one entry of "patternProperties".
type patternProperty struct {
	re     *regexp.Regexp
	schema *compiledSchema
}

// annotationKeywords are the keywords that describe a value without
// constraining it. JSON Schema 2020-12 makes "format" an annotation unless
// the caller requests format assertion, which compose-go does not.
var annotationKeywords = map[string]bool{
	"$schema": true, "$id": true, "$comment": true, "$defs": true, "definitions": true,
	"title": true, "description": true, "default": true, "examples": true,
	"deprecated": true, "readOnly": true, "writeOnly": true, "format": true,
}

// schemaCompiler compiles the schema objects of one document. References
// are local ("#/$defs/service") and compiled once each, so a recursive
// reference points to a schema that is still being filled in.
type schemaCompiler struct {
	doc  map[string]any
	refs map[string]*compiledSchema
	// patterns holds each regular expression compiled so far. The spec
	// repeats a few patterns, "^x-" in nearly every object, and a
	// compiled regexp costs kilobytes of memory for as long as the
	// schema lives.
	patterns map[string]*regexp.Regexp
}

// newSchemaCompiler returns a compiler of the schemas of doc.
func newSchemaCompiler(doc map[string]any) *schemaCompiler {
	return &schemaCompiler{doc: doc, refs: map[string]*compiledSchema{}, patterns: map[string]*regexp.Regexp{}}
}

// regexp returns the compiled pattern, compiling it on its first use.
func (c *schemaCompiler) regexp(pattern string) (*regexp.Regexp, error) {
	if re, ok := c.patterns[pattern]; ok {
		return re, nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	c.patterns[pattern] = re
	return re, nil
}

// compileRef compiles the schema that a local reference names: "#" for
// the whole document, "#/$defs/service" for one definition.
func (c *schemaCompiler) compileRef(ref string) (*compiledSchema, error) {
	if s, ok := c.refs[ref]; ok {
		return s, nil
	}
	target, err := c.resolve(ref)
	if err != nil {
		return nil, err
	}
	s := &compiledSchema{}
	c.refs[ref] = s
	if err := c.fill(s, target, ref); err != nil {
		return nil, err
	}
	return s, nil
}

// resolve returns the value that a local reference points to.
func (c *schemaCompiler) resolve(ref string) (any, error) {
	pointer, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return nil, fmt.Errorf("reference %q is not local to the document", ref)
	}
	var cur any = c.doc
	if pointer == "" {
		return cur, nil
	}
	for _, part := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("reference %q does not lead to a schema", ref)
		}
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		if cur, ok = m[part]; !ok {
			return nil, fmt.Errorf("reference %q does not lead to a schema", ref)
		}
	}
	return cur, nil
}

// compile compiles the schema value v found at location.
func (c *schemaCompiler) compile(v any, location string) (*compiledSchema, error) {
	s := &compiledSchema{}
	if err := c.fill(s, v, location); err != nil {
		return nil, err
	}
	return s, nil
}

// fill compiles the schema value v into s.
func (c *schemaCompiler) fill(s *compiledSchema, v any, location string) error {
	switch v := v.(type) {
	case bool:
		s.alwaysFalse = !v
		return nil
	case map[string]any:
		s.object = true
		for _, key := range slices.Sorted(maps.Keys(v)) {
			if err := c.keyword(s, key, v[key], location+"/"+key); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("%s: a schema must be an object or a boolean", location)
}

// keyword compiles one keyword of a schema object into s.
func (c *schemaCompiler) keyword(s *compiledSchema, key string, v any, location string) error {
	var err error
	switch key {
	case "type":
		err = compileTypes(s, v)
	case "enum":
		list, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: not a list", location)
		}
		s.enum = make([]any, len(list))
		for i, item := range list {
			s.enum[i] = plainNumber(item)
		}
	case "$ref":
		ref, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s: not a string", location)
		}
		s.ref, err = c.compileRef(ref)
	case "properties":
		s.properties, err = c.compileMap(v, location)
	case "patternProperties":
		var byPattern map[string]*compiledSchema
		if byPattern, err = c.compileMap(v, location); err != nil {
			return err
		}
		for _, pattern := range slices.Sorted(maps.Keys(byPattern)) {
			re, rerr := c.regexp(pattern)
			if rerr != nil {
				return fmt.Errorf("%s: %w", location, rerr)
			}
			s.patternProperties = append(s.patternProperties, patternProperty{re: re, schema: byPattern[pattern]})
		}
	case "additionalProperties":
		s.additional, err = c.compile(v, location)
	case "unevaluatedProperties":
		s.unevaluated, err = c.compile(v, location)
	case "required":
		s.required, err = stringList(v, location)
	case "items":
		s.items, err = c.compile(v, location)
	case "uniqueItems":
		s.uniqueItems, _ = v.(bool)
	case "pattern":
		text, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s: not a string", location)
		}
		s.patternText = text
		if s.pattern, err = c.regexp(text); err != nil {
			err = fmt.Errorf("%s: %w", location, err)
		}
	case "minimum":
		s.minimum, err = number(v, location)
	case "maximum":
		s.maximum, err = number(v, location)
	case "allOf":
		s.allOf, err = c.compileList(v, location)
	case "anyOf":
		s.anyOf, err = c.compileList(v, location)
	case "oneOf":
		s.oneOf, err = c.compileList(v, location)
	case "description":
		s.description, _ = v.(string)
	default:
		if !annotationKeywords[key] {
			return fmt.Errorf("%s: keyword %q is not supported", location, key)
		}
	}
	return err
}

// compileTypes compiles "type", a name or a list of names.
func compileTypes(s *compiledSchema, v any) error {
	names, ok := []string(nil), false
	switch v := v.(type) {
	case string:
		names, ok = []string{v}, true
	case []any:
		names, ok = make([]string, 0, len(v)), true
		for _, item := range v {
			name, isString := item.(string)
			if !isString {
				ok = false
				break
			}
			names = append(names, name)
		}
	}
	if !ok {
		return fmt.Errorf("type %v is neither a name nor a list of names", v)
	}
	for _, name := range names {
		bit, known := typeBits[name]
		if !known {
			return fmt.Errorf("unknown type %q", name)
		}
		s.types |= bit
	}
	s.typeNames = names
	return nil
}

// compileMap compiles an object whose values are schemas.
func (c *schemaCompiler) compileMap(v any, location string) (map[string]*compiledSchema, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: not an object", location)
	}
	out := make(map[string]*compiledSchema, len(m))
	for name, sub := range m {
		s, err := c.compile(sub, location+"/"+name)
		if err != nil {
			return nil, err
		}
		out[name] = s
	}
	return out, nil
}

// compileList compiles a list of schemas.
func (c *schemaCompiler) compileList(v any, location string) ([]*compiledSchema, error) {
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		return nil, fmt.Errorf("%s: not a list of schemas", location)
	}
	out := make([]*compiledSchema, len(list))
	for i, sub := range list {
		s, err := c.compile(sub, fmt.Sprintf("%s/%d", location, i))
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

func stringList(v any, location string) ([]string, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s: not a list", location)
	}
	out := make([]string, len(list))
	for i, item := range list {
		if out[i], ok = item.(string); !ok {
			return nil, fmt.Errorf("%s: item %d is not a string", location, i)
		}
	}
	return out, nil
}

func number(v any, location string) (*float64, error) {
	var f float64
	switch v := v.(type) {
	case json.Number:
		parsed, err := v.Float64()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", location, err)
		}
		f = parsed
	case float64:
		f = v
	default:
		return nil, fmt.Errorf("%s: not a number", location)
	}
	return &f, nil
}

// plainNumber returns v with a json.Number turned into the int64 or
// float64 that instances hold, so that enum values compare with them.
func plainNumber(v any) any {
	n, ok := v.(json.Number)
	if !ok {
		return v
	}
	if i, err := n.Int64(); err == nil {
		return i
	}
	if f, err := n.Float64(); err == nil {
		return f
	}
	return v
}
