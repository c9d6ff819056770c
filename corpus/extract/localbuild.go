package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Local production named by a possessive: "Germany's EC145 helicopters,
// assembled in Kazakhstan as the KH-145". The possessor is the country the
// weapons lexicon says makes the system, and the participle after the comma
// places its assembly or production in another country: the possessor has
// supplied that country under licence, and the work is done (delivered).
// A possessor that is not the maker is a user ("Kazakhstan's Su-30SM
// fighters, built in Russia"), so a system the lexicon does not know, or
// knows as another country's, gives nothing; so does production in the
// maker's own country.

// localBuildWords are the participles of local production.
var localBuildWords = words("assembled built produced manufactured")

// localBuildRelations returns owner -> place relations, delivered under
// licence, for each possessed weapon followed by ", assembled in X".
func (a *analysis) localBuildRelations() []relation {
	if a.hedged() || a.plansOrCancels(nil) {
		return nil
	}
	var out []relation
	for i := range a.items {
		x := &a.items[i]
		if x.owner < 0 || x.org {
			continue
		}
		owner := &a.actors[x.owner]
		if owner.drop || !owner.poss || len(owner.countries) != 1 || owner.kind != gazetteer.NameMention {
			continue
		}
		sup := owner.countries[0]
		if m := madeIn(x.canon); len(m) == 0 || !slices.Contains(m, sup) {
			continue
		}
		rec := a.localBuildPlace(x.tj)
		if rec == "" || rec == sup {
			continue
		}
		out = append(out, itemRelation(x, sup, rec, bot.StatusDelivered, bot.KindLicence))
	}
	return out
}

// localBuildPlace returns the one country named in ", assembled in X"
// starting at token t, "" when the tokens there say something else.
func (a *analysis) localBuildPlace(t int) string {
	toks := a.toks
	if t+3 >= len(toks) || toks[t].w != "," || !localBuildWords[toks[t+1].w] || toks[t+2].w != "in" {
		return ""
	}
	k := t + 3
	for k < len(toks) && skipBeforeActor[toks[k].w] {
		k++
	}
	if k >= len(toks) || a.actorAt[k] < 0 {
		return ""
	}
	ac := &a.actors[a.actorAt[k]]
	if ac.drop || ac.poss || ac.kind != gazetteer.NameMention || len(ac.countries) != 1 {
		return ""
	}
	if ac.tj < len(toks) && toks[ac.tj].w == "and" {
		return "" // "built in France and Germany": a joint programme
	}
	return ac.countries[0]
}

// itemRelation is a relation of weapon x from sup to rec, read from the
// sentence where x stands.
func itemRelation(x *item, sup, rec string, status bot.Status, kind bot.Kind) relation {
	r := relation{pos: x.ti, madeIn: madeIn(x.canon)}
	r.Supplier, r.Recipient = sup, rec
	r.System, r.Category = x.system, x.category
	r.Status, r.Kind = status, kind
	return r
}
