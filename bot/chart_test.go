package bot_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/corpus/corpustest"
	"github.com/briefbot/briefbot/corpus/extract"
	"github.com/briefbot/briefbot/corpus/sipri"
	"github.com/briefbot/briefbot/index"
)

// chartNow is the clock of the chart tests.
func chartNow() time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) }

// MustSIPRIBot indexes one SIPRI export of corpus/sipri/testdata (written
// by hand from public SIPRI records, see its README) on disk.
func MustSIPRIBot(tb testing.TB, file string) *bot.Bot {
	tb.Helper()
	res := corpus.Loader{}.LoadPaths("../corpus/sipri/testdata/" + file)
	if res.Errors() > 0 || len(res.Reports) != 1 {
		tb.Fatalf("load %s: %d reports, problems %v", file, len(res.Reports), res.Problems)
	}
	x, err := index.Create(tb.TempDir(), index.Options{Relations: extract.New().Report})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { x.Close() })
	if _, err := x.Ingest(context.Background(), res.Reports, nil); err != nil {
		tb.Fatal(err)
	}
	return bot.New(x, bot.Options{Now: chartNow})
}

// seriesText writes a table's series as "Name: year=value …", one per
// line, "Others (A, B): …" for the others, so a whole table compares as
// one string.
func seriesText(t *bot.ChartTable) string {
	var lines []string
	for _, s := range t.Series {
		name := s.Name
		if len(s.Members) > 0 {
			name += " (" + strings.Join(s.Members, ", ") + ")"
		}
		var cells []string
		for i, v := range s.Values {
			if v != 0 {
				cells = append(cells, fmt.Sprintf("%d=%g", t.Years[i], v))
			}
		}
		lines = append(lines, fmt.Sprintf("%s: %s total=%g", name, strings.Join(cells, " "), s.Total))
	}
	return strings.Join(lines, "\n")
}

func mustChart(t *testing.T, b *bot.Bot, req bot.ChartRequest) *bot.Answer {
	t.Helper()
	ans, err := b.Chart(context.Background(), req, bot.Filter{})
	if err != nil {
		t.Fatalf("%+v: %v", req, err)
	}
	checkChartRows(t, ans)
	return ans
}

// checkChartRows checks that the rows add up to the series and that every
// row cites evidence naming its counterparty.
func checkChartRows(t *testing.T, ans *bot.Answer) {
	t.Helper()
	tab := ans.Chart
	sums := map[string]float64{}
	for _, r := range tab.Rows {
		sums[r.Series] += r.Value
		if len(r.Citations) == 0 {
			t.Errorf("row %+v cites nothing", r)
		}
		party := r.Supplier
		if tab.By == bot.ChartRecipients {
			party = r.Recipient
		}
		for _, n := range r.Citations {
			if c := tab.Citations[n-1]; !strings.Contains(c.Quote+c.Title, party) && party != "unknown" {
				t.Logf("row %d %s cites [%d] %q, which does not name it", r.Year, party, n, c.Quote)
			}
		}
	}
	for _, s := range tab.Series {
		if d := sums[s.Name] - s.Total; d > 1e-6 || d < -1e-6 {
			t.Errorf("series %s: rows sum to %g, total %g", s.Name, sums[s.Name], s.Total)
		}
	}
}

// TestChartTableSIPRI: with a SIPRI register loaded, the chart measures
// TIV delivered, per year as the register gives it (modern export) or
// spread evenly over the delivery years (classic export, which gives only
// the total), with the smaller suppliers summed as others.
func TestChartTableSIPRI(t *testing.T) {
	cases := []struct {
		file string
		req  bot.ChartRequest
		want string
		span [2]int
	}{
		{"classic.csv", bot.ChartRequest{By: bot.ChartSuppliers, Country: "Turkmenistan", Top: 1},
			// Dearsan FACs: 192 over 2015-2017; TB2: 7.2 in 2021; Kh-35: 40
			// over 2011 and 2012; two Ukrainian ship engines: 12 + 1 in 2011.
			"Turkey: 2015=64 2016=64 2017=64 2021=7.2 total=199.2\nOthers (Russia, Ukraine): 2011=33 2012=20 total=53",
			[2]int{2011, 2021}},
		{"modern.csv", bot.ChartRequest{By: bot.ChartSuppliers, Country: "turkmenistan", Top: 2},
			// TB2 7.2 and C-92 frigate 151.25 in 2021; Survivor-2 3.2 in 2011;
			// BM-21 1.44 in 2016 and 0.96 in 2017; Lazar-3 1.64 and ScanEagle
			// 0.08 in 2021.
			"Turkey: 2021=158.45 total=158.45\nAustria: 2011=3.2 total=3.2\n" +
				"Others (Belarus, Serbia, United States): 2016=1.44 2017=0.96 2021=1.72 total=4.12",
			[2]int{2011, 2021}},
		{"modern.csv", bot.ChartRequest{By: bot.ChartRecipients, Country: "Türkiye"},
			"Turkmenistan: 2021=158.45 total=158.45", [2]int{2021, 2021}},
		{"modern.csv", bot.ChartRequest{By: bot.ChartSuppliers, Country: "Kazakhstan", Since: 2020},
			// Marauder: 2.42 in 2020 and 11.66 in 2024 (6.6 in 2019 is
			// before the range); 45 engines of unknown origin, 2.25 in 2024.
			"South Africa: 2020=2.42 2024=11.66 total=14.08\nunknown: 2024=2.25 total=2.25", [2]int{2020, 2024}},
	}
	bots := map[string]*bot.Bot{"classic.csv": MustSIPRIBot(t, "classic.csv"), "modern.csv": MustSIPRIBot(t, "modern.csv")}
	for _, tc := range cases {
		t.Run(tc.file+"/"+tc.req.By+"/"+tc.req.Country, func(t *testing.T) {
			ans := mustChart(t, bots[tc.file], tc.req)
			tab := ans.Chart
			if got := seriesText(tab); got != tc.want {
				t.Errorf("series:\n%s\nwant:\n%s", got, tc.want)
			}
			if tab.Measure != bot.MeasureTIV || !tab.SIPRI || !strings.Contains(tab.Subtitle(), "TIV") {
				t.Errorf("measure %q sipri %v subtitle %q, want SIPRI TIV", tab.Measure, tab.SIPRI, tab.Subtitle())
			}
			if got := [2]int{tab.Years[0], tab.Years[len(tab.Years)-1]}; got != tc.span || len(tab.Years) != got[1]-got[0]+1 {
				t.Errorf("years %v, want %d–%d without gaps", tab.Years, tc.span[0], tc.span[1])
			}
			for _, c := range tab.Citations {
				if !strings.HasPrefix(c.Title, "SIPRI Arms Transfers Database") {
					t.Errorf("citation %q is not a SIPRI row", c.Title)
				}
			}
		})
	}
}

// TestChartTableDefaultCorpus: on the default corpus (news reports, no
// register) the chart counts confirmed delivered deals, each once, in the
// year a sentence says it was delivered. The deals were checked against
// the cited sentences: Turkey's Cobra APCs (2012), Anka UAVs (delivered
// 2022-2023) and Cobra-2 APCs (2024); China's Blue Arrow-7 missiles (2015
// by one sentence) and Wing Loong-1 UAVs (2016); South Africa's Marauders
// (2018); Spain's A400M engines (2024). Extraction rules of 2026-12-03.27
// added Ukraine's An-74 transports (2013), France's licence-built
// Ground Master-400 radar (2023), a second Russian deal in 2014 (the Igla-1
// SAMs for the Project-22180 craft) and Ukraine's An-72A transports, which
// the table puts in 2010: their sentence says "ordered around 2010 and
// delivered in 2011 and 2012", and the extractor gives a relation every
// year of its sentence (a known weak spot; the deal itself is right).
// Rules of 2026-12-03.28 confirm the pair Germany -> Kazakhstan (the EC145
// helicopters "assembled in Kazakhstan"), so two German deals are now
// charted, checked against their cited sentences: the EC145s in 2017
// ("Germany delivered about 12 EC145 light helicopters between 2011 and
// 2017") and the A400M's TP400-D6 engines in 2024 ("four were delivered in
// 2024").
// Rules of 2026-12-03.33 give a deal the years of the bare stage verbs that
// follow it ("..., ordered around 2010 and delivered in 2011 and 2012";
// "two in 2012 (delivered in 2013)"), so deals are charted in their last
// delivery year, checked against the cited sentences: Ukraine's An-72A in
// 2012, China's Blue Arrow-7 in 2016 ("SIPRI lists 50 as delivered in
// 2016"), Russia's Mi-171Sh in 2015 ("delivered from 2013 to 2015", was
// charted in its 2012 order year), Spain's C-295 in 2023 and Israel's
// Litening pods in 2010 ("delivered in 2009 and 2010").
func TestChartTableDefaultCorpus(t *testing.T) {
	b := bot.New(MustDefaultIndex(t), bot.Options{Now: chartNow})
	ans := mustChart(t, b, bot.ChartRequest{By: bot.ChartSuppliers, Country: "Kazakhstan", Since: 2010, Top: 3})
	tab := ans.Chart
	want := "Russia: 2011=1 2014=2 2015=1 2021=1 2022=1 2023=1 2024=1 total=8\n" +
		"Turkey: 2012=1 2023=1 2024=1 total=3\n" +
		"China: 2016=2 total=2\n" +
		"Others (Germany, Spain, Ukraine, France, Israel, South Africa): 2010=1 2012=1 2013=1 2017=1 2018=1 2023=2 2024=2 total=9"
	if got := seriesText(tab); got != want {
		t.Errorf("series:\n%s\nwant:\n%s", got, want)
	}
	if tab.Measure != bot.MeasureDeals || tab.SIPRI || tab.Unit != "delivered deals" {
		t.Errorf("measure %q unit %q sipri %v, want delivered deals", tab.Measure, tab.Unit, tab.SIPRI)
	}
	if tab.Years[0] != 2010 || tab.Years[len(tab.Years)-1] != 2024 {
		t.Errorf("years %v, want 2010–2024", tab.Years)
	}
	if tab.Newest == "" {
		t.Error("no date of the newest evidence")
	}
	for _, w := range []string{"Kazakhstan's arms suppliers, 2010–2024", "Totals: Russia 8, Turkey 3, China 2, others 9 (Germany, Spain, Ukraine, France, Israel, South Africa); 22 in all.", "- Turkey: 2012: 1 ["} {
		if !strings.Contains(ans.Text, w) {
			t.Errorf("answer text lacks %q:\n%s", w, ans.Text)
		}
	}
	checkCited(t, ans)

	// Without a range, the chart spans the years the evidence covers.
	all := mustChart(t, b, bot.ChartRequest{By: bot.ChartSuppliers, Country: "Kazakhstan"})
	if y := all.Chart.Years; y[0] >= 2010 || y[len(y)-1] != 2024 {
		t.Errorf("default years %d–%d, want from before 2010 to 2024", y[0], y[len(y)-1])
	}
	// A region charts its members' suppliers.
	ca := mustChart(t, b, bot.ChartRequest{By: bot.ChartSuppliers, Country: "central asia"})
	if ca.Chart.Subject != "Central Asia" || len(ca.Chart.Members) != 5 || ca.Chart.Total() <= all.Chart.Total() {
		t.Errorf("Central Asia: subject %q members %v total %g (Kazakhstan alone %g)", ca.Chart.Subject, ca.Chart.Members, ca.Chart.Total(), all.Chart.Total())
	}
	if s := ca.Chart.Series; len(s) != 7 || s[6].Name != bot.OthersSeries || !slices.Contains(s[6].Members, "Spain") {
		t.Errorf("Central Asia series %s", seriesText(ca.Chart))
	}
}

// TestChartAltText: the alt text names the chart, its measure and the top
// suppliers with their totals.
func TestChartAltText(t *testing.T) {
	b := MustSIPRIBot(t, "modern.csv")
	tab := mustChart(t, b, bot.ChartRequest{By: bot.ChartSuppliers, Country: "Turkmenistan", Top: 2}).Chart
	alt := tab.AltText()
	for _, w := range []string{"Turkmenistan's arms suppliers, 2011–2021", "TIV", "Turkey 158", "Austria 3.2", "others (3 countries) 4.1"} {
		if !strings.Contains(alt, w) {
			t.Errorf("alt text lacks %q: %s", w, alt)
		}
	}
}

// TestChartBadRequests: every request that cannot give a chart gets a
// message saying why, never an empty chart.
func TestChartBadRequests(t *testing.T) {
	b := MustSIPRIBot(t, "modern.csv")
	cases := []struct {
		req       bot.ChartRequest
		code, msg string
	}{
		{bot.ChartRequest{By: bot.ChartSuppliers, Country: "Narnia"}, bot.EInvalid, `I don't know a country or region called "Narnia"`},
		{bot.ChartRequest{By: bot.ChartSuppliers, Country: ""}, bot.EInvalid, "Name a country or region"},
		{bot.ChartRequest{By: "sideways", Country: "Kazakhstan"}, bot.EInvalid, "suppliers or its recipients"},
		{bot.ChartRequest{By: bot.ChartSuppliers, Country: "Kazakhstan", Since: 2025}, bot.ENotFound, "Nothing delivered to Kazakhstan in 2025 or later on record; the evidence covers 2019–2024."},
		{bot.ChartRequest{By: bot.ChartSuppliers, Country: "Kazakhstan", Since: 2030}, bot.EInvalid, "2030 is outside the years I can chart"},
		{bot.ChartRequest{By: bot.ChartSuppliers, Country: "Kazakhstan", Since: 2022, Until: 2021}, bot.EInvalid, "That range is empty"},
		{bot.ChartRequest{By: bot.ChartRecipients, Country: "Iceland"}, bot.ENotFound, "I have no dated deliveries from Iceland on record"},
		// Kyrgyzstan supplies no one in the export; its suppliers are charted.
		{bot.ChartRequest{By: bot.ChartRecipients, Country: "Kyrgyzstan"}, bot.ENotFound, "Try `recipients Kyrgyzstan` for orders, talks and undated deals, or `chart suppliers Kyrgyzstan`."},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%s/%s/%d", tc.req.By, tc.req.Country, tc.req.Since), func(t *testing.T) {
			ans, err := b.Chart(context.Background(), tc.req, bot.Filter{})
			if err == nil {
				t.Fatalf("got a chart %s, want error", seriesText(ans.Chart))
			}
			if bot.ErrorCode(err) != tc.code || !strings.Contains(bot.ErrorMessage(err), tc.msg) {
				t.Errorf("error %v, want %s containing %q", err, tc.code, tc.msg)
			}
		})
	}
}

// TestChartInChat: the chart commands and questions that ask for a chart
// go through the Router, which attaches the picture DrawChart makes; a
// picture that cannot be drawn leaves the figures with a note, and a bad
// request gets a clear reply.
func TestChartInChat(t *testing.T) {
	b := bot.New(MustDefaultIndex(t), bot.Options{Now: chartNow})
	var drawn []*bot.ChartTable
	draw := func(tab *bot.ChartTable) (bot.Attachment, error) {
		drawn = append(drawn, tab)
		return bot.Attachment{Name: "c.png", Type: "image/png", Data: []byte("png"), AltText: tab.AltText()}, nil
	}
	r := bot.NewRouter(b, bot.RouterOptions{DrawChart: draw})
	ask := func(text string) bot.Reply {
		return r.Handle(context.Background(), bot.Message{Text: text, Platform: bot.Slack, Channel: "C1", User: "U1"})
	}
	cases := []struct {
		text, command, by, subject string
		since                      int
	}{
		{"chart suppliers Kazakhstan since 2010", "chart suppliers", bot.ChartSuppliers, "Kazakhstan", 2010},
		{"CHART recipients türkiye", "chart recipients", bot.ChartRecipients, "Turkey", 0},
		{"chart suppliers Central Asia 2015-2020", "chart suppliers", bot.ChartSuppliers, "Central Asia", 2015},
		{"show me Kazakhstan's suppliers over time", "ask", bot.ChartSuppliers, "Kazakhstan", 0},
		{"chart Turkey's arms exports since 2015", "ask", bot.ChartRecipients, "Turkey", 2015},
		{"Show me a chart of Uzbekistan's arms imports by year", "ask", bot.ChartSuppliers, "Uzbekistan", 0},
		{"chart Kazakhstan", "ask", bot.ChartSuppliers, "Kazakhstan", 0},    // no side named: its suppliers
		{"chart recipient Turkey", "ask", bot.ChartRecipients, "Turkey", 0}, // a typo of the command still charts
		{"graph Central Asia since 2015", "ask", bot.ChartSuppliers, "Central Asia", 2015},
	}
	for _, tc := range cases {
		got := ask(tc.text)
		if got.IsError || got.Answer == nil || got.Answer.Chart == nil {
			t.Errorf("%q: no chart: %+v", tc.text, got)
			continue
		}
		tab := got.Answer.Chart
		if got.Command != tc.command || tab.By != tc.by || tab.Subject != tc.subject || (tc.since != 0 && tab.Years[0] != tc.since) {
			t.Errorf("%q: ran %q, chart %s %s from %d; want %q, %s %s from %d", tc.text, got.Command, tab.By, tab.Subject, tab.Years[0], tc.command, tc.by, tc.subject, tc.since)
		}
		if len(got.Answer.Attachments) != 1 || !strings.Contains(got.Answer.Attachments[0].AltText, tab.Series[0].Name) {
			t.Errorf("%q: attachments %+v", tc.text, got.Answer.Attachments)
		}
		if !strings.Contains(got.Answer.Text, "Totals: ") || len(got.Answer.Citations) == 0 {
			t.Errorf("%q: text without totals or citations:\n%s", tc.text, got.Answer.Text)
		}
		checkCited(t, got.Answer)
	}
	if len(drawn) != len(cases) {
		t.Errorf("drew %d charts, want %d", len(drawn), len(cases))
	}
	if got := ask("who supplies Kazakhstan?"); got.Answer == nil || got.Answer.Chart != nil || len(got.Answer.Attachments) != 0 {
		t.Errorf("a list question got a chart: %+v", got.Answer)
	}

	bad := []struct{ text, want string }{
		{"chart suppliers Narnia", `I don't know a country or region called "Narnia"`},
		{"chart suppliers", "Name a country"},
		{"chart", "`chart suppliers COUNTRY [YEARS]`"},
		{"chart suppliers Kazakhstan since 2026", "Nothing delivered to Kazakhstan in 2026 or later on record; the evidence covers"},
		{"chart recipients Iceland", "I have no dated deliveries from Iceland on record"},
		{"show me Iceland's arms exports over time", "I have no dated deliveries from Iceland on record"},
	}
	for _, tc := range bad {
		if got := ask(tc.text); !got.IsError || !strings.Contains(got.Text, tc.want) || got.Answer != nil {
			t.Errorf("%q: %+v, want an error saying %q", tc.text, got, tc.want)
		}
	}

	failing := bot.NewRouter(b, bot.RouterOptions{DrawChart: func(*bot.ChartTable) (bot.Attachment, error) {
		return bot.Attachment{}, fmt.Errorf("out of ink")
	}})
	got := failing.Handle(context.Background(), bot.Message{Text: "chart suppliers Kazakhstan", Platform: bot.Slack, Channel: "C1"})
	if got.IsError || got.Answer == nil || len(got.Answer.Attachments) != 0 || !strings.HasSuffix(got.Answer.Text, bot.ChartFailedNote) || strings.Contains(got.Answer.Text, "ink") {
		t.Errorf("failed drawing: %+v", got)
	}
	plain := bot.NewRouter(b, bot.RouterOptions{})
	got = plain.Handle(context.Background(), bot.Message{Text: "chart suppliers Kazakhstan", Platform: bot.Console, Channel: "console"})
	if got.Answer == nil || !strings.HasSuffix(got.Answer.Text, bot.ChartNotDrawnNote) {
		t.Errorf("no drawing: %+v", got)
	}
}

func TestParseChartRequest(t *testing.T) {
	for _, tc := range []struct {
		args    string
		country string
		since   int
		until   int
	}{
		{"Kazakhstan", "Kazakhstan", 0, 0},
		{"Kazakhstan since 2010", "Kazakhstan", 2010, 0},
		{"Central Asia 2015-2020", "Central Asia", 2015, 2020},
		{"Turkey from 2015 to 2020", "Turkey", 2015, 2020},
		{"the United States until 2015", "the United States", 0, 2015},
		{"Kazakhstan 2010", "Kazakhstan", 2010, 0},
	} {
		req, err := bot.ParseChartRequest(bot.ChartSuppliers, tc.args)
		if err != nil || req.Country != tc.country || req.Since != tc.since || req.Until != tc.until {
			t.Errorf("%q: %+v, %v; want %q %d-%d", tc.args, req, err, tc.country, tc.since, tc.until)
		}
	}
	if _, err := bot.ParseChartRequest(bot.ChartSuppliers, "since 2010"); bot.ErrorCode(err) != bot.EInvalid {
		t.Errorf("no country: %v", err)
	}
}

// TestChartRealSIPRI charts Kazakhstan's suppliers from the real SIPRI
// export slices in ../shared/data/sipri and checks every cell against the
// export read directly: TIV delivered per year and supplier as the modern
// export gives it, and the classic export's totals spread evenly over the
// delivery years.
func TestChartRealSIPRI(t *testing.T) {
	dir := corpustest.SharedData(t, "sipri")
	for _, file := range []string{"trade-register-modern-central-asia.csv", "trade-register-classic-central-asia.csv"} {
		t.Run(file, func(t *testing.T) {
			path := filepath.Join(dir, file)
			want := registerCells(t, path, "Kazakhstan")
			res := corpus.Loader{}.LoadPaths(path)
			x, err := index.Create(t.TempDir(), index.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			if _, err := x.Ingest(context.Background(), res.Reports, nil); err != nil {
				t.Fatal(err)
			}
			b := bot.New(x, bot.Options{Now: chartNow})
			tab := mustChart(t, b, bot.ChartRequest{By: bot.ChartSuppliers, Country: "Kazakhstan"}).Chart
			got := map[string]float64{}
			for _, r := range tab.Rows {
				got[fmt.Sprintf("%d %s", r.Year, r.Supplier)] += r.Value
			}
			if len(got) != len(want) {
				t.Errorf("%d cells, want %d", len(got), len(want))
			}
			for k, v := range want {
				if d := got[k] - v; d > 1e-6 || d < -1e-6 {
					t.Errorf("%s: %g, want %g", k, got[k], v)
				}
			}
			if tab.Series[0].Name != "Russia" || tab.Measure != bot.MeasureTIV {
				t.Errorf("top supplier %s, measure %s; want Russia by TIV", tab.Series[0].Name, tab.Measure)
			}
		})
	}
}

// registerCells reads a SIPRI export and returns the TIV delivered to
// recipient per "year supplier": per year as a modern export gives it, a
// classic export's total spread evenly over its delivery years.
func registerCells(t *testing.T, path, recipient string) map[string]float64 {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	exp, err := sipri.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, d := range exp.Deals {
		if d.Recipient != recipient || d.TIVDelivered <= 0 {
			continue
		}
		if d.TIVByYear != nil {
			for y, v := range d.TIVByYear {
				out[fmt.Sprintf("%d %s", y, d.Supplier)] += v
			}
			continue
		}
		for _, y := range d.DeliveryYears {
			out[fmt.Sprintf("%d %s", y, d.Supplier)] += d.TIVDelivered / float64(len(d.DeliveryYears))
		}
	}
	return out
}
