package wire

import (
	"context"
	"slices"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Admins and robots of a room: lists of imported accounts. Adding one already there and deleting
// one that is not there both succeed, so the calls are safe to retry.

// GetAdminList reads a room's admins (get_admin_list); a missing room is an *Error with code
// 100004.
func (c *Client) GetAdminList(ctx context.Context, roomID string) ([]string, error) {
	var resp struct {
		Admins []string `json:"Admin_Account"`
	}
	if err := c.Call(ctx, livespec.ServiceLive, "get_admin_list", roomIDBody{roomID}, &resp); err != nil {
		return nil, err
	}
	return resp.Admins, nil
}

// AddAdmins makes imported accounts admins of a room (modify_admin, OpType "add"). Too many
// admins is 100020; an account not imported is 70107.
func (c *Client) AddAdmins(ctx context.Context, roomID string, userIDs []string) error {
	return c.modifyAdmin(ctx, roomID, "add", userIDs)
}

// DeleteAdmins takes admin rights away (modify_admin, OpType "delete").
func (c *Client) DeleteAdmins(ctx context.Context, roomID string, userIDs []string) error {
	return c.modifyAdmin(ctx, roomID, "delete", userIDs)
}

func (c *Client) modifyAdmin(ctx context.Context, roomID, op string, userIDs []string) error {
	return inAccountBatches(userIDs, func(batch []string) error {
		req := struct {
			RoomID string   `json:"RoomId"`
			Admins []string `json:"Admin_Account"`
			OpType string   `json:"OpType"`
		}{roomID, batch, op}
		return c.Call(ctx, livespec.ServiceLive, "modify_admin", req, nil)
	})
}

type robotsBody struct {
	RoomID string   `json:"RoomId"`
	Robots []string `json:"RobotList_Account"`
}

// GetRobots reads a room's robots (get_robot); a missing room is an *Error with code 100004.
func (c *Client) GetRobots(ctx context.Context, roomID string) ([]string, error) {
	var resp struct {
		Robots []string `json:"RobotList_Account"`
	}
	if err := c.Call(ctx, livespec.ServiceLive, "get_robot", roomIDBody{roomID}, &resp); err != nil {
		return nil, err
	}
	return resp.Robots, nil
}

// AddRobots adds imported accounts to a room as robots (add_robot). A room with a robot is not
// dismissed by the platform when it empties.
func (c *Client) AddRobots(ctx context.Context, roomID string, userIDs []string) error {
	return inAccountBatches(userIDs, func(batch []string) error {
		return c.Call(ctx, livespec.ServiceLive, "add_robot", robotsBody{roomID, batch}, nil)
	})
}

// DeleteRobots removes robots from a room (del_robot).
func (c *Client) DeleteRobots(ctx context.Context, roomID string, userIDs []string) error {
	return inAccountBatches(userIDs, func(batch []string) error {
		return c.Call(ctx, livespec.ServiceLive, "del_robot", robotsBody{roomID, batch}, nil)
	})
}

// inAccountBatches sends userIDs in batches of livespec.MaxAccountsPerOp; nothing for none.
func inAccountBatches(userIDs []string, send func([]string) error) error {
	for batch := range slices.Chunk(userIDs, livespec.MaxAccountsPerOp) {
		if err := send(batch); err != nil {
			return err
		}
	}
	return nil
}
