package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/stackls/stackls/bench/internal/runner"
)

// Report is everything one bench run measured.
type Report struct {
	Date     string     `json:"date"`
	Command  string     `json:"command"`
	Machine  Machine    `json:"machine"`
	Sections []*Section `json:"sections"`
}

// Section is one scenario on one target, with a result per server.
type Section struct {
	Target    string           `json:"target"`
	Class     string           `json:"class"` // example, files or workspace
	Files     int              `json:"generated_files,omitempty"`
	Scenario  runner.Kind      `json:"scenario"`
	File      string           `json:"file"` // relative to the target folder
	FileLines int              `json:"file_lines"`
	Results   []*runner.Result `json:"results"`
}

// Machine describes the computer the numbers come from.
type Machine struct {
	CPUs    int    `json:"cpus"`
	Model   string `json:"cpu_model"`
	Memory  string `json:"memory"`
	Kernel  string `json:"kernel"`
	Go      string `json:"go"`
	Node    string `json:"node,omitempty"`
	GOOS    string `json:"goos"`
	GOARCH  string `json:"goarch"`
	Version string `json:"stackls_version,omitempty"`

	// LoadStart and LoadEnd are /proc/loadavg's 1-minute load average at
	// the start and the end of the run. A load above the CPU count means
	// other processes competed with the servers for the CPUs.
	LoadStart string `json:"load_average_start,omitempty"`
	LoadEnd   string `json:"load_average_end,omitempty"`
}

func newReport(cfg config) *Report {
	args := make([]string, 0, len(os.Args))
	for _, arg := range os.Args[1:] {
		if strings.ContainsAny(arg, " \"'") {
			arg = fmt.Sprintf("%q", arg)
		}
		args = append(args, arg)
	}
	return &Report{
		Date:    time.Now().UTC().Format("2006-01-02 15:04 UTC"),
		Command: strings.TrimSpace("go run ./bench " + strings.Join(args, " ")),
		Machine: readMachine(),
	}
}

func (r *Report) section(tgt target, sc *runner.Scenario) *Section {
	rel, err := filepath.Rel(tgt.Root, sc.File)
	if err != nil {
		rel = sc.File
	}
	s := &Section{
		Target: tgt.Label, Class: tgt.Class, Files: tgt.Size.Files, Scenario: sc.Kind,
		File: filepath.ToSlash(rel), FileLines: runner.LineCount(sc.Content),
	}
	r.Sections = append(r.Sections, s)
	return s
}

func readMachine() Machine {
	m := Machine{CPUs: runtime.NumCPU(), Go: runtime.Version(), GOOS: runtime.GOOS, GOARCH: runtime.GOARCH}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		m.Model = procField(string(data), "model name")
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kib int64
		if _, err := fmt.Sscanf(procField(string(data), "MemTotal"), "%d kB", &kib); err == nil {
			m.Memory = fmt.Sprintf("%.1f GiB", float64(kib)/(1<<20))
		}
	}
	if data, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = strings.TrimSpace(string(data))
	}
	if out, err := exec.Command("node", "--version").Output(); err == nil {
		m.Node = strings.TrimSpace(string(out))
	}
	m.LoadStart = loadAverage()
	return m
}

// loadAverage returns the 1-minute load average, or "" when unknown.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	fields := strings.Fields(string(data))
	if len(fields) == 0 {
		return ""
	}
	return fields[0]
}

// procField returns the value of the first "name : value" line.
func procField(text, name string) string {
	for _, line := range strings.Split(text, "\n") {
		key, value, ok := strings.Cut(line, ":")
		if ok && strings.TrimSpace(key) == name {
			return strings.TrimSpace(value)
		}
	}
	return ""
}

func (r *Report) write(cfg config) error {
	var w io.Writer = os.Stdout
	if cfg.out != "" {
		f, err := os.Create(cfg.out)
		if err != nil {
			return fmt.Errorf("create report: %w", err)
		}
		defer f.Close()
		w = f
	}
	for _, s := range r.Sections {
		for _, res := range s.Results {
			if res.Server == stacklsName {
				r.Machine.Version = res.ServerVersion
			}
		}
	}
	r.Machine.LoadEnd = loadAverage()
	if cfg.jsonOut != "" {
		if err := r.writeJSONFile(cfg.jsonOut); err != nil {
			return err
		}
	}
	if cfg.format == "json" {
		return r.writeJSON(w)
	}
	if err := writeMarkdown(w, r); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

func (r *Report) writeJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write JSON report: %w", err)
	}
	return nil
}

func (r *Report) writeJSONFile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create JSON report: %w", err)
	}
	if err := r.writeJSON(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
