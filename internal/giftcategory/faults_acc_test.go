package giftcategory_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
)

// With a quarter of the requests failing (5xx, 100001, lost answers, resets), a catalogue of
// gifts, translations and a category is applied without a diagnostic, the emulator holds
// exactly it (no duplicate, no lost translation or link), and the next plan is empty.
func TestAccGiftCategory_underFaults(t *testing.T) {
	acctest.PreCheckGifts(t)
	// A fixed seed: with few eligible requests a random one may inject no fault at all.
	e := acctest.NewEnv(t, emulator.Options{Faults: 0.25, Seed: 7})
	e.RequireEmulator(t, "injects faults")
	catID := acctest.GiftID()
	ids := []string{acctest.GiftID(), acctest.GiftID(), acctest.GiftID(), acctest.GiftID()}
	config := e.Provider()
	list := ""
	for i, id := range ids {
		config += giftBlock(fmt.Sprintf("g%d", i), id, 10*(i+1))
		list += fmt.Sprintf("tencentlive_gift.g%d.gift_id, ", i)
	}
	config += categoryBlock(fmt.Sprintf("  category_id = %q\n  default_name = \"All\"\n  gift_ids = [%s]\n  languages = { en = { name = \"All\" } }", catID, list))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkCatalogEmpty(e),
		Steps: []resource.TestStep{{
			Config:           config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			Check: resource.ComposeTestCheckFunc(checkCategoryGifts(e, catID, ids...), func(*terraform.State) error {
				cat := e.Emu.Gifts()
				if len(cat.Gifts) != len(ids) || len(cat.Categories) != 1 {
					return fmt.Errorf("emulator holds %d gifts, %d categories", len(cat.Gifts), len(cat.Categories))
				}
				for _, g := range cat.Gifts {
					if !slices.Contains(ids, g.GiftID) || len(g.Languages) != 1 {
						return fmt.Errorf("gift %s with translations %v", g.GiftID, g.Languages)
					}
				}
				if e.Emu.Stats().Faults == 0 {
					return fmt.Errorf("no fault was injected")
				}
				return nil
			}),
		}},
	})
}
