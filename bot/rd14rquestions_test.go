package bot

import (
	"slices"
	"testing"
	"time"
)

// A named system followed by an ammunition word asks about rounds for it,
// not the system: "the Leopard tank shells" is ammunition (Other), no
// Leopard 2; the system alone stays the system.
func TestAmmunitionForSystem(t *testing.T) {
	now := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, q := range []string{
		"What became of the Leopard tank shells Germany wanted from Brazil?",
		"Did Spain send Patriot rounds to Ukraine?",
		"Who sold Gepard ammunition to Qatar?",
	} {
		u := Understand(q, now)
		if u.System != "" || !slices.Contains(u.Categories, "Other") || !slices.Contains(u.Kinds, "ammunition") {
			t.Errorf("%q: system %q categories %v kinds %v, want ammunition (Other) and no system", q, u.System, u.Categories, u.Kinds)
		}
	}
	u := Understand("Did Germany send Leopard tanks to Ukraine?", now)
	if u.System != "Leopard 2" {
		t.Errorf("the tank itself: system %q, want Leopard 2", u.System)
	}
}
