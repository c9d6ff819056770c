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
