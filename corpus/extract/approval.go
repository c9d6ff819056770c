package extract

import "slices"

// approvalWords name a government's approval of a sale.
var approvalWords = words("approve approves approved approval approving authorise authorises authorised authorize " +
	"authorizes authorized clear clears cleared greenlit greenlights greenlighted endorsed endorses")

// ownStockWords before or in the goods say the approver sells what it
// holds: "its surplus F-16s", "their own", "second-hand".
var ownStockWords = words("its their own surplus second-hand secondhand used ex refurbished")

// approvedForeignSale reads an approval of a sale of another country's
// weapon: "The State Department approved the sale of K9 howitzers to
// Egypt" (a K9 is South Korean). The approving government is the seller
// only when the goods are its own (the lexicon's maker, or its own stock:
// "the sale of its surplus F-16s"); otherwise it only consents (a re-export
// or a component licence). ok reports whether the frame is such an
// approval; maker is then the weapon's maker when the sentence names it
// ("South Korean-built K9s"), the seller to read instead, else "". Only a
// sale counts: "approved the transfer of K9s to Ukraine" is a government
// handing over its own stock.
func (a *analysis) approvedForeignSale(f *frame, items []int, sups []roleParty) (maker string, ok bool) {
	tr := &a.trigs[f.t]
	if w := a.toks[tr.ti].w; w != "sale" && w != "sales" {
		return "", false // "approved the transfer of K9s": a government hands over its own stock
	}
	if !tr.noun || f.spec.dir != dirS || f.spec.light || len(sups) != 1 || len(sups[0].countries) != 1 || !a.approvalBefore(tr.ti) {
		return "", false
	}
	approver := sups[0].countries[0]
	for _, it := range items {
		m := madeIn(a.items[it].canon)
		if len(m) == 0 || m[0] == approver {
			return "", false
		}
		if maker != "" && maker != m[0] {
			return "", false
		}
		maker = m[0]
	}
	if maker == "" {
		return "", false
	}
	for t := f.readFrom; t < f.readTo; t++ {
		if ownStockWords[a.toks[t].w] {
			return "", false
		}
	}
	if !slices.Contains(a.ex.countriesIn(a.text), maker) {
		maker = ""
	}
	return maker, true
}

// approvalBefore reports whether an approval word governs the noun at t:
// "approved the (possible) sale of".
func (a *analysis) approvalBefore(t int) bool {
	for j, n := t-1, 0; j >= 0 && n < 4; j, n = j-1, n+1 {
		w := a.toks[j].w
		if approvalWords[w] {
			return true
		}
		switch w {
		case "the", "a", "an", "possible", "potential", "proposed", "planned", "of":
			continue
		}
		return false
	}
	return false
}
