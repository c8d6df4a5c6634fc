package livespec

import "fmt"

// Code is a vendor ErrorCode.
type Code int

// Codes the project acts on by name.
const (
	CodeOK                  Code = 0
	CodeBadJSON             Code = 60003
	CodeRateLimited         Code = 60007
	CodeUnknownCommand      Code = 60009
	CodeNeedsAdmin          Code = 60010
	CodeAppRateLimited      Code = 60011
	CodeMissingSDKAppID     Code = 60012
	CodeAccountNotString    Code = 60015
	CodeTooFrequent1        Code = 60018
	CodeTooFrequent2        Code = 60019
	CodeSigExpired          Code = 70001
	CodeSigEmpty            Code = 70002
	CodeSigUnparsable       Code = 70003
	CodeSigWrongKey         Code = 70009
	CodeSigIdentifier       Code = 70013
	CodeSigSDKAppID         Code = 70014
	CodeNoKeyForSDKAppID    Code = 70016
	CodeUnknownSDKAppID     Code = 70020
	CodeAccountNotImported  Code = 70107
	CodeAccountTimeout      Code = 70169
	CodeMultiImportTimeout  Code = 70202
	CodeAccountQuota        Code = 70398
	CodeAccountReimport     Code = 70399
	CodeAccountInvalidParam Code = 70402
	CodeAccountNeedsAdmin   Code = 70403
	CodeAccountInternal     Code = 70500
	CodeProfileTooLong      Code = 40601
	CodeInternal            Code = 100001
	CodeInvalidParam        Code = 100002
	CodeRoomIDTaken         Code = 100003
	CodeRoomNotFound        Code = 100004
	CodeNotAllowed          Code = 100006
	CodeNoPackage           Code = 100007
	CodeTooManyCategories   Code = 100009
	CodeRoomExistsSameOwner Code = 100010
	CodeRoomIDIsChatGroup   Code = 100011
	CodeCreateTooFrequent   Code = 100012
	CodeOverPackageLimit    Code = 100013
	CodeInvalidRoomType     Code = 100015
	CodeTooManyAdmins       Code = 100020
	CodeSensitiveContent    Code = 100026
	CodeMetadataTooManyKeys Code = 100500
	CodeMetadataValueLarge  Code = 100501
	CodeMetadataTotalLarge  Code = 100502
	CodeMetadataNoSuchKeys  Code = 100503
	CodeMetadataKeyLong     Code = 100504
	CodeGiftNoPackage       Code = 102001
	CodeGiftNotFound        Code = 102002
	CodeGiftWebhookRejected Code = 102004
	CodeGiftDisabledInRoom  Code = 102008
	CodeGiftConfigExists    Code = 102010
)

// Retry says how a client should treat a code.
type Retry int

const (
	NoRetry       Retry = iota
	RetryBackoff        // transient: retry with capped exponential backoff
	RetryAfterSec       // 100012: not executed (too frequent); retry no sooner than one second later
	RetryNewSig         // 70001: generate a fresh UserSig, then retry
)

// CodeInfo is one row of the documented error table.
type CodeInfo struct {
	Meaning string
	Retry   Retry
	Hint    string // what the user should do; empty when retrying is the whole answer
}

// Codes is every documented code the project knows, with its meaning, retry class and hint.
var Codes = map[Code]CodeInfo{
	60002: {"HTTP parse error: bad URL format", NoRetry, "Check the endpoint: it must be a base URL such as https://console.tim.qq.com."},
	60003: {"request body is not valid JSON", NoRetry, "This is a provider bug; please report it with the RequestId."},
	60004: {"wrong account or signature in the URL or body", NoRetry, "Check identifier and secret_key."},
	60005: {"wrong account or signature in the URL or body", NoRetry, "Check identifier and secret_key."},
	60006: {"SDKAppID is not valid", NoRetry, "Check sdk_app_id (TENCENTLIVE_SDK_APP_ID) in the console."},
	60007: {"REST call rate for this API exceeded", RetryBackoff, "Lower requests_per_second or -parallelism."},
	60008: {"service timeout or malformed HTTP request", RetryBackoff, ""},
	60009: {"unknown command: check the request URL", NoRetry, "Check endpoint and region: the host does not serve this command."},
	60010: {"the request needs App Admin privileges", NoRetry, "Set identifier (TENCENTLIVE_IDENTIFIER) to one of the app's App Admin accounts."},
	60011: {"SDKAppID-level request rate exceeded", RetryBackoff, "Lower requests_per_second or -parallelism."},
	60012: {"SDKAppID missing from the URL", NoRetry, "Set sdk_app_id (TENCENTLIVE_SDK_APP_ID)."},
	60013: {"JSON parse error in the HTTP response (internal)", RetryBackoff, ""},
	60014: {"account swap timeout", RetryBackoff, ""},
	60015: {"account field has the wrong type: accounts must be strings", NoRetry, "This is a provider bug; please report it with the RequestId."},
	60016: {"SDKAppID disabled", NoRetry, "Re-enable the application in the console."},
	60017: {"request disabled", NoRetry, "Check the application's settings in the console."},
	60018: {"requests too frequent, retry later", RetryBackoff, ""},
	60019: {"requests too frequent, retry later", RetryBackoff, ""},
	60020: {"Pro package expired and the app is suspended", NoRetry, "Repurchase the package in the console; it takes effect about 5 minutes later."},
	60021: {"caller source IP not allowed", NoRetry, "Add this machine's egress IP to the app's allow list."},

	70001: {"UserSig expired", RetryNewSig, "Check this machine's clock."},
	70002: {"UserSig is empty", NoRetry, "Set secret_key (TENCENTLIVE_SECRET_KEY)."},
	70003: {"UserSig could not be parsed", NoRetry, "Check secret_key (TENCENTLIVE_SECRET_KEY)."},
	70005: {"UserSig verification failed", NoRetry, "Check secret_key (TENCENTLIVE_SECRET_KEY)."},
	70009: {"UserSig verification failed: signed with another key", NoRetry, "secret_key (TENCENTLIVE_SECRET_KEY) does not belong to this sdk_app_id."},
	70013: {"UserID in the request does not match the UserSig", NoRetry, "This is a provider bug; please report it."},
	70014: {"SDKAppID in the request does not match the UserSig", NoRetry, "This is a provider bug; please report it."},
	70016: {"no key found for this SDKAppID: wrong data center?", NoRetry, "Set region (TENCENTLIVE_REGION) to the data center of the application."},
	70020: {"SDKAppID not found: wrong data center?", NoRetry, "Set region (TENCENTLIVE_REGION) to the data center of the application, and check sdk_app_id."},
	70050: {"too many UserSig failures; retry after one minute", NoRetry, "Fix secret_key, then wait a minute."},
	70051: {"account is blacklisted", NoRetry, "Remove the account from the blacklist in the console."},
	70107: {"the user account has not been imported", NoRetry, "Import the account first, for example with a tencentlive_account resource, and reference it in owner_account."},
	70169: {"internal timeout", RetryBackoff, ""},
	70202: {"internal timeout", RetryBackoff, ""},
	70398: {"account count limit reached", NoRetry, "Trial apps hold 100 accounts; upgrade the edition or delete accounts."},
	70399: {"a deleted account cannot be re-imported yet", NoRetry, "Non-trial apps cannot re-import a deleted UserID for 3 months; choose another user_id."},
	70402: {"invalid parameter", NoRetry, "Check the account's fields."},
	70403: {"the request needs App Admin privileges", NoRetry, "Set identifier (TENCENTLIVE_IDENTIFIER) to one of the app's App Admin accounts."},
	70500: {"internal server error", RetryBackoff, ""},
	40006: {"internal error while setting the profile", RetryBackoff, ""},
	40601: {"profile value too long (more than 500 bytes)", NoRetry, "Shorten nick or face_url to at most 500 bytes."},

	100001: {"internal server error", RetryBackoff, ""},
	100002: {"invalid request parameter", NoRetry, "The message names the parameter; check it against the documented limits."},
	100003: {"room ID already exists under another owner", NoRetry, "Choose another room_id, or import the existing room with terraform import."},
	100004: {"room does not exist", NoRetry, "The room was never created or has been dismissed (possibly by the platform's auto-destroy)."},
	100005: {"caller or target is not a room member", NoRetry, ""},
	100006: {"operation not allowed", NoRetry, "Robots can be added only to rooms of type Live; check that the room is a live room of this application."},
	100007: {"no paid package", NoRetry, "Buy a TUILiveKit package for this application in the console."},
	100008: {"room is full", NoRetry, ""},
	100009: {"too many category tags", NoRetry, "Use at most 3 category values."},
	100010: {"room ID already exists with the same owner", NoRetry, "Import the room to manage it (the error prints the import block), or turn on adopt_existing_rooms for one apply."},
	100011: {"room ID is taken by a Chat group", NoRetry, "Choose another room_id, or dismiss the Chat group that holds it."},
	100012: {"the same room ID may be created at most once per second", RetryAfterSec, ""},
	100013: {"exceeds the paid package limit", NoRetry, "Lower max_seat_count or upgrade the package."},
	100015: {"invalid room type", NoRetry, "This is a provider bug; please report it."},
	100020: {"too many room admins", NoRetry, "Name fewer admins: the application's package caps the admins of one room."},
	100026: {"content contains sensitive words", NoRetry, "Change the wording of the named attribute."},
	100500: {"metadata: too many keys", NoRetry, fmt.Sprintf("A room holds at most %d metadata keys, the keys the app writes at run time included.", MaxMetadataKeys)},
	100501: {"metadata: a value is too large", NoRetry, fmt.Sprintf("Each metadata value is at most %d bytes.", MaxMetadataValueBytes)},
	100502: {"metadata: total value size too large", NoRetry, fmt.Sprintf("All metadata values of a room together are at most %d bytes, the app's own keys included.", MaxMetadataTotalBytes)},
	100503: {"metadata: none of the given keys exist", NoRetry, "The keys were already deleted, possibly by the app."},
	100504: {"metadata: key too long", NoRetry, fmt.Sprintf("A metadata key is at most %d bytes.", MaxMetadataKeyBytes)},

	102001: {"no TUILiveKit package with the gift system", NoRetry, "Buy a TUILiveKit trial or paid package (trial, multi-guest or large-scale live) for this application in the console; gifts need one."},
	102002: {"the gift does not exist", NoRetry, "The gift was never created or has been deleted."},
	102004: {"the before-send-gift webhook rejected the gift", NoRetry, "Check the app's Live.CallbackBeforeSendGift handler."},
	102008: {"the room's gift switch is off", NoRetry, "Turn gifts on for the room before sending one."},
	102010: {"gift configuration already exists", NoRetry, "copy_default_gift_config works only for an app with no gifts and no categories."},
}

// Info returns the table row of a code; unknown codes are not retried.
func (c Code) Info() CodeInfo {
	if info, ok := Codes[c]; ok {
		return info
	}
	return CodeInfo{Meaning: "undocumented error code", Retry: NoRetry}
}

// Retryable reports whether a request answered with c may be sent again.
func (c Code) Retryable() bool { return c.Info().Retry != NoRetry }

func (c Code) String() string { return fmt.Sprintf("%d", int(c)) }
