package e2e

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep"
)

// testFaultSoakExtras is the fault soak for what a room holds besides its RoomInfo: metadata,
// admins, robots and the unlimited mode, managed with their own commands (set_room_metadata,
// del_room_metadata, modify_admin, add_robot, del_robot) and read back with theirs. 40 rooms are
// applied, every one of them updated (a metadata key changed, one deleted, one added; the admin
// and the robot swapped; the mode turned off), and destroyed, with a fifth of all requests
// failing and the documented rate limits on. No step may show a diagnostic; after each, the
// emulator holds exactly what the state says, and a re-plan is empty.
func (r *reliability) testFaultSoakExtras(t *testing.T) {
	const (
		n           = 40
		parallelism = 10
		faults      = 0.2
		latency     = 20 * time.Millisecond
		prefix      = sweep.Prefix + "soakx-"
	)
	seed := faultSeed(t)
	emu, _ := r.emulator(t, EmulatorOptions{Faults: faults, Latency: latency, Seed: seed, QPS: emulator.DocumentedQPS})
	ws := r.workspace(t, emu.ProviderEnv(), extrasConfig(n, prefix, "v1"))
	figure(t, "%d rooms with metadata, an admin and a robot each, emulator -faults %v -latency %v -seed %d, documented rate limits, -parallelism=%d",
		n, faults, latency, seed, parallelism)

	var total stepCost
	step := func(name string, s Step, want string) { t.Helper(); total.add(soakStep(t, emu, ws, name, s, want)) }
	converged := func(version string) {
		t.Helper()
		rooms := assertConverged(t, emu, ws, n, roomsSpec(prefix, version))
		if problems := compareExtras(rooms, readStateRooms(t, ws), extrasSpec(prefix, version)); len(problems) > 0 {
			t.Fatalf("emulator and state disagree on metadata, admins or robots (%d problems):\n%s",
				len(problems), strings.Join(problems[:min(len(problems), 20)], "\n"))
		}
	}

	step("apply", Apply(parallelism), fmt.Sprintf("Apply complete! Resources: %d added, 0 changed, 0 destroyed.", n+4))
	converged("v1")
	step("re-plan after apply", Plan(parallelism).With("-detailed-exitcode"), "No changes.")

	writeConfig(t, ws, extrasConfig(n, prefix, "v2"))
	step("update (metadata, admin, robot and mode of every room)", Apply(parallelism),
		fmt.Sprintf("Apply complete! Resources: 0 added, %d changed, 0 destroyed.", n))
	converged("v2")
	step("re-plan after update", Plan(parallelism).With("-detailed-exitcode"), "No changes.")

	step("destroy", Destroy(parallelism), fmt.Sprintf("Destroy complete! Resources: %d destroyed.", n+4))
	assertConverged(t, emu, ws, 0, roomsSpec(prefix, "v2"))

	for _, cmd := range []string{"set_room_metadata", "del_room_metadata", "get_room_metadata", "modify_admin", "get_admin_list", "add_robot", "del_robot", "get_robot"} {
		if total.Emulator.Commands[cmd] == 0 {
			t.Fatalf("the soak never sent %s", cmd)
		}
	}
	if total.Emulator.Faults == 0 || total.Provider.Retries == 0 {
		t.Fatalf("the soak saw %d faults and %d retries: the faults were not injected", total.Emulator.Faults, total.Provider.Retries)
	}
	figure(t, "all steps: %s", total)
}

// extrasConfig is roomsConfig's rooms, each with two metadata keys, one admin and one robot out
// of two accounts each, which version v2 changes: "theme" changes value, "idx" is deleted and
// "added" added, the admin and the robot are swapped, the unlimited mode goes off.
func extrasConfig(n int, prefix, version string) string {
	swap, metadata, unlimited := "0", `{ theme = "%[1]s", idx = tostring(count.index) }`, "true"
	if version == "v2" {
		swap, metadata, unlimited = "1", `{ theme = "%[1]s", added = "x${count.index}" }`, "false"
	}
	return fmt.Sprintf(`terraform {
  required_providers {
    tencentlive = {
      source = "tencentlive/tencentlive"
    }
  }
}

provider "tencentlive" {}

resource "tencentlive_account" "mod" {
  count   = 2
  user_id = "tf-acc-test-soak-mod-${count.index}"
}

resource "tencentlive_account" "bot" {
  count   = 2
  user_id = "tf-acc-test-soak-bot-${count.index}"
}

resource "tencentlive_room" "r" {
  count                     = %[2]d
  room_id                   = format("%%s%%04d", %[3]q, count.index)
  seat_template             = "VideoDynamicGrid9Seats"
  room_name                 = "Room ${count.index} %[1]s"
  notice                    = "Notice %[1]s of room ${count.index}"
  is_unlimited_room_enabled = %[4]s
  metadata                  = `+metadata+`
  admins                    = [tencentlive_account.mod[(count.index + %[5]s) %% 2].user_id]
  robots                    = [tencentlive_account.bot[(count.index + %[5]s) %% 2].user_id]
}
`, version, n, prefix, unlimited, swap)
}

// extrasSpec is what extrasConfig says room i holds besides roomsSpec's fields.
func extrasSpec(prefix, version string) func(roomID string) (metadata map[string]string, admin, robot string) {
	return func(roomID string) (map[string]string, string, string) {
		i, _ := strconv.Atoi(strings.TrimPrefix(roomID, prefix)) // 0000… as the configuration formats it
		md, swap := map[string]string{"theme": version, "idx": fmt.Sprint(i)}, 0
		if version == "v2" {
			md, swap = map[string]string{"theme": version, "added": fmt.Sprintf("x%d", i)}, 1
		}
		return md, fmt.Sprintf("%ssoak-mod-%d", sweep.Prefix, (i+swap)%2), fmt.Sprintf("%ssoak-bot-%d", sweep.Prefix, (i+swap)%2)
	}
}

// compareExtras lists every room whose metadata, admins or robots differ between the emulator,
// the state and the configuration.
func compareExtras(emu []Room, state []stateRoom, spec func(string) (map[string]string, string, string)) []string {
	var problems []string
	byID := map[string]Room{}
	for _, r := range emu {
		byID[r.RoomID] = r
	}
	for _, s := range state {
		r := byID[s.RoomID]
		md, admin, robot := spec(s.RoomID)
		if !maps.Equal(s.Metadata, md) || !maps.Equal(r.Metadata, md) {
			problems = append(problems, fmt.Sprintf("%s: metadata in state %v, in the emulator %v, want %v", s.Address, s.Metadata, r.Metadata, md))
		}
		if !slices.Equal(s.Admins, []string{admin}) || !slices.Equal(r.Admins, []string{admin}) {
			problems = append(problems, fmt.Sprintf("%s: admins in state %v, in the emulator %v, want [%s]", s.Address, s.Admins, r.Admins, admin))
		}
		if unlimited := !strings.HasSuffix(s.RoomName, "v2"); s.Unlimited != unlimited || r.IsUnlimitedRoomEnabled != unlimited {
			problems = append(problems, fmt.Sprintf("%s: is_unlimited_room_enabled in state %v, in the emulator %v, want %v", s.Address, s.Unlimited, r.IsUnlimitedRoomEnabled, unlimited))
		}
		if !slices.Equal(s.Robots, []string{robot}) || !slices.Equal(r.Robots, []string{robot}) {
			problems = append(problems, fmt.Sprintf("%s: robots in state %v, in the emulator %v, want [%s]", s.Address, s.Robots, r.Robots, robot))
		}
	}
	return problems
}
