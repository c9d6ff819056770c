package extract

import (
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// A contract awarded to a supplier named as the verb's first object: "The
// Ghanaian Ministry of Defence has awarded Turkish shipbuilder Dearsan a
// contract for four patrol vessels" (Turkey -> Ghana, ordered). The
// awarder is the clause's subject (a country, or an organ of one: "the
// Moroccan army", "Kenya's defence ministry"); the winner is the country
// of the maker or demonym right after the verb; the goods are the first
// weapon after the contract word. A hedge, plan, cancellation or negation
// in the sentence gives nothing; so does a winner of the awarder's own
// country (a domestic contract).

// awardVerbs award a contract.
var awardVerbs = words("awarded awards award awarding")

// awardNouns are what is awarded.
var awardNouns = words("contract contracts order orders deal deals tender")

// awardedRelations reads "<awarder> awarded <winner> a contract for <goods>".
func (a *analysis) awardedRelations() []relation {
	if a.hedged() || a.plansOrCancels(nil) || negates(a.text) {
		return nil
	}
	toks := a.toks
	var out []relation
	for v := range toks {
		if !awardVerbs[toks[v].w] {
			continue
		}
		rec, _ := a.clauseSubjectCountryOrPossessor(v)
		if rec == "" {
			continue
		}
		sup, n := a.awardWinner(v + 1)
		if sup == "" || sup == rec {
			continue
		}
		if x := a.goodsBetween(n, a.clauses[a.clauseAt[v]].te); x != nil {
			out = append(out, itemRelation(x, sup, rec, bot.StatusOrdered, bot.KindSale))
		}
	}
	return out
}

// awardWinner returns the one country of the maker, demonym or possessor
// in the six tokens from t that come before an award noun ("Turkish
// shipbuilder Dearsan a contract", "Israel's Elbit Systems a contract"),
// and the token of that noun; "" when there is none or more than one.
func (a *analysis) awardWinner(t int) (string, int) {
	toks := a.toks
	win := ""
	for j := t; j < len(toks) && j < t+8; j++ {
		if awardNouns[toks[j].w] {
			return win, j
		}
		if toks[j].w == "to" || toks[j].w == "," || a.trigAt[j] >= 0 {
			return "", -1 // "awarded a contract to X": read by the contract's own frame
		}
		k := a.actorAt[j]
		if k < 0 {
			continue
		}
		ac := &a.actors[k]
		if ac.drop {
			continue // "Turkish shipbuilder Dearsan": the maker stands for the demonym
		}
		if len(ac.countries) != 1 || ac.kind == gazetteer.GroupMention {
			return "", -1
		}
		if win != "" && win != ac.countries[0] {
			return "", -1
		}
		win = ac.countries[0]
	}
	return "", -1
}
