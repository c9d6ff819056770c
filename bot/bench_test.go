package bot_test

import (
	"context"
	"os"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus/corpustest"
	"github.com/briefbot/briefbot/corpus/extract"
	"github.com/briefbot/briefbot/index"
)

var (
	benchOnce  sync.Once
	benchIndex *index.Index
	benchErr   error
)

// benchIndexOf builds, once per test binary, an on-disk index of generated
// reports with their extracted relations, as `briefbot ingest` builds it:
// $BRIEFBOT_BENCH_REPORTS of them, 10,000 by default.
func benchIndexOf(b *testing.B) *index.Index {
	benchOnce.Do(func() {
		n := 10000
		if s := os.Getenv("BRIEFBOT_BENCH_REPORTS"); s != "" {
			n, benchErr = strconv.Atoi(s)
		}
		dir, err := os.MkdirTemp("", "briefbot-bench")
		if err != nil {
			benchErr = err
			return
		}
		if benchIndex, benchErr = index.Create(dir, index.Options{Relations: extract.New().Report}); benchErr != nil {
			return
		}
		_, benchErr = benchIndex.Ingest(context.Background(), corpustest.Reports(n, corpustest.Options{}), nil)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchIndex
}

// BenchmarkAskRelations answers "who supplies whom" questions over the
// generated corpus and reports the median and 99th-percentile latency.
//
//	go test ./bot -run '^$' -bench Ask -benchtime 2000x
func BenchmarkAskRelations(b *testing.B) { benchAsk(b, corpustest.Questions, true) }

// BenchmarkAskPassages answers questions from passages.
func BenchmarkAskPassages(b *testing.B) { benchAsk(b, corpustest.PassageQuestions, false) }

func benchAsk(b *testing.B, questions []string, relations bool) {
	x := benchIndexOf(b)
	bt := bot.New(x, bot.Options{})
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	structured := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := questions[i%len(questions)]
		start := time.Now()
		ans, err := bt.Ask(ctx, q, bot.Filter{})
		lat = append(lat, time.Since(start))
		if err != nil || ans.NoMatch {
			b.Fatalf("%q: %v %+v", q, err, ans)
		}
		if len(ans.Relations) > 0 {
			structured++
		}
	}
	b.StopTimer()
	if relations && structured == 0 {
		b.Fatal("no question was answered from relations")
	}
	b.ReportMetric(100*float64(structured)/float64(b.N), "%structured")
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

// BenchmarkChart builds the table behind "chart suppliers X" over the
// generated corpus, for each of its recipients in turn: every relation of
// the country is loaded (at most 20,000), folded into deals and dated.
//
//	go test ./bot -run '^$' -bench Chart -benchtime 20x
func BenchmarkChart(b *testing.B) {
	x := benchIndexOf(b)
	bt := bot.New(x, bot.Options{})
	ctx := context.Background()
	countries := []string{"Kazakhstan", "Uzbekistan", "Turkey", "China", "Central Asia"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ans, err := bt.Chart(ctx, bot.ChartRequest{By: bot.ChartSuppliers, Country: countries[i%len(countries)]}, bot.Filter{})
		if err != nil || len(ans.Chart.Rows) == 0 {
			b.Fatalf("%s: %v", countries[i%len(countries)], err)
		}
	}
}
