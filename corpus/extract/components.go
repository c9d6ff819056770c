package extract

import (
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Parts named with their origin in a component phrase after a weapon go
// to the weapon's maker by the lexicon, not to its buyer: "Serbia
// delivered about two Lazar-3 vehicles in 2021, fitted with Russian BPPU
// turrets and US Cummins engines" gives Russia -> Serbia and United States
// -> Serbia. markCounterfactuals keeps those countries out of the
// sentence's own transfer; this reads them back as suppliers of parts.

// componentRelations returns origin -> host maker relations for the parts
// of the sentence's component phrases, when the sentence states a done
// transfer of the host (found holds a delivered relation of it) and the
// lexicon knows the host's maker.
func (a *analysis) componentRelations(found []relation) []relation {
	if a.plansOrCancels(found) || a.hedged() {
		return nil
	}
	var out []relation
	for i := 0; i < len(a.toks); i++ {
		n := a.componentAt(i)
		if n == 0 {
			continue
		}
		host := a.hostBefore(i)
		if host < 0 || !deliveredItem(found, a.items[host].system) {
			continue
		}
		made := madeIn(a.items[host].canon)
		if len(made) == 0 {
			continue
		}
		end := i + n
		for end < len(a.toks) && a.toks[end].w != "," && a.toks[end].w != ";" {
			end++
		}
		out = append(out, a.partsOf(made[0], i+n, end)...)
		i = end
	}
	return out
}

// hostBefore returns the nearest weapon before token t that is no part,
// -1 when none.
func (a *analysis) hostBefore(t int) int {
	for j := t - 1; j >= 0; j-- {
		if it := a.itemAt[j]; it >= 0 && !partCategory(a.items[it].category) && a.items[it].system != "" {
			return it
		}
	}
	return -1
}

// deliveredItem reports whether found delivers a weapon named system.
func deliveredItem(found []relation, system string) bool {
	for _, r := range found {
		if r.Status == bot.StatusDelivered && !r.Denied && systemKey(r.System) == systemKey(system) {
			return true
		}
	}
	return false
}

// partsOf returns origin -> maker relations for the parts in [s, e) whose
// origin the phrase names, by an adjective or name right before the part
// ("Russian BPPU turrets", "US Cummins engines") or "from" right after it
// ("MAN diesel engines from Germany").
func (a *analysis) partsOf(maker string, s, e int) []relation {
	var out []relation
	for it := range a.items {
		x := &a.items[it]
		if x.ti < s || x.ti >= e || x.system == "" {
			continue // markCounterfactuals marks the parts org: they are no weapon of the sentence's transfer
		}
		origin := a.countryAt(x.ti - 1)
		if origin == "" {
			if f := a.fromAfter(it); f >= 0 {
				origin = a.countryAt(f + 1)
			}
		}
		if origin == "" || origin == maker {
			continue
		}
		r := relation{pos: x.ti, recInferred: true, recHostMaker: true}
		r.Supplier, r.Recipient = origin, maker
		r.System, r.Category = x.system, x.category
		r.Status, r.Kind, r.Inferred = bot.StatusDelivered, bot.KindSale, true
		out = append(out, r)
	}
	return out
}

// countryAt returns the one country of the actor at token t (a name,
// demonym or "US"), "" when none or a group.
func (a *analysis) countryAt(t int) string {
	if t < 0 || t >= len(a.toks) || a.actorAt[t] < 0 {
		return ""
	}
	ac := &a.actors[a.actorAt[t]]
	if ac.kind == gazetteer.GroupMention || ac.kind == gazetteer.ManufacturerMention || len(ac.countries) != 1 {
		return ""
	}
	return ac.countries[0]
}
