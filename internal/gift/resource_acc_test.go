package gift_test

import (
	"fmt"
	"maps"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// A gift with three translations is created, updated in place (a price change is one
// edit_gift and nothing else; extension_info respelled plans nothing; a translation changed
// and one dropped are one call each), imported, and destroyed.
func TestAccGift_lifecycle(t *testing.T) {
	acctest.PreCheckGifts(t)
	e := acctest.NewEnv(t, emulator.Options{})
	e.RequireEmulator(t, "counts the calls an update sends")
	id := acctest.GiftID()
	languages := `languages = {
    en        = { name = "Rose", desc = "A red rose" }
    "zh-Hans" = { name = "玫瑰", desc = "一朵红玫瑰" }
    "zh-Hant" = { name = "玫瑰" }
  }`
	base := func(coins int, ext string, langs string) string {
		return giftConfig(e, fmt.Sprintf("gift_id = %q", id), `default_name = "Rose"`, fmt.Sprintf("coins = %d", coins),
			`level = 1`, `icon_url = "https://cdn.example.com/rose.png"`, "extension_info = "+ext, langs)
	}
	var writes map[string]int64
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkGiftsDestroyed(e),
		Steps: []resource.TestStep{
			{
				Config: base(10, `jsonencode({ tier = "basic", shelf = "1" })`, languages),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(gift, tfjsonpath.New("id"), knownvalue.StringExact(id)),
					statecheck.ExpectKnownValue(gift, tfjsonpath.New("level"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(gift, tfjsonpath.New("default_desc"), knownvalue.Null()),
					statecheck.ExpectKnownValue(gift, tfjsonpath.New("languages").AtMapKey("zh-Hans").AtMapKey("name"), knownvalue.StringExact("玫瑰")),
					statecheck.ExpectKnownValue(gift, tfjsonpath.New("languages").AtMapKey("zh-Hant").AtMapKey("desc"), knownvalue.Null()),
				},
				Check: checkEmulatorGift(e, id, func(g emulator.Gift) error {
					if g.Coins != 10 || g.IconURL != "https://cdn.example.com/rose.png" || len(g.Languages) != 3 || g.Languages["en"].Desc != "A red rose" {
						return fmt.Errorf("emulator holds %+v", g)
					}
					return nil
				}),
			},
			{
				// The same JSON written another way is no change.
				Config:           base(10, `"{ \"shelf\": \"1\",  \"tier\": \"basic\" }"`, languages),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				PreConfig: func() { e.Emu.ResetStats() },
				Config:    base(20, `jsonencode({ tier = "basic", shelf = "1" })`, languages),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(gift, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					func(*terraform.State) error {
						writes = writesSince(e)
						if want := map[string]int64{"edit_gift": 1}; !maps.Equal(writes, want) {
							return fmt.Errorf("a price change sent %v, want only %v", writes, want)
						}
						return nil
					},
					checkEmulatorGift(e, id, func(g emulator.Gift) error {
						if g.Coins != 20 || g.Level != 1 || g.IconURL == "" {
							return fmt.Errorf("after the price change the emulator holds %+v", g)
						}
						return nil
					}),
				),
			},
			{
				PreConfig: func() { e.Emu.ResetStats() },
				Config: base(20, `jsonencode({ tier = "basic", shelf = "1" })`, `languages = {
    en        = { name = "Red rose", desc = "A red rose" }
    "zh-Hans" = { name = "玫瑰", desc = "一朵红玫瑰" }
  }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: resource.ComposeTestCheckFunc(
					func(*terraform.State) error {
						if want := map[string]int64{"set_gift_language": 1, "del_gift_language": 1}; !maps.Equal(writesSince(e), want) {
							return fmt.Errorf("a renamed and a dropped translation sent %v, want %v", writesSince(e), want)
						}
						return nil
					},
					checkEmulatorGift(e, id, func(g emulator.Gift) error {
						if _, ok := g.Languages["zh-Hant"]; ok || g.Languages["en"].Name != "Red rose" {
							return fmt.Errorf("translations %+v", g.Languages)
						}
						return nil
					}),
				),
			},
			{
				ResourceName:      gift,
				ImportState:       true,
				ImportStateId:     id,
				ImportStateVerify: true,
				// extension_info is read back as the service spells it, the same JSON.
				ImportStateVerifyIgnore: []string{"timeouts", "extension_info"},
			},
		},
	})
}

// A gift deleted behind Terraform's back is gone from state and planned for creation.
func TestAccGift_disappears(t *testing.T) {
	acctest.PreCheckGifts(t)
	e := acctest.NewEnv(t, emulator.Options{})
	id := acctest.GiftID()
	config := giftConfig(e, fmt.Sprintf("gift_id = %q", id), `default_name = "Car"`, "coins = 500")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkGiftsDestroyed(e),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					return e.Client.DeleteGift(t.Context(), id)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(gift, plancheck.ResourceActionCreate)}},
				Check:            checkEmulatorGift(e, id, func(emulator.Gift) error { return nil }),
			},
		},
	})
}

// Without a gift package every gift command answers 102001: one clear error that says what to
// buy.
func TestAccGift_noPackage(t *testing.T) {
	acctest.PreCheckGifts(t)
	e := acctest.NewEnv(t, emulator.Options{NoPackage: true})
	e.RequireEmulator(t, "an application without a package")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: giftConfig(e, fmt.Sprintf("gift_id = %q", acctest.GiftID()), `default_name = "Rose"`, "coins = 1"),
			ExpectError: acctest.Diagnostic("Unable to create gift", "add_gift failed with 102001",
				"Buy a TUILiveKit trial or paid package"),
		}},
	})
}

// An application whose gift configuration commands share one budget of 1 call/s (the
// emulator's -shared-gift-rate-budget): with shared_gift_rate_budget the provider paces them as
// one, so a gift, its translations and a category listing it are applied without one refusal.
// Paced per command, the same apply meets 100012 (retried, but each costs a second).
func TestAccGift_sharedRateBudget(t *testing.T) {
	acctest.PreCheckGifts(t)
	e := acctest.NewEnv(t, emulator.Options{QPS: emulator.DocumentedQPS, SharedGiftRateBudget: true})
	e.RequireEmulator(t, "a service whose gift commands share one budget")
	id, category := acctest.GiftID(), acctest.GiftID()
	provider := strings.Replace(e.Provider(), `provider "tencentlive" {`, "provider \"tencentlive\" {\n  shared_gift_rate_budget = true", 1)
	config := provider + fmt.Sprintf(`
resource "tencentlive_gift" "test" {
  gift_id      = %q
  default_name = "Rose"
  coins        = 10
  languages = {
    en        = { name = "Rose" }
    "zh-Hans" = { name = "玫瑰" }
  }
}

resource "tencentlive_gift_category" "test" {
  category_id  = %q
  default_name = "Flowers"
  gift_ids     = [tencentlive_gift.test.gift_id]
}
`, id, category)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkGiftsDestroyed(e),
		Steps: []resource.TestStep{{
			Config: config,
			Check: func(*terraform.State) error {
				st := e.Emu.Stats()
				if st.Commands["set_gift_language"] != 2 || st.Commands["add_gift_category_relations"] != 1 {
					return fmt.Errorf("the apply sent %v", st.Commands)
				}
				if n := st.ErrorCodes[int(livespec.CodeCreateTooFrequent)]; n != 0 {
					return fmt.Errorf("the shared budget refused %d calls (100012)", n)
				}
				return nil
			},
		}},
	})
}
