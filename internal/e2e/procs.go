package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// PeakRSS is what a memory watch saw: the highest VmHWM (the kernel's own high-water mark of
// resident memory) of the root process and of its descendants whose executable name matched.
type PeakRSS struct {
	Root            uint64 // bytes; the CLI process itself
	Provider        uint64 // bytes; max over every provider process seen
	ProviderStarted int    // how many distinct provider processes were seen
}

// ProviderExe reports whether an executable path is a Terraform provider plugin.
func ProviderExe(exe string) bool {
	return strings.HasPrefix(filepath.Base(exe), "terraform-provider-")
}

// rssWatch polls /proc every interval for the descendants of root.
type rssWatch struct {
	root     int
	interval time.Duration
	stop     chan struct{}
	done     chan struct{}

	mu        sync.Mutex
	peak      PeakRSS
	providers map[procID]bool // provider processes seen, keyed so a reused pid counts again
}

type procID struct {
	pid   int
	start uint64 // start time in clock ticks: tells a reused pid apart
}

func watchRSS(root int, interval time.Duration) *rssWatch {
	w := &rssWatch{root: root, interval: interval, stop: make(chan struct{}), done: make(chan struct{}),
		providers: map[procID]bool{}}
	go w.loop()
	return w
}

func (w *rssWatch) loop() {
	defer close(w.done)
	t := time.NewTicker(w.interval)
	defer t.Stop()
	for {
		w.sample()
		select {
		case <-w.stop:
			return
		case <-t.C:
		}
	}
}

// Stop ends the watch and returns what it saw.
func (w *rssWatch) Stop() PeakRSS {
	close(w.stop)
	<-w.done
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.peak
}

// ProviderPIDs lists the live descendants of the root running a provider executable.
func (w *rssWatch) ProviderPIDs() []int {
	var pids []int
	for _, p := range descendants(w.root) {
		if exe, err := os.Readlink("/proc/" + strconv.Itoa(p.pid) + "/exe"); err == nil && ProviderExe(exe) {
			pids = append(pids, p.pid)
		}
	}
	return pids
}

func (w *rssWatch) sample() {
	if hwm, ok := readVmHWM(w.root); ok {
		w.mu.Lock()
		w.peak.Root = max(w.peak.Root, hwm)
		w.mu.Unlock()
	}
	for _, p := range descendants(w.root) {
		exe, err := os.Readlink("/proc/" + strconv.Itoa(p.pid) + "/exe")
		if err != nil || !ProviderExe(exe) {
			continue
		}
		hwm, ok := readVmHWM(p.pid)
		if !ok {
			continue
		}
		w.mu.Lock()
		if !w.providers[p] {
			w.providers[p] = true
			w.peak.ProviderStarted++
		}
		w.peak.Provider = max(w.peak.Provider, hwm)
		w.mu.Unlock()
	}
}

// descendants lists every process below root in the process tree (children, their children...).
func descendants(root int) []procID {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	children := map[int][]procID{}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		ppid, start, ok := readStat(pid)
		if !ok {
			continue
		}
		children[ppid] = append(children[ppid], procID{pid, start})
	}
	var out []procID
	queue := []int{root}
	for len(queue) > 0 {
		pid := queue[0]
		queue = queue[1:]
		for _, c := range children[pid] {
			out = append(out, c)
			queue = append(queue, c.pid)
		}
	}
	return out
}

// readStat returns the parent pid and start time from /proc/pid/stat.
func readStat(pid int) (ppid int, start uint64, ok bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, 0, false
	}
	return parseStat(data)
}

// parseStat reads fields 4 (ppid) and 22 (starttime) of a /proc/pid/stat line. The command name
// (field 2) is in parentheses and may hold spaces or parentheses, so fields count from the last ')'.
func parseStat(data []byte) (ppid int, start uint64, ok bool) {
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0, 0, false
	}
	f := strings.Fields(string(data[i+1:])) // f[0] is field 3 (state)
	if len(f) < 20 {
		return 0, 0, false
	}
	ppid, err1 := strconv.Atoi(f[1])
	start, err2 := strconv.ParseUint(f[19], 10, 64)
	return ppid, start, err1 == nil && err2 == nil
}

func readVmHWM(pid int) (uint64, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, false
	}
	return parseVmHWM(data)
}

// parseVmHWM returns the VmHWM line of /proc/pid/status in bytes.
func parseVmHWM(status []byte) (uint64, bool) {
	for _, line := range strings.Split(string(status), "\n") {
		rest, ok := strings.CutPrefix(line, "VmHWM:")
		if !ok {
			continue
		}
		f := strings.Fields(rest) // "12345 kB"
		if len(f) != 2 || f[1] != "kB" {
			return 0, false
		}
		kb, err := strconv.ParseUint(f[0], 10, 64)
		return kb * 1024, err == nil
	}
	return 0, false
}
