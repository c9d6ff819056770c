package extract_test

import (
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/corpus/extract"
)

// TestDefaultCorpus reads every report of the default corpus and checks
// that each relation points at its sentence and keeps the invariants.
func TestDefaultCorpus(t *testing.T) {
	res, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	e := extract.New()
	start := time.Now()
	n := 0
	for _, r := range res.Reports {
		for _, rel := range e.Report(r) {
			n++
			ev := rel.Evidence
			if ev.ReportID != r.ID || ev.Start < 0 || ev.End > len(r.Body) || r.Body[ev.Start:ev.End] != ev.Sentence {
				t.Errorf("%s: evidence %+v does not point into the body", r.ID, ev)
			}
			if rel.Supplier == "" || rel.Recipient == "" || rel.Supplier == rel.Recipient {
				t.Errorf("%s: bad parties %q -> %q", r.ID, rel.Supplier, rel.Recipient)
			}
			if rel.Denied && rel.Status != bot.StatusCancelled {
				t.Errorf("%s: denied relation with status %s", r.ID, rel.Status)
			}
		}
	}
	t.Logf("%d reports, %d relations, %v", len(res.Reports), n, time.Since(start))
}
