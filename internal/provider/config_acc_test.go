package provider

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// Region and reachability through the Terraform CLI. Each test runs its own emulator (over
// TLS, on a non-loopback address) or none at all, and clears the TENCENTLIVE_* variables the
// in-process provider reads, so none runs in parallel.

// unreachableBound is how long a plan against an unreachable endpoint may take, Terraform's
// own start-up included: the provider gives up after seconds (maxNoAnswerAttempts × 10 s at
// worst), where it used to retry for about 97 s.
const unreachableBound = 30 * time.Second

// reachRoomID is the room of reachRoom.
var reachRoomID = acctest.RoomID("reach")

// reachRoom is the configuration after the provider block: one room, which plan looks up.
var reachRoom = fmt.Sprintf(`
resource "tencentlive_room" "test" {
  room_id       = %q
  seat_template = "Karaoke"
}
`, reachRoomID)

// clearProviderEnv empties every TENCENTLIVE_* variable the provider reads, for one test.
func clearProviderEnv(t *testing.T) {
	t.Helper()
	if os.Getenv(resource.EnvTfAcc) == "" {
		t.Skipf("acceptance tests run with %s=1", resource.EnvTfAcc)
	}
	for _, v := range []string{tfkit.EnvSDKAppID, tfkit.EnvSecretKey, tfkit.EnvIdentifier, tfkit.EnvRegion, tfkit.EnvEndpoint, tfkit.EnvMaxRetries,
		tfkit.EnvRequestsPerSecond, tfkit.EnvPlanChecks, tfkit.EnvInsecureHTTP, tfkit.EnvCACertFile} {
		t.Setenv(v, "")
	}
}

// providersWith serves the provider with its requests going through client.
func providersWith(client *http.Client) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		TypeName: providerserver.NewProtocol6WithError(&tencentliveProvider{version: "test", getenv: os.Getenv, httpClient: client}),
	}
}

// emulatorBlock is a provider block with the emulator's credentials and extra lines.
func emulatorBlock(lines ...string) string {
	block := fmt.Sprintf("provider \"tencentlive\" {\n  sdk_app_id = %d\n  secret_key = %q\n", emulator.DefaultSDKAppID, emulator.DefaultSecretKey)
	for _, l := range lines {
		block += "  " + l + "\n"
	}
	return block + "}\n" + reachRoom
}

// countingTransport counts the requests the provider tries to send, and sends none.
type countingTransport struct{ n atomic.Int64 }

func (c *countingTransport) RoundTrip(*http.Request) (*http.Response, error) {
	c.n.Add(1)
	return nil, errors.New("countingTransport sends nothing")
}

// tlsEmulator serves a new emulator over https with a self-signed certificate for hosts, and
// writes the certificate to a file for ca_cert_file.
func tlsEmulator(t *testing.T, opts emulator.Options, hosts ...string) (emu *emulator.Server, srv *httptest.Server, certFile string) {
	t.Helper()
	emu, err := emulator.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	cert, certPEM, err := emulator.SelfSignedCert(hosts)
	if err != nil {
		t.Fatal(err)
	}
	certFile = filepath.Join(t.TempDir(), "emulator.pem")
	if err := os.WriteFile(certFile, certPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	srv = httptest.NewUnstartedServer(emu)
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // refused handshakes are part of the tests
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return emu, srv, certFile
}

// timed fails the test when run takes longer than bound.
func timed(t *testing.T, bound time.Duration, run func()) {
	t.Helper()
	start := time.Now()
	run()
	if took := time.Since(start); took > bound {
		t.Errorf("took %v; an unreachable endpoint must end the plan within %v", took.Round(time.Millisecond), bound)
	} else {
		t.Logf("ended after %v", took.Round(time.Millisecond))
	}
}

// Neither region nor endpoint: the plan fails listing the regions with their hosts, before
// any request is sent (the counting transport would see the plan's room look-up).
func TestAccConfig_missingRegion(t *testing.T) {
	clearProviderEnv(t)
	requests := &countingTransport{}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: providersWith(&http.Client{Transport: requests}),
		Steps: []resource.TestStep{{
			Config: emulatorBlock(),
			ExpectError: acctest.Diagnostic("Error: Missing region",
				"Set region in the provider block or the TENCENTLIVE_REGION environment variable to the data centre of the application.",
				"The Tencent RTC console shows it with the application's SDKAppID (Applications, then the application's Basic Information)",
				"Regions and their hosts:", "- china: console.tim.qq.com", "- frankfurt: adminapiger.im.qcloud.com",
				"- jakarta: adminapiidn.im.qcloud.com", "- mumbai: adminapiind.im.qcloud.com", "- seoul: adminapikr.im.qcloud.com",
				"- singapore: adminapisgp.im.qcloud.com", "- tokyo: adminapijpn.im.qcloud.com", "- usa: adminapiusa.im.qcloud.com",
				"For the emulator or another test service, set endpoint (TENCENTLIVE_ENDPOINT) instead."),
		}},
	})
	if n := requests.n.Load(); n != 0 {
		t.Fatalf("%d API requests; a missing region must fail before any", n)
	}
}

// A data centre that does not know the application answers 70016 or 70020; the diagnostic
// names the configured region and its host. The region's real host name is served by an
// emulator on this machine: the test's transport dials it for every host, and TLS checks its
// certificate for adminapisgp.im.qcloud.com as for the real one.
func TestAccConfig_wrongDataCentre(t *testing.T) {
	clearProviderEnv(t)
	const keyless, unknown = 1400000077, 1400000078
	_, srv, certFile := tlsEmulator(t, emulator.Options{KeylessSDKAppIDs: []uint64{keyless}}, livespec.RegionHosts["singapore"])
	pem, err := os.ReadFile(certFile)
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	roots.AppendCertsFromPEM(pem)
	addr := srv.Listener.Addr().String()
	toEmulator := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, addr)
		},
		TLSClientConfig: &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12},
	}}
	block := func(appID int) string {
		return fmt.Sprintf("provider \"tencentlive\" {\n  region     = \"singapore\"\n  sdk_app_id = %d\n  secret_key = \"any\"\n}\n%s", appID, reachRoom)
	}
	region := `The request went to https://adminapisgp.im.qcloud.com, the host of region "singapore", which does not know this application. Check the application's data centre and set region (TENCENTLIVE_REGION) to it.`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: providersWith(toEmulator),
		Steps: []resource.TestStep{
			{
				Config: block(keyless),
				ExpectError: acctest.Diagnostic("Error: Unable to check live room",
					fmt.Sprintf(`Room %q: get_room_info failed with 70016 (no key found for this SDKAppID: wrong data center?)`, reachRoomID),
					acctest.RequestID, region, "Regions and their hosts:", "- usa: adminapiusa.im.qcloud.com"),
			},
			{
				Config: block(unknown),
				ExpectError: acctest.Diagnostic("Error: Unable to check live room",
					fmt.Sprintf(`Room %q: get_room_info failed with 70020 (SDKAppID not found: wrong data center?)`, reachRoomID),
					acctest.RequestID, region, "If the region is right, check sdk_app_id (TENCENTLIVE_SDK_APP_ID)."),
			},
		},
	})
}

// Nothing listens at the endpoint: the plan ends after a few quick attempts, with the hint.
func TestAccConfig_connectionRefused(t *testing.T) {
	clearProviderEnv(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	endpoint := "http://" + l.Addr().String()
	l.Close() // nothing listens there now
	timed(t, unreachableBound, func() {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testProviders,
			Steps: []resource.TestStep{{
				Config: emulatorBlock(fmt.Sprintf("endpoint = %q", endpoint)),
				ExpectError: acctest.Diagnostic("Error: Unable to check live room",
					fmt.Sprintf(`(?re)Room %q: get_room_info: connection error: [\s\S]*?connection refused \(3 attempts\)`, reachRoomID),
					"Nothing accepts connections at the endpoint "+endpoint+" (endpoint, TENCENTLIVE_ENDPOINT, which replaces region), so the provider stopped after 3 attempts.",
					"Check endpoint (TENCENTLIVE_ENDPOINT) and region (TENCENTLIVE_REGION), and that this machine's network (firewall, proxy such as HTTPS_PROXY) reaches the host."),
			}},
		})
	})
}

// silentListener accepts connections and never answers on them.
func silentListener(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		l.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return "http://" + l.Addr().String()
}

// An endpoint that accepts connections and never answers: the plan ends after two timed-out
// attempts (not nine), with the hint.
func TestAccConfig_noAnswer(t *testing.T) {
	clearProviderEnv(t)
	endpoint := silentListener(t)
	timed(t, unreachableBound, func() {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testProviders,
			Steps: []resource.TestStep{{
				Config: emulatorBlock(fmt.Sprintf("endpoint = %q", endpoint)),
				ExpectError: acctest.Diagnostic("Error: Unable to check live room",
					fmt.Sprintf(`Room %q: get_room_info: no answer within 10s (2 attempts)`, reachRoomID),
					"The endpoint "+endpoint+" (endpoint, TENCENTLIVE_ENDPOINT, which replaces region) accepted the connection but sent no answer, so the provider stopped after 2 attempts.",
					"Check endpoint (TENCENTLIVE_ENDPOINT) and region (TENCENTLIVE_REGION)"),
			}},
		})
	})
}

// nonLoopbackIPv4 returns an IPv4 address of this machine that is not loopback, as a CI
// service container would be reached.
func nonLoopbackIPv4(t *testing.T) string {
	t.Helper()
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range addrs {
		if ipn, ok := a.(*net.IPNet); ok && ipn.IP.To4() != nil && !ipn.IP.IsLoopback() && !ipn.IP.IsLinkLocalUnicast() {
			return ipn.IP.String()
		}
	}
	t.Skip("this machine has no non-loopback IPv4 address to serve the emulator on")
	return ""
}

// Plain http off loopback is refused unless insecure_http_endpoint allows it: the emulator as
// a CI service container (http://emulator:8080).
func TestAccConfig_insecureHTTPEndpoint(t *testing.T) {
	clearProviderEnv(t)
	emu, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", net.JoinHostPort(nonLoopbackIPv4(t), "0"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(emu)
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	endpoint := fmt.Sprintf("endpoint = %q", srv.URL)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy: func(*terraform.State) error {
			if rooms := emu.Rooms(); len(rooms) != 0 {
				return fmt.Errorf("%d rooms left", len(rooms))
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: emulatorBlock(endpoint),
				ExpectError: acctest.Diagnostic("Error: Invalid endpoint",
					fmt.Sprintf("endpoint (TENCENTLIVE_ENDPOINT) is %q; plain http is allowed only for loopback hosts (127.0.0.0/8, ::1, localhost), since every request carries a UserSig.", srv.URL),
					"Use https, or set insecure_http_endpoint (TENCENTLIVE_INSECURE_HTTP_ENDPOINT) to true"),
			},
			{
				Config: emulatorBlock(endpoint, "insecure_http_endpoint = true"),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateIs("tencentlive_room.test", "room_name", knownvalue.StringExact(reachRoomID)),
				},
				Check: func(*terraform.State) error {
					if rooms := emu.Rooms(); len(rooms) != 1 || rooms[0].RoomID != reachRoomID {
						return fmt.Errorf("the emulator at %s holds %v", srv.URL, rooms)
					}
					return nil
				},
			},
		},
	})
}

// The emulator over TLS with a self-signed certificate: refused (not retried) until
// ca_cert_file trusts the certificate, then used like any endpoint.
func TestAccConfig_emulatorOverTLS(t *testing.T) {
	clearProviderEnv(t)
	emu, srv, certFile := tlsEmulator(t, emulator.Options{}, "127.0.0.1")
	endpoint := fmt.Sprintf("endpoint = %q", srv.URL)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy: func(*terraform.State) error {
			if rooms := emu.Rooms(); len(rooms) != 0 {
				return fmt.Errorf("%d rooms left", len(rooms))
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: emulatorBlock(endpoint),
				ExpectError: acctest.Diagnostic("Error: Unable to check live room",
					`(?re)get_room_info: connection error: [\s\S]*?certificate`,
					"The TLS certificate of the endpoint "+srv.URL+" (endpoint, TENCENTLIVE_ENDPOINT, which replaces region) is not trusted",
					"set ca_cert_file (TENCENTLIVE_CA_CERT_FILE) to that certificate."),
			},
			{
				Config: emulatorBlock(endpoint, fmt.Sprintf("ca_cert_file = %q", certFile)),
				Check: func(*terraform.State) error {
					if rooms := emu.Rooms(); len(rooms) != 1 {
						return fmt.Errorf("the emulator holds %d rooms, want 1", len(rooms))
					}
					if n := emu.Stats().Total; n == 0 {
						return errors.New("no request reached the emulator")
					}
					return nil
				},
			},
		},
	})
}
