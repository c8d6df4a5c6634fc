package provider

import (
	"fmt"
	"sync"
)

// roomClaims records the room IDs that the resources of one plan claim. Terraform runs one
// provider process per provider configuration and walk, so two tencentlive_room resources with
// the same room_id meet here: without this both would "manage" one room, every plan would flip
// its attributes between the two configurations, and destroying either would dismiss it.
// The plugin protocol does not tell a provider which resource address it plans, so the first
// claimant is described by its values.
type roomClaims struct {
	mu  sync.Mutex
	ids map[string]string // room_id → description of the first claimant
}

// claim records roomID for the resource described by who. It returns the description of the
// resource that claimed roomID earlier in this plan, or "" when roomID was free.
func (c *roomClaims) claim(roomID, who string) (earlier string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev, taken := c.ids[roomID]; taken {
		return prev
	}
	if c.ids == nil {
		c.ids = map[string]string{}
	}
	c.ids[roomID] = who
	return ""
}

// claimantOf describes a planned room for a duplicate room_id diagnostic: the values that tell
// two resource blocks apart when their room_id is the same.
func claimantOf(plan roomModel, inState bool) string {
	kind := "a new room"
	if inState {
		kind = "a room already in the state"
	}
	return fmt.Sprintf("%s with seat_template %s, owner_account %s and room_name %s",
		kind, valueText(plan.SeatTemplate), valueText(plan.OwnerAccount), valueText(plan.RoomName))
}

// valueText renders a string value for a message: quoted when known.
func valueText(v interface {
	IsNull() bool
	IsUnknown() bool
	String() string
}) string {
	switch {
	case v.IsUnknown():
		return "(known after apply)"
	case v.IsNull():
		return "(unset)"
	}
	return v.String()
}
