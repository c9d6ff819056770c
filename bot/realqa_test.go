package bot_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/corpus/corpustest"
	"github.com/briefbot/briefbot/corpus/extract"
	"github.com/briefbot/briefbot/index"
)

var (
	realQABlind = flag.Bool("realqa-blind", false, "score the questions on the blind split of the real reports (once, when a batch of changes is done)")
	// realQAHeldOut names a folder of real reports the bot was never tuned
	// on (reports/ and questions.jsonl), kept outside the repository.
	realQAHeldOut = flag.String("realqa-heldout", "", "ask the questions of a held-out folder (reports/, questions.jsonl), once")
)

// realQADevFloor is the share of dev questions answered right, ratcheted
// at the level reached: a change that answers fewer of them fails here.
// 0.86 since the chat-typed batch q01-q50 (2026-12-03): 190 of 219; the
// 169 earlier questions stand at 150 (0.89, was 149), and the batch's
// misses are relations the index lacks. 0.87 since the fifth session:
// 192 of 219.
const realQADevFloor = 0.87

// realBlindList names the blind split of ../shared/data/real-reports, fixed
// before any rule was tuned on that set (shared with the extractor's test).
const realBlindList = "../corpus/extract/testdata/realtext/blind.txt"

// realQuestion is one line of testdata/realqa/*.jsonl: a question an analyst
// would type about a real report, with the answer the report's annotation
// (relations.jsonl) gives, written by hand. Absent fields are not checked.
type realQuestion struct {
	ID       string `json:"id"`
	Report   string `json:"report"` // the report the question was written from; a right answer cites it
	Style    string `json:"style"`
	Question string `json:"question"`
	// Suppliers and Recipients, when present, are exactly the suppliers
	// (recipients) of the answer's delivered or ordered deals; [] means none.
	Suppliers  []string `json:"suppliers"`
	Recipients []string `json:"recipients"`
	// Pairs are exactly the "Supplier>Recipient" pairs of an overview.
	Pairs []string `json:"pairs"`
	// Verdict is the yes/no answer wanted; "a|b" accepts either (a stage
	// the annotation leaves neutral, as a denial read as cancelled).
	Verdict string `json:"verdict"`
	// Status is where a deal's story must stand (its headline).
	Status string `json:"status"`
	// Figure is a number the figures of a "how many" answer must include.
	Figure int `json:"figure"`
	// System must be named by one of the answer's deals.
	System string `json:"system"`
	Note   string `json:"note"`
}

func readRealQuestions(tb testing.TB, name string) []realQuestion {
	tb.Helper()
	ids := map[string]bool{}
	qs := readJSONLines(tb, name, func(q realQuestion) string {
		switch {
		case q.ID == "" || q.Question == "" || q.Report == "" || ids[q.ID]:
			return "id, report and question are required, ids unique"
		case q.Suppliers == nil && q.Recipients == nil && q.Pairs == nil && q.Verdict == "" && q.Status == "" && q.Figure == 0 && q.System == "":
			return q.ID + " expects nothing"
		}
		ids[q.ID] = true
		return ""
	})
	for i := range qs {
		canonicalCountries(&qs[i])
	}
	return qs
}

// canonicalCountries writes the countries a question expects by the
// gazetteer's canonical names, the ones answers use: an annotator's
// "Ivory Coast" is "Cote d'Ivoire".
func canonicalCountries(q *realQuestion) {
	canon := func(name string) string {
		if c, ok := gazetteer.Default().Lookup(name); ok {
			return c.Name
		}
		return name
	}
	for _, names := range [][]string{q.Suppliers, q.Recipients} {
		for i := range names {
			names[i] = canon(names[i])
		}
	}
	for i, p := range q.Pairs {
		if sup, rec, ok := strings.Cut(p, ">"); ok {
			q.Pairs[i] = canon(sup) + ">" + canon(rec)
		}
	}
}

// MustRealReportsBot indexes the real reports of ../shared/data/real-reports
// of one split (blind or not) with the real extractor into a Bleve index
// on disk, as `briefbot ingest` does. It skips when ../shared is absent
// (fails under CI=true).
func MustRealReportsBot(tb testing.TB, blind bool) *bot.Bot {
	tb.Helper()
	dir := corpustest.SharedData(tb, "real-reports", "reports")
	names := corpustest.MustReadNames(tb, realBlindList)
	var reps []bot.Report
	for _, r := range mustLoadReports(tb, dir) {
		if names[r.ID] == blind {
			reps = append(reps, r)
		}
	}
	if len(reps) < len(names) {
		tb.Fatalf("%d reports in the split from %s", len(reps), dir)
	}
	return mustIndexedBot(tb, reps)
}

func mustLoadReports(tb testing.TB, dir string) []bot.Report {
	tb.Helper()
	res := corpus.Loader{}.LoadPaths(dir)
	if res.Errors() > 0 {
		tb.Fatalf("load real reports: %v", res.Problems)
	}
	return res.Reports
}

// mustIndexedBot ingests reps with the real extractor into a Bleve index
// on disk and returns a bot over it.
func mustIndexedBot(tb testing.TB, reps []bot.Report) *bot.Bot {
	tb.Helper()
	x, err := index.Create(tb.TempDir(), index.Options{Relations: extract.New().Report})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { x.Close() })
	if _, err := x.Ingest(context.Background(), reps, nil); err != nil {
		tb.Fatal(err)
	}
	return bot.New(x, bot.Options{Now: realQANow})
}

// realQANow is the bot's clock for the questions ("last year").
func realQANow() time.Time { return time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC) }

// TestRealQADev asks the dev questions over the dev split of the real
// reports and ratchets the share answered right; -v prints the table.
func TestRealQADev(t *testing.T) {
	qs := readRealQuestions(t, filepath.Join("testdata", "realqa", "dev.jsonl"))
	b := MustRealReportsBot(t, false)
	right := scoreRealQuestions(t, b, qs)
	score := float64(right) / float64(len(qs))
	t.Logf("real-report questions, dev: %d of %d answered right (%.2f)", right, len(qs), score)
	if score < realQADevFloor {
		t.Errorf("dev score %.3f is below the floor %.2f", score, realQADevFloor)
	}
}

// TestRealQABlind asks the blind questions over the blind split, only with
// -realqa-blind: they are scored once a batch of changes is done, never
// while tuning, and the score is recorded as measured (docs/accuracy.md).
// Measured once on 2026-12-03, after the last change: 9 of 27 right.
func TestRealQABlind(t *testing.T) {
	if !*realQABlind {
		t.Skip("the blind questions are scored only on purpose: go test ./bot -run TestRealQABlind -realqa-blind -v")
	}
	qs := readRealQuestions(t, filepath.Join("testdata", "realqa", "blind.jsonl"))
	b := MustRealReportsBot(t, true)
	right := scoreRealQuestions(t, b, qs)
	t.Logf("real-report questions, blind: %d of %d answered right (%.2f)", right, len(qs), float64(right)/float64(len(qs)))
}

// TestRealQAHeldOut asks the questions of a held-out folder named by
// -realqa-heldout over an index of that folder's reports only: articles and
// questions the bot was never tuned on, scored once after a batch of
// changes (docs/accuracy.md records the figure).
func TestRealQAHeldOut(t *testing.T) {
	if *realQAHeldOut == "" {
		t.Skip("a held-out folder is scored only on purpose: go test ./bot -run TestRealQAHeldOut -v -args -realqa-heldout DIR")
	}
	qs := readRealQuestions(t, filepath.Join(*realQAHeldOut, "questions.jsonl"))
	b := mustIndexedBot(t, mustLoadReports(t, filepath.Join(*realQAHeldOut, "reports")))
	right := scoreRealQuestions(t, b, qs)
	t.Logf("real-report questions, held-out %s: %d of %d answered right (%.2f)", *realQAHeldOut, right, len(qs), float64(right)/float64(len(qs)))
}

// scoreRealQuestions asks every question through Bot.Ask, the entry point
// of every chat adapter, logs one table row per question and returns how
// many were answered right.
func scoreRealQuestions(t *testing.T, b *bot.Bot, qs []realQuestion) int {
	t.Helper()
	right := 0
	byStyle := map[string][2]int{}
	for _, q := range qs {
		ans, err := b.Ask(context.Background(), q.Question, bot.Filter{})
		if err != nil {
			t.Fatalf("%s %q: %v", q.ID, q.Question, err)
		}
		checkCited(t, ans)
		miss := judgeRealAnswer(q, ans)
		mark := "ok  "
		if len(miss) == 0 {
			right++
		} else {
			mark = "MISS"
		}
		st := byStyle[q.Style]
		st[1]++
		if len(miss) == 0 {
			st[0]++
		}
		byStyle[q.Style] = st
		t.Logf("%s %-5s %-62q %s", mark, q.ID, q.Question, strings.Join(miss, "; "))
		if len(miss) > 0 && os.Getenv("REALQA_DEBUG") != "" { // how a miss was read, and the answer
			u := bot.Understand(q.Question, realQANow())
			t.Logf("    read %s/%s S%v R%v sys[%s] cat%v kinds%v %d-%d\n%s", u.Intent, u.Form, u.Suppliers, u.Recipients, u.System, u.Categories, u.Kinds, u.YearFrom, u.YearTo, ans.Text)
		}
	}
	styles := make([]string, 0, len(byStyle))
	for s := range byStyle {
		styles = append(styles, s)
	}
	slices.Sort(styles)
	for _, s := range styles {
		t.Logf("style %-26s %d/%d", s, byStyle[s][0], byStyle[s][1])
	}
	return right
}

// judgeRealAnswer returns what is wrong with an answer, nothing when it is
// right.
func judgeRealAnswer(q realQuestion, ans *bot.Answer) []string {
	var miss []string
	sups, recs := supplyParties(ans)
	if q.Suppliers != nil && !sameSet(sups, q.Suppliers) {
		miss = append(miss, fmt.Sprintf("suppliers %v, want %v", sups, q.Suppliers))
	}
	if q.Recipients != nil && !sameSet(recs, q.Recipients) {
		miss = append(miss, fmt.Sprintf("recipients %v, want %v", recs, q.Recipients))
	}
	if q.Pairs != nil {
		var pairs []string
		for _, p := range ans.Overview {
			pairs = append(pairs, p.Supplier+">"+p.Recipient)
		}
		if !sameSet(pairs, q.Pairs) {
			miss = append(miss, fmt.Sprintf("pairs %v, want %v", pairs, q.Pairs))
		}
	}
	if q.Verdict != "" && !slices.Contains(strings.Split(q.Verdict, "|"), string(ans.Verdict)) {
		miss = append(miss, fmt.Sprintf("verdict %q, want %s", ans.Verdict, q.Verdict))
	}
	head := firstLine(ans.Text)
	if q.Status != "" && (len(ans.Story) == 0 || !strings.Contains(head, "): "+statusWord(q.Status))) {
		miss = append(miss, fmt.Sprintf("story %q, want %s", head, q.Status))
	}
	if q.Figure != 0 && !hasFigure(head, q.Figure) {
		miss = append(miss, fmt.Sprintf("figures %q, want %d", head, q.Figure))
	}
	if q.System != "" && !slices.ContainsFunc(ans.Relations, func(r bot.RelationLine) bool {
		named := r.System
		if named == "" {
			named = r.Category // a deal of a kind of weapon ("armoured vehicles")
		}
		return strings.Contains(strings.ToLower(named), strings.ToLower(q.System))
	}) {
		miss = append(miss, "no deal names "+q.System)
	}
	if expectsEvidence(q) && !slices.ContainsFunc(ans.Citations, func(c bot.Citation) bool { return c.ReportID == q.Report }) {
		miss = append(miss, "report "+q.Report+" not cited")
	}
	return miss
}

// supplyParties are the suppliers and recipients of an answer's delivered
// or ordered deals, less certain ones included (the answer shows them).
func supplyParties(ans *bot.Answer) (sups, recs []string) {
	for _, r := range ans.Relations {
		if r.Status != "delivered" && r.Status != "ordered" {
			continue
		}
		if !slices.Contains(sups, r.Supplier) {
			sups = append(sups, r.Supplier)
		}
		if !slices.Contains(recs, r.Recipient) {
			recs = append(recs, r.Recipient)
		}
	}
	return sups, recs
}

// expectsEvidence: an answer that asserts something must cite the report
// the question was written from; "no record" and "nobody" need not.
func expectsEvidence(q realQuestion) bool {
	switch {
	case q.Verdict != "":
		return !strings.Contains(q.Verdict, "no_record")
	case q.Suppliers != nil && len(q.Suppliers) == 0, q.Recipients != nil && len(q.Recipients) == 0:
		return false
	}
	return true
}

func statusWord(s string) string {
	if s == "planned" {
		return "planned or under discussion"
	}
	return s
}

// hasFigure reports whether a "how many" headline lists the figure n.
func hasFigure(head string, n int) bool {
	const lead = "Figures the reports state"
	if !strings.HasPrefix(head, lead) {
		return false
	}
	_, list, _ := strings.Cut(head, ": ")
	for _, fig := range strings.Split(list, "; ") {
		if strings.HasPrefix(fig, fmt.Sprintf("%d ", n)) {
			return true
		}
	}
	return false
}

func sameSet(got, want []string) bool {
	g, w := slices.Clone(got), slices.Clone(want)
	slices.Sort(g)
	slices.Sort(w)
	return slices.Equal(slices.Compact(g), slices.Compact(w))
}
