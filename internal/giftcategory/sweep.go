package giftcategory

import (
	"context"
	"errors"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// SweeperName is the categories' sweeper, which the gifts' sweeper runs after.
const SweeperName = "tencentlive_gift_category"

func init() {
	sweep.Register(sweep.Sweeper{Name: SweeperName, Sweep: sweepCategories})
}

// sweepCategories deletes the test categories: those the bulk read shows, or, where the bulk
// read is off, the recorded ones, each read first with get_gift_category_relations. Before deleting a category it
// hands the test gifts it shows to the gifts' sweeper, as the rooms' sweeper hands on accounts:
// without the bulk read, a category's relations are the only list of gifts there is.
// del_gift_category removes the category's relations and translations; its gifts stay.
func sweepCategories(run *sweep.Run) error {
	var failures sweep.Failures
	catalog, err := readCatalog(run)
	bulk := err == nil
	if !errors.Is(err, wire.ErrBulkReadUnavailable) {
		failures.Add("get_gift_info_list", err)
	}
	var listed []string
	exists := map[string]bool{}
	for _, cat := range catalog.Categories {
		if sweep.Owned(cat.ID) {
			listed = append(listed, cat.ID)
			exists[cat.ID] = true
			run.Find(sweep.KindGift, cat.GiftIDs...)
		}
	}
	names, err := run.Candidates(sweep.KindGiftCategory, listed...)
	failures.Add("record file", err)
	var gone []string
	for _, id := range names {
		if bulk && !exists[id] {
			// The whole catalogue was read: a recorded name it lacks is gone already (or was a
			// gift's ID, as the tests name both alike).
			gone = append(gone, id)
			continue
		}
		err := run.Do(id, func(ctx context.Context) error {
			if !bulk {
				gifts, err := run.Client.GetGiftCategoryRelations(ctx, id)
				if err != nil {
					return err
				}
				run.Find(sweep.KindGift, gifts...)
			}
			return run.Client.DeleteGiftCategory(ctx, id)
		})
		if err == nil || errors.Is(err, wire.ErrGiftCategoryNotFound) {
			gone = append(gone, id)
			continue
		}
		failures.Add("gift category "+id, err)
	}
	failures.Add("record file", run.Gone(sweep.KindGiftCategory, gone))
	return failures.Err()
}

// readCatalog is the bulk read within OperationTimeout.
func readCatalog(run *sweep.Run) (wire.GiftCatalog, error) {
	ctx, cancel := context.WithTimeout(context.Background(), sweep.OperationTimeout)
	defer cancel()
	return run.Client.GetGiftCatalog(ctx)
}
