package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Rules of the rd9 real-text round: constructions met in unseen reporting
// on Asian, Latin American, Middle Eastern and European deals, each a
// pattern of English with a sentence-level gold line (s2401 on).

// Attempts are plans: "China is trying to sell two submarines to Egypt",
// "Peru attempted to buy tanks".
func init() {
	cues.add("trying to|tries to|try to|tried to|attempting to|attempts to|attempted to|attempt to", cuePlanned)
}

// markRd9 drops or weakens the triggers of this round's non-transfers.
func (a *analysis) markRd9() {
	a.markCustomerBase()
	a.markPlanNouns()
	a.markBackedPurchase()
	a.markWorldwide()
	a.markPlatformSupplier()
}

// markCustomerBase drops "customer" in "customer base": a market, no
// named buyer ("looks to expand exports beyond its customer base").
func (a *analysis) markCustomerBase() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.spec.sp == spCustomer && tr.tj < len(toks) && (toks[tr.tj].w == "base" || toks[tr.tj].w == "bases") {
			tr.drop = true
		}
	}
}

// planHeads after a transfer noun make it a plan: "the export plan
// involves six frigates", "a purchase proposal".
var planHeads = words("plan plans proposal proposals scheme idea project")

// markPlanNouns reads a transfer noun that premodifies a plan as planned:
// "The export plan involves six destroyer escorts" (a plan, not an
// export made).
func (a *analysis) markPlanNouns() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.noun && tr.tj < len(toks) && planHeads[toks[tr.tj].w] && statusRank(tr.spec.status) < statusRank(pln) {
			tr.spec.status = pln
		}
	}
}

// backingVerbs support a purchase that is still to be made.
var backingVerbs = words("supported supports supporting backed backs backing endorsed endorses endorsing favoured favored")

// markBackedPurchase reads a purchase that a body supports as planned: "a
// parliamentary committee supported acquiring U.S.-made missile systems",
// "the senate backed the purchase of tanks from Germany".
func (a *analysis) markBackedPurchase() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.spec.dir != dirR || statusRank(tr.spec.status) >= statusRank(pln) {
			continue
		}
		j := tr.ti - 1
		for j >= 0 && (toks[j].w == "the" || toks[j].w == "a" || toks[j].w == "possible" || toks[j].w == "proposed") {
			j--
		}
		if j >= 0 && backingVerbs[toks[j].w] {
			tr.spec.status = pln
		}
	}
}

// worldwideWords name no recipient but the world.
var worldwideWords = newPhraseSet[bool]()

func init() {
	worldwideWords.add("worldwide|globally|around the world|across the world|across the globe|around the globe|"+
		"to customers worldwide|all over the world", true)
}

// markWorldwide drops a supplying verb whose recipients are the world and
// no country: "Raytheon said it has delivered more than 500 radars
// worldwide" names no buyer, so none is taken from context ("worldwide,
// including to Poland" names one and stays).
func (a *analysis) markWorldwide() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.noun || tr.spec.dir != dirS {
			continue
		}
		world, country := false, false
		for j := tr.tj; j < len(toks) && j < tr.tj+20 && toks[j].w != ";"; j++ {
			if _, n := worldwideWords.match(toks, j); n > 0 {
				world = true
			}
			if a.actorAt[j] >= 0 {
				country = true
			}
		}
		if world && !country {
			tr.drop = true
		}
	}
}

// leasesForeignGoods reports whether a lease verb's object opens with an
// origin demonym: "Germany agreed to lease Israeli drones" (Germany is
// the lessee and receives; "leased Swedish Gripens to Hungary" keeps its
// "to").
func (a *analysis) leasesForeignGoods(tr *trig) bool {
	toks := a.toks
	if tr.passive {
		return false
	}
	j := tr.tj
	for j < len(toks) && j < tr.tj+3 && (objectDeterminers[toks[j].w] || toks[j].digit || numberWords[toks[j].w] > 0) {
		j++
	}
	k := -1
	if j < len(toks) {
		k = a.actorAt[j]
	}
	if k < 0 || a.actors[k].kind != gazetteer.DemonymMention {
		return false
	}
	for i := j; i < len(toks) && i < j+12 && toks[i].w != "," && toks[i].w != ";"; i++ {
		if toks[i].w == "to" && i+1 < len(toks) && a.actorAt[i+1] >= 0 {
			return false
		}
	}
	return true
}

// skipAside returns the token after a parenthesis that opens at end and
// names no country, year or verb of transfer ("to Qatar (F-15s, for $21 billion) and Kuwait": the
// list goes on after it), or end itself.
func (a *analysis) skipAside(end int) int {
	toks := a.toks
	if end >= len(toks) || toks[end].w != "(" {
		return end
	}
	for j := end + 1; j < len(toks) && j < end+16; j++ {
		switch {
		case a.actorAt[j] >= 0 || a.trigAt[j] >= 0 || toks[j].w == "(" || isYearTok(toks[j]):
			return end // each member keeps its own dates and verbs
		case toks[j].w == ")":
			return j + 1
		}
	}
	return end
}

// intentHeads name a document of intent, not a contract.
var intentHeads = words("memorandum memoranda mou mous framework intent understanding")

// underIntentOnly reports whether the sentence opens with "Under" a
// memorandum or letter of intent and frame f follows it: "Under the
// memorandum of understanding signed in October, Zagreb will supply Kyiv
// with 30 tanks" is a plan (no contract), like the memorandum itself.
func (a *analysis) underIntentOnly(f *frame) bool {
	toks := a.toks
	if len(toks) < 3 || toks[0].w != "under" {
		return false
	}
	intent := false
	for j := 1; j < f.start && j < len(toks); j++ {
		switch {
		case toks[j].w == "contract" || toks[j].w == "contracts" || toks[j].w == "deal" || toks[j].w == "agreement":
			return false
		case j <= 5 && intentHeads[toks[j].w]:
			intent = true
		}
	}
	return intent
}

// heldDealNouns name an agreement whose "to" verb is the transfer agreed.
var heldDealNouns = words("deal deals contract contracts agreement agreements plan plans")

// dealOnHold reports whether the transfer is a deal's ("deal to sell
// submarines to Thailand", or the deal noun itself) and the deal is "on
// hold" later in the clause: "But deal to sell submarines to Thailand on
// hold", "the contract for tanks is on hold" (suspended: cancelled).
func (a *analysis) dealOnHold(tr *trig) bool {
	toks := a.toks
	deal := tr.noun && heldDealNouns[toks[tr.ti].w] ||
		tr.ti >= 2 && toks[tr.ti-1].w == "to" && heldDealNouns[toks[tr.ti-2].w]
	if !deal {
		return false
	}
	for k := tr.tj; k+1 < len(toks) && k < tr.tj+12; k++ {
		if toks[k].w == "," || toks[k].w == ";" || a.trigAt[k] >= 0 && !a.trigs[a.trigAt[k]].noun {
			return false
		}
		if toks[k].w == "on" && toks[k+1].w == "hold" {
			return true
		}
	}
	return false
}

// parenItemsFor returns the weapons recipient rc gets: items, unless each
// is named in another country's parenthesis and rc has one of its own,
// whose weapons are then rc's: "sold jets to Oman (F-16 models) and Jordan
// (F-16V models)" gives Jordan the F-16V even though the frame read only
// Oman's F-16.
func (a *analysis) parenItemsFor(items []int, rc string) []int {
	for _, it := range items {
		if it < 0 || a.parenOwner(it) == "" || a.parenOwner(it) == rc {
			return items
		}
	}
	var own []int
	for it := range a.items {
		if !a.items[it].org && a.parenOwner(it) == rc {
			own = append(own, it)
		}
	}
	if len(own) == 0 {
		return items
	}
	return own
}

// markPlatformSupplier drops a supplier noun whose "for" names a weapon,
// not a country: "Northrop Grumman is the only radar supplier for the
// F-16" supplies parts for a type, to no buyer ("the main arms supplier
// for India" names one and stays).
func (a *analysis) markPlatformSupplier() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if !tr.noun || tr.spec.sp != spSupplier || tr.tj+1 >= len(toks) || toks[tr.tj].w != "for" {
			continue
		}
		j := tr.tj + 1
		for j < len(toks) && (toks[j].w == "the" || toks[j].w == "its" || toks[j].w == "their") {
			j++
		}
		if j < len(toks) && a.itemAt[j] >= 0 && a.actorAt[j] < 0 {
			tr.drop = true
		}
	}
}

// retiredWords before a weapon say its holder used it up: it was delivered.
var retiredWords = words("decommissioned retired withdrawn")

// ownerInRelative gives a buying passive in a relative clause on a weapon
// its recipient from the weapon's demonym when the sentence names none and
// the seller is another country: in "two decommissioned Chilean warships
// which were acquired second-hand from the Netherlands", "Chilean" cannot
// be the origin of goods bought from the Netherlands, so Chile bought
// them; "decommissioned" says they had come (delivered). Only for ships,
// whose demonym names their flag: "Russian helicopters which were bought
// from Belarus" are Russian-made and say nothing of who holds them.
func (a *analysis) ownerInRelative(f *frame, items []int, sups, recs []roleParty) []roleParty {
	toks := a.toks
	tr := &a.trigs[f.t]
	if len(recs) > 0 || len(sups) != 1 || !tr.passive || tr.spec.dir != dirR || tr.ti < 3 {
		return recs
	}
	rel := tr.ti - 2
	if !beForms[toks[tr.ti-1].w] || toks[rel].w != "which" && toks[rel].w != "that" {
		return recs
	}
	it := a.itemAt[rel-1]
	if it < 0 || !slices.Contains(items, it) || len(a.items[it].origins) != 1 || a.items[it].category != "Ships" {
		return recs
	}
	ac := &a.actors[a.items[it].origins[0]]
	if ac.kind != gazetteer.DemonymMention || ac.made || len(ac.countries) != 1 || slices.Contains(sups[0].countries, ac.countries[0]) {
		return recs
	}
	for j := ac.ti - 1; j >= 0 && j >= ac.ti-2; j-- {
		if retiredWords[toks[j].w] && f.status == bot.StatusOrdered {
			f.status = bot.StatusDelivered
		}
	}
	return append(recs, roleParty{party: party{countries: ac.countries, pos: ac.ti}, li: -1, it: -1})
}

// keepAgreeing drops the relations completed from context that
// checkInferred would drop, before foldVague weighs the stages of a pair:
// a TB2 order wrongly completed with the supplier of the sentence before
// must not fold away that supplier's own plan ("supported acquiring
// U.S.-made missile systems") and then vanish itself.
func keepAgreeing(rels []relation, named, subject []string) []relation {
	stated := statedParties(rels, named, subject)
	out := rels[:0:0]
	for _, r := range rels {
		if !r.Inferred || stated.agrees(r) {
			out = append(out, r)
		}
	}
	return out
}

// possessedRole reports whether a role noun is owned by "its" or "their"
// a word or two before it ("its largest customers Saudi Arabia and the
// United States": the countries after it are those customers; not "lost
// customers Iraq and Syria").
func (a *analysis) possessedRole(tr *trig) bool {
	for j := tr.ti - 1; j >= 0 && j >= tr.ti-3; j-- {
		switch a.toks[j].w {
		case "its", "their":
			return true
		case "lost", "former", "potential", "prospective", "possible", "future":
			return false
		}
	}
	return false
}

// pronounObjectItems returns the weapons named earlier in frame f's clause
// when the trigger's object is "them", "it" or a bare count ("an initial
// two") and the frame found none:
// in "Chile's Navy is preparing to sail two retired Australian warships
// out of Sydney after purchasing them", "them" are the warships. Nil when
// the object is no pronoun or the clause names no weapon before it.
func (a *analysis) pronounObjectItems(f *frame) []int {
	toks := a.toks
	tr := &a.trigs[f.t]
	for _, k := range f.absorbed {
		if !a.trigs[k].noun {
			tr = &a.trigs[k] // "after purchasing them in a deal"
		}
	}
	if tr.noun || tr.passive || tr.tj >= len(toks) || toks[tr.tj].w != "them" && toks[tr.tj].w != "it" && !a.bareCountAt(tr.tj) {
		return nil
	}
	c := &a.clauses[f.clause]
	var out []int
	for it := range a.items {
		x := &a.items[it]
		if !x.org && !x.arms && x.ti >= c.ts && x.tj <= tr.ti {
			out = append(out, it)
		}
	}
	return out
}

// systemHeads are generic heads that name the system itself, not a part of
// it or what it fires: "HIMARS missile systems", "Patriot missile
// batteries" are HIMARS and Patriot ("Gepard ammunition" is not a Gepard).
var systemHeads = words("system systems launcher launchers battery batteries")

// systemHead reports whether the generic match m ends in a system head.
func (a *analysis) systemHead(m wmatch) bool {
	return m.tj > m.ti && systemHeads[a.toks[m.tj-1].w]
}

// A seller wins deals as it wins orders: "It has won deals with Pakistan
// and Bangladesh" (the subject supplies them). Not "secured a deal", which
// a buyer does as well ("secured a deal to buy drones").
func init() {
	for _, v := range []string{"won", "wins", "win", "winning", "landed", "lands", "bagged"} {
		for _, d := range []string{"", "a ", "the ", "new ", "a new "} {
			light(dirS, ord, "", spWinOrder, fNoun, v+" "+d+"deal|"+v+" "+d+"deals")
		}
	}
}

// countOpeners may stand before a bare count: "an initial two", "the
// first three".
var countOpeners = words("an a the initial first another further")

// bareCountAt reports whether a count with no noun of its own starts at j:
// "ordering an initial two from TKMS" (two of the weapons named before).
func (a *analysis) bareCountAt(j int) bool {
	toks := a.toks
	for n := 0; j < len(toks) && n < 2 && countOpeners[toks[j].w]; n++ {
		j++
	}
	if j+1 >= len(toks) || !(numberWords[toks[j].w] > 1 || toks[j].digit && !isYearTok(toks[j])) {
		return false
	}
	switch toks[j+1].w {
	case "from", "of", ",", ".", "in", "for", "to", "by":
		return true
	}
	return false
}

// nameDefiniteItem names a definite generic weapon of a buyer's plan f
// (no supplier named) after the one system of its category that the
// previous sentence names: after
// "... have purchased hundreds of T-90 battle tanks", "the tank" in
// "Egypt has expressed interest in buying the tank" is the T-90 (whose
// maker, named nearby or tied to it by the title, may then supply).
func (a *analysis) nameDefiniteItem(f *frame, prev *analysis) {
	if prev == nil || len(f.items) != 1 {
		return
	}
	x := &a.items[f.items[0]]
	if x.system != "" || x.canon != "" || x.org || x.arms || x.ti == 0 || a.toks[x.ti-1].w != "the" {
		return
	}
	found := -1
	for it := range prev.items {
		y := &prev.items[it]
		if y.org || y.canon == "" || y.category != x.category {
			continue
		}
		if found >= 0 && prev.items[found].canon != y.canon {
			return // two systems of that kind: which one is open
		}
		found = it
	}
	if found >= 0 {
		x.system, x.canon = prev.items[found].system, prev.items[found].canon
	}
}

// "Uses" a weapon of another make is "operates" it: "The German military
// uses Israel's Heron 1", "Peru uses Korean trainers" (see keepOperate:
// only a weapon whose origin stands before it).
func init() {
	verb(dirR, del, "", spOperate, "", "uses", "", "")
}
