package acctest

import (
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// skipRecorder stands in for a test's testing.TB: it records a Skipf instead of ending the
// test, so the check is asserted here without this test itself showing as skipped (CI fails a
// test that is skipped under every CLI).
type skipRecorder struct {
	testing.TB
	skipped bool
}

func (r *skipRecorder) Helper()              {}
func (r *skipRecorder) Skipf(string, ...any) { r.skipped = true }

// skips reports whether check skips a test in the environment env.
func skips(t *testing.T, env map[string]string, check func(testing.TB)) bool {
	t.Helper()
	for _, k := range []string{tfkit.EnvSDKAppID, tfkit.EnvSecretKey, tfkit.EnvEndpoint, EnvAccGifts} {
		t.Setenv(k, env[k])
	}
	r := &skipRecorder{TB: t}
	check(r)
	return r.skipped
}

func TestPreChecksSkipOnlyRealRunsThatMust(t *testing.T) {
	creds := map[string]string{tfkit.EnvSDKAppID: "1400000001", tfkit.EnvSecretKey: "k"}
	with := func(k, v string) map[string]string {
		m := map[string]string{k: v}
		for a, b := range creds {
			m[a] = b
		}
		return m
	}
	emulatorOnly := func(t testing.TB) { PreCheckEmulator(t, "a switch") }
	for _, tc := range []struct {
		name  string
		env   map[string]string
		check func(testing.TB)
		skip  bool
	}{
		{"emulator test, real service", creds, emulatorOnly, true},
		{"emulator test, endpoint set", with(tfkit.EnvEndpoint, "http://127.0.0.1:1"), emulatorOnly, false},
		{"emulator test, no credentials", nil, emulatorOnly, false},
		{"gift test, real service", creds, PreCheckGifts, true},
		{"gift test, real service, opted in", with(EnvAccGifts, "1"), PreCheckGifts, false},
		{"gift test, real service, opt-in not 1", with(EnvAccGifts, "true"), PreCheckGifts, true},
		{"gift test, endpoint set", with(tfkit.EnvEndpoint, "http://127.0.0.1:1"), PreCheckGifts, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := skips(t, tc.env, tc.check); got != tc.skip {
				t.Errorf("skipped = %v, want %v", got, tc.skip)
			}
		})
	}
}
