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
	objections.add("opposition to|objection to|objections to|opposed to|resistance to|opposes|oppose|opposed|opposing|"+
		"objected to|objects to|object to|objecting to", true)
}

// objections name who objects to a sale, not who makes it: "Germany's
// decision to lift its opposition to the sale of Typhoons to Saudi
// Arabia" says nothing of who sells.
var objections = newPhraseSet[bool]()

// markObjectedTransfers drops a nominal transfer that an objection phrase
// governs ("its opposition to the sale of"): the possessor is the
// objector, and the seller is not named by that phrase.
func (a *analysis) markObjectedTransfers() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if !tr.noun {
			continue
		}
		j := tr.ti
		for j > 0 && articles[toks[j-1].w] {
			j--
		}
		for s := j - 1; s >= 0 && s >= j-3; s-- {
			if _, n := objections.match(toks, s); n > 0 && s+n == j {
				tr.drop, tr.objected = true, true
			}
		}
	}
}

// articles are the determiners that may stand between an objection phrase
// and the transfer noun it governs.
var articles = words("the a an any")

// markCounterfactuals drops the triggers, weapons and countries from a
// counterfactual phrase, or a component phrase after a weapon, to the next
// comma, semicolon or the sentence's end: what a country might have bought
// instead is no supply relation, and a part's origin is not the supplier of
// the weapon's buyer.
func (a *analysis) markCounterfactuals() {
	toks := a.toks
	a.markUnknownParties()
	a.markObjectedTransfers()
	a.markAlleged()
	a.markRd5()
	a.markRd6()
	a.markOpponents()
	a.markRd2Doubts()
	a.markRd4Doubts()
	a.markRd9()
	a.markRd14r()
	a.markPnoun()
	a.markPneg()
	a.markPlist()
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
			n = a.inFavourOf(i)
		}
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
	afterItem := i > 0 && a.itemAt[i-1] >= 0 || i > 1 && a.itemAt[i-2] >= 0 && toks[i-1].w == "," ||
		a.itemBeforeYear(i)
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

// itemBeforeYear reports whether a weapon and its year, then a comma, stand
// right before token i: "Survivor-2 APCs in 2011, with MAN diesel engines".
func (a *analysis) itemBeforeYear(i int) bool {
	toks := a.toks
	return i > 3 && toks[i-1].w == "," && isYearTok(toks[i-2]) && toks[i-3].w == "in" && a.itemAt[i-4] >= 0
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

// opponentWords put the country right after them on the other side of a
// fight, not in a transfer: "defeating Pakistan in the 1971 war", "the war
// against Armenia", "fighting the Taliban".
var opponentWords = words("defeating defeated defeat fighting fought invading invaded attacking attacked against")

// markOpponents drops a country named as the opponent in a war or fight
// ("Commemorating 50 years of defeating Pakistan in the 1971 war, India
// gifted ..."): it is no supplier or recipient of what the sentence's
// transfer moves. The country's other mentions are untouched.
func (a *analysis) markOpponents() {
	toks := a.toks
	for i := 0; i+1 < len(toks); i++ {
		if !opponentWords[toks[i].w] {
			continue
		}
		j := i + 1
		if toks[j].w == "the" && j+1 < len(toks) {
			j++
		}
		if k := a.actorAt[j]; k >= 0 && a.actors[k].ti == j {
			a.actors[k].drop = true
		}
	}
}

// allegedWords leave the transfer they qualify in doubt: "Iran's alleged
// supply of drones to Russia", "allegedly supplied".
var allegedWords = words("alleged allegedly purported purportedly rumoured rumored supposed supposedly")

// rumourWords before a transfer make it hearsay the text does not vouch
// for: "unconfirmed reports say", "rumours that".
var rumourWords = words("unconfirmed unverified rumour rumours rumor rumors hearsay")

// markAlleged drops a transfer the text itself calls alleged: the word
// right before the trigger, or before it and its possessor ("Iran's
// alleged supply").
func (a *analysis) markAlleged() {
	claimAt := a.claimThat()
	for k := range a.trigs {
		tr := &a.trigs[k]
		if claimAt >= 0 && tr.ti > claimAt {
			tr.drop = true // "The allegation that Russia had purchased drones from Iran"
		}
		for j := tr.ti - 1; j >= 0 && j >= tr.ti-2; j-- {
			if allegedWords[a.toks[j].w] {
				tr.drop = true
			}
		}
		if a.believedBefore(tr.ti) {
			tr.drop = true // "US officials believe Iran supplied missiles to Russia"
		}
		for j := 0; j < tr.ti; j++ {
			if rumourWords[a.toks[j].w] {
				tr.drop = true // "Unconfirmed reports say Iran has sent drones": a rumour is no delivery
			}
		}
		// "The Uzbek Air Force appears to have placed a second order": the
		// writer infers the deal, the text does not state it.
		for j := tr.ti - 3; j >= 0 && j >= tr.ti-7; j-- {
			if seemWords[a.toks[j].w] && a.toks[j+1].w == "to" && a.toks[j+2].w == "have" {
				tr.drop = true
			}
		}
		// "warned Egypt against buying Su-35s", "argued against selling":
		// advice not to, no transfer.
		if !tr.noun && tr.spec.form == fIng && tr.ti > 0 && a.toks[tr.ti-1].w == "against" {
			tr.drop = true
		}
		// "Algeria may have received Su-57s": a guess about the past, not a
		// plan and not a stated delivery.
		if j := tr.ti - 2; j >= 0 && a.toks[j+1].w == "have" && guessModals[a.toks[j].w] && !tr.noun {
			tr.drop = true
		}
	}
}

// claimThat returns the token after "the allegation that", "claims that"
// when no denial or rejection governs the claim (those are read as denials
// by the status stage), else -1: what follows is a claim the sentence
// reports, not a transfer it states.
func (a *analysis) claimThat() int {
	toks := a.toks
	for n := 0; n+1 < len(toks); n++ {
		if !claimNouns[toks[n].w] || toks[n+1].w != "that" {
			continue
		}
		governed := false
		for j := n - 1; j >= 0 && j >= n-7; j-- {
			if cv, _ := cues.match(toks, j); cv == cueDeny || cv == cueCancel {
				governed = true
			}
		}
		if !governed {
			return n + 1
		}
	}
	return -1
}

// claimNouns report a claim: "the allegation that ...".
var claimNouns = words("allegation allegations accusation accusations claim claims rumour rumours rumor rumors")

// guessModals before "have" and a participle guess at a past event.
var guessModals = words("may might could")

// seemWords before "to have" hedge a past event: "appears to have ordered".
var seemWords = words("appears appear appeared seems seem seemed")

// beliefWords report a belief, a suspicion or an accusation: "officials
// believe Iran supplied", "Iran is suspected of supplying", "Washington
// accused Iran of supplying drones". What follows is someone's claim that
// the text leaves in doubt (the real-text guidelines: unconfirmed), not a
// transfer it states.
var beliefWords = words("believe believes believed suspect suspects suspected speculate speculates speculated " +
	"accuse accuses accused accusing think thinks")

// believedBefore reports whether a belief word stands up to six words
// before token t with no comma, semicolon or colon between.
func (a *analysis) believedBefore(t int) bool {
	for j := t - 1; j >= 0 && j >= t-6; j-- {
		switch w := a.toks[j].w; {
		case w == "," || w == ";" || w == ":":
			return false
		case beliefWords[w]:
			return true
		}
	}
	return false
}

// favourVoters before "in favour of" make it a stance on what follows
// ("voted in favour of the sale"), not the alternative chosen.
var favourVoters = words("voted vote votes voting spoke speaks argued argues ruled rules lobbied lobbies came comes " +
	"is are was were be been being")

// inFavourOf returns the length of "in favour of" (or "in favor of") at
// token i when it names the alternative a buyer chose over what the clause
// cancels or drops: "cancelled its French submarine deal in favour of
// American boats" (the boats are no transfer this sentence states). 0 when
// none, or when the phrase gives a stance: "voted in favour of the sale".
func (a *analysis) inFavourOf(i int) int {
	toks := a.toks
	if i+2 >= len(toks) || toks[i].w != "in" || toks[i+1].w != "favour" && toks[i+1].w != "favor" || toks[i+2].w != "of" {
		return 0
	}
	if i > 0 && favourVoters[toks[i-1].w] {
		return 0
	}
	return 3
}
