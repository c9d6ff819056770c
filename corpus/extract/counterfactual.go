package extract

// counterfactuals open a stretch of a sentence that names an alternative,
// not a transfer: "instead of relying on purchases from Russia", "an
// alternative to Russian arms", "rather than Turkish ones".
var counterfactuals = newPhraseSet[bool]()

// components open a stretch that names parts fitted to the weapon just
// named: "fitted with Russian BPPU turrets and US Cummins engines". The
// parts' makers supply the host's maker, not its buyer.
var components = newPhraseSet[bool]()

func init() {
	counterfactuals.add("instead of|rather than|alternative to|alternatives to|in place of|as opposed to", true)
	components.add("fitted with|equipped with|powered by|armed with|fitted out with|with engines from", true)
}

// markCounterfactuals drops the triggers, weapons and countries from a
// counterfactual phrase, or a component phrase after a weapon, to the next
// comma, semicolon or the sentence's end: what a country might have bought
// instead is no supply relation, and a part's origin is not the supplier of
// the weapon's buyer.
func (a *analysis) markCounterfactuals() {
	toks := a.toks
	// "The United States does not appear as a direct supplier": a negated
	// role noun states no supply.
	for k := range a.trigs {
		tr := &a.trigs[k]
		if !tr.noun || tr.spec.sp != spSupplier {
			continue
		}
		for j := tr.ti - 1; j >= 0 && j >= tr.ti-6 && toks[j].w != ","; j-- {
			if toks[j].w == "not" || toks[j].w == "never" {
				tr.drop = true
			}
		}
	}
	for i := 0; i < len(toks); i++ {
		_, n := counterfactuals.match(toks, i)
		if n == 0 && i > 0 && a.itemAt[i-1] >= 0 || n == 0 && i > 1 && a.itemAt[i-2] >= 0 && toks[i-1].w == "," {
			_, n = components.match(toks, i) // only right after a weapon
		}
		if n == 0 {
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
