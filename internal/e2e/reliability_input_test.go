package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
)

// badInputConfig is a provider block with providerLines and one block "bad" of kind (default
// resource "tencentlive_room") with lines, plus extra HCL.
func badInputConfig(providerLines []string, kind string, lines []string, extra string) string {
	if kind == "" {
		kind = `resource "tencentlive_room"`
	}
	return fmt.Sprintf(`terraform {
  required_providers {
    tencentlive = {
      source = "tencentlive/tencentlive"
    }
  }
}

provider "tencentlive" {
  %s
}

%s "bad" {
  %s
}
%s`, strings.Join(providerLines, "\n  "), kind, strings.Join(lines, "\n  "), extra)
}

// testBadInput runs `terraform plan` on configurations with one invalid value each: every
// plan-time check must stop the plan with its own diagnostic before the provider makes a single
// API request (the emulator counts every request it receives).
func (r *reliability) testBadInput(t *testing.T) {
	emu, _ := r.emulator(t, EmulatorOptions{QPS: emulator.DocumentedQPS})
	const account = `resource "tencentlive_account"`
	video := []string{`room_id = "bad-input"`, `seat_template = "VideoDynamicGrid9Seats"`}
	with := func(line string) []string { return append(append([]string{}, video...), line) }
	goodRooms := `
resource "tencentlive_room" "good" {
  count         = 20
  room_id       = "tf-acc-test-good-${count.index}"
  seat_template = "Karaoke"
}
`
	cases := []struct {
		name          string
		provider, rm  []string
		kind          string // of the "bad" block; default resource "tencentlive_room"
		extra         string
		want          string // the diagnostic's detail
		wantSummaries int    // error diagnostics; 0 means 1
	}{
		{name: "room_id too long", rm: []string{`room_id = "` + strings.Repeat("r", 49) + `"`, `seat_template = "Karaoke"`},
			want: "room_id is 49 bytes; the vendor allows at most 48 bytes (it would answer 100002)."},
		{name: "room_id empty", rm: []string{`room_id = ""`, `seat_template = "Karaoke"`},
			want: "room_id is empty; the vendor requires at least 1 byte (it would answer 100002)."},
		{name: "room_id not ASCII", rm: []string{`room_id = "room-直播"`, `seat_template = "Karaoke"`},
			want: `room_id "room-直播" has characters outside TRTC's string room ID set: 0xE7 at byte 5, 0x9B at byte 6, 0xB4 at byte 7, 0xE6 at byte 8, 0x92 at byte 9, and 1 more. A room ID must contain only letters, digits, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ , (the client SDKs join string room IDs only from these 89 characters and answer -2105 otherwise), so nobody could enter the room.`},
		{name: "room_id control character", rm: []string{`room_id = "room\tone"`, `seat_template = "Karaoke"`},
			want: "has characters outside TRTC's string room ID set: 0x09 at byte 4."},
		{name: "room_name over 100 bytes", rm: with(`room_name = "` + strings.Repeat("直", 34) + `"`),
			want: "room_name is 102 bytes; the vendor allows at most 100 bytes (it would answer 100002)."},
		{name: "room_name empty", rm: with(`room_name = ""`),
			want: "room_name is empty; the vendor requires at least 1 byte (it would answer 100002)."},
		{name: "cover_url over 200 bytes", rm: with(`cover_url = "https://` + strings.Repeat("c", 193) + `"`),
			want: "cover_url is 201 bytes; the vendor allows at most 200 bytes (it would answer 100002)."},
		{name: "notice over 100 bytes", rm: with(`notice = "` + strings.Repeat("n", 101) + `"`),
			want: "notice is 101 bytes; the vendor allows at most 100 bytes (it would answer 100002)."},
		{name: "category over 3", rm: with(`category = [1, 2, 3, 4]`),
			want: "category has 4 values; the vendor allows at most 3 (it would answer 100009)."},
		{name: "unknown seat_template", rm: []string{`room_id = "bad-input"`, `seat_template = "Grid9"`},
			want: `seat_template is "Grid9"; the vendor accepts one of VideoDynamicGrid9Seats, VideoDynamicFloat7Seats, VideoFixedGrid9Seats, VideoFixedFloat7Seats, VideoLandscape4Seat, VideoLandscape4Seats, AudioSalon, Karaoke (it would answer 100002).`},
		{name: "unknown take_seat_mode", rm: with(`take_seat_mode = "Free"`),
			want: `take_seat_mode is "Free"; the vendor accepts one of FreeToTake, ApplyToTake (it would answer 100002).`},
		{name: "max_seat_count on a video template", rm: with(`max_seat_count = 4`),
			want: "max_seat_count is 4 but seat_template VideoDynamicGrid9Seats has a fixed 9 seats; the vendor accepts max_seat_count only with AudioSalon or Karaoke (it would answer 100002). Leave it out, or set it to 9."},
		{name: "max_seat_count zero", rm: []string{`room_id = "bad-input"`, `seat_template = "AudioSalon"`, `max_seat_count = 0`},
			want: "max_seat_count is 0; the vendor requires at least 1 (it would answer 100002)."},
		{name: "max_seat_count negative", rm: []string{`room_id = "bad-input"`, `seat_template = "Karaoke"`, `max_seat_count = -2`},
			want: "max_seat_count is -2; the vendor requires at least 1 (it would answer 100002)."},
		{name: "max_member_count negative", rm: with(`max_member_count = -5`),
			want: "max_member_count is -5; the vendor requires at least 1 (it would answer 100002)."},
		{name: "owner_account over 32 bytes", rm: with(`owner_account = "` + strings.Repeat("o", 33) + `"`),
			want: "owner_account is 33 bytes; the vendor allows at most 32 bytes (it would answer 100002)."},
		{name: "account user_id over 32 bytes", kind: account, rm: []string{`user_id = "` + strings.Repeat("u", 33) + `"`},
			want: "user_id is 33 bytes; the vendor allows at most 32 bytes (it would answer 70402)."},
		{name: "account user_id empty", kind: account, rm: []string{`user_id = ""`},
			want: "user_id is empty; the vendor requires at least 1 byte (it would answer 70402)."},
		{name: "account nick over 500 bytes", kind: account, rm: []string{`user_id = "host-1"`, `nick = "` + strings.Repeat("昵", 167) + `"`},
			want: "nick is 501 bytes; the vendor allows at most 500 bytes (it would answer 40601)."},
		{name: "account face_url over 500 bytes", kind: account, rm: []string{`user_id = "host-1"`, `face_url = "https://` + strings.Repeat("f", 493) + `"`},
			want: "face_url is 501 bytes; the vendor allows at most 500 bytes (it would answer 40601)."},
		{name: "room data source room_id too long", kind: `data "tencentlive_room"`, rm: []string{`room_id = "` + strings.Repeat("r", 49) + `"`},
			want: "room_id is 49 bytes; the vendor allows at most 48 bytes (it would answer 100002)."},
		{name: "identifier over 32 bytes", provider: []string{`identifier = "` + strings.Repeat("i", 33) + `"`}, rm: video,
			want: "identifier (TENCENTLIVE_IDENTIFIER) is 33 bytes; a UserID is at most 32 bytes."},
		{name: "sdk_app_id zero", provider: []string{`sdk_app_id = 0`}, rm: video,
			want: "sdk_app_id (TENCENTLIVE_SDK_APP_ID) is 0; it must be the positive SDKAppID shown in the Tencent RTC console."},
		{name: "max_retries over 20", provider: []string{`max_retries = 21`}, rm: video,
			want: "max_retries (TENCENTLIVE_MAX_RETRIES) is 21; it must be between 0 and 20."},
		{name: "requests_per_second over the documented rate", provider: []string{`requests_per_second = 250`}, rm: video,
			want: "requests_per_second (TENCENTLIVE_REQUESTS_PER_SECOND) is 250; it must be above 0 and at most 200, the documented per-command rate (60007 above it)."},
		{name: "plain http to a remote host", provider: []string{`endpoint = "http://example.com"`}, rm: video,
			want: `endpoint (TENCENTLIVE_ENDPOINT) is "http://example.com"; plain http is allowed only for loopback hosts (127.0.0.0/8, ::1, localhost), since every request carries a UserSig. Use https, or set insecure_http_endpoint (TENCENTLIVE_INSECURE_HTTP_ENDPOINT) to true`},
		{name: "one bad room among 20 good ones", rm: with(`notice = "` + strings.Repeat("n", 101) + `"`), extra: goodRooms,
			want: "notice is 101 bytes; the vendor allows at most 100 bytes (it would answer 100002)."},
		{name: "several bad values at once", rm: []string{`room_id = "` + strings.Repeat("r", 49) + `"`, `seat_template = "Grid9"`, `category = [1, 2, 3, 4]`},
			want: "category has 4 values; the vendor allows at most 3 (it would answer 100009).", wantSummaries: 3},
	}

	ctx := context.Background()
	ws := r.workspace(t, emu.ProviderEnv(), badInputConfig(nil, "", video, ""))
	// The counter counts: a valid plan asks the service whether the room exists.
	before, err := emu.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	assertNoDiagnostics(t, mustSucceed(t, ws, Plan(0), RunOptions{}))
	after, err := emu.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after.Total == before.Total {
		t.Fatal("a valid plan made no request: the emulator's counter would prove nothing")
	}

	for _, tc := range cases {
		t.Run(strings.ReplaceAll(tc.name, " ", "_"), func(t *testing.T) {
			writeConfig(t, ws, badInputConfig(tc.provider, tc.kind, tc.rm, tc.extra))
			before, err := emu.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			res := runStep(t, ws, Plan(0), RunOptions{})
			after, err := emu.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if res.ExitCode != 1 {
				t.Fatalf("plan exited %d, want 1:\n%s", res.ExitCode, tail(res.Stdout+res.Stderr, 3000))
			}
			errs, warns := diagnostics(res)
			if want := max(tc.wantSummaries, 1); len(errs) != want || len(warns) != 0 {
				t.Fatalf("errors %q, warnings %q; want %d error(s):\n%s", errs, warns, want, res.Stderr)
			}
			if !strings.Contains(normalized(res.Stderr), normalized(tc.want)) {
				t.Fatalf("the diagnostic lacks %q:\n%s", tc.want, res.Stderr)
			}
			if d := StatsDelta(after, before); d.Total != 0 {
				t.Fatalf("the plan made %d API requests %v; a plan-time check must make none", d.Total, d.Commands)
			}
		})
	}
	figure(t, "%d invalid configurations: each refused by `terraform plan` (exit 1) with its diagnostic; API requests made: 0", len(cases))
}
