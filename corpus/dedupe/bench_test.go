package dedupe

import (
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// text600 returns the first 600 words of the fixtures, punctuation kept.
func text600(tb testing.TB) string {
	m := MustFixtures(tb)
	var all []string
	for _, f := range m.Files {
		all = append(all, strings.Fields(f.Text)...)
	}
	return strings.Join(all[:600], " ")
}

func BenchmarkSign(b *testing.B) {
	text := text600(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Sign(text)
	}
}

func BenchmarkBands(b *testing.B) {
	s := Sign(text600(b))
	b.ReportAllocs()
	for b.Loop() {
		s.Bands()
	}
}

// BenchmarkSetMatch matches against a Set of 100,000 signatures: the
// fixtures and unrelated stories. "hit" looks up a re-publication of a
// fixture story, "miss" a story not in the set. set-MB is the heap the Set
// holds.
func BenchmarkSetMatch(b *testing.B) {
	const n = 100_000
	m := MustFixtures(b)
	rng := rand.New(rand.NewPCG(7, 8))
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	set := new(Set)
	for _, f := range m.Files[1:] {
		set.Add(f.File, f.Sig)
	}
	for i := set.Len(); i < n; i++ {
		set.Add("feed/item-"+strconv.Itoa(i), randomSig(rng))
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	mb := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	for _, bm := range []struct {
		name string
		sig  Signature
		ok   bool
	}{
		{"hit", m.Files[0].Sig, true},
		{"miss", randomSig(rng), false},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, ok := set.Match(bm.sig); ok != bm.ok {
					b.Fatalf("Match ok = %v, want %v", ok, bm.ok)
				}
			}
			b.ReportMetric(mb, "set-MB")
		})
	}
	runtime.KeepAlive(set)
}

// BenchmarkSetAdd adds unrelated signatures (their random generation,
// about a fifth of the time, included).
func BenchmarkSetAdd(b *testing.B) {
	rng := rand.New(rand.NewPCG(9, 10))
	set := new(Set)
	b.ReportAllocs()
	for b.Loop() {
		set.Add("id", randomSig(rng))
	}
}
