package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus/extract"
	"github.com/briefbot/briefbot/index"
)

func TestDigest(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	x, err := index.Create(t.TempDir(), index.Options{Relations: extract.New().Report, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	ingest := func(reps ...bot.Report) {
		t.Helper()
		if _, err := x.Ingest(context.Background(), reps, nil); err != nil {
			t.Fatal(err)
		}
	}
	ingest(bot.Report{ID: "old", Title: "Anka order", Source: "Wire", URL: "https://example.org/old",
		Body: "Kazakhstan ordered Anka drones from Turkey in 2021."})
	weekAgo := now
	now = now.Add(7 * 24 * time.Hour)
	ingest(
		bot.Report{ID: "new-kz", Title: "Anka delivered", Source: "Wire", URL: "https://example.org/kz",
			Body: "Turkey delivered Anka drones to Kazakhstan in 2023. The handover took place in Astana."},
		bot.Report{ID: "new-uz", Title: "Uzbek helicopters", Source: "Other Wire", URL: "https://example.org/uz",
			Body: "Uzbekistan received H215M helicopters from France in 2023."},
	)
	b := bot.New(x, bot.Options{Now: func() time.Time { return now.Add(time.Minute) }})
	ctx := context.Background()

	ans, err := b.Digest(ctx, bot.DigestQuery{From: weekAgo.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	checkCited(t, ans)
	for _, want := range []string{
		"2 new reports, 2 new supply relations",
		"- Anka delivered (Wire) [",
		"- Kazakhstan: Anka (Aircraft) from Turkey, delivered in 2023",
		"- Uzbekistan: H215M (Aircraft) from France, delivered in 2023",
		"Turkey → Kazakhstan, Anka: ordered → delivered",
		"Most active: France → Uzbekistan (1), Turkey → Kazakhstan (1).",
	} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("digest lacks %q:\n%s", want, ans.Text)
		}
	}
	if strings.Contains(ans.Text, "Anka order") {
		t.Errorf("a report from before the window is listed:\n%s", ans.Text)
	}
	var quotes []string
	for _, c := range ans.Citations {
		quotes = append(quotes, c.Quote)
	}
	if !strings.Contains(strings.Join(quotes, "|"), "Kazakhstan ordered Anka drones from Turkey in 2021.") {
		t.Errorf("the status change does not cite the earlier order: %q", quotes)
	}

	only, err := b.Digest(ctx, bot.DigestQuery{From: weekAgo.Add(time.Hour), Countries: []string{"Uzbekistan"}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(only.Text, "Kazakhstan") || !strings.Contains(only.Text, "1 new report,") {
		t.Errorf("digest for Uzbekistan:\n%s", only.Text)
	}

	empty, err := b.Digest(ctx, bot.DigestQuery{From: now.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if !empty.NoMatch || !strings.HasSuffix(empty.Text, "nothing new.") {
		t.Errorf("empty window: %+v", empty)
	}
}
