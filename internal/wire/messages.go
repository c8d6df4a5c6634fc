package wire

import (
	"context"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Room messages. A send is not idempotent: the service numbers each message it takes, and the
// room's members see every copy. So a send is never repeated once it may have taken effect: an
// answer of 100001 (the service's "internal error, retry") can come after the message was
// delivered, and so can a lost connection or a gateway's 502. Only answers that say the request
// was not executed (livespec.RefusedUnexecuted: 60007 and the other rate refusals, 100012, an
// expired UserSig) and a refused connection are retried. A failure for which MaybeSent is true
// is returned at once; whoever asked for the send decides whether to look before sending again.

// TextMessage is a send_text_msg request.
type TextMessage struct {
	RoomID string `json:"RoomId"`
	Sender string `json:"Sender_Account"` // an imported account; 70107 otherwise
	Text   string `json:"TextContent"`
	// ExtensionInfo is optional: a JSON text delivered with the message (as its cloud custom
	// data). TextContent and ExtensionInfo together are at most livespec.MaxMessageBytes.
	ExtensionInfo string `json:"ExtensionInfo,omitempty"`
}

// CustomMessage is a send_custom_msg request: Data under a business ID the room's clients
// recognise. BusinessID and Data together are at most livespec.MaxMessageBytes.
type CustomMessage struct {
	RoomID     string `json:"RoomId"`
	Sender     string `json:"Sender_Account,omitempty"` // empty: the App Admin identifier sends it
	BusinessID string `json:"BusinessId"`
	Data       string `json:"Data"`
}

// SentMessage is the service's answer to a send.
type SentMessage struct {
	MsgTime int64 `json:"MsgTime"` // Unix seconds
	MsgSeq  int64 `json:"MsgSeq"`  // the message's number in the room
	// MsgDropReason is empty when the message was delivered. "MsgFreqCtrl"
	// (livespec.MsgDropFrequencyControl): the room's message rate dropped it; the send still
	// succeeded and nobody received it.
	MsgDropReason string `json:"MsgDropReason"`
}

// Dropped reports whether the service took the message but did not deliver it.
func (m SentMessage) Dropped() bool { return m.MsgDropReason != "" }

// SendTextMessage sends a text message to a room (send_text_msg). A missing or dismissed room is
// an *Error with code 100004, a sender never imported 70107. It is sent at most once: see above.
func (c *Client) SendTextMessage(ctx context.Context, msg TextMessage) (SentMessage, error) {
	var resp SentMessage
	err := c.Call(atMostOnce(ctx), livespec.ServiceLive, "send_text_msg", msg, &resp)
	return resp, err
}

// SendCustomMessage sends a custom message to a room (send_custom_msg), with the same errors and
// the same at-most-once rule as SendTextMessage.
func (c *Client) SendCustomMessage(ctx context.Context, msg CustomMessage) (SentMessage, error) {
	var resp SentMessage
	err := c.Call(atMostOnce(ctx), livespec.ServiceLive, "send_custom_msg", msg, &resp)
	return resp, err
}
