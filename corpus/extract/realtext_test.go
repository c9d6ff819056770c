package extract_test

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/corpus/corpustest"
	"github.com/briefbot/briefbot/corpus/extract"
	"github.com/briefbot/briefbot/corpus/extract/docgold"
)

var (
	update = flag.Bool("update", false, "rewrite the score tables in docs/accuracy.md")
	blind  = flag.Bool("blind", false, "score the blind split of the real-text set (only when a batch of rule changes is done)")
	// heldOut names a folder in the layout of ../shared/data/real-reports
	// (reports/, relations.jsonl) that the rules were never tuned on, such
	// as a fresh batch of real articles kept outside the repository.
	heldOut = flag.String("heldout", "", "score a held-out folder of real reports (reports/, relations.jsonl), once")
)

// Floors of the real-text dev split, ratcheted at the level reached: a rule
// change that loses precision or recall on real reporting fails here.
const (
	realDevPrecisionFloor = 1.000
	realDevRecallFloor    = 0.880
)

// accuracyDoc is where the score tables live, relative to this package.
const accuracyDoc = "../../docs/accuracy.md"

// realText loads the real-text set from ../shared and splits it into the
// dev and blind parts (testdata/realtext/blind.txt).
func realText(tb testing.TB) (dev, blindDocs []docgold.Doc, reports map[string]bot.Report) {
	tb.Helper()
	gold, reports := loadRealSet(tb, corpustest.SharedData(tb, "real-reports"))
	names := MustReadNames(tb, "testdata/realtext/blind.txt")
	for _, d := range gold {
		if names[d.Report] {
			blindDocs = append(blindDocs, d)
			delete(names, d.Report)
		} else {
			dev = append(dev, d)
		}
	}
	for n := range names {
		tb.Fatalf("blind.txt names %s, which the real-text set does not hold", n)
	}
	return dev, blindDocs, reports
}

// loadRealSet reads a folder in the layout of ../shared/data/real-reports:
// the annotation relations.jsonl and the articles under reports/.
func loadRealSet(tb testing.TB, dir string) ([]docgold.Doc, map[string]bot.Report) {
	tb.Helper()
	gold, err := docgold.ReadFile(filepath.Join(dir, "relations.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	res := corpus.Loader{}.LoadPaths(filepath.Join(dir, "reports"))
	if len(res.Problems) > 0 {
		tb.Fatalf("loading real reports: %v", res.Problems)
	}
	reports := map[string]bot.Report{}
	for _, r := range res.Reports {
		reports[r.ID] = r
	}
	for _, d := range gold {
		if _, ok := reports[d.Report]; !ok {
			tb.Fatalf("gold names report %s, which is not in %s", d.Report, dir)
		}
	}
	return gold, reports
}

// MustReadNames reads a list of names, one a line, "#" starting a comment.
func MustReadNames(tb testing.TB, path string) map[string]bool {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			out[line] = true
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// extractDocs runs the extractor over the reports the gold names.
func extractDocs(docs []docgold.Doc, reports map[string]bot.Report) map[string][]bot.Relation {
	e := extract.New()
	out := map[string][]bot.Relation{}
	for _, d := range docs {
		out[d.Report] = e.Report(reports[d.Report])
	}
	return out
}

func logMisses(t *testing.T, s docgold.Score) {
	t.Helper()
	for _, m := range s.FalsePositives {
		t.Logf("FP %s", m)
	}
	for _, m := range s.SystemFalsePositives {
		t.Logf("system FP %s", m)
	}
	for _, m := range s.Missed {
		t.Logf("FN %s", m)
	}
}

// TestRealTextDev scores the extractor on the dev split of real articles
// at document level and keeps docs/accuracy.md's dev table current.
func TestRealTextDev(t *testing.T) {
	dev, _, reports := realText(t)
	s := docgold.Compare(dev, extractDocs(dev, reports))
	logMisses(t, s)
	t.Logf("dev: P %.3f R %.3f on (supplier, recipient, status); %d FP, %d FN", s.Pair.Precision(), s.Pair.Recall(), s.Pair.FP, s.Pair.FN)
	if p := s.Pair.Precision(); p < realDevPrecisionFloor {
		t.Errorf("real-text dev precision %.3f, below the floor %.3f", p, realDevPrecisionFloor)
	}
	if r := s.Pair.Recall(); r < realDevRecallFloor {
		t.Errorf("real-text dev recall %.3f, below the floor %.3f", r, realDevRecallFloor)
	}
	checkTable(t, "real-dev", docgold.Table([]string{"real-text dev"}, []docgold.Score{s}))
}

// TestRealTextBlind scores the blind split. It runs only with -blind: the
// blind score is taken once a batch of rule changes is done and reported as
// it is (-update writes it into docs/accuracy.md).
func TestRealTextBlind(t *testing.T) {
	if !*blind {
		t.Skip("the blind split is scored only on purpose: go test ./corpus/extract -run TestRealTextBlind -blind [-update]")
	}
	_, bl, reports := realText(t)
	s := docgold.Compare(bl, extractDocs(bl, reports))
	logMisses(t, s)
	t.Logf("blind: P %.3f R %.3f", s.Pair.Precision(), s.Pair.Recall())
	if *update {
		checkTable(t, "real-blind", docgold.Table([]string{"real-text blind"}, []docgold.Score{s}))
	}
}

// TestRealTextHeldOut scores a held-out folder of real reports named by
// -heldout: articles the rules never saw, scored once after a batch of
// changes (docs/accuracy.md records the figure and where the folder came
// from). -update writes its table.
func TestRealTextHeldOut(t *testing.T) {
	if *heldOut == "" {
		t.Skip("a held-out folder is scored only on purpose: go test ./corpus/extract -run TestRealTextHeldOut -v -args -heldout DIR [-update]")
	}
	gold, reports := loadRealSet(t, *heldOut)
	s := docgold.Compare(gold, extractDocs(gold, reports))
	logMisses(t, s)
	t.Logf("held-out %s: %d reports, P %.3f R %.3f", *heldOut, len(gold), s.Pair.Precision(), s.Pair.Recall())
	if *update {
		checkTable(t, "real-heldout", docgold.Table([]string{"real-text held-out"}, []docgold.Score{s}))
	}
}

// checkTable compares the block between <!-- name --> and <!-- /name --> in
// docs/accuracy.md with table, rewriting it with -update.
func checkTable(t *testing.T, name, table string) {
	t.Helper()
	data, err := os.ReadFile(accuracyDoc)
	if err != nil {
		t.Fatal(err)
	}
	open, close := "<!-- "+name+" -->\n", "<!-- /"+name+" -->"
	doc := string(data)
	i, j := strings.Index(doc, open), strings.Index(doc, close)
	if i < 0 || j < i {
		t.Fatalf("%s has no %s block", accuracyDoc, name)
	}
	got := doc[i+len(open) : j]
	if got == table {
		return
	}
	if *update {
		doc = doc[:i+len(open)] + table + doc[j:]
		if err := os.WriteFile(accuracyDoc, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s's %s table is stale; run go test ./corpus/extract -run %s -update\nwant:\n%s", accuracyDoc, name, t.Name(), table)
}
