package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot"
)

// resolved holds what resolve found, for the sentences after this one.
type resolved struct {
	done     bool
	rels     []relation
	partials []*frame // frames with a side missing
	kept     []*frame // frames that passed the checks, complete or not
	// dealCancelled says "the deal" of an earlier frame was called off later
	// in the sentence: its orders and plans are cancellations.
	dealCancelled bool
	cancelYears   []int // the years of the clause that called it off
}

// resolve reads the relations of every frame, fills a missing side from
// earlier frames of the same sentence and keeps frames still missing one for
// the context.
func (a *analysis) resolve() []relation {
	if a.res.done {
		return a.res.rels
	}
	a.res.done = true
	var rels []relation
	for _, f := range a.frames {
		if a.commentedNominal(f) || a.insteadInClause(f) || a.deniedHaltOfTrade(f) {
			continue // "sanctions over arms sales to Taiwan", "had hoped to sell tanks instead": no transfer stated
		}
		items := a.frameItems(f)
		f.anaphor, f.newBatch = a.anaphor(f)
		if len(items) == 0 && (f.anaphor || a.handedOn(f)) { // "... before being resold to Ecuador": the same goods
			items = a.lastKeptItems(items)
		}
		if len(items) == 0 {
			items = a.pronounObjectItems(f) // "to sail two Australian warships ... after purchasing them"
		}
		sups, recs := a.roles(f, items)
		sups, recs, ok := a.governedRoles(f, items, sups, recs)
		if !ok {
			continue
		}
		items, sups, recs = a.licenseeOfAgreement(f, items, sups, recs)
		sups, recs = a.borrowKeptRoles(f, items, sups, recs)
		a.boughtAfterArrival(f, items)
		sups = a.dropMakerGiver(f, sups)
		sups, recs = a.topicRoles(f, sups, recs)
		if sups, recs, ok = a.partnerSubjectRoles(f, items, sups, recs); !ok {
			continue // "Turkey's Otokar and Romania's Automecanica signed a deal to assemble" (pmaker)
		}
		recs = a.ownerInRelative(f, items, sups, recs)
		recs = a.possessorRecipient(f, items, sups, recs) // "Hungary's German-made tanks arrived" (pnoun)
		items = a.filterItems(items, recs)
		if a.unsupportedFrame(f, items) {
			continue
		}
		f.items, f.rsups, f.rrecs = items, sups, recs
		a.giftInRelative(f)
		a.res.kept = append(a.res.kept, f)
		if len(sups) == 0 || len(recs) == 0 {
			a.res.partials = append(a.res.partials, f)
			continue
		}
		a.makeGroups(f)
		rels = a.emit(f, rels)
	}
	rels = a.completeFromRelative(rels)
	rels = append(rels, a.ellipsis()...)
	rels = append(rels, a.implicit()...)
	a.res.rels = rels
	return rels
}

// sameWords end a clause that repeats the transfer before it for another
// party: "and the United Arab Emirates did the same".
var sameWords = newPhraseSet[bool]()

func init() {
	sameWords.add("did the same|has done the same|have done the same|had done the same|did likewise|"+
		"followed suit|has followed suit|have followed suit|did so too|did too", true)
}

// ellipsis reads "X did the same" and "so did X": the last complete frame
// again, with X as its agent (the buyer of a purchase, the seller of a sale).
func (a *analysis) ellipsis() []relation {
	toks := a.toks
	var rels []relation
	for li := range a.lists {
		l := &a.lists[li]
		if l.pron != "" || l.place || l.except {
			continue
		}
		end := a.actorEnd(l.members[len(l.members)-1])
		_, n := sameWords.match(toks, min(end, len(toks)-1))
		so := l.ti >= 2 && toks[l.ti-1].w == "did" && toks[l.ti-2].w == "so"
		if n == 0 && !so || end >= len(toks) && !so {
			continue
		}
		var last *frame
		for _, f := range a.res.kept {
			if f.start < l.ti && len(f.rsups) > 0 && len(f.rrecs) > 0 {
				last = f
			}
		}
		if last == nil {
			continue
		}
		g := *last
		g.groups = nil
		g.ys, g.ye = a.ellipsisYearSpan(&g, l) // "and Estonia did the same in 2023": its own year
		ps := a.parties(li, &g, nil)
		if g.spec.dir == dirS && !a.trigs[g.t].passive {
			g.rsups = ps
		} else {
			g.rrecs = ps
		}
		if len(g.rsups) == 0 || len(g.rrecs) == 0 {
			continue
		}
		a.makeGroups(&g)
		rels = a.emit(&g, rels)
	}
	return rels
}

func overlap(x, y []roleParty) bool {
	for _, p := range x {
		if sameSide(y, p.countries) {
			return true
		}
	}
	return false
}

func allArms(a *analysis, items []int) bool {
	for _, it := range items {
		if !a.items[it].arms {
			return false
		}
	}
	return true
}

// armsNear reports whether a generic arms word is the frame's object.
func (a *analysis) armsNear(f *frame) bool {
	for t := f.tj; t < f.readTo && t < f.tj+6; t++ {
		if it := a.itemAt[t]; it >= 0 && a.items[it].arms {
			return true
		}
	}
	return false
}

// makeGroups splits a frame's relations by weapon where the sentence pairs
// each weapon with its own party: "transport aircraft from Spain and
// helicopters from France", "a Turkish-built corvette in 2021 and two Russian
// Molniya missile boats in 2011".
func (a *analysis) makeGroups(f *frame) {
	sups, recs, items := f.rsups, f.rrecs, f.items
	all := group{sups: plain(sups), recs: plain(recs), items: items}
	// Suppliers from the weapons' origins: one group per weapon.
	if suppliedFromOrigins(sups, items) {
		a.groupByOrigin(f, all)
		return
	}
	// Several counterpart lists after the trigger: each takes the weapons before it.
	side := sups
	if f.spec.dir == dirS {
		side = recs
	}
	lists := a.counterpartLists(f, side)
	if len(lists) < 2 || len(items) < 2 {
		f.groups = []group{all}
		return
	}
	a.groupByList(f, all, side, lists)
}

func plain(ps []roleParty) []party {
	out := make([]party, len(ps))
	for i, p := range ps {
		out[i] = p.party
	}
	return out
}

// handedOn reports whether frame f hands goods on a second time: "resold",
// "re-exported".
func (a *analysis) handedOn(f *frame) bool {
	w := a.toks[a.trigs[f.t].ti].w
	return w == "resold" || w == "resell" || w == "resells" || w == "reselling" ||
		w == "re" && a.trigs[f.t].tj-a.trigs[f.t].ti > 1
}

// sharesItem reports whether two frames name a weapon in common.
func sharesItem(x, y []int) bool {
	for _, i := range x {
		if slices.Contains(y, i) {
			return true
		}
	}
	return false
}

// implicit reads "X-made W" with no transfer verb: "Russian-supplied T-72
// tanks form the backbone of the Tajik army" gives Russia to Tajikistan,
// delivered. Stock inherited at independence and weapons used in their
// country of origin give nothing.
func (a *analysis) implicit() []relation {
	if a.saysInherited() {
		return nil
	}
	covered := a.keptItemSet()
	clauseHasFrame := a.transferClauses()
	var rels []relation
	for it := range a.items {
		x := &a.items[it]
		if !x.madeOrig || x.org || covered[it] || clauseHasFrame[a.clauseAt[x.ti]] || a.combatBefore(x.ti) || a.wishBefore(x.ti) ||
			a.movedBefore(x.ti) ||
			x.system == "" && civilWords[a.toks[x.tj-1].w] && a.madeByMakerOnly(x) { // "operates Boeing jets": an airline's too
			continue
		}
		f := a.implicitFrame(x)
		switch a.intentBefore(x.ti) {
		case cuePlanned:
			if a.heldBefore(x.ti) {
				break // "decided to decommission its French-built submarine": held (rd14r)
			}
			f.status = bot.StatusPlanned // "is expected to replace its MiG-29s with French-made Rafales"
		case cueOrdered:
			continue // "will replace them with Turkish-made drones": no deal named
		}
		if a.underConstructionAfter(x) {
			f.status = bot.StatusOrdered // "is being built for Algeria" (pnoun)
		}
		sups := a.originSuppliers(x, it)
		if len(sups) == 0 {
			continue
		}
		recs := a.dropSpeakers(a.implicitRecipients(f, x, sups), x)
		if len(recs) == 0 {
			continue
		}
		f.rsups, f.rrecs, f.items = sups, recs, []int{it}
		f.groups = []group{{sups: plain(sups), recs: plain(recs), items: []int{it}}}
		rels = a.emit(f, rels)
	}
	return rels
}

// movementWords move goods their crews or owners hold: "pilots flew their
// American-made helicopters to Chile" hands nothing over (the annotation
// guidelines: equipment flown out by fleeing crews is no transfer).
var movementWords = words("flew flown fly flies flying drove driven sailed moved ferried evacuated fled escaped relocated")

// movedBefore reports whether the clause of token t moves the weapon at t
// with a movement verb before it.
func (a *analysis) movedBefore(t int) bool {
	if t > 0 && supplyParticiples[a.toks[t-1].w] {
		return false // "flew to Uzbekistan aboard U.S.-supplied aircraft": the participle (rd3rules) states the supply
	}
	c := &a.clauses[a.clauseAt[t]]
	for j := c.ts; j < t; j++ {
		if movementWords[a.toks[j].w] {
			return true
		}
	}
	return false
}

// wishBefore reports whether the clause of token t says, before t, that
// the weapon there is wanted, sought, asked for, offered or otherwise not
// held: "Ukraine wants the German-made Leopard 2" is a wish (the
// annotation guidelines: no relation, or a plan), not a weapon in service.
func (a *analysis) wishBefore(t int) bool {
	c := &a.clauses[a.clauseAt[t]]
	for j := c.ts; j < t; j++ {
		if wishWords[a.toks[j].w] {
			return true
		}
		if a.toks[j].w == "may" && (a.toks[j].upper || j+1 < len(a.toks) && (a.toks[j+1].upper || a.toks[j+1].digit)) {
			continue // the month
		}
		switch cv, _ := cues.match(a.toks, j); cv {
		case cuePlanned, cueCancel, cueDeny, cueNeg:
			return true
		}
	}
	return false
}

// wishWords say a weapon is wanted or lacking rather than held.
var wishWords = words("need needs needed needing request requests requested requesting asked asks ask " +
	"lack lacks lacked lacking desire desires desired covet covets coveted")

// possessorBefore returns the possessive actor that ends just before token
// t ("Turkmenistan's" before "Turkish-built"), -1 if none.
func (a *analysis) possessorBefore(t int) int {
	for j := t - 1; j >= 0 && j >= t-3; j-- {
		if k := a.actorAt[j]; k >= 0 {
			if a.actors[k].poss && !a.actors[k].drop {
				return k
			}
			return -1
		}
		if w := a.toks[j].w; w != "'" && w != "s" && w != "’" {
			return -1
		}
	}
	return -1
}
