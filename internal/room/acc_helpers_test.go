// Helpers of the room's acceptance tests: the provider served in-process, the acceptance
// environment (internal/acctest) and checks the room's tests share.

package room_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/provider"
)

func TestMain(m *testing.M) { acctest.Main(m) }

// testProviders serves the provider in-process to the Terraform CLI.
var testProviders = acctest.Providers(provider.New("test"))

// accEnv is acctest.Env, with the helpers the room's tests add.
type accEnv struct{ *acctest.Env }

func newAccEnv(t *testing.T, opts emulator.Options) *accEnv { return &accEnv{acctest.NewEnv(t, opts)} }

func expectAction(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(room, action)}}
}
