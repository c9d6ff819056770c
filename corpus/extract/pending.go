package extract

import "github.com/briefbot/briefbot/bot"

// Stages not reached and objects negated: "is yet to receive", "has yet to
// sign", "bought no Russian arms", and a later delivery of other goods to
// another country.

// yetToCue reads "yet to" just before the frame ("Uzbekistan is yet to
// receive the systems", "has yet to sign a contract"): the stage named by
// the trigger has not been reached. A delivery still due is an order
// (the guidelines' "delivery pending"); an order or a signature still due
// is a plan. It reports whether the cue at j was one.
func (r *statusReading) yetToCue(j int) bool {
	toks := r.a.toks
	if toks[j].w != "yet" || j+1 >= len(toks) || toks[j+1].w != "to" || j == 0 ||
		!beForms[toks[j-1].w] && !haveForms[toks[j-1].w] {
		return false
	}
	if r.f.spec.status == bot.StatusDelivered {
		r.raise(bot.StatusOrdered)
	} else {
		r.raise(bot.StatusPlanned)
	}
	return true
}

// objectNegated reports whether the frame's verb takes an object opened by
// "no" ("has bought no Russian arms", "received no drones"): nothing was
// transferred. "no fewer than 20 tanks", "no later than 2025" and "no
// longer" are no negation of the object.
func (a *analysis) objectNegated(f *frame) bool {
	tr := &a.trigs[f.t]
	if tr.noun || tr.passive {
		return false
	}
	j := tr.tj
	if j < len(a.toks) && (a.toks[j].w == "any" || a.toks[j].w == "them") {
		return false
	}
	if j >= len(a.toks) || a.toks[j].w != "no" {
		return false
	}
	if j+1 < len(a.toks) {
		switch a.toks[j+1].w {
		case "fewer", "more", "less", "later", "longer", "sooner", "earlier", "doubt":
			return false
		}
	}
	return true
}

// deliveredElsewhere reports whether the delivery word at j sends goods
// "to" a country the sentence has not named before it: "bought K9
// howitzers from South Korea to replace the guns it delivered to Ukraine"
// speaks of another transfer, not of the K9s' arrival.
func (a *analysis) deliveredElsewhere(j int) bool {
	toks := a.toks
	b := j - 1
	for b >= 0 && adverbs[toks[b].w] {
		b--
	}
	if b >= 0 && (beForms[toks[b].w] || haveForms[toks[b].w]) {
		return false // "were also delivered to Tajikistan": the goods' own arrival
	}
	for k := j + 1; k < len(toks) && k <= j+4; k++ {
		if toks[k].w != "to" || k+1 >= len(toks) {
			continue
		}
		ac := a.actorAt[k+1]
		if ac < 0 {
			return false
		}
		for _, c := range a.actors[ac].countries {
			for b := 0; b < len(a.actors) && a.actors[b].ti < j; b++ {
				for _, d := range a.actors[b].countries {
					if c == d {
						return false
					}
				}
			}
		}
		return true
	}
	return false
}

// deliveriesDone reports whether token j ends "deliveries completed" or
// "deliveries began" (", with deliveries completed in 2008"): the
// deliveries of the goods ordered before it were made.
func (a *analysis) deliveriesDone(j int) bool {
	if j == 0 {
		return false
	}
	switch a.toks[j].w {
	case "completed", "began", "started", "finished", "concluded":
	default:
		return false
	}
	return a.toks[j-1].w == "deliveries" || a.toks[j-1].w == "delivery"
}

// proposalVerbs put what follows "that" in a proposal: "suggested that
// Colombia transfer its weapons", "proposed that Greece send".
var proposalVerbs = words("suggested suggests suggest proposed proposes propose recommended recommends recommend " +
	"urged urges urge demanded demands demand requested requests request asked asks")

// proposedBefore reports whether a proposal verb and "that" stand in the
// twelve tokens before t, with no semicolon between: the transfer after
// them is only proposed (a plan).
func (a *analysis) proposedBefore(t int) bool {
	toks := a.toks
	for j := t - 1; j >= 1 && j >= t-12; j-- {
		if toks[j].w == ";" || toks[j].w == "." {
			return false
		}
		if toks[j].w == "that" && proposalVerbs[toks[j-1].w] {
			return true
		}
	}
	return false
}

// adviceBefore reports whether "should", "must" or "ought" stands in the
// four tokens before t with a negation after it: "should not purchase",
// "must never buy". A transfer advised against is none, and no report is
// denied either.
func (a *analysis) adviceBefore(t int) bool {
	toks := a.toks
	for j := t - 1; j >= 0 && j >= t-4; j-- {
		switch toks[j].w {
		case "should", "must", "ought":
			for k := j + 1; k < t; k++ {
				if toks[k].w == "not" || toks[k].w == "never" {
					return true
				}
			}
		}
	}
	return false
}

// unconfirmedAround reports whether a speaker declines to confirm the
// transfer of frame f: a negated "confirm" in the eight tokens before it
// ("Israel has not confirmed the sale of", "neither confirmed nor denied
// the delivery of") or after it up to a semicolon ("The report that Egypt
// received Su-35 jets has not been confirmed", "... remains unconfirmed").
func (a *analysis) unconfirmedAround(f *frame) bool {
	toks := a.toks
	negConfirm := func(j int) bool {
		if toks[j].w == "unconfirmed" {
			return true
		}
		if !confirmWords[toks[j].w] {
			return false
		}
		for k := j - 1; k >= 0 && k >= j-3; k-- {
			switch toks[k].w {
			case "not", "never", "neither", "nor", "no":
				return true
			}
		}
		return false
	}
	for j := f.start - 1; j >= 0 && j >= f.start-8; j-- {
		if toks[j].w == ";" {
			break
		}
		if negConfirm(j) {
			return true
		}
	}
	for j := f.tj; j < len(toks) && toks[j].w != ";"; j++ {
		if negConfirm(j) {
			return true
		}
	}
	return false
}
