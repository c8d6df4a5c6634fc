// Command tencentlive-provider-pprof is the provider built with profiling, for benchmarks: when
// TENCENTLIVE_PPROF_DIR is set, each provider process writes DIR/cpu-PID.pprof (CPU, from start
// to shutdown) and DIR/heap-PID.pprof (allocations over its life), samples its heap every
// 250 ms into DIR/heap-PID.log, and each time the heap grows by a quarter collects garbage and
// writes DIR/heap-PID-peakK.pprof (live heap; diff two with pprof -base) and
// DIR/goroutines-PID-peakK.txt. Terraform shuts
// providers down gracefully, so the profiles are complete. It serves what the real main.go
// serves, through the same internal/serve.
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/provider"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/release"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/serve"
)

func main() {
	stop := startProfiles(os.Getenv("TENCENTLIVE_PPROF_DIR"))
	err := serve.Serve(release.Address, provider.New(release.Version), false)
	stop()
	if err != nil {
		log.Fatal(err.Error())
	}
}

func startProfiles(dir string) (stop func()) {
	if dir == "" {
		return func() {}
	}
	pid := os.Getpid()
	cpu, err := os.Create(filepath.Join(dir, fmt.Sprintf("cpu-%d.pprof", pid)))
	if err != nil {
		log.Fatal(err)
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		log.Fatal(err)
	}
	heapLog, err := os.Create(filepath.Join(dir, fmt.Sprintf("heap-%d.log", pid)))
	if err != nil {
		log.Fatal(err)
	}
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		start := time.Now()
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		var peak uint64 = 16 << 20
		peaks := 0
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak*5/4 {
				peak = m.HeapAlloc
				runtime.GC() // the heap profile shows the heap as of the last GC: make that now
				peaks++
				writeProfile(filepath.Join(dir, fmt.Sprintf("heap-%d-peak%d.pprof", pid, peaks)), "heap", 0)
				writeProfile(filepath.Join(dir, fmt.Sprintf("goroutines-%d-peak%d.txt", pid, peaks)), "goroutine", 1)
			}
			fmt.Fprintf(heapLog, "%6.2fs heap_inuse=%dMB heap_alloc=%dMB next_gc=%dMB sys=%dMB goroutines=%d gc=%d\n",
				time.Since(start).Seconds(), m.HeapInuse>>20, m.HeapAlloc>>20, m.NextGC>>20, m.Sys>>20,
				runtime.NumGoroutine(), m.NumGC)
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		close(done)
		<-sampled
		heapLog.Close()
		pprof.StopCPUProfile()
		cpu.Close()
		writeProfile(filepath.Join(dir, fmt.Sprintf("heap-%d.pprof", pid)), "allocs", 0)
	}
}

func writeProfile(path, name string, debug int) {
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	_ = pprof.Lookup(name).WriteTo(f, debug)
}
