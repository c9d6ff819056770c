package extract

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// hostileInputs are sentences built to be slow or to break a parser.
func hostileInputs(tb testing.TB) map[string]string {
	tb.Helper()
	in := map[string]string{}

	// 10,000 characters in one sentence, full of triggers, weapons and years.
	var b strings.Builder
	for b.Len() < 10000 {
		b.WriteString("Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in 2021, while Russia sold Su-30SM fighters to Kazakhstan and ")
	}
	in["10000 chars"] = b.String()[:10000]

	// 200 country names.
	var names []string
	for _, c := range gazetteer.Default().Countries() {
		names = append(names, c.Name)
		if len(names) == 200 {
			break
		}
	}
	in["200 countries"] = strings.Join(names[:100], ", ") + " sold tanks and drones to " + strings.Join(names[100:], " and ") + " in 2020."

	// No punctuation at all.
	b.Reset()
	for b.Len() < 8000 {
		b.WriteString("russia supplies china buys turkey exports drones to uzbekistan which ordered helicopters from france ")
	}
	in["no punctuation"] = b.String()

	// Invalid UTF-8 between real words.
	in["invalid utf-8"] = "Turkey\xff delivered \xc3\x28 TB2\xa0 drones to \xe2\x82 Kyrgyzstan \xf0\x28\x8c\xbc in 2021\xff." +
		strings.Repeat("\xfe\xff\x80", 500)

	// Cyrillic and Latin mixed, with Cyrillic sentence material.
	in["mixed cyrillic"] = strings.Repeat("Россия поставила Казахстану вертолёты Ми-17, а Турция delivered Bayraktar TB2 drones to Узбекистан and Кыргызстан in 2022; Китай продал Туркменистану HQ-9. ", 40)

	// Deep lists and brackets.
	in["brackets"] = strings.Repeat("(", 2000) + "China sold drones to Egypt" + strings.Repeat(")", 2000)
	in["commas"] = "Turkey delivered drones to " + strings.Repeat("Kazakhstan, ", 1500) + "and Kyrgyzstan."
	in["1 MB"] = strings.Repeat("Russia delivered S-400 systems to Turkey and Kazakhstan bought drones ", 15000)
	in["empty"] = ""
	in["spaces"] = strings.Repeat(" \t\n", 3000)
	return in
}

// TestHostileInputs checks that extraction never panics, stays within its
// output bounds and keeps every invariant on very long, malformed and
// adversarial sentences. How fast it stays on them is measured by
// BenchmarkHostile, not here: timings in unit tests flake on shared machines.
func TestHostileInputs(t *testing.T) {
	e := New()
	c := hostileContext()
	for name, text := range hostileInputs(t) {
		t.Run(name, func(t *testing.T) {
			rels := e.Sentence(text, c)
			if len(rels) > maxRels {
				t.Errorf("%d relations, want at most %d", len(rels), maxRels)
			}
			checkRelations(t, text, rels)
		})
	}
}

func hostileContext() Context {
	pub := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	return Context{Published: pub, Title: "Kyrgyzstan buys drones", About: []string{"Kyrgyzstan"}, Previous: "Turkey sold drones to Kyrgyzstan."}
}

// BenchmarkHostile measures extraction on each hostile input; the target is
// a few milliseconds per sentence at most.
//
//	go test ./corpus/extract -run '^$' -bench Hostile
func BenchmarkHostile(b *testing.B) {
	e := New()
	c := hostileContext()
	for name, text := range hostileInputs(b) {
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				e.Sentence(text, c)
			}
		})
	}
}

// checkRelations checks the invariants every relation must keep.
func checkRelations(tb testing.TB, text string, rels []bot.Relation) {
	tb.Helper()
	valid := map[bot.Status]bool{bot.StatusDelivered: true, bot.StatusOrdered: true, bot.StatusPlanned: true, bot.StatusCancelled: true}
	kinds := map[bot.Kind]bool{bot.KindSale: true, bot.KindAid: true, bot.KindLicence: true}
	g := gazetteer.Default()
	for _, r := range rels {
		if r.Supplier == "" || r.Recipient == "" || r.Supplier == r.Recipient {
			tb.Errorf("bad parties %q -> %q", r.Supplier, r.Recipient)
		}
		for _, n := range []string{r.Supplier, r.Recipient} {
			if c, ok := g.Lookup(n); !ok || c.Name != n {
				tb.Errorf("%q is not a canonical country name", n)
			}
		}
		if !valid[r.Status] || !kinds[r.Kind] {
			tb.Errorf("bad status or kind %q %q", r.Status, r.Kind)
		}
		if r.Denied && r.Status != bot.StatusCancelled {
			tb.Errorf("denied relation with status %q", r.Status)
		}
		if !slices.IsSorted(r.Years) || len(slices.Compact(slices.Clone(r.Years))) != len(r.Years) {
			tb.Errorf("years not sorted and unique: %v", r.Years)
		}
		if r.Evidence.Sentence != text || r.Evidence.Start != 0 || r.Evidence.End != len(text) {
			tb.Errorf("evidence %+v does not span the sentence", r.Evidence)
		}
		if !utf8.ValidString(r.System) {
			// Systems are cut from the text; the text may be invalid, but a
			// system never splits a rune.
			for i := 0; i < len(r.System); {
				rr, size := utf8.DecodeRuneInString(r.System[i:])
				if rr == utf8.RuneError && size == 1 && !strings.Contains(text, r.System) {
					tb.Errorf("system %q is not from the text", r.System)
					break
				}
				i += size
			}
		}
	}
}

// TestConcurrent runs one Extractor from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	e := New()
	set := MustLoadGold(t, "testdata/gold/sentences-*.jsonl")
	want := make([][]bot.Relation, len(set))
	for i, g := range set {
		want[i] = e.Sentence(g.Text, g.context(t))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(set); i += 8 {
				got := e.Sentence(set[i].Text, set[i].context(t))
				if fmt.Sprint(got) != fmt.Sprint(want[i]) {
					select {
					case errs <- set[i].ID:
					default:
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for id := range errs {
		t.Errorf("%s: concurrent result differs from the sequential one", id)
	}
}

// FuzzSentence checks that no input makes Sentence panic or break the
// relation invariants. Seeds are the gold sentences.
func FuzzSentence(f *testing.F) {
	for _, g := range MustLoadGold(f, "testdata/gold/sentences-*.jsonl") {
		f.Add(g.Text, g.Context.Previous, g.Context.Title)
	}
	f.Add("Turkey\xff delivered drones to \xc3\x28 Kyrgyzstan", "", "")
	e := New()
	pub := time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text, prev, title string) {
		rels := e.Sentence(text, Context{Published: pub, Previous: prev, Title: title, About: []string{"Kazakhstan"}})
		checkRelations(t, text, rels)
	})
}
