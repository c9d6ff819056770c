package bot_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/corpus/extract"
	"github.com/briefbot/briefbot/index"
)

type defaultQuestion struct {
	Question     string   `json:"question"`
	Intent       string   `json:"intent"`
	Suppliers    []string `json:"suppliers"`     // must appear as suppliers of delivered or ordered relations
	NotSuppliers []string `json:"not_suppliers"` // must not
	Recipients   []string `json:"recipients"`
	Systems      []string `json:"systems"`
	Categories   []string `json:"categories"`
	Reports      []string `json:"reports"` // must be cited
}

// MustDefaultIndex indexes the embedded default corpus with the real
// relation extractor.
func MustDefaultIndex(tb testing.TB) *index.Index {
	tb.Helper()
	res, err := corpus.Default()
	if err != nil {
		tb.Fatal(err)
	}
	x, err := index.Create(tb.TempDir(), index.Options{Relations: extract.New().Report})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { x.Close() })
	if _, err := x.Ingest(context.Background(), res.Reports, nil); err != nil {
		tb.Fatal(err)
	}
	return x
}

// TestDefaultCorpusQuestions asks the questions of
// testdata/default_questions.json over the default corpus and checks the
// structured answers: who is named, what, and that every claim is cited.
func TestDefaultCorpusQuestions(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "default_questions.json"))
	if err != nil {
		t.Fatal(err)
	}
	var qs []defaultQuestion
	if err := json.Unmarshal(data, &qs); err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) }
	b := bot.New(MustDefaultIndex(t), bot.Options{Now: now})
	for _, q := range qs {
		t.Run(q.Question, func(t *testing.T) {
			ans, err := b.Ask(context.Background(), q.Question, bot.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			checkCited(t, ans)
			checkCountGrammar(t, ans.Text)
			u := bot.Understand(q.Question, now())
			if q.Intent != "passages_or_relations" && u.Intent.String() != q.Intent {
				t.Errorf("intent %s, want %s", u.Intent, q.Intent)
			}
			var sups, recs, systems, cats []string
			for _, r := range ans.Relations {
				if r.Status == "delivered" || r.Status == "ordered" {
					sups = append(sups, r.Supplier)
					recs = append(recs, r.Recipient)
				}
				systems = append(systems, r.System)
				cats = append(cats, r.Category)
			}
			for _, want := range [][2][]string{{q.Suppliers, sups}, {q.Recipients, recs}, {q.Systems, systems}, {q.Categories, cats}} {
				for _, w := range want[0] {
					if !slices.Contains(want[1], w) {
						t.Errorf("%q not in %v\n%s", w, want[1], ans.Text)
					}
				}
			}
			for _, n := range q.NotSuppliers {
				if slices.Contains(sups, n) {
					t.Errorf("%s named as a supplier:\n%s", n, ans.Text)
				}
			}
			for _, id := range q.Reports {
				if !slices.ContainsFunc(ans.Citations, func(c bot.Citation) bool { return c.ReportID == id }) {
					t.Errorf("report %s not cited:\n%s", id, ans.Text)
				}
			}
		})
	}
}

// checkCited checks that every relation cites existing citations and that
// every citation is a sentence of its report.
func checkCited(t *testing.T, ans *bot.Answer) {
	t.Helper()
	for _, r := range ans.Relations {
		if len(r.Citations) == 0 {
			t.Errorf("relation %+v has no citation", r)
		}
		for _, n := range r.Citations {
			if n < 1 || n > len(ans.Citations) {
				t.Errorf("relation cites [%d] of %d", n, len(ans.Citations))
			}
		}
	}
	for i, c := range ans.Citations {
		if c.N != i+1 || c.Quote == "" || c.Title == "" || c.URL == "" {
			t.Errorf("citation %d = %+v", i+1, c)
		}
	}
}

func TestStatusesNeverCountAsSupply(t *testing.T) {
	x, err := index.Create(t.TempDir(), index.Options{Relations: extract.New().Report})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	reps := []bot.Report{
		{ID: "talks", Title: "Talks", Source: "Wire", URL: "https://example.org/t", Body: "Kyrgyzstan is in talks with Iran on buying armed drones."},
		{ID: "denial", Title: "Denial", Source: "Wire", URL: "https://example.org/d", Body: "China denied that it had sold armed drones to Kyrgyzstan."},
		{ID: "real", Title: "Delivery", Source: "Wire", URL: "https://example.org/r", Body: "Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in 2021."},
	}
	if _, err := x.Ingest(context.Background(), reps, nil); err != nil {
		t.Fatal(err)
	}
	ans, err := bot.New(x, bot.Options{}).Ask(context.Background(), "who supplies Kyrgyzstan with drones?", bot.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	checkCited(t, ans)
	statuses := map[string]string{}
	for _, r := range ans.Relations {
		statuses[r.Supplier] = r.Status
	}
	if statuses["Turkey"] != "delivered" || statuses["Iran"] != "planned" || statuses["China"] != "cancelled" {
		t.Errorf("statuses = %v\n%s", statuses, ans.Text)
	}
	if !slices.Contains([]string{"Kyrgyzstan's suppliers in the index: Turkey (1 deal), from 1 report."}, firstLine(ans.Text)) {
		t.Errorf("summary %q must count only Turkey as a supplier", firstLine(ans.Text))
	}
}

func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' {
			return s[:i]
		}
	}
	return s
}
