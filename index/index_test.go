package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

func MustCreate(tb testing.TB) (*Index, string) {
	tb.Helper()
	dir := tb.TempDir()
	x, err := Create(dir, Options{})
	if err != nil {
		tb.Fatalf("Create: %v", err)
	}
	tb.Cleanup(func() { _ = x.Close() })
	return x, dir
}

func MustIngest(tb testing.TB, x *Index, reports ...bot.Report) IngestStats {
	tb.Helper()
	st, err := x.Ingest(context.Background(), reports, nil)
	if err != nil {
		tb.Fatalf("Ingest: %v", err)
	}
	return st
}

func date(s string) time.Time {
	t, err := time.Parse(bot.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

var sample = []bot.Report{
	{ID: "a", Title: "Drones for Astana", Source: "Test Wire", URL: "https://example.org/a", Published: date("2023-05-01"),
		Body: "China delivered three armed drones to Kazakhstan in 2016.\n\nThe order had been placed a year earlier."},
	{ID: "b", Title: "Helicopters", Source: "Test Wire", Published: date("2021-01-10"),
		Body: "Uzbekistan ordered transport helicopters from France.\n\nDeliveries began in 2019 and ended later."},
	{ID: "c", Title: "Budget", Source: "Other", Body: "Defence budgets rose across the region, said officials in Bishkek."},
}

func mustSearch(tb testing.TB, x *Index, q bot.PassageQuery) []bot.PassageHit {
	tb.Helper()
	hits, err := x.SearchPassages(context.Background(), q)
	if err != nil {
		tb.Fatalf("SearchPassages: %v", err)
	}
	return hits
}

func TestSearchFindsStemmedWordsWithHighlights(t *testing.T) {
	x, _ := MustCreate(t)
	MustIngest(t, x, sample...)
	hits := mustSearch(t, x, bot.PassageQuery{Terms: [][]string{{"delivering"}, {"drone"}}, MinMatch: 2})
	if len(hits) != 1 {
		t.Fatalf("got %d hits, want 1: %+v", len(hits), hits)
	}
	h := hits[0]
	if h.ReportID != "a" || h.Seq != 0 || h.Report.Title != "Drones for Astana" || h.Report.URL != "https://example.org/a" {
		t.Errorf("hit = %+v", h)
	}
	if got := h.Report.PublishedString(); got != "2023-05-01" {
		t.Errorf("published = %q, want 2023-05-01", got)
	}
	var words []string
	for _, s := range h.Highlights {
		words = append(words, h.Text[s.Start:s.End])
	}
	if got, want := strings.Join(words, ","), "delivered,drones"; got != want {
		t.Errorf("highlights = %q, want %q", got, want)
	}
	if h.Text != sample[0].Body[h.Start:h.End] {
		t.Errorf("passage text %q is not body[%d:%d]", h.Text, h.Start, h.End)
	}
}

func TestSearchMinMatchAndDates(t *testing.T) {
	x, _ := MustCreate(t)
	MustIngest(t, x, sample...)
	q := bot.PassageQuery{Terms: [][]string{{"helicopters"}, {"drones"}}, MinMatch: 1}
	if got := len(mustSearch(t, x, q)); got != 2 {
		t.Errorf("min 1: %d hits, want 2", got)
	}
	q.MinMatch = 2
	if got := len(mustSearch(t, x, q)); got != 0 {
		t.Errorf("min 2: %d hits, want 0", got)
	}
	q.MinMatch = 1
	q.From = date("2022-01-01")
	hits := mustSearch(t, x, q)
	if len(hits) != 1 || hits[0].ReportID != "a" {
		t.Errorf("from 2022: %+v, want report a only", hits)
	}
	q.From, q.To = time.Time{}, date("2021-01-10")
	hits = mustSearch(t, x, q)
	if len(hits) != 1 || hits[0].ReportID != "b" {
		t.Errorf("to 2021-01-10 (inclusive): %+v, want report b only", hits)
	}
}

func TestSearchTreatsQuerySyntaxAsText(t *testing.T) {
	x, _ := MustCreate(t)
	MustIngest(t, x, sample...)
	for _, w := range []string{`+drones`, `-drones`, `text:drones`, `"drones`, `drones*`, `(drones`, `drones]`, `/dr.*/`, `~`, `^2`, `\`} {
		hits := mustSearch(t, x, bot.PassageQuery{Terms: [][]string{{w}}})
		for _, h := range hits {
			if h.ReportID != "a" {
				t.Errorf("%q matched %s", w, h.ReportID)
			}
		}
	}
	if hits := mustSearch(t, x, bot.PassageQuery{Terms: [][]string{{"the"}, {"of"}}}); len(hits) != 0 {
		t.Errorf("stop words alone matched %d passages", len(hits))
	}
}

func TestReingestReplacesWithoutDuplicates(t *testing.T) {
	x, _ := MustCreate(t)
	st := MustIngest(t, x, sample...)
	if st.Added != 3 || st.Passages != 5 {
		t.Fatalf("first ingest = %+v, want 3 added, 5 passages", st)
	}
	st = MustIngest(t, x, sample...)
	if st.Unchanged != 3 || st.Added+st.Updated != 0 {
		t.Fatalf("second ingest = %+v, want 3 unchanged", st)
	}
	changed := sample[0]
	changed.Body = "Kazakhstan received drones."
	st = MustIngest(t, x, changed)
	if st.Updated != 1 {
		t.Fatalf("changed ingest = %+v, want 1 updated", st)
	}
	c, err := x.Counts()
	if err != nil {
		t.Fatal(err)
	}
	if c != (Counts{Reports: 3, Passages: 4}) {
		t.Errorf("counts = %+v; want 3 reports, 4 passages", c)
	}
	if hits := mustSearch(t, x, bot.PassageQuery{Terms: [][]string{{"order"}, {"placed"}}, MinMatch: 2}); len(hits) != 0 {
		t.Errorf("old passage still found: %+v", hits)
	}
	if hits := mustSearch(t, x, bot.PassageQuery{Terms: [][]string{{"received"}}}); len(hits) != 1 {
		t.Errorf("new passage: %d hits, want 1", len(hits))
	}
}

func TestReopenKeepsData(t *testing.T) {
	x, dir := MustCreate(t)
	MustIngest(t, x, sample...)
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	y, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer y.Close()
	if c, _ := y.Counts(); c.Reports != 3 {
		t.Errorf("reports after reopen = %d, want 3", c.Reports)
	}
}

func TestOpenErrors(t *testing.T) {
	t.Run("missing", func(t *testing.T) {
		_, err := Open(filepath.Join(t.TempDir(), "nothing"), Options{})
		if !errors.Is(err, ErrNoIndex) {
			t.Errorf("err = %v, want ErrNoIndex", err)
		}
	})
	t.Run("corrupt meta", func(t *testing.T) {
		x, dir := MustCreate(t)
		x.Close()
		if err := os.WriteFile(filepath.Join(Path(dir), "index_meta.json"), []byte("{garbage"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Open(dir, Options{})
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "briefbot ingest --data") {
			t.Errorf("err = %v, want ErrDamaged with rebuild advice", err)
		}
	})
	t.Run("meta missing but files present", func(t *testing.T) {
		x, dir := MustCreate(t)
		x.Close()
		os.Remove(filepath.Join(Path(dir), "index_meta.json"))
		_, err := Open(dir, Options{})
		if !errors.Is(err, ErrDamaged) {
			t.Errorf("err = %v, want ErrDamaged", err)
		}
	})
	t.Run("store garbage", func(t *testing.T) {
		x, dir := MustCreate(t)
		MustIngest(t, x, sample...)
		x.Close()
		if err := os.WriteFile(filepath.Join(Path(dir), "store", "root.bolt"), []byte(strings.Repeat("x", 8192)), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Open(dir, Options{})
		if !errors.Is(err, ErrDamaged) {
			t.Errorf("err = %v, want ErrDamaged", err)
		}
	})
	t.Run("in use", func(t *testing.T) {
		_, dir := MustCreate(t)
		_, err := Open(dir, Options{LockTimeout: 50 * time.Millisecond})
		if !errors.Is(err, ErrInUse) {
			t.Errorf("err = %v, want ErrInUse", err)
		}
	})
}

func TestSameReportTwiceInOneIngest(t *testing.T) {
	x, err := Create(t.TempDir(), Options{BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	v1 := bot.Report{ID: "r", Title: "R", Body: "One.\n\nTwo.\n\nThree."}
	v2 := bot.Report{ID: "r", Title: "R", Body: "Only one."}
	st := MustIngest(t, x, v1, v2, v1)
	if st.Added != 1 || st.Updated != 2 {
		t.Errorf("stats = %+v, want 1 added, 2 updated", st)
	}
	c, _ := x.Counts()
	if c.Reports != 1 || c.Passages != 3 {
		t.Errorf("counts = %+v, want 1 report with v1's 3 passages", c)
	}
}

func TestIngestStopsWhenCancelled(t *testing.T) {
	x, _ := MustCreate(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Ingest(ctx, sample, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
