package serve

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// detachServer works around a leak in terraform-plugin-framework v1.19.0 (found profiling a 1000-room plan; DESIGN.md, internal/serve): its
// proto6server registers a cancel func for every RPC's context and keeps it until StopProvider
// (internal/proto6server/serve.go, registerContext), so every request's context chain —
// tf6server's per-RPC loggers and their option copies — stays reachable for the life of the
// process (90–183 MB at 1000 rooms). detachServer hands the framework a context that lets go of
// the request's chain when the RPC returns, for the per-resource RPCs.
type detachServer struct {
	tfprotov6.ProviderServer
}

func (s detachServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	d := detach(ctx)
	defer d.release()
	return s.ProviderServer.ValidateResourceConfig(d, req)
}

func (s detachServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	d := detach(ctx)
	defer d.release()
	return s.ProviderServer.UpgradeResourceState(d, req)
}

func (s detachServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	d := detach(ctx)
	defer d.release()
	return s.ProviderServer.ReadResource(d, req)
}

func (s detachServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	d := detach(ctx)
	defer d.release()
	return s.ProviderServer.PlanResourceChange(d, req)
}

func (s detachServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	d := detach(ctx)
	defer d.release()
	return s.ProviderServer.ApplyResourceChange(d, req)
}

// detachable forwards to the request's context until release, then to an empty, cancelled one.
type detachable struct {
	ctx atomic.Pointer[context.Context]
}

var released = func() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}()

func detach(ctx context.Context) *detachable {
	d := &detachable{}
	d.ctx.Store(&ctx)
	return d
}

func (d *detachable) release()                    { d.ctx.Store(&released) }
func (d *detachable) get() context.Context        { return *d.ctx.Load() }
func (d *detachable) Deadline() (time.Time, bool) { return d.get().Deadline() }
func (d *detachable) Done() <-chan struct{}       { return d.get().Done() }
func (d *detachable) Err() error                  { return d.get().Err() }
func (d *detachable) Value(key any) any           { return d.get().Value(key) }
