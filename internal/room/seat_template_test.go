package room

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// The two landscape spellings are semantically equal, in both directions; other templates,
// null and unknown values are not.
func TestSeatTemplateSemanticEquality(t *testing.T) {
	ctx := context.Background()
	null := seatTemplateValue{StringValue: types.StringNull()}
	unknown := seatTemplateValue{StringValue: types.StringUnknown()}
	cases := []struct {
		a, b seatTemplateValue
		want bool
	}{
		{seatTemplateOf(livespec.LandscapeConsole), seatTemplateOf(livespec.LandscapeSDK), true},
		{seatTemplateOf(livespec.LandscapeSDK), seatTemplateOf(livespec.LandscapeConsole), true},
		{seatTemplateOf("Karaoke"), seatTemplateOf("Karaoke"), true},
		{seatTemplateOf("Karaoke"), seatTemplateOf("AudioSalon"), false},
		{seatTemplateOf(livespec.LandscapeSDK), null, false},
		{unknown, seatTemplateOf(livespec.LandscapeSDK), false},
	}
	for _, tc := range cases {
		if got, diags := tc.a.StringSemanticEquals(ctx, tc.b); got != tc.want || diags.HasError() {
			t.Errorf("%s ~ %s: got %v (%v), want %v", tc.a, tc.b, got, diags, tc.want)
		}
	}
}

// keepSeatTemplateSpelling plans the prior spelling for the other spelling of the same
// template, and leaves every other change (and a first plan) to the configuration.
func TestKeepSeatTemplateSpelling(t *testing.T) {
	ctx := context.Background()
	s := types.StringValue
	cases := []struct {
		state, plan, want types.String
	}{
		{s(livespec.LandscapeConsole), s(livespec.LandscapeSDK), s(livespec.LandscapeConsole)},
		{s(livespec.LandscapeSDK), s(livespec.LandscapeConsole), s(livespec.LandscapeSDK)},
		{s("Karaoke"), s("AudioSalon"), s("AudioSalon")},
		{types.StringNull(), s(livespec.LandscapeSDK), s(livespec.LandscapeSDK)},
		{s(livespec.LandscapeConsole), types.StringUnknown(), types.StringUnknown()},
	}
	for _, tc := range cases {
		resp := &planmodifier.StringResponse{PlanValue: tc.plan}
		keepSeatTemplateSpelling{}.PlanModifyString(ctx, planmodifier.StringRequest{
			Path: path.Root("seat_template"), StateValue: tc.state, PlanValue: tc.plan, ConfigValue: tc.plan}, resp)
		if !resp.PlanValue.Equal(tc.want) {
			t.Errorf("state %s, configured %s: planned %s, want %s", tc.state, tc.plan, resp.PlanValue, tc.want)
		}
	}
}
