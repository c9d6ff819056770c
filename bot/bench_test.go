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
	"github.com/briefbot/briefbot/index"
)

var (
	benchOnce  sync.Once
	benchIndex *index.Index
	benchErr   error
)

// benchIndexOf builds, once per test binary, an on-disk index of generated
// reports: $BRIEFBOT_BENCH_REPORTS of them, 10,000 by default.
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
		if benchIndex, benchErr = index.Create(dir, index.Options{}); benchErr != nil {
			return
		}
		_, benchErr = benchIndex.Ingest(context.Background(), corpustest.Reports(n, corpustest.Options{}), nil)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchIndex
}

// BenchmarkAsk answers typical questions over the generated corpus and
// reports the median and 99th-percentile latency of one answer.
//
//	go test ./bot -run '^$' -bench Ask -benchtime 2000x
func BenchmarkAsk(b *testing.B) {
	x := benchIndexOf(b)
	bt := bot.New(x, bot.Options{})
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := corpustest.Questions[i%len(corpustest.Questions)]
		start := time.Now()
		ans, err := bt.Ask(ctx, q, bot.Filter{})
		lat = append(lat, time.Since(start))
		if err != nil || ans.NoMatch {
			b.Fatalf("%q: %v %+v", q, err, ans)
		}
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}
