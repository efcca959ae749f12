package compose

import (
	"strings"

	"github.com/stackls/stackls/position"
	"gopkg.in/yaml.v3"
)

// build fills the model from f.Root.
func (f *File) build() {
	for _, e := range Entries(f.Root) {
		switch e.Key.Value {
		case "name":
			f.Name = f.scalar(e.Value)
		case "version":
			f.Version = f.scalar(e.Value)
		case "services":
			for _, svc := range Entries(e.Value) {
				f.Services = append(f.Services, f.service(svc))
			}
		case "networks":
			f.Networks = f.resources(e.Value)
		case "volumes":
			f.Volumes = f.resources(e.Value)
		case "secrets":
			f.Secrets = f.resources(e.Value)
		case "configs":
			f.Configs = f.resources(e.Value)
		case "include":
			f.includes(e.Value)
		}
	}
}

// scalar returns the Scalar of a scalar node; nil for another kind of node
// or a "!reset" value. A null value gives an empty Value.
func (f *File) scalar(n *yaml.Node) *Scalar {
	if n == nil || n.Kind != yaml.ScalarNode || IsReset(n) {
		return nil
	}
	value := n.Value
	if n.Tag == "!!null" {
		value = ""
	}
	return &Scalar{Value: value, Span: f.NodeSpan(n)}
}

// subScalar returns the part value[from:to] of scalar n. Its Span covers
// exactly those bytes when the source spells the value literally (a plain
// scalar or a quoted one without escapes), else the whole scalar.
func (f *File) subScalar(n *yaml.Node, from, to int) *Scalar {
	s := f.scalar(n)
	if s == nil {
		return nil
	}
	from, to = max(0, min(from, len(s.Value))), max(0, min(to, len(s.Value)))
	part := &Scalar{Value: s.Value[from:to], Span: s.Span}
	start := s.Span.Start
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		start++
	}
	if start+len(s.Value) <= len(f.Content) && string(f.Content[start:start+len(s.Value)]) == s.Value {
		part.Span = position.Span{Start: start + from, End: start + to}
	}
	return part
}

// SubSpan returns the Span of the bytes value[from:to] of scalar n, where
// value is n.Value. It is exact when the source spells the value literally
// (a plain scalar on one line, or a quoted one without escapes); otherwise
// it returns the Span of the whole scalar and false.
func (f *File) SubSpan(n *yaml.Node, from, to int) (position.Span, bool) {
	part := f.subScalar(n, from, to)
	if part == nil {
		return f.NodeSpan(n), false
	}
	whole := f.NodeSpan(n)
	exact := part.Span != whole || from == 0 && to == len(n.Value) && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0
	return part.Span, exact
}

// entrySpan returns the Span from a key to the end of its value.
func (f *File) entrySpan(key, value *yaml.Node) position.Span {
	span := f.NodeSpan(key)
	if valueSpan := f.NodeSpan(value); valueSpan.Start >= span.Start && valueSpan.End > span.End {
		span.End = valueSpan.End
	}
	return span
}

// scalars returns the Scalars of a string or of a list of strings.
func (f *File) scalars(n *yaml.Node) []*Scalar {
	if n == nil || IsReset(n) {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		if s := f.scalar(n); s != nil && n.Tag != "!!null" {
			return []*Scalar{s}
		}
		return nil
	}
	var out []*Scalar
	for _, item := range Items(n) {
		if s := f.scalar(item); s != nil {
			out = append(out, s)
		}
	}
	return out
}

// names returns the names of a list of strings, or the keys of a mapping,
// or, for a list of mappings, the value of field in each. A single string,
// as in "env_file: .env", is a list of one.
func (f *File) names(n *yaml.Node, field string) []*Scalar {
	if n == nil || IsReset(n) {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		if s := f.scalar(n); s != nil && n.Tag != "!!null" {
			return []*Scalar{s}
		}
		return nil
	}
	if n.Kind == yaml.MappingNode {
		var out []*Scalar
		for _, e := range Entries(n) {
			out = append(out, f.scalar(e.Key))
		}
		return out
	}
	var out []*Scalar
	for _, item := range Items(n) {
		if item.Kind == yaml.MappingNode {
			item = Lookup(item, field)
		}
		if s := f.scalar(item); s != nil {
			out = append(out, s)
		}
	}
	return out
}

// keyValues returns the entries of a mapping or of a "KEY=VALUE" list.
func (f *File) keyValues(n *yaml.Node) []*KeyValue {
	if n == nil || IsReset(n) {
		return nil
	}
	var out []*KeyValue
	if n.Kind == yaml.MappingNode {
		for _, e := range Entries(n) {
			kv := &KeyValue{Key: e.Key.Value, KeySpan: f.NodeSpan(e.Key)}
			if value := f.scalar(e.Value); value != nil && e.Value.Tag != "!!null" {
				kv.Value, kv.ValueSpan, kv.HasValue = value.Value, value.Span, true
			}
			out = append(out, kv)
		}
		return out
	}
	for _, item := range Items(n) {
		s := f.scalar(item)
		if s == nil {
			continue
		}
		key, value, hasValue := strings.Cut(s.Value, "=")
		keyPart := f.subScalar(item, 0, len(key))
		kv := &KeyValue{Key: key, KeySpan: keyPart.Span, HasValue: hasValue}
		if hasValue {
			valuePart := f.subScalar(item, len(key)+1, len(s.Value))
			kv.Value, kv.ValueSpan = value, valuePart.Span
		}
		out = append(out, kv)
	}
	return out
}

// resources returns the entries of a top-level networks, volumes, secrets
// or configs mapping.
func (f *File) resources(n *yaml.Node) []*Resource {
	var out []*Resource
	for _, e := range Entries(n) {
		r := &Resource{Name: e.Key.Value, KeySpan: f.NodeSpan(e.Key), Span: f.entrySpan(e.Key, e.Value), Node: e.Value}
		if e.Value != nil && e.Value.Kind == yaml.MappingNode {
			r.File = f.scalar(Lookup(e.Value, "file"))
			if external := Lookup(e.Value, "external"); external != nil {
				r.External = external.Kind == yaml.MappingNode || external.Value == "true"
			}
		}
		out = append(out, r)
	}
	return out
}

// includes fills Includes and IncludeEntries from the "include" list.
func (f *File) includes(n *yaml.Node) {
	for _, item := range Items(n) {
		inc := &Include{Node: item}
		switch item.Kind {
		case yaml.ScalarNode:
			inc.Paths = f.scalars(item)
		case yaml.MappingNode:
			inc.Paths = f.scalars(Lookup(item, "path"))
			inc.ProjectDirectory = f.scalar(Lookup(item, "project_directory"))
			inc.EnvFiles = f.scalars(Lookup(item, "env_file"))
		}
		f.IncludeEntries = append(f.IncludeEntries, inc)
		f.Includes = append(f.Includes, inc.Paths...)
	}
}
