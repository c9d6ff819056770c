package extract

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
	"github.com/briefbot/briefbot/bot/weapons"
)

// Rules of the rd6 real-text round: constructions met in unseen reporting
// on Mongolia, Afghanistan, the Caucasus, Pakistan and Turkmenistan, each a
// pattern of English with a sentence-level gold line (s2101 on).

func init() {
	// "handed over by the Indian Ambassador to Afghanistan": an envoy
	// acts for his state, like an embassy.
	orgNouns["ambassador"], orgNouns["ambassadors"] = true, true
	// "is now in a position to supply": like "able to", a plan.
	cues.add("in a position to", cuePlanned)
	// "The Super Mushshak is in service of Oman and Iran": like "in
	// service with", usage.
	noun(dirU, del, "", 0, "in service of|in the service of")
}

// markRd6 drops the triggers of this round's non-transfers.
func (a *analysis) markRd6() {
	a.markMessageSent()
	a.markUnable()
	a.markProgramNouns()
}

// markProgramNouns drops a transfer noun that only names the program
// under which a later verb's transfer happens: "Under a military aid
// programme with Japan, the Philippine navy received three patrol boats"
// (the verb gives Japan -> Philippines; the noun would read Japan as the
// aid's recipient).
func (a *analysis) markProgramNouns() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if !tr.noun || tr.tj+1 >= len(toks) || !programNouns[toks[tr.tj].w] || toks[tr.tj+1].w != "with" {
			continue
		}
		for n := k + 1; n < len(a.trigs); n++ {
			if !a.trigs[n].noun && !a.trigs[n].drop {
				tr.drop = true
			}
		}
	}
}

// notInPosition reports whether the word "position" at p closes "not
// (been) in a position": "has not been in a position to supply".
func (a *analysis) notInPosition(p int) bool {
	toks := a.toks
	if p < 4 || toks[p-1].w != "a" || toks[p-2].w != "in" {
		return false
	}
	return toks[p-3].w == "not" || toks[p-3].w == "never" || toks[p-3].w == "been" && (toks[p-4].w == "not" || toks[p-4].w == "never")
}

// markUnable drops a verb of transfer after "unable to" or "not in a
// position to": "Russia is still unable to deliver Su-30SM fighter jets to
// Belarus" states neither a delivery nor a cancellation (the order stands,
// delayed), so it gives nothing; "was able to deliver" is not touched.
func (a *analysis) markUnable() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.noun || tr.ti < 2 || toks[tr.ti-1].w != "to" {
			continue
		}
		w := toks[tr.ti-2].w
		if w == "unable" || w == "inability" || w == "position" && a.notInPosition(tr.ti-2) {
			tr.drop = true
		}
	}
}

// messageNouns are what a government sends that is no goods: "sent Israel
// a letter of protest", "delivered a note to the embassy".
var messageNouns = words("letter letters note notes message messages protest protests warning warnings " +
	"invitation invitations delegation delegations envoy envoys signal signals greetings condolences " +
	"request requests reply replies ultimatum")

// messageAdjs stand between a verb and its message noun: "a strongly
// worded note", "a formal protest".
var messageAdjs = words("its their formal official diplomatic strong worded stern written open")

// markMessageSent drops a supplier verb whose direct object, after an
// optional recipient named as an indirect object, is a message: "Russia
// had sent Israel a letter of protest after ... a drone was shot down"
// gives nothing, while "Russia sent Israel two drones" stays a delivery.
func (a *analysis) markMessageSent() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.noun || tr.passive {
			continue
		}
		j := tr.tj
		for j < len(toks) && j < tr.tj+4 && a.actorAt[j] >= 0 {
			j++ // the indirect object: "sent Israel"
		}
		for j < len(toks) && (articles[toks[j].w] || toks[j].w == "its" || toks[j].w == "their" ||
			messageAdjs[toks[j].w] || a.lyAdverb(j)) {
			j++
		}
		if j < len(toks) && messageNouns[toks[j].w] {
			tr.drop = true
		}
	}
}

// allyNouns close a subject like "the United States and its allies".
var allyNouns = words("allies partners coalition")

// skipAllies returns the token after "and its allies" (or "and their
// partners") at t, or t when none follows: "In Afghanistan, the United
// States and its allies supplied ...": the allies end the subject, they
// do not join a list with the place before the comma.
func (a *analysis) skipAllies(t int) int {
	toks := a.toks
	if t+2 < len(toks) && toks[t].w == "and" && (toks[t+1].w == "its" || toks[t+1].w == "their") {
		j := t + 2
		if j+1 < len(toks) && !allyNouns[toks[j].w] {
			j++ // "its NATO allies", "its Western partners"
		}
		if allyNouns[toks[j].w] {
			return j + 1
		}
	}
	return t
}

// orgAndAhead reports whether the "and" at j joins two words of one
// organisation's name, an organisation noun coming within two words: "the
// Afghan National Defence and Security Forces", "the Kazakh Border and
// Coast Guard".
func orgAndAhead(toks []tok, j int) bool {
	if toks[j].w != "and" {
		return false
	}
	for k := j + 1; k < len(toks) && k <= j+2 && toks[k].word && !functionWords[toks[k].w]; k++ {
		if orgNouns[toks[k].w] {
			return true
		}
	}
	return false
}

// placeNouns owned by a country make its possessive a place: "entered
// Uzbekistan's airspace", "guard Tajikistan's border" (not "Uzbekistan's
// border guards": an organisation).
var placeNouns = words("airspace territory territories soil waters border borders coast coastline shores")

// seizureNouns before "of" make the country after it a place: "during the
// Taliban takeover of Kabul", "after the fall of Kabul".
var seizureNouns = words("takeover fall capture seizure invasion occupation siege liberation")

// inServiceOf reports whether "in (the) service of" ends right before
// token t.
func (a *analysis) inServiceOf(t int) bool {
	toks := a.toks
	if t > 0 && toks[t-1].w == "the" {
		t-- // "in the service of the Tunisian army"
	}
	if t < 3 || toks[t-1].w != "of" || toks[t-2].w != "service" {
		return false
	}
	return toks[t-3].w == "in" || t >= 4 && toks[t-3].w == "the" && toks[t-4].w == "in"
}

// markPlaceLists marks as places the lists that name where something
// happens rather than a party: a possessive before one of the placeNouns
// ("Uzbekistan's airspace") and a country after one of the seizureNouns
// and "of" ("the takeover of Kabul"). A weapon named in the sentence is
// then not read as held by that country: "During the takeover of Kabul,
// 24 helicopters (Embraer EMB 314 ...) entered Uzbekistan's airspace"
// gives nothing.
func (a *analysis) markPlaceLists() {
	toks := a.toks
	for li := range a.lists {
		l := &a.lists[li]
		if a.inServiceOf(l.ti) {
			l.prep, l.place = "of", false // "in service of Oman": the user, not a place
			continue
		}
		if len(l.members) != 1 {
			continue
		}
		ac := &a.actors[l.members[0]]
		if ac.poss {
			if n := a.possessed(ac); n < len(toks) && placeNouns[toks[n].w] && (n+1 >= len(toks) || !orgNouns[toks[n+1].w]) {
				l.place = true
			}
			continue
		}
		if ac.origin < 0 && l.ti >= 2 && toks[l.ti-1].w == "of" && seizureNouns[toks[l.ti-2].w] {
			l.place = true
		}
	}
}

// programNouns name a framework under which goods change hands: "under a
// cooperation program with the US Department of Defense".
var programNouns = words("program programme programs programmes agreement agreements arrangement accord " +
	"deal contract framework")

// programPartner returns the partner of "under a ... program with X" as
// the supplier of a buying or receiving verb that names no supplier, sups
// otherwise: "Under a cooperation program with the US Department of
// Defense, the Turkmen navy obtained Point-class patrol boats" (United
// States -> Turkmenistan). The phrase must stand in the verb's clause
// before the verb, and its partner must not be the recipient.
func (a *analysis) programPartner(f *frame, sups, recs []roleParty) []roleParty {
	if len(sups) > 0 || len(recs) == 0 || f.spec.dir != dirR || a.trigs[f.t].noun {
		return sups
	}
	toks := a.toks
	c := &a.clauses[f.clause]
	for li := range a.lists {
		l := &a.lists[li]
		if l.prep != "with" || l.pron != "" || l.ti >= f.start || l.ti < c.ts {
			continue
		}
		j := a.prepIndex(l.ti) - 1 // the word before "with"
		if j < 1 || !programNouns[toks[j].w] || !a.underBefore(j) {
			continue
		}
		if p := a.parties(li, f, recs); len(p) > 0 && !sameSide(recs, p[0].countries) {
			return p
		}
	}
	return sups
}

// underBefore reports whether "under" opens the noun phrase that ends at
// the program noun at j: "under a cooperation program", "under the 2019
// agreement".
func (a *analysis) underBefore(j int) bool {
	for k := j - 1; k >= 0 && k >= j-4; k-- {
		if a.toks[k].w == "under" {
			return true
		}
		if !a.toks[k].word && !a.toks[k].digit || a.actorAt[k] >= 0 {
			return false
		}
	}
	return false
}

// boughtAfterArrival makes a purchase of goods that the sentence has
// already shown arriving a delivery: "In 2002 new patrol boats were
// commissioned into the Turkmen coast guard; they were bought from
// Ukraine" (the boats bought are the ones in service). The purchase must
// refer back ("they", "them") to the weapons of a delivered frame kept
// before it in the sentence; "they will be bought" stays what it says.
func (a *analysis) boughtAfterArrival(f *frame, items []int) {
	if !f.anaphor || f.newBatch || f.status != bot.StatusOrdered || f.spec.dir != dirR || f.neg || f.denied || len(a.res.kept) == 0 {
		return
	}
	d := a.res.kept[len(a.res.kept)-1]
	if d.status != bot.StatusDelivered || d.neg || d.denied || d.spec.dir != dirR && d.spec.dir != dirU || !sharesItem(items, d.items) && !a.pluralPronounOpens(f.clause) {
		return
	}
	if a.willBefore(f) {
		return
	}
	f.status = bot.StatusDelivered
	if len(a.yearsIn(f.ys, f.ye)) == 0 && d.ys < f.ys {
		f.ys = d.ys // the delivery's years: "In 2002 ... were commissioned"
	}
}

// pluralPronounOpens reports whether clause c opens with "they" or
// "these" standing for the goods before it: "...; they were bought from
// Ukraine, mostly Kalkan-M and Grif-T" (the types name the same boats).
func (a *analysis) pluralPronounOpens(c int) bool {
	t := a.clauses[c].ts
	return t < len(a.toks) && (a.toks[t].w == "they" || a.toks[t].w == "these")
}

// willBefore reports whether a future or modal word stands in frame f's
// clause before its trigger: "they will be bought", "they would be
// bought".
func (a *analysis) willBefore(f *frame) bool {
	c := &a.clauses[f.clause]
	for j := max(c.ts, f.start-4); j < f.start; j++ {
		if cv, _ := cues.match(a.toks, j); cv != 0 && cv != cueOrdered || a.toks[j].w == "will" || a.toks[j].w == "would" || a.toks[j].w == "to" {
			return true
		}
	}
	return false
}

// cancelDeniedPairs returns the "supplier>recipient" pairs of found when
// the sentence denies a cancellation: a denial cue, then a cancellation
// cue ("denied that Israel had frozen arms sales to Georgia").
func (a *analysis) cancelDeniedPairs(found []relation) []string {
	deny := false
	var out []string
	for j := range a.toks {
		cv, _ := cues.match(a.toks, j)
		if cv == cueDeny {
			deny = true
		}
		if deny && cv == cueCancel {
			for _, r := range found {
				if !r.Denied && r.Status != bot.StatusCancelled {
					out = append(out, r.Supplier+">"+r.Recipient)
				}
			}
			if len(out) == 0 {
				out = a.haltedPair(j) // the denied halt itself gave nothing (deniedHaltOfTrade)
			}
			return out
		}
	}
	return nil
}

// dropDeniedCancels drops a cancellation that a sentence attributes to
// someone ("..., Maariv reported", "according to") when the report denies
// that cancellation of the same pair elsewhere ("denied that Israel had
// frozen arms sales to Georgia"): the report leaves it unconfirmed. A
// cancellation the report states in its own voice stays.
func dropDeniedCancels(rels []relation, pairs []string) []relation {
	if len(pairs) == 0 {
		return rels
	}
	out := rels[:0]
	for _, r := range rels {
		if r.Status == bot.StatusCancelled && !r.Denied && slices.Contains(pairs, r.Supplier+">"+r.Recipient) && attributed(r.Evidence.Sentence) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// attributed reports whether a sentence gives someone's word (one of the
// attributionCues).
func attributed(sentence string) bool {
	low := " " + strings.ToLower(sentence) + " "
	for _, cue := range attributionCues {
		if strings.Contains(low, cue) {
			return true
		}
	}
	return false
}

// suchHoldVerbs state a holding before "such": "Georgia had 40 such
// drones".
var suchHoldVerbs = words("has have had possesses possessed owns owned operates operated")

// suchCounts may stand before "such" in a holding: "40 such drones",
// "several such systems".
var suchCounts = words("several many dozens some few")

// suchHolder returns the country of "<Country> has (had) <count> such
// <weapon>" ("Georgia had 40 such drones"): the weapons of the sentence
// before, now held. "" when the sentence says something else, names a
// transfer of its own, or negates.
func (a *analysis) suchHolder() string {
	toks := a.toks
	if len(a.trigs) > 0 || negates(a.text) {
		return ""
	}
	for j := 1; j+2 < len(toks); j++ {
		if toks[j].w != "such" || !(toks[j-1].digit || suchCounts[toks[j-1].w]) || a.itemAt[j+1] < 0 {
			continue
		}
		h := j - 2
		if h >= 0 && !suchHoldVerbs[toks[h].w] && h >= 1 && suchHoldVerbs[toks[h-1].w] {
			h-- // "had about 40 such drones"
		}
		if h < 1 || !suchHoldVerbs[toks[h].w] {
			return ""
		}
		if k := a.actorAt[h-1]; k >= 0 && !a.actors[k].drop && len(a.actors[k].countries) == 1 && a.actors[k].kind != gazetteer.DemonymMention {
			return a.actors[k].countries[0]
		}
		return ""
	}
	return ""
}

// heldSince makes the orders of rels bought by country h deliveries: the
// sentence after them says that h has such weapons.
func heldSince(rels []relation, h string) {
	for i := range rels {
		if rels[i].Recipient == h && rels[i].Status == bot.StatusOrdered && !rels[i].Denied {
			rels[i].Status = bot.StatusDelivered
		}
	}
}

// subjectLead are the words that may open a sentence before the weapon
// that is its subject: "Approximately 300 Super Mushshak aircraft are
// used", "Indigenously produced Super Mushshak aircraft are equipped".
var subjectLead = words("the approximately about around some nearly over almost indigenously locally " +
	"domestically produced built made developed designed")

// leadingSubject returns the first token after the words that may open a
// sentence before its subject weapon (at most three).
func (a *analysis) leadingSubject() int {
	t := 0
	for t < len(a.toks) && t < 3 && (subjectLead[a.toks[t].w] || a.toks[t].digit && !isYearTok(a.toks[t])) {
		t++
	}
	return t
}

// keepsTopic reports whether the sentence goes on about the weapon topic
// cur without opening with it: it names cur's system and no other
// ("Pakistan has signed agreements to export Super Mushshak aircraft to
// Turkey"), or names no designated weapon and no country ("This contract
// would open avenues for exports of aviation equipment"), so a later "The
// aircraft" is still cur.
func (a *analysis) keepsTopic(cur *weaponTopic) bool {
	named := false
	for it := range a.items {
		x := &a.items[it]
		if x.org || x.system == "" {
			continue
		}
		if x.canon != cur.canon {
			return false
		}
		named = true
	}
	if named {
		return true
	}
	for k := range a.actors {
		if !a.actors[k].drop {
			return false
		}
	}
	return true
}

// carryPrevSystem names the one generic weapon of an inferred frame by the
// system the previous sentence names for the same pair: "Armenia would
// like to purchase 12 Su-30SM aircraft from Russia. The first batch of
// four planes was delivered in December." delivers Su-30SMs. The previous
// sentence must name exactly one system of that pair in the weapon's
// category, and the generic word must fit its kind (planes are no
// helicopters).
func (a *analysis) carryPrevSystem(f *frame, prev []relation, sup, rec string) {
	if len(f.items) != 1 {
		return
	}
	x := &a.items[f.items[0]]
	if x.system != "" || x.arms || x.org || x.tj == 0 {
		return
	}
	sys := ""
	for _, r := range prev {
		if r.Supplier != sup || r.Recipient != rec || r.System == "" || r.Category != x.category {
			continue
		}
		if sys != "" && systemKey(sys) != systemKey(r.System) {
			return // two systems: which one?
		}
		sys = r.System
	}
	s, ok := weapons.LookupSystem(sys)
	if !ok || !genericFits(a.toks[x.tj-1].w, strings.ToLower(s.Kind)) {
		return
	}
	x.system, x.canon = sys, s.Name
}

// genericFits reports whether the generic weapon word w may stand for a
// system of the given kind: "planes" for a combat aircraft, not for a
// helicopter or a drone; "helicopters" only for helicopters.
func genericFits(w, kind string) bool {
	rotor := strings.Contains(kind, "helicopter")
	drone := strings.Contains(kind, "uav") || strings.Contains(kind, "drone") || strings.Contains(kind, "unmanned")
	switch w {
	case "plane", "planes", "aircraft", "jet", "jets", "fighter", "fighters", "warplane", "warplanes":
		return !rotor && !drone
	case "helicopter", "helicopters", "gunships", "choppers":
		return rotor
	case "drone", "drones", "uav", "uavs":
		return drone
	case "tank", "tanks":
		return strings.Contains(kind, "tank")
	}
	return false
}

// beingBuiltRelations reads a known foreign system under construction in
// another country: "Two of the four MILGEM ships are being built in
// Pakistan" (Turkey -> Pakistan, ordered, licence), when the lexicon's
// maker is named in the sentence, the one before or the title. Ships
// "built in Istanbul", a maker's own country, a hedge or a plan give
// nothing; so does a system the lexicon does not know.
func (a *analysis) beingBuiltRelations() []relation {
	if a.ctx == nil || a.hedged() || a.plansOrCancels(nil) || negates(a.text) {
		return nil
	}
	var out []relation
	for i := range a.items {
		x := &a.items[i]
		if x.org || x.canon == "" {
			continue
		}
		rec := a.beingBuiltPlace(x.tj)
		m := madeIn(x.canon)
		if rec == "" || len(m) != 1 || m[0] == rec || !a.namesNearby(m[0]) {
			continue
		}
		out = append(out, itemRelation(x, m[0], rec, bot.StatusOrdered, bot.KindLicence))
	}
	return out
}

// beingBuiltPlace returns the one country of "are being built in X" (or
// "is being constructed in", "are to be assembled in") right after token
// t, "" when the tokens there say something else.
func (a *analysis) beingBuiltPlace(t int) string {
	toks := a.toks
	if t+4 >= len(toks) || !beForms[toks[t].w] {
		return ""
	}
	j := t + 1
	switch {
	case toks[j].w == "being":
		j++
	case toks[j].w == "to" && toks[j+1].w == "be":
		j += 2
	default:
		return ""
	}
	if j+1 >= len(toks) || !localBuildWords[toks[j].w] && toks[j].w != "constructed" || toks[j+1].w != "in" {
		return ""
	}
	k := a.actorAt[j+2]
	if k < 0 || a.actors[k].drop || len(a.actors[k].countries) != 1 || a.actors[k].kind == gazetteer.DemonymMention {
		return ""
	}
	return a.actors[k].countries[0]
}

// handedOnPurchase makes a purchase of "these" goods a delivery when the
// sentence before shows the buyer handing goods on: "These were handed
// over by the Indian Ambassador to Afghanistan. India purchased these
// helicopters from Belarus" (Belarus -> India, delivered: India could
// only hand over what it had received). prev is the previous sentence's
// analysis, nil when unknown.
func (a *analysis) handedOnPurchase(rels []relation, prev *analysis) {
	if prev == nil || !a.demonstrativePurchase() {
		return
	}
	prevRels := prev.resolve()
	for i := range rels {
		r := &rels[i]
		if r.Status != bot.StatusOrdered || r.Denied {
			continue
		}
		for _, p := range prevRels {
			if p.Supplier == r.Recipient && p.Status == bot.StatusDelivered && !p.Denied {
				r.Status = bot.StatusDelivered
			}
		}
	}
}

// demonstrativePurchase reports whether a buying verb in the active takes
// goods named by "these" or "those" ("India purchased these helicopters"),
// with no future or modal word before it.
func (a *analysis) demonstrativePurchase() bool {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.noun || tr.passive || tr.drop || tr.spec.dir != dirR || tr.tj >= len(toks) {
			continue
		}
		if w := toks[tr.tj].w; w != "these" && w != "those" {
			continue
		}
		for j := max(0, tr.ti-3); j < tr.ti; j++ {
			if cv, _ := cues.match(toks, j); cv != 0 || toks[j].w == "to" {
				return false
			}
		}
		return true
	}
	return false
}

// handOnWords are the verbs of a buyer handing goods on to a third party.
var handOnWords = words("hand hands handed handing give gives given gave gift gifts gifted donate donates donated")

// handedOnAfterPurchase reports whether frame f hands goods over after
// frame d bought them: "Two more helicopters will be purchased from
// Belarus and handed over to the Afghan Air Force" (the buyer, not
// Belarus, hands them over), so f does not take d's seller. "were ordered
// from Russia and delivered to Kazakhstan" still does.
func (a *analysis) handedOnAfterPurchase(f, d *frame) bool {
	return f.spec.dir == dirS && d.spec.dir == dirR && !a.trigs[d.t].noun && handOnWords[a.toks[a.trigs[f.t].ti].w]
}

// handedOnUnknownGiver reports whether partial frame f hands goods over,
// names no giver, and follows a purchase in the same sentence, or is that
// purchase and names no buyer: the giver is the buyer, which the sentence
// does not name, so neither side is taken from the context ("will be
// purchased from Belarus and handed over to the Afghan Air Force" would
// make Belarus the giver, or Afghanistan the buyer).
func (a *analysis) handedOnUnknownGiver(f *frame) bool {
	for _, d := range a.res.kept {
		if d == f {
			continue
		}
		if len(f.rsups) == 0 && d.start < f.start && a.handedOnAfterPurchase(f, d) {
			return true
		}
		if len(f.rrecs) == 0 && f.start < d.start && a.handedOnAfterPurchase(d, f) {
			return true // the purchase: its buyer is not the one handed the goods
		}
	}
	return false
}

// dropMakerGiver drops the suppliers of a hand-over frame f that were only
// taken from the context (the weapon's maker) when a purchase before it in
// the sentence bought the goods: "Two more Mi-17 helicopters will be
// bought from Russia and handed over to the Afghan air force" (the buyer
// hands them over, not Russia).
func (a *analysis) dropMakerGiver(f *frame, sups []roleParty) []roleParty {
	for _, p := range sups {
		if !p.inferred {
			return sups
		}
	}
	for _, d := range a.res.kept {
		if d.start < f.start && a.handedOnAfterPurchase(f, d) {
			return nil
		}
	}
	return sups
}

// aidForOther reports whether the aid named in buying frame f's clause is
// given to another country than f's buyer, its subject: "India purchased
// these helicopters from Belarus as part of the security assistance
// package to Afghanistan" is a sale to India (the aid goes to
// Afghanistan).
func (a *analysis) aidForOther(f *frame) bool {
	c := &a.clauses[f.clause]
	if f.spec.dir != dirR || c.subj < 0 || a.lists[c.subj].pron != "" {
		return false
	}
	var buyers []string
	for _, m := range a.lists[c.subj].members {
		buyers = append(buyers, a.actors[m].countries...)
	}
	for k := range a.trigs {
		g := &a.trigs[k]
		if k == f.t || !g.noun || g.spec.kind != bot.KindAid || g.ti < c.ts || g.ti >= c.te {
			continue
		}
		j := g.tj
		if j+1 >= len(a.toks) || a.toks[j].w != "to" {
			continue
		}
		j++
		if a.toks[j].w == "the" {
			j++
		}
		if ac := a.actorAt[j]; ac >= 0 && !a.actors[ac].drop && !sameSide([]roleParty{{party: party{countries: buyers}}}, a.actors[ac].countries) {
			return true
		}
	}
	return false
}

// haltedPair returns the "supplier>recipient" pair of a denied halt whose
// cancellation word is at j: the one country named before it, as its
// subject, and the one after "to" in the words after it ("denied that
// Spain had frozen arms sales to Morocco"); nil when either is missing.
func (a *analysis) haltedPair(j int) []string {
	sup, rec := "", ""
	for t := j - 1; t >= 0 && t >= j-4; t-- {
		if k := a.actorAt[t]; k >= 0 && len(a.actors[k].countries) == 1 {
			sup = a.actors[k].countries[0]
			break
		}
	}
	for t := j + 1; t+1 < len(a.toks) && t <= j+6; t++ {
		if a.toks[t].w == "to" {
			if k := a.actorAt[t+1]; k >= 0 && len(a.actors[k].countries) == 1 {
				rec = a.actors[k].countries[0]
			}
			break
		}
	}
	if sup == "" || rec == "" || sup == rec {
		return nil
	}
	return []string{sup + ">" + rec}
}
