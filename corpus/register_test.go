package corpus

import (
	"context"

	"errors"
	"github.com/briefbot/briefbot/index"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus/sipri"
)

func TestLoadSIPRIExports(t *testing.T) {
	res := Loader{}.LoadPaths(filepath.Join("sipri", "testdata", "classic.csv"), filepath.Join("sipri", "testdata", "modern.csv"))
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	if len(res.Reports) != 2 {
		t.Fatalf("got %d reports, want one per export", len(res.Reports))
	}
	for _, r := range res.Reports {
		if r.Type() != bot.SourceSIPRI || !strings.HasPrefix(r.ID, "sipri-") || r.URL != SIPRIURL || !strings.HasSuffix(r.Body, sipri.CreditLine+".") {
			t.Errorf("report %s: type %q url %q", r.ID, r.Type(), r.URL)
		}
		if len(r.Relations) == 0 {
			t.Fatalf("%s: no relations", r.ID)
		}
		for _, rel := range r.Relations {
			if r.Body[rel.Evidence.Start:rel.Evidence.End] != rel.Evidence.Sentence {
				t.Errorf("%s: evidence offsets do not point at the sentence %q", r.ID, rel.Evidence.Sentence)
			}
			if !strings.HasPrefix(rel.Evidence.Title, "SIPRI Arms Transfers Database") {
				t.Errorf("%s: citation title %q", r.ID, rel.Evidence.Title)
			}
		}
	}
}

func TestLoadBadCSV(t *testing.T) {
	dir := t.TempDir()
	classic, err := os.ReadFile(filepath.Join("sipri", "testdata", "classic.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(classic), "\n")
	truncated := strings.Join(lines[:len(lines)-2], "") + "Russia,Kazakhstan,broken\n"
	for name, data := range map[string]string{
		"other.csv":     "name,age\nann,3\n",
		"truncated.csv": truncated,
	} {
		os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644)
	}
	res := Loader{}.LoadPaths(dir)
	if len(res.Reports) != 0 {
		t.Errorf("a bad export was half-loaded: %d reports", len(res.Reports))
	}
	got := map[string]Problem{}
	for _, p := range res.Problems {
		got[filepath.Base(p.Path)] = p
	}
	if p := got["other.csv"]; !errors.Is(p, sipri.ErrNotSIPRI) {
		t.Errorf("other.csv: %v, want ErrNotSIPRI", p)
	}
	if p := got["truncated.csv"]; p.Line == 0 || !strings.Contains(p.Error(), "nothing of it indexed") {
		t.Errorf("truncated.csv: %v, want a refusal naming the line", p)
	}
}

// TestSharedSIPRISlices ingests the real export slices in ../shared when
// they are there.
func TestSharedSIPRISlices(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "data", "sipri")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no shared SIPRI data at %s", dir)
	}
	csvs, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	res := Loader{}.LoadPaths(csvs...)
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	want := map[string]int{
		"sipri-trade-register-classic-central-asia": 239,
		"sipri-trade-register-modern-central-asia":  232,
		"sipri-trade-register-classic-quirks":       2,
	}
	for _, r := range res.Reports {
		if n, ok := want[r.ID]; !ok || len(r.Relations) != n {
			t.Errorf("%s: %d relations, want %d", r.ID, len(r.Relations), n)
		}
		delete(want, r.ID)
	}
	for id := range want {
		t.Errorf("missing %s", id)
	}
}

// BenchmarkIngestSIPRIExport loads and indexes a classic export of 29,000
// deals (the size of SIPRI's whole register), made by repeating the
// fixture's records, into a fresh on-disk index.
//
//	go test ./corpus -run '^$' -bench SIPRI -benchtime 1x
func BenchmarkIngestSIPRIExport(b *testing.B) {
	const deals = 29000
	data, err := os.ReadFile(filepath.Join("sipri", "testdata", "classic.csv"))
	if err != nil {
		b.Fatal(err)
	}
	exp, err := sipri.Parse(strings.NewReader(string(data)))
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	head := strings.Join(lines[:exp.Deals[0].Line-1], "")
	records := strings.Join(lines[exp.Deals[0].Line-1:], "")
	var file strings.Builder
	file.WriteString(head)
	for i := 0; i < deals/len(exp.Deals)+1; i++ {
		file.WriteString(records)
		if !strings.HasSuffix(records, "\n") {
			file.WriteString("\n")
		}
	}
	path := filepath.Join(b.TempDir(), "trade-register.csv")
	if err := os.WriteFile(path, []byte(file.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		res := Loader{MaxFileSize: 1 << 30}.LoadPaths(path)
		if len(res.Problems) > 0 || len(res.Reports) != 1 {
			b.Fatalf("load: %v", res.Problems)
		}
		x, err := index.Create(b.TempDir(), index.Options{})
		if err != nil {
			b.Fatal(err)
		}
		st, err := x.Ingest(context.Background(), res.Reports, nil)
		if err != nil {
			b.Fatal(err)
		}
		x.Close()
		b.ReportMetric(float64(st.Relations), "deals")
	}
	b.ReportMetric(float64(deals)/(b.Elapsed().Seconds()/float64(b.N)), "deals/s")
}
