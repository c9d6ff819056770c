package extract

import (
	"slices"
	"strconv"

	"github.com/briefbot/briefbot/bot"
)

// Rules of the plist probe round: lists, coordination and several parties.

// gapDeterminer reports whether w may stand between a gapped conjunct's
// country and its weapon: "Russia delivered the Su-30MKA fighters to
// Algeria in 2019, and China the VT-4 tanks to Nigeria in 2020" leaves
// "delivered" out after China.
func gapDeterminer(w string) bool {
	return w == "the"
}

// controlVerbs make their object the subject of the infinitive after it:
// "prompted Finland and Sweden to join NATO and buy more arms".
var controlVerbs = words("prompted prompt prompts prompting led pushed forced force encouraged urged persuaded convinced allowed enabled spurred drove compelled")

// controlledSubject returns the country list that an object-control verb
// before clause ci makes the subject of the infinitive coordinated into
// ci ("Russia's war has prompted Finland and Sweden to join NATO and buy
// arms from the United States": Finland and Sweden buy, not Russia), or -1.
func (a *analysis) controlledSubject(ci int) int {
	if ci == 0 {
		return -1
	}
	c := &a.clauses[ci]
	p := &a.clauses[ci-1]
	for t := p.ts; t+2 < c.ts; t++ {
		if !controlVerbs[a.toks[t].w] {
			continue
		}
		s := t + 1
		if a.toks[s].w == "the" {
			s++
		}
		li := a.listAt[s]
		if li < 0 || a.lists[li].ti != s || a.lists[li].prep != "" || len(a.lists[li].members) == 0 {
			continue
		}
		if e := a.lists[li].tj; e < c.ts && a.toks[e].w == "to" {
			return li
		}
	}
	return -1
}

// markPlist drops or weakens the triggers of this round's non-transfers.
func (a *analysis) markPlist() {
	a.markApprovedSameSale()
}

// markApprovedSameSale drops "the sale" (or deal, transfer) that an
// approval verb governs when it names no goods or parties of its own and a
// transfer verb before it in the sentence has already stated the sale:
// "Argentina bought 24 F-16s from Denmark, as Britain and the United
// States approved the sale" - the approvers consent to Denmark's sale,
// they sell nothing.
func (a *analysis) markApprovedSameSale() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if !tr.noun || tr.drop || tr.ti == 0 || toks[tr.ti-1].w != "the" || !a.approvalBefore(tr.ti) {
			continue
		}
		if tr.tj < len(toks) {
			switch toks[tr.tj].w {
			case "of", "to", "for", "with":
				continue // "approved the sale of K9s to Egypt": its own goods
			}
		}
		for m := range a.trigs {
			if p := &a.trigs[m]; m != k && !p.noun && !p.drop && p.tj <= tr.ti {
				tr.drop = true
				break
			}
		}
	}
}

// respectivelyRuns pairs what "respectively" closes with a country list
// of the same length that the reading gave every member in full: years
// ("supplied S-400 systems to China and India in 2018 and 2021
// respectively": China 2018, India 2021) and weapons whose countries are
// not right before "respectively" ("Turkey and Israel supplied Azerbaijan
// with Bayraktar TB2 and Heron drones respectively": Israel the Heron).
// The member's relations keep only their own year or weapon.
func (a *analysis) respectivelyRuns(rels []relation) {
	toks := a.toks
	for t := 1; t < len(toks); t++ {
		e := a.beforeRespectively(t)
		if e < 0 {
			continue
		}
		if a.listAt[e] >= 0 {
			continue // "to Poland and Egypt respectively": read with the weapons (relations.go)
		}
		if years, s := a.yearRunEndingAt(e); len(years) >= 2 {
			if members := a.membersBefore(s, len(years)); members != nil {
				for i := range rels {
					if k := memberIndex(members, &rels[i]); k >= 0 && containsAll(rels[i].Years, years) {
						rels[i].Years = []int{years[k]}
					}
				}
				a.pairRunItems(rels, members, s) // "sold Typhoon and Rafale jets to Qatar in 2017 and 2015 respectively"
			}
			continue
		}
		if it := a.itemAt[e]; it >= 0 {
			run := a.coordinatedItems(it)
			if len(run) < 2 {
				continue
			}
			members := a.membersBefore(a.items[run[0]].ti, len(run))
			if members == nil {
				continue
			}
			for i := range rels {
				k := memberIndex(members, &rels[i])
				if k < 0 {
					continue
				}
				x := &a.items[run[k]]
				rels[i].System, rels[i].Category = x.system, x.category
				rels[i].madeIn = madeIn(x.canon)
			}
		}
	}
}

// yearRunEndingAt returns the years joined by commas and "and" that end at
// token e, in order, and the token the run starts at.
func (a *analysis) yearRunEndingAt(e int) ([]int, int) {
	toks := a.toks
	var ys []int
	s := e
	for t := e; t >= 0; t-- {
		if isYearTok(toks[t]) {
			y, _ := strconv.Atoi(toks[t].w)
			ys = append([]int{y}, ys...)
			s = t
			continue
		}
		if (toks[t].w == "," || toks[t].w == "and") && t > 0 && isYearTok(toks[t-1]) {
			continue
		}
		break
	}
	return ys, s
}

// membersBefore returns the countries of the nearest list before token s
// with exactly n members, each one country, or nil.
func (a *analysis) membersBefore(s, n int) []string {
	for t := s - 1; t >= 0; t-- {
		li := a.listAt[t]
		if li < 0 || a.lists[li].tj > s {
			continue
		}
		l := &a.lists[li]
		if len(l.members) < 2 {
			continue
		}
		if len(l.members) != n {
			return nil
		}
		var out []string
		for _, m := range l.members {
			if len(a.actors[m].countries) != 1 {
				return nil
			}
			out = append(out, a.actors[m].countries[0])
		}
		return out
	}
	return nil
}

// memberIndex returns the index in members of r's one side that is a
// member, or -1 when neither or both are.
func memberIndex(members []string, r *relation) int {
	ks := slices.Index(members, r.Supplier)
	kr := slices.Index(members, r.Recipient)
	if ks >= 0 && kr >= 0 {
		return -1
	}
	return max(ks, kr)
}

// containsAll reports whether ys holds every year of want.
func containsAll(ys, want []int) bool {
	for _, w := range want {
		if !slices.Contains(ys, w) {
			return false
		}
	}
	return true
}

// pairRunItems gives each member the weapon of its place in a run of as
// many coordinated weapons standing before token e, when there is one.
func (a *analysis) pairRunItems(rels []relation, members []string, e int) {
	for t := e - 1; t >= 0; t-- {
		it := a.itemAt[t]
		if it < 0 {
			continue
		}
		run := a.coordinatedItems(it)
		if len(run) != len(members) {
			return
		}
		for i := range rels {
			if k := memberIndex(members, &rels[i]); k >= 0 {
				x := &a.items[run[k]]
				rels[i].System, rels[i].Category = x.system, x.category
				rels[i].madeIn = madeIn(x.canon)
			}
		}
		return
	}
}

// gappedAfterAndList reports whether actor n, after a comma that follows a
// list already closed by "and" (from actor k to token end), opens a
// conjunct of its own: a subject whose run of countries a finite verb
// follows, or after ", and" a gapped conjunct, a weapon following it with
// only a determiner or a number between ("Moscow supplied MiG-29s to Serbia and Myanmar, and
// Beijing JF-17s to Myanmar and Nigeria": Beijing supplies, it is not a
// third recipient).
func (a *analysis) gappedAfterAndList(k, n, end int) bool {
	toks := a.toks
	nx := &a.actors[n]
	if end >= nx.ti || toks[end].w != "," {
		return false
	}
	if end+2 == nx.ti && toks[end+1].w == "and" && a.runEnd(n) < len(toks) && proVerbs[toks[a.runEnd(n)].w] {
		return true // "bought Caesar howitzers from France, and Estonia did the same"
	}
	if !slices.ContainsFunc(toks[a.actors[k].ti:end], func(t tok) bool { return t.w == "and" }) {
		return false
	}
	if end+1 == nx.ti && a.finiteVerbAt(a.runEnd(n)) {
		return true // "During the war between Armenia and Azerbaijan, Israel and Turkey supplied drones to Baku"
	}
	if end+2 != nx.ti || toks[end+1].w != "and" {
		return false
	}
	for j, c := a.actorEnd(n), 0; j < len(toks) && c < 3; j, c = j+1, c+1 {
		if a.itemAt[j] >= 0 {
			return true
		}
		if !(gapDeterminer(toks[j].w) || toks[j].digit || numberWords[toks[j].w] > 0 || toks[j].w == "about" || toks[j].w == "some") {
			return false
		}
	}
	return false
}

// Verbs of saying and blaming also resume the main clause after a relative
// clause: "Azerbaijan, which buys most of its arms from Israel, accused
// Armenia of receiving weapons from Iran" (Iran is no supplier of
// Azerbaijan's).
func init() {
	for _, w := range []string{"accused", "accuses", "accuse", "alleged", "alleges", "claimed", "claims",
		"warned", "warns", "urged", "urges", "criticised", "criticized", "criticises", "criticizes",
		"condemned", "condemns", "denied", "denies", "blamed", "blames", "told", "tells"} {
		resumeVerbs[w] = true
	}
}

// nounByAgent returns the "by" lists after a supplier's transfer noun that
// has no possessive agent: the seller the noun names itself, which beats
// the subject of the verb that governs the noun ("Egypt condemned the sale
// of F-35 jets to Israel by the United States": the United States sells).
// The "by" list must be a country or company list of the noun's own
// phrase: no comma or verb stands between.
func (r *roleReader) nounByAgent() []int {
	if !r.tr.noun || r.subject < 0 {
		return nil
	}
	var out []int
	for _, li := range r.byPrep(r.after, "by") {
		l := &r.a.lists[li]
		if len(l.members) == 0 || l.ti < r.tr.tj {
			continue
		}
		clean := true
		for t := r.tr.tj; t < l.ti; t++ {
			if w := r.a.toks[t].w; w == "," || w == ";" || r.a.trigAt[t] >= 0 || r.a.finiteVerbAt(t) {
				clean = false
				break
			}
		}
		if clean {
			out = append(out, li)
		}
	}
	return out
}

// subjectMakesItems reports whether the frame's subject is a country the
// weapons lexicon gives as a maker of one of the frame's weapons.
func (r *roleReader) subjectMakesItems() bool {
	if r.subject < 0 {
		return false
	}
	for _, m := range r.a.lists[r.subject].members {
		for _, c := range r.a.actors[m].countries {
			for _, it := range r.items {
				if slices.Contains(madeIn(r.a.items[it].canon), c) {
					return true
				}
			}
		}
	}
	return false
}

// proVerbs stand for the verb of the clause before: "and Estonia did the
// same", "and Latvia does too".
var proVerbs = words("did does do")

// ellipsisAt reports whether list l ends in a clause that repeats the
// transfer before it ("and Estonia did the same", "and Latvia followed
// suit").
func (a *analysis) ellipsisAt(l *alist) bool {
	if l.pron != "" || len(l.members) == 0 {
		return false
	}
	end := a.actorEnd(l.members[len(l.members)-1])
	if end >= len(a.toks) {
		return false
	}
	_, n := sameWords.match(a.toks, end)
	return n > 0
}

// plistFrames ends a frame's years before a clause that repeats it for
// another party: in "Belgium bought Caesar howitzers from France, and
// Estonia did the same in 2023" the year is Estonia's.
func (a *analysis) plistFrames() {
	a.notStoppedFrom()
	for _, f := range a.frames {
		for li := range a.lists {
			l := &a.lists[li]
			if l.ti <= f.tj || !a.ellipsisAt(l) {
				continue
			}
			c := &a.clauses[f.clause]
			if f.ye <= f.ys {
				f.ys, f.ye = c.ts, c.te
			}
			if l.ti < f.ye {
				f.ye = l.ti
			}
			break
		}
	}
}

// ellipsisYearSpan returns the span the years of the repeated frame g are
// read in: from list l on when a year follows it, else g's own.
func (a *analysis) ellipsisYearSpan(g *frame, l *alist) (int, int) {
	if ys := a.yearsIn(l.ti, len(a.toks)); len(ys) > 0 {
		return l.ti, len(a.toks)
	}
	return g.ys, g.ye
}

// keepFromWords keep someone from a transfer: "stopped China from supplying".
var keepFromWords = words("stopped stop stops prevented prevent prevents deterred deter deters kept keep keeps dissuaded discouraged")

// notStoppedFrom reads a transfer that a negated stopping verb governs as
// going ahead: "Sanctions by the United States and the EU have not stopped
// China from supplying drone parts to Russia and Iran" - China supplies;
// nothing was cancelled or denied.
func (a *analysis) notStoppedFrom() {
	toks := a.toks
	for _, f := range a.frames {
		tr := &a.trigs[f.t]
		if tr.noun || tr.ti < 4 || toks[tr.ti-1].w != "from" {
			continue
		}
		li := a.listAt[tr.ti-2]
		if li < 0 || a.lists[li].prep != "" {
			continue
		}
		v := a.lists[li].ti - 1
		if v < 1 || !keepFromWords[toks[v].w] {
			continue
		}
		neg := false
		for j := v - 1; j >= 0 && j >= v-3; j-- {
			if w := toks[j].w; w == "not" || w == "never" || w == "n't" || w == "failed" || w == "nothing" {
				neg = true
			}
		}
		if neg {
			f.status, f.denied, f.neg = tr.spec.status, false, false
		}
	}
}

// goodsPairs maps each country that a sentence pairs with its own goods
// in a list of at least two such pairs to those goods: "imports include
// Bayraktar TB2 drones from Turkey, Mi-17 helicopters from Russia and
// armoured vehicles from China" (suppliers), "signed contracts with Warsaw
// for K2 tanks and K9 howitzers, as well as with Bucharest for K9
// howitzers" (recipients). sup says the countries are suppliers.
func (a *analysis) goodsPairs() (pairs map[string][]int, sup bool) {
	toks := a.toks
	from, with := map[string][]int{}, map[string][]int{}
	for li := range a.lists {
		l := &a.lists[li]
		if len(l.members) != 1 || len(a.actors[l.members[0]].countries) != 1 {
			continue
		}
		c := a.actors[l.members[0]].countries[0]
		switch {
		case l.prep == "from" && l.ti >= 2 && toks[l.ti-1].w == "from" && a.itemAt[l.ti-2] >= 0:
			if _, dup := from[c]; dup {
				from[c] = nil
				continue
			}
			from[c] = a.coordinatedItems(a.itemAt[l.ti-2])
		case l.prep == "with" && l.tj+1 < len(toks) && toks[l.tj].w == "for" && a.itemAt[l.tj+1] >= 0:
			if _, dup := with[c]; dup {
				with[c] = nil
				continue
			}
			with[c] = a.coordinatedItems(a.itemAt[l.tj+1])
		}
	}
	if len(from) >= 2 && len(with) == 0 {
		return from, true
	}
	if len(with) >= 2 && len(from) == 0 {
		return with, false
	}
	return nil, false
}

// pairGoods gives each relation of a country that goodsPairs pairs with
// its own goods those goods, one relation per weapon, in place of a
// weapon the frame read for the whole list.
func (a *analysis) pairGoods(rels []relation) []relation {
	pairs, sup := a.goodsPairs()
	if pairs == nil {
		return rels
	}
	var out []relation
	for _, r := range rels {
		c := r.Recipient
		if sup {
			c = r.Supplier
		}
		run := pairs[c]
		if len(run) == 0 || r.supInferred || r.recInferred {
			out = append(out, r)
			continue
		}
		for _, it := range run {
			x := &a.items[it]
			q := r
			q.System, q.Category = x.system, x.category
			q.madeIn = madeIn(x.canon)
			if !slices.ContainsFunc(out, func(o relation) bool {
				return o.Supplier == q.Supplier && o.Recipient == q.Recipient && o.System == q.System && o.Category == q.Category && o.Status == q.Status
			}) {
				out = append(out, q)
			}
		}
	}
	return out
}

// partyCancelled marks cancelled the relations read before a clause in
// which one of their parties cancels its own order or deal with no other
// party named: "Russia has also delivered Su-35 fighters to Egypt and
// Iran, though Egypt cancelled its order" - Egypt's fighters were not
// delivered; Iran's were.
func (a *analysis) partyCancelled(rels []relation) {
	toks := a.toks
	for _, f := range a.frames {
		tr := &a.trigs[f.t]
		if f.status != bot.StatusCancelled || !tr.noun || f.denied || f.neg || tr.ti == 0 {
			continue
		}
		if w := toks[tr.ti-1].w; w != "its" && w != "their" {
			continue
		}
		c := &a.clauses[f.clause]
		if c.subj < 0 || !c.own || c.ts == 0 {
			continue
		}
		var subj []string
		for _, m := range a.lists[c.subj].members {
			subj = append(subj, a.actors[m].countries...)
		}
		for t := tr.tj; t < c.te; t++ {
			if a.actorAt[t] >= 0 {
				subj = nil // "cancelled its order with France": read by the frame itself
			}
		}
		var own []string // "cancelled its order for Su-57 jets": only those
		for _, it := range a.itemsIn(tr.tj, c.te) {
			own = append(own, a.items[it].system)
		}
		for i := range rels {
			r := &rels[i]
			if len(own) > 0 && !slices.Contains(own, r.System) {
				continue
			}
			if r.pos < c.ts && r.Status != bot.StatusCancelled && !r.Denied &&
				(slices.Contains(subj, r.Recipient) || slices.Contains(subj, r.Supplier)) {
				r.Status = bot.StatusCancelled
			}
		}
	}
}

// talksAfterAnd reports whether "and" at i opens a predicate of talks that
// shares the subject: "Vietnam has bought Su-30MK2 jets from Russia and is
// in talks with the United States about F-16s" (the F-16s are not bought
// from Russia).
func (a *analysis) talksAfterAnd(i int) bool {
	toks := a.toks
	j := i + 1
	for j < len(toks) && (beForms[toks[j].w] || haveForms[toks[j].w] || adverbs[toks[j].w] || toks[j].w == "also" || toks[j].w == "now") {
		j++
	}
	if j == i+1 || j+1 >= len(toks) || toks[j].w != "in" {
		return false
	}
	switch toks[j+1].w {
	case "talks", "negotiations", "discussions":
		return true
	}
	return false
}
