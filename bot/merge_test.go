package bot_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/corpus/extract"
	"github.com/briefbot/briefbot/index"
)

// TestSIPRIAndNewsMerge answers from a SIPRI export and news reports
// together: the same deal stated by both is one line with both citations,
// a delivery only the news reports is marked as missing from the register,
// and a register deal no report covers is marked too.
func TestSIPRIAndNewsMerge(t *testing.T) {
	res := corpus.Loader{}.LoadPaths(filepath.Join("..", "corpus", "sipri", "testdata", "classic.csv"))
	if len(res.Problems) > 0 {
		t.Fatal(res.Problems)
	}
	news := []bot.Report{
		{ID: "news-tb2", Title: "TB2s for Ashgabat", Source: "Wire", URL: "https://example.org/tb2",
			Body: "Turkey delivered Bayraktar TB2 drones to Turkmenistan in 2021."},
		{ID: "news-akinci", Title: "Akinci for Ashgabat", Source: "Wire", URL: "https://example.org/akinci",
			Body: "Turkey delivered Bayraktar Akinci drones to Turkmenistan in 2023."},
	}
	x, err := index.Create(t.TempDir(), index.Options{Relations: extract.New().Report})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if _, err := x.Ingest(context.Background(), append(res.Reports, news...), nil); err != nil {
		t.Fatal(err)
	}
	b := bot.New(x, bot.Options{})
	ans, err := b.Ask(context.Background(), "what has Turkey supplied to Turkmenistan?", bot.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	checkCited(t, ans)
	var tb2, akinci, boats *bot.RelationLine
	for i, r := range ans.Relations {
		switch {
		case r.System == "Bayraktar TB2":
			tb2 = &ans.Relations[i]
		case strings.HasPrefix(r.System, "Bayraktar Ak"):
			akinci = &ans.Relations[i]
		case strings.Contains(r.System, "Dearsan"):
			boats = &ans.Relations[i]
		}
	}
	if tb2 == nil || akinci == nil || boats == nil {
		t.Fatalf("relations = %+v\n%s", ans.Relations, ans.Text)
	}
	sources := map[string]bool{}
	for _, n := range tb2.Citations {
		sources[ans.Citations[n-1].ReportID] = true
	}
	if !sources["news-tb2"] || !sources["sipri-classic"] {
		t.Errorf("TB2 line cites %v, want the news report and the SIPRI export", sources)
	}
	for _, want := range []string{"not in the SIPRI register", "no news coverage in the corpus"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("answer lacks %q:\n%s", want, ans.Text)
		}
	}
	for _, part := range strings.FieldsFunc(ans.Text, func(r rune) bool { return r == '\n' || r == ';' }) {
		if strings.Contains(part, "Bayraktar TB2") && strings.Contains(part, "—") {
			t.Errorf("TB2 is in both the register and the news: %s", part)
		}
		if strings.Contains(part, "Akinci") && !strings.Contains(part, "not in the SIPRI register") {
			t.Errorf("Akinci is only in the news: %s", part)
		}
	}

	// --source limits the answer to one kind of source.
	only, err := b.Ask(context.Background(), "what has Turkey supplied to Turkmenistan?", bot.Filter{SourceType: bot.SourceReports})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range only.Citations {
		if strings.HasPrefix(c.ReportID, "sipri-") {
			t.Errorf("--source reports cited %s", c.ReportID)
		}
	}
}
