package gift_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
)

// catalogConfig is n gifts with a translation each, one category listing them all, and the
// data source.
func catalogConfig(e *acctest.Env, ids []string, categoryID, dataSource string) string {
	config := e.Provider()
	refs := ""
	for i, id := range ids {
		config += fmt.Sprintf(`
resource "tencentlive_gift" "g%d" {
  gift_id      = %q
  default_name = "Gift %d"
  coins        = %d
  languages    = { en = { name = "Gift %d", desc = "number %d" } }
}
`, i, id, i, 10*(i+1), i, i)
		refs += fmt.Sprintf("tencentlive_gift.g%d.gift_id, ", i)
	}
	config += fmt.Sprintf(`
resource "tencentlive_gift_category" "all" {
  category_id  = %q
  default_name = "All"
  gift_ids     = [%s]
}
`, categoryID, refs)
	return config + dataSource
}

// The data source shows the catalogue from one bulk read; a refresh of the resources reads the
// catalogue once per Terraform command, never gift by gift.
func TestAccGifts_dataSource(t *testing.T) {
	acctest.PreCheckGifts(t)
	e := acctest.NewEnv(t, emulator.Options{})
	e.RequireEmulator(t, "counts the reads a refresh sends")
	ids := []string{acctest.GiftID(), acctest.GiftID(), acctest.GiftID(), acctest.GiftID()}
	catID := acctest.GiftID()
	resources := catalogConfig(e, ids, catID, "")
	withData := catalogConfig(e, ids, catID, `
data "tencentlive_gifts" "all" {
  depends_on = [tencentlive_gift_category.all]
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: resources},
			{
				PreConfig:    func() { e.Emu.ResetStats() },
				RefreshState: true,
				Check: func(*terraform.State) error {
					cmds := e.Emu.Stats().Commands
					if cmds["get_gift"]+cmds["get_gift_language"]+cmds["get_gift_category"]+cmds["get_gift_category_relations"] > 0 {
						return fmt.Errorf("a refresh read gift by gift: %v", cmds)
					}
					if n := cmds["get_gift_info_list"]; n < 1 || n > 2 {
						return fmt.Errorf("a refresh of %d gifts and a category sent %d bulk reads, want one per Terraform command", len(ids), n)
					}
					return nil
				},
			},
			{
				Config: withData,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.tencentlive_gifts.all", tfjsonpath.New("bulk_read"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("data.tencentlive_gifts.all", tfjsonpath.New("gifts"), knownvalue.ListSizeExact(len(ids))),
					statecheck.ExpectKnownValue("data.tencentlive_gifts.all", tfjsonpath.New("categories").AtSliceIndex(0).AtMapKey("gift_ids"), knownvalue.ListSizeExact(len(ids))),
				},
			},
		},
	})
}

// Where the bulk read is not served, the data source reads the gifts and categories it names
// with the documented commands, and the resources refresh the same way.
func TestAccGifts_dataSourceWithoutBulkRead(t *testing.T) {
	acctest.PreCheckGifts(t)
	e := acctest.NewEnv(t, emulator.Options{NoGiftInfoList: true})
	e.RequireEmulator(t, "turns the bulk read off")
	ids := []string{acctest.GiftID(), acctest.GiftID()}
	catID := acctest.GiftID()
	config := catalogConfig(e, ids, catID, fmt.Sprintf(`
data "tencentlive_gifts" "named" {
  gift_ids     = [%q]
  category_ids = [tencentlive_gift_category.all.category_id]
}
`, ids[1]))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: catalogConfig(e, ids, catID, "")},
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.tencentlive_gifts.named", tfjsonpath.New("bulk_read"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue("data.tencentlive_gifts.named", tfjsonpath.New("gifts").AtSliceIndex(0).AtMapKey("coins"), knownvalue.Int64Exact(20)),
					statecheck.ExpectKnownValue("data.tencentlive_gifts.named", tfjsonpath.New("gifts").AtSliceIndex(0).AtMapKey("languages").AtMapKey("en").AtMapKey("desc"), knownvalue.StringExact("number 1")),
					statecheck.ExpectKnownValue("data.tencentlive_gifts.named", tfjsonpath.New("categories").AtSliceIndex(0).AtMapKey("gift_ids"), knownvalue.ListSizeExact(2)),
				},
			},
		},
	})
}
