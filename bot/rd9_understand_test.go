package bot

import (
	"fmt"
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

// A demonym before a system another country makes names the buyer, even
// before "sale": "the Saudi Chinook sale" is a sale to Saudi Arabia, while
// "Turkish drone sales" are Turkey's.
func TestUnderstandDemonymBeforeForeignSystemSale(t *testing.T) {
	now := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ q, sup, rec string }{
		{"What happened to the Saudi Chinook sale?", "[]", "[Saudi Arabia]"},
		{"What happened to the Qatari Rafale sale?", "[]", "[Qatar]"},
		{"How big are Turkish drone sales?", "[Turkey]", "[]"},
	} {
		u := Understand(tc.q, now)
		if got := fmt.Sprint(u.Suppliers); got != tc.sup {
			t.Errorf("%q: suppliers %s, want %s", tc.q, got, tc.sup)
		}
		if got := fmt.Sprint(u.Recipients); got != tc.rec {
			t.Errorf("%q: recipients %s, want %s", tc.q, got, tc.rec)
		}
	}
}
