//go:build debug

package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/corpus/corpustest"
	"github.com/briefbot/briefbot/corpus/extract"
)

// TestDumpReal prints every relation of the dev reports named by $REPORTS
// (comma-separated prefixes): go test -tags debug -run TestDumpReal.
// It refuses the blind split.
func TestDumpReal(t *testing.T) {
	dir := corpustest.SharedData(t, "real-reports")
	blindNames := MustReadNames(t, "testdata/realtext/blind.txt")
	res := corpus.Loader{}.LoadPaths(filepath.Join(dir, "reports"))
	e := extract.New()
	for _, r := range res.Reports {
		if blindNames[r.ID] {
			continue
		}
		want := false
		for _, p := range strings.Split(os.Getenv("REPORTS"), ",") {
			if p != "" && strings.HasPrefix(r.ID, p) {
				want = true
			}
		}
		if !want {
			continue
		}
		printRelations(r.ID, e.Report(r))
	}
}

// TestDumpDir prints every relation of the reports in the folder $DUMPDIR
// (a reports/ folder of any set, e.g. a probe report written to /tmp):
// go test -tags debug -run TestDumpDir ./corpus/extract.
func TestDumpDir(t *testing.T) {
	dir := os.Getenv("DUMPDIR")
	if dir == "" {
		t.Skip("DUMPDIR names no folder")
	}
	res := corpus.Loader{}.LoadPaths(dir)
	if len(res.Problems) > 0 {
		t.Fatalf("loading %s: %v", dir, res.Problems)
	}
	e := extract.New()
	for _, r := range res.Reports {
		printRelations(r.ID, e.Report(r))
	}
}

// printRelations prints a report's relations under the sentence each was
// read from.
func printRelations(id string, rels []bot.Relation) {
	last := ""
	for _, rel := range rels {
		if rel.Evidence.Sentence != last {
			fmt.Printf("\n[%s] %s\n", id, rel.Evidence.Sentence)
			last = rel.Evidence.Sentence
		}
		fmt.Printf("   %s -> %s | %s | %s %s %v inf=%v d=%v\n", rel.Supplier, rel.Recipient, rel.System, rel.Status, rel.Kind, rel.Years, rel.Inferred, rel.Denied)
	}
}
