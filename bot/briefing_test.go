package bot_test

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus/extract"
	"github.com/briefbot/briefbot/index"
)

// briefingReports are written for these tests: one TB2 deal told by three
// reports and summed up generically by a fourth; a report on Tajikistan
// whose sentences name only the supplier (the recipient comes from
// context), one of them confirmed by another report that states the pair;
// a denial.
var briefingReports = []bot.Report{
	{ID: "kg-delivery", Title: "TB2s reach Bishkek", Source: "Wire", URL: "https://example.org/kg1",
		Body: "Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in 2021."},
	{ID: "kg-more", Title: "A second TB2 batch", Source: "Other Wire", URL: "https://example.org/kg2",
		Body: "Kyrgyzstan received Bayraktar TB2 drones from Turkey in 2022."},
	{ID: "kg-order", Title: "Kyrgyz drone order", Source: "Wire", URL: "https://example.org/kg3",
		Body: "Kyrgyzstan ordered Bayraktar TB2 drones from Turkey in 2020."},
	{ID: "kg-generic", Title: "Turkish drones in Central Asia", Source: "Review", URL: "https://example.org/kg4",
		Body: "Turkey supplied drones to Kyrgyzstan in 2021."},
	{ID: "kg-denial", Title: "Beijing denies drone sale", Source: "Wire", URL: "https://example.org/kg5",
		Body: "China denied that it had sold armed drones to Kyrgyzstan."},
	{ID: "tj-partners", Title: "Tajikistan's new partners", Source: "Review", URL: "https://example.org/tj1",
		Body: "Tajikistan is rebuilding its air force with help from abroad. Germany delivered two H145 helicopters in 2023. Turkey delivered three Anka drones in 2022."},
	{ID: "tj-tb2", Title: "Turkish drones for Tajikistan", Source: "Wire", URL: "https://example.org/tj2",
		Body: "Turkey delivered Bayraktar TB2 drones to Tajikistan in 2021."},
}

// mustBriefingIndex indexes reports with the real extractor on disk, all
// ingested at now.
func mustBriefingIndex(tb testing.TB, now time.Time, reps []bot.Report) *index.Index {
	tb.Helper()
	x, err := index.Create(tb.TempDir(), index.Options{Relations: extract.New().Report, Now: func() time.Time { return now }})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { x.Close() })
	if _, err := x.Ingest(context.Background(), reps, nil); err != nil {
		tb.Fatal(err)
	}
	return x
}

func mustAsk(t *testing.T, b *bot.Bot, q string) *bot.Answer {
	t.Helper()
	ans, err := b.Ask(context.Background(), q, bot.Filter{})
	if err != nil {
		t.Fatalf("%q: %v", q, err)
	}
	checkCited(t, ans)
	checkCountGrammar(t, ans.Text)
	return ans
}

// badCount finds a count that disagrees with its noun: "1 reports",
// "1 more deals", "1 report say", "2 report".
var badCount = regexp.MustCompile(`(^|[^0-9.,])(1 ((more|new|supply|less|certain) )*(reports|deals|relations|suppliers|recipients)\b|1 reports? say\b|[02-9] ((more|new|supply|less|certain) )*(report|deal|relation)\b[^-])`)

func checkCountGrammar(t *testing.T, text string) {
	t.Helper()
	if m := badCount.FindString(text); m != "" {
		t.Errorf("count out of agreement %q in:\n%s", m, text)
	}
}

func TestDealLinesFoldReportsAndGenericWords(t *testing.T) {
	b := bot.New(mustBriefingIndex(t, time.Now(), briefingReports), bot.Options{})
	ans := mustAsk(t, b, "who supplies Kyrgyzstan?")
	var turkey []bot.RelationLine
	for _, r := range ans.Relations {
		if r.Supplier == "Turkey" {
			turkey = append(turkey, r)
		}
	}
	if len(turkey) != 1 {
		t.Fatalf("Turkey → Kyrgyzstan is one deal, got %d lines: %+v\n%s", len(turkey), turkey, ans.Text)
	}
	tb2 := turkey[0]
	if tb2.System != "Bayraktar TB2" || tb2.Status != "delivered" || tb2.Read != bot.ReadStated || tb2.LessCertain {
		t.Errorf("TB2 line = %+v", tb2)
	}
	if !slices.Equal(tb2.Years, []int{2020, 2021, 2022}) {
		t.Errorf("years = %v, want the order's and both deliveries'", tb2.Years)
	}
	cited := map[string]bool{}
	for _, n := range tb2.Citations {
		cited[ans.Citations[n-1].ReportID] = true
	}
	for _, id := range []string{"kg-delivery", "kg-more", "kg-order", "kg-generic"} {
		if !cited[id] {
			t.Errorf("the TB2 line does not cite %s (cites %v):\n%s", id, cited, ans.Text)
		}
	}
	if len(tb2.Stages) != 2 || tb2.Stages[0].Status != "ordered" || !slices.Equal(tb2.Stages[0].Years, []int{2020}) ||
		tb2.Stages[1].Status != "delivered" || !slices.Equal(tb2.Stages[1].Years, []int{2021, 2022}) {
		t.Errorf("stages = %+v, want ordered 2020, delivered 2021 and 2022", tb2.Stages)
	} else if cs := tb2.Stages[0].Citations; len(cs) != 1 || ans.Citations[cs[0]-1].ReportID != "kg-order" {
		t.Errorf("the ordered stage cites %v, want the order report", cs)
	}
	if !strings.Contains(ans.Text, "- Turkey: Bayraktar TB2 (Aircraft), ordered in 2020, delivered in 2021, 2022 [") {
		t.Errorf("the deal line does not say its stages:\n%s", ans.Text)
	}
	if strings.Count(ans.Text, "- Turkey:") != 1 || strings.Contains(ans.Text, "aircraft, delivered") {
		t.Errorf("the generic drones line is not folded into the TB2 line:\n%s", ans.Text)
	}
	if got, want := firstLine(ans.Text), "Kyrgyzstan's suppliers in the index: Turkey (1 deal), from 4 reports."; got != want {
		t.Errorf("headline %q, want %q", got, want)
	}
	for _, r := range ans.Relations {
		if r.Supplier == "China" && (r.Status == "delivered" || r.Status == "ordered") {
			t.Errorf("a denial is answered as supply: %+v", r)
		}
	}
	route := mustAsk(t, b, "what has Turkey supplied to Kyrgyzstan?")
	if got, want := firstLine(route.Text), "Turkey → Kyrgyzstan in the index: 1 deal (delivered), from 4 reports."; got != want {
		t.Errorf("headline %q, want %q", got, want)
	}
}

func TestContextOnlyDealsAreLessCertain(t *testing.T) {
	b := bot.New(mustBriefingIndex(t, time.Now(), briefingReports), bot.Options{})
	ans := mustAsk(t, b, "who supplies Tajikistan?")
	lines := map[string]bot.RelationLine{}
	for _, r := range ans.Relations {
		lines[r.System] = r
	}
	h145, anka, tb2 := lines["H145"], lines["Anka"], lines["Bayraktar TB2"]
	if h145.Read != bot.ReadContext || !h145.LessCertain {
		t.Errorf("H145 (Germany named, Tajikistan only from context, nothing else agrees) = %+v", h145)
	}
	if anka.Read != bot.ReadContext || anka.LessCertain {
		t.Errorf("Anka (read from context, confirmed by a report stating Turkey → Tajikistan) = %+v", anka)
	}
	if tb2.Read != bot.ReadStated || tb2.LessCertain {
		t.Errorf("TB2 = %+v", tb2)
	}
	head := firstLine(ans.Text)
	if head != "Tajikistan's suppliers in the index: Turkey (2 deals), from 2 reports." {
		t.Errorf("headline %q must count only confirmed deals", head)
	}
	_, unsure, ok := strings.Cut(ans.Text, bot.LessCertainHeading)
	if !ok || !strings.HasPrefix(unsure, "\n- Germany: H145") {
		t.Errorf("Germany's H145 is not in the less certain group:\n%s", ans.Text)
	}
	if strings.Contains(ans.Text, "inferred from context") || strings.Count(ans.Text, "read from context") != 1 {
		t.Errorf("uncertainty must be said once, by the group heading:\n%s", ans.Text)
	}
}

func TestDigestLeavesOutContextOnlyRelations(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	x := mustBriefingIndex(t, now, briefingReports)
	b := bot.New(x, bot.Options{Now: func() time.Time { return now.Add(time.Hour) }})
	ans, err := b.Digest(context.Background(), bot.DigestQuery{From: now.Add(-time.Hour), Countries: []string{"Tajikistan"}})
	if err != nil {
		t.Fatal(err)
	}
	checkCited(t, ans)
	checkCountGrammar(t, ans.Text)
	for _, want := range []string{
		"2 new reports, 2 new supply relations.",
		"- Tajikistan: Anka (Aircraft) from Turkey, delivered in 2022",
		"Left out: 1 less certain relation read only from context, not confirmed elsewhere.",
	} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("digest lacks %q:\n%s", want, ans.Text)
		}
	}
	if strings.Contains(ans.Text, "H145") || strings.Contains(ans.Text, "Germany") {
		t.Errorf("a relation read only from context is posted:\n%s", ans.Text)
	}
	for _, r := range ans.Relations {
		if r.LessCertain || r.Supplier == "Germany" {
			t.Errorf("digest relation %+v is not confirmed", r)
		}
	}

	all, err := b.Digest(context.Background(), bot.DigestQuery{From: now.Add(-time.Hour), Countries: []string{"Kyrgyzstan"}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(all.Text, "China") {
		t.Errorf("a denial is posted in a digest:\n%s", all.Text)
	}
}

func TestPassagesNamingTheCountryComeFirst(t *testing.T) {
	reps := []bot.Report{
		{ID: "europe", Title: "Radar spending in Europe", Source: "Review", URL: "https://example.org/eu",
			Body: "Air defence radar deliveries rose across Europe in 2023. Air defence radar orders and air defence radar upgrades led the air defence market."},
		{ID: "tashkent", Title: "New radars", Source: "Wire", URL: "https://example.org/uz",
			Body: "Tashkent took delivery of new air defence radars last spring."},
	}
	b := bot.New(mustBriefingIndex(t, time.Now(), reps), bot.Options{})
	ans := mustAsk(t, b, "air defence radar deliveries Uzbekistan 2023")
	if len(ans.Citations) < 2 {
		t.Fatalf("want both passages, got:\n%s", ans.Text)
	}
	if ans.Citations[0].ReportID != "tashkent" {
		t.Errorf("the passage naming Tashkent must come first for an Uzbekistan question:\n%s", ans.Text)
	}
	if !strings.Contains(ans.Text, "What 2 reports in the corpus say about") {
		t.Errorf("passage answer head:\n%s", ans.Text)
	}
	one := mustAsk(t, b, "Tashkent radars")
	if !strings.Contains(one.Text, "What 1 report in the corpus says about") {
		t.Errorf("passage answer head for one report:\n%s", one.Text)
	}
}

func TestCountGrammarCheck(t *testing.T) {
	for text, bad := range map[string]bool{
		"from 1 report.":              false,
		"from 1 reports.":             true,
		"Turkey (1 deal)":             false,
		"Russia (1 deals)":            true,
		"What 1 report says":          false,
		"What 1 report say about":     true,
		"2 new reports, 1 new report": false,
		"12 more deals":               false,
		"2 new supply relation.":      true,
		"1 less certain relations":    true,
		"in 2021 deals":               false,
	} {
		if got := badCount.MatchString(text); got != bad {
			t.Errorf("badCount(%q) = %v, want %v", text, got, bad)
		}
	}
}

// countingIndex counts the relation queries a Bot asks of a real index.
type countingIndex struct {
	*index.Index
	queries int
}

func (c *countingIndex) SearchRelations(ctx context.Context, q bot.RelationQuery) (bot.RelationResult, error) {
	c.queries++
	if q.Limit > 20000 || (q.Limit == 0 && q.CountBy == "") {
		return bot.RelationResult{}, errUnbounded
	}
	return c.Index.SearchRelations(ctx, q)
}

var errUnbounded = errors.New("relation query without a limit")

// TestConfirmationLookUpIsBounded checks that confirming deals read from
// context costs a bounded number of queries, each with a limit.
func TestConfirmationLookUpIsBounded(t *testing.T) {
	var reps []bot.Report
	suppliers := []string{"Germany", "Italy", "Spain", "Israel", "Belarus"}
	for i, rec := range []string{"Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"} {
		// five pairs on each side, so no one query covers them all
		for j, sup := range []string{suppliers[i], suppliers[(i+1)%5]} {
			id := rec + "-" + sup
			reps = append(reps, bot.Report{ID: id, Title: rec + " and " + sup, Source: "Wire", URL: "https://example.org/" + id,
				Body: rec + " is rebuilding its armed forces. " + sup + " delivered two transport aircraft in " + strconv.Itoa(2010+i*2+j) + "."})
		}
	}
	c := &countingIndex{Index: mustBriefingIndex(t, time.Now(), reps)}
	ans := mustAsk(t, bot.New(c, bot.Options{}), "who supplies Central Asia?")
	if c.queries > 4 {
		t.Errorf("%d relation queries for one answer; want the question's, one for missing parties and at most 2 to confirm", c.queries)
	}
	if !strings.Contains(ans.Text, bot.LessCertainHeading) {
		t.Errorf("every supplier here is read from context only:\n%s", ans.Text)
	}
}

func TestRumoursAndDenialsStayApartFromTheDeal(t *testing.T) {
	reps := []bot.Report{
		{ID: "tm-delivery", Title: "Ashgabat parade", Source: "Wire", URL: "https://example.org/tm1",
			Body: "Turkey delivered Bayraktar TB2 drones to Turkmenistan in 2021."},
		{ID: "tm-denial", Title: "Ankara denies a second batch", Source: "Wire", URL: "https://example.org/tm2",
			Body: "Turkey denied that it had sold more Bayraktar TB2 drones to Turkmenistan in 2023."},
		{ID: "tm-talks", Title: "More TB2 talks", Source: "Review", URL: "https://example.org/tm3",
			Body: "Turkmenistan is in talks with Turkey on buying Bayraktar TB2 drones."},
	}
	b := bot.New(mustBriefingIndex(t, time.Now(), reps), bot.Options{})
	ans := mustAsk(t, b, "who supplies Turkmenistan?")
	statuses := map[string]int{}
	for _, r := range ans.Relations {
		statuses[r.Status]++
		if r.Status == "delivered" {
			for _, n := range r.Citations {
				if id := ans.Citations[n-1].ReportID; id != "tm-delivery" {
					t.Errorf("the delivery line cites %s, which reports no delivery", id)
				}
			}
		}
	}
	if statuses["delivered"] != 1 || statuses["cancelled"] != 1 || statuses["planned"] != 1 {
		t.Errorf("statuses %v, want one delivery, one denial, one talk:\n%s", statuses, ans.Text)
	}
	if got, want := firstLine(ans.Text), "Turkmenistan's suppliers in the index: Turkey (1 deal), from 1 report."; got != want {
		t.Errorf("headline %q, want %q", got, want)
	}
}

// A deal line that names no kind of weapon ("arms") folds into the one
// specific deal of its pair, status and years; without years it may be any
// deal and stays its own line.
func TestUnspecifiedArmsFoldIntoTheDealOfTheirYears(t *testing.T) {
	reps := []bot.Report{
		{ID: "uz-tb2", Title: "TB2s for Uzbekistan", Source: "Wire", URL: "https://example.org/uz1",
			Body: "Turkey delivered Bayraktar TB2 drones to Uzbekistan in 2022."},
		{ID: "uz-arms", Title: "Turkish arms in Tashkent", Source: "Review", URL: "https://example.org/uz2",
			Body: "Turkey delivered arms to Uzbekistan in 2022."},
		{ID: "kg-arms", Title: "Turkish arms in Bishkek", Source: "Review", URL: "https://example.org/kg9",
			Body: "Turkey delivered arms to Kyrgyzstan."},
		{ID: "kg-tb2", Title: "TB2s for Kyrgyzstan", Source: "Wire", URL: "https://example.org/kg8",
			Body: "Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in 2021."},
	}
	b := bot.New(mustBriefingIndex(t, time.Now(), reps), bot.Options{})
	lines := func(recipient string) []bot.RelationLine {
		ans := mustAsk(t, b, "who supplies "+recipient+"?")
		var out []bot.RelationLine
		for _, r := range ans.Relations {
			if r.Supplier == "Turkey" {
				out = append(out, r)
			}
		}
		return out
	}
	if uz := lines("Uzbekistan"); len(uz) != 1 || uz[0].System != "Bayraktar TB2" || len(uz[0].Citations) != 2 {
		t.Errorf("Turkey → Uzbekistan: want one TB2 line citing both reports, got %+v", uz)
	}
	if kg := lines("Kyrgyzstan"); len(kg) != 2 {
		t.Errorf("Turkey → Kyrgyzstan: undated arms may be another deal, want two lines, got %+v", kg)
	}
}
