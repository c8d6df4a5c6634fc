package emulator

import (
	"bytes"
	"compress/zlib"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentyun/tls-sig-api-v2-golang/tencentyun"
)

const (
	// Real UserSigs are a few hundred characters; longer ones are refused before inflating, so a
	// crafted zlib stream cannot make the emulator allocate much.
	maxUserSigChars    = 4096
	maxUserSigInflated = 64 << 10

	// defaultSigExpiry matches the official libraries' default validity (180 days).
	defaultSigExpiry = 180 * 24 * time.Hour

	// sigCacheSize bounds the verified-sig cache; when full it starts over.
	sigCacheSize = 4096
)

// sigDoc is the JSON document inside a UserSig (TLSSigAPIv2).
type sigDoc struct {
	Version    string `json:"TLS.ver,omitempty"`
	Identifier string `json:"TLS.identifier,omitempty"`
	SDKAppID   uint64 `json:"TLS.sdkappid,omitempty"`
	Expire     int64  `json:"TLS.expire,omitempty"`
	Time       int64  `json:"TLS.time,omitempty"`
	UserBuf    []byte `json:"TLS.userbuf,omitempty"`
	Sig        []byte `json:"TLS.sig,omitempty"`
}

// verifiedSig is what the cache remembers of a sig that passed VerifyUserSig: enough to repeat
// every check except the HMAC, which cannot change for the same string and key.
type verifiedSig struct {
	identifier string
	sdkAppID   uint64
	time       int64
	expire     int64
}

// authenticator verifies UserSigs with the official library and caches the verdicts, because
// inflating and HMAC-ing every request would make the emulator the bottleneck of a benchmark.
type authenticator struct {
	sdkAppID  uint64
	secretKey string
	keyless   map[uint64]bool // SDKAppIDs answered 70016

	mu    sync.RWMutex
	cache map[string]verifiedSig
	limit int // cache bound
}

func newAuthenticator(sdkAppID uint64, secretKey string, keyless []uint64) *authenticator {
	a := &authenticator{sdkAppID: sdkAppID, secretKey: secretKey, keyless: make(map[uint64]bool, len(keyless)),
		cache: make(map[string]verifiedSig), limit: sigCacheSize}
	for _, id := range keyless {
		a.keyless[id] = true
	}
	return a
}

// check verifies the query's credentials in the vendor's order. sdkAppID has already been
// parsed from the query.
func (a *authenticator) check(sdkAppID uint64, identifier, userSig string, now time.Time) *apiError {
	if userSig == "" {
		return fail(livespec.CodeSigEmpty, "usersig is empty")
	}
	if sdkAppID != a.sdkAppID {
		if a.keyless[sdkAppID] {
			return fail(livespec.CodeNoKeyForSDKAppID, "no key found for this sdkappid")
		}
		return fail(livespec.CodeUnknownSDKAppID, "sdkappid not found")
	}
	a.mu.RLock()
	v, cached := a.cache[userSig]
	a.mu.RUnlock()
	if cached {
		return v.recheck(sdkAppID, identifier, now)
	}

	doc, ok := decodeSig(userSig)
	// The library answers a sig whose JSON does not parse as an empty document, which it then
	// reports as an SDKAppID mismatch; the vendor calls that a parse failure.
	if !ok || doc.Identifier == "" || doc.SDKAppID == 0 {
		return fail(livespec.CodeSigUnparsable, "usersig could not be parsed")
	}
	err := tencentyun.VerifyUserSig(sdkAppID, a.secretKey, identifier, userSig, now)
	switch {
	case err == nil:
	case errors.Is(err, tencentyun.ErrSdkAppIDNotMatch):
		return fail(livespec.CodeSigSDKAppID, "sdkappid does not match the usersig")
	case errors.Is(err, tencentyun.ErrIdentifierNotMatch):
		return fail(livespec.CodeSigIdentifier, "identifier does not match the usersig")
	case errors.Is(err, tencentyun.ErrExpired):
		return fail(livespec.CodeSigExpired, "usersig expired")
	case errors.Is(err, tencentyun.ErrSigNotMatch):
		return fail(livespec.CodeSigWrongKey, "usersig verification failed")
	default: // userbuf present (a PrivateMapKey is not a UserSig) or undecodable
		return fail(livespec.CodeSigUnparsable, "usersig could not be parsed")
	}

	a.mu.Lock()
	if len(a.cache) >= a.limit {
		clear(a.cache)
	}
	a.cache[userSig] = verifiedSig{identifier: doc.Identifier, sdkAppID: doc.SDKAppID, time: doc.Time, expire: doc.Expire}
	a.mu.Unlock()
	return nil
}

// recheck repeats VerifyUserSig's checks, in its order, for a sig whose HMAC is known good.
func (v verifiedSig) recheck(sdkAppID uint64, identifier string, now time.Time) *apiError {
	switch {
	case v.sdkAppID != sdkAppID:
		return fail(livespec.CodeSigSDKAppID, "sdkappid does not match the usersig")
	case v.identifier != identifier:
		return fail(livespec.CodeSigIdentifier, "identifier does not match the usersig")
	case now.Unix() > v.time+v.expire:
		return fail(livespec.CodeSigExpired, "usersig expired")
	}
	return nil
}

// sigEncoding is standard base64 with the UserSig substitutions (+ → *, / → -, = → _).
var sigEncoding = base64.NewEncoding("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-").WithPadding('_')

var sigUnsubstitute = strings.NewReplacer("_", "=", "-", "/", "*", "+")

// decodeSig reverses the UserSig encoding with bounded sizes; ok is false for anything that is
// not base64 → zlib → a JSON object.
func decodeSig(userSig string) (sigDoc, bool) {
	if len(userSig) > maxUserSigChars {
		return sigDoc{}, false
	}
	// Same decoding as the library (substitutions reversed, then standard base64), so both
	// accept exactly the same strings.
	compressed, err := base64.StdEncoding.DecodeString(sigUnsubstitute.Replace(userSig))
	if err != nil {
		return sigDoc{}, false
	}
	r, err := zlib.NewReader(bytes.NewReader(compressed))
	if err != nil {
		return sigDoc{}, false
	}
	data, err := io.ReadAll(io.LimitReader(r, maxUserSigInflated+1))
	if err != nil || len(data) > maxUserSigInflated || r.Close() != nil {
		return sigDoc{}, false
	}
	var doc sigDoc
	if json.Unmarshal(data, &doc) != nil {
		return sigDoc{}, false
	}
	return doc, true
}

// genUserSig builds a UserSig exactly as the official libraries do (TLSSigAPIv2), but at the
// emulator's clock, so tests with an injected clock get sigs that are valid at that time.
func genUserSig(sdkAppID uint64, key, identifier string, issued time.Time, expiry time.Duration) string {
	doc := sigDoc{
		Version:    "2.0",
		Identifier: identifier,
		SDKAppID:   sdkAppID,
		Expire:     int64(expiry / time.Second),
		Time:       issued.Unix(),
	}
	mac := hmac.New(sha256.New, []byte(key))
	mac.Write([]byte("TLS.identifier:" + doc.Identifier + "\n"))
	mac.Write([]byte("TLS.sdkappid:" + strconv.FormatUint(doc.SDKAppID, 10) + "\n"))
	mac.Write([]byte("TLS.time:" + strconv.FormatInt(doc.Time, 10) + "\n"))
	mac.Write([]byte("TLS.expire:" + strconv.FormatInt(doc.Expire, 10) + "\n"))
	doc.Sig = mac.Sum(nil)

	data, _ := json.Marshal(doc) // plain fields always marshal
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	_, _ = w.Write(data) // writes to a bytes.Buffer do not fail
	_ = w.Close()
	return sigEncoding.EncodeToString(b.Bytes())
}

// isAdmin reports whether identifier is one of the app's App Admin accounts.
func isAdmin(admins []string, identifier string) bool {
	for _, a := range admins {
		if a == identifier {
			return true
		}
	}
	return false
}
