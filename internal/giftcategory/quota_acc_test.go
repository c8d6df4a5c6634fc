package giftcategory_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
)

// At the package's quota of three categories, an apply that deletes one category and creates
// another runs both at once. Here the service answers del_gift_category late, so the create
// meets the quota (100013) first: it waits for the delete of the same apply and is sent again,
// and the apply succeeds.
func TestAccGiftCategory_swapAtQuota(t *testing.T) {
	acctest.PreCheckGifts(t)
	e := acctest.NewEnv(t, emulator.Options{}, delayCommand("del_gift_category", 500*time.Millisecond))
	ids := []string{acctest.GiftID(), acctest.GiftID(), acctest.GiftID(), acctest.GiftID()}
	// Each ID at its own address: a removed block and a new one, not one block replaced
	// (which Terraform would destroy before creating).
	categories := func(idx ...int) string {
		config := e.Provider()
		for _, i := range idx {
			config += fmt.Sprintf("\nresource \"tencentlive_gift_category\" \"c%d\" {\n  category_id  = %q\n  default_name = \"Category %d\"\n}\n", i, ids[i], i)
		}
		return config
	}
	holds := func(want ...string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			var got []string
			for _, c := range e.Emu.Gifts().Categories {
				got = append(got, c.CategoryID)
			}
			if len(got) != len(want) {
				return fmt.Errorf("emulator holds categories %v, want %v", got, want)
			}
			for _, id := range want {
				if _, ok := findCategory(e, id); !ok {
					return fmt.Errorf("emulator holds categories %v, want %v", got, want)
				}
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkCatalogEmpty(e),
		Steps: []resource.TestStep{
			{Config: categories(0, 1, 2), Check: holds(ids[0], ids[1], ids[2])},
			// c2 goes, c3 comes: its delete and the create run at once.
			{Config: categories(0, 1, 3), Check: holds(ids[0], ids[1], ids[3])},
		},
	})
}

// delayCommand holds the emulator's answer to command back by d, so that a request sent at
// the same time as another reaches the service after it.
func delayCommand(command string, d time.Duration) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/"+command) {
				time.Sleep(d)
			}
			next.ServeHTTP(w, r)
		})
	}
}
