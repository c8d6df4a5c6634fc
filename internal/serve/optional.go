package serve

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// tf6server reaches list resources and actions by type-asserting the server it serves
// (ProviderServerWithListResource, ProviderServerWithActions: tfprotov6.ProviderServer plus
// these interfaces). detachServer embeds only tfprotov6.ProviderServer, so without these methods
// `terraform query` and `terraform apply -invoke` were answered "Not Implemented" although the
// schemas listed them.
var (
	_ tfprotov6.ListResourceServer = detachServer{}
	_ tfprotov6.ActionServer       = detachServer{}
)

// errNotServed answers an optional RPC the wrapped server does not implement.
var errNotServed = errors.New("the provider server does not implement this RPC")

func (s detachServer) lists() (tfprotov6.ListResourceServer, error) {
	if l, ok := s.ProviderServer.(tfprotov6.ListResourceServer); ok {
		return l, nil
	}
	return nil, errNotServed
}

func (s detachServer) actions() (tfprotov6.ActionServer, error) {
	if a, ok := s.ProviderServer.(tfprotov6.ActionServer); ok {
		return a, nil
	}
	return nil, errNotServed
}

func (s detachServer) ValidateListResourceConfig(ctx context.Context, req *tfprotov6.ValidateListResourceConfigRequest) (*tfprotov6.ValidateListResourceConfigResponse, error) {
	l, err := s.lists()
	if err != nil {
		return nil, err
	}
	return l.ValidateListResourceConfig(ctx, req)
}

// ListResource keeps the request's context: the stream it returns is read after the call
// returns, so the context must outlive it.
func (s detachServer) ListResource(ctx context.Context, req *tfprotov6.ListResourceRequest) (*tfprotov6.ListResourceServerStream, error) {
	l, err := s.lists()
	if err != nil {
		return nil, err
	}
	return l.ListResource(ctx, req)
}

func (s detachServer) ValidateActionConfig(ctx context.Context, req *tfprotov6.ValidateActionConfigRequest) (*tfprotov6.ValidateActionConfigResponse, error) {
	a, err := s.actions()
	if err != nil {
		return nil, err
	}
	return a.ValidateActionConfig(ctx, req)
}

func (s detachServer) PlanAction(ctx context.Context, req *tfprotov6.PlanActionRequest) (*tfprotov6.PlanActionResponse, error) {
	a, err := s.actions()
	if err != nil {
		return nil, err
	}
	return a.PlanAction(ctx, req)
}

// InvokeAction, like ListResource, answers with a stream read after the call returns.
func (s detachServer) InvokeAction(ctx context.Context, req *tfprotov6.InvokeActionRequest) (*tfprotov6.InvokeActionServerStream, error) {
	a, err := s.actions()
	if err != nil {
		return nil, err
	}
	return a.InvokeAction(ctx, req)
}
