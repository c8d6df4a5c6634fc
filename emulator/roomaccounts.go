package emulator

import (
	"fmt"
	"slices"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Admins (modify_admin, get_admin_list) and robots (add_robot, get_robot, del_robot) are lists
// of imported accounts kept on the room. Adding one already there and deleting one that is not
// both succeed, so a client retrying after a lost answer converges.

// Admin and robot operations as modify_admin's OpType names them.
const (
	opAdd    = "add"
	opDelete = "delete"
)

// accountListField reads a required list of UserIDs: 1 to livespec.MaxAccountsPerOp JSON
// strings (60015 for another type) of 1 to 32 bytes, duplicates dropped.
func accountListField(o object, name string) ([]string, *apiError) {
	elems, _, err := o.array(name)
	if err != nil {
		return nil, err
	}
	if len(elems) == 0 {
		return nil, invalidParam(name + " is required")
	}
	if len(elems) > livespec.MaxAccountsPerOp {
		return nil, invalidParam(fmt.Sprintf("%s holds at most %d accounts", name, livespec.MaxAccountsPerOp))
	}
	ids := make([]string, 0, len(elems))
	for _, e := range elems {
		id, ok := parseString(e)
		if !ok {
			return nil, fail(livespec.CodeAccountNotString, name+" items must be JSON strings")
		}
		if id == "" || len(id) > livespec.MaxUserIDBytes {
			return nil, invalidParam(fmt.Sprintf("%s items must be 1 to %d bytes", name, livespec.MaxUserIDBytes))
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// union appends the ids not yet in list.
func union(list, ids []string) []string {
	out := slices.Clone(list)
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// without removes ids from list; nil when nothing is left.
func without(list, ids []string) []string {
	out := slices.DeleteFunc(slices.Clone(list), func(id string) bool { return slices.Contains(ids, id) })
	if len(out) == 0 {
		return nil
	}
	return out
}

// checkImportedLocked answers 70107 for the first id that is not an imported account.
func (s *Server) checkImportedLocked(name string, ids []string) *apiError {
	for _, id := range ids {
		if _, ok := s.accounts[id]; !ok {
			return fail(livespec.CodeAccountNotImported, fmt.Sprintf("%s %q has not been imported", name, id))
		}
	}
	return nil
}

// changeRoom runs change on a live room under the lock; an unknown room is 100004. change must
// leave the room untouched when it fails.
func (s *Server) changeRoom(id string, change func(r *Room, now time.Time) *apiError) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.Now()
	r, ok := s.roomLocked(id, now)
	if !ok {
		return fail(livespec.CodeRoomNotFound, "room does not exist")
	}
	if err := change(r, now); err != nil {
		return err
	}
	s.gen++
	return nil
}

// roomAccounts reads one account list of a live room (Admins or Robots); an unknown room is
// 100004. The list is never nil, so it is answered as [].
func (s *Server) roomAccounts(c *call, list func(r *Room) []string) ([]string, *apiError) {
	id, err := roomIDField(c.body)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.roomLocked(id, s.opts.Now())
	if !ok {
		return nil, fail(livespec.CodeRoomNotFound, "room does not exist")
	}
	return append([]string{}, list(r)...), nil
}

func (s *Server) getAdminList(c *call) (result, *apiError) {
	admins, err := s.roomAccounts(c, func(r *Room) []string { return r.Admins })
	if err != nil {
		return result{}, err
	}
	return result{payload: struct {
		Admins []string `json:"Admin_Account"`
	}{admins}}, nil
}

// modifyAdmin adds or deletes admins. Adding the owner is 100002 (the owner holds every admin
// right already), going over Options.AdminCap is 100020.
func (s *Server) modifyAdmin(c *call) (result, *apiError) {
	id, err := roomIDField(c.body)
	if err != nil {
		return result{}, err
	}
	ids, err := accountListField(c.body, "Admin_Account")
	if err != nil {
		return result{}, err
	}
	op, _, err := c.body.str("OpType")
	if err != nil {
		return result{}, err
	}
	if op != opAdd && op != opDelete {
		return result{}, invalidParam("OpType must be add or delete")
	}
	return result{}, s.changeRoom(id, func(r *Room, _ time.Time) *apiError {
		if op == opDelete {
			r.Admins = without(r.Admins, ids)
			return nil
		}
		if slices.Contains(ids, r.OwnerAccount) {
			return invalidParam(fmt.Sprintf("%q owns the room and cannot be made an admin", r.OwnerAccount))
		}
		if err := s.checkImportedLocked("Admin_Account", ids); err != nil {
			return err
		}
		admins := union(r.Admins, ids)
		if len(admins) > s.opts.AdminCap {
			return fail(livespec.CodeTooManyAdmins, fmt.Sprintf("a room has at most %d admins", s.opts.AdminCap))
		}
		r.Admins = admins
		return nil
	})
}

func (s *Server) getRobot(c *call) (result, *apiError) {
	robots, err := s.roomAccounts(c, func(r *Room) []string { return r.Robots })
	if err != nil {
		return result{}, err
	}
	return result{payload: struct {
		Robots []string `json:"RobotList_Account"`
	}{robots}}, nil
}

func (s *Server) addRobot(c *call) (result, *apiError) {
	id, err := roomIDField(c.body)
	if err != nil {
		return result{}, err
	}
	ids, err := accountListField(c.body, "RobotList_Account")
	if err != nil {
		return result{}, err
	}
	return result{}, s.changeRoom(id, func(r *Room, _ time.Time) *apiError {
		if err := s.checkImportedLocked("RobotList_Account", ids); err != nil {
			return err
		}
		r.Robots = union(r.Robots, ids)
		return nil
	})
}

// delRobot removes robots. When the last one leaves a room that was entered and is empty, the
// empty-room window starts again from now: the room was exempt until this moment.
func (s *Server) delRobot(c *call) (result, *apiError) {
	id, err := roomIDField(c.body)
	if err != nil {
		return result{}, err
	}
	ids, err := accountListField(c.body, "RobotList_Account")
	if err != nil {
		return result{}, err
	}
	return result{}, s.changeRoom(id, func(r *Room, now time.Time) *apiError {
		had := len(r.Robots)
		r.Robots = without(r.Robots, ids)
		if had > 0 && len(r.Robots) == 0 && len(r.Members) == 0 && !r.EmptySince.IsZero() {
			r.EmptySince = now
		}
		return nil
	})
}
