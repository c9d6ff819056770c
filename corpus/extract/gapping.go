package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Gapped clauses leave out the verb of the clause before them and keep its
// subject's role: "Austria supplied about ten Survivor-2 APCs in 2011;
// Czechia about six RM-70 rocket launchers in 2016; and Georgia one Su-25
// in 2004", "Uzbekistan received five Wing Loong-1s in 2014 and Kazakhstan
// three in 2016". The country that opens the gapped clause stands where
// the first clause's subject stood; the other side is the first clause's,
// which must come from the context (a first clause that names both sides,
// "Russia sold S-400s to Turkey in 2019, and India five in 2021", leaves
// it open whether India bought or sold).

// gappedRelations returns the relations of the gapped clauses of the
// sentence, each copied from the relation read from the clause before it
// (found) with the gapped country in place of the subject and the gapped
// clause's own weapons and years.
func (a *analysis) gappedRelations(found []relation) []relation {
	var out []relation
	for k := range a.actors {
		end, ok := a.gapAt(k)
		if !ok {
			continue
		}
		base, subj := a.gapBase(a.actors[k].ti, found)
		if base == nil {
			continue
		}
		out = append(out, a.gapCopies(*base, subj, a.actors[k].countries[0], a.actors[k].tj, end)...)
	}
	return out
}

// gapAt reports whether actor k opens a gapped clause: a country alone,
// after a comma, semicolon or "and", followed by a quantity ("about six",
// "one", "three"), with no verb of transfer before the clause ends (";"
// or the sentence's end). It returns that end.
func (a *analysis) gapAt(k int) (int, bool) {
	ac := &a.actors[k]
	if ac.drop || ac.poss || ac.kind != gazetteer.NameMention || len(ac.countries) != 1 || ac.ti == 0 || ac.tj >= len(a.toks) {
		return 0, false
	}
	if ac.list < 0 || len(a.lists[ac.list].members) != 1 || a.lists[ac.list].prep != "" {
		return 0, false
	}
	prev := a.toks[ac.ti-1].w
	if prev == "and" && ac.ti >= 2 {
		prev = a.toks[ac.ti-2].w
		if a.itemAt[ac.ti-2] >= 0 || isYearTok(a.toks[ac.ti-2]) {
			prev = "," // "... in 2014 and Kazakhstan three in 2016"
		}
	}
	if prev != "," && prev != ";" || !listedOpening(a.toks[ac.tj]) || a.toks[ac.tj].w == "for" {
		return 0, false
	}
	end := ac.tj
	for end < len(a.toks) && a.toks[end].w != ";" {
		if a.trigAt[end] >= 0 || a.actorAt[end] >= 0 && end > ac.tj {
			return 0, false
		}
		end++
	}
	return end, true
}

// gapBase returns the relation read from the verb clause before token t
// whose subject is one country with the other side from the context, and
// that subject; nil when there is none or the clause names both sides.
func (a *analysis) gapBase(t int, found []relation) (*relation, string) {
	for fi := len(a.frames) - 1; fi >= 0; fi-- {
		f := a.frames[fi]
		if f.tj > t {
			continue
		}
		if a.trigs[f.t].noun || f.denied || f.neg {
			return nil, ""
		}
		c := &a.clauses[f.clause]
		if c.subj < 0 || len(a.lists[c.subj].members) != 1 {
			return nil, ""
		}
		subj := a.actors[a.lists[c.subj].members[0]]
		if len(subj.countries) != 1 {
			return nil, ""
		}
		s := subj.countries[0]
		for i := range found {
			r := &found[i]
			if r.Supplier == s && r.recInferred && !r.supInferred || r.Recipient == s && r.supInferred && !r.recInferred {
				return r, s
			}
		}
		return nil, ""
	}
	return nil, ""
}

// gapCopies returns base with country in place of subj, once per weapon
// named in [s, e), or once with base's weapon when none is named there.
func (a *analysis) gapCopies(base relation, subj, country string, s, e int) []relation {
	if base.Supplier == subj {
		base.Supplier = country
	} else {
		base.Recipient = country
	}
	if base.Supplier == base.Recipient {
		return nil
	}
	base.pos = s
	if ys := a.yearsIn(s, e); len(ys) > 0 {
		base.Years = ys
	}
	its := a.itemsIn(s, e)
	if len(its) == 0 {
		if base.Supplier == country && len(base.madeIn) > 0 && !slices.Contains(base.madeIn, country) {
			return nil // the first clause's weapon is not the gapped supplier's
		}
		return []relation{base}
	}
	var out []relation
	for _, it := range its {
		x := &a.items[it]
		if x.system == "" && len(its) > 1 {
			continue // "rocket launchers" after "RM-70"
		}
		if a.purpose(x.ti) && !a.dealFor(x.ti) {
			continue // "missiles that were for the Wing Loong-2": what they are for
		}
		r := base
		r.System, r.Category = x.system, x.category
		r.madeIn = madeIn(x.canon)
		out = append(out, r)
	}
	return out
}
