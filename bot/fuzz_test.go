package bot

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot/gazetteer"
	"github.com/briefbot/briefbot/bot/schedule"
	"github.com/briefbot/briefbot/bot/weapons"
)

// fuzzNow is the clock of the fuzz targets, so that "last year" and
// schedules do not depend on when they run.
var fuzzNow = time.Date(2025, 6, 15, 12, 0, 0, 0, time.UTC)

// Sane years: what a question can name ("since 1900" to "after 2099") and
// "last 99 years" from fuzzNow.
const (
	minYear = 1899
	maxYear = 2100
)

// questionSeeds are questions, command forms and hostile text for the
// question fuzz targets.
var questionSeeds = []string{
	"who supplies Kazakhstan with drones?",
	"what has Turkey sold to Uzbekistan since 2020?",
	"suppliers Turkmenistan",
	"recipients China 2015-2020",
	"between Russia Kazakhstan",
	"Turkey and Kazakhstan",
	"air defence Kyrgyzstan last year",
	"Baykar drones for Central Asia in the last five years",
	"did Kazakhstan buy Su-30SM from Russia before 2019?",
	"Turkish-made drones after 2099",
	"who sells Bayraktar TB2 to Tajikistan by volume",
	"Кто поставляет Казахстану беспилотники?",
	"Türkiye Özbekistan İHA",
	"who supplies \u202eKazakhstan\u202c with\u200b drones\u200d?",
	"مسيرات تركية إلى كازاخستان",
	"Kazakhstan\x00 drones\xff\xfe \xc3\x28",
	"  \t\n  ",
	"",
	strings.Repeat("Kazakhstan and Turkey and ", 60),
	strings.Repeat("(", 500) + "Russia" + strings.Repeat(")", 500),
	"between 1899 and 2101 since 1900 until 2099 last 99 years",
	"İİİİ KAZAKHSTAN İstanbul",
}

// FuzzQuestion reads fuzzed questions with Understand and asks them of a
// Bot whose searcher finds nothing. Neither panics; every country
// Understand recognises is a canonical gazetteer name, every category a
// SIPRI category, every year sane and ranges in order; cleanQuestion
// gives valid one-line text without control or format characters and is
// idempotent; Ask answers with a NoMatch answer or an *Error of code
// EInvalid, and every query it sends the searcher is well formed.
func FuzzQuestion(f *testing.F) {
	for _, q := range questionSeeds {
		f.Add(q)
	}
	canonical := map[string]bool{}
	for _, c := range gazetteer.Default().Countries() {
		canonical[c.Name] = true
	}
	s := &fuzzSearcher{canonical: canonical}
	b := New(s, Options{Now: func() time.Time { return fuzzNow }})
	f.Fuzz(func(t *testing.T, question string) {
		u := Understand(question, fuzzNow)
		checkUnderstanding(t, u, canonical)
		if again := Understand(question, fuzzNow); !reflect.DeepEqual(again, u) {
			t.Fatalf("Understand is not deterministic: %+v, then %+v", u, again)
		}

		q := cleanQuestion(question)
		checkClean(t, q)
		if again := cleanQuestion(q); again != q {
			t.Fatalf("cleanQuestion is not idempotent: %q, then %q", q, again)
		}
		checkUnderstanding(t, Understand(q, fuzzNow), canonical)

		s.reset()
		ans, err := b.Ask(context.Background(), question, Filter{})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Code != EInvalid || strings.TrimSpace(e.Message) == "" || !utf8.ValidString(e.Message) {
				t.Fatalf("Ask(%q) = %v, want an *Error of code %s with a message", question, err, EInvalid)
			}
			if q != "" && utf8.RuneCountInString(q) <= MaxQuestionLen && len(Words(q)) > 0 {
				t.Fatalf("Ask(%q) refused a question of %d words: %v", question, len(Words(q)), err)
			}
			return
		}
		if ans == nil || ans.Question != q || !ans.NoMatch || ans.Text == "" || !utf8.ValidString(ans.Text) {
			t.Fatalf("Ask(%q) = %+v, want a NoMatch answer to %q", question, ans, q)
		}
		if err := s.problem(); err != nil {
			t.Fatal(err)
		}
	})
}

// checkUnderstanding fails t unless u names only canonical countries,
// known groups and SIPRI categories, sane years in order, and an intent
// that fits the sides it found.
func checkUnderstanding(t *testing.T, u Understanding, canonical map[string]bool) {
	t.Helper()
	for _, side := range [][]string{u.Suppliers, u.Recipients} {
		for _, n := range side {
			if !canonical[n] {
				t.Errorf("%q is not a canonical country name", n)
			}
		}
		if len(slices.Compact(slices.Sorted(slices.Values(side)))) != len(side) {
			t.Errorf("repeated country in %q", side)
		}
	}
	if u.Group != "" {
		if _, ok := gazetteer.Default().Group(u.Group); !ok {
			t.Errorf("unknown group %q", u.Group)
		}
	}
	for _, c := range u.Categories {
		if _, ok := weapons.ParseCategory(c); !ok {
			t.Errorf("%q is not a SIPRI category", c)
		}
	}
	for _, y := range []int{u.YearFrom, u.YearTo} {
		if y != 0 && (y < minYear || y > maxYear) {
			t.Errorf("year %d out of range (from %d, to %d)", y, u.YearFrom, u.YearTo)
		}
	}
	if u.YearFrom != 0 && u.YearTo != 0 && u.YearFrom > u.YearTo {
		t.Errorf("years from %d to %d", u.YearFrom, u.YearTo)
	}
	switch {
	case u.Intent < IntentPassages || u.Intent > IntentBetween:
		t.Errorf("intent %d", u.Intent)
	case u.Intent == IntentPassages && len(u.Suppliers)+len(u.Recipients) > 0:
		t.Errorf("passages intent with countries %q -> %q", u.Suppliers, u.Recipients)
	case len(u.Suppliers) > 0 && len(u.Recipients) > 0 && u.Intent != IntentBetween:
		t.Errorf("both sides named, intent %s", u.Intent)
	case u.Either && u.Intent != IntentBetween:
		t.Errorf("either way, intent %s", u.Intent)
	}
}

// checkClean fails t unless q is valid UTF-8 on one line with single
// spaces, no control or format characters, and no space at either end.
func checkClean(t *testing.T, q string) {
	t.Helper()
	if !utf8.ValidString(q) {
		t.Fatalf("cleanQuestion gave invalid UTF-8 %q", q)
	}
	if q != strings.TrimSpace(q) || strings.Contains(q, "  ") {
		t.Fatalf("cleanQuestion left spaces: %q", q)
	}
	for _, r := range q {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || (unicode.IsSpace(r) && r != ' ') {
			t.Fatalf("cleanQuestion left %U in %q", r, q)
		}
	}
}

// fuzzSearcher finds nothing and checks the queries it is sent.
type fuzzSearcher struct {
	canonical map[string]bool
	mu        sync.Mutex
	err       error
}

func (s *fuzzSearcher) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.err = nil
}

func (s *fuzzSearcher) problem() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

func (s *fuzzSearcher) fail(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil {
		s.err = fmt.Errorf(format, args...)
	}
}

func (s *fuzzSearcher) SearchPassages(_ context.Context, q PassageQuery) ([]PassageHit, error) {
	if len(q.Terms) == 0 || q.MinMatch < 1 || q.MinMatch > len(q.Terms) || q.Limit <= 0 {
		s.fail("passage query %+v", q)
	}
	for _, g := range q.Terms {
		if len(g) == 0 {
			s.fail("empty term group in %+v", q)
		}
		for _, w := range g {
			if w == "" || !utf8.ValidString(w) {
				s.fail("term %q in %+v", w, q)
			}
		}
	}
	return nil, nil
}

func (s *fuzzSearcher) SearchRelations(_ context.Context, q RelationQuery) (RelationResult, error) {
	for _, n := range append(slices.Clone(q.Suppliers), q.Recipients...) {
		if !s.canonical[n] {
			s.fail("relation query for %q, not a canonical name", n)
		}
	}
	for _, y := range []int{q.YearFrom, q.YearTo} {
		if y != 0 && (y < minYear || y > maxYear) {
			s.fail("relation query for year %d", y)
		}
	}
	return RelationResult{}, nil
}

// FuzzParseSubscribe checks ParseSubscribe on fuzzed words. It gives
// either a Subscription whose spec the scheduler accepts, whose time zone
// loads, whose countries are canonical and whose categories are SIPRI's,
// and which reads back the same when written out as a command again; or
// a zero Subscription and an *Error of code EInvalid with a message.
func FuzzParseSubscribe(f *testing.F) {
	for _, s := range []string{
		"",
		"weekly",
		"daily at 18:30 tz Asia/Almaty quiet",
		"weekly on Fridays at 7:05 countries Central Asia, Turkey categories drones and air defence",
		`"0 9 * * 1-5" tz Europe/Berlin`,
		"cron 0 9 * * 1",
		"cron 0 0 30 2 *",
		"cron @every 1h",
		`“0 9 * * 1”`,
		`countries "Trinidad and Tobago", South Korea`,
		`countries "unterminated`,
		"tz Local",
		"tz ../../etc/passwd",
		"tz",
		"at 24:00",
		"on Caturday",
		"daily on Monday",
		"weekly daily",
		"countries Казахстан, Türkiye categories беспилотники",
		"countries Kazakhstan\u200b, \u202eTurkey",
		"countries " + strings.Repeat("Kazakhstan, ", 300),
		"categories \x00\xff\xfe",
		strings.Repeat(`"`, 101),
	} {
		f.Add(s, uint8(0))
	}
	f.Add("weekly", uint8(2))
	zones := []string{"", "UTC", "Europe/Berlin", "Asia/Almaty"}
	for _, z := range zones {
		if _, err := schedule.LoadZone(z); err != nil {
			f.Fatalf("default zone %q: %v", z, err)
		}
	}
	canonical := map[string]bool{}
	for _, c := range gazetteer.Default().Countries() {
		canonical[c.Name] = true
	}
	f.Fuzz(func(t *testing.T, words string, zone uint8) {
		defaultTZ := zones[int(zone)%len(zones)]
		sub, err := ParseSubscribe(words, defaultTZ)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Code != EInvalid || strings.TrimSpace(e.Message) == "" || !utf8.ValidString(e.Message) {
				t.Fatalf("ParseSubscribe(%q) error %v, want an *Error of code %s with a message", words, err, EInvalid)
			}
			if !reflect.DeepEqual(sub, Subscription{}) {
				t.Fatalf("ParseSubscribe(%q) failed but returned %+v", words, sub)
			}
			return
		}
		if err := schedule.Validate(sub.Spec, sub.TZ); err != nil {
			t.Fatalf("ParseSubscribe(%q) = spec %q tz %q: %v", words, sub.Spec, sub.TZ, err)
		}
		if _, err := schedule.LoadZone(sub.TZ); err != nil {
			t.Fatalf("ParseSubscribe(%q) = tz %q: %v", words, sub.TZ, err)
		}
		if _, err := schedule.Next(sub.Spec, sub.TZ, fuzzNow); err != nil {
			t.Fatalf("ParseSubscribe(%q) = spec %q that never runs: %v", words, sub.Spec, err)
		}
		if f := strings.Fields(sub.Spec); len(f) != 5 || strings.Join(f, " ") != sub.Spec {
			t.Fatalf("spec %q is not 5 fields with single spaces", sub.Spec)
		}
		for _, c := range sub.Countries {
			if !canonical[c] {
				t.Fatalf("ParseSubscribe(%q): country %q is not a canonical name", words, c)
			}
		}
		for _, c := range sub.Categories {
			if _, ok := weapons.ParseCategory(c); !ok {
				t.Fatalf("ParseSubscribe(%q): %q is not a SIPRI category", words, c)
			}
		}
		if d := sub.Describe(); d == "" || !utf8.ValidString(d) {
			t.Fatalf("Describe = %q", d)
		}

		// Written out as a command again, it reads back the same.
		cmd := fmt.Sprintf("%q", sub.Spec)
		if sub.TZ != defaultTZ {
			cmd += " tz " + sub.TZ
		}
		if len(sub.Countries) > 0 {
			cmd += " countries " + quoteList(sub.Countries)
		}
		if len(sub.Categories) > 0 {
			cmd += " categories " + quoteList(sub.Categories)
		}
		if sub.SkipEmpty {
			cmd += " quiet"
		}
		again, err := ParseSubscribe(cmd, defaultTZ)
		if err != nil || !reflect.DeepEqual(again, sub) {
			t.Fatalf("ParseSubscribe(%q) = %+v; written out as %q it reads %+v, %v", words, sub, cmd, again, err)
		}
	})
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = `"` + n + `"`
	}
	return strings.Join(q, ", ")
}
