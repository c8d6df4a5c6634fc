// Test helpers of the package's tests: the acceptance environment (internal/acctest) with the
// provider served in-process, and a provider block with nothing set.

package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
)

func TestMain(m *testing.M) { acctest.Main(m) }

// testProviders serves the provider in-process to the Terraform CLI.
var testProviders = acctest.Providers(New("test"))

// accEnv is acctest.Env, with the helpers this package's tests add.
type accEnv struct{ *acctest.Env }

func newAccEnv(t *testing.T, opts emulator.Options) *accEnv { return &accEnv{acctest.NewEnv(t, opts)} }

// nullModel is a provider block with nothing set.
func nullModel() providerModel {
	return providerModel{
		SDKAppID: types.Int64Null(), SecretKey: types.StringNull(), Identifier: types.StringNull(),
		Region: types.StringNull(), Endpoint: types.StringNull(), MaxRetries: types.Int64Null(),
		RequestsPerSecond: types.Float64Null(), PlanChecks: types.BoolNull(), AdoptExisting: types.BoolNull(),
		InsecureHTTP: types.BoolNull(), CACertFile: types.StringNull(),
	}
}
