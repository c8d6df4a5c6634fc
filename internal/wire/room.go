package wire

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// RoomInfo is a live room as the API sends and answers it. Pointer fields are optional: nil is
// left out of a request, and means "absent" in an answer.
type RoomInfo struct {
	RoomID            string   `json:"RoomId"`
	RoomType          string   `json:"RoomType,omitempty"`
	OwnerAccount      *string  `json:"Owner_Account,omitempty"`
	SeatTemplate      *string  `json:"SeatTemplate,omitempty"`
	TakeSeatMode      *string  `json:"TakeSeatMode,omitempty"`
	MaxSeatCount      *int64   `json:"MaxSeatCount,omitempty"`
	MaxMemberCount    *int64   `json:"MaxMemberCount,omitempty"`
	IsMessageDisabled *bool    `json:"IsMessageDisabled,omitempty"`
	IsPublicVisible   *bool    `json:"IsPublicVisible,omitempty"`
	RoomName          *string  `json:"RoomName,omitempty"`
	CoverURL          *string  `json:"CoverURL,omitempty"`
	Category          *[]int64 `json:"Category,omitempty"` // non-nil empty slice sends [] (clears)
	ActivityStatus    *int64   `json:"ActivityStatus,omitempty"`
	Notice            *string  `json:"Notice,omitempty"`
	// IsUnlimitedRoomEnabled is sent on create and update. get_room_info's documented field list
	// does not name it, so nil in an answer means "not reported", not false.
	IsUnlimitedRoomEnabled *bool `json:"IsUnlimitedRoomEnabled,omitempty"`
	// KeepOwnerOnSeat is create-only (update_room_info has no such field); nil in an answer
	// means "not reported".
	KeepOwnerOnSeat *bool  `json:"KeepOwnerOnSeat,omitempty"`
	CreateTime      *int64 `json:"CreateTime,omitempty"` // read-only, Unix seconds
	ViewCount       *int64 `json:"ViewCount,omitempty"`  // read-only: cumulative entries, repeats counted
	// SeatLayoutTemplateID is the template's number (livespec.SeatTemplate.ID), which
	// get_room_list reports where get_room_info in its documented form has no SeatTemplate.
	// Read-only here: requests name the template with SeatTemplate.
	SeatLayoutTemplateID *int64 `json:"SeatLayoutTemplateId,omitempty"`
}

// roomInfoFields has RoomInfo's fields without its methods, for the default decoding.
type roomInfoFields RoomInfo

// UnmarshalJSON decodes the read-back drift of the project decisions: TakeSeatMode as a string
// or an integer (1 FreeToTake, 2 ApplyToTake; another integer is kept as its decimal text, so
// the provider shows it instead of failing the read), Owner_Account as a string or a JSON
// number (kept with its exact digits). Category may be null or absent.
func (r *RoomInfo) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	var aux struct {
		roomInfoFields
		TakeSeatMode json.RawMessage `json:"TakeSeatMode"` // shallower: shadows the embedded field
		OwnerAccount json.RawMessage `json:"Owner_Account"`
	}
	if err := json.Unmarshal(data, &aux); err != nil {
		return err
	}
	out := RoomInfo(aux.roomInfoFields)
	mode, err := decodeTakeSeatMode(aux.TakeSeatMode)
	if err != nil {
		return fmt.Errorf("RoomInfo.TakeSeatMode: %w", err)
	}
	owner, err := decodeStringOrNumber(aux.OwnerAccount)
	if err != nil {
		return fmt.Errorf("RoomInfo.Owner_Account: %w", err)
	}
	out.TakeSeatMode, out.OwnerAccount = mode, owner
	*r = out
	return nil
}

func decodeTakeSeatMode(raw json.RawMessage) (*string, error) {
	s, err := decodeStringOrNumber(raw)
	if err != nil || s == nil || (len(raw) > 0 && raw[0] == '"') {
		return s, err
	}
	if n, err := strconv.ParseInt(*s, 10, 64); err == nil {
		if mode, ok := livespec.TakeSeatModeFromInt(n); ok {
			return &mode, nil
		}
	}
	return s, nil
}

// decodeStringOrNumber returns a JSON string's value or a JSON number's literal text; nil for
// absent or null.
func decodeStringOrNumber(raw json.RawMessage) (*string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		return &s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return nil, errors.New("expected a string or a number")
	}
	s := n.String()
	return &s, nil
}

// writable drops the read-only fields, which are never part of a request.
func (r RoomInfo) writable() RoomInfo {
	r.CreateTime, r.ViewCount, r.SeatLayoutTemplateID = nil, nil, nil
	return r
}

type roomInfoBody struct {
	RoomInfo RoomInfo `json:"RoomInfo"`
}

type roomIDBody struct {
	RoomID string `json:"RoomId"`
}

// CreateRoom sends create_room with RoomType "Live". Its answer may or may not carry the room
// ID, so callers read the room back with GetRoomInfo.
func (c *Client) CreateRoom(ctx context.Context, info RoomInfo) error {
	info = info.writable()
	info.RoomType = livespec.RoomTypeLive
	return c.Call(ctx, livespec.ServiceLive, "create_room", roomInfoBody{info}, nil)
}

// GetRoomInfo reads a room; a missing room is an *Error with code 100004.
func (c *Client) GetRoomInfo(ctx context.Context, roomID string) (RoomInfo, error) {
	var resp struct {
		RoomInfo *RoomInfo `json:"RoomInfo"`
	}
	if err := c.Call(ctx, livespec.ServiceLive, "get_room_info", roomIDBody{roomID}, &resp); err != nil {
		return RoomInfo{}, err
	}
	if resp.RoomInfo == nil {
		return RoomInfo{}, fmt.Errorf("get_room_info: the answer for room %q carries no RoomInfo", roomID)
	}
	return *resp.RoomInfo, nil
}

// UpdateRoomInfo sends update_room_info with RoomId and the non-nil fields only (a partial
// update); RoomType and the read-only fields are never sent.
func (c *Client) UpdateRoomInfo(ctx context.Context, info RoomInfo) error {
	info = info.writable()
	info.RoomType = ""
	return c.Call(ctx, livespec.ServiceLive, "update_room_info", roomInfoBody{info}, nil)
}

// DestroyRoom dismisses a room; a missing room is an *Error with code 100004.
func (c *Client) DestroyRoom(ctx context.Context, roomID string) error {
	return c.Call(ctx, livespec.ServiceLive, "destroy_room", roomIDBody{roomID}, nil)
}

// RoomListPage is one page of get_room_list. Next is "" after the last page.
type RoomListPage struct {
	Next  string
	Rooms []RoomInfo
}

// GetRoomList reads one page of public rooms, starting at cursor next ("" for the first page).
// count outside 1..livespec.MaxRoomListPage asks for the maximum.
func (c *Client) GetRoomList(ctx context.Context, next string, count int) (RoomListPage, error) {
	if count < 1 || count > livespec.MaxRoomListPage {
		count = livespec.MaxRoomListPage
	}
	req := struct {
		Next  string `json:"Next"`
		Count int    `json:"Count"`
	}{next, count}
	var resp struct {
		Next     string     `json:"Next"`
		RoomList []RoomInfo `json:"RoomList"`
	}
	if err := c.Call(ctx, livespec.ServiceLive, "get_room_list", req, &resp); err != nil {
		return RoomListPage{}, err
	}
	return RoomListPage{Next: resp.Next, Rooms: resp.RoomList}, nil
}
