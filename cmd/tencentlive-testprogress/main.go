// Command tencentlive-testprogress turns `go test -json` on stdin into what a person watching a
// long run needs: one line per package as it finishes (counts and elapsed time), a "still running"
// line every -every while packages are in flight, and the full output of every failed test, package
// or build. It exits 1 when anything failed, so `go test -json ... | tencentlive-testprogress`
// fails like `go test` does (scripts run it with pipefail, which also keeps go test's own status).
// With -record FILE it appends a line per test that ran or skipped, so that CI can tell a test
// skipped under every CLI it tried (a version gate no CLI passes) from one that ran somewhere.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

// event is one line of `go test -json` (cmd/test2json), including the build events of Go 1.24+.
type event struct {
	Action     string
	Package    string
	Test       string
	Output     string
	Elapsed    float64
	ImportPath string // build-output and build-fail events
}

func main() {
	every := flag.Duration("every", 30*time.Second, "how often to print the still-running line (0: never)")
	record := flag.String("record", "", "append `ran|skipped<TAB>package<TAB>test<TAB>skip reason` lines to this file")
	flag.Parse()
	s := newSummary(os.Stdout, time.Now)
	if *record != "" {
		f, err := os.OpenFile(*record, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			fmt.Fprintln(os.Stderr, "tencentlive-testprogress:", err)
			os.Exit(2)
		}
		s.record = f
	}
	stop := make(chan struct{})
	if *every > 0 {
		go func() {
			t := time.NewTicker(*every)
			defer t.Stop()
			for {
				select {
				case <-t.C:
					s.stillRunning()
				case <-stop:
					return
				}
			}
		}()
	}
	err := s.read(os.Stdin)
	close(stop)
	if f, ok := s.record.(*os.File); ok {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "tencentlive-testprogress:", err)
		os.Exit(2)
	}
	if !s.finish() {
		os.Exit(1)
	}
}

// pkg is what is known of one package so far.
type pkg struct {
	passed, failed, skipped int
	output                  []string            // package-level output: panics, TestMain, "FAIL" lines
	tests                   map[string][]string // each running or failed test's output
	done                    bool
}

type summary struct {
	mu       sync.Mutex
	w        io.Writer
	now      func() time.Time
	start    time.Time
	pkgs     map[string]*pkg
	builds   map[string][]string // build output by import path, shown when the build fails
	failures int
	record   io.Writer // nil: no record
}

func newSummary(w io.Writer, now func() time.Time) *summary {
	return &summary{w: w, now: now, start: now(), pkgs: map[string]*pkg{}, builds: map[string][]string{}}
}

func (s *summary) read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1024*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if err := json.Unmarshal(line, &e); err != nil || e.Action == "" {
			// Not an event (go vet or the toolchain speaking): pass it on as it is.
			s.mu.Lock()
			fmt.Fprintln(s.w, string(line))
			s.mu.Unlock()
			continue
		}
		s.handle(e)
	}
	return sc.Err()
}

func (s *summary) pkg(name string) *pkg {
	p := s.pkgs[name]
	if p == nil {
		p = &pkg{tests: map[string][]string{}}
		s.pkgs[name] = p
	}
	return p
}

func (s *summary) handle(e event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch e.Action {
	case "build-output":
		s.builds[e.ImportPath] = append(s.builds[e.ImportPath], e.Output)
		return
	case "build-fail":
		s.failures++
		fmt.Fprintf(s.w, "BUILD FAIL %s\n%s", e.ImportPath, strings.Join(s.builds[e.ImportPath], ""))
		return
	}
	if e.Package == "" {
		return
	}
	p := s.pkg(e.Package)
	if e.Test == "" {
		switch e.Action {
		case "output":
			p.output = append(p.output, e.Output)
		case "pass", "fail", "skip":
			s.packageDone(e.Package, p, e.Action, e.Elapsed)
		}
		return
	}
	switch e.Action {
	case "output":
		p.tests[e.Test] = append(p.tests[e.Test], e.Output)
	case "pass":
		p.passed++
		s.recordTest("ran", e, "")
		delete(p.tests, e.Test)
	case "skip":
		p.skipped++
		s.recordTest("skipped", e, skipReason(p.tests[e.Test]))
		delete(p.tests, e.Test)
	case "fail":
		s.recordTest("ran", e, "")
		p.failed++
		s.failures++
		fmt.Fprintf(s.w, "--- FAIL %s %s (%.1fs)\n%s", short(e.Package), e.Test, e.Elapsed, strings.Join(p.tests[e.Test], ""))
		delete(p.tests, e.Test)
	}
}

func (s *summary) recordTest(outcome string, e event, reason string) {
	if s.record != nil {
		fmt.Fprintf(s.record, "%s\t%s\t%s\t%s\n", outcome, short(e.Package), e.Test, reason)
	}
}

// skipReason is the last line a skipped test printed: t.Skip's message, after "--- SKIP".
func skipReason(output []string) string {
	for i := len(output) - 1; i >= 0; i-- {
		line := strings.TrimSpace(output[i])
		if line != "" && !strings.HasPrefix(line, "--- SKIP") {
			return line
		}
	}
	return ""
}

// packageDone prints the package's line; a failed package with no failed test (a panic, a timeout,
// TestMain) shows its own output and whatever its unfinished tests printed.
func (s *summary) packageDone(name string, p *pkg, action string, elapsed float64) {
	p.done = true
	counts := fmt.Sprintf("%d passed", p.passed)
	if p.failed > 0 {
		counts += fmt.Sprintf(", %d failed", p.failed)
	}
	if p.skipped > 0 {
		counts += fmt.Sprintf(", %d skipped", p.skipped)
	}
	switch {
	case action == "skip" || p.passed+p.failed+p.skipped == 0 && action == "pass":
		// No test files, or none matched -run: nothing to say.
	case action == "pass":
		fmt.Fprintf(s.w, "%-5s %s %s in %s [%s]\n", "ok", short(name), counts, seconds(elapsed), s.elapsed())
	default:
		if p.failed == 0 {
			s.failures++
			names := make([]string, 0, len(p.tests))
			for t := range p.tests {
				names = append(names, t)
			}
			sort.Strings(names)
			for _, t := range names {
				fmt.Fprintf(s.w, "--- unfinished %s %s\n%s", short(name), t, strings.Join(p.tests[t], ""))
			}
			fmt.Fprint(s.w, strings.Join(p.output, ""))
		}
		fmt.Fprintf(s.w, "%-5s %s %s in %s [%s]\n", "FAIL", short(name), counts, seconds(elapsed), s.elapsed())
	}
	p.tests = nil
	p.output = nil
}

// stillRunning prints which packages have started and not finished, and how many tests passed.
func (s *summary) stillRunning() {
	s.mu.Lock()
	defer s.mu.Unlock()
	var running []string
	passed := 0
	for name, p := range s.pkgs {
		passed += p.passed
		if !p.done {
			running = append(running, short(name))
		}
	}
	if len(running) == 0 {
		// Between packages, go test is compiling (and linking, with -race, for minutes on 2 cores).
		fmt.Fprintf(s.w, "... still running [%s]: building test binaries, %d package(s) finished, %d tests passed so far\n",
			s.elapsed(), len(s.pkgs), passed)
		return
	}
	sort.Strings(running)
	fmt.Fprintf(s.w, "... still running [%s]: %d package(s) (%s), %d tests passed so far\n",
		s.elapsed(), len(running), strings.Join(running, ", "), passed)
}

// finish prints the totals and reports whether everything passed.
func (s *summary) finish() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	var passed, failed, skipped int
	for _, p := range s.pkgs {
		passed += p.passed
		failed += p.failed
		skipped += p.skipped
	}
	verdict := "PASS"
	if s.failures > 0 {
		verdict = "FAIL"
	}
	fmt.Fprintf(s.w, "%s: %d packages, %d tests passed, %d failed, %d skipped in %s\n",
		verdict, len(s.pkgs), passed, failed, skipped, s.elapsed())
	return s.failures == 0
}

func (s *summary) elapsed() string { return s.now().Sub(s.start).Round(time.Second).String() }

func seconds(f float64) string {
	return (time.Duration(f * float64(time.Second))).Round(100 * time.Millisecond).String()
}

// short drops the module path, which every package of this repository shares.
func short(pkg string) string {
	const module = "github.com/tencentlive/terraform-provider-tencentlive"
	if pkg == module {
		return "."
	}
	return strings.TrimPrefix(pkg, module+"/")
}
