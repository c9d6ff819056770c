package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus/extract"
	"github.com/briefbot/briefbot/index"
)

// TestDigestChart: a digest that asks for a chart gets the table of its
// window's new confirmed deliveries, a bar per recipient stacked by
// supplier; talks are not counted; without new deliveries there is none.
func TestDigestChart(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	x, err := index.Create(t.TempDir(), index.Options{Relations: extract.New().Report, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	_, err = x.Ingest(context.Background(), []bot.Report{
		{ID: "kz", Title: "Anka delivered", Source: "Wire", Body: "Turkey delivered Anka drones to Kazakhstan in 2023."},
		{ID: "kz2", Title: "Radars", Source: "Wire", Body: "France delivered GM400 radars to Kazakhstan in 2024."},
		{ID: "uz", Title: "Uzbek helicopters", Source: "Other Wire", Body: "Uzbekistan received H215M helicopters from France in 2023."},
		{ID: "tj", Title: "Talks", Source: "Wire", Body: "Tajikistan is in talks with Iran about Mohajer-6 drones."},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(x, bot.Options{Now: func() time.Time { return now.Add(time.Minute) }})
	ans, err := b.Digest(context.Background(), bot.DigestQuery{From: now.Add(-time.Hour), Chart: true})
	if err != nil {
		t.Fatal(err)
	}
	tab := ans.Chart
	if tab == nil {
		t.Fatalf("no chart:\n%s", ans.Text)
	}
	if got := strings.Join(tab.Labels, ","); got != "Kazakhstan,Uzbekistan" {
		t.Errorf("bars %s, want Kazakhstan,Uzbekistan (most deliveries first; no bar for talks)", got)
	}
	// Kazakhstan: radars from France, Anka from Turkey; Uzbekistan: helicopters from France.
	if !sameSeries(tab, map[string][]float64{"France": {1, 1}, "Turkey": {1, 0}}) || tab.Series[0].Name != "France" {
		t.Errorf("series %+v", tab.Series)
	}
	if !strings.HasPrefix(tab.Title(), "Digest of 2026-11-20 to 2026-11-20") || !strings.Contains(tab.Title(), "new deliveries by recipient") {
		t.Errorf("title %q", tab.Title())
	}
	for _, r := range tab.Rows {
		if r.Label == "" || len(r.Citations) == 0 || r.Year != 0 {
			t.Errorf("row %+v", r)
		}
	}
	plain, err := b.Digest(context.Background(), bot.DigestQuery{From: now.Add(-time.Hour)})
	if err != nil || plain.Chart != nil {
		t.Errorf("a digest that did not ask got a chart: %v", err)
	}
	none, err := b.Digest(context.Background(), bot.DigestQuery{From: now.Add(-time.Hour), Countries: []string{"Tajikistan"}, Chart: true})
	if err != nil || none.Chart != nil {
		t.Errorf("talks only: chart %+v, %v", none.Chart, err)
	}

	sub, err := bot.ParseSubscribe("weekly chart countries Kazakhstan", "")
	if err != nil || !sub.Chart || !strings.Contains(sub.Describe(), "with a chart of new deliveries") {
		t.Errorf("subscribe with chart: %+v, %v", sub, err)
	}
}

// sameSeries reports whether the table's series have these values by bar.
func sameSeries(t *bot.ChartTable, want map[string][]float64) bool {
	if len(t.Series) != len(want) {
		return false
	}
	for _, s := range t.Series {
		if !slices.Equal(s.Values, want[s.Name]) {
			return false
		}
	}
	return true
}
