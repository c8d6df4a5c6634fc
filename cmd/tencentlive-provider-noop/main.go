// Command tencentlive-provider-noop serves tencentlive_room with the real provider's schema and
// no work at all, for benchmarks (make bench, kind "noop"): every resource RPC hands Terraform
// back what it sent (the proposed state as the plan, the plan as the new state, the state as
// read), with no API, no framework and no checks. What a step costs with it is what the CLI and
// the plugin protocol cost for that many resources of this schema: the part of a step that no
// provider of tencentlive_room could remove.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/provider"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/release"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/serve"
)

func main() {
	serve.QuietUnlessAsked()
	real := providerserver.NewProtocol6(provider.New(release.Version)())
	if err := tf6server.Serve(release.Address, func() tfprotov6.ProviderServer { return noop{real()} }); err != nil {
		log.Fatal(err.Error())
	}
}

// noop answers the provider's schema and configuration from the real provider (so the same HCL
// validates) and every resource RPC itself.
type noop struct {
	tfprotov6.ProviderServer
}

func (noop) ConfigureProvider(context.Context, *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	return &tfprotov6.ConfigureProviderResponse{}, nil
}

func (noop) ValidateResourceConfig(context.Context, *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return &tfprotov6.ValidateResourceConfigResponse{}, nil
}

// UpgradeResourceState hands the stored JSON back as it is: Terraform decodes JSON as readily as
// msgpack.
func (noop) UpgradeResourceState(_ context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return &tfprotov6.UpgradeResourceStateResponse{UpgradedState: &tfprotov6.DynamicValue{JSON: req.RawState.JSON}}, nil
}

func (noop) ReadResource(_ context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return &tfprotov6.ReadResourceResponse{NewState: req.CurrentState, Private: req.Private}, nil
}

func (noop) PlanResourceChange(_ context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return &tfprotov6.PlanResourceChangeResponse{PlannedState: req.ProposedNewState, PlannedPrivate: req.PriorPrivate}, nil
}

func (noop) ApplyResourceChange(_ context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return &tfprotov6.ApplyResourceChangeResponse{NewState: req.PlannedState, Private: req.PlannedPrivate}, nil
}
