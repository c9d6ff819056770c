package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Customer lists name a supplier's customers and, after each, what it
// bought, with no weapon the customer noun itself governs: "France's other
// customers are Kazakhstan, for Ground Master-400 radars, and Uzbekistan,
// for AS-350 helicopters", "Israel's only other customer in the export is
// Kazakhstan, with six deals, mainly artillery". A customer has bought
// (ordered, as the annotation guidelines read it). The frame of the
// customer noun finds the parties (customerRoles); resolve drops it for
// want of a weapon it governs, so it is read here, each customer with the
// weapons named after it.

// customerRelations returns supplier -> customer relations for the
// customer frames that resolve left out.
func (a *analysis) customerRelations() []relation {
	if a.hedged() || a.plansOrCancels(nil) {
		return nil
	}
	var out []relation
	for _, f := range a.frames {
		if f.spec.sp != spCustomer || a.trigs[f.t].drop || slices.Contains(a.res.kept, f) {
			continue
		}
		sups, recs := a.roles(f, nil)
		sup := a.customerOwner(f)
		if sup == "" && len(sups) == 1 && !sups[0].inferred && len(sups[0].countries) == 1 {
			sup = sups[0].countries[0]
		}
		if sup == "" {
			continue
		}
		if named := a.customerNamedLater(f); named != nil && !namedAfterNoun(recs, f) {
			recs = named
		}
		for _, rp := range a.moreCustomers(recs) {
			if rp.inferred || len(rp.countries) != 1 || rp.countries[0] == sup || rp.pos <= f.ti {
				continue
			}
			out = append(out, a.customerItems(sup, rp.countries[0], rp.pos, a.nextActor(rp.pos))...)
		}
	}
	return out
}

// moreCustomers returns recs and the countries listed after the last of
// them, each after "and" or a comma and followed by what it bought:
// "Kazakhstan, for Ground Master-400 radars, and Uzbekistan, for ...".
func (a *analysis) moreCustomers(recs []roleParty) []roleParty {
	if len(recs) == 0 || recs[len(recs)-1].pos < 0 {
		return recs
	}
	out := slices.Clone(recs)
	for t := a.nextActor(recs[len(recs)-1].pos); t < len(a.toks); t = a.nextActor(t) {
		ac := &a.actors[a.actorAt[t]]
		prev := a.toks[t-1].w
		if ac.drop || ac.poss || len(ac.countries) != 1 || prev != "and" && prev != "," ||
			ac.list < 0 || a.lists[ac.list].prep != "" || ac.tj >= len(a.toks) || a.toks[ac.tj].w != "," {
			break
		}
		out = append(out, roleParty{party: party{countries: ac.countries, pos: t}, li: ac.list, it: -1})
	}
	return out
}

// nextActor returns the first token after the actor at token t that
// starts another actor, len(a.toks) when none.
func (a *analysis) nextActor(t int) int {
	k := a.actorAt[t]
	for j := t + 1; j < len(a.toks); j++ {
		if a.actorAt[j] >= 0 && a.actorAt[j] != k {
			return j
		}
	}
	return len(a.toks)
}

// customerItems returns sup -> rec relations, ordered, one per weapon
// named in (s, e) that sup may make (the lexicon names no other maker), or
// one with no weapon when none is named; nothing when every weapon named
// is another maker's.
func (a *analysis) customerItems(sup, rec string, s, e int) []relation {
	base := relation{pos: s}
	base.Supplier, base.Recipient = sup, rec
	base.Status, base.Kind = bot.StatusOrdered, bot.KindSale
	var out []relation
	named := false
	for _, it := range a.itemsIn(s+1, e) {
		x := &a.items[it]
		if x.arms && x.system == "" {
			continue
		}
		named = true
		if a.notMadeBy(it, sup) {
			continue
		}
		r := base
		r.pos = x.ti
		r.System, r.Category = x.system, x.category
		r.madeIn = madeIn(x.canon)
		out = append(out, r)
	}
	if len(out) == 0 && !named {
		return []relation{base}
	}
	return out // nothing when every weapon named is another maker's
}

// namedAfterNoun reports whether one of recs stands after the customer
// noun of f.
func namedAfterNoun(recs []roleParty, f *frame) bool {
	for _, r := range recs {
		if r.pos > f.ti {
			return true
		}
	}
	return false
}

// customerNamedLater returns the country named by "is" or "are" a few
// words after the customer noun of f ("Israel's only other customer in
// the export is Kazakhstan"), nil when none.
func (a *analysis) customerNamedLater(f *frame) []roleParty {
	for t := f.tj; t < len(a.toks) && t <= f.tj+5; t++ {
		if a.actorAt[t] >= 0 || a.trigAt[t] >= 0 && !a.trigs[a.trigAt[t]].spec.ambig || a.toks[t].w == "," {
			return nil
		}
		if (a.toks[t].w == "is" || a.toks[t].w == "are") && t+1 < len(a.toks) && a.actorAt[t+1] >= 0 {
			ac := &a.actors[a.actorAt[t+1]]
			if ac.drop || ac.poss || ac.kind != gazetteer.NameMention || len(ac.countries) != 1 {
				return nil
			}
			return []roleParty{{party: party{countries: ac.countries, pos: t + 1}, li: ac.list, it: -1}}
		}
	}
	return nil
}

// customerOwner returns the country whose possessive opens the customer
// noun of f, past a few plain words ("Israel's only other customer"); ""
// when none.
func (a *analysis) customerOwner(f *frame) string {
	for t := f.ti - 1; t >= 0 && t >= f.ti-6; t-- {
		if k := a.actorAt[t]; k >= 0 {
			ac := &a.actors[k]
			if !ac.poss || ac.drop || ac.kind != gazetteer.NameMention || len(ac.countries) != 1 {
				return ""
			}
			return ac.countries[0]
		}
		if w := a.toks[t].w; w != "'" && w != "s" && !a.plainWord(t) {
			return ""
		}
	}
	return ""
}
