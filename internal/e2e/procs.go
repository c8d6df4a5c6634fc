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

// Usage is what the /proc watch of a step saw. Memory is VmHWM, the kernel's own high-water mark
// of resident memory, so a peak between two polls is not missed; a provider process that starts
// and exits between two polls is.
type Usage struct {
	CLIPeakRSS        uint64        // bytes; the CLI process itself
	ProviderPeakRSS   uint64        // bytes; the highest of every provider process seen
	ProviderProcesses int           // distinct provider processes seen
	ProviderCPU       time.Duration // user+system CPU of those processes, as last seen
}

// clockTick is the unit of utime/stime in /proc/PID/stat (USER_HZ, 100 on every Linux ABI).
const clockTick = 10 * time.Millisecond

// ProviderExe reports whether an executable path is a Terraform provider plugin.
func ProviderExe(exe string) bool {
	return strings.HasPrefix(filepath.Base(exe), "terraform-provider-")
}

// procWatch polls /proc every interval for the CLI (root) and its provider processes.
type procWatch struct {
	root     int
	interval time.Duration
	stop     chan struct{}
	done     chan struct{}

	mu        sync.Mutex
	usage     Usage
	providers map[procID]time.Duration // CPU of each provider process seen; keyed so a reused pid counts again
}

type procID struct {
	pid   int
	start uint64 // start time in clock ticks: tells a reused pid apart
}

func watchProcs(root int, interval time.Duration) *procWatch {
	w := &procWatch{root: root, interval: interval, stop: make(chan struct{}), done: make(chan struct{}),
		providers: map[procID]time.Duration{}}
	go w.loop()
	return w
}

func (w *procWatch) loop() {
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
func (w *procWatch) Stop() Usage {
	close(w.stop)
	<-w.done
	return w.seen()
}

// Now polls /proc at once and returns what the watch has seen so far.
func (w *procWatch) Now() Usage {
	w.sample()
	return w.seen()
}

func (w *procWatch) seen() Usage {
	w.mu.Lock()
	defer w.mu.Unlock()
	u := w.usage
	u.ProviderProcesses = len(w.providers)
	for _, cpu := range w.providers {
		u.ProviderCPU += cpu
	}
	return u
}

// ProviderPIDs lists the live descendants of the root running a provider executable.
func (w *procWatch) ProviderPIDs() []int {
	var pids []int
	for _, p := range descendants(w.root) {
		if exe, err := os.Readlink("/proc/" + strconv.Itoa(p.pid) + "/exe"); err == nil && ProviderExe(exe) {
			pids = append(pids, p.pid)
		}
	}
	return pids
}

func (w *procWatch) sample() {
	if hwm, ok := readVmHWM(w.root); ok {
		w.mu.Lock()
		w.usage.CLIPeakRSS = max(w.usage.CLIPeakRSS, hwm)
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
		st, _ := readStat(p.pid)
		w.mu.Lock()
		w.providers[p] = max(w.providers[p], st.cpu)
		w.usage.ProviderPeakRSS = max(w.usage.ProviderPeakRSS, hwm)
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
		st, ok := readStat(pid)
		if !ok {
			continue
		}
		children[st.ppid] = append(children[st.ppid], procID{pid, st.start})
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

// procStat is what the harness reads from /proc/PID/stat.
type procStat struct {
	ppid  int
	start uint64        // start time in clock ticks since boot
	cpu   time.Duration // utime + stime
}

func readStat(pid int) (procStat, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return procStat{}, false
	}
	return parseStat(data)
}

// parseStat reads fields 4 (ppid), 14+15 (utime, stime) and 22 (starttime) of a /proc/PID/stat
// line. The command name (field 2) is in parentheses and may hold spaces or parentheses, so
// fields count from the last ')'.
func parseStat(data []byte) (procStat, bool) {
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return procStat{}, false
	}
	f := strings.Fields(string(data[i+1:])) // f[0] is field 3 (state)
	if len(f) < 20 {
		return procStat{}, false
	}
	ppid, err1 := strconv.Atoi(f[1])
	utime, err2 := strconv.ParseUint(f[11], 10, 64)
	stime, err3 := strconv.ParseUint(f[12], 10, 64)
	start, err4 := strconv.ParseUint(f[19], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
		return procStat{}, false
	}
	return procStat{ppid: ppid, start: start, cpu: time.Duration(utime+stime) * clockTick}, true
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
