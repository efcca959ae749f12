package procstat

import (
	"os"
	"testing"
	"time"
)

func TestParseStatusKiB(t *testing.T) {
	status := []byte("Name:\tstackls\nVmPeak:\t  123 kB\nVmHWM:\t    2048 kB\nVmRSS:\t 1024 kB\n")
	got, err := parseStatusKiB(status, "VmHWM")
	if err != nil {
		t.Fatal(err)
	}
	if got != 2048*1024 {
		t.Errorf("VmHWM = %d, want %d", got, 2048*1024)
	}
	if _, err := parseStatusKiB(status, "VmSwap"); err == nil {
		t.Error("missing VmSwap: want an error")
	}
}

func TestParentFromStat(t *testing.T) {
	parent, ok := parentFromStat([]byte("42 (node (a) b) S 7 42 42 0 -1"))
	if !ok || parent != 7 {
		t.Errorf("parentFromStat = %d, %v; want 7, true", parent, ok)
	}
}

func TestSamplerOwnProcess(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc on this system")
	}
	sampler := StartSampler(os.Getpid(), time.Hour)
	sampler.Stop()
	if sampler.Peak() <= 0 {
		t.Errorf("Peak() = %d, want a positive size", sampler.Peak())
	}
}
