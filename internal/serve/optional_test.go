package serve

import (
	"context"
	"errors"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// fullServer stands for the framework's server: it answers the optional list and action RPCs
// and records which were called.
type fullServer struct {
	tfprotov6.ProviderServer
	called []string
}

func (f *fullServer) ValidateListResourceConfig(context.Context, *tfprotov6.ValidateListResourceConfigRequest) (*tfprotov6.ValidateListResourceConfigResponse, error) {
	f.called = append(f.called, "ValidateListResourceConfig")
	return &tfprotov6.ValidateListResourceConfigResponse{}, nil
}

func (f *fullServer) ListResource(context.Context, *tfprotov6.ListResourceRequest) (*tfprotov6.ListResourceServerStream, error) {
	f.called = append(f.called, "ListResource")
	return &tfprotov6.ListResourceServerStream{}, nil
}

func (f *fullServer) ValidateActionConfig(context.Context, *tfprotov6.ValidateActionConfigRequest) (*tfprotov6.ValidateActionConfigResponse, error) {
	f.called = append(f.called, "ValidateActionConfig")
	return &tfprotov6.ValidateActionConfigResponse{}, nil
}

func (f *fullServer) PlanAction(context.Context, *tfprotov6.PlanActionRequest) (*tfprotov6.PlanActionResponse, error) {
	f.called = append(f.called, "PlanAction")
	return &tfprotov6.PlanActionResponse{}, nil
}

func (f *fullServer) InvokeAction(context.Context, *tfprotov6.InvokeActionRequest) (*tfprotov6.InvokeActionServerStream, error) {
	f.called = append(f.called, "InvokeAction")
	return &tfprotov6.InvokeActionServerStream{}, nil
}

// TestDetachServerForwardsListsAndActions checks what tf6server does: it type-asserts the
// served value to the optional interfaces (ProviderServer plus ListResourceServer, plus
// ActionServer), and each RPC must reach the framework's server.
func TestDetachServerForwardsListsAndActions(t *testing.T) {
	ctx := context.Background()
	inner := &fullServer{}
	var served tfprotov6.ProviderServer = detachServer{inner}

	lists, ok := served.(tfprotov6.ListResourceServer)
	if !ok {
		t.Fatal("detachServer does not implement ProviderServerWithListResource: tf6server would answer Not Implemented")
	}
	actions, ok := served.(tfprotov6.ActionServer)
	if !ok {
		t.Fatal("detachServer does not implement ProviderServerWithActions: tf6server would answer Not Implemented")
	}
	calls := []func() error{
		func() error {
			_, err := lists.ValidateListResourceConfig(ctx, &tfprotov6.ValidateListResourceConfigRequest{})
			return err
		},
		func() error { _, err := lists.ListResource(ctx, &tfprotov6.ListResourceRequest{}); return err },
		func() error {
			_, err := actions.ValidateActionConfig(ctx, &tfprotov6.ValidateActionConfigRequest{})
			return err
		},
		func() error { _, err := actions.PlanAction(ctx, &tfprotov6.PlanActionRequest{}); return err },
		func() error { _, err := actions.InvokeAction(ctx, &tfprotov6.InvokeActionRequest{}); return err },
	}
	for i, call := range calls {
		if err := call(); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	want := []string{"ValidateListResourceConfig", "ListResource", "ValidateActionConfig", "PlanAction", "InvokeAction"}
	if len(inner.called) != len(want) {
		t.Fatalf("forwarded %v, want %v", inner.called, want)
	}
	for i := range want {
		if inner.called[i] != want[i] {
			t.Fatalf("forwarded %v, want %v", inner.called, want)
		}
	}
}

// A wrapped server without the optional RPCs gets an error, not a panic.
func TestDetachServerWithoutOptionalRPCs(t *testing.T) {
	var plain struct{ tfprotov6.ProviderServer }
	s := detachServer{plain}
	if _, err := s.ListResource(context.Background(), &tfprotov6.ListResourceRequest{}); !errors.Is(err, errNotServed) {
		t.Fatalf("ListResource on a server without lists: %v, want errNotServed", err)
	}
	if _, err := s.InvokeAction(context.Background(), &tfprotov6.InvokeActionRequest{}); !errors.Is(err, errNotServed) {
		t.Fatalf("InvokeAction on a server without actions: %v, want errNotServed", err)
	}
}
