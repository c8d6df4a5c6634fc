package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
)

// testFileConfig is the module the test files of testTerraformTestFile drive: rooms by key under
// one created owner, and an optional second block (twin) that claims the room ID of a key.
const testFileConfig = `terraform {
  required_providers {
    tencentlive = {
      source = "tencentlive/tencentlive"
    }
  }
}

provider "tencentlive" {}

variable "rooms" {
  type = map(object({
    name     = string
    template = optional(string, "VideoLandscape4Seats")
  }))
}

variable "twin" {
  type    = string
  default = null
}

resource "tencentlive_account" "host" {
  user_id = "tf-acc-test-tft-host"
}

resource "tencentlive_room" "room" {
  for_each = var.rooms

  room_id       = "tf-acc-test-tft-${each.key}"
  room_name     = each.value.name
  seat_template = each.value.template
  owner_account = tencentlive_account.host.user_id
}

resource "tencentlive_room" "twin" {
  count = var.twin == null ? 0 : 1

  room_id       = "tf-acc-test-tft-${var.twin}"
  room_name     = "Twin"
  seat_template = "VideoLandscape4Seats"
}

output "room_ids" {
  value = sort([for room in tencentlive_room.room : room.room_id])
}
`

// testFileProvider opens every test file: Terraform 1.16 gives a test file that configures a
// provider one process of it for all its runs (without the block, each run has its own).
const testFileProvider = `provider "tencentlive" {}

`

// testFileLifecycle walks rooms through create, update, replace, an empty plan, destroy and a
// create again of the same room ID with other values, run after run in one file.
const testFileLifecycle = testFileProvider + `run "create" {
  variables {
    rooms = { a = { name = "A" }, b = { name = "B" } }
  }
  assert {
    condition     = output.room_ids == tolist(["tf-acc-test-tft-a", "tf-acc-test-tft-b"])
    error_message = "Rooms: ${jsonencode(output.room_ids)}"
  }
}

run "update" {
  variables {
    rooms = { a = { name = "A2" }, b = { name = "B" } }
  }
  assert {
    condition     = tencentlive_room.room["a"].room_name == "A2"
    error_message = "room_name: ${tencentlive_room.room["a"].room_name}"
  }
}

run "replace" {
  variables {
    rooms = { a = { name = "A2", template = "VideoDynamicGrid9Seats" }, b = { name = "B" } }
  }
  assert {
    condition     = tencentlive_room.room["a"].seat_template == "VideoDynamicGrid9Seats"
    error_message = "seat_template: ${tencentlive_room.room["a"].seat_template}"
  }
}

run "plan_no_change" {
  command = plan
  variables {
    rooms = { a = { name = "A2", template = "VideoDynamicGrid9Seats" }, b = { name = "B" } }
  }
  assert {
    condition     = alltrue([for room in tencentlive_room.room : room.create_time > 0])
    error_message = "The plan must keep both rooms as they are."
  }
}

run "destroy_a" {
  variables {
    rooms = { b = { name = "B" } }
  }
  assert {
    condition     = output.room_ids == tolist(["tf-acc-test-tft-b"])
    error_message = "Rooms: ${jsonencode(output.room_ids)}"
  }
}

run "create_a_again" {
  variables {
    rooms = { a = { name = "A3" }, b = { name = "B" } }
  }
  assert {
    condition     = output.room_ids == tolist(["tf-acc-test-tft-a", "tf-acc-test-tft-b"]) && tencentlive_room.room["a"].room_name == "A3"
    error_message = "Rooms: ${jsonencode(output.room_ids)}"
  }
}
`

// testFileDuplicateOfCreated adds, after a run that created tft-c, a second block with its ID.
const testFileDuplicateOfCreated = testFileProvider + `run "create" {
  variables {
    rooms = { c = { name = "C" } }
  }
}

run "twin_of_created" {
  variables {
    rooms = { c = { name = "C" } }
    twin  = "c"
  }
}
`

// testFileDuplicateNew plans two new rooms with one ID, after a run that planned other rooms.
const testFileDuplicateNew = testFileProvider + `run "plan_first" {
  command = plan
  variables {
    rooms = { e = { name = "E" } }
  }
}

run "twin_of_new" {
  command = plan
  variables {
    rooms = { d = { name = "D" } }
    twin  = "d"
  }
}
`

// testTerraformTestFile is `terraform test` against the emulator. Terraform 1.16 starts one
// provider process per provider block of a test file and sends it every run's validate, plan
// and apply walks (1.11 started processes per run): a room is planned in the plan walk, again
// in the apply walk, and again in later runs, all in one process. None of that may read as two
// resources claiming one room ID, while two resources of one plan still must, whether the first
// was created by an earlier run or both are new. Every file cleans up after itself.
func (r *reliability) testTerraformTestFile(t *testing.T) {
	emu, _ := r.emulator(t, EmulatorOptions{QPS: emulator.DocumentedQPS})
	ws := r.workspace(t, emu.ProviderEnv(), testFileConfig)
	if err := os.MkdirAll(filepath.Join(ws.Dir, "tests"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{
		"tests/lifecycle.tftest.hcl":         testFileLifecycle,
		"tests/duplicate_created.tftest.hcl": testFileDuplicateOfCreated,
		"tests/duplicate_new.tftest.hcl":     testFileDuplicateNew,
	} {
		if err := ws.WriteFile(name, content); err != nil {
			t.Fatal(err)
		}
	}
	test := func(file string) *Result {
		return runStep(t, ws, Step{Name: "test " + file, Args: []string{"test", "-no-color", "-filter=tests/" + file}}, RunOptions{})
	}
	noRoomsLeft := func(after string) {
		t.Helper()
		rooms, err := emu.Rooms(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(rooms) != 0 {
			t.Fatalf("after %s the emulator still holds %v", after, rooms)
		}
	}

	res := test("lifecycle.tftest.hcl")
	if res.ExitCode != 0 || !strings.Contains(res.Stdout, "Success! 6 passed, 0 failed.") {
		t.Fatalf("lifecycle: exit %d\n%s\n%s", res.ExitCode, tail(res.Stdout, 6000), tail(res.Stderr, 2000))
	}
	noRoomsLeft("lifecycle.tftest.hcl")

	for file, run := range map[string]string{
		"duplicate_created.tftest.hcl": "twin_of_created",
		"duplicate_new.tftest.hcl":     "twin_of_new",
	} {
		res := test(file)
		out := normalized(res.Stdout + res.Stderr)
		for _, want := range []string{`run "` + run + `"... fail`, "Duplicate live room ID", "1 passed, 1 failed"} {
			if res.ExitCode == 0 || !strings.Contains(out, want) {
				t.Fatalf("%s: exit %d, want a failure with %q:\n%s", file, res.ExitCode, want, tail(res.Stdout+res.Stderr, 6000))
			}
		}
		noRoomsLeft(file)
	}
}
