package account_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
)

// An account's identity is its user ID and application: recorded in state, importable with an
// import block's identity = {...} (the way to adopt known accounts, which have no list
// command), and refused when it names another application.
func TestAccAccount_identity(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	e.RequireEmulator(t, "the application's SDKAppID is the emulator's")
	id := acctest.TestName()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.checkAccountsDestroyed,
		Steps: []resource.TestStep{
			{
				Config: e.accountConfig("user_id = " + acctest.HCL(id)),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(account, map[string]knownvalue.Check{
					"user_id":    knownvalue.StringExact(id),
					"sdk_app_id": knownvalue.Int64Exact(int64(emulator.DefaultSDKAppID)),
				})},
			},
			{ResourceName: account, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{
				Config: e.accountConfig("user_id = "+acctest.HCL(id)) + fmt.Sprintf(`
import {
  to       = tencentlive_account.other
  identity = { user_id = %q, sdk_app_id = %d }
}
resource "tencentlive_account" "other" {
  user_id = %q
}
`, id, emulator.DefaultSDKAppID+7, id),
				PlanOnly:    true,
				ExpectError: acctest.Exactly(fmt.Sprintf("in application %d, but the provider is configured for application %d", emulator.DefaultSDKAppID+7, emulator.DefaultSDKAppID)),
			},
		},
	})
}
