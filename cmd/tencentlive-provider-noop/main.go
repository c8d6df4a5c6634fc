// Command tencentlive-provider-noop serves tencentlive_room with the framework provider's schema and
// no work at all, for benchmarks (make bench, kind "noop"): every resource RPC hands Terraform
// back what it sent (the proposed state as the plan, the plan as the new state, the state as
// read), with no API, no framework and no checks. What a step costs with it is what the CLI and
// the plugin protocol cost for that many resources of this schema: the part of a step that no
// provider of tencentlive_room could remove. With TENCENTLIVE_NOOP_ROOMS naming a file of rooms
// (list.go) it also answers `terraform query` and identity imports of tencentlive_room from it.
package main

import (
	"context"
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/provider"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/release"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/serve"
)

func main() {
	serve.QuietUnlessAsked()
	framework := providerserver.NewProtocol6(provider.New(release.Version)())
	if err := tf6server.Serve(release.Address, func() tfprotov6.ProviderServer { return newNoop(framework()) }); err != nil {
		log.Fatal(err.Error())
	}
}

func newNoop(framework tfprotov6.ProviderServer) noop {
	schema, err := framework.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		log.Fatal(err)
	}
	types := map[string]tftypes.Type{}
	for name, s := range schema.ResourceSchemas {
		types[name] = s.ValueType()
	}
	ids, err := framework.GetResourceIdentitySchemas(context.Background(), &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		log.Fatal(err)
	}
	identities := map[string]tftypes.Type{}
	for name, s := range ids.IdentitySchemas {
		identities[name] = s.ValueType()
	}
	n := noop{ProviderServer: framework, types: types, identities: identities}
	if path := os.Getenv(roomsFileEnv); path != "" {
		if n.rooms, err = loadRooms(path, types[roomType], identities[roomType]); err != nil {
			log.Fatal(err)
		}
	}
	return n
}

// noop answers the provider's schema and configuration from the real provider (so the same HCL
// validates) and every resource RPC itself.
type noop struct {
	tfprotov6.ProviderServer
	types      map[string]tftypes.Type // each resource type's value type, to decode stored state
	identities map[string]tftypes.Type // each resource type's identity type
	rooms      *roomSet                // what list and import answer; nil without TENCENTLIVE_NOOP_ROOMS
}

func (noop) ConfigureProvider(context.Context, *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	return &tfprotov6.ConfigureProviderResponse{}, nil
}

func (noop) ValidateResourceConfig(context.Context, *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return &tfprotov6.ValidateResourceConfigResponse{}, nil
}

// UpgradeResourceState decodes the stored JSON and answers it in msgpack, as every provider does
// (the one piece of work left: Terraform would decode JSON too, but not as it does in practice).
func (n noop) UpgradeResourceState(_ context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	typ := n.types[req.TypeName]
	value, err := req.RawState.UnmarshalWithOpts(typ, tfprotov6.UnmarshalOpts{ValueFromJSONOpts: tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true}})
	if err != nil {
		return nil, err
	}
	state, err := tfprotov6.NewDynamicValue(typ, value)
	if err != nil {
		return nil, err
	}
	return &tfprotov6.UpgradeResourceStateResponse{UpgradedState: &state}, nil
}

func (noop) ReadResource(_ context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return &tfprotov6.ReadResourceResponse{NewState: req.CurrentState, Private: req.Private, NewIdentity: req.CurrentIdentity}, nil
}

func (noop) PlanResourceChange(_ context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return &tfprotov6.PlanResourceChangeResponse{PlannedState: req.ProposedNewState, PlannedPrivate: req.PriorPrivate, PlannedIdentity: req.PriorIdentity}, nil
}

// ApplyResourceChange answers the plan as the new state. A create gets its identity from that
// state, as the real provider's does: Terraform 1.12 and later store and check every identity,
// and a no-op provider without them would not cost the CLI what any provider of this schema does.
func (n noop) ApplyResourceChange(_ context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	resp := &tfprotov6.ApplyResourceChangeResponse{NewState: req.PlannedState, Private: req.PlannedPrivate, NewIdentity: req.PlannedIdentity}
	if req.PlannedIdentity == nil && req.PlannedState != nil {
		id, err := n.identityOf(req.TypeName, req.PlannedState)
		if err != nil {
			return nil, err
		}
		resp.NewIdentity = id
	}
	return resp, nil
}

// noopSDKAppID is the sdk_app_id of the identities the no-op provider makes: the emulator's.
const noopSDKAppID = 1400000000

// identityOf is the identity of a resource in state: each identity attribute from the state's
// attribute of the same name, sdk_app_id the emulator's; nil for a type without an identity or a
// destroyed resource.
func (n noop) identityOf(typeName string, state *tfprotov6.DynamicValue) (*tfprotov6.ResourceIdentityData, error) {
	idType, ok := n.identities[typeName].(tftypes.Object)
	if !ok {
		return nil, nil
	}
	v, err := state.Unmarshal(n.types[typeName])
	if err != nil || v.IsNull() {
		return nil, err
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		return nil, err
	}
	values := map[string]tftypes.Value{}
	for name, typ := range idType.AttributeTypes {
		switch have, ok := attrs[name]; {
		case ok:
			values[name] = have
		case name == "sdk_app_id":
			values[name] = tftypes.NewValue(typ, noopSDKAppID)
		default:
			values[name] = tftypes.NewValue(typ, nil)
		}
	}
	data, err := tfprotov6.NewDynamicValue(idType, tftypes.NewValue(idType, values))
	if err != nil {
		return nil, err
	}
	return &tfprotov6.ResourceIdentityData{IdentityData: &data}, nil
}
