package giftkit

import (
	"context"
	"strings"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/emutest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// The catalogue is read once per process until a write; a category write (not a gift write)
// makes delete's category look-up read again; without the bulk read, the documented reads.
func TestSessionCatalog(t *testing.T) {
	ctx := context.Background()
	emu, url := emutest.Serve(t, emulator.Options{})
	c := emutest.RetryingClient(t, url, 0)
	if err := c.AddGift(ctx, wire.Gift{ID: "rose", DefaultName: "Rose", Coins: 1}); err != nil {
		t.Fatal(err)
	}
	if err := c.AddGiftCategory(ctx, wire.GiftCategory{ID: "hot", DefaultName: "Hot"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddGiftCategoryRelations(ctx, "hot", []string{"rose"}); err != nil {
		t.Fatal(err)
	}
	s := &Session{}
	emu.ResetStats()
	bulkReads := func() int64 { return emu.Stats().Commands["get_gift_info_list"] }
	for range 3 {
		if g, found, err := s.ReadGift(ctx, c, "rose"); err != nil || !found || g.DefaultName != "Rose" {
			t.Fatalf("ReadGift: %+v %v %v", g, found, err)
		}
	}
	if _, found, _ := s.ReadCategory(ctx, c, "hot"); !found || bulkReads() != 1 {
		t.Fatalf("three gift reads and a category read sent %d bulk reads, want 1", bulkReads())
	}
	if _, ok := s.CachedCatalog(); !ok {
		t.Fatal("CachedCatalog after a read")
	}
	s.Wrote() // a gift write: the catalogue is stale, but not its categories
	if _, ok := s.CachedCatalog(); ok {
		t.Fatal("CachedCatalog after a write")
	}
	if listed, err := s.CategoriesListingGift(ctx, c, "rose"); err != nil || strings.Join(listed, ",") != "hot" || bulkReads() != 1 {
		t.Fatalf("CategoriesListingGift %v %v after %d bulk reads", listed, err, bulkReads())
	}
	s.WroteCategory()
	if _, err := s.CategoriesListingGift(ctx, c, "rose"); err != nil || bulkReads() != 2 {
		t.Fatalf("a category write must make the look-up read again (%d bulk reads, %v)", bulkReads(), err)
	}
	if _, found, err := s.ReadGift(ctx, c, "car"); err != nil || found {
		t.Fatalf("a missing gift: found %v, %v", found, err)
	}

	_, url = emutest.Serve(t, emulator.Options{NoGiftInfoList: true})
	c = emutest.RetryingClient(t, url, 0)
	if err := c.AddGift(ctx, wire.Gift{ID: "rose", DefaultName: "Rose", Coins: 1}); err != nil {
		t.Fatal(err)
	}
	s = &Session{}
	if g, found, err := s.ReadGift(ctx, c, "rose"); err != nil || !found || g.ID != "rose" {
		t.Fatalf("documented read: %+v %v %v", g, found, err)
	}
	if _, found, err := s.ReadGift(ctx, c, "car"); err != nil || found {
		t.Fatalf("documented read of a missing gift: found %v, %v", found, err)
	}
	s.PlanCategoryGifts("hot", []string{"rose"})
	if listed, err := s.CategoriesListingGift(ctx, c, "rose"); err != nil || strings.Join(listed, ",") != "hot" {
		t.Fatalf("without the bulk read, the planned categories: %v %v", listed, err)
	}
}
