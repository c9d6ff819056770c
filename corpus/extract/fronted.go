package extract

import (
	"github.com/briefbot/briefbot/bot"
)

// Transfers whose other side a phrase before the clause names: a licence,
// an aid programme or an agreement ("Under a licence from Israel, Poland
// will manufacture ...").

// baseProducing are the base forms of the production verbs, after "will"
// or "to".
var baseProducing = words("produce build make manufacture assemble")

// frontedLicenceRelations reads a licence named before its clause:
// "Under a licence from Israel, India will manufacture Spike missiles"
// (Israel licenses India: ordered while the production is to come,
// delivered when the verb says it goes on). The producer is the subject
// of the clause after the comma, the goods the first weapon after the
// production verb.
func (a *analysis) frontedLicenceRelations() []relation {
	toks := a.toks
	if a.hedged() || len(toks) < 8 || toks[0].w != "under" {
		return nil
	}
	j := 1
	if articles[toks[j].w] {
		j++
	}
	if !licenceWords[toks[j].w] || toks[j+1].w != "from" {
		return nil
	}
	k := j + 2
	if toks[k].w == "the" {
		k++ // "from the United States"
	}
	if a.actorAt[k] < 0 {
		return nil
	}
	ac := &a.actors[a.actorAt[k]]
	if ac.drop || len(ac.countries) != 1 || ac.tj >= len(toks) || toks[ac.tj].w != "," {
		return nil
	}
	sup := ac.countries[0]
	for v := ac.tj + 1; v < len(toks) && v <= ac.tj+8; v++ {
		if !producingWords[toks[v].w] && !baseProducing[toks[v].w] {
			continue
		}
		rec, _ := a.clauseSubjectCountry(v)
		if rec == "" || rec == sup {
			return nil
		}
		x := a.goodsBetween(v, len(toks))
		if x == nil {
			return nil
		}
		st := bot.StatusDelivered
		if toks[v-1].w == "will" || toks[v-1].w == "to" || toks[v-1].w == "would" {
			st = bot.StatusOrdered
		}
		return []relation{itemRelation(x, sup, rec, st, bot.KindLicence)}
	}
	return nil
}

// aidOpeners open a sentence with the programme a handover came under:
// "Under a US assistance programme, Uzbekistan's border troops received
// radios", "As part of Chinese military aid, ...".
var aidOpeners = newPhraseSet[bool]()

// aidNouns name the aid of an aid opener.
var aidNouns = words("assistance aid grant grants programme program package packages donation")

func init() {
	aidOpeners.add("under|as part of|through|thanks to|with", true)
}

// frontedAidRelations reads an aid programme named before its clause,
// "Under a US assistance programme, Uzbekistan's border troops received
// night-vision devices": the programme's country gives (aid) what the
// clause's subject received. Only a receiving verb of the clause counts,
// and the clause must name no other supplier.
func (a *analysis) frontedAidRelations() []relation {
	toks := a.toks
	if len(toks) < 6 {
		return nil
	}
	_, n := aidOpeners.match(toks, 0)
	if n == 0 || a.hedged() {
		return nil
	}
	j := n
	if j < len(toks) && articles[toks[j].w] {
		j++
	}
	if j >= len(toks) || a.actorAt[j] < 0 {
		return nil
	}
	ac := &a.actors[a.actorAt[j]]
	if ac.drop || len(ac.countries) != 1 {
		return nil
	}
	comma := -1
	aid := false
	for k := ac.tj; k < len(toks) && k <= ac.tj+5; k++ {
		if toks[k].w == "," {
			comma = k
			break
		}
		aid = aid || aidNouns[toks[k].w]
	}
	if !aid || comma < 0 {
		return nil
	}
	return a.receivedAfter(comma, ac.countries[0])
}

// receivedAfter returns sup -> subject relations for the receiving verb of
// the clause that starts after token s: the goods are its first weapon.
func (a *analysis) receivedAfter(s int, sup string) []relation {
	toks := a.toks
	for v := s + 1; v < len(toks) && v <= s+10; v++ {
		k := a.trigAt[v]
		if k < 0 {
			continue
		}
		tr := &a.trigs[k]
		if tr.noun || tr.spec.dir != dirR || tr.spec.status != del || tr.drop {
			return nil
		}
		for t := tr.tj; t < len(toks); t++ {
			if ak := a.actorAt[t]; ak >= 0 && !a.actors[ak].drop {
				return nil // "received radios from Japan": the clause names its own supplier
			}
		}
		rec, _ := a.clauseSubjectCountryOrPossessor(v)
		if rec == "" || rec == sup {
			return nil
		}
		x := a.goodsBetween(tr.tj-1, len(toks))
		if x == nil {
			return nil
		}
		return []relation{itemRelation(x, sup, rec, bot.StatusDelivered, bot.KindAid)}
	}
	return nil
}

// clauseSubjectCountryOrPossessor is clauseSubjectCountry, also taking
// a possessor before a force ("Uzbekistan's border troops").
func (a *analysis) clauseSubjectCountryOrPossessor(t int) (string, int) {
	if c, p := a.clauseSubjectCountry(t); c != "" {
		return c, p
	}
	c := &a.clauses[a.clauseAt[t]]
	if c.subj < 0 || len(a.lists[c.subj].members) != 1 || a.lists[c.subj].ti > t {
		return "", -1
	}
	ac := &a.actors[a.lists[c.subj].members[0]]
	if ac.drop || len(ac.countries) != 1 || !(ac.poss || ac.org) {
		return "", -1
	}
	return ac.countries[0], ac.ti
}

// partnerDeals name an agreement whose partner is the other side of the
// clause after it: "Under an agreement with Kazakhstan, Russia delivered
// four Su-30SM jets".
var partnerDeals = words("agreement agreements contract contracts deal deals accord treaty")

// frontedPartnerRelations reads "Under an agreement with X, Y delivered W"
// (Y -> X) and "Under a contract with X, Y received W" (X -> Y): the clause
// names one side, the opener the other. Nothing when the clause names both
// sides itself (its own reading stands) or no weapon.
func (a *analysis) frontedPartnerRelations() []relation {
	toks := a.toks
	if len(toks) < 8 || toks[0].w != "under" || a.hedged() {
		return nil
	}
	j := 1
	if articles[toks[j].w] {
		j++
	}
	if !partnerDeals[toks[j].w] || toks[j+1].w != "with" || a.actorAt[j+2] < 0 {
		return nil
	}
	ac := &a.actors[a.actorAt[j+2]]
	if ac.drop || len(ac.countries) != 1 || ac.tj >= len(toks) || toks[ac.tj].w != "," {
		return nil
	}
	partner := ac.countries[0]
	for v := ac.tj + 1; v < len(toks) && v <= ac.tj+8; v++ {
		k := a.trigAt[v]
		if k < 0 {
			continue
		}
		tr := &a.trigs[k]
		if tr.noun || tr.drop || tr.spec.status != del || a.actorWithin(tr.tj, len(toks), len(toks)) {
			return nil // a clause that names its other side reads itself
		}
		subj, _ := a.clauseSubjectCountry(v)
		x := a.goodsBetween(tr.tj-1, len(toks))
		if subj == "" || subj == partner || x == nil {
			return nil
		}
		st := bot.StatusDelivered
		if toks[v-1].w == "will" || toks[v-1].w == "to" || tr.toBe || tr.prog {
			st = bot.StatusOrdered
		}
		switch tr.spec.dir {
		case dirS:
			return []relation{itemRelation(x, subj, partner, st, bot.KindSale)}
		case dirR:
			return []relation{itemRelation(x, partner, subj, st, bot.KindSale)}
		}
		return nil
	}
	return nil
}
