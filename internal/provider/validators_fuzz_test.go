package provider

import (
	"context"
	"encoding/json"
	"math"
	"math/big"
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	roomresource "github.com/tencentlive/terraform-provider-tencentlive/internal/room"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// The fuzz tests below take every validator from the live schemas of the provider, its
// resources and its data sources, and check it against the vendor's documented rule for that
// attribute: an error exactly when the value breaks the rule, never a panic, and a message that
// is valid UTF-8 (a diagnostic that is not cannot cross the plugin protocol) and names the
// attribute. An attribute that gains a validator without a rule here fails the tests.

// schemaAttr is one top-level attribute of a schema, under "provider.x", "resource.type.x" or
// "data.type.x".
type schemaAttr struct {
	key string
	at  any // the schema package's attribute; its XxxValidators method, if any, is used
}

func schemaAttrs(t testing.TB) []schemaAttr {
	t.Helper()
	ctx := context.Background()
	var out []schemaAttr
	p := New("fuzz")()
	var ps provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &ps)
	for name, a := range ps.Schema.Attributes {
		out = append(out, schemaAttr{"provider." + name, a})
	}
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var m resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: TypeName}, &m)
		var s resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &s)
		for name, a := range s.Schema.Attributes {
			out = append(out, schemaAttr{"resource." + m.TypeName + "." + name, a})
		}
	}
	for _, newDataSource := range p.DataSources(ctx) {
		d := newDataSource()
		var m datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: TypeName}, &m)
		var s datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &s)
		for name, a := range s.Schema.Attributes {
			out = append(out, schemaAttr{"data." + m.TypeName + "." + name, a})
		}
	}
	slices.SortFunc(out, func(a, b schemaAttr) int { return strings.Compare(a.key, b.key) })
	return out
}

// attrName is the attribute's own name, the last part of its key.
func attrName(key string) string { return key[strings.LastIndexByte(key, '.')+1:] }

// The oracles below write the vendor's limits out as numbers and names, copied from its pages
// (Create Room https://trtc.io/document/63401, account_import https://trtc.io/document/34953),
// rather than reading them from livespec: a wrong limit in livespec then fails the fuzz tests
// instead of agreeing with itself.
var (
	seatTemplatesOnThePage = []string{"VideoDynamicGrid9Seats", "VideoDynamicFloat7Seats", "VideoFixedGrid9Seats",
		"VideoFixedFloat7Seats", "VideoLandscape4Seat", "VideoLandscape4Seats", "AudioSalon", "Karaoke"}
	takeSeatModesOnThePage = []string{"FreeToTake", "ApplyToTake"}
)

// validString is the documented rule of each validated string attribute.
var validString = map[string]func(string) bool{
	"resource.tencentlive_room.room_id":        trtcRoomIDRule,
	"data.tencentlive_room.room_id":            roomIDRule,
	"resource.tencentlive_room.owner_account":  bytesBetween(1, 32),
	"resource.tencentlive_room.room_name":      bytesBetween(1, 100),
	"resource.tencentlive_room.cover_url":      bytesBetween(0, 200),
	"resource.tencentlive_room.notice":         bytesBetween(0, 100),
	"resource.tencentlive_room.seat_template":  oneOfRule(seatTemplatesOnThePage),
	"resource.tencentlive_room.take_seat_mode": oneOfRule(takeSeatModesOnThePage),
	"resource.tencentlive_account.user_id":     bytesBetween(1, 32),
	"resource.tencentlive_account.nick":        bytesBetween(0, 500),
	"resource.tencentlive_account.face_url":    bytesBetween(0, 500),
	"provider.identifier":                      bytesBetween(1, 32),
	// The gift pages (add_gift, add_gift_category: 20-byte IDs and names, 20-byte gift and
	// 60-byte category descriptions, 200-byte URLs, 100 bytes of JSON ExtensionInfo).
	"resource.tencentlive_gift.gift_id":                 bytesBetween(1, 20),
	"resource.tencentlive_gift.default_name":            bytesBetween(1, 20),
	"resource.tencentlive_gift.default_desc":            bytesBetween(0, 20),
	"resource.tencentlive_gift.icon_url":                bytesBetween(0, 200),
	"resource.tencentlive_gift.resource_url":            bytesBetween(0, 200),
	"resource.tencentlive_gift.extension_info":          extensionInfoRule,
	"resource.tencentlive_gift_category.category_id":    bytesBetween(1, 20),
	"resource.tencentlive_gift_category.default_name":   bytesBetween(1, 20),
	"resource.tencentlive_gift_category.default_desc":   bytesBetween(0, 60),
	"resource.tencentlive_gift_category.extension_info": extensionInfoRule,
	"provider.region":   oneOfRule([]string{"china", "singapore", "usa", "jakarta", "seoul", "tokyo", "frankfurt", "mumbai"}),
	"provider.endpoint": endpointRule,
}

// validInt64 is the rule of each validated integer attribute.
var validInt64 = map[string]func(int64) bool{
	"resource.tencentlive_room.max_seat_count":   func(n int64) bool { return n >= 1 },
	"resource.tencentlive_room.max_member_count": func(n int64) bool { return n >= 1 },
	"provider.sdk_app_id":                        func(n int64) bool { return n >= 1 },
	"provider.max_retries":                       func(n int64) bool { return n >= 0 && n <= 20 },
	"provider.gift_quota":                        func(n int64) bool { return n >= 1 && n <= math.MaxInt32 },
	"provider.category_quota":                    func(n int64) bool { return n >= 1 && n <= math.MaxInt32 },
	"resource.tencentlive_gift.coins":            func(n int64) bool { return n >= 0 && n <= math.MaxInt32 },
	"resource.tencentlive_gift.level":            func(n int64) bool { return n >= 0 && n <= math.MaxInt32 },
}

// validFloat64 is the rule of each validated number attribute.
var validFloat64 = map[string]func(float64) bool{
	"provider.requests_per_second": func(x float64) bool { return x > 0 && x <= 200 },
}

// validListLen is the rule of each validated list attribute, on its length.
var validListLen = map[string]func(int) bool{
	"resource.tencentlive_room.category": func(n int) bool { return n <= 3 },
}

// extensionInfoRule: at most 100 bytes, empty or a JSON object whose values are all strings
// (the client SDKs read it as a string-to-string map).
func extensionInfoRule(s string) bool {
	if len(s) > 100 {
		return false
	}
	if s == "" {
		return true
	}
	var m map[string]string
	return json.Unmarshal([]byte(s), &m) == nil && m != nil
}

func bytesBetween(lo, hi int) func(string) bool {
	return func(s string) bool { return len(s) >= lo && len(s) <= hi }
}

func oneOfRule(values []string) func(string) bool {
	return func(s string) bool { return slices.Contains(values, s) }
}

func roomIDRule(s string) bool {
	if len(s) < 1 || len(s) > 48 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// trtcRoomIDRule: 1 to 48 bytes from TRTC's string room ID set, written out here rather than
// read from livespec, so a wrong set in the code cannot agree with its own oracle.
func trtcRoomIDRule(s string) bool {
	const set = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%&()+-:;<=.>?@[]^_{}|~,"
	if len(s) < 1 || len(s) > 48 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(set, s[i]) < 0 {
			return false
		}
	}
	return true
}

// endpointRule: an absolute base URL without user info, query or fragment, https or http. Plain
// http off loopback is refused later, at configure, where insecure_http_endpoint is known
// (TestResolveConfigPlainHTTP).
func endpointRule(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Hostname() == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return false
	}
	return u.Scheme == "https" || u.Scheme == "http"
}

// checkDiags fails on any problem with the diagnostics of one validation: an error exactly when
// the rule is broken, each one attached to the attribute, valid UTF-8, naming the attribute.
func checkDiags(t *testing.T, key string, value any, valid bool, diags diag.Diagnostics) {
	t.Helper()
	if diags.HasError() == valid {
		t.Fatalf("%s = %#v: rule says valid=%v, validators said %q", key, value, valid, diagDetails(diags))
	}
	name := attrName(key)
	for _, d := range diags {
		if d.Severity() != diag.SeverityError {
			t.Fatalf("%s = %#v: a %v diagnostic from a validator", key, value, d.Severity())
		}
		if !utf8.ValidString(d.Summary()) || !utf8.ValidString(d.Detail()) {
			t.Fatalf("%s = %#v: diagnostic is not valid UTF-8: %q / %q", key, value, d.Summary(), d.Detail())
		}
		if !strings.Contains(d.Detail(), name) {
			t.Fatalf("%s = %#v: diagnostic %q does not name the attribute", key, value, d.Detail())
		}
		withPath, ok := d.(diag.DiagnosticWithPath)
		if !ok || !withPath.Path().Equal(path.Root(name)) {
			t.Fatalf("%s = %#v: diagnostic not attached to the attribute", key, value)
		}
	}
}

func diagDetails(diags diag.Diagnostics) []string {
	var out []string
	for _, d := range diags {
		out = append(out, d.Detail())
	}
	return out
}

func FuzzStringValidators(f *testing.F) {
	for _, s := range []string{"", "a", "live-001", "room-直播", "a\tb", "\x7f", "\xff\xfe", strings.Repeat("r", 48),
		strings.Repeat("r", 49), strings.Repeat("直", 34), strings.Repeat("n", 101), strings.Repeat("x", 201),
		strings.Repeat("x", 501), "Karaoke", "karaoke", "VideoLandscape4Seat", "FreeToTake", "usa", "mars",
		"https://console.tim.qq.com", "http://127.0.0.1:8080", "http://localhost", "http://[::1]:1/x", "http://example.com",
		"https://u:p@example.com", "https://example.com/?q=1", "https://example.com/#f", "ftp://example.com", "https://", "::"} {
		f.Add(s)
	}
	attrs := schemaAttrs(f)
	f.Fuzz(func(t *testing.T, s string) {
		ctx := context.Background()
		for _, a := range attrs {
			at, ok := a.at.(interface{ StringValidators() []validator.String })
			if !ok || len(at.StringValidators()) == 0 {
				continue
			}
			rule, ok := validString[a.key]
			if !ok {
				t.Fatalf("%s has validators but no rule in validators_fuzz_test.go: add the documented rule", a.key)
			}
			var diags diag.Diagnostics
			for _, v := range at.StringValidators() {
				resp := &validator.StringResponse{}
				v.ValidateString(ctx, validator.StringRequest{Path: path.Root(attrName(a.key)), ConfigValue: types.StringValue(s)}, resp)
				diags.Append(resp.Diagnostics...)
			}
			checkDiags(t, a.key, s, rule(s), diags)
		}
	})
}

func FuzzNumberValidators(f *testing.F) {
	for _, n := range []int64{0, 1, -1, 20, 21, 200, math.MaxInt64, math.MinInt64} {
		f.Add(n, float64(n), uint8(n))
	}
	f.Add(int64(3), 0.5, uint8(4))
	f.Add(int64(4), 200.5, uint8(255))
	f.Add(int64(5), math.Inf(1), uint8(3))
	f.Add(int64(7), math.SmallestNonzeroFloat64, uint8(1))
	attrs := schemaAttrs(f)
	f.Fuzz(func(t *testing.T, n int64, x float64, listLen uint8) {
		if math.IsNaN(x) {
			x = 0 // a Terraform number is never NaN (types.Float64Value panics on one); Inf it can be
		}
		ctx := context.Background()
		elems := make([]attr.Value, listLen)
		for i := range elems {
			elems[i] = types.Int64Value(int64(i))
		}
		list := types.ListValueMust(types.Int64Type, elems)
		for _, a := range attrs {
			p := path.Root(attrName(a.key))
			var diags diag.Diagnostics
			var valid bool
			var value any
			switch at := a.at.(type) {
			case interface{ Int64Validators() []validator.Int64 }:
				if len(at.Int64Validators()) == 0 {
					continue
				}
				rule, ok := validInt64[a.key]
				if !ok {
					t.Fatalf("%s has validators but no rule in validators_fuzz_test.go", a.key)
				}
				for _, v := range at.Int64Validators() {
					resp := &validator.Int64Response{}
					v.ValidateInt64(ctx, validator.Int64Request{Path: p, ConfigValue: types.Int64Value(n)}, resp)
					diags.Append(resp.Diagnostics...)
				}
				valid, value = rule(n), n
			case interface{ Float64Validators() []validator.Float64 }:
				if len(at.Float64Validators()) == 0 {
					continue
				}
				rule, ok := validFloat64[a.key]
				if !ok {
					t.Fatalf("%s has validators but no rule in validators_fuzz_test.go", a.key)
				}
				for _, v := range at.Float64Validators() {
					resp := &validator.Float64Response{}
					v.ValidateFloat64(ctx, validator.Float64Request{Path: p, ConfigValue: types.Float64Value(x)}, resp)
					diags.Append(resp.Diagnostics...)
				}
				valid, value = rule(x), x
			case interface{ ListValidators() []validator.List }:
				if len(at.ListValidators()) == 0 {
					continue
				}
				rule, ok := validListLen[a.key]
				if !ok {
					t.Fatalf("%s has validators but no rule in validators_fuzz_test.go", a.key)
				}
				for _, v := range at.ListValidators() {
					resp := &validator.ListResponse{}
					v.ValidateList(ctx, validator.ListRequest{Path: p, ConfigValue: list}, resp)
					diags.Append(resp.Diagnostics...)
				}
				valid, value = rule(int(listLen)), int(listLen)
			default:
				continue
			}
			checkDiags(t, a.key, value, valid, diags)
		}
	})
}

// Every validated attribute has a rule, and every rule an attribute: the fuzz tests above cover
// the whole schema, and no rule is left for an attribute that has gone.
func TestEveryValidatorHasAFuzzRule(t *testing.T) {
	validated := map[string]bool{}
	for _, a := range schemaAttrs(t) {
		n := 0
		if at, ok := a.at.(interface{ StringValidators() []validator.String }); ok {
			n += len(at.StringValidators())
		}
		if at, ok := a.at.(interface{ Int64Validators() []validator.Int64 }); ok {
			n += len(at.Int64Validators())
		}
		if at, ok := a.at.(interface{ Float64Validators() []validator.Float64 }); ok {
			n += len(at.Float64Validators())
		}
		if at, ok := a.at.(interface{ ListValidators() []validator.List }); ok {
			n += len(at.ListValidators())
		}
		if n > 0 {
			validated[a.key] = true
		}
	}
	var rules []string
	for _, m := range []map[string]bool{keys(validString), keys(validInt64), keys(validFloat64), keys(validListLen)} {
		for k := range m {
			rules = append(rules, k)
		}
	}
	for _, k := range rules {
		if !validated[k] {
			t.Errorf("rule for %s, which has no validator", k)
		}
		delete(validated, k)
	}
	for k := range validated {
		t.Errorf("%s has validators but no fuzz rule", k)
	}
	if len(rules) < 15 {
		t.Fatalf("only %d rules: the schema walk found too little", len(rules))
	}
}

func keys[V any](m map[string]V) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}

// FuzzMaxSeatCountNeedsVoiceTemplate fuzzes the room's cross-attribute check: max_seat_count set
// with a known template that is not a voice template is an error unless it is that video
// template's own seat count (written out here: 9, 7 or 4); nothing else is.
func FuzzMaxSeatCountNeedsVoiceTemplate(f *testing.F) {
	for _, name := range livespec.SeatTemplateNames() {
		f.Add(name, int64(4), true)
		f.Add(name, int64(9), true)
	}
	f.Add("Grid9", int64(4), true)
	f.Add("VideoDynamicGrid9Seats", int64(0), false)
	ctx := context.Background()
	r, ok := roomresource.NewResource().(resource.ResourceWithValidateConfig)
	if !ok {
		f.Fatal("the room resource has no ValidateConfig")
	}
	var s resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &s)
	objType, ok := s.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		f.Fatal("the room schema is not an object type")
	}
	f.Fuzz(func(t *testing.T, template string, seats int64, set bool) {
		vals := map[string]tftypes.Value{}
		for name, typ := range objType.AttributeTypes {
			vals[name] = tftypes.NewValue(typ, nil)
		}
		vals["seat_template"] = tftypes.NewValue(tftypes.String, template)
		if set {
			vals["max_seat_count"] = tftypes.NewValue(tftypes.Number, new(big.Float).SetInt64(seats))
		}
		cfg := tfsdk.Config{Schema: s.Schema, Raw: tftypes.NewValue(objType, vals)}
		var resp resource.ValidateConfigResponse
		r.ValidateConfig(ctx, resource.ValidateConfigRequest{Config: cfg}, &resp)
		videoSeats := map[string]int64{"VideoDynamicGrid9Seats": 9, "VideoDynamicFloat7Seats": 7, "VideoFixedGrid9Seats": 9,
			"VideoFixedFloat7Seats": 7, "VideoLandscape4Seat": 4, "VideoLandscape4Seats": 4}
		own, video := videoSeats[template]
		wantErr := set && video && seats != own
		if resp.Diagnostics.HasError() != wantErr {
			t.Fatalf("template %q, max_seat_count %d (set %v): errors %q, want error %v", template, seats, set, diagDetails(resp.Diagnostics), wantErr)
		}
		for _, d := range resp.Diagnostics {
			if !utf8.ValidString(d.Detail()) {
				t.Fatalf("diagnostic is not valid UTF-8: %q", d.Detail())
			}
		}
	})
}
