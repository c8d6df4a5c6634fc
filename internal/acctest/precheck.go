package acctest

import (
	"os"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// EnvAccGifts opts a real-account run into the tests that add, reprice and delete gifts and
// gift categories: the app-wide gift panel its viewers see.
const EnvAccGifts = "TENCENTLIVE_ACC_GIFTS"

// PreCheckEmulator skips a test that needs the emulator (fault injection, introspection, its
// clock, its switches) when the acceptance tests run against the real service. Call it before
// anything that sends a request; why says what the test needs.
func PreCheckEmulator(t testing.TB, why string) {
	t.Helper()
	if RealService() {
		t.Skipf("needs the emulator (%s); credentials are set and %s is not, so this run is against the real service", why, tfkit.EnvEndpoint)
	}
}

// PreCheckGifts skips a test that changes the application's gift catalogue against the real
// service unless TENCENTLIVE_ACC_GIFTS=1 opts in. Call it first, before any request.
func PreCheckGifts(t testing.TB) {
	t.Helper()
	if RealService() && os.Getenv(EnvAccGifts) != "1" {
		t.Skipf("changes the application's live gift panel; set %s=1 to run it against the real service", EnvAccGifts)
	}
}
