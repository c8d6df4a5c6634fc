package room

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

var (
	_ action.ActionWithConfigure      = &messageAction{}
	_ action.ActionWithModifyPlan     = &messageAction{}
	_ action.ActionWithValidateConfig = &messageAction{}
)

// messageAction is the tencentlive_room_message action: one text (send_text_msg) or custom
// (send_custom_msg) message to a room, from `terraform apply -invoke` or an action_trigger.
// A send is never repeated once it may have been delivered (wire.MaybeSent), so the room's
// members never see it twice; the plan checks the room and the sender first, so that most
// failures come before anything is sent.
type messageAction struct {
	data *tfkit.ProviderData
}

// NewMessageAction returns the tencentlive_room_message action.
func NewMessageAction() action.Action { return &messageAction{} }

type messageModel struct {
	RoomID        types.String `tfsdk:"room_id"`
	SenderAccount types.String `tfsdk:"sender_account"`
	Text          types.String `tfsdk:"text"`
	ExtensionInfo types.String `tfsdk:"extension_info"`
	BusinessID    types.String `tfsdk:"business_id"`
	Data          types.String `tfsdk:"data"`
}

func (a *messageAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_message"
}

func (a *messageAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = tfkit.ProviderDataOf(req.ProviderData, &resp.Diagnostics)
}

func (a *messageAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	limit := fmt.Sprintf("%d bytes", livespec.MaxMessageBytes)
	resp.Schema = schema.Schema{
		Description: "Sends one message to a live room: a text message (send_text_msg) when `text` is set, a custom message " +
			"(send_custom_msg) when `business_id` and `data` are. Invoke it with `terraform apply -invoke=action.tencentlive_room_message.NAME` " +
			"or from a resource's `action_trigger`. The plan checks that the room exists and that the sender is an imported account. " +
			"A send that may have been delivered is never repeated: after an unclear answer (100001, a lost connection) the action " +
			"fails and says so instead of sending the message twice.",
		Attributes: map[string]schema.Attribute{
			"room_id": schema.StringAttribute{
				Required: true,
				Description: fmt.Sprintf("The room to send to, 1 to %d bytes. A room created in the same apply can be named, but an "+
					"`after_update` trigger on a room cannot reference that room (Terraform reports a cycle): pass its ID through a local or a variable.",
					livespec.MaxRoomIDBytes),
				Validators: []validator.String{tfkit.ByteLength{Min: 1, Max: livespec.MaxRoomIDBytes, Code: livespec.CodeInvalidParam}, roomIDChars{}},
			},
			"sender_account": schema.StringAttribute{
				Optional: true,
				Description: fmt.Sprintf("UserID the message is sent as, 1 to %d bytes; it must be an imported account (70107 otherwise), "+
					"checked at plan. Defaults to the provider's identifier (the App Admin).", livespec.MaxUserIDBytes),
				Validators: []validator.String{tfkit.ByteLength{Min: 1, Max: livespec.MaxUserIDBytes, Code: livespec.CodeInvalidParam}},
			},
			"text": schema.StringAttribute{
				Optional:    true,
				Description: "The text of a text message (TextContent). With extension_info at most " + limit + " (100002 otherwise).",
				Validators:  []validator.String{tfkit.ByteLength{Min: 1, Max: livespec.MaxMessageBytes, Code: livespec.CodeInvalidParam}},
			},
			"extension_info": schema.StringAttribute{
				Optional:    true,
				Description: "Optional JSON text delivered with a text message (ExtensionInfo); counts toward the " + limit + ".",
				Validators:  []validator.String{tfkit.ByteLength{Min: 1, Max: livespec.MaxMessageBytes, Code: livespec.CodeInvalidParam}},
			},
			"business_id": schema.StringAttribute{
				Optional:    true,
				Description: "The business ID of a custom message (BusinessId), which the room's clients recognise; with data at most " + limit + ".",
				Validators:  []validator.String{tfkit.ByteLength{Min: 1, Max: livespec.MaxMessageBytes, Code: livespec.CodeInvalidParam}},
			},
			"data": schema.StringAttribute{
				Optional:    true,
				Description: "The payload of a custom message (Data); with business_id at most " + limit + ".",
				Validators:  []validator.String{tfkit.ByteLength{Min: 1, Max: livespec.MaxMessageBytes, Code: livespec.CodeInvalidParam}},
			},
		},
	}
}

// ValidateConfig: exactly one kind of message, within the vendor's size.
func (a *messageAction) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	var m messageModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	validateMessage(m, &resp.Diagnostics)
}

func validateMessage(m messageModel, diags *diag.Diagnostics) {
	set := func(v types.String) bool { return !v.IsNull() } // unknown counts as set
	text, custom := set(m.Text), set(m.BusinessID) || set(m.Data)
	switch {
	case text && custom:
		diags.AddAttributeError(path.Root("text"), "Invalid room message",
			"Set either text (a text message) or business_id and data (a custom message), not both.")
	case !text && !custom:
		diags.AddAttributeError(path.Root("text"), "Invalid room message",
			"Set text for a text message, or business_id and data for a custom message.")
	case custom && !(set(m.BusinessID) && set(m.Data)):
		missing := "business_id"
		if !set(m.Data) {
			missing = "data"
		}
		diags.AddAttributeError(path.Root(missing), "Invalid room message", "A custom message needs both business_id and data; "+missing+" is not set.")
	}
	if set(m.ExtensionInfo) && !text {
		diags.AddAttributeError(path.Root("extension_info"), "Invalid room message", "extension_info goes with a text message (text).")
	}
	size := func(fields ...types.String) (n int, known bool) {
		for _, f := range fields {
			if f.IsUnknown() {
				return 0, false
			}
			n += len(f.ValueString())
		}
		return n, true
	}
	for _, pair := range []struct {
		blame  string
		what   string
		fields []types.String
	}{
		{"text", "text plus extension_info", []types.String{m.Text, m.ExtensionInfo}},
		{"data", "business_id plus data", []types.String{m.BusinessID, m.Data}},
	} {
		if n, known := size(pair.fields...); known && n > livespec.MaxMessageBytes {
			diags.AddAttributeError(path.Root(pair.blame), "Room message too long",
				fmt.Sprintf("%s is %d bytes; a message is at most %d bytes (%s).", pair.what, n, livespec.MaxMessageBytes, tfkit.VendorSays(livespec.CodeInvalidParam)))
		}
	}
}

// ModifyPlan looks the room and the sender up, so that a dismissed room or a sender never
// imported fails the plan instead of the apply. A room or account that this plan creates is
// not looked up (it does not exist yet); unknown values are left to the send.
func (a *messageAction) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	const summary = "Unable to plan room message"
	var m messageModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || a.data == nil || a.data.Client == nil || !a.data.PlanChecks {
		return
	}
	c := a.data.Client
	if tfkit.Known(m.RoomID) {
		roomID := m.RoomID.ValueString()
		if !sessionOf(a.data).claims.planned(roomID) {
			_, err := c.GetRoomInfo(ctx, roomID)
			switch {
			case tfkit.IsCode(err, livespec.CodeRoomNotFound):
				resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Room not found",
					fmt.Sprintf("Room %q does not exist or was dismissed (get_room_info answered 100004): a message to it would fail with 100004. "+
						"Create the room first, or name one that exists.", roomID))
			case err != nil:
				addAPIError(&resp.Diagnostics, tfkit.APIFailure{Summary: summary, RoomID: roomID, Attribute: "room_id"}, err)
			}
		}
	}
	sender := senderOf(m, a.data.Identifier)
	if !tfkit.Known(sender) || sender.ValueString() == a.data.Identifier || tfkit.WalkOf(a.data).AccountPlanned(sender.ValueString()) {
		return
	}
	statuses, err := c.CheckAccounts(ctx, []string{sender.ValueString()})
	if err != nil {
		addAPIError(&resp.Diagnostics, tfkit.APIFailure{Summary: summary, Attribute: "sender_account"}, err)
		return
	}
	for _, s := range statuses {
		if s.UserID == sender.ValueString() && s.ResultCode == 0 && !s.Imported {
			resp.Diagnostics.AddAttributeError(path.Root("sender_account"), "Sender not imported",
				fmt.Sprintf("Account %q is not imported (account_check), so the service would refuse the message with 70107. "+
					"Import it first, for example with a tencentlive_account resource.", sender.ValueString()))
		}
	}
}

// senderOf is the configured sender, or the identifier.
func senderOf(m messageModel, identifier string) types.String {
	if m.SenderAccount.IsNull() {
		return types.StringValue(identifier)
	}
	return m.SenderAccount
}

func (a *messageAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	const summary = "Unable to send room message"
	var m messageModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := a.data.APIClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	roomID := m.RoomID.ValueString()
	sender := senderOf(m, a.data.Identifier).ValueString()
	var (
		sent wire.SentMessage
		err  error
		kind string
	)
	if !m.Text.IsNull() {
		kind = "text"
		sent, err = c.SendTextMessage(ctx, wire.TextMessage{RoomID: roomID, Sender: sender, Text: m.Text.ValueString(), ExtensionInfo: m.ExtensionInfo.ValueString()})
	} else {
		kind = "custom"
		sent, err = c.SendCustomMessage(ctx, wire.CustomMessage{RoomID: roomID, Sender: sender, BusinessID: m.BusinessID.ValueString(), Data: m.Data.ValueString()})
	}
	if err != nil {
		f := tfkit.APIFailure{Summary: summary, RoomID: roomID, Blame: messageBlame}
		if wire.MaybeSent(err) {
			f.Note = "The message may have been delivered: it was not sent again, so that the room's members do not see it twice. " +
				"Check the room before invoking the action again."
		}
		addAPIError(&resp.Diagnostics, f, err)
		return
	}
	if sent.Dropped() {
		resp.Diagnostics.AddError("Room message dropped",
			fmt.Sprintf("Room %q took the %s message (MsgSeq %d) but did not deliver it: MsgDropReason %q (the room's message rate, %d a second, was exceeded). Nobody received it, so invoking the action again sends it once.",
				roomID, kind, sent.MsgSeq, sent.MsgDropReason, livespec.RoomMessageRate))
		return
	}
	if resp.SendProgress != nil {
		resp.SendProgress(action.InvokeProgressEvent{Message: fmt.Sprintf("Sent %s message %d to room %q as %q", kind, sent.MsgSeq, roomID, sender)})
	}
}

// messageBlame names the attribute a send's vendor error is about.
func messageBlame(code livespec.Code, _ string) string {
	switch code {
	case livespec.CodeRoomNotFound:
		return "room_id"
	case livespec.CodeAccountNotImported:
		return "sender_account"
	}
	return ""
}
