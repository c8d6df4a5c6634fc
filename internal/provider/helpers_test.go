// Test helpers shared by the package's tests: the acceptance environment (emulator, provider
// block, checks of the emulator's state), clients for unit tests, and small value helpers.

package provider

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// TestMain gives the Terraform CLI a readable configuration file: a TF_CLI_CONFIG_FILE naming a
// missing file makes every command warn, and the warning ends up in test output.
func TestMain(m *testing.M) {
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
	code := m.Run()
	cleanup()
	os.Exit(code)
}

// testProviders serves the provider in-process to the Terraform CLI.
var testProviders = map[string]func() (tfprotov6.ProviderServer, error){
	TypeName: providerserver.NewProtocol6WithError(New("test")()),
}

// realService reports whether acceptance tests run against the real service: credentials in the
// environment and no endpoint override.
func realService() bool {
	return os.Getenv(EnvSDKAppID) != "" && os.Getenv(EnvSecretKey) != "" && os.Getenv(EnvEndpoint) == ""
}

// accEnv is where one acceptance test runs: an emulator of its own on a random loopback port, or
// the real service, plus a wire client for acting behind Terraform's back.
type accEnv struct {
	emu        *emulator.Server // nil against the real service
	url        string
	client     *wire.Client
	identifier string
}

// newAccEnv starts an emulator with opts (ignored against the real service). Tests are
// gated by TF_ACC like resource.Test, so no emulator starts in a plain `go test`.
func newAccEnv(t *testing.T, opts emulator.Options) *accEnv {
	t.Helper()
	if os.Getenv(resource.EnvTfAcc) == "" {
		t.Skipf("acceptance tests run with %s=1", resource.EnvTfAcc)
	}
	if realService() {
		m := nullModel()
		cfg, _, diags := resolveConfig(m, os.Getenv)
		if diags.HasError() {
			t.Fatalf("provider environment: %v", diags)
		}
		c, err := wire.New(wire.Config{SDKAppID: cfg.SDKAppID, SecretKey: cfg.SecretKey, Identifier: cfg.Identifier, BaseURL: cfg.BaseURL, MaxRetries: wire.RetryUntilDeadline})
		if err != nil {
			t.Fatal(err)
		}
		return &accEnv{client: c, identifier: cfg.Identifier}
	}
	emu, url := serveEmulator(t, opts)
	return &accEnv{emu: emu, url: url, client: emulatorClient(t, url, 0), identifier: emulator.DefaultAdmin}
}

// serveEmulator serves a new in-process emulator with opts until the test ends, and returns it
// with its URL.
func serveEmulator(t *testing.T, opts emulator.Options) (*emulator.Server, string) {
	t.Helper()
	emu, err := emulator.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	return emu, srv.URL
}

// emulatorClient is a client of the emulator at url with the development credentials that, like
// the provider's, retries until its context's deadline; requestsPerSecond 0 means the
// documented rates.
func emulatorClient(t *testing.T, url string, requestsPerSecond float64) *wire.Client {
	t.Helper()
	c, err := wire.New(wire.Config{SDKAppID: emulator.DefaultSDKAppID, SecretKey: emulator.DefaultSecretKey,
		Identifier: emulator.DefaultAdmin, BaseURL: url, MaxRetries: wire.RetryUntilDeadline, RequestsPerSecond: requestsPerSecond})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// requireEmulator skips a test that needs an emulator switch the real service does not have.
func (e *accEnv) requireEmulator(t *testing.T, why string) {
	t.Helper()
	if e.emu == nil {
		t.Skipf("needs the emulator (%s); running against the real service", why)
	}
}

// provider returns the provider block: the emulator's endpoint and credentials, or nothing
// (the TENCENTLIVE_* environment) against the real service.
func (e *accEnv) provider() string {
	if e.emu == nil {
		return `provider "tencentlive" {}` + "\n"
	}
	return fmt.Sprintf(`
provider "tencentlive" {
  endpoint   = %q
  sdk_app_id = %d
  secret_key = %q
}
`, e.url, emulator.DefaultSDKAppID, emulator.DefaultSecretKey)
}

// roomID returns a fresh room ID, unique across runs against a shared real application.
func roomID(prefix string) string { return acctest.RandomWithPrefix("tf-acc-" + prefix) }

// hcl quotes s as an HCL string.
func hcl(s string) string { return fmt.Sprintf("%q", s) }

// exactly matches text as Terraform prints it: the words in order, wrapped anywhere.
func exactly(text string) *regexp.Regexp {
	words := strings.Fields(text)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(strings.Join(words, `[\s│]+`))
}

// diagnostic matches a diagnostic by pieces of its exact text, in order, with anything (the
// "with …, on … line …" context) between them. A piece starting with "(?re)" is a raw regexp.
func diagnostic(pieces ...string) *regexp.Regexp {
	parts := make([]string, len(pieces))
	for i, p := range pieces {
		if raw, ok := strings.CutPrefix(p, "(?re)"); ok {
			parts[i] = raw
		} else {
			parts[i] = exactly(p).String()
		}
	}
	return regexp.MustCompile(strings.Join(parts, `[\s\S]*?`))
}

// requestID matches the RequestId line of a vendor error.
const requestID = `(?re)RequestId: Id-[0-9a-f]{32}-O-Seq-\d+`

// remote fetches a room behind Terraform's back.
func (e *accEnv) remote(roomID string) (wire.RoomInfo, error) {
	return e.client.GetRoomInfo(context.Background(), roomID)
}

// checkRemote runs check on the room as the API reports it.
func (e *accEnv) checkRemote(roomID string, check func(wire.RoomInfo) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		info, err := e.remote(roomID)
		if err != nil {
			return fmt.Errorf("get_room_info %s: %w", roomID, err)
		}
		return check(info)
	}
}

// checkGone passes when the room no longer exists.
func (e *accEnv) checkGone(roomID string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		_, err := e.remote(roomID)
		switch {
		case err == nil:
			return fmt.Errorf("room %s still exists", roomID)
		case wire.CodeOf(err) != livespec.CodeRoomNotFound:
			return fmt.Errorf("room %s: want 100004, got %w", roomID, err)
		}
		return nil
	}
}

// checkDestroyed is CheckDestroy: every room the state held is gone.
func (e *accEnv) checkDestroyed(s *terraform.State) error {
	for _, rs := range s.RootModule().Resources {
		if rs.Type != "tencentlive_room" {
			continue
		}
		if err := e.checkGone(rs.Primary.Attributes["room_id"])(s); err != nil {
			return err
		}
	}
	return nil
}

// destroyBehindTerraform dismisses a room directly, as the platform's auto-destroy would.
func (e *accEnv) destroyBehindTerraform(roomID string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		return e.client.DestroyRoom(context.Background(), roomID)
	}
}

// mustCreate creates a room behind Terraform's back, importing its owner first.
func (e *accEnv) mustCreate(t *testing.T, info wire.RoomInfo, notice string) {
	t.Helper()
	ctx := context.Background()
	if info.OwnerAccount != nil {
		if err := e.client.ImportAccount(ctx, wire.Account{UserID: *info.OwnerAccount}); err != nil {
			t.Fatalf("account_import: %v", err)
		}
	}
	if err := e.client.CreateRoom(ctx, info); err != nil {
		t.Fatalf("create_room %s: %v", info.RoomID, err)
	}
	if notice != "" {
		if err := e.client.UpdateRoomInfo(ctx, wire.RoomInfo{RoomID: info.RoomID, Notice: &notice}); err != nil {
			t.Fatalf("update_room_info %s: %v", info.RoomID, err)
		}
	}
	t.Cleanup(func() { _ = e.client.DestroyRoom(context.Background(), info.RoomID) })
}

// mustImportAccount imports an account behind Terraform's back.
func (e *accEnv) mustImportAccount(t *testing.T, userID string) {
	t.Helper()
	if err := e.client.ImportAccount(context.Background(), wire.Account{UserID: userID}); err != nil {
		t.Fatalf("account_import %s: %v", userID, err)
	}
}

// answered returns how many envelopes the emulator sent with code.
func (e *accEnv) answered(code livespec.Code) int64 {
	return e.emu.Stats().ErrorCodes[int(code)]
}

// stateIs is a state check on one attribute of a resource.
func stateIs(address, name string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(address, tfjsonpath.New(name), want)
}

// defaultsChecks asserts every optional attribute of an unconfigured room is at its vendor
// default.
func defaultsChecks(address, roomID, owner string) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		stateIs(address, "id", knownvalue.StringExact(roomID)),
		stateIs(address, "room_id", knownvalue.StringExact(roomID)),
		stateIs(address, "room_name", knownvalue.StringExact(roomID)),
		stateIs(address, "owner_account", knownvalue.StringExact(owner)),
		stateIs(address, "take_seat_mode", knownvalue.StringExact("FreeToTake")),
		stateIs(address, "is_public_visible", knownvalue.Bool(true)),
		stateIs(address, "is_message_disabled", knownvalue.Bool(false)),
		stateIs(address, "cover_url", knownvalue.StringExact("")),
		stateIs(address, "category", knownvalue.ListSizeExact(0)),
		stateIs(address, "activity_status", knownvalue.Int64Exact(0)),
		stateIs(address, "notice", knownvalue.StringExact("")),
		stateIs(address, "create_time", knownvalue.NotNull()),
		stateIs(address, "max_member_count", knownvalue.NotNull()),
	}
}

// withProviderSettings adds attribute lines to the provider block of config.
func withProviderSettings(config string, lines ...string) string {
	return strings.Replace(config, `provider "tencentlive" {`, "provider \"tencentlive\" {\n  "+strings.Join(lines, "\n  "), 1)
}

// accountUserID returns a fresh user ID within the 32-byte limit, unique across runs against a
// shared real application (non-trial apps cannot import a deleted ID again for 3 months).
func accountUserID(prefix string) string {
	return "tf-acc-" + prefix + "-" + acctest.RandString(8)
}

func testClient(t *testing.T, url string) *wire.Client {
	t.Helper()
	c, err := wire.New(wire.Config{SDKAppID: emulator.DefaultSDKAppID, SecretKey: emulator.DefaultSecretKey,
		Identifier: emulator.DefaultAdmin, BaseURL: url, MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// cannedClient is a client of a server that answers every request with body.
func cannedClient(t *testing.T, body string) *wire.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return testClient(t, srv.URL)
}

// nullModel is a provider block with nothing set.
func nullModel() providerModel {
	return providerModel{
		SDKAppID: types.Int64Null(), SecretKey: types.StringNull(), Identifier: types.StringNull(),
		Region: types.StringNull(), Endpoint: types.StringNull(), MaxRetries: types.Int64Null(),
		RequestsPerSecond: types.Float64Null(), PlanChecks: types.BoolNull(), AdoptExisting: types.BoolNull(),
		InsecureHTTP: types.BoolNull(), CACertFile: types.StringNull(),
	}
}

// behind runs f behind Terraform's back, failing the test on an error.
func behind(t *testing.T, f func(ctx context.Context) error) func() {
	return func() {
		t.Helper()
		if err := f(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

// fakeClock is the emulator's clock in tests that let time pass.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func ptr[T any](v T) *T { return &v }

// defaultsPlan is a planned room with every optional attribute at its default.
func defaultsPlan(roomID, template string) roomModel {
	return roomModel{
		ID:                types.StringValue(roomID),
		RoomID:            types.StringValue(roomID),
		SeatTemplate:      types.StringValue(template),
		OwnerAccount:      types.StringValue("administrator"),
		TakeSeatMode:      types.StringValue(livespec.TakeSeatFree),
		MaxSeatCount:      types.Int64Unknown(),
		MaxMemberCount:    types.Int64Unknown(),
		IsMessageDisabled: types.BoolValue(false),
		IsPublicVisible:   types.BoolValue(true),
		RoomName:          types.StringValue(roomID),
		CoverURL:          types.StringValue(""),
		Category:          categoryList(nil),
		ActivityStatus:    types.Int64Value(0),
		Notice:            types.StringValue(""),
		CreateTime:        types.Int64Unknown(),
		UnlimitedRoom:     types.BoolUnknown(),
		KeepOwnerOnSeat:   types.BoolUnknown(),
		Metadata:          types.MapNull(types.StringType),
		Admins:            types.SetNull(types.StringType),
		Robots:            types.SetNull(types.StringType),
	}
}

// roomConfig is one tencentlive_room "test" with the given attribute lines.
func (e *accEnv) roomConfig(lines ...string) string {
	return e.provider() + "\nresource \"tencentlive_room\" \"test\" {\n  " + strings.Join(lines, "\n  ") + "\n}\n"
}

func expectAction(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(room, action)}}
}

func newTestRoomResource(t *testing.T, requestsPerSecond ...float64) (*roomResource, *wire.Client) {
	t.Helper()
	return newTestRoomResourceOn(t, emulator.Options{}, requestsPerSecond...)
}

// newTestRoomResourceOn is newTestRoomResource against an emulator with opts.
func newTestRoomResourceOn(t *testing.T, opts emulator.Options, requestsPerSecond ...float64) (*roomResource, *wire.Client) {
	t.Helper()
	_, url := serveEmulator(t, opts)
	var rps float64
	for _, r := range requestsPerSecond {
		rps = r
	}
	c := emulatorClient(t, url, rps)
	return &roomResource{data: &providerData{client: c, identifier: emulator.DefaultAdmin}}, c
}
