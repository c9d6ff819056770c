package extract

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Rules of the pnoun probe round: transfers named by noun phrases and
// their modifiers ("the sale of X to Y", "the Qatari purchase of",
// "Hungary's German-made tanks arrived").

// markPnoun drops this round's non-parties.
func (a *analysis) markPnoun() {
	a.markReactionFrom()
}

// reactionFromHeads are the nouns of a reaction whose "from" names who
// reacted, not a seller: "prompting an angry response from Beijing",
// "drew criticism from Moscow".
var reactionFromHeads = words("response responses reaction reactions criticism condemnation protest protests " +
	"objection objections warning warnings rebuke rebukes anger outcry complaint complaints backlash " +
	"retaliation threats threat opposition denunciation")

// markReactionFrom drops the countries after "<reaction> from": "The sale
// of Harpoon missiles to Taiwan was approved, prompting an angry response
// from Beijing" names no Chinese supply; the seller is left to the
// context.
func (a *analysis) markReactionFrom() {
	toks := a.toks
	prev := -1 // the last actor dropped, for "from Beijing and Moscow"
	for m := range a.actors {
		ac := &a.actors[m]
		j := ac.ti - 1
		if prev >= 0 && j >= 0 && (toks[j].w == "and" || toks[j].w == "or") && a.actors[prev].tj == j {
			ac.drop, prev = true, m
			continue
		}
		for j >= 0 && articles[toks[j].w] {
			j--
		}
		if j < 1 || toks[j].w != "from" || !reactionFromHeads[toks[j-1].w] {
			continue
		}
		ac.drop, prev = true, m
	}
}

// buyerNouns name a purchase: a demonym or possessive before one is the
// buyer, never the seller ("The Qatari purchase of German Leopard 2
// tanks"), unlike a deal ("Russian deals with Kazakhstan").
var buyerNouns = words("purchase purchases acquisition acquisitions procurement procurements buy imports")

// buyerNoun reports whether frame f's trigger is a noun of purchase.
func (a *analysis) buyerNoun(f *frame) bool {
	tr := &a.trigs[f.t]
	return tr.noun && tr.tj == tr.ti+1 && buyerNouns[a.toks[tr.ti].w]
}

// possessorRecipient reads the possessor of goods named with their origin
// as the subject of a passive delivery as their recipient: "Hungary's
// German-made Leopard 2A7 tanks arrived in 2023", "Nigeria's US-built A-29
// Super Tucanos were delivered in 2021". The noun phrase must open its
// clause and hold nothing but the possessor, origin words and the goods;
// the possessor must not be the supplier.
func (a *analysis) possessorRecipient(f *frame, items []int, sups, recs []roleParty) []roleParty {
	if !a.possessorRecipientApplies(f, items, sups, recs) {
		return recs
	}
	j := a.skipAuxiliariesBack(a.trigs[f.t].ti - 1)
	j, ok := a.goodsWithOriginBack(j, items)
	if !ok || j < 1 {
		return recs
	}
	p := a.possessorEndingAt(j)
	if p < 0 || !a.singleCountryPossessor(p) || !a.opensItsClause(f, p) ||
		suppliedBy(sups, a.actors[p].countries[0]) {
		return recs
	}
	return append(recs, roleParty{party: party{countries: a.actors[p].countries, pos: a.actors[p].ti}, li: -1, it: -1})
}

// possessorRecipientApplies reports whether frame f may take a possessor
// as its recipient: a verb of delivery toward the subject, passive or of
// arrival, not negated or denied, with goods and a supplier but no
// recipient yet.
func (a *analysis) possessorRecipientApplies(f *frame, items []int, sups, recs []roleParty) bool {
	tr := &a.trigs[f.t]
	if len(recs) > 0 || len(sups) == 0 || len(items) == 0 || f.neg || f.denied {
		return false
	}
	if tr.noun || tr.spec.dir != dirS {
		return false
	}
	return tr.passive || pnounArrivals[a.toks[tr.ti].w]
}

// pnounAuxiliaries may stand between delivered goods and their verb,
// besides the forms of "be": "have finally arrived".
var pnounAuxiliaries = words("have has had first later finally")

// skipAuxiliariesBack returns the first token at or before j that is no
// auxiliary (-1 if none is left).
func (a *analysis) skipAuxiliariesBack(j int) int {
	for j >= 0 && (beForms[a.toks[j].w] || pnounAuxiliaries[a.toks[j].w]) {
		j--
	}
	return j
}

// pnounGoodsFillers may stand among goods and their origins besides
// numbers and "made" words: "German-made new Type 212 class submarines".
var pnounGoodsFillers = words("- new first class")

// isGoodsFiller reports whether w may stand among goods and their origins.
func isGoodsFiller(w string) bool {
	return pnounGoodsFillers[w] || madeWords[w] || isNumber(w)
}

// goodsWithOriginBack walks back from j over the frame's goods, their
// origins and filler words, and returns the first token before them (-1
// if none is left). ok is false unless it passed both goods and an
// origin, and false if it met goods not among items.
func (a *analysis) goodsWithOriginBack(j int, items []int) (at int, ok bool) {
	sawItem, sawOrigin := false, false
	for ; j >= 0; j-- {
		switch {
		case a.itemAt[j] >= 0:
			if !slices.Contains(items, a.itemAt[j]) {
				return j, false
			}
			sawItem = true
		case a.actorAt[j] >= 0 && a.actors[a.actorAt[j]].origin >= 0:
			sawOrigin = true
		case isGoodsFiller(a.toks[j].w):
		default:
			return j, sawItem && sawOrigin
		}
	}
	return j, sawItem && sawOrigin
}

// pnounApostrophes are the marks of a possessive.
var pnounApostrophes = words("' ’")

// possessorEndingAt returns the possessive actor whose possessive ends at
// token j (j >= 1), or -1: "Hungary 's" (the actor marked possessive) or
// "The Philippines '".
func (a *analysis) possessorEndingAt(j int) int {
	toks := a.toks
	switch {
	case j >= 2 && toks[j].w == "s" && pnounApostrophes[toks[j-1].w]:
		if p := a.actorAt[j-2]; p >= 0 && a.actors[p].poss {
			return p
		}
		return -1
	case pnounApostrophes[toks[j].w] && strings.HasSuffix(toks[j-1].w, "s"):
		return a.actorAt[j-1] // "The Philippines' South Korean-built FA-50 jets"
	}
	return -1
}

// singleCountryPossessor reports whether actor p may be a recipient: a
// kept mention of one country by name, not an organisation or demonym.
func (a *analysis) singleCountryPossessor(p int) bool {
	ac := &a.actors[p]
	return !ac.drop && !ac.org && len(ac.countries) == 1 && ac.kind != gazetteer.DemonymMention
}

// opensItsClause reports whether the noun phrase of possessor p (with
// its "the") opens frame f's clause, the sentence, or follows a comma
// after a fronted phrase.
func (a *analysis) opensItsClause(f *frame, p int) bool {
	s := a.actors[p].ti
	if s > 0 && a.toks[s-1].w == "the" {
		s-- // "The Netherlands' US-built F-35 jets"
	}
	return s == 0 || s == a.clauses[f.clause].ts || a.toks[s-1].w == ","
}

// suppliedBy reports whether any supplier in sups names country c.
func suppliedBy(sups []roleParty, c string) bool {
	for _, sp := range sups {
		if slices.Contains(sp.countries, c) {
			return true
		}
	}
	return false
}

// pnounForces end the name of an armed service: "of the Indian Navy".
var pnounForces = words("navy army force forces guard marines")

// pnounArrivals say goods came without a passive: "arrived in 2023".
var pnounArrivals = words("arrived arrive arrives arriving")

// isNumber reports whether w is written in digits.
func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// pnounFrames adjusts frame statuses once every frame has its own.
func (a *analysis) pnounFrames() {
	a.appositionStatus()
	a.pendingPredicate()
}

// pendingHeads after "under" leave a transfer undecided: "is under
// discussion".
var pendingHeads = words("discussion consideration negotiation negotiations review study evaluation")

// clearanceWords are what a transfer that "awaits" them still needs.
var clearanceWords = words("approval approvals clearance authorisation authorization sign-off ratification consent")

// startWords after "will" put a delivery still to come: "will begin in 2024".
var startWords = words("begin start commence resume")

// pendingPredicate reads the predicate of a transfer noun phrase that says
// the transfer has not happened yet: "The transfer of ex-Italian frigates
// to the Philippines is under discussion" and "Israel's sale of Arrow 3
// systems to Germany, worth 4 billion euros, awaits final approval" are
// plans; "The delivery of eight Chinese-built submarines to Pakistan will
// begin in 2024" is a delivery still to come (ordered). The predicate is
// the first verb after the noun phrase (asides between commas skipped),
// within 20 words.
func (a *analysis) pendingPredicate() {
	for _, f := range a.frames {
		if a.settledNounFrame(f) {
			a.readPendingPredicate(f)
		}
	}
}

// predicateStops end the search for a predicate: the sentence or clause
// ends, or a relative clause opens inside the noun phrase.
var predicateStops = words(". ; which that who")

// awaitForms name what a transfer still waits for: "awaits final approval".
var awaitForms = words("await awaits awaiting")

// predicateAuxiliaries open a predicate that says nothing of a pending
// transfer: "has been", "would".
var predicateAuxiliaries = words("has have had would")

// readPendingPredicate finds the predicate of noun frame f's noun phrase
// (the first verb within 20 words after it) and sets f's status when it
// says the transfer is planned or still to come.
func (a *analysis) readPendingPredicate(f *frame) {
	toks := a.toks
	for j := f.tj; j < len(toks)-2 && j < f.tj+20; j++ {
		w := toks[j].w
		switch {
		case predicateStops[w]:
			return
		case awaitForms[w]:
			if a.awaitsClearance(j) {
				f.status = bot.StatusPlanned
			}
			return
		case a.trigAt[j] >= 0 && a.trigAt[j] != f.t:
			return
		case beForms[w]:
			if toks[j+1].w == "under" && pendingHeads[toks[j+2].w] {
				f.status = bot.StatusPlanned // "is under discussion"
			}
			return
		case w == "will":
			if a.startsLater(f, j) {
				f.status = bot.StatusOrdered
			}
			return
		case predicateAuxiliaries[w]:
			return
		}
	}
}

// awaitsClearance reports whether a clearance word follows the "await"
// at j within three words: "awaits final approval".
func (a *analysis) awaitsClearance(j int) bool {
	for k := j + 1; k < len(a.toks) && k <= j+3; k++ {
		if clearanceWords[a.toks[k].w] {
			return true
		}
	}
	return false
}

// startsLater reports whether the "will" at j puts delivered frame f
// still to come: "will begin in 2024" of a delivery toward the subject.
func (a *analysis) startsLater(f *frame, j int) bool {
	return f.status == bot.StatusDelivered && a.trigs[f.t].spec.dir == dirS && startWords[a.toks[j+1].w]
}

// appositionCues are the participles that, opening an aside right after a
// transfer noun phrase, give the transfer's stage: "The sale of 40 F-16
// jets to Turkey, approved by Congress in January, ...".
var appositionCues = map[string]bot.Status{
	"approved": bot.StatusPlanned, "cleared": bot.StatusPlanned, "proposed": bot.StatusPlanned,
	"offered": bot.StatusPlanned, "requested": bot.StatusPlanned, "mooted": bot.StatusPlanned,
	"signed": bot.StatusOrdered, "agreed": bot.StatusOrdered, "ordered": bot.StatusOrdered,
	"contracted": bot.StatusOrdered,
	"cancelled":  bot.StatusCancelled, "canceled": bot.StatusCancelled, "scrapped": bot.StatusCancelled,
	"blocked": bot.StatusCancelled, "suspended": bot.StatusCancelled, "vetoed": bot.StatusCancelled,
	"halted": bot.StatusCancelled, "frozen": bot.StatusCancelled,
}

// appositionStatus reads the stage of a bare transfer noun ("the sale of
// ... to ...", read as delivered) from a participle that opens the aside
// right after its noun phrase: ", approved by the US Congress," plans;
// ", signed in 2019," orders; ", blocked by the Senate," cancels. The
// noun phrase must run from the noun to the comma with no verb or other
// transfer word.
func (a *analysis) appositionStatus() {
	toks := a.toks
	for _, f := range a.frames {
		if !a.settledNounFrame(f) {
			continue
		}
		for j := f.tj; j < len(toks)-1 && j < f.tj+14; j++ {
			w := toks[j].w
			if k := a.trigAt[j]; k >= 0 && k != f.t || beForms[w] || w == "has" || w == "have" || w == "had" ||
				w == "will" || w == "would" || w == ";" || w == "." || w == "which" || w == "that" {
				break
			}
			if w != "," {
				continue
			}
			st, ok := appositionCues[toks[j+1].w]
			if ok && (st == bot.StatusCancelled || f.status == bot.StatusDelivered) {
				f.status = st
			}
			break
		}
	}
}

// underConstructionAfter reports whether the weapon x is followed by
// "is/are (still) being built/constructed/assembled/fitted out": "A
// Russian-designed Project 22160 patrol ship is being built for Algeria"
// is on order, not held.
func (a *analysis) underConstructionAfter(x *item) bool {
	toks := a.toks
	j := x.tj
	if j < len(toks) && toks[j].w == "of" {
		// "The French-designed Scorpene submarines of the Indian Navy are being built"
		k := j + 1
		for k < len(toks) && k <= j+5 && (toks[k].w == "the" || a.actorAt[k] >= 0 || pnounForces[toks[k].w]) {
			k++
		}
		if k == j+1 || !pnounForces[toks[k-1].w] {
			return false
		}
		j = k
	}
	if j+2 >= len(toks) || !beForms[toks[j].w] || toks[j].w == "being" {
		return false
	}
	j++
	if toks[j].w == "still" || toks[j].w == "now" {
		j++
	}
	if j+1 >= len(toks) || toks[j].w != "being" {
		return false
	}
	w := toks[j+1].w
	return localBuildWords[w] || w == "constructed" || w == "fitted" || w == "completed"
}

// capturedBy reports whether the combat word at j is a reduced passive
// right after a weapon with its doer: "Russian-made tanks captured by
// Ukraine were displayed in Kyiv" names war booty, not a supply.
func (a *analysis) capturedBy(j int) bool {
	return j >= 1 && j+1 < len(a.toks) && a.itemAt[j-1] >= 0 && a.toks[j+1].w == "by"
}

// Manner adverbs between "was" and a participle do not hide the
// predicate of a transfer noun: "the deal ... was quietly abandoned".
func init() {
	for _, w := range []string{"quietly", "effectively", "ultimately", "abruptly", "suddenly", "unexpectedly"} {
		adverbs[w] = true
	}
}

// settledNounFrame reports whether f is a transfer noun's frame read as a
// delivery or an order, neither denied nor negated: the frames whose stage
// a predicate or an aside after the noun phrase may still lower.
func (a *analysis) settledNounFrame(f *frame) bool {
	return a.trigs[f.t].noun && !f.denied && !f.neg && f.status != bot.StatusCancelled && f.status != bot.StatusPlanned
}
