package livespec

import "testing"

// The issue names exactly these transient codes; a change to the table must be deliberate.
func TestRetryClasses(t *testing.T) {
	backoff := []Code{100001, 60007, 60011, 60018, 60019, 70169, 70202, 70500}
	for _, c := range backoff {
		if got := c.Info().Retry; got != RetryBackoff {
			t.Errorf("code %d: retry class %d, want RetryBackoff", c, got)
		}
	}
	if got := CodeCreateTooFrequent.Info().Retry; got != RetryAfterSec {
		t.Errorf("100012: retry class %d, want RetryAfterSec", got)
	}
	if got := CodeSigExpired.Info().Retry; got != RetryNewSig {
		t.Errorf("70001: retry class %d, want RetryNewSig", got)
	}
	for _, c := range []Code{100002, 100003, 100004, 100007, 100010, 100026, 70107, 70009, 60010} {
		if c.Info().Retry != NoRetry {
			t.Errorf("code %d must not be retried", c)
		}
	}
	if Code(123456).Info().Retry != NoRetry || Code(123456).Info().Meaning == "" {
		t.Error("an undocumented code must be described and never retried")
	}
}

func TestEveryCodeHasMeaning(t *testing.T) {
	for c, info := range Codes {
		if info.Meaning == "" {
			t.Errorf("code %d has no meaning", c)
		}
		if info.Retry == NoRetry && info.Hint == "" && c >= 60000 && c < 80000 {
			t.Errorf("code %d is final but gives the user no hint", c)
		}
	}
}

// The room-management codes the provider diagnoses must tell the user what to do.
func TestRoomManagementCodesHaveHints(t *testing.T) {
	for _, c := range []Code{CodeNotAllowed, CodeTooManyAdmins, CodeMetadataTooManyKeys, CodeMetadataValueLarge,
		CodeMetadataTotalLarge, CodeMetadataNoSuchKeys, CodeMetadataKeyLong} {
		if info := c.Info(); info.Hint == "" || info.Retry != NoRetry {
			t.Errorf("code %d: %+v, want a final code with a hint", c, info)
		}
	}
}

func TestSeatTemplates(t *testing.T) {
	for _, name := range []string{LandscapeConsole, LandscapeSDK} {
		tpl, ok := LookupSeatTemplate(name)
		if !ok || tpl.ID != 200 || tpl.Voice {
			t.Errorf("%s: got %+v, %v; want landscape template 200", name, tpl, ok)
		}
	}
	if _, ok := LookupSeatTemplate("VideoLeftFocus9Seats"); ok {
		t.Error("client-only templates are not accepted by create_room")
	}
	voice := VoiceTemplateNames()
	if len(voice) != 2 || voice[0] != "AudioSalon" || voice[1] != "Karaoke" {
		t.Errorf("voice templates = %v", voice)
	}
	if n := len(SeatTemplateNames()); n != 8 {
		t.Errorf("%d template names, want 8", n)
	}
}

func TestIsPrintableASCII(t *testing.T) {
	cases := map[string]bool{"live-room_1": true, "a b~": true, "": true, "tab\there": false, "café": false, "\x7f": false}
	for s, want := range cases {
		if got := IsPrintableASCII(s); got != want {
			t.Errorf("IsPrintableASCII(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestRates(t *testing.T) {
	if CommandRate("create_room") != 200 || CommandRate("get_room_list") != 10 {
		t.Errorf("rates: create_room %g, get_room_list %g", CommandRate("create_room"), CommandRate("get_room_list"))
	}
	for _, robot := range []string{"add_robot", "get_robot", "del_robot"} {
		if CommandRate(robot) != 100 {
			t.Errorf("%s: %g/s, want the documented 100/s", robot, CommandRate(robot))
		}
	}
	if m, ok := TakeSeatModeFromInt(2); !ok || m != TakeSeatApply {
		t.Errorf("TakeSeatModeFromInt(2) = %q, %v", m, ok)
	}
	if _, ok := TakeSeatModeFromInt(3); ok {
		t.Error("3 is not a take-seat mode")
	}
}

// Only retryable codes can be refused without execution, and 100001 is never among them: the
// service may answer it after a message was delivered.
func TestRefusedUnexecuted(t *testing.T) {
	for c := range RefusedUnexecuted {
		if c.Info().Retry == NoRetry {
			t.Errorf("code %d is listed as refused unexecuted but is not retryable", c)
		}
	}
	for _, c := range []Code{CodeRateLimited, CodeCreateTooFrequent} {
		if !RefusedUnexecuted[c] {
			t.Errorf("code %d executes nothing and must be listed", c)
		}
	}
	for _, c := range []Code{CodeInternal, 60008, CodeAccountInternal} {
		if RefusedUnexecuted[c] {
			t.Errorf("code %d may come after the request took effect and must not be listed", c)
		}
	}
	if MaxMessageBytes <= 0 || RoomMessageRate <= 0 || CommandRate("send_text_msg") != DefaultCommandRate ||
		CommandRate("send_custom_msg") != DefaultCommandRate {
		t.Error("message limits or documented rates are wrong")
	}
}

func TestGiftRules(t *testing.T) {
	for _, command := range GiftConfigCommands {
		want := float64(GiftConfigRate)
		if command == CopyDefaultGiftConfig {
			want = 0.1
		}
		if got := CommandRate(command); got != want {
			t.Errorf("%s: %g/s, want %g", command, got, want)
		}
		if RateRefusalCode(command) != CodeCreateTooFrequent || !IsRateRefusal(command, CodeCreateTooFrequent) {
			t.Errorf("%s: over its rate the gift commands answer 100012", command)
		}
		if !IsRateRefusal(command, CodeRateLimited) {
			t.Errorf("%s: 60007 is a rate refusal for every command", command)
		}
	}
	for _, command := range append([]string{"create_room", "get_room_info"}, GiftRuntimeCommands...) {
		if RateRefusalCode(command) != CodeRateLimited || IsRateRefusal(command, CodeCreateTooFrequent) {
			t.Errorf("%s: 100012 is not a rate refusal (for create_room it is the same room ID within a second)", command)
		}
		if CommandRate(command) != DefaultCommandRate {
			t.Errorf("%s: %g/s", command, CommandRate(command))
		}
	}
	for _, lang := range []string{"en", "zh-Hans", "zh-Hant"} {
		if !IsGiftLanguage(lang) {
			t.Errorf("%s refused", lang)
		}
	}
	for _, lang := range []string{"EN", "zh-CN", "zh_Hans", "zh-hans", ""} {
		if IsGiftLanguage(lang) {
			t.Errorf("%q accepted: the codes are exact", lang)
		}
	}
	for _, c := range []Code{CodeGiftNoPackage, CodeGiftNotFound, CodeGiftWebhookRejected, CodeGiftDisabledInRoom, CodeGiftConfigExists} {
		if info := c.Info(); info.Hint == "" || info.Retry != NoRetry {
			t.Errorf("code %d: %+v, want a final code with a hint", c, info)
		}
	}
}
