package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// BenchmarkSentence reads every gold sentence once per iteration and
// reports sentences per second.
func BenchmarkSentence(b *testing.B) {
	set := MustLoadGold(b, "testdata/gold/sentences-*.jsonl")
	ctxs := make([]Context, len(set))
	for i, g := range set {
		ctxs[i] = g.context(b)
	}
	e := New()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for i, g := range set {
			e.Sentence(g.Text, ctxs[i])
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

// benchReport builds a report of about 600 words from gold and held-out
// sentences, in paragraphs of five sentences.
func benchReport(tb testing.TB) bot.Report {
	tb.Helper()
	set := append(MustLoadGold(tb, "testdata/gold/sentences-*.jsonl"), MustLoadGold(tb, "testdata/regression/first-heldout.jsonl")...)
	var b strings.Builder
	words := 0
	for i := 0; words < 600; i = (i + 7) % len(set) {
		if b.Len() > 0 {
			if i%5 == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(set[i].Text)
		words += len(strings.Fields(set[i].Text))
	}
	return bot.Report{ID: "bench", Title: "Central Asia's arms suppliers", Published: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), Body: b.String()}
}

// BenchmarkReport reads a report of about 600 words.
func BenchmarkReport(b *testing.B) {
	r := benchReport(b)
	b.Logf("report of %d words", len(strings.Fields(r.Body)))
	e := New()
	for b.Loop() {
		e.Report(r)
	}
}
