package tfkit

import (
	"fmt"
	"reflect"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Settings are the resolved provider settings resources act on.
type Settings struct {
	Identifier string // the App Admin UserID; the default room owner
	// NotReady says why there is no client: the configuration holds values unknown until apply.
	NotReady   string
	PlanChecks bool // look planned rooms up at plan time
	// AdoptExisting lets create take over a same-owner room it did not make (100010); off by
	// default, since that room may be another configuration's.
	AdoptExisting bool
	// GiftQuota and CategoryQuota are the gifts and gift categories the application's package
	// allows (livespec.DefaultGiftQuota, DefaultCategoryQuota unless configured): a plan whose
	// configuration holds more fails with 100013 before any call.
	GiftQuota, CategoryQuota int
}

// ProviderData is what the provider's Configure hands to every resource, data source and
// ephemeral resource. Client is nil when the configuration holds values unknown until apply;
// they then report NotReady when they need the API.
type ProviderData struct {
	Client *wire.Client
	Settings

	// sessions holds the per-process state of resource packages (see Session), one value
	// per type; the provider knows none of them.
	sessions sync.Map
}

// Session returns the one *T of this provider configuration, made with the zero T on first
// use. Terraform runs one provider process per provider configuration and walk (per test file
// in Terraform 1.16's `terraform test`, see Walk), and the framework builds a new resource value
// for every call, so what a resource must remember across calls of one process (the room's
// plan session) lives here. nil d gives a fresh *T.
func Session[T any](d *ProviderData) *T {
	if d == nil {
		return new(T)
	}
	key := reflect.TypeFor[T]()
	v, ok := d.sessions.Load(key)
	if !ok {
		v, _ = d.sessions.LoadOrStore(key, new(T))
	}
	s, _ := v.(*T) // the key is T's type, so v is a *T
	return s
}

// ProviderDataOf takes the data the provider's Configure handed over; nil before it has run.
func ProviderDataOf(v any, diags *diag.Diagnostics) *ProviderData {
	if v == nil {
		return nil
	}
	data, ok := v.(*ProviderData)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *tfkit.ProviderData, got %T. This is a provider bug; please report it.", v))
	}
	return data
}

// APIClient returns the API client, or adds a "provider not configured" error and returns nil.
// Every resource and data source asks here, so the wording is the same everywhere.
func (d *ProviderData) APIClient(summary string, add func(summary, detail string)) *wire.Client {
	if d != nil && d.Client != nil {
		return d.Client
	}
	reason := "the provider has not been configured"
	if d != nil && d.NotReady != "" {
		reason = d.NotReady
	}
	add(summary, fmt.Sprintf("The tencentlive provider is not configured: %s. Configure it with known values or the TENCENTLIVE_* environment variables.", reason))
	return nil
}
