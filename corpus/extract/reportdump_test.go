//go:build debug

package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/briefbot/briefbot/corpus"
)

// TestReportDump prints every relation Report reads from the report files
// named by REPORT (a file or a folder): REPORT=dir go test -tags debug
// -run TestReportDump ./corpus/extract -v.
func TestReportDump(t *testing.T) {
	path := os.Getenv("REPORT")
	if path == "" {
		t.Skip("REPORT names a report file or folder")
	}
	res := corpus.Loader{}.LoadPaths(path)
	e := New()
	for _, r := range res.Reports {
		t.Logf("== %s", r.ID)
		for _, rel := range e.Report(r) {
			t.Logf("  %s -> %s | %s | %s %s %v inf=%v :: %s", rel.Supplier, rel.Recipient, rel.System, rel.Status, rel.Kind, rel.Years, rel.Inferred, rel.Evidence.Sentence)
		}
	}
}

// TestGoldDraft prints the gold lines the extractor would give for the
// sentences of DRAFT (JSON Lines without relations), to be checked by hand
// before they go into a gold file.
func TestGoldDraft(t *testing.T) {
	path := os.Getenv("DRAFT")
	if path == "" {
		t.Skip("DRAFT names a JSON Lines file of draft sentences")
	}
	e := New()
	for _, g := range MustLoadGold(t, path) {
		g.Relations = []goldRelation{}
		for _, r := range e.Sentence(g.Text, g.context(t)) {
			years := r.Years
			if years == nil {
				years = []int{}
			}
			g.Relations = append(g.Relations, goldRelation{Supplier: r.Supplier, Recipient: r.Recipient, System: r.System,
				Category: r.Category, Status: string(r.Status), Kind: string(r.Kind), Years: years, Inferred: r.Inferred, Group: r.Group, Denied: r.Denied})
		}
		b, _ := json.Marshal(g)
		fmt.Println(string(b))
	}
}
