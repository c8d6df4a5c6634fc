package provider

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
)

func TestParseSigLifetime(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"1s": time.Second, "24h": 24 * time.Hour, "2h30m": 150 * time.Minute, "4320h": 180 * 24 * time.Hour,
	} {
		if got, msg := parseSigLifetime(in); got != want || msg != "" {
			t.Errorf("%q: %v %q, want %v", in, got, msg, want)
		}
	}
	for in, want := range map[string]string{
		"4320h1s": "at most 4320h (180 days)",
		"999ms":   "at least 1s",
		"-1h":     "at least 1s",
		"30d":     `expire "30d" is not a duration`,
		"":        "is not a duration",
	} {
		if _, msg := parseSigLifetime(in); !strings.Contains(msg, want) || !strings.HasPrefix(msg, "expire") {
			t.Errorf("%q: message %q, want it to name expire and contain %q", in, msg, want)
		}
	}
}

func TestFormatHours(t *testing.T) {
	if got := formatHours(24 * time.Hour); got != "24h" {
		t.Errorf("24h formats as %q", got)
	}
	if got := formatHours(90 * time.Minute); got != "1h30m0s" {
		t.Errorf("90m formats as %q", got)
	}
}

// The sig is sensitive, and the provider registers the ephemeral resource under its name.
func TestUserSigSchema(t *testing.T) {
	var resp ephemeral.SchemaResponse
	NewUserSigEphemeral().Schema(context.Background(), ephemeral.SchemaRequest{}, &resp)
	sig, ok := resp.Schema.Attributes["user_sig"].(schema.StringAttribute)
	if !ok || !sig.Sensitive || !sig.Computed {
		t.Fatalf("user_sig %+v: want a computed, sensitive string", resp.Schema.Attributes["user_sig"])
	}
	for name, a := range resp.Schema.Attributes {
		if a.GetDescription() == "" {
			t.Errorf("%s has no description", name)
		}
	}
	p, ok := New("test")().(*tencentliveProvider)
	if !ok {
		t.Fatal("New does not build a *tencentliveProvider")
	}
	found := false
	for _, f := range p.EphemeralResources(context.Background()) {
		var m ephemeral.MetadataResponse
		f().Metadata(context.Background(), ephemeral.MetadataRequest{ProviderTypeName: TypeName}, &m)
		found = found || m.TypeName == "tencentlive_user_sig"
	}
	if !found {
		t.Fatal("tencentlive_user_sig is not registered")
	}
}
