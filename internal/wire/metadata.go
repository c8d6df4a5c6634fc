package wire

import (
	"context"
	"slices"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// metadataItem is one {"Key","Value"} pair of set_room_metadata and get_room_metadata.
type metadataItem struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

type metadataKeysBody struct {
	RoomID string   `json:"RoomId"`
	Keys   []string `json:"Keys"`
}

// GetRoomMetadata reads a room's metadata: the given keys that exist, or every key when none is
// given. A missing room is an *Error with code 100004.
func (c *Client) GetRoomMetadata(ctx context.Context, roomID string, keys ...string) (map[string]string, error) {
	var resp struct {
		Metadata []metadataItem `json:"Metadata"`
	}
	req := metadataKeysBody{RoomID: roomID, Keys: append([]string{}, keys...)}
	if err := c.Call(ctx, livespec.ServiceLive, "get_room_metadata", req, &resp); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(resp.Metadata))
	for _, it := range resp.Metadata {
		out[it.Key] = it.Value
	}
	return out, nil
}

// SetRoomMetadata adds or overwrites the given keys (an upsert: other keys are kept). Nothing is
// sent for an empty map. The service counts the room's other keys towards its limits
// (livespec.MaxMetadataKeys, MaxMetadataTotalBytes: codes 100500–100502).
func (c *Client) SetRoomMetadata(ctx context.Context, roomID string, metadata map[string]string) error {
	if len(metadata) == 0 {
		return nil
	}
	keys := make([]string, 0, len(metadata))
	for k := range metadata {
		keys = append(keys, k)
	}
	slices.Sort(keys) // a stable body, so retries and logs are comparable
	items := make([]metadataItem, 0, len(keys))
	for _, k := range keys {
		items = append(items, metadataItem{Key: k, Value: metadata[k]})
	}
	req := struct {
		RoomID   string         `json:"RoomId"`
		Metadata []metadataItem `json:"Metadata"`
	}{roomID, items}
	return c.Call(ctx, livespec.ServiceLive, "set_room_metadata", req, nil)
}

// DelRoomMetadata deletes keys; nothing is sent for none. When none of them exists the service
// answers 100503, which a caller converging on "absent" may treat as done.
func (c *Client) DelRoomMetadata(ctx context.Context, roomID string, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	return c.Call(ctx, livespec.ServiceLive, "del_room_metadata", metadataKeysBody{roomID, keys}, nil)
}
