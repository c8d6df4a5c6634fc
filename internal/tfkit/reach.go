package tfkit

import (
	"fmt"
	"strings"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// What a user checks when the service cannot be reached or does not know the application: the
// endpoint, the region and the network. The texts name where the requests went, so the user
// sees at once whether it was the data centre they meant.

// consoleRegion says where the console shows an application's data centre.
const consoleRegion = "The Tencent RTC console shows it with the application's SDKAppID " +
	"(Applications, then the application's Basic Information); it was chosen when the application was created " +
	"and cannot change. Applications made on the international site (trtc.io) are usually not in china."

// regionList lists the regions and their hosts, one per line.
func regionList() string {
	var b strings.Builder
	for _, name := range livespec.RegionNames() {
		fmt.Fprintf(&b, "\n  - %s: %s", name, livespec.RegionHosts[name])
	}
	return b.String()
}

// MissingRegionDetail is the error for a configuration with neither region nor endpoint.
func MissingRegionDetail() string {
	return fmt.Sprintf("Set region in the provider block or the %s environment variable to the data centre of the application. "+
		"An application answers only on the host of its own data centre; another host fails with 70016 or 70020. %s\n\n"+
		"Regions and their hosts:%s\n\n"+
		"For the emulator or another test service, set endpoint (%s) instead.",
		EnvRegion, consoleRegion, regionList(), EnvEndpoint)
}

// regionOf returns the region whose host endpoint is, or "" for another endpoint.
func regionOf(endpoint string) string {
	for name, host := range livespec.RegionHosts {
		if endpoint == "https://"+host {
			return name
		}
	}
	return ""
}

// describeEndpoint names where the requests went: a region's host or a configured endpoint.
func describeEndpoint(endpoint string) string {
	if region := regionOf(endpoint); region != "" {
		return fmt.Sprintf("%s, the host of region %q", endpoint, region)
	}
	return fmt.Sprintf("the endpoint %s (endpoint, %s, which replaces region)", endpoint, EnvEndpoint)
}

// RegionHint replaces the code table's hint for the codes a wrong data centre answers
// (70016, 70020) with one that names the host the request went to; "" for other errors.
func RegionHint(we *wire.Error) string {
	if (we.Code != livespec.CodeNoKeyForSDKAppID && we.Code != livespec.CodeUnknownSDKAppID) || we.Endpoint == "" {
		return ""
	}
	hint := fmt.Sprintf("The request went to %s, which does not know this application. ", describeEndpoint(we.Endpoint))
	if regionOf(we.Endpoint) != "" {
		hint += fmt.Sprintf("Check the application's data centre and set region (%s) to it. ", EnvRegion)
	} else {
		hint += fmt.Sprintf("Check that the endpoint serves the application's data centre, or remove it and set region (%s). ", EnvRegion)
	}
	hint += consoleRegion + "\n\nRegions and their hosts:" + regionList()
	if we.Code == livespec.CodeUnknownSDKAppID {
		hint += fmt.Sprintf("\n\nIf the region is right, check sdk_app_id (%s).", EnvSDKAppID)
	}
	return hint
}

// ReachabilityHint says what to check when a request got no answer from ce's endpoint.
func ReachabilityHint(ce *wire.ConnectionError) string {
	if ce.Endpoint == "" {
		return ""
	}
	where := describeEndpoint(ce.Endpoint)
	check := fmt.Sprintf("Check endpoint (%s) and region (%s), and that this machine's network (firewall, proxy such as HTTPS_PROXY) reaches the host.", EnvEndpoint, EnvRegion)
	switch ce.Reason {
	case wire.ConnectionRefused:
		return fmt.Sprintf("Nothing accepts connections at %s, so the provider stopped after %d attempts. Is the server (for example the emulator) running, on that address and port? %s", where, ce.Attempts, check)
	case wire.NoAnswer:
		return fmt.Sprintf("%s accepted the connection but sent no answer, so the provider stopped after %d attempts. Is it the REST API, and not another service or a proxy that holds requests? %s", strings.ToUpper(where[:1])+where[1:], ce.Attempts, check)
	case wire.HostNotFound:
		return fmt.Sprintf("The host of %s does not resolve. %s", where, check)
	case wire.Untrusted:
		return fmt.Sprintf("The TLS certificate of %s is not trusted, so the connection was refused. For a server with its own certificate authority, such as the emulator with -tls-self-signed, set ca_cert_file (%s) to that certificate.", where, EnvCACertFile)
	}
	return fmt.Sprintf("The connection to %s was lost. %s", where, check)
}
