package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
)

// testEmptyRoomRobots is the platform's empty-room rule (auto-destroy rule 1, emulator flag
// -empty-room-ttl) against the real CLI: two rooms that someone entered and left stay empty for
// the window. The one with a robot (robots) survives; the other is dismissed, and the next plan
// re-creates it with the warning a dismissed room always gets, and no error.
func (r *reliability) testEmptyRoomRobots(t *testing.T) {
	const window = 2 * time.Second
	emu, _ := r.emulator(t, EmulatorOptions{QPS: emulator.DocumentedQPS, Args: []string{"-empty-room-ttl", window.String()}})
	ws := r.workspace(t, emu.ProviderEnv(), `terraform {
  required_providers {
    tencentlive = {
      source = "tencentlive/tencentlive"
    }
  }
}

provider "tencentlive" {}

resource "tencentlive_account" "bot" {
  user_id = "tf-acc-test-empty-obs-bot"
}

resource "tencentlive_account" "viewer" {
  user_id = "tf-acc-test-empty-viewer"
}

resource "tencentlive_room" "kept" {
  room_id            = "tf-acc-test-empty-kept"
  seat_template      = "VideoLandscape4Seats"
  keep_owner_on_seat = false
  robots             = [tencentlive_account.bot.user_id]
}

resource "tencentlive_room" "plain" {
  room_id       = "tf-acc-test-empty-plain"
  seat_template = "VideoLandscape4Seats"
}
`)
	assertNoDiagnostics(t, mustSucceed(t, ws, Apply(0), RunOptions{}))
	for _, room := range []string{"tf-acc-test-empty-kept", "tf-acc-test-empty-plain"} {
		for _, move := range []string{"enter", "leave"} {
			if err := moveMember(emu, move, room, "tf-acc-test-empty-viewer"); err != nil {
				t.Fatal(err)
			}
		}
	}
	time.Sleep(window + 300*time.Millisecond)
	rooms, err := emu.Rooms(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(rooms) != 1 || rooms[0].RoomID != "tf-acc-test-empty-kept" {
		t.Fatalf("after the empty-room window the emulator holds %d rooms (%v), want only tf-acc-test-empty-kept", len(rooms), rooms)
	}

	plan := mustSucceed(t, ws, Plan(0), RunOptions{})
	if assertOnlyWarnings(t, plan, goneWarning) != 1 {
		t.Fatalf("want one %q warning:\n%s", goneWarning, tail(plan.Stdout+plan.Stderr, 4000))
	}
	text := normalized(plan.Stdout + plan.Stderr)
	for _, want := range []string{`Room "tf-acc-test-empty-plain" was not found (100004); removing it from state.`, "Plan: 1 to add, 0 to change, 0 to destroy.",
		"tencentlive_room.plain will be created"} {
		if !strings.Contains(text, want) {
			t.Fatalf("plan after the window lacks %q:\n%s", want, tail(plan.Stdout+plan.Stderr, 4000))
		}
	}
	apply := mustSucceed(t, ws, Apply(0), RunOptions{})
	assertOnlyWarnings(t, apply, goneWarning)
	if !strings.Contains(apply.Stdout, "Apply complete! Resources: 1 added, 0 changed, 0 destroyed.") {
		t.Fatalf("apply after the window:\n%s", tail(apply.Stdout, 3000))
	}
	assertPlanEmpty(t, ws, 0)
	figure(t, "-empty-room-ttl %v: the room with a robot survived, the other was dismissed; the next plan warned %q and re-created it (\"Plan: 1 to add\"), re-plan empty",
		window, goneWarning)
}

// moveMember has a member enter or leave a room through the emulator's test endpoint.
func moveMember(emu *Emulator, move, roomID, userID string) error {
	body, _ := json.Marshal(map[string]string{"RoomId": roomID, "UserID": userID})
	resp, err := http.Post(emu.URL+"/_emulator/"+move, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		return fmt.Errorf("/_emulator/%s %s %s: HTTP %d", move, roomID, userID, resp.StatusCode)
	}
	return nil
}
