package bot

import "testing"

// TestConfirmsNeedsAgreeingEvidence checks what confirms a deal read only
// from context: the same system stated for the pair, or the pair stated
// and the system's known origin being the supplier, or for a deal that
// names no system the pair stated.
func TestConfirmsNeedsAgreeingEvidence(t *testing.T) {
	stated := func(sup, rec, system, category string, status Status) RelationHit {
		return RelationHit{Relation: Relation{Supplier: sup, Recipient: rec, System: system, Category: category, Status: status}}
	}
	cf := newConfirmations()
	for _, h := range []RelationHit{
		stated("South Korea", "Kazakhstan", "", "Ships", StatusDelivered),
		stated("Russia", "Kazakhstan", "MiG-29", "Aircraft", StatusDelivered),
		stated("Belarus", "Kazakhstan", "Su-30SM", "Aircraft", StatusDelivered),
		stated("Iran", "Kazakhstan", "", "Aircraft", StatusPlanned),
	} {
		cf.note(h)
	}
	var inferred RelationHit
	inferred.Inferred = true
	inferred.Supplier, inferred.Recipient, inferred.Status = "Germany", "Kazakhstan", StatusDelivered
	cf.note(inferred) // read from context: confirms nothing

	for _, c := range []struct {
		sup, system string
		status      Status
		want        bool
	}{
		{"Russia", "Su-30SM", StatusDelivered, true},            // pair stated, origin agrees
		{"South Korea", "Su-30SM", StatusDelivered, false},      // pair stated, but the Su-30SM is Russian
		{"South Korea", "", StatusDelivered, true},              // no system: the pair is enough
		{"South Korea", "Sea Dragon 9", StatusDelivered, false}, // a system of unknown origin needs its own statement
		{"Belarus", "Su-30SM", StatusDelivered, true},           // the same system stated: a re-export the text states
		{"Iran", "", StatusDelivered, false},                    // only talks stated: no supply confirmed
		{"Iran", "", StatusPlanned, true},
		{"Germany", "H145", StatusDelivered, false}, // only read from context elsewhere
		{"China", "", StatusDelivered, false},
	} {
		l := &line{supplier: c.sup, recipient: "Kazakhstan", system: c.system, category: "Aircraft", status: c.status,
			key: systemKey(Relation{System: c.system, Category: "Aircraft"})}
		if got := cf.confirms(l); got != c.want {
			t.Errorf("confirms(%s %q %s) = %v, want %v", c.sup, c.system, c.status, got, c.want)
		}
	}
}
