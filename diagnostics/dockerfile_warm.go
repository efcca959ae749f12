package diagnostics

import (
	"context"
	"sync/atomic"

	"github.com/stackls/stackls/dockerfile"

	"github.com/stackls/stackls/workspace"
)

// minWarmInstructions is the number of instructions from which a check
// fills the caches of RUN analyses and instruction parses on a second
// goroutine. Below it, a cold check takes about a millisecond, which a
// goroutine would not shorten. Tests change it.
var minWarmInstructions = 200

// warmDockerfile starts filling, on another goroutine, the caches that
// c's checks read per instruction: the RUN analyses in file order, then
// buildkit's instruction parses from the last instruction back, while c
// parses from the first one forward. Each cache entry is computed once,
// by whichever goroutine comes first, so the two halve the cold check of
// a large file on two cores. A background check gets no such goroutine:
// it leaves a processor free for the goroutine that reads the client's
// next message, which is what tells the check to give way. The returned
// function stops the goroutine; results it already stored stay cached
// for the next check.
func warmDockerfile(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, c *dockerChecker) (stop func()) {
	if len(c.df.Instructions) < minWarmInstructions || isBackground(ctx) || warmedBefore(c) {
		return func() {}
	}
	var stopped atomic.Bool
	helper := newDockerChecker(ctx, snap, f, c.df)
	go func() {
		defer func() {
			// The check reports a panic itself: a cache entry whose
			// computation panicked is computed again by the next reader.
			_ = recover()
		}()
		helper.warmRunAnalyses(&stopped)
		helper.warmInstructionParses(&stopped)
	}()
	return func() { stopped.Store(true) }
}

// warmedBefore reports whether the instruction parses of c's file are
// cached already, as after an edit of a file checked before: the first,
// middle and last instructions are. Warming would then only contend with
// the check for the cache's lock.
func warmedBefore(c *dockerChecker) bool {
	list := c.df.Instructions
	for _, in := range []*dockerfile.Instruction{list[0], list[len(list)/2], list[len(list)-1]} {
		if in.Node != nil && in.Node.Next != nil && !parsedInstructions.has(instructionKey{node: in.Node.Next, lint: c.lintKey}) {
			return false
		}
	}
	return true
}

// warmRunAnalyses computes the analysis of each shell-form RUN, with the
// SHELL in force where it is, as runChecks looks it up.
func (c *dockerChecker) warmRunAnalyses(stopped *atomic.Bool) {
	starts := c.stageShells()
	for i, st := range c.df.Stages {
		shell := starts[i]
		for _, in := range st.Instructions {
			if c.helperStopped(stopped) {
				return
			}
			if in.Keyword == "SHELL" && in.JSONForm {
				shell = newStageShell(wordValues(in.Args))
			}
			if in.Keyword == "RUN" && !in.JSONForm && in.Node != nil && in.Node.Next != nil {
				runAnalyses.get(runKey{node: in.Node.Next, shell: shell.key}, func() *runAnalysis { return c.analyzeRun(in, shell.args) })
			}
		}
	}
}

// warmInstructionParses runs buildkit's instruction parser on each
// instruction, from the last one back.
func (c *dockerChecker) warmInstructionParses(stopped *atomic.Bool) {
	for i := len(c.df.Instructions) - 1; i >= 0; i-- {
		if c.helperStopped(stopped) {
			return
		}
		if in := c.df.Instructions[i]; in.Node != nil {
			c.parseInstruction(in.Node)
		}
	}
}

// helperStopped reports whether the warming goroutine should stop: the
// check ended or its context is done. It gives way as the check does,
// once per cancelPollInterval calls.
func (c *dockerChecker) helperStopped(stopped *atomic.Bool) bool {
	if stopped.Load() {
		return true
	}
	return c.cancelled()
}
