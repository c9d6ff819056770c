package extract

import (
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// A supplier named "as its main supplier": "With the United States as its
// main supplier, Morocco ...", "Morocco relies on France as its main arms
// supplier". The country before "as" has delivered arms to the one other
// country of the sentence (generic arms, no system). A sentence naming
// more countries, or hedging, planning or negating, gives nothing.

// rankWords may qualify "supplier" in that phrase.
var rankWords = words("main largest biggest top primary leading principal chief key major dominant traditional " +
	"second-largest second-biggest")

// asSupplierRelations reads "<C> as its (main) (arms) supplier".
func (a *analysis) asSupplierRelations() []relation {
	if a.hedged() || a.plansOrCancels(nil) || negates(a.text) {
		return nil
	}
	toks := a.toks
	var out []relation
	for j := 1; j+2 < len(toks); j++ {
		if toks[j].w != "as" || toks[j+1].w != "its" && toks[j+1].w != "their" {
			continue
		}
		k := a.actorAt[j-1]
		if k < 0 || !a.supplierPhraseAt(j+2) {
			continue
		}
		sup := &a.actors[k]
		if sup.drop || sup.poss || len(sup.countries) != 1 || sup.kind == gazetteer.GroupMention {
			continue
		}
		rec, pos := a.otherCountry(sup.countries[0])
		if rec == "" {
			continue
		}
		r := relation{pos: pos}
		r.Supplier, r.Recipient = sup.countries[0], rec
		r.Status, r.Kind = bot.StatusDelivered, bot.KindSale
		out = append(out, r)
	}
	return out
}

// supplierPhraseAt reports whether "(rank) (arms) supplier" starts at t.
func (a *analysis) supplierPhraseAt(t int) bool {
	toks := a.toks
	for t < len(toks) && rankWords[toks[t].w] {
		t++
	}
	if t < len(toks) && (toks[t].w == "arms" || toks[t].w == "weapons" || toks[t].w == "military" ||
		toks[t].w == "defence" || toks[t].w == "defense" || a.itemAt[t] >= 0 && a.items[a.itemAt[t]].arms) {
		t++
	}
	return t < len(toks) && (toks[t].w == "supplier" || toks[t].w == "source")
}

// otherCountry returns the one country the sentence names, by name or
// capital, besides sup, and its token; "" when there is none or more than one.
func (a *analysis) otherCountry(sup string) (string, int) {
	rec, pos := "", -1
	for k := range a.actors {
		ac := &a.actors[k]
		if ac.drop || len(ac.countries) != 1 || ac.countries[0] == sup ||
			ac.kind != gazetteer.NameMention && ac.kind != gazetteer.CapitalMention {
			continue
		}
		if ac.list >= 0 && a.lists[ac.list].place {
			continue
		}
		if rec != "" && rec != ac.countries[0] {
			return "", -1
		}
		rec, pos = ac.countries[0], ac.ti
	}
	return rec, pos
}
