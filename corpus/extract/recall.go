package extract

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Rules of the December 2026 recall round, kept together: each reads one
// more pattern of English seen in real arms reporting.

// keepHand keeps a bare "hand"/"handed" ("China handed the Bangladesh Navy
// two frigates", "handed two patrol boats to Ghana") only when a weapon
// follows within a few words of the same clause, before any comma:
// "handed Ukraine a defeat, destroying ten tanks" and "handed the officers
// long sentences" transfer nothing.
func (a *analysis) keepHand(tr *trig) bool {
	if tr.noun {
		return false
	}
	toks := a.toks
	for j := tr.tj; j < len(toks) && j < tr.tj+9; j++ {
		if a.itemAt[j] >= 0 {
			return true
		}
		if a.trigAt[j] >= 0 || !toks[j].word && toks[j].w != "-" && toks[j].w != "'" && toks[j].w != "'s" || toks[j].w == "of" {
			return false // "handed Washington a list of American systems" hands over a list
		}
		if _, n := triggers.match(toks, j); n > 0 && a.actorAt[j] < 0 {
			return false // "got the green light to buy F-16s": the later verb transfers
		}
	}
	return false
}

// arrivedIn returns the list right after an arrival verb's "in" ("drones
// from Turkey arrived in Niamey", "the first K2 tanks arrived in Poland"):
// the country, or the capital that stands for it, that the goods reached.
// Only a country name or a capital counts, never a demonym or a group, and
// only when no "to"/"for" recipient is named; -1 if none.
func (r *roleReader) arrivedIn() int {
	a, f := r.a, r.f
	if !r.arrivingGoods() {
		return -1
	}
	t := f.tj
	if t < len(a.toks) && a.toks[t].w == "in" {
		t++
	} else {
		return -1
	}
	li := -1
	if t < len(a.toks) {
		li = a.listAt[t]
	}
	if li < 0 || len(a.lists[li].members) != 1 || a.lists[li].pron != "" || a.lists[li].except {
		return -1
	}
	ac := &a.actors[a.lists[li].members[0]]
	if ac.drop || ac.poss || len(ac.countries) != 1 ||
		ac.kind != gazetteer.NameMention && ac.kind != gazetteer.CapitalMention {
		return -1
	}
	return li
}

// arrivingGoods reports whether a weapon of the frame stands before its
// arrival verb, as its subject: "the drones arrived", not "the delegation
// arrived in Moscow to discuss drones".
func (r *roleReader) arrivingGoods() bool {
	for _, it := range r.items {
		if r.a.items[it].tj <= r.f.ti {
			return true
		}
	}
	return false
}

// arrivedFrom returns the "from" list right after the arriving goods
// ("Akinci drones from Turkey arrived in Niamey"): the sender.
func (r *roleReader) arrivedFrom() []int {
	a := r.a
	if !r.arrivingGoods() {
		return nil
	}
	var out []int
	for _, li := range r.byPrep(r.before, "from") {
		l := &a.lists[li]
		for _, it := range r.items {
			if a.items[it].tj+1 == l.ti {
				out = append(out, li)
			}
		}
	}
	return out
}

// boughtRelativeItem returns the weapon a relative clause with "that"
// qualifies when the clause's subject bought or ordered it ("the K2 tanks
// that Poland ordered from South Korea", "the F-16s that Argentina bought
// from Denmark"), for the buying verb itself and for a passive or arrival
// verb after it in the same clause ("... arrived at the port", "... have
// been handed over"), whose subject is that weapon; nil otherwise.
func (a *analysis) boughtRelativeItem(f *frame) []int {
	c := &a.clauses[f.clause]
	it := a.relativeHeadItem(c)
	if it < 0 {
		return nil
	}
	k := a.relativeBuyingTrig(c)
	if k < 0 {
		return nil
	}
	if f.t == k || a.passiveAfterRelative(f, k) {
		return []int{it}
	}
	return nil
}

// relativeHeadItem returns the weapon right before the "that" that opens
// relative clause c, when the clause has a subject; -1 otherwise.
func (a *analysis) relativeHeadItem(c *clause) int {
	if c.kind != cThat || c.ts < 2 || a.toks[c.ts-1].w != "that" || c.subj < 0 {
		return -1
	}
	it := a.itemAt[c.ts-2]
	if it < 0 || a.items[it].org {
		return -1
	}
	return it
}

// relativeBuyingTrig returns the relative's own verb, the first trigger
// after its subject (past adverbs and "has"), when it is an active verb of
// ordering or receiving; -1 otherwise.
func (a *analysis) relativeBuyingTrig(c *clause) int {
	s := a.lists[c.subj].tj
	for s < c.te && (adverbs[a.toks[s].w] || haveForms[a.toks[s].w]) {
		s++
	}
	k := a.trigAt[s]
	if s >= c.te || k < 0 {
		return -1
	}
	rt := &a.trigs[k]
	if rt.noun || rt.passive || rt.spec.dir != dirR || rt.spec.kind != "" || rt.spec.status != ord && rt.spec.status != del {
		return -1
	}
	return k
}

// passiveAfterRelative reports whether frame f's trigger is a passive or
// arrival verb later in the same clause as the relative's verb k, with no
// item, other trigger or comma between them ("... have been handed over").
func (a *analysis) passiveAfterRelative(f *frame, k int) bool {
	tr := &a.trigs[f.t]
	rt := &a.trigs[k]
	if tr.ti <= rt.ti || !tr.passive && f.spec.sp != spArrive || tr.noun {
		return false
	}
	for t := rt.tj; t < tr.ti; t++ {
		if a.itemAt[t] >= 0 || a.trigAt[t] >= 0 && a.trigAt[t] != f.t || a.toks[t].w == "," {
			return false
		}
	}
	return true
}

// dropBuiltFor drops a recipient named by "for" right after a maker's
// "built in X" when X does not supply in the frame: in "Germany's refusal
// to supply engines for a submarine built in China for the Royal Thai Navy"
// Thailand is China's customer, not Germany's. (With "Royal" read before a
// service name, such "for" lists became visible to distant triggers.)
func (a *analysis) dropBuiltFor(sups, recs []roleParty) []roleParty {
	var out []roleParty
	for _, p := range recs {
		if p.li >= 0 && a.lists[p.li].prep == "for" {
			if b := a.builtListBefore(p.li); b >= 0 && !sameSide(sups, a.actors[a.lists[b].members[0]].countries) {
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// builtListBefore returns the "built in"/"built by" list that ends right
// before the "for" of list li ("built in China for the Thai Navy"); -1.
func (a *analysis) builtListBefore(li int) int {
	t := a.lists[li].ti - 1
	for t >= 0 && a.toks[t].w != "for" {
		if !skipBeforeActor[a.toks[t].w] {
			return -1
		}
		t--
	}
	if t < 1 {
		return -1
	}
	if b := a.listAt[t-1]; b >= 0 && a.lists[b].builtIn && len(a.lists[b].members) > 0 {
		return b
	}
	return -1
}

// placeThenSubject reports whether a list that starts at ti after a place
// preposition ("in Niamey") is followed, past a comma, by an actor whose
// next word is a finite verb: "After the coup in Niamey, Washington froze
// the delivery" names a place and then the subject, not a list of two.
func (a *analysis) placeThenSubject(ti, next int) bool {
	if ti == 0 || !placePreps[a.toks[ti-1].w] || next >= len(a.toks) {
		return false
	}
	if a.verbAfter(next) {
		return true
	}
	if _, n := cues.match(a.toks, next); n > 0 {
		return true // "froze", "halted", "agreed"
	}
	if spec, n := triggers.match(a.toks, next); n > 0 && spec.form != fNoun && !spec.ambig {
		return true // "delivered", "sold"
	}
	return false
}

// orderedBy returns the buyer a reduced passive names right after one of
// the frame's weapons: "Norinco has completed deliveries of the VN-18
// vehicles ordered by Venezuela's marines", "supplied the jets bought by
// Egypt"; -1 if none.
func (r *roleReader) orderedBy() int {
	a := r.a
	for _, it := range r.items {
		t := a.items[it].tj
		if t >= len(a.toks) || t < r.f.tj {
			continue
		}
		k := a.trigAt[t]
		if k < 0 || k == r.f.t {
			continue
		}
		tr := &a.trigs[k]
		if tr.noun || tr.spec.dir != dirR || tr.spec.kind != "" || a.toks[t].w != "ordered" && a.toks[t].w != "bought" &&
			a.toks[t].w != "purchased" && a.toks[t].w != "acquired" && a.toks[t].w != "procured" {
			continue
		}
		u := tr.tj
		if u+1 >= len(a.toks) || a.toks[u].w != "by" {
			continue
		}
		u++
		for u < len(a.toks) && skipBeforeActor[a.toks[u].w] {
			u++
		}
		if u < len(a.toks) && a.listAt[u] >= 0 && a.lists[a.listAt[u]].prep == "by" {
			return a.listAt[u]
		}
	}
	return -1
}

// clauseOpeners open an adverbial clause whose subject pronoun refers back
// to the subject of the clause it hangs on.
var clauseOpeners = words("because since although though while whereas after before until once")

// subordinateSubject returns the subject of the clause that a pronoun
// opening an adverbial clause refers to: in "the White House said that
// Turkey could no longer buy F-35s because it had accepted delivery of
// S-400s", "it" is Turkey, the subject of the clause "because" hangs on,
// not the White House. It returns -1 when the pronoun (list li) does not
// follow a subordinator or no subject-like list of its clause precedes it.
func (a *analysis) subordinateSubject(li int) int {
	l := &a.lists[li]
	if l.ti == 0 || !clauseOpeners[a.toks[l.ti-1].w] {
		return -1
	}
	for lj := li - 1; lj >= 0; lj-- {
		lk := &a.lists[lj]
		if a.clauseAt[lk.ti] != a.clauseAt[l.ti] {
			return -1
		}
		if lk.pron == "" && a.subjectLike(lj) {
			return lj
		}
	}
	return -1
}

// noLonger reports whether the word text[s:e] is the "no" of "no longer",
// which negates the verb after it ("could no longer buy F-35s"), read by
// the frame's own negation, and is no negative quantifier of the sentence.
func noLonger(text string, s, e int) bool {
	return strings.EqualFold(text[s:e], "no") && len(text) >= e+7 && strings.EqualFold(text[e:e+7], " longer")
}

// cancelBefore reports whether a cancelling verb stands right before token
// j, a quantifier of transfer nouns: "suspend all arms purchases from
// Israel", "halted all arms sales to Turkey" stop the transfers, they do
// not count them.
func (a *analysis) cancelBefore(j int) bool {
	for k := j - 1; k >= 0 && k >= j-3; k-- {
		if c, n := cues.match(a.toks, k); n > 0 && k+n == j && c == cueCancel {
			return true
		}
	}
	return false
}

// putVerbs place the transfer noun that "on hold" then suspends.
var putVerbs = words("put puts putting placed places placing")

// putOnHold reads a transfer noun that a "put" places "on hold" with the
// noun in between: "putting an order for more Spike missiles on hold",
// "Washington put the sale of F-16s to Turkey on hold". (The unbroken
// phrase "put on hold" is a cancelling cue of its own.)
func (a *analysis) putOnHold(tr *trig) bool {
	if !tr.noun {
		return false
	}
	toks := a.toks
	j := tr.ti - 1
	for j >= 0 && j >= tr.ti-3 && (toks[j].w == "an" || toks[j].w == "a" || toks[j].w == "the" || toks[j].w == "its" ||
		toks[j].w == "their" || toks[j].w == "all" || toks[j].w == "arms" || a.actorAt[j] >= 0) {
		j--
	}
	if j < 0 || !putVerbs[toks[j].w] {
		return false
	}
	for k := tr.tj; k+1 < len(toks) && k < tr.tj+12; k++ {
		if toks[k].w == "," || toks[k].w == ";" || a.trigAt[k] >= 0 {
			return false
		}
		if toks[k].w == "on" && toks[k+1].w == "hold" {
			return true
		}
	}
	return false
}

// objectPronounSubject returns, for an object "it" after a supply verb in
// a clause opened by "if", "unless" or "because", the subject of the main
// clause before it: in "Riyadh could turn to China for J-35s if Washington
// keeps refusing to sell it the F-35", "it" is Riyadh, not China, the
// nearest country. -1 when the clause is no such subordinate one.
func (a *analysis) objectPronounSubject(li int) int {
	l := &a.lists[li]
	open := -1
	for t := l.ti - 1; t >= 0 && t >= l.ti-10; t-- {
		if w := a.toks[t].w; w == "if" || w == "unless" || w == "because" {
			open = t
			break
		}
		if a.toks[t].w == "," || a.toks[t].w == ";" {
			return -1
		}
	}
	if open < 0 {
		return -1
	}
	for lj := 0; lj < li && a.lists[lj].ti < open; lj++ {
		if a.lists[lj].pron == "" && a.subjectLike(lj) {
			return lj
		}
	}
	return -1
}

// objectAfterCoordVerb reports whether a coordinated clause opens with its
// verb ("and supplied Ukraine with defensive arms") and the subject found
// for it stands after that verb: it is the verb's object, and the clause
// shares the subject before it.
func (a *analysis) objectAfterCoordVerb(c *clause) bool {
	if c.subj < 0 {
		return false
	}
	t := c.ts
	if t < c.te && a.toks[t].w == "and" {
		t++
	} else if t == 0 || a.toks[t-1].w != "and" {
		return false // only "... and supplied Ukraine", not ", offering German engines"
	}
	for n := 0; n < 3 && t < c.te && (isAux(a.toks[t].w) || adverbs[a.toks[t].w]); n++ {
		t++
	}
	if t >= c.te || a.trigAt[t] < 0 {
		return false
	}
	tr := &a.trigs[a.trigAt[t]]
	return !tr.noun && !tr.passive && tr.spec.form != fIng && a.lists[c.subj].ti >= tr.tj
}

// toServeVerbs after "to" make a usage phrase a purpose, not a fact.
var toServeVerbs = words("serve enter join equip")

// toServe reports whether a usage trigger ("in the inventory of", "in
// service with") is the goal of an infinitive ("to serve in the inventory
// of the Royal Saudi Air Force", "to enter service with"): the goods are
// still to come.
func (a *analysis) toServe(tr *trig) bool {
	for j := tr.ti - 1; j >= 1 && j >= tr.ti-3; j-- {
		k := j - 1
		if k >= 1 && !a.toks[k].word && a.toks[k].w != "," {
			k-- // "to “serve in ..."
		}
		if toServeVerbs[a.toks[j].w] && a.toks[k].w == "to" {
			return true
		}
	}
	if tr.ti >= 1 && a.toks[tr.ti-1].w == "to" {
		return true // "to enter service with" read as one trigger
	}
	return false
}

// completeFromRelative completes a receiving frame that names no supplier
// from the relative clause right after its goods that does ("has received
// the second of two frigates it ordered from South Korea's Hyundai Heavy
// Industries"): the goods received are the goods ordered, so the seller
// of the order delivered them. The completed frame is emitted; the partial
// frame leaves the list of partial frames.
func (a *analysis) completeFromRelative(rels []relation) []relation {
	var keep []*frame
	for _, f := range a.res.partials {
		g := a.relativeOrder(f)
		if g == nil {
			keep = append(keep, f)
			continue
		}
		h := *f
		h.rsups = g.rsups
		h.groups = nil
		a.makeGroups(&h)
		rels = a.emit(&h, rels)
	}
	a.res.partials = keep
	return rels
}

// relativeOrder returns the complete buying frame of a relative clause on
// the goods of receiving frame f ("frigates it ordered from South Korea",
// "the tanks that Poland bought from Korea"), whose buyer is f's recipient;
// nil if none.
func (a *analysis) relativeOrder(f *frame) *frame {
	if f.spec.dir != dirR || f.status != bot.StatusDelivered || a.trigs[f.t].noun || len(f.rsups) > 0 || len(f.rrecs) == 0 || len(f.items) == 0 {
		return nil
	}
	for _, g := range a.res.kept {
		if a.relativeBuyingFrame(f, g) {
			return g
		}
	}
	return nil
}

// relativeBuyingFrame reports whether g is a complete buying frame, later
// than f, in f's clause or a "that" clause, on f's first goods, whose verb
// comes right after the goods and whose buyer is on f's recipient's side.
func (a *analysis) relativeBuyingFrame(f, g *frame) bool {
	if g == f || g.t <= f.t || g.spec.dir != dirR || len(g.rsups) == 0 || len(g.rrecs) == 0 || g.clause != f.clause && a.clauses[g.clause].kind != cThat {
		return false
	}
	if len(g.items) == 0 || g.items[0] != f.items[0] || a.items[g.items[0]].tj > a.trigs[g.t].ti {
		return false
	}
	// The relative's verb comes right after the goods, past "that" and its subject.
	if a.wordsBeforeRelativeVerb(a.items[g.items[0]].tj, a.trigs[g.t].ti) > 0 {
		return false
	}
	return sameSide(f.rrecs, g.rrecs[0].countries)
}

// wordsBeforeRelativeVerb counts the tokens from from to to that are
// neither a list of parties, "that", "which", a form of "have" nor an
// adverb.
func (a *analysis) wordsBeforeRelativeVerb(from, to int) int {
	between := 0
	for t := from; t < to; t++ {
		if a.listAt[t] < 0 && a.toks[t].w != "that" && a.toks[t].w != "which" && !haveForms[a.toks[t].w] && !adverbs[a.toks[t].w] {
			between++
		}
	}
	return between
}

// cosignedWithMaker splits the two signers of a deal read as buyers ("Ankara
// and Baghdad signed a deal for Turkish drones", "the contract for 12
// Rafale jets was signed by Serbia and France") when exactly one of them
// makes the goods, by the weapon's adjective ("Turkish drones") or by the
// lexicon (a Rafale is French): the maker sells to the other.
func (a *analysis) cosignedWithMaker(f *frame, items []int, sups, recs []roleParty) ([]roleParty, []roleParty) {
	if !f.spec.light || len(sups) > 0 || len(recs) != 2 || recs[0].li < 0 || recs[0].li != recs[1].li ||
		len(recs[0].countries) != 1 || len(recs[1].countries) != 1 {
		return sups, recs
	}
	var makers []string
	for _, it := range items {
		for _, m := range a.items[it].origins {
			makers = append(makers, a.actors[m].countries...)
		}
		makers = append(makers, madeIn(a.items[it].canon)...)
	}
	in0, in1 := slices.Contains(makers, recs[0].countries[0]), slices.Contains(makers, recs[1].countries[0])
	switch {
	case in0 && !in1:
		return recs[:1], recs[1:]
	case in1 && !in0:
		return recs[1:], recs[:1]
	}
	return sups, recs
}

// licensorMakes turns round a joint or licensed production read with the
// weapon's maker as the producer and its partner as the licensor ("Turkey
// will co-produce the KAAN fighter with Indonesia"): the designing country,
// by the lexicon, is the licensor.
func (a *analysis) licensorMakes(f *frame, items []int, sups, recs []roleParty) ([]roleParty, []roleParty) {
	if f.spec.kind != bot.KindLicence || f.spec.sp != spProduce || len(sups) != 1 || len(recs) != 1 ||
		sups[0].li < 0 || a.lists[sups[0].li].prep != "with" {
		return sups, recs // "built under licence from South Korea" names its licensor
	}
	if a.makerSide(items, sups, recs) == -1 {
		return recs, sups
	}
	return sups, recs
}

// keepUse keeps "is using", "has started using" as a holder's verb only
// when a weapon follows closely and was not taken in war ("is using
// captured Russian tanks" transfers nothing).
func (a *analysis) keepUse(tr *trig) bool {
	if !a.keepHand(tr) {
		return false
	}
	end := -1 // the weapon's end, then up to three words after it ("tanks captured near Kharkiv")
	for j := tr.tj; j < len(a.toks) && j < tr.tj+14; j++ {
		if end < 0 && a.itemAt[j] >= 0 {
			end = a.items[a.itemAt[j]].tj + 3
		}
		if end >= 0 && j > end || a.toks[j].w == "," {
			break
		}
		if combatWords[a.toks[j].w] || a.toks[j].w == "trophy" || a.toks[j].w == "abandoned" {
			return false
		}
	}
	return true
}

// satelliteImages reports whether token j is the noun of "satellite
// images/photos/pictures", which show bought goods in the buyer's hands.
func (a *analysis) satelliteImages(j int) bool {
	switch a.toks[j].w {
	case "images", "photos", "pictures", "photographs":
		return j > 0 && a.toks[j-1].w == "satellite"
	}
	return false
}

// demonymSeller returns the list of demonyms standing before a transfer
// noun across arms words only ("the first Korean weapons sale to the
// country", "Russian arms deliveries"): the seller of the noun, as "US
// sale" names it; -1 if none.
func (a *analysis) demonymSeller(f *frame) int {
	tr := &a.trigs[f.t]
	if !tr.noun || f.spec.dir != dirS {
		return -1
	}
	t := tr.ti - 1
	for n := 0; n < 3 && t >= 0 && a.listAt[t] < 0; n++ {
		if it := a.itemAt[t]; it < 0 || !a.items[it].arms {
			if w := a.toks[t].w; w != "arms" && w != "weapons" && w != "defence" && w != "defense" && w != "military" {
				return -1
			}
		}
		t--
	}
	if t < 0 || a.listAt[t] < 0 || a.lists[a.listAt[t]].tj != t+1 || !allDemonyms(a, a.listAt[t]) {
		return -1
	}
	return a.listAt[t]
}

// appositionOnDeal reports whether a transfer noun heads an apposition
// that renames a deal signed earlier in the sentence: "Vietnam has signed a
// deal for 20 K9 howitzers, the first Korean weapons sale to the country".
// The sale is the deal, still an order.
func (a *analysis) appositionOnDeal(tr *trig) bool {
	if !tr.noun {
		return false
	}
	t := tr.ti - 1
	for n := 0; n < 5 && t >= 0 && a.toks[t].w != ","; n++ {
		t--
	}
	if t < 1 || a.toks[t].w != "," || t+2 >= len(a.toks) || a.toks[t+1].w != "the" {
		return false
	}
	switch a.toks[t+2].w {
	case "first", "second", "third", "largest", "biggest", "latest", "last", "country's", "region's":
	default:
		return false
	}
	for k := 0; k < len(a.trigs); k++ {
		p := &a.trigs[k]
		if p.ti < t && p.spec.light && p.spec.status == bot.StatusOrdered {
			return true
		}
	}
	return false
}

// underLicenceAfter reports whether "under licence" (or "under license")
// follows the country at token j within a few words: "drones are to be
// assembled in Ukraine under licence from Turkey" names the licensee after
// "in", not the maker.
func (a *analysis) underLicenceAfter(j int) bool {
	for k := j + 1; k+1 < len(a.toks) && k <= j+4; k++ {
		if a.toks[k].w == "under" && (a.toks[k+1].w == "licence" || a.toks[k+1].w == "license") || a.licenceUnderAt(k) >= 0 {
			return true
		}
	}
	return false
}

// keepPassOn keeps a bare "passed" only in "passed W ... on to X" ("Estonia
// passed howitzers of Finnish origin on to Ukraine"): a weapon, then "on
// to" within a few words, in the same stretch of the sentence.
func (a *analysis) keepPassOn(tr *trig) bool {
	if tr.noun {
		return false
	}
	item := false
	for j := tr.tj; j+1 < len(a.toks) && j < tr.tj+10; j++ {
		if a.itemAt[j] >= 0 {
			item = true
		}
		switch a.toks[j].w {
		case ",", ";", ".":
			return false
		case "on":
			return item && a.toks[j+1].w == "to"
		}
	}
	return false
}

// civilWords are generic aircraft words that airlines operate too.
var civilWords = words("jet jets aircraft plane planes airplane airplanes aeroplanes airliner airliners")

// keepOperate keeps "operates", "flies" as a holder's verb ("Uzbekistan
// operates Chinese Wing Loong drones") like keepUse, when the weapon's
// origin is named with it ("Chinese") and it is a named system or a
// military word: "operates Boeing jets" may be an airline's fleet, and
// "flies around 25 Mi-35s" names no seller.
func (a *analysis) keepOperate(tr *trig) bool {
	if !a.keepUse(tr) {
		return false
	}
	end := a.relativeEnd(tr.ti) // "Egypt, which operates French jets, is in talks with China": the talks are the main clause's
	for j := tr.tj; j < end && a.toks[j].w != ";"; j++ {
		if _, n := triggers.match(a.toks, j); n > 0 && a.actorAt[j] < 0 && a.itemAt[j] < 0 {
			return false // "flies four Mi-8s, two An-26s and a Y-8 supplied by China": the participle says whose
		}
	}
	for j := tr.tj; j < len(a.toks) && j < tr.tj+9; j++ {
		if it := a.itemAt[j]; it >= 0 {
			w := &a.items[it]
			return a.originBefore(w.ti) && (w.system != "" || !civilWords[a.toks[w.tj-1].w])
		}
	}
	return false
}

// originBefore reports whether a demonym or an "X-made" adjective stands
// right before the weapon starting at token ti ("Chinese Wing Loong").
func (a *analysis) originBefore(ti int) bool {
	t := ti - 1
	if t >= 1 && madeWords[a.toks[t].w] && a.toks[t-1].w == "-" {
		t -= 2
	}
	if t < 0 || a.actorAt[t] < 0 {
		return false
	}
	ac := &a.actors[a.actorAt[t]]
	return ac.kind == gazetteer.DemonymMention || ac.kind == gazetteer.NameMention && ac.tj == ti-2
}

// itemListGoesOn reports whether the comma at t sits inside a list of
// weapons that ends with "and"/"or" and a last weapon before e ("contracts
// for K2 tanks, K9 howitzers and FA-50 jets"): only weapons, commas and
// the conjunction follow, so the list is one object.
func (a *analysis) itemListGoesOn(t, e int) bool {
	if t+1 >= e || a.itemAt[t+1] < 0 || t == 0 || a.itemAt[t-1] < 0 {
		return false
	}
	for j := t + 1; j < e; j++ {
		w := a.toks[j].w
		switch {
		case a.itemAt[j] >= 0, w == ",":
		case w == "and" || w == "or":
			return j+1 < e && a.itemAt[j+1] >= 0
		default:
			return false
		}
	}
	return false
}

// keepLease keeps "lease/leased" when a weapon follows closely or the verb
// is a passive ("Gripen jets were leased to Hungary"), and turns it into a
// recipient's verb when "from" follows before any "to" ("the Czech
// Republic leased 14 Gripen fighters from Sweden": the lessee receives).
func (a *analysis) keepLease(tr *trig) bool {
	if tr.noun {
		return false
	}
	if !tr.passive && !a.keepHand(tr) {
		return false
	}
	if a.leasesForeignGoods(tr) {
		tr.spec.dir = dirR
		return true
	}
	for j := tr.tj; j < len(a.toks) && j < tr.tj+12; j++ {
		switch a.toks[j].w {
		case "to", ",", ";":
			return true
		case "from":
			tr.spec.dir = dirR
			return true
		}
	}
	return true
}

// intoService returns the armed service a receiving passive puts the
// goods "into" ("the Chinese-built frigate was commissioned into the
// Pakistan Navy", "Rafale jets were inducted into the Indian Air Force"):
// its country receives; -1 if none.
func (r *roleReader) intoService() int {
	a := r.a
	if !r.tr.passive || r.tr.noun || !r.arrivingGoods() {
		return -1 // the goods must be the subject: not "soldiers were inducted into the army"
	}
	for _, li := range r.after {
		l := &a.lists[li]
		if l.prep != "into" || len(l.members) != 1 || l.ti > r.f.tj+3 {
			continue
		}
		if ac := &a.actors[l.members[0]]; ac.org && !ac.drop && len(ac.countries) == 1 {
			return li
		}
	}
	return -1
}

// arrivingFor returns the "for" list right after the arriving goods ("the
// first batch of Chinese-made VT-4 tanks for Nigeria arrived in Lagos").
func (r *roleReader) arrivingFor() []int {
	a := r.a
	if !r.arrivingGoods() {
		return nil
	}
	var out []int
	for _, li := range r.byPrep(r.before, "for") {
		for _, it := range r.items {
			if a.items[it].tj+1 == a.lists[li].ti || a.items[it].tj+2 == a.lists[li].ti && a.toks[a.items[it].tj+1].w == "the" {
				out = append(out, li)
			}
		}
	}
	return out
}

// afterMakerPrefix returns the first token after a manufacturer that opens
// a weapon match ("Airbus A400M", "Leonardo AW139", "Dassault Rafale"),
// when the rest of the match is free of actors and still holds a
// designation; ti when there is none.
func (a *analysis) afterMakerPrefix(ti, tj int) int {
	k := a.actorAt[ti]
	if k < 0 || a.actors[k].kind != gazetteer.ManufacturerMention {
		return ti
	}
	t := a.actors[k].tj
	if t >= tj {
		return ti
	}
	for u := t; u < tj; u++ {
		if a.actorAt[u] >= 0 {
			return ti
		}
	}
	return t
}

// makerOwner returns the list of a possessor of the frame's weapon that
// makes it: a manufacturer ("Otokar's Cobra II vehicles are in service
// with ...") or the weapon's home country by the lexicon ("Pakistan's
// JF-17 fighter has been exported to ..."). The maker is named in the
// sentence, so it supplies as a stated party, not one inferred.
func (r *roleReader) makerOwner() []int {
	a := r.a
	for _, it := range r.items {
		o := a.items[it].owner
		if o < 0 || a.actors[o].list < 0 || a.actors[o].drop || len(a.actors[o].countries) != 1 {
			continue
		}
		ac := &a.actors[o]
		if ac.kind == gazetteer.ManufacturerMention || slices.Contains(madeIn(a.items[it].canon), ac.countries[0]) {
			return []int{ac.list}
		}
	}
	return nil
}

// possessedWords may stand between a country's possessive and the
// demonym of its weapon: "Kyrgyzstan's new Turkish drones".
var possessedWords = words("new newest old older ageing aging modern first latest own few several many")

// possessedForeignRelations reads a country's weapon of another country's
// make, named by a demonym: "Kyrgyzstan's new Turkish drones give it an
// alternative to Russian arms" (Turkey -> Kyrgyzstan, delivered), when no
// other relation of the sentence gives that country, and the sentence
// neither hedges, plans, cancels nor negates, and the weapon was not taken
// in war.
func (a *analysis) possessedForeignRelations(rels []relation) []relation {
	if a.hedged() || a.plansOrCancels(nil) || negates(a.text) {
		return nil
	}
	var out []relation
	for k := range a.actors {
		ac := &a.actors[k]
		if !ac.poss || ac.drop || len(ac.countries) != 1 || ac.kind != gazetteer.NameMention && ac.kind != gazetteer.CapitalMention {
			continue
		}
		maker, it := a.possessedDemonymItem(k)
		if it < 0 || relationsName(rels, ac.countries[0]) {
			continue
		}
		out = append(out, itemRelation(&a.items[it], maker, ac.countries[0], bot.StatusDelivered, bot.KindSale))
	}
	return out
}

// possessedDemonymItem returns the maker and the weapon of "<possessor>'s
// (new) <Demonym> <weapon>" after the possessive actor k: a demonym of
// another country right after it (past up to two possessedWords), then a
// weapon that is no organisation, no arms in general and not taken in
// war; it is -1 when there is none.
func (a *analysis) possessedDemonymItem(k int) (string, int) {
	toks := a.toks
	owner := a.actors[k].countries[0]
	t := a.actorEnd(k)
	for n := 0; n < 2 && t < len(toks) && possessedWords[toks[t].w]; n++ {
		t++
	}
	if t >= len(toks) || a.actorAt[t] < 0 {
		return "", -1
	}
	d := &a.actors[a.actorAt[t]]
	if d.kind != gazetteer.DemonymMention || d.poss || len(d.countries) != 1 || d.countries[0] == owner || d.tj >= len(toks) {
		return "", -1
	}
	it := a.itemAt[d.tj]
	if it < 0 || a.items[it].org || a.items[it].arms || a.combatBefore(a.items[it].ti) {
		return "", -1
	}
	return d.countries[0], it
}

// relationsName reports whether any of rels has country c as its supplier
// or recipient.
func relationsName(rels []relation, c string) bool {
	for _, r := range rels {
		if r.Recipient == c || r.Supplier == c {
			return true
		}
	}
	return false
}

// approvedAfter reports whether a transfer noun is the subject of a passive
// approval ("the sale of 40 F-16 jets to Turkey was approved by the US
// Congress"): an approval is a plan, not a delivery (the annotation rules).
func (a *analysis) approvedAfter(tr *trig) bool {
	if !tr.noun {
		return false
	}
	for j, end := tr.tj, a.windowAfter(tr.tj, 12); j+1 < len(a.toks) && j < end; j++ {
		w := a.toks[j].w
		if w == "," || w == ";" || j > tr.tj && a.trigAt[j] >= 0 && a.trigAt[j] != a.trigAt[tr.ti] {
			return false
		}
		if beForms[w] {
			switch a.toks[j+1].w {
			case "approved", "cleared", "authorised", "authorized", "endorsed":
				return true
			}
		}
	}
	return false
}

// batchWords after a receiving verb name part of goods named before in
// the sentence: "received the last two", "took delivery of the first six".
var batchWords = words("first last remaining final")

// batchObject reports whether a receiving verb's object is part of a batch
// named before it, with no weapon of its own: "Nigeria, which bought 12
// Super Tucanos from the United States, received the last two in 2021".
func (a *analysis) batchObject(f *frame) bool {
	tr := &a.trigs[f.t]
	if f.spec.dir != dirR || tr.noun || tr.passive {
		return false
	}
	t := tr.tj
	if t+1 >= len(a.toks) || a.toks[t].w != "the" || !batchWords[a.toks[t+1].w] {
		return false
	}
	for j := t + 2; j < len(a.toks) && j < t+5; j++ {
		if a.itemAt[j] >= 0 || a.toks[j].w == "of" {
			return false // "received the first Rafale jets", "the first of its new jets"
		}
	}
	return true
}

// relativeEnd returns where the relative clause that the verb at t opens
// ends: the comma after ", which (already) operates ...". It returns
// len(a.toks) when t opens no such clause. (Triggers are read before the
// clauses are found, so this looks at the words alone.)
func (a *analysis) relativeEnd(t int) int {
	toks := a.toks
	rel := false
	for j := t - 1; j >= 1 && j >= t-3; j-- {
		if (toks[j].w == "which" || toks[j].w == "who") && toks[j-1].w == "," {
			rel = true
			break
		}
		if !adverbs[toks[j].w] {
			break
		}
	}
	if !rel {
		return len(toks)
	}
	for j := t + 1; j < len(toks); j++ {
		if toks[j].w == "," {
			return j
		}
	}
	return len(toks)
}
