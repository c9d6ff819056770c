package extract

// counterfactuals open a stretch of a sentence that names an alternative,
// not a transfer: "instead of relying on purchases from Russia", "an
// alternative to Russian arms", "rather than Turkish ones".
var counterfactuals = newPhraseSet[bool]()

func init() {
	counterfactuals.add("instead of|rather than|alternative to|alternatives to|in place of|as opposed to", true)
}

// markCounterfactuals drops the triggers, weapons and countries from a
// counterfactual phrase to the next comma, semicolon or the sentence's
// end: what a country might have bought instead is no supply relation.
func (a *analysis) markCounterfactuals() {
	toks := a.toks
	for i := 0; i < len(toks); i++ {
		if _, n := counterfactuals.match(toks, i); n == 0 {
			continue
		}
		j := i
		for ; j < len(toks) && toks[j].w != "," && toks[j].w != ";"; j++ {
			if k := a.trigAt[j]; k >= 0 {
				a.trigs[k].drop = true
			}
			if k := a.actorAt[j]; k >= 0 {
				a.actors[k].drop = true
			}
			if k := a.itemAt[j]; k >= 0 {
				a.items[k].org = true
			}
		}
		i = j
	}
}
