package emulator

import (
	"errors"
	"fmt"
	"slices"
)

// Members come and go through client SDKs, which the emulator does not serve: tests move them
// with Enter and Leave (or POST /_emulator/enter and /_emulator/leave). They drive ViewCount
// and the empty-room rule (Options.EmptyRoomTTL).

// ErrNoSuchRoom is returned by Enter and Leave for a room that does not exist (or that the
// platform has dismissed).
var ErrNoSuchRoom = errors.New("room does not exist")

// Enter puts an imported account in a room, as a client's enterRoom does. Every entry counts in
// ViewCount, repeat entries too, as on the platform; entering while inside changes nothing.
func (s *Server) Enter(roomID, userID string) error {
	return s.moveMember(roomID, userID, func(r *Room) error {
		if _, ok := s.accounts[userID]; !ok {
			return fmt.Errorf("account %q has not been imported", userID)
		}
		if slices.Contains(r.Members, userID) {
			return nil
		}
		r.Members = append(r.Members, userID)
		r.ViewCount++
		return nil
	})
}

// Leave takes a member out of a room. When the last one leaves, the empty-room window starts.
func (s *Server) Leave(roomID, userID string) error {
	return s.moveMember(roomID, userID, func(r *Room) error {
		if !slices.Contains(r.Members, userID) {
			return fmt.Errorf("%q is not in room %q", userID, roomID)
		}
		r.Members = without(r.Members, []string{userID})
		if len(r.Members) == 0 {
			r.EmptySince = s.opts.Now()
		}
		return nil
	})
}

func (s *Server) moveMember(roomID, userID string, move func(r *Room) error) error {
	s.mu.Lock()
	r, ok := s.roomLocked(roomID, s.opts.Now())
	err := ErrNoSuchRoom
	if ok {
		if err = move(r); err == nil {
			s.gen++
		}
	}
	s.mu.Unlock()
	if err == nil {
		s.persistSoon()
	}
	return err
}
