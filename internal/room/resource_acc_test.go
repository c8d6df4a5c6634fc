package room_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

const room = "tencentlive_room.test"

// emptyAfterApply asserts, beyond the framework's own re-plan, that a refresh changes nothing.
var emptyAfterApply = resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}

func str(p *string) string {
	if p == nil {
		return "<absent>"
	}
	return *p
}

func num(p *int64) string {
	if p == nil {
		return "<absent>"
	}
	return fmt.Sprint(*p)
}

// Video grid template, every optional attribute left to its default; then import by ID, with
// the import command and with an import block (which must plan no change).
func TestAccRoom_videoGridDefaults(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.RoomID("grid")
	checks := append(acctest.DefaultsChecks(room, id, e.Identifier),
		acctest.StateIs(room, "seat_template", knownvalue.StringExact("VideoDynamicGrid9Seats")))
	if e.Emu != nil {
		checks = append(checks,
			acctest.StateIs(room, "max_seat_count", knownvalue.Int64Exact(9)),
			acctest.StateIs(room, "max_member_count", knownvalue.Int64Exact(emulator.DefaultMemberCap)))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				Config:            e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "VideoDynamicGrid9Seats"`),
				ConfigStateChecks: checks,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					// The server defaults are planned, not "known after apply".
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectKnownValue(room, tfjsonpath.New("owner_account"), knownvalue.StringExact(e.Identifier)),
						plancheck.ExpectKnownValue(room, tfjsonpath.New("room_name"), knownvalue.StringExact(id)),
						plancheck.ExpectKnownValue(room, tfjsonpath.New("id"), knownvalue.StringExact(id)),
						plancheck.ExpectKnownValue(room, tfjsonpath.New("take_seat_mode"), knownvalue.StringExact("FreeToTake")),
						plancheck.ExpectUnknownValue(room, tfjsonpath.New("create_time")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: e.CheckRemote(id, func(info wire.RoomInfo) error {
					if info.SeatTemplate != nil && *info.SeatTemplate != "VideoDynamicGrid9Seats" {
						return fmt.Errorf("SeatTemplate %s", *info.SeatTemplate)
					}
					if str(info.RoomName) != id || str(info.OwnerAccount) != e.Identifier || str(info.TakeSeatMode) != "FreeToTake" {
						return fmt.Errorf("RoomName %s, Owner %s, TakeSeatMode %s", str(info.RoomName), str(info.OwnerAccount), str(info.TakeSeatMode))
					}
					return nil
				}),
			},
			{ResourceName: room, ImportState: true, ImportStateVerify: true},
			{ResourceName: room, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
		},
	})
}

// Guest live: the float template with every attribute set, including the update-only ones
// (notice, max_member_count) that create applies with a follow-up update_room_info.
func TestAccRoom_videoFloatGuestLive(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.RoomID("float")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				Config: e.RoomConfig(
					"room_id = "+acctest.HCL(id),
					`seat_template       = "VideoDynamicFloat7Seats"`,
					`take_seat_mode      = "ApplyToTake"`,
					`room_name           = "嘉宾连麦 · guest live"`,
					`cover_url           = "https://cdn.example.com/covers/guest.png"`,
					`category            = [3, 1, 2]`,
					`activity_status     = 2`,
					`notice              = "欢迎！Apply to join the stage."`,
					`max_member_count    = 200`,
					`is_message_disabled = true`,
					`is_public_visible   = false`,
					`timeouts            = { create = "2m", read = "1m" }`,
				),
				ConfigPlanChecks: emptyAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateIs(room, "take_seat_mode", knownvalue.StringExact("ApplyToTake")),
					acctest.StateIs(room, "room_name", knownvalue.StringExact("嘉宾连麦 · guest live")),
					acctest.StateIs(room, "category", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.Int64Exact(3), knownvalue.Int64Exact(1), knownvalue.Int64Exact(2)})),
					acctest.StateIs(room, "notice", knownvalue.StringExact("欢迎！Apply to join the stage.")),
					acctest.StateIs(room, "max_member_count", knownvalue.Int64Exact(200)),
					acctest.StateIs(room, "is_message_disabled", knownvalue.Bool(true)),
					acctest.StateIs(room, "is_public_visible", knownvalue.Bool(false)),
					acctest.StateIs(room, "owner_account", knownvalue.StringExact(e.Identifier)),
				},
				Check: e.CheckRemote(id, func(info wire.RoomInfo) error {
					if str(info.Notice) != "欢迎！Apply to join the stage." || num(info.MaxMemberCount) != "200" {
						return fmt.Errorf("update-only fields not applied: Notice %s, MaxMemberCount %s", str(info.Notice), num(info.MaxMemberCount))
					}
					if str(info.TakeSeatMode) != "ApplyToTake" || info.Category == nil || len(*info.Category) != 3 {
						return fmt.Errorf("TakeSeatMode %s, Category %v", str(info.TakeSeatMode), info.Category)
					}
					return nil
				}),
			},
			{ResourceName: room, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
		},
	})
}

// Landscape seminar: both spellings of template 200 are the same template, so switching the
// spelling plans nothing, in either direction: the state keeps the spelling the room was made
// with, and nothing is sent.
func TestAccRoom_landscapeSeminar(t *testing.T) {
	t.Parallel()
	for _, from := range []string{livespec.LandscapeConsole, livespec.LandscapeSDK} {
		to := livespec.LandscapeSDK
		if from == to {
			to = livespec.LandscapeConsole
		}
		t.Run(from+" to "+to, func(t *testing.T) {
			t.Parallel()
			landscapeSpellingSwitch(t, from, to)
		})
	}
}

func landscapeSpellingSwitch(t *testing.T, from, to string) {
	e := newAccEnv(t, emulator.Options{})
	id := acctest.RoomID("seminar")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	sameCreateTime := statecheck.CompareValue(compare.ValuesSame())
	step := func(template string) resource.TestStep {
		return resource.TestStep{
			Config: e.RoomConfig("room_id = "+acctest.HCL(id), "seat_template = "+acctest.HCL(template),
				`room_name = "Quarterly seminar"`, `category = [42]`),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateIs(room, "seat_template", knownvalue.StringExact(from)),
				sameID.AddStateValue(room, tfjsonpath.New("id")),
				sameCreateTime.AddStateValue(room, tfjsonpath.New("create_time")),
			},
		}
	}
	first, second, back := step(from), step(to), step(from)
	second.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	back.ConfigPlanChecks = second.ConfigPlanChecks
	if e.Emu != nil { // nothing is sent for the other spelling
		var updates int64
		second.PreConfig = func() { updates = e.Emu.Stats().Commands["update_room_info"] }
		second.Check = func(*terraform.State) error {
			if n := e.Emu.Stats().Commands["update_room_info"] - updates; n != 0 {
				return fmt.Errorf("a spelling change sent update_room_info %d times", n)
			}
			return nil
		}
		first.ConfigStateChecks = append(first.ConfigStateChecks, acctest.StateIs(room, "max_seat_count", knownvalue.Int64Exact(4)))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps:                    []resource.TestStep{first, second, back},
	})
}

// A landscape room whose service spelling is not the configuration's imports with an empty
// plan: the import block's plan shows the import and no change, and so does the next plan.
func TestAccRoom_landscapeImportOtherSpelling(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.RoomID("landscape-import")
	e.MustCreate(t, wire.RoomInfo{RoomID: id, SeatTemplate: new(livespec.LandscapeConsole)}, "")
	config := e.RoomConfig("room_id = "+acctest.HCL(id), "seat_template = "+acctest.HCL(livespec.LandscapeSDK)) +
		fmt.Sprintf("\nimport {\n  to = %s\n  id = %q\n}\n", room, id)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(room, plancheck.ResourceActionNoop)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateIs(room, "seat_template", knownvalue.StringExact(livespec.LandscapeConsole)),
			},
		}},
	})
}

// Voice rooms: AudioSalon with a seat count, Karaoke with the package's.
func TestAccRoom_voiceSalonAndKaraoke(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	salon, karaoke := acctest.RoomID("salon"), acctest.RoomID("karaoke")
	checks := []statecheck.StateCheck{
		acctest.StateIs("tencentlive_room.salon", "max_seat_count", knownvalue.Int64Exact(12)),
		acctest.StateIs("tencentlive_room.salon", "seat_template", knownvalue.StringExact("AudioSalon")),
		acctest.StateIs("tencentlive_room.karaoke", "seat_template", knownvalue.StringExact("Karaoke")),
		acctest.StateIs("tencentlive_room.karaoke", "max_seat_count", knownvalue.NotNull()),
	}
	if e.Emu != nil {
		checks = append(checks, acctest.StateIs("tencentlive_room.karaoke", "max_seat_count", knownvalue.Int64Exact(emulator.DefaultSeatCap)))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{{
			Config: e.Provider() + fmt.Sprintf(`
resource "tencentlive_room" "salon" {
  room_id        = %s
  seat_template  = "AudioSalon"
  max_seat_count = 12
  room_name      = "Late-night voice salon"
  take_seat_mode = "ApplyToTake"
}

resource "tencentlive_room" "karaoke" {
  room_id       = %s
  seat_template = "Karaoke"
  room_name     = "KTV 🎤"
}
`, acctest.HCL(salon), acctest.HCL(karaoke)),
			ConfigStateChecks: checks,
			ConfigPlanChecks:  emptyAfterApply,
			Check: resource.ComposeAggregateTestCheckFunc(
				e.CheckRemote(salon, func(info wire.RoomInfo) error {
					if num(info.MaxSeatCount) != "12" {
						return fmt.Errorf("MaxSeatCount %s", num(info.MaxSeatCount))
					}
					return nil
				}),
				e.CheckRemote(karaoke, func(info wire.RoomInfo) error {
					if str(info.RoomName) != "KTV 🎤" {
						return fmt.Errorf("RoomName %s", str(info.RoomName))
					}
					return nil
				}),
			),
		}},
	})
}

// Update in place keeps the room (same ID and create time); removing the attributes from the
// configuration brings back the vendor defaults rather than leaving stale values.
func TestAccRoom_updateInPlace(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.RoomID("update")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	sameCreateTime := statecheck.CompareValue(compare.ValuesSame())
	base := []string{"room_id = " + acctest.HCL(id), `seat_template = "AudioSalon"`, `max_seat_count = 6`}
	track := func(checks ...statecheck.StateCheck) []statecheck.StateCheck {
		return append(checks, sameID.AddStateValue(room, tfjsonpath.New("id")),
			sameCreateTime.AddStateValue(room, tfjsonpath.New("create_time")))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				Config:            e.RoomConfig(base...),
				ConfigStateChecks: track(acctest.DefaultsChecks(room, id, e.Identifier)...),
			},
			{
				Config: e.RoomConfig(append(base,
					`room_name           = "Renamed salon"`,
					`cover_url           = "https://cdn.example.com/c.jpg"`,
					`category            = [7, 8]`,
					`activity_status     = 3`,
					`notice              = "Tonight: jazz"`,
					`take_seat_mode      = "ApplyToTake"`,
					`is_public_visible   = false`,
					`is_message_disabled = true`,
					`max_member_count    = 300`)...),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(room, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: track(
					acctest.StateIs(room, "room_name", knownvalue.StringExact("Renamed salon")),
					acctest.StateIs(room, "category", knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(7), knownvalue.Int64Exact(8)})),
					acctest.StateIs(room, "notice", knownvalue.StringExact("Tonight: jazz")),
					acctest.StateIs(room, "max_member_count", knownvalue.Int64Exact(300)),
					acctest.StateIs(room, "max_seat_count", knownvalue.Int64Exact(6)),
				),
				Check: e.CheckRemote(id, func(info wire.RoomInfo) error {
					if str(info.RoomName) != "Renamed salon" || str(info.Notice) != "Tonight: jazz" ||
						str(info.TakeSeatMode) != "ApplyToTake" || *info.IsPublicVisible || !*info.IsMessageDisabled ||
						num(info.ActivityStatus) != "3" || num(info.MaxMemberCount) != "300" {
						return fmt.Errorf("remote room not updated: %+v", info)
					}
					return nil
				}),
			},
			{
				// Everything optional removed again: back to the vendor defaults, in place.
				Config:           e.RoomConfig(base...),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
				ConfigStateChecks: track(append(acctest.DefaultsChecks(room, id, e.Identifier),
					acctest.StateIs(room, "max_member_count", knownvalue.Int64Exact(300)))...), // no default to return to
				Check: e.CheckRemote(id, func(info wire.RoomInfo) error {
					if str(info.RoomName) != id || str(info.Notice) != "" || str(info.CoverURL) != "" ||
						(info.Category != nil && len(*info.Category) != 0) || str(info.TakeSeatMode) != "FreeToTake" ||
						!*info.IsPublicVisible || *info.IsMessageDisabled || num(info.ActivityStatus) != "0" {
						return fmt.Errorf("remote room not back to defaults: %+v", info)
					}
					return nil
				}),
			},
		},
	})
}

// Every create-only attribute replaces the room; the old room is dismissed first.
func TestAccRoom_replaceOnCreateOnlyFields(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id, otherID := acctest.RoomID("replace"), acctest.RoomID("replaced")
	const owner = "tf-acc-alice"
	differentCreateTime := statecheck.CompareValue(compare.ValuesDiffer())
	replaced := func(lines ...string) resource.TestStep {
		return resource.TestStep{
			Config:            e.RoomConfig(lines...),
			ConfigPlanChecks:  expectAction(plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{differentCreateTime.AddStateValue(room, tfjsonpath.New("create_time"))},
		}
	}
	seats8 := replaced("room_id = "+acctest.HCL(id), `seat_template = "AudioSalon"`, `max_seat_count = 8`)
	seats8.Check = e.CheckRemote(id, func(info wire.RoomInfo) error {
		if num(info.MaxSeatCount) != "8" {
			return fmt.Errorf("MaxSeatCount %s", num(info.MaxSeatCount))
		}
		return nil
	})
	// From a voice room with a seat count to a video template without one: the new room's
	// seat count comes from the server, not from the old room's state.
	video := replaced("room_id = "+acctest.HCL(id), `seat_template = "VideoFixedGrid9Seats"`)
	if e.Emu != nil {
		video.ConfigStateChecks = append(video.ConfigStateChecks, acctest.StateIs(room, "max_seat_count", knownvalue.Int64Exact(9)))
	}
	newOwner := replaced("room_id = "+acctest.HCL(id), `seat_template = "VideoFixedGrid9Seats"`, "owner_account = "+acctest.HCL(owner))
	newOwner.PreConfig = func() { e.MustImportAccount(t, owner) }
	newOwner.Check = e.CheckRemote(id, func(info wire.RoomInfo) error {
		if str(info.OwnerAccount) != owner {
			return fmt.Errorf("Owner_Account %s", str(info.OwnerAccount))
		}
		return nil
	})
	newID := replaced("room_id = "+acctest.HCL(otherID), `seat_template = "VideoFixedGrid9Seats"`, "owner_account = "+acctest.HCL(owner))
	// A new ID is not held back by the once-per-second rule, so both rooms may share a
	// create_time second: the new ID and the old room's absence prove the replacement.
	newID.ConfigStateChecks = []statecheck.StateCheck{acctest.StateIs(room, "id", knownvalue.StringExact(otherID))}
	newID.Check = e.CheckGone(id)

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				Config:            e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "AudioSalon"`, `max_seat_count = 6`),
				ConfigStateChecks: []statecheck.StateCheck{differentCreateTime.AddStateValue(room, tfjsonpath.New("create_time"))},
			},
			seats8,
			replaced("room_id = "+acctest.HCL(id), `seat_template = "Karaoke"`, `max_seat_count = 8`),
			video,
			newOwner,
			newID,
		},
	})
}

// An API version whose get_room_info leaves SeatTemplate out: state keeps the configured
// template, an import by room ID takes the configured one in place (never a replacement), and
// an import with ROOM_ID,SEAT_TEMPLATE is followed by an empty plan.
func TestAccRoom_importWithoutSeatTemplate(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{OmitSeatTemplate: true})
	e.RequireEmulator(t, "OmitSeatTemplate")
	id := acctest.RoomID("omit")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				Config:            e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "Karaoke"`, `max_seat_count = 5`),
				ConfigPlanChecks:  emptyAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateIs(room, "seat_template", knownvalue.StringExact("Karaoke"))},
				Check: e.CheckRemote(id, func(info wire.RoomInfo) error {
					if info.SeatTemplate != nil {
						return fmt.Errorf("the emulator was to leave SeatTemplate out, sent %s", *info.SeatTemplate)
					}
					return nil
				}),
			},
			{
				ResourceName: room, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"seat_template"},
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if v, ok := states[0].Attributes["seat_template"]; ok && v != "" {
						return fmt.Errorf("seat_template %q after an import that cannot know it", v)
					}
					return nil
				},
			},
			{
				ResourceName: room, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(room, plancheck.ResourceActionUpdate),
				}},
			},
			{
				ResourceName: room, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return id + ",Karaoke", nil },
			},
		},
	})
}

// An import block by room ID applied against an API without SeatTemplate: the apply takes the
// configured template without touching the room, and the next plan is empty.
func TestAccRoom_importBlockAppliesWithoutSeatTemplate(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{OmitSeatTemplate: true})
	e.RequireEmulator(t, "OmitSeatTemplate")
	id := acctest.RoomID("omitblock")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{{
			PreConfig: func() {
				e.MustCreate(t, wire.RoomInfo{RoomID: id, SeatTemplate: new("AudioSalon"), MaxSeatCount: new(int64(4)),
					RoomName: new("Made elsewhere")}, "")
			},
			Config: e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "AudioSalon"`, `max_seat_count = 4`,
				`room_name = "Made elsewhere"`) + fmt.Sprintf("\nimport {\n  to = %s\n  id = %s\n}\n", room, acctest.HCL(id)),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(room, plancheck.ResourceActionUpdate)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateIs(room, "seat_template", knownvalue.StringExact("AudioSalon")),
				acctest.StateIs(room, "room_name", knownvalue.StringExact("Made elsewhere")),
			},
			Check: func(*terraform.State) error {
				if n := e.Emu.Stats().Commands["update_room_info"]; n != 0 {
					return fmt.Errorf("recording the template sent %d update_room_info", n)
				}
				return nil
			},
		}},
	})
}

// A room destroyed behind Terraform's back (as the platform's auto-destroy does) shows up as a
// pending create, and apply creates it again.
func TestAccRoom_disappears(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.RoomID("gone")
	config := e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "VideoFixedFloat7Seats"`, `notice = "back again"`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				Config:             config,
				Check:              e.DestroyBehindTerraform(id),
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           config,
				ConfigPlanChecks: expectAction(plancheck.ResourceActionCreate),
				Check: e.CheckRemote(id, func(info wire.RoomInfo) error {
					if str(info.Notice) != "back again" {
						return fmt.Errorf("Notice %s", str(info.Notice))
					}
					return nil
				}),
			},
		},
	})
}

// A room ID held by another owner is an error at plan time (100003), before anything is
// created; a same-owner room whose create-only fields differ cannot be adopted.
func TestAccRoom_existingRoomConflicts(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	taken, karaoke := acctest.RoomID("taken"), acctest.RoomID("karaoke")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					e.MustCreate(t, wire.RoomInfo{RoomID: taken, SeatTemplate: new("Karaoke"), OwnerAccount: new("tf-acc-bob")}, "")
				},
				Config:   e.RoomConfig("room_id = "+acctest.HCL(taken), `seat_template = "Karaoke"`),
				PlanOnly: true,
				ExpectError: acctest.Diagnostic("Error: Live room ID already taken", "room_id = "+acctest.HCL(taken),
					fmt.Sprintf(`Room %q already exists under owner "tf-acc-bob", not %q; create_room would answer 100003 (room ID already exists under another owner).`, taken, e.Identifier),
					"Choose another room_id, or import the existing room with terraform import."),
			},
			{
				PreConfig: func() {
					e.MustCreate(t, wire.RoomInfo{RoomID: karaoke, SeatTemplate: new("Karaoke")}, "")
				},
				Config:   e.RoomConfig("room_id = "+acctest.HCL(karaoke), `seat_template = "AudioSalon"`),
				PlanOnly: true,
				ExpectError: acctest.Diagnostic("Error: Live room cannot be adopted", "room_id = "+acctest.HCL(karaoke),
					fmt.Sprintf(`Room %q already exists under owner %q, so create_room would answer 100010, but seat_template is Karaoke, the configuration says AudioSalon. These cannot change in place: choose another room_id, or destroy the existing room first.`, karaoke, e.Identifier)),
			},
		},
	})
}

// Every plan-time diagnostic, by its exact text; nothing is created.
func TestAccRoom_planTimeDiagnostics(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.RoomID("diag")
	invalid := func(want string, lines ...string) resource.TestStep {
		return resource.TestStep{Config: e.RoomConfig(lines...), PlanOnly: true, ExpectError: acctest.Exactly(want)}
	}
	video := []string{"room_id = " + acctest.HCL(id), `seat_template = "VideoDynamicGrid9Seats"`}
	with := func(line string) []string { return append(append([]string{}, video...), line) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			invalid("room_id is 49 bytes; the vendor allows at most 48 bytes (it would answer 100002).",
				"room_id = "+acctest.HCL(strings.Repeat("r", 49)), `seat_template = "Karaoke"`),
			invalid("room_id is empty; the vendor requires at least 1 byte (it would answer 100002).",
				`room_id = ""`, `seat_template = "Karaoke"`),
			invalid(`room_id "room-直播" has characters outside TRTC's string room ID set: 0xE7 at byte 5, 0x9B at byte 6, 0xB4 at byte 7, 0xE6 at byte 8, 0x92 at byte 9, and 1 more. A room ID must contain only letters, digits, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ , (the client SDKs join string room IDs only from these 89 characters and answer -2105 otherwise), so nobody could enter the room.`,
				`room_id = "room-直播"`, `seat_template = "Karaoke"`),
			invalid(`room_id "seminar/2026*" has characters outside TRTC's string room ID set: "/" at byte 7, "*" at byte 12.`,
				`room_id = "seminar/2026*"`, `seat_template = "Karaoke"`),
			invalid("room_name is 102 bytes; the vendor allows at most 100 bytes (it would answer 100002).",
				with("room_name = "+acctest.HCL(strings.Repeat("直", 34)))...),
			invalid("room_name is empty; the vendor requires at least 1 byte (it would answer 100002).",
				with(`room_name = ""`)...),
			invalid("cover_url is 201 bytes; the vendor allows at most 200 bytes (it would answer 100002).",
				with("cover_url = "+acctest.HCL("https://"+strings.Repeat("c", 193)))...),
			invalid("notice is 101 bytes; the vendor allows at most 100 bytes (it would answer 100002).",
				with("notice = "+acctest.HCL(strings.Repeat("n", 101)))...),
			invalid("owner_account is 33 bytes; the vendor allows at most 32 bytes (it would answer 100002).",
				with("owner_account = "+acctest.HCL(strings.Repeat("o", 33)))...),
			invalid("category has 4 values; the vendor allows at most 3 (it would answer 100009).",
				with(`category = [1, 2, 3, 4]`)...),
			invalid(`seat_template is "Grid9"; the vendor accepts one of VideoDynamicGrid9Seats, VideoDynamicFloat7Seats, VideoFixedGrid9Seats, VideoFixedFloat7Seats, VideoLandscape4Seat, VideoLandscape4Seats, AudioSalon, Karaoke (it would answer 100002).`,
				"room_id = "+acctest.HCL(id), `seat_template = "Grid9"`),
			invalid(`take_seat_mode is "Free"; the vendor accepts one of FreeToTake, ApplyToTake (it would answer 100002).`,
				with(`take_seat_mode = "Free"`)...),
			invalid("max_seat_count is 4 but seat_template VideoDynamicGrid9Seats has a fixed 9 seats; the vendor accepts max_seat_count only with AudioSalon or Karaoke (it would answer 100002). Leave it out, or set it to 9.",
				with(`max_seat_count = 4`)...),
			invalid("max_seat_count is 0; the vendor requires at least 1 (it would answer 100002).",
				"room_id = "+acctest.HCL(id), `seat_template = "AudioSalon"`, `max_seat_count = 0`),
			invalid("max_member_count is -5; the vendor requires at least 1 (it would answer 100002).",
				with(`max_member_count = -5`)...),
		},
	})
	if e.Emu != nil {
		if n := e.Emu.Stats().Total; n != 0 {
			t.Fatalf("plan-time checks made %d API requests", n)
		}
	}
}

// Values unknown at plan time are not flagged and do not stop the plan; apply uses them.
func TestAccRoom_unknownValuesAtPlan(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.RoomID("unknown")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{{
			Config: e.Provider() + fmt.Sprintf(`
resource "terraform_data" "later" {
  input = "x"
}

locals {
  # tfkit.Known only after apply: the empty prefix of an ID that does not exist yet
  later = substr(terraform_data.later.id, 0, 0)
}

resource "tencentlive_room" "test" {
  room_id        = "${local.later}%s"
  seat_template  = "${local.later}AudioSalon"
  room_name      = "${local.later}Name from elsewhere"
  notice         = "${local.later}notice"
  max_seat_count = length(local.later) + 3
  category       = [length(local.later) + 1]
}
`, id),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectUnknownValue(room, tfjsonpath.New("room_id")),
				plancheck.ExpectUnknownValue(room, tfjsonpath.New("room_name")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateIs(room, "id", knownvalue.StringExact(id)),
				acctest.StateIs(room, "room_name", knownvalue.StringExact("Name from elsewhere")),
				acctest.StateIs(room, "max_seat_count", knownvalue.Int64Exact(3)),
				acctest.StateIs(room, "owner_account", knownvalue.StringExact(e.Identifier)),
			},
		}},
	})
}

// Vendor errors at apply time: the code, its hint and the RequestId, on the attribute to blame.
func TestAccRoom_applyTimeVendorErrors(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{SensitiveWords: []string{"forbidden"}, ChatGroups: []string{"tf-acc-chat-group"}})
	e.RequireEmulator(t, "SensitiveWords and ChatGroups")
	id := acctest.RoomID("vendor")
	salon := []string{"room_id = " + acctest.HCL(id), `seat_template = "AudioSalon"`}
	with := func(lines ...string) string { return e.RoomConfig(append(append([]string{}, salon...), lines...)...) }
	const createFailed = "Error: Unable to create live room"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				Config: with(`room_name = "A forbidden name"`),
				ExpectError: acctest.Diagnostic(createFailed, `room_name = "A forbidden name"`,
					fmt.Sprintf(`Room %q: create_room failed with 100026 (content contains sensitive words): RoomName contains sensitive content.`, id),
					acctest.RequestID, "Attribute: room_name", "Change the wording of the named attribute."),
			},
			{
				// Notice is applied after create_room: the room exists when the update fails.
				Config: with(`notice = "forbidden words here"`),
				ExpectError: acctest.Diagnostic(createFailed, `notice = "forbidden words here"`,
					fmt.Sprintf(`Room %q: update_room_info failed with 100026 (content contains sensitive words): Notice contains sensitive content.`, id),
					acctest.RequestID, "Attribute: notice", "Change the wording of the named attribute.",
					"The room was created and is recorded in the state; Terraform marks it tainted, so the next apply replaces it"),
			},
			{
				// Run again with the wording fixed: the half-created room is in the state
				// (tainted) and replaced, with no 100010 on the way.
				Config:           with(`notice = "all fine now"`),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionDestroyBeforeCreate),
				Check: e.CheckRemote(id, func(info wire.RoomInfo) error {
					if str(info.Notice) != "all fine now" {
						return fmt.Errorf("Notice %s", str(info.Notice))
					}
					return nil
				}),
			},
			{
				// plan_checks off: the owner is not looked up at plan, so create_room answers.
				Config: acctest.WithProviderSettings(e.RoomConfig(`room_id = "tf-acc-owner-missing"`, `seat_template = "Karaoke"`, `owner_account = "tf-acc-ghost"`), "plan_checks = false"),
				ExpectError: acctest.Diagnostic(createFailed, `owner_account = "tf-acc-ghost"`,
					`Room "tf-acc-owner-missing": create_room failed with 70107 (the user account has not been imported): Owner_Account has not been imported.`,
					acctest.RequestID, "Attribute: owner_account",
					"Import the account first, for example with a tencentlive_account resource, and reference it in owner_account."),
			},
			{
				Config: e.RoomConfig(`room_id = "tf-acc-chat-group"`, `seat_template = "Karaoke"`),
				ExpectError: acctest.Diagnostic(createFailed, `room_id = "tf-acc-chat-group"`,
					`Room "tf-acc-chat-group": create_room failed with 100011 (room ID is taken by a Chat group): RoomId is taken by a Chat group.`,
					acctest.RequestID, "Attribute: room_id", "Choose another room_id, or dismiss the Chat group that holds it."),
			},
			{
				Config: e.RoomConfig(`room_id = "tf-acc-too-many-seats"`, `seat_template = "Karaoke"`, `max_seat_count = 50`),
				ExpectError: acctest.Diagnostic(createFailed, `max_seat_count = 50`,
					`Room "tf-acc-too-many-seats": create_room failed with 100013 (exceeds the paid package limit): MaxSeatCount exceeds the package limit of 20.`,
					acctest.RequestID, "Attribute: max_seat_count", "Lower max_seat_count or upgrade the package."),
			},
		},
	})
}

// No paid package: create_room answers 100007 and the diagnostic says what to buy.
func TestAccRoom_noPackage(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{NoPackage: true})
	e.RequireEmulator(t, "NoPackage")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: e.RoomConfig(`room_id = "tf-acc-no-package"`, `seat_template = "VideoDynamicGrid9Seats"`),
			ExpectError: acctest.Diagnostic("Error: Unable to create live room",
				`Room "tf-acc-no-package": create_room failed with 100007 (no paid package): no TUILiveKit package: buy one in the console.`,
				acctest.RequestID, "Buy a TUILiveKit package for this application in the console."),
		}},
	})
}

// Older API versions answer TakeSeatMode as an integer and a numeric owner as a JSON number;
// state still matches the configuration, with no diff.
func TestAccRoom_legacyReadBackForms(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{LegacyForms: true})
	e.RequireEmulator(t, "LegacyForms")
	id := acctest.RoomID("legacy")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				PreConfig: func() { e.MustImportAccount(t, "10086") },
				Config: e.Provider() + fmt.Sprintf(`
resource "tencentlive_room" "test" {
  room_id        = %s
  seat_template  = "VideoFixedFloat7Seats"
  take_seat_mode = "ApplyToTake"
  owner_account  = "10086"
}

resource "tencentlive_room" "default_owner" {
  room_id       = "%s-2"
  seat_template = "Karaoke"
}
`, acctest.HCL(id), id),
				ConfigPlanChecks: emptyAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateIs(room, "take_seat_mode", knownvalue.StringExact("ApplyToTake")),
					acctest.StateIs(room, "owner_account", knownvalue.StringExact("10086")),
					acctest.StateIs("tencentlive_room.default_owner", "take_seat_mode", knownvalue.StringExact("FreeToTake")),
				},
			},
			{ResourceName: room, ImportState: true, ImportStateVerify: true},
		},
	})
}

// With plan_checks = false, planning new rooms makes no API call at all; create_room's 100010
// then stops the apply with the import block, and the room is left as it was.
func TestAccRoom_planChecksOff(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	e.RequireEmulator(t, "counts the requests a plan makes")
	id := acctest.RoomID("nocheck")
	var before int64
	config := acctest.WithProviderSettings(e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "Karaoke"`, `room_name = "Ours"`), "plan_checks = false")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					e.MustCreate(t, wire.RoomInfo{RoomID: id, SeatTemplate: new("Karaoke"), RoomName: new("Theirs")}, "")
					before = e.Emu.Stats().Commands["get_room_info"]
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(room, plancheck.ResourceActionCreate),
					planCheckFunc(func(resp *plancheck.CheckPlanResponse) {
						if n := e.Emu.Stats().Commands["get_room_info"] - before; n != 0 {
							resp.Error = fmt.Errorf("the plan made %d get_room_info calls with plan_checks = false", n)
						}
					}),
				}},
				ExpectError: acctest.Diagnostic("Error: Live room already exists", "room_id = "+acctest.HCL(id),
					fmt.Sprintf(`Room %q already exists under owner %q (create_room answered 100010`, id, e.Identifier),
					"import {", fmt.Sprintf(`id = %q`, id)),
			},
		},
	})
	if info, err := e.Remote(id); err != nil || str(info.RoomName) != "Theirs" {
		t.Errorf("the existing room must be left as it was: RoomName %s, err %v", str(info.RoomName), err)
	}
}

// Rooms are checked in the plan walk; the apply walk's re-plans of them send no check once the
// first room is being created (create_room answers a moment later): of 40 rooms applied from a
// saved plan, at most -parallelism (10) re-plans start before the first create.
func TestAccRoom_noChecksInTheApplyWalk(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	e.RequireEmulator(t, "counts the checks each walk makes")
	const n = 40
	prefix := acctest.RoomID("walk")
	config := e.Provider() + fmt.Sprintf(`
resource "tencentlive_room" "r" {
  count         = %d
  room_id       = "%s-${count.index}"
  seat_template = "Karaoke"
}
`, n, prefix)
	notFound := func() int64 { return e.Emu.Stats().ErrorCodes[int(livespec.CodeRoomNotFound)] }
	var beforePlan, beforeApply int64
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{{
			PreConfig: func() { beforePlan = notFound() },
			Config:    config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				planCheckFunc(func(resp *plancheck.CheckPlanResponse) {
					beforeApply = notFound()
					if checked := beforeApply - beforePlan; checked != n {
						resp.Error = fmt.Errorf("the plan walk checked %d of %d new rooms, want all", checked, n)
					}
				}),
			}},
			Check: func(*terraform.State) error {
				if checked := notFound() - beforeApply; checked > 10 {
					return fmt.Errorf("the apply walk checked %d of %d rooms again, want at most 10 (the re-plans before the first create)", checked, n)
				}
				return nil
			},
		}},
	})
}

// planCheckFunc adapts a function to plancheck.PlanCheck.
type planCheckFunc func(resp *plancheck.CheckPlanResponse)

func (f planCheckFunc) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	f(resp)
}
