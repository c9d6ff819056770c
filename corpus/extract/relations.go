package extract

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
	"github.com/briefbot/briefbot/bot/weapons"
)

// purpose reports whether the item at token t follows "for" ("for two
// Su-27UB aircraft", "for the Wing Loong-2").
func (a *analysis) purpose(t int) bool {
	for j := t - 1; j >= 0 && j >= t-4; j-- {
		w := a.toks[j].w
		if w == "for" || w == "intended" {
			return true
		}
		if (w == "on" || w == "aboard") && j > 0 && mountWords[a.toks[j-1].w] {
			return true // "the Simbad-RC system on a P-1200 patrol vessel": the platform
		}
		if w == "its" || w == "their" {
			continue // "for its MiG-29 combat aircraft"
		}
		if a.listAt[j] >= 0 || a.itemAt[j] >= 0 || w == "," || w == "and" {
			return false
		}
	}
	return false
}

// headBefore reports whether the frame's participle follows a weapon and
// a comma: "About 40 Kh-35 anti-ship missiles, ordered around 2008".
func (a *analysis) headBefore(f *frame) bool {
	t := f.start - 2
	if t < 0 || a.toks[t+1].w != "," || a.itemAt[t] < 0 {
		return false
	}
	x := &a.items[a.itemAt[t]]
	return !x.org && !x.arms && !a.trigs[f.t].noun && !a.purpose(x.ti)
}

// itemBefore reports whether a weapon that is not what another is for
// starts in [from, to).
func (a *analysis) itemBefore(to, from int) bool {
	for t := from; t < to; t++ {
		if it := a.itemAt[t]; it >= 0 && a.items[it].ti == t && !a.items[it].org && !a.items[it].arms && !a.purpose(t) {
			return true
		}
	}
	return false
}

// setAsideWords open a phrase that names a weapon only to compare
// ("Before the TB2, ...", "unlike the Akinci").
var setAsideWords = words("before after unlike besides replace replaces replacing")

// setAside reports whether item it is named in a phrase that sets it
// aside: "Before the TB2", "unlike its Akinci drones", "to replace the
// UAE's 60 Mirage 2000-9 jets".
func (a *analysis) setAside(it int) bool {
	for j := a.items[it].ti - 1; j >= 0 && j >= a.items[it].ti-6; j-- {
		w := a.toks[j].w
		if setAsideWords[w] {
			return true
		}
		possessor := a.actorAt[j] >= 0 || w == "'" || w == "’" || w == "s"
		if w != "the" && w != "its" && w != "their" && w != "a" && w != "an" && !possessor && !a.toks[j].digit && numberWords[w] == 0 {
			return false
		}
	}
	return false
}

// dropPurpose leaves out the items that say what a weapon is for ("for
// the Tarantul boats"): never the object of a transfer when they come
// before the trigger or follow another weapon.
func (a *analysis) dropPurpose(items []int) []int {
	var out []int
	for _, it := range items {
		if !a.purpose(a.items[it].ti) {
			out = append(out, it)
		}
	}
	return out
}

// mountWords before "on" make the weapon after it a platform.
var mountWords = words("system systems installed fitted mounted carried deployed")

// itemSource is ownSource for an item index that may be -1.
func (a *analysis) itemSource(it int) string {
	if it < 0 {
		return ""
	}
	return a.ownSource(it)
}

// ownSource returns the country of a "from" phrase right after item it
// ("MAN diesel engines from Germany"), "" if none.
func (a *analysis) ownSource(it int) string {
	j := a.items[it].tj
	if j+1 >= len(a.toks) || a.toks[j].w != "from" {
		return ""
	}
	li := a.listAt[j+1]
	if li < 0 || len(a.lists[li].members) != 1 {
		return ""
	}
	if ac := &a.actors[a.lists[li].members[0]]; !ac.drop && len(ac.countries) == 1 && ac.kind != gazetteer.GroupMention {
		return ac.countries[0]
	}
	return ""
}

// continuesList are words after a comma that go on naming the object
// ("military aid to Taiwan, including Javelin missiles").
var continuesList = words("including notably mainly mostly chiefly such among especially")

// frameItems returns the weapon items a frame transfers: after the trigger
// for an active verb, before it for a passive, a usage phrase or a noun
// with nothing after it.
// inExchange reports whether the weapon at token t is what a giver gets
// back: "in exchange for US Patriots", "in return for F-16s".
func (a *analysis) inExchange(t int) bool {
	for j := t - 1; j >= 1 && j >= t-5; j-- {
		if a.toks[j].w == "for" && (a.toks[j-1].w == "exchange" || a.toks[j-1].w == "return") {
			return true
		}
		if !a.toks[j].word {
			return false
		}
	}
	return false
}

// equipWith reports whether tr is a form of "equip" followed by "with".
func equipWith(toks []tok, tr *trig) bool {
	return strings.HasPrefix(toks[tr.ti].w, "equip") && tr.tj < len(toks) && toks[tr.tj].w == "with"
}

// frameItems returns the weapons frame f transfers: those read after its
// trigger (the object) or before it (the subject), as the trigger's voice
// and kind say.
func (a *analysis) frameItems(f *frame) []int {
	tr := &a.trigs[f.t]
	after := a.collectItems(f.tj, a.objectEnd(f, tr))
	bs := a.subjectStart(f)
	before := a.collectItems(bs, f.start)
	if a.headBefore(f) && len(after) > 0 && len(a.dropPurpose(after)) == 0 {
		// "About 40 Kh-35 missiles, ordered in a deal for the Tarantul
		// boats": the missiles are ordered, the boats are what they are for.
		after = nil
	}
	if a.itemBefore(f.readFrom, a.clauses[f.clause].ts) {
		// "..., were delivered": the subject is the weapon named before,
		// not "the Tarantul boats" the earlier deal was for.
		before = a.dropPurpose(before)
	}
	if between := a.collectItems(f.start, f.ti); len(between) > 0 {
		after = append(between, after...)
	}
	out := a.voiceItems(f, tr, before, after)
	if len(out) == 0 {
		out = a.thatRelativeItem(f)
	}
	if len(out) == 0 {
		out = a.boughtRelativeItem(f)
	}
	return out
}

// collectItems returns the weapons named from token s to e, each once,
// leaving out organisations and weapons that are not the goods.
func (a *analysis) collectItems(s, e int) []int {
	var out []int
	for t := s; t < e; t++ {
		if it := a.itemAt[t]; it >= 0 && !a.items[it].org && (len(out) == 0 || out[len(out)-1] != it) {
			if a.setAside(it) {
				continue // "Before the TB2, Uzbekistan's drones came from China"
			}
			if len(out) > 0 && a.purpose(a.items[it].ti) {
				continue // "radars for two Su-27UB aircraft": what the weapon is for
			}
			if a.inExchange(a.items[it].ti) {
				continue // "... to Ukraine in exchange for US Patriots": what the giver gets
			}
			out = append(out, it)
		}
	}
	return out
}

// objectEnd returns where frame f's object stops being read.
func (a *analysis) objectEnd(f *frame, tr *trig) int {
	ae := f.readTo
	for t := f.tj; t+1 < ae; t++ {
		if unknownWords[a.toks[t].w] && partyNouns[a.toks[t+1].w] {
			ae = t // "..., and an unknown supplier delivered four An-2": not this frame's
			break
		}
	}
	for t := f.tj; t+1 < ae; t++ {
		if a.toks[t].w == "and" && a.hedgedPredicate(t+1) {
			ae = t // "bought Rafale jets from France and is considering more HIMARS": not this frame's
			break
		}
	}
	if tr.noun {
		// A noun's object does not run past a comma.
		for t := f.tj; t < ae; t++ {
			if j := a.makerAppositiveEnd(t, ae); a.toks[t].w == "," && j > t {
				t = j // "with Mesko, a subsidiary of PGZ, for MANPADS"
				continue
			}
			if a.toks[t].w == "," && !(t+1 < ae && continuesList[a.toks[t+1].w]) && !a.itemListGoesOn(t, ae) {
				ae = t
				break
			}
		}
	}
	return ae
}

// subjectStart returns where frame f's subject starts being read.
func (a *analysis) subjectStart(f *frame) int {
	bs := f.readFrom
	for t := f.start - 1; t > f.readFrom; t-- {
		if subordinators[a.toks[t].w] && a.toks[t-1].w != "," {
			bs = t // "turned to India for BrahMos missiles after talks with Russia stalled": not the talks' missiles
			break
		}
	}
	if c := &a.clauses[f.clause]; bs < f.start && subordinators[a.toks[c.ts].w] {
		// "After Ankara bought S-400s, Washington cancelled its F-35 sale":
		// the opening subordinate clause's weapons are not the main verb's.
		for t := c.ts + 1; t < f.start; t++ {
			if a.toks[t].w == "," {
				bs = max(bs, t+1) // the comma that closes the opening clause
				break
			}
		}
	}
	return bs
}

// voiceItems chooses between the weapons before and after the trigger by
// its voice and kind.
func (a *analysis) voiceItems(f *frame, tr *trig, before, after []int) []int {
	switch {
	case tr.passive && equipWith(a.toks, tr) && len(after) > 0:
		// "Turkey's TB2 drones were equipped with targeting systems made
		// by a Canadian company": the goods are what they were fitted
		// with; the drones are the host.
		return after
	case f.spec.dir == dirU || tr.passive || f.spec.sp == spArrive:
		return a.subjectItems(f, tr, before, after)
	case tr.noun || f.spec.light:
		if len(after) == 0 {
			return before
		}
		return after
	default:
		return a.objectItems(f, before, after)
	}
}

// subjectItems returns the weapons of a passive, arrival or undirected
// frame: its subject first.
func (a *analysis) subjectItems(f *frame, tr *trig, before, after []int) []int {
	out := before
	if tr.reduced && len(out) > 1 && a.items[out[len(out)-1]].tj >= tr.ti-1 {
		out = out[len(out)-1:] // "..., An-26s and a Y-8 Pegasus supplied by China": the weapon it qualifies
	}
	if len(out) == 0 {
		out = after
	}
	if len(out) == 0 && a.clauses[f.clause].kind == cCoord && f.clause > 0 {
		// "The patrol boats were built in South Korea and delivered to ...":
		// the subject of the coordinated passive.
		p := &a.clauses[f.clause-1]
		if it := a.collectItems(p.ts, p.te); len(it) > 0 {
			out = it[:1]
		}
	}
	if len(out) == 0 && tr.passive {
		out = a.whichPassiveItem(f) // "its corvettes, which were transferred from Italy"
	}
	if len(out) == 0 && a.clauses[f.clause].kind == cResume {
		// "The S-400 systems, which cost $2.5 billion, were delivered
		// to Turkey": the subject before the relative clause.
		out = a.resumedSubjectItems(f, a.collectItems)
	}
	return out
}

// objectItems returns the weapons of an active verb's frame: its object
// first.
func (a *analysis) objectItems(f *frame, before, after []int) []int {
	out := after
	if len(out) == 0 && a.headBefore(f) {
		out = before // "About 28 Mistral SAMs, ordered around 2012, were delivered ..."
	}
	if len(out) == 0 {
		out = a.contactRelativeItem(f)
	}
	if len(out) == 0 {
		out = a.whichRelativeItem(f)
	}
	return out
}

// resumedSubjectItems returns the weapons of the main clause that a
// relative clause interrupted, for the passive that resumes it.
//
// Only a passive that names a party of its own ("to Turkey", "by Russia")
// reaches back: with none, both sides would come from the context, too
// far from the weapon to trust.
func (a *analysis) resumedSubjectItems(f *frame, collect func(s, e int) []int) []int {
	named := false
	for _, li := range a.listsIn(f.tj, f.readTo) {
		switch a.lists[li].prep {
		case "to", "by", "from":
			named = true
		}
	}
	if !named {
		return nil
	}
	for ci := f.clause - 1; ci >= 0; ci-- {
		c := &a.clauses[ci]
		if c.kind == cMain {
			return collect(c.ts, c.te)
		}
		if c.kind != cRel {
			return nil
		}
	}
	return nil
}

// giftInRelative makes frame f aid when its clause is a relative clause on
// the goods whose giver gives them as aid: "the jets that Slovakia decided
// to give Ukraine have been handed over" is the handover of a gift.
func (a *analysis) giftInRelative(f *frame) {
	if a.aidNounAntecedent(f) >= 0 {
		f.kind = bot.KindAid // "the military aid that China has sent to Ghana"
		return
	}
	if f.kind != "" && f.kind != bot.KindSale || a.thatRelativeItem(f) == nil {
		return
	}
	for _, g := range a.frames {
		if g != f && g.clause == f.clause && g.kind == bot.KindAid {
			f.kind = bot.KindAid
			return
		}
	}
}

// thatRelativeItem returns the weapon before "that" when the frame's clause
// is a relative clause on it whose subject gives it: "the MiG-29 jets that
// Slovakia decided to give Ukraine (have been handed over to ...)"; nil
// otherwise. Both the relative's verb and the main verb after it transfer
// the goods the clause qualifies.
func (a *analysis) thatRelativeItem(f *frame) []int {
	c := &a.clauses[f.clause]
	if c.kind != cThat || c.ts < 2 || a.toks[c.ts-1].w != "that" || c.subj < 0 || a.relativeOnGoods(c, c.subj) {
		return nil
	}
	if it := a.itemAt[c.ts-2]; it >= 0 && !a.items[it].org && a.givesInRelative(a.lists[c.subj].tj, c.te) {
		return []int{it}
	}
	return nil
}

// whichRelativeItem returns the weapon a relative clause with "which"
// qualifies when the clause's subject acts on it: "the Lockheed F-35, of
// which Warsaw is acquiring 32", "the K9, which Egypt has ordered"; nil if
// none.
func (a *analysis) whichRelativeItem(f *frame) []int {
	toks := a.toks
	t := f.start - 1
	for t >= 0 && (adverbs[toks[t].w] || beForms[toks[t].w] || haveForms[toks[t].w]) {
		t--
	}
	if t < 0 || a.listAt[t] < 0 {
		return nil
	}
	t = a.lists[a.listAt[t]].ti - 1
	if t < 0 || toks[t].w != "which" {
		return nil
	}
	t--
	if t >= 0 && toks[t].w == "of" {
		t--
	}
	if t >= 0 && toks[t].w == "," {
		t--
	}
	if t >= 0 {
		if it := a.itemAt[t]; it >= 0 && !a.items[it].org {
			return []int{it}
		}
	}
	return nil
}

// contactRelativeItem returns the weapon that a relative clause with no
// "that" qualifies: "the FK-3 air defence system it recently procured from
// China" (a weapon, then a subject pronoun, then the verb); nil if none.
func (a *analysis) contactRelativeItem(f *frame) []int {
	t := f.start - 1
	for t >= 0 && adverbs[a.toks[t].w] {
		t--
	}
	if t < 1 {
		return nil
	}
	if w := a.toks[t].w; w != "it" && w != "they" && w != "we" {
		return nil
	}
	if it := a.itemAt[t-1]; it >= 0 && !a.items[it].org {
		return []int{it}
	}
	return nil
}

// filterItems drops items that are not what is transferred: a weapon the
// recipient owns when another is named ("radars for Pakistan's corvettes"),
// generic arms words next to real weapons, a generic word restating a named
// system.
func (a *analysis) filterItems(items []int, recs []roleParty) []int {
	if len(items) <= 1 {
		return items
	}
	var out []int
	for _, it := range items {
		o := a.items[it].owner
		if o >= 0 && sameSide(recs, a.actors[o].countries) {
			continue
		}
		out = append(out, it)
	}
	if len(out) == 0 {
		out = items
	}
	hasCat := false
	sysCats := map[string]bool{}
	for _, it := range out {
		if a.items[it].category != "" {
			hasCat = true
		}
		if a.items[it].system != "" {
			sysCats[a.items[it].category] = true
		}
	}
	var res []int
	seen := map[string]bool{}
	for _, it := range out {
		x := &a.items[it]
		if x.arms && hasCat && x.category == "" { // kit words carry "Other" and stay
			continue
		}
		if x.system == "" && sysCats[x.category] && len(x.origins) == 0 {
			continue
		}
		k := systemKey(x.system) + "|" + x.category
		if seen[k] {
			continue
		}
		seen[k] = true
		res = append(res, it)
	}
	return res
}

// systemKey folds a designation for comparison: case, spaces and hyphens
// do not matter.
func systemKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r != ' ' && r != '-' && r != '‐' && r != '–' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// anaphor reports whether the frame's object refers back to weapons named
// before ("them", "ones", "four more"), and whether it is a new batch.
func (a *analysis) anaphor(f *frame) (ref, more bool) {
	toks := a.toks
	ref, more = a.objectRefersBack(f)
	if f.spec.sp == spArrive || a.trigs[f.t].passive || a.trigs[f.t].noun {
		r, m := a.subjectRefersBack(f)
		ref, more = ref || r, more || m
	}
	if f.tj+1 < len(toks) && toks[f.tj].w == "it" && f.spec.dir == dirR {
		ref = true
	}
	if !ref && a.batchObject(f) {
		ref = true // "bought 12 Super Tucanos ... received the last two in 2021"
	}
	if a.countBeforeTo(f) {
		ref = true // "bought two A400M from Spain and later sold one to Kyrgyzstan"
	}
	return ref, more
}

// backWord reports whether token t refers back to weapons named before
// ("them", "ones", "two of each"), and whether it asks for more of them
// ("more", "another").
func (a *analysis) backWord(t int) (ref, more bool) {
	toks := a.toks
	switch toks[t].w {
	case "them", "ones", "these", "those", "they", "both":
		ref = true
	case "more", "another", "further", "additional":
		if t+1 >= len(toks) || a.itemAt[t+1] < 0 {
			ref, more = true, true
		}
	case "each":
		if t > 0 && toks[t-1].w == "of" {
			ref = true // "has received two of each (type)"
		}
	}
	return ref, more
}

// objectRefersBack reads the few words after frame f's trigger, up to a
// weapon, for a word that refers back.
func (a *analysis) objectRefersBack(f *frame) (ref, more bool) {
	for t := f.tj; t < f.readTo && t < f.tj+4; t++ {
		if a.itemAt[t] >= 0 {
			break
		}
		r, m := a.backWord(t)
		ref, more = ref || r, more || m
	}
	return ref, more
}

// subjectRefersBack reads the few words before frame f's trigger, back to
// a weapon, for a word that refers back or a bare count as subject.
func (a *analysis) subjectRefersBack(f *frame) (ref, more bool) {
	toks := a.toks
	for t := f.start - 1; t >= f.readFrom && t >= f.start-4; t-- {
		if a.itemAt[t] >= 0 {
			break
		}
		r, m := a.backWord(t)
		ref, more = ref || r, more || m
		// "and three were delivered in 2021 and 2022"
		if (numberWords[toks[t].w] > 1 || toks[t].word && toks[t].digit && isNumberOrMeasure(toks[t].w)) &&
			t+1 < len(toks) && (beForms[toks[t+1].w] || a.trigAt[t+1] >= 0) {
			ref = true
		}
	}
	return ref, more
}

// countBeforeTo reports whether an active supply verb's object is a bare
// count of goods named before it, followed by "to": "and later sold one
// to Kyrgyzstan", "handed over two to Ukraine".
func (a *analysis) countBeforeTo(f *frame) bool {
	toks, t := a.toks, f.tj
	tr := &a.trigs[f.t]
	if tr.noun || tr.passive || f.spec.dir != dirS || t+1 >= len(toks) || toks[t+1].w != "to" {
		return false
	}
	if !(numberWords[toks[t].w] > 0 || toks[t].digit || toks[t].w == "some" || toks[t].w == "several" ||
		toks[t].w == "most" || toks[t].w == "half") {
		return false
	}
	for it := range a.items {
		if x := &a.items[it]; !x.org && !x.arms && x.ti < f.start {
			return true // the goods it counts are named before it in the sentence
		}
	}
	return false
}

// armsBearing reports whether the trigger itself says arms ("arms sales",
// "military aid", "arms export licences").
func (a *analysis) armsBearing(f *frame) bool {
	for _, j := range append([]int{f.t}, f.absorbed...) {
		tr := &a.trigs[j]
		for t := tr.ti; t < tr.tj; t++ {
			switch a.toks[t].w {
			case "arms", "military", "weapons", "aid", "assistance":
				return true
			}
		}
		if tr.ti > 0 && a.itemAt[tr.ti-1] >= 0 && a.items[a.itemAt[tr.ti-1]].arms {
			return true
		}
	}
	return a.aidNounAntecedent(f) >= 0
}

// relation is a relation being built, with where it came from.
type relation struct {
	bot.Relation
	pos      int
	newBatch bool
	// supInferred and recInferred say which side came from the context.
	supInferred, recInferred bool
	// recHostMaker says the recipient is the lexicon's maker of the weapon
	// the parts are for, read from the sentence, not a party of the context.
	recHostMaker bool
	// deal says the relation was read from a deal word ("the French deals
	// with Turkmenistan"), not from a verb of transfer.
	deal bool
	// newDeal says the deal word is marked as another deal ("a new
	// agreement"), not the one an earlier delivery completed.
	newDeal bool
	// madeIn holds the countries that make the system, by the weapons
	// lexicon (origin, then partners); empty when unknown.
	madeIn []string
	// returned says the relation is a return of equipment to the country
	// it came from (spReturn): the holder supplies, whoever made it.
	returned bool
	// rest says the goods are "the rest of" a transfer (see markRest).
	rest bool
	// willOnly says only "will" made it an order (see willPlans).
	willOnly bool
}

// emit turns a frame's groups into relations.
func (a *analysis) emit(f *frame, out []relation) []relation {
	if f.unconfirmed {
		return out // "Israel has not confirmed the sale of ...": neither a transfer nor a denial
	}
	for _, g := range f.groups {
		years := a.groupYears(f, &g)
		items := g.items
		pairs, run := a.respectively(g.items)
		if pairs != nil {
			items = run
		}
		if len(items) == 0 {
			items = []int{-1}
		}
		for _, s := range g.sups {
			if s.group != "" || len(s.countries) != 1 {
				continue // a group of suppliers is not one supplier
			}
			for _, r := range g.recs {
				if f.kind != bot.KindLicence && a.makerAt(r.pos) {
					continue // a maker sells: "Pratt & Whitney Canada ... a deal with Canada"
				}
				for _, rc := range r.countries {
					if rc == s.countries[0] {
						continue
					}
					for _, it := range a.parenItemsFor(items, rc) {
						if a.notPairsItem(s, r, rc, it, items, pairs) {
							continue
						}
						rel := a.itemRelation(f, s, r, rc, it, items, years)
						if len(out) >= maxRels {
							return out
						}
						out = append(out, rel)
					}
				}
			}
		}
	}
	return out
}

// notPairsItem reports whether weapon it (-1: none named) is not supplier
// s's to recipient country rc of party r: paired otherwise by
// "respectively", owned by another or from another source.
func (a *analysis) notPairsItem(s, r party, rc string, it int, items []int, pairs map[int]int) bool {
	if p, ok := pairs[s.pos]; ok && p != it {
		return true // "Rafale and F-16 fighters bought from France and the US respectively"
	}
	if p, ok := pairs[r.pos]; ok && p != it {
		return true // "sold K9 and K2 to Poland and Egypt respectively"
	}
	if it >= 0 && a.ownedByOther(it, s.countries[0], rc) {
		return true // "Italy (three Falco UAVs), ... and Israel (...)": Italy's
	}
	if src := a.itemSource(it); src != "" && src != s.countries[0] && len(items) > 1 {
		return true // "Austria supplied APCs, with MAN engines from Germany": Germany's
	}
	return false
}

// itemRelation builds frame f's relation from supplier s to recipient
// country rc of party r for weapon it (-1: none named).
func (a *analysis) itemRelation(f *frame, s, r party, rc string, it int, items, years []int) relation {
	status := f.status
	if it >= 0 && !f.denied && (status == bot.StatusOrdered || status == bot.StatusPlanned) && a.deliveredInParen(it) {
		status = bot.StatusDelivered // "(TB2 and Aksungur delivered from 2021 to 2023, and an open order for the Anka)"
	}
	if it >= 0 && a.hostBetween(it, s.pos) {
		// "ordered TP400 engines for two A400M from Spain, and
		// four had been delivered": Spain's is the A400M order.
		it = a.hostOf(it)
		if f.ordered {
			status = bot.StatusOrdered
		}
	}
	rel := relation{pos: r.pos, newBatch: f.newBatch}
	rel.Supplier, rel.Recipient, rel.Group = s.countries[0], rc, r.group
	rel.Status, rel.Kind, rel.Denied = status, f.kind, f.denied
	rel.Inferred = s.inferred || r.inferred
	rel.supInferred, rel.recInferred = s.inferred, r.inferred
	rel.recHostMaker = r.hostMaker
	rel.deal = f.spec.light
	rel.newDeal = rel.deal && a.newDealWord(f)
	rel.returned = f.spec.sp == spReturn
	rel.willOnly = f.willOnly
	rel.Years = slices.Clone(years)
	if ys := a.itemYears(it, items, a.clauses[f.clause].ts, a.yearsEnd(f)); it >= 0 && len(items) > 1 && len(ys) > 0 {
		// "one S-300P delivered in 2000, five S-300PS in 2015": each its own.
		rel.Years = ys
	}
	if it >= 0 {
		rel.System, rel.Category = a.items[it].system, a.items[it].category
		rel.madeIn = madeIn(a.items[it].canon)
	}
	return rel
}

// subordinators open a subordinate clause whose frame does not take the
// weapons named before them.
var subordinators = words("after because although though unless until whereas")

// hedgedPredicate reports whether a coordinated predicate without a
// subject starts at t and opens with a plan, a cancellation, a denial, a
// negation or a wish ("is considering", "plans", "wants", "has not"):
// the weapons after it are that predicate's, not the earlier verb's.
func (a *analysis) hedgedPredicate(t int) bool {
	toks := a.toks
	for n := 0; n < 3 && t < len(toks) && (beForms[toks[t].w] || haveForms[toks[t].w] || adverbs[toks[t].w] && toks[t].w != "not" && toks[t].w != "never"); n++ {
		t++
	}
	if t >= len(toks) || a.actorAt[t] >= 0 || a.trigAt[t] >= 0 {
		return false
	}
	if wishWords[toks[t].w] {
		return true
	}
	switch cv, _ := cues.match(toks, t); cv {
	case cuePlanned, cueCancel, cueDeny, cueNeg:
		return true
	}
	return false
}

// respectively pairs the members of a country list followed by
// "respectively" with the coordinated weapons of the frame, in order:
// "Rafale, MiG-29M and F-16 fighters bought from France, Russia and the
// United States respectively" gives France the Rafale, Russia the MiG-29M
// and the United States the F-16. It maps each member's position to its
// weapon and returns the weapons in order; nil when the sentence says no
// "respectively" or the counts differ.
func (a *analysis) respectively(frameItems []int) (map[int]int, []int) {
	if len(frameItems) == 0 {
		return nil, nil
	}
	toks := a.toks
	for t := 1; t < len(toks); t++ {
		e := a.beforeRespectively(t)
		if e < 0 {
			continue
		}
		li := a.listAt[e]
		if li < 0 || len(a.lists[li].members) < 2 {
			continue
		}
		run := a.coordinatedItems(frameItems[0])
		l := &a.lists[li]
		if len(run) != len(l.members) {
			return nil, nil
		}
		pairs := map[int]int{}
		for i, m := range l.members {
			pairs[a.actors[m].ti] = run[i]
		}
		return pairs, run
	}
	return nil, nil
}

// coordinatedItems returns, in order, the weapons joined to item it by
// commas, "and" or "or" ("Rafale, MiG-29M and F-16 fighters").
func (a *analysis) coordinatedItems(it int) []int {
	toks := a.toks
	joiner := func(w string) bool { return w == "," || w == "and" || w == "or" }
	first := it
	for {
		t := a.items[first].ti - 1
		for t >= 0 && joiner(toks[t].w) && t >= a.items[first].ti-2 {
			t--
		}
		if t < 0 || t == a.items[first].ti-1 || a.itemAt[t] < 0 {
			break
		}
		first = a.itemAt[t]
	}
	run := []int{first}
	for cur := first; ; {
		t := a.items[cur].tj
		for t < len(toks) && joiner(toks[t].w) && t < a.items[cur].tj+2 {
			t++
		}
		if t >= len(toks) || t == a.items[cur].tj || a.itemAt[t] < 0 {
			break
		}
		cur = a.itemAt[t]
		run = append(run, cur)
	}
	return run
}

// merge joins relations about one batch: the same parties, weapon and kind
// read twice ("ordered ... and received them") keep the later status and
// all years. A new batch ("four more") and a denial stay apart.
func merge(rels []relation) []relation {
	var out []relation
	var keys []string
	for _, r := range rels {
		found := false
		rk := systemKey(r.System)
		for i := range out {
			o := &out[i]
			if o.Supplier != r.Supplier || o.Recipient != r.Recipient ||
				keys[i] != rk || o.Category != r.Category || o.Denied != r.Denied {
				continue
			}
			if o.Kind != r.Kind {
				// "ordered ... from Iran, to be produced under licence": one licensed batch.
				// A sale delivered beside a licence only ordered ("... delivered in
				// 2022 and 2023, and a further Anka deal covers licensed
				// production") are two deals.
				// "received helicopters ..., along with ammunition that Moscow
				// donated": the ammunition read twice, by the verb whose
				// object it is and by the relative clause that says it was
				// a gift, is one gift.
				sa := func(x, y bot.Kind) bool { return o.Kind == x && r.Kind == y || o.Kind == y && r.Kind == x }
				if r.newBatch || !(sa(bot.KindLicence, bot.KindSale) || sa(bot.KindAid, bot.KindSale)) || o.Status != r.Status {
					continue
				}
				if sa(bot.KindAid, bot.KindSale) {
					o.Kind = bot.KindAid
				} else {
					o.Kind = bot.KindLicence
				}
			}
			if o.Status == r.Status {
				o.Years = sortUnique(append(o.Years, r.Years...))
				o.mergeInferred(r)
				found = true
				break
			}
			if r.newBatch || o.Status == bot.StatusCancelled || r.Status == bot.StatusCancelled {
				continue
			}
			if statusRank(r.Status) < statusRank(o.Status) {
				o.Status = r.Status
			}
			o.Years = sortUnique(append(o.Years, r.Years...))
			o.mergeInferred(r)
			found = true
			break
		}
		if !found {
			out = append(out, r)
			keys = append(keys, rk)
		}
	}
	return out
}

// hostBetween reports whether a part (an engine, a sensor) is followed by
// the weapon it is for before the supplier's mention at pos: the source
// named after the host is the host's.
func (a *analysis) hostBetween(it, pos int) bool {
	if !partCategory(a.items[it].category) || pos <= a.items[it].tj {
		return false
	}
	h := a.hostOf(it)
	return h >= 0 && a.items[h].tj <= pos
}

// hostOf returns the weapon a part is for ("engines for two A400M"), -1
// when none follows it within a few words.
func (a *analysis) hostOf(it int) int {
	x := &a.items[it]
	for j := x.tj; j < len(a.toks) && j < x.tj+12; j++ {
		if h := a.itemAt[j]; h >= 0 && h != it && a.purpose(a.items[h].ti) {
			return h
		}
		if w := a.toks[j].w; w == ";" || w == "," || w == "and" {
			return -1
		}
	}
	return -1
}

// parenOwner returns the country whose parenthesis holds item it: the
// one named right before the "(", past a count ("Italy (three Falco
// UAVs in 2011)", "South Africa three (Marauder and Mbombe-6 vehicles)");
// "" when the item is not in such a parenthesis.
func (a *analysis) parenOwner(it int) string {
	ti := a.items[it].ti
	if a.closingParen(ti) < 0 {
		return ""
	}
	open := ti - 1
	for open >= 0 && a.toks[open].w != "(" {
		if a.toks[open].w == ")" {
			return ""
		}
		open--
	}
	for j := open - 1; j >= 0 && j >= open-3; j-- {
		if k := a.actorAt[j]; k >= 0 {
			if ac := &a.actors[k]; !ac.drop && len(ac.countries) == 1 && ac.kind != gazetteer.DemonymMention {
				return ac.countries[0]
			}
			return ""
		}
		if w := a.toks[j].w; !(numberWords[w] > 0 || a.toks[j].digit || w == "about" || w == "around" || w == "some") {
			return ""
		}
	}
	return ""
}

// yearsEnd is where the years of frame f end: its own span, else its
// clause's end.
func (a *analysis) yearsEnd(f *frame) int {
	if f.ye > f.ys {
		return f.ye
	}
	return a.clauses[f.clause].te
}

// itemYears returns the years a list ties to item it among items: those
// between it and the next item, else those of the first later segment
// that has any ("HQ-9, FM-90 and KS-1A systems in 2016" dates all three);
// nil when none follows it before end. A later date after "then",
// "followed by" or "later" is not the earlier items': they take the years
// before them back to start ("In 2021 it received TB2 drones, followed by
// Aksungur drones in 2022").
func (a *analysis) itemYears(it int, items []int, start, end int) []int {
	if it < 0 {
		return nil
	}
	var order []int
	for _, x := range items {
		if x >= 0 {
			order = append(order, x)
		}
	}
	slices.SortFunc(order, func(x, y int) int { return a.items[x].ti - a.items[y].ti })
	seg := func(k int) (int, int) {
		s, e := a.items[order[k]].ti, end
		if k+1 < len(order) {
			e = a.items[order[k+1]].ti
		}
		return s, max(s, e)
	}
	at := slices.Index(order, it)
	for k := at; k >= 0 && k < len(order); k++ {
		s, e := seg(k)
		if ys := a.yearsIn(s, e); len(ys) > 0 {
			return sortUnique(ys)
		}
		if a.wordIn("then", s, e) || a.wordIn("followed", s, e) || a.wordIn("later", s, e) {
			// "... in 2016, together with YLC-2 radars, and then a DWL-002
			// ... in 2017": the later date is not the radars'.
			for b := at - 1; b >= 0; b-- {
				if ys := a.yearsIn(seg(b)); len(ys) > 0 {
					return sortUnique(ys)
				}
			}
			if first := a.items[order[0]].ti; start < first {
				return sortUnique(a.yearsIn(start, first))
			}
			return nil
		}
	}
	return nil
}

// wordIn reports whether word w stands in tokens [s, e).
func (a *analysis) wordIn(w string, s, e int) bool {
	for t := s; t < e && t < len(a.toks); t++ {
		if a.toks[t].w == w {
			return true
		}
	}
	return false
}

// deliveredInParen reports whether item it stands in a parenthesis where
// a delivery stated as done follows it within its own group (before a
// comma, a semicolon or the ")"): "(Bayraktar TB2 and Aksungur delivered
// from 2021 to 2023, and an open order for the Anka)" delivers the TB2
// and the Aksungur, not the Anka.
func (a *analysis) deliveredInParen(it int) bool {
	end := a.closingParen(a.items[it].ti)
	if end < 0 {
		return false
	}
	for j := a.items[it].tj; j < end; j++ {
		switch w := a.toks[j].w; {
		case w == "," || w == ";":
			return false
		case plainDelivery[w]:
			return !a.notDoneBefore(j)
		}
	}
	return false
}

// ownedByOther reports whether item it sits in the parenthesis of a
// country that is neither sup nor rec: the item is that country's.
func (a *analysis) ownedByOther(it int, sup, rec string) bool {
	o := a.parenOwner(it)
	return o != "" && o != sup && o != rec
}

// makerAt reports whether the party at token pos is named by a maker.
func (a *analysis) makerAt(pos int) bool {
	if pos < 0 || pos >= len(a.actorAt) || a.actorAt[pos] < 0 {
		return false
	}
	return a.actors[a.actorAt[pos]].kind == gazetteer.ManufacturerMention
}

// mergeInferred keeps a side stated when either reading states it.
func (o *relation) mergeInferred(r relation) {
	o.Inferred = o.Inferred && r.Inferred
	o.supInferred = o.supInferred && r.supInferred
	o.recInferred = o.recInferred && r.recInferred
	if !o.Inferred {
		o.supInferred, o.recInferred = false, false
	}
}

// madeIn returns the countries that make the system canon by the weapons
// lexicon: its origin, then its partners; nil when unknown.
func madeIn(canon string) []string {
	if canon == "" {
		return nil
	}
	s, ok := weapons.LookupSystem(canon)
	if !ok || s.Origin == "" {
		return nil
	}
	return append([]string{s.Origin}, s.Partners...)
}

// groupYears returns the years tied to one group of a frame.
func (a *analysis) groupYears(f *frame, g *group) []int {
	if y, ok := a.dealDate(f); ok {
		return []int{y} // "..., and a further Anka deal of 2022 covers drones to be produced ..."
	}
	c := &a.clauses[f.clause]
	s, e := c.ts, c.te
	if f.ye > f.ys {
		s, e = f.ys, f.ye
	}
	e = a.laterDealAt(f, e)
	s, e = a.ownStretch(f, s), a.otherItemAt(f, s, e)
	if f.implicit || f.spec.dir == dirU {
		// "photographs from the parade held in September 2021 showed X-made
		// W": the year of the observation is not the transfer's.
		for _, it := range g.items {
			if it >= 0 && len(a.items[it].origins) > 0 {
				s = a.items[it].ti
				break
			}
		}
	}
	var ys []int
	if len(f.groups) > 1 && g.e > g.s {
		first := e
		for _, h := range f.groups {
			if h.s < first {
				first = h.s
			}
		}
		ys = append(a.yearsIn(s, first), a.yearsIn(g.s, g.e)...)
	} else {
		ys = a.yearsIn(s, e)
	}
	if len(ys) == 0 && c.kind == cThat && c.parent >= 0 {
		p := &a.clauses[c.parent]
		ys = a.yearsIn(p.ts, p.te)
	}
	return sortUnique(append(ys, a.laterStageYears(f)...))
}

// otherItemAt returns where, after the last of frame f's weapons, a weapon
// that is not f's opens a stretch of its own, so that its years are not
// f's ("the drone appears as the TB-2, with three delivered in 2021, and
// the Cobra deliveries are split into 34 in 2016 and 77 in 2017"); e when
// none does. A weapon a purpose names ("radars for two Su-27UB in 2015")
// does not cut.
func (a *analysis) otherItemAt(f *frame, s, e int) int {
	last := -1
	for _, it := range f.items {
		if it >= 0 && a.items[it].tj > last {
			last = a.items[it].tj
		}
	}
	if last < 0 {
		return e
	}
	for t := max(last, s); t < e; t++ {
		it := a.itemAt[t]
		if it < 0 || slices.Contains(f.items, it) || a.items[it].org || a.items[it].arms || a.purpose(a.items[it].ti) {
			continue
		}
		if t > 0 && a.toks[t-1].w == "the" && t > 1 && (a.toks[t-2].w == "and" || a.toks[t-2].w == ",") {
			return t // ", and the Cobra deliveries ...": a subject of its own
		}
	}
	return e
}

// ownStretch returns where frame f's weapons open a stretch of their own
// after another weapon's (", and the Cobra deliveries are split into 34 in
// 2016 and 77 in 2017" after "three TB-2 delivered in 2021"): its years
// start there; s when they do not.
func (a *analysis) ownStretch(f *frame, s int) int {
	first := -1
	for _, it := range f.items {
		if it >= 0 && (first < 0 || a.items[it].ti < first) {
			first = a.items[it].ti
		}
	}
	if first < 2 || first <= s || a.toks[first-1].w != "the" || a.toks[first-2].w != "and" && a.toks[first-2].w != "," {
		return s
	}
	for t := s; t < first-1; t++ {
		if it := a.itemAt[t]; it >= 0 && !slices.Contains(f.items, it) && !a.items[it].org && !a.items[it].arms {
			return first - 1
		}
	}
	return s
}

// laterStageYears returns the years of the stages of f's transfer that
// follow it in the sentence as bare verbs, with no subject, goods or
// parties of their own: "Ukraine delivered two An-72A to Kazakhstan,
// ordered around 2010 and delivered in 2011"; "Kazakhstan ordered two
// An-72A from Ukraine, which were delivered in 2011 and 2013". A relation's
// years cover every stage (testdata/gold/README.md). The frames after f are
// not resolved yet when f is emitted, so this reads their tokens.
func (a *analysis) laterStageYears(f *frame) []int {
	at := slices.Index(a.frames, f)
	if at < 0 || len(f.items) == 0 {
		return nil
	}
	var ys []int
	for _, g := range a.frames[at+1:] {
		tr := &a.trigs[g.t]
		if tr.noun || g.spec.status != bot.StatusDelivered && g.spec.status != bot.StatusOrdered || a.ownSubject(tr) {
			break
		}
		stage, ok := a.bareStageYears(tr)
		if !ok {
			break
		}
		ys = append(ys, stage...)
	}
	return ys
}

// ownSubject reports whether a country stands right before trigger tr,
// past auxiliaries and adverbs ("... and Belarus received them in 2016"),
// or a negation does ("none had been delivered by 2023"): either way the
// verb is no further stage of the transfer before it.
func (a *analysis) ownSubject(tr *trig) bool {
	for t := tr.ti - 1; t >= 0; t-- {
		switch a.toks[t].w {
		case "has", "have", "had", "was", "were", "been", "is", "are", "then", "later", "also", "first", "finally":
			continue
		case "none", "not", "never", "no", "yet", "t":
			return true
		}
		return a.actorAt[t] >= 0
	}
	return false
}

// bareStageYears returns the years after trigger tr up to the next
// punctuation or trigger ("delivered in 2011 and 2013."); ok is false when
// a weapon or a country stands there, making it a transfer of its own.
func (a *analysis) bareStageYears(tr *trig) (ys []int, ok bool) {
	t := tr.tj
	for ; t < len(a.toks); t++ {
		if a.actorAt[t] >= 0 || a.itemAt[t] >= 0 {
			return nil, false
		}
		if a.trigAt[t] >= 0 {
			break
		}
		if w := a.toks[t].w; w == "," || w == ";" || w == ":" || w == "." || w == "(" {
			break
		}
	}
	return a.yearsIn(tr.tj, t), true
}

// dealDate returns the date of the deal a frame belongs to when a deal noun
// between the previous frame of its clause and the frame carries it ("a
// further Anka deal of 2022 covers drones to be produced", "the 2021
// contract covers") and no other year stands between that noun and the end
// of the frame's reading: such a date is the deal's, whatever other years
// the clause names before it ("ordered in 2021, delivered in 2022 and 2023,
// and a further deal of 2022 covers drones to be produced under licence").
func (a *analysis) dealDate(f *frame) (int, bool) {
	from := f.readFrom
	if c := &a.clauses[f.clause]; from < c.ts {
		from = c.ts
	}
	for t := f.start; t >= from; t-- {
		y, ok := a.dealNounDate(t)
		if !ok {
			continue
		}
		ys := a.yearsIn(t, max(f.readTo, f.tj))
		return y, len(ys) == 1 && ys[0] == y
	}
	return 0, false
}

// laterDealAt returns where, before e, a dated deal noun of a later frame
// of f's clause stands ("..., and a further Anka deal of 2022 covers ..."):
// that deal's years are not f's. It returns e when there is none.
func (a *analysis) laterDealAt(f *frame, e int) int {
	for t := f.tj; t < e; t++ {
		if _, ok := a.dealNounDate(t); !ok {
			continue
		}
		for _, g := range a.frames {
			if g != f && g.clause == f.clause && g.start >= t && g.start < e {
				if y, ok := a.dealDate(g); ok && y != 0 {
					return t
				}
			}
		}
	}
	return e
}

// dealNounDate returns the year the deal noun at token t carries itself:
// "a deal of 2022", "an order of 2018", "the 2021 contract".
func (a *analysis) dealNounDate(t int) (int, bool) {
	toks := a.toks
	if !dealNouns[toks[t].w] {
		return 0, false
	}
	if t+2 < len(toks) && toks[t+1].w == "of" {
		if y, ok := yearOf(toks[t+2]); ok {
			return y, true
		}
	}
	if t >= 2 && dealDeterminers[toks[t-2].w] {
		if y, ok := yearOf(toks[t-1]); ok {
			return y, true
		}
	}
	return 0, false
}

// dealDeterminers may open a dated deal noun: "the 2021 contract", "its
// 2019 order".
var dealDeterminers = words("the a an its their this that")

// beforeRespectively returns, when token t is "respectively", the token
// that ends what it pairs up (the word before it, past a comma); -1
// otherwise.
func (a *analysis) beforeRespectively(t int) int {
	toks := a.toks
	if toks[t].w != "respectively" {
		return -1
	}
	e := t - 1
	if toks[e].w == "," && e > 0 {
		e--
	}
	return e
}
