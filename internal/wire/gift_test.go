package wire

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// The gift methods against the in-process emulator.

// newEmulatorServer serves an emulator over loopback HTTP for several clients.
func newEmulatorServer(t *testing.T, opts emulator.Options) *httptest.Server {
	t.Helper()
	srv, err := emulator.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(func() { hs.Close(); _ = srv.Close() })
	return hs
}

// newClientFor is one client (one provider process) of hs on clock.
func newClientFor(t *testing.T, hs *httptest.Server, clock Clock, sharedGiftBudget bool) *Client {
	t.Helper()
	return newClientWithLedger(t, hs, clock, sharedGiftBudget, "")
}

// newClientWithLedger is newClientFor with a pace ledger in ledgerDir ("" for none): clients
// made with one directory stand for provider processes of one machine.
func newClientWithLedger(t *testing.T, hs *httptest.Server, clock Clock, sharedGiftBudget bool, ledgerDir string) *Client {
	t.Helper()
	httpClient := hs.Client()
	c, err := New(Config{
		MaxRetries: RetryUntilDeadline, SDKAppID: emulator.DefaultSDKAppID, SecretKey: emulator.DefaultSecretKey,
		Identifier: emulator.DefaultAdmin, BaseURL: hs.URL, HTTPClient: httpClient, Clock: clock,
		SharedGiftRateBudget: sharedGiftBudget, PaceLedgerDir: ledgerDir,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var testRose = Gift{ID: "rose", DefaultName: "Rose", DefaultDesc: "A red rose", Coins: 10, Level: 1,
	IconURL: "https://cdn.example.com/rose.png", ResourceURL: "https://cdn.example.com/rose.mp4", ExtensionInfo: `{"tier":"basic"}`}

func TestEmulatorGiftCatalog(t *testing.T) {
	c := newEmulatorClient(t, emulator.Options{}, realClockFake())
	ctx := context.Background()

	if err := c.AddGift(ctx, testRose); err != nil {
		t.Fatal(err)
	}
	if err := c.AddGift(ctx, testRose); CodeOf(err) != livespec.CodeInvalidParam {
		t.Errorf("duplicate add_gift: %v, want 100002", err)
	}
	if err := c.AddGift(ctx, Gift{ID: "car", DefaultName: "Car", Coins: 500}); err != nil {
		t.Fatal(err)
	}
	got, err := c.GetGift(ctx, "rose")
	if err != nil || got != testRose {
		t.Fatalf("GetGift = %+v, %v", got, err)
	}
	edited := testRose
	edited.Coins, edited.ExtensionInfo = 12, ""
	if err := c.EditGift(ctx, edited); err != nil {
		t.Fatal(err)
	}
	if got, _ := c.GetGift(ctx, "rose"); got != edited {
		t.Errorf("after EditGift: %+v", got)
	}
	if _, err := c.GetGift(ctx, "tulip"); !errors.Is(err, ErrGiftNotFound) || CodeOf(err) != livespec.CodeGiftNotFound {
		t.Errorf("GetGift of a missing gift: %v", err)
	}
	if err := c.EditGift(ctx, Gift{ID: "tulip", DefaultName: "Tulip"}); !errors.Is(err, ErrGiftNotFound) {
		t.Errorf("EditGift of a missing gift: %v", err)
	}

	// Translations.
	if err := c.SetGiftLanguage(ctx, "rose", "zh-Hans", GiftText{Name: "玫瑰", Desc: "一朵红玫瑰"}); err != nil {
		t.Fatal(err)
	}
	if tx, ok, err := c.GetGiftLanguage(ctx, "rose", "zh-Hans"); err != nil || !ok || tx != (GiftText{"玫瑰", "一朵红玫瑰"}) {
		t.Errorf("GetGiftLanguage = %+v, %v, %v", tx, ok, err)
	}
	if _, ok, err := c.GetGiftLanguage(ctx, "rose", "en"); err != nil || ok {
		t.Errorf("a language never set: ok %v, err %v; want absent", ok, err)
	}
	if _, _, err := c.GetGiftLanguage(ctx, "tulip", "en"); !errors.Is(err, ErrGiftNotFound) {
		t.Errorf("language of a missing gift: %v", err)
	}
	if err := c.SetGiftLanguage(ctx, "rose", "zh-CN", GiftText{Name: "玫瑰"}); err == nil || CodeOf(err) != 0 {
		t.Errorf("an unknown language code must fail before any call: %v", err)
	}

	// Categories, their translations and relations.
	hot := GiftCategory{ID: "hot", DefaultName: "Hot", DefaultDesc: "Most sent this week", ExtensionInfo: `{"order":"1"}`}
	if err := c.AddGiftCategory(ctx, hot); err != nil {
		t.Fatal(err)
	}
	if got, err := c.GetGiftCategory(ctx, "hot"); err != nil || got != hot {
		t.Errorf("GetGiftCategory = %+v, %v", got, err)
	}
	if _, err := c.GetGiftCategory(ctx, "cold"); !errors.Is(err, ErrGiftCategoryNotFound) {
		t.Errorf("GetGiftCategory of a missing category: %v", err)
	}
	if err := c.SetGiftCategoryLanguage(ctx, "hot", "en", GiftText{Name: "Hot", Desc: "Trending"}); err != nil {
		t.Fatal(err)
	}
	if tx, ok, err := c.GetGiftCategoryLanguage(ctx, "hot", "en"); err != nil || !ok || tx != (GiftText{"Hot", "Trending"}) {
		t.Errorf("GetGiftCategoryLanguage = %+v, %v, %v", tx, ok, err)
	}
	if _, ok, err := c.GetGiftCategoryLanguage(ctx, "hot", "zh-Hant"); err != nil || ok {
		t.Errorf("a category language never set: %v, %v", ok, err)
	}
	if _, _, err := c.GetGiftCategoryLanguage(ctx, "cold", "en"); !errors.Is(err, ErrGiftCategoryNotFound) {
		t.Errorf("language of a missing category: %v", err)
	}
	invalid, err := c.AddGiftCategoryRelations(ctx, "hot", []string{"rose", "ghost", "car"})
	if err != nil || !reflect.DeepEqual(invalid, []string{"ghost"}) {
		t.Errorf("AddGiftCategoryRelations = %v, %v", invalid, err)
	}
	if _, err := c.AddGiftCategoryRelations(ctx, "cold", []string{"rose"}); !errors.Is(err, ErrGiftCategoryNotFound) {
		t.Errorf("relations of a missing category: %v", err)
	}
	if ids, err := c.GetGiftCategoryRelations(ctx, "hot"); err != nil || !reflect.DeepEqual(ids, []string{"rose", "car"}) {
		t.Errorf("GetGiftCategoryRelations = %v, %v", ids, err)
	}

	// The bulk read and the documented reads agree.
	catalog, err := c.GetGiftCatalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(catalog.Gifts) != 2 || len(catalog.Categories) != 1 {
		t.Fatalf("catalog %+v", catalog)
	}
	for _, g := range catalog.Gifts {
		if g.CreateTime == 0 {
			t.Errorf("gift %s: no CreateTime in the bulk read", g.ID)
		}
		rec, err := c.ReadGift(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		rec.CreateTime = g.CreateTime
		if !reflect.DeepEqual(rec, g) {
			t.Errorf("ReadGift(%s) = %+v\nbulk read  %+v", g.ID, rec, g)
		}
	}
	rec, err := c.ReadGiftCategory(ctx, "hot")
	if err != nil || !reflect.DeepEqual(rec, catalog.Categories[0]) {
		t.Errorf("ReadGiftCategory = %+v, %v\nbulk read %+v", rec, err, catalog.Categories[0])
	}

	// Deleting a gift takes it out of every category; deletes are idempotent.
	if err := c.DeleteGift(ctx, "rose"); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteGift(ctx, "rose"); err != nil {
		t.Errorf("second DeleteGift: %v", err)
	}
	if ids, _ := c.GetGiftCategoryRelations(ctx, "hot"); !reflect.DeepEqual(ids, []string{"car"}) {
		t.Errorf("after DeleteGift the category shows %v", ids)
	}
	if err := c.DeleteGiftCategoryRelations(ctx, "hot", []string{"car", "ghost"}); err != nil {
		t.Fatal(err)
	}
	if ids, err := c.GetGiftCategoryRelations(ctx, "hot"); err != nil || ids == nil || len(ids) != 0 {
		t.Errorf("after DeleteGiftCategoryRelations: %#v, %v", ids, err)
	}
	for _, del := range []func() error{
		func() error { return c.DeleteGiftLanguage(ctx, "rose", "zh-Hans") },
		func() error { return c.DeleteGiftCategoryLanguage(ctx, "hot", "en") },
		func() error { return c.DeleteGiftCategoryLanguage(ctx, "hot", "en") },
		func() error { return c.DeleteGiftCategory(ctx, "hot") },
		func() error { return c.DeleteGiftCategory(ctx, "hot") },
	} {
		if err := del(); err != nil {
			t.Error(err)
		}
	}
	if err := c.CopyDefaultGiftConfig(ctx); CodeOf(err) != livespec.CodeGiftConfigExists {
		t.Errorf("CopyDefaultGiftConfig with a gift left: %v, want 102010", err)
	}
}

// With the bulk read switched off, GetGiftCatalog says so and the documented reads still work.
func TestEmulatorGiftBulkReadOff(t *testing.T) {
	c := newEmulatorClient(t, emulator.Options{NoGiftInfoList: true}, realClockFake())
	ctx := context.Background()
	if err := c.AddGift(ctx, testRose); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetGiftCatalog(ctx); !errors.Is(err, ErrBulkReadUnavailable) || CodeOf(err) != livespec.CodeUnknownCommand {
		t.Errorf("GetGiftCatalog: %v, want ErrBulkReadUnavailable", err)
	}
	if rec, err := c.ReadGift(ctx, "rose"); err != nil || rec.Gift != testRose || len(rec.Languages) != 0 {
		t.Errorf("ReadGift = %+v, %v", rec, err)
	}
}

// The response variants of the project decisions decode to the same values.
func TestEmulatorGiftResponseVariants(t *testing.T) {
	c := newEmulatorClient(t, emulator.Options{GiftLanguageInResponse: true, GiftIconURLUpper: true}, realClockFake())
	ctx := context.Background()
	if err := c.AddGift(ctx, testRose); err != nil {
		t.Fatal(err)
	}
	if err := c.AddGiftCategory(ctx, GiftCategory{ID: "hot", DefaultName: "Hot"}); err != nil {
		t.Fatal(err)
	}
	if got, err := c.GetGift(ctx, "rose"); err != nil || got.IconURL != testRose.IconURL {
		t.Errorf("IconURL spelling: %+v, %v", got, err)
	}
	if err := c.SetGiftLanguage(ctx, "rose", "en", GiftText{Name: "Rose", Desc: "red"}); err != nil {
		t.Fatal(err)
	}
	if tx, ok, err := c.GetGiftLanguage(ctx, "rose", "en"); err != nil || !ok || tx != (GiftText{"Rose", "red"}) {
		t.Errorf("Response.Language: %+v, %v, %v", tx, ok, err)
	}
	if err := c.SetGiftCategoryLanguage(ctx, "hot", "zh-Hant", GiftText{Name: "熱門"}); err != nil {
		t.Fatal(err)
	}
	if tx, ok, err := c.GetGiftCategoryLanguage(ctx, "hot", "zh-Hant"); err != nil || !ok || tx.Name != "熱門" {
		t.Errorf("category Response.Language: %+v, %v, %v", tx, ok, err)
	}
}

func TestEmulatorSendGift(t *testing.T) {
	c := newEmulatorClient(t, emulator.Options{}, realClockFake())
	ctx := context.Background()
	if err := c.AddGift(ctx, testRose); err != nil {
		t.Fatal(err)
	}
	if err := c.CreateRoom(ctx, RoomInfo{RoomID: "gift-room", SeatTemplate: ptr("AudioSalon")}); err != nil {
		t.Fatal(err)
	}
	if err := c.SendGift(ctx, SendGift{RoomID: "gift-room", GiftID: "rose", From: "alice", Receivers: []string{"bob"}, Count: 2}); err != nil {
		t.Fatal(err)
	}
	got, err := c.GetGiftCount(ctx, "gift-room", "bob")
	if err != nil || got != (GiftCount{Sequence: 1, TotalCount: 2, TotalCoins: 20, GiftSenderCount: 1}) {
		t.Errorf("GetGiftCount = %+v, %v", got, err)
	}
	if err := c.SendGift(ctx, SendGift{RoomID: "gift-room", GiftID: "tulip", From: "alice", Receivers: []string{"bob"}}); CodeOf(err) != livespec.CodeGiftNotFound {
		t.Errorf("unknown gift: %v", err)
	}
}

// The limiter paces each gift configuration command at 1/s, so at any parallelism the
// emulator's documented limits never refuse a call, and every command's calls take about one
// second each on the shared fake clock.
func TestEmulatorGiftRatesNeverExceeded(t *testing.T) {
	const gifts = 8
	clock := newStepClock(t, gifts)
	c := newClientFor(t, newEmulatorServer(t, emulator.Options{QPS: emulator.DefaultQPS, Now: clock.Now}), clock, false)
	ctx := context.Background()
	start := clock.Now()
	var wg sync.WaitGroup
	errs := make(chan error, 4*gifts)
	for i := range gifts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer clock.done()
			id := string(rune('a' + i))
			if err := c.AddGift(ctx, Gift{ID: id, DefaultName: id, Coins: 1}); err != nil {
				errs <- err
				return
			}
			for _, lang := range []string{"en", "zh-Hans"} {
				if err := c.SetGiftLanguage(ctx, id, lang, GiftText{Name: id}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s := c.Stats()
	if s.ByCode[livespec.CodeCreateTooFrequent] != 0 || s.Retries != 0 {
		t.Errorf("the emulator refused the client: %d × 100012, %d retries", s.ByCode[livespec.CodeCreateTooFrequent], s.Retries)
	}
	if s.LimiterWaits == 0 {
		t.Error("the limiter never held a gift command back")
	}
	// 16 set_gift_language calls, 1.05 s apart, need at least 15 s between the first and the last.
	if took := clock.Now().Sub(start); took < 15*time.Second {
		t.Errorf("16 set_gift_language calls took %v of fake time: faster than 1/s", took)
	}
}

// Two clients (two provider processes, each with its own limiter) share the emulator's budget:
// the service refuses some calls with 100012, the clients retry them and slow down, and no
// refusal reaches the caller.
func TestEmulatorGiftRefusalsAreRetriedAndSlowThePace(t *testing.T) {
	clock := newStepClock(t, 2)
	base := newEmulatorServer(t, emulator.Options{QPS: emulator.DefaultQPS, Now: clock.Now})
	a, b := newClientFor(t, base, clock, false), newClientFor(t, base, clock, false)
	ctx := context.Background()
	var wg sync.WaitGroup
	for n, c := range []*Client{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer clock.done()
			for i := range 5 {
				id := string(rune('a'+n)) + string(rune('0'+i))
				if err := c.AddGift(ctx, Gift{ID: id, DefaultName: id, Coins: 1}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	sa, sb := a.Stats(), b.Stats()
	refused := sa.ByCode[livespec.CodeCreateTooFrequent] + sb.ByCode[livespec.CodeCreateTooFrequent]
	if refused == 0 {
		t.Fatal("two clients at full pace were never refused: the test did not share a budget")
	}
	if sa.PaceCuts+sb.PaceCuts == 0 {
		t.Error("a 100012 refusal of a gift command did not slow the client's pace")
	}
}

// With the shared budget on both sides, every gift configuration command draws from one 1/s
// budget: no refusals, and the calls are spaced about one second apart whatever the command.
func TestEmulatorGiftSharedRateBudget(t *testing.T) {
	clock := realClockFake()
	base := newEmulatorServer(t, emulator.Options{QPS: emulator.DefaultQPS, SharedGiftRateBudget: true, Now: clock.Now})
	c := newClientFor(t, base, clock, true)
	ctx := context.Background()
	start := clock.Now()
	if err := c.AddGift(ctx, testRose); err != nil {
		t.Fatal(err)
	}
	for _, lang := range livespec.GiftLanguages {
		if err := c.SetGiftLanguage(ctx, "rose", lang, GiftText{Name: "Rose"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.ReadGift(ctx, "rose"); err != nil {
		t.Fatal(err)
	}
	s := c.Stats()
	if s.ByCode[livespec.CodeCreateTooFrequent] != 0 {
		t.Errorf("%d × 100012 under the shared budget", s.ByCode[livespec.CodeCreateTooFrequent])
	}
	// 8 calls of four commands: 7 gaps of about a second.
	if took := clock.Now().Sub(start); took < 7*time.Second {
		t.Errorf("8 gift calls took %v: the budget was not shared", took)
	}
}

// stepClock is a fake clock for a known number of concurrent workers: a Sleep waits until the
// clock reaches its wake time, and the clock jumps to the earliest wake time only when every
// live worker is asleep, so requests woken at one instant reach the emulator at that instant
// however slowly the goroutines are scheduled. (testclock.Stepping moves time forward by every
// sleeper's wait, which reorders concurrent sleepers.) Not a testclock: it schedules workers.
type stepClock struct {
	mu      sync.Mutex
	now     time.Time
	waiters []stepWaiter
	live    int // workers not yet done
}

type stepWaiter struct {
	at   time.Time
	wake chan struct{}
}

func newStepClock(t *testing.T, workers int) *stepClock {
	c := &stepClock{now: time.Now(), live: workers} // UserSigs carry the real signing time
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				c.step()
			}
		}
	}()
	t.Cleanup(func() { close(stop); <-done })
	return c
}

func (c *stepClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *stepClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil || d <= 0 {
		return err
	}
	c.mu.Lock()
	w := stepWaiter{at: c.now.Add(d), wake: make(chan struct{})}
	c.waiters = append(c.waiters, w)
	c.mu.Unlock()
	select {
	case <-w.wake:
		return nil
	case <-ctx.Done():
		return ctx.Err() // the waiter stays listed; waking it later is harmless
	}
}

// done tells the clock that a worker has finished.
func (c *stepClock) done() {
	c.mu.Lock()
	c.live--
	c.mu.Unlock()
}

// step moves the clock to the earliest wake time and wakes every sleeper due by then, once
// every live worker sleeps.
func (c *stepClock) step() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.waiters) == 0 || len(c.waiters) < c.live {
		return
	}
	earliest := c.waiters[0].at
	for _, w := range c.waiters {
		if w.at.Before(earliest) {
			earliest = w.at
		}
	}
	if earliest.After(c.now) {
		c.now = earliest
	}
	kept := c.waiters[:0]
	for _, w := range c.waiters {
		if w.at.After(c.now) {
			kept = append(kept, w)
		} else {
			close(w.wake)
		}
	}
	c.waiters = kept
}

// 100012 is a rate refusal for the gift configuration commands only: answered to add_gift it
// slows the pace, answered to create_room (the same room ID within a second) it does not. Both
// are retried no sooner than a second later.
func TestGift100012IsARateRefusal(t *testing.T) {
	for _, tt := range []struct {
		name string
		call func(*Client) error
		cuts int64
	}{
		{"add_gift", func(c *Client) error { return c.AddGift(context.Background(), testRose) }, 1},
		{"create_room", func(c *Client) error { return c.CreateRoom(context.Background(), RoomInfo{RoomID: "r"}) }, 0},
	} {
		clock := newFakeClock()
		api := newFakeAPI(t, clock, failThenOK(1, failWith(100012)))
		c := newTestClient(t, api, clock, func(cfg *Config) { cfg.Rand = func() uint32 { return 0 } })
		if err := tt.call(c); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := c.Stats().PaceCuts; got != tt.cuts {
			t.Errorf("%s: %d pace cuts after a 100012, want %d", tt.name, got, tt.cuts)
		}
		if reqs := api.Requests(); len(reqs) != 2 || reqs[1].At.Sub(reqs[0].At) < time.Second {
			t.Errorf("%s: %d requests, want a retry at least 1 s later", tt.name, len(reqs))
		}
	}
}

func TestGiftCommandLimits(t *testing.T) {
	if rate, burst := CommandLimit("set_gift_language", 0); rate != 1/1.05 || burst != 1 {
		t.Errorf("set_gift_language: %v/s burst %d, want one per 1.05 s, burst 1", rate, burst)
	}
	if rate, burst := CommandLimit(livespec.CopyDefaultGiftConfig, 0); rate > 0.1 || burst != 1 {
		t.Errorf("copy_default_gift_config: %v/s burst %d, want under one per 10 s", rate, burst)
	}
	l := newLimiter(newFakeClock(), 0, true, nil)
	if l.bucket("add_gift") != l.bucket("get_gift_info_list") || l.bucket("add_gift") == l.bucket(livespec.CopyDefaultGiftConfig) ||
		l.bucket("add_gift") == l.bucket("send_gift") {
		t.Error("the shared budget covers the 1/s gift configuration commands, and only them")
	}
	if l := newLimiter(newFakeClock(), 0, false, nil); l.bucket("add_gift") == l.bucket("get_gift") {
		t.Error("without the shared budget each gift command has its own bucket")
	}
}

// add tells the clock that n more workers start.
func (c *stepClock) add(n int) {
	c.mu.Lock()
	c.live += n
	c.mu.Unlock()
}

// runWorkers runs jobs on n workers of clock and waits for them.
func runWorkers(t *testing.T, clock *stepClock, n int, jobs []func() error) {
	t.Helper()
	queue := make(chan func() error, len(jobs))
	for _, j := range jobs {
		queue <- j
	}
	close(queue)
	clock.add(n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer clock.done()
			for j := range queue {
				if err := j(); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}

// The catalogue (16 gifts with 3 translations each, 3 categories showing them) applied
// at Terraform's parallelism of 10: the wire paces it within 1.2× of its rate floor (the 48
// set_gift_language calls at 1/s, about 48 s; with the shared budget every call at 1/s), with no
// refusal; a refresh is one bulk read, or, with the bulk read off, within 1.2× of the
// documented reads' floor (the busiest command's calls at 1/s). Times are the fake clock's.
func TestEmulatorGiftCatalogPace(t *testing.T) {
	for _, sc := range []struct{ shared, bulkOff bool }{{false, false}, {false, true}, {true, false}, {true, true}} {
		shared := sc.shared
		clock := newStepClock(t, 0)
		hs := newEmulatorServer(t, emulator.Options{QPS: emulator.DefaultQPS, SharedGiftRateBudget: shared, NoGiftInfoList: sc.bulkOff, Now: clock.Now})
		c := newClientFor(t, hs, clock, shared)
		ctx := context.Background()

		var gifts, categories []func() error
		var giftIDs []string
		for i := range livespec.DefaultGiftQuota {
			id := "gift" + string(rune('a'+i))
			giftIDs = append(giftIDs, id)
			gifts = append(gifts, func() error {
				if err := c.AddGift(ctx, Gift{ID: id, DefaultName: id, Coins: int64(i)}); err != nil {
					return err
				}
				for _, lang := range livespec.GiftLanguages {
					if err := c.SetGiftLanguage(ctx, id, lang, GiftText{Name: id}); err != nil {
						return err
					}
				}
				return nil
			})
		}
		for i := range livespec.DefaultCategoryQuota {
			id := "cat" + string(rune('a'+i))
			gifts = append(gifts, func() error { return c.AddGiftCategory(ctx, GiftCategory{ID: id, DefaultName: id}) })
			categories = append(categories, func() error {
				invalid, err := c.AddGiftCategoryRelations(ctx, id, giftIDs)
				if len(invalid) > 0 {
					return fmt.Errorf("category %s: %v not added", id, invalid)
				}
				return err
			})
		}
		start := clock.Now()
		runWorkers(t, clock, 10, gifts)
		runWorkers(t, clock, 10, categories) // relations after the gifts they name, as Terraform orders them
		apply := clock.Now().Sub(start)

		s := c.Stats()
		floor := 47.0 // the 48th set_gift_language call, 1 s after each other, the first at 0
		if shared {
			floor = float64(s.Calls - 1)
		}
		t.Logf("shared budget %v: apply of %d calls took %.1f s, floor %.0f s (%.2f×)", shared, s.Calls, apply.Seconds(), floor, apply.Seconds()/floor)
		if apply.Seconds() > 1.2*floor {
			t.Errorf("shared budget %v: apply took %v, more than 1.2 × the %v s floor", shared, apply, floor)
		}
		if s.ByCode[livespec.CodeCreateTooFrequent] != 0 {
			t.Errorf("shared budget %v: %d × 100012", shared, s.ByCode[livespec.CodeCreateTooFrequent])
		}

		// Refresh.
		start = clock.Now()
		var reads []func() error
		if !sc.bulkOff {
			reads = append(reads, func() error {
				catalog, err := c.GetGiftCatalog(ctx)
				if err == nil && (len(catalog.Gifts) != 16 || len(catalog.Categories) != 3 || len(catalog.Gifts[0].Languages) != 3) {
					err = fmt.Errorf("catalog %d gifts, %d categories", len(catalog.Gifts), len(catalog.Categories))
				}
				return err
			})
		} else {
			for _, id := range giftIDs {
				reads = append(reads, func() error { _, err := c.ReadGift(ctx, id); return err })
			}
			for i := range livespec.DefaultCategoryQuota {
				reads = append(reads, func() error { _, err := c.ReadGiftCategory(ctx, "cat"+string(rune('a'+i))); return err })
			}
		}
		before := c.Stats()
		runWorkers(t, clock, 10, reads)
		refresh := clock.Now().Sub(start)
		after := c.Stats()
		calls, busiest := after.Calls-before.Calls, int64(0)
		for command, st := range after.ByCommand {
			busiest = max(busiest, st.Calls-before.ByCommand[command].Calls)
		}
		// The apply has just spent the budget, so even the first read waits for its slot.
		floor = float64(busiest)
		if shared {
			floor = float64(calls)
		}
		t.Logf("shared budget %v, bulk read off %v: refresh of %d calls took %.1f s, floor %.0f s", shared, sc.bulkOff, calls, refresh.Seconds(), floor)
		if !sc.bulkOff && calls != 1 {
			t.Errorf("the bulk refresh took %d calls, want 1", calls)
		}
		if refresh.Seconds() > 1.2*floor {
			t.Errorf("shared budget %v, bulk read off %v: the refresh took %v, more than 1.2 × the %v s floor", shared, sc.bulkOff, refresh, floor)
		}
		if n := after.ByCode[livespec.CodeCreateTooFrequent]; n != 0 {
			t.Errorf("the refresh met %d × 100012", n)
		}
	}
}

// An add whose answer was lost (the gateway's 502 after the service applied it) is retried and
// meets 100002 "already exists": AddGift reads the gift back and, finding the one it sent,
// succeeds. A different gift under the ID stays a conflict.
func TestAddGiftRecognisesItsLostAttempt(t *testing.T) {
	for _, tt := range []struct {
		name   string
		stored Gift
		ok     bool
	}{
		{"own gift, ExtensionInfo reformatted", func() Gift { g := testRose; g.ExtensionInfo = `{ "tier": "basic" }`; return g }(), true},
		{"another gift", func() Gift { g := testRose; g.Coins = 99; return g }(), false},
	} {
		clock := newFakeClock()
		api := newFakeAPI(t, clock, func(n int, req recorded, w http.ResponseWriter, _ *http.Request) {
			switch {
			case n == 0:
				w.WriteHeader(http.StatusBadGateway)
			case strings.HasSuffix(req.Path, "/add_gift"):
				writeFail(w, n, 100002, "GiftId rose already exists")
			default: // get_gift, top-level GiftInfo
				writeJSON(w, map[string]any{"ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": "", "RequestId": requestID(n), "GiftInfo": tt.stored})
			}
		})
		c := newTestClient(t, api, clock, nil)
		err := c.AddGift(context.Background(), testRose)
		if (err == nil) != tt.ok {
			t.Errorf("%s: AddGift = %v, want success %v", tt.name, err, tt.ok)
		}
		if !tt.ok && CodeOf(err) != livespec.CodeInvalidParam {
			t.Errorf("%s: %v, want the 100002 conflict", tt.name, err)
		}
	}
	// Without a lost attempt a 100002 is a conflict at once, with no read-back.
	api := newFakeAPI(t, nil, func(n int, _ recorded, w http.ResponseWriter, _ *http.Request) {
		writeFail(w, n, 100002, "GiftId rose already exists")
	})
	if err := newTestClient(t, api, newFakeClock(), nil).AddGift(context.Background(), testRose); CodeOf(err) != livespec.CodeInvalidParam || len(api.Requests()) != 1 {
		t.Errorf("AddGift = %v after %d requests, want 100002 after 1", err, len(api.Requests()))
	}
}

// Under the emulator's faults (a fifth of requests fail, some after they were applied) every
// gift call succeeds: the idempotent ones by retrying, the adds by recognising what a lost
// attempt made, and the catalogue ends as sent.
func TestEmulatorGiftFaultsConverge(t *testing.T) {
	c := newEmulatorClient(t, emulator.Options{Faults: 0.2, Seed: 7}, realClockFake())
	ctx := context.Background()
	for i := range 12 {
		id := "g" + string(rune('a'+i))
		if err := c.AddGift(ctx, Gift{ID: id, DefaultName: id, Coins: int64(i), ExtensionInfo: `{"k":"v"}`}); err != nil {
			t.Fatal(err)
		}
		if err := c.SetGiftLanguage(ctx, id, "en", GiftText{Name: id}); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.AddGiftCategory(ctx, GiftCategory{ID: "hot", DefaultName: "Hot"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddGiftCategoryRelations(ctx, "hot", []string{"ga", "gb"}); err != nil {
		t.Fatal(err)
	}
	catalog, err := c.GetGiftCatalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(catalog.Gifts) != 12 || len(catalog.Categories) != 1 || !reflect.DeepEqual(catalog.Categories[0].GiftIDs, []string{"ga", "gb"}) {
		t.Errorf("catalog after faults: %d gifts, categories %+v", len(catalog.Gifts), catalog.Categories)
	}
	if s := c.Stats(); s.Retries == 0 || s.ByCode[livespec.CodeInvalidParam] == 0 {
		t.Errorf("no add lost its answer (%d retries, %d × 100002): the test proves nothing", s.Retries, s.ByCode[livespec.CodeInvalidParam])
	}
}

// Terraform runs a plan and then an apply in two provider processes, back to back. The second
// process's first gift call must not meet the vendor's 1/s bucket that the first process's last
// call just spent: a 1/s command starts with no saved request.
func TestGiftCommandsBackToBackProcesses(t *testing.T) {
	clock := realClockFake()
	hs := newEmulatorServer(t, emulator.Options{QPS: emulator.DefaultQPS, Now: clock.Now})
	ctx := context.Background()
	plan := newClientFor(t, hs, clock, false)
	if err := plan.AddGift(ctx, testRose); err != nil {
		t.Fatal(err)
	}
	if _, err := plan.GetGift(ctx, "rose"); err != nil {
		t.Fatal(err)
	}
	apply := newClientFor(t, hs, clock, false)
	if _, err := apply.GetGift(ctx, "rose"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []*Client{plan, apply} {
		if n := c.Stats().ByCode[livespec.CodeCreateTooFrequent]; n != 0 {
			t.Errorf("%d × 100012 between back-to-back processes", n)
		}
	}
}

// With a pace ledger the processes of one machine share, a process's first call of a 1/s
// command waits only for what is left of the interval since another process last sent it (none
// when that was long enough ago, or never), and still never meets the vendor's spent bucket.
func TestGiftCommandsPacedAcrossProcessesByTheLedger(t *testing.T) {
	for _, shared := range []bool{false, true} {
		t.Run(fmt.Sprintf("shared budget %v", shared), func(t *testing.T) {
			clock := realClockFake()
			hs := newEmulatorServer(t, emulator.Options{QPS: emulator.DefaultQPS, SharedGiftRateBudget: shared, Now: clock.Now})
			ledger := t.TempDir()
			ctx := context.Background()
			process := func() *Client { return newClientWithLedger(t, hs, clock, shared, ledger) }

			first := process()
			if err := first.AddGift(ctx, testRose); err != nil {
				t.Fatal(err)
			}
			if w := first.Stats().LimiterWaited; w != 0 {
				t.Errorf("the first process ever waited %v for its first call: the ledger was empty", w)
			}
			if _, err := first.GetGift(ctx, "rose"); err != nil {
				t.Fatal(err)
			}

			// Right after: the vendor's get_gift bucket (or the shared one) is spent.
			second := process()
			before := clock.Now()
			if _, err := second.GetGift(ctx, "rose"); err != nil {
				t.Fatal(err)
			}
			if waited := clock.Now().Sub(before); waited < time.Second {
				t.Errorf("a process right after another sent get_gift after %v: the vendor's bucket was spent", waited)
			}

			// Two seconds later the bucket is full again: no wait.
			clock.Advance(2 * time.Second)
			third := process()
			if _, err := third.GetGift(ctx, "rose"); err != nil {
				t.Fatal(err)
			}
			if w := third.Stats().LimiterWaited; w != 0 {
				t.Errorf("a process 2 s after the last call waited %v for its first", w)
			}
			for i, c := range []*Client{first, second, third} {
				if n := c.Stats().ByCode[livespec.CodeCreateTooFrequent]; n != 0 {
					t.Errorf("process %d met %d × 100012", i+1, n)
				}
			}
		})
	}
}

// Without a ledger, or with one whose directory cannot be made, a process cannot know what the
// one before it spent: its first call of a 1/s command waits for a whole interval from its start.
func TestGiftCommandsWaitWithoutALedger(t *testing.T) {
	notADir := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(notADir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for name, dir := range map[string]string{"no ledger": "", "unusable ledger": filepath.Join(notADir, "pace")} {
		t.Run(name, func(t *testing.T) {
			clock := realClockFake()
			c := newClientWithLedger(t, newEmulatorServer(t, emulator.Options{QPS: emulator.DefaultQPS, Now: clock.Now}), clock, false, dir)
			if err := c.AddGift(context.Background(), testRose); err != nil {
				t.Fatal(err)
			}
			if w := c.Stats().LimiterWaited; w < time.Second {
				t.Errorf("the first add_gift waited %v, want a whole interval", w)
			}
		})
	}
}
