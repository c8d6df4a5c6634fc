package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// roomsFileEnv names the file the no-op provider lists and imports rooms from: the output of
// `terraform query -json` with include_resource against the real provider. The bench writes it,
// so that a query or an import plan on the no-op provider handles the same rooms, with the same
// values, as the real provider's did, and costs only the CLI's and the protocol's work.
const roomsFileEnv = "TENCENTLIVE_NOOP_ROOMS"

const roomType = "tencentlive_room"

// roomSet is the rooms of the file, in its order, already encoded as the protocol carries them.
type roomSet struct {
	rooms []listedRoom
	byID  map[string]int
}

type listedRoom struct {
	displayName string
	object      *tfprotov6.DynamicValue
	identity    *tfprotov6.ResourceIdentityData
}

// queryLine is the part of a `terraform query -json` line the file is read for.
type queryLine struct {
	Type  string `json:"type"`
	Found *struct {
		DisplayName    string          `json:"display_name"`
		Identity       json.RawMessage `json:"identity"`
		ResourceObject json.RawMessage `json:"resource_object"`
	} `json:"list_resource_found"`
}

// loadRooms decodes every list_resource_found line of path; each must carry its object.
func loadRooms(path string, objectType, identityType tftypes.Type) (*roomSet, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	set := &roomSet{byID: map[string]int{}}
	lines := bufio.NewScanner(bytes.NewReader(data))
	lines.Buffer(nil, 16<<20)
	for lines.Scan() {
		var l queryLine
		if json.Unmarshal(lines.Bytes(), &l) != nil || l.Type != "list_resource_found" || l.Found == nil {
			continue
		}
		if len(l.Found.ResourceObject) == 0 {
			return nil, fmt.Errorf("%s: %s has no resource_object (query with include_resource = true)", path, l.Found.DisplayName)
		}
		room, id, err := decodeRoom(l.Found.DisplayName, l.Found.ResourceObject, l.Found.Identity, objectType, identityType)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, l.Found.DisplayName, err)
		}
		set.byID[id] = len(set.rooms)
		set.rooms = append(set.rooms, room)
	}
	return set, lines.Err()
}

func decodeRoom(name string, object, identity json.RawMessage, objectType, identityType tftypes.Type) (listedRoom, string, error) {
	// RawState decodes JSON of a type the way stored state is decoded: the protocol's own reader.
	ov, err := (&tfprotov6.RawState{JSON: object}).Unmarshal(objectType)
	if err != nil {
		return listedRoom{}, "", err
	}
	iv, err := (&tfprotov6.RawState{JSON: identity}).Unmarshal(identityType)
	if err != nil {
		return listedRoom{}, "", err
	}
	var ids struct {
		RoomID string `json:"room_id"`
	}
	if err := json.Unmarshal(identity, &ids); err != nil || ids.RoomID == "" {
		return listedRoom{}, "", fmt.Errorf("identity %s has no room_id", identity)
	}
	od, err := tfprotov6.NewDynamicValue(objectType, ov)
	if err != nil {
		return listedRoom{}, "", err
	}
	idd, err := tfprotov6.NewDynamicValue(identityType, iv)
	if err != nil {
		return listedRoom{}, "", err
	}
	return listedRoom{displayName: name, object: &od, identity: &tfprotov6.ResourceIdentityData{IdentityData: &idd}}, ids.RoomID, nil
}

var _ tfprotov6.ListResourceServer = noop{}

func (noop) ValidateListResourceConfig(context.Context, *tfprotov6.ValidateListResourceConfigRequest) (*tfprotov6.ValidateListResourceConfigResponse, error) {
	return &tfprotov6.ValidateListResourceConfigResponse{}, nil
}

// ListResource returns the file's rooms whatever the filters say (the bench lists exactly them),
// at most req.Limit, with their objects when Terraform asks for them.
func (n noop) ListResource(_ context.Context, req *tfprotov6.ListResourceRequest) (*tfprotov6.ListResourceServerStream, error) {
	if n.rooms == nil {
		return &tfprotov6.ListResourceServerStream{Results: func(yield func(tfprotov6.ListResourceResult) bool) {
			yield(tfprotov6.ListResourceResult{Diagnostics: []*tfprotov6.Diagnostic{{
				Severity: tfprotov6.DiagnosticSeverityError, Summary: "No rooms to list",
				Detail: "the no-op provider lists the rooms of the file named by " + roomsFileEnv,
			}}})
		}}, nil
	}
	rooms := n.rooms.rooms
	if req.Limit > 0 && int64(len(rooms)) > req.Limit {
		rooms = rooms[:req.Limit]
	}
	return &tfprotov6.ListResourceServerStream{Results: func(yield func(tfprotov6.ListResourceResult) bool) {
		for _, r := range rooms {
			res := tfprotov6.ListResourceResult{DisplayName: r.displayName, Identity: r.identity}
			if req.IncludeResource {
				res.Resource = r.object
			}
			if !yield(res) {
				return
			}
		}
	}}, nil
}

// ImportResourceState answers a room of the file by its identity or ID; anything else is the
// framework's (which reads nothing for an import: Terraform's read after it is this provider's).
func (n noop) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	if n.rooms == nil || req.TypeName != roomType {
		return n.ProviderServer.ImportResourceState(ctx, req)
	}
	id := req.ID
	if req.Identity != nil && req.Identity.IdentityData != nil {
		v, err := req.Identity.IdentityData.Unmarshal(n.identities[roomType])
		if err != nil {
			return nil, err
		}
		var attrs map[string]tftypes.Value
		if err := v.As(&attrs); err != nil {
			return nil, err
		}
		if err := attrs["room_id"].As(&id); err != nil {
			return nil, err
		}
	}
	i, ok := n.rooms.byID[id]
	if !ok {
		return &tfprotov6.ImportResourceStateResponse{Diagnostics: []*tfprotov6.Diagnostic{{
			Severity: tfprotov6.DiagnosticSeverityError, Summary: "Cannot import non-existent remote object",
			Detail: fmt.Sprintf("room %q is not in %s", id, roomsFileEnv),
		}}}, nil
	}
	r := n.rooms.rooms[i]
	return &tfprotov6.ImportResourceStateResponse{ImportedResources: []*tfprotov6.ImportedResource{{
		TypeName: roomType, State: r.object, Identity: r.identity,
	}}}, nil
}
