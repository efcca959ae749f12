package schema

import (
	"sort"
	"strings"
)

// docsBase is the root of the Compose file reference on docs.docker.com.
const docsBase = "https://docs.docker.com/reference/compose-file/"

// sectionPages are the reference pages of the keys that have their own.
var sectionPages = map[string]string{
	"services": "services/",
	"networks": "networks/",
	"volumes":  "volumes/",
	"secrets":  "secrets/",
	"configs":  "configs/",
	"include":  "include/",
	"models":   "models/",
	"name":     "version-and-name/",
	"version":  "version-and-name/",
	"x-":       "extension/",
}

// DocURL returns the page of the Compose reference that documents the key
// at a schema path, with the key as the page anchor where it has one.
func DocURL(path []string) string {
	if len(path) == 0 {
		return docsBase
	}
	page, ok := sectionPages[path[0]]
	if !ok {
		return docsBase
	}
	if len(path) < 3 || path[0] == "include" || path[0] == "name" || path[0] == "version" {
		return docsBase + page
	}
	key := path[2]
	if path[0] == "services" && len(path) > 3 {
		switch key {
		case "build", "deploy", "develop":
			return docsBase + key + "/#" + anchorOf(path[3])
		}
	}
	return docsBase + page + "#" + anchorOf(key)
}

func anchorOf(key string) string {
	if key == "[]" {
		return ""
	}
	return strings.ToLower(key)
}

// Owner describes the mapping at a schema path for documentation: "a
// top-level key", "a service property", "a property of `build`".
func Owner(path []string) string {
	return owner(path)
}

// knownValues lists the allowed values of keys whose schema gives them
// only in prose.
var knownValues = map[string][]string{
	"restart": {"no", "always", "on-failure", "unless-stopped"},
}

// AllowedValues returns the values the key at a schema path allows: those
// the schema lists, or those its description names for a few keys.
func AllowedValues(path []string, n Node) []string {
	if values := n.Values(); len(values) > 0 {
		return values
	}
	if len(path) == 3 && path[0] == "services" {
		return knownValues[path[2]]
	}
	return nil
}

// TypeNames names JSON types in YAML words: "a string or a list".
func TypeNames(types []string) string {
	var names []string
	seen := map[string]bool{}
	for _, t := range types {
		if name := typeNames[t]; name != "" && !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	sort.Strings(names)
	if len(names) <= 2 {
		return strings.Join(names, " or ")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
