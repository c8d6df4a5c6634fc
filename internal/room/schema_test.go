package room

import (
	"context"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// changed returns v with another known value of its type, or false for a type it cannot change.
func changed(v attr.Value) (attr.Value, bool) {
	switch v := v.(type) {
	case seatTemplateValue:
		if v.ValueString() == "Karaoke" {
			return seatTemplateOf("AudioSalon"), true
		}
		return seatTemplateOf("Karaoke"), true
	case types.String:
		return types.StringValue(v.ValueString() + "-changed"), true
	case types.Int64:
		return types.Int64Value(v.ValueInt64() + 1), true
	case types.Bool:
		return types.BoolValue(!v.ValueBool()), true
	case types.List:
		return categoryList(append(categoryValues(v), 99)), true
	}
	return nil, false
}

// fullRoom is a room with a known value in every attribute the table can change.
func fullRoom() roomModel {
	m := defaultsPlan("r", "AudioSalon")
	m.MaxSeatCount = types.Int64Value(8)
	m.MaxMemberCount = types.Int64Value(500)
	m.CreateTime = types.Int64Value(1)
	m.UnlimitedRoom = types.BoolValue(false)
	m.KeepOwnerOnSeat = types.BoolValue(true)
	m.DeletionProtected = types.BoolValue(false)
	return m
}

// Every attribute of the schema is in the table with the rules its kind needs, and the rules
// act: a changed createOnly attribute replaces the room (RequiresReplace) and no other does;
// adoption converges every inPlace attribute and no other; an update sends a changed inPlace
// attribute. A new attribute left out of any of these fails here.
func TestEveryAttributeHasItsChangeRules(t *testing.T) {
	var sr resource.SchemaResponse
	NewResource().Schema(context.Background(), resource.SchemaRequest{}, &sr)
	inTable := map[string]bool{}
	converged := sentAttributes(expandConverge(fullRoom()))
	for _, a := range roomAttributes {
		inTable[a.name] = true
		t.Run(a.name, func(t *testing.T) {
			switch a.change {
			case createOnly:
				if a.replaces == nil {
					t.Fatal("createOnly without a replaces rule")
				}
				if (a.conflict == nil) == (a.notCompared == "") {
					t.Fatal("createOnly needs a conflict rule for adoption or a notCompared reason, not both")
				}
			case inPlace:
				if a.send == nil || a.apiField == "" {
					t.Fatal("inPlace without send or apiField")
				}
				if !slices.Contains(converged, a.name) {
					t.Fatalf("adoption does not converge it: sent %v", converged)
				}
			case computed, ownCommands, terraformOnly:
			default:
				t.Fatalf("no change kind (%d)", a.change)
			}
			if a.change != createOnly && (a.replaces != nil || a.conflict != nil || a.notCompared != "") {
				t.Fatal("only createOnly attributes have replace and adoption rules")
			}
			if a.change != inPlace && (a.send != nil || slices.Contains(converged, a.name)) {
				t.Fatal("only inPlace attributes are sent by update_room_info")
			}

			state := fullRoom()
			plan := state
			v, ok := changed(a.bind(&plan, a.name).get())
			if !ok {
				if a.change == createOnly || a.change == inPlace {
					t.Fatalf("the test cannot change a %T", a.bind(&plan, a.name).get())
				}
				return
			}
			if !a.bind(&plan, a.name).set(v) {
				t.Fatalf("cannot set %T", v)
			}
			replaced := slices.ContainsFunc(replacedAttributes(state, plan, plan), func(p path.Path) bool { return p.Equal(path.Root(a.name)) })
			if replaced != (a.change == createOnly) {
				t.Fatalf("a changed value: RequiresReplace %v, want %v", replaced, a.change == createOnly)
			}
			update, sent := expandUpdate(plan, state)
			if sent != (a.change == inPlace) || (sent && !slices.Contains(sentAttributes(update), a.name)) {
				t.Fatalf("a changed value: update sends %v (%+v), want it sent: %v", sent, update, a.change == inPlace)
			}
		})
	}
	for name := range sr.Schema.Attributes {
		if !inTable[name] {
			t.Errorf("schema attribute %s is not in roomAttributes", name)
		}
	}
}
