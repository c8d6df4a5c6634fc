package wire

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"syscall"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/tencentyun/tls-sig-api-v2-golang/tencentyun"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Backoff between retries: full jitter over a ceiling that doubles from backoffBase up to
// backoffCap. A 100012 answer waits at least sameRoomCreateWait.
const (
	backoffBase        = 100 * time.Millisecond
	backoffCap         = 5 * time.Second
	sameRoomCreateWait = time.Second
)

// An endpoint that cannot be reached ends a call after a few attempts, whatever MaxRetries says:
// retries are for a service that answers but is briefly overloaded, and minutes of them in
// front of an unreachable endpoint only delay the error that says what to check.
const (
	// Nothing accepts connections: the request never reached a server. A server or emulator
	// that is restarting gets the first backoffs (up to 100 ms, then 200 ms) to come back.
	maxRefusedAttempts = 3
	// The endpoint took the request and stayed silent for RequestTimeout (10 s, where the
	// vendor's backend gives up after 3 s). A second attempt, on a new connection, covers one
	// stale or black-holed connection; a second silence means the endpoint does not answer.
	maxNoAnswerAttempts = 2
)

// Client sends requests to the vendor REST API. It is safe for concurrent use; one provider
// instance shares one Client, so its limiter covers everything that instance does.
type Client struct {
	cfg     Config
	sigs    *sigCache
	limiter *limiter
	stats   *statsRecorder
}

// Clock returns the Client's time source, for callers that pace their own work by it.
func (c *Client) Clock() Clock { return c.cfg.Clock }

// SDKAppID returns the application the Client acts for, which resource identities record so
// that two applications' objects with one ID are told apart.
func (c *Client) SDKAppID() uint64 { return c.cfg.SDKAppID }

// New validates cfg and returns a Client. Validation errors name the Config field.
func New(cfg Config) (*Client, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, fmt.Errorf("invalid wire configuration: %w", err)
	}
	return &Client{
		cfg: cfg,
		sigs: &sigCache{
			sdkAppID:   int(cfg.SDKAppID),
			key:        cfg.SecretKey,
			identifier: cfg.Identifier,
			sign:       tencentyun.GenUserSig,
		},
		limiter: newLimiter(cfg.Clock, cfg.RequestsPerSecond, cfg.SharedGiftRateBudget, newPaceLedger(cfg)),
		stats:   newStatsRecorder(),
	}, nil
}

// ErrNotIdle is what a call made with a WhenIdle context returns when its command had no free
// request slot: nothing was sent.
var ErrNotIdle = errors.New("wire: no idle request slot; the optional call was not sent")

type whenIdleKey struct{}

// WhenIdle marks calls made with ctx as optional: each is sent only if its command's limiter
// has a slot free at once, so optional calls use the rate that required ones leave idle and
// never wait, or make anyone wait. Once sent, a call is retried like any other.
func WhenIdle(ctx context.Context) context.Context {
	return context.WithValue(ctx, whenIdleKey{}, true)
}

type atMostOnceKey struct{}

// atMostOnce marks calls made with ctx as not to be repeated once they may have taken effect:
// such a call is retried only after an answer that says it was not executed (see MaybeSent).
// For commands whose repetition is visible, such as a message delivered twice.
func atMostOnce(ctx context.Context) context.Context {
	return context.WithValue(ctx, atMostOnceKey{}, true)
}

// MaybeSent reports whether a failed call may nevertheless have taken effect: the service
// answered 100001 or another transient code that can come after the work was done (only the
// codes of livespec.RefusedUnexecuted say it was not), a gateway answered 5xx, or the answer was
// lost, cut short or unreadable, or the call's context ended it (perhaps with a request in
// flight). A refused connection, an unknown host, an untrusted
// certificate and a definite refusal (100004, 70107, …) did nothing.
func MaybeSent(err error) bool {
	var (
		e  *Error
		ce *ConnectionError
	)
	switch {
	case err == nil:
		return false
	case errors.As(err, &ce):
		return ce.Reason == ConnectionLost || ce.Reason == NoAnswer
	case errors.As(err, &e):
		if e.Code != 0 {
			return e.Code.Info().Retry != livespec.NoRetry && !livespec.RefusedUnexecuted[e.Code]
		}
		return e.HTTPStatus >= 500
	}
	return errors.Is(err, ErrMalformedResponse) || errors.Is(err, ErrResponseTooLarge) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// Call sends req (JSON; nil sends {}) to /v4/<service>/<command> and decodes the payload into
// resp (nil discards it): the Response object for live_engine_http_srv, the top-level fields
// for im_open_login_svc. Transient failures are retried; a failure the service answered is an
// *Error. Every wait, for the limiter or a retry, ends when ctx is done.
func (c *Client) Call(ctx context.Context, service, command string, req, resp any) error {
	if !isPathToken(service) || !isPathToken(command) {
		return fmt.Errorf("wire: service %q and command %q must be lowercase API path tokens", service, command)
	}
	body := []byte("{}") // the API refuses an empty body
	if req != nil {
		b, err := json.Marshal(req)
		if err != nil {
			return fmt.Errorf("%s: encoding the request: %w", command, err)
		}
		if string(b) != "null" {
			body = b
		}
	}

	optional, _ := ctx.Value(whenIdleKey{}).(bool)
	once, _ := ctx.Value(atMostOnceKey{}).(bool)

	ctx = tflog.MaskFieldValuesWithFieldKeys(ctx, "usersig", "secret_key")
	ctx = tflog.MaskLogStrings(ctx, c.cfg.SecretKey)

	var last error
	var unreachable reachBudget
	began := c.cfg.Clock.Now()
	retries, refreshedSig, unanswered := 0, false, false
	for attempt := 1; ; attempt++ {
		waited, slot, got, err := c.limiter.wait(ctx, command, optional && attempt == 1)
		if err != nil {
			return c.canceled(command, err, last)
		}
		if !got {
			c.stats.notIdle(command)
			return ErrNotIdle
		}
		if attempt == 1 {
			c.stats.call(command)
		}
		c.stats.limiterWait(waited)
		sig, gen, err := c.sigs.current(c.cfg.Clock.Now())
		if err != nil {
			return fmt.Errorf("%s: signing a UserSig: %w", command, err)
		}
		// The URL carries the sig escaped (a "*" becomes %2A): mask both spellings.
		actx := tflog.MaskLogStrings(ctx, sig, url.QueryEscape(sig))

		start := time.Now()
		out := c.attempt(actx, service, command, sig, body, resp)
		elapsed := time.Since(start)
		c.stats.attempt(command, out, elapsed)
		c.logAttempt(actx, service, command, attempt, out, elapsed, waited)
		if out.err == nil {
			return nil
		}
		if livespec.IsRateRefusal(command, out.code) {
			if cut, perSecond := c.limiter.refused(command, slot); cut {
				c.stats.paceCut(command)
				tflog.Info(actx, "tencentlive API refused a request for its rate; pacing the command slower", map[string]any{
					"command": command, "code": int(out.code), "requests_per_second": perSecond,
				})
			}
			if optional {
				// A look-up that was to use only an idle slot found the budget shared: it is
				// left to apply rather than retried into other runs' budget.
				c.stats.notIdle(command)
				return ErrNotIdle
			}
		}
		if ctx.Err() != nil && errors.Is(out.err, ctx.Err()) {
			return c.canceled(command, ctx.Err(), last)
		}
		c.annotate(out.err, attempt, unanswered)
		unanswered = unanswered || !out.enveloped
		last = out.err
		if unreachable.exhausted(out.err) {
			return out.err
		}

		if once && MaybeSent(out.err) {
			return out.err
		}

		switch out.retry {
		case livespec.RetryNewSig:
			if refreshedSig {
				return out.err
			}
			refreshedSig = true
			if err := c.sigs.invalidate(gen, c.cfg.Clock.Now()); err != nil {
				return fmt.Errorf("%s: signing a new UserSig: %w", command, err)
			}
			tflog.Info(actx, "UserSig rejected as expired; retrying with a new one", map[string]any{
				"command": command, "request_id": out.requestID,
			})
			continue
		case livespec.RetryBackoff, livespec.RetryAfterSec:
			if retries >= c.cfg.MaxRetries {
				return out.err
			}
			delay := c.backoff(retries)
			if out.retry == livespec.RetryAfterSec {
				delay = max(delay, sameRoomCreateWait)
			}
			if err := c.retryFits(ctx, began, delay); err != nil {
				if errors.Is(err, errRetryWindow) {
					return out.err
				}
				return c.canceled(command, err, last)
			}
			retries++
			c.stats.retry(command)
			tflog.Warn(actx, "retrying tencentlive API request", map[string]any{
				"command": command, "attempt": attempt, "code": int(out.code), "http_status": out.status,
				"request_id": out.requestID, "retry_in": delay.String(), "error": out.err.Error(),
			})
			if err := c.cfg.Clock.Sleep(ctx, delay); err != nil {
				return c.canceled(command, err, last)
			}
		default:
			return out.err
		}
	}
}

// attempt sends one request and reads its answer within RequestTimeout.
func (c *Client) attempt(ctx context.Context, service, command, sig string, body []byte, resp any) outcome {
	actx, cancel := context.WithTimeout(ctx, c.cfg.RequestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodPost, c.requestURL(service, command, sig), bytes.NewReader(body))
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err // the url.Error would quote the URL, usersig included
		}
		return outcome{err: fmt.Errorf("%s: building the request: %s", command, c.redact(err.Error()))}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.cfg.UserAgent)

	res, err := c.cfg.HTTPClient.Do(req)
	if err != nil {
		return c.transportOutcome(ctx, command, err, 0)
	}
	defer res.Body.Close()
	if res.ContentLength > MaxResponseBytes {
		return outcome{status: res.StatusCode, err: fmt.Errorf("%s: %w (HTTP %d, Content-Length %d)", command, ErrResponseTooLarge, res.StatusCode, res.ContentLength)}
	}
	data, err := io.ReadAll(io.LimitReader(res.Body, MaxResponseBytes+1))
	if err != nil {
		return c.transportOutcome(ctx, command, err, res.StatusCode)
	}
	if len(data) > MaxResponseBytes {
		return outcome{status: res.StatusCode, err: fmt.Errorf("%s: %w (HTTP %d)", command, ErrResponseTooLarge, res.StatusCode)}
	}
	return c.interpret(service, command, res.StatusCode, data, resp)
}

// requestURL builds BaseURL/v4/<service>/<command>?sdkappid=&identifier=&usersig=&random=&contenttype=json.
func (c *Client) requestURL(service, command, sig string) string {
	return c.cfg.BaseURL + "/v4/" + service + "/" + command +
		"?sdkappid=" + strconv.FormatUint(c.cfg.SDKAppID, 10) +
		"&identifier=" + url.QueryEscape(c.cfg.Identifier) +
		"&usersig=" + url.QueryEscape(sig) +
		"&random=" + strconv.FormatUint(uint64(c.cfg.Rand()), 10) +
		"&contenttype=json"
}

// ConnectionError is a request that got no complete answer: refused or dropped connection,
// timeout, truncated body. It is retried unless it cannot heal (bad certificate, unknown host),
// and an unreachable endpoint only a few times (maxRefusedAttempts, maxNoAnswerAttempts).
type ConnectionError struct {
	Command  string
	Attempts int
	Reason   ConnectionReason
	Endpoint string // the BaseURL the request went to
	msg      string
	err      error
}

// ConnectionReason says why a request got no complete answer, so a diagnostic can say what to
// check.
type ConnectionReason int

const (
	ConnectionLost    ConnectionReason = iota // dropped, reset or truncated: the usual transient failure
	ConnectionRefused                         // nothing accepts connections at the endpoint
	NoAnswer                                  // the endpoint took the request but did not answer in time
	HostNotFound                              // the endpoint's host name does not resolve
	Untrusted                                 // the endpoint's TLS certificate or handshake was refused
)

// reachBudget counts, for one call, the attempts that found the endpoint unreachable.
type reachBudget struct{ refused, silent int }

// exhausted records err and reports whether the call must stop retrying.
func (b *reachBudget) exhausted(err error) bool {
	var ce *ConnectionError
	if !errors.As(err, &ce) {
		return false
	}
	switch ce.Reason {
	case ConnectionRefused:
		b.refused++
		return b.refused >= maxRefusedAttempts
	case NoAnswer:
		b.silent++
		return b.silent >= maxNoAnswerAttempts
	}
	return false
}

func (e *ConnectionError) Error() string {
	s := e.Command + ": " + e.msg
	if e.Attempts > 1 {
		s += fmt.Sprintf(" (%d attempts)", e.Attempts)
	}
	return s
}

func (e *ConnectionError) Unwrap() error { return e.err }

func (c *Client) transportOutcome(parent context.Context, command string, err error, status int) outcome {
	if parent.Err() != nil {
		return outcome{err: parent.Err(), status: status}
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err // drop the URL: it carries the usersig
	}
	msg := "connection error: " + c.redact(err.Error())
	reason := connectionReason(err)
	if reason == NoAnswer {
		msg = fmt.Sprintf("no answer within %s", c.cfg.RequestTimeout)
	}
	retry := livespec.RetryBackoff
	if reason == HostNotFound || reason == Untrusted {
		retry = livespec.NoRetry // repeating cannot fix these
	}
	return outcome{err: &ConnectionError{Command: command, Reason: reason, msg: msg, err: err}, retry: retry, status: status}
}

// connectionReason classifies a transport failure.
func connectionReason(err error) ConnectionReason {
	var (
		dnsErr   *net.DNSError
		certErr  *tls.CertificateVerificationError
		authErr  x509.UnknownAuthorityError
		hostErr  x509.HostnameError
		invalid  x509.CertificateInvalidError
		recordEr tls.RecordHeaderError
	)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return NoAnswer
	case errors.Is(err, syscall.ECONNREFUSED):
		return ConnectionRefused
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return HostNotFound
	case errors.As(err, &certErr), errors.As(err, &authErr), errors.As(err, &hostErr),
		errors.As(err, &invalid), errors.As(err, &recordEr):
		return Untrusted
	}
	return ConnectionLost
}

// backoff returns the wait before retry number n (0-based): full jitter over
// min(backoffCap, backoffBase·2ⁿ).
func (c *Client) backoff(n int) time.Duration {
	ceiling := backoffCap
	if n < 16 && backoffBase<<n < backoffCap {
		ceiling = backoffBase << n
	}
	return time.Duration(float64(ceiling) * float64(c.cfg.Rand()) / (1 << 32))
}

// errRetryWindow: the call has retried for RetryWindow and its context sets no deadline.
var errRetryWindow = errors.New("retry window spent")

// retryFits reports whether a retry after delay still starts in time: before ctx's deadline,
// or within RetryWindow of began when ctx has none. A retry that could only meet the deadline
// is not worth its wait: the call ends now, with what the last attempt said.
func (c *Client) retryFits(ctx context.Context, began time.Time, delay time.Duration) error {
	if deadline, ok := ctx.Deadline(); ok {
		if time.Until(deadline) <= delay {
			return context.DeadlineExceeded
		}
		return nil
	}
	if c.cfg.Clock.Now().Add(delay).Sub(began) > c.cfg.RetryWindow {
		return errRetryWindow
	}
	return nil
}

// canceled reports a call that ended because ctx was done, with the last failure, if any.
func (c *Client) canceled(command string, ctxErr, last error) error {
	if last != nil {
		return fmt.Errorf("%s: %w after: %s", command, ctxErr, last.Error())
	}
	return fmt.Errorf("%s: %w", command, ctxErr)
}

// annotate records on a failure how many attempts it took and where the requests went.
func (c *Client) annotate(err error, attempts int, unansweredBefore bool) {
	var e *Error
	if errors.As(err, &e) {
		e.Attempts = attempts
		e.UnansweredBefore = unansweredBefore
		e.Endpoint = c.cfg.BaseURL
	}
	var ce *ConnectionError
	if errors.As(err, &ce) {
		ce.Attempts = attempts
		ce.Endpoint = c.cfg.BaseURL
	}
}

func (c *Client) logAttempt(ctx context.Context, service, command string, attempt int, out outcome, elapsed, waited time.Duration) {
	fields := map[string]any{
		"service":     service,
		"command":     command,
		"attempt":     attempt,
		"code":        int(out.code),
		"http_status": out.status,
		"request_id":  out.requestID,
		"duration":    elapsed.String(),
	}
	if waited > 0 {
		fields["limiter_wait"] = waited.String()
	}
	if out.err != nil {
		fields["error"] = out.err.Error()
		tflog.Debug(ctx, "tencentlive API request failed", fields)
		return
	}
	tflog.Debug(ctx, "tencentlive API request", fields)
}

// isPathToken keeps service and command names to the API's alphabet, so they cannot alter the
// URL's path or query.
func isPathToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if !(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_') {
			return false
		}
	}
	return true
}
