package giftkit

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

var errOverQuota = &wire.Error{Command: "add_gift_category", Code: livespec.CodeOverPackageLimit, Message: "over quota"}

// A create the quota refused while a delete of its kind runs in the same apply is sent again
// once the delete has freed a slot.
func TestAddWithinQuotaWaitsForADeleteOfTheApply(t *testing.T) {
	var d Deletes
	end := d.Start() // the delete of the category being swapped out, still under way
	var slotFree atomic.Bool
	go func() {
		time.Sleep(50 * time.Millisecond)
		slotFree.Store(true)
		end(true)
	}()
	calls := 0
	err := addWithinQuota(context.Background(), &d, 5*time.Second, func() error {
		calls++
		if !slotFree.Load() {
			return errOverQuota
		}
		return nil
	})
	if err != nil || calls != 2 {
		t.Fatalf("err %v after %d calls; want success on the second call, after the delete", err, calls)
	}
}

// With no delete of its kind running, or one that fails, the refusal is reported after the
// quiet time; other errors at once.
func TestAddWithinQuotaReportsARealRefusal(t *testing.T) {
	quiet := 30 * time.Millisecond
	t.Run("no delete", func(t *testing.T) {
		var d Deletes
		calls := 0
		err := addWithinQuota(context.Background(), &d, quiet, func() error { calls++; return errOverQuota })
		if !errors.Is(err, errOverQuota) || calls != 1 {
			t.Fatalf("err %v after %d calls; want the refusal after one call", err, calls)
		}
	})
	t.Run("failed delete", func(t *testing.T) {
		var d Deletes
		end := d.Start()
		go func() { time.Sleep(20 * time.Millisecond); end(false) }()
		calls := 0
		err := addWithinQuota(context.Background(), &d, quiet, func() error { calls++; return errOverQuota })
		if !errors.Is(err, errOverQuota) || calls != 1 {
			t.Fatalf("err %v after %d calls; a delete that failed freed nothing", err, calls)
		}
	})
	t.Run("other error", func(t *testing.T) {
		var d Deletes
		end := d.Start()
		defer end(true)
		other := &wire.Error{Command: "add_gift", Code: livespec.CodeInvalidParam, Message: "bad"}
		start := time.Now()
		if err := addWithinQuota(context.Background(), &d, time.Minute, func() error { return other }); !errors.Is(err, other) || time.Since(start) > time.Second {
			t.Fatalf("err %v after %v; want the error at once", err, time.Since(start))
		}
	})
	t.Run("canceled", func(t *testing.T) {
		var d Deletes
		end := d.Start()
		defer end(true)
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		if err := addWithinQuota(ctx, &d, time.Minute, func() error { return errOverQuota }); !errors.Is(err, errOverQuota) {
			t.Fatalf("err %v; want the refusal when the operation's time is up", err)
		}
	})
}
