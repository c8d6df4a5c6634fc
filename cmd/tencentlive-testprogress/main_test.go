package main

import (
	"strings"
	"testing"
	"time"
)

const mod = "github.com/tencentlive/terraform-provider-tencentlive"

// stream is `go test -json` of three packages: one passes, one has a failing test, one has no tests.
var stream = strings.Join([]string{
	`{"Action":"start","Package":"` + mod + `/internal/wire"}`,
	`{"Action":"run","Package":"` + mod + `/internal/wire","Test":"TestA"}`,
	`{"Action":"output","Package":"` + mod + `/internal/wire","Test":"TestA","Output":"=== RUN   TestA\n"}`,
	`{"Action":"pass","Package":"` + mod + `/internal/wire","Test":"TestA","Elapsed":0.1}`,
	`{"Action":"skip","Package":"` + mod + `/internal/wire","Test":"TestB","Elapsed":0}`,
	`{"Action":"start","Package":"` + mod + `/internal/provider"}`,
	`{"Action":"output","Package":"` + mod + `/internal/provider","Test":"TestAccRoom","Output":"    room_test.go:12: want 3 rooms, got 2\n"}`,
	`{"Action":"fail","Package":"` + mod + `/internal/provider","Test":"TestAccRoom","Elapsed":2.5}`,
	`not json: passed through`,
	`{"Action":"pass","Package":"` + mod + `/internal/wire","Elapsed":1.25}`,
	`{"Action":"fail","Package":"` + mod + `/internal/provider","Elapsed":3}`,
	`{"Action":"skip","Package":"` + mod + `/cmd/x","Elapsed":0}`,
}, "\n")

func TestSummaryPrintsOneLinePerPackageAndFailuresInFull(t *testing.T) {
	var out strings.Builder
	s := newSummary(&out, fixedClock())
	if err := s.read(strings.NewReader(stream)); err != nil {
		t.Fatal(err)
	}
	if s.finish() {
		t.Error("finish reported success for a run with a failed test")
	}
	for _, want := range []string{
		"--- FAIL internal/provider TestAccRoom (2.5s)\n    room_test.go:12: want 3 rooms, got 2\n",
		"not json: passed through\n",
		"ok    internal/wire 1 passed, 1 skipped in 1.3s",
		"FAIL  internal/provider 0 passed, 1 failed in 3s",
		"FAIL: 3 packages, 1 tests passed, 1 failed, 1 skipped",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "=== RUN   TestA") {
		t.Errorf("a passing test's output was shown:\n%s", out.String())
	}
	if strings.Contains(out.String(), "cmd/x") {
		t.Errorf("a package without tests got a line:\n%s", out.String())
	}
}

func TestSummaryShowsAPanickedPackagesUnfinishedTests(t *testing.T) {
	var out strings.Builder
	s := newSummary(&out, fixedClock())
	in := strings.Join([]string{
		`{"Action":"run","Package":"p","Test":"TestHang"}`,
		`{"Action":"output","Package":"p","Test":"TestHang","Output":"still waiting\n"}`,
		`{"Action":"output","Package":"p","Output":"panic: test timed out after 1m0s\n"}`,
		`{"Action":"fail","Package":"p","Elapsed":60}`,
	}, "\n")
	if err := s.read(strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	if s.finish() {
		t.Error("finish reported success for a package that failed without a failed test")
	}
	for _, want := range []string{"--- unfinished p TestHang\nstill waiting\n", "panic: test timed out after 1m0s\n", "FAIL  p 0 passed in 1m0s"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestSummaryShowsBuildFailures(t *testing.T) {
	var out strings.Builder
	s := newSummary(&out, fixedClock())
	in := strings.Join([]string{
		`{"ImportPath":"p [p.test]","Action":"build-output","Output":"# p\n"}`,
		`{"ImportPath":"p [p.test]","Action":"build-output","Output":"./x.go:3:1: undefined: y\n"}`,
		`{"ImportPath":"p [p.test]","Action":"build-fail"}`,
	}, "\n")
	if err := s.read(strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	if s.finish() {
		t.Error("finish reported success after a build failure")
	}
	if want := "BUILD FAIL p [p.test]\n# p\n./x.go:3:1: undefined: y\n"; !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
}

func TestStillRunningNamesThePackagesInFlight(t *testing.T) {
	var out strings.Builder
	s := newSummary(&out, fixedClock())
	in := `{"Action":"start","Package":"` + mod + `/internal/e2e"}
{"Action":"pass","Package":"` + mod + `/internal/e2e","Test":"TestX","Elapsed":1}`
	if err := s.read(strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	s.stillRunning()
	if want := "1 package(s) (internal/e2e), 1 tests passed so far"; !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
}

func TestStillRunningSaysWhenOnlyTheBuildIsRunning(t *testing.T) {
	var out strings.Builder
	s := newSummary(&out, fixedClock())
	s.stillRunning()
	if want := "building test binaries, 0 package(s) finished, 0 tests passed so far"; !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
}

// fixedClock advances a minute per call, so elapsed times in the output are deterministic.
func fixedClock() func() time.Time {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(time.Minute); return t }
}

func TestRecordSaysWhichTestsRanAndWhySkippedOnesSkipped(t *testing.T) {
	var out, record strings.Builder
	s := newSummary(&out, fixedClock())
	s.record = &record
	in := strings.Join([]string{
		`{"Action":"run","Package":"` + mod + `/internal/provider","Test":"TestAccUserSig"}`,
		`{"Action":"output","Package":"` + mod + `/internal/provider","Test":"TestAccUserSig","Output":"    tfversion_checks.go:27: Terraform CLI version 1.6.6 is below minimum version 1.10.0: skipping test\n"}`,
		`{"Action":"output","Package":"` + mod + `/internal/provider","Test":"TestAccUserSig","Output":"--- SKIP: TestAccUserSig (0.01s)\n"}`,
		`{"Action":"skip","Package":"` + mod + `/internal/provider","Test":"TestAccUserSig","Elapsed":0.01}`,
		`{"Action":"pass","Package":"` + mod + `/internal/provider","Test":"TestAccRoom","Elapsed":1}`,
	}, "\n")
	if err := s.read(strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	want := "skipped\tinternal/provider\tTestAccUserSig\ttfversion_checks.go:27: Terraform CLI version 1.6.6 is below minimum version 1.10.0: skipping test\n" +
		"ran\tinternal/provider\tTestAccRoom\t\n"
	if record.String() != want {
		t.Errorf("record = %q, want %q", record.String(), want)
	}
}
