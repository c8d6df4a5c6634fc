package room

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Metadata, admins and robots: read and written with their own commands after the room
// itself. Each is managed only when non-null in the model; only managed ones are read or sent.

// extrasFailure is a failed step of applyExtras or readExtras: the attribute it was about, the
// error and, when the vendor's answer needs it, what the room holds beyond the configuration.
type extrasFailure struct {
	attribute string
	err       error
	note      string
	hint      string // replaces the code table's hint (70107's speaks of owner_account)
}

// readExtras refreshes the managed metadata keys, admins and robots of m from the room. With
// all (an import), every key and list is read and recorded, an empty one as null.
func readExtras(ctx context.Context, c *wire.Client, m *roomModel, all bool) *extrasFailure {
	roomID := m.RoomID.ValueString()
	switch {
	case all:
		md, err := c.GetRoomMetadata(ctx, roomID)
		if err != nil {
			return &extrasFailure{attribute: "metadata", err: err}
		}
		m.Metadata = types.MapNull(types.StringType)
		if len(md) > 0 {
			m.Metadata = metadataMap(md)
		}
	case tfkit.Known(m.Metadata) && len(m.Metadata.Elements()) > 0: // no keys would read them all
		managed := tfkit.MapStrings(m.Metadata)
		keys := tfkit.SortedKeys(managed)
		md, err := c.GetRoomMetadata(ctx, roomID, keys...)
		if err != nil {
			return &extrasFailure{attribute: "metadata", err: err}
		}
		kept := map[string]string{}
		for _, k := range keys {
			if v, ok := md[k]; ok {
				kept[k] = v // a managed key deleted behind Terraform's back drops out: the plan adds it
			}
		}
		m.Metadata = metadataMap(kept)
	}
	read := func(list *types.Set, attribute string, get func(context.Context, string) ([]string, error)) *extrasFailure {
		if !all && list.IsNull() {
			return nil
		}
		ids, err := get(ctx, roomID)
		if err != nil {
			return &extrasFailure{attribute: attribute, err: err}
		}
		if all && len(ids) == 0 {
			*list = types.SetNull(types.StringType)
		} else {
			*list = tfkit.StringSet(ids)
		}
		return nil
	}
	if f := read(&m.Admins, "admins", c.GetAdminList); f != nil {
		return f
	}
	return read(&m.Robots, "robots", c.GetRobots)
}

// applyExtras brings the managed metadata, admins and robots of the room from state to plan, in
// that order, sending only what changed. fresh says the room was just created (no admins or
// robots yet); with a null state otherwise (adoption) the lists are read first, as a set is
// exact.
func applyExtras(ctx context.Context, c *wire.Client, plan, state roomModel, fresh bool) *extrasFailure {
	roomID := plan.RoomID.ValueString()
	if set, del := metadataChanges(plan.Metadata, state.Metadata); len(set)+len(del) > 0 {
		// Deleting first frees room under the vendor's key and size limits.
		if err := c.DelRoomMetadata(ctx, roomID, del); err != nil && !tfkit.IsCode(err, livespec.CodeMetadataNoSuchKeys) {
			return &extrasFailure{attribute: "metadata", err: err}
		}
		if err := c.SetRoomMetadata(ctx, roomID, set); err != nil {
			return &extrasFailure{attribute: "metadata", err: err, note: appKeysNote(ctx, c, roomID, plan.Metadata, err)}
		}
	}
	lists := []struct {
		attribute   string
		plan, state types.Set
		get         func(context.Context, string) ([]string, error)
		add, del    func(context.Context, string, []string) error
		addFirst    bool
	}{
		// Admins: removing first keeps the room under the admin cap (100020).
		{"admins", plan.Admins, state.Admins, c.GetAdminList, c.AddAdmins, c.DeleteAdmins, false},
		// Robots: adding first, so the room is never without a robot in between and open to
		// the platform's empty-room dismissal.
		{"robots", plan.Robots, state.Robots, c.GetRobots, c.AddRobots, c.DeleteRobots, true},
	}
	for _, l := range lists {
		if l.plan.IsNull() || l.plan.Equal(l.state) {
			continue
		}
		var have []string
		switch {
		case tfkit.Known(l.state):
			have = tfkit.SetStrings(l.state)
		case !fresh:
			ids, err := l.get(ctx, roomID)
			if err != nil {
				return &extrasFailure{attribute: l.attribute, err: err}
			}
			have = ids
		}
		add, del := accountChanges(tfkit.SetStrings(l.plan), have)
		steps := []func() error{
			func() error { return l.del(ctx, roomID, del) },
			func() error { return l.add(ctx, roomID, add) },
		}
		if l.addFirst {
			slices.Reverse(steps)
		}
		for _, step := range steps {
			if err := step(); err != nil {
				f := &extrasFailure{attribute: l.attribute, err: err}
				if tfkit.IsCode(err, livespec.CodeAccountNotImported) {
					f.hint = fmt.Sprintf("Every user ID in %s must be an imported account. A tencentlive_account of this configuration "+
						"referenced by its user_id (%s = [tencentlive_account.<name>.user_id]) is imported before the room is changed.",
						l.attribute, l.attribute)
				}
				return f
			}
		}
	}
	return nil
}

// metadataChanges returns the keys to set (new or changed values) and the keys to delete
// (managed in state, no longer in the plan). A null plan manages nothing; a null state (a new
// room, or metadata newly managed) sets every planned key and deletes none.
func metadataChanges(plan, state types.Map) (set map[string]string, del []string) {
	if !tfkit.Known(plan) {
		return nil, nil
	}
	planned, prior := tfkit.MapStrings(plan), tfkit.MapStrings(state)
	set = map[string]string{}
	for k, v := range planned {
		if old, ok := prior[k]; !ok || old != v {
			set[k] = v
		}
	}
	for _, k := range tfkit.SortedKeys(prior) {
		if _, ok := planned[k]; !ok {
			del = append(del, k)
		}
	}
	return set, del
}

// accountChanges returns the user IDs to add to have and those to remove from it to get want,
// each sorted.
func accountChanges(want, have []string) (add, del []string) {
	for _, id := range want {
		if !slices.Contains(have, id) {
			add = append(add, id)
		}
	}
	for _, id := range have {
		if !slices.Contains(want, id) && !slices.Contains(del, id) {
			del = append(del, id)
		}
	}
	slices.Sort(add)
	slices.Sort(del)
	return add, del
}

// appKeysNote explains a refused set_room_metadata when the keys the app wrote at run time are
// what pushes the room over a limit (100500 keys, 100502 total size): it names those keys.
func appKeysNote(ctx context.Context, c *wire.Client, roomID string, plan types.Map, err error) string {
	code := wire.CodeOf(err)
	if code != livespec.CodeMetadataTooManyKeys && code != livespec.CodeMetadataTotalLarge {
		return ""
	}
	all, readErr := c.GetRoomMetadata(ctx, roomID)
	if readErr != nil {
		return ""
	}
	planned := tfkit.MapStrings(plan)
	var appKeys []string
	appBytes := 0
	for _, k := range tfkit.SortedKeys(all) {
		if _, ok := planned[k]; !ok {
			appKeys = append(appKeys, fmt.Sprintf("%q", k))
			appBytes += len(all[k])
		}
	}
	if len(appKeys) == 0 {
		return ""
	}
	if code == livespec.CodeMetadataTooManyKeys {
		return fmt.Sprintf("The room also holds %d metadata keys that this configuration does not manage, written by the app at run time: %s. "+
			"They count towards the vendor's limit of %d keys per room together with the %d keys of the configuration. "+
			"Have the app delete some of its keys, or manage fewer keys here.",
			len(appKeys), strings.Join(appKeys, ", "), livespec.MaxMetadataKeys, len(planned))
	}
	return fmt.Sprintf("The room also holds %d metadata keys that this configuration does not manage, written by the app at run time: %s, "+
		"with %d bytes of values. They count towards the vendor's limit of %d bytes for all values of a room. "+
		"Have the app shorten or delete some of its keys, or shorten the values here.",
		len(appKeys), strings.Join(appKeys, ", "), appBytes, livespec.MaxMetadataTotalBytes)
}

// emptyExtras returns m with its managed metadata, admins and robots empty: what a room created
// by create_room alone holds of them.
func emptyExtras(m roomModel) roomModel {
	if !m.Metadata.IsNull() {
		m.Metadata = metadataMap(nil)
	}
	if !m.Admins.IsNull() {
		m.Admins = tfkit.StringSet(nil)
	}
	if !m.Robots.IsNull() {
		m.Robots = tfkit.StringSet(nil)
	}
	return m
}

func metadataMap(m map[string]string) types.Map {
	elems := make(map[string]attr.Value, len(m))
	for k, v := range m {
		elems[k] = types.StringValue(v)
	}
	return types.MapValueMust(types.StringType, elems)
}
