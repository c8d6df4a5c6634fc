package giftcategory_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func categoryListBlock(name string, includeResource bool, line string) string {
	return fmt.Sprintf("\nlist \"tencentlive_gift_category\" %q {\n  provider = tencentlive\n  include_resource = %t\n  config {\n    %s\n  }\n}\n",
		name, includeResource, line)
}

func categoryIdentity(e *acctest.Env, categoryID string) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{
		"category_id": knownvalue.StringExact(categoryID),
		"sdk_app_id":  knownvalue.Int64Exact(int64(e.Client.SDKAppID())), //nolint:gosec // 32-bit
	}
}

// `terraform query` lists the categories made in the console with identities and, with
// include_resource, the gifts each shows and its translations; an empty prefix is refused.
func TestAccGiftCategoryList_query(t *testing.T) {
	acctest.PreCheckGifts(t)
	e := acctest.NewEnv(t, emulator.Options{})
	rose, car, hot, fresh := acctest.GiftID(), acctest.GiftID(), acctest.GiftID(), acctest.GiftID()
	acctest.Behind(t, func(ctx context.Context) error {
		for _, g := range []wire.Gift{{ID: rose, DefaultName: "Rose", Coins: 1}, {ID: car, DefaultName: "Car", Coins: 900}} {
			if err := e.Client.AddGift(ctx, g); err != nil {
				return err
			}
		}
		for _, c := range []wire.GiftCategory{{ID: hot, DefaultName: "Hot", ExtensionInfo: `{"order":"1"}`}, {ID: fresh, DefaultName: "New"}} {
			if err := e.Client.AddGiftCategory(ctx, c); err != nil {
				return err
			}
		}
		if err := e.Client.SetGiftCategoryLanguage(ctx, hot, "zh-Hant", wire.GiftText{Name: "熱門"}); err != nil {
			return err
		}
		_, err := e.Client.AddGiftCategoryRelations(ctx, hot, []string{rose, car})
		return err
	})()
	t.Cleanup(func() {
		for _, id := range []string{hot, fresh} {
			_ = e.Client.DeleteGiftCategory(context.Background(), id)
		}
		for _, id := range []string{rose, car} {
			_ = e.Client.DeleteGift(context.Background(), id)
		}
	})
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: e.Provider()},
			{
				Query: true,
				Config: categoryListBlock("named", true, fmt.Sprintf("category_ids = [%q, %q]", hot, fresh)) +
					categoryListBlock("prefix", false, "category_id_prefix = "+acctest.HCL(hot)),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("tencentlive_gift_category.named", 2),
					querycheck.ExpectIdentity("tencentlive_gift_category.named", categoryIdentity(e, hot)),
					querycheck.ExpectIdentity("tencentlive_gift_category.named", categoryIdentity(e, fresh)),
					querycheck.ExpectResourceKnownValues("tencentlive_gift_category.named", queryfilter.ByResourceIdentity(categoryIdentity(e, hot)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("default_name"), KnownValue: knownvalue.StringExact("Hot")},
							{Path: tfjsonpath.New("extension_info"), KnownValue: knownvalue.StringExact(`{"order":"1"}`)},
							{Path: tfjsonpath.New("gift_ids"), KnownValue: knownvalue.SetExact([]knownvalue.Check{
								knownvalue.StringExact(rose), knownvalue.StringExact(car)})},
							{Path: tfjsonpath.New("languages").AtMapKey("zh-Hant").AtMapKey("name"), KnownValue: knownvalue.StringExact("熱門")},
						}),
					querycheck.ExpectResourceKnownValues("tencentlive_gift_category.named", queryfilter.ByResourceIdentity(categoryIdentity(e, fresh)),
						[]querycheck.KnownValueCheck{{Path: tfjsonpath.New("gift_ids"), KnownValue: knownvalue.SetExact(nil)}}),
					querycheck.ExpectLength("tencentlive_gift_category.prefix", 1),
					querycheck.ExpectIdentity("tencentlive_gift_category.prefix", categoryIdentity(e, hot)),
				},
			},
			{
				Query:       true,
				Config:      categoryListBlock("empty", false, `category_id_prefix = ""`),
				ExpectError: regexp.MustCompile(`category_id_prefix`),
			},
		},
	})
}

// A category's identity is recorded at create and imports it with nothing to change.
func TestAccGiftCategory_identity(t *testing.T) {
	acctest.PreCheckGifts(t)
	e := acctest.NewEnv(t, emulator.Options{})
	giftID, catID := acctest.GiftID(), acctest.GiftID()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkCatalogEmpty(e),
		Steps: []resource.TestStep{
			{
				Config: e.Provider() + giftBlock("rose", giftID, 5) + categoryBlock(fmt.Sprintf(
					"  category_id  = %q\n  default_name = \"Hot\"\n  gift_ids     = [tencentlive_gift.rose.gift_id]", catID)),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(category, categoryIdentity(e, catID))},
			},
			{ResourceName: category, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}
