package extract

// policyNouns, after a transfer noun, make it a modifier of rules, trade
// or a business, not a transfer: "its arms export guidelines", "export
// controls", "the sales figures", "supply chain". Licences, permits, bans
// and embargoes are read elsewhere (approval.go, hedge.go) and are not
// listed.
var policyNouns = words("guidelines guideline controls control rules rule regulations regulation policy policies " +
	"regime regimes law laws curbs curb restrictions restriction framework principles strategy strategies " +
	"industry industries market markets revenue revenues earnings income figures data statistics volume volumes " +
	"agency agencies office department credit credits financing finance promotion potential opportunities " +
	"ambitions drive push chain chains reform reforms")

// dropAttributiveNouns drops a transfer noun that qualifies one of the
// policyNouns right after it.
func (a *analysis) dropAttributiveNouns() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.noun && tr.tj < len(toks) && policyNouns[toks[tr.tj].w] {
			tr.drop = true
		}
	}
}
