package emulator

import (
	"net/http"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentyun/tls-sig-api-v2-golang/tencentyun"
)

func officialSig(t *testing.T, identifier string) string {
	t.Helper()
	sig, err := tencentyun.GenUserSig(int(DefaultSDKAppID), DefaultSecretKey, identifier, 86400)
	if err != nil {
		t.Fatal(err)
	}
	return sig
}

func verifyWithLibrary(sig string) error {
	return tencentyun.VerifyUserSig(DefaultSDKAppID, DefaultSecretKey, DefaultAdmin, sig, time.Now())
}

// The cache must not let a sig outlive its expiry or serve another identifier.
func TestSigCacheStillChecksExpiryAndIdentity(t *testing.T) {
	h := newHarness(t, Options{Admins: []string{"administrator", "ops"}})
	sig := h.s.UserSigWithExpiry(DefaultAdmin, time.Hour)
	q := authQuery(h.s.SDKAppID(), DefaultAdmin, sig)
	path := servicePath("get_room_list")
	h.do(http.MethodPost, path, q, "{}").mustOK(t)
	if _, cached := h.s.auth.cache[sig]; !cached {
		t.Fatal("a verified sig is not cached")
	}
	h.do(http.MethodPost, path, authQuery(h.s.SDKAppID(), "ops", sig), "{}").mustCode(t, livespec.CodeSigIdentifier)
	h.do(http.MethodPost, path, authQuery(DefaultSDKAppID+1, DefaultAdmin, sig), "{}").mustCode(t, livespec.CodeUnknownSDKAppID)
	h.clock.Advance(time.Hour) // now == time+expire: still valid, as in the library
	h.do(http.MethodPost, path, q, "{}").mustOK(t)
	h.clock.Advance(time.Second)
	h.do(http.MethodPost, path, q, "{}").mustCode(t, livespec.CodeSigExpired)
}

func TestSigCacheIsBounded(t *testing.T) {
	h := newHarness(t, Options{})
	h.s.auth.limit = 16
	path := servicePath("get_room_list")
	for i := 0; i < 40; i++ {
		sig := h.s.UserSigWithExpiry(DefaultAdmin, time.Duration(i+60)*time.Second)
		h.do(http.MethodPost, path, authQuery(h.s.SDKAppID(), DefaultAdmin, sig), "{}").mustOK(t)
	}
	if n := len(h.s.auth.cache); n > 16 || n == 0 {
		t.Fatalf("cache holds %d sigs, bound is 16", n)
	}
}

// A sig that once failed is not cached as good: fixing nothing keeps failing.
func TestFailedSigsAreNotCached(t *testing.T) {
	h := newHarness(t, Options{})
	sig := genUserSig(h.s.SDKAppID(), "wrong-key", DefaultAdmin, h.clock.Now(), time.Hour)
	for i := 0; i < 2; i++ {
		h.do(http.MethodPost, servicePath("get_room_list"), authQuery(h.s.SDKAppID(), DefaultAdmin, sig), "{}").mustCode(t, livespec.CodeSigWrongKey)
	}
	if len(h.s.auth.cache) != 0 {
		t.Fatal("a failed sig was cached")
	}
}

func TestGeneratedSigDecodes(t *testing.T) {
	doc, ok := decodeSig(genUserSig(1400000123, "k", "u", testEpoch, 90*time.Second))
	if !ok || doc.SDKAppID != 1400000123 || doc.Identifier != "u" || doc.Expire != 90 || doc.Time != testEpoch.Unix() || doc.Version != "2.0" {
		t.Fatalf("decoded %+v, ok=%v", doc, ok)
	}
}

// An application of another data centre: 70016 for the keyless SDKAppIDs, 70020 for any other.
func TestKeylessSDKAppIDs(t *testing.T) {
	h := newHarness(t, Options{KeylessSDKAppIDs: []uint64{1400000077}})
	path := servicePath("get_room_list")
	for appID, want := range map[uint64]livespec.Code{1400000077: livespec.CodeNoKeyForSDKAppID, 1400000078: livespec.CodeUnknownSDKAppID} {
		signer, err := New(Options{SDKAppID: appID})
		if err != nil {
			t.Fatal(err)
		}
		h.do(http.MethodPost, path, authQuery(appID, DefaultAdmin, signer.UserSig(DefaultAdmin)), "{}").mustCode(t, want)
	}
	h.do(http.MethodPost, path, h.query(DefaultAdmin), "{}").mustOK(t)
}
