// Command terraform-provider-tencentlive serves the tencentlive Terraform provider.
package main

import (
	"flag"
	"log"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/provider"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/release"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/serve"
)

// version is set at build time: -ldflags "-X main.version=1.2.3".
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run with support for debuggers such as delve")
	flag.Parse()

	if err := serve.Serve(release.Address, provider.New(version), debug); err != nil {
		log.Fatal(err.Error())
	}
}
