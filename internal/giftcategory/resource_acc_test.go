package giftcategory_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
)

// A category with translations lists two gifts; a third is added and one removed by
// difference; a gift added in the console shows as drift and is removed; import verifies.
func TestAccGiftCategory_lifecycle(t *testing.T) {
	acctest.PreCheckGifts(t)
	e := acctest.NewEnv(t, emulator.Options{})
	e.RequireEmulator(t, "reads the emulator's relations")
	rose, car, ring, catID := acctest.GiftID(), acctest.GiftID(), acctest.GiftID(), acctest.GiftID()
	gifts := e.Provider() + giftBlock("rose", rose, 10) + giftBlock("car", car, 500) + giftBlock("ring", ring, 100)
	config := func(list string) string {
		return gifts + categoryBlock(fmt.Sprintf(`  category_id    = %q
  default_name   = "Hot"
  default_desc   = "最受欢迎的礼物，本周送出最多的二十个"
  extension_info = jsonencode({ order = "1" })
  gift_ids       = [%s]
  languages = {
    en        = { name = "Hot", desc = "Most sent this week" }
    "zh-Hans" = { name = "热门" }
  }`, catID, list))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkCatalogEmpty(e),
		Steps: []resource.TestStep{
			{
				Config: config("tencentlive_gift.rose.gift_id, tencentlive_gift.car.gift_id"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(category, tfjsonpath.New("id"), knownvalue.StringExact(catID)),
					statecheck.ExpectKnownValue(category, tfjsonpath.New("gift_ids"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact(rose), knownvalue.StringExact(car)})),
				},
				Check: resource.ComposeTestCheckFunc(checkCategoryGifts(e, catID, rose, car), func(*terraform.State) error {
					c, _ := findCategory(e, catID)
					if c.Languages["zh-Hans"].Name != "热门" || c.Languages["en"].Desc != "Most sent this week" {
						return fmt.Errorf("translations %+v", c.Languages)
					}
					return nil
				}),
			},
			{
				PreConfig: func() { e.Emu.ResetStats() },
				Config:    config("tencentlive_gift.rose.gift_id, tencentlive_gift.ring.gift_id"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(category, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(checkCategoryGifts(e, catID, rose, ring), func(*terraform.State) error {
					cmds := e.Emu.Stats().Commands
					if cmds["add_gift_category_relations"] != 1 || cmds["del_gift_category_relations"] != 1 || cmds["edit_gift_category"] != 0 || cmds["set_gift_category_language"] != 0 {
						return fmt.Errorf("a changed gift set sent %v", cmds)
					}
					return nil
				}),
			},
			{
				// Added in the console: drift, removed by the apply.
				PreConfig: func() {
					if _, err := e.Client.AddGiftCategoryRelations(context.Background(), catID, []string{car}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config("tencentlive_gift.rose.gift_id, tencentlive_gift.ring.gift_id"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(category, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: checkCategoryGifts(e, catID, rose, ring),
			},
			{
				ResourceName:            category,
				ImportState:             true,
				ImportStateId:           catID,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts", "extension_info"},
			},
		},
	})
}

// A gift replaced under the same ID (del_gift takes it out of every category) is put back
// into the category in the same apply, and the next plan is empty.
func TestAccGiftCategory_giftReplacedIsRelinked(t *testing.T) {
	acctest.PreCheckGifts(t)
	e := acctest.NewEnv(t, emulator.Options{})
	e.RequireEmulator(t, "reads the emulator's relations")
	rose, car, catID := acctest.GiftID(), acctest.GiftID(), acctest.GiftID()
	for _, literal := range []bool{false, true} {
		t.Run(fmt.Sprintf("literal IDs %v", literal), func(t *testing.T) {
			list := "tencentlive_gift.rose.gift_id, tencentlive_gift.car.gift_id"
			if literal {
				list = fmt.Sprintf("%q, %q", rose, car)
			}
			config := e.Provider() + giftBlock("rose", rose, 10) + giftBlock("car", car, 500) + categoryBlock(fmt.Sprintf(
				"  category_id = %q\n  default_name = \"Hot\"\n  gift_ids = [%s]", catID, list))
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				CheckDestroy:             checkCatalogEmpty(e),
				Steps: []resource.TestStep{
					{Config: config, Check: checkCategoryGifts(e, catID, rose, car)},
					{
						Taint:  []string{"tencentlive_gift.rose"},
						Config: config,
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{
								plancheck.ExpectResourceAction("tencentlive_gift.rose", plancheck.ResourceActionReplace),
							},
							PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
						},
						Check: checkCategoryGifts(e, catID, rose, car),
					},
				},
			})
		})
	}
}
