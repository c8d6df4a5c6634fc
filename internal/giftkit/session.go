package giftkit

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Session is what the gift resources remember across the calls of one provider process.
// Terraform starts a provider process per provider configuration and walk (validate, plan,
// apply), so what is here is the state of one walk. Its rules rest on how Terraform drives a
// provider:
//
//   - Every tencentlive_gift and tencentlive_gift_category of a plan is planned in the same
//     process, so two resources with one ID meet in the claims, and the number of distinct IDs
//     planned is what the configuration holds (the quota check).
//   - Resources are planned in dependency order: a category whose gift_ids reference
//     tencentlive_gift.x.gift_id is planned after that gift, so the gift is in plannedGifts by
//     then. A literal ID may be planned before its gift; it is then looked up in the catalogue.
//   - A refresh reads every resource in one process before anything is written: the first Read
//     reads the whole catalogue (get_gift_info_list, one call) and the others use that answer.
//     Any write in the process makes the next read fetch it again.
//   - del_gift takes the gift out of every category. A gift replaced under the same ID (taint,
//     -replace) is deleted and created again in one apply walk; the delete remembers which
//     categories listed it and the create puts it back, unless a category planned in this
//     process no longer lists it.
//   - The package's quota counts what exists, and an apply runs the delete of one object and
//     the create of another at once: a create refused for the quota waits for this process's
//     deletes of its kind and tries again (AddWithinQuota).
//   - -replace plans a resource twice, the second time with a null prior state; the first
//     call's private data is handed over, so the second does not claim the ID again.
type Session struct {
	gifts, categories claims
	destroyedGifts    sync.Map // gift ID → true: a tencentlive_gift of this plan is destroyed
	categoryGifts     sync.Map // category ID → []string: the gift_ids a category of this process plans
	relink            sync.Map // gift ID → []string: categories that listed it when it was deleted

	// Deletes running and done in this process, for creates the quota refused (quota.go).
	GiftDeletes, CategoryDeletes Deletes

	creates activity // gift creates
	created sync.Map // gift ID → true: created by this process

	tokenOnce sync.Once
	token     []byte

	writes         atomic.Uint64 // writes this process has made, to know when the catalogue read is stale
	categoryWrites atomic.Uint64 // of which writes to categories and their gift lists
	catalog        struct {
		sync.Mutex
		read             bool
		atWrites         uint64
		atCategoryWrites uint64
		value            wire.GiftCatalog
		unavailable      bool // get_gift_info_list is not served: read with the documented commands
	}
}

// SessionOf returns the gift session of d's provider process.
func SessionOf(d *tfkit.ProviderData) *Session { return tfkit.Session[Session](d) }

// ClaimGift records that a tencentlive_gift described by who plans giftID. It returns the
// description of the resource that claimed it earlier in this process ("" when free) and the
// number of distinct gift IDs claimed so far.
func (s *Session) ClaimGift(giftID, who string) (earlier string, count int) {
	return s.gifts.claim(giftID, who)
}

// ClaimCategory is ClaimGift for a tencentlive_gift_category.
func (s *Session) ClaimCategory(categoryID, who string) (earlier string, count int) {
	return s.categories.claim(categoryID, who)
}

// GiftPlanned reports whether a tencentlive_gift of this process plans giftID (to exist).
func (s *Session) GiftPlanned(giftID string) bool { return s.gifts.has(giftID) }

// GiftDestroyed records that a tencentlive_gift of this plan destroys giftID.
func (s *Session) GiftDestroyed(giftID string) { s.destroyedGifts.Store(giftID, true) }

// GiftBeingDestroyed reports whether a tencentlive_gift of this plan destroys giftID.
func (s *Session) GiftBeingDestroyed(giftID string) bool {
	_, ok := s.destroyedGifts.Load(giftID)
	return ok
}

// PlanCategoryGifts records the gift_ids a category of this process plans.
func (s *Session) PlanCategoryGifts(categoryID string, giftIDs []string) {
	s.categoryGifts.Store(categoryID, slices.Clone(giftIDs))
}

// RememberCategories records, before giftID is deleted, the categories that list it.
func (s *Session) RememberCategories(giftID string, categoryIDs []string) {
	if len(categoryIDs) > 0 {
		s.relink.Store(giftID, slices.Clone(categoryIDs))
	}
}

// CategoriesToRelink returns, once, the categories giftID is to be put back into after it is
// created again: those that listed it when it was deleted in this process, except a category
// this process plans without it.
func (s *Session) CategoriesToRelink(giftID string) []string {
	v, ok := s.relink.LoadAndDelete(giftID)
	if !ok {
		return nil
	}
	var out []string
	for _, cat := range stringsOf(v) {
		if planned, ok := s.categoryGifts.Load(cat); ok && !slices.Contains(stringsOf(planned), giftID) {
			continue
		}
		out = append(out, cat)
	}
	return out
}

// Wrote records a write, so the next catalogue read asks the service again.
func (s *Session) Wrote() { s.writes.Add(1) }

// WroteCategory records a write to a category or its gift list (see CategoriesListingGift).
func (s *Session) WroteCategory() { s.writes.Add(1); s.categoryWrites.Add(1) }

// Catalog returns the whole catalogue, read once per process until the process writes. ok is
// false when the service does not serve the bulk read: read with the documented commands.
// Concurrent callers wait for one read.
func (s *Session) Catalog(ctx context.Context, c *wire.Client) (cat wire.GiftCatalog, ok bool, err error) {
	return s.catalogSince(ctx, c, false)
}

// CategoriesListingGift returns the categories that list giftID now, for a delete that is to
// put the gift back if it is replaced. A catalogue read since the last write to a category
// still answers it: deleting or creating other gifts changes only their own places. Where the
// bulk read is not served, the categories planned in this process that list the gift.
func (s *Session) CategoriesListingGift(ctx context.Context, c *wire.Client, giftID string) ([]string, error) {
	cat, ok, err := s.catalogSince(ctx, c, true)
	if err != nil {
		return nil, err
	}
	if !ok {
		return s.PlannedCategoriesListing(giftID), nil
	}
	return CategoriesListing(cat, giftID), nil
}

// catalogSince is Catalog; with onlyCategories a read stays good until a category write.
func (s *Session) catalogSince(ctx context.Context, c *wire.Client, onlyCategories bool) (cat wire.GiftCatalog, ok bool, err error) {
	s.catalog.Lock()
	defer s.catalog.Unlock()
	if s.catalog.unavailable {
		return wire.GiftCatalog{}, false, nil
	}
	writes, categoryWrites := s.writes.Load(), s.categoryWrites.Load()
	if s.catalog.read && (s.catalog.atWrites == writes || onlyCategories && s.catalog.atCategoryWrites == categoryWrites) {
		return s.catalog.value, true, nil
	}
	cat, err = c.GetGiftCatalog(ctx)
	if errors.Is(err, wire.ErrBulkReadUnavailable) {
		s.catalog.unavailable = true
		return wire.GiftCatalog{}, false, nil
	}
	if err != nil {
		return wire.GiftCatalog{}, false, err
	}
	s.catalog.read, s.catalog.atWrites, s.catalog.atCategoryWrites, s.catalog.value = true, writes, categoryWrites, cat
	return cat, true, nil
}

// FindGift returns the gift giftID of cat.
func FindGift(cat wire.GiftCatalog, giftID string) (wire.GiftRecord, bool) {
	for _, g := range cat.Gifts {
		if g.ID == giftID {
			return g, true
		}
	}
	return wire.GiftRecord{}, false
}

// FindCategory returns the category categoryID of cat.
func FindCategory(cat wire.GiftCatalog, categoryID string) (wire.GiftCategoryRecord, bool) {
	for _, c := range cat.Categories {
		if c.ID == categoryID {
			return c, true
		}
	}
	return wire.GiftCategoryRecord{}, false
}

// CategoriesListing returns the IDs of the categories of cat that list giftID.
func CategoriesListing(cat wire.GiftCatalog, giftID string) []string {
	var out []string
	for _, c := range cat.Categories {
		if slices.Contains(c.GiftIDs, giftID) {
			out = append(out, c.ID)
		}
	}
	return out
}

// claims records the IDs the resources of one plan claim, with a description of the first
// claimant (the protocol does not say which resource address is planned).
type claims struct {
	mu  sync.Mutex
	ids map[string]string
}

func (c *claims) claim(id, who string) (earlier string, count int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev, taken := c.ids[id]; taken {
		return prev, len(c.ids)
	}
	if c.ids == nil {
		c.ids = map[string]string{}
	}
	c.ids[id] = who
	return "", len(c.ids)
}

func (c *claims) has(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.ids[id]
	return ok
}

// Token is a value unique to this process: a resource's planned private data carries it, so a
// second plan of the same resource in this process (-replace) knows it was planned here.
func (s *Session) Token() []byte {
	s.tokenOnce.Do(func() { s.token = []byte(fmt.Sprintf(`{"process":%d,"at":%d}`, os.Getpid(), time.Now().UnixNano())) })
	return s.token
}

// PlannedHere reports whether private data read from a planned private state carries this
// process's Token.
func (s *Session) PlannedHere(private []byte) bool {
	return len(private) > 0 && string(private) == string(s.Token())
}

// Quota returns the gift and category quotas of d's settings (the documented ones by default).
func Quota(d *tfkit.ProviderData) (gifts, categories int) {
	gifts, categories = livespec.DefaultGiftQuota, livespec.DefaultCategoryQuota
	if d != nil && d.GiftQuota > 0 {
		gifts = d.GiftQuota
	}
	if d != nil && d.CategoryQuota > 0 {
		categories = d.CategoryQuota
	}
	return gifts, categories
}

// PlannedCategoriesListing returns the categories planned in this process whose gift_ids list
// giftID (what Delete falls back to where the bulk read is not served).
func (s *Session) PlannedCategoriesListing(giftID string) []string {
	var out []string
	s.categoryGifts.Range(func(k, v any) bool {
		if id, _ := k.(string); slices.Contains(stringsOf(v), giftID) {
			out = append(out, id)
		}
		return true
	})
	slices.Sort(out)
	return out
}

// AwaitGiftPlanned waits up to wait for a tencentlive_gift of this process to plan giftID. A
// category naming a gift by a literal ID has no dependency on it, so Terraform may plan the
// category a moment before the gift; resources without dependencies are planned together,
// up to -parallelism at once.
func (s *Session) AwaitGiftPlanned(ctx context.Context, giftID string, wait time.Duration) bool {
	deadline := time.Now().Add(wait)
	for !s.GiftPlanned(giftID) {
		if time.Now().After(deadline) {
			return false
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(20 * time.Millisecond):
		}
	}
	return true
}

// CreatingGift records that a gift create of this process started; call the returned func
// with whether add_gift succeeded when it ends.
func (s *Session) CreatingGift(giftID string) (done func(created bool)) {
	ended := s.creates.start()
	return func(created bool) {
		if created {
			s.created.Store(giftID, true)
		}
		ended()
	}
}

// AwaitGiftCreated waits for giftID to be created by this process: a category whose gift_ids
// name a gift by a literal ID has no dependency on it, so its relations may be added while the
// gift is still being created in the same apply. It gives up once no gift create has been
// running for quiet (counted from the call at the earliest), or when ctx ends.
func (s *Session) AwaitGiftCreated(ctx context.Context, giftID string, quiet time.Duration) bool {
	return s.creates.await(ctx, quiet, func() bool {
		_, ok := s.created.Load(giftID)
		return ok
	})
}

// CachedCatalog returns the catalogue this process has read, if it has read it and written
// nothing since; it never calls the service (for courtesy messages that must cost no call).
func (s *Session) CachedCatalog() (wire.GiftCatalog, bool) {
	s.catalog.Lock()
	defer s.catalog.Unlock()
	if !s.catalog.read || s.catalog.atWrites != s.writes.Load() {
		return wire.GiftCatalog{}, false
	}
	return s.catalog.value, true
}

// stringsOf is the []string a sync.Map of this file holds.
func stringsOf(v any) []string {
	s, _ := v.([]string)
	return s
}
