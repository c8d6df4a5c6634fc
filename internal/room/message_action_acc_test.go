package room_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// checkMessages compares what the room received with want (type, sender, text or data).
func (e *accEnv) checkMessages(roomID string, want ...emulator.Message) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got, err := e.Emu.Messages(roomID)
		if err != nil {
			return err
		}
		if len(got) != len(want) {
			return fmt.Errorf("room %s received %d messages, want %d: %+v", roomID, len(got), len(want), got)
		}
		for i, w := range want {
			g := got[i]
			if g.Type != w.Type || g.Sender != w.Sender || g.Text != w.Text || g.BusinessID != w.BusinessID || g.Data != w.Data {
				return fmt.Errorf("message %d: got %+v, want %+v", i+1, g, w)
			}
		}
		return nil
	}
}

// messageRoomConfig is a room whose creation sends a text message from an account of the same
// configuration, and whose updates send a custom message. The room ID reaches the actions
// through a local: an after_update trigger cannot reference the room it is on (a cycle).
func messageRoomConfig(e *accEnv, roomID, sender, notice string) string {
	return e.Provider() + fmt.Sprintf(`
locals {
  room_id = %q
}

resource "tencentlive_account" "host" {
  user_id = %q
}

action "tencentlive_room_message" "welcome" {
  config {
    room_id        = local.room_id
    sender_account = tencentlive_account.host.user_id
    text           = "Welcome to the room"
  }
}

action "tencentlive_room_message" "notice_changed" {
  config {
    room_id     = local.room_id
    business_id = "notice"
    data        = jsonencode({ notice = %q })
  }
}

resource "tencentlive_room" "test" {
  room_id       = local.room_id
  seat_template = "VideoDynamicGrid9Seats"
  notice        = %q
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.tencentlive_room_message.welcome]
    }
    action_trigger {
      events  = [after_update]
      actions = [action.tencentlive_room_message.notice_changed]
    }
  }
}
`, roomID, sender, notice, notice)
}

// The action sends from action_trigger blocks: a text message when the room is created, as an
// account created in the same apply, and a custom message from the App Admin when it changes.
// Each is received once.
func TestAccRoomMessage_triggers(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	e.RequireEmulator(t, "reads what the room received")
	id, sender := acctest.TestName(), acctest.TestName()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   querySince,
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				Config: messageRoomConfig(e, id, sender, "first"),
				Check: e.checkMessages(id,
					emulator.Message{Type: emulator.MessageText, Sender: sender, Text: "Welcome to the room"}),
			},
			{
				Config: messageRoomConfig(e, id, sender, "second"),
				Check: e.checkMessages(id,
					emulator.Message{Type: emulator.MessageText, Sender: sender, Text: "Welcome to the room"},
					emulator.Message{Type: emulator.MessageCustom, Sender: emulator.DefaultAdmin, BusinessID: "notice", Data: `{"notice":"second"}`}),
			},
		},
	})
}

// triggeredMessage is an action triggered by a terraform_data's creation, with the given
// config lines.
func triggeredMessage(e *accEnv, lines ...string) string {
	config := e.Provider() + "\naction \"tencentlive_room_message\" \"m\" {\n  config {\n"
	for _, l := range lines {
		config += "    " + l + "\n"
	}
	return config + `  }
}

resource "terraform_data" "trigger" {
  input = "go"
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.tencentlive_room_message.m]
    }
  }
}
`
}

// A room that does not exist and a sender never imported fail at plan, naming the attribute
// and the vendor code, and nothing is sent; so does a message that is both text and custom.
func TestAccRoomMessage_planErrors(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	e.RequireEmulator(t, "counts the sends")
	room, missing, stranger := acctest.TestName(), acctest.TestName(), acctest.TestName()
	e.MustCreate(t, wireRoom(room), "")
	noSends := func(*terraform.State) error {
		if n := e.Emu.Stats().Commands["send_text_msg"] + e.Emu.Stats().Commands["send_custom_msg"]; n != 0 {
			return fmt.Errorf("%d messages were sent", n)
		}
		return nil
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   querySince,
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config:      triggeredMessage(e, "room_id = "+acctest.HCL(missing), `text = "hello"`),
				ExpectError: regexp.MustCompile(`(?s)Room not found.*` + regexp.QuoteMeta(missing) + `.*100004`),
			},
			{
				Config:      triggeredMessage(e, "room_id = "+acctest.HCL(room), "sender_account = "+acctest.HCL(stranger), `text = "hello"`),
				ExpectError: regexp.MustCompile(`(?s)Sender not imported.*` + regexp.QuoteMeta(stranger) + `.*70107`),
			},
			{
				Config:      triggeredMessage(e, "room_id = "+acctest.HCL(room), `text = "hello"`, `business_id = "b"`, `data = "d"`),
				ExpectError: regexp.MustCompile(`Set either text`),
			},
			{
				Config:      triggeredMessage(e, "room_id = "+acctest.HCL(room), `business_id = "only"`),
				ExpectError: regexp.MustCompile(`data is not set`),
				Check:       noSends,
			},
			{
				Config: e.Provider(),
				Check:  noSends,
			},
		},
	})
}

func wireRoom(id string) wire.RoomInfo {
	return wire.RoomInfo{RoomID: id, SeatTemplate: new("VideoFixedGrid9Seats")}
}
