package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
)

// writeText prints one "path:line:col: severity: message [code]" line
// per finding.
func writeText(w io.Writer, found []finding) error {
	for _, f := range found {
		code := ""
		if f.Code != "" {
			code = " [" + f.Code + "]"
		}
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s: %s%s\n", f.Path, f.Line, f.Column, f.Severity, f.Message, code); err != nil {
			return err
		}
	}
	return nil
}

// writeJSON prints the findings as one JSON array; [] when there are none.
func writeJSON(w io.Writer, found []finding) error {
	if found == nil {
		found = []finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(found)
}

// SARIF 2.1.0 log, reduced to the properties stackls fills. The names
// follow the OASIS SARIF 2.1.0 specification.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID      string `json:"id"`
	HelpURI string `json:"helpUri,omitempty"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId,omitempty"`
	RuleIndex *int            `json:"ruleIndex,omitempty"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// sarifLevels maps stackls severities to SARIF result levels.
var sarifLevels = map[string]string{"error": "error", "warning": "warning", "info": "note", "hint": "note"}

// writeSARIF prints the findings as a SARIF 2.1.0 log with one run. Each
// distinct code is a rule, with its documentation as helpUri; artifact
// URIs are the relative paths with forward slashes.
func writeSARIF(w io.Writer, found []finding) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "stackls",
			Version:        versionString(),
			InformationURI: "https://github.com/stackls/stackls",
			Rules:          []sarifRule{},
		}},
		ColumnKind: "utf16CodeUnits",
		Results:    []sarifResult{},
	}
	ruleIndex := map[string]int{}
	for _, f := range found {
		result := sarifResult{
			RuleID:  f.Code,
			Level:   sarifLevels[f.Severity],
			Message: sarifMessage{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: sarifArtifactLocation{URI: filepath.ToSlash(f.Path)},
				Region:           sarifRegion{StartLine: f.Line, StartColumn: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn},
			}}},
		}
		if f.Code != "" {
			i, ok := ruleIndex[f.Code]
			if !ok {
				i = len(run.Tool.Driver.Rules)
				ruleIndex[f.Code] = i
				run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: f.Code, HelpURI: f.CodeHref})
			}
			result.RuleIndex = &i
		}
		run.Results = append(run.Results, result)
	}

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}
