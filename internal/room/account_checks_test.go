package room

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/emutest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/testclock"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// lookupAll runs one look-up per user ID concurrently, as rooms planned in parallel do, with
// planning counting them in flight.
func lookupAll(t *testing.T, a *accountChecks, c *wire.Client, ids []string) map[string][2]bool {
	t.Helper()
	var planning atomic.Int64
	planning.Store(int64(len(ids)))
	var mu sync.Mutex
	got := map[string][2]bool{}
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answer := a.lookup(context.Background(), c, []string{id}, &planning, func() bool { return false })[id]
			planning.Add(-1) // this room's plan ends, as ModifyPlan's does
			a.roomPlanned()
			mu.Lock()
			got[id] = [2]bool{answer.imported, answer.checked}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return got
}

// Look-ups are answered correctly, each user ID once, in batches of at most 100.
func TestAccountChecksBatchAndRemember(t *testing.T) {
	_, c := newTestRoomResource(t)
	ctx := context.Background()
	var ids []string
	for i := 0; i < 250; i++ {
		id := fmt.Sprintf("host-%03d", i)
		ids = append(ids, id)
		if i%2 == 0 {
			if err := c.ImportAccount(ctx, wire.Account{UserID: id}); err != nil {
				t.Fatal(err)
			}
		}
	}
	a := &accountChecks{window: time.Hour} // batches go out when full or when every look-up waits
	got := lookupAll(t, a, c, append(ids, ids[:50]...))
	for i, id := range ids {
		if want := [2]bool{i%2 == 0, true}; got[id] != want {
			t.Fatalf("%s: (imported, checked) = %v, want %v", id, got[id], want)
		}
	}
	n := c.Stats().ByCommand["account_check"].Requests
	if n != 3 {
		t.Fatalf("250 user IDs (50 asked twice) took %d account_check requests, want 3", n)
	}
	lookupAll(t, a, c, ids[:10])
	if c.Stats().ByCommand["account_check"].Requests != n {
		t.Fatalf("user IDs already answered were asked again: %d requests", n)
	}
}

// A look-up that finds no idle request slot is answered "not checked", never "not imported".
func TestAccountChecksLeaveBusyLookupsToApply(t *testing.T) {
	_, c := newTestRoomResource(t, 5) // one request spends the bucket
	ctx := context.Background()
	for c.Stats().NotIdle == 0 {
		_, _ = c.CheckAccounts(wire.WhenIdle(ctx), []string{"drain"})
	}
	var planning atomic.Int64
	planning.Store(1)
	a := &accountChecks{}
	answer := a.lookup(ctx, c, []string{"ghost"}, &planning, func() bool { return true })["ghost"]
	if answer.checked || answer.imported {
		t.Fatalf("(imported, checked) = (%v, %v), want (false, false)", answer.imported, answer.checked)
	}
}

// One room's many accounts (owner, admins, robots) go out in full batches of at most 100, and
// the room waits once for all of them.
func TestAccountChecksOneRoomManyAccounts(t *testing.T) {
	_, c := newTestRoomResource(t)
	ctx := context.Background()
	var ids []string
	for i := 0; i < 150; i++ {
		id := fmt.Sprintf("robot-%03d", i)
		ids = append(ids, id)
		if i%3 == 0 {
			if err := c.ImportAccount(ctx, wire.Account{UserID: id}); err != nil {
				t.Fatal(err)
			}
		}
	}
	var planning atomic.Int64
	planning.Store(1)
	a := &accountChecks{window: 10 * time.Millisecond}
	answers := a.lookup(ctx, c, ids, &planning, func() bool { return false })
	for i, id := range ids {
		if want := (accountAnswer{imported: i%3 == 0, checked: true}); answers[id] != want {
			t.Fatalf("%s: %+v, want %+v", id, answers[id], want)
		}
	}
	if n := c.Stats().ByCommand["account_check"].Requests; n != 2 {
		t.Fatalf("150 user IDs of one room took %d account_check requests, want 2 (100 + 50)", n)
	}
}

// The window follows the rooms: five rooms asking 3/4 of a window apart share one request,
// however long the machine takes between them (the window runs on the client's clock, here one
// that moves only when the test says so), and a room asking after that batch went out starts
// the next one.
func TestAccountChecksWindowFollowsTheRooms(t *testing.T) {
	_, url := emutest.Serve(t, emulator.Options{})
	clock := testclock.NewManual(time.Now())
	c, err := wire.New(wire.Config{SDKAppID: emulator.DefaultSDKAppID, SecretKey: emulator.DefaultSecretKey,
		Identifier: emulator.DefaultAdmin, BaseURL: url, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	var planning atomic.Int64
	planning.Store(6)
	a := &accountChecks{}
	var wg sync.WaitGroup
	ask := func(id string) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a.lookup(context.Background(), c, []string{id}, &planning, func() bool { return false })
			planning.Add(-1)
			a.roomPlanned()
		}()
	}
	for i := range 5 {
		ask(fmt.Sprintf("late-%d", i))
		waitFor(t, func() bool { a.mu.Lock(); defer a.mu.Unlock(); return a.waiting == int64(i+1) })
		clock.Advance(accountBatchWindow * 3 / 4)
	}
	clock.Advance(accountBatchWindow)
	wg.Wait()
	if n := c.Stats().ByCommand["account_check"].Requests; n != 1 {
		t.Fatalf("five rooms asking %v apart took %d account_check requests, want 1", accountBatchWindow*3/4, n)
	}
	ask("late-5")
	waitFor(t, func() bool { a.mu.Lock(); defer a.mu.Unlock(); return a.waiting == 1 })
	clock.Advance(accountBatchWindow)
	wg.Wait()
	if n := c.Stats().ByCommand["account_check"].Requests; n != 2 {
		t.Fatalf("a room asking after the batch went out took %d account_check requests in all, want 2", n)
	}
}

// waitFor polls cond until it holds (a goroutine has reached the state the test needs).
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting for the look-ups")
		}
	}
}
