package console_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefbot/briefbot/adapters/console"
	"github.com/briefbot/briefbot/bot"
)

// FuzzRender renders replies made of fuzzed strings and highlight spans in
// both styles. Render never panics, whatever the spans; for valid UTF-8
// input its output is valid UTF-8; plain output holds the answer text and
// every quote as they are; ANSI output is the plain output with bold marks
// added and nothing else.
//
// Seeds: the f.Add calls below and testdata/fuzz/FuzzRender/. A crasher
// found with go test -fuzz=FuzzRender lands there too; commit it and it
// runs with every go test.
func FuzzRender(f *testing.F) {
	f.Add("Turkey delivered drones [1].", "Report", "Wire", "2024-01-02", "https://example.org/r1", "Turkey delivered drones.", 0, 6, 17, 23, uint8(1), true)
	f.Add("", "", "", "", "", "", 0, 0, 0, 0, uint8(0), false)
	f.Add("Sorry.", "", "", "", "", "", 0, 0, 0, 0, uint8(0), false)
	f.Add("Казахстан получил дроны [1]", "Отчёт", "Ведомости", "", "", "Казахстан получил дроны", 1, 3, 5, 40, uint8(2), true)
	f.Add("\u202eevil\u202c \u200b", "t\x00", "s\x1b[31m", "p", "u", "\xff\xfe\xc3\x28", -5, 2, 3, 1000, uint8(3), true)
	f.Add(strings.Repeat("🚁 مسيرات ", 500), "t", "s", "p", "u", strings.Repeat("👨‍👩‍👧", 100), 2, 9, 9, 30, uint8(40), true)
	f.Fuzz(func(t *testing.T, text, title, source, published, link, quote string, s1, e1, s2, e2 int, n uint8, answer bool) {
		r := bot.Reply{Text: text}
		if answer {
			a := &bot.Answer{Question: "q", Text: text}
			for i := range int(n) % 41 {
				a.Citations = append(a.Citations, bot.Citation{N: i + 1, Title: title, Source: source, Published: published, URL: link,
					Quote: quote, Highlights: []bot.Span{{Start: s1, End: e1}, {Start: s2, End: e2}}})
			}
			r.Answer = a
		}
		plain := console.Render(r, console.Plain)
		ansi := console.Render(r, console.ANSI)
		valid := true
		for _, s := range []string{text, title, source, published, link, quote} {
			valid = valid && utf8.ValidString(s)
		}
		if valid && !utf8.ValidString(plain) {
			t.Fatalf("plain output is not valid UTF-8: %q", short(plain))
		}
		if valid && !utf8.ValidString(ansi) {
			t.Fatalf("ANSI output is not valid UTF-8: %q", short(ansi))
		}
		if !strings.HasPrefix(plain, text) {
			t.Fatalf("plain output %q does not start with the text %q", short(plain), short(text))
		}
		if r.Answer != nil && len(r.Answer.Citations) > 0 && !strings.Contains(plain, "“"+quote+"”") {
			t.Fatalf("plain output %q lacks the quote %q", short(plain), short(quote))
		}
		if !strings.Contains(text+title+source+published+link+quote, "\x1b") {
			unmarked := strings.NewReplacer("\x1b[1m", "", "\x1b[0m", "").Replace(ansi)
			if unmarked != plain {
				t.Fatalf("ANSI output without its marks differs from the plain output:\n%q\n%q", short(unmarked), short(plain))
			}
		}
	})
}

// short cuts s for a failure message.
func short(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}
