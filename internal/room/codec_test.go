package room

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// codecModels covers known, null and unknown values of every attribute type, and timeouts set
// and unset.
func codecModels() map[string]roomModel {
	timeoutTypes := map[string]attr.Type{"create": types.StringType, "read": types.StringType, "update": types.StringType, "delete": types.StringType}
	full := defaultsPlan("salon", "AudioSalon")
	full.MaxSeatCount = types.Int64Value(8)
	full.MaxMemberCount = types.Int64Value(500)
	full.Category = categoryList([]int64{3, 1})
	full.CreateTime = types.Int64Value(1_700_000_000)
	full.UnlimitedRoom = types.BoolValue(true)
	full.KeepOwnerOnSeat = types.BoolValue(false)
	full.Metadata = metadataMap(map[string]string{"theme": "dark", "lang": "en"})
	full.Admins = tfkit.StringSet([]string{"mod-1", "mod-2"})
	full.Robots = tfkit.StringSet([]string{"obs-bot"})
	full.Timeouts = timeouts.Value{Object: types.ObjectValueMust(timeoutTypes, map[string]attr.Value{
		"create": types.StringValue("10m"), "read": types.StringNull(), "update": types.StringNull(), "delete": types.StringValue("1h")})}

	planned := defaultsPlan("r1", "VideoDynamicGrid9Seats")
	planned.OwnerAccount = types.StringUnknown()
	planned.Category = types.ListUnknown(types.Int64Type)
	planned.IsPublicVisible = types.BoolUnknown()
	planned.Metadata = types.MapUnknown(types.StringType)
	planned.Admins = types.SetValueMust(types.StringType, []attr.Value{types.StringUnknown()})
	planned.Robots = types.SetUnknown(types.StringType)
	planned.Timeouts = timeouts.Value{Object: types.ObjectNull(timeoutTypes)}

	sparse := roomModel{
		ID: types.StringNull(), RoomID: types.StringValue("only-id"), SeatTemplate: seatTemplateValue{StringValue: types.StringNull()},
		OwnerAccount: types.StringNull(), TakeSeatMode: types.StringNull(), MaxSeatCount: types.Int64Null(),
		MaxMemberCount: types.Int64Null(), IsMessageDisabled: types.BoolNull(), IsPublicVisible: types.BoolNull(),
		RoomName: types.StringNull(), CoverURL: types.StringNull(), Category: types.ListNull(types.Int64Type),
		ActivityStatus: types.Int64Null(), Notice: types.StringNull(), CreateTime: types.Int64Null(),
		DeletionProtected: types.BoolNull(), UnlimitedRoom: types.BoolNull(), KeepOwnerOnSeat: types.BoolNull(),
		Metadata: types.MapNull(types.StringType), Admins: types.SetNull(types.StringType), Robots: types.SetNull(types.StringType),
		Timeouts: timeouts.Value{Object: types.ObjectUnknown(timeoutTypes)},
	}
	return map[string]roomModel{"full": full, "planned": planned, "sparse": sparse}
}

// The reflection-free codec gives what tfsdk's Get and Set give, both ways. A model field or
// schema attribute missing from roomModel.fields fails here.
func TestRoomCodecMatchesFramework(t *testing.T) {
	ctx := context.Background()
	var sr resource.SchemaResponse
	(&roomResource{}).Schema(ctx, resource.SchemaRequest{}, &sr)
	var m roomModel
	if got, want := len(m.fields()), len(sr.Schema.Attributes); got != want {
		t.Fatalf("roomModel.fields lists %d attributes, the schema has %d", got, want)
	}
	if got, want := len(m.fields()), reflect.TypeOf(m).NumField(); got != want {
		t.Fatalf("roomModel.fields lists %d attributes, roomModel has %d fields", got, want)
	}

	for name, model := range codecModels() {
		t.Run(name, func(t *testing.T) {
			framework := tfsdk.State{Schema: sr.Schema}
			if diags := framework.Set(ctx, &model); diags.HasError() {
				t.Fatal(diags)
			}
			ours, diags := roomValue(ctx, model)
			if diags.HasError() {
				t.Fatal(diags)
			}
			if !ours.Equal(framework.Raw) {
				t.Errorf("encoded differently:\nours      %s\nframework %s", ours, framework.Raw)
			}

			decoded, diags := roomFrom(ctx, framework.Raw)
			if diags.HasError() {
				t.Fatal(diags)
			}
			var viaFramework roomModel
			if diags := framework.Get(ctx, &viaFramework); diags.HasError() {
				t.Fatal(diags)
			}
			if !reflect.DeepEqual(decoded, viaFramework) {
				t.Errorf("decoded differently:\nours      %+v\nframework %+v", decoded, viaFramework)
			}

			var raw tftypes.Value
			setRoom(ctx, &raw, decoded, &diags)
			if diags.HasError() || !raw.Equal(framework.Raw) {
				t.Errorf("setRoom after roomFrom does not round-trip: %v %s", diags, raw)
			}
		})
	}
}

func TestRoomFromNullIsAllNull(t *testing.T) {
	m, diags := roomFrom(context.Background(), tfsdk.State{}.Raw)
	if diags.HasError() {
		t.Fatal(diags)
	}
	for _, f := range m.fields() {
		if !f.get().IsNull() {
			t.Errorf("%s = %s from a null object, want null", f.name, f.get())
		}
	}
}
