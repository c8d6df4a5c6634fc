// Helpers of the account's acceptance tests: the provider served in-process and the
// acceptance environment (internal/acctest).

package account_test

import (
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/provider"
)

func TestMain(m *testing.M) { acctest.Main(m) }

// testProviders serves the provider in-process to the Terraform CLI.
var testProviders = acctest.Providers(provider.New("test"))

// accEnv is acctest.Env, with the helpers the account's tests add.
type accEnv struct{ *acctest.Env }

func newAccEnv(t *testing.T, opts emulator.Options) *accEnv { return &accEnv{acctest.NewEnv(t, opts)} }

func str(p *string) string {
	if p == nil {
		return "<absent>"
	}
	return *p
}

// room is the address of the room some account tests make.
const room = "tencentlive_room.test"
