package room

import (
	"context"
	"sync"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// listedTemplates recovers the seat template of rooms whose get_room_info answer has none (its
// documented form): get_room_list's items carry SeatLayoutTemplateId. One walk of the list per
// provider process serves every room read in it (an import of 300 rooms is 15 pages at 10/s,
// about 1.5 s), and the reads that need it wait for that one walk. A failed walk is not kept, so
// the next read tries again. Private rooms are not listed: their template stays unknown.
type listedTemplates struct {
	mu     sync.Mutex
	byRoom map[string]int64 // nil until a walk succeeded
}

// template returns the template name get_room_list reports for roomID, "" when the room is not
// listed (private, or created after the walk) or its number is undocumented.
func (l *listedTemplates) template(ctx context.Context, c *wire.Client, roomID string) (string, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.byRoom == nil {
		rooms, _, err := listRooms(ctx, func(ctx context.Context, next string) (wire.RoomListPage, error) {
			return c.GetRoomList(ctx, next, livespec.MaxRoomListPage)
		}, func(wire.RoomInfo) bool { return true })
		if err != nil {
			return "", err
		}
		l.remember(rooms)
	}
	return templateName(l.byRoom[roomID]), nil
}

// remember records the templates of listed rooms (a walk of this process, or a list resource's).
// Called with l.mu held, or before l is shared.
func (l *listedTemplates) remember(rooms []wire.RoomInfo) {
	if l.byRoom == nil {
		l.byRoom = make(map[string]int64, len(rooms))
	}
	for _, r := range rooms {
		if r.SeatLayoutTemplateID != nil {
			l.byRoom[r.RoomID] = *r.SeatLayoutTemplateID
		}
	}
}

// templateName is the template of a SeatLayoutTemplateId, "" for 0 or an undocumented number.
func templateName(id int64) string {
	if t, ok := livespec.SeatTemplateByID(id); ok {
		return t.Name
	}
	return ""
}
