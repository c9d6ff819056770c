package extract

import "github.com/briefbot/briefbot/bot"

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
	if f.status == bot.StatusOrdered || f.status == bot.StatusDelivered {
		f.status = bot.StatusPlanned
	}
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
