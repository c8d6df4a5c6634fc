package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/testclock"
)

// testEpoch is the fake clock's start; far from the wall clock, so anything that reads
// time.Now instead of Options.Now shows up as a failure.
var testEpoch = time.Date(2031, 3, 1, 12, 0, 0, 0, time.UTC)

// newFakeClock is the emulator tests' clock: it moves only when a test advances it.
func newFakeClock() *testclock.Manual { return testclock.NewManual(testEpoch) }

// harness drives a Server in process, with a fake clock unless the options bring their own.
type harness struct {
	t     testing.TB
	s     *Server
	clock *testclock.Manual
}

func newHarness(t testing.TB, opts Options) *harness {
	t.Helper()
	clock := newFakeClock()
	if opts.Now == nil {
		opts.Now = clock.Now
	}
	s, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return &harness{t: t, s: s, clock: clock}
}

// envelope is a decoded answer.
type envelope struct {
	HTTPStatus   int
	ActionStatus string
	ErrorCode    int
	ErrorInfo    string
	RequestID    string `json:"RequestId"`
	Response     json.RawMessage
	Fields       map[string]json.RawMessage // every top-level field
}

// servicePath returns "/v4/<service>/<command>" for a known command name.
func servicePath(command string) string {
	for path, spec := range commands {
		if spec.name == command {
			return apiPrefix + path
		}
	}
	return apiPrefix + livespec.ServiceLive + "/" + command
}

// query builds the common query for identifier with a valid sig.
func (h *harness) query(identifier string) string {
	return authQuery(h.s.SDKAppID(), identifier, h.s.UserSig(identifier))
}

func authQuery(sdkAppID uint64, identifier, sig string) string {
	v := url.Values{}
	v.Set("sdkappid", strconv.FormatUint(sdkAppID, 10))
	v.Set("identifier", identifier)
	v.Set("usersig", sig)
	v.Set("random", "12345")
	v.Set("contenttype", "json")
	return v.Encode()
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// call sends a command as the default admin. body is a JSON string or a value to marshal.
func (h *harness) call(command string, body any) envelope {
	h.t.Helper()
	return h.do(http.MethodPost, servicePath(command), h.query(DefaultAdmin), body)
}

func (h *harness) do(method, path, rawQuery string, body any) envelope {
	h.t.Helper()
	text, ok := body.(string)
	if !ok {
		text = jsonText(body)
	}
	req := &http.Request{
		Method: method,
		URL:    &url.URL{Path: path, RawQuery: rawQuery},
		Header: http.Header{"Content-Type": {"application/json"}},
		Body:   http.NoBody,
	}
	if text != "" {
		req.Body = io.NopCloser(strings.NewReader(text))
	}
	req = req.WithContext(h.t.Context())
	rec := httptest.NewRecorder()
	h.s.ServeHTTP(rec, req)
	return decodeEnvelope(h.t, rec.Code, rec.Body.Bytes())
}

func decodeEnvelope(t testing.TB, status int, body []byte) envelope {
	t.Helper()
	env := envelope{HTTPStatus: status}
	if status != http.StatusOK {
		return env
	}
	if err := json.Unmarshal(body, &env); err != nil {
		t.Fatalf("answer is not JSON: %v: %s", err, body)
	}
	if err := json.Unmarshal(body, &env.Fields); err != nil {
		t.Fatalf("answer is not an object: %s", body)
	}
	return env
}

// mustOK fails the test unless the answer is a success.
func (e envelope) mustOK(t testing.TB) envelope {
	t.Helper()
	if e.HTTPStatus != http.StatusOK || e.ErrorCode != 0 || e.ActionStatus != "OK" {
		t.Fatalf("want success, got HTTP %d code %d %q", e.HTTPStatus, e.ErrorCode, e.ErrorInfo)
	}
	return e
}

func (e envelope) mustCode(t testing.TB, code livespec.Code) {
	t.Helper()
	if e.HTTPStatus != http.StatusOK {
		t.Fatalf("want HTTP 200 with code %d, got HTTP %d", code, e.HTTPStatus)
	}
	if e.ErrorCode != int(code) {
		t.Fatalf("want ErrorCode %d, got %d (%q)", code, e.ErrorCode, e.ErrorInfo)
	}
	wantStatus := "FAIL"
	if code == 0 {
		wantStatus = "OK"
	}
	if e.ActionStatus != wantStatus {
		t.Fatalf("ActionStatus %q with ErrorCode %d", e.ActionStatus, e.ErrorCode)
	}
}

// decodeResponse unmarshals Response into v.
func (e envelope) decodeResponse(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(e.Response, v); err != nil {
		t.Fatalf("Response %s: %v", e.Response, err)
	}
}

// world is everything a request may change.
type world struct {
	Rooms    []Room
	Accounts []Account
}

func (h *harness) world() world { return world{h.s.Rooms(), h.s.Accounts()} }

func (h *harness) mustUnchanged(before world) {
	h.t.Helper()
	if after := h.world(); !reflect.DeepEqual(before, after) {
		h.t.Fatalf("a failed request changed state:\nbefore %+v\nafter  %+v", before, after)
	}
}

// createRoom creates a video room owned by the default admin, then moves the clock past the
// once-per-second window so later creates of the same ID meet the duplicate rules.
func (h *harness) createRoom(id string, extra map[string]any) {
	h.t.Helper()
	info := map[string]any{"RoomId": id, "RoomType": "Live", "SeatTemplate": "VideoDynamicGrid9Seats"}
	for k, v := range extra {
		info[k] = v
	}
	h.call("create_room", map[string]any{"RoomInfo": info}).mustOK(h.t)
	h.clock.Advance(2 * time.Second)
}

func (h *harness) importAccount(id string) {
	h.t.Helper()
	h.call("account_import", map[string]any{"UserID": id}).mustOK(h.t)
}

func (h *harness) roomInfo(id string) map[string]json.RawMessage {
	h.t.Helper()
	var resp struct{ RoomInfo map[string]json.RawMessage }
	h.call("get_room_info", map[string]any{"RoomId": id}).mustOK(h.t).decodeResponse(h.t, &resp)
	return resp.RoomInfo
}
