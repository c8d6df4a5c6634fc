package room_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// querySince is the first Terraform with list resources and `terraform query`.
var querySince = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}

// listBlock is a list "tencentlive_room" block with the given config lines.
func listBlock(name string, includeResource bool, lines ...string) string {
	block := fmt.Sprintf("\nlist \"tencentlive_room\" %q {\n  provider = tencentlive\n  include_resource = %t\n  config {\n", name, includeResource)
	for _, l := range lines {
		block += "    " + l + "\n"
	}
	return block + "  }\n}\n"
}

// listRooms made behind Terraform's back for the query tests: two public rooms (one with the
// metadata, admins and robots an application sets) and a private one, under one prefix.
type listRooms struct {
	prefix, karaoke, grid, private, owner, admin, robot string
}

func makeListRooms(t *testing.T, e *accEnv) listRooms {
	t.Helper()
	prefix := acctest.TestName()
	r := listRooms{prefix: prefix, karaoke: prefix + "-karaoke", grid: prefix + "-grid", private: prefix + "-private",
		owner: acctest.TestName(), admin: acctest.TestName(), robot: acctest.TestName()}
	e.MustImportAccount(t, r.admin)
	e.MustImportAccount(t, r.robot)
	e.MustCreate(t, wire.RoomInfo{RoomID: r.karaoke, SeatTemplate: new("Karaoke"), MaxSeatCount: new(int64(6)), OwnerAccount: new(r.owner),
		RoomName: new("Friday karaoke")}, "")
	e.MustCreate(t, wire.RoomInfo{RoomID: r.grid, SeatTemplate: new("VideoDynamicGrid9Seats")}, "")
	e.MustCreate(t, wire.RoomInfo{RoomID: r.private, SeatTemplate: new("AudioSalon"), IsPublicVisible: new(false)}, "")
	acctest.Behind(t, func(ctx context.Context) error {
		if err := e.Client.SetRoomMetadata(ctx, r.karaoke, map[string]string{"playlist": "80s"}); err != nil {
			return err
		}
		if err := e.Client.AddAdmins(ctx, r.karaoke, []string{r.admin}); err != nil {
			return err
		}
		return e.Client.AddRobots(ctx, r.karaoke, []string{r.robot})
	})()
	t.Cleanup(func() {
		for _, id := range []string{r.karaoke, r.grid, r.private} {
			_ = e.Client.DestroyRoom(context.Background(), id)
		}
	})
	return r
}

func identityOf(roomID string) map[string]knownvalue.Check { return roomIdentity(roomID) }

// `terraform query` lists the public rooms under a prefix and the private rooms named in
// room_ids, with identities, and with include_resource the objects an import reads: the seat
// template from the list where get_room_info has none, metadata, admins and robots. The
// owner and seat template filters narrow the listed rooms.
func TestAccRoom_query(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{OmitSeatTemplate: true})
	e.RequireEmulator(t, "rooms made behind Terraform's back, OmitSeatTemplate")
	r := makeListRooms(t, e)
	prefix := "room_id_prefix = " + acctest.HCL(r.prefix)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   querySince,
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: e.Provider()},
			{
				Query: true,
				Config: listBlock("all", true, prefix, "room_ids = ["+acctest.HCL(r.private)+"]") +
					listBlock("karaoke", false, prefix, `seat_template = "Karaoke"`) +
					listBlock("owned", false, prefix, "owner_account = "+acctest.HCL(r.owner)),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("tencentlive_room.all", 3),
					querycheck.ExpectIdentity("tencentlive_room.all", identityOf(r.karaoke)),
					querycheck.ExpectIdentity("tencentlive_room.all", identityOf(r.grid)),
					querycheck.ExpectIdentity("tencentlive_room.all", identityOf(r.private)),
					querycheck.ExpectResourceKnownValues("tencentlive_room.all", queryfilter.ByResourceIdentity(identityOf(r.karaoke)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("seat_template"), KnownValue: knownvalue.StringExact("Karaoke")},
							{Path: tfjsonpath.New("max_seat_count"), KnownValue: knownvalue.Int64Exact(6)},
							{Path: tfjsonpath.New("owner_account"), KnownValue: knownvalue.StringExact(r.owner)},
							{Path: tfjsonpath.New("metadata"), KnownValue: knownvalue.MapExact(map[string]knownvalue.Check{"playlist": knownvalue.StringExact("80s")})},
							{Path: tfjsonpath.New("admins"), KnownValue: knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(r.admin)})},
							{Path: tfjsonpath.New("robots"), KnownValue: knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(r.robot)})},
						}),
					querycheck.ExpectResourceKnownValues("tencentlive_room.all", queryfilter.ByResourceIdentity(identityOf(r.grid)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("seat_template"), KnownValue: knownvalue.StringExact("VideoDynamicGrid9Seats")},
							{Path: tfjsonpath.New("metadata"), KnownValue: knownvalue.Null()},
						}),
					querycheck.ExpectResourceDisplayName("tencentlive_room.all", queryfilter.ByResourceIdentity(identityOf(r.karaoke)),
						knownvalue.StringExact("Friday karaoke ("+r.karaoke+")")),
					querycheck.ExpectLength("tencentlive_room.karaoke", 1),
					querycheck.ExpectIdentity("tencentlive_room.karaoke", identityOf(r.karaoke)),
					querycheck.ExpectLength("tencentlive_room.owned", 1),
					querycheck.ExpectIdentity("tencentlive_room.owned", identityOf(r.karaoke)),
				},
			},
		},
	})
}

// Filters that could match nothing are refused before any request, naming the attribute; a
// room_ids entry that does not exist fails the query with the vendor's code.
func TestAccRoom_queryBadInput(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	missing := acctest.TestName()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   querySince,
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: e.Provider()},
			{
				Query:       true,
				Config:      listBlock("empty", false, `room_id_prefix = ""`),
				ExpectError: regexp.MustCompile(`room_id_prefix`),
			},
			{
				Query:       true,
				Config:      listBlock("template", false, `seat_template = "VideoGrid12Seats"`),
				ExpectError: regexp.MustCompile(`(?s)seat_template.*VideoDynamicGrid9Seats`),
			},
			{
				Query:       true,
				Config:      listBlock("missing", false, "room_ids = ["+acctest.HCL(missing)+"]"),
				ExpectError: regexp.MustCompile(`(?s)` + regexp.QuoteMeta(missing) + `.*100004`),
			},
		},
	})
}

// A query against a service that refuses and fails requests (faults, get_room_list's 10/s)
// retries within its timeout and returns every room.
func TestAccRoom_queryRetriesFaults(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{Faults: 0.2, QPS: emulator.DocumentedQPS, Seed: 19})
	e.RequireEmulator(t, "fault injection")
	prefix := acctest.TestName()
	const n = 45 // three pages
	for i := range n {
		// A create whose answer the faults lost is answered 100010 when repeated: the room is there.
		err := e.Client.CreateRoom(context.Background(), wire.RoomInfo{RoomID: fmt.Sprintf("%s-%02d", prefix, i), SeatTemplate: new("VideoFixedGrid9Seats")})
		if err != nil && !tfkit.IsCode(err, livespec.CodeRoomExistsSameOwner) {
			t.Fatal(err)
		}
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   querySince,
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: e.Provider()},
			{
				Query:  true,
				Config: listBlock("all", true, "room_id_prefix = "+acctest.HCL(prefix)),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("tencentlive_room.all", n),
					querycheck.ExpectIdentity("tencentlive_room.all", identityOf(prefix+"-44")),
				},
			},
			{
				Config: e.Provider(),
				Check: func(*terraform.State) error {
					if faults := e.Emu.Stats().Faults; faults == 0 {
						return fmt.Errorf("no fault was injected: the test proves nothing")
					}
					return nil
				},
			},
		},
	})
}
