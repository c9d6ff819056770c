package extract

// abilityNouns name a capacity: the infinitive they govern states what a
// country could do, not a transfer ("extra capacity to provide military
// aid to Kyiv", "the means to send more tanks").
var abilityNouns = words("capacity capability capabilities ability abilities means room leeway wherewithal")

// dropAbilityInfinitives drops the transfer verbs that such a noun
// governs through "to", with at most one word between ("the capacity to
// supply", "the industrial capacity needed to supply"), and a transfer
// noun that is their object.
func (a *analysis) dropAbilityInfinitives() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.noun || tr.ti < 2 || toks[tr.ti-1].w != "to" {
			continue
		}
		if abilityNouns[toks[tr.ti-2].w] || tr.ti >= 3 && abilityNouns[toks[tr.ti-3].w] && toks[tr.ti-2].word {
			tr.drop = true
			a.dropObjectNoun(tr.tj)
		}
	}
}

// dropObjectNoun drops a transfer noun that opens the object of a dropped
// verb ending at t: "to provide military aid to Kyiv".
func (a *analysis) dropObjectNoun(t int) {
	for j := t; j < len(a.toks) && j < t+4; j++ {
		if k := a.trigAt[j]; k >= 0 {
			if a.trigs[k].noun {
				a.trigs[k].drop = true
			}
			return
		}
	}
}
