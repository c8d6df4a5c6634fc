package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// functionSupport skips below Terraform 1.8, the first release with provider-defined functions;
// CI runs these tests under OpenTofu 1.12.6 too (`make testacc-tofu`).
var functionSupport = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)}

// The function through the real CLI, with no provider block and no TENCENTLIVE_* settings:
// it needs neither configuration nor network.
func TestAccOccurrencesFunction(t *testing.T) {
	t.Setenv(tfkit.EnvSDKAppID, "")
	t.Setenv(tfkit.EnvSecretKey, "")
	t.Setenv(tfkit.EnvEndpoint, "")
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionSupport,
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				// Berlin 10:00 across the end of summer time, an EXDATE, a window in another offset.
				Config: `
locals {
  rule = <<-EOT
    DTSTART;TZID=Europe/Berlin:20261015T100000
    RRULE:FREQ=WEEKLY;BYDAY=TH
    EXDATE;TZID=Europe/Berlin:20261022T100000
  EOT
}

output "starts" {
  value = provider::tencentlive::occurrences(local.rule, "2026-10-01T00:00:00+08:00", "2026-11-06T00:00:00Z")
}
`,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownOutputValue("starts", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("2026-10-15T10:00:00+02:00"),
						knownvalue.StringExact("2026-10-29T10:00:00+01:00"),
						knownvalue.StringExact("2026-11-05T10:00:00+01:00"),
					})),
				}},
			},
			{
				// A rolling window from plantimestamp(), as the recurring-events module uses it: the
				// value is known at plan, and a weekly rule has two sessions in any 14 days.
				Config: `
output "window" {
  value = provider::tencentlive::occurrences("DTSTART:20260101T100000Z\nRRULE:FREQ=WEEKLY", timeadd(plantimestamp(), "1s"), timeadd(plantimestamp(), "336h"))
}
`,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownOutputValue("window", knownvalue.ListSizeExact(2)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("window", knownvalue.ListSizeExact(2)),
				},
			},
		},
	})
}

// Errors reach the user through the CLI naming the parameter and the fault.
func TestAccOccurrencesFunctionErrors(t *testing.T) {
	step := func(args, want string) resource.TestStep {
		return resource.TestStep{
			Config:      "output \"x\" {\n  value = provider::tencentlive::occurrences(" + args + ")\n}\n",
			ExpectError: regexp.MustCompile(want),
		}
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionSupport,
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			step(`"DTSTART;TZID=Asia/Atlantis:20261203T100000\nRRULE:FREQ=WEEKLY", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"`,
				`(?s)Invalid value for "rule" parameter: rule: line 1: DTSTART: unknown time zone\s+"Asia/Atlantis"`),
			step(`"DTSTART:20261203T020000Z\nRRULE:FREQ=WEEKLY;BYFORTNIGHT=2", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"`,
				`(?s)Invalid value for "rule" parameter: rule: line 2: RRULE: unknown part\s+BYFORTNIGHT`),
			step(`"RRULE:FREQ=WEEKLY", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"`,
				`(?s)Invalid value for "rule" parameter: rule: missing DTSTART`),
			step(`"DTSTART:20261203T020000Z\nRRULE:FREQ=WEEKLY", "2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z"`,
				`(?s)Invalid value for "until" parameter: until \(2026-12-01T00:00:00Z\) must be\s+after from`),
			step(`"DTSTART:20261203T020000Z\nRRULE:FREQ=WEEKLY", "yesterday", "2027-01-01T00:00:00Z"`,
				`(?s)Invalid value for "from" parameter: from: "yesterday" is not an RFC 3339`),
			step(`"DTSTART:20261201T000000Z\nRRULE:FREQ=HOURLY", "2026-12-01T00:00:00Z", "2027-12-01T00:00:00Z"`,
				`(?s)Invalid value for "until" parameter: the rule has more than 1000\s+occurrences`),
		},
	})
}
