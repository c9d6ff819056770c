package bot_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/corpus/extract"
	"github.com/briefbot/briefbot/index"
)

// MustQuestionsBot indexes the small reports of testdata/questions/reports
// (written by us) with the real extractor into a Bleve index on disk.
func MustQuestionsBot(tb testing.TB) *bot.Bot {
	tb.Helper()
	res := corpus.Loader{}.LoadPaths("testdata/questions/reports")
	if res.Errors() > 0 || len(res.Reports) < 10 {
		tb.Fatalf("load fixtures: %d reports, problems %v", len(res.Reports), res.Problems)
	}
	x, err := index.Create(tb.TempDir(), index.Options{Relations: extract.New().Report})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { x.Close() })
	if _, err := x.Ingest(context.Background(), res.Reports, nil); err != nil {
		tb.Fatal(err)
	}
	now := func() time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) }
	return bot.New(x, bot.Options{Now: now})
}

func askQuestion(t *testing.T, b *bot.Bot, q string) *bot.Answer {
	t.Helper()
	ans, err := b.Ask(context.Background(), q, bot.Filter{})
	if err != nil {
		t.Fatalf("%q: %v", q, err)
	}
	checkCited(t, ans)
	return ans
}

// citesReport reports whether one of the citations ns is of report id.
func citesReport(ans *bot.Answer, ns []int, id string) bool {
	return slices.ContainsFunc(ns, func(n int) bool { return ans.Citations[n-1].ReportID == id })
}

// TestQuestionForms asks the question styles analysts type through the bot
// over a real index and checks the structured answers.
func TestQuestionForms(t *testing.T) {
	b := MustQuestionsBot(t)
	verdicts := []struct {
		q, want, report string // report the verdict must cite ("" for none)
	}{
		{"Did Serbia actually receive the FK-3?", "yes", "serbia-fk3"},
		{"Is Riyadh going to build Chinese drones?", "not_yet", "saudi-drones"},
		{"Will Serbia build Chinese air defence systems?", "no_record", ""}, // an import is no licence
		{"Did Indonesia get its Su-35s from Russia?", "no", "jakarta-su35-2021"},
		{"Did Belarus sell air defence systems to Kyrgyzstan?", "no", "rumours-denials"},
		{"Did Iran deliver Mohajer-6 drones to Tajikistan?", "no_record", ""}, // only a rumour
		{"Is Kazakhstan buying from Iran?", "no_record", ""},
		{"Has Turkey delivered TB2s to Mali since 2023?", "yes", "mali-tb2-2024"},       // undated, published 2024
		{"Has Turkey delivered armoured vehicles to Mali since 2023?", "no_record", ""}, // undated, published 2019
		// a yes/no question about a cancellation with no deal of the pair on record
		{"Did Kazakhstan cancel arms purchases from Brazil?", "no_record", ""},
	}
	for _, tc := range verdicts {
		t.Run(tc.q, func(t *testing.T) {
			ans := askQuestion(t, b, tc.q)
			if string(ans.Verdict) != tc.want {
				t.Fatalf("verdict %q, want %q\n%s", ans.Verdict, tc.want, ans.Text)
			}
			if tc.report != "" && !citesReport(ans, ans.VerdictCitations, tc.report) {
				t.Errorf("verdict cites %v, want report %s\n%s", ans.VerdictCitations, tc.report, ans.Text)
			}
			if tc.want == "no_record" && len(ans.VerdictCitations) != 0 {
				t.Errorf("no record cites %v", ans.VerdictCitations)
			}
			raw, _ := json.Marshal(ans)
			if !strings.Contains(string(raw), `"verdict":"`+tc.want+`"`) {
				t.Errorf("JSON lacks the verdict: %s", raw)
			}
		})
	}

	t.Run("no record says what the reports do say", func(t *testing.T) {
		ans := askQuestion(t, b, "Is Kazakhstan buying from Iran?")
		if !strings.HasPrefix(ans.Text, "No report in the index says so.") {
			t.Errorf("text %q", ans.Text)
		}
		for _, want := range []string{"Kazakhstan receives arms from", "Turkey", "Iran supplies Tajikistan (Ababil-2"} {
			if !strings.Contains(ans.Text, want) {
				t.Errorf("missing %q in\n%s", want, ans.Text)
			}
		}
		if strings.Contains(ans.Text, "Kazakhstan supplies") || strings.Contains(ans.Text, "Iran receives") {
			t.Errorf("context on the side the question did not ask about:\n%s", ans.Text)
		}
		if strings.Contains(ans.Text, "Mohajer") {
			t.Errorf("a rumour given as what the reports say:\n%s", ans.Text)
		}
	})

	t.Run("an undated delivery says when it was reported", func(t *testing.T) {
		ans := askQuestion(t, b, "Has Turkey delivered TB2s to Mali since 2023?")
		if !strings.Contains(firstLine(ans.Text), "no year given; reported 2024-03-01") {
			t.Errorf("headline %q", firstLine(ans.Text))
		}
	})

	t.Run("deal story", func(t *testing.T) {
		ans := askQuestion(t, b, "What happened to Jakarta's Su-35 deal with Moscow?")
		var got []string
		for _, s := range ans.Story {
			got = append(got, s.Status+"@"+itoa(s.Year))
			if s.Supplier != "Russia" || s.Recipient != "Indonesia" || s.System != "Su-35" {
				t.Errorf("stage %+v", s)
			}
		}
		if strings.Join(got, " ") != "ordered@2018 cancelled@2021" {
			t.Errorf("stages %v, want ordered@2018 cancelled@2021\n%s", got, ans.Text)
		}
		if !strings.HasPrefix(ans.Text, "Latest (Su-35, Russia → Indonesia): cancelled") || strings.Contains(ans.Text, "delivered") {
			t.Errorf("a cancelled deal must read as cancelled, never delivered:\n%s", ans.Text)
		}
	})

	t.Run("region-restricted recipients", func(t *testing.T) {
		ans := askQuestion(t, b, "Which Central Asian countries has Turkey supplied drones to?")
		recs := recipientsOf(ans)
		if !slices.Contains(recs, "Kazakhstan") || !slices.Contains(recs, "Kyrgyzstan") || slices.Contains(recs, "Mali") {
			t.Errorf("recipients %v, want Kazakhstan and Kyrgyzstan, never Mali\n%s", recs, ans.Text)
		}
	})

	t.Run("overview of a region", func(t *testing.T) {
		ans := askQuestion(t, b, "who supplies whom in Central Asia")
		pairs := map[string]bot.PairSummary{}
		for _, p := range ans.Overview {
			pairs[p.Supplier+">"+p.Recipient] = p
			if p.Recipient == "Mali" || p.Recipient == "Poland" || len(p.Citations) != 1 {
				t.Errorf("pair %+v", p)
			}
		}
		if p := pairs["Turkey>Kazakhstan"]; p.Deals != 1 || !slices.Equal(p.Systems, []string{"Anka"}) {
			t.Errorf("Turkey>Kazakhstan = %+v", p)
		}
		if p := pairs["Iran>Tajikistan"]; p.Deals != 1 || slices.Contains(p.Systems, "Mohajer-6") {
			t.Errorf("Iran>Tajikistan = %+v: the rumoured Mohajer-6 is not a deal", p)
		}
		if len(pairs) != 5 {
			t.Errorf("%d pairs, want 5:\n%s", len(pairs), ans.Text)
		}
	})

	t.Run("regions come from the gazetteer, not one hard-wired region", func(t *testing.T) {
		ans := askQuestion(t, b, "who supplies whom in the Gulf states")
		if len(ans.Overview) != 1 || ans.Overview[0].Supplier != "China" || ans.Overview[0].Recipient != "Saudi Arabia" {
			t.Errorf("Gulf overview %+v\n%s", ans.Overview, ans.Text)
		}
		ans = askQuestion(t, b, "Which Gulf states has China sold drones to?")
		if recs := recipientsOf(ans); !slices.Equal(recs, []string{"Saudi Arabia"}) {
			t.Errorf("Gulf recipients of China %v, want only Saudi Arabia (not Kazakhstan)\n%s", recs, ans.Text)
		}
	})

	t.Run("suppliers and systems", func(t *testing.T) {
		ans := askQuestion(t, b, "Who has France sold Rafale fighters to?")
		if recs := recipientsOf(ans); !slices.Contains(recs, "Egypt") || !slices.Contains(recs, "Greece") || !slices.Contains(recs, "Indonesia") {
			t.Errorf("Rafale recipients %v\n%s", recs, ans.Text)
		}
		ans = askQuestion(t, b, "How many K2 tanks has Poland received from South Korea?")
		if !strings.HasPrefix(ans.Text, "Figures the reports state (see each sentence for what was ordered or delivered): 180 K2 [") {
			t.Errorf("figures: %q", firstLine(ans.Text))
		}
		if !slices.ContainsFunc(ans.Relations, func(r bot.RelationLine) bool {
			return r.Supplier == "South Korea" && r.Recipient == "Poland" && r.Status == "delivered" && r.System == "K2"
		}) {
			t.Errorf("no K2 delivery:\n%s", ans.Text)
		}
	})

	t.Run("year filter keeps undated relations by publication", func(t *testing.T) {
		ans := askQuestion(t, b, "What has Turkey delivered to Mali since 2023?")
		var systems []string
		for _, r := range ans.Relations {
			systems = append(systems, r.System)
		}
		if !slices.Contains(systems, "Bayraktar TB2") || slices.Contains(systems, "Kirpi") {
			t.Errorf("systems %v: want the TB2 reported in 2024, not the Kirpi reported in 2019\n%s", systems, ans.Text)
		}
	})
}

func recipientsOf(ans *bot.Answer) []string {
	var out []string
	for _, r := range ans.Relations {
		if r.Status == "delivered" || r.Status == "ordered" {
			out = append(out, r.Recipient)
		}
	}
	return out
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestVerdictOnContextOnlyIsLessCertain: a "yes" that rests only on
// relations whose supplier was completed from the report's context says
// so; one a sentence states does not.
func TestVerdictOnContextOnlyIsLessCertain(t *testing.T) {
	// The relations stand in for the extractor's: the point is what the bot
	// does with a relation marked Inferred, read back from a real index.
	relations := func(r bot.Report) []bot.Relation {
		rel := bot.Relation{Supplier: "Turkey", Recipient: r.Title, System: "Bayraktar TB2", Category: "Aircraft",
			Status: bot.StatusDelivered, Kind: bot.KindSale, Years: []int{2022}, Inferred: r.ID == "inferred",
			Evidence: bot.Evidence{Sentence: r.Body, End: len(r.Body)}}
		return []bot.Relation{rel}
	}
	x, err := index.Create(t.TempDir(), index.Options{Relations: relations})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	reps := []bot.Report{
		{ID: "inferred", Title: "Uzbekistan", Source: "Wire", URL: "https://example.org/i", Body: "The air force received its TB2 drones in 2022."},
		{ID: "stated", Title: "Kyrgyzstan", Source: "Wire", URL: "https://example.org/s", Body: "Turkey delivered TB2 drones to Kyrgyzstan in 2022."},
	}
	if _, err := x.Ingest(context.Background(), reps, nil); err != nil {
		t.Fatal(err)
	}
	b := bot.New(x, bot.Options{})
	for q, want := range map[string]bool{"Did Uzbekistan receive TB2 drones?": true, "Did Kyrgyzstan receive TB2 drones?": false} {
		ans := askQuestion(t, b, q)
		if ans.Verdict != bot.VerdictYes || strings.Contains(firstLine(ans.Text), "less certain") != want {
			t.Errorf("%q: verdict %q, headline %q; less certain wanted: %v", q, ans.Verdict, firstLine(ans.Text), want)
		}
	}
}
