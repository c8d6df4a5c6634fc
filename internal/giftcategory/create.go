package giftcategory

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func (r *categoryResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	tfkit.WalkOf(r.data).ApplyStarted()
	const summary = "Unable to create gift category"
	defer r.data.SetIdentity(ctx, resp.Identity, &resp.State, "category_id", &resp.Diagnostics)
	r.call(summary, req.Plan.Get, timeouts.Value.Create).Run(ctx, &resp.Diagnostics, func(ctx context.Context, c *wire.Client, plan *categoryModel) {
		s := giftkit.SessionOf(r.data)
		categoryID := plan.CategoryID.ValueString()
		s.WroteCategory()
		if err := giftkit.AddWithinQuota(ctx, &s.CategoryDeletes, func() error { return c.AddGiftCategory(ctx, expandCategory(*plan)) }); err != nil {
			addCategoryError(&resp.Diagnostics, summary, categoryID, "", err)
			return
		}
		plan.ID = plan.CategoryID
		r.applyContents(ctx, c, s, summary, giftkit.PartlyCreatedNote("gift category"), wire.Languages{}, nil, *plan, resp.State.Set, &resp.Diagnostics)
	})
}

// applyContents turns the category's translations and gifts from (haveLangs, haveGifts) into
// plan's, saves the state it reached (also when a call fails part way, so the next apply does
// only the rest), and reports a failure, ending with note.
func (r *categoryResource) applyContents(ctx context.Context, c *wire.Client, s *giftkit.Session, summary, note string,
	haveLangs wire.Languages, haveGifts []string, plan categoryModel, save func(context.Context, any) diag.Diagnostics, diags *diag.Diagnostics) {
	categoryID := plan.CategoryID.ValueString()
	want, d := giftkit.ExpandLanguages(ctx, plan.Languages)
	diags.Append(d...)
	if diags.HasError() {
		return
	}
	langs, gifts := wire.Languages{}, append([]string{}, haveGifts...)
	for k, v := range haveLangs {
		langs[k] = v
	}
	saveReached := func() {
		plan.Languages, d = giftkit.FlattenLanguages(ctx, langs, plan.Languages)
		diags.Append(d...)
		plan.GiftIDs = tfkit.StringSet(gifts)
		diags.Append(save(ctx, &plan)...)
	}
	// Before and after: a catalogue read in between may miss what these calls change.
	s.WroteCategory()
	defer s.WroteCategory()
	set, del := giftkit.LanguageChanges(haveLangs, want)
	for _, lang := range set {
		if err := c.SetGiftCategoryLanguage(ctx, categoryID, lang, want[lang]); err != nil {
			saveReached()
			addCategoryError(diags, summary, categoryID, note, err)
			return
		}
		langs[lang] = want[lang]
	}
	for _, lang := range del {
		if err := c.DeleteGiftCategoryLanguage(ctx, categoryID, lang); err != nil {
			saveReached()
			addCategoryError(diags, summary, categoryID, note, err)
			return
		}
		delete(langs, lang)
	}
	add, remove := relationChanges(haveGifts, giftIDs(plan))
	if err := c.DeleteGiftCategoryRelations(ctx, categoryID, remove); err != nil {
		saveReached()
		addCategoryError(diags, summary, categoryID, note, err)
		return
	}
	gifts = without(gifts, remove)
	invalid, err := c.AddGiftCategoryRelations(ctx, categoryID, add)
	if err != nil {
		saveReached()
		addCategoryError(diags, summary, categoryID, note, err)
		return
	}
	gifts = append(gifts, without(add, invalid)...)
	invalid = r.addCreatedMeanwhile(ctx, c, categoryID, invalid, &gifts)
	saveReached()
	if len(invalid) > 0 {
		diags.AddAttributeError(path.Root("gift_ids"), summary, strings.TrimSpace(fmt.Sprintf(
			"Gift category %q: add_gift_category_relations did not add %s (InvalidGiftIdList): no such gift. Create the gift "+
				"first (reference its tencentlive_gift in gift_ids) or remove it from gift_ids; the next apply adds it once it exists.\n\n%s",
			categoryID, strings.Join(invalid, ", "), note)))
	}
}

// addCreatedMeanwhile retries the gifts add_gift_category_relations left out that this apply
// is creating right now (a literal ID in gift_ids orders nothing), and returns those still
// left out.
func (r *categoryResource) addCreatedMeanwhile(ctx context.Context, c *wire.Client, categoryID string, invalid []string, gifts *[]string) []string {
	s := giftkit.SessionOf(r.data)
	var still []string
	for _, giftID := range invalid {
		if !s.AwaitGiftCreated(ctx, giftID, giftCreateQuiet) {
			still = append(still, giftID)
			continue
		}
		again, err := c.AddGiftCategoryRelations(ctx, categoryID, []string{giftID})
		if err != nil || len(again) > 0 {
			still = append(still, giftID)
			continue
		}
		*gifts = append(*gifts, giftID)
	}
	return still
}

// giftCreateQuiet is how long a category waits, with no gift create running in this process,
// before calling a gift it lists missing.
const giftCreateQuiet = 2 * time.Second

// without returns ids with every element of drop removed.
func without(ids, drop []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		keep := true
		for _, d := range drop {
			keep = keep && id != d
		}
		if keep {
			out = append(out, id)
		}
	}
	return out
}
