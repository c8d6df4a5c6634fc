package gift

import (
	"context"
	"errors"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftcategory"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Either order would be safe: del_gift removes a gift from every category and
// del_gift_category keeps its gifts. The categories go first because, where the bulk read is
// off, their relations are the only list of gifts the service gives, so the categories' sweeper
// finds test gifts the record file lacks, as the rooms' sweeper finds accounts.
func init() {
	sweep.Register(sweep.Sweeper{Name: "tencentlive_gift", Dependencies: []string{giftcategory.SweeperName}, Sweep: sweepGifts})
}

// sweepGifts deletes the test gifts: those the bulk read shows, or, where it is off, the
// recorded ones and the ones the swept categories showed. del_gift of a gift that does not
// exist succeeds, so without the bulk read each candidate costs one request; the client paces
// del_gift at the vendor's 1 call/s.
func sweepGifts(run *sweep.Run) error {
	var failures sweep.Failures
	ctx, cancel := context.WithTimeout(context.Background(), sweep.OperationTimeout)
	catalog, err := run.Client.GetGiftCatalog(ctx)
	cancel()
	bulk := err == nil
	if !errors.Is(err, wire.ErrBulkReadUnavailable) {
		failures.Add("get_gift_info_list", err)
	}
	var listed []string
	exists := map[string]bool{}
	for _, g := range catalog.Gifts {
		if sweep.Owned(g.ID) {
			listed = append(listed, g.ID)
			exists[g.ID] = true
		}
	}
	names, err := run.Candidates(sweep.KindGift, listed...)
	failures.Add("record file", err)
	var gone []string
	for _, id := range names {
		if bulk && !exists[id] {
			// The whole catalogue was read: a recorded name it lacks is gone already (or was a
			// category's ID, as the tests name both alike).
			gone = append(gone, id)
			continue
		}
		err := run.Do(id, func(ctx context.Context) error { return run.Client.DeleteGift(ctx, id) })
		if err == nil || errors.Is(err, wire.ErrGiftNotFound) {
			gone = append(gone, id)
			continue
		}
		failures.Add("gift "+id, err)
	}
	failures.Add("record file", run.Gone(sweep.KindGift, gone))
	return failures.Err()
}
