package extract

// counterfactuals open a stretch of a sentence that names an alternative,
// not a transfer: "instead of relying on purchases from Russia", "an
// alternative to Russian arms", "rather than Turkish ones".
var counterfactuals = newPhraseSet[bool]()

// components open a stretch that names parts fitted to the weapon just
// named: "fitted with Russian BPPU turrets and US Cummins engines". The
// parts' makers supply the host's maker, not its buyer.
var components = newPhraseSet[bool]()

// afterWeapon are component phrases only right after a weapon ("vehicles
// armed with Russian guns"; "Kazakhstan was equipped with" is a supply).
var afterWeapon = newPhraseSet[bool]()

func init() {
	counterfactuals.add("instead of|rather than|alternative to|alternatives to|in place of|as opposed to", true)
	components.add("fitted with|powered by|fitted out with", true)
	afterWeapon.add("equipped with|armed with", true)
}

// markCounterfactuals drops the triggers, weapons and countries from a
// counterfactual phrase, or a component phrase after a weapon, to the next
// comma, semicolon or the sentence's end: what a country might have bought
// instead is no supply relation, and a part's origin is not the supplier of
// the weapon's buyer.
func (a *analysis) markCounterfactuals() {
	toks := a.toks
	a.markUnknownParties()
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
		if n == 0 {
			n = a.componentAt(i)
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

// componentAt returns the length of a component phrase at token i, 0 if
// none: "fitted with", "powered by", "vehicles equipped with", and "with
// MAN diesel engines from Germany" after a weapon (an engine or sensor
// from elsewhere).
func (a *analysis) componentAt(i int) int {
	toks := a.toks
	if _, n := components.match(toks, i); n > 0 {
		return n
	}
	afterItem := i > 0 && a.itemAt[i-1] >= 0 || i > 1 && a.itemAt[i-2] >= 0 && toks[i-1].w == ","
	if !afterItem {
		return 0
	}
	if _, n := afterWeapon.match(toks, i); n > 0 {
		return n
	}
	if toks[i].w != "with" || i+1 >= len(toks) {
		return 0
	}
	// "with" + a part + "from".
	for j := i + 1; j < len(toks) && j < i+7; j++ {
		if toks[j].w == "from" && a.itemAt[j-1] >= 0 && partCategory(a.items[a.itemAt[j-1]].category) {
			return 1
		}
	}
	return 0
}

// partCategory reports whether a weapon category names parts fitted to
// other weapons.
func partCategory(cat string) bool {
	return cat == "Engines" || cat == "Sensors"
}

// unknownWords before a party noun say the text does not name the party:
// "an unknown supplier delivered four An-2".
var unknownWords = words("unknown unnamed unidentified undisclosed anonymous")

var partyNouns = words("supplier suppliers seller sellers buyer buyers customer customers recipient country countries")

// markUnknownParties drops the triggers right after an unnamed party
// ("an unknown supplier delivered ..."): a side taken from elsewhere would
// name who the text says is unknown.
func (a *analysis) markUnknownParties() {
	toks := a.toks
	// "Poland is now able to equip itself": a country arming itself.
	for k := range a.trigs {
		if tj := a.trigs[k].tj; tj < len(toks) && (toks[tj].w == "itself" || toks[tj].w == "themselves") {
			a.trigs[k].drop = true
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		if !unknownWords[toks[i].w] || !partyNouns[toks[i+1].w] {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+4; j++ {
			if k := a.trigAt[j]; k >= 0 {
				a.trigs[k].drop = true
			}
		}
	}
}
