package extract

import (
	"github.com/briefbot/briefbot/bot"
)

// Lists of holders opened by "include": "Customers for the South Korean
// FA-50 include Poland, Malaysia and the Philippines", "Countries operating
// the Israeli Heron include India and Azerbaijan". The subject names the
// holders and one weapon whose origin the sentence states (a demonym, a
// "-made" adjective, a maker); every country listed after "include" holds
// it. Buyers and customers have ordered it (as the annotation guidelines
// read "customer of"); operators and users have it in hand (delivered).

// buyerHeads and holderHeads name holders of a weapon: buyers have bought
// it, holders use it.
var (
	buyerHeads  = words("customers customer buyers buyer clients client purchasers importers")
	holderHeads = words("operators operator users user")
)

// groupHeads name a group that the words after it make holders:
// "countries operating", "nations that have bought".
var groupHeads = words("countries nations states governments militaries armies forces")

// holdingWords after a group head make it operators; buyingWords buyers.
var (
	holdingWords = words("operating operate operates using use uses fielding field flying fly that which")
	buyingWords  = words("bought buying buy purchased purchasing ordered ordering acquired acquiring procured")
)

// includeVerbs open the list.
var includeVerbs = words("include includes included")

// includeListRelations returns supplier -> holder relations for a
// sentence whose subject names holders of one weapon of stated origin and
// whose verb "include" lists them.
func (a *analysis) includeListRelations() []relation {
	if a.hedged() {
		return nil
	}
	toks := a.toks
	for t := 1; t+1 < len(toks); t++ {
		if !includeVerbs[toks[t].w] || a.listAt[t+1] < 0 {
			continue
		}
		li := a.listAt[t+1]
		if l := &a.lists[li]; l.prep != "" || l.pron != "" || l.ti != t+1 {
			continue
		}
		status, ok := a.holdersSubject(t)
		if !ok {
			continue
		}
		sup, it := a.statedOrigin(a.clauses[a.clauseAt[t]].ts, t)
		if sup == "" {
			continue
		}
		return a.listedHolders(li, sup, it, status)
	}
	return nil
}

// holdersSubject reads the words before the verb "include" at t (from its
// clause's start): buyers give ordered, operators delivered; ok is false
// when the subject names no holders or is negated ("do not include").
func (a *analysis) holdersSubject(t int) (bot.Status, bool) {
	toks := a.toks
	start := a.clauses[a.clauseAt[t]].ts
	if t-start > 14 {
		return "", false
	}
	status := bot.Status("")
	for j := start; j < t; j++ {
		w := toks[j].w
		switch {
		case w == "not" || w == "never" || w == "potential" || w == "possible" || w == "future" || w == "prospective":
			return "", false
		case buyerHeads[w]:
			status = bot.StatusOrdered
		case holderHeads[w]:
			status = bot.StatusDelivered
		case groupHeads[w] && j+1 < t:
			next := toks[j+1].w
			if j+2 < t && (next == "that" || next == "which") {
				next = toks[j+2].w
				if haveForms[next] && j+3 < t {
					next = toks[j+3].w
				}
			}
			switch {
			case buyingWords[next]:
				status = bot.StatusOrdered
			case holdingWords[next] || next == "with":
				status = bot.StatusDelivered
			}
		}
	}
	return status, status != ""
}

// statedOrigin returns the one country the words in [s, e) state as the
// origin of their one weapon, and that weapon; "" when the stretch names
// another country, several weapons, or a weapon of no stated origin.
func (a *analysis) statedOrigin(s, e int) (string, int) {
	item, sup := -1, ""
	for j := s; j < e; j++ {
		if it := a.itemAt[j]; it >= 0 && it != item {
			if item >= 0 || a.items[it].org {
				return "", -1
			}
			item = it
		}
	}
	if item < 0 {
		return "", -1
	}
	for j := s; j < e; j++ {
		k := a.actorAt[j]
		if k < 0 {
			continue
		}
		ac := &a.actors[k]
		if ac.origin != item || len(ac.countries) != 1 || ac.drop {
			return "", -1 // a country other than the weapon's origin
		}
		if sup != "" && sup != ac.countries[0] {
			return "", -1
		}
		sup = ac.countries[0]
	}
	if sup == "" || a.notMadeBy(item, sup) {
		return "", -1
	}
	return sup, item
}

// listedHolders returns one relation per country of list li.
func (a *analysis) listedHolders(li int, sup string, it int, status bot.Status) []relation {
	x := &a.items[it]
	var out []relation
	for _, m := range a.lists[li].members {
		ac := &a.actors[m]
		if ac.drop || ac.poss || len(ac.countries) != 1 || ac.countries[0] == sup {
			continue
		}
		r := relation{pos: ac.ti}
		r.Supplier, r.Recipient = sup, ac.countries[0]
		r.Status, r.Kind = status, bot.KindSale
		r.System, r.Category = x.system, x.category
		r.madeIn = madeIn(x.canon)
		out = append(out, r)
	}
	return out
}
