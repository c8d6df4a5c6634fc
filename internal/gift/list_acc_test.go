package gift_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
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

// querySince is the first Terraform with list resources and `terraform query`.
var querySince = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}

// identitySince is the first Terraform with resource identities.
var identitySince = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)}

// listBlock is a list "tencentlive_gift" block with the given config lines.
func listBlock(name string, includeResource bool, lines ...string) string {
	return fmt.Sprintf("\nlist \"tencentlive_gift\" %q {\n  provider = tencentlive\n  include_resource = %t\n  config {\n    %s\n  }\n}\n",
		name, includeResource, strings.Join(lines, "\n    "))
}

func giftIdentity(e *acctest.Env, giftID string) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{
		"gift_id":    knownvalue.StringExact(giftID),
		"sdk_app_id": knownvalue.Int64Exact(int64(e.Client.SDKAppID())), //nolint:gosec // 32-bit
	}
}

func hclList(ids ...string) string {
	quoted := make([]string, len(ids))
	for i, id := range ids {
		quoted[i] = acctest.HCL(id)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// consoleGifts are three gifts made behind Terraform's back, as in the console: one with two
// translations and custom JSON, two plain.
type consoleGifts struct{ rose, car, star string }

func makeConsoleGifts(t *testing.T, e *acctest.Env) consoleGifts {
	t.Helper()
	g := consoleGifts{rose: acctest.GiftID(), car: acctest.GiftID(), star: acctest.GiftID()}
	acctest.Behind(t, func(ctx context.Context) error {
		for _, gift := range []wire.Gift{
			{ID: g.rose, DefaultName: "Rose", Coins: 10, IconURL: "https://cdn.example.com/rose.png", ExtensionInfo: `{"rank":"1"}`},
			{ID: g.car, DefaultName: "Car", Coins: 900, Level: 3},
			{ID: g.star, DefaultName: "Star", Coins: 1},
		} {
			if err := e.Client.AddGift(ctx, gift); err != nil {
				return err
			}
		}
		if err := e.Client.SetGiftLanguage(ctx, g.rose, "en", wire.GiftText{Name: "Rose"}); err != nil {
			return err
		}
		return e.Client.SetGiftLanguage(ctx, g.rose, "zh-Hans", wire.GiftText{Name: "玫瑰", Desc: "一朵玫瑰"})
	})()
	t.Cleanup(func() {
		for _, id := range []string{g.rose, g.car, g.star} {
			_ = e.Client.DeleteGift(context.Background(), id)
		}
	})
	return g
}

// `terraform query` lists the gifts of the catalogue with identities, and with include_resource
// the objects an import reads (translations, custom JSON, empty values left null); the prefix
// and gift_ids filters narrow them, together their union.
func TestAccGiftList_query(t *testing.T) {
	acctest.PreCheckGifts(t)
	e := acctest.NewEnv(t, emulator.Options{})
	g := makeConsoleGifts(t, e)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   querySince,
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: e.Provider()},
			{
				Query: true,
				Config: listBlock("named", true, "gift_ids = "+hclList(g.rose, g.car, g.star)) +
					listBlock("prefix", false, "gift_id_prefix = "+acctest.HCL(g.rose)) +
					listBlock("both", false, "gift_id_prefix = "+acctest.HCL(g.rose), "gift_ids = "+hclList(g.star)),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("tencentlive_gift.named", 3),
					querycheck.ExpectIdentity("tencentlive_gift.named", giftIdentity(e, g.rose)),
					querycheck.ExpectIdentity("tencentlive_gift.named", giftIdentity(e, g.car)),
					querycheck.ExpectIdentity("tencentlive_gift.named", giftIdentity(e, g.star)),
					querycheck.ExpectResourceKnownValues("tencentlive_gift.named", queryfilter.ByResourceIdentity(giftIdentity(e, g.rose)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("default_name"), KnownValue: knownvalue.StringExact("Rose")},
							{Path: tfjsonpath.New("coins"), KnownValue: knownvalue.Int64Exact(10)},
							{Path: tfjsonpath.New("icon_url"), KnownValue: knownvalue.StringExact("https://cdn.example.com/rose.png")},
							{Path: tfjsonpath.New("default_desc"), KnownValue: knownvalue.Null()},
							{Path: tfjsonpath.New("extension_info"), KnownValue: knownvalue.StringExact(`{"rank":"1"}`)},
							{Path: tfjsonpath.New("languages"), KnownValue: knownvalue.MapExact(map[string]knownvalue.Check{
								"en": knownvalue.ObjectExact(map[string]knownvalue.Check{
									"name": knownvalue.StringExact("Rose"), "desc": knownvalue.Null()}),
								"zh-Hans": knownvalue.ObjectExact(map[string]knownvalue.Check{
									"name": knownvalue.StringExact("玫瑰"), "desc": knownvalue.StringExact("一朵玫瑰")}),
							})},
						}),
					querycheck.ExpectResourceKnownValues("tencentlive_gift.named", queryfilter.ByResourceIdentity(giftIdentity(e, g.car)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("level"), KnownValue: knownvalue.Int64Exact(3)},
							{Path: tfjsonpath.New("languages"), KnownValue: knownvalue.Null()},
						}),
					querycheck.ExpectResourceDisplayName("tencentlive_gift.named", queryfilter.ByResourceIdentity(giftIdentity(e, g.rose)),
						knownvalue.StringExact("Rose ("+g.rose+")")),
					querycheck.ExpectLength("tencentlive_gift.prefix", 1),
					querycheck.ExpectIdentity("tencentlive_gift.prefix", giftIdentity(e, g.rose)),
					querycheck.ExpectLength("tencentlive_gift.both", 2),
					querycheck.ExpectIdentity("tencentlive_gift.both", giftIdentity(e, g.star)),
				},
			},
		},
	})
}

// Filters that could match nothing are refused before any request, naming the attribute; a
// gift_ids entry that does not exist fails the query, naming it.
func TestAccGiftList_queryBadInput(t *testing.T) {
	e := acctest.NewEnv(t, emulator.Options{})
	missing := acctest.GiftID()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   querySince,
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: e.Provider()},
			{Query: true, Config: listBlock("empty", false, `gift_id_prefix = ""`), ExpectError: regexp.MustCompile(`gift_id_prefix`)},
			{Query: true, Config: listBlock("none", false, `gift_ids = []`), ExpectError: regexp.MustCompile(`(?s)gift_ids.*match no gift`)},
			{Query: true, Config: listBlock("long", false, `gift_ids = ["a-gift-id-of-21-bytes"]`), ExpectError: regexp.MustCompile(`(?s)gift_ids.*20 bytes`)},
			{Query: true, Config: listBlock("soon", false, `timeout = "soon"`), ExpectError: regexp.MustCompile(`(?s)timeout.*Go duration`)},
			{
				Query:       true,
				Config:      listBlock("missing", false, "gift_ids = "+hclList(missing)),
				ExpectError: regexp.MustCompile(`(?s)gift_ids lists "` + missing + `"`),
			},
		},
	})
}

// Where the bulk read is not served the named gifts are read one by one; a read that fails part
// way (the second gift does not exist) fails the whole query, as does a service that answers
// nothing but failures within the timeout. A prefix cannot be answered without the bulk read.
func TestAccGiftList_queryFailsPartWay(t *testing.T) {
	e := acctest.NewEnv(t, emulator.Options{NoGiftInfoList: true})
	g := makeConsoleGifts(t, e)
	missing := acctest.GiftID()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   querySince,
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: e.Provider()},
			{
				Query:  true,
				Config: listBlock("named", true, "gift_ids = "+hclList(g.car)),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("tencentlive_gift.named", 1),
					querycheck.ExpectResourceKnownValues("tencentlive_gift.named", queryfilter.ByResourceIdentity(giftIdentity(e, g.car)),
						[]querycheck.KnownValueCheck{{Path: tfjsonpath.New("coins"), KnownValue: knownvalue.Int64Exact(900)}}),
				},
			},
			{
				Query:       true,
				Config:      listBlock("partway", true, "gift_ids = "+hclList(g.car, missing, g.star)),
				ExpectError: regexp.MustCompile(`(?s)Unable to list gifts.*gift_ids lists "` + missing + `"`),
			},
			{
				Query:       true,
				Config:      listBlock("prefix", false, `gift_id_prefix = "tf-acc-test-"`),
				ExpectError: regexp.MustCompile(`(?s)gift_id_prefix.*get_gift_info_list`),
			},
		},
	})
}

// A query against a service failing every request gives up at its timeout with one error.
func TestAccGiftList_queryTimeout(t *testing.T) {
	e := acctest.NewEnv(t, emulator.Options{Faults: 1, Seed: 3})
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   querySince,
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: e.Provider()},
			{
				Query:       true,
				Config:      listBlock("all", true, `timeout = "3s"`),
				ExpectError: regexp.MustCompile(`(?s)Unable to list gifts.*timeout ran out`),
			},
		},
	})
}

// A gift's identity is its gift ID and application, recorded at create; an import block with
// identity = {...} imports it with nothing to change.
func TestAccGift_identity(t *testing.T) {
	acctest.PreCheckGifts(t)
	e := acctest.NewEnv(t, emulator.Options{})
	id := acctest.GiftID()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   identitySince,
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkGiftsDestroyed(e),
		Steps: []resource.TestStep{
			{
				Config: giftConfig(e, "gift_id = "+acctest.HCL(id), `default_name = "Rose"`, "coins = 10",
					`languages = { en = { name = "Rose" } }`),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(gift, giftIdentity(e, id))},
			},
			{ResourceName: gift, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}
