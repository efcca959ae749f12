// Command bench measures stackls and the peer language servers side by
// side: each server is started on the same workspace, runs the same
// scenario, and the report gives start-up time, peak memory, request
// latencies, diagnostics latency and index time, with the ratio of stackls
// to each peer.
//
//	bench/install-peers.sh   # optional: the npm peers, into ~/.cache/stackls-bench/peers
//	go run ./bench -workspace examples/inception -generate large
//
// Run it from the repository root: by default it builds ./cmd/stackls into
// a temporary folder. Peers that are not installed are skipped.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/stackls/stackls/bench/internal/runner"
)

// config is the parsed command line.
type config struct {
	workspaces []string
	sizes      []string
	seed       uint64
	kinds      []runner.Kind
	only       []string
	extra      []runner.Server
	stackls    string
	peersDir   string
	cacheDir   string
	format     string
	out        string
	jsonOut    string
	opts       runner.Options
}

func parseFlags() (config, error) {
	var cfg config
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	workspaces := flag.String("workspace", "examples/inception", "comma-separated workspace folders to run the scenarios on (copied to a scratch folder first)")
	sizes := flag.String("generate", "", "comma-separated generated sizes to run on as well: small, medium, large or a file count such as 2k")
	flag.Uint64Var(&cfg.seed, "seed", 1, "seed of the generated workspaces")
	kinds := flag.String("scenarios", "dockerfile,compose,workspace", "comma-separated scenarios to run")
	only := flag.String("servers", "", "comma-separated server names to run (default: stackls and every installed peer)")
	flag.Func("server", "extra server as NAME[:SCENARIO,SCENARIO]=COMMAND ARGS (repeatable)", func(value string) error {
		srv, err := parseServerFlag(value)
		cfg.extra = append(cfg.extra, srv)
		return err
	})

	flag.StringVar(&cfg.stackls, "stackls", "", "stackls command line (default: build ./cmd/stackls and run \"stackls serve\")")
	flag.StringVar(&cfg.peersDir, "peers", defaultPeersDir(), "folder where bench/install-peers.sh installed the peers")
	flag.StringVar(&cfg.cacheDir, "cache", filepath.Join(cache, "stackls-bench"), "folder for generated workspaces and server logs")
	flag.StringVar(&cfg.format, "format", "markdown", "output format: markdown or json")
	flag.StringVar(&cfg.out, "o", "", "write the report to this file instead of stdout")
	flag.StringVar(&cfg.jsonOut, "json", "", "also write the report as JSON to this file")

	flag.IntVar(&cfg.opts.Starts, "starts", 4, "extra timed starts per server and scenario; start → initialize is the median over them and the run's own start")
	flag.IntVar(&cfg.opts.Requests, "n", 200, "timed requests per method")
	flag.IntVar(&cfg.opts.Warmup, "warmup", 20, "untimed requests per method before the timed ones")
	flag.IntVar(&cfg.opts.Edits, "edits", 40, "timed edits per scenario")
	flag.IntVar(&cfg.opts.Reindexes, "reindex", 20, "timed on-disk compose changes in the workspace scenario")
	flag.DurationVar(&cfg.opts.Timeout, "timeout", 10*time.Second, "limit per request and per wait for diagnostics")
	flag.DurationVar(&cfg.opts.IndexTimeout, "index-timeout", 60*time.Second, "limit for initialize and for indexing")
	coldStart := flag.Bool("cold-start", false, "time the first start of each server; by default an untimed start comes first so the executable is in the page cache")
	flag.Parse()

	cfg.opts.WarmStart = !*coldStart
	if flag.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q", flag.Arg(0))
	}
	if cfg.format != "markdown" && cfg.format != "json" {
		return cfg, fmt.Errorf("invalid -format %q: want markdown or json", cfg.format)
	}
	cfg.workspaces = splitList(*workspaces)
	cfg.sizes = splitList(*sizes)
	cfg.only = splitList(*only)
	if cfg.kinds, err = parseKinds(*kinds); err != nil {
		return cfg, err
	}
	cfg.opts.ProgressGrace = 300 * time.Millisecond
	cfg.opts.Settle = 50 * time.Millisecond
	cfg.opts.Quiet = 200 * time.Millisecond
	cfg.opts.StderrDir = filepath.Join(cfg.cacheDir, "logs")
	return cfg, nil
}

func splitList(value string) []string {
	var out []string
	for _, item := range strings.Split(value, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

func main() {
	cfg, err := parseFlags()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, cfg config) error {
	scratch, err := os.MkdirTemp("", "stackls-bench-")
	if err != nil {
		return fmt.Errorf("create scratch folder: %w", err)
	}
	defer os.RemoveAll(scratch)

	servers, err := selectServers(cfg, scratch)
	if err != nil {
		return err
	}
	targets, err := collectTargets(cfg, scratch)
	if err != nil {
		return err
	}

	report := newReport(cfg)
	for _, tgt := range targets {
		for _, kind := range tgt.Scenarios {
			sc, err := runner.Build(kind, tgt.Root, "")
			if err != nil {
				fmt.Fprintf(os.Stderr, "bench: %s, %s scenario skipped: %v\n", tgt.Label, kind, err)
				continue
			}
			section := report.section(tgt, sc)
			for _, srv := range servers {
				if !srv.Handles(kind) {
					continue
				}
				fmt.Fprintf(os.Stderr, "bench: %s, %s scenario, %s ...\n", tgt.Label, kind, srv.Name)
				result := runner.Run(ctx, srv, sc, cfg.opts)
				if result.Error != "" {
					fmt.Fprintf(os.Stderr, "bench: %s failed: %s (log: %s)\n", srv.Name, result.Error, result.StderrLogPath)
				}
				section.Results = append(section.Results, result)
				if ctx.Err() != nil {
					return ctx.Err()
				}
			}
		}
	}
	return report.write(cfg)
}

// selectServers returns stackls and the installed peers, filtered by
// -servers, plus the -server extras.
func selectServers(cfg config, scratch string) ([]runner.Server, error) {
	wanted := func(name string) bool { return len(cfg.only) == 0 || slices.Contains(cfg.only, name) }
	var servers []runner.Server
	if wanted(stacklsName) {
		argv := strings.Fields(cfg.stackls)
		if len(argv) == 0 {
			var err error
			if argv, err = buildStackls(scratch); err != nil {
				return nil, err
			}
		}
		servers = append(servers, runner.Server{Name: stacklsName, Version: stacklsVersion(argv), Argv: argv, Kinds: runner.Kinds})
	}
	peers := findPeers(cfg.peersDir)
	if len(peers) == 0 {
		fmt.Fprintf(os.Stderr, "bench: no peer found in %s; run bench/install-peers.sh to compare\n", cfg.peersDir)
	}
	for _, peer := range peers {
		if wanted(peer.Name) {
			servers = append(servers, peer)
		}
	}
	servers = append(servers, cfg.extra...)
	if len(servers) == 0 {
		return nil, fmt.Errorf("no server selected by -servers %s", strings.Join(cfg.only, ","))
	}
	return servers, nil
}

func collectTargets(cfg config, scratch string) ([]target, error) {
	var targets []target
	for _, dir := range cfg.workspaces {
		tgt, err := exampleTarget(dir, scratch, cfg.kinds)
		if err != nil {
			return nil, err
		}
		targets = append(targets, tgt)
	}
	for _, size := range cfg.sizes {
		generated, err := generatedTargets(cfg.cacheDir, cfg.seed, size, cfg.kinds)
		if err != nil {
			return nil, err
		}
		targets = append(targets, generated...)
	}
	return targets, nil
}
