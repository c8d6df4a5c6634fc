package gift

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func (r *giftResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	tfkit.WalkOf(r.data).ApplyStarted()
	const summary = "Unable to create gift"
	defer r.data.SetIdentity(ctx, resp.Identity, &resp.State, "gift_id", &resp.Diagnostics)
	r.call(summary, req.Plan.Get, timeouts.Value.Create).Run(ctx, &resp.Diagnostics, func(ctx context.Context, c *wire.Client, plan *giftModel) {
		s := giftkit.SessionOf(r.data)
		giftID := plan.GiftID.ValueString()
		s.Wrote()
		created := s.CreatingGift(giftID)
		if err := giftkit.AddWithinQuota(ctx, &s.GiftDeletes, func() error { return c.AddGift(ctx, expandGift(*plan)) }); err != nil {
			created(false)
			addGiftError(&resp.Diagnostics, summary, giftID, "", err)
			return
		}
		created(true)
		plan.ID = plan.GiftID
		want, diags := expandLanguages(ctx, *plan)
		resp.Diagnostics.Append(diags...)
		done, err := setLanguages(ctx, c, giftID, wire.Languages{}, want)
		if err != nil {
			// The gift exists: record it with the translations it has.
			plan.Languages, diags = giftkit.FlattenLanguages(ctx, done, plan.Languages)
			resp.Diagnostics.Append(diags...)
			resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
			addGiftError(&resp.Diagnostics, summary, giftID, giftkit.PartlyCreatedNote("gift"), err)
			return
		}
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		relink(ctx, c, s, giftID, &resp.Diagnostics)
	})
}

// setLanguages turns the translations have into want (set_gift_language for each new or
// changed one, del_gift_language for each dropped one) and returns what the gift holds after,
// also when a call fails.
func setLanguages(ctx context.Context, c *wire.Client, giftID string, have, want wire.Languages) (wire.Languages, error) {
	now := wire.Languages{}
	for k, v := range have {
		now[k] = v
	}
	set, del := giftkit.LanguageChanges(have, want)
	for _, lang := range set {
		if err := c.SetGiftLanguage(ctx, giftID, lang, want[lang]); err != nil {
			return now, err
		}
		now[lang] = want[lang]
	}
	for _, lang := range del {
		if err := c.DeleteGiftLanguage(ctx, giftID, lang); err != nil {
			return now, err
		}
		delete(now, lang)
	}
	return now, nil
}

// relink puts a gift created again under the same ID back into the categories that listed it
// when this process deleted it (del_gift takes a gift out of every category).
func relink(ctx context.Context, c *wire.Client, s *giftkit.Session, giftID string, diags interface{ AddError(string, string) }) {
	var failed []string
	for _, cat := range s.CategoriesToRelink(giftID) {
		s.WroteCategory()
		invalid, err := c.AddGiftCategoryRelations(ctx, cat, []string{giftID})
		s.WroteCategory()
		switch {
		case errors.Is(err, wire.ErrGiftCategoryNotFound): // deleted in this apply too
		case err != nil:
			failed = append(failed, fmt.Sprintf("%s (%v)", cat, err))
		case len(invalid) > 0:
			failed = append(failed, fmt.Sprintf("%s (the service did not add it: InvalidGiftIdList %v)", cat, invalid))
		}
	}
	if len(failed) > 0 {
		diags.AddError("Unable to put the gift back into its categories", fmt.Sprintf(
			"Gift %q was created again, but adding it back to the categories that listed it before del_gift took it out failed: %s. "+
				"The next plan shows those categories' gift_ids as changed and the next apply adds it.", giftID, strings.Join(failed, "; ")))
	}
}
