//go:build debug

package extract_test

import (
	"fmt"
	"testing"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/corpus/extract"
)

func TestDumpCorpus(t *testing.T) {
	res, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	e := extract.New()
	for _, r := range res.Reports {
		rels := e.Report(r)
		last := ""
		for _, rel := range rels {
			if rel.Evidence.Sentence != last {
				fmt.Printf("\n[%s] %s\n", r.ID, rel.Evidence.Sentence)
				last = rel.Evidence.Sentence
			}
			inf := ""
			if rel.Inferred {
				inf = " INFERRED"
			}
			fmt.Printf("   %s -> %s | %s | %s | %s %s %v%s g=%s d=%v\n", rel.Supplier, rel.Recipient, rel.System, rel.Category, rel.Status, rel.Kind, rel.Years, inf, rel.Group, rel.Denied)
		}
	}
}
