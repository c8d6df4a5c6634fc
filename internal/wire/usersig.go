package wire

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"sync"
	"time"

	"github.com/tencentyun/tls-sig-api-v2-golang/tencentyun"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// A UserSig is signed for a day (Tencent recommends at least 24 h) and replaced five minutes
// before it runs out, so a request in flight never carries a sig that expires on the way.
const (
	UserSigLifetime      = 24 * time.Hour
	UserSigRefreshMargin = 5 * time.Minute
)

// signFunc is tencentyun.GenUserSig's shape; tests wrap it to count signings.
type signFunc func(sdkappid int, key, userid string, expire int) (string, error)

// sigCache holds the current UserSig. It lives only in memory: never stored, never logged.
type sigCache struct {
	sdkAppID   int
	key        string
	identifier string
	sign       signFunc

	mu       sync.Mutex
	sig      string
	previous string    // the sig before the current one, still redacted from server text
	issuedAt time.Time // by the Client's clock, which decides staleness
	gen      uint64    // bumped on every signing; 0 = nothing signed yet
}

// current returns a sig valid at now and its generation, signing a new one when none is cached
// or the cached one is within UserSigRefreshMargin of its expiry.
func (s *sigCache) current(now time.Time) (sig string, gen uint64, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gen == 0 || !now.Before(s.issuedAt.Add(UserSigLifetime-UserSigRefreshMargin)) || now.Before(s.issuedAt) {
		if err := s.renewLocked(now); err != nil {
			return "", 0, err
		}
	}
	return s.sig, s.gen, nil
}

// invalidate drops generation gen after the service rejected it (70001). Callers that saw an
// older generation do nothing, so a burst of concurrent 70001s signs only one new sig.
func (s *sigCache) invalidate(gen uint64, now time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if gen != s.gen {
		return nil
	}
	return s.renewLocked(now)
}

func (s *sigCache) renewLocked(now time.Time) error {
	sig, err := s.sign(s.sdkAppID, s.key, s.identifier, int(UserSigLifetime/time.Second))
	if err != nil {
		// The library fails only on JSON/zlib errors; its message carries no key material.
		return err
	}
	s.previous, s.sig, s.issuedAt = s.sig, sig, now
	s.gen++
	return nil
}

// secrets returns the strings that must never leave the process: the key and the sigs.
func (s *sigCache) secrets() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []string{s.key}
	for _, v := range []string{s.sig, s.previous} {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

func (s *sigCache) generation() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gen
}

// UserSig is a signature issued for an application user (not the App Admin the client calls
// as), for a client SDK or an encoder pushing a stream.
type UserSig struct {
	Sig       string
	ExpiresAt time.Time // the sig is refused from this instant; it may run out up to 1 s sooner
}

// MaxUserSigLifetime is the longest lifetime IssueUserSig accepts: the official libraries'
// default of 180 days.
const MaxUserSigLifetime = 180 * 24 * time.Hour

// IssueUserSig signs a UserSig for userID, valid for lifetime, with the client's SDKAppID and
// secret key, locally: no request is sent, and the key never leaves the client. The caller owns
// the sig and must keep it out of logs and state.
func (c *Client) IssueUserSig(userID string, lifetime time.Duration) (UserSig, error) {
	if userID == "" || len(userID) > livespec.MaxUserIDBytes {
		return UserSig{}, fmt.Errorf("user ID must be 1 to %d bytes, got %d", livespec.MaxUserIDBytes, len(userID))
	}
	if lifetime < time.Second || lifetime > MaxUserSigLifetime {
		return UserSig{}, fmt.Errorf("lifetime must be between 1s and %s, got %s", MaxUserSigLifetime, lifetime)
	}
	// The library stamps the sig with the wall clock's current second; counting from the start of
	// this second gives an expiry no later than the sig's own.
	issued := time.Unix(time.Now().Unix(), 0)
	sig, err := c.sigs.sign(c.sigs.sdkAppID, c.sigs.key, userID, int(lifetime/time.Second))
	if err != nil {
		return UserSig{}, fmt.Errorf("signing a UserSig: %w", err) // the library's errors carry no key material
	}
	return UserSig{Sig: sig, ExpiresAt: issued.Add(lifetime.Truncate(time.Second))}, nil
}

var _ signFunc = tencentyun.GenUserSig

func cryptoUint32() uint32 {
	var b [4]byte
	_, _ = rand.Read(b[:]) // never fails since Go 1.24: it crashes the program instead
	return binary.BigEndian.Uint32(b[:])
}
