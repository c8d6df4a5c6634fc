package serve

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestQuietUnlessAsked(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want map[string]string
	}{
		{"no logging asked: all off", map[string]string{},
			map[string]string{"TF_LOG_SDK": "off", "TF_LOG_SDK_PROTO": "off", "TF_LOG_SDK_FRAMEWORK": "off", "TF_LOG_PROVIDER": "off"}},
		{"TF_LOG set: untouched", map[string]string{"TF_LOG": "TRACE"},
			map[string]string{"TF_LOG": "TRACE"}},
		{"TF_LOG_PROVIDER set: untouched", map[string]string{"TF_LOG_PROVIDER": "DEBUG"},
			map[string]string{"TF_LOG_PROVIDER": "DEBUG"}},
		{"a user's SDK switch is kept", map[string]string{"TF_LOG_SDK_PROTO": "INFO"},
			map[string]string{"TF_LOG_SDK": "off", "TF_LOG_SDK_PROTO": "INFO", "TF_LOG_SDK_FRAMEWORK": "off", "TF_LOG_PROVIDER": "off"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{}
			for k, v := range tc.env {
				env[k] = v
			}
			quietUnlessAsked(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
			if len(env) != len(tc.want) {
				t.Fatalf("env = %v, want %v", env, tc.want)
			}
			for k, v := range tc.want {
				if env[k] != v {
					t.Errorf("%s = %q, want %q", k, env[k], v)
				}
			}
		})
	}
}

func TestTuneGC(t *testing.T) {
	restore := func() { debug.SetGCPercent(100); debug.SetMemoryLimit(math.MaxInt64) }
	t.Cleanup(restore)

	restore()
	tuneGC(func(string) string { return "" })
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Errorf("GOGC unset: GC percent %d, want %d", got, gcPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != memoryLimit {
		t.Errorf("GOMEMLIMIT unset: memory limit %d, want %d", got, memoryLimit)
	}

	restore()
	tuneGC(func(k string) string { return map[string]string{"GOGC": "50", "GOMEMLIMIT": "1GiB"}[k] })
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC set by the user: GC percent changed to %d", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("GOMEMLIMIT set by the user: memory limit changed to %d", got)
	}
}
