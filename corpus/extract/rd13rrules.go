package extract

import (
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Rules from the rd13 unseen batch (Asia-Pacific and South Asian trade
// press: companies, licences, second-hand transfers, buyer lists). Each is
// tested in testdata/gold/sentences-29.jsonl.

// titleWords introduce the quoted title of another publication: "an
// article titled "Des drones d'IAI ..."", "a report headlined "...".
var titleWords = words("titled entitled headlined")

// maxTitleTokens bounds a quoted title.
const maxTitleTokens = 30

// quotedTitles returns the token ranges [open, close] of the quoted titles
// of publications in the sentence: a quotation mark right after a title
// word, up to the closing mark.
func (a *analysis) quotedTitles() [][2]int {
	toks := a.toks
	var out [][2]int
	for t := 0; t+1 < len(toks); t++ {
		if !titleWords[toks[t].w] || toks[t+1].w != "\"" {
			continue
		}
		for j := t + 2; j < len(toks) && j <= t+1+maxTitleTokens; j++ {
			if toks[j].w == "\"" {
				out = append(out, [2]int{t + 1, j})
				t = j
				break
			}
		}
	}
	return out
}

// dropTitledQuotes keeps the words of a quoted publication title from
// naming weapons or parties: "the newsletter titled "Des drones d'IAI dans
// le ciel vietnamien"" names a headline, not drones or their maker.
func (a *analysis) dropTitledQuotes(ms []wmatch) []wmatch {
	qs := a.quotedTitles()
	if len(qs) == 0 {
		return ms
	}
	inside := func(ti, tj int) bool {
		for _, q := range qs {
			if ti > q[0] && tj <= q[1] {
				return true
			}
		}
		return false
	}
	for k := range a.actors {
		if ac := &a.actors[k]; inside(ac.ti, ac.tj) {
			ac.drop = true
		}
	}
	out := ms[:0]
	for _, m := range ms {
		if !inside(m.ti, m.tj) {
			out = append(out, m)
		}
	}
	return out
}

// selectionWords choose one weapon among bids: "Jakarta chose the Embraer
// Super Tucano", "the army selected the Turkish-built howitzer". A choice
// names no contract: a plan (the annotation guidelines), not a delivery.
var selectionWords = words("chose choose chooses choosing selected select selects selecting " +
	"shortlisted shortlists shortlist picked opted prefers preferred")

// selectedBefore reports whether the clause of token t chooses the weapon
// at t with a selection verb before it.
func (a *analysis) selectedBefore(t int) bool { return a.selectionAt(t) >= 0 }

// selectionAt returns the token of the selection verb before token t in
// its clause, -1 if none.
func (a *analysis) selectionAt(t int) int {
	c := &a.clauses[a.clauseAt[t]]
	for j := t - 1; j >= c.ts; j-- {
		if selectionWords[a.toks[j].w] {
			return j
		}
	}
	return -1
}

// selectorList returns the list of countries that chose the weapon at t:
// the subject just before the selection verb ("when Jakarta chose the
// Embraer Super Tucano": Jakarta, not the seller who lost out), -1 if none.
func (a *analysis) selectorList(t int) int {
	j := a.selectionAt(t)
	if j < 1 {
		return -1
	}
	b := a.beforeAdverbs(j) // "Jakarta finally chose"
	if b < 0 {
		return -1
	}
	li := a.listAt[b]
	if li < 0 || a.lists[li].tj != b+1 || a.lists[li].prep != "" || a.lists[li].place {
		return -1
	}
	return li
}

// scheduleWords after a form of "be" put a delivery in the future: "was
// scheduled for 2024", "is expected in May", "are due next year".
var scheduleWords = words("scheduled expected due slated planned")

// maxDeliverySubject bounds the subject phrase of a delivery noun.
const maxDeliverySubject = 12

// deliveryNounScheduled reports whether the delivery noun tr is the
// subject of "be scheduled/expected/due": "delivery of the first 11 HIMARS
// sets was scheduled for 2024" is a delivery still to come (ordered). The
// words between are its object phrase, with no other trigger, comma or verb
// of their own.
func (a *analysis) deliveryNounScheduled(tr *trig, end int) bool {
	toks := a.toks
	switch toks[tr.ti].w {
	case "delivery", "deliveries", "handover", "shipment", "shipments", "transfer":
	default:
		return false
	}
	for j := tr.tj; j+1 < end && j <= tr.tj+maxDeliverySubject; j++ {
		if beForms[toks[j].w] {
			return scheduleWords[toks[j+1].w] && !a.completedAfter(j+2)
		}
		if toks[j].w == "," || a.trigAt[j] >= 0 && j > tr.tj {
			return false
		}
	}
	return false
}

// rd13Triggers adjusts triggers after they are found.
func (a *analysis) rd13Triggers() {
	a.markLostSales()
}

// loseWords lose a sale to a rival: "South Korea lost out on more sales
// when Jakarta chose the Super Tucano", "Russia lost the contract".
var loseWords = words("lost lose loses losing")

// lostFiller may stand between a lose verb and the sale noun.
var lostFiller = words("out on the a an more further other its their some several potential possible")

// markLostSales drops a sale noun that a seller lost: a sale lost is one
// that never happened, and the weapon named after it is the winner's.
func (a *analysis) markLostSales() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if !tr.noun {
			continue
		}
		for j, n := tr.ti-1, 0; j >= 0 && n < 4; j, n = j-1, n+1 {
			if loseWords[toks[j].w] {
				tr.drop = true
				break
			}
			if !lostFiller[toks[j].w] {
				break
			}
		}
	}
}

// exForceWords name the armed service that held goods before a
// second-hand transfer: "ex-German Navy patrol boats", "a frigate formerly
// of the US Coast Guard".
var exForceWords = words("navy army coast guard air force forces marine marines corps military")

// dissolvedStates left their forces' equipment to their successors: "ex-Soviet
// Army tanks" are inherited stock, not a second-hand transfer.
var dissolvedStates = map[string]bool{"Soviet Union": true, "Yugoslavia": true, "Czechoslovakia": true, "East Germany": true}

// secondHandItem returns the weapon that actor k's armed service held
// before it was handed on, -1 if none: "two ex-German Navy patrol boats"
// (the actor opened by "ex-" or "former", the service, then the weapon), "a
// frigate formerly of the US Coast Guard" and "the corvette (formerly of the
// Italian Navy)" (the weapon, then "formerly of (the)" and the actor). The
// actor is then the weapon's origin: it hands the goods over (the
// annotation guidelines: a second-hand transfer comes from the country
// that hands the item over).
func (a *analysis) secondHandItem(k int) int {
	ac := &a.actors[k]
	if ac.poss || len(ac.countries) != 1 || dissolvedStates[ac.countries[0]] {
		return -1
	}
	j := a.serviceEnd(ac.tj)
	if j < 0 {
		return -1
	}
	if a.exBefore(ac.ti) {
		return a.handedItemAt(j) // "ex-German Navy patrol boats"
	}
	return a.formerlyOfItem(ac.ti) // "a frigate formerly of the US Coast Guard"
}

// serviceEnd returns the token after the one or two words for an armed
// service that start at token t ("Navy", "Coast Guard"), -1 if none do.
func (a *analysis) serviceEnd(t int) int {
	toks := a.toks
	j, n := t, 0
	for j < len(toks) && exForceWords[toks[j].w] && n < 2 {
		j, n = j+1, n+1
	}
	if n == 0 {
		return -1
	}
	return j
}

// exBefore reports whether "ex-" or "former" stands just before token
// ti: "ex-German Navy", "former Soviet".
func (a *analysis) exBefore(ti int) bool {
	toks := a.toks
	b := ti - 1
	return b >= 1 && toks[b].w == "-" && toks[b-1].w == "ex" || b >= 0 && toks[b].w == "former"
}

// formerlyOfItem returns the weapon that "formerly of (the)" before token
// ti qualifies, behind an opening bracket or comma: "a frigate formerly
// of the US Coast Guard", "the corvette (formerly of the Italian Navy)";
// -1 if none.
func (a *analysis) formerlyOfItem(ti int) int {
	toks := a.toks
	b := ti - 1
	if b >= 0 && toks[b].w == "the" {
		b--
	}
	if b < 1 || toks[b].w != "of" || toks[b-1].w != "formerly" {
		return -1
	}
	p := b - 2
	if p >= 0 && (toks[p].w == "(" || toks[p].w == ",") {
		p--
	}
	return a.handedItemAt(p)
}

// handedItemAt returns the weapon that starts at token t, -1 if none does
// or it is arms in general, which names nothing handed on.
func (a *analysis) handedItemAt(t int) int {
	if t < 0 || t >= len(a.toks) || a.itemAt[t] < 0 || a.items[a.itemAt[t]].arms {
		return -1
	}
	return a.itemAt[t]
}

// markSecondHand makes actor k the origin of the weapon its service held
// before, and reports whether it did.
func (a *analysis) markSecondHand(k int) bool {
	it := a.secondHandItem(k)
	if it < 0 {
		return false
	}
	a.actors[k].origin = it
	a.items[it].origins = append(a.items[it].origins, k)
	a.items[it].madeOrig = true
	return true
}

// whichPassiveItem returns the weapon that a relative clause opened by ",
// which" qualifies when the clause's verb is a passive with the relative
// pronoun as its subject: "its patrol boats, which were transferred from
// South Korea in 1995" (the boats were transferred); nil if none.
func (a *analysis) whichPassiveItem(f *frame) []int {
	toks := a.toks
	c := &a.clauses[f.clause]
	if c.kind != cRel || c.ts < 2 || toks[c.ts].w != "which" || toks[c.ts-1].w != "," {
		return nil
	}
	for t := c.ts + 1; t < f.start; t++ {
		if w := toks[t].w; !beForms[w] && !haveForms[w] && !adverbs[w] && w != "been" {
			return nil // "which Egypt ordered": the clause has a subject of its own
		}
	}
	if it := a.itemAt[c.ts-2]; it >= 0 && !a.items[it].org {
		return []int{it}
	}
	return nil
}

// relativeOwnerSubject returns the subject of the clause that holds the
// frame's one weapon when that weapon is "its" or "their" goods and the
// frame is a ", which" relative clause on it: "the Philippine Navy wants to
// replace its patrol boats, which were transferred from South Korea": the
// navy's country received them. -1 if none.
func (a *analysis) relativeOwnerSubject(f *frame, items []int) int {
	if len(items) != 1 || a.whichPassiveItem(f) == nil {
		return -1
	}
	x := &a.items[items[0]]
	if !a.ownPronounBefore(x.ti) {
		return -1
	}
	c := &a.clauses[a.clauseAt[x.ti]]
	if c.subj < 0 || a.lists[c.subj].pron != "" || a.lists[c.subj].place || len(a.lists[c.subj].members) == 0 {
		return -1
	}
	return c.subj
}

// maxOwnerGap bounds the modifiers between "its" and the goods.
const maxOwnerGap = 8

// ownPronounBefore reports whether "its" or "their" opens the noun phrase
// that ends in the weapon starting at t: "its patrol killer medium (PKM)
// boats". Only words and brackets may stand between.
func (a *analysis) ownPronounBefore(t int) bool {
	for j := t - 1; j >= 0 && j >= t-maxOwnerGap; j-- {
		w := a.toks[j].w
		if w == "its" || w == "their" {
			return true
		}
		if a.listAt[j] >= 0 || a.itemAt[j] >= 0 || a.trigAt[j] >= 0 || functionWords[w] || !a.toks[j].word && w != "(" && w != ")" {
			return false
		}
	}
	return false
}

// firmOwner returns the list of a manufacturer named as the possessor of
// the frame's weapon, the seller of a buying frame with no other: "Kenya's
// interest in Elbit's Hermes drones", "Kenya bought Elbit's Hermes
// drones". A country's possessive ("Russia's Su-30SM") is left alone: a
// country may own a weapon it did not make or sell.
func (r *roleReader) firmOwner() []int {
	a := r.a
	for _, it := range r.items {
		o := a.items[it].owner
		if o < 0 || a.actors[o].list < 0 || a.actors[o].drop || len(a.actors[o].countries) != 1 {
			continue
		}
		if a.actors[o].kind == gazetteer.ManufacturerMention {
			return []int{a.actors[o].list}
		}
	}
	return nil
}

// licenseeOfAgreement reads a licence agreement "with" a firm that carries
// out the deal an earlier frame of the sentence names with its seller
// only: "Babcock's export contract for the Arrowhead 140 frigate,
// facilitated through a design licence agreement with PT PAL": Babcock's
// country licenses the frigate to PT PAL's. The licence frame takes the
// earlier seller and weapons, and its "with" party, which a deal with no
// seller of its own reads as the seller, is the licensee.
func (a *analysis) licenseeOfAgreement(f *frame, items []int, sups, recs []roleParty) ([]int, []roleParty, []roleParty) {
	if f.kind != bot.KindLicence || !f.spec.light || len(recs) > 0 || len(a.res.kept) == 0 {
		return items, sups, recs
	}
	last := a.res.kept[len(a.res.kept)-1]
	if len(last.rsups) == 0 || len(last.rrecs) > 0 || last.clause != f.clause {
		return items, sups, recs
	}
	for _, li := range a.listsIn(f.tj, f.readTo) {
		if a.lists[li].prep != "with" || a.lists[li].place {
			continue
		}
		for _, p := range sups {
			if p.li != li {
				return items, sups, recs // a licensor of its own
			}
		}
		ps := a.parties(li, f, last.rsups)
		if len(ps) == 0 || overlap(ps, last.rsups) {
			return items, sups, recs
		}
		if len(items) == 0 {
			items = last.items
		}
		return items, last.rsups, ps
	}
	return items, sups, recs
}

// navalWords name a navy or coast guard.
var navalWords = words("navy naval navies coast coastguard")

// navalBoats makes bare "boats" ships when the sentence names a navy or
// coast guard: "the navy wants to replace its patrol killer medium (PKM)
// boats" (the annotation guidelines: patrol boats are Ships); boats given to
// police or border troops stay kit.
func (a *analysis) navalBoats(ms []wmatch) []wmatch {
	naval := false
	for _, t := range a.toks {
		naval = naval || navalWords[t.w]
	}
	if !naval {
		return ms
	}
	for k := range ms {
		m := &ms[k]
		if m.system == "" && m.category == "Other" && m.tj == m.ti+1 && (a.toks[m.ti].w == "boats" || a.toks[m.ti].w == "boat") {
			m.category, m.arms = "Ships", false
		}
	}
	return ms
}

// completionWords say a scheduled delivery took place after all: "was
// scheduled for 2020 but was completed in 2021".
var completionWords = words("completed finished concluded arrived delivered received handed done")

// completedAfter reports whether a completion word follows token t in the
// sentence.
func (a *analysis) completedAfter(t int) bool {
	for j := t; j < len(a.toks); j++ {
		if completionWords[a.toks[j].w] {
			return true
		}
	}
	return false
}
