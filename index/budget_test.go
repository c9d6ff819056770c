package index

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus/extract"
)

// worstCaseLine is one line of the worst-case report: every sentence a
// transfer, so that extraction finds relations everywhere.
const worstCaseLine = "Turkey sold drones to Uzbekistan in 2021 and delivered Bayraktar TB2 aircraft to Tashkent.\n"

// worstCaseReport is a report of n bytes of worstCaseLine, the largest
// file `briefbot ingest` reads by default being 10 MB.
func worstCaseReport(n int) bot.Report {
	body := strings.Repeat(worstCaseLine, n/len(worstCaseLine)+1)[:n]
	return bot.Report{ID: "worst", Title: "Worst case", Body: strings.TrimSpace(body), Origin: "worst.md"}
}

// budgetOptions are the options `briefbot ingest` uses: the real
// extractor within the default budget.
func budgetOptions() Options {
	return Options{RelationsWithin: extract.New().ReportWithin, RelationsVersion: extract.Version}
}

// peakHeap samples the live heap every few milliseconds until stop is
// called, which returns the highest value seen (bytes).
func peakHeap() (stop func() uint64) {
	var mu sync.Mutex
	var peak uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	sample := func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		mu.Lock()
		peak = max(peak, ms.HeapAlloc)
		mu.Unlock()
	}
	go func() {
		defer close(finished)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				sample()
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-finished
		sample()
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

// TestIngestWorstCaseWithinBudget ingests a 10 MB report of nothing but
// transfer sentences: it is indexed up to the budget, the cut is reported,
// and the live heap, sampled by the runtime, stays under a ceiling (before
// budgets it passed 2 GB).
func TestIngestWorstCaseWithinBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a 10 MB report")
	}
	const ceiling = 400 << 20
	r := worstCaseReport(10_000_000)
	x, err := Create(t.TempDir(), budgetOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	runtime.GC()
	stop := peakHeap()
	st, err := x.Ingest(context.Background(), []bot.Report{r}, nil)
	peak := stop()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("peak live heap %d MB; %d passages, %d relations", peak>>20, st.Passages, st.Relations)
	if peak > ceiling {
		t.Errorf("peak live heap %d MB, want under %d MB", peak>>20, ceiling>>20)
	}
	if st.Passages != DefaultMaxPassages || st.Relations > DefaultMaxRelations || st.Relations < DefaultMaxRelations/2 {
		t.Errorf("indexed %d passages and %d relations, want %d passages and at most %d relations (but most of them)",
			st.Passages, st.Relations, DefaultMaxPassages, DefaultMaxRelations)
	}
	if len(st.Cuts) != 1 {
		t.Fatalf("cuts %v, want one for the report", st.Cuts)
	}
	c := st.Cuts[0]
	if c.ReportID != "worst" || c.PassagesKept != DefaultMaxPassages || c.Passages <= DefaultMaxPassages || !c.RelationsFull || c.ReadTo >= c.BodyLen {
		t.Errorf("cut %+v, want the passages kept to the budget and relations stopped at it", c)
	}
	for _, want := range []string{"indexed the first 5000 of", "budget: 1000 relations per report"} {
		if !strings.Contains(c.String(), want) {
			t.Errorf("cut says %q, want it to say %q", c, want)
		}
	}
	counts, err := x.Counts()
	if err != nil {
		t.Fatal(err)
	}
	if counts.Passages != st.Passages || counts.Relations != st.Relations {
		t.Errorf("index holds %+v, want what the ingest reported (%d passages, %d relations)", counts, st.Passages, st.Relations)
	}
}

// TestBudgetLongSentencesAndTime reads a report with a sentence far longer
// than the budget (not read for relations, the others are) and one whose
// extraction time budget has run out before it starts.
func TestBudgetLongSentencesAndTime(t *testing.T) {
	long := "Turkey sold drones to Uzbekistan in 2021 while " + strings.Repeat("officials met and talked ", 300) + "for days."
	r := bot.Report{ID: "long", Title: "Long", Body: long + "\n\nBelarus handed over two radars to Tajikistan in 2020."}
	x, err := Create(t.TempDir(), budgetOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	st := MustIngest(t, x, r)
	if len(st.Cuts) != 1 || st.Cuts[0].LongSentences != 1 || st.Cuts[0].RelationsFull || st.Cuts[0].TimedOut {
		t.Fatalf("cuts %+v, want one long sentence skipped", st.Cuts)
	}
	if st.Relations != 1 {
		t.Errorf("%d relations, want 1 (Belarus to Tajikistan; the long sentence is not read)", st.Relations)
	}
	if !strings.Contains(st.Cuts[0].String(), "1 sentence longer than 4.0 KB not read for relations") {
		t.Errorf("cut says %q", st.Cuts[0])
	}

	opts := budgetOptions()
	opts.Budget.MaxExtractTime = time.Nanosecond
	y, err := Create(t.TempDir(), opts)
	if err != nil {
		t.Fatal(err)
	}
	defer y.Close()
	st = MustIngest(t, y, worstCaseReport(20_000))
	if len(st.Cuts) != 1 || !st.Cuts[0].TimedOut || st.Passages == 0 || !strings.Contains(st.Cuts[0].String(), "of extraction per report") {
		t.Errorf("got %d passages, cuts %+v; want the passages indexed and relations cut by time", st.Passages, st.Cuts)
	}
}

// TestBudgetSparesRegisterRows ingests a report that brings more rows
// with it (a SIPRI register: a passage and a relation each) than the
// budget allows passages or relations, and more documents than one Bleve
// batch holds: all are indexed, nothing is reported cut.
func TestBudgetSparesRegisterRows(t *testing.T) {
	rows := DefaultMaxPassages + 1000 // and so more than maxBatchDocs documents
	r := bot.Report{ID: "register", Title: "Register", Source: "SIPRI", SourceType: bot.SourceSIPRI}
	var body strings.Builder
	for i := range rows {
		sentence := fmt.Sprintf("Turkey delivered %d Bayraktar TB2 to Uzbekistan in %d.", i+1, 1990+i%30)
		start := body.Len()
		body.WriteString(sentence + "\n\n")
		r.Relations = append(r.Relations, bot.Relation{Supplier: "Turkey", Recipient: "Uzbekistan", Status: bot.StatusDelivered,
			Kind: bot.KindSale, Years: []int{1990 + i%30}, Evidence: bot.Evidence{Sentence: sentence, Start: start, End: start + len(sentence)}})
	}
	r.Body = strings.TrimSpace(body.String())
	if rows*2 <= maxBatchDocs {
		t.Fatalf("%d rows fit one batch of %d documents", rows, maxBatchDocs)
	}
	x, err := Create(t.TempDir(), budgetOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	st := MustIngest(t, x, r)
	if st.Relations != rows || st.Passages != rows || len(st.Cuts) != 0 {
		t.Errorf("%d passages, %d relations, cuts %v; want all %d rows and no cut", st.Passages, st.Relations, st.Cuts, rows)
	}
	c, err := x.Counts()
	if err != nil || c.Reports != 1 || c.Passages != rows || c.Relations != rows {
		t.Errorf("index holds %+v (%v), want 1 report and %d passages and relations", c, err, rows)
	}
}

// TestOtherBudgetReindexes re-ingests a report cut by one budget under a
// larger one: it is indexed again, no longer cut.
func TestOtherBudgetReindexes(t *testing.T) {
	dir := t.TempDir()
	r := worstCaseReport(100_000)
	opts := budgetOptions()
	opts.Budget.MaxPassages = 10
	x, err := Create(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if st := MustIngest(t, x, r); st.Passages != 10 || len(st.Cuts) != 1 {
		t.Fatalf("first ingest: %d passages, cuts %v; want 10 and a cut", st.Passages, st.Cuts)
	}
	x.Close()
	y, err := Open(dir, budgetOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer y.Close()
	if st := MustIngest(t, y, r); st.Updated != 1 || st.Passages <= 10 {
		t.Errorf("under the default budget: %+v, want the report updated with all its passages", st)
	}
}
