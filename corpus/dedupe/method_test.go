package dedupe

import (
	"math/bits"
	"slices"
	"testing"
)

// TestMethodChoice records, on the fixtures, why the package uses the
// Jaccard similarity of 5-word shingles (estimated by MinHash) rather than
// other shingle sizes or a 64-bit SimHash: run with -v for the table quoted
// in docs/dedupe.md. Exact Jaccard separates same-story from different-story
// pairs at every shingle size; SimHash's Hamming distances overlap.
func TestMethodChoice(t *testing.T) {
	m := MustFixtures(t)
	ps := allPairs(m)
	for _, k := range []int{3, 4, 5, 6, 8} {
		sets := map[*fixture]map[uint64]bool{}
		sim := map[*fixture]uint64{}
		for i := range m.Files {
			f := &m.Files[i]
			sets[f] = shingleSetK(f.Text, k)
			sim[f] = simHash(sets[f])
		}
		minSame, maxDiff := 1.0, 0.0
		var diffs []float64
		maxSameHam, minDiffHam := 0, 64
		for _, p := range ps {
			j := jaccardSets(sets[p.a], sets[p.b])
			ham := bits.OnesCount64(sim[p.a] ^ sim[p.b])
			if p.same {
				minSame = min(minSame, j)
				maxSameHam = max(maxSameHam, ham)
			} else {
				maxDiff = max(maxDiff, j)
				diffs = append(diffs, j)
				minDiffHam = min(minDiffHam, ham)
			}
		}
		slices.Sort(diffs)
		t.Logf("%d-word shingles: Jaccard same >= %.3f, different <= %.3f (ratio %.1f, different p95 %.3f); SimHash-64 Hamming same <= %d, different >= %d",
			k, minSame, maxDiff, minSame/maxDiff, diffs[len(diffs)*95/100], maxSameHam, minDiffHam)
		if k == shingleWords && minSame <= maxDiff {
			t.Errorf("%d-word shingles do not separate the fixtures", k)
		}
	}
}

func shingleSetK(text string, k int) map[uint64]bool {
	var ws []uint64
	eachWord(text, func(w string) { ws = append(ws, hashWord(w)) })
	set := map[uint64]bool{}
	for i := 0; i+k <= len(ws); i++ {
		set[hashShingle(ws[i:i+k])] = true
	}
	return set
}

func jaccardSets(a, b map[uint64]bool) float64 {
	n := 0
	for x := range a {
		if b[x] {
			n++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}

// simHash is Charikar's 64-bit SimHash of a set of shingle hashes.
func simHash(set map[uint64]bool) uint64 {
	var votes [64]int
	for x := range set {
		for i := range votes {
			votes[i] += int(x>>i&1)*2 - 1
		}
	}
	var h uint64
	for i, v := range votes {
		if v > 0 {
			h |= 1 << i
		}
	}
	return h
}
