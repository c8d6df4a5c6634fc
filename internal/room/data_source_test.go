package room

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/emutest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

var nullDataTimeouts = timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"read": types.StringType})}

func TestFlattenRoomData(t *testing.T) {
	info := wire.RoomInfo{
		RoomID: "r1", SeatTemplate: new("AudioSalon"), OwnerAccount: new("host-1"), TakeSeatMode: new("ApplyToTake"),
		MaxSeatCount: new(int64(8)), MaxMemberCount: new(int64(500)), IsMessageDisabled: new(true),
		IsPublicVisible: new(false), RoomName: new("Salon"), CoverURL: new("https://c/x.png"),
		Category: new([]int64{4}), ActivityStatus: new(int64(1)), Notice: new("hi"),
		CreateTime: new(int64(1700000000)), ViewCount: new(int64(9)),
		IsUnlimitedRoomEnabled: new(true), KeepOwnerOnSeat: new(false),
	}
	want := roomDataModel{
		ID: types.StringValue("r1"), RoomID: types.StringValue("r1"), SeatTemplate: types.StringValue("AudioSalon"),
		OwnerAccount: types.StringValue("host-1"), TakeSeatMode: types.StringValue("ApplyToTake"),
		MaxSeatCount: types.Int64Value(8), MaxMemberCount: types.Int64Value(500), IsMessageDisabled: types.BoolValue(true),
		IsPublicVisible: types.BoolValue(false), RoomName: types.StringValue("Salon"), CoverURL: types.StringValue("https://c/x.png"),
		Category: types.ListValueMust(types.Int64Type, []attr.Value{types.Int64Value(4)}), ActivityStatus: types.Int64Value(1),
		Notice: types.StringValue("hi"), CreateTime: types.Int64Value(1700000000), ViewCount: types.Int64Value(9),
		UnlimitedRoom: types.BoolValue(true), KeepOwnerOnSeat: types.BoolValue(false),
		Metadata: types.MapNull(types.StringType), Admins: types.SetNull(types.StringType), Robots: types.SetNull(types.StringType),
		Timeouts: nullDataTimeouts,
	}
	if got := flattenRoomData(info, "r1", nullDataTimeouts); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}

	// An API version without SeatTemplate and the counts: null, not a guess; the rest defaults.
	got := flattenRoomData(wire.RoomInfo{RoomID: "r2"}, "r2", nullDataTimeouts)
	if !got.SeatTemplate.IsNull() || !got.MaxSeatCount.IsNull() || !got.MaxMemberCount.IsNull() || !got.ViewCount.IsNull() ||
		!got.OwnerAccount.IsNull() || got.RoomName.ValueString() != "r2" || got.TakeSeatMode.ValueString() != "FreeToTake" ||
		!got.IsPublicVisible.ValueBool() || len(got.Category.Elements()) != 0 || got.Category.IsNull() {
		t.Fatalf("got %+v", got)
	}
}

func TestRoomDataSourceMissingRoom(t *testing.T) {
	_, url := emutest.Serve(t, emulator.Options{})
	d := &roomDataSource{data: &tfkit.ProviderData{Client: emutest.Client(t, url)}}

	ctx := context.Background()
	var sr datasource.SchemaResponse
	d.Schema(ctx, datasource.SchemaRequest{}, &sr)
	config := tfsdk.Config{Schema: sr.Schema, Raw: tftypes.NewValue(sr.Schema.Type().TerraformType(ctx), nil)}
	state := tfsdk.State{Schema: sr.Schema, Raw: config.Raw}
	if diags := state.SetAttribute(ctx, path.Root("room_id"), "nowhere"); diags.HasError() {
		t.Fatal(diags)
	}
	config.Raw = state.Raw
	resp := &datasource.ReadResponse{State: tfsdk.State{Schema: sr.Schema, Raw: config.Raw}}
	d.Read(ctx, datasource.ReadRequest{Config: config}, resp)
	if resp.Diagnostics.ErrorsCount() != 1 {
		t.Fatalf("want one error, got %v", resp.Diagnostics)
	}
	e := resp.Diagnostics.Errors()[0]
	const want = `Room "nowhere": get_room_info failed with 100004 (room does not exist): room does not exist.`
	if e.Summary() != "Live room not found" || len(e.Detail()) < len(want) || e.Detail()[:len(want)] != want {
		t.Fatalf("%q: %q", e.Summary(), e.Detail())
	}
}
