package emulator

import (
	"errors"
	"fmt"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// The two values of Options.QPS that are not a flat N requests/second for every command.
const (
	NoRateLimits  = 0  // the zero value: every request is served
	DocumentedQPS = -1 // each command's documented limit (livespec.CommandRate)
)

// Development defaults. They are public on purpose: the emulator guards nothing.
const (
	DefaultSDKAppID  uint64 = 1400000000
	DefaultSecretKey        = "emulator-secret-key-not-for-production"
	DefaultAdmin            = livespec.DefaultIdentifier

	// DefaultQPS is the command's -qps default: the documented limits. The zero Options has none.
	DefaultQPS = DocumentedQPS

	DefaultSeatCap   = 20
	DefaultMemberCap = 1000
	// DefaultAdminCap is the admins one room may have; the docs give no number (see README).
	DefaultAdminCap = 10

	// MaxBodyBytes bounds a request body; a larger one is answered with 60003.
	MaxBodyBytes = 1 << 20
)

// Options configure a Server. The zero value is a quiet, unlimited emulator with the development
// credentials: no latency, no faults, no rate limits (QPS NoRateLimits), rooms that live until destroyed.
type Options struct {
	SDKAppID  uint64        // default DefaultSDKAppID
	SecretKey string        // default DefaultSecretKey
	Admins    []string      // App Admin accounts, imported at start; default {DefaultAdmin}
	Latency   time.Duration // added to every API request
	Faults    float64       // 0..1: fraction of API requests answered with a transient failure
	// QPS is the per-command rate limit: NoRateLimits (0, the default), DocumentedQPS (-1,
	// the command's default) or N requests/second for every command.
	QPS     int
	RoomTTL time.Duration // the platform dismisses rooms this long after creation; 0 = never
	// EmptyRoomTTL is the platform's empty-room rule (auto-destroy rule 1): a room that someone
	// entered, that then stays empty this long and has no robot is dismissed; 0 = off.
	EmptyRoomTTL     time.Duration
	OmitSeatTemplate bool // get_room_info leaves SeatTemplate out, as some API versions do
	// OmitRoomModes leaves IsUnlimitedRoomEnabled and KeepOwnerOnSeat out of get_room_info, as
	// its documented field list does.
	OmitRoomModes bool
	// LegacyForms answers TakeSeatMode as an int (1 free, 2 apply) and a numeric Owner_Account
	// as a JSON number, as older API versions and the doc examples do.
	LegacyForms           bool
	StatePath             string   // persist rooms and accounts here (atomic writes); "" = memory only
	SensitiveWords        []string // RoomName/Notice containing one (case-insensitive): 100026
	ChatGroups            []string // room IDs held by Chat groups: create_room answers 100011
	SeatCap               int      // package seat cap (default 20): MaxSeatCount above it is 100013
	MemberCap             int      // package member cap and MaxMemberCount default (default 1000)
	AdminCap              int      // admins per room (default DefaultAdminCap): more is 100020
	NoPackage             bool     // no paid package: create_room answers 100007, every gift command 102001
	AccountDeleteDisabled bool     // account_delete answers 60017, as when the console forbids it
	// KeylessSDKAppIDs are answered 70016 (no key for this SDKAppID), as a data centre answers
	// an application of another one; any other SDKAppID but the emulator's is 70020.
	KeylessSDKAppIDs []uint64

	// The gift system (see README): quotas, and switches for what the vendor leaves open.
	GiftQuota         int // gifts the package allows (default livespec.DefaultGiftQuota): more is 100013
	GiftCategoryQuota int // gift categories (default livespec.DefaultCategoryQuota): more is 100013
	// NoGiftInfoList answers get_gift_info_list, the console's bulk read, as an unknown command
	// (60009), so clients test their fallback to the documented per-gift reads.
	NoGiftInfoList bool
	// SharedGiftRateBudget meters the gift configuration commands together, 1 call/s for all of
	// them (the console spaces them 1.1 s apart), instead of 1 call/s each.
	SharedGiftRateBudget bool
	// GiftLanguageInResponse answers the language reads under Response.Language, as the console
	// reads them, instead of the documented top-level GiftInfo / CategoryInfo.
	GiftLanguageInResponse bool
	// GiftIconURLUpper spells get_gift's icon field IconURL, as its field table does, instead of
	// IconUrl, as its example does.
	GiftIconURLUpper bool

	Now  func() time.Time // clock; default time.Now
	Seed int64            // fault RNG seed; 0 = random
}

// withDefaults validates o and fills in the defaults.
func (o Options) withDefaults() (Options, error) {
	if o.SDKAppID == 0 {
		o.SDKAppID = DefaultSDKAppID
	}
	if o.SecretKey == "" {
		o.SecretKey = DefaultSecretKey
	}
	if len(o.Admins) == 0 {
		o.Admins = []string{DefaultAdmin}
	}
	for _, a := range o.Admins {
		if a == "" || len(a) > livespec.MaxUserIDBytes {
			return o, fmt.Errorf("admin %q: must be 1 to %d bytes", a, livespec.MaxUserIDBytes)
		}
	}
	if o.Latency < 0 {
		return o, errors.New("latency must not be negative")
	}
	if !(o.Faults >= 0 && o.Faults <= 1) { // also refuses NaN
		return o, fmt.Errorf("faults must be between 0 and 1, got %v", o.Faults)
	}
	if o.QPS < DocumentedQPS {
		return o, fmt.Errorf("qps must be -1 (documented limits), 0 (off) or positive, got %d", o.QPS)
	}
	if o.RoomTTL < 0 || o.EmptyRoomTTL < 0 {
		return o, errors.New("room TTL and empty-room TTL must not be negative")
	}
	if o.SeatCap == 0 {
		o.SeatCap = DefaultSeatCap
	}
	if o.MemberCap == 0 {
		o.MemberCap = DefaultMemberCap
	}
	if o.AdminCap == 0 {
		o.AdminCap = DefaultAdminCap
	}
	if o.SeatCap < 0 || o.MemberCap < 0 || o.AdminCap < 0 {
		return o, errors.New("seat, member and admin caps must be positive")
	}
	if o.GiftQuota == 0 {
		o.GiftQuota = livespec.DefaultGiftQuota
	}
	if o.GiftCategoryQuota == 0 {
		o.GiftCategoryQuota = livespec.DefaultCategoryQuota
	}
	if o.GiftQuota < 0 || o.GiftCategoryQuota < 0 {
		return o, errors.New("gift and gift category quotas must be positive")
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o, nil
}
