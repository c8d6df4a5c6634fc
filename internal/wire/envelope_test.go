package wire

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

func offlineClient(t testing.TB) *Client {
	t.Helper()
	c, err := New(Config{SDKAppID: testAppID, SecretKey: testKey, Identifier: testAdmin, BaseURL: "http://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestInterpretSuccess(t *testing.T) {
	c := offlineClient(t)
	var resp struct{ RoomInfo RoomInfo }
	out := c.interpret(livespec.ServiceLive, "get_room_info", 200,
		[]byte(`{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","RequestId":"Id-1","Response":{"RoomInfo":{"RoomId":"r1","RoomName":"n"}}}`), &resp)
	if out.err != nil {
		t.Fatal(out.err)
	}
	if resp.RoomInfo.RoomID != "r1" || *resp.RoomInfo.RoomName != "n" {
		t.Errorf("payload not decoded from Response: %+v", resp.RoomInfo)
	}
	if out.requestID != "Id-1" || out.code != 0 || !out.enveloped {
		t.Errorf("outcome = %+v", out)
	}
}

func TestInterpretResponseAbsent(t *testing.T) {
	c := offlineClient(t)
	resp := struct{ Next string }{Next: "untouched"}
	out := c.interpret(livespec.ServiceLive, "destroy_room", 200, []byte(`{"ActionStatus":"OK","ErrorCode":0,"RequestId":"Id-2"}`), &resp)
	if out.err != nil || resp.Next != "untouched" {
		t.Errorf("err %v, resp %+v: a success without Response must leave resp alone", out.err, resp)
	}
	out = c.interpret(livespec.ServiceLive, "destroy_room", 200, []byte(`{"ActionStatus":"OK","ErrorCode":0,"Response":null}`), &resp)
	if out.err != nil {
		t.Errorf("Response null: %v", out.err)
	}
}

func TestInterpretTopLevelService(t *testing.T) {
	c := offlineClient(t)
	var resp struct{ ResultItem []accountResultItem }
	out := c.interpret(livespec.ServiceAccount, "account_check", 200,
		[]byte(`{"ActionStatus":"OK","ErrorCode":0,"ResultItem":[{"UserID":"u","ResultCode":0,"AccountStatus":"Imported"}]}`), &resp)
	if out.err != nil || len(resp.ResultItem) != 1 || resp.ResultItem[0].AccountStatus != "Imported" {
		t.Errorf("err %v, resp %+v", out.err, resp)
	}
}

func TestInterpretFailure(t *testing.T) {
	c := offlineClient(t)
	out := c.interpret(livespec.ServiceLive, "create_room", 200,
		[]byte(`{"ActionStatus":"FAIL","ErrorCode":100003,"ErrorInfo":"room id already exist","RequestId":"Id-abc-O-Seq-7"}`), nil)
	var e *Error
	if !errors.As(out.err, &e) {
		t.Fatalf("err = %v, want *Error", out.err)
	}
	want := &Error{Command: "create_room", Code: 100003, Message: "room id already exist", RequestID: "Id-abc-O-Seq-7", HTTPStatus: 200}
	if *e != *want {
		t.Errorf("error = %+v, want %+v", *e, *want)
	}
	if got := e.Error(); got != "create_room: 100003 room id already exist (RequestId Id-abc-O-Seq-7)" {
		t.Errorf("Error() = %q", got)
	}
	if out.retry != livespec.NoRetry {
		t.Errorf("100003 retry class = %v", out.retry)
	}
}

func TestInterpretFailureWithoutRequestIDOrInfo(t *testing.T) {
	c := offlineClient(t)
	out := c.interpret(livespec.ServiceLive, "get_room_info", 200, []byte(`{"ActionStatus":"FAIL","ErrorCode":100004}`), nil)
	if got := out.err.Error(); got != "get_room_info: 100004 room does not exist" {
		t.Errorf("Error() = %q, want the table meaning and no RequestId", got)
	}
	out = c.interpret(livespec.ServiceLive, "get_room_info", 200, []byte(`{"ActionStatus":"FAIL","ErrorCode":0,"ErrorInfo":""}`), nil)
	var e *Error
	if !errors.As(out.err, &e) || e.Code != 0 {
		t.Fatalf("FAIL without a code: err = %v", out.err)
	}
	if !strings.Contains(e.Error(), "ActionStatus FAIL") {
		t.Errorf("Error() = %q", e.Error())
	}
}

func TestInterpretMalformed(t *testing.T) {
	c := offlineClient(t)
	for _, body := range []string{``, `<html>502</html>`, `null`, `[]`, `"OK"`, `{"foo":1}`, `{"ActionStatus":"OK"`, `{"ErrorCode":"x"}`} {
		out := c.interpret(livespec.ServiceLive, "get_room_info", 200, []byte(body), nil)
		if !errors.Is(out.err, ErrMalformedResponse) {
			t.Errorf("body %q: err = %v, want ErrMalformedResponse", body, out.err)
		}
		if out.retry != livespec.NoRetry {
			t.Errorf("body %q is retried", body)
		}
	}
}

func TestInterpretPayloadTypeMismatch(t *testing.T) {
	c := offlineClient(t)
	var resp struct{ RoomInfo RoomInfo }
	out := c.interpret(livespec.ServiceLive, "get_room_info", 200,
		[]byte(`{"ActionStatus":"OK","ErrorCode":0,"RequestId":"Id-9","Response":{"RoomInfo":{"RoomId":5}}}`), &resp)
	if out.err == nil || !strings.Contains(out.err.Error(), "Id-9") {
		t.Errorf("err = %v, want a decode error naming the RequestId", out.err)
	}
}

func TestInterpretHTTPStatus(t *testing.T) {
	c := offlineClient(t)
	tests := []struct {
		status int
		body   string
		code   livespec.Code
		retry  livespec.Retry
		text   string
	}{
		{502, `<html><body>Bad gateway</body></html>`, 0, livespec.RetryBackoff, "get_room_info: HTTP 502 Bad Gateway: <html><body>Bad gateway</body></html>"},
		{503, ``, 0, livespec.RetryBackoff, "get_room_info: HTTP 503 Service Unavailable"},
		{429, `slow down`, 0, livespec.RetryBackoff, "get_room_info: HTTP 429 Too Many Requests: slow down"},
		{404, `not found`, 0, livespec.NoRetry, "get_room_info: HTTP 404 Not Found: not found"},
		{500, `{"ActionStatus":"FAIL","ErrorCode":100004,"ErrorInfo":"gone","RequestId":"Id-5"}`, 100004, livespec.RetryBackoff, "get_room_info: 100004 gone (RequestId Id-5)"},
		{400, `{"ActionStatus":"FAIL","ErrorCode":60003,"ErrorInfo":"bad json","RequestId":"Id-6"}`, 60003, livespec.NoRetry, "get_room_info: 60003 bad json (RequestId Id-6)"},
	}
	for _, tt := range tests {
		out := c.interpret(livespec.ServiceLive, "get_room_info", tt.status, []byte(tt.body), nil)
		var e *Error
		if !errors.As(out.err, &e) {
			t.Errorf("HTTP %d: err = %v, want *Error", tt.status, out.err)
			continue
		}
		if e.HTTPStatus != tt.status || e.Code != tt.code || out.retry != tt.retry {
			t.Errorf("HTTP %d: error %+v retry %v, want code %d retry %v", tt.status, *e, out.retry, tt.code, tt.retry)
		}
		if e.Error() != tt.text {
			t.Errorf("HTTP %d: Error() = %q, want %q", tt.status, e.Error(), tt.text)
		}
	}
}

func TestErrorAttemptsInText(t *testing.T) {
	e := &Error{Command: "destroy_room", Code: 100001, Message: "internal error", RequestID: "Id-1", Attempts: 9}
	if got := e.Error(); got != "destroy_room: 100001 internal error (RequestId Id-1; 9 attempts)" {
		t.Errorf("Error() = %q", got)
	}
}

func TestCodeOf(t *testing.T) {
	e := &Error{Command: "c", Code: 100004, RequestID: "Id-x"}
	if CodeOf(nil) != 0 || CodeOf(errors.New("x")) != 0 {
		t.Error("CodeOf of a non-*Error must be 0")
	}
	wrapped := fmt.Errorf("reading: %w", e)
	if CodeOf(wrapped) != 100004 || requestIDOf(wrapped) != "Id-x" {
		t.Errorf("CodeOf/RequestIDOf through a wrap = %v/%q", CodeOf(wrapped), requestIDOf(wrapped))
	}
}

func TestServerTextIsCleaned(t *testing.T) {
	c := offlineClient(t)
	long := strings.Repeat("é", 400)
	out := c.interpret(livespec.ServiceLive, "get_room_info", 200,
		[]byte(`{"ActionStatus":"FAIL","ErrorCode":100002,"ErrorInfo":"line1\nline2\u0000`+long+`"}`), nil)
	var e *Error
	if !errors.As(out.err, &e) {
		t.Fatal(out.err)
	}
	if strings.ContainsAny(e.Message, "\n\x00") || len(e.Message) > 310 || !strings.HasPrefix(e.Message, "line1 line2é") {
		t.Errorf("message not cleaned: %q (%d bytes)", e.Message[:40], len(e.Message))
	}
	if !strings.HasSuffix(e.Message, "é…") {
		t.Errorf("message cut inside a rune: %q", e.Message[len(e.Message)-8:])
	}
}

// requestIDOf returns the RequestId carried by err, or "".
func requestIDOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.RequestID
	}
	return ""
}
