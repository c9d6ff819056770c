package extract

import "github.com/briefbot/briefbot/bot"

// Named steps of resolve, implicit and makeGroups (resolve.go).

// lastKeptItems returns the weapons of the latest kept frame that names
// any, or fallback when none does: "... before being resold to Ecuador"
// hands on the same goods.
func (a *analysis) lastKeptItems(fallback []int) []int {
	for k := len(a.res.kept) - 1; k >= 0; k-- {
		if d := a.res.kept[k]; len(d.items) > 0 {
			return d.items
		}
	}
	return fallback
}

// borrowKeptRoles fills a missing side of frame f from the frames kept
// before it in the sentence, when f refers back to them, is not a main
// clause or shares the last one's clause.
func (a *analysis) borrowKeptRoles(f *frame, items []int, sups, recs []roleParty) ([]roleParty, []roleParty) {
	if len(sups) != 0 && len(recs) != 0 || len(a.res.kept) == 0 {
		return sups, recs
	}
	last := a.res.kept[len(a.res.kept)-1]
	if !(f.anaphor || a.clauses[f.clause].kind != cMain || last.clause == f.clause) {
		return sups, recs
	}
	for k := len(a.res.kept) - 1; k >= 0; k-- {
		sups, recs = a.borrowFrameRoles(f, a.res.kept[k], items, sups, recs)
	}
	return sups, recs
}

// borrowFrameRoles fills a missing side of frame f from the kept frame d.
func (a *analysis) borrowFrameRoles(f, d *frame, items []int, sups, recs []roleParty) ([]roleParty, []roleParty) {
	otherBuyersPlan := isOtherBuyersPlan(f, d, recs)
	otherWeapon := a.isOtherWeapon(f, d, items)
	if len(sups) == 0 && a.handedOn(f) && len(d.rrecs) > 0 && !overlap(d.rrecs, recs) {
		sups = d.rrecs // "sold by Germany to Chile before being resold to Ecuador": Chile resells
	}
	if len(sups) == 0 && len(d.rsups) > 0 && !overlap(d.rsups, recs) && !otherBuyersPlan && !otherWeapon && !a.handedOnAfterPurchase(f, d) {
		sups = d.rsups
	}
	if len(recs) == 0 && len(d.rrecs) > 0 && !overlap(d.rrecs, sups) && !a.namesOtherRecipient(f) {
		recs = d.rrecs
	}
	return sups, recs
}

// otherRecipientNouns name recipients that are no country of the sentence:
// "donated vehicles to border forces across the region", "sold arms to
// several African states", "to armed groups".
var otherRecipientNouns = words("forces force troops army armies units police guards border military militaries navy " +
	"ministries agencies services governments countries states nations partners allies customers buyers clients " +
	"rebels militias groups fighters region neighbours neighbors")

// namesOtherRecipient reports whether frame f's own clause gives its goods
// to a recipient that is no country ("to border forces across the region"):
// f then borrows no recipient from an earlier clause.
func (a *analysis) namesOtherRecipient(f *frame) bool {
	toks := a.toks
	end := a.clauses[f.clause].te
	for j := f.tj; j+1 < end; j++ {
		if toks[j].w != "to" {
			continue
		}
		for k := j + 1; k < end && k <= j+4; k++ {
			if a.actorAt[k] >= 0 {
				break
			}
			if otherRecipientNouns[toks[k].w] {
				return !a.actorWithin(k+1, end, 3) // "to the army of Tajikistan" names its country
			}
		}
	}
	return false
}

// isOtherBuyersPlan: "China delivered radars to Turkmenistan, and
// Kazakhstan held talks on buying them": another buyer's plan leaves its
// seller open.
func isOtherBuyersPlan(f, d *frame, recs []roleParty) bool {
	return (f.status == bot.StatusPlanned || f.status == bot.StatusCancelled && !f.denied) && len(recs) > 0 && !overlap(d.rrecs, recs)
}

// isOtherWeapon: "..., while Riyadh also buys jets": a clause of its own
// with weapons of its own leaves their seller open.
func (a *analysis) isOtherWeapon(f, d *frame, items []int) bool {
	return d.clause != f.clause && a.clauses[f.clause].own && a.clauses[f.clause].kind == cConj &&
		!f.anaphor && len(items) > 0 && len(d.items) > 0 && !sharesItem(items, d.items)
}

// topicRoles fills the one missing side from the report's topic country:
// "Kazakhstan: China delivered three Wing Loong-1 in 2016".
func (a *analysis) topicRoles(f *frame, sups, recs []roleParty) ([]roleParty, []roleParty) {
	if a.topic < 0 || (len(sups) == 0) == (len(recs) == 0) {
		return sups, recs
	}
	if tp := a.parties(a.topic, f, append(sups, recs...)); len(tp) > 0 {
		if len(recs) == 0 {
			recs = tp
		} else {
			sups = tp
		}
	}
	return sups, recs
}

// unsupportedFrame reports whether frame f, with its filtered weapons,
// states no transfer to keep.
func (a *analysis) unsupportedFrame(f *frame, items []int) bool {
	if len(items) == 0 && !a.armsBearing(f) && !f.anaphor && (a.weapon == nil || !a.weaponSubject(f)) {
		return true // no weapon, unless "it" is the weapon the report is about
	}
	if a.noEvidence >= 0 && a.noEvidence < f.start && !f.denied {
		return true
	}
	if allArms(a, items) && f.spec.light && !a.armsBearing(f) && len(items) > 0 && !a.armsNear(f) {
		return true
	}
	return false
}

// saysInherited reports whether the sentence speaks of stock inherited
// (at independence): implicit reads nothing then.
func (a *analysis) saysInherited() bool { return a.anyWord(inheritWords) }

var inheritWords = words("inherited inherit inherits")

// keptItemSet returns the weapons of the kept frames.
func (a *analysis) keptItemSet() map[int]bool {
	covered := map[int]bool{}
	for _, f := range a.res.kept {
		for _, it := range f.items {
			covered[it] = true
		}
	}
	return covered
}

// transferClauses returns the clauses that have a transfer of their own:
// a kept frame, a verb of transfer or an objected trigger.
func (a *analysis) transferClauses() map[int]bool {
	clauseHasFrame := map[int]bool{}
	for _, f := range a.res.kept {
		clauseHasFrame[f.clause] = true
	}
	for _, f := range a.frames {
		// "the Lockheed F-35, of which Warsaw is acquiring 32": the clause's
		// own verb of transfer decides, even when it reads nothing.
		if !f.spec.light && !a.trigs[f.t].noun {
			clauseHasFrame[f.clause] = true
		}
	}
	for k := range a.trigs {
		if tr := &a.trigs[k]; tr.objected {
			clauseHasFrame[a.clauseAt[tr.ti]] = true // "its opposition to the sale of Eurofighters"
		}
	}
	return clauseHasFrame
}

// implicitFrame returns the frame implicit reads for weapon x: a sale,
// delivered.
func (a *analysis) implicitFrame(x *item) *frame {
	f := &frame{implicit: true, clause: a.clauseAt[x.ti], status: bot.StatusDelivered, kind: bot.KindSale,
		spec: trigSpec{dir: dirU}}
	if a.onTrial() || a.selectedBefore(x.ti) {
		f.status = bot.StatusPlanned // "The Kazakh army is testing the Turkish Otokar Arma": on trial, not bought
	}
	return f
}

// originSuppliers returns the countries that made weapon x (item it), one
// country per origin.
func (a *analysis) originSuppliers(x *item, it int) []roleParty {
	var sups []roleParty
	for _, m := range x.origins {
		if ac := &a.actors[m]; !ac.drop && len(ac.countries) == 1 {
			sups = append(sups, roleParty{party: party{countries: ac.countries, pos: ac.ti}, li: -1, it: it})
		}
	}
	return sups
}

// implicitRecipients returns who holds weapon x: its owner, else the
// parties of its clause that are not its makers.
func (a *analysis) implicitRecipients(f *frame, x *item, sups []roleParty) []roleParty {
	var recs []roleParty
	owner := x.owner
	if owner < 0 && len(x.origins) > 0 {
		owner = a.possessorBefore(a.actors[x.origins[0]].ti) // "Turkmenistan's Turkish-built ships"
	}
	if owner < 0 && a.exerciseNamed() {
		return nil // "a joint exercise with Chinese troops using Russian-made tanks": whose tanks?
	}
	if owner >= 0 && a.actors[owner].list >= 0 {
		recs = a.parties(a.actors[owner].list, f, sups)
	} else if li := a.selectorList(x.ti); li >= 0 {
		recs = a.parties(li, f, sups) // "when Jakarta chose the Embraer Super Tucano"
	}
	return a.clauseRecipients(f, sups, recs)
}

// clauseRecipients adds to recs, while it is empty, the parties of a list
// in f's clause that are not the makers sups and carry no origin.
func (a *analysis) clauseRecipients(f *frame, sups, recs []roleParty) []roleParty {
	c := &a.clauses[f.clause]
	for li := range a.lists {
		if len(recs) > 0 {
			break
		}
		l := &a.lists[li]
		if l.ti < c.ts || l.ti >= c.te || l.place || l.except || l.builtIn || a.meetingParty(l) {
			continue
		}
		skip := false
		for _, m := range l.members {
			if a.actors[m].origin >= 0 {
				skip = true
			}
		}
		if skip {
			continue
		}
		for _, p := range a.parties(li, f, sups) {
			if !sameSide(sups, p.countries) {
				recs = append(recs, p)
			}
		}
	}
	return recs
}

// suppliedFromOrigins reports whether every supplier comes from a weapon's
// origin, for several weapons.
func suppliedFromOrigins(sups []roleParty, items []int) bool {
	fromOrigin := len(items) > 1 && len(sups) > 0
	for _, s := range sups {
		if s.it < 0 {
			fromOrigin = false
		}
	}
	return fromOrigin
}

// groupByOrigin gives frame f one group per weapon, with the suppliers
// read from that weapon's origin, each running to the next weapon.
func (a *analysis) groupByOrigin(f *frame, all group) {
	items := f.items
	for k, it := range items {
		g := group{recs: all.recs, items: []int{it}, s: a.items[it].ti, e: a.clauses[f.clause].te}
		if k+1 < len(items) {
			g.e = a.items[items[k+1]].ti
		}
		for _, s := range f.rsups {
			if s.it == it {
				g.sups = append(g.sups, s.party)
			}
		}
		if len(g.sups) > 0 {
			f.groups = append(f.groups, g)
		}
	}
}

// counterpartLists returns the lists of side's parties that come after
// frame f's trigger, in order, each once in a row.
func (a *analysis) counterpartLists(f *frame, side []roleParty) []int {
	var lists []int
	for _, p := range side {
		if p.li >= 0 && a.lists[p.li].ti > f.tj && (len(lists) == 0 || lists[len(lists)-1] != p.li) {
			lists = append(lists, p.li)
		}
	}
	return lists
}

// itemsByList assigns each weapon to the first counterpart list after it,
// else to the last list.
func (a *analysis) itemsByList(items, lists []int) map[int][]int {
	assign := make(map[int][]int)
	for _, it := range items {
		target := lists[len(lists)-1]
		for _, li := range lists {
			if a.lists[li].ti > a.items[it].ti {
				target = li
				break
			}
		}
		assign[target] = append(assign[target], it)
	}
	return assign
}

// groupByList gives frame f one group per counterpart list, with the
// weapons before it (or the previous list's when none), the list's
// parties on side and the frame's other side whole.
func (a *analysis) groupByList(f *frame, all group, side []roleParty, lists []int) {
	assign := a.itemsByList(f.items, lists)
	var prevItems []int
	for k, li := range lists {
		g := group{items: assign[li], s: a.lists[li].ti, e: a.clauses[f.clause].te}
		if len(g.items) == 0 {
			g.items = prevItems
		} else {
			g.s = min(g.s, a.items[g.items[0]].ti)
		}
		if k+1 < len(lists) {
			g.e = a.lists[lists[k+1]].ti
			if nx := assign[lists[k+1]]; len(nx) > 0 {
				g.e = min(g.e, a.items[nx[0]].ti)
			}
		}
		prevItems = g.items
		for _, p := range side {
			if p.li == li {
				if f.spec.dir == dirS {
					g.recs = append(g.recs, p.party)
				} else {
					g.sups = append(g.sups, p.party)
				}
			}
		}
		if f.spec.dir == dirS {
			g.sups = all.sups
		} else {
			g.recs = all.recs
		}
		f.groups = append(f.groups, g)
	}
}

// actorWithin reports whether a country stands in the n tokens from s
// (before end).
func (a *analysis) actorWithin(s, end, n int) bool {
	for k := s; k < end && k < s+n; k++ {
		if a.actorAt[k] >= 0 {
			return true
		}
	}
	return false
}
