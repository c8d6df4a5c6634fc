package room_test

import (
	"fmt"
	"slices"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// listedIDs returns the ids attribute of a tencentlive_rooms data source in state.
func listedIDs(s *terraform.State, address string) ([]string, error) {
	rs, ok := s.RootModule().Resources[address]
	if !ok {
		return nil, fmt.Errorf("%s is not in state", address)
	}
	n, err := strconv.Atoi(rs.Primary.Attributes["ids.#"])
	if err != nil {
		return nil, fmt.Errorf("%s: ids.# %q", address, rs.Primary.Attributes["ids.#"])
	}
	out := make([]string, n)
	for i := range out {
		out[i] = rs.Primary.Attributes[fmt.Sprintf("ids.%d", i)]
	}
	return out, nil
}

// checkListed passes when the data source lists exactly want, in any order.
func checkListed(address string, want []string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		got, err := listedIDs(s, address)
		if err != nil {
			return err
		}
		got, want := slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
		if !slices.Equal(got, want) {
			return fmt.Errorf("%s lists %d rooms %v, want %d %v", address, len(got), got, len(want), want)
		}
		return nil
	}
}

// More public rooms than one page holds, plus private ones: the data source reads every page,
// lists only the public rooms, and filters by prefix, category and activity status.
func TestAccRoomsDataSource_pagingAndFilters(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	prefix := acctest.RoomID("list")
	const public, private = 23, 3 // 23 > 20, the page size

	// Room i has category [i%3 + 1], activity status i%2 and, on the emulator, i viewers, so the
	// list order (most viewers first) is known.
	var all, cat2, status1, cat2status1 []string
	var byViews []knownvalue.Check
	for i := public - 1; i >= 0; i-- {
		id := fmt.Sprintf("%s-%02d", prefix, i)
		all = append(all, id)
		byViews = append(byViews, knownvalue.StringExact(id))
		if i%3+1 == 2 {
			cat2 = append(cat2, id)
		}
		if i%2 == 1 {
			status1 = append(status1, id)
			if i%3+1 == 2 {
				cat2status1 = append(cat2status1, id)
			}
		}
	}
	setUp := func() {
		for i := 0; i < public+private; i++ {
			id := fmt.Sprintf("%s-%02d", prefix, i)
			info := wire.RoomInfo{RoomID: id, SeatTemplate: new("VideoDynamicGrid9Seats"), RoomName: new("Listed " + id),
				CoverURL: new("https://cdn.example.com/" + id + ".png"), Category: &[]int64{int64(i%3 + 1)},
				ActivityStatus: new(int64(i % 2)), IsPublicVisible: new(i < public)}
			e.MustCreate(t, info, "")
			if e.Emu != nil {
				if err := e.Emu.SetViewCount(id, int64(i)); err != nil {
					t.Fatal(err)
				}
			}
		}
	}

	const (
		listAll     = "data.tencentlive_rooms.all"
		listCat     = "data.tencentlive_rooms.cat"
		listStatus  = "data.tencentlive_rooms.status"
		listBoth    = "data.tencentlive_rooms.both"
		listNothing = "data.tencentlive_rooms.nothing"
	)
	config := e.Provider() + fmt.Sprintf(`
data "tencentlive_rooms" "all" {
  room_id_prefix = %[1]q
}

data "tencentlive_rooms" "cat" {
  room_id_prefix = %[1]q
  category       = 2
}

data "tencentlive_rooms" "status" {
  room_id_prefix  = %[1]q
  activity_status = 1
}

data "tencentlive_rooms" "both" {
  room_id_prefix  = %[1]q
  category        = 2
  activity_status = 1
}

data "tencentlive_rooms" "nothing" {
  room_id_prefix = "%[1]s-none"
}
`, prefix)

	top := fmt.Sprintf("%s-%02d", prefix, public-1) // most viewers on the emulator
	checks := []statecheck.StateCheck{
		acctest.StateIs(listAll, "rooms", knownvalue.ListSizeExact(public)),
		acctest.StateIs(listCat, "ids", knownvalue.ListSizeExact(len(cat2))),
		acctest.StateIs(listStatus, "ids", knownvalue.ListSizeExact(len(status1))),
		acctest.StateIs(listBoth, "ids", knownvalue.ListSizeExact(len(cat2status1))),
		acctest.StateIs(listNothing, "ids", knownvalue.ListExact([]knownvalue.Check{})),
		acctest.StateIs(listNothing, "rooms", knownvalue.ListExact([]knownvalue.Check{})),
	}
	if e.Emu != nil {
		checks = append(checks,
			acctest.StateIs(listAll, "ids", knownvalue.ListExact(byViews)),
			statecheck.ExpectKnownValue(listAll, tfjsonpath.New("rooms").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
				"room_id":         knownvalue.StringExact(top),
				"room_name":       knownvalue.StringExact("Listed " + top),
				"owner_account":   knownvalue.StringExact(e.Identifier),
				"cover_url":       knownvalue.StringExact("https://cdn.example.com/" + top + ".png"),
				"category":        knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(int64((public-1)%3 + 1))}),
				"activity_status": knownvalue.Int64Exact(int64((public - 1) % 2)),
				"create_time":     knownvalue.NotNull(),
				"view_count":      knownvalue.Int64Exact(public - 1),
			})),
		)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			PreConfig:         setUp,
			Config:            config,
			ConfigStateChecks: checks,
			Check: resource.ComposeAggregateTestCheckFunc(
				checkListed(listAll, all), // the private rooms are not among them
				checkListed(listCat, cat2),
				checkListed(listStatus, status1),
				checkListed(listBoth, cat2status1),
			),
		}},
	})
}

// Without filters every public room is listed; on the emulator that is exactly the ones made
// here, so the count is known.
func TestAccRoomsDataSource_unfiltered(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	e.RequireEmulator(t, "an application holding no other public rooms")
	prefix := acctest.RoomID("every")
	var want []string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			PreConfig: func() {
				for i := 0; i < 41; i++ { // every tenth private: 36 public rooms, two pages (20 + 16)
					id := fmt.Sprintf("%s-%02d", prefix, i)
					e.MustCreate(t, wire.RoomInfo{RoomID: id, SeatTemplate: new("AudioSalon"), IsPublicVisible: new(i%10 != 0)}, "")
					if i%10 != 0 {
						want = append(want, id)
					}
				}
				e.Emu.ResetStats()
			},
			Config: e.Provider() + "\ndata \"tencentlive_rooms\" \"every\" {}\n",
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateIs("data.tencentlive_rooms.every", "ids", knownvalue.ListSizeExact(36)),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				func(s *terraform.State) error { return checkListed("data.tencentlive_rooms.every", want)(s) },
				func(*terraform.State) error {
					// 36 public rooms are two pages (20 + 16); each read walks both, never more.
					if n := e.Emu.Stats().Commands["get_room_list"]; n == 0 || n%2 != 0 {
						return fmt.Errorf("get_room_list sent %d times: not whole walks of 2 pages", n)
					}
					return nil
				},
			),
		}},
	})
}
