package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// FuzzExtract reads a fuzzed report body, title and publication year with
// Report, and the body as one sentence with Sentence. Neither panics; every
// relation has two different canonical countries, a known status and
// kind, sorted years within the years the extractor reads, and evidence
// that is a sentence of the body at its offsets (see checkRelations for
// the per-sentence invariants); extraction is deterministic.
//
// Seeds: the f.Add calls below and testdata/fuzz/FuzzExtract/ (invalid
// UTF-8, NUL bytes, unterminated brackets, huge repetition, Cyrillic,
// right-to-left and zero-width text). A crasher found with
// go test -fuzz=FuzzExtract lands there too; commit it and it runs with
// every go test.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in 2021. Last year it also sold them to Uzbekistan.",
		"Kazakhstan ordered 12 Su-30SM fighters from Russia, but the deal was cancelled in 2022.",
		"China's Norinco is in talks to supply Turkmenistan with HQ-9 air defence systems.",
		"Central Asia received Chinese-built drones free of charge. Tajikistan denied buying them.",
		"No American drones were delivered to Uzbekistan.",
		"Turkey sold drones to Turkey.",
		"Россия поставила Казахстану вертолёты Ми-17. Турция поставила Узбекистану Bayraktar TB2.",
		"Turkey\u200b delivered \u202edrones\u202c to Kyrgyzstan\u200d in 2021.",
		"Türkiye delivered drones to Kyrgyzstan\x00 in 2021.\xff\xfe",
		strings.Repeat("(", 300) + "China sold drones to Egypt",
		"",
		"...",
	} {
		f.Add(s, "Kyrgyzstan buys drones", uint8(24))
	}
	f.Add(strings.Repeat("Turkey delivered drones to Kazakhstan and ", 200), "", uint8(0))
	e := New()
	f.Fuzz(func(t *testing.T, body, title string, year uint8) {
		pub := time.Date(2000+int(year)%31, 6, 1, 0, 0, 0, 0, time.UTC)
		r := bot.Report{ID: "r1", Title: title, Published: pub, Body: body}
		rels := e.Report(r)
		for _, rel := range rels {
			ev := rel.Evidence
			if ev.ReportID != r.ID || ev.Start < 0 || ev.Start >= ev.End || ev.End > len(body) || body[ev.Start:ev.End] != ev.Sentence {
				t.Fatalf("evidence %+v is not a sentence of the body (%d bytes)", ev, len(body))
			}
			checkRelation(t, rel)
		}
		if again := e.Report(r); fmt.Sprint(again) != fmt.Sprint(rels) {
			t.Fatalf("Report is not deterministic:\n%v\n%v", rels, again)
		}

		c := Context{Title: title, Published: pub}
		one := e.Sentence(body, c)
		if len(one) > maxRels {
			t.Fatalf("%d relations from one sentence, want at most %d", len(one), maxRels)
		}
		checkRelations(t, body, one)
		for _, rel := range one {
			checkRelation(t, rel)
		}
	})
}

// checkRelation fails t unless rel names two different countries, has a
// known status and kind, and years within those the extractor reads.
func checkRelation(t *testing.T, rel bot.Relation) {
	t.Helper()
	if rel.Supplier == "" || rel.Recipient == "" || rel.Supplier == rel.Recipient {
		t.Fatalf("parties %q -> %q", rel.Supplier, rel.Recipient)
	}
	switch rel.Status {
	case bot.StatusDelivered, bot.StatusOrdered, bot.StatusPlanned, bot.StatusCancelled:
	default:
		t.Fatalf("status %q", rel.Status)
	}
	switch rel.Kind {
	case bot.KindSale, bot.KindAid, bot.KindLicence:
	default:
		t.Fatalf("kind %q", rel.Kind)
	}
	for _, y := range rel.Years {
		if y < minYear || y > maxYear {
			t.Fatalf("year %d outside %d-%d in %+v", y, minYear, maxYear, rel)
		}
	}
}
