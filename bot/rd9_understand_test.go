package bot

import (
	"testing"
	"time"
)

// A class named in a question is the class's name, as the extractor
// writes it: "the Lupo-class frigates" asks about the Lupo.
func TestUnderstandClassName(t *testing.T) {
	now := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ q, want string }{
		{"Has Peru taken delivery of the Lupo-class frigates?", "Lupo"},
		{"did Ecuador buy Leander-Class frigates from Britain", "Leander"},
		{"did Ecuador buy Leander frigates from Britain", "Leander"},
	} {
		if got := Understand(tc.q, now).System; got != tc.want {
			t.Errorf("%q: system %q, want %q", tc.q, got, tc.want)
		}
	}
}
