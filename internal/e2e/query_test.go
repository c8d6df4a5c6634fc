package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Terraform 1.14+'s ways of adopting rooms, through the real CLI and the provider binary as
// Terraform starts it (so through internal/serve, which must forward the list and action
// RPCs) against the emulator process answering get_room_info in its documented form, without
// SeatTemplate.

// requireCLI skips unless the workspace's CLI is Terraform 1.minor or newer (not OpenTofu:
// terraform-plugin-testing's gates skip it too, and it has no list resources or actions).
func requireCLI(t *testing.T, cli string, minor int) {
	t.Helper()
	out, err := exec.Command(cli, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	first := strings.SplitN(string(out), "\n", 2)[0]
	var major, got int
	if !strings.HasPrefix(first, "Terraform v") {
		t.Skipf("%s is not Terraform", first)
	}
	if _, err := fmt.Sscanf(strings.TrimPrefix(first, "Terraform v"), "%d.%d", &major, &got); err != nil {
		t.Fatalf("version %q: %v", first, err)
	}
	if major == 1 && got < minor {
		t.Skipf("%s predates what this test drives (Terraform 1.%d+)", first, minor)
	}
}

// queryRooms creates n public rooms under prefix, cycling through every seat template, with
// owners, and with the metadata, admins and robots an application sets on every fifth.
func queryRooms(t *testing.T, c *wire.Client, prefix string, n int) {
	t.Helper()
	ctx := context.Background()
	templates := livespec.SeatTemplateNames()
	for _, id := range []string{"tf-acc-test-q-host", "tf-acc-test-q-admin", "tf-acc-test-q-robot"} {
		if err := c.ImportAccount(ctx, wire.Account{UserID: id}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range n {
		id := fmt.Sprintf("%s%04d", prefix, i)
		info := wire.RoomInfo{RoomID: id, SeatTemplate: &templates[i%len(templates)], RoomName: ptr(fmt.Sprintf("Room %d", i))}
		if i%3 == 0 {
			info.OwnerAccount = ptr("tf-acc-test-q-host")
		}
		if t, _ := livespec.LookupSeatTemplate(templates[i%len(templates)]); t.Voice {
			info.MaxSeatCount = ptr(int64(2 + i%6))
		}
		if err := c.CreateRoom(ctx, info); err != nil {
			t.Fatal(err)
		}
		if i%5 != 0 {
			continue
		}
		if err := c.SetRoomMetadata(ctx, id, map[string]string{"theme": "dark", "slot": fmt.Sprint(i)}); err != nil {
			t.Fatal(err)
		}
		if err := c.AddAdmins(ctx, id, []string{"tf-acc-test-q-admin"}); err != nil {
			t.Fatal(err)
		}
		if err := c.AddRobots(ctx, id, []string{"tf-acc-test-q-robot"}); err != nil {
			t.Fatal(err)
		}
	}
}

// `terraform query -generate-config-out` over 300 rooms of every template writes configuration
// and import blocks whose plan is import-only (0 to add, 0 to change, 0 to destroy), with the
// rooms' metadata, admins and robots and their templates taken from get_room_list. Then one room
// by identity with `plan -generate-config-out`, and the message action with `apply -invoke`.
func TestAccQueryGenerateConfig(t *testing.T) {
	emu, ws, c := adoptionSetupWith(t, EmulatorOptions{QPS: emulator.DocumentedQPS, Args: []string{"-omit-seat-template"}})
	requireCLI(t, ws.Terraform, 14)
	n := 300 // TENCENTLIVE_QUERY_ROOMS measures another size
	if v, err := strconv.Atoi(os.Getenv("TENCENTLIVE_QUERY_ROOMS")); err == nil && v > 5 {
		n = v
	}
	queryRooms(t, c, "tf-acc-test-q-", n)
	if err := ws.WriteConfig(adoptionHeader); err != nil {
		t.Fatal(err)
	}
	if err := ws.WriteFile("rooms.tfquery.hcl", `list "tencentlive_room" "adopted" {
  provider = tencentlive
  limit    = 10000 # Terraform returns 100 results unless told otherwise
  config {
    room_id_prefix = "tf-acc-test-q-"
  }
}
`); err != nil {
		t.Fatal(err)
	}
	mustExit(t, ws, 0, "init", "-input=false")

	began := time.Now()
	out := mustExit(t, ws, 0, "query")
	t.Logf("terraform query of %d rooms (identities only): %s", n, time.Since(began).Round(10*time.Millisecond))
	if !strings.Contains(out, "tf-acc-test-q-0001") {
		t.Fatalf("query output lacks room tf-acc-test-q-0001:\n%s", tail(out, 2000))
	}

	began = time.Now()
	mustExit(t, ws, 0, "query", "-generate-config-out=rooms.tf")
	t.Logf("terraform query -generate-config-out of %d rooms: %s", n, time.Since(began).Round(10*time.Millisecond))
	generated, err := os.ReadFile(filepath.Join(ws.Dir, "rooms.tf"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count("\n"+string(generated), "\nimport {"); got != n {
		t.Fatalf("rooms.tf has %d import blocks, want %d", got, n)
	}
	for _, want := range []string{`seat_template`, `"tf-acc-test-q-admin"`, `"tf-acc-test-q-robot"`, `theme`} {
		if !strings.Contains(string(generated), want) {
			t.Fatalf("rooms.tf lacks %s:\n%s", want, tail(string(generated), 3000))
		}
	}
	if err := os.Remove(filepath.Join(ws.Dir, "rooms.tfquery.hcl")); err != nil {
		t.Fatal(err)
	}
	began = time.Now()
	out = mustExit(t, ws, 2, "plan", "-input=false", "-detailed-exitcode", "-parallelism=50")
	t.Logf("plan of the generated import-only configuration for %d rooms: %s", n, time.Since(began).Round(10*time.Millisecond))
	if want := fmt.Sprintf("Plan: %d to import, 0 to add, 0 to change, 0 to destroy.", n); !strings.Contains(out, want) {
		t.Fatalf("plan output lacks %q:\n%s", want, tail(out, 3000))
	}

	// One room by identity: plan -generate-config-out, then import-only.
	if err := os.Remove(filepath.Join(ws.Dir, "rooms.tf")); err != nil {
		t.Fatal(err)
	}
	if err := ws.WriteConfig(adoptionHeader + `
import {
  to       = tencentlive_room.one
  identity = { room_id = "tf-acc-test-q-0005" }
}
`); err != nil {
		t.Fatal(err)
	}
	mustExit(t, ws, 0, "plan", "-input=false", "-generate-config-out=one.tf")
	out = mustExit(t, ws, 2, "plan", "-input=false", "-detailed-exitcode")
	if want := "Plan: 1 to import, 0 to add, 0 to change, 0 to destroy."; !strings.Contains(out, want) {
		t.Fatalf("plan of the identity's generated configuration lacks %q:\n%s", want, tail(out, 3000))
	}
	mustExit(t, ws, 0, "apply", "-input=false", "-auto-approve")

	// The message action, invoked on its own.
	if err := ws.WriteFile("message.tf", `
action "tencentlive_room_message" "hello" {
  config {
    room_id        = "tf-acc-test-q-0005"
    sender_account = "tf-acc-test-q-host"
    text           = "Hello from Terraform"
  }
}
`); err != nil {
		t.Fatal(err)
	}
	mustExit(t, ws, 0, "apply", "-input=false", "-auto-approve", "-invoke=action.tencentlive_room_message.hello")
	body, err := emu.call(context.Background(), "GET", "/_emulator/messages?RoomId=tf-acc-test-q-0005")
	if err != nil {
		t.Fatal(err)
	}
	var got []emulator.Message
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Text != "Hello from Terraform" || got[0].Sender != "tf-acc-test-q-host" {
		t.Fatalf("room tf-acc-test-q-0005 received %+v, want one text from tf-acc-test-q-host", got)
	}
}

// A query the service keeps failing ends with an error within its timeout and writes no file.
func TestAccQueryFailureWritesNothing(t *testing.T) {
	_, ws, _ := adoptionSetupWith(t, EmulatorOptions{QPS: emulator.DocumentedQPS, Faults: 1})
	requireCLI(t, ws.Terraform, 14)
	if err := ws.WriteConfig(adoptionHeader); err != nil {
		t.Fatal(err)
	}
	if err := ws.WriteFile("rooms.tfquery.hcl", `list "tencentlive_room" "adopted" {
  provider = tencentlive
  config {
    timeout = "3s"
  }
}
`); err != nil {
		t.Fatal(err)
	}
	mustExit(t, ws, 0, "init", "-input=false")
	out := mustExit(t, ws, 1, "query", "-generate-config-out=rooms.tf")
	if !strings.Contains(out, "Unable to list live rooms") {
		t.Fatalf("query output lacks the failure:\n%s", tail(out, 3000))
	}
	if _, err := os.Stat(filepath.Join(ws.Dir, "rooms.tf")); !os.IsNotExist(err) {
		t.Fatalf("a failed query left rooms.tf (stat: %v)", err)
	}
}

// State written under a Terraform without resource identities (1.11) upgrades under 1.16 with an
// empty plan and no write to the service, and the next refresh records each room's identity.
func TestAccIdentityUpgradeFromOlderCLI(t *testing.T) {
	emu, ws, _ := adoptionSetupWith(t, EmulatorOptions{QPS: emulator.DocumentedQPS})
	requireCLI(t, ws.Terraform, 12)
	older := os.Getenv("TENCENTLIVE_OLD_TERRAFORM")
	if older == "" {
		older = "/usr/local/bin/terraform"
	}
	if _, err := os.Stat(older); err != nil {
		t.Skipf("no Terraform without identities at %s (set TENCENTLIVE_OLD_TERRAFORM)", older)
	}
	newer := ws.Terraform
	ws.Terraform = older
	requireOlderThan(t, older, 12)
	if err := ws.WriteConfig(adoptionHeader + `
resource "tencentlive_room" "r" {
  count         = 3
  room_id       = "tf-acc-test-upgrade-${count.index}"
  seat_template = "Karaoke"
  metadata      = { stage = "main" }
}
`); err != nil {
		t.Fatal(err)
	}
	mustExit(t, ws, 0, "init", "-input=false")
	mustExit(t, ws, 0, "apply", "-input=false", "-auto-approve")
	if strings.Contains(readState(t, ws), `"identity"`) {
		t.Fatal("the older CLI wrote identities: the test proves nothing")
	}
	before := emu.mustStats(t)

	ws.Terraform = newer
	mustExit(t, ws, 0, "plan", "-input=false", "-detailed-exitcode")
	mustExit(t, ws, 0, "apply", "-input=false", "-auto-approve", "-refresh-only")
	var state struct {
		Resources []struct {
			Instances []struct {
				Identity struct {
					RoomID   string `json:"room_id"`
					SDKAppID uint64 `json:"sdk_app_id"`
				} `json:"identity"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal([]byte(readState(t, ws)), &state); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range state.Resources {
		for _, in := range r.Instances {
			if in.Identity.SDKAppID == emulator.DefaultSDKAppID {
				got = append(got, in.Identity.RoomID)
			}
		}
	}
	if fmt.Sprint(got) != "[tf-acc-test-upgrade-0 tf-acc-test-upgrade-1 tf-acc-test-upgrade-2]" {
		t.Fatalf("identities after the refresh: %v, want the three rooms in application %d", got, emulator.DefaultSDKAppID)
	}
	after := emu.mustStats(t)
	for _, cmd := range []string{"create_room", "update_room_info", "destroy_room", "set_room_metadata"} {
		if after.Commands[cmd] != before.Commands[cmd] {
			t.Fatalf("upgrading sent %s: %d before, %d after", cmd, before.Commands[cmd], after.Commands[cmd])
		}
	}
}

// requireOlderThan skips unless cli is Terraform 1.minor-1 or older.
func requireOlderThan(t *testing.T, cli string, minor int) {
	t.Helper()
	out, err := exec.Command(cli, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	var major, got int
	if _, err := fmt.Sscanf(strings.TrimPrefix(strings.SplitN(string(out), "\n", 2)[0], "Terraform v"), "%d.%d", &major, &got); err != nil || major != 1 || got >= minor {
		t.Skipf("%s is not a Terraform older than 1.%d", strings.SplitN(string(out), "\n", 2)[0], minor)
	}
}

func readState(t *testing.T, ws *Workspace) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(ws.Dir, "terraform.tfstate"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
