package provider

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// known calendars: the RFC 5545 §3.8.5.3 examples (their published instance lists) and the
// cases the recurring-events module depends on. Every start is written out, so a change in
// expansion, zone handling or output format fails here.
func TestOccurrencesKnownCalendars(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, rule, from, until string
		want                    []string
	}{
		{
			name:  "weekly Thursday 10:00 Shanghai",
			rule:  "DTSTART;TZID=Asia/Shanghai:20261203T100000\nRRULE:FREQ=WEEKLY;BYDAY=TH",
			from:  "2026-12-01T00:00:00Z",
			until: "2026-12-25T00:00:00Z",
			want:  []string{"2026-12-03T10:00:00+08:00", "2026-12-10T10:00:00+08:00", "2026-12-17T10:00:00+08:00", "2026-12-24T10:00:00+08:00"},
		},
		{
			name:  "window: from is inclusive, until exclusive (10:00 Shanghai is 02:00Z)",
			rule:  "DTSTART;TZID=Asia/Shanghai:20261203T100000\r\nRRULE:FREQ=WEEKLY;BYDAY=TH\r\n",
			from:  "2026-12-03T02:00:00Z",
			until: "2026-12-17T10:00:00+08:00",
			want:  []string{"2026-12-03T10:00:00+08:00", "2026-12-10T10:00:00+08:00"},
		},
		{
			name:  "UTC DTSTART gives UTC results",
			rule:  "DTSTART:20261203T020000Z\nRRULE:FREQ=DAILY;COUNT=3",
			from:  "2026-01-01T00:00:00Z",
			until: "2027-01-01T00:00:00Z",
			want:  []string{"2026-12-03T02:00:00Z", "2026-12-04T02:00:00Z", "2026-12-05T02:00:00Z"},
		},
		{
			name:  "Berlin 10:00 stays 10:00 across the end of summer time (25 Oct 2026)",
			rule:  "DTSTART;TZID=Europe/Berlin:20261015T100000\nRRULE:FREQ=WEEKLY",
			from:  "2026-10-01T00:00:00Z",
			until: "2026-11-06T00:00:00Z",
			want:  []string{"2026-10-15T10:00:00+02:00", "2026-10-22T10:00:00+02:00", "2026-10-29T10:00:00+01:00", "2026-11-05T10:00:00+01:00"},
		},
		{
			name:  "New York 09:00 across the start of daylight time (8 Mar 2026)",
			rule:  "DTSTART;TZID=America/New_York:20260302T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3",
			from:  "2026-01-01T00:00:00Z",
			until: "2027-01-01T00:00:00Z",
			want:  []string{"2026-03-02T09:00:00-05:00", "2026-03-09T09:00:00-04:00", "2026-03-16T09:00:00-04:00"},
		},
		{
			name:  "last day of each month (BYMONTHDAY=-1)",
			rule:  "DTSTART:20260131T090000Z\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4",
			from:  "2026-01-01T00:00:00Z",
			until: "2027-01-01T00:00:00Z",
			want:  []string{"2026-01-31T09:00:00Z", "2026-02-28T09:00:00Z", "2026-03-31T09:00:00Z", "2026-04-30T09:00:00Z"},
		},
		{
			name:  "the 31st skips shorter months (invalid dates are ignored, RFC 5545 §3.3.10)",
			rule:  "DTSTART:20260131T090000Z\nRRULE:FREQ=MONTHLY;COUNT=3",
			from:  "2026-01-01T00:00:00Z",
			until: "2027-01-01T00:00:00Z",
			want:  []string{"2026-01-31T09:00:00Z", "2026-03-31T09:00:00Z", "2026-05-31T09:00:00Z"},
		},
		{
			name:  "last Friday of the month (BYDAY=-1FR)",
			rule:  "DTSTART;TZID=Asia/Shanghai:20260130T190000\nRRULE:FREQ=MONTHLY;BYDAY=-1FR",
			from:  "2026-01-01T00:00:00Z",
			until: "2026-05-01T00:00:00Z",
			want:  []string{"2026-01-30T19:00:00+08:00", "2026-02-27T19:00:00+08:00", "2026-03-27T19:00:00+08:00", "2026-04-24T19:00:00+08:00"},
		},
		{
			name:  "first Monday (BYDAY=1MO), lower-case input",
			rule:  "dtstart;tzid=Asia/Shanghai:20260105T100000\nrrule:freq=monthly;byday=1mo",
			from:  "2026-01-01T00:00:00Z",
			until: "2026-05-01T00:00:00Z",
			want:  []string{"2026-01-05T10:00:00+08:00", "2026-02-02T10:00:00+08:00", "2026-03-02T10:00:00+08:00", "2026-04-06T10:00:00+08:00"},
		},
		{
			name:  "last weekday of the month (BYSETPOS=-1)",
			rule:  "DTSTART:20260130T150000Z\nRRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
			from:  "2026-01-01T00:00:00Z",
			until: "2026-06-01T00:00:00Z",
			want:  []string{"2026-01-30T15:00:00Z", "2026-02-27T15:00:00Z", "2026-03-31T15:00:00Z", "2026-04-30T15:00:00Z", "2026-05-29T15:00:00Z"},
		},
		{
			name: "EXDATE in the rule's zone, in UTC, and without a zone; RDATE adds a session",
			rule: "DTSTART;TZID=Asia/Shanghai:20261203T100000\nRRULE:FREQ=WEEKLY;BYDAY=TH\n" +
				"EXDATE;TZID=Asia/Shanghai:20261224T100000\nEXDATE:20261231T020000Z\nEXDATE:20270107T100000\n" +
				"RDATE;TZID=Asia/Shanghai:20261226T150000",
			from:  "2026-12-01T00:00:00Z",
			until: "2027-01-15T00:00:00Z",
			want:  []string{"2026-12-03T10:00:00+08:00", "2026-12-10T10:00:00+08:00", "2026-12-17T10:00:00+08:00", "2026-12-26T15:00:00+08:00", "2027-01-14T10:00:00+08:00"},
		},
		{
			name:  "an EXDATE that is no occurrence changes nothing; COUNT counts before EXDATE",
			rule:  "DTSTART:20261201T000000Z\nRRULE:FREQ=DAILY;COUNT=4\nEXDATE:20261202T000000Z,20261210T000000Z",
			from:  "2026-12-01T00:00:00Z",
			until: "2027-01-01T00:00:00Z",
			want:  []string{"2026-12-01T00:00:00Z", "2026-12-03T00:00:00Z", "2026-12-04T00:00:00Z"},
		},
		{
			name: "two RRULEs and an RDATE that coincide give each start once",
			rule: "DTSTART;TZID=Europe/Berlin:20260105T100000\nRRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5\n" +
				"RRULE:FREQ=MONTHLY;BYDAY=1MO;COUNT=2\nRDATE;TZID=Europe/Berlin:20260112T100000",
			from:  "2026-01-01T00:00:00Z",
			until: "2027-01-01T00:00:00Z",
			want:  []string{"2026-01-05T10:00:00+01:00", "2026-01-12T10:00:00+01:00", "2026-01-19T10:00:00+01:00", "2026-01-26T10:00:00+01:00", "2026-02-02T10:00:00+01:00"},
		},
		{
			name:  "folded lines (RFC 5545 §3.1) and an indented heredoc",
			rule:  "  DTSTART;TZID=Asia/Shanghai:20261203T100000\n  RRULE:FREQ=WEEKLY;\n   BYDAY=TH;COUNT=2\n",
			from:  "2026-12-01T00:00:00Z",
			until: "2027-01-01T00:00:00Z",
			want:  []string{"2026-12-03T10:00:00+08:00", "2026-12-10T10:00:00+08:00"},
		},
		// RFC 5545 §3.8.5.3 examples, with the instances the RFC lists.
		{
			name:  "RFC: every other week on Mon, Wed, Fri until 24 Dec 1997 (WKST=SU, across a DST change)",
			rule:  "DTSTART;TZID=America/New_York:19970901T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR",
			from:  "1997-01-01T00:00:00Z",
			until: "1998-01-01T00:00:00Z",
			want: et("1997-09-01", "1997-09-03", "1997-09-05", "1997-09-15", "1997-09-17", "1997-09-19", "1997-09-29",
				"1997-10-01", "1997-10-03", "1997-10-13", "1997-10-15", "1997-10-17", "1997-10-27", "1997-10-29", "1997-10-31",
				"1997-11-10", "1997-11-12", "1997-11-14", "1997-11-24", "1997-11-26", "1997-11-28",
				"1997-12-08", "1997-12-10", "1997-12-12", "1997-12-22"),
		},
		{
			name:  "RFC: WKST=MO with INTERVAL=2",
			rule:  "DTSTART;TZID=America/New_York:19970805T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
			from:  "1997-01-01T00:00:00Z",
			until: "1998-01-01T00:00:00Z",
			want:  et("1997-08-05", "1997-08-10", "1997-08-19", "1997-08-24"),
		},
		{
			name:  "RFC: the same with WKST=SU",
			rule:  "DTSTART;TZID=America/New_York:19970805T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
			from:  "1997-01-01T00:00:00Z",
			until: "1998-01-01T00:00:00Z",
			want:  et("1997-08-05", "1997-08-17", "1997-08-19", "1997-08-31"),
		},
		{
			name:  "RFC: first and last day of the month, 10 occurrences",
			rule:  "DTSTART;TZID=America/New_York:19970930T090000\nRRULE:FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1",
			from:  "1997-01-01T00:00:00Z",
			until: "1999-01-01T00:00:00Z",
			want:  et("1997-09-30", "1997-10-01", "1997-10-31", "1997-11-01", "1997-11-30", "1997-12-01", "1997-12-31", "1998-01-01", "1998-01-31", "1998-02-01"),
		},
		{
			name:  "RFC: the third of Tue/Wed/Thu for 3 months (BYSETPOS=3)",
			rule:  "DTSTART;TZID=America/New_York:19970904T090000\nRRULE:FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3",
			from:  "1997-01-01T00:00:00Z",
			until: "1999-01-01T00:00:00Z",
			want:  et("1997-09-04", "1997-10-07", "1997-11-06"),
		},
		{
			name:  "RFC: the second-to-last weekday of the month (BYSETPOS=-2)",
			rule:  "DTSTART;TZID=America/New_York:19970929T090000\nRRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
			from:  "1997-01-01T00:00:00Z",
			until: "1998-04-01T00:00:00Z",
			want:  et("1997-09-29", "1997-10-30", "1997-11-27", "1997-12-30", "1998-01-29", "1998-02-26", "1998-03-30"),
		},
		{
			name:  "RFC: the first Friday, 10 occurrences (BYDAY=1FR)",
			rule:  "DTSTART;TZID=America/New_York:19970905T090000\nRRULE:FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
			from:  "1997-01-01T00:00:00Z",
			until: "1999-01-01T00:00:00Z",
			want:  et("1997-09-05", "1997-10-03", "1997-11-07", "1997-12-05", "1998-01-02", "1998-02-06", "1998-03-06", "1998-04-03", "1998-05-01", "1998-06-05"),
		},
		{
			name:  "RFC: every Friday the 13th, DTSTART excluded by EXDATE",
			rule:  "DTSTART;TZID=America/New_York:19970902T090000\nEXDATE;TZID=America/New_York:19970902T090000\nRRULE:FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
			from:  "1997-01-01T00:00:00Z",
			until: "2001-01-01T00:00:00Z",
			want:  et("1998-02-13", "1998-03-13", "1998-11-13", "1999-08-13", "2000-10-13"),
		},
		{
			name:  "RFC: the US presidential election day (every 4 years, BYMONTHDAY and BYDAY together)",
			rule:  "DTSTART;TZID=America/New_York:19961105T090000\nRRULE:FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
			from:  "1996-01-01T00:00:00Z",
			until: "2005-01-01T00:00:00Z",
			want:  et("1996-11-05", "2000-11-07", "2004-11-02"),
		},
		{
			name:  "RFC: Monday of week number 20 (BYWEEKNO)",
			rule:  "DTSTART;TZID=America/New_York:19970512T090000\nRRULE:FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
			from:  "1997-01-01T00:00:00Z",
			until: "2000-01-01T00:00:00Z",
			want:  et("1997-05-12", "1998-05-11", "1999-05-17"),
		},
		{
			name:  "DTSTART that the RRULE does not yield is still the first occurrence, and counts towards COUNT",
			rule:  "DTSTART:20261202T100000Z\nRRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=3",
			from:  "2026-12-01T00:00:00Z",
			until: "2027-01-01T00:00:00Z",
			want:  []string{"2026-12-02T10:00:00Z", "2026-12-03T10:00:00Z", "2026-12-10T10:00:00Z"},
		},
		{
			name:  "an empty window is an empty list",
			rule:  "DTSTART;TZID=Asia/Shanghai:20261203T100000\nRRULE:FREQ=WEEKLY;COUNT=2",
			from:  "2027-01-01T00:00:00Z",
			until: "2027-02-01T00:00:00Z",
			want:  []string{},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := occurrences(tc.rule, tc.from, tc.until)
			if err != nil {
				t.Fatalf("error: %s", err.Text)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// et lists 09:00 New York times on the given dates, with the offset of each date (EDT until
// the last Sunday of October, EST after), as the RFC examples are written.
func et(dates ...string) []string {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	out := make([]string, len(dates))
	for i, d := range dates {
		day, err := time.ParseInLocation("2006-01-02", d, ny)
		if err != nil {
			panic(err)
		}
		out[i] = day.Add(9 * time.Hour).Format(time.RFC3339)
	}
	return out
}

// TestOccurrencesErrors: every fault is an error that names the argument at fault (its
// position, for Terraform's "Invalid value for "rule" parameter") and what is wrong.
func TestOccurrencesErrors(t *testing.T) {
	t.Parallel()
	const weekly = "DTSTART;TZID=Asia/Shanghai:20261203T100000\nRRULE:FREQ=WEEKLY;BYDAY=TH"
	const from, until = "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"
	for _, tc := range []struct {
		name, rule, from, until string
		arg                     int64
		want                    string
	}{
		{"unknown RRULE part", "DTSTART:20261203T020000Z\nRRULE:FREQ=WEEKLY;BYFORTNIGHT=1", from, until, argRule, "line 2: RRULE: unknown part BYFORTNIGHT"},
		{"unknown FREQ", "DTSTART:20261203T020000Z\nRRULE:FREQ=FORTNIGHTLY", from, until, argRule, "FREQ=FORTNIGHTLY: FREQ is one of YEARLY"},
		{"unknown weekday", "DTSTART:20261203T020000Z\nRRULE:FREQ=WEEKLY;BYDAY=TX", from, until, argRule, `BYDAY=TX: "TX" is not a weekday`},
		{"month out of range", "DTSTART:20261203T020000Z\nRRULE:FREQ=YEARLY;BYMONTH=13", from, until, argRule, `BYMONTH=13: "13": each value is 1 to 12`},
		{"month day out of range", "DTSTART:20261203T020000Z\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-32", from, until, argRule, "or -31 to -1 counted from the end"},
		{"ordinal weekday with WEEKLY", "DTSTART:20261203T020000Z\nRRULE:FREQ=WEEKLY;BYDAY=-1FR", from, until, argRule, "a numbered weekday goes with FREQ=MONTHLY or YEARLY only"},
		{"COUNT with UNTIL", "DTSTART:20261203T020000Z\nRRULE:FREQ=DAILY;COUNT=2;UNTIL=20261231T000000Z", from, until, argRule, "COUNT and UNTIL exclude each other"},
		{"BYSETPOS alone", "DTSTART:20261203T020000Z\nRRULE:FREQ=MONTHLY;BYSETPOS=1", from, until, argRule, "BYSETPOS selects among"},
		{"part twice", "DTSTART:20261203T020000Z\nRRULE:FREQ=DAILY;COUNT=2;COUNT=3", from, until, argRule, "COUNT appears twice"},
		{"no FREQ", "DTSTART:20261203T020000Z\nRRULE:COUNT=2", from, until, argRule, "FREQ is required"},
		{"zero INTERVAL", "DTSTART:20261203T020000Z\nRRULE:FREQ=DAILY;INTERVAL=0", from, until, argRule, "INTERVAL=0: must be a whole number of at least 1"},
		{"UNTIL as a date", "DTSTART:20261203T020000Z\nRRULE:FREQ=DAILY;UNTIL=20261231", from, until, argRule, "UNTIL must be a date-time"},
		{"unknown TZID", "DTSTART;TZID=Asia/Atlantis:20261203T100000\nRRULE:FREQ=WEEKLY", from, until, argRule, `unknown time zone "Asia/Atlantis" in TZID`},
		{"Local is no zone name", "DTSTART;TZID=Local:20261203T100000\nRRULE:FREQ=WEEKLY", from, until, argRule, `unknown time zone "Local"`},
		{"unknown TZID in EXDATE", weekly + "\nEXDATE;TZID=Mars/Olympus:20261210T100000", from, until, argRule, `line 3: EXDATE: unknown time zone "Mars/Olympus"`},
		{"missing DTSTART", "RRULE:FREQ=WEEKLY;BYDAY=TH", from, until, argRule, "missing DTSTART"},
		{"missing RRULE", "DTSTART:20261203T020000Z", from, until, argRule, "missing RRULE"},
		{"two DTSTARTs", weekly + "\nDTSTART:20261203T020000Z", from, until, argRule, "line 3: a second DTSTART (the first is on line 1)"},
		{"floating DTSTART", "DTSTART:20261203T100000\nRRULE:FREQ=WEEKLY", from, until, argRule, "has no time zone: give a TZID"},
		{"date-only DTSTART", "DTSTART;VALUE=DATE:20261203\nRRULE:FREQ=WEEKLY", from, until, argRule, "VALUE=DATE is not supported"},
		{"bad date-time", "DTSTART:2026-12-03T10:00:00Z\nRRULE:FREQ=WEEKLY", from, until, argRule, "is not a date-time YYYYMMDDTHHMMSS"},
		{"unknown property", weekly + "\nSUMMARY:Seminar", from, until, argRule, "line 3: unknown property SUMMARY"},
		{"not a property", weekly + "\nhello", from, until, argRule, `line 3: "hello" is not a property line`},
		{"from not RFC 3339", weekly, "2026-12-01", until, argFrom, `from: "2026-12-01" is not an RFC 3339 timestamp`},
		{"until not RFC 3339", weekly, from, "next week", argUntil, `until: "next week" is not an RFC 3339 timestamp`},
		{"until equals from", weekly, from, from, argUntil, "until (2026-12-01T00:00:00Z) must be after from (2026-12-01T00:00:00Z)"},
		{"until before from", weekly, until, from, argUntil, "must be after from"},
		{"more than the cap", "DTSTART:20261201T000000Z\nRRULE:FREQ=HOURLY", from, "2027-02-01T00:00:00Z", argUntil, "more than 1000 occurrences from 2026-12-01T00:00:00Z until 2027-02-01T00:00:00Z"},
		{"a fast rule started long ago", "DTSTART:20000101T000000Z\nRRULE:FREQ=MINUTELY", from, until, argRule, "more than 1000000 occurrences between DTSTART and from"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := occurrences(tc.rule, tc.from, tc.until)
			if err == nil {
				t.Fatalf("no error; got %d results", len(got))
			}
			if err.FunctionArgument == nil || *err.FunctionArgument != tc.arg {
				t.Errorf("error names argument %v, want %d: %s", err.FunctionArgument, tc.arg, err.Text)
			}
			if !strings.Contains(err.Text, tc.want) {
				t.Errorf("error %q\ndoes not contain %q", err.Text, tc.want)
			}
		})
	}
}

// TestOccurrencesCapIsExact: exactly the cap is allowed, one more is not.
func TestOccurrencesCapIsExact(t *testing.T) {
	t.Parallel()
	rule := "DTSTART:20260101T000000Z\nRRULE:FREQ=HOURLY"
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	got, err := occurrences(rule, start.Format(time.RFC3339), start.Add(maxOccurrences*time.Hour).Format(time.RFC3339))
	if err != nil || len(got) != maxOccurrences {
		t.Fatalf("a window of exactly %d hours: %d results, error %v", maxOccurrences, len(got), err)
	}
	if _, err := occurrences(rule, start.Format(time.RFC3339), start.Add((maxOccurrences+1)*time.Hour).Format(time.RFC3339)); err == nil {
		t.Fatalf("a window of %d hours gave no error", maxOccurrences+1)
	}
}

// TestOccurrencesRun goes through the framework: the arguments in, a list of strings out, and
// an argument error out of Run.
func TestOccurrencesRun(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	run := func(args ...string) function.RunResponse {
		values := make([]attr.Value, len(args))
		for i, a := range args {
			values[i] = types.StringValue(a)
		}
		resp := function.RunResponse{Result: function.NewResultData(types.ListUnknown(types.StringType))}
		occurrencesFunction{}.Run(ctx, function.RunRequest{Arguments: function.NewArgumentsData(values)}, &resp)
		return resp
	}
	resp := run("DTSTART;TZID=Asia/Shanghai:20261203T100000\nRRULE:FREQ=WEEKLY;COUNT=2", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z")
	if resp.Error != nil {
		t.Fatal(resp.Error)
	}
	want := types.ListValueMust(types.StringType, []attr.Value{types.StringValue("2026-12-03T10:00:00+08:00"), types.StringValue("2026-12-10T10:00:00+08:00")})
	if got := resp.Result.Value(); !got.Equal(want) {
		t.Errorf("result %s, want %s", got, want)
	}
	resp = run("RRULE:FREQ=WEEKLY", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z")
	if resp.Error == nil || resp.Error.FunctionArgument == nil || *resp.Error.FunctionArgument != argRule {
		t.Errorf("a rule without DTSTART: error %v, want one on argument %d", resp.Error, argRule)
	}
}

// BenchmarkOccurrencesWeeklyYear: a weekly rule started years before a two-week window, as a
// scheduled pipeline calls it on every plan.
func BenchmarkOccurrencesWeeklyYear(b *testing.B) {
	rule := "DTSTART;TZID=Europe/Berlin:20200102T100000\nRRULE:FREQ=WEEKLY;BYDAY=TH\nEXDATE;TZID=Europe/Berlin:20261224T100000"
	for b.Loop() {
		if _, err := occurrences(rule, "2026-12-01T00:00:00Z", "2026-12-15T00:00:00Z"); err != nil {
			b.Fatal(err.Text)
		}
	}
}

// FuzzOccurrencesRule: any rule text gives starts or an error naming an argument, never a panic
// or a hang (the window and the caps bound the work).
func FuzzOccurrencesRule(f *testing.F) {
	for _, seed := range []string{
		"DTSTART;TZID=Asia/Shanghai:20261203T100000\nRRULE:FREQ=WEEKLY;BYDAY=TH",
		"DTSTART:20260130T150000Z\nRRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1\nEXDATE:20260227T150000Z",
		"DTSTART;TZID=America/New_York:19970512T090000\nRRULE:FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
		"DTSTART;TZID=\"Europe/Berlin\":20261001T100000\r\nRRULE:FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0,30;COUNT=9\r\n RDATE:20261005T120000",
		"DTSTART:20261203T020000Z\nRRULE:FREQ=YEARLY;BYYEARDAY=-1,100;BYMONTHDAY=-3",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, rule string) {
		got, err := occurrences(rule, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")
		if err != nil && err.FunctionArgument == nil {
			t.Fatalf("an error that names no argument: %s", err.Text)
		}
		if err == nil && len(got) > maxOccurrences {
			t.Fatalf("%d results, over the cap", len(got))
		}
	})
}
