package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

var (
	_ resource.ResourceWithConfigure   = &accountResource{}
	_ resource.ResourceWithImportState = &accountResource{}
	_ resource.ResourceWithModifyPlan  = &accountResource{}
)

// accountResource is tencentlive_account: one user of the application's account system (shared
// with Chat), for example a room host. The API family has no profile read, so nick and face_url
// are what this resource last sent, never what the service holds.
type accountResource struct {
	data *providerData
}

// NewAccountResource returns the tencentlive_account resource.
func NewAccountResource() resource.Resource { return &accountResource{} }

// accountModel is tencentlive_account in Terraform's terms.
type accountModel struct {
	ID              types.String   `tfsdk:"id"`
	UserID          types.String   `tfsdk:"user_id"`
	Nick            types.String   `tfsdk:"nick"`
	FaceURL         types.String   `tfsdk:"face_url"`
	DeleteOnDestroy types.Bool     `tfsdk:"delete_on_destroy"`
	Timeouts        timeouts.Value `tfsdk:"timeouts"`
}

// Account operations are single small requests; these bound them, retries included.
const defaultAccountTimeout = defaultReadTimeout

func (a *accountResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_account"
}

func (a *accountResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "An account of the application (im_open_login_svc, shared with Chat), such as the host named in a " +
			"room's owner_account. Created and updated with account_import (an upsert: an existing account with the same " +
			"user ID is adopted), read with account_check, deleted with account_delete unless delete_on_destroy is false. " +
			"The API has no profile read, so a nick or face_url changed outside Terraform is not detected. " +
			"Import with the user ID; nick and face_url are then unknown until the next apply sets them.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:      true,
				Description:   "Same as user_id.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"user_id": schema.StringAttribute{
				Required: true,
				Description: fmt.Sprintf("UserID of the account, 1 to %d bytes. Changing it creates a new account. "+
					"Non-trial applications cannot import a deleted UserID again for 3 months (70399).", livespec.MaxUserIDBytes),
				Validators:    []validator.String{byteLength{min: 1, max: livespec.MaxUserIDBytes, code: livespec.CodeAccountInvalidParam}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"nick": schema.StringAttribute{
				Optional: true,
				Description: fmt.Sprintf("Display name, at most %d bytes (UTF-8). Removing it, or setting it empty, leaves the account's "+
					"nick as it is: account_import only sets the values it is given. Not read back.", livespec.MaxProfileValueBytes),
				Validators: []validator.String{byteLength{min: 0, max: livespec.MaxProfileValueBytes, code: livespec.CodeProfileTooLong}},
			},
			"face_url": schema.StringAttribute{
				Optional: true,
				Description: fmt.Sprintf("Avatar URL, at most %d bytes. Removing it, or setting it empty, leaves the account's "+
					"avatar as it is. Not read back.", livespec.MaxProfileValueBytes),
				Validators: []validator.String{byteLength{min: 0, max: livespec.MaxProfileValueBytes, code: livespec.CodeProfileTooLong}},
			},
			"delete_on_destroy": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Description: "Whether destroying the resource deletes the account with account_delete. When unset: true for an " +
					"account this resource created, false for one that already existed (imported with an import block or " +
					"`terraform import`, or found by account_check when the resource was created), so Terraform never deletes " +
					"an account it did not make unless told to. Set it to false (and apply) to leave an account in place and " +
					"only remove it from state, for example when the application's console forbids account deletion, as it does " +
					"by default for non-trial applications.",
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

func (a *accountResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	a.data = providerDataOf(req.ProviderData, &resp.Diagnostics)
}

// accountSubject names an account in the detail of a diagnostic.
func accountSubject(userID string) string { return fmt.Sprintf("Account %q", userID) }

// addAccountError appends the diagnostic for a failed account call, in the shared wording.
// The shared helper's blame rules are about room fields, so the attribute is chosen here.
func addAccountError(diags *diag.Diagnostics, summary, userID, timeout string, err error, note string) {
	detail, _ := describeAPIError(apiFailure{Subject: accountSubject(userID), Timeout: timeout}, err)
	if note != "" {
		detail += "\n\n" + note
	}
	if wire.CodeOf(err) == livespec.CodeAccountReimport { // the one code about a single attribute
		diags.AddAttributeError(path.Root("user_id"), summary, detail)
		return
	}
	diags.AddError(summary, detail)
}

// itemError turns a per-account result code into an error in the wire's form, so it reads like
// any other vendor answer.
func itemError(command string, code int, info string) error {
	return &wire.Error{Command: command, Code: livespec.Code(code), Message: info}
}

// expandAccount builds the account_import request. Empty values are left out, which leaves
// the account's current value in place.
func expandAccount(m accountModel) wire.Account {
	return wire.Account{UserID: m.UserID.ValueString(), Nick: m.Nick.ValueString(), FaceURL: m.FaceURL.ValueString()}
}

func (a *accountResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	a.data.applyStarted()
	const summary = "Unable to import account"
	var plan accountModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := a.data.apiClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultAccountTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	userID := plan.UserID.ValueString()
	if plan.DeleteOnDestroy.IsUnknown() {
		// Unset: delete on destroy only what this resource makes, never an account that
		// another configuration, the app or the console made.
		existed, err := checkAccount(ctx, c, userID)
		if err != nil {
			addAccountError(&resp.Diagnostics, summary, userID, "create", err, "")
			return
		}
		plan.DeleteOnDestroy = types.BoolValue(!existed)
	}
	if err := c.ImportAccount(ctx, expandAccount(plan)); err != nil {
		addAccountError(&resp.Diagnostics, summary, userID, "create", err, "")
		return
	}
	plan.ID = plan.UserID
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (a *accountResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	const summary = "Unable to read account"
	var state accountModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := a.data.apiClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := state.Timeouts.Read(ctx, defaultAccountTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	userID := state.UserID.ValueString()
	imported, err := checkAccount(ctx, c, userID)
	if err != nil {
		addAccountError(&resp.Diagnostics, summary, userID, "read", err, "")
		return
	}
	if !imported {
		resp.Diagnostics.AddWarning("Account no longer exists",
			fmt.Sprintf("Account %q is not imported (account_check answers NotImported); removing it from state. The next plan imports it again.", userID))
		resp.State.RemoveResource(ctx)
		return
	}
	// Nothing else to read: the profile values stay as this resource last set them.
	state.ID = state.UserID
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// checkAccount asks account_check whether userID is imported.
func checkAccount(ctx context.Context, c *wire.Client, userID string) (bool, error) {
	statuses, err := c.CheckAccounts(ctx, []string{userID})
	if err != nil {
		return false, err
	}
	for _, s := range statuses {
		if s.UserID != userID {
			continue
		}
		if s.ResultCode != 0 {
			return false, itemError("account_check", s.ResultCode, s.ResultInfo)
		}
		return s.Imported, nil
	}
	return false, fmt.Errorf("account_check answered without a result for %q", userID)
}

func (a *accountResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	a.data.applyStarted()
	const summary = "Unable to update account"
	var plan, state accountModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID = plan.UserID
	if plan.Nick.Equal(state.Nick) && plan.FaceURL.Equal(state.FaceURL) {
		// Only delete_on_destroy or timeouts changed: nothing to send.
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		return
	}
	c := a.data.apiClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, defaultAccountTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	if err := c.ImportAccount(ctx, expandAccount(plan)); err != nil {
		addAccountError(&resp.Diagnostics, summary, plan.UserID.ValueString(), "update", err, "")
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// deletionDisabledSummary is the summary of the diagnostic for an application whose console
// forbids deleting accounts.
const deletionDisabledSummary = "Account deletion is disabled for this application"

// deletionDisabledNote says what to do about it.
const deletionDisabledNote = "The application's console forbids deleting accounts, so the account is still there. " +
	"Set delete_on_destroy = false on this resource and apply, then destroy again: the account is left in place " +
	"and only removed from state. Or allow account deletion in the Tencent RTC console and destroy again."

// deletionDisabled reports whether an account_delete failure means the application does not
// allow deleting accounts: 60017 ("request disabled"), or any answer that says it is disabled
// or forbidden.
func deletionDisabled(code livespec.Code, message string) bool {
	if code == 60017 {
		return true
	}
	m := strings.ToLower(message)
	return strings.Contains(m, "disable") || strings.Contains(m, "forbid")
}

func (a *accountResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	a.data.applyStarted()
	const summary = "Unable to delete account"
	var state accountModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	userID := state.UserID.ValueString()
	if known(state.DeleteOnDestroy) && !state.DeleteOnDestroy.ValueBool() {
		tflog.Info(ctx, "delete_on_destroy is false; leaving the account in place", map[string]any{"user_id": userID})
		return
	}
	c := a.data.apiClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultAccountTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	results, err := c.DeleteAccounts(ctx, []string{userID})
	if err == nil {
		err = deleteResultError(results, userID)
	}
	if err == nil {
		return
	}
	var we *wire.Error
	if errors.As(err, &we) && deletionDisabled(we.Code, we.Message) {
		addAccountError(&resp.Diagnostics, deletionDisabledSummary, userID, "delete", err, deletionDisabledNote)
		return
	}
	addAccountError(&resp.Diagnostics, summary, userID, "delete", err, "")
}

// deleteResultError reads the per-account result of account_delete: success, or 70107 (no such
// account: already gone) is done; another code is an error. No result for the account means
// the envelope's success stands.
func deleteResultError(results []wire.AccountResult, userID string) error {
	for _, r := range results {
		if r.UserID != userID {
			continue
		}
		switch livespec.Code(r.ResultCode) {
		case livespec.CodeOK, livespec.CodeAccountNotImported:
			return nil
		}
		return itemError("account_delete", r.ResultCode, r.ResultInfo)
	}
	return nil
}

// ModifyPlan records the accounts this plan creates (see providerData.plannedAccounts) and warns
// when a profile value is removed from the configuration: the service keeps it, because
// account_import cannot clear a value.
func (a *accountResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	if req.State.Raw.IsNull() {
		// Rooms of this plan that name the account must not be refused for its absence.
		var userID types.String
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("user_id"), &userID)...)
		if a.data != nil && known(userID) {
			a.data.plannedAccounts.Store(userID.ValueString(), true)
		}
		return
	}
	var plan, state accountModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !plan.UserID.Equal(state.UserID) {
		return
	}
	for _, f := range []struct {
		name        string
		plan, state types.String
	}{{"nick", plan.Nick, state.Nick}, {"face_url", plan.FaceURL, state.FaceURL}} {
		if f.plan.IsUnknown() || f.plan.ValueString() != "" || f.state.ValueString() == "" {
			continue
		}
		resp.Diagnostics.AddAttributeWarning(path.Root(f.name), "Profile value is not cleared",
			fmt.Sprintf("%s was %q and is now unset. account_import cannot clear a profile value, so account %q keeps %s %q; only Terraform forgets it.",
				f.name, f.state.ValueString(), plan.UserID.ValueString(), f.name, f.state.ValueString()))
	}
}

// ImportState takes the user ID. Read checks that the account exists; nick and face_url stay
// unknown (null) because the API has no profile read.
func (a *accountResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if msg := (byteLength{min: 1, max: livespec.MaxUserIDBytes, code: livespec.CodeAccountInvalidParam}).check("The import ID", req.ID); msg != "" {
		resp.Diagnostics.AddError("Invalid import ID", msg+" Use the account's user ID.")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	// An account that existed before Terraform knew it is not Terraform's to delete.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("delete_on_destroy"), false)...)
}
