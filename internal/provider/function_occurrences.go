package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// maxOccurrences caps one call's result: a rule and window that yield more are a mistake
// (a FREQ=MINUTELY rule, a window of years), not a set of rooms.
const maxOccurrences = 1000

// maxSkipped caps the occurrences a rule may run through before from, so that a SECONDLY or
// MINUTELY rule started long ago fails fast instead of walking years of seconds.
const maxSkipped = 1_000_000

// Argument positions, for errors that name the argument.
const (
	argRule int64 = iota
	argFrom
	argUntil
)

var _ function.Function = occurrencesFunction{}

// NewOccurrencesFunction returns provider::tencentlive::occurrences.
func NewOccurrencesFunction() function.Function { return occurrencesFunction{} }

type occurrencesFunction struct{}

func (occurrencesFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "occurrences"
}

func (occurrencesFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Start times of a calendar rule's events in a time window",
		MarkdownDescription: fmt.Sprintf("Expands an iCalendar recurrence (RFC 5545) and returns the start times of its events that fall in "+
			"`[from, until)`, sorted, without duplicates, as RFC 3339 timestamps in the rule's own time zone with its offset "+
			"(`2026-12-03T10:00:00+08:00`). Wall-clock times stay fixed across daylight-saving changes. At most %d results. "+
			"Needs no provider configuration and no network; the time-zone database is built in.", maxOccurrences),
		Parameters: []function.Parameter{
			function.StringParameter{
				Name: "rule",
				MarkdownDescription: "iCalendar text, one property a line (`\\n` or `\\r\\n`): exactly one `DTSTART` with a `TZID` " +
					"(`DTSTART;TZID=Asia/Shanghai:20261203T100000`) or in UTC (`DTSTART:20261203T020000Z`), one or more `RRULE` lines " +
					"with any part RFC 5545 defines (FREQ, INTERVAL, COUNT, UNTIL, BYDAY with ordinals such as `1MO` or `-1FR`, " +
					"BYMONTHDAY, BYMONTH, BYYEARDAY, BYWEEKNO, BYHOUR, BYMINUTE, BYSECOND, BYSETPOS, WKST), and optional `EXDATE` " +
					"and `RDATE` lines of date-times (without `TZID` or `Z` they are read in DTSTART's zone). As RFC 5545 says, " +
					"DTSTART is always the first occurrence (and counts towards COUNT), even when the RRULE would not yield it; an " +
					"`EXDATE` removes it.",
			},
			function.StringParameter{
				Name:                "from",
				MarkdownDescription: "Start of the window, inclusive: an RFC 3339 timestamp, such as `timestamp()` or `plantimestamp()` return.",
			},
			function.StringParameter{
				Name:                "until",
				MarkdownDescription: "End of the window, exclusive: an RFC 3339 timestamp after `from`.",
			},
		},
		Return: function.ListReturn{ElementType: types.StringType},
	}
}

func (occurrencesFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var rule, fromText, untilText string
	resp.Error = req.Arguments.Get(ctx, &rule, &fromText, &untilText)
	if resp.Error != nil {
		return
	}
	starts, funcErr := occurrences(rule, fromText, untilText)
	if funcErr != nil {
		resp.Error = funcErr
		return
	}
	resp.Error = resp.Result.Set(ctx, starts)
}

// occurrences is the function without the framework: the RFC 3339 start times, or an error
// naming the argument at fault.
func occurrences(rule, fromText, untilText string) ([]string, *function.FuncError) {
	rec, err := parseRecurrence(rule)
	if err != nil {
		return nil, function.NewArgumentFuncError(argRule, "rule: "+err.Error())
	}
	from, err := time.Parse(time.RFC3339, fromText)
	if err != nil {
		return nil, function.NewArgumentFuncError(argFrom, fmt.Sprintf("from: %q is not an RFC 3339 timestamp such as 2026-12-03T10:00:00+08:00 (what timestamp() and plantimestamp() return)", fromText))
	}
	until, err := time.Parse(time.RFC3339, untilText)
	if err != nil {
		return nil, function.NewArgumentFuncError(argUntil, fmt.Sprintf("until: %q is not an RFC 3339 timestamp such as 2026-12-17T10:00:00+08:00 (what timeadd() returns)", untilText))
	}
	if !until.After(from) {
		return nil, function.NewArgumentFuncError(argUntil, fmt.Sprintf("until (%s) must be after from (%s)", untilText, fromText))
	}
	times, err := rec.between(from, until, maxOccurrences, maxSkipped)
	switch {
	case errors.Is(err, errTooMany):
		return nil, function.NewArgumentFuncError(argUntil, fmt.Sprintf("the rule has more than %d occurrences from %s until %s, the most one call returns: narrow the window or the rule", maxOccurrences, fromText, untilText))
	case errors.Is(err, errTooFar):
		return nil, function.NewArgumentFuncError(argRule, fmt.Sprintf("rule: more than %d occurrences between DTSTART and from (%s): move DTSTART closer to the window", maxSkipped, fromText))
	case err != nil:
		return nil, function.NewFuncError(err.Error())
	}
	out := make([]string, len(times))
	for i, t := range times {
		out[i] = t.Format(time.RFC3339)
	}
	return out, nil
}
