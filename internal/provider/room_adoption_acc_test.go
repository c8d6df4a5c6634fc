package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Adoption only on purpose: a room that exists under the same owner but is not in this state
// (another workspace's, or one made in the console) is never taken over silently.

// Without the opt-in, the plan refuses the room and prints the import block; the room is left
// as it was; the import block then adopts it, and the apply sets it to the configuration.
func TestAccRoom_existingRoomIsImportedNotTakenOver(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := roomID("foreign")
	fresh := e.roomConfig("room_id = "+hcl(id), `seat_template = "AudioSalon"`, `max_seat_count = 6`,
		`room_name = "Fresh name"`, `notice = "fresh notice"`)
	var updatesBefore int64
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_5_0)}, // import blocks
		CheckDestroy:             e.checkDestroyed,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					e.mustCreate(t, wire.RoomInfo{RoomID: id, SeatTemplate: ptr("AudioSalon"), MaxSeatCount: ptr(int64(6)),
						RoomName: ptr("Their name")}, "their notice")
					if e.emu != nil {
						updatesBefore = e.emu.Stats().Commands["update_room_info"]
					}
				},
				Config:   fresh,
				PlanOnly: true,
				ExpectError: diagnostic("Error: Live room already exists", "room_id = "+hcl(id),
					fmt.Sprintf(`Room %q already exists under owner %q (create_room would answer 100010, room ID already exists with the same owner), and this configuration's state does not hold it.`, id, e.identifier),
					"import {", `to = ADDRESS`, fmt.Sprintf(`id = %q`, id), "adopt_existing_rooms = true"),
			},
			{
				PreConfig: func() {
					info, err := e.remote(id)
					if err != nil || str(info.RoomName) != "Their name" || str(info.Notice) != "their notice" {
						t.Fatalf("the refused plan changed the room: %+v (%v)", info, err)
					}
					if e.emu != nil && e.emu.Stats().Commands["update_room_info"] != updatesBefore {
						t.Fatal("the refused plan sent update_room_info")
					}
				},
				Config: fresh + fmt.Sprintf("\nimport {\n  to = %s\n  id = %q\n}\n", room, id),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(room, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateIs(room, "room_name", knownvalue.StringExact("Fresh name")),
					stateIs(room, "notice", knownvalue.StringExact("fresh notice")),
				},
				Check: e.checkRemote(id, func(info wire.RoomInfo) error {
					if str(info.RoomName) != "Fresh name" || str(info.Notice) != "fresh notice" {
						return fmt.Errorf("imported room not converged: %+v", info)
					}
					return nil
				}),
			},
		},
	})
}

// With adopt_existing_rooms, the plan warns and the apply takes the room over: create_room
// answers 100010 and the updatable fields converge to the configuration.
func TestAccRoom_adoptExistingRoomWhenAllowed(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := roomID("adopt")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.checkDestroyed,
		Steps: []resource.TestStep{{
			PreConfig: func() {
				e.mustCreate(t, wire.RoomInfo{RoomID: id, SeatTemplate: ptr("AudioSalon"), MaxSeatCount: ptr(int64(6)),
					RoomName: ptr("stale name"), Category: &[]int64{9}, IsPublicVisible: ptr(false)}, "stale notice")
			},
			Config: withProviderSettings(e.roomConfig("room_id = "+hcl(id), `seat_template = "AudioSalon"`, `max_seat_count = 6`,
				`room_name = "Fresh name"`, `notice = "fresh notice"`), "adopt_existing_rooms = true"),
			ConfigPlanChecks: expectAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				stateIs(room, "room_name", knownvalue.StringExact("Fresh name")),
				stateIs(room, "notice", knownvalue.StringExact("fresh notice")),
				stateIs(room, "category", knownvalue.ListSizeExact(0)),
				stateIs(room, "is_public_visible", knownvalue.Bool(true)),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.checkRemote(id, func(info wire.RoomInfo) error {
					if str(info.RoomName) != "Fresh name" || str(info.Notice) != "fresh notice" ||
						len(*info.Category) != 0 || !*info.IsPublicVisible {
						return fmt.Errorf("adopted room not converged: %+v", info)
					}
					return nil
				}),
				func(*terraform.State) error {
					if e.emu != nil && e.answered(livespec.CodeRoomExistsSameOwner) == 0 {
						return fmt.Errorf("create_room never answered 100010: the room was not adopted")
					}
					return nil
				},
			),
		}},
	})
}

// Two resources with one room_id are refused at plan, before any request: in one apply (new
// rooms, for_each instances) and when a new resource repeats the ID of one in the state.
func TestAccRoom_duplicateRoomIDRefusedAtPlan(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := roomID("dup")
	first := fmt.Sprintf(`
resource "tencentlive_room" "test" {
  room_id       = %q
  seat_template = "Karaoke"
  room_name     = "First"
}
`, id)
	second := fmt.Sprintf(`
resource "tencentlive_room" "second" {
  room_id       = %q
  seat_template = "Karaoke"
  room_name     = "Second"
}
`, id)
	forEach := fmt.Sprintf(`
resource "tencentlive_room" "series" {
  for_each      = { a = %q, b = %q }
  room_id       = each.value
  seat_template = "Karaoke"
}
`, id+"-x", id+"-x")
	duplicate := func(name string) string {
		return fmt.Sprintf(`also has room_id %q. Two resources cannot manage one room`, name)
	}
	var creates int64
	creations := func() int64 {
		if e.emu == nil {
			return 0
		}
		return e.emu.Stats().Commands["create_room"]
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.checkDestroyed,
		Steps: []resource.TestStep{
			{
				PreConfig:   func() { creates = creations() },
				Config:      e.provider() + first + second,
				PlanOnly:    true,
				ExpectError: diagnostic("Error: Duplicate live room ID", duplicate(id)),
			},
			{
				Config:      e.provider() + forEach,
				PlanOnly:    true,
				ExpectError: diagnostic("Error: Duplicate live room ID", duplicate(id+"-x")),
			},
			{
				PreConfig: func() {
					if n := creations() - creates; n != 0 {
						t.Fatalf("refused plans sent %d create_room requests", n)
					}
				},
				Config:            e.provider() + first,
				ConfigStateChecks: []statecheck.StateCheck{stateIs(room, "room_name", knownvalue.StringExact("First"))},
			},
			{
				Config:      e.provider() + first + second,
				ExpectError: diagnostic("Error: Duplicate live room ID", duplicate(id)),
			},
			{
				Config:           e.provider() + first,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: e.checkRemote(id, func(info wire.RoomInfo) error {
					if str(info.RoomName) != "First" {
						return fmt.Errorf("the refused resource changed the room: RoomName %s", str(info.RoomName))
					}
					return nil
				}),
			},
		},
	})
}

// Owners are looked up at plan, in one account_check for all rooms: an owner that was never
// imported fails the plan before any room is created; an owner a tencentlive_account of the
// same plan creates (referenced) is not refused.
func TestAccRoom_ownerCheckedAtPlan(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	e.requireEmulator(t, "counts account_check requests")
	prefix := accountUserID("own")
	e.mustImportAccount(t, prefix+"-anna")
	e.mustImportAccount(t, prefix+"-ben")
	rooms := func(owners ...string) string {
		var b strings.Builder
		for i, o := range owners {
			fmt.Fprintf(&b, "\nresource \"tencentlive_room\" \"r%d\" {\n  room_id       = \"%s-%d\"\n  seat_template = \"Karaoke\"\n  owner_account = %s\n}\n", i, prefix, i, o)
		}
		return b.String()
	}
	var checksBefore, createsBefore int64
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.checkDestroyed,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					checksBefore = e.emu.Stats().Commands["account_check"]
					createsBefore = e.emu.Stats().Commands["create_room"]
				},
				Config: e.provider() + rooms(hcl(prefix+"-anna"), hcl(prefix+"-ben"), hcl(prefix+"-anna"), hcl(prefix+"-ghost"), hcl(prefix+"-ben")),
				ExpectError: diagnostic("Error: Owner account not imported", fmt.Sprintf(`owner_account = %q`, prefix+"-ghost"),
					fmt.Sprintf(`Account %q is not imported (account_check), so create_room would answer 70107`, prefix+"-ghost"),
					"refer to it: owner_account = tencentlive_account.<name>.user_id."),
			},
			{
				PreConfig: func() {
					if n := e.emu.Stats().Commands["account_check"] - checksBefore; n != 1 {
						t.Errorf("the plan of 5 rooms with 3 owners sent %d account_check requests, want 1", n)
					}
					if n := e.emu.Stats().Commands["create_room"] - createsBefore; n != 0 {
						t.Errorf("a refused plan created %d rooms", n)
					}
				},
				Config: e.provider() + fmt.Sprintf("\nresource \"tencentlive_account\" \"ghost\" {\n  user_id = %q\n}\n", prefix+"-ghost") +
					rooms(hcl(prefix+"-anna"), "tencentlive_account.ghost.user_id"),
				ConfigStateChecks: []statecheck.StateCheck{
					stateIs("tencentlive_room.r1", "owner_account", knownvalue.StringExact(prefix+"-ghost")),
				},
			},
		},
	})
}

// deletion_protection refuses a destroy (removed from the configuration, or terraform destroy)
// and a replacement at plan, sending nothing; turned off and applied, the room can go.
func TestAccRoom_deletionProtection(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	e.requireEmulator(t, "counts destroy_room requests")
	id := roomID("protect")
	protected := e.roomConfig("room_id = "+hcl(id), `seat_template = "Karaoke"`, `deletion_protection = true`)
	destroys := func() int64 { return e.emu.Stats().Commands["destroy_room"] }
	refused := func(action string) *regexp.Regexp {
		return diagnostic("Error: Live room is protected from deletion",
			fmt.Sprintf(`Room %q has deletion_protection = true, so this plan may not %s it`, id, action),
			"Nothing was sent to the service.", "set deletion_protection = false on the resource (or remove the attribute), apply that change")
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.checkDestroyed,
		Steps: []resource.TestStep{
			{Config: protected},
			{ // removed from the configuration
				Config:      e.provider(),
				ExpectError: refused("destroy"),
			},
			{ // terraform destroy
				Config:      protected,
				Destroy:     true,
				ExpectError: refused("destroy"),
			},
			{ // a create-only change while still protected
				Config:      e.roomConfig("room_id = "+hcl(id), `seat_template = "AudioSalon"`, `deletion_protection = true`),
				ExpectError: refused("replace"),
			},
			{
				PreConfig: func() {
					if n := destroys(); n != 0 {
						t.Fatalf("refused plans sent destroy_room %d times", n)
					}
					if _, err := e.remote(id); err != nil {
						t.Fatalf("the protected room is gone: %v", err)
					}
				},
				// Turned off and applied (nothing to send)...
				Config:           e.roomConfig("room_id = "+hcl(id), `seat_template = "Karaoke"`),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
			},
			{ // ... the replacement goes ahead.
				Config:           e.roomConfig("room_id = "+hcl(id), `seat_template = "AudioSalon"`),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionDestroyBeforeCreate),
			},
			{ResourceName: room, ImportState: true, ImportStateVerify: true},
		},
	})
}
