package index

import (
	"context"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// TestDelete: deleting a report removes it with its passages and
// relations; unknown IDs are skipped; the others stay.
func TestDelete(t *testing.T) {
	dir := t.TempDir()
	x, err := Create(dir, Options{Relations: func(r bot.Report) []bot.Relation {
		return []bot.Relation{{Supplier: "China", Recipient: "Kazakhstan", Evidence: bot.Evidence{Sentence: r.Body}}}
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	MustIngest(t, x, sample...)
	n, err := x.Delete(context.Background(), []string{"a", "nope", "c"})
	if err != nil || n != 2 {
		t.Fatalf("Delete = %d, %v; want 2", n, err)
	}
	c, err := x.Counts()
	if err != nil {
		t.Fatal(err)
	}
	if c != (Counts{Reports: 1, Passages: 2, Relations: 1}) {
		t.Errorf("counts after delete = %+v, want only report b's", c)
	}
	if hits := mustSearch(t, x, bot.PassageQuery{Terms: [][]string{{"drones"}}}); len(hits) != 0 {
		t.Errorf("a deleted passage is still found: %+v", hits)
	}
	if st := MustIngest(t, x, sample[0]); st.Added != 1 {
		t.Errorf("ingest after delete = %+v, want the report added again", st)
	}
}

// TestIngestAt: the ingest time given per report is the one the digests'
// change look-up sees.
func TestIngestAt(t *testing.T) {
	x, _ := MustCreate(t)
	at := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
	if _, err := x.IngestAt(context.Background(), sample[:2], map[string]time.Time{"a": at}, nil); err != nil {
		t.Fatal(err)
	}
	got, err := x.ReportsIngested(context.Background(), at.Add(-time.Hour), at.Add(time.Hour))
	if err != nil || len(got) != 1 || got[0].ID != "a" {
		t.Fatalf("reports ingested around %s = %+v, %v; want only a", at, got, err)
	}
	if now, _ := x.ReportsIngested(context.Background(), time.Now().Add(-time.Minute), time.Time{}); len(now) != 1 || now[0].ID != "b" {
		t.Errorf("reports ingested now = %+v, want b (no time given)", now)
	}
}
