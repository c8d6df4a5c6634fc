package room

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/emutest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// invokeMessage runs the action's Invoke with a text message to roomID through c.
func invokeMessage(t *testing.T, c *wire.Client, roomID string) action.InvokeResponse {
	t.Helper()
	ctx := context.Background()
	a := &messageAction{data: &tfkit.ProviderData{Client: c, Settings: tfkit.Settings{Identifier: emulator.DefaultAdmin}}}
	var schemaResp action.SchemaResponse
	a.Schema(ctx, action.SchemaRequest{}, &schemaResp)
	typ := schemaResp.Schema.Type().TerraformType(ctx)
	attrs := map[string]tftypes.Value{}
	for name := range schemaResp.Schema.GetAttributes() {
		attrs[name] = tftypes.NewValue(tftypes.String, nil)
	}
	attrs["room_id"] = tftypes.NewValue(tftypes.String, roomID)
	attrs["text"] = tftypes.NewValue(tftypes.String, "hello")
	req := action.InvokeRequest{Config: tfsdk.Config{Schema: schemaResp.Schema, Raw: tftypes.NewValue(typ, attrs)}}
	var resp action.InvokeResponse
	a.Invoke(ctx, req, &resp)
	return resp
}

// A send answered 100001 may have been delivered: it is sent once, and the error says so,
// although the client retries 100001 for every other command.
func TestMessageActionNeverResendsAfter100001(t *testing.T) {
	var sends atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "send_text_msg") {
			sends.Add(1)
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"ActionStatus":"FAIL","ErrorCode":100001,"ErrorInfo":"internal error","RequestId":"req-%d"}`, sends.Load())
	}))
	t.Cleanup(srv.Close)
	resp := invokeMessage(t, emutest.RetryingClient(t, srv.URL, 0), "lounge")
	if !resp.Diagnostics.HasError() {
		t.Fatal("a send answered 100001 succeeded")
	}
	if n := sends.Load(); n != 1 {
		t.Fatalf("send_text_msg sent %d times, want once", n)
	}
	if detail := resp.Diagnostics[0].Detail(); !strings.Contains(detail, "100001") || !strings.Contains(detail, "may have been delivered") {
		t.Fatalf("detail %q does not name the code and the possible delivery", detail)
	}
}

// A room dismissed between plan and invoke fails with the vendor's 100004, blamed on room_id,
// and nothing is delivered.
func TestMessageActionToADismissedRoom(t *testing.T) {
	emu, url := emutest.Serve(t, emulator.Options{})
	c := emutest.RetryingClient(t, url, 0)
	resp := invokeMessage(t, c, "gone")
	if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics[0].Detail(), "100004") {
		t.Fatalf("diagnostics %v, want 100004", resp.Diagnostics)
	}
	if n := emu.Stats().Commands["send_text_msg"]; n != 1 {
		t.Fatalf("send_text_msg sent %d times, want once", n)
	}
}

// A message is sent as the identifier when no sender is set, and the room receives it once.
func TestMessageActionDelivers(t *testing.T) {
	emu, url := emutest.Serve(t, emulator.Options{})
	c := emutest.RetryingClient(t, url, 0)
	if err := c.CreateRoom(context.Background(), wire.RoomInfo{RoomID: "lounge", SeatTemplate: new("AudioSalon")}); err != nil {
		t.Fatal(err)
	}
	resp := invokeMessage(t, c, "lounge")
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	got, err := emu.Messages("lounge")
	if err != nil || len(got) != 1 || got[0].Text != "hello" || got[0].Sender != emulator.DefaultAdmin {
		t.Fatalf("the room received %+v (%v), want one text from the identifier", got, err)
	}
}
