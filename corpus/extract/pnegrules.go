package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot"
)

// Rules of the pneg probe round: negation, modality and attribution in
// arms-transfer reporting, read from probe sentences in our own words
// (gold s3101 on). Each rule only lowers or removes what another rule
// read: a question, an unverified claim or a counterfactual states no
// transfer, and a transfer that "never happened" did not go ahead.

// questionAux are the words that open a yes/no question: "Will Ankara
// sell ...?", "Did Russia deliver ...?", "Has Turkey sold ...?".
var questionAux = words("will would could can did does do has have had is are was were should shall might may")

// pnegFilter applies the round's sentence-level rules to the relations read
// from one sentence: a question states no transfer, a sentence that does
// not assert its transfer keeps none delivered or ordered, and the other
// rules lower or re-read the status of what is left.
func (a *analysis) pnegFilter(rels []relation) []relation {
	if len(rels) == 0 {
		return rels
	}
	if a.yesNoQuestion() {
		return nil // "Did Russia deliver S-400 systems to Iran?": asked, not stated
	}
	inv := a.invertedCondition()
	if a.unverifiedClaim() || a.claimNeverHappened() || a.counterfactualOnly() || a.rejectedCharge() || inv == "had" {
		return pnegDrop(rels, isFirmTransfer)
	}
	if inv == "were" || inv == "should" {
		// "Were the deal to go ahead, Vietnam would receive ..."
		pnegRelabel(rels, lowerToPlanned, bot.StatusOrdered, bot.StatusDelivered)
	}
	if a.thirdCountry() {
		rels = pnegDrop(rels, hasContextParty)
	}
	if a.hopedWill() {
		// "hopes that the United States will donate patrol boats"
		pnegRelabel(rels, lowerToPlanned, bot.StatusOrdered)
	}
	if a.thoughtToHave() {
		rels = pnegDrop(rels, isFirmTransfer)
	}
	if a.notRuledOut() {
		// "did not rule out buying": a possibility
		pnegRelabel(rels, reopenAsPlanned, bot.StatusCancelled)
	}
	a.applyNegatedTiming(rels)
	if a.wouldBecomeOperator() {
		// "would become the first operator of the Gripen E if it buys"
		pnegRelabel(rels, lowerToPlanned, bot.StatusDelivered, bot.StatusOrdered)
	}
	if a.neverHappened() {
		pnegRelabel(rels, cancelTransfer, bot.StatusOrdered, bot.StatusPlanned)
	}
	if a.signingPutOff() {
		// "postponed the signing of a contract with Elbit": no contract yet
		pnegRelabel(rels, lowerToPlanned, bot.StatusOrdered)
	}
	return rels
}

// claimNeverHappened reports whether the sentence says of a reported
// claim that it never came true: "Reports that Chile would sell tanks to
// Ecuador never materialized." Such a claim is no order or delivery.
func (a *analysis) claimNeverHappened() bool {
	return a.claimThen(neverHappenedPhrases)
}

// putOffWords put off a step of a deal.
var putOffWords = words("postpone postpones postponed postponing delay delays delayed delaying defer defers deferred deferring")

// signingPutOff reports whether the sentence puts off the signing of the
// contract it names ("postponed the signing of a contract", "delayed
// signing the deal"): the deal is not yet an order.
func (a *analysis) signingPutOff() bool {
	toks := a.toks
	for j := range toks {
		if !putOffWords[toks[j].w] {
			continue
		}
		for k := j + 1; k < len(toks) && k <= j+3; k++ {
			if toks[k].w == "signing" || toks[k].w == "signature" {
				return true
			}
			if toks[k].w != "the" && toks[k].w != "its" && toks[k].w != "again" && toks[k].w != "further" {
				break
			}
		}
	}
	return false
}

// applyNegatedTiming re-reads a negated transfer whose negation governs a
// timing phrase (see negatedTiming): "will not receive the jets before
// 2028" is late, not cancelled; "did not deliver the tanks until 2023" is
// delivered, in 2023.
func (a *analysis) applyNegatedTiming(rels []relation) {
	switch a.negatedTiming() {
	case timingWhen:
		pnegRelabel(rels, delayedNotCancelled, bot.StatusCancelled)
	case timingPastUntil:
		pnegRelabel(rels, deliveredLate, bot.StatusCancelled, bot.StatusOrdered)
	}
}

// pnegDrop removes, in place, the relations for which drop holds and
// returns what is left.
func pnegDrop(rels []relation, drop func(relation) bool) []relation {
	out := rels[:0]
	for _, r := range rels {
		if !drop(r) {
			out = append(out, r)
		}
	}
	return out
}

// pnegRelabel calls change on every relation whose status is one of from.
func pnegRelabel(rels []relation, change func(*relation), from ...bot.Status) {
	for i := range rels {
		if slices.Contains(from, rels[i].Status) {
			change(&rels[i])
		}
	}
}

// isFirmTransfer reports whether the relation states a delivery or an
// order, the statuses a sentence that asserts no transfer must not keep.
func isFirmTransfer(r relation) bool {
	return r.Status == bot.StatusDelivered || r.Status == bot.StatusOrdered
}

// hasContextParty reports whether a party of the relation was taken from
// the context rather than read from the sentence.
func hasContextParty(r relation) bool {
	return r.supInferred || r.Inferred
}

// lowerToPlanned makes a delivery or order a plan.
func lowerToPlanned(r *relation) { r.Status = bot.StatusPlanned }

// reopenAsPlanned makes a denied transfer an undenied plan: what a country
// did not rule out is a possibility.
func reopenAsPlanned(r *relation) { r.Status, r.Denied = bot.StatusPlanned, false }

// delayedNotCancelled makes a cancelled transfer an undenied order with no
// year: the negation said when, not whether.
func delayedNotCancelled(r *relation) {
	r.Status, r.Denied, r.Years = bot.StatusOrdered, false, nil
}

// deliveredLate makes a cancelled or ordered transfer an undenied
// delivery; its years are kept.
func deliveredLate(r *relation) { r.Status, r.Denied = bot.StatusDelivered, false }

// cancelTransfer marks a transfer that never went ahead as cancelled.
func cancelTransfer(r *relation) { r.Status = bot.StatusCancelled }

// yesNoQuestion reports whether the sentence is a yes/no question: it
// opens with an auxiliary, has a question mark and no transfer word after
// it ("Will Ankara sell
// KAAN fighters to Indonesia?"). A question asks whether a transfer takes
// place; it states none. A wh-question ("Why did Poland buy K2 tanks?")
// presupposes the transfer and is left to the other rules.
func (a *analysis) yesNoQuestion() bool {
	toks := a.toks
	q := -1
	for j := range toks {
		if toks[j].w == "?" {
			q = j
			break
		}
	}
	if q < 0 {
		return false
	}
	for k := range a.trigs {
		if !a.trigs[k].drop && a.trigs[k].ti > q {
			return false // "Did X buy ...? No, but Y delivered ...": a statement follows
		}
	}
	j := 0
	for j < len(toks) && !toks[j].word {
		j++ // an opening quote
	}
	if a.bodyFrom > 0 {
		for j < len(toks) && toks[j].s < a.bodyFrom {
			j++ // a dateline
		}
		for j < len(toks) && !toks[j].word {
			j++
		}
	}
	return j < len(toks) && questionAux[toks[j].w]
}

// unverifiedPhrases say that the claim the sentence reports was not
// confirmed: "Reports that Iran had delivered Fath-360 missiles to Russia
// could not be verified."
var unverifiedPhrases = newPhraseSet[bool]()

func init() {
	unverifiedPhrases.add("could not be verified|could not be independently verified|could not be confirmed|"+
		"could not be independently confirmed|cannot be verified|cannot be confirmed|cannot be independently verified|"+
		"can not be verified|can not be confirmed|have not been verified|has not been verified|have not been confirmed|"+
		"has not been confirmed|were not verified|was not verified|were not confirmed|was not confirmed|"+
		"remain unconfirmed|remains unconfirmed|remained unconfirmed|remain unverified|remains unverified|"+
		"could not be corroborated|have not been corroborated|has not been corroborated|"+
		"have not been independently verified|has not been independently verified|"+
		"have not been independently confirmed|has not been independently confirmed", true)
	neverHappenedPhrases.add("never happened|never took place|never materialised|never materialized|"+
		"never went ahead|never came about|never came to pass|never went through|fell through|"+
		"never took effect|was never completed|were never completed|was never carried out|never arrived|"+
		"did not go ahead|didn't go ahead|did not materialise|did not materialize|"+
		"did not take place|didn't take place|didn't materialise|didn't materialize|made the deal impossible|"+
		"made the sale impossible|made the purchase impossible|scuppered the deal|scuppered the sale|derailed the deal|"+
		"derailed the sale|killed the deal|killed the sale|collapsed|was abandoned|were abandoned", true)
}

// pnegClaimNouns open the claim an unverified phrase speaks of.
var pnegClaimNouns = words("report reports claim claims allegation allegations rumour rumours rumor rumors account accounts")

// unverifiedClaim reports whether the sentence says that a reported claim
// could not be verified, with the claim noun or the unverified phrase
// around the transfer ("Reports that ... could not be verified", "The
// claim that ... has not been confirmed"). Such a claim is no delivery or
// order, as "unconfirmed reports" are not.
func (a *analysis) unverifiedClaim() bool {
	return a.claimThen(unverifiedPhrases)
}

// claimThen reports whether a claim noun and "that" ("Reports that",
// "The claim that") come before one of phrases in the sentence.
func (a *analysis) claimThen(phrases *phraseSet[bool]) bool {
	toks := a.toks
	claim := false
	for j := range toks {
		if pnegClaimNouns[toks[j].w] && j+1 < len(toks) && toks[j+1].w == "that" {
			claim = true
		}
		if _, n := phrases.match(toks, j); n > 0 && claim {
			return true
		}
	}
	return false
}

// neverHappenedPhrases say that a planned or ordered transfer did not
// go ahead.
var neverHappenedPhrases = newPhraseSet[bool]()

// neverHappened reports whether a clause after ", but" (or "but") says the
// transfer never happened: "Algeria was expected to take delivery of
// Su-57 fighters from Russia, but the transfer never happened." The
// expected order is then cancelled.
func (a *analysis) neverHappened() bool {
	toks := a.toks
	for j := range toks {
		if toks[j].w != "but" {
			continue
		}
		for k := j + 1; k < len(toks) && k <= j+6; k++ {
			if toks[k].w == "," || toks[k].w == ";" {
				break
			}
			if _, n := neverHappenedPhrases.match(toks, k); n > 0 {
				return true
			}
		}
	}
	return false
}

// counterfactualModals open a past counterfactual before a transfer verb:
// "Turkey would have delivered the drones had the war not escalated".
var counterfactualModals = words("would could might should")

// counterfactualOnly reports whether every transfer verb of the sentence
// stands under "would/could/might/should have": what a country would
// have delivered is no delivery or order.
func (a *analysis) counterfactualOnly() bool {
	toks := a.toks
	seen := false
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.drop || tr.noun {
			continue
		}
		cf := false
		for j := tr.ti - 1; j >= 1 && j >= tr.ti-3; j-- {
			if toks[j].w == "have" && counterfactualModals[toks[j-1].w] {
				cf = true
				break
			}
			if !toks[j].word {
				break
			}
		}
		if !cf {
			return false
		}
		seen = true
	}
	return seen
}

// guessParticiples before "to have" guess at a past transfer.
var guessParticiples = words("thought rumoured rumored")

// thoughtToHave reports whether a transfer verb follows "is thought to
// have" (or "are/was/were thought to have") with no comma between:
// "Vietnam is thought to have ordered T-90S tanks" guesses as "is
// believed to have" does; so does "is rumoured to have".
func (a *analysis) thoughtToHave() bool {
	toks := a.toks
	for j := 1; j+2 < len(toks); j++ {
		if !guessParticiples[toks[j].w] || toks[j+1].w != "to" || toks[j+2].w != "have" {
			continue
		}
		switch toks[j-1].w {
		case "is", "are", "was", "were", "widely", "generally":
			return true
		}
	}
	return false
}

// ruleOutWords are the forms of "rule out".
var ruleOutWords = words("rule rules ruled ruling")

// notRuledOut reports whether the sentence says something was not ruled
// out a transfer named right after it ("India did not rule out buying
// more Rafale jets"): the negation leaves a possibility open; it denies
// no transfer.
func (a *analysis) notRuledOut() bool {
	toks := a.toks
	for j := 1; j+1 < len(toks); j++ {
		if !ruleOutWords[toks[j].w] || toks[j+1].w != "out" {
			continue
		}
		neg := false
		for k := j - 1; k >= 0 && k >= j-3; k-- {
			neg = neg || toks[k].w == "not" || toks[k].w == "never"
		}
		if !neg {
			continue
		}
		for k := range a.trigs {
			if ti := a.trigs[k].ti; ti > j+1 && ti <= j+5 {
				return true // "did not rule out buying more Rafale jets"
			}
		}
	}
	return false
}

// Kinds of timing that a negation may govern instead of the transfer.
const (
	timingNone = iota
	timingWhen
	timingPastUntil
)

// pastAux before "not" put a negated verb in the past: "did not deliver
// ... until 2023".
var pastAux = words("did was were had")

// timeHeads after "before"/"until" name a time: "before 2028", "until
// next year", "until the end of the decade".
var timeHeads = words("next end early late mid january february march april may june july august september " +
	"october november december spring summer autumn fall winter this")

// theTimeHeads after "before the"/"until the" name a time.
var theTimeHeads = words("start beginning middle first second third fourth last turn")

// negatedTiming reports what a negation before the sentence's one transfer
// verb governs when a timing phrase follows the verb: "will not receive
// Rafale jets from France before 2028" or "couldn't deliver the frigates
// on time" (timingWhen: the transfer is late, not cancelled or denied);
// "did not deliver the tanks until 2023" (timingPastUntil: delivered
// then). "until" before a clause is a condition and is left alone.
func (a *analysis) negatedTiming() int {
	verb := a.pnegSoleVerb()
	if verb < 0 {
		return timingNone
	}
	tr := &a.trigs[verb]
	neg, past := pnegNegationBefore(a.toks, tr.ti)
	if !neg {
		return timingNone
	}
	return pnegTimingAfter(a.toks, tr.tj, past)
}

// pnegSoleVerb returns the index in a.trigs of the sentence's one transfer
// verb (a trigger neither dropped nor a noun), -1 when there is none or
// more than one.
func (a *analysis) pnegSoleVerb() int {
	verb := -1
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.drop || tr.noun {
			continue
		}
		if verb >= 0 {
			return -1
		}
		verb = k
	}
	return verb
}

// pnegNegationBefore looks back up to five tokens from the verb at ti, not
// past a comma or semicolon, for "not" or "never". neg reports whether one
// is there; past whether the leftmost of them follows a past auxiliary
// ("did not deliver").
func pnegNegationBefore(toks []tok, ti int) (neg, past bool) {
	for j := ti - 1; j >= 0 && j >= ti-5; j-- {
		if toks[j].w == "," || toks[j].w == ";" {
			break
		}
		if toks[j].w == "not" || toks[j].w == "never" {
			neg = true
			past = j > 0 && pastAux[toks[j-1].w]
		}
	}
	return neg, past
}

// pnegTimingPrepositions open a timing phrase after a negated verb.
var pnegTimingPrepositions = words("before until till")

// pnegTimingAfter reads the first timing phrase within twelve tokens from
// the end of the verb (tj), before any comma, semicolon or full stop: "on
// time", "in time" and "on schedule" say when; a phrase opened by
// "before", "until" or "till" is read by pnegTimingPhrase.
func pnegTimingAfter(toks []tok, tj int, past bool) int {
	for j := tj; j < len(toks) && j <= tj+12; j++ {
		w := toks[j].w
		if w == ";" || w == "," || w == "." {
			return timingNone
		}
		if pnegOnSchedule(toks, j) {
			return timingWhen
		}
		if pnegTimingPrepositions[w] {
			return pnegTimingPhrase(toks, j, past)
		}
	}
	return timingNone
}

// pnegOnSchedule reports whether "on" or "in" at j opens "time" or
// "schedule": "couldn't deliver the frigates on time".
func pnegOnSchedule(toks []tok, j int) bool {
	w := toks[j].w
	return (w == "on" || w == "in") && j+1 < len(toks) && (toks[j+1].w == "time" || toks[j+1].w == "schedule")
}

// pnegTimingPhrase reads the phrase opened by "before", "until" or "till"
// at j: a past "until" and a number that ends the clause ("did not
// deliver the tanks until 2023.") is timingPastUntil; a number or a time word
// ("before 2028", "until next year", "until the end of the decade") is
// timingWhen; anything else opens a clause, a condition left alone.
func pnegTimingPhrase(toks []tok, j int, past bool) int {
	if j+1 >= len(toks) {
		return timingNone
	}
	n := toks[j+1]
	if n.digit && past && toks[j].w == "until" && j+2 < len(toks) && (toks[j+2].w == "." || toks[j+2].w == ",") {
		return timingPastUntil
	}
	if n.w == "the" && j+2 < len(toks) && (timeHeads[toks[j+2].w] || theTimeHeads[toks[j+2].w]) {
		return timingWhen // "until the end of the year"
	}
	if n.digit || timeHeads[n.w] {
		return timingWhen
	}
	return timingNone // "until the crews are trained": a condition, read elsewhere (s941, s1206)
}

// becomeModals before "become" make a future role a condition.
var becomeModals = words("would could might")

// pnegHolderNouns name the holder of a weapon.
var pnegHolderNouns = words("operator operators user users customer customers")

// wouldBecomeOperator reports whether the sentence says a country would
// (could, might) become an operator, user or customer: "Brazil would
// become the first Latin American operator of the Gripen E if it buys
// the fighters from Sweden" holds no Gripen yet.
func (a *analysis) wouldBecomeOperator() bool {
	toks := a.toks
	for j := 1; j < len(toks); j++ {
		if toks[j].w != "become" || !becomeModals[toks[j-1].w] {
			continue
		}
		for k := j + 1; k < len(toks) && k <= j+7; k++ {
			if pnegHolderNouns[toks[k].w] {
				return true
			}
		}
	}
	return false
}

// pnegPermissionNouns name a permission, not goods: what a country must
// "obtain" or "receive" before it may sell.
var pnegPermissionNouns = words("consent approval approvals permission permissions clearance clearances " +
	"authorisation authorisations authorization authorizations go-ahead waiver waivers nod blessing")

// markPneg drops a receiving verb whose object is a permission: "Turkey
// would have to obtain American consent for the engines before it could
// export the aircraft" obtains no engines.
func (a *analysis) markPneg() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.noun || tr.spec.dir != dirR {
			continue
		}
		for j := tr.tj; j < len(toks) && j <= tr.tj+3; j++ {
			if pnegPermissionNouns[toks[j].w] {
				tr.drop = true
				break
			}
			if !toks[j].word || a.itemAt[j] >= 0 {
				break
			}
		}
	}
}

// chargeNouns name a claim that a party may reject.
var chargeNouns = words("charge charges claim claims accusation accusations allegation allegations")

// rejectVerbs reject a charge.
var rejectVerbs = words("rejected rejects denied denies dismissed dismisses disputed disputes refuted refutes")

// rejectedCharge reports whether the sentence ends its claim with ", a
// charge (claim, accusation) X rejected": "Iran supplied ballistic
// missiles to Russia, according to US officials, a charge Tehran
// rejected" is an accusation, read as "Iran was accused of supplying".
func (a *analysis) rejectedCharge() bool {
	toks := a.toks
	for j := 1; j < len(toks); j++ {
		if !chargeNouns[toks[j].w] || toks[j-1].w != "a" && toks[j-1].w != "an" {
			continue
		}
		if j < 2 || toks[j-2].w != "," {
			continue
		}
		for k := j + 1; k < len(toks) && k <= j+5; k++ {
			if toks[k].w == "," || toks[k].w == "." || toks[k].w == "nobody" || toks[k].w == "not" || toks[k].w == "never" ||
				toks[k].w == "no" {
				break // "a claim nobody has rejected"
			}
			if rejectVerbs[toks[k].w] {
				return true
			}
		}
	}
	return false
}

// thirdCountry reports whether the sentence names an unnamed "third
// country" (or "third party", "another country") as a party: "the guns
// were re-exported by a third country" names no supplier to be taken from
// the context.
func (a *analysis) thirdCountry() bool {
	toks := a.toks
	for j := 0; j+1 < len(toks); j++ {
		if (toks[j].w == "third" || toks[j].w == "another") && (toks[j+1].w == "country" || toks[j+1].w == "party" || toks[j+1].w == "state") {
			return true
		}
	}
	return false
}

// hopeWords open a wish: "Ecuador hopes that the United States will donate
// patrol boats".
var hopeWords = words("hope hopes hoped hoping wish wishes wished wishing")

// hopedWill reports whether a hope word governs a "will" clause with no
// comma or semicolon between, in a sentence with one transfer verb: what a country hopes another will do is a
// plan, not an order.
func (a *analysis) hopedWill() bool {
	toks := a.toks
	verbs := 0
	for k := range a.trigs {
		if !a.trigs[k].drop && !a.trigs[k].noun {
			verbs++
		}
	}
	if verbs != 1 {
		return false // "..., and the United States will deliver two boats": the hope governs one clause
	}
	for j := range toks {
		if !hopeWords[toks[j].w] {
			continue
		}
		for k := j + 1; k < len(toks) && k <= j+8; k++ {
			if toks[k].w == "," || toks[k].w == ";" || toks[k].w == "." {
				break
			}
			if toks[k].w == "will" || toks[k].w == "would" {
				return true
			}
		}
	}
	return false
}

// invertedCondition returns the auxiliary ("had", "were", "should") that
// opens the sentence as an inverted condition before a comma, "" when
// none: "Had Russia delivered the S-400 systems to Iran, Israel would
// have responded" (no delivery), "Were the deal to go ahead, Vietnam
// would receive 12 Su-35s" (a plan). A question is left to
// yesNoQuestion.
func (a *analysis) invertedCondition() string {
	toks := a.toks
	j := 0
	for j < len(toks) && !toks[j].word {
		j++
	}
	if a.bodyFrom > 0 {
		for j < len(toks) && toks[j].s < a.bodyFrom {
			j++
		}
		for j < len(toks) && !toks[j].word {
			j++
		}
	}
	if j >= len(toks) {
		return ""
	}
	w := toks[j].w
	if w != "had" && w != "were" && w != "should" {
		return ""
	}
	for k := j + 1; k < len(toks) && k <= j+3; k++ {
		if toks[k].w == "not" {
			return "" // "Had it not been for the drones Turkey delivered in 2020, ...": they were delivered
		}
	}
	for k := j + 1; k < len(toks) && k <= j+20; k++ {
		switch toks[k].w {
		case ",":
			return w
		case "?", ".", ";":
			return ""
		}
	}
	return ""
}
