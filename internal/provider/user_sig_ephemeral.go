package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// tencentlive_user_sig signs a UserSig for an account of the application, locally, from the
// provider's sdk_app_id and secret_key. Being ephemeral, the sig is handed to what needs it in
// the same run (an encoder's configuration, a secret store's write-only attribute) and never
// written to a plan or to state.

var (
	_ ephemeral.EphemeralResource              = &userSigEphemeral{}
	_ ephemeral.EphemeralResourceWithConfigure = &userSigEphemeral{}
)

// defaultUserSigExpire is Tencent's recommended minimum lifetime for a client's sig.
const defaultUserSigExpire = 24 * time.Hour

type userSigEphemeral struct {
	data *tfkit.ProviderData
}

// NewUserSigEphemeral returns the tencentlive_user_sig ephemeral resource.
func NewUserSigEphemeral() ephemeral.EphemeralResource { return &userSigEphemeral{} }

type userSigModel struct {
	UserID    types.String `tfsdk:"user_id"`
	Expire    types.String `tfsdk:"expire"`
	UserSig   types.String `tfsdk:"user_sig"`
	ExpiresAt types.String `tfsdk:"expires_at"`
}

func (u *userSigEphemeral) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user_sig"
}

func (u *userSigEphemeral) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A UserSig (TLSSigAPIv2) for an account of the application, such as a robot that pushes a room's " +
			"stream from an encoder. It is signed on this machine with the provider's sdk_app_id and secret_key; no " +
			"request is sent. Being ephemeral (Terraform 1.10 and later, OpenTofu 1.11 and later), the sig is never " +
			"written to a plan or to state: hand it to a write-only attribute, a provider configuration or another " +
			"ephemeral context. A new sig is signed on every run.",
		Attributes: map[string]schema.Attribute{
			"user_id": schema.StringAttribute{
				Required: true,
				Description: fmt.Sprintf("UserID the sig is for, 1 to %d bytes. The sig is only accepted for that account, "+
					"which must be imported (tencentlive_account) to enter rooms.", livespec.MaxUserIDBytes),
				Validators: []validator.String{tfkit.ByteLength{Min: 1, Max: livespec.MaxUserIDBytes, Code: livespec.CodeAccountInvalidParam}},
			},
			"expire": schema.StringAttribute{
				Optional: true,
				Computed: true, // set to the default when not configured
				Description: fmt.Sprintf("How long the sig is valid, as a duration such as `24h` or `720h` (hours, "+
					"minutes `m` and seconds `s`; no days unit). At least 1s, at most %s (180 days). Default `%s`, the "+
					"lifetime Tencent recommends at least.", formatHours(wire.MaxUserSigLifetime), formatHours(defaultUserSigExpire)),
				Validators: []validator.String{sigLifetime{}},
			},
			"user_sig": schema.StringAttribute{
				Computed:    true,
				Sensitive:   true,
				Description: "The UserSig. Treat it as a password: anyone holding it can act as user_id until it expires.",
			},
			"expires_at": schema.StringAttribute{
				Computed: true,
				Description: "When the sig stops being accepted, in RFC 3339 (UTC). Counted from the start of the second " +
					"it was signed in, so it is never later than the real expiry.",
			},
		},
	}
}

func (u *userSigEphemeral) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	u.data = tfkit.ProviderDataOf(req.ProviderData, &resp.Diagnostics)
}

func (u *userSigEphemeral) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var m userSigModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	const summary = "Unable to sign a UserSig"
	if u.data != nil && u.data.Client == nil && u.data.NotReady != "" && req.ClientCapabilities.DeferralAllowed {
		// The provider's configuration comes from values known only at apply; so does the sig.
		resp.Deferred = &ephemeral.Deferred{Reason: ephemeral.DeferredReasonProviderConfigUnknown}
		return
	}
	c := u.data.APIClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	lifetime := defaultUserSigExpire
	if !m.Expire.IsNull() {
		var msg string
		if lifetime, msg = parseSigLifetime(m.Expire.ValueString()); msg != "" {
			resp.Diagnostics.AddAttributeError(path.Root("expire"), summary, msg)
			return
		}
	} else {
		m.Expire = types.StringValue(formatHours(defaultUserSigExpire))
	}
	sig, err := c.IssueUserSig(m.UserID.ValueString(), lifetime)
	if err != nil {
		resp.Diagnostics.AddError(summary, fmt.Sprintf("User %q: %v", m.UserID.ValueString(), err))
		return
	}
	m.UserSig = types.StringValue(sig.Sig)
	m.ExpiresAt = types.StringValue(sig.ExpiresAt.UTC().Format(time.RFC3339))
	resp.Diagnostics.Append(resp.Result.Set(ctx, &m)...)
}

// parseSigLifetime reads expire; the message names the attribute and the limits when it is
// not a duration between 1s and wire.MaxUserSigLifetime.
func parseSigLifetime(s string) (time.Duration, string) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Sprintf("expire %q is not a duration such as 24h or 720h: %v.", s, err)
	}
	if d < time.Second || d > wire.MaxUserSigLifetime {
		return 0, fmt.Sprintf("expire is %s; a UserSig is valid for at least 1s and at most %s (180 days).",
			s, formatHours(wire.MaxUserSigLifetime))
	}
	return d, ""
}

// formatHours writes whole-hour durations as "24h" rather than time.Duration's "24h0m0s".
func formatHours(d time.Duration) string {
	if d%time.Hour == 0 {
		return fmt.Sprintf("%dh", d/time.Hour)
	}
	return d.String()
}

// sigLifetime checks expire at validation time, so a bad value fails before anything is signed.
type sigLifetime struct{}

func (sigLifetime) Description(context.Context) string {
	return fmt.Sprintf("a duration between 1s and %s", formatHours(wire.MaxUserSigLifetime))
}
func (v sigLifetime) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (sigLifetime) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, msg := parseSigLifetime(req.ConfigValue.ValueString()); msg != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid expire", msg)
	}
}
