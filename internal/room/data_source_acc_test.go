package room_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
)

const roomData = "data.tencentlive_room.test"

// roomDataConfig is one tencentlive_room data source "test" reading roomID (an HCL expression).
func (e *accEnv) roomDataConfig(roomID string) string {
	return e.Provider() + fmt.Sprintf("\ndata \"tencentlive_room\" \"test\" {\n  room_id = %s\n}\n", roomID)
}

// The data source reads a room the resource made, private and with every attribute set, and
// reports every attribute as the resource does.
func TestAccRoomDataSource_readsAResourceRoom(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id, host := acctest.RoomID("data"), acctest.AccountUserID("datahost")
	same := func(name string) statecheck.StateCheck {
		return statecheck.CompareValuePairs(room, tfjsonpath.New(name), roomData, tfjsonpath.New(name), compare.ValuesSame())
	}
	checks := []statecheck.StateCheck{
		acctest.StateIs(roomData, "id", knownvalue.StringExact(id)),
		acctest.StateIs(roomData, "seat_template", knownvalue.StringExact("Karaoke")),
		acctest.StateIs(roomData, "owner_account", knownvalue.StringExact(host)),
		acctest.StateIs(roomData, "take_seat_mode", knownvalue.StringExact("ApplyToTake")),
		acctest.StateIs(roomData, "max_seat_count", knownvalue.Int64Exact(6)),
		acctest.StateIs(roomData, "max_member_count", knownvalue.Int64Exact(300)),
		acctest.StateIs(roomData, "is_message_disabled", knownvalue.Bool(true)),
		acctest.StateIs(roomData, "is_public_visible", knownvalue.Bool(false)),
		acctest.StateIs(roomData, "room_name", knownvalue.StringExact("卡拉OK night")),
		acctest.StateIs(roomData, "cover_url", knownvalue.StringExact("https://cdn.example.com/k.png")),
		acctest.StateIs(roomData, "category", knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(5), knownvalue.Int64Exact(2)})),
		acctest.StateIs(roomData, "activity_status", knownvalue.Int64Exact(3)),
		acctest.StateIs(roomData, "notice", knownvalue.StringExact("Sing along")),
		acctest.StateIs(roomData, "view_count", knownvalue.Int64Exact(0)),
	}
	for _, name := range []string{"id", "room_id", "seat_template", "owner_account", "take_seat_mode", "max_seat_count",
		"max_member_count", "is_message_disabled", "is_public_visible", "room_name", "cover_url", "category",
		"activity_status", "notice", "create_time"} {
		checks = append(checks, same(name))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{{
			Config: e.Provider() + fmt.Sprintf(`
resource "tencentlive_account" "host" {
  user_id = %q
}

resource "tencentlive_room" "test" {
  room_id             = %q
  seat_template       = "Karaoke"
  owner_account       = tencentlive_account.host.user_id
  max_seat_count      = 6
  max_member_count    = 300
  take_seat_mode      = "ApplyToTake"
  is_message_disabled = true
  is_public_visible   = false
  room_name           = "卡拉OK night"
  cover_url           = "https://cdn.example.com/k.png"
  category            = [5, 2]
  activity_status     = 3
  notice              = "Sing along"
}

data "tencentlive_room" "test" {
  room_id = tencentlive_room.test.room_id
}
`, host, id),
			ConfigStateChecks: checks,
		}},
	})
}

// A missing room is an error naming the room; bad room IDs fail at plan time with the
// resource's messages, before any request.
func TestAccRoomDataSource_diagnostics(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	missing := acctest.RoomID("missing")
	invalid := func(want, roomID string) resource.TestStep {
		return resource.TestStep{Config: e.roomDataConfig(roomID), PlanOnly: true, ExpectError: acctest.Exactly(want)}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			invalid("room_id is 49 bytes; the vendor allows at most 48 bytes (it would answer 100002).", acctest.HCL(strings.Repeat("r", 49))),
			invalid("room_id is empty; the vendor requires at least 1 byte (it would answer 100002).", `""`),
			invalid("room_id has a byte outside printable ASCII (0xE7 at byte 5); the client SDKs accept only 0x20-0x7E in a room ID (they would answer -2105), so nobody could join the room.",
				`"room-直播"`),
			{
				PreConfig: func() {
					if e.Emu != nil && e.Emu.Stats().Total != 0 {
						t.Fatalf("plan-time checks made %d API requests", e.Emu.Stats().Total)
					}
				},
				Config: e.roomDataConfig(acctest.HCL(missing)),
				ExpectError: acctest.Diagnostic("Error: Live room not found", "room_id = "+acctest.HCL(missing),
					fmt.Sprintf(`Room %q: get_room_info failed with 100004 (room does not exist): room does not exist.`, missing),
					acctest.RequestID, "The room was never created or has been dismissed (possibly by the platform's auto-destroy)."),
			},
		},
	})
}
