// Command profile runs one benchmark scenario against stackls served
// inside this process, and writes CPU and heap profiles of the run. The
// client's own work (bench/internal/lsp) shows in the profiles too, under
// its own package name.
//
//	go run ./bench/profile -scenario dockerfile -generate large -cpuprofile cpu.prof -memprofile mem.prof
//	go tool pprof -top cpu.prof
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/stackls/stackls/bench/internal/lsp"
	"github.com/stackls/stackls/bench/internal/runner"
	"github.com/stackls/stackls/bench/internal/workload"
	"github.com/stackls/stackls/server"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(1)
	}
}

func run() error {
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	workspace := flag.String("workspace", "examples/inception", "workspace folder (copied to a scratch folder first); ignored with -generate")
	sizeName := flag.String("generate", "", "use the generated output of this size instead: small, medium, large or a file count")
	seed := flag.Uint64("seed", 1, "seed of the generated output")
	kind := flag.String("scenario", "dockerfile", "scenario: dockerfile, compose or workspace")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the scenario to this file")
	memProfile := flag.String("memprofile", "", "write a heap profile (with allocation totals) to this file after the scenario, before shutdown")
	opts := runner.Options{Timeout: 10 * time.Second, IndexTimeout: time.Minute, ProgressGrace: 300 * time.Millisecond,
		Settle: 50 * time.Millisecond, Quiet: 200 * time.Millisecond}
	flag.IntVar(&opts.Requests, "n", 2000, "timed requests per method")
	flag.IntVar(&opts.Warmup, "warmup", 20, "untimed requests per method")
	flag.IntVar(&opts.Edits, "edits", 200, "timed edits")
	flag.IntVar(&opts.Reindexes, "reindex", 50, "timed on-disk compose changes (workspace scenario)")
	flag.Parse()

	root, cleanup, err := scenarioRoot(*workspace, *sizeName, filepath.Join(cache, "stackls-bench"), *seed, runner.Kind(*kind))
	if err != nil {
		return err
	}
	defer cleanup()
	sc, err := runner.Build(runner.Kind(*kind), root, "")
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	srv := runner.Server{Name: "stackls (in process)", Kinds: runner.Kinds, Launch: launchInProcess(ctx)}

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("create CPU profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("start CPU profile: %w", err)
		}
	}
	var heapErr error
	if *memProfile != "" {
		opts.BeforeShutdown = func() { heapErr = writeHeapProfile(*memProfile) }
	}
	result := runner.Run(ctx, srv, sc, opts)
	if *cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	if heapErr != nil {
		return heapErr
	}

	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(result); err != nil {
		return fmt.Errorf("write result: %w", err)
	}
	if result.Error != "" {
		return fmt.Errorf("scenario failed: %s", result.Error)
	}
	return nil
}

// scenarioRoot returns the folder to run on and a func that removes any
// scratch copy.
func scenarioRoot(workspace, sizeName, cacheDir string, seed uint64, kind runner.Kind) (string, func(), error) {
	if sizeName == "" {
		scratch, err := os.MkdirTemp("", "stackls-profile-")
		if err != nil {
			return "", nil, fmt.Errorf("create scratch folder: %w", err)
		}
		cleanup := func() { os.RemoveAll(scratch) }
		if err := runner.CopyTree(workspace, scratch); err != nil {
			cleanup()
			return "", nil, fmt.Errorf("copy workspace: %w", err)
		}
		return scratch, cleanup, nil
	}
	size, err := workload.ParseSize(sizeName)
	if err != nil {
		return "", nil, err
	}
	root := filepath.Join(cacheDir, "gen", fmt.Sprintf("seed%d-%d", seed, size.Files))
	layout := workload.LayoutOf(root)
	if !workload.UpToDate(root, seed, size) {
		if layout, err = workload.Write(root, seed, size); err != nil {
			return "", nil, err
		}
	}
	if kind == runner.KindWorkspace {
		return layout.Workspace, func() {}, nil
	}
	return layout.Files, func() {}, nil
}

// launchInProcess returns a Launch func that runs server.Serve on pipes.
func launchInProcess(parent context.Context) func(root string, stderr io.Writer) (*lsp.Client, error) {
	return func(root string, stderr io.Writer) (*lsp.Client, error) {
		ctx, cancel := context.WithCancel(parent)
		serverIn, clientOut := io.Pipe()
		clientIn, serverOut := io.Pipe()
		exited := make(chan struct{})
		logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
		go func() {
			defer close(exited)
			server.Serve(ctx, serverIn, serverOut, server.Options{Version: "profile", Logger: logger})
			// Unblock the client's reader in case Serve left the pipe open.
			serverOut.Close()
		}()
		kill := func() error {
			cancel()
			return nil
		}
		return lsp.Connect(clientIn, clientOut, root, os.Getpid(), kill, exited), nil
	}
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create heap profile: %w", err)
	}
	defer f.Close()
	runtime.GC() // so that the in-use figures are current
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		return fmt.Errorf("write heap profile: %w", err)
	}
	return nil
}
