//go:build debug

package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/corpus/extract"
	"github.com/briefbot/briefbot/corpus/extract/docgold"
)

// TestDumpMisses prints, for every default-corpus gold relation the
// extractor misses, the sentence holding its evidence and what the
// extractor read from that sentence: go test -tags debug -run TestDumpMisses -v.
func TestDumpMisses(t *testing.T) {
	gold := MustDefaultGold(t)
	res, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	e := extract.New()
	pred := map[string][]bot.Relation{}
	reports := map[string]bot.Report{}
	for _, r := range res.Reports {
		reports[r.ID] = r
		pred[r.ID] = e.Report(r)
	}
	s := docgold.Compare(gold, pred)
	for _, m := range s.FalsePositives {
		fmt.Printf("FP %s\n", m)
	}
	for _, m := range s.Missed {
		r := reports[m.Report]
		fmt.Printf("\nFN %s\n", m)
		for _, sp := range bot.SplitSentences(r.Body) {
			text := r.Body[sp.Start:sp.End]
			if !strings.Contains(text, m.Evidence) && !strings.Contains(m.Evidence, text) {
				continue
			}
			fmt.Printf("   S: %s\n", text)
			for _, rel := range pred[m.Report] {
				if rel.Evidence.Start == sp.Start {
					fmt.Printf("      got %s -> %s | %s | %s %s %v inf=%v\n", rel.Supplier, rel.Recipient, rel.System, rel.Status, rel.Kind, rel.Years, rel.Inferred)
				}
			}
		}
	}
	fmt.Printf("\nP %.3f R %.3f FN %d FP %d\n", s.Pair.Precision(), s.Pair.Recall(), s.Pair.FN, s.Pair.FP)
}
