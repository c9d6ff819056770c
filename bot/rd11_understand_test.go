package bot

import (
	"fmt"
	"testing"
	"time"
)

// A country a question builds "with" is the partner whose design is built:
// "Will Kenya jointly produce trucks with Turkey?" asks about Turkey's
// licence to Kenya; a plain "build" question keeps the builder's own side.
func TestUnderstandBuildWithPartner(t *testing.T) {
	now := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ q, sup, rec string }{
		{"Will Kenya jointly produce armoured trucks with Turkey?", "[Turkey]", "[Kenya]"},
		{"Does Egypt build howitzers together with South Korea?", "[South Korea]", "[Egypt]"},
		{"Does Egypt build its own howitzers?", "[Egypt]", "[]"},
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
