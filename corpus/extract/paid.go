package extract

import "github.com/briefbot/briefbot/bot"

// A buyer that paid its supplier for arms has ordered them, whatever
// became of the delivery: "Armenia had paid Russia millions of dollars
// for arms supplies as part of a contract, but has not yet received any"
// (Russia -> Armenia, ordered). The payer is the clause's subject, the
// payee the country right after the verb, the goods a weapon or a
// transfer noun after "for". A hedge, a plan or a negation ("has not
// paid") gives nothing; so does a payee of the payer's own country.

// payForms are the forms of "pay" that take the payee as first object.
var payForms = words("paid pays pay paying")

// paidRelations reads "<buyer> paid <seller> ... for <goods>".
func (a *analysis) paidRelations() []relation {
	if a.hedged() {
		return nil
	}
	toks := a.toks
	var out []relation
	for v := range toks {
		if !payForms[toks[v].w] || v+1 >= len(toks) || a.negatedBefore(v) {
			continue
		}
		k := a.actorAt[v+1]
		if k < 0 || a.actors[k].drop || len(a.actors[k].countries) != 1 || a.actors[k].poss {
			continue // "paid Russia's bill", "paid for": no payee
		}
		rec, _ := a.clauseSubjectCountryOrPossessor(v)
		sup := a.actors[k].countries[0]
		if rec == "" || sup == rec {
			continue
		}
		if r, ok := a.paidFor(a.actors[k].tj, sup, rec); ok {
			c := &a.clauses[a.clauseAt[v]]
			r.Years = a.yearsIn(c.ts, c.te)
			out = append(out, r)
		}
	}
	return out
}

// paidFor finds "for" within ten tokens from t and the goods within four
// tokens after it: a weapon, or a transfer noun ("arms supplies").
func (a *analysis) paidFor(t int, sup, rec string) (relation, bool) {
	toks := a.toks
	for j := t; j < len(toks) && j < t+10; j++ {
		if toks[j].w == "," || toks[j].w == ";" || a.trigAt[j] >= 0 && !a.trigs[a.trigAt[j]].noun {
			break
		}
		if toks[j].w != "for" {
			continue
		}
		for g := j + 1; g < len(toks) && g <= j+4; g++ {
			if x := a.itemAt[g]; x >= 0 && !a.items[x].org {
				return itemRelation(&a.items[x], sup, rec, bot.StatusOrdered, bot.KindSale), true
			}
			if tr := a.trigAt[g]; tr >= 0 && a.trigs[tr].noun && a.trigs[tr].spec.dir == dirS {
				r := relation{pos: g}
				r.Supplier, r.Recipient, r.Status, r.Kind = sup, rec, bot.StatusOrdered, bot.KindSale
				return r, true
			}
		}
		break
	}
	return relation{}, false
}
