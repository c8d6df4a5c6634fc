package livespec

import (
	"math"
	"slices"
)

// The gift system's rules (../shared/api/gifts.md). Gifts, categories, their translations and
// relations are app-wide: every command is scoped to the SDKAppID of the request, never a room,
// except send_gift and get_gift_count.

// Byte limits of the gift configuration. The vendor counts UTF-8 bytes: 20 bytes hold only six
// CJK characters.
const (
	MaxGiftIDBytes            = 20
	MaxGiftNameBytes          = 20 // DefaultName and a translation's Name
	MaxGiftDescBytes          = 20 // DefaultDesc and a translation's Desc
	MaxGiftURLBytes           = 200
	MaxGiftExtensionInfoBytes = 100 // of the JSON text, for gifts and categories alike
	MaxCategoryIDBytes        = 20
	MaxCategoryNameBytes      = 20 // DefaultName and a translation's CategoryName
	MaxCategoryDescBytes      = 60 // DefaultDesc and a translation's CategoryDesc
)

// Coins and Level are JSON integers with no documented range; the project holds them to
// 0..MaxGiftNumber, the positive range of a 32-bit integer, so no client or server overflows.
const MaxGiftNumber = math.MaxInt32

// Quotas. The documented figures (16 gifts, 3 categories) may be a trial package's caps; the
// emulator and the provider take them as defaults and let each be configured. Over a quota the
// answer is CodeOverPackageLimit (100013), a project decision.
const (
	DefaultGiftQuota     = 16
	DefaultCategoryQuota = 3
	// copy_default_gift_config seeds this many demo gifts and categories.
	DefaultConfigGifts      = 15
	DefaultConfigCategories = 3
)

// Gift language codes, exact case. Nothing else is accepted (100002).
const (
	GiftLanguageEnglish            = "en"
	GiftLanguageSimplifiedChinese  = "zh-Hans"
	GiftLanguageTraditionalChinese = "zh-Hant"
)

// GiftLanguages lists the accepted codes in the order the console shows them.
var GiftLanguages = []string{GiftLanguageEnglish, GiftLanguageSimplifiedChinese, GiftLanguageTraditionalChinese}

// IsGiftLanguage reports whether code is one of GiftLanguages.
func IsGiftLanguage(code string) bool { return slices.Contains(GiftLanguages, code) }

// GiftConfigCommands are the gift configuration commands: documented at 1 call/s per command
// and SDKAppID (or, for copy_default_gift_config, 1 per 10 s), refused with 100012 over it.
// edit_gift, edit_gift_category and get_gift_info_list appear only in Tencent's console; the
// project holds them to the same rate.
var GiftConfigCommands = []string{
	"add_gift", "edit_gift", "get_gift", "del_gift", "get_gift_info_list",
	"set_gift_language", "get_gift_language", "del_gift_language",
	"add_gift_category", "edit_gift_category", "get_gift_category", "del_gift_category",
	"set_gift_category_language", "get_gift_category_language", "del_gift_category_language",
	"add_gift_category_relations", "del_gift_category_relations", "get_gift_category_relations",
	CopyDefaultGiftConfig,
}

// GiftRuntimeCommands are the per-room gift commands, at the default 200/s, whose rate
// refusal is the common 60007.
var GiftRuntimeCommands = []string{"send_gift", "get_gift_count"}

// CopyDefaultGiftConfig seeds the demo catalogue; documented at one call per 10 s.
const CopyDefaultGiftConfig = "copy_default_gift_config"

// GiftConfigRate is the documented rate of every gift configuration command but
// CopyDefaultGiftConfig.
const GiftConfigRate = 1

// IsGiftConfigCommand reports whether command is one of GiftConfigCommands.
func IsGiftConfigCommand(command string) bool { return slices.Contains(GiftConfigCommands, command) }

// RateRefusalCode is the code a command answers over its rate: 100012 for the gift
// configuration commands, 60007 for every other.
func RateRefusalCode(command string) Code {
	if IsGiftConfigCommand(command) {
		return CodeCreateTooFrequent
	}
	return CodeRateLimited
}

// IsRateRefusal reports whether code, answered to command, refuses the call for its rate: the
// call was not executed and may be sent again once the budget has room.
func IsRateRefusal(command string, code Code) bool {
	return code == CodeRateLimited || code == CodeAppRateLimited || code == RateRefusalCode(command)
}
