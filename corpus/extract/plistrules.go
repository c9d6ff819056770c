package extract

// Rules of the plist probe round: lists, coordination and several parties.

// gapDeterminer reports whether w may stand between a gapped conjunct's
// country and its weapon: "Russia delivered the Su-30MKA fighters to
// Algeria in 2019, and China the VT-4 tanks to Nigeria in 2020" leaves
// "delivered" out after China.
func gapDeterminer(w string) bool {
	return w == "the"
}

// controlVerbs make their object the subject of the infinitive after it:
// "prompted Finland and Sweden to join NATO and buy more arms".
var controlVerbs = words("prompted prompt prompts prompting led pushed forced force encouraged urged persuaded convinced allowed enabled spurred drove compelled")

// controlledSubject returns the country list that an object-control verb
// before clause ci makes the subject of the infinitive coordinated into
// ci ("Russia's war has prompted Finland and Sweden to join NATO and buy
// arms from the United States": Finland and Sweden buy, not Russia), or -1.
func (a *analysis) controlledSubject(ci int) int {
	if ci == 0 {
		return -1
	}
	c := &a.clauses[ci]
	p := &a.clauses[ci-1]
	for t := p.ts; t+2 < c.ts; t++ {
		if !controlVerbs[a.toks[t].w] {
			continue
		}
		s := t + 1
		if a.toks[s].w == "the" {
			s++
		}
		li := a.listAt[s]
		if li < 0 || a.lists[li].ti != s || a.lists[li].prep != "" || len(a.lists[li].members) == 0 {
			continue
		}
		if e := a.lists[li].tj; e < c.ts && a.toks[e].w == "to" {
			return li
		}
	}
	return -1
}

// markPlist drops or weakens the triggers of this round's non-transfers.
func (a *analysis) markPlist() {
	a.markApprovedSameSale()
}

// markApprovedSameSale drops "the sale" (or deal, transfer) that an
// approval verb governs when it names no goods or parties of its own and a
// transfer verb before it in the sentence has already stated the sale:
// "Argentina bought 24 F-16s from Denmark, as Britain and the United
// States approved the sale" - the approvers consent to Denmark's sale,
// they sell nothing.
func (a *analysis) markApprovedSameSale() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if !tr.noun || tr.drop || tr.ti == 0 || toks[tr.ti-1].w != "the" || !a.approvalBefore(tr.ti) {
			continue
		}
		if tr.tj < len(toks) {
			switch toks[tr.tj].w {
			case "of", "to", "for", "with":
				continue // "approved the sale of K9s to Egypt": its own goods
			}
		}
		for m := range a.trigs {
			if p := &a.trigs[m]; m != k && !p.noun && !p.drop && p.tj <= tr.ti {
				tr.drop = true
				break
			}
		}
	}
}
