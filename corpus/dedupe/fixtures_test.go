package dedupe

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fixture is one text of testdata/manifest.json.
type fixture struct {
	File  string `json:"file"`
	Story string `json:"story"`
	Edits string `json:"edits"`
	Text  string `json:"-"`
	Sig   Signature
}

// manifest is testdata/manifest.json.
type manifest struct {
	Stories map[string]string `json:"stories"`
	Files   []fixture         `json:"files"`
	Related [][3]string       `json:"related"`
}

// MustFixtures reads the manifest and every text it lists, signed, and
// checks that the manifest and the stories folder agree.
func MustFixtures(tb testing.TB) manifest {
	tb.Helper()
	b, err := os.ReadFile("testdata/manifest.json")
	if err != nil {
		tb.Fatal(err)
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		tb.Fatalf("manifest: %v", err)
	}
	listed := map[string]bool{}
	for i := range m.Files {
		f := &m.Files[i]
		if _, ok := m.Stories[f.Story]; !ok {
			tb.Fatalf("manifest: %s: unknown story %q", f.File, f.Story)
		}
		text, err := os.ReadFile(filepath.Join("testdata", f.File))
		if err != nil {
			tb.Fatal(err)
		}
		f.Text = string(text)
		f.Sig = Sign(f.Text)
		listed[f.File] = true
	}
	files, _ := filepath.Glob("testdata/stories/*.txt")
	for _, name := range files {
		if rel := filepath.ToSlash(strings.TrimPrefix(name, "testdata"+string(filepath.Separator))); !listed[rel] {
			tb.Fatalf("%s is not in testdata/manifest.json", rel)
		}
	}
	for _, r := range m.Related {
		for _, s := range r[:2] {
			if _, ok := m.Stories[s]; !ok {
				tb.Fatalf("manifest: related: unknown story %q", s)
			}
		}
	}
	return m
}

// pair is two fixtures and whether they are the same story.
type pair struct {
	a, b    *fixture
	same    bool
	related string // why two different stories are confusable, or ""
}

func (p pair) String() string {
	return fmt.Sprintf("%s ~ %s", filepath.Base(p.a.File), filepath.Base(p.b.File))
}

// allPairs returns every pair of fixtures.
func allPairs(m manifest) []pair {
	related := map[[2]string]string{}
	for _, r := range m.Related {
		related[[2]string{r[0], r[1]}] = r[2]
		related[[2]string{r[1], r[0]}] = r[2]
	}
	var ps []pair
	for i := range m.Files {
		for j := i + 1; j < len(m.Files); j++ {
			a, b := &m.Files[i], &m.Files[j]
			ps = append(ps, pair{a: a, b: b, same: a.Story == b.Story, related: related[[2]string{a.Story, b.Story}]})
		}
	}
	return ps
}

// gap is the measured separation of the fixtures: the lowest similarity of
// a same-story pair and the highest of a different-story pair.
type gap struct {
	minSame, maxDiff   float64
	minSameP, maxDiffP pair
	same, diff         int
}

func measureGap(ps []pair) gap {
	g := gap{minSame: 2, maxDiff: -1}
	for _, p := range ps {
		sim := p.a.Sig.Similarity(p.b.Sig)
		if p.same {
			g.same++
			if sim < g.minSame {
				g.minSame, g.minSameP = sim, p
			}
		} else {
			g.diff++
			if sim > g.maxDiff {
				g.maxDiff, g.maxDiffP = sim, p
			}
		}
	}
	return g
}

func TestFixturePairs(t *testing.T) {
	m := MustFixtures(t)
	ps := allPairs(m)
	for _, p := range ps {
		sim := p.a.Sig.Similarity(p.b.Sig)
		if got := Same(p.a.Sig, p.b.Sig); got != p.same {
			t.Errorf("Same(%s) = %v (similarity %.3f), want %v", p, got, sim, p.same)
		}
		if p.same && !shareBand(p.a.Sig, p.b.Sig) {
			t.Errorf("%s: same story, similarity %.3f, but no band in common", p, sim)
		}
		if p.related != "" || p.same {
			t.Logf("%-34s same=%-5v %.3f %s", p, p.same, sim, p.related)
		}
	}
	g := measureGap(ps)
	t.Logf("%d same-story pairs: min similarity %.3f (%s)", g.same, g.minSame, g.minSameP)
	t.Logf("%d different-story pairs: max similarity %.3f (%s)", g.diff, g.maxDiff, g.maxDiffP)
	// The threshold must sit inside the gap with room for the estimator's
	// error (standard error about 0.04 near the threshold).
	const margin = 0.08
	if g.minSame < Threshold+margin || g.maxDiff > Threshold-margin {
		t.Errorf("gap [%.3f, %.3f] does not hold Threshold %.2f with margin %.2f", g.maxDiff, g.minSame, Threshold, margin)
	}
}

// TestDocFigures keeps the figures quoted in doc.go in step with the fixtures.
func TestDocFigures(t *testing.T) {
	g := measureGap(allPairs(MustFixtures(t)))
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(strings.ReplaceAll(string(doc), "//", " ")), " ")
	for _, want := range []string{
		fmt.Sprintf("%d same-story pairs", g.same),
		fmt.Sprintf("%d different-story pairs", g.diff),
		fmt.Sprintf("lowest %.3f", g.minSame),
		fmt.Sprintf("highest %.3f", g.maxDiff),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("doc.go does not say %q: update the measured gap", want)
		}
	}
}

func shareBand(a, b Signature) bool {
	bb := b.Bands()
	for _, k := range a.Bands() {
		if slices.Contains(bb, k) {
			return true
		}
	}
	return false
}

// TestFixtureSet adds the fixtures to a Set in manifest order: each text
// must match an earlier text of its story (the most similar one), and the
// first text of each story must match nothing.
func TestFixtureSet(t *testing.T) {
	m := MustFixtures(t)
	var set Set
	story := map[string]string{} // id -> story
	for _, f := range m.Files {
		id, sim, ok := set.Match(f.Sig)
		seen := slices.Contains(slices.Collect(maps.Values(story)), f.Story)
		switch {
		case seen && (!ok || story[id] != f.Story):
			t.Errorf("Match(%s) = %q, %.3f, %v; want a text of story %s", f.File, id, sim, ok, f.Story)
		case !seen && ok:
			t.Errorf("Match(%s) = %q, %.3f; want no match (first of its story)", f.File, id, sim)
		}
		if ok && sim != f.Sig.Similarity(m.Files[slices.IndexFunc(m.Files, func(g fixture) bool { return g.File == id })].Sig) {
			t.Errorf("Match(%s): similarity %.3f differs from Similarity", f.File, sim)
		}
		story[f.File] = f.Story
		set.Add(f.File, f.Sig)
	}
	if got, want := set.Len(), len(m.Files); got != want {
		t.Errorf("Len() = %d, want %d", got, want)
	}
}
