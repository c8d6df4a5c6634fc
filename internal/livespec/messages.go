package livespec

// Room messages: send_text_msg and send_custom_msg (200/s each, DefaultCommandRate).
//
// The vendor's pages for these commands give the fields and the response but no size or rate
// numbers. A live room is backed by a Chat group with the same ID, so the project takes Chat's
// documented group-message rules for them (project decisions, stated once here):
//   - a message is at most MaxMessageBytes: TextContent plus ExtensionInfo, or BusinessId plus
//     Data; more is 100002;
//   - a room takes at most RoomMessageRate messages a second; a send over it still succeeds, its
//     message gets a MsgSeq (the vendor's example answers both MsgSeq and MsgDropReason) but is
//     dropped, not delivered, and the answer says MsgDropReason "MsgFreqCtrl".
const (
	MaxMessageBytes = 12 * 1024
	RoomMessageRate = 40

	// MsgDropFrequencyControl is the MsgDropReason of a message dropped by the room's rate.
	MsgDropFrequencyControl = "MsgFreqCtrl"
)

// RefusedUnexecuted lists the retryable codes the service answers without executing the
// request: rate refusals, the once-per-second create rule and an expired UserSig. Only these may
// be retried for a command that must not run twice, such as a message send; any other transient
// failure (100001, a lost connection, a gateway error) may come after the request took effect.
var RefusedUnexecuted = map[Code]bool{
	CodeRateLimited:       true,
	CodeAppRateLimited:    true,
	CodeTooFrequent1:      true,
	CodeTooFrequent2:      true,
	CodeCreateTooFrequent: true,
	CodeSigExpired:        true,
}
