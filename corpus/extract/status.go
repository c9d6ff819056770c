package extract

import (
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// statusRank orders statuses by how far they weaken a delivery.
func statusRank(s bot.Status) int {
	switch s {
	case bot.StatusCancelled:
		return 4
	case bot.StatusPlanned:
		return 3
	case bot.StatusOrdered:
		return 2
	}
	return 1
}

// statusReading is the status of one frame while its cues are read.
type statusReading struct {
	a      *analysis
	f      *frame
	tr     *trig
	st     bot.Status
	cancel bool // a cancellation cue governs the frame
	modal  bool // "will", "would", "shall" governs it
}

// raise moves the status up to s when s ranks higher (cancellations and
// denials over plans, over orders, over deliveries).
func (r *statusReading) raise(s bot.Status) {
	if statusRank(s) > statusRank(r.st) {
		r.st = s
	}
}

// status sets the frame's status from its trigger, the cues before it and,
// for nouns and passives, the predicate after it.
func (a *analysis) status(f *frame) {
	tr := &a.trigs[f.t]
	r := &statusReading{a: a, f: f, tr: tr, st: f.spec.status}
	r.triggerStatus()
	r.cuesBefore()
	if a.neededToComplete(f) {
		r.raise(bot.StatusPlanned) // "needed the licences to complete a deal to sell"
	}
	if a.proposedBefore(f.start) {
		r.raise(bot.StatusPlanned) // "Washington suggested that Colombia transfer its weapons to Ukraine"
	}
	if f.spec.dir == dirU && a.usageToCome(tr) {
		r.raise(bot.StatusOrdered)
	}
	r.futureAuxiliary()
	if tr.noun || tr.passive || f.spec.light || a.dealToVerb(f) {
		r.predicateAfter()
	}
	r.deliveriesDue()
	r.denialsAndNegation()
	r.orderThenDelivery()
	if f.denied && r.cancel && a.cancelDenied(f) {
		// "India rejected reports that it had cancelled its S-400 order":
		// the cancellation is denied, the order stands.
		f.denied, r.cancel = false, false
	}
	r.deliveryNotYetMade()
	if !r.cancel && (a.putOnHold(tr) || a.dealOnHold(tr)) {
		r.cancel = true // "putting an order for more Spike missiles on hold"
	}
	if f.denied || r.cancel {
		r.st = bot.StatusCancelled
	}
	if r.modal && r.st == bot.StatusOrdered && a.underIntentOnly(f) {
		r.st = bot.StatusPlanned // "Under the memorandum of understanding, Zagreb will supply"
	}
	f.status = r.st
	f.willOnly = r.modal && r.st == bot.StatusOrdered && !tr.noun && !f.spec.light && len(f.absorbed) == 0
}

// triggerStatus starts from the statuses of the triggers the frame
// absorbed, and reads "is to be delivered", "is delivering" as an order.
func (r *statusReading) triggerStatus() {
	a, tr := r.a, r.tr
	for _, j := range r.f.absorbed {
		if a.trigs[j].noun && a.fromOrder(&a.trigs[j]) && r.st == bot.StatusDelivered {
			continue // "helicopters from another 2013 order arrived"
		}
		r.raise(a.trigs[j].spec.status)
	}
	if tr.toBe || tr.prog {
		r.raise(bot.StatusOrdered)
	}
}

// futureAuxiliary reads a future or intention earlier in the clause that
// governs a delivering or buying verb the frame coordinates.
func (r *statusReading) futureAuxiliary() {
	a, f, tr := r.a, r.f, r.tr
	// "will pool funds to restore 100 tanks and supply them": a future
	// auxiliary earlier in the clause governs a verb it coordinates.
	if (r.st == bot.StatusDelivered || r.st == bot.StatusOrdered && buyForms[a.toks[tr.ti].w]) && (!tr.noun || len(f.absorbed) > 0) {
		switch a.intentBefore(f.start) {
		case cuePlanned:
			r.raise(bot.StatusPlanned)
		case cueOrdered:
			r.raise(bot.StatusOrdered)
		}
	}
}

// orderThenDelivery turns an order into a delivery when the sentence says
// the goods came later, or shows them in hand.
func (r *statusReading) orderThenDelivery() {
	a, f, tr := r.a, r.f, r.tr
	if (tr.later || a.deliveryFollows(tr)) && r.st == bot.StatusOrdered && !r.cancel && !f.denied && (!tr.noun || a.fromOrder(tr) || a.deliveryFollows(tr)) {
		r.st = bot.StatusDelivered
		f.ordered = true
	}
	if r.st == bot.StatusOrdered && !r.cancel && !f.denied && !r.modal && a.boughtAndShown(f, tr) {
		r.st = bot.StatusDelivered
	}
}

// deliveryNotYetMade weakens a delivery the sentence shows still on its
// way, only agreed or only approved (goods still to serve: usageToCome).
func (r *statusReading) deliveryNotYetMade() {
	a, f, tr := r.a, r.f, r.tr
	if r.st == bot.StatusDelivered && tr.noun && a.inTransit(f) {
		r.raise(bot.StatusOrdered) // "a shipment of T-72 tanks destined for Tajikistan was held up"
	}
	if r.st == bot.StatusDelivered && a.appositionOnDeal(tr) {
		r.raise(bot.StatusOrdered) // "signed a deal for K9s, the first Korean weapons sale to the country"
	}
	if tr.noun && a.forPurpose(tr) {
		r.raise(bot.StatusPlanned) // "bought the jets for further transfer to Ukraine": an aim
	}
	if r.st == bot.StatusDelivered && a.approvedAfter(tr) {
		r.raise(bot.StatusPlanned) // "the sale of 40 F-16 jets to Turkey was approved by the US Congress"
	}
}

// cancelDenied reports whether a denial before frame f governs a
// cancellation word that itself governs f: "denied that it had cancelled
// the order", "rejected reports that it had suspended deliveries".
func (a *analysis) cancelDenied(f *frame) bool {
	c := &a.clauses[f.clause]
	deny := -1
	for j := 0; j < f.start; j++ {
		if cv, _ := cues.match(a.toks, j); cv == cueDeny || a.claimsAfter(j) {
			deny = j
		}
	}
	if deny < 0 {
		return false
	}
	for j := max(deny+1, c.ts); j < f.start; j++ {
		if cv, _ := cues.match(a.toks, j); cv == cueCancel && !a.claimsAfter(j) {
			return true
		}
	}
	return false
}

// inTransit reports whether frame f's shipment is only on its way ("a
// shipment destined for Tajikistan", "a cargo bound for Yemen") and the
// sentence says nothing of its arrival.
func (a *analysis) inTransit(f *frame) bool {
	transit := false
	for t := f.tj; t < f.readTo && t < len(a.toks); t++ {
		switch w := a.toks[t].w; {
		case w == "destined" || w == "bound" || w == "headed" || w == "heading" ||
			w == "route" && t > 0 && a.toks[t-1].w == "en" || w == "way" && t > 0 && a.toks[t-1].w == "its":
			transit = true
		}
	}
	return transit && !a.anyWord(arrivalWords)
}

var arrivalWords = words("arrive arrives arrived arriving reached reaches received receives unloaded landed " +
	"handed delivered")

// usageToCome reports whether a usage trigger ("in service with", "in the
// inventory of") is an infinitive or a future: "a contract to export drones
// to Saudi Arabia, to serve in the inventory of its air force", "will enter
// service with": the goods are not in service yet.
func (a *analysis) usageToCome(tr *trig) bool {
	j := tr.ti - 1
	if j >= 0 && (a.toks[j].w == "serve" || a.toks[j].w == "be" || a.toks[j].w == "remain") {
		j--
	}
	for j >= 0 && (a.toks[j].w == "\"" || a.toks[j].w == "'") {
		j-- // to "serve in ..."
	}
	if j < 0 {
		return false
	}
	switch a.toks[j].w {
	case "to":
		return !a.knownToBe(j) // "was known to be in service in Mali": held now
	case "will", "would", "shall":
		return true
	}
	return a.toServe(tr) // "to enter service with", "to “serve in ..."
}

// boughtAndShown reads a bare buying word (bought, purchased, acquired,
// procured, "purchase of", "acquisition") that the sentence says has been
// done with the goods in hand: the buyer showed or paraded them, they were
// seen on satellite imagery, the acquisition "was completed". A purchase
// alone says nothing of delivery (ordered); these words do.
func (a *analysis) boughtAndShown(f *frame, tr *trig) bool {
	if tr.toBe || tr.prog || !buyForms[a.toks[tr.ti].w] {
		return false
	}
	for j := range a.toks {
		if !goodsInHand[a.toks[j].w] && !a.satelliteImages(j) && !(tr.noun && j > tr.tj && (a.toks[j].w == "completed" || a.toks[j].w == "complete")) {
			continue
		}
		done := !a.notInHand(tr, j)
		for b := j - 1; b >= 0 && b >= j-3; b-- {
			if notDoneYet[a.toks[b].w] || a.toks[b].w == "to" || a.toks[b].w == "not" {
				done = false
			}
		}
		if done {
			return true
		}
	}
	return false
}

// buyForms are the forms of the buying words a purchase is read from.
var buyForms = words("buy buys bought buying purchase purchases purchased purchasing acquire acquires acquired " +
	"acquiring procure procures procured procuring acquisition acquisitions procurement")

// goodsInHand are the words that show bought goods are with the buyer:
// shown, paraded, seen on satellite imagery or footage, flown or operated
// ("the air force flies Rafales bought from France").
var goodsInHand = words("showed shown displayed paraded showcased unveiled unveils imagery spotted photographed footage flies fly operates operate fields")

// cuesBefore reads the cue words before the frame, back to a comma or nine
// words, past premodifiers of the trigger ("froze new arms export
// licences", "a Russian offer", "blocked Germany from re-exporting").
func (r *statusReading) cuesBefore() {
	a, f := r.a, r.f
	toks := a.toks
	c := &a.clauses[f.clause]
	for j, n := f.start-1, 0; j >= c.ts && n < 9; j, n = j-1, n+1 {
		if a.moneyAt(j) {
			n-- // "scrapped a 13.5 billion zlotys ($3.5 billion) deal": a price is no distance
			continue
		}
		if toks[j].w == "," || earlierEvent[toks[j].w] || toks[j].w == "after" && j+1 == f.start {
			break // "the new order follows the supply of eight C295", "is preparing to sail them after buying them": an earlier transfer
		}
		if it := a.itemAt[j]; it >= 0 {
			if x := &a.items[it]; x.arms || x.tj == f.start && r.tr.noun {
				j, n = x.ti, n+(x.tj-x.ti)-1
				continue
			}
			break
		}
		if k := a.actorAt[j]; k >= 0 {
			ac := &a.actors[k]
			switch {
			case ac.agentOf == f.t:
				j, n = ac.ti, n+(ac.tj-ac.ti)-1
				continue
			case ac.list >= 0 && a.lists[ac.list].tj < len(toks) && toks[a.lists[ac.list].tj].w == "from" &&
				a.lists[ac.list].tj+1 == f.start:
				j, n = a.lists[ac.list].ti, n+(a.lists[ac.list].tj-a.lists[ac.list].ti)-1
				continue
			case ac.kind == gazetteer.DemonymMention && r.tr.noun && a.premodifiesFrame(ac, f):
				// "cancelled its French submarine deal": the demonym
				// names the seller; the verb before it governs the deal.
				j, n = ac.ti, n+(ac.tj-ac.ti)-1
				continue
			case ac.kind == gazetteer.DemonymMention && ac.tj < len(toks) && requestNouns[toks[ac.tj].w] || a.possRequest(ac):
				// "declined a German request to supply": the refusal governs
				// the request and what it asks for.
				j, n = ac.ti, n+(ac.tj-ac.ti)-1
				continue
			case ac.list >= 0 && a.lists[ac.list].prep == "" && a.lists[ac.list].ti > c.ts &&
				letWords[toks[a.lists[ac.list].ti-1].w]:
				// "refused to let Denmark pass on APCs to Ukraine": the
				// refusal governs what Denmark would do.
				j, n = a.lists[ac.list].ti, n+(a.lists[ac.list].tj-a.lists[ac.list].ti)-1
				continue
			}
			break
		}
		r.cueBefore(j, n)
	}
}

// cueBefore applies the cue at token j, n words before the frame: a
// headline's "to" ("Russia to Start Sending Weapons to Kyrgyzstan": will),
// "is yet to", or a cue word.
func (r *statusReading) cueBefore(j, n int) {
	switch {
	case r.a.headlineTo(j):
		r.willCue()
	case r.yetToCue(j):
	default:
		r.cueAt(j, n)
	}
}

// headlineTo reports whether the "to" at j follows a subject that opens the
// sentence and comes before a verb: the headline future "Russia to send
// weapons to Kyrgyzstan", "India to buy more Rafale jets", which means
// "will".
func (a *analysis) headlineTo(j int) bool {
	toks := a.toks
	if toks[j].w != "to" || j == 0 || j+1 >= len(toks) || !toks[j+1].word || toks[j+1].digit ||
		a.actorAt[j+1] >= 0 || a.itemAt[j+1] >= 0 || articles[toks[j+1].w] {
		return false
	}
	k := a.actorAt[j-1]
	if k < 0 || a.actors[k].list < 0 {
		return false
	}
	l := &a.lists[a.actors[k].list]
	return l.ti == 0 && l.tj == j && l.prep == "" && !l.place
}

// willCue reads "will" before the frame: an order, or a plan when a buying
// verb follows ("Myanmar will purchase six Su-30": no deal named, which the
// annotation guidelines read as planned).
func (r *statusReading) willCue() {
	r.modal = true
	if buyWords[r.a.toks[r.f.start].w] {
		r.raise(bot.StatusPlanned)
		return
	}
	r.raise(bot.StatusOrdered)
}

// wayOpeners make "the way for" a plan: "opening the way for sales".
var wayOpeners = words("open opens opened opening pave paves paved paving clear clears cleared clearing")

// requestNouns ask for a transfer: "a German request to supply".
var requestNouns = words("request requests plea pleas appeal appeals demand demands")

// letWords before a country make it the doer of the verb after it, under
// whatever governs "let": "refused to let Denmark pass on".
var letWords = words("let letting lets")

// cueAt applies the cue at token j, n words before the frame.
func (r *statusReading) cueAt(j, n int) {
	toks := r.a.toks
	w := toks[j].w
	cv, _ := cues.match(toks, j)
	if passForms[w] && j+1 < len(toks) && toks[j+1].w == "on" && r.tr.noun && r.tr.spec.status == bot.StatusPlanned {
		cv = cueCancel // "passed on the Turkish offer": declined it
	}
	switch cv {
	case cueCancel:
		r.cancelCue(j)
	case cuePlanned:
		r.plannedCue(j)
	case cueOrdered:
		r.orderedCue(j)
	case cueNeg:
		r.negationCue(j, n)
	case cueDeny:
		if r.a.licenceAfter(j) {
			r.cancelCue(j) // "denied an export licence for": a refusal (rd14r)
		}
	}
}

// cancelCue applies a cancellation cue at token j: the frame is cancelled,
// or denied when the word rejects claims.
func (r *statusReading) cancelCue(j int) {
	a, f := r.a, r.f
	w := a.toks[j].w
	if a.overridden(j) {
		return // "bypassed the embargo by supplying": the supply went ahead
	}
	if a.lifted(j) {
		r.raise(bot.StatusPlanned) // "lifted its ban on arms exports to Turkey": sales may follow, none is stated
		return
	}
	if (w == "rejected" || w == "rejects" || w == "reject" || w == "dismissed") && a.claimsAfter(j) {
		f.denied = true
	} else {
		r.cancel = true
	}
}

// plannedCue applies a plan cue at token j, unless the word is used in
// another sense ("close to the border", "on their way").
func (r *statusReading) plannedCue(j int) {
	a, f := r.a, r.f
	toks := a.toks
	w := toks[j].w
	if w == "poised" && f.spec.status == bot.StatusDelivered {
		r.raise(bot.StatusOrdered) // "is poised to take delivery of": a delivery due, like "set to"
		return
	}
	if w == "may" && j+1 < len(toks) && (toks[j+1].upper || toks[j+1].digit && toks[j].upper) {
		return // the month: "in May Russia delivered", "India on May 16 handed over"
	}
	if w == "close" && !(j+2 < len(toks) && (a.trigAt[j+2] >= 0 || signing[toks[j+2].w] || toks[j+2].w == "a" || toks[j+2].w == "an")) {
		return // "units close to the border received": a place; "close to ordering", "close to a deal": a plan
	}
	if w == "way" && !(j >= 2 && toks[j-1].w == "the" && wayOpeners[toks[j-2].w]) {
		return // "on their way for": under way, not a plan
	}
	if approvalWords[w] && a.underContract(f) {
		r.raise(bot.StatusOrdered) // "approved the sale ... under a contract signed last year": a deal made
		return
	}
	if w == "may" || w == "might" || w == "could" {
		f.modalPlan = true
	}
	r.raise(bot.StatusPlanned)
}

// negationCue applies a negation at token j, n words before the frame.
func (r *statusReading) negationCue(j, n int) {
	a, f := r.a, r.f
	toks := a.toks
	w := toks[j].w
	switch {
	case n > 4 || r.tr.noun && !a.verbOpensFrame(f):
	case w == "no" && j+1 < len(toks) && toks[j+1].w == "longer":
		r.cancel = true // "Russia no longer delivers weapons to Armenia": stopped, not denied
	default:
		f.neg = true
	}
}

// underContract reports whether the frame's goods go "under a contract"
// (deal, agreement) after the trigger, in its clause: "the sale of Hermes
// 900 drones to Brazil under a contract signed last year". The contract
// exists; an approval of that sale does not make it a plan.
func (a *analysis) underContract(f *frame) bool {
	toks := a.toks
	c := &a.clauses[f.clause]
	for j := f.tj; j+1 < c.te && j < f.tj+20; j++ {
		if toks[j].w != "under" {
			continue
		}
		for k := j + 1; k < c.te && k <= j+4; k++ {
			switch toks[k].w {
			case "possible", "proposed", "potential", "planned", "future", "new":
				return false
			case "contract", "deal", "agreement":
				return true
			}
		}
	}
	return false
}

// orderedCue applies an order cue at token j: "will", a contract word; but
// "will purchase" is a buyer's intention and "expected to sign" a plan.
func (r *statusReading) orderedCue(j int) {
	toks := r.a.toks
	w := toks[j].w
	if w == "will" || w == "would" || w == "shall" {
		r.willCue()
		return
	}
	if (w == "sign" || w == "agree") && j > 0 && (toks[j-1].w == "to" || toks[j-1].w == "will" || toks[j-1].w == "would") {
		r.raise(bot.StatusPlanned) // "is expected to sign a contract"
		return
	}
	if (w == "order" || w == "orders") && j > 0 && toks[j-1].w == "in" {
		return
	}
	r.raise(bot.StatusOrdered)
}

// predicateAfter reads the predicate after a nominal or passive frame:
// "the deal was cancelled", "the contract has been signed".
func (r *statusReading) predicateAfter() {
	a, f := r.a, r.f
	toks := a.toks
	if r.tr.noun && a.collapsesAfter(f) {
		r.cancel = true // "the Rafale deal between France and Colombia collapsed"
		return
	}
	for j, end := f.tj, a.windowAfter(f.tj, 12); j < f.readTo && j < end; j++ {
		if r.tr.noun && toks[j].w == "," && a.cancelledAside(j+1, f.readTo) {
			r.cancel = true // "the contract with Cardama for two OPVs, recently cancelled by Uruguay"
			return
		}
		if !beForms[toks[j].w] && !haveForms[toks[j].w] {
			continue
		}
		k := j + 1
		negated := false
		for k < f.readTo && (beForms[toks[k].w] || adverbs[toks[k].w]) {
			negated = negated || toks[k].w == "not" || toks[k].w == "never"
			k++
		}
		if k >= f.readTo {
			return
		}
		switch cv, _ := cues.match(toks, k); cv {
		case cueCancel:
			r.cancel = !negated // "the contract was never cancelled" stands
		case cueOrdered:
			r.raise(bot.StatusOrdered)
		}
		switch toks[k].w {
		case "finalised", "finalized", "concluded", "signed", "agreed":
			r.raise(bot.StatusOrdered)
		}
		return
	}
}

// cancelledAside reports whether a participle of cancelling opens the
// aside at k, after at most two adverbs: ", recently cancelled by".
func (a *analysis) cancelledAside(k, end int) bool {
	toks := a.toks
	for n := 0; k < end && n < 2 && adverbs[toks[k].w]; n++ {
		k++
	}
	if k >= end || !strings.HasSuffix(toks[k].w, "ed") {
		return false
	}
	cv, _ := cues.match(toks, k)
	return cv == cueCancel
}

// deliveriesDue reads "with deliveries due to begin in 2025": delivery
// still to come.
func (r *statusReading) deliveriesDue() {
	if r.st != bot.StatusDelivered {
		return
	}
	toks, f := r.a.toks, r.f
	if r.tr.noun && (r.a.deliveryToCome(r.tr.ti, f.readTo) || r.a.deliveryNounScheduled(r.tr, f.readTo)) {
		r.raise(bot.StatusOrdered) // "with delivery to begin this year"
		return
	}
	for j := f.tj; j+1 < f.readTo && j < f.tj+40; j++ {
		if (toks[j].w == "deliveries" || toks[j].w == "delivery") && (toks[j+1].w == "due" ||
			j+2 < f.readTo && beForms[toks[j+1].w] && (toks[j+2].w == "due" || toks[j+2].w == "expected" || toks[j+2].w == "scheduled") ||
			r.a.deliveryToCome(j, f.readTo)) {
			r.raise(bot.StatusOrdered)
			return
		}
	}
}

// denialsAndNegation marks denials ("denied that ...") and reads a
// negated frame: "not yet delivered" is an order, a negated plan or
// promise a cancellation, any other negation a denial.
func (r *statusReading) denialsAndNegation() {
	a, f := r.a, r.f
	if a.unconfirmedAround(f) {
		f.unconfirmed = true
		return
	}
	if a.denyAt[f.start] || a.deniedAfter(f) {
		f.denied = true
	}
	if a.objectNegated(f) {
		f.neg = true // "has bought no Russian arms": nothing was bought, no report denied
		a.noDenial = true
	}
	if !f.neg || f.denied {
		return
	}
	if a.adviceBefore(f.start) {
		f.denied = true // "Greece should not buy French frigates": advice, dropped with the sentence's denials
		a.noDenial = true
		return
	}
	yet := r.yetNear()
	if !yet && r.st == bot.StatusDelivered {
		yet = r.orderedLater()
	}
	if r.untilLater() {
		yet = true
	}
	switch {
	case yet:
		r.raise(bot.StatusOrdered)
	case r.modal || r.st == bot.StatusPlanned:
		r.cancel = true
	default:
		f.denied = true
	}
}

// yetNear reports whether "yet" stands in the four words before the
// negated frame, at its start or right after its trigger.
func (r *statusReading) yetNear() bool {
	a, f := r.a, r.f
	toks := a.toks
	c := &a.clauses[f.clause]
	yet := false
	for j := f.start - 1; j >= c.ts && j >= f.start-4; j-- {
		if toks[j].w == "yet" || toks[j].w == "still" { // "has still not received"
			yet = true
		}
	}
	if f.start < len(toks) && toks[f.start].w == "yet" || f.tj < len(toks) && toks[f.tj].w == "yet" {
		yet = true
	}
	return yet
}

// orderedLater reports whether an order verb follows the negated delivery:
// "has not received the F-16s it ordered in 2019" is not yet delivered,
// not a denial.
func (r *statusReading) orderedLater() bool {
	a, f := r.a, r.f
	yet := false
	for k := range a.trigs {
		if tr := &a.trigs[k]; k != f.t && tr.spec.status == bot.StatusOrdered && !tr.noun && tr.ti > f.tj {
			yet = true
		}
	}
	return yet
}

// untilLater reports whether "until" or "till" follows the negated frame
// in its clause: "will not deliver more F-16s until the pilots are
// trained" is a delay.
func (r *statusReading) untilLater() bool {
	a, f := r.a, r.f
	toks := a.toks
	c := &a.clauses[f.clause]
	yet := false
	for j := f.tj; j < c.te; j++ {
		if (toks[j].w == "until" || toks[j].w == "till") && !a.anyObject(f) {
			yet = true
		}
	}
	return yet
}

// claimsAfter reports whether "rejected"/"dismissed" at j governs claims
// ("rejected claims that", "dismissed as baseless reports that").
func (a *analysis) claimsAfter(j int) bool {
	// "reject the unfounded and unsubstantiated claims": a few adjectives
	// may stand between.
	for k := j + 1; k < len(a.toks) && k <= j+6; k++ {
		switch a.toks[k].w {
		case ",", ";", ":", "that":
			return false
		case "claims", "claim", "reports", "report", "allegations", "accusations", "suggestions", "rumours", "news",
			"rumors", "assertions", "speculation":
			return true
		}
	}
	return false
}

// markDenials computes, for each token, whether a denial earlier in the
// sentence governs it. A denial governs its own clause and the clauses that
// depend on it ("denied reports that ..."), not a new main clause or an
// assertion after it (", saying they had been a gift").
func (a *analysis) markDenials() {
	toks := a.toks
	a.denyAt = make([]bool, len(toks))
	deny := false
	for ci := range a.clauses {
		c := &a.clauses[ci]
		switch c.kind {
		case cMain, cAttr:
			deny = false
		case cConj:
			if c.own {
				deny = false
			}
		case cCoord:
			if c.ts < len(toks) && clauseIng[toks[c.ts].w] {
				deny = false
			}
		}
		for t := c.ts; t < c.te; t++ {
			a.denyAt[t] = deny
			if cv, _ := cues.match(toks, t); cv == cueDeny && !a.licenceAfter(t) {
				deny = true
			}
			if (toks[t].w == "rejected" || toks[t].w == "dismissed" || toks[t].w == "rejects" ||
				toks[t].w == "reject") && a.claimsAfter(t) {
				deny = true
			}
		}
	}
}

// licenceAfter reports whether a denial at j is the refusal of a licence
// ("denied an export licence").
func (a *analysis) licenceAfter(j int) bool {
	for k := j + 1; k < len(a.toks) && k <= j+3; k++ {
		switch a.toks[k].w {
		case "licence", "license", "licences", "licenses", "permit", "permits", "request", "application":
			return true
		}
	}
	return false
}

// markFalse computes, for each token, whether the claim around it is later
// called false in the same sentence ("Reports that ... were false"), up to
// a semicolon. One backward pass.
func (a *analysis) markFalse() {
	toks := a.toks
	a.falseAfter = make([]bool, len(toks)+1)
	for j := len(toks) - 1; j >= 0; j-- {
		a.falseAfter[j] = a.falseAfter[j+1]
		if toks[j].w == ";" {
			a.falseAfter[j] = false
			continue
		}
		if !beForms[toks[j].w] || j+1 >= len(toks) {
			continue
		}
		switch k := j + 1; toks[k].w {
		case "false", "untrue", "baseless", "groundless", "fabricated", "unfounded", "incorrect", "fake", "wrong":
			a.falseAfter[j] = true
		case "not":
			if k+1 < len(toks) && toks[k+1].w == "true" {
				a.falseAfter[j] = true
			}
		}
	}
	a.markCalledFalse()
}

// falseWords call a claim false.
var falseWords = words("false untrue baseless groundless fabricated unfounded fake nonsense lies")

// callingVerbs name a claim as something: "called reports of ... baseless".
var callingVerbs = words("called calls call calling described describes branded brands labelled labeled termed terms dismissed dismisses")

// markCalledFalse marks the transfers named between a calling verb and a
// false word after them: "The ministry called reports of Turkish tanks
// arriving in Libya baseless" denies the arrival.
func (a *analysis) markCalledFalse() {
	toks := a.toks
	for j := range toks {
		if !falseWords[toks[j].w] {
			continue
		}
		for v := j - 1; v >= 0 && v >= j-15 && toks[v].w != ";"; v-- {
			if callingVerbs[toks[v].w] {
				for t := v; t < j; t++ {
					a.falseAfter[t] = true
				}
				break
			}
		}
	}
}

// deniedAfter reports whether the claim is called false after it ("Reports
// that ... were false").
func (a *analysis) deniedAfter(f *frame) bool {
	return f.tj < len(a.falseAfter) && a.falseAfter[f.tj]
}

// kind sets sale, aid or licence.
func (a *analysis) kind(f *frame) {
	f.kind = bot.KindSale
	if f.spec.sp == spExportPerm {
		return
	}
	if f.spec.kind == bot.KindLicence {
		f.kind = bot.KindLicence
		return
	}
	for _, j := range f.absorbed {
		if a.trigs[j].spec.kind == bot.KindLicence {
			f.kind = bot.KindLicence
			return
		}
	}
	if f.spec.kind == bot.KindAid {
		f.kind = bot.KindAid
		return
	}
	for _, j := range f.absorbed {
		if a.trigs[j].spec.kind == bot.KindAid {
			f.kind = bot.KindAid
			return
		}
	}
	if a.clauses[f.clause].aid && !a.aidForOther(f) {
		f.kind = bot.KindAid
	}
}

// markAid marks the clauses that say a transfer is aid ("donated", "as a
// gift", "free of charge", "military aid").
func (a *analysis) markAid() {
	toks := a.toks
	for ci := range a.clauses {
		c := &a.clauses[ci]
		for j := c.ts; j < c.te; j++ {
			if _, n := aidPhrases.match(toks, j); n > 0 {
				if toks[j].w == "free" && !(j+1 < c.te && (toks[j+1].w == "of" || toks[j+1].w == "military" ||
					toks[j+1].w == "military-technical" || toks[j+1].w == "-")) {
					continue
				}
				if toks[j].w == "aid" && j > 0 && (toks[j-1].w == "humanitarian" || toks[j-1].w == "financial") {
					continue
				}
				c.aid = true
				break
			}
		}
	}
}

// plainDelivery are the words that report a delivery after an order of the
// same sentence: "ordered in 2013, was delivered in 2017", "ordered in
// 1995, followed in 1997", "all delivered in 2021".
var plainDelivery = words("delivered followed arrived")

// notDoneYet are the words that, just before a delivery word, say it has
// not happened: "not yet delivered", "none delivered", "to be delivered".
var notDoneYet = words("not yet none nothing no be will due planned expected scheduled awaiting still never remaining remain")

// deliveryFollows reports whether a verbal order trigger is followed in its
// sentence by a delivery word stated as done, with no other order trigger
// between them (which would be another transfer's order).
func (a *analysis) deliveryFollows(tr *trig) bool {
	reduced := false
	for j := tr.tj; j < len(a.toks); j++ {
		if a.toks[j].w == "that" && a.partyRelativeThat(j) >= 0 {
			return false // "bought radars from a firm that delivered frigates to Peru": the firm's other deal
		}
		if k := a.trigAt[j]; k >= 0 && &a.trigs[k] != tr && a.trigs[k].spec.status == bot.StatusOrdered && !a.trigs[k].noun &&
			!(j > 0 && a.toks[j-1].w == "number") { // "the number ordered" is no new order
			if !(tr.noun && j > 0 && a.toks[j-1].w == ",") {
				return false
			}
			reduced = true // "a deal that covers four C-295, ordered around 2014 and delivered in 2015"
		}
		if !plainDelivery[a.toks[j].w] && !a.deliveriesDone(j) || a.deliveredElsewhere(j) {
			continue
		}
		for b := j - 1; b >= tr.tj && b >= j-3; b-- {
			if notDoneYet[a.toks[b].w] {
				return false
			}
		}
		return !tr.noun || reduced
	}
	return false
}

// intentBefore looks back from token e over the same stretch of the
// sentence (no comma, colon or semicolon between) for what governs a verb
// there: "will" or "shall" (cueOrdered: "will pool funds to restore 100
// tanks and supply them"), or a plan word before "to" (cuePlanned:
// "pledged last fall to sell weapons and provide assistance", "a desire to
// buy", "a request to the US to acquire"). Relative clauses ("which will") do not count.
func (a *analysis) intentBefore(e int) cue {
	for j := e - 1; j >= 0 && j >= e-25; j-- {
		switch w := a.toks[j].w; w {
		case ",", ";", ":", "said", "says", "told":
			return 0 // "Officials asked to comment said Russia had delivered": the speaker's
		case "has", "have", "had", "is", "are", "was", "were":
			// A finite verb group of its own: "the jets that Slovakia
			// decided to give Ukraine have been handed over".
			return 0
		case "after":
			if j+1 == e {
				return 0 // "is preparing to sail them home after buying them": done before
			}
		case "will", "shall":
			if j > 0 && (a.toks[j-1].w == "which" || a.toks[j-1].w == "that" || a.toks[j-1].w == "who") {
				return 0
			}
			return cueOrdered
		case "that", "which", "who":
			if a.relativeOpensAfter(j) {
				return 0 // "will not buy from a firm that supplies Syria": the future is the main clause's
			}
		case "help", "helps", "helping":
			return cuePlanned // "an instruction to help Argentina purchase these planes"
		case "to":
			if a.placeBefore(j) || a.scheduledBefore(j) {
				return cueOrdered // "officials are in Nigeria to receive the vehicles": a purpose, not yet done
			}
			for k := j - 1; k >= 0 && k >= j-4; k-- {
				if intentWords[a.toks[k].w] {
					return cuePlanned
				}
			}
		}
	}
	return 0
}

// intentWords before "to" make what follows an intention: "pledged to",
// "plans to", "a desire to", "decision to", "help X to".
var intentWords = words("pledged pledge pledges promised promise promises plan plans planned planning " +
	"desire wish wishes intends intend intention decision decided decide aims aim seeks seek hopes hope " +
	"wants want unlikely likely expected help helps request requests requested prepare prepares preparing prepared ready readying " +
	"advised advises advise urged urges urge encouraged encourages encourage pressed pressing pressured " +
	"intending hoping aiming wanting looking intent understanding keen eager initiative initiatives")

// fromOrder reports whether a noun trigger is the object of "from"
// ("helicopters from another 2013 order arrived"): the order a delivery
// came from.
func (a *analysis) fromOrder(tr *trig) bool {
	for j := tr.ti - 1; j >= 0 && j >= tr.ti-4; j-- {
		if a.toks[j].w == "from" {
			return true
		}
	}
	return false
}

// buyWords are the base forms of buying verbs: after "will" they state an
// intention, not an order ("will order six more Rafales": no deal yet).
var buyWords = words("buy purchase acquire procure order")

// earlierEvent words make what follows them an earlier event than what
// precedes: "the new order follows the supply of eight C295".
var earlierEvent = words("follows followed follow")

// openWords qualify orders that nothing has been delivered against yet.
var openWords = words("open pending outstanding undelivered unfilled unfulfilled")

// listsOpenOrders reports whether the sentence's subject is a set of open
// orders and a copula lists them: "The two open orders are the Mbombe-6
// from South Africa and licensed production of the Anka drone from
// Turkey", "Its only pending deal is ...". Whatever it lists is ordered,
// whatever words ("production", "supply") name the items.
func (a *analysis) listsOpenOrders() bool {
	toks := a.toks
	open := false
	for t := 0; t < len(toks) && t < 8; t++ {
		w := toks[t].w
		switch {
		case openWords[w]:
			open = true
		case open && dealNouns[w]:
			// "... are the Mbombe-6", not "... are now delivered".
			return t+2 < len(toks) && copulas[toks[t+1].w] && !plainDelivery[toks[t+2].w] && toks[t+2].w != "now"
		case a.actorAt[t] >= 0 || a.itemAt[t] >= 0 || a.trigAt[t] >= 0 && !dealNouns[w] || w == "," || w == ":":
			return false
		}
	}
	return false
}

// copulas link a subject to what it is: "the open orders are ...".
var copulas = words("are is include includes remain remains")

// openOrdersOnly makes the deliveries read from a sentence that lists open
// orders (see listsOpenOrders) orders.
func (a *analysis) openOrdersOnly(rels []relation) []relation {
	if !a.listsOpenOrders() {
		return rels
	}
	for i := range rels {
		if rels[i].Status == bot.StatusDelivered {
			rels[i].Status = bot.StatusOrdered
		}
	}
	return rels
}

// premodifiesFrame reports whether actor ac stands right before frame f's
// trigger or right before the weapon that does: "its French submarine
// deal", "the Russian deal".
func (a *analysis) premodifiesFrame(ac *actor, f *frame) bool {
	if ac.tj == f.start {
		return true
	}
	if ac.tj >= len(a.toks) {
		return false
	}
	it := a.itemAt[ac.tj]
	return it >= 0 && a.items[it].tj == f.start
}

// collapseWords, before "through" or "down", say a deal or talks came to
// nothing.
var collapseWords = words("fell falls broke breaks")

// collapsesAfter reports whether the predicate of a nominal frame says the
// deal came to nothing: "the Rafale deal between France and Colombia
// collapsed", "the deal fell through", "talks ... broke down" (before a
// comma, within ten words).
func (a *analysis) collapsesAfter(f *frame) bool {
	toks := a.toks
	for j := f.tj; j < f.readTo && j < f.tj+16; j++ {
		switch {
		case toks[j].w == "," || toks[j].w == ";":
			return false
		case toks[j].w == "collapsed" || toks[j].w == "collapses":
			return true
		case collapseWords[toks[j].w] && j+1 < len(toks) && (toks[j+1].w == "through" || toks[j+1].w == "down"):
			return true // "fell through", "broke down"
		}
	}
	return false
}
