package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// Invalid provider settings fail at plan, naming the attribute (and its environment variable
// when the value may come from there).
func TestAccProvider_invalidConfiguration(t *testing.T) {
	// Not parallel: clears the TENCENTLIVE_* variables the in-process provider reads.
	for _, v := range []string{tfkit.EnvSDKAppID, tfkit.EnvSecretKey, tfkit.EnvIdentifier, tfkit.EnvRegion, tfkit.EnvEndpoint, tfkit.EnvMaxRetries, tfkit.EnvRequestsPerSecond, tfkit.EnvInsecureHTTP, tfkit.EnvCACertFile} {
		t.Setenv(v, "")
	}
	e := newAccEnv(t, emulator.Options{})
	e.RequireEmulator(t, "the provider block points at the emulator")
	id := acctest.RoomID("provider")
	room := fmt.Sprintf(`
resource "tencentlive_room" "test" {
  room_id       = %q
  seat_template = "Karaoke"
}
`, id)
	provider := func(lines string) string { return "provider \"tencentlive\" {\n" + lines + "\n}\n" + room }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: provider(fmt.Sprintf("endpoint = %q\nsecret_key = %q", e.URL, emulator.DefaultSecretKey)),
				ExpectError: acctest.Diagnostic("Error: Missing sdk_app_id",
					"Set sdk_app_id in the provider block or the TENCENTLIVE_SDK_APP_ID environment variable to the SDKAppID shown in the Tencent RTC console."),
			},
			{
				Config: provider(fmt.Sprintf("endpoint = %q\nsdk_app_id = %d", e.URL, emulator.DefaultSDKAppID)),
				ExpectError: acctest.Diagnostic("Error: Missing secret_key",
					"Set secret_key in the provider block or the TENCENTLIVE_SECRET_KEY environment variable to the application's secret key from the Tencent RTC console."),
			},
			{
				Config: provider(`endpoint = "http://live.example.com:8080"`),
				ExpectError: acctest.Diagnostic("Error: Invalid endpoint",
					`endpoint (TENCENTLIVE_ENDPOINT) is "http://live.example.com:8080"; plain http is allowed only for loopback hosts (127.0.0.0/8, ::1, localhost), since every request carries a UserSig. Use https, or set insecure_http_endpoint (TENCENTLIVE_INSECURE_HTTP_ENDPOINT) to true`),
			},
			{
				Config: provider(`region = "mars"`),
				ExpectError: acctest.Diagnostic("Error: Invalid region",
					`region (TENCENTLIVE_REGION) is "mars"; it must be one of china, frankfurt, jakarta, mumbai, seoul, singapore, tokyo, usa.`),
			},
			{
				Config:      provider(`requests_per_second = 500`),
				ExpectError: acctest.Diagnostic("Error: Invalid requests_per_second", "requests_per_second (TENCENTLIVE_REQUESTS_PER_SECOND) is 500; it must be above 0 and at most 200, the documented per-command rate (60007 above it)."),
			},
			{
				// A wrong key is caught at plan by the check for an existing room.
				Config: provider(fmt.Sprintf("endpoint = %q\nsdk_app_id = %d\nsecret_key = \"not-the-key\"", e.URL, emulator.DefaultSDKAppID)),
				ExpectError: acctest.Diagnostic("Error: Unable to check live room",
					fmt.Sprintf(`Room %q: get_room_info failed with 70009 (UserSig verification failed: signed with another key)`, id),
					acctest.RequestID, "secret_key (TENCENTLIVE_SECRET_KEY) does not belong to this sdk_app_id."),
			},
		},
	})
}

// The provider block may take its values from the environment alone.
func TestAccProvider_environmentOnly(t *testing.T) {
	e := newAccEnv(t, emulator.Options{})
	e.RequireEmulator(t, "the environment points at the emulator")
	t.Setenv(tfkit.EnvEndpoint, e.URL)
	t.Setenv(tfkit.EnvSDKAppID, fmt.Sprint(emulator.DefaultSDKAppID))
	t.Setenv(tfkit.EnvSecretKey, emulator.DefaultSecretKey)
	t.Setenv(tfkit.EnvIdentifier, "")
	t.Setenv(tfkit.EnvRegion, "")
	id := acctest.RoomID("env")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf("provider \"tencentlive\" {}\n\nresource \"tencentlive_room\" \"test\" {\n  room_id = %q\n  seat_template = \"Karaoke\"\n}\n", id),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateIs("tencentlive_room.test", "owner_account", knownvalue.StringExact(emulator.DefaultAdmin)),
			},
		}},
	})
}

// Provider settings unknown at plan (taken from another resource) do not fail the plan; the
// provider is configured at apply, when they are known.
func TestAccProvider_unknownConfigurationAtPlan(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	e.RequireEmulator(t, "the provider block points at the emulator")
	id := acctest.RoomID("later")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
resource "terraform_data" "later" {
  input = "x"
}

locals {
  later = substr(terraform_data.later.id, 0, 0)
}

provider "tencentlive" {
  endpoint   = "${local.later}%s"
  sdk_app_id = %d
  secret_key = "${local.later}%s"
}

resource "tencentlive_room" "test" {
  room_id       = %q
  seat_template = "AudioSalon"
}
`, e.URL, emulator.DefaultSDKAppID, emulator.DefaultSecretKey, id),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("tencentlive_room.test", plancheck.ResourceActionCreate),
				plancheck.ExpectKnownValue("tencentlive_room.test", tfjsonpath.New("owner_account"), knownvalue.StringExact(emulator.DefaultAdmin)),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateIs("tencentlive_room.test", "room_name", knownvalue.StringExact(id)),
			},
		}},
	})
}
