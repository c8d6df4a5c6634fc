package room

import (
	"context"
	"fmt"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// SweeperName is the rooms' sweeper, which the accounts' sweeper runs after.
const SweeperName = "tencentlive_room"

func init() {
	sweep.Register(sweep.Sweeper{Name: SweeperName, Sweep: sweepRooms})
}

// sweepRooms destroys the test rooms: the public ones get_room_list shows and the recorded ones
// it cannot (rooms that are not public). Before destroying a room it hands the room's owner,
// admins and robots to the accounts' sweeper, which has no list of its own to read.
func sweepRooms(run *sweep.Run) error {
	var failures sweep.Failures
	listed, err := listedTestRooms(run)
	failures.Add("get_room_list", err)
	names, err := run.Candidates(sweep.KindRoom, listed...)
	failures.Add("record file", err)
	var gone []string
	for _, id := range names {
		err := run.Do(id, func(ctx context.Context) error {
			info, err := run.Client.GetRoomInfo(ctx, id)
			if err != nil {
				return err
			}
			if info.OwnerAccount != nil {
				run.Find(sweep.KindAccount, *info.OwnerAccount)
			}
			admins, err := run.Client.GetAdminList(ctx, id)
			if err != nil {
				return err
			}
			robots, err := run.Client.GetRobots(ctx, id)
			if err != nil {
				return err
			}
			run.Find(sweep.KindAccount, append(admins, robots...)...)
			return run.Client.DestroyRoom(ctx, id)
		})
		if err == nil || wire.CodeOf(err) == livespec.CodeRoomNotFound {
			gone = append(gone, id)
			continue
		}
		failures.Add("room "+id, err)
	}
	failures.Add("record file", run.Gone(sweep.KindRoom, gone))
	return failures.Err()
}

// listedTestRooms returns the test rooms get_room_list shows (public rooms only), every page,
// within OperationTimeout per page.
func listedTestRooms(run *sweep.Run) ([]string, error) {
	fetch := func(ctx context.Context, next string) (wire.RoomListPage, error) {
		ctx, cancel := context.WithTimeout(ctx, sweep.OperationTimeout)
		defer cancel()
		return run.Client.GetRoomList(ctx, next, livespec.MaxRoomListPage)
	}
	rooms, page, err := listRooms(context.Background(), fetch, func(r wire.RoomInfo) bool { return sweep.Owned(r.RoomID) })
	if err != nil {
		return nil, fmt.Errorf("page %d: %w", page, err)
	}
	ids := make([]string, len(rooms))
	for i, r := range rooms {
		ids[i] = r.RoomID
	}
	return ids, nil
}
