package adaptertest

import (
	"context"
	"log/slog"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/chart"
	"github.com/briefbot/briefbot/index"
)

// ChartCommand asks ChartRouter for a chart; ChartFile is the name of its
// picture and ChartTopSupplier the supplier its alt text names first.
const (
	ChartCommand     = "chart suppliers Kazakhstan"
	ChartFile        = "kazakhstan-suppliers.png"
	ChartTopSupplier = "Turkey"
)

// ChartReports returns a small trade register (rows written for the
// tests, in SIPRI's shape) of deliveries to Kazakhstan, with TIV per year.
func ChartReports() []bot.Report {
	row := func(supplier, system, sentence string, tiv map[int]float64) bot.Relation {
		r := bot.Relation{Supplier: supplier, Recipient: "Kazakhstan", System: system, Category: "Aircraft",
			Status: bot.StatusDelivered, Kind: bot.KindSale, TIVByYear: tiv, Evidence: bot.Evidence{Sentence: sentence}}
		for y, v := range tiv {
			r.Years = append(r.Years, y)
			r.TIV += v
		}
		return r
	}
	rels := []bot.Relation{
		row("Turkey", "Anka", "Turkey to Kazakhstan: 3 Anka armed UAVs ordered in 2021, delivered in 2022 and 2023.", map[int]float64{2022: 10, 2023: 5}),
		row("China", "Wing Loong-1", "China to Kazakhstan: 3 Wing Loong-1 armed UAVs ordered in 2014, 3 delivered in 2016.", map[int]float64{2016: 9}),
		row("Russia", "Su-30SM", "Russia to Kazakhstan: 4 Su-30SM FGA aircraft ordered in 2021, 4 delivered in 2023.", map[int]float64{2023: 8}),
	}
	body := ""
	for i := range rels {
		rels[i].Evidence.Start = len(body)
		body += rels[i].Evidence.Sentence
		rels[i].Evidence.End = len(body)
		body += "\n\n"
	}
	return []bot.Report{{ID: "sipri-test-register", Title: "SIPRI Arms Transfers Database, test rows", Source: "SIPRI Arms Transfers Database",
		URL: "https://www.sipri.org/databases/armstransfers", Published: day("2025-03-13"), SourceType: bot.SourceSIPRI,
		Body: body, Relations: rels}}
}

// ChartRouter returns a Router over a real index of Reports and
// ChartReports that draws charts with package chart; ChartCommand gets an
// answer with the picture attached.
func ChartRouter(tb testing.TB) *bot.Router {
	tb.Helper()
	x, err := index.Create(tb.TempDir(), index.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { x.Close() })
	if _, err := x.Ingest(context.Background(), append(Reports(), ChartReports()...), nil); err != nil {
		tb.Fatal(err)
	}
	draw := func(t *bot.ChartTable) (bot.Attachment, error) {
		return chart.Draw(t, chart.Options{Width: 600, Height: 400})
	}
	return bot.NewRouter(bot.New(x, bot.Options{}), bot.RouterOptions{Logger: slog.New(slog.DiscardHandler), DrawChart: draw})
}
