package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/provider"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/release"
)

// `terraform query -json` output, as the bench saves it: other lines are skipped.
const queryOutput = `{"@level":"info","type":"version","terraform":"1.16.4"}
{"@level":"info","type":"list_resource_found","list_resource_found":{"address":"list.tencentlive_room.adopted","display_name":"Room 0 (r0)","identity":{"room_id":"r0","sdk_app_id":1400000000},"resource_type":"tencentlive_room","resource_object":{"room_id":"r0","room_name":"Room 0","seat_template":"Karaoke"}}}
{"@level":"info","type":"list_resource_found","list_resource_found":{"address":"list.tencentlive_room.adopted","display_name":"r1","identity":{"room_id":"r1","sdk_app_id":1400000000},"resource_type":"tencentlive_room","resource_object":{"room_id":"r1","seat_template":"AudioSalon"}}}
{"@level":"info","type":"list_complete","list_complete":{"total":2}}
`

func noopWithRooms(t *testing.T) noop {
	t.Helper()
	path := filepath.Join(t.TempDir(), "rooms.json")
	if err := os.WriteFile(path, []byte(queryOutput), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(roomsFileEnv, path)
	return newNoop(providerserver.NewProtocol6(provider.New(release.Version)())())
}

// The list answers the file's rooms in order, up to the limit, with objects only when asked.
func TestNoopListsTheRoomsOfTheFile(t *testing.T) {
	n := noopWithRooms(t)
	ctx := context.Background()
	for _, tt := range []struct {
		limit   int64
		include bool
		want    []string
	}{{0, true, []string{"Room 0 (r0)", "r1"}}, {1, false, []string{"Room 0 (r0)"}}} {
		stream, err := n.ListResource(ctx, &tfprotov6.ListResourceRequest{TypeName: roomType, Limit: tt.limit, IncludeResource: tt.include})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for r := range stream.Results {
			if len(r.Diagnostics) > 0 || r.Identity == nil || (r.Resource != nil) != tt.include {
				t.Fatalf("result %q: diagnostics %v, identity %v, resource %v (include_resource %v)", r.DisplayName, r.Diagnostics, r.Identity, r.Resource, tt.include)
			}
			got = append(got, r.DisplayName)
		}
		if len(got) != len(tt.want) || got[0] != tt.want[0] {
			t.Errorf("limit %d: listed %q, want %q", tt.limit, got, tt.want)
		}
	}
}

// An import by identity answers the room's object from the file, as a read would.
func TestNoopImportsARoomOfTheFileByIdentity(t *testing.T) {
	n := noopWithRooms(t)
	idType := n.identities[roomType]
	id, err := tfprotov6.NewDynamicValue(idType, tftypes.NewValue(idType, map[string]tftypes.Value{
		"room_id": tftypes.NewValue(tftypes.String, "r1"), "sdk_app_id": tftypes.NewValue(tftypes.Number, 1400000000),
	}))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := n.ImportResourceState(context.Background(), &tfprotov6.ImportResourceStateRequest{
		TypeName: roomType, Identity: &tfprotov6.ResourceIdentityData{IdentityData: &id}})
	if err != nil || len(resp.Diagnostics) > 0 || len(resp.ImportedResources) != 1 {
		t.Fatalf("import: %v, %+v", err, resp)
	}
	v, err := resp.ImportedResources[0].State.Unmarshal(n.types[roomType])
	if err != nil {
		t.Fatal(err)
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil || !attrs["seat_template"].Equal(tftypes.NewValue(tftypes.String, "AudioSalon")) {
		t.Errorf("imported seat_template %v (%v), want AudioSalon", attrs["seat_template"], err)
	}
	resp, _ = n.ImportResourceState(context.Background(), &tfprotov6.ImportResourceStateRequest{TypeName: roomType, ID: "nowhere"})
	if len(resp.Diagnostics) != 1 {
		t.Errorf("a room not in the file: %+v, want one error", resp)
	}
}
