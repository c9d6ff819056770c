package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot"
)

// effortNouns head "an effort by Uzbekistan to buy ...": the "by" party of
// the noun is the one who would buy, and the noun makes the purchase an
// attempt, not an order.
var effortNouns = words("effort efforts attempt attempts bid bids plan plans move request requests push drive " +
	"offer offers proposal")

// effortAgent reads "The United States blocked an effort by Uzbekistan to
// buy twelve South Korean T-50 trainers": for a buying verb in the
// infinitive after "<effort noun> by X", it returns X's list and the token
// of the effort noun; -1, -1 when the frame is not so governed.
func (a *analysis) effortAgent(f *frame) (li, head int) {
	t := f.start - 1
	if t < 3 || a.toks[t].w != "to" || f.spec.dir != dirR || a.trigs[f.t].noun {
		return -1, -1
	}
	l := a.listAt[t-1]
	if l < 0 || a.lists[l].prep != "by" || a.lists[l].pron != "" {
		return -1, -1
	}
	h := a.lists[l].ti - 2 // the word before "by"
	if h < 0 || !effortNouns[a.toks[h].w] {
		return -1, -1
	}
	return l, h
}

// effortRoles makes the "by" party of an effort noun the recipient of the
// buying verb it governs, and the frame's status at most planned (an
// attempt), or cancelled when a cancellation governs the effort ("blocked
// an effort", "rejected a bid").
func (a *analysis) effortRoles(f *frame, sups, recs []roleParty) ([]roleParty, bool) {
	li, head := a.effortAgent(f)
	if li < 0 {
		return recs, false
	}
	var out []roleParty
	for _, p := range a.parties(li, f, sups) {
		if !sameSide(sups, p.countries) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return recs, false
	}
	f.atMostPlanned()
	for j := head - 1; j >= 0 && j >= head-3; j-- {
		if cv, _ := cues.match(a.toks, j); cv == cueCancel && !a.overridden(j) {
			f.status = bot.StatusCancelled
		}
	}
	return out, true
}

// goodsGiver returns the "by" party of a supply participle that qualifies
// the goods of a receiving frame: "Ukraine received the Leopard tanks
// supplied by Poland", "the jets donated by Slovakia"; -1 if none.
func (a *analysis) goodsGiver(f *frame) int {
	for t := f.tj; t < f.readTo; t++ {
		k := a.trigAt[t]
		if k < 0 || k == f.t {
			continue
		}
		tr := &a.trigs[k]
		if !tr.reduced || tr.spec.dir != dirS || tr.noun || tr.tj >= len(a.toks) || a.toks[tr.tj].w != "by" {
			return -1
		}
		if li := a.listAt[tr.tj+1]; tr.tj+1 < len(a.toks) && li >= 0 && a.lists[li].prep == "by" {
			return li
		}
		return -1
	}
	return -1
}

// requesterOf returns the country that asked for a supply whose recipient
// the sentence does not name: "At Kazakhstan's request, Russia delivered
// two Mi-35 helicopters", "after an urgent request from Pakistan, the
// United States rushed four Mi-17s"; nil if none. The one who asks for
// arms receives them.
func (a *analysis) requesterOf(f *frame) []roleParty {
	c := &a.clauses[f.clause]
	for q := 0; q < f.start && q < len(a.toks); q++ {
		if w := a.toks[q].w; w != "request" && w != "requests" {
			continue
		}
		k := -1
		switch {
		case q >= 3 && a.toks[q-1].w == "s" && (a.toks[q-2].w == "'" || a.toks[q-2].w == "’"):
			k = a.actorAt[q-3]
		case q+2 < len(a.toks) && (a.toks[q+1].w == "of" || a.toks[q+1].w == "from"):
			j := q + 2
			if a.toks[j].w == "the" && j+1 < len(a.toks) {
				j++
			}
			k = a.actorAt[j]
		}
		if k < 0 || a.actors[k].drop || len(a.actors[k].countries) != 1 || q >= c.te {
			continue
		}
		return []roleParty{{party: party{countries: a.actors[k].countries, pos: a.actors[k].ti}, li: -1, it: -1}}
	}
	return nil
}

// dealWords are the nouns that name a deal already mentioned: "but the
// deal was later abandoned".
var dealWords = words("deal deals contract contracts agreement agreements order orders purchase sale offer offers proposal")

// cancelsEarlierDeal reports whether frame f is "the deal" of an earlier
// frame of the sentence, cancelled with no parties of its own: "Egypt
// signed a contract for Su-35 jets in 2018, but the deal was later
// abandoned". The earlier transfer is then cancelled (see Extractor.sentence).
func (a *analysis) cancelsEarlierDeal(f *frame, sups, recs []roleParty) bool {
	tr := &a.trigs[f.t]
	if f.status != bot.StatusCancelled || f.denied || len(a.res.kept) == 0 ||
		!tr.noun || !dealWords[a.toks[tr.ti].w] || tr.ti == 0 {
		return false
	}
	// Its parties, if any, are the earlier frame's (a subject it inherits).
	last := a.res.kept[len(a.res.kept)-1]
	for _, p := range append(append([]roleParty{}, sups...), recs...) {
		if !sameSide(last.rsups, p.countries) && !sameSide(last.rrecs, p.countries) {
			return false
		}
	}
	switch a.toks[tr.ti-1].w {
	case "the", "this", "that":
		return true
	}
	return false
}

// cancelStages turns the orders and plans among rels into cancellations:
// the deal they were read from was called off later in the sentence. A
// delivery stays (what arrived, arrived). A cancellation takes the years
// its own clause gives ("but the contract was cancelled in 2021"), as the
// real-text guidelines date a cancelled relation.
func cancelStages(rels []relation, years []int) {
	for i := range rels {
		if rels[i].Status == bot.StatusOrdered || rels[i].Status == bot.StatusPlanned {
			rels[i].Status = bot.StatusCancelled
			if len(years) > 0 {
				rels[i].Years = slices.Clone(years)
			}
		}
	}
}

// dealBetween reads "the Su-35 deal between Indonesia and Russia": of the
// two countries "between" names, the weapon's maker by the lexicon sells
// and the other buys; nothing when neither or both make it.
func (a *analysis) dealBetween(f *frame, items []int) (sups, recs []roleParty) {
	if !f.spec.light || f.tj >= len(a.toks) || a.toks[f.tj].w != "between" {
		return nil, nil
	}
	li := a.listAt[f.tj+1]
	if f.tj+1 >= len(a.toks) || li < 0 || a.lists[li].prep != "between" {
		return nil, nil
	}
	ps := a.parties(li, f, nil)
	if len(ps) != 2 {
		return nil, nil
	}
	maker := a.itemsMaker(items)
	switch {
	case maker == "":
		return nil, nil
	case sameSide(ps[:1], []string{maker}) && !sameSide(ps[1:], []string{maker}):
		return ps[:1], ps[1:]
	case sameSide(ps[1:], []string{maker}) && !sameSide(ps[:1], []string{maker}):
		return ps[1:], ps[:1]
	}
	return nil, nil
}

// itemsMaker returns the one maker, by the lexicon, of the named systems
// among items; "" when none or several.
func (a *analysis) itemsMaker(items []int) string {
	maker := ""
	for _, it := range items {
		m := madeIn(a.items[it].canon)
		if len(m) == 0 {
			continue
		}
		if maker != "" && maker != m[0] {
			return ""
		}
		maker = m[0]
	}
	return maker
}

// buyerAsSupplier reports whether frame f's only party is a subject it
// inherits from an earlier clause of the sentence ("but delivery was
// pushed back") and that subject bought in an earlier frame: "Slovakia
// signed a deal to buy 14 F-16s, but delivery was pushed back" speaks of
// the delivery to Slovakia, not from it. Such a frame gives nothing.
func (a *analysis) buyerAsSupplier(f *frame, sups, recs []roleParty) bool {
	c := &a.clauses[f.clause]
	if c.own || c.kind == cMain || len(recs) > 0 || len(sups) == 0 {
		return false
	}
	for _, d := range a.res.kept {
		if d.clause != f.clause && overlap(d.rrecs, sups) {
			return true
		}
	}
	return false
}

// askWords ask another country to supply: "Ukraine asked the United States
// to supply another Patriot battery", "Kyiv urged Berlin to send Taurus".
var askWords = words("ask asks asked asking urge urges urged urging want wants wanted press presses pressed " +
	"requested request requests begged beg appealed called")

// askedToSupply reads "X asked Y to supply W": Y would supply, and X, the
// one who asks, would receive when the sentence names no other recipient.
// It returns Y's list and X's list (-1 when X is not a country), or -1, -1
// when frame f is not so governed. The transfer is a plan.
func (a *analysis) askedToSupply(f *frame) (sup, rec int) {
	t := f.start - 1
	if t < 2 || a.toks[t].w != "to" || a.trigs[f.t].noun || f.spec.dir != dirS {
		return -1, -1
	}
	li := a.listAt[t-1]
	if li < 0 || a.lists[li].prep != "" && a.lists[li].prep != "on" || a.lists[li].pron != "" || a.lists[li].ti == 0 {
		return -1, -1
	}
	b := a.lists[li].ti - 1
	if a.toks[b].w == "the" && b > 0 {
		b-- // "asked the United States to supply"
	}
	if a.toks[b].w == "on" && b > 0 {
		b-- // "called on Germany to send"
	}
	if !askWords[a.toks[b].w] {
		return -1, -1
	}
	rec = -1
	if c := &a.clauses[f.clause]; c.subj >= 0 && c.subj != li && a.lists[c.subj].pron == "" && a.lists[c.subj].ti < a.lists[li].ti {
		rec = c.subj
	}
	return li, rec
}

// stopWords after "to" make a demand to end a transfer: "called on Iran to
// stop supplying drones".
var stopWords = words("stop cease halt end")

// demandToStop reports whether frame f is a supply verb that someone asks
// another country to stop, or not to make: "The United States called on
// Iran to stop supplying drones to Russia", "Washington urged Beijing not
// to send weapons to Russia", and of a buyer: "urged Turkey not to buy
// Russian S-400s". A demand states neither the transfer nor its
// cancellation, so the frame gives nothing.
func (a *analysis) demandToStop(f *frame) bool {
	t := f.start - 1
	if t < 3 || a.trigs[f.t].noun {
		return false
	}
	switch {
	case stopWords[a.toks[t].w] && a.toks[t-1].w == "to":
		t -= 2
	case a.toks[t].w == "to" && a.toks[t-1].w == "not":
		t -= 2
	default:
		return false
	}
	li := a.listAt[t]
	if li < 0 || a.lists[li].ti == 0 {
		return false
	}
	b := a.lists[li].ti - 1
	if a.toks[b].w == "the" && b > 0 {
		b--
	}
	if a.toks[b].w == "on" && b > 0 {
		b--
	}
	return askWords[a.toks[b].w]
}

// governedRoles adjusts the parties and status that roles read for frame f
// when a word outside the transfer clause governs it: an effort, a
// permission, a clearance, a request or a demand to another country, an
// approval of another country's sale or re-export, a deal named again to
// cancel it, a deal "between" two countries, a buyer inherited as the only
// party. ok is false when the frame gives nothing.
func (a *analysis) governedRoles(f *frame, items []int, sups, recs []roleParty) (_, _ []roleParty, ok bool) {
	recs, _ = a.effortRoles(f, sups, recs)  // "blocked an effort by Uzbekistan to buy"
	sups = a.permissionRoles(f, sups, recs) // "Poland asked Germany for permission to re-export"
	if li := a.clearedToSend(f); li >= 0 {
		if cleared := a.parties(li, f, recs); len(cleared) > 0 {
			sups = cleared // "cleared Estonia to send missiles to Ukraine"
			f.atMostPlanned()
		}
	}
	if a.demandToStop(f) {
		return nil, nil, false // "called on Iran to stop supplying drones to Russia"
	}
	if sl, rl := a.askedToSupply(f); sl >= 0 && f.spec.sp != spReturn {
		// "Ukraine asked the United States to supply a Patriot battery"
		if asked := a.parties(sl, f, nil); len(asked) > 0 {
			sups = asked
			if len(recs) == 0 && rl >= 0 {
				recs = a.parties(rl, f, sups)
			}
			f.atMostPlanned()
		}
	}
	if a.approverOfReexport(f, sups) {
		return nil, nil, false // "asking Germany to allow the re-export of its tanks to Ukraine"
	}
	if len(sups) == 0 && len(recs) == 0 {
		sups, recs = a.dealBetween(f, items) // "the Su-35 deal between Indonesia and Russia"
	}
	sups = a.programPartner(f, sups, recs) // "under a program with the US, Turkmenistan obtained"
	if a.cancelsEarlierDeal(f, sups, recs) {
		a.res.dealCancelled = true // "..., but the deal was later abandoned"
		c := &a.clauses[f.clause]
		a.res.cancelYears = sortUnique(a.yearsIn(c.ts, c.te))
		return nil, nil, false
	}
	if a.buyerAsSupplier(f, sups, recs) {
		return nil, nil, false // "Slovakia signed a deal to buy F-16s, but delivery was pushed back"
	}
	if maker, ok := a.approvedForeignSale(f, items, sups); ok {
		if maker == "" {
			return nil, nil, false // an approval by a government that does not sell
		}
		sups = []roleParty{{party: party{countries: []string{maker}, pos: f.start}, li: -1, it: -1}}
	}
	return sups, recs, true
}

// atMostPlanned lowers a delivery or an order read for frame f to a plan:
// what an effort, a request or a permission governs has not happened.
func (f *frame) atMostPlanned() {
	if f.status == bot.StatusDelivered || f.status == bot.StatusOrdered {
		f.status = bot.StatusPlanned
	}
}
