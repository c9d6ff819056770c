package dedupe

import (
	"strings"
	"testing"
)

// FuzzSign checks that signing never panics, that a signature is the same
// story as itself (the zero Signature excepted), survives its text form,
// and does not change when the text is normalized first.
func FuzzSign(f *testing.F) {
	for _, seed := range []string{
		"",
		"Kyrgyzstan takes delivery of Turkish Bayraktar drones",
		strings.Repeat("Russia delivers Mi-8 helicopters to Tajikistan. ", 8),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := Sign(text)
		norm := Normalize(text)
		if s.IsZero() != (norm == "") {
			t.Fatalf("IsZero() = %v for normalized text %q", s.IsZero(), norm)
		}
		if Normalize(norm) != norm {
			t.Fatalf("Normalize not idempotent: %q -> %q", norm, Normalize(norm))
		}
		if Sign(norm) != s {
			t.Fatalf("Sign(Normalize(text)) differs from Sign(text)")
		}
		if s.IsZero() {
			if s.Similarity(s) != 0 || s.Bands() != nil {
				t.Fatalf("zero Signature: similarity %v, bands %q", s.Similarity(s), s.Bands())
			}
			return
		}
		if sim := s.Similarity(s); sim != 1 || !Same(s, s) {
			t.Fatalf("Similarity with itself = %v", sim)
		}
		var back Signature
		if err := back.UnmarshalText([]byte(s.String())); err != nil || back != s {
			t.Fatalf("text form does not round-trip: %v", err)
		}
		if len(s.Bands()) == 0 {
			t.Fatalf("no bands")
		}
	})
}
