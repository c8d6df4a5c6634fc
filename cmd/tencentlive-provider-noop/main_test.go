package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/provider"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/release"
)

// The no-op provider serves the real schema and hands every resource RPC's input back.
func TestNoopServesTheRealSchemaAndEchoes(t *testing.T) {
	ctx := context.Background()
	s := noop{providerserver.NewProtocol6(provider.New(release.Version)())()}
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
	raw := []byte(`{"id":"r"}`)
	up, _ := s.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{RawState: &tfprotov6.RawState{JSON: raw}})
	if !bytes.Equal(up.UpgradedState.JSON, raw) {
		t.Errorf("upgrade: %s, want the stored JSON", up.UpgradedState.JSON)
	}
}
