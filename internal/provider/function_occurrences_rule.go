package provider

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // TZIDs resolve the same on machines without a zoneinfo database

	"github.com/teambition/rrule-go"
)

// recurrence is the iCalendar text of occurrences' rule argument (RFC 5545 §3.8.5): one
// DTSTART, one or more RRULEs, and RDATE/EXDATE lists. rrule-go expands each RRULE; the
// parsing is ours, so that every fault names its line and part (rrule-go ignores lines it does
// not know and keeps one RRULE per set).
type recurrence struct {
	start   time.Time // DTSTART, in the rule's zone
	rules   []*rrule.RRule
	rdates  []time.Time
	exdates []time.Time
}

// property is one content line: NAME;PARAM=VALUE;...:VALUE.
type property struct {
	line   int
	name   string
	params map[string]string
	value  string
}

// rruleParts are the RRULE parts RFC 5545 §3.3.10 defines.
var rruleParts = []string{"FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR",
	"BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST"}

var frequencies = map[string]rrule.Frequency{
	"YEARLY": rrule.YEARLY, "MONTHLY": rrule.MONTHLY, "WEEKLY": rrule.WEEKLY, "DAILY": rrule.DAILY,
	"HOURLY": rrule.HOURLY, "MINUTELY": rrule.MINUTELY, "SECONDLY": rrule.SECONDLY,
}

var weekdays = map[string]rrule.Weekday{
	"MO": rrule.MO, "TU": rrule.TU, "WE": rrule.WE, "TH": rrule.TH, "FR": rrule.FR, "SA": rrule.SA, "SU": rrule.SU,
}

const icalDateTime = "20060102T150405"

// parseRecurrence reads the rule text. Lines end in \n or \r\n; a line starting with a space or
// tab continues the previous one (RFC 5545 §3.1 folding); blank lines are ignored.
func parseRecurrence(text string) (*recurrence, error) {
	props, err := contentLines(text)
	if err != nil {
		return nil, err
	}
	var dtstart *property
	var rules, dates []property
	for _, p := range props {
		switch p.name {
		case "DTSTART":
			if dtstart != nil {
				return nil, fmt.Errorf("line %d: a second DTSTART (the first is on line %d); the rule has exactly one", p.line, dtstart.line)
			}
			dtstart = &p
		case "RRULE":
			rules = append(rules, p)
		case "EXDATE", "RDATE":
			dates = append(dates, p)
		default:
			return nil, fmt.Errorf("line %d: unknown property %s: the rule holds DTSTART, RRULE, EXDATE and RDATE lines only", p.line, p.name)
		}
	}
	if dtstart == nil {
		return nil, errors.New("missing DTSTART: the rule needs one, such as DTSTART;TZID=Asia/Shanghai:20261203T100000 or DTSTART:20261203T020000Z")
	}
	if len(rules) == 0 {
		return nil, errors.New("missing RRULE: the rule needs at least one, such as RRULE:FREQ=WEEKLY;BYDAY=TH")
	}

	r := &recurrence{}
	if r.start, err = parseDTStart(*dtstart); err != nil {
		return nil, err
	}
	loc := r.start.Location()
	for _, p := range rules {
		if len(p.params) > 0 {
			return nil, fmt.Errorf("line %d: RRULE takes no parameters (write RRULE:FREQ=...)", p.line)
		}
		opt, err := parseRRule(p.value, loc)
		if err != nil {
			return nil, fmt.Errorf("line %d: RRULE: %w", p.line, err)
		}
		opt.Dtstart = r.start
		rule, err := newRule(*opt)
		if err != nil {
			return nil, fmt.Errorf("line %d: RRULE: %w", p.line, err)
		}
		if rule != nil {
			r.rules = append(r.rules, rule)
		}
	}
	// "The DTSTART property defines the first instance in the recurrence set" (RFC 5545
	// §3.8.5.3), whether or not a rule yields it; its Friday-the-13th example drops a DTSTART
	// that is no such day with an EXDATE.
	r.rdates = append(r.rdates, r.start)
	for _, p := range dates {
		ts, err := parseDateList(p, loc)
		if err != nil {
			return nil, err
		}
		if p.name == "RDATE" {
			r.rdates = append(r.rdates, ts...)
		} else {
			r.exdates = append(r.exdates, ts...)
		}
	}
	return r, nil
}

// contentLines unfolds and splits the text into properties.
func contentLines(text string) ([]property, error) {
	raw := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var props []property
	for i, l := range raw {
		// A folded line continues the previous one. An indented line that starts a property
		// of its own is not folded: heredocs keep their indentation.
		folded := strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")
		if folded && len(props) > 0 && strings.TrimSpace(l) != "" && !startsProperty(strings.TrimSpace(l)) {
			props[len(props)-1].value += strings.TrimRight(l[1:], " \t\r")
			continue
		}
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		p, err := splitContentLine(l)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		p.line = i + 1
		props = append(props, p)
	}
	return props, nil
}

// startsProperty reports whether l begins with a property name the rule may hold.
func startsProperty(l string) bool {
	end := strings.IndexAny(l, ";:")
	if end <= 0 {
		return false
	}
	return slices.Contains([]string{"DTSTART", "RRULE", "EXDATE", "RDATE"}, strings.ToUpper(l[:end]))
}

// splitContentLine splits NAME;P=V;P="V":VALUE; a quoted parameter value may hold ':' and ';'.
func splitContentLine(l string) (property, error) {
	end := strings.IndexAny(l, ";:")
	if end <= 0 {
		return property{}, fmt.Errorf("%q is not a property line (NAME:VALUE, such as RRULE:FREQ=WEEKLY)", l)
	}
	p := property{name: strings.ToUpper(l[:end]), params: map[string]string{}}
	rest := l[end:]
	for strings.HasPrefix(rest, ";") {
		rest = rest[1:]
		eq := strings.IndexByte(rest, '=')
		if eq <= 0 {
			return property{}, fmt.Errorf("%s: parameter without a value", p.name)
		}
		key := strings.ToUpper(rest[:eq])
		rest = rest[eq+1:]
		var val string
		if strings.HasPrefix(rest, `"`) {
			q := strings.IndexByte(rest[1:], '"')
			if q < 0 {
				return property{}, fmt.Errorf("%s: unterminated quote in parameter %s", p.name, key)
			}
			val, rest = rest[1:q+1], rest[q+2:]
		} else {
			stop := strings.IndexAny(rest, ";:")
			if stop < 0 {
				stop = len(rest)
			}
			val, rest = rest[:stop], rest[stop:]
		}
		p.params[key] = val
	}
	if !strings.HasPrefix(rest, ":") {
		return property{}, fmt.Errorf("%s: missing ':' before the value", p.name)
	}
	p.value = strings.TrimSpace(rest[1:])
	if p.value == "" {
		return property{}, fmt.Errorf("%s has no value", p.name)
	}
	return p, nil
}

// zoneOf reads the TZID and VALUE parameters of a date-time property. It returns nil for a
// value without TZID (then a trailing Z, or the rule's zone, applies).
func zoneOf(p property) (*time.Location, error) {
	for key, val := range p.params {
		switch key {
		case "TZID":
		case "VALUE":
			if !strings.EqualFold(val, "DATE-TIME") {
				return nil, fmt.Errorf("line %d: %s;VALUE=%s is not supported: sessions start at a time of day, so write date-times such as 20261203T100000", p.line, p.name, val)
			}
		default:
			return nil, fmt.Errorf("line %d: %s: unknown parameter %s (TZID and VALUE=DATE-TIME are understood)", p.line, p.name, key)
		}
	}
	tzid, ok := p.params["TZID"]
	if !ok {
		return nil, nil
	}
	// "Local" would be the machine's zone, and "" is UTC by LoadLocation's rules: neither is a
	// zone name another machine reads the same way.
	if tzid == "" || strings.EqualFold(tzid, "Local") {
		return nil, fmt.Errorf("line %d: %s: unknown time zone %q in TZID: use an IANA name such as Asia/Shanghai or Europe/Berlin", p.line, p.name, tzid)
	}
	loc, err := time.LoadLocation(tzid)
	if err != nil {
		return nil, fmt.Errorf("line %d: %s: unknown time zone %q in TZID: use an IANA name such as Asia/Shanghai or Europe/Berlin", p.line, p.name, tzid)
	}
	return loc, nil
}

// parseDateTime reads YYYYMMDDTHHMMSS (in loc) or YYYYMMDDTHHMMSSZ (UTC).
func parseDateTime(s string, loc *time.Location) (time.Time, bool, error) {
	utc := strings.HasSuffix(s, "Z")
	if utc {
		loc = time.UTC
	}
	t, err := time.ParseInLocation(icalDateTime, strings.TrimSuffix(s, "Z"), loc)
	if err != nil {
		return time.Time{}, utc, fmt.Errorf("%q is not a date-time YYYYMMDDTHHMMSS (such as 20261203T100000, or 20261203T020000Z in UTC)", s)
	}
	return t, utc, nil
}

func parseDTStart(p property) (time.Time, error) {
	loc, err := zoneOf(p)
	if err != nil {
		return time.Time{}, err
	}
	if loc == nil && !strings.HasSuffix(p.value, "Z") {
		return time.Time{}, fmt.Errorf("line %d: DTSTART:%s has no time zone: give a TZID (DTSTART;TZID=Asia/Shanghai:%s) or a UTC time ending in Z", p.line, p.value, p.value)
	}
	t, utc, err := parseDateTime(p.value, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("line %d: DTSTART: %w", p.line, err)
	}
	if utc && loc != nil {
		return time.Time{}, fmt.Errorf("line %d: DTSTART has both a TZID and a UTC time (Z): write one or the other", p.line)
	}
	return t, nil
}

// parseDateList reads the comma-separated date-times of an RDATE or EXDATE line. A value
// without TZID or Z is read in the rule's zone.
func parseDateList(p property, ruleLoc *time.Location) ([]time.Time, error) {
	loc, err := zoneOf(p)
	if err != nil {
		return nil, err
	}
	if loc == nil {
		loc = ruleLoc
	}
	var ts []time.Time
	for _, v := range strings.Split(p.value, ",") {
		t, _, err := parseDateTime(strings.TrimSpace(v), loc)
		if err != nil {
			return nil, fmt.Errorf("line %d: %s: %w", p.line, p.name, err)
		}
		ts = append(ts, t)
	}
	return ts, nil
}

// parseRRule reads FREQ=...;PART=... into rrule-go's options, holding the value to RFC 5545
// §3.3.10, including the combinations it forbids.
func parseRRule(value string, loc *time.Location) (*rrule.ROption, error) {
	opt := &rrule.ROption{}
	seen := map[string]string{}
	for _, part := range strings.Split(strings.TrimSuffix(value, ";"), ";") {
		key, val, ok := strings.Cut(part, "=")
		key, val = strings.ToUpper(strings.TrimSpace(key)), strings.ToUpper(strings.TrimSpace(val))
		if !ok || key == "" {
			return nil, fmt.Errorf("%q is not a PART=VALUE pair", part)
		}
		if !slices.Contains(rruleParts, key) {
			return nil, fmt.Errorf("unknown part %s (RFC 5545 defines %s)", key, strings.Join(rruleParts, ", "))
		}
		if _, dup := seen[key]; dup {
			return nil, fmt.Errorf("%s appears twice", key)
		}
		if val == "" {
			return nil, fmt.Errorf("%s has no value", key)
		}
		seen[key] = val
		if err := setRRulePart(opt, key, val, loc); err != nil {
			return nil, fmt.Errorf("%s=%s: %w", key, val, err)
		}
	}
	return opt, checkRRuleCombination(opt, seen)
}

func setRRulePart(opt *rrule.ROption, key, val string, loc *time.Location) error {
	var err error
	switch key {
	case "FREQ":
		f, ok := frequencies[val]
		if !ok {
			return errors.New("FREQ is one of YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY, MINUTELY, SECONDLY")
		}
		opt.Freq = f
	case "UNTIL":
		// RFC 5545 wants UTC here when DTSTART has a TZID; a local time is read in that zone.
		if len(val) == len("20060102") {
			return errors.New("UNTIL must be a date-time like DTSTART, such as 20261231T235959Z")
		}
		opt.Until, _, err = parseDateTime(val, loc)
	case "COUNT":
		opt.Count, err = positive(val)
	case "INTERVAL":
		opt.Interval, err = positive(val)
	case "BYSECOND":
		opt.Bysecond, err = intList(val, 0, 59, false)
	case "BYMINUTE":
		opt.Byminute, err = intList(val, 0, 59, false)
	case "BYHOUR":
		opt.Byhour, err = intList(val, 0, 23, false)
	case "BYMONTHDAY":
		opt.Bymonthday, err = intList(val, 1, 31, true)
	case "BYYEARDAY":
		opt.Byyearday, err = intList(val, 1, 366, true)
	case "BYWEEKNO":
		opt.Byweekno, err = intList(val, 1, 53, true)
	case "BYMONTH":
		opt.Bymonth, err = intList(val, 1, 12, false)
	case "BYSETPOS":
		opt.Bysetpos, err = intList(val, 1, 366, true)
	case "BYDAY":
		opt.Byweekday, err = weekdayList(val)
	case "WKST":
		w, ok := weekdays[val]
		if !ok {
			return errors.New("WKST is one of MO, TU, WE, TH, FR, SA, SU")
		}
		opt.Wkst = w
	}
	return err
}

// checkRRuleCombination enforces what RFC 5545 §3.3.10 says MUST (NOT) go together.
func checkRRuleCombination(opt *rrule.ROption, seen map[string]string) error {
	freq, ok := seen["FREQ"]
	if !ok {
		return errors.New("FREQ is required, such as FREQ=WEEKLY")
	}
	_, hasCount := seen["COUNT"]
	_, hasUntil := seen["UNTIL"]
	if hasCount && hasUntil {
		return errors.New("COUNT and UNTIL exclude each other: give one")
	}
	if _, ok := seen["BYSETPOS"]; ok {
		other := false
		for k := range seen {
			other = other || (strings.HasPrefix(k, "BY") && k != "BYSETPOS")
		}
		if !other {
			return errors.New("BYSETPOS selects among the sets another BYxxx part makes, such as BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1")
		}
	}
	if _, ok := seen["BYWEEKNO"]; ok && freq != "YEARLY" {
		return errors.New("BYWEEKNO goes with FREQ=YEARLY only")
	}
	if _, ok := seen["BYYEARDAY"]; ok && (freq == "DAILY" || freq == "WEEKLY" || freq == "MONTHLY") {
		return fmt.Errorf("BYYEARDAY does not go with FREQ=%s", freq)
	}
	if _, ok := seen["BYMONTHDAY"]; ok && freq == "WEEKLY" {
		return errors.New("BYMONTHDAY does not go with FREQ=WEEKLY")
	}
	for _, w := range opt.Byweekday {
		if w.N() == 0 {
			continue
		}
		if freq != "MONTHLY" && freq != "YEARLY" {
			return fmt.Errorf("BYDAY=%s: a numbered weekday goes with FREQ=MONTHLY or YEARLY only", seen["BYDAY"])
		}
		if _, ok := seen["BYWEEKNO"]; ok {
			return fmt.Errorf("BYDAY=%s: a numbered weekday does not go with BYWEEKNO", seen["BYDAY"])
		}
	}
	return nil
}

func positive(val string) (int, error) {
	n, err := strconv.Atoi(val)
	if err != nil || n < 1 {
		return 0, errors.New("must be a whole number of at least 1")
	}
	return n, nil
}

// intList reads a comma-separated list of min..max, or also -max..-min when signed.
func intList(val string, lo, hi int, signed bool) ([]int, error) {
	var out []int
	for _, s := range strings.Split(val, ",") {
		n, err := strconv.Atoi(strings.TrimPrefix(s, "+"))
		inRange := n >= lo && n <= hi || signed && n <= -lo && n >= -hi
		if err != nil || !inRange {
			if signed {
				return nil, fmt.Errorf("%q: each value is %d to %d, or %d to %d counted from the end", s, lo, hi, -hi, -lo)
			}
			return nil, fmt.Errorf("%q: each value is %d to %d", s, lo, hi)
		}
		out = append(out, n)
	}
	return out, nil
}

// weekdayList reads BYDAY: MO, 1MO, +2TU, -1FR, ...
func weekdayList(val string) ([]rrule.Weekday, error) {
	var out []rrule.Weekday
	for _, s := range strings.Split(val, ",") {
		if len(s) < 2 {
			return nil, fmt.Errorf("%q is not a weekday (MO, TU, WE, TH, FR, SA, SU, optionally numbered: 1MO, -1FR)", s)
		}
		w, ok := weekdays[s[len(s)-2:]]
		if !ok {
			return nil, fmt.Errorf("%q is not a weekday (MO, TU, WE, TH, FR, SA, SU, optionally numbered: 1MO, -1FR)", s)
		}
		if num := s[:len(s)-2]; num != "" {
			n, err := strconv.Atoi(strings.TrimPrefix(num, "+"))
			if err != nil || n == 0 || n < -53 || n > 53 {
				return nil, fmt.Errorf("%q: the number before a weekday is 1 to 53 or -53 to -1", s)
			}
			w = w.Nth(n)
		}
		out = append(out, w)
	}
	return out, nil
}

// newRule builds an RRULE whose DTSTART is set. "The DTSTART property value always counts as
// the first occurrence" of a COUNT (RFC 5545 §3.3.10): when the rule itself does not yield
// DTSTART, it yields COUNT-1 more, and nil when that leaves none.
func newRule(opt rrule.ROption) (*rrule.RRule, error) {
	rule, err := rrule.NewRRule(opt)
	if err != nil || opt.Count == 0 {
		return rule, err
	}
	if first, ok := rule.Iterator()(); ok && first.Equal(opt.Dtstart) {
		return rule, nil
	}
	if opt.Count--; opt.Count == 0 {
		return nil, nil
	}
	return rrule.NewRRule(opt)
}

// errTooMany and errTooFar tell occurrences which argument to blame.
var (
	errTooMany = errors.New("too many occurrences")
	errTooFar  = errors.New("too many occurrences before from")
)

// between returns the occurrences in [from, until), sorted, without duplicates, in the
// rule's zone. It stops with errTooMany past limit results, and with errTooFar when a rule
// runs through more than scanLimit occurrences before from (a SECONDLY rule started years ago).
func (r *recurrence) between(from, until time.Time, limit, scanLimit int) ([]time.Time, error) {
	excluded := map[int64]bool{}
	for _, t := range r.exdates {
		excluded[t.Unix()] = true
	}
	found := map[int64]time.Time{}
	add := func(t time.Time) {
		if !t.Before(from) && t.Before(until) && !excluded[t.Unix()] {
			found[t.Unix()] = t
		}
	}
	for _, rule := range r.rules {
		next, skipped := rule.Iterator(), 0
		for {
			t, ok := next()
			if !ok || !t.Before(until) {
				break
			}
			if t.Before(from) {
				if skipped++; skipped > scanLimit {
					return nil, errTooFar
				}
				continue
			}
			add(t)
			if len(found) > limit {
				return nil, errTooMany
			}
		}
	}
	for _, t := range r.rdates {
		add(t)
	}
	if len(found) > limit {
		return nil, errTooMany
	}
	out := make([]time.Time, 0, len(found))
	loc := r.start.Location()
	for _, t := range found {
		out = append(out, t.In(loc))
	}
	slices.SortFunc(out, func(a, b time.Time) int { return a.Compare(b) })
	return out, nil
}
