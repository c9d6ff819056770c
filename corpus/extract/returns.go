package extract

// repairWords after a return make it a trip for work on the equipment:
// "returned to Russia for overhaul".
var repairWords = words("repair repairs overhaul overhauls overhauling maintenance modernisation modernization " +
	"upgrade upgrades upgrading servicing refurbishment refit repaired overhauled upgraded serviced refurbished")

// forRepair reports whether frame f's clause says the goods went for work
// on them, not to a new owner.
func (a *analysis) forRepair(f *frame) bool {
	c := &a.clauses[f.clause]
	for t := f.tj; t < c.te; t++ {
		if repairWords[a.toks[t].w] {
			return true
		}
	}
	return false
}

// returnRoles reads a return of equipment to the country it came from:
// "Seven Black Hawk helicopters have been returned to the United States",
// "Pakistan returned the four Mi-17s to the United States". The country
// after "to" receives; the holder hands back: the agent of a passive ("by
// Uzbekistan"), the subject of an active verb, else (passive only) a side
// taken from the context. Neither the weapon's maker nor an origin word
// supplies a return: the maker is usually the one it goes back to. An
// active return without a country subject ("77 helicopters are returning
// to the US") is the equipment's own journey and gives nothing, and so
// does a return to no country ("returned to service").
func (r *roleReader) returnRoles() {
	r.add(&r.recs, r.byPrep(r.after, "to"), nil)
	if len(r.recs) == 0 || r.a.forRepair(r.f) {
		r.recs = nil
		return
	}
	if r.tr.passive {
		r.add(&r.sups, r.byPrep(r.after, "by", "from"), r.recs)
		return
	}
	if r.subject >= 0 && r.a.lists[r.subject].pron == "" {
		r.add(&r.sups, r.one(r.subject), r.recs)
	}
	if len(r.sups) == 0 {
		r.recs = nil // no one hands it back
	}
}
