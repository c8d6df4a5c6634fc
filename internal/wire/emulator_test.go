package wire

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/testclock"
)

// Integration tests: the wire client against the project's emulator, in process.

func newEmulatorClient(t *testing.T, opts emulator.Options, clock *testclock.Stepping) *Client {
	t.Helper()
	c, _ := startEmulator(t, opts, clock)
	return c
}

// startEmulator serves an emulator over HTTP and returns a Client for it and the emulator, for
// tests that read what the emulator holds.
func startEmulator(t *testing.T, opts emulator.Options, clock *testclock.Stepping) (*Client, *emulator.Server) {
	t.Helper()
	if clock != nil && opts.Now == nil {
		opts.Now = clock.Now // one clock for both sides: rate limits without sleeping
	}
	srv, err := emulator.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(func() { hs.Close(); _ = srv.Close() })
	cfg := Config{
		MaxRetries: RetryUntilDeadline,
		SDKAppID:   emulator.DefaultSDKAppID,
		SecretKey:  emulator.DefaultSecretKey,
		Identifier: emulator.DefaultAdmin,
		BaseURL:    hs.URL,
		HTTPClient: hs.Client(),
	}
	if clock != nil {
		cfg.Clock = clock
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c, srv
}

// realClockFake is a fake clock that starts at the real time: the UserSig carries the real
// signing time, which the emulator compares with its (shared, fake) clock.
func realClockFake() *testclock.Stepping { return testclock.NewStepping(time.Now()) }

func TestEmulatorRoomLifecycle(t *testing.T) {
	c := newEmulatorClient(t, emulator.Options{}, realClockFake())
	ctx := context.Background()

	if err := c.ImportAccount(ctx, Account{UserID: "host1", Nick: "Host"}); err != nil {
		t.Fatal(err)
	}
	err := c.CreateRoom(ctx, RoomInfo{RoomID: "wire-it-1", OwnerAccount: ptr("host1"), SeatTemplate: ptr("AudioSalon"),
		MaxSeatCount: ptr[int64](8), RoomName: ptr("Wire test"), Category: &[]int64{1, 2}})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.CreateRoom(ctx, RoomInfo{RoomID: "wire-it-1", OwnerAccount: ptr("host1"), SeatTemplate: ptr("AudioSalon")}); CodeOf(err) != livespec.CodeRoomExistsSameOwner && CodeOf(err) != livespec.CodeCreateTooFrequent {
		t.Errorf("second create: %v, want 100010 (or 100012 within the second)", err)
	}

	info, err := c.GetRoomInfo(ctx, "wire-it-1")
	if err != nil {
		t.Fatal(err)
	}
	if info.RoomID != "wire-it-1" || deref(info.OwnerAccount) != "host1" || deref(info.RoomName) != "Wire test" ||
		deref(info.MaxSeatCount) != int64(8) || info.CreateTime == nil || deref(info.TakeSeatMode) != livespec.TakeSeatFree {
		t.Errorf("read back %+v", info)
	}

	if err := c.UpdateRoomInfo(ctx, RoomInfo{RoomID: "wire-it-1", Notice: ptr("hello"), Category: &[]int64{}}); err != nil {
		t.Fatal(err)
	}
	info, err = c.GetRoomInfo(ctx, "wire-it-1")
	if err != nil {
		t.Fatal(err)
	}
	if deref(info.Notice) != "hello" || (info.Category != nil && len(*info.Category) != 0) || deref(info.RoomName) != "Wire test" {
		t.Errorf("after the partial update: %+v", info)
	}

	page, err := c.GetRoomList(ctx, "", 20)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Rooms) != 1 || page.Rooms[0].RoomID != "wire-it-1" || page.Next != "" {
		t.Errorf("room list %+v", page)
	}

	if err := c.DestroyRoom(ctx, "wire-it-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetRoomInfo(ctx, "wire-it-1"); CodeOf(err) != livespec.CodeRoomNotFound || requestIDOf(err) == "" {
		t.Errorf("read after destroy: %v", err)
	}
	if err := c.DestroyRoom(ctx, "wire-it-1"); CodeOf(err) != livespec.CodeRoomNotFound {
		t.Errorf("second destroy: %v", err)
	}

	statuses, err := c.CheckAccounts(ctx, []string{"host1", "nobody"})
	if err != nil {
		t.Fatal(err)
	}
	if len(statuses) != 2 || !statuses[0].Imported || statuses[1].Imported {
		t.Errorf("account_check %+v", statuses)
	}
	results, err := c.DeleteAccounts(ctx, []string{"host1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 1 || results[0].ResultCode != 0 {
		t.Errorf("account_delete %+v", results)
	}
}

func TestEmulatorLegacyFormsDecode(t *testing.T) {
	c := newEmulatorClient(t, emulator.Options{LegacyForms: true}, realClockFake())
	ctx := context.Background()
	if err := c.ImportAccount(ctx, Account{UserID: "10086"}); err != nil {
		t.Fatal(err)
	}
	if err := c.CreateRoom(ctx, RoomInfo{RoomID: "legacy", OwnerAccount: ptr("10086"), SeatTemplate: ptr("VideoDynamicGrid9Seats"),
		TakeSeatMode: ptr(livespec.TakeSeatApply)}); err != nil {
		t.Fatal(err)
	}
	info, err := c.GetRoomInfo(ctx, "legacy")
	if err != nil {
		t.Fatal(err)
	}
	if deref(info.OwnerAccount) != "10086" || deref(info.TakeSeatMode) != livespec.TakeSeatApply {
		t.Errorf("legacy forms decoded to owner %v, mode %v", deref(info.OwnerAccount), deref(info.TakeSeatMode))
	}
}

// The client-side limiter keeps every command under the emulator's documented limits, so the
// emulator never answers 60007. One fake clock drives both sides.
func TestEmulatorDocumentedRatesNeverExceeded(t *testing.T) {
	clock := realClockFake()
	c := newEmulatorClient(t, emulator.Options{QPS: emulator.DefaultQPS}, clock)
	ctx := context.Background()
	for range 45 {
		if _, err := c.GetRoomList(ctx, "", 20); err != nil {
			t.Fatal(err)
		}
	}
	for range 450 {
		if _, err := c.GetRoomInfo(ctx, "missing"); CodeOf(err) != livespec.CodeRoomNotFound {
			t.Fatalf("get_room_info: %v", err)
		}
	}
	s := c.Stats()
	if s.ByCode[livespec.CodeRateLimited] != 0 || s.Retries != 0 {
		t.Errorf("the emulator rate-limited the client: %d × 60007, %d retries", s.ByCode[livespec.CodeRateLimited], s.Retries)
	}
	if s.LimiterWaits == 0 {
		t.Error("the limiter never held a request back: the test did not reach the limits")
	}
}

// With a fifth of the requests failing (100001, HTTP 502, dropped connections, answers lost after
// the change was applied), retries still carry every read to success.
func TestEmulatorTransientFaultsAreRetried(t *testing.T) {
	clock := realClockFake()
	c := newEmulatorClient(t, emulator.Options{Faults: 0.2, Seed: 42}, clock)
	ctx := context.Background()
	if err := c.CreateRoom(ctx, RoomInfo{RoomID: "flaky", SeatTemplate: ptr("VideoDynamicGrid9Seats")}); err != nil &&
		CodeOf(err) != livespec.CodeRoomExistsSameOwner { // a lost answer, retried, meets the room it made
		t.Fatal(err)
	}
	for range 60 {
		if _, err := c.GetRoomInfo(ctx, "flaky"); err != nil {
			t.Fatal(err)
		}
	}
	s := c.Stats()
	if s.Retries == 0 || s.ConnectionErrors == 0 || s.ByHTTPStatus[502] == 0 || s.ByCode[livespec.CodeInternal] == 0 {
		t.Errorf("the fault mix did not show up: %+v", s)
	}
}
