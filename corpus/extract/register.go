package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Register summaries name a supplier and list what it sold to the report's
// subject without a verb of transfer: "Belarus has one, an S-125T
// Pechora-2T air defence system delivered in 2023", "China's are Wing
// Loong-1 armed drones and Blue Arrow-7 missiles", "The United States has
// four (Huey-2 helicopters and HMMWVs)". The recipient is the report's one
// subject, so these relations are marked inferred.

// registerSupplier returns the supplier that opens a register summary and
// the token after the opening, or "" and -1.
func (a *analysis) registerSupplier() (string, int) {
	toks := a.toks
	t := 0
	if t < len(toks) && toks[t].w == "the" {
		t++
	}
	if t >= len(toks) || a.actorAt[t] < 0 {
		return "", -1
	}
	ac := &a.actors[a.actorAt[t]]
	if ac.drop || ac.kind == gazetteer.GroupMention || ac.kind == gazetteer.DemonymMention || len(ac.countries) != 1 {
		return "", -1
	}
	j := ac.tj
	if ac.poss {
		// "China's are ...", "Russia's include ..."
		j += 2
		if j < len(toks) && (toks[j].w == "are" || toks[j].w == "include") {
			return ac.countries[0], j + 1
		}
		return "", -1
	}
	// "Turkey has four", "Czechia has one deal", "Russia has 16 deals".
	if j+1 < len(toks) && (toks[j].w == "has" || toks[j].w == "have") &&
		(numberWords[toks[j+1].w] > 0 && toks[j+1].w != "a" || toks[j+1].digit) {
		return ac.countries[0], j + 2
	}
	return "", -1
}

// registerRelations reads a register summary of the sentence against the
// report's subject (one recipient). Items stated as still open ("an open
// order for six PC-12", "the last of them not yet delivered") are ordered,
// the rest delivered.
func (a *analysis) registerRelations(subject []string) []relation {
	if len(subject) != 1 {
		return nil
	}
	sup, start := a.registerSupplier()
	if sup == "" || sup == subject[0] {
		return nil
	}
	var out []relation
	for it := range a.items {
		x := &a.items[it]
		if x.org || x.ti < start || x.arms && x.system == "" {
			continue
		}
		if a.purpose(x.ti) || a.hostOfPart(it) {
			continue // "all engines for the C-295s from Spain": what the parts are for
		}
		r := relation{pos: x.ti, supInferred: false, recInferred: true}
		r.Supplier, r.Recipient = sup, subject[0]
		r.System, r.Category = x.system, x.category
		r.Status, r.Kind, r.Inferred = a.registerStatus(it), bot.KindSale, true
		r.madeIn = madeIn(x.canon)
		out = append(out, r)
	}
	return out
}

// registerStatus is ordered when the item is named as an open order or
// followed, before the next item, by "not yet delivered"; else delivered.
func (a *analysis) registerStatus(it int) bot.Status {
	x := &a.items[it]
	for j := x.ti - 1; j >= 0 && j >= x.ti-5; j-- {
		if w := a.toks[j].w; w == "order" || w == "orders" {
			return bot.StatusOrdered
		}
		if a.itemAt[j] >= 0 {
			break
		}
	}
	// "..., ordered around 2021 and not yet delivered" covers the list;
	// "the last of them not yet delivered" only the last item.
	otherItem, last := false, false
	for j := x.tj; j < len(a.toks) && a.toks[j].w != ";"; j++ {
		if a.itemAt[j] >= 0 && a.itemAt[j] != it && !a.items[a.itemAt[j]].org {
			otherItem = true
		}
		switch a.toks[j].w {
		case "last":
			last = true
		case "yet", "pending", "open":
			if !(last && otherItem) {
				return bot.StatusOrdered
			}
		}
	}
	return bot.StatusDelivered
}

// hostOfPart reports whether item it is named after a part and "for"
// ("engines for C-295 transport aircraft"): the host, not the sale.
func (a *analysis) hostOfPart(it int) bool {
	x := &a.items[it]
	for j := x.ti - 1; j >= 0 && j >= x.ti-6; j-- {
		if a.toks[j].w != "for" {
			continue
		}
		for k := j - 1; k >= 0 && k >= j-4; k-- {
			if p := a.itemAt[k]; p >= 0 && partCategory(a.items[p].category) {
				return true
			}
		}
	}
	return false
}

// followUpWords open a sentence that goes on about the items of the one
// before: "One had been delivered", "Both were delivered in 2009".
var followUpWords = words("one both all they these two three four some most the")

// followUpDelivery reports whether the sentence only says that the items
// of the previous one were delivered: it opens with a quantifier or
// pronoun, names no country and no weapon, and has a delivery word stated
// as done.
func (a *analysis) followUpDelivery() bool {
	if len(a.toks) == 0 || !followUpWords[a.toks[0].w] || len(a.actors) > 0 {
		return false
	}
	if a.toks[0].w == "the" && (len(a.toks) < 2 || a.toks[1].w != "first") {
		return false
	}
	for it := range a.items {
		if x := &a.items[it]; !x.org && x.ti < x.tj { // ti == tj: taken from the sentence before
			return false
		}
	}
	for j, t := range a.toks {
		if !plainDelivery[t.w] {
			continue
		}
		for b := j - 1; b >= 0 && b >= j-3; b-- {
			if notDoneYet[a.toks[b].w] {
				return false
			}
		}
		return true
	}
	return false
}

// parentheticalRelations reads suppliers each followed by what they sold
// in parentheses, to the report's one subject: "Turkmenistan's other drones
// come from China (CH-3 armed UAVs, delivered in 2016), Italy (three Falco
// UAVs in 2011) and the United States (about two ScanEagle UAVs in 2021)".
// Every weapon in the parentheses must be known to be made by that
// country, so a list of buyers ("Kazakhstan (Anka)") gives nothing.
func (a *analysis) parentheticalRelations(subject []string) []relation {
	if len(subject) != 1 {
		return nil
	}
	var out []relation
	for k := range a.actors {
		ac := &a.actors[k]
		if ac.drop || ac.kind == gazetteer.GroupMention || ac.kind == gazetteer.DemonymMention || len(ac.countries) != 1 ||
			ac.countries[0] == subject[0] || ac.tj >= len(a.toks) || a.toks[ac.tj].w != "(" {
			continue
		}
		end := a.closingParen(ac.tj + 1)
		if end < 0 {
			continue
		}
		out = append(out, a.madeByItems(ac.countries[0], subject[0], ac.tj+1, end)...)
	}
	return out
}

// madeByItems returns sup -> rec relations for the weapons in [s, e) when
// each is known to be made by sup; nil otherwise.
func (a *analysis) madeByItems(sup, rec string, s, e int) []relation {
	var out []relation
	for t := s; t < e; t++ {
		it := a.itemAt[t]
		if it < 0 || a.items[it].org || a.items[it].ti != t {
			continue
		}
		made := madeIn(a.items[it].canon)
		if len(made) == 0 || made[0] != sup {
			return nil
		}
		r := relation{pos: t, recInferred: true, madeIn: made}
		r.Supplier, r.Recipient = sup, rec
		r.System, r.Category = a.items[it].system, a.items[it].category
		r.Status, r.Kind, r.Inferred = a.registerStatus(it), bot.KindSale, true
		r.Years = a.yearsIn(s, e)
		out = append(out, r)
	}
	return out
}

// summaryWords mark a sentence of a register summary: it dates or counts
// deals, so a maker's weapon named in it is a transfer to the subject.
var summaryWords = words("delivered ordered deal deals order orders")

// madeItemRelations reads a maker's weapon named by its country with no
// verb of transfer in a register summary: "France's VL-MICA, one delivered
// in 2021", "a Russian S-125 Pechora-2M, with an estimated one delivered in
// 2009". The country must be the weapon's maker by the lexicon; the
// recipient is the sentence's recipient (see summaryRecipient).
func (a *analysis) madeItemRelations(subject []string) []relation {
	summary := false
	for _, t := range a.toks {
		summary = summary || summaryWords[t.w] || isYearTok(t)
	}
	if !summary {
		return nil
	}
	var out []relation
	for it := range a.items {
		x := &a.items[it]
		if x.org || x.canon == "" {
			continue
		}
		made := madeIn(x.canon)
		sup := a.namingCountry(it)
		if len(made) == 0 || sup == "" || made[0] != sup {
			continue
		}
		rec := a.summaryRecipient(subject, sup)
		if rec == "" || a.namesOtherThan(rec) {
			continue
		}
		r := relation{pos: x.ti, recInferred: true, madeIn: made}
		r.Supplier, r.Recipient = sup, rec
		r.System, r.Category = x.system, x.category
		r.Status, r.Kind, r.Inferred = a.registerStatus(it), bot.KindSale, true
		out = append(out, r)
	}
	return out
}

// namingCountry returns the country that names item it by a possessive
// ("France's VL-MICA") or an origin adjective ("a Russian S-125"), "".
func (a *analysis) namingCountry(it int) string {
	x := &a.items[it]
	if x.owner >= 0 && len(a.actors[x.owner].countries) == 1 && !a.actors[x.owner].drop {
		return a.actors[x.owner].countries[0]
	}
	for _, m := range x.origins {
		if ac := &a.actors[m]; !ac.drop && len(ac.countries) == 1 {
			return ac.countries[0]
		}
	}
	return ""
}

// summaryRecipient returns the recipient of a summary sentence: the
// report's one subject, or, when the subject is a region, the member the
// sentence names first ("Kyrgyzstan has one: ..."); never sup.
func (a *analysis) summaryRecipient(subject []string, sup string) string {
	if len(subject) == 1 {
		if subject[0] == sup {
			return ""
		}
		return subject[0]
	}
	for k := range a.actors {
		ac := &a.actors[k]
		if ac.drop || ac.kind == gazetteer.GroupMention || len(ac.countries) != 1 {
			continue
		}
		c := ac.countries[0]
		if c != sup && slices.Contains(subject, c) {
			return c
		}
		return ""
	}
	return ""
}

// namesOtherThan reports whether the sentence names a country, other than
// rec, that names no weapon: a possible recipient ("A Chinese HQ-9 went to
// Uzbekistan").
func (a *analysis) namesOtherThan(rec string) bool {
	for k := range a.actors {
		ac := &a.actors[k]
		if ac.drop || len(ac.countries) != 1 || ac.countries[0] == rec || ac.origin >= 0 || ac.owner >= 0 {
			continue
		}
		return true
	}
	return false
}

// listedSupplierRelations reads suppliers listed with what they sold and
// the verb left out: "Spain and Israel have six each: Spain for C-295 and
// A400M transport aircraft, Israel for ...", "Austria supplied ...;
// Czechia about six RM-70 rocket launchers in 2016". The country must be
// the maker, by the lexicon, of every weapon named after it (at least one),
// so a list of customers ("Kazakhstan, for Ground Master-400 radars")
// gives nothing. The recipient is the sentence's (see summaryRecipient).
func (a *analysis) listedSupplierRelations(subject []string) []relation {
	var out []relation
	for k := range a.actors {
		ac := &a.actors[k]
		if ac.drop || ac.kind == gazetteer.GroupMention || ac.kind == gazetteer.DemonymMention || len(ac.countries) != 1 ||
			ac.poss || ac.tj >= len(a.toks) || !listedOpening(a.toks[ac.tj]) {
			continue
		}
		country := ac.countries[0]
		end := ac.tj + 1
		for end < len(a.toks) && a.actorAt[end] < 0 && a.toks[end].w != ";" {
			end++
		}
		if rec := a.summaryRecipient(subject, country); rec != "" {
			if rels := a.madeByItems(country, rec, ac.tj+1, end); len(rels) > 0 {
				out = append(out, rels...)
				continue
			}
		}
		// "China delivered ... to Tajikistan, Kazakhstan three Wing
		// Loong-1s in 2016": a recipient of the report's region, listed with
		// what a maker named nearby sold it.
		if slices.Contains(subject, country) {
			if maker := a.namedMaker(a.itemsIn(ac.tj+1, end)); maker != "" && maker != country {
				out = append(out, a.madeByItems(maker, country, ac.tj+1, end)...)
			}
		}
	}
	return out
}

// itemsIn returns the weapons that start in [s, e).
func (a *analysis) itemsIn(s, e int) []int {
	var out []int
	for it := range a.items {
		if x := &a.items[it]; !x.org && x.ti >= s && x.ti < e {
			out = append(out, it)
		}
	}
	return out
}

// listedOpening reports whether t opens what a listed supplier sold:
// "for", "about", a number.
func listedOpening(t tok) bool {
	return t.w == "for" || t.w == "about" || numberWords[t.w] > 0 && t.w != "a" || t.digit && !isYearTok(t)
}
