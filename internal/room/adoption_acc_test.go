package room_test

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
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
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
	id := acctest.RoomID("foreign")
	fresh := e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "AudioSalon"`, `max_seat_count = 6`,
		`room_name = "Fresh name"`, `notice = "fresh notice"`)
	var updatesBefore int64
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_5_0)}, // import blocks
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					e.MustCreate(t, wire.RoomInfo{RoomID: id, SeatTemplate: new("AudioSalon"), MaxSeatCount: new(int64(6)),
						RoomName: new("Their name")}, "their notice")
					if e.Emu != nil {
						updatesBefore = e.Emu.Stats().Commands["update_room_info"]
					}
				},
				Config:   fresh,
				PlanOnly: true,
				ExpectError: acctest.Diagnostic("Error: Live room already exists", "room_id = "+acctest.HCL(id),
					fmt.Sprintf(`Room %q already exists under owner %q (create_room would answer 100010, room ID already exists with the same owner), and this configuration's state does not hold it.`, id, e.Identifier),
					"import {", `to = ADDRESS`, fmt.Sprintf(`id = %q`, id), "adopt_existing_rooms = true"),
			},
			{
				PreConfig: func() {
					info, err := e.Remote(id)
					if err != nil || str(info.RoomName) != "Their name" || str(info.Notice) != "their notice" {
						t.Fatalf("the refused plan changed the room: %+v (%v)", info, err)
					}
					if e.Emu != nil && e.Emu.Stats().Commands["update_room_info"] != updatesBefore {
						t.Fatal("the refused plan sent update_room_info")
					}
				},
				Config: fresh + fmt.Sprintf("\nimport {\n  to = %s\n  id = %q\n}\n", room, id),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(room, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateIs(room, "room_name", knownvalue.StringExact("Fresh name")),
					acctest.StateIs(room, "notice", knownvalue.StringExact("fresh notice")),
				},
				Check: e.CheckRemote(id, func(info wire.RoomInfo) error {
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
	id := acctest.RoomID("adopt")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{{
			PreConfig: func() {
				e.MustCreate(t, wire.RoomInfo{RoomID: id, SeatTemplate: new("AudioSalon"), MaxSeatCount: new(int64(6)),
					RoomName: new("stale name"), Category: &[]int64{9}, IsPublicVisible: new(false)}, "stale notice")
			},
			Config: acctest.WithProviderSettings(e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "AudioSalon"`, `max_seat_count = 6`,
				`room_name = "Fresh name"`, `notice = "fresh notice"`), "adopt_existing_rooms = true"),
			ConfigPlanChecks: expectAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateIs(room, "room_name", knownvalue.StringExact("Fresh name")),
				acctest.StateIs(room, "notice", knownvalue.StringExact("fresh notice")),
				acctest.StateIs(room, "category", knownvalue.ListSizeExact(0)),
				acctest.StateIs(room, "is_public_visible", knownvalue.Bool(true)),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.CheckRemote(id, func(info wire.RoomInfo) error {
					if str(info.RoomName) != "Fresh name" || str(info.Notice) != "fresh notice" ||
						len(*info.Category) != 0 || !*info.IsPublicVisible {
						return fmt.Errorf("adopted room not converged: %+v", info)
					}
					return nil
				}),
				func(*terraform.State) error {
					if e.Emu != nil && e.Answered(livespec.CodeRoomExistsSameOwner) == 0 {
						return fmt.Errorf("create_room never answered 100010: the room was not adopted")
					}
					return nil
				},
			),
		}},
	})
}

// Two resources with one room_id are refused at plan, before any request: two new rooms, and a
// new resource that repeats the ID of one in the state. Instances alike but for their address
// are refused at apply, before the second sends anything.
func TestAccRoom_duplicateRoomIDRefusedAtPlan(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.RoomID("dup")
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
	twins := fmt.Sprintf(`
resource "tencentlive_room" "series" {
  count         = 2
  room_id       = %q
  seat_template = "Karaoke"
}
`, id+"-x")
	duplicate := func(name string) string {
		return fmt.Sprintf(`also has room_id %q. Two resources cannot manage one room`, name)
	}
	var creates int64
	creations := func() int64 {
		if e.Emu == nil {
			return 0
		}
		return e.Emu.Stats().Commands["create_room"]
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				PreConfig:   func() { creates = creations() },
				Config:      e.Provider() + first + second,
				PlanOnly:    true,
				ExpectError: acctest.Diagnostic("Error: Duplicate live room ID", duplicate(id)),
			},
			{
				// Alike but for their address, the two instances look like one room planned
				// again (as in a later walk of one process, see claimant): the apply creates the
				// first and refuses the second before it sends create_room. Its re-plan or its
				// Create finds the room ID taken, or, when its re-plan was under way as the first
				// Create began, the re-plan's look-up finds the room.
				Config: e.Provider() + twins,
				ExpectError: acctest.Diagnostic(`(?re)Error: (Duplicate live room ID|Live room already exists)`,
					fmt.Sprintf(`(?re)(?:(?:also has|holds)\s+room_id\s+"%[1]s"|Room\s+"%[1]s"\s+already\s+exists)`, regexp.QuoteMeta(id+"-x"))),
			},
			{
				PreConfig: func() {
					if n := creations() - creates; e.Emu != nil && n != 1 {
						t.Fatalf("refused plans and the refused instance sent %d create_room requests, want 1 (the first instance)", n)
					}
				},
				Config:            e.Provider() + first,
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateIs(room, "room_name", knownvalue.StringExact("First"))},
			},
			{
				Config:      e.Provider() + first + second,
				ExpectError: acctest.Diagnostic("Error: Duplicate live room ID", duplicate(id)),
			},
			{
				Config:           e.Provider() + first,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: e.CheckRemote(id, func(info wire.RoomInfo) error {
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
	e.RequireEmulator(t, "counts account_check requests")
	prefix := acctest.AccountUserID("own")
	e.MustImportAccount(t, prefix+"-anna")
	e.MustImportAccount(t, prefix+"-ben")
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
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					checksBefore = e.Emu.Stats().Commands["account_check"]
					createsBefore = e.Emu.Stats().Commands["create_room"]
				},
				Config: e.Provider() + rooms(acctest.HCL(prefix+"-anna"), acctest.HCL(prefix+"-ben"), acctest.HCL(prefix+"-anna"), acctest.HCL(prefix+"-ghost"), acctest.HCL(prefix+"-ben")),
				ExpectError: acctest.Diagnostic("Error: Owner account not imported", fmt.Sprintf(`owner_account = %q`, prefix+"-ghost"),
					fmt.Sprintf(`Account %q is not imported (account_check), so create_room would answer 70107`, prefix+"-ghost"),
					"refer to it: owner_account = tencentlive_account.<name>.user_id."),
			},
			{
				PreConfig: func() {
					// One batch on an idle machine; a CLI starved of CPU may start a room's plan after
					// the window has closed (TestAccountChecksWindowFollowsTheRooms pins the window
					// itself). Unbatched, the three owners would cost three requests.
					if n := e.Emu.Stats().Commands["account_check"] - checksBefore; n < 1 || n > 2 {
						t.Errorf("the plan of 5 rooms with 3 owners sent %d account_check requests, want 1 (2 on a starved machine)", n)
					}
					if n := e.Emu.Stats().Commands["create_room"] - createsBefore; n != 0 {
						t.Errorf("a refused plan created %d rooms", n)
					}
				},
				Config: e.Provider() + fmt.Sprintf("\nresource \"tencentlive_account\" \"ghost\" {\n  user_id = %q\n}\n", prefix+"-ghost") +
					rooms(acctest.HCL(prefix+"-anna"), "tencentlive_account.ghost.user_id"),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateIs("tencentlive_room.r1", "owner_account", knownvalue.StringExact(prefix+"-ghost")),
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
	e.RequireEmulator(t, "counts destroy_room requests")
	id := acctest.RoomID("protect")
	protected := e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "Karaoke"`, `deletion_protection = true`)
	destroys := func() int64 { return e.Emu.Stats().Commands["destroy_room"] }
	refused := func(action string) *regexp.Regexp {
		return acctest.Diagnostic("Error: Live room is protected from deletion",
			fmt.Sprintf(`Room %q has deletion_protection = true, so this plan may not %s it`, id, action),
			"Nothing was sent to the service.", "set deletion_protection = false on the resource (or remove the attribute), apply that change")
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{Config: protected},
			{ // removed from the configuration
				Config:      e.Provider(),
				ExpectError: refused("destroy"),
			},
			{ // terraform destroy
				Config:      protected,
				Destroy:     true,
				ExpectError: refused("destroy"),
			},
			{ // a create-only change while still protected
				Config:      e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "AudioSalon"`, `deletion_protection = true`),
				ExpectError: refused("replace"),
			},
			{
				PreConfig: func() {
					if n := destroys(); n != 0 {
						t.Fatalf("refused plans sent destroy_room %d times", n)
					}
					if _, err := e.Remote(id); err != nil {
						t.Fatalf("the protected room is gone: %v", err)
					}
				},
				// Turned off and applied (nothing to send)...
				Config:           e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "Karaoke"`),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
			},
			{ // ... the replacement goes ahead.
				Config:           e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "AudioSalon"`),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionDestroyBeforeCreate),
			},
			{ResourceName: room, ImportState: true, ImportStateVerify: true},
		},
	})
}
