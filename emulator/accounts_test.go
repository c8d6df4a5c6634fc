package emulator

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestAccountCommands(t *testing.T) {
	h := newHarness(t, Options{})
	if got := h.s.Accounts(); !reflect.DeepEqual(got, []Account{{UserID: DefaultAdmin}}) {
		t.Fatalf("admins are not imported at start: %v", got)
	}

	// account_import is idempotent and keeps the profile unless given again.
	env := h.call("account_import", map[string]any{"UserID": "alice", "Nick": "Alice", "FaceUrl": "https://f/a.png"}).mustOK(t)
	if _, ok := env.Fields["Response"]; ok {
		t.Fatal("account_import answered a Response")
	}
	h.call("account_import", map[string]any{"UserID": "alice"}).mustOK(t)

	// multiaccount_import, both forms; invalid IDs come back in FailAccounts.
	env = h.call("multiaccount_import", map[string]any{"Accounts": []string{"bob", "", "x123456789012345678901234567890123"}}).mustOK(t)
	if got := string(env.Fields["FailAccounts"]); got != `["","x123456789012345678901234567890123"]` {
		t.Fatalf("FailAccounts %s", got)
	}
	env = h.call("multiaccount_import", map[string]any{"AccountList": []map[string]string{{"UserID": "carol", "Nick": "C"}}}).mustOK(t)
	if got := string(env.Fields["FailAccounts"]); got != `[]` {
		t.Fatalf("FailAccounts %s", got)
	}
	want := []Account{{UserID: DefaultAdmin}, {UserID: "alice", Nick: "Alice", FaceURL: "https://f/a.png"}, {UserID: "bob"}, {UserID: "carol", Nick: "C"}}
	sortAccounts(want)
	if got := h.s.Accounts(); !reflect.DeepEqual(got, want) {
		t.Fatalf("accounts\n got %v\nwant %v", got, want)
	}

	// account_check answers per item at the top level.
	env = h.call("account_check", map[string]any{"CheckItem": []map[string]string{{"UserID": "alice"}, {"UserID": "nobody"}}}).mustOK(t)
	var items []struct {
		UserID        string
		ResultCode    int
		ResultInfo    string
		AccountStatus string
	}
	if err := json.Unmarshal(env.Fields["ResultItem"], &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[0].AccountStatus != "Imported" || items[1].AccountStatus != "NotImported" || items[0].ResultCode != 0 {
		t.Fatalf("ResultItem %+v", items)
	}

	// account_delete: per-item 70107 for unknown IDs, the envelope still OK.
	env = h.call("account_delete", map[string]any{"DeleteItem": []map[string]string{{"UserID": "bob"}, {"UserID": "nobody"}}}).mustOK(t)
	var del []struct {
		UserID     string
		ResultCode int
		ResultInfo string
	}
	if err := json.Unmarshal(env.Fields["ResultItem"], &del); err != nil {
		t.Fatal(err)
	}
	if len(del) != 2 || del[0].ResultCode != 0 || del[1].ResultCode != 70107 || del[1].ResultInfo != "Err_TLS_PT_Open_Login_Account_Not_Exist" {
		t.Fatalf("delete ResultItem %+v", del)
	}
	for _, a := range h.s.Accounts() {
		if a.UserID == "bob" {
			t.Fatal("bob still imported")
		}
	}
}

func sortAccounts(a []Account) {
	for i := range a {
		for j := i + 1; j < len(a); j++ {
			if a[j].UserID < a[i].UserID {
				a[i], a[j] = a[j], a[i]
			}
		}
	}
}
