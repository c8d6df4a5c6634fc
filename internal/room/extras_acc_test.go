package room_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/testclock"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// checkExtras compares the room's metadata (all keys), admins and robots with want; a nil want
// is not checked.
func (e *accEnv) checkExtras(roomID string, metadata map[string]string, admins, robots []string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		ctx := context.Background()
		if metadata != nil {
			got, err := e.Client.GetRoomMetadata(ctx, roomID)
			if err != nil {
				return err
			}
			if !maps.Equal(got, metadata) {
				return fmt.Errorf("metadata %v, want %v", got, metadata)
			}
		}
		for _, l := range []struct {
			name string
			want []string
			get  func(context.Context, string) ([]string, error)
		}{{"admins", admins, e.Client.GetAdminList}, {"robots", robots, e.Client.GetRobots}} {
			if l.want == nil {
				continue
			}
			got, err := l.get(ctx, roomID)
			if err != nil {
				return err
			}
			slices.Sort(got)
			if !slices.Equal(got, l.want) {
				return fmt.Errorf("%s %v, want %v", l.name, got, l.want)
			}
		}
		return nil
	}
}

func setOf(ids ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(ids))
	for i, id := range ids {
		checks[i] = knownvalue.StringExact(id)
	}
	return knownvalue.SetExact(checks)
}

// hclList is an HCL list of the strings ids.
func hclList(ids ...string) string {
	quoted := make([]string, len(ids))
	for i, id := range ids {
		quoted[i] = acctest.HCL(id)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

func mapOf(m map[string]string) knownvalue.Check {
	checks := map[string]knownvalue.Check{}
	for k, v := range m {
		checks[k] = knownvalue.StringExact(v)
	}
	return knownvalue.MapExact(checks)
}

// Create with every new attribute, update each in place, drift from both sides (an app's own
// key is no drift; a removed admin and a changed managed value are set back), import verify,
// then stop managing (nothing deleted) and replace on keep_owner_on_seat.
func TestAccRoom_extrasLifecycle(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.RoomID("extras")
	mod1, mod2, mod3 := acctest.AccountUserID("mod-1"), acctest.AccountUserID("mod-2"), acctest.AccountUserID("mod-3")
	bot1, bot2 := acctest.AccountUserID("bot-1"), acctest.AccountUserID("bot-2")
	for _, u := range []string{mod1, mod2, mod3, bot1, bot2} {
		e.MustImportAccount(t, u)
	}
	base := []string{"room_id = " + acctest.HCL(id), `seat_template = "VideoFixedFloat7Seats"`}
	with := func(lines ...string) string { return e.RoomConfig(append(slices.Clone(base), lines...)...) }
	created := with(
		`is_unlimited_room_enabled = true`,
		`keep_owner_on_seat        = false`,
		`metadata = { theme = "dark", lang = "en" }`,
		"admins   = "+hclList(mod1, mod2),
		"robots   = "+hclList(bot1))
	updated := with(
		`is_unlimited_room_enabled = false`,
		`keep_owner_on_seat        = false`,
		`metadata = { theme = "light", extra = "1" }`,
		"admins   = "+hclList(mod2, mod3),
		"robots   = "+hclList(bot1, bot2))
	sameCreateTime := statecheck.CompareValue(compare.ValuesSame())
	var updatesBefore int64
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				Config:           created,
				ConfigPlanChecks: emptyAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateIs(room, "is_unlimited_room_enabled", knownvalue.Bool(true)),
					acctest.StateIs(room, "keep_owner_on_seat", knownvalue.Bool(false)),
					acctest.StateIs(room, "metadata", mapOf(map[string]string{"theme": "dark", "lang": "en"})),
					acctest.StateIs(room, "admins", setOf(mod1, mod2)),
					acctest.StateIs(room, "robots", setOf(bot1)),
					sameCreateTime.AddStateValue(room, tfjsonpath.New("create_time")),
				},
				Check: resource.ComposeTestCheckFunc(
					e.checkExtras(id, map[string]string{"theme": "dark", "lang": "en"}, []string{mod1, mod2}, []string{bot1}),
					e.CheckRemote(id, func(info wire.RoomInfo) error {
						if info.IsUnlimitedRoomEnabled == nil || !*info.IsUnlimitedRoomEnabled || info.KeepOwnerOnSeat == nil || *info.KeepOwnerOnSeat {
							return fmt.Errorf("room modes not as created: %+v", info)
						}
						return nil
					})),
			},
			{
				PreConfig: func() {
					if e.Emu != nil {
						updatesBefore = e.Emu.Stats().Commands["update_room_info"]
					}
				},
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(room, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateIs(room, "is_unlimited_room_enabled", knownvalue.Bool(false)),
					acctest.StateIs(room, "metadata", mapOf(map[string]string{"theme": "light", "extra": "1"})),
					acctest.StateIs(room, "admins", setOf(mod2, mod3)),
					acctest.StateIs(room, "robots", setOf(bot1, bot2)),
					sameCreateTime.AddStateValue(room, tfjsonpath.New("create_time")),
				},
				Check: resource.ComposeTestCheckFunc(
					e.checkExtras(id, map[string]string{"theme": "light", "extra": "1"}, []string{mod2, mod3}, []string{bot1, bot2}),
					func(*terraform.State) error {
						if e.Emu != nil && e.Emu.Stats().Commands["update_room_info"] != updatesBefore+1 {
							return fmt.Errorf("update_room_info sent %d times, want once (is_unlimited_room_enabled)", e.Emu.Stats().Commands["update_room_info"]-updatesBefore)
						}
						return nil
					}),
			},
			{
				// The app writes a key of its own: not managed, so no drift.
				PreConfig: acctest.Behind(t, func(ctx context.Context) error {
					return e.Client.SetRoomMetadata(ctx, id, map[string]string{"app-viewers": "42"})
				}),
				Config:   updated,
				PlanOnly: true,
			},
			{
				// Someone removes an admin and changes a managed value: both set back, the
				// app's key left alone.
				PreConfig: acctest.Behind(t, func(ctx context.Context) error {
					if err := e.Client.DeleteAdmins(ctx, id, []string{mod2}); err != nil {
						return err
					}
					return e.Client.SetRoomMetadata(ctx, id, map[string]string{"theme": "hacked"})
				}),
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(room, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: e.checkExtras(id, map[string]string{"theme": "light", "extra": "1", "app-viewers": "42"},
					[]string{mod2, mod3}, nil),
			},
			{
				// Import reads every key: with the app's key gone, the imported state is the same.
				PreConfig: acctest.Behind(t, func(ctx context.Context) error {
					return e.Client.DelRoomMetadata(ctx, id, []string{"app-viewers"})
				}),
				ResourceName:      room,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{
					"timeouts",
				},
			},
			{
				// Unset: no longer managed, and nothing is deleted.
				Config: with(`keep_owner_on_seat = false`),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateIs(room, "metadata", knownvalue.Null()),
					acctest.StateIs(room, "admins", knownvalue.Null()),
					acctest.StateIs(room, "robots", knownvalue.Null()),
					acctest.StateIs(room, "is_unlimited_room_enabled", knownvalue.Bool(false)),
				},
				Check: e.checkExtras(id, map[string]string{"theme": "light", "extra": "1"},
					[]string{mod2, mod3}, []string{bot1, bot2}),
			},
			{
				Config:           with(`keep_owner_on_seat = true`),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateIs(room, "keep_owner_on_seat", knownvalue.Bool(true)),
				},
			},
		},
	})
}

// The documented limits fail the plan, naming the key, the limit and the code, with no API
// call; so does the owner listed as an admin.
func TestAccRoom_extrasPlanTimeDiagnostics(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.RoomID("extras-diag")
	invalid := func(want string, line string) resource.TestStep {
		return resource.TestStep{
			Config:      e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "Karaoke"`, line),
			PlanOnly:    true,
			ExpectError: acctest.Exactly(want),
		}
	}
	keys := make([]string, 11)
	for i := range keys {
		keys[i] = fmt.Sprintf("k%02d = \"v\"", i)
	}
	big := make([]string, 9)
	for i := range big {
		big[i] = fmt.Sprintf("big%d = %q", i, strings.Repeat("v", 2000))
	}
	long := strings.Repeat("k", 51)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			invalid("metadata has 11 keys; the vendor allows at most 10 keys per room (it would answer 100500). The keys the app writes at run time count towards the same 10.",
				"metadata = { "+strings.Join(keys, ", ")+" }"),
			invalid(fmt.Sprintf("metadata key %q is 51 bytes; the vendor allows at most 50 bytes per key (it would answer 100504).", long),
				"metadata = { "+long+` = "v" }`),
			invalid(`metadata["cfg"] is 2049 bytes; the vendor allows at most 2048 bytes per value (it would answer 100501).`,
				"metadata = { cfg = "+acctest.HCL(strings.Repeat("x", 2049))+" }"),
			invalid("metadata values are 18000 bytes together; the vendor allows at most 16384 bytes for all values of a room (it would answer 100502), the app's own keys included.",
				"metadata = { "+strings.Join(big, ", ")+" }"),
			invalid("metadata has an empty key; the vendor requires at least 1 byte (it would answer 100002).",
				`metadata = { "" = "v" }`),
			invalid(fmt.Sprintf("admins user ID %q is 33 bytes; the vendor allows at most 32 bytes (it would answer 100002).", strings.Repeat("a", 33)),
				"admins = ["+acctest.HCL(strings.Repeat("a", 33))+"]"),
			invalid("robots user ID is empty; the vendor requires at least 1 byte (it would answer 100002).",
				`robots = [""]`),
			invalid(fmt.Sprintf("admins lists %q, the room's owner (owner_account). The owner holds every admin right already and needs no admin entry; modify_admin would refuse it (it would answer 100002).", e.Identifier),
				"admins = ["+acctest.HCL(e.Identifier)+"]"),
		},
	})
	if e.Emu != nil {
		if n := e.Emu.Stats().Total; n != 0 {
			t.Fatalf("plan-time checks made %d API requests", n)
		}
	}
}

// At apply: the app's own keys count towards the 10 (the error names them), too many admins
// gets its hint. An admin that is not imported fails the plan; with plan_checks off, the create
// whose admins step fails keeps the room in the state, and the next apply converges it.
func TestAccRoom_extrasApplyErrors(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{AdminCap: 2})
	e.RequireEmulator(t, "a small admin cap")
	id, other := acctest.RoomID("extras-err"), acctest.RoomID("extras-half")
	mod1, mod2, mod3 := acctest.AccountUserID("mod-1"), acctest.AccountUserID("mod-2"), acctest.AccountUserID("mod-3")
	lateMod, ghostRobot := acctest.AccountUserID("late-mod"), acctest.AccountUserID("ghost-bot")
	for _, u := range []string{mod1, mod2, mod3} {
		e.MustImportAccount(t, u)
	}
	base := []string{"room_id = " + acctest.HCL(id), `seat_template = "Karaoke"`}
	with := func(lines ...string) string { return e.RoomConfig(append(slices.Clone(base), lines...)...) }
	var createsBefore int64
	half := e.Provider() + fmt.Sprintf(`
resource "tencentlive_room" "half" {
  room_id       = %q
  seat_template = "AudioSalon"
  metadata      = { topic = "jazz" }
  admins        = %s
}
`, other, hclList(lateMod))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{Config: with(`metadata = { k0 = "ours" }`)},
			{
				PreConfig: acctest.Behind(t, func(ctx context.Context) error {
					app := map[string]string{}
					for i := 1; i <= 9; i++ {
						app[fmt.Sprintf("app%d", i)] = "x"
					}
					return e.Client.SetRoomMetadata(ctx, id, app)
				}),
				Config: with(`metadata = { k0 = "ours", k1 = "more" }`),
				ExpectError: acctest.Diagnostic("Error: Unable to update live room", "metadata = ",
					"set_room_metadata failed with 100500 (metadata: too many keys)",
					`The room also holds 9 metadata keys that this configuration does not manage, written by the app at run time: "app1", "app2", "app3", "app4", "app5", "app6", "app7", "app8", "app9". They count towards the vendor's limit of 10 keys per room together with the 2 keys of the configuration.`),
			},
			{
				Config: with(`metadata = { k0 = "ours" }`, "admins = "+hclList(mod1, mod2, mod3)),
				ExpectError: acctest.Diagnostic("Error: Unable to update live room", "admins = ",
					"modify_admin failed with 100020 (too many room admins)",
					"Name fewer admins: the application's package caps the admins of one room."),
			},
			{
				// The plan looks literal admins and robots up (account_check) and refuses the
				// ones that are not imported, before anything is created.
				PreConfig: func() { createsBefore = e.Emu.Stats().Commands["create_room"] },
				Config:    strings.Replace(half, "admins        = "+hclList(lateMod), "admins        = "+hclList(lateMod)+"\n  robots        = "+hclList(ghostRobot), 1),
				ExpectError: acctest.Diagnostic("Error: Admin account not imported", "admins = ",
					fmt.Sprintf(`Account %q is not imported (account_check), so modify_admin would answer 70107`, lateMod),
					"Error: Robot account not imported", "robots = ",
					fmt.Sprintf(`Account %q is not imported (account_check), so add_robot would answer 70107`, ghostRobot)),
			},
			{
				// Without plan-time checks, the admins step of a create fails (the account is
				// not imported yet): the room, with its metadata, stays in the state.
				PreConfig: func() {
					if n := e.Emu.Stats().Commands["create_room"] - createsBefore; n != 0 {
						t.Errorf("a plan refused for its accounts created %d rooms", n)
					}
				},
				Config: acctest.WithProviderSettings(half, "plan_checks = false"),
				ExpectError: acctest.Diagnostic("Error: Unable to create live room", "admins = ",
					"modify_admin failed with 70107 (the user account has not been imported)",
					"Every user ID in admins must be an imported account. A tencentlive_account of this configuration referenced by its user_id (admins = [tencentlive_account.<name>.user_id]) is imported before the room is changed.",
					"The room was created and is recorded in the state"),
			},
			{
				PreConfig: func() {
					if err := e.checkExtras(other, map[string]string{"topic": "jazz"}, []string{}, nil)(nil); err != nil {
						t.Fatalf("after the interrupted create: %v", err)
					}
					e.MustImportAccount(t, lateMod)
				},
				Config: half,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateIs("tencentlive_room.half", "admins", setOf(lateMod)),
					acctest.StateIs("tencentlive_room.half", "metadata", mapOf(map[string]string{"topic": "jazz"})),
				},
				Check: e.checkExtras(other, map[string]string{"topic": "jazz"}, []string{lateMod}, nil),
			},
		},
	})
}

// The platform dismisses a room that someone entered and that then stayed empty for the window
// (auto-destroy rule 1), unless it has a robot: the robot's room survives; the other is gone
// and the next plan creates it again.
func TestAccRoom_robotsKeepAnEmptiedRoom(t *testing.T) {
	t.Parallel()
	clock := testclock.NewManual(time.Now())
	e := newAccEnv(t, emulator.Options{EmptyRoomTTL: 30 * time.Minute, Now: clock.Now})
	e.RequireEmulator(t, "members entering and a clock to advance")
	kept, plain := acctest.RoomID("robot-kept"), acctest.RoomID("robot-none")
	obsBot, viewer := acctest.AccountUserID("obs-bot"), acctest.AccountUserID("viewer")
	e.MustImportAccount(t, obsBot)
	e.MustImportAccount(t, viewer)
	config := e.Provider() + fmt.Sprintf(`
resource "tencentlive_room" "kept" {
  room_id            = %q
  seat_template      = "VideoLandscape4Seats"
  keep_owner_on_seat = false
  robots             = %s
}

resource "tencentlive_room" "plain" {
  room_id       = %q
  seat_template = "VideoLandscape4Seats"
}
`, kept, hclList(obsBot), plain)
	empty := func(*terraform.State) error {
		for _, id := range []string{kept, plain} {
			if err := e.Emu.Enter(id, viewer); err != nil {
				return err
			}
			if err := e.Emu.Leave(id, viewer); err != nil {
				return err
			}
		}
		clock.Advance(31 * time.Minute)
		return nil
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				Config:             config,
				Check:              resource.ComposeTestCheckFunc(empty, e.CheckGone(plain)),
				ExpectNonEmptyPlan: true, // the plain room is gone
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("tencentlive_room.plain", plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("tencentlive_room.kept", plancheck.ResourceActionNoop),
				}},
				Check: resource.ComposeTestCheckFunc(
					e.checkExtras(kept, nil, nil, []string{obsBot}),
					e.CheckRemote(plain, func(wire.RoomInfo) error { return nil })),
			},
		},
	})
}

// The data source shows every key, the app's included, and the lists.
func TestAccRoomDataSource_extras(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.RoomID("ds-extras")
	dsMod := acctest.AccountUserID("ds-mod")
	e.MustImportAccount(t, dsMod)
	e.MustCreate(t, wire.RoomInfo{RoomID: id, SeatTemplate: new("Karaoke"), IsUnlimitedRoomEnabled: new(true)}, "")
	ctx := context.Background()
	for _, err := range []error{
		e.Client.SetRoomMetadata(ctx, id, map[string]string{"a": "1", "b": "2"}),
		e.Client.AddAdmins(ctx, id, []string{dsMod}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	const ds = "data.tencentlive_room.test"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: e.Provider() + fmt.Sprintf(`data "tencentlive_room" "test" { room_id = %q }`, id),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateIs(ds, "metadata", mapOf(map[string]string{"a": "1", "b": "2"})),
				acctest.StateIs(ds, "admins", setOf(dsMod)),
				acctest.StateIs(ds, "robots", setOf()),
				acctest.StateIs(ds, "is_unlimited_room_enabled", knownvalue.Bool(true)),
				acctest.StateIs(ds, "keep_owner_on_seat", knownvalue.Bool(true)),
			},
		}},
	})
}

// An API version whose get_room_info leaves the room modes out: unset, they stay null with
// empty plans and a clean import; set, the configured value is kept without replacing the room.
func TestAccRoom_roomModesNotReported(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{OmitRoomModes: true})
	e.RequireEmulator(t, "get_room_info without the room modes")
	id := acctest.RoomID("modes")
	base := []string{"room_id = " + acctest.HCL(id), `seat_template = "Karaoke"`}
	sameCreateTime := statecheck.CompareValue(compare.ValuesSame())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				Config:           e.RoomConfig(base...),
				ConfigPlanChecks: emptyAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateIs(room, "is_unlimited_room_enabled", knownvalue.Null()),
					acctest.StateIs(room, "keep_owner_on_seat", knownvalue.Null()),
					sameCreateTime.AddStateValue(room, tfjsonpath.New("create_time")),
				},
			},
			{ResourceName: room, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{
				Config:           e.RoomConfig(append(slices.Clone(base), `is_unlimited_room_enabled = true`, `deletion_protection = true`)...),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateIs(room, "is_unlimited_room_enabled", knownvalue.Bool(true)),
					sameCreateTime.AddStateValue(room, tfjsonpath.New("create_time")),
				},
				Check: func(*terraform.State) error {
					for _, r := range e.Emu.Rooms() {
						if r.RoomID == id && !r.IsUnlimitedRoomEnabled {
							return fmt.Errorf("IsUnlimitedRoomEnabled not sent")
						}
					}
					return nil
				},
			},
			{
				// A change of a protected room: the unreported keep_owner_on_seat stays null
				// (UseStateForUnknown keeps a null too), not unknown, which would read as a
				// replacement and trip the protection.
				Config: e.RoomConfig(append(slices.Clone(base), `is_unlimited_room_enabled = true`, `deletion_protection = true`,
					`notice = "protected"`)...),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(room, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(room, tfjsonpath.New("keep_owner_on_seat"), knownvalue.Null()),
				}},
			},
			{Config: e.RoomConfig(append(slices.Clone(base), `is_unlimited_room_enabled = true`)...)},
		},
	})
}
