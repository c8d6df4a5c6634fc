package giftkit

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// Kind names what a plan-time claim is about.
type Kind struct {
	Resource     string // tencentlive_gift
	Noun         string // gift
	IDAttribute  string // gift_id
	QuotaSetting string // gift_quota
	AddCommand   string // add_gift
	Plural       string // gifts
}

var (
	GiftKind     = Kind{"tencentlive_gift", "gift", "gift_id", "gift_quota", "add_gift", "gifts"}
	CategoryKind = Kind{"tencentlive_gift_category", "gift category", "category_id", "category_quota", "add_gift_category", "gift categories"}
)

// privateClaimed marks a planned resource as claimed by this process (see Session.Token).
const privateClaimed = "claimed"

// PrivateGetter and PrivateSetter are the private state of a plan request and response.
type (
	PrivateGetter interface {
		GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	}
	PrivateSetter interface {
		SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
	}
)

// Claim records that a resource of kind, described by who, plans id, and adds an error when
// another resource of this plan claimed id first, or when the configuration holds more of kind
// than quota. A second plan of the same resource in this process (-replace plans twice) does
// not claim again.
func (s *Session) Claim(ctx context.Context, kind Kind, id, who string, quota int, req PrivateGetter, resp PrivateSetter, diags *diag.Diagnostics) {
	if req != nil {
		if mark, _ := req.GetKey(ctx, privateClaimed); s.PlannedHere(mark) {
			return
		}
	}
	cl := &s.gifts
	if kind == CategoryKind {
		cl = &s.categories
	}
	earlier, count := cl.claim(id, who)
	if earlier != "" {
		diags.AddAttributeError(path.Root(kind.IDAttribute), fmt.Sprintf("Two resources claim %s %q", kind.Noun, id), fmt.Sprintf(
			"Another %s of this configuration (%s) already manages %s %q. Both would change the one %s, and destroying either "+
				"would delete it; the second %s would fail (%d, %q already exists). Give each resource its own %s.",
			kind.Resource, earlier, kind.Noun, id, kind.Noun, kind.AddCommand, int(livespec.CodeInvalidParam), id, kind.IDAttribute))
		return
	}
	if count > quota {
		diags.AddAttributeError(path.Root(kind.IDAttribute), fmt.Sprintf("Too many %s for the package", kind.Plural), fmt.Sprintf(
			"This configuration holds at least %d %s resources (%s %q is one); the application's package allows %d (%s) %s. "+
				"Remove %s from the configuration, or, if the package allows more, raise the provider's %s.",
			count, kind.Resource, kind.Noun, id, quota, kind.QuotaSetting, tfkit.VendorSays(livespec.CodeOverPackageLimit), kind.Plural, kind.QuotaSetting))
		return
	}
	if resp != nil {
		diags.Append(resp.SetKey(ctx, privateClaimed, s.Token())...)
	}
}
