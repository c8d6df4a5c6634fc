package emulator

import (
	"cmp"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// roomListItem is one entry of get_room_list's Response.RoomList.
type roomListItem struct {
	RoomID                 string  `json:"RoomId"`
	RoomName               string  `json:"RoomName"`
	OwnerAccount           any     `json:"Owner_Account"`
	CoverURL               string  `json:"CoverURL"`
	Category               []int64 `json:"Category"`
	CreateTime             int64   `json:"CreateTime"`
	ActivityStatus         int64   `json:"ActivityStatus"`
	ViewCount              int64   `json:"ViewCount"`
	SeatLayoutTemplateID   int     `json:"SeatLayoutTemplateId"`
	IsUnlimitedRoomEnabled bool    `json:"IsUnlimitedRoomEnabled"`
}

// listKey is a room's position in the list order: ViewCount descending, then RoomId ascending
// so that equal counts page stably.
type listKey struct {
	viewCount int64
	roomID    string
}

func compareListKeys(a, b listKey) int {
	if c := cmp.Compare(b.viewCount, a.viewCount); c != 0 {
		return c
	}
	return strings.Compare(a.roomID, b.roomID)
}

// The cursor names the last room returned ("<ViewCount>-<hex RoomId>", shaped like the vendor's
// "1693271355-123123123123"); the next page starts strictly after it, so rooms created or
// destroyed between pages never shift the others.
func (k listKey) cursor() string {
	return strconv.FormatInt(k.viewCount, 10) + "-" + hex.EncodeToString([]byte(k.roomID))
}

func parseCursor(c string) (listKey, bool) {
	// The count may be negative (SetViewCount), so split at the last '-'.
	i := strings.LastIndexByte(c, '-')
	if i <= 0 {
		return listKey{}, false
	}
	n, err := strconv.ParseInt(c[:i], 10, 64)
	if err != nil {
		return listKey{}, false
	}
	id, err := hex.DecodeString(c[i+1:])
	if err != nil || len(id) == 0 {
		return listKey{}, false
	}
	return listKey{viewCount: n, roomID: string(id)}, true
}

func (s *Server) getRoomList(c *call) (result, *apiError) {
	next, _, err := c.body.str("Next")
	if err != nil {
		return result{}, err
	}
	count, _, err := c.body.integer("Count")
	if err != nil {
		return result{}, err
	}
	switch {
	case count < 0:
		return result{}, invalidParam("Count must not be negative")
	case count == 0 || count > livespec.MaxRoomListPage: // absent or too large: a full page
		count = livespec.MaxRoomListPage
	}
	var after listKey
	if next != "" {
		var ok bool
		if after, ok = parseCursor(next); !ok {
			return result{}, invalidParam("Next is not a cursor returned by get_room_list")
		}
	}

	s.mu.Lock()
	s.expireLocked(s.opts.Now())
	public := make([]*Room, 0, len(s.rooms))
	for _, r := range s.rooms {
		if r.IsPublicVisible {
			public = append(public, r)
		}
	}
	key := func(r *Room) listKey { return listKey{r.ViewCount, r.RoomID} }
	slices.SortFunc(public, func(a, b *Room) int { return compareListKeys(key(a), key(b)) })
	start := 0
	if next != "" {
		start, _ = slices.BinarySearchFunc(public, after, func(r *Room, k listKey) int {
			return compareListKeys(key(r), k)
		})
		if start < len(public) && key(public[start]) == after {
			start++
		}
	}
	end := min(start+int(count), len(public))
	items := make([]roomListItem, 0, end-start)
	for _, r := range public[start:end] {
		items = append(items, roomListItem{
			RoomID:                 r.RoomID,
			RoomName:               r.RoomName,
			OwnerAccount:           s.ownerWire(r.OwnerAccount),
			CoverURL:               r.CoverURL,
			Category:               slices.Clone(r.Category),
			CreateTime:             r.CreateTime.Unix(),
			ActivityStatus:         r.ActivityStatus,
			ViewCount:              r.ViewCount,
			SeatLayoutTemplateID:   r.SeatLayoutTemplateID,
			IsUnlimitedRoomEnabled: r.IsUnlimitedRoomEnabled,
		})
	}
	cursor := ""
	if end < len(public) && end > start {
		cursor = key(public[end-1]).cursor()
	}
	s.mu.Unlock()

	for i := range items {
		if items[i].Category == nil {
			items[i].Category = []int64{}
		}
	}
	return result{payload: struct {
		Next     string
		RoomList []roomListItem
	}{cursor, items}}, nil
}
