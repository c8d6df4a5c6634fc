package giftkit

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/emutest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// testGiftKind is the gift list's kind, as internal/gift declares it.
var testGiftKind = ListKind[wire.GiftRecord]{
	Noun: "gift", PrefixAttribute: "gift_id_prefix", IDsAttribute: "gift_ids", MaxIDBytes: 20, DocumentedReads: "get_gift",
	FromCatalog: func(cat wire.GiftCatalog) []wire.GiftRecord { return cat.Gifts },
	ID:          func(g wire.GiftRecord) string { return g.ID },
	ReadOne:     (*wire.Client).ReadGift,
	NotFound:    wire.ErrGiftNotFound,
}

var listCatalog = emulator.GiftCatalog{
	Gifts: []emulator.Gift{
		{GiftID: "rose-2", DefaultName: "Rose bouquet", Coins: 50},
		{GiftID: "car-1", DefaultName: "Car", Coins: 900},
		{GiftID: "rose-1", DefaultName: "Rose", Coins: 10, Languages: map[string]emulator.GiftText{"zh-Hans": {Name: "玫瑰"}}},
	},
	Categories: []emulator.GiftCategory{{CategoryID: "hot", DefaultName: "Hot", GiftIDs: []string{"rose-1", "car-1"}}},
}

func idsOf(gifts []wire.GiftRecord) string {
	var ids []string
	for _, g := range gifts {
		ids = append(ids, g.ID)
	}
	return fmt.Sprint(ids)
}

func query(prefix *string, ids ...string) ListQuery {
	q := ListQuery{Prefix: types.StringPointerValue(prefix), IDs: types.ListNull(types.StringType), Timeout: types.StringNull()}
	if ids != nil {
		q.IDs = types.ListValueMust(types.StringType, stringValues(ids))
	}
	return q
}

// The bulk read answers every selection, sorted by ID: all, a prefix, named IDs, both (their
// union), a limit; a named ID that is not there fails the query with nothing found.
func TestListFindFromTheBulkRead(t *testing.T) {
	ctx := context.Background()
	emu, url := emutest.ServeCatalog(t, emulator.Options{}, listCatalog)
	c := emutest.RetryingClient(t, url, 0)
	s := &Session{}
	rose := "rose-"
	cases := []struct {
		name  string
		q     ListQuery
		limit int64
		want  string
	}{
		{"all", query(nil), 0, "[car-1 rose-1 rose-2]"},
		{"prefix", query(&rose), 0, "[rose-1 rose-2]"},
		{"named", query(nil, "rose-2", "car-1"), 0, "[car-1 rose-2]"},
		{"prefix and named", query(&rose, "car-1"), 0, "[car-1 rose-1 rose-2]"},
		{"limit", query(nil), 2, "[car-1 rose-1]"},
	}
	for _, tc := range cases {
		found, failure := testGiftKind.Find(ctx, s, c, tc.q, tc.limit)
		if failure != nil {
			t.Fatalf("%s: %v", tc.name, failure.Err)
		}
		if got := idsOf(found); got != tc.want {
			t.Errorf("%s: found %s, want %s", tc.name, got, tc.want)
		}
	}
	if n := emu.Stats().Commands["get_gift_info_list"]; n != 1 {
		t.Errorf("%d bulk reads for %d queries of one process, want 1", n, len(cases))
	}
	found, failure := testGiftKind.Find(ctx, s, c, query(&rose, "rose-1", "tulip"), 0)
	if failure == nil || found != nil || failure.Attribute != "gift_ids" {
		t.Fatalf("a named gift that does not exist: found %s, failure %+v", idsOf(found), failure)
	}
	var diags diag.Diagnostics
	failure.Add(&diags, "Unable to list gifts")
	if !diags.HasError() || !containsAll(diags[0].Detail(), `"tulip"`, "gift_ids") {
		t.Fatalf("diagnostic %v does not name the missing gift and gift_ids", diags)
	}
}

// Without the bulk read the named gifts are read one by one; a prefix, or no filter at all,
// cannot be answered and says so on its attribute; a read that fails part way returns nothing.
func TestListFindWithoutTheBulkRead(t *testing.T) {
	ctx := context.Background()
	_, url := emutest.ServeCatalog(t, emulator.Options{NoGiftInfoList: true}, listCatalog)
	c := emutest.RetryingClient(t, url, 0)
	s := &Session{}
	found, failure := testGiftKind.Find(ctx, s, c, query(nil, "rose-1"), 0)
	if failure != nil {
		t.Fatal(failure.Err)
	}
	if len(found) != 1 || found[0].ID != "rose-1" || found[0].Languages["zh-Hans"].Name != "玫瑰" {
		t.Fatalf("documented read of rose-1: %+v", found)
	}
	rose := "rose-"
	for attribute, q := range map[string]ListQuery{"gift_id_prefix": query(&rose, "rose-1"), "gift_ids": query(nil)} {
		if _, failure := testGiftKind.Find(ctx, s, c, q, 0); failure == nil || failure.Attribute != attribute {
			t.Errorf("without the bulk read, %s: %+v, want a failure on %s", attribute, failure, attribute)
		}
	}
	found, failure = testGiftKind.Find(ctx, s, c, query(nil, "rose-1", "tulip", "car-1"), 0)
	if failure == nil || found != nil || failure.Attribute != "gift_ids" {
		t.Fatalf("a read failing part way: found %s, failure %+v", idsOf(found), failure)
	}
}

// A query whose every request fails gives up at its timeout with the deadline in its message.
func TestListFindGivesUpAtTheTimeout(t *testing.T) {
	_, url := emutest.ServeCatalog(t, emulator.Options{Faults: 1}, listCatalog)
	c := emutest.RetryingClient(t, url, 0)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	found, failure := testGiftKind.Find(ctx, &Session{}, c, query(nil), 0)
	if failure == nil || found != nil || !errors.Is(failure.Err, context.DeadlineExceeded) {
		t.Fatalf("found %s, failure %+v", idsOf(found), failure)
	}
	var diags diag.Diagnostics
	failure.Add(&diags, "Unable to list gifts")
	if !diags.HasError() || !containsAll(diags[0].Detail(), "timeout") {
		t.Fatalf("diagnostic %v does not mention the timeout", diags)
	}
}

func TestListValidate(t *testing.T) {
	ok := query(nil, "rose-1")
	cases := map[string]struct {
		q    ListQuery
		want string // the attribute blamed; "" for valid
	}{
		"unset":          {query(nil), ""},
		"named":          {ok, ""},
		"empty list":     {query(nil, []string{}...), "gift_ids"},
		"empty entry":    {query(nil, ""), "gift_ids"},
		"long entry":     {query(nil, "a-gift-id-of-21-bytes"), "gift_ids"},
		"bad timeout":    {ListQuery{Prefix: ok.Prefix, IDs: ok.IDs, Timeout: types.StringValue("soon")}, "timeout"},
		"zero timeout":   {ListQuery{Prefix: ok.Prefix, IDs: ok.IDs, Timeout: types.StringValue("0s")}, "timeout"},
		"a good timeout": {ListQuery{Prefix: ok.Prefix, IDs: ok.IDs, Timeout: types.StringValue("90s")}, ""},
	}
	for name, tc := range cases {
		var diags diag.Diagnostics
		testGiftKind.Validate(tc.q, &diags)
		switch {
		case tc.want == "" && diags.HasError():
			t.Errorf("%s: refused: %v", name, diags)
		case tc.want != "" && !diags.HasError():
			t.Errorf("%s: accepted, want an error on %s", name, tc.want)
		case tc.want != "":
			if d, ok := diags[0].(diag.DiagnosticWithPath); !ok || d.Path().String() != tc.want {
				t.Errorf("%s: error %v, want it on %s", name, diags[0], tc.want)
			}
		}
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

func stringValues(ss []string) []attr.Value {
	out := make([]attr.Value, len(ss))
	for i, s := range ss {
		out[i] = types.StringValue(s)
	}
	return out
}
