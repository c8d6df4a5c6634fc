// Package serve runs the provider as a Terraform plugin (protocol 6). main.go and the profiling
// build (cmd/tencentlive-provider-pprof) serve it the same way, so benchmarks measure what users
// run.
package serve

import (
	"os"
	"runtime/debug"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

// Serve serves the provider at address until Terraform stops it. debug runs it for debuggers
// such as delve (Terraform then reads TF_REATTACH_PROVIDERS).
func Serve(address string, newProvider func() provider.Provider, debug bool) error {
	if !debug {
		quietUnlessAsked(os.Getenv, os.Setenv)
	}
	tuneGC(os.Getenv)
	framework := providerserver.NewProtocol6(newProvider())
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	return tf6server.Serve(address, func() tfprotov6.ProviderServer { return detachServer{framework()} }, opts...)
}

// logLevelVars are the terraform-plugin-go/-framework log switches. Unset, they mean TRACE: the
// SDK then JSON-encodes several lines per RPC that Terraform parses and throws away unless
// TF_LOG is set — about 40% of the provider's CPU in a 1000-room plan (measured with make bench
// and the profiling build of the provider).
var logLevelVars = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER"}

// QuietUnlessAsked is quietUnlessAsked on the process's environment, for programs that serve a
// provider without Serve (cmd/tencentlive-provider-noop).
func QuietUnlessAsked() { quietUnlessAsked(os.Getenv, os.Setenv) }

// quietUnlessAsked turns the SDK's logging off when the user asked for no logs at all (neither
// TF_LOG nor TF_LOG_PROVIDER set). Switches the user set are left alone.
func quietUnlessAsked(getenv func(string) string, setenv func(string, string) error) {
	if getenv("TF_LOG") != "" || getenv("TF_LOG_PROVIDER") != "" {
		return
	}
	for _, name := range logLevelVars {
		if getenv(name) == "" {
			_ = setenv(name, "off")
		}
	}
}

// The provider's live heap stays near 10 MB, so at Go's default GOGC=100 the collector ran
// about 27 times a second through a 1000-room plan, a quarter of the provider's CPU (measured
// the same way). Four times the live heap between collections, capped by a soft limit, keeps peak RSS far
// under the 100 MB target.
const (
	gcPercent   = 400
	memoryLimit = 64 << 20
)

// tuneGC sets the collector's pace, unless GOGC or GOMEMLIMIT say otherwise.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
