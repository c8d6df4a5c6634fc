package main

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/provider"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/release"
)

// The no-op provider serves the real schema and hands every resource RPC's input back.
func TestNoopServesTheRealSchemaAndEchoes(t *testing.T) {
	ctx := context.Background()
	s := newNoop(providerserver.NewProtocol6(provider.New(release.Version)())())
	schema, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || schema.ResourceSchemas["tencentlive_room"] == nil {
		t.Fatalf("schema: %v, tencentlive_room present: %v", err, schema != nil && schema.ResourceSchemas["tencentlive_room"] != nil)
	}
	in := &tfprotov6.DynamicValue{MsgPack: []byte{0x81, 0xa1, 'x', 0x01}}
	plan, _ := s.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{ProposedNewState: in})
	apply, _ := s.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{PlannedState: in})
	read, _ := s.ReadResource(ctx, &tfprotov6.ReadResourceRequest{CurrentState: in})
	for name, got := range map[string]*tfprotov6.DynamicValue{"plan": plan.PlannedState, "apply": apply.NewState, "read": read.NewState} {
		if got != in {
			t.Errorf("%s did not hand the input back: %v", name, got)
		}
	}
	raw := []byte(`{"id":"r","room_id":"r","gone":1}`) // an attribute no longer in the schema is dropped
	up, err := s.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{TypeName: "tencentlive_room", RawState: &tfprotov6.RawState{JSON: raw}})
	if err != nil {
		t.Fatal(err)
	}
	value, err := up.UpgradedState.Unmarshal(s.types["tencentlive_room"])
	if err != nil {
		t.Fatal(err)
	}
	var attrs map[string]tftypes.Value
	if err := value.As(&attrs); err != nil || !attrs["room_id"].Equal(tftypes.NewValue(tftypes.String, "r")) {
		t.Errorf("upgrade: %v (%v), want room_id r", attrs["room_id"], err)
	}
}

// A create gets the identity the real provider would give it (room_id from the state, the
// emulator's sdk_app_id), so the CLI stores and checks as many identities as with the real one.
func TestNoopCreateHasAnIdentity(t *testing.T) {
	s := newNoop(providerserver.NewProtocol6(provider.New(release.Version)())())
	typ, ok := s.types["tencentlive_room"].(tftypes.Object)
	if !ok {
		t.Fatalf("tencentlive_room's type %v is not an object", s.types["tencentlive_room"])
	}
	attrs := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		attrs[name] = tftypes.NewValue(at, nil)
	}
	attrs["room_id"] = tftypes.NewValue(tftypes.String, "r1")
	planned, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, attrs))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := s.ApplyResourceChange(context.Background(), &tfprotov6.ApplyResourceChangeRequest{TypeName: "tencentlive_room", PlannedState: &planned})
	if err != nil || resp.NewIdentity == nil {
		t.Fatalf("apply: %v, identity %v", err, resp)
	}
	idType := s.identities["tencentlive_room"]
	v, err := resp.NewIdentity.IdentityData.Unmarshal(idType)
	if err != nil {
		t.Fatal(err)
	}
	want := tftypes.NewValue(idType, map[string]tftypes.Value{
		"room_id": tftypes.NewValue(tftypes.String, "r1"), "sdk_app_id": tftypes.NewValue(tftypes.Number, 1400000000)})
	if !v.Equal(want) {
		t.Errorf("identity %v, want %v", v, want)
	}
}
