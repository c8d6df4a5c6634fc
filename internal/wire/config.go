// Package wire is the only way the provider talks to the vendor REST API. It owns the URL and
// its UserSig, the response envelope and the typed error it becomes, retries with backoff, the
// per-command client-side rate limiter, per-request timeouts and the logging of every request.
// Resources call the typed methods (CreateRoom, GetRoomInfo, …) or Call; they never build URLs
// or parse envelopes themselves.
package wire

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Defaults applied by New when a Config field is left zero.
const (
	DefaultRequestTimeout = 10 * time.Second // the vendor's backend gives up after 3 s
	DefaultUserAgent      = "terraform-provider-tencentlive"

	// DefaultRetryWindow bounds the retries of a call whose context has no deadline (a plan-time
	// check, say): as long as the shortest documented operation timeout (read, 2 minutes).
	DefaultRetryWindow = 2 * time.Minute

	// RetryUntilDeadline as Config.MaxRetries sets no count: retries end with the deadline.
	RetryUntilDeadline = -1

	// MaxResponseBytes bounds a response body; larger answers are refused, not decoded.
	MaxResponseBytes = 4 << 20
)

// Config configures a Client. The zero value of each optional field selects its default.
type Config struct {
	SDKAppID   uint64
	SecretKey  string // signs UserSigs; never logged, never part of an error
	Identifier string // the App Admin UserID the requests are made as
	BaseURL    string // "https://console.tim.qq.com", or plain http to a loopback host (emulator)

	// AllowPlainHTTP accepts a plain-http BaseURL off loopback, such as an emulator running as
	// a CI service container (http://emulator:8080). Every request then carries its UserSig in
	// clear text across that network.
	AllowPlainHTTP bool

	// RootCAs, when set, are the certificate authorities trusted for https (for example the
	// system pool plus an emulator's self-signed certificate). Ignored when HTTPClient is set.
	RootCAs *x509.CertPool

	// MaxRetries caps how many times a transiently failing request is repeated after its first
	// attempt; 0 sends every request once. RetryUntilDeadline sets no count: retries go on, with
	// backoff, until the call's context deadline (the operation's timeout), or RetryWindow after
	// the call began when the context has none. Either way a retry that would start after the
	// deadline is not made, and an unreachable endpoint ends the call after a few attempts.
	// The one UserSig refresh on 70001 is not counted: it is a new credential, not a repeat.
	MaxRetries int

	// RetryWindow bounds the retries of a call whose context has no deadline; default
	// DefaultRetryWindow.
	RetryWindow time.Duration

	// RequestsPerSecond caps each command separately. The default, and the ceiling a configured
	// value is clamped to, is 97% of the command's documented rate (livespec.CommandRate); for a
	// command slower than 3/s (the gift commands), one request per documented interval + 50 ms.
	RequestsPerSecond float64

	// SharedGiftRateBudget paces the gift configuration commands (livespec.GiftConfigCommands but
	// copy_default_gift_config) as one budget of 1 call/s, as Tencent's console spaces them,
	// for a service that meters them together; by default each has its own 1 call/s.
	SharedGiftRateBudget bool

	// PaceLedgerDir is a directory the provider processes of one machine share to record when
	// each command slower than 3/s was last sent (see paceLedger), so that a process started
	// right after another one (apply after plan) neither meets the vendor's spent one-request
	// bucket nor waits a whole interval when the bucket is full. Empty: no record; such a
	// command's first request waits one interval from New.
	PaceLedgerDir string

	RequestTimeout time.Duration // per attempt, including reading the body
	HTTPClient     *http.Client  // default: keep-alive transport, 64 idle connections per host
	Clock          Clock         // default: the system clock
	Rand           func() uint32 // `random` and backoff jitter; safe for concurrent use; default crypto/rand
	UserAgent      string
}

// Clock is the time source of a Client: staleness of the UserSig, the rate limiter and backoff
// waits all go through it, so tests run them without sleeping.
type Clock interface {
	Now() time.Time
	// Sleep waits for d, or until ctx is done, in which case it returns ctx.Err().
	Sleep(ctx context.Context, d time.Duration) error
}

// SystemClock is the real clock.
type SystemClock struct{}

func (SystemClock) Now() time.Time { return time.Now() }

func (SystemClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// withDefaults validates cfg and fills in the defaults. Errors name the field and never carry
// the secret key.
func (cfg Config) withDefaults() (Config, error) {
	var errs []error
	if cfg.SDKAppID == 0 {
		errs = append(errs, errors.New("SDKAppID: must be set"))
	} else if cfg.SDKAppID > math.MaxUint32 {
		// SDKAppIDs are 32-bit; the signing library takes an int.
		errs = append(errs, fmt.Errorf("SDKAppID: %d is not a 32-bit application ID", cfg.SDKAppID))
	}
	if cfg.SecretKey == "" {
		errs = append(errs, errors.New("SecretKey: must be set"))
	}
	switch {
	case cfg.Identifier == "":
		errs = append(errs, errors.New("Identifier: must be set")) //nolint:staticcheck // names the Config field
	case len(cfg.Identifier) > livespec.MaxUserIDBytes:
		errs = append(errs, fmt.Errorf("Identifier: %d bytes, at most %d allowed", len(cfg.Identifier), livespec.MaxUserIDBytes)) //nolint:staticcheck // names the Config field
	}
	if base, err := checkBaseURL(cfg.BaseURL, cfg.AllowPlainHTTP); err != nil {
		errs = append(errs, fmt.Errorf("BaseURL: %w", err))
	} else {
		cfg.BaseURL = base
	}
	if math.IsNaN(cfg.RequestsPerSecond) || math.IsInf(cfg.RequestsPerSecond, 0) || cfg.RequestsPerSecond < 0 {
		errs = append(errs, fmt.Errorf("RequestsPerSecond: %v is not a positive number", cfg.RequestsPerSecond))
	}
	if cfg.RequestTimeout < 0 {
		errs = append(errs, fmt.Errorf("RequestTimeout: %v is negative", cfg.RequestTimeout))
	}
	if len(errs) > 0 {
		return cfg, errors.Join(errs...)
	}

	if cfg.MaxRetries < 0 {
		cfg.MaxRetries = math.MaxInt // RetryUntilDeadline: bounded by time alone
	}
	if cfg.RetryWindow <= 0 {
		cfg.RetryWindow = DefaultRetryWindow
	}
	if cfg.RequestTimeout == 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = defaultHTTPClient(cfg.RootCAs)
	}
	if cfg.Clock == nil {
		cfg.Clock = SystemClock{}
	}
	if cfg.Rand == nil {
		cfg.Rand = cryptoUint32
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	return cfg, nil
}

// checkBaseURL accepts https anywhere and plain http only on loopback (or where allowPlain says
// so), so a UserSig crosses a network in clear text only on request. It returns the URL without
// a trailing slash.
func checkBaseURL(raw string, allowPlain bool) (string, error) {
	if raw == "" {
		return "", errors.New("must be set")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", errors.New("not a URL") // not quoted: it may hold credentials
	}
	shown := u.Redacted()
	if u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%q must be a base URL such as https://console.tim.qq.com (no user, query or fragment)", shown)
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !allowPlain && !IsLoopbackHost(u.Hostname()) {
			return "", fmt.Errorf("%q: plain http is allowed only for loopback hosts, unless AllowPlainHTTP is set", shown)
		}
	default:
		return "", fmt.Errorf("%q: scheme must be https (or http for loopback)", shown)
	}
	return strings.TrimRight(raw, "/"), nil
}

// IsLoopbackHost reports whether host is localhost or a loopback address: the only hosts plain
// http may reach, since every request carries a UserSig. The provider's endpoint check uses it too.
func IsLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func defaultHTTPClient(rootCAs *x509.CertPool) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone() //nolint:forcetypeassert // the standard library declares it as *http.Transport
	if rootCAs != nil {
		t.TLSClientConfig = &tls.Config{RootCAs: rootCAs, MinVersion: tls.VersionTLS12}
	}
	t.MaxIdleConns = 128
	t.MaxIdleConnsPerHost = 64 // terraform -parallelism defaults to 10; leave headroom
	return &http.Client{Transport: t}
}
