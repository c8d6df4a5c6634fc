package room_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/provider"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// identitySince is the first Terraform with resource identities.
var identitySince = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)}

func roomIdentity(roomID string) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{
		"room_id":    knownvalue.StringExact(roomID),
		"sdk_app_id": knownvalue.Int64Exact(int64(emulator.DefaultSDKAppID)),
	}
}

// A room's identity is its room ID and application; an import block with identity = {...}
// imports it with an empty plan, metadata and admins included. (`plan -generate-config-out`
// from an identity is driven through the real CLI in internal/e2e: the testing framework's
// generated resource would sit beside the one in state and be refused as a second claim.)
func TestAccRoom_identity(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	e.RequireEmulator(t, "the application's SDKAppID is the emulator's")
	id := acctest.TestName()
	admin := acctest.TestName()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   identitySince,
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				PreConfig: func() { e.MustImportAccount(t, admin) },
				Config: e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "VideoDynamicGrid9Seats"`,
					`metadata = { theme = "dark" }`, "admins = ["+acctest.HCL(admin)+"]"),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(room, roomIdentity(id))},
			},
			{
				ResourceName: room, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
		},
	})
}

// An identity naming another application is refused at plan: the same room ID there is
// another room.
func TestAccRoom_identityOfAnotherApplication(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	e.RequireEmulator(t, "the application's SDKAppID is the emulator's")
	id := acctest.TestName()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   identitySince,
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			PreConfig: func() {
				e.MustCreate(t, wire.RoomInfo{RoomID: id, SeatTemplate: new("Karaoke")}, "")
			},
			Config: e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "Karaoke"`) + fmt.Sprintf(`
import {
  to       = %s
  identity = { room_id = %q, sdk_app_id = %d }
}
`, room, id, emulator.DefaultSDKAppID+1),
			PlanOnly:    true,
			ExpectError: acctest.Exactly(fmt.Sprintf("in application %d, but the provider is configured for application %d", emulator.DefaultSDKAppID+1, emulator.DefaultSDKAppID)),
		}},
	})
}

// withoutIdentity is the provider as it was before identities: no identity schema, and no
// identity in any answer. State it writes has no identity, like state of an older release.
type withoutIdentity struct{ tfprotov6.ProviderServer }

func (s withoutIdentity) GetResourceIdentitySchemas(context.Context, *tfprotov6.GetResourceIdentitySchemasRequest) (*tfprotov6.GetResourceIdentitySchemasResponse, error) {
	return &tfprotov6.GetResourceIdentitySchemasResponse{IdentitySchemas: map[string]*tfprotov6.ResourceIdentitySchema{}}, nil
}

func (s withoutIdentity) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	resp, err := s.ProviderServer.ReadResource(ctx, req)
	if resp != nil {
		resp.NewIdentity = nil
	}
	return resp, err
}

func (s withoutIdentity) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	resp, err := s.ProviderServer.PlanResourceChange(ctx, req)
	if resp != nil {
		resp.PlannedIdentity = nil
	}
	return resp, err
}

func (s withoutIdentity) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	resp, err := s.ProviderServer.ApplyResourceChange(ctx, req)
	if resp != nil {
		resp.NewIdentity = nil
	}
	return resp, err
}

// State written without identity (by a provider from before identities) upgrades with an empty
// plan: nothing is created, changed or replaced, only reads are sent, and the refresh records
// the identity.
func TestAccRoom_identityUpgradesOldState(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	e.RequireEmulator(t, "counts the emulator's commands")
	id := acctest.TestName()
	config := e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "AudioSalon"`, `max_seat_count = 6`,
		`metadata = { stage = "main" }`)
	var writes map[string]int64
	countWrites := func() map[string]int64 {
		out := map[string]int64{}
		for _, cmd := range []string{"create_room", "update_room_info", "destroy_room", "set_room_metadata", "del_room_metadata"} {
			out[cmd] = e.Emu.Stats().Commands[cmd]
		}
		return out
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks: identitySince,
		CheckDestroy:           e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){
					"tencentlive": func() (tfprotov6.ProviderServer, error) {
						s, err := testProviders["tencentlive"]()
						return withoutIdentity{s}, err
					},
				},
				Config: config,
				Check: func(s *terraform.State) error {
					writes = countWrites()
					return nil
				},
			},
			{
				ProtoV6ProviderFactories: acctest.Providers(provider.New("test")),
				Config:                   config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(room, roomIdentity(id))},
				Check: func(*terraform.State) error {
					if now := countWrites(); fmt.Sprint(now) != fmt.Sprint(writes) {
						return fmt.Errorf("upgrading the state sent writes: before %v, after %v", writes, now)
					}
					return nil
				},
			},
		},
	})
}

// Where get_room_info has no SeatTemplate (its documented form), an import of a public room
// takes the template from get_room_list's SeatLayoutTemplateId: the plan is import-only, with
// the metadata, admins and robots the application set, and nothing is sent but reads.
func TestAccRoom_importTakesSeatTemplateFromList(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{OmitSeatTemplate: true})
	e.RequireEmulator(t, "OmitSeatTemplate")
	id, admin, robot := acctest.TestName(), acctest.TestName(), acctest.TestName()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   identitySince,
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.CheckDestroyed,
		Steps: []resource.TestStep{{
			PreConfig: func() {
				e.MustImportAccount(t, admin)
				e.MustImportAccount(t, robot)
				e.MustCreate(t, wire.RoomInfo{RoomID: id, SeatTemplate: new("VideoFixedFloat7Seats")}, "")
				acctest.Behind(t, func(ctx context.Context) error {
					if err := e.Client.SetRoomMetadata(ctx, id, map[string]string{"level": "gold"}); err != nil {
						return err
					}
					if err := e.Client.AddAdmins(ctx, id, []string{admin}); err != nil {
						return err
					}
					return e.Client.AddRobots(ctx, id, []string{robot})
				})()
			},
			Config: e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "VideoFixedFloat7Seats"`,
				`metadata = { level = "gold" }`, "admins = ["+acctest.HCL(admin)+"]", "robots = ["+acctest.HCL(robot)+"]") +
				fmt.Sprintf("\nimport {\n  to       = %s\n  identity = { room_id = %q }\n}\n", room, id),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(room, plancheck.ResourceActionNoop)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(room, roomIdentity(id)),
				acctest.StateIs(room, "seat_template", knownvalue.StringExact("VideoFixedFloat7Seats")),
			},
			Check: func(*terraform.State) error {
				for _, cmd := range []string{"update_room_info", "set_room_metadata", "modify_admin", "add_robot"} {
					if n := e.Emu.Stats().Commands[cmd]; n > 1 { // the one of PreConfig
						return fmt.Errorf("the import sent %s (%d in all)", cmd, n)
					}
				}
				return nil
			},
		}},
	})
}

// A room of a state without identity that is gone when the new provider first reads it is
// removed from state with the usual warning (the read still answers an identity, which the
// framework requires), and the plan creates it again.
func TestAccRoom_identityUpgradeOfAGoneRoom(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.TestName()
	config := e.RoomConfig("room_id = "+acctest.HCL(id), `seat_template = "Karaoke"`)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks: identitySince,
		CheckDestroy:           e.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){
					"tencentlive": func() (tfprotov6.ProviderServer, error) {
						s, err := testProviders["tencentlive"]()
						return withoutIdentity{s}, err
					},
				},
				Config:             config,
				Check:              e.DestroyBehindTerraform(id),
				ExpectNonEmptyPlan: true,
			},
			{
				ProtoV6ProviderFactories: acctest.Providers(provider.New("test")),
				Config:                   config,
				ConfigPlanChecks:         expectAction(plancheck.ResourceActionCreate),
				ConfigStateChecks:        []statecheck.StateCheck{statecheck.ExpectIdentity(room, roomIdentity(id))},
			},
		},
	})
}
