package dedupe

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func TestSetCopies(t *testing.T) {
	m := MustFixtures(t)
	text := m.Files[0].Text
	var set Set
	for _, f := range m.Files[4:] { // other stories first, so the copies are not entries 0-2
		set.Add(f.File, f.Sig)
	}
	set.Add("wire", Sign(text))
	set.Add("outlet-a", Sign(strings.ToUpper(text)))
	set.Add("outlet-b", Sign(strings.Join(strings.Fields(text), "  ")))
	for _, query := range []string{text, "Republished: " + text + "\n\nReporting by staff."} {
		id, sim, ok := set.Match(Sign(query))
		if !ok || id != "wire" {
			t.Errorf("Match = %q, %.3f, %v; want \"wire\", the first copy", id, sim, ok)
		}
	}
	if id, sim, ok := set.Match(Sign(text)); sim != 1 {
		t.Errorf("Match(exact copy) = %q, %.3f, %v; want similarity 1", id, sim, ok)
	}
}

func TestSetShort(t *testing.T) {
	var set Set
	set.Add("a", Sign("Russia delivers two helicopters to Tajikistan."))
	set.Add("b", Sign("RUSSIA DELIVERS TWO HELICOPTERS TO TAJIKISTAN"))
	set.Add("c", Sign("Russia delivers two helicopters to Kyrgyzstan."))
	for _, tt := range []struct {
		text, id string
		ok       bool
	}{
		{"russia delivers two helicopters to tajikistan", "a", true},
		{"Russia delivers two helicopters to Kyrgyzstan!", "c", true},
		{"Russia delivers three helicopters to Tajikistan.", "", false},
	} {
		id, sim, ok := set.Match(Sign(tt.text))
		if id != tt.id || ok != tt.ok || (ok && sim != 1) {
			t.Errorf("Match(%q) = %q, %v, %v; want %q, %v", tt.text, id, sim, ok, tt.id, tt.ok)
		}
	}
	if got := set.Len(); got != 3 {
		t.Errorf("Len() = %d, want 3", got)
	}
}

func TestSetEmpty(t *testing.T) {
	var set Set
	m := MustFixtures(t)
	if id, sim, ok := set.Match(m.Files[0].Sig); ok || id != "" || sim != 0 {
		t.Errorf("Match on an empty set = %q, %v, %v", id, sim, ok)
	}
}

// TestSetGrowth adds many unrelated signatures, through several table
// resizes, and checks each is still found, and nothing else.
func TestSetGrowth(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var set Set
	sigs := make([]Signature, 20000)
	for i := range sigs {
		sigs[i] = randomSig(rng)
		set.Add(strconv.Itoa(i), sigs[i])
	}
	for i, s := range sigs {
		if id, sim, ok := set.Match(s); !ok || id != strconv.Itoa(i) || sim != 1 {
			t.Fatalf("Match(sig %d) = %q, %v, %v", i, id, sim, ok)
		}
	}
	for range 100 {
		if id, sim, ok := set.Match(randomSig(rng)); ok {
			t.Fatalf("Match(unrelated) = %q, %v", id, sim)
		}
	}
	if load := float64(set.used) / float64(len(set.slots)); load > 0.8 {
		t.Errorf("band table %.2f full, want at most 0.8", load)
	}
}

// randomSig is the signature of an imaginary text unrelated to any other.
func randomSig(rng *rand.Rand) Signature {
	s := Signature{kind: kindMinHash}
	for i := range s.mins {
		s.mins[i] = rng.Uint32()
	}
	return s
}

func TestSetConcurrent(t *testing.T) {
	m := MustFixtures(t)
	var set Set
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i, f := range m.Files {
				set.Add(strconv.Itoa(w)+"/"+f.File, f.Sig)
				set.Match(m.Files[(i+w)%len(m.Files)].Sig)
			}
		})
	}
	wg.Wait()
	if got, want := set.Len(), 4*len(m.Files); got != want {
		t.Errorf("Len() = %d, want %d", got, want)
	}
	for _, f := range m.Files {
		if id, _, ok := set.Match(f.Sig); !ok || !strings.Contains(id, "/stories/"+f.Story+".") {
			t.Errorf("Match(%s) = %q, %v", f.File, id, ok)
		}
	}
}
