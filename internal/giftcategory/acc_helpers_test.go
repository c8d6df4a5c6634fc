// Helpers of the gift category's acceptance tests.

package giftcategory_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/provider"
)

func TestMain(m *testing.M) { acctest.Main(m) }

var testProviders = acctest.Providers(provider.New("test"))

const category = "tencentlive_gift_category.test"

// giftBlock is a tencentlive_gift named name with ID id.
func giftBlock(name, id string, coins int) string {
	return fmt.Sprintf(`
resource "tencentlive_gift" %q {
  gift_id      = %q
  default_name = %q
  coins        = %d
  languages = {
    en = { name = %q }
  }
}
`, name, id, name, coins, name)
}

// categoryBlock is a tencentlive_gift_category "test" with the given attribute lines.
func categoryBlock(lines string) string {
	return "\nresource \"tencentlive_gift_category\" \"test\" {\n" + lines + "\n}\n"
}

// checkCategoryGifts passes when the emulator's category lists exactly want.
func checkCategoryGifts(e *acctest.Env, categoryID string, want ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, c := range e.Emu.Gifts().Categories {
			if c.CategoryID == categoryID {
				got := slices.Sorted(slices.Values(c.GiftIDs))
				if !slices.Equal(got, slices.Sorted(slices.Values(want))) {
					return fmt.Errorf("category %s lists %v, want %v", categoryID, got, want)
				}
				return nil
			}
		}
		return fmt.Errorf("category %s is not in the emulator", categoryID)
	}
}

// checkCatalogEmpty is CheckDestroy: the emulator holds no gift and no category.
func checkCatalogEmpty(e *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if e.Emu == nil {
			return nil
		}
		if c := e.Emu.Gifts(); len(c.Gifts)+len(c.Categories) > 0 {
			return fmt.Errorf("left after destroy: %d gifts, %d categories", len(c.Gifts), len(c.Categories))
		}
		return nil
	}
}

func findCategory(e *acctest.Env, id string) (emulator.GiftCategory, bool) {
	for _, c := range e.Emu.Gifts().Categories {
		if c.CategoryID == id {
			return c, true
		}
	}
	return emulator.GiftCategory{}, false
}
