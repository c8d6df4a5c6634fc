package room

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// ImportState takes "ROOM_ID" or "ROOM_ID,SEAT_TEMPLATE" (see parseImportID); Read fills in the
// rest.
func (r *roomResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	roomID, seatTemplate := parseImportID(req.ID)
	if roomID == "" {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("The import ID %q has no room ID. Use ROOM_ID, or ROOM_ID%sSEAT_TEMPLATE.", req.ID, importIDSeparator))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("room_id"), roomID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), roomID)...)
	if seatTemplate != "" {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("seat_template"), seatTemplateOf(seatTemplate))...)
	}
	if resp.Private != nil { // nil only in unit tests that build the response by hand
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateImporting, []byte("true"))...)
	}
}

// importIDSeparator separates the optional seat template in an import ID.
const importIDSeparator = ","

// parseImportID splits an import ID. "ROOM_ID" imports by room ID; "ROOM_ID,SEAT_TEMPLATE"
// also records the template, for API versions whose get_room_info leaves SeatTemplate out (the
// only way an import can then be followed by an empty plan). The suffix counts only when it is
// a documented template name, so a room ID that happens to contain a comma still imports; a
// room ID that itself ends in ",<template>" is imported as "ROOM_ID,<template>,<template>".
func parseImportID(id string) (roomID, seatTemplate string) {
	i := strings.LastIndex(id, importIDSeparator)
	if i < 0 {
		return id, ""
	}
	if _, ok := livespec.LookupSeatTemplate(id[i+1:]); !ok {
		return id, ""
	}
	return id[:i], id[i+1:]
}
