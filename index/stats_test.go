package index

import (
	"context"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

func TestStats(t *testing.T) {
	dir := t.TempDir()
	clock := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	x, err := Create(dir, Options{Now: func() time.Time { return clock }, BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	ctx := context.Background()

	st, err := x.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Counts != (Counts{}) || len(st.BySourceType) != 0 || !st.LastIngest.IsZero() || st.Schema != schemaVersion || st.SizeBytes <= 0 {
		t.Errorf("empty index: %+v", st)
	}

	register := bot.Report{ID: "sipri-export", Title: "SIPRI Arms Transfers Database", SourceType: bot.SourceSIPRI,
		Body: "Turkey delivered 3 Bayraktar TB2 to Kazakhstan in 2022.\n\nChina delivered 2 HQ-9 to Turkmenistan in 2016.",
		Relations: []bot.Relation{
			{Supplier: "Turkey", Recipient: "Kazakhstan", System: "Bayraktar TB2", Category: "Aircraft", Status: bot.StatusDelivered, Kind: bot.KindSale, Years: []int{2022}},
			{Supplier: "China", Recipient: "Turkmenistan", System: "HQ-9", Category: "Air-defence systems", Status: bot.StatusDelivered, Kind: bot.KindSale, Years: []int{2016}},
		}}
	MustIngest(t, x, append(sample, register)...)
	clock = clock.Add(time.Hour)
	changed := sample[2]
	changed.Body += "\n\nA second paragraph."
	MustIngest(t, x, changed) // replaces c: still one report, latest ingest now

	st, err = x.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	passages := 0
	for _, r := range append(sample[:2:2], changed, register) {
		passages += len(bot.Passages(r))
	}
	if want := (Counts{Reports: 4, Passages: passages, Relations: 2}); st.Counts != want {
		t.Errorf("counts = %+v, want %+v", st.Counts, want)
	}
	if got, want := st.BySourceType[bot.SourceSIPRI], (Counts{Reports: 1, Passages: len(bot.Passages(register)), Relations: 2}); got != want {
		t.Errorf("sipri = %+v, want %+v", got, want)
	}
	var sum Counts
	for typ, c := range st.BySourceType {
		if typ != bot.SourceReports && typ != bot.SourceSIPRI {
			t.Errorf("unexpected source type %q", typ)
		}
		sum.Reports, sum.Passages, sum.Relations = sum.Reports+c.Reports, sum.Passages+c.Passages, sum.Relations+c.Relations
	}
	if sum != st.Counts {
		t.Errorf("by source type %+v sums to %+v, want %+v", st.BySourceType, sum, st.Counts)
	}
	if !st.LastIngest.Equal(clock) {
		t.Errorf("last ingest = %v, want %v", st.LastIngest, clock)
	}
	if st.SizeBytes < 1000 {
		t.Errorf("size = %d bytes", st.SizeBytes)
	}
}

func TestStatsReportCounts(t *testing.T) {
	x, _ := MustCreate(t)
	ctx := context.Background()
	MustIngest(t, x, sample...)
	MustIngest(t, x, sample...) // unchanged: nothing duplicated
	for _, r := range sample {
		got, err := x.ReportCounts(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := (Counts{Reports: 1, Passages: len(bot.Passages(r))}); got != want {
			t.Errorf("%s: %+v, want %+v", r.ID, got, want)
		}
	}
	got, err := x.ReportCounts(ctx, "nope")
	if err != nil || got != (Counts{}) {
		t.Errorf("unknown report: %+v, %v", got, err)
	}
}
