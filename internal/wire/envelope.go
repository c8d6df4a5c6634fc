package wire

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"unicode"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Error is an answer from the service that is not a success: an envelope with a non-zero
// ErrorCode, or an HTTP failure status (then Code is usually 0). Its text never carries the
// secret key or a UserSig, even when the server echoes them.
type Error struct {
	Command    string
	Code       livespec.Code
	Message    string // the vendor's ErrorInfo (or the HTTP status text), redacted
	RequestID  string // the vendor's RequestId; quote it to Tencent support
	HTTPStatus int
	Endpoint   string // the BaseURL the request went to: a wrong data centre answers 70016/70020
	Attempts   int    // requests sent for this call, retries included
	// UnansweredBefore: an earlier attempt of this call got no answer from the service (a lost
	// connection, a timeout, a gateway error), so it may have taken effect.
	UnansweredBefore bool
}

// Error reads like "create_room: 100003 room id already exists (RequestId Id-…)".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Command)
	b.WriteString(": ")
	switch {
	case e.Code != 0:
		fmt.Fprintf(&b, "%d %s", int(e.Code), e.Message)
	case e.HTTPStatus != 0 && e.HTTPStatus != http.StatusOK:
		fmt.Fprintf(&b, "HTTP %d %s", e.HTTPStatus, http.StatusText(e.HTTPStatus))
		if e.Message != "" {
			b.WriteString(": ")
			b.WriteString(e.Message)
		}
	default:
		b.WriteString(e.Message)
	}
	var notes []string
	if e.RequestID != "" {
		notes = append(notes, "RequestId "+e.RequestID)
	}
	if e.Attempts > 1 {
		notes = append(notes, fmt.Sprintf("%d attempts", e.Attempts))
	}
	if len(notes) > 0 {
		b.WriteString(" (" + strings.Join(notes, "; ") + ")")
	}
	return b.String()
}

// CodeOf returns the vendor code carried by err, or 0 when err is not (or does not wrap) an
// *Error.
func CodeOf(err error) livespec.Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

// ErrMalformedResponse marks an answer that is not the vendor's JSON envelope: usually a wrong
// endpoint, or a proxy answering in its place.
var ErrMalformedResponse = errors.New("response is not the API's JSON envelope")

// ErrResponseTooLarge marks an answer larger than MaxResponseBytes.
var ErrResponseTooLarge = fmt.Errorf("response larger than %d bytes", MaxResponseBytes)

// envelope is the frame of every answer: ActionStatus, ErrorCode, ErrorInfo, RequestId, and for
// live_engine_http_srv the payload under Response.
type envelope struct {
	ActionStatus *string         `json:"ActionStatus"`
	ErrorCode    *int64          `json:"ErrorCode"`
	ErrorInfo    string          `json:"ErrorInfo"`
	RequestID    string          `json:"RequestId"`
	Response     json.RawMessage `json:"Response"`
}

func decodeEnvelope(body []byte) (envelope, error) {
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		return envelope{}, fmt.Errorf("%w: %s", ErrMalformedResponse, jsonProblem(err))
	}
	if env.ActionStatus == nil && env.ErrorCode == nil {
		return envelope{}, fmt.Errorf("%w: neither ActionStatus nor ErrorCode present", ErrMalformedResponse)
	}
	return env, nil
}

func (env envelope) code() livespec.Code {
	if env.ErrorCode == nil {
		return 0
	}
	return livespec.Code(*env.ErrorCode)
}

func (env envelope) failed() bool {
	return env.code() != 0 || (env.ActionStatus != nil && *env.ActionStatus == "FAIL")
}

// outcome is what one attempt came to, and whether (and how) it may be repeated.
type outcome struct {
	err       error
	retry     livespec.Retry
	code      livespec.Code
	requestID string
	status    int
	enveloped bool // the body was the API envelope
}

// topLevelServices put their payload beside the envelope fields instead of under Response.
var topLevelServices = map[string]bool{
	livespec.ServiceAccount: true,
	"profile":               true,
	"group_open_http_svc":   true,
	"openim":                true,
}

// wholeAnswer, passed as Call's resp, decodes the entire answer into into, not only Response:
// most gift reads put their payload beside the envelope fields, and some answers are read in
// either place.
type wholeAnswer struct{ into any }

// interpret turns one HTTP answer into an outcome, decoding the payload into resp on success.
// It must not panic on any input (FuzzDecodeEnvelope).
func (c *Client) interpret(service, command string, status int, body []byte, resp any) outcome {
	env, envErr := decodeEnvelope(body)
	out := outcome{status: status, requestID: c.redact(env.RequestID), code: env.code(), enveloped: envErr == nil}

	if status < 200 || status > 299 {
		e := &Error{Command: command, HTTPStatus: status, RequestID: out.requestID}
		if envErr == nil && env.failed() {
			e.Code, e.Message = env.code(), c.message(env)
			out.retry = env.code().Info().Retry
		} else {
			e.Message = c.snippet(body)
		}
		// Gateways answer 5xx and 429 while the service is overloaded or restarting.
		if status >= 500 || status == http.StatusTooManyRequests {
			out.retry = livespec.RetryBackoff
		}
		out.err = e
		return out
	}
	if envErr != nil {
		out.err = fmt.Errorf("%s: %w (HTTP %d, body starts %q); check the endpoint", command, envErr, status, c.snippet(body))
		return out
	}
	if env.failed() {
		out.err = &Error{Command: command, Code: env.code(), Message: c.message(env), RequestID: out.requestID, HTTPStatus: status}
		out.retry = env.code().Info().Retry
		return out
	}
	if resp == nil {
		return out
	}
	payload := []byte(env.Response)
	if whole, ok := resp.(wholeAnswer); ok {
		payload, resp = body, whole.into
	} else if topLevelServices[service] {
		payload = body
	}
	if len(payload) == 0 || string(payload) == "null" {
		return out // success without a payload: resp keeps its zero value
	}
	if err := json.Unmarshal(payload, resp); err != nil {
		out.err = fmt.Errorf("%s: decoding the response (RequestId %s): %s", command, out.requestID, c.redact(jsonProblem(err)))
	}
	return out
}

// message is the vendor's ErrorInfo, or the table's meaning when the vendor sent none.
func (c *Client) message(env envelope) string {
	if msg := c.clean(env.ErrorInfo, 300); msg != "" {
		return msg
	}
	if env.code() == 0 {
		return "ActionStatus FAIL without an ErrorCode"
	}
	return env.code().Info().Meaning
}

// snippet is the start of a non-envelope body, safe to show.
func (c *Client) snippet(body []byte) string { return c.clean(string(body), 120) }

var usersigParam = regexp.MustCompile(`(?i)(usersig=)[^&\s"'<>]*`)

// redact removes the secret key and any UserSig from server-supplied text: a proxy error page
// may echo the request URL.
func (c *Client) redact(s string) string {
	if s == "" {
		return s
	}
	for _, secret := range c.sigs.secrets() {
		s = strings.ReplaceAll(s, secret, "***")
	}
	return usersigParam.ReplaceAllString(s, "${1}***")
}

// clean redacts s, drops control characters and cuts it to at most limit bytes.
func (c *Client) clean(s string, limit int) string {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return ' '
		}
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(c.redact(s))
	if len(s) > limit {
		cut := limit
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// jsonProblem describes a decode error without quoting the input.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("invalid JSON at byte %d", syn.Offset)
	case errors.As(err, &typ):
		if typ.Field != "" {
			return fmt.Sprintf("field %s: JSON %s where %s was expected", typ.Field, typ.Value, typ.Type)
		}
		return fmt.Sprintf("JSON %s where %s was expected", typ.Value, typ.Type)
	}
	return err.Error()
}
