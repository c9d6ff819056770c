package dedupe

import (
	"errors"
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"  ,.;!  \n\t ", ""},
		{"Kyrgyzstan takes delivery", "kyrgyzstan takes delivery"},
		{"  KYRGYZSTAN\n\ttakes   delivery.  ", "kyrgyzstan takes delivery"},
		{"Türkiye’s Akıncı", "turkiyes akinci"},
		{"Turkey's drones", "turkeys drones"},
		{"\"Quoted,\" she said - «really»", "quoted she said really"},
		{"“Curly” — dashes – here", "curly dashes here"},
		{"Mi-8MTV-5 and HQ-9", "mi 8mtv 5 and hq 9"},
		{"a 1,350-kilometre border; 3.5 billion", "a 1350 kilometre border 35 billion"},
		{"end of sentence.Next one", "end of sentence next one"},
		{"soft\u00adhy\u00adphen zero\u200bwidth", "softhyphen zerowidth"},
		{"Cafe\u0301 decomposed", "cafe decomposed"}, // combining accent stays in the word
		{"Казахстан и Ташкент", "казахстан и ташкент"},
		{"'quoted' rock'n'roll", "quoted rocknroll"},
		{"bad \xff byte", "bad byte"},
	} {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestContentHash(t *testing.T) {
	base := "Kyrgyzstan has received a first batch of Bayraktar TB2 drones from Turkey."
	for _, same := range []string{
		"  kyrgyzstan has received a first batch of bayraktar tb2 drones from turkey  ",
		"KYRGYZSTAN HAS RECEIVED A FIRST BATCH OF BAYRAKTAR TB2 DRONES FROM TURKEY.",
		"Kyrgyzstan  has\treceived\na first batch\r\nof Bayraktar TB2 drones from Turkey",
		"Kyrgyzstan has received a first batch of Bayraktar \"TB2\" drones from Turkey!",
	} {
		if got, want := ContentHash(same), ContentHash(base); got != want {
			t.Errorf("ContentHash(%q) = %s, want %s (as %q)", same, got, want, base)
		}
	}
	for _, diff := range []string{
		"Kyrgyzstan has received a second batch of Bayraktar TB2 drones from Turkey.",
		"Kyrgyzstan has received a first batch of Bayraktar TB2 drones from Türkiye.",
		"",
	} {
		if ContentHash(diff) == ContentHash(base) {
			t.Errorf("ContentHash(%q) = ContentHash(%q)", diff, base)
		}
	}
	if got, want := ContentHash(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"; got != want {
		t.Errorf("ContentHash(\"\") = %s, want %s", got, want)
	}
	if got := ContentHash(base); len(got) != 64 || strings.Trim(got, "0123456789abcdef") != "" {
		t.Errorf("ContentHash = %q, want 64 lower-case hex digits", got)
	}
}

func TestShortTexts(t *testing.T) {
	a := "Kazakhstan receives two more Turkish Anka drones, the defence ministry said on Friday."
	b := "Kyrgyzstan receives two more Turkish Anka drones, the defence ministry said on Friday."
	long := a + " " + strings.Repeat("The aircraft were flown to an airbase near Astana and handed over at a ceremony. ", 3)
	for _, tt := range []struct {
		name string
		x, y string
		same bool
	}{
		{"equal", a, a, true},
		{"case and punctuation", a, strings.ToUpper(strings.ReplaceAll(a, ",", " -")), true},
		{"one word differs", a, b, false},
		{"word dropped", a, strings.Replace(a, " more", "", 1), false},
		{"short vs long containing it", a, long, false},
		{"29 vs 29 words, one differs", words(29, 0), words(29, 1), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			x, y := Sign(tt.x), Sign(tt.y)
			if got := Same(x, y); got != tt.same {
				t.Errorf("Same = %v (similarity %.3f), want %v", got, x.Similarity(y), tt.same)
			}
			if got := Same(y, x); got != tt.same {
				t.Errorf("Same reversed = %v, want %v", got, tt.same)
			}
			if sim := x.Similarity(y); sim != 0 && sim != 1 {
				t.Errorf("Similarity = %v, want 0 or 1 for a short text", sim)
			}
		})
	}
	if n := len(strings.Fields(Normalize(a))); n >= MinWords {
		t.Fatalf("test text has %d words, want fewer than %d", n, MinWords)
	}
	if got := Sign(a).Bands(); len(got) != 1 || got[0] != "h:"+ContentHash(a)[:16] {
		t.Errorf("Bands() = %q, want [h:%s]", got, ContentHash(a)[:16])
	}
	// From MinWords words on, a text is signed by MinHash: two 40-word texts
	// that differ in their last word are the same story.
	if x, y := Sign(words(40, 0)), Sign(words(39, 0)+" different"); !Same(x, y) {
		t.Errorf("40-word texts differing in one word: similarity %.3f, want >= %v", x.Similarity(y), Threshold)
	}
}

// words returns n distinct made-up words; the last variant words differ.
func words(n, variant int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = "word" + strconv.Itoa(i)
	}
	if variant > 0 {
		ws[n-1] = "other" + strconv.Itoa(variant)
	}
	return strings.Join(ws, " ")
}

func TestEmpty(t *testing.T) {
	for _, text := range []string{"", "   ", " -- ... !? ", "\xff\xfe"} {
		s := Sign(text)
		if !s.IsZero() {
			t.Errorf("Sign(%q).IsZero() = false", text)
		}
		if sim := s.Similarity(s); sim != 0 {
			t.Errorf("Sign(%q).Similarity(itself) = %v, want 0", text, sim)
		}
		if Same(s, Sign("")) {
			t.Errorf("Same(Sign(%q), Sign(\"\")) = true, want false: empty texts match nothing", text)
		}
		if b := s.Bands(); b != nil {
			t.Errorf("Sign(%q).Bands() = %q, want nil", text, b)
		}
		if got := s.String(); got != "" {
			t.Errorf("Sign(%q).String() = %q, want \"\"", text, got)
		}
	}
	var set Set
	set.Add("empty", Sign(""))
	if set.Len() != 0 {
		t.Errorf("Len() after adding an empty signature = %d, want 0", set.Len())
	}
	if id, _, ok := set.Match(Sign("")); ok {
		t.Errorf("Match(empty) = %q, want no match", id)
	}
}

func TestSignIgnoresFormatting(t *testing.T) {
	m := MustFixtures(t)
	text := m.Files[0].Text
	for _, variant := range []string{
		strings.ToUpper(text),
		strings.Join(strings.Fields(text), " "),
		strings.NewReplacer(`"`, "“", " - ", " — ", ",", " ,").Replace(text),
		Normalize(text),
	} {
		if got, want := Sign(variant), Sign(text); got != want {
			t.Errorf("Sign changed by formatting: similarity %.3f", got.Similarity(want))
		}
	}
}

func TestMarshalText(t *testing.T) {
	m := MustFixtures(t)
	for _, s := range []Signature{{}, Sign("a short text"), m.Files[0].Sig} {
		text, err := s.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var got Signature
		if err := got.UnmarshalText(text); err != nil {
			t.Fatalf("UnmarshalText(%q): %v", text, err)
		}
		if got != s {
			t.Errorf("UnmarshalText(MarshalText()) differs for %.20q", text)
		}
		if string(text) != s.String() {
			t.Errorf("String() differs from MarshalText()")
		}
	}
	if got, want := len(m.Files[0].Sig.String()), 687; got != want {
		t.Errorf("len(MinHash text) = %d, want %d", got, want)
	}
	if got, want := Sign("a short text").String(), "sha256:"+ContentHash("a short text"); got != want {
		t.Errorf("short String() = %q, want %q", got, want)
	}
	good := m.Files[0].Sig.String()
	for _, bad := range []string{"x", "mh1:", "mh1:!!!!", good[:len(good)-4], good + "AAAA", "sha256:abc", "sha256:" + strings.Repeat("z", 64), "MH1:" + good[4:]} {
		s := m.Files[0].Sig
		err := s.UnmarshalText([]byte(bad))
		if !errors.Is(err, ErrSignature) {
			t.Errorf("UnmarshalText(%.30q) = %v, want ErrSignature", bad, err)
		}
		if s != m.Files[0].Sig {
			t.Errorf("UnmarshalText(%.30q) changed the signature on error", bad)
		}
	}
}

func TestBands(t *testing.T) {
	m := MustFixtures(t)
	key := regexp.MustCompile(`^b[0-6][0-9]:[0-9a-f]{12}$`)
	for _, f := range m.Files {
		bands := f.Sig.Bands()
		if len(bands) != numBands {
			t.Fatalf("%s: %d bands, want %d", f.File, len(bands), numBands)
		}
		seen := map[string]bool{}
		for i, b := range bands {
			if !key.MatchString(b) || b[1:3] != strconv.Itoa(100 + i)[1:] {
				t.Errorf("%s: band %d = %q", f.File, i, b)
			}
			if seen[b] {
				t.Errorf("%s: band %q twice", f.File, b)
			}
			seen[b] = true
		}
	}
}

// synthPair returns two texts sharing a run of common words between runs of
// their own, drawn from a made-up vocabulary.
func synthPair(rng *rand.Rand, common, own int) (string, string) {
	word := func() string { return "v" + strconv.FormatUint(rng.Uint64N(1<<20), 36) }
	run := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = word()
		}
		return strings.Join(ws, " ")
	}
	c := run(common)
	return run(own) + " " + c + " " + run(own), run(own/2) + " " + c + " " + run(own*3/2)
}

// jaccard is the exact Jaccard similarity of the two texts' shingle sets.
func jaccard(a, b string) float64 {
	sa, sb := shingles(a), shingles(b)
	n := 0
	for x := range sa {
		if sb[x] {
			n++
		}
	}
	return float64(n) / float64(len(sa)+len(sb)-n)
}

func shingles(text string) map[uint64]bool {
	var ws []uint64
	eachWord(text, func(w string) { ws = append(ws, hashWord(w)) })
	set := map[uint64]bool{}
	for i := 0; i+shingleWords <= len(ws); i++ {
		set[hashShingle(ws[i:i+shingleWords])] = true
	}
	return set
}

// TestSimilarityEstimatesJaccard checks the MinHash estimator: unbiased,
// with the binomial standard error sqrt(J(1-J)/128).
func TestSimilarityEstimatesJaccard(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var sum, sum2, n float64
	for range 300 {
		a, b := synthPair(rng, 20+rng.IntN(400), 100)
		j := jaccard(a, b)
		z := (Sign(a).Similarity(Sign(b)) - j) / math.Sqrt(j*(1-j)/numHashes)
		sum += z
		sum2 += z * z
		n++
	}
	mean, rms := sum/n, math.Sqrt(sum2/n)
	t.Logf("estimate - Jaccard over %v pairs: mean %.2f, rms %.2f standard errors", n, mean, rms)
	if math.Abs(mean) > 0.25 || rms < 0.8 || rms > 1.2 {
		t.Errorf("estimator: mean z %.2f, rms z %.2f; want about 0 and 1", mean, rms)
	}
}

// TestBandingProbability checks the S-curve 1-(1-s²)⁶⁴ on pairs of known
// Jaccard similarity: near Threshold almost every pair shares a band, at
// 0.05 few do.
func TestBandingProbability(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, tt := range []struct {
		lo, hi   float64 // Jaccard range of the pairs
		min, max float64 // share of pairs with a common band
	}{
		{Threshold, Threshold + 0.05, 0.97, 1},
		{0.04, 0.06, 0.05, 0.30},
	} {
		var pairs, hits int
		for pairs < 300 {
			// J ~ (c-4)/(c-4 + 4*own): pick c for the middle of the range.
			mid := (tt.lo + tt.hi) / 2
			c := int(mid*4*100/(1-mid)) + 4 + rng.IntN(11) - 5
			a, b := synthPair(rng, c, 100)
			if j := jaccard(a, b); j < tt.lo || j >= tt.hi {
				continue
			}
			pairs++
			if shareBand(Sign(a), Sign(b)) {
				hits++
			}
		}
		got := float64(hits) / float64(pairs)
		s := (tt.lo + tt.hi) / 2
		t.Logf("Jaccard in [%.2f, %.2f): %.3f of %d pairs share a band (S-curve at %.3f: %.3f)",
			tt.lo, tt.hi, got, pairs, s, 1-math.Pow(1-s*s, numBands))
		if got < tt.min || got > tt.max {
			t.Errorf("Jaccard in [%.2f, %.2f): %.3f share a band, want in [%.2f, %.2f]", tt.lo, tt.hi, got, tt.min, tt.max)
		}
	}
}
