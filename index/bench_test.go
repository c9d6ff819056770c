package index

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus/corpustest"
	"github.com/briefbot/briefbot/corpus/extract"
)

// benchReports is the corpus size for benchmarks: $BRIEFBOT_BENCH_REPORTS or 10,000.
func benchReports(tb testing.TB) int {
	if s := os.Getenv("BRIEFBOT_BENCH_REPORTS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			tb.Fatal(err)
		}
		return n
	}
	return 10000
}

// BenchmarkIngest indexes generated ~600-word reports into a fresh on-disk
// index; one op is one whole corpus. Reports reports/s.
//
//	go test ./index -run '^$' -bench Ingest -benchtime 1x
func BenchmarkIngest(b *testing.B) {
	n := benchReports(b)
	reports := corpustest.Reports(n, corpustest.Options{})
	b.ResetTimer()
	var total time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		x, err := Create(b.TempDir(), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		if _, err := x.Ingest(context.Background(), reports, nil); err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
		b.StopTimer()
		x.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/total.Seconds(), "reports/s")
}

// BenchmarkIngestWithRelations is BenchmarkIngest with the relation
// extractor running on every report, as `briefbot ingest` does.
//
// $BRIEFBOT_BENCH_TRANSFER_EVERY sets how dense the reports are in
// transfer statements (corpustest.Options.TransferEvery).
func BenchmarkIngestWithRelations(b *testing.B) {
	n := benchReports(b)
	every, _ := strconv.Atoi(os.Getenv("BRIEFBOT_BENCH_TRANSFER_EVERY"))
	reports := corpustest.Reports(n, corpustest.Options{TransferEvery: every})
	ex := extract.New()
	var total time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		x, err := Create(b.TempDir(), Options{Relations: ex.Report})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		st, err := x.Ingest(context.Background(), reports, nil)
		if err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
		b.StopTimer()
		b.ReportMetric(float64(st.Relations)/float64(n), "relations/report")
		x.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/total.Seconds(), "reports/s")
}

// BenchmarkIngestWorstCase indexes one 10 MB report of nothing but
// transfer sentences (worstCaseReport) into a fresh index with the real
// extractor and the default budget, as `briefbot ingest` does; one op is
// one report. Reports the peak live heap the runtime saw (MB).
//
//	go test ./index -run '^$' -bench IngestWorstCase -benchtime 3x
func BenchmarkIngestWorstCase(b *testing.B) {
	r := worstCaseReport(10_000_000)
	opts := budgetOptions()
	var peak uint64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		x, err := Create(b.TempDir(), opts)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		stop := peakHeap()
		b.StartTimer()
		if _, err := x.Ingest(context.Background(), []bot.Report{r}, nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		peak = max(peak, stop())
		x.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
