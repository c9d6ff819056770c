package corpustest

import (
	"strings"
	"testing"
)

func TestVocabulary(t *testing.T) {
	v := vocabulary(5000)
	seen := map[string]bool{}
	for _, w := range v {
		if seen[w] {
			t.Fatalf("word %q twice", w)
		}
		seen[w] = true
	}
	for _, f := range filler {
		if !seen[f] {
			t.Errorf("filler word %q missing", f)
		}
	}
	if v[2] != filler[0] || v[12] != filler[1] {
		t.Errorf("filler words not at every tenth rank: %v", v[:15])
	}
}

// TestZipfFrequencies: with a Zipf vocabulary, a mid-ranked filler word is
// in far fewer passages than with the uniform one.
func TestZipfFrequencies(t *testing.T) {
	share := func(opts Options) float64 {
		n, with := 0, 0
		for _, r := range Reports(200, opts) {
			for _, p := range strings.Split(r.Body, "\n\n") {
				n++
				if strings.Contains(p, "transparency") {
					with++
				}
			}
		}
		return float64(with) / float64(n)
	}
	uniform, zipf := share(Options{}), share(Options{Vocabulary: 5000})
	if uniform < 0.2 || zipf > uniform/3 || zipf == 0 {
		t.Errorf("passages with a filler word: uniform %.3f, zipf %.3f", uniform, zipf)
	}
	t.Logf("passages with \"transparency\": uniform %.3f, zipf %.3f", uniform, zipf)
}
