package e2e

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/release"
)

func TestParseStat(t *testing.T) {
	// The command name may hold spaces and parentheses; fields count from the last ')'.
	line := "4242 (my (odd) cmd) S 17 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 3 0 987654 1000 200 18446744073709551615\n"
	st, ok := parseStat([]byte(line))
	if !ok || st.ppid != 17 || st.start != 987654 || st.cpu != 30*time.Millisecond {
		t.Fatalf("parseStat = %+v, %v; want ppid 17, start 987654, cpu 30ms", st, ok)
	}
	if _, ok := parseStat([]byte("12 (x) S 1")); ok {
		t.Fatal("parseStat accepted a truncated line")
	}
}

func TestParseVmHWM(t *testing.T) {
	status := "Name:\tx\nVmPeak:\t  9000 kB\nVmHWM:\t    2048 kB\nVmRSS:\t 1024 kB\n"
	if got, ok := parseVmHWM([]byte(status)); !ok || got != 2048*1024 {
		t.Fatalf("parseVmHWM = %d, %v; want %d", got, ok, 2048*1024)
	}
	if _, ok := parseVmHWM([]byte("Name:\tkthread\n")); ok {
		t.Fatal("parseVmHWM found a value in a status without VmHWM")
	}
}

func TestStatsDelta(t *testing.T) {
	before := Stats{Total: 5, Commands: map[string]int64{"get_room_info": 5}, ErrorCodes: map[int]int64{0: 5}}
	after := Stats{Total: 12, RateRefused: 1,
		Commands:   map[string]int64{"get_room_info": 8, "create_room": 4},
		ErrorCodes: map[int]int64{0: 11, 60007: 1}, RefusedBy: map[string]int64{"create_room": 1}}
	d := StatsDelta(after, before)
	if d.Total != 7 || d.RateRefused != 1 || d.Commands["get_room_info"] != 3 || d.Commands["create_room"] != 4 ||
		d.ErrorCodes[0] != 6 || d.ErrorCodes[60007] != 1 || d.RefusedBy["create_room"] != 1 {
		t.Fatalf("Sub = %+v", d)
	}
}

func TestCleanEnvDropsCLIAndCredentialVariables(t *testing.T) {
	got := cleanEnv([]string{"PATH=/bin", "TF_CLI_CONFIG_FILE=/missing", "TF_LOG=trace",
		"TENCENTLIVE_SECRET_KEY=s", "HOME=/root", "CHECKPOINT_DISABLE=0"})
	if strings.Join(got, " ") != "PATH=/bin HOME=/root" {
		t.Fatalf("cleanEnv = %q", got)
	}
}

func TestNewWorkspaceLaysOutMirrorAndCLIConfig(t *testing.T) {
	dir := t.TempDir()
	provider := filepath.Join(dir, "terraform-provider-tencentlive")
	if err := os.WriteFile(provider, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	ws, err := NewWorkspace(filepath.Join(dir, "ws"), Binaries{Provider: provider, Terraform: "terraform"}, []string{"A=1"})
	if err != nil {
		t.Fatal(err)
	}
	mirrored := filepath.Join(ws.Dir, ".cli", "mirror", release.Address, release.Version,
		runtime.GOOS+"_"+runtime.GOARCH, "terraform-provider-tencentlive_v"+release.Version)
	if fi, err := os.Stat(mirrored); err != nil || fi.Mode()&0o111 == 0 {
		t.Fatalf("mirrored provider: %v, %v", fi, err)
	}
	cfg, err := os.ReadFile(filepath.Join(ws.Dir, ".cli", "cli.tfrc"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"filesystem_mirror", `include = ["` + release.Address + `"]`, `exclude = ["` + release.Address + `"]`} {
		if !strings.Contains(string(cfg), want) {
			t.Errorf("CLI config lacks %q:\n%s", want, cfg)
		}
	}
	env := strings.Join(ws.Env, " ")
	if !strings.Contains(env, "TF_CLI_CONFIG_FILE="+filepath.Join(ws.Dir, ".cli", "cli.tfrc")) || !strings.HasSuffix(env, "A=1") {
		t.Fatalf("workspace env = %q", env)
	}
}

func TestRoomsHCL(t *testing.T) {
	hcl := RoomsHCL(7, "p-")
	for _, want := range []string{`count         = 7`, `format("%s%04d", "p-", count.index)`,
		`seat_template = "VideoDynamicGrid9Seats"`, `source = "tencentlive/tencentlive"`} {
		if !strings.Contains(hcl, want) {
			t.Errorf("RoomsHCL lacks %q:\n%s", want, hcl)
		}
	}
	if !strings.Contains(TerraformDataHCL(3, "p-"), `count = 3`) {
		t.Error("TerraformDataHCL lacks the count")
	}
}

func TestStepArgs(t *testing.T) {
	if got := strings.Join(Apply(50).Args, " "); got != "apply -auto-approve -input=false -no-color -parallelism=50" {
		t.Fatalf("Apply(50) = %q", got)
	}
	if got := strings.Join(RefreshPlan(0).With("-refresh=true").Args, " "); got != "plan -refresh-only -input=false -no-color -refresh=true" {
		t.Fatalf("RefreshPlan(0).With = %q", got)
	}
}

// fakeCLI is a workspace whose "terraform" is a shell script, and whose "provider" is a copy of
// sleep named like a provider plugin, so process handling is tested without Terraform.
func fakeCLI(t *testing.T, script string) *Workspace {
	t.Helper()
	dir := t.TempDir()
	sleep, err := os.ReadFile("/bin/sleep")
	if err != nil {
		t.Fatal(err)
	}
	provider := filepath.Join(dir, "terraform-provider-fake")
	if err := os.WriteFile(provider, sleep, 0o755); err != nil {
		t.Fatal(err)
	}
	cli := filepath.Join(dir, "cli.sh")
	if err := os.WriteFile(cli, []byte("#!/bin/sh\n"+script), 0o755); err != nil {
		t.Fatal(err)
	}
	ws, err := NewWorkspace(filepath.Join(dir, "ws"), Binaries{Terraform: cli}, []string{"FAKE_PROVIDER=" + provider})
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

func TestRunMeasuresProviderMemoryAndOutput(t *testing.T) {
	ws := fakeCLI(t, `echo "args: $*"; echo "to stderr" >&2; "$FAKE_PROVIDER" 0.3; "$FAKE_PROVIDER" 0.3; exit 4`)
	var lines []string
	res, err := ws.RunWith(context.Background(), Plan(5), RunOptions{OnLine: func(stream, line string) {
		lines = append(lines, stream+": "+line)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if res.ExitCode != 4 || res.Err() == nil {
		t.Fatalf("exit = %d, Err() = %v; want 4 and an error", res.ExitCode, res.Err())
	}
	if want := "args: plan -input=false -no-color -parallelism=5\n"; res.Stdout != want {
		t.Fatalf("stdout = %q, want %q", res.Stdout, want)
	}
	if len(lines) != 2 {
		t.Fatalf("OnLine saw %q", lines)
	}
	if res.Usage.ProviderProcesses != 2 || res.Usage.ProviderPeakRSS == 0 || res.Usage.CLIPeakRSS == 0 {
		t.Fatalf("Usage = %+v; want 2 provider processes with a peak, and the CLI's peak", res.Usage)
	}
	if res.Wall < 600*time.Millisecond {
		t.Fatalf("wall = %v, shorter than the two 0.3 s provider runs", res.Wall)
	}
}

func TestSignalMidStep(t *testing.T) {
	ws := fakeCLI(t, `trap 'echo interrupted; exit 3' INT; "$FAKE_PROVIDER" 60 & echo "provider $!"; echo ready; wait`)
	ctx := context.Background()
	inv, err := ws.Start(ctx, Apply(1), RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := inv.WaitForOutput(ctx, regexp.MustCompile(`^ready$`), 1); err != nil {
		t.Fatal(err)
	}
	line, err := inv.WaitForOutput(ctx, regexp.MustCompile(`^provider \d+$`), 1)
	if err != nil {
		t.Fatal(err)
	}
	providerPID, _ := strconv.Atoi(strings.TrimPrefix(line, "provider "))
	if err := inv.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	res, err := inv.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if res.ExitCode != 3 || !strings.Contains(res.Stdout, "interrupted") {
		t.Fatalf("exit %d, stdout %q; want the INT trap's exit 3", res.ExitCode, res.Stdout)
	}
	assertGone(t, providerPID)
}

func TestSIGKILLLeavesNoOrphanedProvider(t *testing.T) {
	ws := fakeCLI(t, `"$FAKE_PROVIDER" 60 & echo "provider $!"; wait`)
	ctx := context.Background()
	inv, err := ws.Start(ctx, Apply(1), RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	line, err := inv.WaitForOutput(ctx, regexp.MustCompile(`^provider \d+$`), 1)
	if err != nil {
		t.Fatal(err)
	}
	providerPID, _ := strconv.Atoi(strings.TrimPrefix(line, "provider "))
	// The provider is visible to SignalProviders once it has exec'd.
	var pids []int
	for i := 0; i < 100 && len(pids) == 0; i++ {
		pids, _ = inv.SignalProviders(0) // signal 0: existence check only
		time.Sleep(10 * time.Millisecond)
	}
	if len(pids) != 1 || pids[0] != providerPID {
		t.Fatalf("SignalProviders found %v, want [%d]", pids, providerPID)
	}
	if err := inv.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	res, err := inv.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if res.ExitCode != -1 {
		t.Fatalf("exit = %d, want -1 (killed)", res.ExitCode)
	}
	assertGone(t, providerPID)
}

func TestWaitForOutputEnds(t *testing.T) {
	ws := fakeCLI(t, `echo one`)
	inv, err := ws.Start(context.Background(), Plan(0), RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := inv.WaitForOutput(context.Background(), regexp.MustCompile(`two`), 1); !errors.Is(err, ErrOutputEnded) {
		t.Fatalf("WaitForOutput = %v, want ErrOutputEnded", err)
	}
	if _, err := inv.Wait(); err != nil {
		t.Fatal(err)
	}
}

// assertGone checks that pid was killed: it no longer exists or is a zombie awaiting its reaper.
func assertGone(t *testing.T, pid int) {
	t.Helper()
	for i := 0; i < 200; i++ {
		data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if err != nil {
			return
		}
		if i := strings.LastIndexByte(string(data), ')'); i > 0 && strings.HasPrefix(string(data[i+1:]), " Z") {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("process %d still runs after the step ended", pid)
}

func TestEmulatorIntrospection(t *testing.T) {
	srv, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	e := &Emulator{URL: hs.URL}
	ctx := context.Background()
	// One API request (without a signature: answered with an error, but counted).
	resp, err := http.Post(hs.URL+"/v4/live_engine_http_srv/get_room_info", "application/json", strings.NewReader(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	st, err := e.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Total != 1 || st.Commands["get_room_info"] != 1 {
		t.Fatalf("stats = %+v; want the one get_room_info", st)
	}
	if err := e.ResetStats(ctx); err != nil {
		t.Fatal(err)
	}
	if st, err = e.Stats(ctx); err != nil || st.Total != 0 {
		t.Fatalf("stats after reset = %+v, %v", st, err)
	}
	rooms, err := e.Rooms(ctx)
	if err != nil || len(rooms) != 0 {
		t.Fatalf("rooms = %v, %v; want none", rooms, err)
	}
}

func TestStartEmulatorReadsTheEnvironmentItPrints(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "emu.sh")
	// Prints what -env prints, closes stdout, records its flags, and serves nothing until stopped.
	script := "#!/bin/sh\necho \"$*\" > " + filepath.Join(dir, "args") +
		"\nprintf 'export TENCENTLIVE_ENDPOINT=http://127.0.0.1:1\\nexport TENCENTLIVE_SECRET_KEY='\\''k 1'\\''\\nexport TENCENTLIVE_EMULATOR_PID=1\\n'" +
		"\nexec sleep 60 >/dev/null\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	e, err := StartEmulator(context.Background(), fake, EmulatorOptions{Latency: 20 * time.Millisecond, QPS: emulator.DocumentedQPS, Faults: 0.1, Args: []string{"-legacy-forms"}})
	if err != nil {
		t.Fatal(err)
	}
	e.Stop()
	if e.URL != "http://127.0.0.1:1" {
		t.Fatalf("URL = %q", e.URL)
	}
	args, err := os.ReadFile(filepath.Join(dir, "args"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "-listen 127.0.0.1:0 -qps -1 -latency 20ms -faults 0.1 -legacy-forms -env\n"; string(args) != want {
		t.Fatalf("emulator flags = %q, want %q", args, want)
	}
	// The zero options mean what emulator.Options{} means: no rate limits, not the command's default.
	if got, want := strings.Join(EmulatorOptions{}.args(), " "), "-listen 127.0.0.1:0 -qps 0"; got != want {
		t.Fatalf("flags of the zero options = %q, want %q", got, want)
	}
	if got, want := e.ProviderEnv(), []string{"TENCENTLIVE_ENDPOINT=http://127.0.0.1:1", "TENCENTLIVE_SECRET_KEY=k 1"}; !slices.Equal(got, want) {
		t.Fatalf("ProviderEnv = %q, want %q", got, want)
	}

	bad := filepath.Join(dir, "bad.sh")
	if err := os.WriteFile(bad, []byte("#!/bin/sh\necho hello\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := StartEmulator(context.Background(), bad, EmulatorOptions{}); err == nil || !strings.Contains(err.Error(), "the environment it printed") {
		t.Fatalf("StartEmulator with no environment on stdout = %v", err)
	}
}
