package emulator

import (
	"crypto/tls"
	"crypto/x509"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A client that trusts certPEM reaches the emulator over https by every host name given; one
// that does not is refused.
func TestSelfSignedCert(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	cert, certPEM, err := SelfSignedCert([]string{"127.0.0.1", "emulator"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(s)
	ts.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake is part of the test
	ts.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	ts.StartTLS()
	defer ts.Close()

	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(certPEM) {
		t.Fatal("certPEM holds no certificate")
	}
	for _, name := range []string{"127.0.0.1", "emulator"} {
		c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, ServerName: name, MinVersion: tls.VersionTLS12}}}
		resp, err := c.Get(ts.URL + "/_emulator/stats")
		if err != nil {
			t.Fatalf("as %s: %v", name, err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("as %s: HTTP %d", name, resp.StatusCode)
		}
	}
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: x509.NewCertPool(), MinVersion: tls.VersionTLS12}}}
	resp, err := c.Get(ts.URL + "/_emulator/stats")
	if err == nil {
		resp.Body.Close()
	}
	if err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("an untrusting client got through: %v", err)
	}
	if _, _, err := SelfSignedCert(nil); err == nil {
		t.Error("a certificate without host names was made")
	}
}
