// Package livespec holds what the vendor documents about live rooms: byte limits, seat
// templates, rate limits and the error-code table. The emulator enforces it, the provider checks
// plans against it, and the wire client decides retries from it, so all three agree by
// construction. Source: the vendor's API documentation (trtc.io/document).
package livespec

import "strings"

// Byte limits. The vendor counts UTF-8 bytes, not characters.
const (
	MaxRoomIDBytes   = 48
	MaxRoomNameBytes = 100
	MaxCoverURLBytes = 200
	MaxNoticeBytes   = 100
	MaxUserIDBytes   = 32
	MaxCategories    = 3

	// Account profile values (account_import Nick / FaceUrl): 40601 above this.
	MaxProfileValueBytes = 500
)

// Room metadata limits (set_room_metadata / del_room_metadata).
const (
	MaxMetadataKeys       = 10
	MaxMetadataKeyBytes   = 50
	MaxMetadataValueBytes = 2048
	MaxMetadataTotalBytes = 16384
)

// Paging and batch limits.
const (
	MaxRoomListPage   = 20  // get_room_list Count
	MaxAccountsPerOp  = 100 // multiaccount_import, account_check, account_delete
	RoomTypeLive      = "Live"
	TakeSeatFree      = "FreeToTake"
	TakeSeatApply     = "ApplyToTake"
	DefaultIdentifier = "administrator"
)

// TakeSeatModes lists the accepted take_seat_mode values.
var TakeSeatModes = []string{TakeSeatFree, TakeSeatApply}

// TakeSeatModeFromInt maps the integer form some API versions answer with (1 free, 2 apply).
func TakeSeatModeFromInt(n int64) (string, bool) {
	switch n {
	case 1:
		return TakeSeatFree, true
	case 2:
		return TakeSeatApply, true
	}
	return "", false
}

// IsPrintableASCII reports whether s holds only 0x20–0x7E, the characters the client SDKs accept
// in a room ID (-2105 otherwise).
func IsPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// RoomIDSymbols are the punctuation characters of TRTC's string room ID set (TRTCParams.strRoomId):
// with letters, digits and space, the 89 characters a client can join a room by. A room whose ID
// has another character is created by the REST API but cannot be entered.
const RoomIDSymbols = "!#$%&()+-:;<=.>?@[]^_{}|~,"

// IsRoomIDChar reports whether c belongs to the string room ID set.
func IsRoomIDChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == ' ':
		return true
	}
	return strings.IndexByte(RoomIDSymbols, c) >= 0
}
