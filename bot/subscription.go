package bot

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot/gazetteer"
	"github.com/briefbot/briefbot/bot/schedule"
	"github.com/briefbot/briefbot/bot/weapons"
)

// Subscription is a channel's standing order for digests: when to post them
// and what they cover.
type Subscription struct {
	ID         string    `json:"id"`                   // stable: SubscriptionID(Platform, Channel)
	Platform   Platform  `json:"platform"`             // where Channel is
	Channel    string    `json:"channel"`              // the platform's channel ID
	Spec       string    `json:"spec"`                 // five-field cron spec ("0 9 * * 1"); weekly and daily are stored as their specs
	TZ         string    `json:"tz,omitempty"`         // IANA zone; "" means the configured default
	Countries  []string  `json:"countries,omitempty"`  // canonical names (bot/gazetteer); nil: all
	Categories []string  `json:"categories,omitempty"` // SIPRI categories (bot/weapons); nil: all
	SkipEmpty  bool      `json:"skip_empty,omitempty"` // post nothing when there is nothing new
	Chart      bool      `json:"chart,omitempty"`      // post a chart of the new deliveries by recipient with the digest
	CreatedBy  string    `json:"created_by,omitempty"` // the platform's user ID of who subscribed
	Created    time.Time `json:"created"`
}

// SubscriptionID returns the ID of the subscription of channel on platform.
// A channel has at most one subscription.
func SubscriptionID(platform Platform, channel string) string {
	return string(platform) + ":" + channel
}

// Default schedule of a subscription: weekly, Monday 09:00.
const (
	DefaultDigestSpec = "0 9 * * 1"
	defaultHour       = 9
	defaultMinute     = 0
)

var weekdays = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// subscribeKeywords end a list of countries or categories.
var subscribeKeywords = map[string]bool{
	"weekly": true, "daily": true, "cron": true, "at": true, "on": true, "tz": true,
	"quiet": true, "chart": true, "countries": true, "country": true, "categories": true, "category": true,
}

// subToken is one word of a subscribe command; a quoted string is one token.
type subToken struct {
	text   string
	quoted bool
}

// tokenizeSubscribe splits words at white space and commas (kept as their
// own tokens), keeping "straight" and “curly” quoted strings whole. It
// reports an unterminated quote.
func tokenizeSubscribe(words string) ([]subToken, error) {
	var (
		toks []subToken
		cur  strings.Builder
	)
	flush := func() {
		if cur.Len() > 0 {
			toks = append(toks, subToken{text: cur.String()})
			cur.Reset()
		}
	}
	rs := []rune(words)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '"' || r == '“' || r == '”':
			flush()
			j := i + 1
			for j < len(rs) && rs[j] != '"' && rs[j] != '”' && rs[j] != '“' {
				j++
			}
			if j == len(rs) {
				return nil, Errorf(EInvalid, "a quote is not closed: %s", strings.TrimSpace(string(rs[i:])))
			}
			toks = append(toks, subToken{text: strings.TrimSpace(string(rs[i+1 : j])), quoted: true})
			i = j
		case r == ',':
			flush()
			toks = append(toks, subToken{text: ","})
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0':
			flush()
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return toks, nil
}

// endsList reports whether t ends a list of countries or categories: a
// keyword, or a quoted string that looks like a cron spec. Other quoted
// strings are names ("Trinidad and Tobago").
func endsList(t subToken) bool {
	if t.quoted {
		return t.text == "" || strings.ContainsRune("0123456789*@", rune(t.text[0]))
	}
	return subscribeKeywords[strings.ToLower(t.text)]
}

// ParseSubscribe reads the words after "digest subscribe":
//
//	[weekly [on DAY]|daily|"CRON SPEC"|cron m h dom mon dow] [at HH:MM] [tz Area/City]
//	[countries NAME, …] [categories NAME, …] [quiet] [chart]
//
// in any order. The defaults are weekly on Monday at 09:00 in defaultTZ,
// which is stored in the result so that the schedule does not move when the
// configuration changes ("" keeps following the configured default).
// Countries may be names, demonyms, ISO codes or regional groups ("Central
// Asia"), which expand to their members; categories are SIPRI categories or
// weapon words ("drones", "air defence"). Lists are separated by commas,
// "and" or spaces. "quiet" sets SkipEmpty, "chart" Chart. ID, Platform, Channel, CreatedBy
// and Created are left for the caller to fill in.
//
// Every bad input gives an *Error with code EInvalid whose message names the
// problem: a bad cron spec, a bad time, an unknown time zone, an unknown
// country or category, or a word that fits nowhere.
func ParseSubscribe(words string, defaultTZ string) (Subscription, error) {
	toks, err := tokenizeSubscribe(words)
	if err != nil {
		return Subscription{}, err
	}
	p := &subscribeParse{
		toks:    toks,
		sub:     Subscription{TZ: defaultTZ},
		hour:    defaultHour,
		minute:  defaultMinute,
		weekday: 1,
	}
	for i := 0; i < len(toks); i++ {
		last, err := p.option(i)
		if err != nil {
			return Subscription{}, err
		}
		i = last
	}
	if err := p.setSpec(); err != nil {
		return Subscription{}, err
	}
	if err := p.resolveFilters(); err != nil {
		return Subscription{}, err
	}
	return p.sub, nil
}

// subscribeParse is what ParseSubscribe has read so far of a subscribe
// command's tokens.
type subscribeParse struct {
	toks                   []subToken
	sub                    Subscription
	kind                   string // "", "weekly", "daily", "cron"
	spec                   string // the cron spec, when kind is "cron"
	hour, minute           int
	weekday                int  // Sunday is 0
	gotAt, gotOn           bool // "at" and "on" were given
	countryWords, catWords [][]subToken
}

// option reads the option at token i and returns the index of its last
// token.
func (p *subscribeParse) option(i int) (int, error) {
	t := p.toks[i]
	if t.quoted {
		if err := p.setKind("cron"); err != nil {
			return i, err
		}
		p.spec = t.text
		return i, nil
	}
	switch w := strings.ToLower(t.text); w {
	case ",":
	case "weekly", "daily":
		return i, p.setKind(w)
	case "cron":
		return p.cronWords(i)
	case "at":
		return i + 1, p.readTime(i)
	case "on":
		return i + 1, p.readDay(i)
	case "tz":
		return i + 1, p.readZone(i)
	case "quiet":
		p.sub.SkipEmpty = true
	case "chart":
		p.sub.Chart = true
	case "countries", "country", "categories", "category":
		return p.listWords(i, w)
	default:
		return i, Errorf(EInvalid, "I don't understand %q; try: digest subscribe weekly on Monday at 09:00 tz Europe/Berlin countries Kazakhstan categories aircraft", t.text)
	}
	return i, nil
}

// setKind sets the kind of schedule; a command gives one.
func (p *subscribeParse) setKind(k string) error {
	if p.kind != "" && p.kind != k {
		return Errorf(EInvalid, "give one schedule: %s or %s, not both", p.kind, k)
	}
	p.kind = k
	return nil
}

// arg returns the token after the option at token i, which needs what.
func (p *subscribeParse) arg(i int, what string) (subToken, error) {
	if i+1 >= len(p.toks) || p.toks[i+1].text == "," {
		return subToken{}, Errorf(EInvalid, "%q needs %s after it", p.toks[i].text, what)
	}
	return p.toks[i+1], nil
}

// cronWords reads the spec after "cron" at token i: a quoted string, or
// the words up to a comma, a quoted string or a keyword. It returns the
// index of the spec's last token.
func (p *subscribeParse) cronWords(i int) (int, error) {
	toks := p.toks
	if err := p.setKind("cron"); err != nil {
		return i, err
	}
	if i+1 < len(toks) && toks[i+1].quoted {
		p.spec = toks[i+1].text
		return i + 1, nil
	}
	var fields []string
	for i+1 < len(toks) && toks[i+1].text != "," && !toks[i+1].quoted && !subscribeKeywords[strings.ToLower(toks[i+1].text)] {
		fields = append(fields, toks[i+1].text)
		i++
	}
	p.spec = strings.Join(fields, " ")
	if p.spec == "" {
		return i, Errorf(EInvalid, `"cron" needs a spec of 5 fields after it, such as cron 0 9 * * 1`)
	}
	return i, nil
}

// readTime reads the time after "at" at token i.
func (p *subscribeParse) readTime(i int) error {
	a, err := p.arg(i, "a time such as 09:00")
	if err != nil {
		return err
	}
	if p.hour, p.minute, err = parseClock(a.text); err != nil {
		return err
	}
	p.gotAt = true
	return nil
}

// readDay reads the day after "on" at token i.
func (p *subscribeParse) readDay(i int) error {
	a, err := p.arg(i, "a day such as Monday")
	if err != nil {
		return err
	}
	if p.weekday, err = parseWeekday(a.text); err != nil {
		return err
	}
	p.gotOn = true
	return nil
}

// readZone reads the time zone after "tz" at token i.
func (p *subscribeParse) readZone(i int) error {
	a, err := p.arg(i, "a time zone such as Europe/Berlin")
	if err != nil {
		return err
	}
	if _, err := schedule.LoadZone(a.text); err != nil || a.text == "" {
		return Errorf(EInvalid, "unknown time zone %q: use an IANA name such as Europe/Berlin or UTC", a.text)
	}
	p.sub.TZ = a.text
	return nil
}

// listWords keeps the names after the list keyword w at token i, up to
// the token that ends the list (see endsList), and returns the index of
// the last name.
func (p *subscribeParse) listWords(i int, w string) (int, error) {
	toks := p.toks
	j := i + 1
	for j < len(toks) && !endsList(toks[j]) {
		j++
	}
	if j == i+1 {
		return i, Errorf(EInvalid, "%q needs at least one name after it", toks[i].text)
	}
	if strings.HasPrefix(w, "countr") {
		p.countryWords = append(p.countryWords, toks[i+1:j])
	} else {
		p.catWords = append(p.catWords, toks[i+1:j])
	}
	return j - 1, nil
}

// setSpec sets the subscription's cron spec from the schedule read:
// weekly (the default) and daily at the time given, or the cron spec,
// which has its own time.
func (p *subscribeParse) setSpec() error {
	switch p.kind {
	case "", "weekly":
		p.sub.Spec = fmt.Sprintf("%d %d * * %d", p.minute, p.hour, p.weekday)
	case "daily":
		if p.gotOn {
			return Errorf(EInvalid, `"on" goes with weekly, not daily`)
		}
		p.sub.Spec = fmt.Sprintf("%d %d * * *", p.minute, p.hour)
	case "cron":
		if p.gotAt || p.gotOn {
			return Errorf(EInvalid, `"at" and "on" go with weekly or daily; a cron spec has its own time`)
		}
		spec, err := checkCronSpec(p.spec)
		if err != nil {
			return err
		}
		p.sub.Spec = spec
	}
	return nil
}

// checkCronSpec checks a cron spec of five fields that the scheduler
// accepts and that runs some day, and returns it with its fields
// separated by single spaces.
func checkCronSpec(spec string) (string, error) {
	if n := len(strings.Fields(spec)); n != 5 || strings.HasPrefix(spec, "@") || schedule.Validate(spec, "") != nil {
		return "", Errorf(EInvalid, "bad cron spec %q: %s", spec, cronHelp)
	}
	if _, err := schedule.Next(spec, "", time.Now()); err != nil {
		return "", Errorf(EInvalid, "bad cron spec %q: that date never comes", spec)
	}
	return strings.Join(strings.Fields(spec), " "), nil
}

// resolveFilters resolves the lists of countries and categories read.
func (p *subscribeParse) resolveFilters() error {
	for _, ws := range p.countryWords {
		names, err := resolveList(ws, "country", lookupCountries)
		if err != nil {
			return err
		}
		p.sub.Countries = appendNew(p.sub.Countries, names...)
	}
	for _, ws := range p.catWords {
		names, err := resolveList(ws, "category", lookupCategory)
		if err != nil {
			return err
		}
		p.sub.Categories = appendNew(p.sub.Categories, names...)
	}
	return nil
}

// cronHelp tells what a cron spec looks like.
const cronHelp = `it needs 5 fields: minute (0-59), hour (0-23), day of month (1-31), month (1-12 or JAN-DEC) and day of week (0-6 or SUN-SAT), such as "0 9 * * 1"`

// parseClock parses a 24-hour time: "9:00", "09:00", "18:30", "0930" is not
// accepted.
func parseClock(s string) (hour, minute int, err error) {
	bad := Errorf(EInvalid, "bad time %q: use 24-hour HH:MM, such as 09:00 or 18:30", s)
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(h) < 1 || len(h) > 2 || len(m) != 2 {
		return 0, 0, bad
	}
	hour, err1 := strconv.Atoi(h)
	minute, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return 0, 0, bad
	}
	return hour, minute, nil
}

// parseWeekday parses a day name, its three-letter form or its plural
// ("Mondays"), ignoring case; Sunday is 0.
func parseWeekday(s string) (int, error) {
	w := strings.TrimSuffix(strings.ToLower(s), "s")
	for i, d := range weekdays {
		if ld := strings.ToLower(d); w == ld || w == ld[:3] {
			return i, nil
		}
	}
	return 0, Errorf(EInvalid, "bad day %q: use a day of the week, such as Monday", s)
}

// lookupCountries resolves a country name, demonym or code to its canonical
// name, or a regional group to its members' names.
func lookupCountries(phrase string) ([]string, bool) {
	g := gazetteer.Default()
	if c, ok := g.Lookup(phrase); ok {
		return []string{c.Name}, true
	}
	gr, ok := g.Group(phrase)
	if !ok {
		return nil, false
	}
	var names []string
	for _, code := range gr.Members {
		if c, ok := g.ByCode(code); ok {
			names = append(names, c.Name)
		}
	}
	return names, len(names) > 0
}

// lookupCategory resolves a category label or weapon word to its SIPRI
// category.
func lookupCategory(phrase string) ([]string, bool) {
	c, ok := weapons.CategoryOf(phrase)
	if !ok {
		return nil, false
	}
	return []string{string(c)}, true
}

// maxPhrase is the most words a country or category name is tried with.
const maxPhrase = 6

// resolveList resolves a list of names separated by commas, "and", "&" or
// spaces, matching the longest run of words first so that "South Korea",
// "Trinidad and Tobago" and "air defence systems" stay whole. An unknown
// name gives an *Error naming it as an unknown kind.
func resolveList(toks []subToken, kind string, lookup func(string) ([]string, bool)) ([]string, error) {
	var out []string
	isSep := func(t subToken) bool {
		w := strings.ToLower(t.text)
		return !t.quoted && (w == "," || w == "and" || w == "&")
	}
	for i := 0; i < len(toks); {
		if isSep(toks[i]) {
			i++
			continue
		}
		if toks[i].quoted { // a quoted name is tried whole only
			names, ok := lookup(toks[i].text)
			if !ok {
				return nil, Errorf(EInvalid, "unknown %s %q", kind, toks[i].text)
			}
			out = appendNew(out, names...)
			i++
			continue
		}
		matched := false
		for j := min(len(toks), i+maxPhrase); j > i; j-- {
			if slices.ContainsFunc(toks[i:j], func(t subToken) bool { return t.text == "," || t.quoted }) || isSep(toks[j-1]) {
				continue
			}
			words := make([]string, 0, j-i)
			for _, t := range toks[i:j] {
				words = append(words, t.text)
			}
			if names, ok := lookup(strings.Join(words, " ")); ok {
				out = appendNew(out, names...)
				i, matched = j, true
				break
			}
		}
		if !matched {
			j := i + 1
			for j < len(toks) && !isSep(toks[j]) {
				j++
			}
			words := make([]string, 0, j-i)
			for _, t := range toks[i:j] {
				words = append(words, t.text)
			}
			return nil, Errorf(EInvalid, "unknown %s %q", kind, strings.Join(words, " "))
		}
	}
	return out, nil
}

// Describe tells the subscription's schedule and filters in words, for
// confirmations and lists: "weekly on Monday at 09:00 Europe/Berlin,
// countries Kazakhstan, Uzbekistan".
func (s Subscription) Describe() string {
	var b strings.Builder
	b.WriteString(describeSpec(s.Spec))
	if s.TZ != "" {
		b.WriteString(" " + s.TZ)
	} else {
		b.WriteString(" (default time zone)")
	}
	if len(s.Countries) > 0 {
		b.WriteString(", countries " + strings.Join(s.Countries, ", "))
	}
	if len(s.Categories) > 0 {
		b.WriteString(", categories " + strings.Join(s.Categories, ", "))
	}
	if s.Chart {
		b.WriteString(", with a chart of new deliveries")
	}
	if s.SkipEmpty {
		b.WriteString(", quiet when there is nothing new")
	}
	return b.String()
}

// describeSpec turns the specs ParseSubscribe makes for weekly and daily
// back into words, and quotes any other spec.
func describeSpec(spec string) string {
	f := strings.Fields(spec)
	if len(f) == 5 && f[2] == "*" && f[3] == "*" {
		m, err1 := strconv.Atoi(f[0])
		h, err2 := strconv.Atoi(f[1])
		if err1 == nil && err2 == nil && m >= 0 && m < 60 && h >= 0 && h < 24 {
			at := fmt.Sprintf("at %02d:%02d", h, m)
			if f[4] == "*" {
				return "daily " + at
			}
			if d, err := strconv.Atoi(f[4]); err == nil && d >= 0 && d <= 7 {
				return "weekly on " + weekdays[d%7] + " " + at
			}
		}
	}
	return fmt.Sprintf("on cron schedule %q", spec)
}

// Delivery states.
const (
	DeliveryPending = "pending" // recorded before posting; may or may not have been posted
	DeliveryPosted  = "posted"  // the platform confirmed the post (or there was nothing to post)
)

// Delivery is one digest being sent, or sent, to one subscription's
// channel. Its ID marks the post on the platform, so that after a crash the
// post can be looked for before it is made again.
type Delivery struct {
	ID             string    `json:"id"`                   // random, 18 characters ("dg" + 16 hex), fits a Discord nonce
	SubscriptionID string    `json:"subscription_id"`      // the subscription it is for
	From           time.Time `json:"from"`                 // the window the digest covers: [From, To)
	To             time.Time `json:"to"`                   // becomes the watermark once posted
	State          string    `json:"state"`                // DeliveryPending or DeliveryPosted
	PostedRef      string    `json:"posted_ref,omitempty"` // the platform's reference for the post (message timestamp, message ID); "" when nothing was posted
	Attempts       int       `json:"attempts"`             // posting attempts recorded
	Updated        time.Time `json:"updated"`              // time of the last change
}
