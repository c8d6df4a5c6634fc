package account

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/emutest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Direct calls into tencentlive_account against an in-process emulator or a canned answer, for
// the paths the Terraform CLI cannot reach on purpose.

func newTestAccountResource(t *testing.T, opts emulator.Options) (*accountResource, *wire.Client, *emulator.Server) {
	t.Helper()
	emu, url := emutest.Serve(t, opts)
	c := emutest.Client(t, url)
	return &accountResource{data: &tfkit.ProviderData{Client: c, Settings: tfkit.Settings{Identifier: emulator.DefaultAdmin}}}, c, emu
}

// accountState returns a state of tencentlive_account holding only attrs.
func accountState(t *testing.T, attrs map[string]any) tfsdk.State {
	t.Helper()
	ctx := context.Background()
	var sr resource.SchemaResponse
	(&accountResource{}).Schema(ctx, resource.SchemaRequest{}, &sr)
	state := tfsdk.State{Schema: sr.Schema, Raw: tftypes.NewValue(sr.Schema.Type().TerraformType(ctx), nil)}
	for k, v := range attrs {
		if diags := state.SetAttribute(ctx, path.Root(k), v); diags.HasError() {
			t.Fatal(diags)
		}
	}
	return state
}

func imported(t *testing.T, c *wire.Client, userID string) bool {
	t.Helper()
	ok, err := CheckImported(context.Background(), c, userID)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

func TestAccountReadNotImportedRemovesItWithAWarning(t *testing.T) {
	r, _, _ := newTestAccountResource(t, emulator.Options{})
	state := accountState(t, map[string]any{"user_id": "ghost", "id": "ghost"})
	resp := &resource.ReadResponse{State: state}
	r.Read(context.Background(), resource.ReadRequest{State: state}, resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("want one warning, got %v", resp.Diagnostics)
	}
	want := `Account "ghost" is not imported (account_check answers NotImported); removing it from state. The next plan imports it again.`
	if w := resp.Diagnostics.Warnings()[0]; w.Summary() != "Account no longer exists" || w.Detail() != want {
		t.Fatalf("warning %q: %q", w.Summary(), w.Detail())
	}
	if !resp.State.Raw.IsNull() {
		t.Fatal("the account must be removed from state")
	}
}

// The API has no profile read: Read keeps nick and face_url as state has them, even when the
// service holds other values.
func TestAccountReadKeepsProfileValuesFromState(t *testing.T) {
	r, c, _ := newTestAccountResource(t, emulator.Options{})
	ctx := context.Background()
	if err := c.ImportAccount(ctx, wire.Account{UserID: "host-1", Nick: "Changed elsewhere"}); err != nil {
		t.Fatal(err)
	}
	state := accountState(t, map[string]any{"user_id": "host-1", "id": "host-1", "nick": "Jane", "delete_on_destroy": true})
	resp := &resource.ReadResponse{State: state}
	r.Read(ctx, resource.ReadRequest{State: state}, resp)
	var nick types.String
	resp.Diagnostics.Append(resp.State.GetAttribute(ctx, path.Root("nick"), &nick)...)
	if resp.Diagnostics.HasError() || nick.ValueString() != "Jane" {
		t.Fatalf("nick %s, %v", nick, resp.Diagnostics)
	}
}

func TestAccountDeleteTreatsMissingAccountAsDone(t *testing.T) {
	r, c, emu := newTestAccountResource(t, emulator.Options{})
	ctx := context.Background()
	if err := c.ImportAccount(ctx, wire.Account{UserID: "host-1"}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"host-1", "host-1", "never-imported"} { // the second delete finds it gone
		state := accountState(t, map[string]any{"user_id": id, "id": id, "delete_on_destroy": true})
		resp := &resource.DeleteResponse{State: state}
		r.Delete(ctx, resource.DeleteRequest{State: state}, resp)
		if resp.Diagnostics.HasError() {
			t.Fatalf("delete %s: %v", id, resp.Diagnostics)
		}
	}
	if imported(t, c, "host-1") {
		t.Fatal("host-1 is still imported")
	}
	if n := emu.Stats().Commands["account_delete"]; n != 3 {
		t.Fatalf("account_delete sent %d times, want 3", n)
	}
}

func TestAccountDeleteDisabledSaysWhatToDo(t *testing.T) {
	r, c, _ := newTestAccountResource(t, emulator.Options{AccountDeleteDisabled: true})
	ctx := context.Background()
	if err := c.ImportAccount(ctx, wire.Account{UserID: "host-1"}); err != nil {
		t.Fatal(err)
	}
	state := accountState(t, map[string]any{"user_id": "host-1", "id": "host-1", "delete_on_destroy": true})
	resp := &resource.DeleteResponse{State: state}
	r.Delete(ctx, resource.DeleteRequest{State: state}, resp)
	if resp.Diagnostics.ErrorsCount() != 1 {
		t.Fatalf("want one error, got %v", resp.Diagnostics)
	}
	d := resp.Diagnostics.Errors()[0]
	if d.Summary() != deletionDisabledSummary {
		t.Fatalf("summary %q", d.Summary())
	}
	for _, want := range []string{
		`Account "host-1": account_delete failed with 60017 (request disabled): request disabled: account deletion is turned off for this application.`,
		"\nRequestId: Id-",
		"\n\n" + deletionDisabledNote,
	} {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("detail lacks %q:\n%s", want, d.Detail())
		}
	}
	if !imported(t, c, "host-1") {
		t.Fatal("the account must still be there")
	}
}

// A per-account result saying deletion is disabled gets the same diagnostic as 60017.
func TestAccountDeleteDisabledPerItem(t *testing.T) {
	c := emutest.Canned(t, `{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ResultItem":[`+
		`{"UserID":"host-1","ResultCode":70403,"ResultInfo":"account deletion is disabled in the console"}]}`)
	r := &accountResource{data: &tfkit.ProviderData{Client: c}}
	state := accountState(t, map[string]any{"user_id": "host-1", "id": "host-1", "delete_on_destroy": true})
	resp := &resource.DeleteResponse{State: state}
	r.Delete(context.Background(), resource.DeleteRequest{State: state}, resp)
	if resp.Diagnostics.ErrorsCount() != 1 || resp.Diagnostics.Errors()[0].Summary() != deletionDisabledSummary {
		t.Fatalf("got %v", resp.Diagnostics)
	}
	if d := resp.Diagnostics.Errors()[0].Detail(); !strings.HasPrefix(d, `Account "host-1": account_delete failed with 70403 (the request needs App Admin privileges): account deletion is disabled in the console.`) {
		t.Fatalf("detail %q", d)
	}
}

func TestAccountKeptOnDestroyMakesNoRequest(t *testing.T) {
	r, c, emu := newTestAccountResource(t, emulator.Options{})
	ctx := context.Background()
	if err := c.ImportAccount(ctx, wire.Account{UserID: "host-1"}); err != nil {
		t.Fatal(err)
	}
	emu.ResetStats()
	state := accountState(t, map[string]any{"user_id": "host-1", "id": "host-1", "delete_on_destroy": false})
	resp := &resource.DeleteResponse{State: state}
	r.Delete(ctx, resource.DeleteRequest{State: state}, resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	if n := emu.Stats().Total; n != 0 {
		t.Fatalf("%d requests sent", n)
	}
	if !imported(t, c, "host-1") {
		t.Fatal("the account must still be there")
	}
}

func TestCheckAccountPerItemFailure(t *testing.T) {
	c := emutest.Canned(t, `{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ResultItem":[`+
		`{"UserID":"host-1","ResultCode":70500,"ResultInfo":"internal error","AccountStatus":""}]}`)
	_, err := CheckImported(context.Background(), c, "host-1")
	if wire.CodeOf(err) != livespec.CodeAccountInternal {
		t.Fatalf("want 70500, got %v", err)
	}
	_, err = CheckImported(context.Background(), c, "someone-else")
	if err == nil || err.Error() != `account_check answered without a result for "someone-else"` {
		t.Fatalf("got %v", err)
	}
}

func TestDeletionDisabled(t *testing.T) {
	for _, tc := range []struct {
		code    livespec.Code
		message string
		want    bool
	}{
		{60017, "request disabled", true},
		{60017, "", true},
		{70403, "Account deletion is DISABLED", true},
		{70500, "deleting accounts is forbidden for this app", true},
		{70402, "invalid parameter", false},
		{70500, "internal error", false},
	} {
		if got := deletionDisabled(tc.code, tc.message); got != tc.want {
			t.Errorf("%d %q: got %v", tc.code, tc.message, got)
		}
	}
}

func TestDeleteResultError(t *testing.T) {
	for _, tc := range []struct {
		name    string
		results []wire.AccountResult
		want    livespec.Code // -1: no error
	}{
		{"deleted", []wire.AccountResult{{UserID: "u"}}, -1},
		{"already gone", []wire.AccountResult{{UserID: "u", ResultCode: 70107, ResultInfo: "Err_TLS_PT_Open_Login_Account_Not_Exist"}}, -1},
		{"no result for it", []wire.AccountResult{{UserID: "other", ResultCode: 70500}}, -1},
		{"failed", []wire.AccountResult{{UserID: "other"}, {UserID: "u", ResultCode: 70500, ResultInfo: "internal"}}, 70500},
	} {
		err := deleteResultError(tc.results, "u")
		switch {
		case tc.want == -1 && err != nil:
			t.Errorf("%s: unexpected %v", tc.name, err)
		case tc.want != -1 && wire.CodeOf(err) != tc.want:
			t.Errorf("%s: want %d, got %v", tc.name, tc.want, err)
		}
	}
}

func TestExpandAccountLeavesUnsetValuesOut(t *testing.T) {
	got := expandAccount(accountModel{UserID: types.StringValue("u"), Nick: types.StringNull(), FaceURL: types.StringValue("https://x/a.png")})
	if got != (wire.Account{UserID: "u", FaceURL: "https://x/a.png"}) {
		t.Fatalf("got %+v", got)
	}
}

func TestAccountImportState(t *testing.T) {
	ctx := context.Background()
	r := &accountResource{}
	resp := &resource.ImportStateResponse{State: accountState(t, nil)}
	r.ImportState(ctx, resource.ImportStateRequest{ID: "host-1"}, resp)
	var m accountModel
	resp.Diagnostics.Append(resp.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.UserID.ValueString() != "host-1" || m.ID.ValueString() != "host-1" ||
		m.DeleteOnDestroy.ValueBool() || !m.Nick.IsNull() || !m.FaceURL.IsNull() {
		t.Fatalf("%+v %v", m, resp.Diagnostics)
	}

	for id, want := range map[string]string{
		"":                      "The import ID is empty; the vendor requires at least 1 byte (it would answer 70402). Use the account's user ID.",
		strings.Repeat("u", 33): "The import ID is 33 bytes; the vendor allows at most 32 bytes (it would answer 70402). Use the account's user ID.",
	} {
		resp := &resource.ImportStateResponse{State: accountState(t, nil)}
		r.ImportState(ctx, resource.ImportStateRequest{ID: id}, resp)
		if resp.Diagnostics.ErrorsCount() != 1 || resp.Diagnostics.Errors()[0].Detail() != want {
			t.Errorf("%q: %v", id, resp.Diagnostics)
		}
	}
}

// accountPlan returns a plan of tencentlive_account holding attrs.
func accountPlan(t *testing.T, attrs map[string]any) tfsdk.Plan {
	s := accountState(t, attrs)
	return tfsdk.Plan(s)
}

func TestAccountModifyPlanWarnsWhenAProfileValueIsRemoved(t *testing.T) {
	ctx := context.Background()
	r := &accountResource{}
	base := map[string]any{"user_id": "host-1", "id": "host-1", "delete_on_destroy": true}
	with := func(extra map[string]any) map[string]any {
		m := map[string]any{}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	state := accountState(t, with(map[string]any{"nick": "Jane", "face_url": "https://cdn/jane.png"}))
	for name, tc := range map[string]struct {
		plan map[string]any
		want []string // warned attributes
	}{
		"nick removed":      {with(map[string]any{"face_url": "https://cdn/jane.png"}), []string{"nick"}},
		"both emptied":      {with(map[string]any{"nick": "", "face_url": ""}), []string{"nick", "face_url"}},
		"nick changed":      {with(map[string]any{"nick": "Janet", "face_url": "https://cdn/jane.png"}), nil},
		"nothing changed":   {with(map[string]any{"nick": "Jane", "face_url": "https://cdn/jane.png"}), nil},
		"user id replaced":  {map[string]any{"user_id": "host-2", "delete_on_destroy": true}, nil},
		"destroy (no plan)": {nil, nil},
	} {
		plan := accountPlan(t, tc.plan) // nil attributes: a null plan
		resp := &resource.ModifyPlanResponse{Plan: plan}
		r.ModifyPlan(ctx, resource.ModifyPlanRequest{State: state, Plan: plan}, resp)
		var warned []string
		for _, w := range resp.Diagnostics.Warnings() {
			warned = append(warned, w.Summary()+": "+w.Detail())
		}
		if len(warned) != len(tc.want) {
			t.Errorf("%s: warnings %q", name, warned)
			continue
		}
		for i, attr := range tc.want {
			value := map[string]string{"nick": "Jane", "face_url": "https://cdn/jane.png"}[attr]
			want := fmt.Sprintf(`Profile value is not cleared: %s was %q and is now unset. account_import cannot clear a profile value, so account "host-1" keeps %s %q; only Terraform forgets it.`,
				attr, value, attr, value)
			if !strings.Contains(strings.Join(warned, "\n"), want) {
				t.Errorf("%s: warning %d: want %q, got %q", name, i, want, warned)
			}
		}
	}
}
