package room

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/emutest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// defaultsPlan is a planned room with every optional attribute at its default.
func defaultsPlan(roomID, template string) roomModel {
	return roomModel{
		ID:                types.StringValue(roomID),
		RoomID:            types.StringValue(roomID),
		SeatTemplate:      seatTemplateOf(template),
		OwnerAccount:      types.StringValue("administrator"),
		TakeSeatMode:      types.StringValue(livespec.TakeSeatFree),
		MaxSeatCount:      types.Int64Unknown(),
		MaxMemberCount:    types.Int64Unknown(),
		IsMessageDisabled: types.BoolValue(false),
		IsPublicVisible:   types.BoolValue(true),
		RoomName:          types.StringValue(roomID),
		CoverURL:          types.StringValue(""),
		Category:          categoryList(nil),
		ActivityStatus:    types.Int64Value(0),
		Notice:            types.StringValue(""),
		CreateTime:        types.Int64Unknown(),
		UnlimitedRoom:     types.BoolUnknown(),
		KeepOwnerOnSeat:   types.BoolUnknown(),
		Metadata:          types.MapNull(types.StringType),
		Admins:            types.SetNull(types.StringType),
		Robots:            types.SetNull(types.StringType),
	}
}

func newTestRoomResource(t *testing.T, requestsPerSecond ...float64) (*roomResource, *wire.Client) {
	t.Helper()
	return newTestRoomResourceOn(t, emulator.Options{}, requestsPerSecond...)
}

// newTestRoomResourceOn is newTestRoomResource against an emulator with opts.
func newTestRoomResourceOn(t *testing.T, opts emulator.Options, requestsPerSecond ...float64) (*roomResource, *wire.Client) {
	t.Helper()
	_, url := emutest.Serve(t, opts)
	var rps float64
	for _, r := range requestsPerSecond {
		rps = r
	}
	c := emutest.RetryingClient(t, url, rps)
	return &roomResource{data: &tfkit.ProviderData{Client: c, Settings: tfkit.Settings{Identifier: emulator.DefaultAdmin}}}, c
}

func str(p *string) string {
	if p == nil {
		return "<absent>"
	}
	return *p
}
