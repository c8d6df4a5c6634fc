// Helpers of the gift's acceptance tests: the provider served in-process and the acceptance
// environment (internal/acctest).

package gift_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/provider"
)

func TestMain(m *testing.M) { acctest.Main(m) }

var testProviders = acctest.Providers(provider.New("test"))

const gift = "tencentlive_gift.test"

// giftConfig is a tencentlive_gift "test" with the given attribute lines.
func giftConfig(e *acctest.Env, lines ...string) string {
	return e.Provider() + "\nresource \"tencentlive_gift\" \"test\" {\n  " + strings.Join(lines, "\n  ") + "\n}\n"
}

// emulatorGift returns the gift the emulator holds.
func emulatorGift(e *acctest.Env, giftID string) (emulator.Gift, bool) {
	for _, g := range e.Emu.Gifts().Gifts {
		if g.GiftID == giftID {
			return g, true
		}
	}
	return emulator.Gift{}, false
}

// checkEmulatorGift runs check on the gift the emulator holds; against the real service it
// checks only that the gift exists.
func checkEmulatorGift(e *acctest.Env, giftID string, check func(emulator.Gift) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if e.Emu == nil {
			_, err := e.Client.GetGift(context.Background(), giftID)
			return err
		}
		g, ok := emulatorGift(e, giftID)
		if !ok {
			return fmt.Errorf("gift %s is not in the emulator", giftID)
		}
		return check(g)
	}
}

// checkGiftsDestroyed is CheckDestroy: the emulator holds no gift any more.
func checkGiftsDestroyed(e *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if e.Emu == nil {
			return nil
		}
		if gifts := e.Emu.Gifts().Gifts; len(gifts) > 0 {
			return fmt.Errorf("%d gifts left after destroy, first %s", len(gifts), gifts[0].GiftID)
		}
		return nil
	}
}

// writesSince counts the gift write commands the emulator answered since ResetStats.
func writesSince(e *acctest.Env) map[string]int64 {
	out := map[string]int64{}
	for cmd, n := range e.Emu.Stats().Commands {
		if strings.HasPrefix(cmd, "add_") || strings.HasPrefix(cmd, "edit_") || strings.HasPrefix(cmd, "set_") || strings.HasPrefix(cmd, "del_") {
			out[cmd] = n
		}
	}
	return out
}
