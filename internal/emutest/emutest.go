// Package emutest serves the emulator in-process for unit tests and makes clients of it. It is
// imported by tests only.
package emutest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Serve serves a new in-process emulator with opts until the test ends, and returns it with
// its URL. Each wrap, when given, sees every request before the emulator does.
func Serve(t testing.TB, opts emulator.Options, wraps ...func(http.Handler) http.Handler) (*emulator.Server, string) {
	t.Helper()
	emu, err := emulator.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	var h http.Handler = emu
	for _, wrap := range wraps {
		h = wrap(h)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return emu, srv.URL
}

// ServeCatalog is Serve with the gift catalogue cat already there, as a state file (StatePath)
// holds it: a console-made catalogue without the gift commands' 1 call/s.
func ServeCatalog(t testing.TB, opts emulator.Options, cat emulator.GiftCatalog) (*emulator.Server, string) {
	t.Helper()
	sdkAppID := opts.SDKAppID
	if sdkAppID == 0 {
		sdkAppID = emulator.DefaultSDKAppID
	}
	opts.StatePath = filepath.Join(t.TempDir(), "state.json")
	if err := emulator.WriteCatalogState(opts.StatePath, sdkAppID, cat); err != nil {
		t.Fatal(err)
	}
	return Serve(t, opts)
}

// RetryingClient is a client of the emulator at url with the development credentials that,
// like the provider's, retries until its context's deadline; requestsPerSecond 0 means the
// documented rates.
func RetryingClient(t testing.TB, url string, requestsPerSecond float64) *wire.Client {
	t.Helper()
	c, err := wire.New(wire.Config{SDKAppID: emulator.DefaultSDKAppID, SecretKey: emulator.DefaultSecretKey,
		Identifier: emulator.DefaultAdmin, BaseURL: url, MaxRetries: wire.RetryUntilDeadline, RequestsPerSecond: requestsPerSecond})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Client is a client of the server at url with the development credentials that sends each
// request once.
func Client(t testing.TB, url string) *wire.Client {
	t.Helper()
	c, err := wire.New(wire.Config{SDKAppID: emulator.DefaultSDKAppID, SecretKey: emulator.DefaultSecretKey,
		Identifier: emulator.DefaultAdmin, BaseURL: url, MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Canned is a client of a server that answers every request with body.
func Canned(t testing.TB, body string) *wire.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return Client(t, srv.URL)
}
