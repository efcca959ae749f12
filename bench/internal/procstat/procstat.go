// Package procstat reads the peak resident set size of a process tree from
// /proc on Linux.
package procstat

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// PeakRSS returns VmHWM, the peak resident set size in bytes, from
// /proc/PID/status.
func PeakRSS(pid int) (int64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("read status of process %d: %w", pid, err)
	}
	return parseStatusKiB(data, "VmHWM")
}

// parseStatusKiB returns the value of a "Name:  N kB" line in bytes.
func parseStatusKiB(status []byte, name string) (int64, error) {
	scanner := bufio.NewScanner(bytes.NewReader(status))
	for scanner.Scan() {
		key, value, ok := strings.Cut(scanner.Text(), ":")
		if !ok || key != name {
			continue
		}
		fields := strings.Fields(value)
		if len(fields) == 0 {
			break
		}
		kib, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("invalid %s value %q: %w", name, value, err)
		}
		return kib * 1024, nil
	}
	return 0, fmt.Errorf("no %s line in status", name)
}

// Children returns the direct children of a process, from
// /proc/PID/task/*/children when the kernel provides it and otherwise by
// scanning the parent id of every process.
func Children(pid int) []int {
	tasks, err := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
	if err != nil {
		return nil
	}
	var kids []int
	found := false
	for _, task := range tasks {
		data, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%s/children", pid, task.Name()))
		if err != nil {
			continue
		}
		found = true
		for _, field := range strings.Fields(string(data)) {
			if kid, err := strconv.Atoi(field); err == nil {
				kids = append(kids, kid)
			}
		}
	}
	if found {
		return kids
	}
	return scanChildren(pid)
}

func scanChildren(pid int) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var kids []int
	for _, entry := range entries {
		candidate, err := strconv.Atoi(entry.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", candidate))
		if err != nil {
			continue
		}
		if parent, ok := parentFromStat(data); ok && parent == pid {
			kids = append(kids, candidate)
		}
	}
	return kids
}

// parentFromStat returns the ppid field of a /proc/PID/stat line. The
// command name in brackets may contain spaces, so fields are counted after
// the last ')'.
func parentFromStat(stat []byte) (int, bool) {
	end := bytes.LastIndexByte(stat, ')')
	if end < 0 {
		return 0, false
	}
	fields := strings.Fields(string(stat[end+1:]))
	if len(fields) < 2 {
		return 0, false
	}
	parent, err := strconv.Atoi(fields[1])
	return parent, err == nil
}

// Sampler follows a process tree and keeps, for each process it has seen,
// the largest VmHWM it read. Peak returns the sum over those processes:
// an upper bound of the tree's peak RSS, exact for a single process.
type Sampler struct {
	root int

	mu    sync.Mutex // guards peaks
	peaks map[int]int64

	stop chan struct{}
	done chan struct{}
}

// StartSampler reads the tree of root now and then every interval until
// Stop. A longer interval disturbs the measured server less but can miss a
// short-lived child.
func StartSampler(root int, interval time.Duration) *Sampler {
	s := &Sampler{root: root, peaks: make(map[int]int64), stop: make(chan struct{}), done: make(chan struct{})}
	s.Sample()
	go func() {
		defer close(s.done)
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for {
			select {
			case <-ticker.C:
				s.Sample()
			case <-s.stop:
				return
			}
		}
	}()
	return s
}

// Sample reads the VmHWM of every process in the tree once.
func (s *Sampler) Sample() {
	queue := []int{s.root}
	for len(queue) > 0 {
		pid := queue[0]
		queue = queue[1:]
		if rss, err := PeakRSS(pid); err == nil {
			s.mu.Lock()
			s.peaks[pid] = max(s.peaks[pid], rss)
			s.mu.Unlock()
		}
		queue = append(queue, Children(pid)...)
	}
}

// Peak returns the summed peak RSS in bytes of the processes seen so far.
func (s *Sampler) Peak() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	var total int64
	for _, rss := range s.peaks {
		total += rss
	}
	return total
}

// Stop ends the background sampling; Peak still works afterwards.
func (s *Sampler) Stop() {
	close(s.stop)
	<-s.done
}
