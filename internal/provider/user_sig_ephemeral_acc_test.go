package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/tencentyun/tls-sig-api-v2-golang/tencentyun"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// Ephemeral values never reach state, so the tests hand them to terraform-plugin-testing's echo
// provider, whose echo resource stores its provider's data: the only way a test can look at
// them. The sig is then checked the way the service checks it.

// sigProviders serves tencentlive and the echo provider.
var sigProviders = map[string]func() (tfprotov6.ProviderServer, error){
	TypeName: testProviders[TypeName],
	"echo":   echoprovider.NewProviderServer(),
}

// ephemeralSupport skips below Terraform 1.10, the first release with ephemeral resources.
var ephemeralSupport = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)}

// echoSigs echoes the named ephemeral tencentlive_user_sig blocks into echo.sigs.data.
func echoSigs(names ...string) string {
	items := make([]string, len(names))
	for i, n := range names {
		items[i] = fmt.Sprintf("%s = ephemeral.tencentlive_user_sig.%s", n, n)
	}
	return fmt.Sprintf("\nprovider \"echo\" {\n  data = { %s }\n}\n\nresource \"echo\" \"sigs\" {}\n", strings.Join(items, ", "))
}

// appCredentials are what the service verifies sigs with: the emulator's, or the environment's
// against the real service.
func (e *accEnv) appCredentials(t *testing.T) (uint64, string) {
	if e.Emu != nil {
		return emulator.DefaultSDKAppID, emulator.DefaultSecretKey
	}
	id, err := strconv.ParseUint(os.Getenv(tfkit.EnvSDKAppID), 10, 64)
	if err != nil {
		t.Fatalf("%s: %v", tfkit.EnvSDKAppID, err)
	}
	return id, os.Getenv(tfkit.EnvSecretKey)
}

// sigCheck asserts that echo.sigs.data.<name> holds a sig for userID that the official library
// verifies with the application's key, that is refused for anyone else, and whose expires_at is
// lifetime after signing and agrees with the sig itself. With the emulator, it also sends the sig
// to the API as the service would receive it, and expects wantCode: 0 for the App Admin,
// 60010 ("not an App Admin", answered only after the sig passed every check) for other users.
type sigCheck struct {
	e        *accEnv
	appID    uint64
	key      string
	name     string
	userID   string
	lifetime time.Duration
	start    time.Time
	wantCode livespec.Code
}

func (c sigCheck) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = c.check(req)
}

func (c sigCheck) check(req statecheck.CheckStateRequest) error {
	if req.State == nil || req.State.Values == nil || req.State.Values.RootModule == nil {
		return errors.New("no state")
	}
	var data map[string]any
	for _, r := range req.State.Values.RootModule.Resources {
		if r.Address == "echo.sigs" {
			data, _ = r.AttributeValues["data"].(map[string]any)
		}
	}
	got, _ := data[c.name].(map[string]any)
	sig, _ := got["user_sig"].(string)
	expiresAt, err := time.Parse(time.RFC3339, fmt.Sprint(got["expires_at"]))
	if err != nil {
		return fmt.Errorf("%s: expires_at %v is not RFC 3339: %w", c.name, got["expires_at"], err)
	}
	if sig == "" {
		return fmt.Errorf("%s: echo.sigs holds no user_sig", c.name)
	}
	if got["user_id"] != c.userID {
		return fmt.Errorf("%s: user_id %v", c.name, got["user_id"])
	}
	if lo, hi := c.start.Add(c.lifetime).Add(-time.Second), time.Now().Add(c.lifetime); expiresAt.Before(lo) || expiresAt.After(hi) {
		return fmt.Errorf("%s: expires_at %s, want between %s and %s", c.name, expiresAt, lo, hi)
	}
	if err := tencentyun.VerifyUserSig(c.appID, c.key, c.userID, sig, time.Now()); err != nil {
		return fmt.Errorf("%s: the official library refuses the sig: %w", c.name, err)
	}
	if err := tencentyun.VerifyUserSig(c.appID, c.key, c.userID, sig, expiresAt.Add(-time.Second)); err != nil {
		return fmt.Errorf("%s: the sig runs out before expires_at: %w", c.name, err)
	}
	if tencentyun.VerifyUserSig(c.appID, c.key, c.userID, sig, expiresAt.Add(2*time.Second)) == nil {
		return fmt.Errorf("%s: the sig outlives expires_at by more than a second", c.name)
	}
	if tencentyun.VerifyUserSig(c.appID, c.key, c.userID+"x", sig, time.Now()) == nil {
		return fmt.Errorf("%s: the sig is accepted for another user", c.name)
	}
	if c.e.Emu == nil {
		return nil
	}
	code, err := c.e.callWithSig(c.userID, sig)
	if err != nil {
		return fmt.Errorf("%s: calling the emulator with the sig: %w", c.name, err)
	}
	if code != c.wantCode {
		return fmt.Errorf("%s: the emulator answered %d, want %d", c.name, code, c.wantCode)
	}
	return nil
}

// callWithSig sends get_room_list as identifier with the given sig and returns the ErrorCode.
func (e *accEnv) callWithSig(identifier, sig string) (livespec.Code, error) {
	q := url.Values{"sdkappid": {strconv.FormatUint(emulator.DefaultSDKAppID, 10)}, "identifier": {identifier},
		"usersig": {sig}, "random": {"7"}, "contenttype": {"json"}}
	resp, err := http.Post(e.URL+"/v4/"+livespec.ServiceLive+"/get_room_list?"+q.Encode(), "application/json", strings.NewReader("{}"))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var env struct{ ErrorCode livespec.Code }
	err = json.NewDecoder(resp.Body).Decode(&env)
	return env.ErrorCode, err
}

func TestAccUserSigEphemeral_signsSigsTheServiceAccepts(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	appID, key := e.appCredentials(t)
	start := time.Now()
	check := func(name, userID string, lifetime time.Duration, want livespec.Code) statecheck.StateCheck {
		return sigCheck{e: e, appID: appID, key: key, name: name, userID: userID, lifetime: lifetime, start: start, wantCode: want}
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   ephemeralSupport,
		ProtoV6ProviderFactories: sigProviders,
		Steps: []resource.TestStep{{
			Config: e.Provider() + fmt.Sprintf(`
ephemeral "tencentlive_user_sig" "admin" {
  user_id = %q
  expire  = "2h30m"
}

ephemeral "tencentlive_user_sig" "robot" {
  user_id = "obs-robot"
}
`, e.Identifier) + echoSigs("admin", "robot"),
			ConfigStateChecks: []statecheck.StateCheck{
				check("admin", e.Identifier, 150*time.Minute, 0),
				check("robot", "obs-robot", 24*time.Hour, livespec.CodeNeedsAdmin), // the default lifetime
			},
		}},
	})
}

// Terraform refuses to store the sig in a resource's state: the attribute is ephemeral.
func TestAccUserSigEphemeral_neverInState(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	robot := acctest.AccountUserID("robot")
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   ephemeralSupport,
		ProtoV6ProviderFactories: sigProviders,
		Steps: []resource.TestStep{{
			Config: e.Provider() + fmt.Sprintf(`
ephemeral "tencentlive_user_sig" "robot" {
  user_id = %[1]q
}

resource "tencentlive_account" "leak" {
  user_id = %[1]q
  nick    = ephemeral.tencentlive_user_sig.robot.user_sig
}
`, robot),
			ExpectError: acctest.Diagnostic("(?re)(?i)ephemeral value"),
		}},
	})
	if e.Emu != nil && e.Emu.Stats().Commands["account_import"] != 0 {
		t.Fatal("the account was imported with the sig as its nick")
	}
}

func TestAccUserSigEphemeral_validation(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	step := func(userID, expire string, want ...string) resource.TestStep {
		return resource.TestStep{
			Config: e.Provider() + fmt.Sprintf(`
ephemeral "tencentlive_user_sig" "bad" {
  user_id = %q
  expire  = %q
}
`, userID, expire) + echoSigs("bad"),
			ExpectError: acctest.Diagnostic(want...),
		}
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   ephemeralSupport,
		ProtoV6ProviderFactories: sigProviders,
		Steps: []resource.TestStep{
			step("robot", "4321h", "Invalid expire", "expire is 4321h; a UserSig is valid for at least 1s and at most 4320h (180 days)."),
			step("robot", "30d", "Invalid expire", `expire "30d" is not a duration such as 24h or 720h`),
			step("robot", "0s", "Invalid expire", "at least 1s and at most 4320h"),
			step(strings.Repeat("u", 33), "1h", "user_id is 33 bytes; the vendor allows at most 32 bytes (it would answer 70402)."),
		},
	})
}
