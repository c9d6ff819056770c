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
		f.status = bot.StatusPlanned
		return
	}
}
