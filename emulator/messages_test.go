package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// sendAnswer is the Response of send_text_msg and send_custom_msg.
type sendAnswer struct {
	MsgTime       int64
	MsgSeq        int64
	MsgDropReason *string
}

func (h *harness) send(command string, body any) sendAnswer {
	h.t.Helper()
	var resp sendAnswer
	h.call(command, body).mustOK(h.t).decodeResponse(h.t, &resp)
	return resp
}

func (h *harness) messages(roomID string) []Message {
	h.t.Helper()
	msgs, err := h.s.Messages(roomID)
	if err != nil {
		h.t.Fatalf("Messages(%q): %v", roomID, err)
	}
	return msgs
}

func textBody(roomID, sender, text string) map[string]any {
	return map[string]any{"RoomId": roomID, "Sender_Account": sender, "TextContent": text}
}

func TestSendTextMessage(t *testing.T) {
	h := newHarness(t, Options{})
	h.createRoom("r1", nil)
	h.importAccount("alice")
	first := h.send("send_text_msg", textBody("r1", "alice", "hello"))
	if first.MsgSeq != 1 || first.MsgTime != h.clock.Now().Unix() || first.MsgDropReason != nil {
		t.Fatalf("first answer %+v, want MsgSeq 1 at %d and no drop reason", first, h.clock.Now().Unix())
	}
	h.clock.Advance(3 * time.Second)
	withExt := textBody("r1", DefaultAdmin, "second")
	withExt["ExtensionInfo"] = `{"data":1,"value":2}`
	second := h.send("send_text_msg", withExt)
	if second.MsgSeq != 2 || second.MsgTime != first.MsgTime+3 {
		t.Fatalf("second answer %+v", second)
	}
	want := []Message{
		{Type: MessageText, Sender: "alice", Text: "hello", Seq: 1, Time: first.MsgTime},
		{Type: MessageText, Sender: DefaultAdmin, Text: "second", ExtensionInfo: `{"data":1,"value":2}`, Seq: 2, Time: second.MsgTime},
	}
	if got := h.messages("r1"); !reflect.DeepEqual(got, want) {
		t.Fatalf("room received %+v, want %+v", got, want)
	}
}

func TestSendCustomMessage(t *testing.T) {
	h := newHarness(t, Options{})
	h.createRoom("r1", nil)
	h.importAccount("bob")
	a := h.send("send_custom_msg", map[string]any{"RoomId": "r1", "Sender_Account": "bob", "BusinessId": "notice", "Data": `{"v":1}`})
	// Sender_Account is optional for custom messages: the calling App Admin sends it.
	b := h.send("send_custom_msg", map[string]any{"RoomId": "r1", "BusinessId": "gift", "Data": "x"})
	want := []Message{
		{Type: MessageCustom, Sender: "bob", BusinessID: "notice", Data: `{"v":1}`, Seq: a.MsgSeq, Time: a.MsgTime},
		{Type: MessageCustom, Sender: DefaultAdmin, BusinessID: "gift", Data: "x", Seq: b.MsgSeq, Time: b.MsgTime},
	}
	if a.MsgSeq != 1 || b.MsgSeq != 2 {
		t.Fatalf("sequence %d, %d; want 1, 2", a.MsgSeq, b.MsgSeq)
	}
	if got := h.messages("r1"); !reflect.DeepEqual(got, want) {
		t.Fatalf("room received %+v, want %+v", got, want)
	}
}

// Text and custom messages share one sequence per room; rooms have their own.
func TestMessageSequenceIsPerRoom(t *testing.T) {
	h := newHarness(t, Options{})
	h.createRoom("r1", nil)
	h.createRoom("r2", nil)
	h.send("send_text_msg", textBody("r1", DefaultAdmin, "a"))
	if got := h.send("send_custom_msg", map[string]any{"RoomId": "r1", "BusinessId": "b", "Data": "c"}).MsgSeq; got != 2 {
		t.Fatalf("custom message after a text one got MsgSeq %d, want 2", got)
	}
	if got := h.send("send_text_msg", textBody("r2", DefaultAdmin, "a")).MsgSeq; got != 1 {
		t.Fatalf("first message of another room got MsgSeq %d, want 1", got)
	}
}

func TestSendMessageErrors(t *testing.T) {
	h := newHarness(t, Options{})
	h.createRoom("r1", nil)
	h.createRoom("gone", nil)
	h.call("destroy_room", map[string]any{"RoomId": "gone"}).mustOK(t)
	maxText := strings.Repeat("x", livespec.MaxMessageBytes)
	custom := func(fields map[string]any) map[string]any {
		body := map[string]any{"RoomId": "r1", "BusinessId": "b", "Data": "d"}
		for k, v := range fields {
			if v == nil {
				delete(body, k)
			} else {
				body[k] = v
			}
		}
		return body
	}
	text := func(fields map[string]any) map[string]any {
		body := textBody("r1", DefaultAdmin, "hi")
		for k, v := range fields {
			if v == nil {
				delete(body, k)
			} else {
				body[k] = v
			}
		}
		return body
	}
	for _, tc := range []struct {
		name    string
		command string
		body    any
		want    livespec.Code
	}{
		{"no room id", "send_text_msg", text(map[string]any{"RoomId": nil}), livespec.CodeInvalidParam},
		{"room id too long", "send_text_msg", text(map[string]any{"RoomId": strings.Repeat("r", 49)}), livespec.CodeInvalidParam},
		{"text without sender", "send_text_msg", text(map[string]any{"Sender_Account": nil}), livespec.CodeInvalidParam},
		{"sender not a string", "send_text_msg", text(map[string]any{"Sender_Account": 42}), livespec.CodeAccountNotString},
		{"sender too long", "send_text_msg", text(map[string]any{"Sender_Account": strings.Repeat("u", 33)}), livespec.CodeInvalidParam},
		{"sender empty", "send_custom_msg", custom(map[string]any{"Sender_Account": ""}), livespec.CodeInvalidParam},
		{"no text", "send_text_msg", text(map[string]any{"TextContent": nil}), livespec.CodeInvalidParam},
		{"empty text", "send_text_msg", text(map[string]any{"TextContent": ""}), livespec.CodeInvalidParam},
		{"text not a string", "send_text_msg", text(map[string]any{"TextContent": 7}), livespec.CodeInvalidParam},
		{"extension not JSON", "send_text_msg", text(map[string]any{"ExtensionInfo": "{not json"}), livespec.CodeInvalidParam},
		{"text too large", "send_text_msg", text(map[string]any{"TextContent": maxText + "x"}), livespec.CodeInvalidParam},
		{"text and extension too large", "send_text_msg", text(map[string]any{"TextContent": maxText[2:], "ExtensionInfo": "{}x"}), livespec.CodeInvalidParam},
		{"no business id", "send_custom_msg", custom(map[string]any{"BusinessId": nil}), livespec.CodeInvalidParam},
		{"no data", "send_custom_msg", custom(map[string]any{"Data": nil}), livespec.CodeInvalidParam},
		{"data not a string", "send_custom_msg", custom(map[string]any{"Data": map[string]any{"a": 1}}), livespec.CodeInvalidParam},
		{"custom too large", "send_custom_msg", custom(map[string]any{"BusinessId": "b", "Data": maxText}), livespec.CodeInvalidParam},
		{"room never created", "send_text_msg", text(map[string]any{"RoomId": "nope"}), livespec.CodeRoomNotFound},
		{"room dismissed", "send_custom_msg", custom(map[string]any{"RoomId": "gone"}), livespec.CodeRoomNotFound},
		{"text sender never imported", "send_text_msg", text(map[string]any{"Sender_Account": "stranger"}), livespec.CodeAccountNotImported},
		{"custom sender never imported", "send_custom_msg", custom(map[string]any{"Sender_Account": "stranger"}), livespec.CodeAccountNotImported},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h.call(tc.command, tc.body).mustCode(t, tc.want)
			if got := h.messages("r1"); len(got) != 0 {
				t.Fatalf("a refused send delivered %+v", got)
			}
		})
	}
	// The limits are inclusive: exactly MaxMessageBytes is delivered.
	h.send("send_text_msg", text(map[string]any{"TextContent": maxText[2:], "ExtensionInfo": "{}"}))
	h.send("send_custom_msg", custom(map[string]any{"BusinessId": "b", "Data": maxText[1:]}))
	if got := len(h.messages("r1")); got != 2 {
		t.Fatalf("%d messages at the size limit delivered, want 2", got)
	}
}

// A room takes RoomMessageRate messages a second; the next is answered OK with a MsgSeq and
// MsgDropReason "MsgFreqCtrl", and nobody receives it.
func TestRoomFrequencyControl(t *testing.T) {
	h := newHarness(t, Options{})
	h.createRoom("busy", nil)
	h.createRoom("quiet", nil)
	for i := 1; i <= livespec.RoomMessageRate; i++ {
		if a := h.send("send_text_msg", textBody("busy", DefaultAdmin, fmt.Sprint(i))); a.MsgDropReason != nil {
			t.Fatalf("message %d dropped within the room's rate", i)
		}
	}
	over := h.send("send_custom_msg", map[string]any{"RoomId": "busy", "BusinessId": "b", "Data": "dropped"})
	if over.MsgDropReason == nil || *over.MsgDropReason != livespec.MsgDropFrequencyControl {
		t.Fatalf("message over the rate answered %+v, want MsgDropReason %q", over, livespec.MsgDropFrequencyControl)
	}
	if over.MsgSeq != livespec.RoomMessageRate+1 {
		t.Fatalf("dropped message MsgSeq %d, want %d", over.MsgSeq, livespec.RoomMessageRate+1)
	}
	// Another room has its own budget.
	if a := h.send("send_text_msg", textBody("quiet", DefaultAdmin, "hi")); a.MsgDropReason != nil {
		t.Fatal("frequency control of one room dropped another room's message")
	}
	h.clock.Advance(time.Second)
	after := h.send("send_text_msg", textBody("busy", DefaultAdmin, "later"))
	if after.MsgDropReason != nil || after.MsgSeq != livespec.RoomMessageRate+2 {
		t.Fatalf("a second later: %+v", after)
	}
	got := h.messages("busy")
	if len(got) != livespec.RoomMessageRate+1 {
		t.Fatalf("room received %d messages, want %d", len(got), livespec.RoomMessageRate+1)
	}
	for _, m := range got {
		if m.Data == "dropped" {
			t.Fatal("the dropped message was delivered")
		}
	}
	if last := got[len(got)-1]; last.Text != "later" || last.Seq != livespec.RoomMessageRate+2 {
		t.Fatalf("last received %+v", last)
	}
}

// A room dismissed and created again under the same ID starts with no messages and MsgSeq 1.
func TestRecreatedRoomStartsAfresh(t *testing.T) {
	h := newHarness(t, Options{})
	h.createRoom("r1", nil)
	h.send("send_text_msg", textBody("r1", DefaultAdmin, "old"))
	h.call("destroy_room", map[string]any{"RoomId": "r1"}).mustOK(t)
	if _, err := h.s.Messages("r1"); !errors.Is(err, ErrNoSuchRoom) {
		t.Fatalf("Messages of a dismissed room: %v, want ErrNoSuchRoom", err)
	}
	h.createRoom("r1", nil)
	if got := h.messages("r1"); len(got) != 0 {
		t.Fatalf("re-created room carries %+v", got)
	}
	if a := h.send("send_text_msg", textBody("r1", DefaultAdmin, "new")); a.MsgSeq != 1 {
		t.Fatalf("first message of the re-created room got MsgSeq %d", a.MsgSeq)
	}
}

// Only the newest maxKeptMessages are remembered; sequence numbers go on.
func TestKeptMessagesAreBounded(t *testing.T) {
	h := newHarness(t, Options{})
	h.createRoom("r1", nil)
	total := maxKeptMessages + 5
	for i := 1; i <= total; i++ {
		if i%livespec.RoomMessageRate == 0 {
			h.clock.Advance(time.Second)
		}
		h.send("send_text_msg", textBody("r1", DefaultAdmin, fmt.Sprint(i)))
	}
	got := h.messages("r1")
	if len(got) != maxKeptMessages || got[0].Seq != 6 || got[len(got)-1].Seq != int64(total) {
		t.Fatalf("kept %d messages, seq %d..%d", len(got), got[0].Seq, got[len(got)-1].Seq)
	}
}

// Both commands are limited at the documented 200/s per SDKAppID, whatever the rooms' rates.
func TestMessageCommandRates(t *testing.T) {
	h := newHarness(t, Options{QPS: DocumentedQPS})
	h.createRoom("r1", nil)
	for _, command := range []string{"send_text_msg", "send_custom_msg"} {
		if r := livespec.CommandRate(command); r != 200 {
			t.Fatalf("%s documented at %g/s, want 200", command, r)
		}
		body := map[string]any{"RoomId": "r1", "Sender_Account": DefaultAdmin, "TextContent": "t", "BusinessId": "b", "Data": "d"}
		for i := 0; i < 200; i++ {
			h.call(command, body).mustOK(t)
		}
		h.call(command, body).mustCode(t, livespec.CodeRateLimited)
	}
}

// A lost answer (applied, then a 502) still delivered the message: a client that repeats the
// send delivers it twice, which is why the wire client does not.
func TestLostAnswerOfSendDelivered(t *testing.T) {
	h := newHarness(t, Options{Faults: 1, Seed: seedFor(t, faultLostBadGateway)})
	h.s.faults.setRate(0)
	h.createRoom("r1", nil)
	h.s.faults.setRate(1)
	if env := h.call("send_text_msg", textBody("r1", DefaultAdmin, "once")); env.HTTPStatus != http.StatusBadGateway {
		t.Fatalf("HTTP %d, want the lost answer's 502", env.HTTPStatus)
	}
	if got := h.messages("r1"); len(got) != 1 || got[0].Text != "once" {
		t.Fatalf("room received %+v, want the message whose answer was lost", got)
	}
}

func TestMessagesIntrospectionOverHTTP(t *testing.T) {
	h := newHarness(t, Options{})
	h.createRoom("r 1", nil)
	h.importAccount("alice")
	a := h.send("send_text_msg", textBody("r 1", "alice", "hello"))
	h.s.faults.setRate(1) // introspection never faults
	srv := httptest.NewServer(h.s)
	defer srv.Close()

	get := func(method, query string) (int, []byte) {
		req, _ := http.NewRequestWithContext(t.Context(), method, srv.URL+"/_emulator/messages"+query, nil)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		data, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, data
	}
	status, body := get(http.MethodGet, "?RoomId=r+1")
	if status != http.StatusOK {
		t.Fatalf("HTTP %d: %s", status, body)
	}
	var got []map[string]any
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{{
		"MsgType": MessageText, "Sender_Account": "alice", "TextContent": "hello",
		"MsgSeq": float64(1), "MsgTime": float64(a.MsgTime),
	}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("GET messages: %s", body)
	}
	for _, tc := range []struct {
		method, query string
		want          int
	}{
		{http.MethodGet, "?RoomId=nope", http.StatusNotFound},
		{http.MethodGet, "", http.StatusBadRequest},
		{http.MethodPost, "?RoomId=r+1", http.StatusMethodNotAllowed},
	} {
		if status, body := get(tc.method, tc.query); status != tc.want {
			t.Errorf("%s messages%s: HTTP %d, want %d (%s)", tc.method, tc.query, status, tc.want, body)
		}
	}
	if st := h.s.Stats(); st.Commands["send_text_msg"] != 1 || st.Faults != 0 {
		t.Fatalf("introspection was counted or faulted: %+v", st)
	}
}
