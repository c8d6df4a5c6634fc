package emulator

import (
	"fmt"
	"slices"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

type metadataItem struct {
	Key   string
	Value string
}

func checkMetadataKey(key string) *apiError {
	if key == "" {
		return invalidParam("metadata Key must not be empty")
	}
	if len(key) > livespec.MaxMetadataKeyBytes {
		return fail(livespec.CodeMetadataKeyLong, fmt.Sprintf("metadata key exceeds %d bytes", livespec.MaxMetadataKeyBytes))
	}
	return nil
}

func (s *Server) getRoomMetadata(c *call) (result, *apiError) {
	id, err := roomIDField(c.body)
	if err != nil {
		return result{}, err
	}
	keys, _, err := c.body.strList("Keys")
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	r, ok := s.roomLocked(id, s.opts.Now())
	items := []metadataItem{}
	if ok {
		if len(keys) == 0 { // no keys: all of them
			for k, v := range r.Metadata {
				items = append(items, metadataItem{k, v})
			}
		} else {
			seen := map[string]bool{}
			for _, k := range keys {
				if v, found := r.Metadata[k]; found && !seen[k] {
					seen[k] = true
					items = append(items, metadataItem{k, v})
				}
			}
		}
	}
	s.mu.Unlock()
	if !ok {
		return result{}, fail(livespec.CodeRoomNotFound, "room does not exist")
	}
	slices.SortFunc(items, func(a, b metadataItem) int {
		switch {
		case a.Key < b.Key:
			return -1
		case a.Key > b.Key:
			return 1
		}
		return 0
	})
	return result{payload: struct{ Metadata []metadataItem }{items}}, nil
}

func (s *Server) setRoomMetadata(c *call) (result, *apiError) {
	id, err := roomIDField(c.body)
	if err != nil {
		return result{}, err
	}
	elems, _, err := c.body.array("Metadata")
	if err != nil {
		return result{}, err
	}
	if len(elems) == 0 {
		return result{}, invalidParam("Metadata is required")
	}
	items := make([]metadataItem, 0, len(elems))
	for _, e := range elems {
		o, ok := decodeObject(e)
		if !ok {
			return result{}, invalidParam("Metadata items must be objects")
		}
		key, _, err := o.str("Key")
		if err != nil {
			return result{}, err
		}
		value, hasValue, err := o.str("Value")
		if err != nil {
			return result{}, err
		}
		if err := checkMetadataKey(key); err != nil {
			return result{}, err
		}
		if !hasValue {
			return result{}, invalidParam("metadata Value is required")
		}
		if len(value) > livespec.MaxMetadataValueBytes {
			return result{}, fail(livespec.CodeMetadataValueLarge, fmt.Sprintf("metadata value exceeds %d bytes", livespec.MaxMetadataValueBytes))
		}
		items = append(items, metadataItem{key, value})
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.roomLocked(id, s.opts.Now())
	if !ok {
		return result{}, fail(livespec.CodeRoomNotFound, "room does not exist")
	}
	merged := make(map[string]string, len(r.Metadata)+len(items))
	for k, v := range r.Metadata {
		merged[k] = v
	}
	for _, it := range items {
		merged[it.Key] = it.Value
	}
	if len(merged) > livespec.MaxMetadataKeys {
		return result{}, fail(livespec.CodeMetadataTooManyKeys, fmt.Sprintf("a room holds at most %d metadata keys", livespec.MaxMetadataKeys))
	}
	total := 0
	for _, v := range merged {
		total += len(v)
	}
	if total > livespec.MaxMetadataTotalBytes {
		return result{}, fail(livespec.CodeMetadataTotalLarge, fmt.Sprintf("metadata values exceed %d bytes in total", livespec.MaxMetadataTotalBytes))
	}
	r.Metadata = merged
	s.gen++
	return result{}, nil
}

func (s *Server) delRoomMetadata(c *call) (result, *apiError) {
	id, err := roomIDField(c.body)
	if err != nil {
		return result{}, err
	}
	keys, _, err := c.body.strList("Keys")
	if err != nil {
		return result{}, err
	}
	if len(keys) == 0 {
		return result{}, invalidParam("Keys is required")
	}
	for _, k := range keys {
		if err := checkMetadataKey(k); err != nil {
			return result{}, err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.roomLocked(id, s.opts.Now())
	if !ok {
		return result{}, fail(livespec.CodeRoomNotFound, "room does not exist")
	}
	found := false
	for _, k := range keys {
		if _, ok := r.Metadata[k]; ok {
			found = true
		}
	}
	if !found {
		return result{}, fail(livespec.CodeMetadataNoSuchKeys, "none of the given keys exist")
	}
	for _, k := range keys {
		delete(r.Metadata, k)
	}
	if len(r.Metadata) == 0 {
		r.Metadata = nil
	}
	s.gen++
	return result{}, nil
}
