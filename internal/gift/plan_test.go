package gift

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/emutest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// A gift planned for creation that the refresh found listed in categories (a replacement) gets
// a warning naming them; no call is made for it, and a gift in no category gets none.
func TestWarnReplacement(t *testing.T) {
	ctx := context.Background()
	emu, url := emutest.Serve(t, emulator.Options{})
	c := emutest.RetryingClient(t, url, 0)
	for _, g := range []string{"rose", "car"} {
		if err := c.AddGift(ctx, wire.Gift{ID: g, DefaultName: g, Coins: 1}); err != nil {
			t.Fatal(err)
		}
	}
	for _, cat := range []string{"hot", "new"} {
		if err := c.AddGiftCategory(ctx, wire.GiftCategory{ID: cat, DefaultName: cat}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.AddGiftCategoryRelations(ctx, cat, []string{"rose"}); err != nil {
			t.Fatal(err)
		}
	}
	r := &giftResource{data: &tfkit.ProviderData{Client: c}}
	s := giftkit.SessionOf(r.data)

	resp := &resource.ModifyPlanResponse{}
	r.warnReplacement(s, "rose", resp)
	if len(resp.Diagnostics) != 0 {
		t.Fatalf("a warning before any catalogue read: %v", resp.Diagnostics)
	}
	if _, _, err := s.Catalog(ctx, c); err != nil { // the refresh's read
		t.Fatal(err)
	}
	emu.ResetStats()
	r.warnReplacement(s, "rose", resp)
	if len(resp.Diagnostics) != 1 || !strings.Contains(resp.Diagnostics[0].Detail(), "(hot, new)") {
		t.Fatalf("warning: %v", resp.Diagnostics)
	}
	resp = &resource.ModifyPlanResponse{}
	r.warnReplacement(s, "car", resp)
	if len(resp.Diagnostics) != 0 || emu.Stats().Total != 0 {
		t.Fatalf("car is in no category: %v, %d requests", resp.Diagnostics, emu.Stats().Total)
	}
}
