package extract

import "github.com/briefbot/briefbot/bot"

// conditionalWords open a condition: what the sentence says after it may
// not happen. "If approved, the deal would see Germany deliver 20
// Eurofighters to Turkey", "Should talks succeed, Indonesia will buy".
var conditionalWords = words("if unless should provided")

// conditional caps frame f's status at planned when a condition opens the
// sentence before the trigger: a delivery or an order on a condition is a
// plan. Cancellations and denials stay.
func (a *analysis) conditional(f *frame) {
	if f.status != bot.StatusDelivered && f.status != bot.StatusOrdered {
		return
	}
	for j := 0; j < f.start; j++ {
		w := a.toks[j].w
		if !conditionalWords[w] {
			continue
		}
		// "should" and "provided" open a condition only at the start of the
		// sentence or of a clause ("Should talks succeed, ..."); "if" and
		// "unless" anywhere before the trigger.
		if (w == "should" || w == "provided") && j > 0 && a.toks[j-1].w != "," {
			continue
		}
		if w == "provided" && (j+1 >= len(a.toks) || a.toks[j+1].w != "that") {
			continue
		}
		if a.sizeCondition(j) || a.comparedNoun(f) {
			continue // "if the quantities were similar to purchases of ...": the purchases happened
		}
		f.status = bot.StatusPlanned
		return
	}
}

// combatWords act on an enemy's weapon: "Ukraine destroyed a Russian-made
// S-400 launcher", "forces captured a US-made Bradley". Equipment
// destroyed, captured or shot down in a war is no transfer (the real-text
// guidelines), so its maker supplies no one here.
var combatWords = words("destroyed destroys destroy destroying shot downed hit hits struck strikes strike " +
	"damaged damages captured captures capture capturing seized seizes intercepted intercepts attacked " +
	"attacks targeted targets downing wrecked eliminated knocked")

// combatBefore reports whether a combat verb governs the weapon at token t:
// up to six words before it, or as a passive after it ("Russian-made
// rifles were seized by Ukrainian troops"), in the same clause.
func (a *analysis) combatBefore(t int) bool {
	c := &a.clauses[a.clauseAt[t]]
	for j := t - 1; j >= c.ts && j >= t-6; j-- {
		if combatWords[a.toks[j].w] {
			return true
		}
	}
	for j := t + 1; j < c.te && j <= t+8; j++ {
		if combatWords[a.toks[j].w] && (beForms[a.toks[j-1].w] || a.capturedBy(j)) {
			return true
		}
	}
	return false
}

// insteadInClause reports whether frame f's clause says "instead" on its
// own (not "instead of", which markCounterfactuals reads): "Germany had
// hoped to sell Leopard 2 tanks instead" names the alternative the buyer
// did not take, not a transfer.
func (a *analysis) insteadInClause(f *frame) bool {
	// "Instead, Kazakhstan ordered two A400M" opens a clause with the
	// choice that was made: that one is a transfer.
	c := &a.clauses[f.clause]
	for t := c.ts + 1; t < c.te; t++ {
		if a.toks[t].w != "instead" || a.toks[t-1].w == "," {
			continue
		}
		if t+1 >= len(a.toks) || a.toks[t+1].w != "of" && a.toks[t+1].w != "," {
			return true
		}
	}
	return false
}

// overrideWords make a ban or an embargo after them one that was broken:
// "bypassed the embargo by supplying China's military", "despite the
// ban", "in breach of the embargo".
var overrideWords = words("bypass bypasses bypassed bypassing circumvent circumvents circumvented circumventing " +
	"evade evades evaded evading violate violates violated violating violation breach breached breaching " +
	"defy defies defied defying despite flouting flouted")

// overridden reports whether the cancellation word at token j is the
// object of a word that says it was broken (overrideWords, up to three
// words before): it cancels nothing.
func (a *analysis) overridden(j int) bool {
	for b := j - 1; b >= 0 && b >= j-3; b-- {
		if overrideWords[a.toks[b].w] {
			return true
		}
	}
	return false
}

// liftWords end a ban or an embargo named after them: "lifted its ban on
// arms exports to Turkey", "the embargo ... was lifted".
var liftWords = words("lift lifts lifted lifting ease eases eased easing remove removes removed " +
	"removing relax relaxes relaxed relaxing")

// lifted reports whether the cancellation word at token j is a ban that
// is lifted: a lifting word up to three words before it, or "was lifted"
// right after.
func (a *analysis) lifted(j int) bool {
	toks := a.toks
	for b := j - 1; b >= 0 && b >= j-3; b-- {
		if liftWords[toks[b].w] {
			return true
		}
	}
	for k := j + 1; k < len(toks) && k <= j+8; k++ {
		if liftWords[toks[k].w] && beForms[toks[k-1].w] {
			return true
		}
		if toks[k].w == "," || toks[k].w == ";" {
			break
		}
	}
	return false
}
