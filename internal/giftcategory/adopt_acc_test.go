package giftcategory_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// A gift and a category made in the console are adopted with import blocks and configuration
// as -generate-config-out writes it (empty values left unset): the plan imports them and
// changes nothing, and the next plan is empty.
func TestAccGiftCategory_adoptConsoleCatalog(t *testing.T) {
	acctest.PreCheckGifts(t)
	e := acctest.NewEnv(t, emulator.Options{})
	giftID, catID := acctest.GiftID(), acctest.GiftID()
	ctx := context.Background()
	made := func() {
		steps := []error{
			e.Client.AddGift(ctx, wire.Gift{ID: giftID, DefaultName: "Rose", Coins: 10}),
			e.Client.SetGiftLanguage(ctx, giftID, "zh-Hans", wire.GiftText{Name: "玫瑰"}),
			e.Client.AddGiftCategory(ctx, wire.GiftCategory{ID: catID, DefaultName: "Hot", ExtensionInfo: `{"order":"1"}`}),
		}
		_, err := e.Client.AddGiftCategoryRelations(ctx, catID, []string{giftID})
		for _, err := range append(steps, err) {
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	config := e.Provider() + fmt.Sprintf(`
import {
  to = tencentlive_gift.rose
  id = %[1]q
}

import {
  to = tencentlive_gift_category.test
  id = %[2]q
}

resource "tencentlive_gift" "rose" {
  gift_id      = %[1]q
  default_name = "Rose"
  coins        = 10
  level        = 0
  languages = {
    "zh-Hans" = { name = "玫瑰" }
  }
}

resource "tencentlive_gift_category" "test" {
  category_id    = %[2]q
  default_name   = "Hot"
  extension_info = jsonencode({ order = "1" })
  gift_ids       = [tencentlive_gift.rose.gift_id]
}
`, giftID, catID)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkCatalogEmpty(e),
		Steps: []resource.TestStep{{
			PreConfig: made,
			Config:    config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("tencentlive_gift.rose", plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction(category, plancheck.ResourceActionNoop),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
		}},
	})
}
