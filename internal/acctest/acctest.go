// Package acctest is the acceptance tests' environment: an emulator of each test's own (or the
// real service), the provider block that reaches it, checks of what the service holds, and
// matchers for Terraform's diagnostics. It names every object a test creates with the
// sweepers' prefix (names.go, guard.go), skips what a real account must not run
// (precheck.go), and runs the sweepers for `go test -sweep` (sweepers.go). Imported by the
// *_acc_test.go files of the provider, room and account packages; it imports none of them
// (each test package serves its provider with Providers).
package acctest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/emutest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Main runs a package's tests, or its sweepers when `go test` is given -sweep=REGION (see
// sweepers.go). It gives the Terraform CLI a readable configuration file: a TF_CLI_CONFIG_FILE
// naming a missing file makes every command warn, and the warning ends up in test output.
func Main(m *testing.M) {
	cleanup := func() {}
	if p := os.Getenv("TF_CLI_CONFIG_FILE"); p != "" {
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			if f, err := os.CreateTemp("", "terraformrc-*"); err == nil {
				f.Close()
				os.Setenv("TF_CLI_CONFIG_FILE", f.Name())
				cleanup = func() { os.Remove(f.Name()) }
			}
		}
	}
	addSweepers()
	resource.TestMain(runThenClean{m, cleanup})
	cleanup() // after a sweep, which returns here when every sweeper succeeded
}

// runThenClean runs the tests, then cleans up before resource.TestMain exits.
type runThenClean struct {
	m       *testing.M
	cleanup func()
}

func (r runThenClean) Run() int {
	defer r.cleanup()
	return r.m.Run()
}

// Providers serves p in-process to the Terraform CLI as the tencentlive provider.
func Providers(p func() provider.Provider) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){"tencentlive": providerserver.NewProtocol6WithError(p())}
}

// RealService reports whether acceptance tests run against the real service: credentials in the
// environment and no endpoint override.
func RealService() bool {
	return os.Getenv(tfkit.EnvSDKAppID) != "" && os.Getenv(tfkit.EnvSecretKey) != "" && os.Getenv(tfkit.EnvEndpoint) == ""
}

// Env is where one acceptance test runs: an emulator of its own on a random loopback port, or
// the real service, plus a wire client for acting behind Terraform's back.
type Env struct {
	Emu        *emulator.Server // nil against the real service
	URL        string
	Client     *wire.Client
	Identifier string

	guard *prefixGuard // nil against the real service
}

// NewEnv starts an emulator with opts (ignored against the real service), its HTTP handler
// wrapped in wraps (a test that needs them needs the emulator). Tests are gated by TF_ACC like
// resource.Test, so no emulator starts in a plain `go test`.
func NewEnv(t *testing.T, opts emulator.Options, wraps ...func(http.Handler) http.Handler) *Env {
	t.Helper()
	if os.Getenv(resource.EnvTfAcc) == "" {
		t.Skipf("acceptance tests run with %s=1", resource.EnvTfAcc)
	}
	if set := optionsSet(opts); set != "" {
		PreCheckEmulator(t, "emulator.Options "+set)
	}
	if len(wraps) > 0 {
		PreCheckEmulator(t, "the emulator's handler wrapped")
	}
	if RealService() {
		c, identifier, err := serviceClient(os.Getenv)
		if err != nil {
			t.Fatalf("provider environment: %v", err)
		}
		return &Env{Client: c, Identifier: identifier}
	}
	guard := newPrefixGuard(opts)
	t.Cleanup(func() {
		if err := guard.err(); err != nil {
			t.Error(err)
		}
	})
	emu, url := emutest.Serve(t, opts, append([]func(http.Handler) http.Handler{guard.wrap}, wraps...)...)
	return &Env{Emu: emu, URL: url, Client: emutest.RetryingClient(t, url, 0), Identifier: emulator.DefaultAdmin, guard: guard}
}

// optionsSet names the fields of opts that are set ("" for none): a test that sets any needs
// the emulator.
func optionsSet(opts emulator.Options) string {
	v := reflect.ValueOf(opts)
	var set []string
	for i := range v.NumField() {
		if !v.Field(i).IsZero() {
			set = append(set, v.Type().Field(i).Name)
		}
	}
	return strings.Join(set, ", ")
}

// serviceClient is a client of the real service from the TENCENTLIVE_* environment, as the
// Provider resolves it when the block is empty: the region's host, the default identifier.
func serviceClient(getenv func(string) string) (*wire.Client, string, error) {
	sdkAppID, err := strconv.ParseUint(getenv(tfkit.EnvSDKAppID), 10, 64)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", tfkit.EnvSDKAppID, err)
	}
	host, ok := livespec.RegionHosts[getenv(tfkit.EnvRegion)]
	if !ok {
		return nil, "", fmt.Errorf("%s must be one of %s", tfkit.EnvRegion, strings.Join(livespec.RegionNames(), ", "))
	}
	identifier := getenv(tfkit.EnvIdentifier)
	if identifier == "" {
		identifier = livespec.DefaultIdentifier
	}
	c, err := wire.New(wire.Config{SDKAppID: sdkAppID, SecretKey: getenv(tfkit.EnvSecretKey), Identifier: identifier,
		BaseURL: "https://" + host, MaxRetries: wire.RetryUntilDeadline})
	return c, identifier, err
}

// RequireEmulator is PreCheckEmulator for a test that already has its Env (which sends nothing).
func (e *Env) RequireEmulator(t *testing.T, why string) {
	t.Helper()
	PreCheckEmulator(t, why)
}

// Provider returns the provider block: the emulator's endpoint and credentials, or nothing
// (the TENCENTLIVE_* environment) against the real service.
func (e *Env) Provider() string {
	if e.Emu == nil {
		return `provider "tencentlive" {}` + "\n"
	}
	return fmt.Sprintf(`
provider "tencentlive" {
  endpoint   = %q
  sdk_app_id = %d
  secret_key = %q
}
`, e.URL, emulator.DefaultSDKAppID, emulator.DefaultSecretKey)
}

// HCL quotes s as an HCL string.
func HCL(s string) string { return fmt.Sprintf("%q", s) }

// Exactly matches text as Terraform prints it: the words in order, wrapped anywhere.
func Exactly(text string) *regexp.Regexp {
	words := strings.Fields(text)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(strings.Join(words, `[\s│]+`))
}

// Diagnostic matches a diagnostic by pieces of its exact text, in order, with anything (the
// "with …, on … line …" context) between them. A piece starting with "(?re)" is a raw regexp.
func Diagnostic(pieces ...string) *regexp.Regexp {
	parts := make([]string, len(pieces))
	for i, p := range pieces {
		if raw, ok := strings.CutPrefix(p, "(?re)"); ok {
			parts[i] = raw
		} else {
			parts[i] = Exactly(p).String()
		}
	}
	return regexp.MustCompile(strings.Join(parts, `[\s\S]*?`))
}

// RequestID matches the RequestId line of a vendor error.
const RequestID = `(?re)RequestId: Id-[0-9a-f]{32}-O-Seq-\d+`

// Remote fetches a room behind Terraform's back.
func (e *Env) Remote(roomID string) (wire.RoomInfo, error) {
	return e.Client.GetRoomInfo(context.Background(), roomID)
}

// CheckRemote runs check on the room as the API reports it.
func (e *Env) CheckRemote(roomID string, check func(wire.RoomInfo) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		info, err := e.Remote(roomID)
		if err != nil {
			return fmt.Errorf("get_room_info %s: %w", roomID, err)
		}
		return check(info)
	}
}

// CheckGone passes when the room no longer exists.
func (e *Env) CheckGone(roomID string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		_, err := e.Remote(roomID)
		switch {
		case err == nil:
			return fmt.Errorf("room %s still exists", roomID)
		case wire.CodeOf(err) != livespec.CodeRoomNotFound:
			return fmt.Errorf("room %s: want 100004, got %w", roomID, err)
		}
		return nil
	}
}

// CheckDestroyed is CheckDestroy: every room the state held is gone.
func (e *Env) CheckDestroyed(s *terraform.State) error {
	for _, rs := range s.RootModule().Resources {
		if rs.Type != "tencentlive_room" {
			continue
		}
		if err := e.CheckGone(rs.Primary.Attributes["room_id"])(s); err != nil {
			return err
		}
	}
	return nil
}

// DestroyBehindTerraform dismisses a room directly, as the platform's auto-destroy would.
func (e *Env) DestroyBehindTerraform(roomID string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		return e.Client.DestroyRoom(context.Background(), roomID)
	}
}

// MustCreate creates a room behind Terraform's back, importing its owner first.
func (e *Env) MustCreate(t *testing.T, info wire.RoomInfo, notice string) {
	t.Helper()
	ctx := context.Background()
	if info.OwnerAccount != nil {
		if err := e.Client.ImportAccount(ctx, wire.Account{UserID: *info.OwnerAccount}); err != nil {
			t.Fatalf("account_import: %v", err)
		}
	}
	if err := e.Client.CreateRoom(ctx, info); err != nil {
		t.Fatalf("create_room %s: %v", info.RoomID, err)
	}
	if notice != "" {
		if err := e.Client.UpdateRoomInfo(ctx, wire.RoomInfo{RoomID: info.RoomID, Notice: &notice}); err != nil {
			t.Fatalf("update_room_info %s: %v", info.RoomID, err)
		}
	}
	t.Cleanup(func() { _ = e.Client.DestroyRoom(context.Background(), info.RoomID) })
}

// MustImportAccount imports an account behind Terraform's back.
func (e *Env) MustImportAccount(t *testing.T, userID string) {
	t.Helper()
	if err := e.Client.ImportAccount(context.Background(), wire.Account{UserID: userID}); err != nil {
		t.Fatalf("account_import %s: %v", userID, err)
	}
}

// Answered returns how many envelopes the emulator sent with code.
func (e *Env) Answered(code livespec.Code) int64 {
	return e.Emu.Stats().ErrorCodes[int(code)]
}

// StateIs is a state check on one attribute of a resource.
func StateIs(address, name string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(address, tfjsonpath.New(name), want)
}

// DefaultsChecks asserts every optional attribute of an unconfigured room is at its vendor
// default.
func DefaultsChecks(address, roomID, owner string) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		StateIs(address, "id", knownvalue.StringExact(roomID)),
		StateIs(address, "room_id", knownvalue.StringExact(roomID)),
		StateIs(address, "room_name", knownvalue.StringExact(roomID)),
		StateIs(address, "owner_account", knownvalue.StringExact(owner)),
		StateIs(address, "take_seat_mode", knownvalue.StringExact("FreeToTake")),
		StateIs(address, "is_public_visible", knownvalue.Bool(true)),
		StateIs(address, "is_message_disabled", knownvalue.Bool(false)),
		StateIs(address, "cover_url", knownvalue.StringExact("")),
		StateIs(address, "category", knownvalue.ListSizeExact(0)),
		StateIs(address, "activity_status", knownvalue.Int64Exact(0)),
		StateIs(address, "notice", knownvalue.StringExact("")),
		StateIs(address, "create_time", knownvalue.NotNull()),
		StateIs(address, "max_member_count", knownvalue.NotNull()),
	}
}

// WithProviderSettings adds attribute lines to the provider block of config.
func WithProviderSettings(config string, lines ...string) string {
	return strings.Replace(config, `provider "tencentlive" {`, "provider \"tencentlive\" {\n  "+strings.Join(lines, "\n  "), 1)
}

// Behind runs f behind Terraform's back, failing the test on an error.
func Behind(t *testing.T, f func(ctx context.Context) error) func() {
	return func() {
		t.Helper()
		if err := f(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

// RoomConfig is one tencentlive_room "test" with the given attribute lines.
func (e *Env) RoomConfig(lines ...string) string {
	return e.Provider() + "\nresource \"tencentlive_room\" \"test\" {\n  " + strings.Join(lines, "\n  ") + "\n}\n"
}
