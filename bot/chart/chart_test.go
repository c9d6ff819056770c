package chart_test

import (
	"bytes"
	"image/png"
	"os"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/chart"
)

// table is a small SIPRI-measured table: TIV per year for two suppliers
// and others.
func table() *bot.ChartTable {
	return &bot.ChartTable{By: bot.ChartSuppliers, Subject: "Turkmenistan", Measure: bot.MeasureTIV, Unit: "SIPRI TIV (millions)",
		Years: []int{2011, 2012, 2013, 2014, 2015, 2016, 2017},
		Series: []bot.ChartSeries{
			{Name: "Turkey", Values: []float64{0, 0, 0, 0, 64, 64, 64}, Total: 192},
			{Name: "Russia", Values: []float64{20, 20, 0, 0, 0, 0, 0}, Total: 40},
			{Name: bot.OthersSeries, Members: []string{"Ukraine", "Belarus"}, Values: []float64{13, 0, 0, 0, 0, 1.44, 0.96}, Total: 15.4},
		},
		Citations: []bot.Citation{{N: 1, ReportID: "sipri-x"}}, Newest: "2025-03-13", SIPRI: true}
}

func TestDrawPNG(t *testing.T) {
	att, err := chart.Draw(table(), chart.Options{Width: 900, Height: 500})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(att.Data))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 900 || b.Dy() != 500 || att.Width != 900 || att.Height != 500 {
		t.Errorf("image %v, attachment %d×%d, want 900×500", b, att.Width, att.Height)
	}
	if att.Name != "turkmenistan-suppliers.png" || att.Type != "image/png" {
		t.Errorf("name %q type %q", att.Name, att.Type)
	}
	for _, w := range []string{"Turkey 192", "Russia 40", "others (2 countries) 15.4"} {
		if !strings.Contains(att.AltText, w) {
			t.Errorf("alt text lacks %q: %s", w, att.AltText)
		}
	}
	if dir := os.Getenv("CHART_OUT"); dir != "" {
		os.WriteFile(dir+"/"+att.Name, att.Data, 0o644)
	}
}

// TestDrawRefuses: nothing to draw and sizes out of bounds are errors, not
// empty pictures or unbounded allocations.
func TestDrawRefuses(t *testing.T) {
	empty := table()
	for i := range empty.Series {
		empty.Series[i].Total = 0
		clear(empty.Series[i].Values)
	}
	if _, err := chart.Draw(empty, chart.Options{}); err != chart.ErrEmpty {
		t.Errorf("empty table: %v, want ErrEmpty", err)
	}
	if _, err := chart.Draw(&bot.ChartTable{}, chart.Options{}); err != chart.ErrEmpty {
		t.Errorf("zero table: %v, want ErrEmpty", err)
	}
	for _, o := range []chart.Options{{Width: 100000, Height: 500}, {Width: 500, Height: 10}, {Width: -1}} {
		if _, err := chart.Draw(table(), o); err == nil || !strings.Contains(err.Error(), "outside") {
			t.Errorf("size %+v: %v, want an error", o, err)
		}
	}
}

// TestDrawManyYears: 80 years of deals draw with thinned year labels and
// whole-number ticks, at the default size.
func TestDrawManyYears(t *testing.T) {
	tab := &bot.ChartTable{By: bot.ChartRecipients, Subject: "Russia", Measure: bot.MeasureDeals, Unit: "delivered deals"}
	vals := make([]float64, 80)
	for i := range 80 {
		tab.Years = append(tab.Years, 1945+i)
		vals[i] = float64(i % 3)
	}
	tab.Series = []bot.ChartSeries{{Name: "China", Values: vals, Total: 79}}
	att, err := chart.Draw(tab, chart.Options{})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(att.Data))
	if err != nil || img.Bounds().Dx() != 1200 || img.Bounds().Dy() != 700 {
		t.Fatalf("decode: %v, bounds %v, want 1200×700", err, img.Bounds())
	}
	tab.Citations = []bot.Citation{{N: 1, ReportID: "a", Source: "Eurasianet"}, {N: 2, ReportID: "b", Source: "briefbot summary of the SIPRI Arms Transfers Database"}}
	tab.Newest = "2026-02-12"
	if want := "Sources: 2 reports in the briefbot index, each bar cited in the answer. Information from the SIPRI Arms Transfers Database. Newest evidence: 2026-02-12."; chart.Footer(tab) != want || att.Name != "russia-recipients.png" {
		t.Errorf("footer %q name %q", chart.Footer(tab), att.Name)
	}
}

// BenchmarkDraw draws a 30-year chart of seven series at the default size.
//
//	go test ./chart -run '^$' -bench Draw
func BenchmarkDraw(b *testing.B) {
	tab := &bot.ChartTable{By: bot.ChartSuppliers, Subject: "Kazakhstan", Measure: bot.MeasureDeals, Unit: "delivered deals"}
	for y := 1995; y <= 2024; y++ {
		tab.Years = append(tab.Years, y)
	}
	for _, name := range []string{"Russia", "Turkey", "China", "Spain", "Israel", "United States", bot.OthersSeries} {
		s := bot.ChartSeries{Name: name, Values: make([]float64, len(tab.Years))}
		for i := range s.Values {
			s.Values[i] = float64((i + len(name)) % 3)
			s.Total += s.Values[i]
		}
		tab.Series = append(tab.Series, s)
	}
	for i := 0; i < b.N; i++ {
		if _, err := chart.Draw(tab, chart.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDrawLabels: a digest's chart has a bar per recipient, named under it.
func TestDrawLabels(t *testing.T) {
	tab := &bot.ChartTable{By: bot.ChartSuppliers, Heading: "Digest of 2026-11-13 to 2026-11-20: new deliveries by recipient",
		Measure: bot.MeasureDeals, Unit: "delivered deals", Labels: []string{"Kazakhstan", "United Arab Emirates", "Uzbekistan"},
		Series: []bot.ChartSeries{{Name: "France", Values: []float64{1, 2, 1}, Total: 4}, {Name: "Turkey", Values: []float64{2, 0, 0}, Total: 2}}}
	att, err := chart.Draw(tab, chart.Options{Width: 800, Height: 450})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(att.Data))
	if err != nil || img.Bounds().Dx() != 800 || img.Bounds().Dy() != 450 {
		t.Fatalf("decode: %v", err)
	}
	if !strings.Contains(att.AltText, "Delivered deals per recipient by supplier. Totals: France 4, Turkey 2") || att.Title != tab.Heading {
		t.Errorf("alt text %q, title %q", att.AltText, att.Title)
	}
	if dir := os.Getenv("CHART_OUT"); dir != "" {
		os.WriteFile(dir+"/digest.png", att.Data, 0o644)
	}
}
