package wire

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

func TestSendMessageRequestsAndAnswers(t *testing.T) {
	api := newFakeAPI(t, nil, func(n int, _ recorded, w http.ResponseWriter, _ *http.Request) {
		if n == 0 {
			writeOK(w, n, map[string]any{"MsgTime": 1750074420, "MsgSeq": 25, "MsgDropReason": "MsgFreqCtrl"})
			return
		}
		writeOK(w, n, map[string]any{"MsgTime": 1750074421, "MsgSeq": 26}) // no drop reason
	})
	c := newTestClient(t, api, newFakeClock(), nil)
	ctx := context.Background()
	sent, err := c.SendTextMessage(ctx, TextMessage{RoomID: "r1", Sender: "u1", Text: "hi", ExtensionInfo: `{"a":1}`})
	if err != nil {
		t.Fatal(err)
	}
	if sent != (SentMessage{MsgTime: 1750074420, MsgSeq: 25, MsgDropReason: livespec.MsgDropFrequencyControl}) || !sent.Dropped() {
		t.Errorf("text answer %+v", sent)
	}
	sent, err = c.SendCustomMessage(ctx, CustomMessage{RoomID: "r1", BusinessID: "b", Data: "d"})
	if err != nil {
		t.Fatal(err)
	}
	if sent != (SentMessage{MsgTime: 1750074421, MsgSeq: 26}) || sent.Dropped() {
		t.Errorf("custom answer %+v", sent)
	}
	reqs := api.Requests()
	if reqs[0].Path != "/v4/live_engine_http_srv/send_text_msg" || reqs[1].Path != "/v4/live_engine_http_srv/send_custom_msg" {
		t.Errorf("paths %s, %s", reqs[0].Path, reqs[1].Path)
	}
	jsonEqual(t, reqs[0].Body, `{"RoomId":"r1","Sender_Account":"u1","TextContent":"hi","ExtensionInfo":"{\"a\":1}"}`)
	// Without a sender the field is left out, so the App Admin sends the custom message.
	jsonEqual(t, reqs[1].Body, `{"RoomId":"r1","BusinessId":"b","Data":"d"}`)
}

// A send is repeated only after answers that say it was not executed; any failure that may
// come after delivery ends the call after one request, and says so through MaybeSent.
func TestSendMessageRetriesOnlyUnexecutedRefusals(t *testing.T) {
	hangUp := func(n int, w http.ResponseWriter, _ *http.Request) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			panic(err)
		}
		conn.Close()
	}
	badGateway := func(n int, w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusBadGateway) }
	for _, tc := range []struct {
		name      string
		fail      func(int, http.ResponseWriter, *http.Request)
		requests  int
		maybeSent bool
	}{
		{"100001", failWith(100001), 1, true},
		{"70500", failWith(70500), 1, true},
		{"http 502", badGateway, 1, true},
		{"dropped connection", hangUp, 1, true},
		{"60007", failWith(60007), 2, false},
		{"60011", failWith(60011), 2, false},
		{"100012", failWith(100012), 2, false},
		{"70001", failWith(70001), 2, false},
		{"100004", failWith(100004), 1, false},
		{"70107", failWith(70107), 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, send := range []func(c *Client) error{
				func(c *Client) error {
					_, err := c.SendTextMessage(context.Background(), TextMessage{RoomID: "r", Sender: "u", Text: "t"})
					return err
				},
				func(c *Client) error {
					_, err := c.SendCustomMessage(context.Background(), CustomMessage{RoomID: "r", BusinessID: "b", Data: "d"})
					return err
				},
			} {
				api := newFakeAPI(t, nil, failThenOK(1, tc.fail))
				c := newTestClient(t, api, newFakeClock(), nil)
				err := send(c)
				if n := len(api.Requests()); n != tc.requests {
					t.Fatalf("%d requests, want %d (err %v)", n, tc.requests, err)
				}
				if tc.requests == 2 && err != nil {
					t.Fatalf("a refusal that executed nothing was not retried to success: %v", err)
				}
				if tc.requests == 1 && err == nil {
					t.Fatal("the failure was not reported")
				}
				if MaybeSent(err) != tc.maybeSent {
					t.Fatalf("MaybeSent(%v) = %v, want %v", err, !tc.maybeSent, tc.maybeSent)
				}
			}
		})
	}
}

// The same failures are retried for idempotent commands: the rule is the send's, not the client's.
func TestIdempotentCommandsStillRetry100001(t *testing.T) {
	api := newFakeAPI(t, nil, failThenOK(1, failWith(100001)))
	c := newTestClient(t, api, newFakeClock(), nil)
	if _, err := c.GetRoomInfo(context.Background(), "r"); err != nil && CodeOf(err) == livespec.CodeInternal {
		t.Fatalf("get_room_info not retried after 100001: %v", err)
	}
	if n := len(api.Requests()); n != 2 {
		t.Fatalf("%d requests, want 2", n)
	}
}

// Nothing listens: the request never left, so the send is retried (and nothing was sent).
func TestSendMessageRetriesRefusedConnection(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	c, err := New(Config{SDKAppID: testAppID, SecretKey: testKey, Identifier: testAdmin, BaseURL: "http://" + addr,
		Clock: newFakeClock(), MaxRetries: 2})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.SendTextMessage(context.Background(), TextMessage{RoomID: "r", Sender: "u", Text: "t"})
	var ce *ConnectionError
	if !errors.As(err, &ce) || ce.Attempts != maxRefusedAttempts || MaybeSent(err) {
		t.Fatalf("err = %v (MaybeSent %v), want a refused connection after %d attempts", err, MaybeSent(err), maxRefusedAttempts)
	}
}

func TestMaybeSentClassifiesFailures(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{nil, false},
		{&Error{Code: 100001}, true},
		{&Error{Code: 60008}, true},
		{&Error{Code: 60007}, false},
		{&Error{Code: 100002}, false},
		{&Error{HTTPStatus: 503}, true},
		{&Error{HTTPStatus: 404}, false},
		{fmt.Errorf("send_text_msg: %w", &ConnectionError{Reason: NoAnswer}), true},
		{&ConnectionError{Reason: HostNotFound}, false},
		{&ConnectionError{Reason: Untrusted}, false},
		{fmt.Errorf("send_text_msg: %w", ErrMalformedResponse), true},
		{fmt.Errorf("send_text_msg: %w", context.Canceled), true},
		{ErrNotIdle, false},
	} {
		if got := MaybeSent(tc.err); got != tc.want {
			t.Errorf("MaybeSent(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

func TestEmulatorMessages(t *testing.T) {
	c, srv := startEmulator(t, emulator.Options{}, realClockFake())
	ctx := context.Background()
	if err := c.ImportAccount(ctx, Account{UserID: "host1"}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"wire-msg", "wire-gone"} {
		if err := c.CreateRoom(ctx, RoomInfo{RoomID: id, OwnerAccount: ptr("host1"), SeatTemplate: ptr("VideoDynamicGrid9Seats")}); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.DestroyRoom(ctx, "wire-gone"); err != nil {
		t.Fatal(err)
	}

	text, err := c.SendTextMessage(ctx, TextMessage{RoomID: "wire-msg", Sender: "host1", Text: "hello", ExtensionInfo: `{"k":"v"}`})
	if err != nil || text.MsgSeq != 1 || text.MsgTime == 0 || text.Dropped() {
		t.Fatalf("text: %+v, %v", text, err)
	}
	custom, err := c.SendCustomMessage(ctx, CustomMessage{RoomID: "wire-msg", BusinessID: "notice", Data: `{"n":1}`})
	if err != nil || custom.MsgSeq != 2 {
		t.Fatalf("custom: %+v, %v", custom, err)
	}
	got, err := srv.Messages("wire-msg")
	if err != nil {
		t.Fatal(err)
	}
	want := []emulator.Message{
		{Type: emulator.MessageText, Sender: "host1", Text: "hello", ExtensionInfo: `{"k":"v"}`, Seq: 1, Time: text.MsgTime},
		{Type: emulator.MessageCustom, Sender: emulator.DefaultAdmin, BusinessID: "notice", Data: `{"n":1}`, Seq: 2, Time: custom.MsgTime},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("room received %+v, want %+v", got, want)
	}

	_, err = c.SendTextMessage(ctx, TextMessage{RoomID: "wire-gone", Sender: "host1", Text: "late"})
	if CodeOf(err) != livespec.CodeRoomNotFound || MaybeSent(err) {
		t.Errorf("send to a dismissed room: %v", err)
	}
	_, err = c.SendCustomMessage(ctx, CustomMessage{RoomID: "wire-msg", Sender: "stranger", BusinessID: "b", Data: "d"})
	if CodeOf(err) != livespec.CodeAccountNotImported || MaybeSent(err) {
		t.Errorf("send by an account never imported: %v", err)
	}

	var dropped int
	for i := range livespec.RoomMessageRate + 5 {
		sent, err := c.SendTextMessage(ctx, TextMessage{RoomID: "wire-msg", Sender: "host1", Text: fmt.Sprint(i)})
		if err != nil {
			t.Fatal(err)
		}
		if sent.Dropped() {
			dropped++
		}
	}
	if dropped == 0 {
		t.Error("more than the room's rate in a moment, and nothing was dropped by frequency control")
	}
}

// Every request fails (100001, 502, dropped connections, answers lost after delivery): each
// send goes out exactly once, the room holds exactly the messages whose answers were lost after
// delivery, and none twice.
func TestEmulatorFaultySendsAreNotRepeated(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.json")
	setup, setupSrv := startEmulator(t, emulator.Options{StatePath: state}, realClockFake())
	ctx := context.Background()
	if err := setup.ImportAccount(ctx, Account{UserID: "host1"}); err != nil {
		t.Fatal(err)
	}
	if err := setup.CreateRoom(ctx, RoomInfo{RoomID: "wire-faults", OwnerAccount: ptr("host1"), SeatTemplate: ptr("AudioSalon")}); err != nil {
		t.Fatal(err)
	}
	if err := setupSrv.Close(); err != nil {
		t.Fatal(err)
	}

	c, srv := startEmulator(t, emulator.Options{StatePath: state, Faults: 1, Seed: 7}, realClockFake())
	const sends = 30
	for i := range sends {
		var err error
		if i%2 == 0 {
			_, err = c.SendTextMessage(ctx, TextMessage{RoomID: "wire-faults", Sender: "host1", Text: fmt.Sprint(i)})
		} else {
			_, err = c.SendCustomMessage(ctx, CustomMessage{RoomID: "wire-faults", Sender: "host1", BusinessID: "b", Data: fmt.Sprint(i)})
		}
		if err == nil || !MaybeSent(err) {
			t.Fatalf("send %d: err %v (MaybeSent %v), want a failure that may have delivered", i, err, MaybeSent(err))
		}
	}
	st := srv.Stats()
	if st.Total != sends {
		t.Fatalf("the emulator saw %d requests for %d sends: a send was repeated", st.Total, sends)
	}
	if s := c.Stats(); s.Retries != 0 {
		t.Fatalf("the client retried %d times", s.Retries)
	}
	applied := st.FaultKinds["applied_then_http_502"] + st.FaultKinds["applied_then_dropped_connection"]
	if applied == 0 || st.FaultKinds["internal_error_100001"] == 0 {
		t.Fatalf("the fault mix lacks lost answers or 100001: %v", st.FaultKinds)
	}
	got, err := srv.Messages("wire-faults")
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(got)) != applied {
		t.Fatalf("room received %d messages, %d sends were applied", len(got), applied)
	}
	seen := map[string]bool{}
	for _, m := range got {
		content := m.Text + m.Data
		if seen[content] {
			t.Fatalf("message %q delivered twice", content)
		}
		seen[content] = true
	}
}

// Refusals for rate (60007) executed nothing: the send is retried and delivered once.
func TestEmulatorRateRefusedSendsAreRetried(t *testing.T) {
	c, srv := startEmulator(t, emulator.Options{QPS: 1}, realClockFake())
	ctx := context.Background()
	if err := c.CreateRoom(ctx, RoomInfo{RoomID: "wire-rate", SeatTemplate: ptr("VideoDynamicGrid9Seats")}); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, err := c.SendTextMessage(ctx, TextMessage{RoomID: "wire-rate", Sender: emulator.DefaultAdmin, Text: fmt.Sprint(i)}); err != nil {
			t.Fatal(err)
		}
	}
	if s := c.Stats(); s.ByCode[livespec.CodeRateLimited] == 0 || s.Retries == 0 {
		t.Fatalf("the emulator never refused a send for its rate: %+v", s)
	}
	got, err := srv.Messages("wire-rate")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Text != "0" || got[1].Text != "1" || got[2].Text != "2" || got[2].Seq != 3 {
		t.Fatalf("room received %+v, want 0, 1, 2 once each", got)
	}
}
