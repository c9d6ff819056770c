package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// A weapon named with "from" and its maker in a report summary is a
// transfer from the maker to the report's subject, even where the sentence
// is about something else: "about 28 Cummins engines in 2016 for 28 Kirpi
// APCs from Turkey" (the Kirpi came from Turkey), "For the C-92 frigate
// from Turkey, France supplied ...", "The two open orders are the Mbombe-6
// from South Africa and ...". The maker must be the weapon's by the
// lexicon, so a buyer or a place ("the Su-25 from Georgia") gives nothing.

// fromMakerRelations returns maker -> subject relations for the weapons of
// the sentence followed by "from" and their maker, in a summary sentence
// (one that counts or dates deals) whose stated transfers, if any, all go
// to that subject. found holds the relations read so far; they keep their
// own (supplier, recipient, system) (see addNew).
func (a *analysis) fromMakerRelations(subject []string, found []relation) []relation {
	if a.plansOrCancels(found) || a.hedged() {
		return nil
	}
	summary := a.isSummary()
	var out []relation
	for it := range a.items {
		x := &a.items[it]
		if x.org || x.canon == "" || partCategory(x.category) {
			continue
		}
		sup := a.fromMaker(it)
		if sup == "" {
			continue
		}
		if !summary {
			out = append(out, a.partsHostRelations(it, sup, found)...)
			continue
		}
		rec := a.summaryRecipient(subject, sup)
		if rec == "" || !statedOnlyTo(found, rec) || a.namesRecipientOtherThan(rec, sup, found, x.ti) {
			continue
		}
		r := relation{pos: x.ti, recInferred: true, madeIn: madeIn(x.canon)}
		r.Supplier, r.Recipient = sup, rec
		r.System, r.Category = x.system, x.category
		r.Status, r.Kind, r.Inferred = a.registerStatus(it), bot.KindSale, true
		out = append(out, r)
	}
	return out
}

// partsHostRelations reads, outside a summary, the weapon it that parts
// stated as delivered were "for": "the United States supplied about 24
// Cummins engines for 24 Ejder Yalcin APCs from Turkey" (in Uzbekistan)
// gives Turkey -> Uzbekistan, the weapon going where its parts went. The
// sentence must state deliveries of parts to one recipient only.
func (a *analysis) partsHostRelations(it int, sup string, found []relation) []relation {
	x := &a.items[it]
	j := x.ti - 1
	for j >= 0 && (a.toks[j].digit && !isYearTok(a.toks[j]) || numberWords[a.toks[j].w] > 1 || a.toks[j].w == "about" || a.toks[j].w == "the") {
		j--
	}
	if j < 0 || a.toks[j].w != "for" {
		return nil
	}
	rec := ""
	for _, r := range found {
		if r.Inferred || r.Denied {
			continue
		}
		if r.Status != bot.StatusDelivered || !partCategory(r.Category) || rec != "" && r.Recipient != rec {
			return nil
		}
		rec = r.Recipient
	}
	if rec == "" || rec == sup {
		return nil
	}
	return []relation{itemRelation(x, sup, rec, bot.StatusDelivered, bot.KindSale)}
}

// isSummary reports whether the sentence dates or counts deals (see
// summaryWords), as the register summaries do, or says where equipment
// came from ("Its equipment came from several countries: ...").
func (a *analysis) isSummary() bool {
	for j, t := range a.toks {
		if summaryWords[t.w] || isYearTok(t) {
			return true
		}
		if comeWords[t.w] && j+1 < len(a.toks) && a.toks[j+1].w == "from" {
			return true
		}
	}
	return false
}

// comeWords say where goods came from.
var comeWords = words("came come comes")

// plansOrCancels reports whether the sentence speaks of a plan, a
// cancellation, a denial or a negation, by a relation read from it or by a
// cue word ("talks", "cancelled", "not"): a weapon named there "from" its
// maker may be what was only planned or called off.
func (a *analysis) plansOrCancels(found []relation) bool {
	for _, r := range found {
		if r.Denied || r.Status == bot.StatusPlanned || r.Status == bot.StatusCancelled {
			return true
		}
	}
	for j := range a.toks {
		switch cv, _ := cues.match(a.toks, j); cv {
		case cuePlanned, cueCancel, cueDeny, cueNeg:
			return true
		}
	}
	return false
}

// hedged reports whether the sentence hedges or disowns what it says: a
// claim ("the allegation that"), an alleged or unknown party, "appears to
// have". A weapon named there "from" its maker may be what is hedged.
func (a *analysis) hedged() bool {
	if a.hedge == 0 { // many rules ask; the answer depends on the tokens only
		a.hedge = 1
		if a.hedgedTokens() {
			a.hedge = 2
		}
	}
	return a.hedge == 2
}

// hedgedTokens computes hedged.
func (a *analysis) hedgedTokens() bool {
	if a.claimThat() >= 0 {
		return true
	}
	for j, t := range a.toks {
		if allegedWords[t.w] || unknownWords[t.w] {
			return true
		}
		if seemWords[t.w] && j+2 < len(a.toks) && a.toks[j+1].w == "to" && a.toks[j+2].w == "have" {
			return true
		}
	}
	return false
}

// fromMaker returns the country named right after item it by "from" ("the
// Mbombe-6 from South Africa") when it is the weapon's maker by the
// lexicon, else "".
func (a *analysis) fromMaker(it int) string {
	x := &a.items[it]
	t := a.fromAfter(it)
	if t < 0 || t+1 >= len(a.toks) {
		return ""
	}
	t++
	if a.toks[t].w == "the" && t+1 < len(a.toks) {
		t++
	}
	k := a.actorAt[t]
	if k < 0 {
		return ""
	}
	ac := &a.actors[k]
	if ac.drop || ac.kind != gazetteer.NameMention || len(ac.countries) != 1 {
		return "" // a maker's name ("from Airbus") says who built it, not who sold it
	}
	made := madeIn(x.canon)
	if len(made) == 0 || made[0] != ac.countries[0] {
		return ""
	}
	return ac.countries[0]
}

// statedOnlyTo reports whether every relation read from the sentence itself
// (not inferred) goes to rec.
func statedOnlyTo(found []relation, rec string) bool {
	for _, r := range found {
		if !r.Inferred && r.Recipient != rec {
			return false
		}
	}
	return true
}

// namesRecipientOtherThan reports whether the semicolon-delimited part of
// the sentence that holds token t names a country other than rec and sup
// that may be the weapon's recipient: one not governed by "from", not the
// origin or owner of a weapon, not the supplier of a relation read from
// the sentence.
func (a *analysis) namesRecipientOtherThan(rec, sup string, found []relation, t int) bool {
	s, e := a.semicolonPart(t)
	for k := range a.actors {
		ac := &a.actors[k]
		if ac.ti < s || ac.ti >= e {
			continue // "behind Russia, Ukraine and Canada; Canada's deals are engines for C-295s from Spain"
		}
		if ac.drop || len(ac.countries) != 1 || ac.countries[0] == rec || ac.countries[0] == sup || ac.origin >= 0 || ac.owner >= 0 {
			continue
		}
		if ac.list >= 0 && a.lists[ac.list].prep == "from" {
			continue // another supplier: "From the United States, Turkmenistan received ..."
		}
		if suppliesIn(found, ac.countries[0]) || a.frameSupplier(ac.countries[0]) {
			continue // another supplier: "France supplied one VL-MICA"
		}
		return true
	}
	return false
}

// suppliesIn reports whether c is the supplier of one of rels.
func suppliesIn(rels []relation, c string) bool {
	for _, r := range rels {
		if r.Supplier == c {
			return true
		}
	}
	return false
}

// frameSupplier reports whether a frame of the sentence reads c as its
// supplier, whether or not the frame found a recipient.
func (a *analysis) frameSupplier(c string) bool {
	for i := range a.frames {
		for _, p := range a.frames[i].rsups {
			if slices.Contains(p.countries, c) {
				return true
			}
		}
	}
	return false
}

// fromAfter returns the token of a "from" right after item it, or after
// one plain word that ends its noun phrase ("20 Kirpi vehicles from
// Turkey"); -1 when none.
func (a *analysis) fromAfter(it int) int {
	t := a.items[it].tj
	if t < len(a.toks) && a.toks[t].w == "from" {
		return t
	}
	if t+1 < len(a.toks) && a.toks[t+1].w == "from" && a.plainWord(t) {
		return t + 1
	}
	return -1
}

// plainWord reports whether token t is a lower-case word that names no
// party, weapon or trigger.
func (a *analysis) plainWord(t int) bool {
	tk := a.toks[t]
	if tk.upper || tk.digit || a.actorAt[t] >= 0 || a.itemAt[t] >= 0 || a.trigAt[t] >= 0 {
		return false
	}
	for _, r := range tk.w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return tk.w != ""
}

// recordedDealRelations reads a register's note that weapons are recorded
// as deals with a country: "Their five PT-6A-68 turboprops are recorded as
// a separate deal with Canada" gives Canada -> the report's subject. The
// country must be the maker, by the lexicon, of the weapons named before
// "recorded".
func (a *analysis) recordedDealRelations(subject []string) []relation {
	for t, tk := range a.toks {
		if tk.w != "recorded" && tk.w != "listed" {
			continue
		}
		sup := a.dealWithAfter(t + 1)
		if sup == "" {
			continue
		}
		rec := a.summaryRecipient(subject, sup)
		if rec == "" {
			return nil
		}
		return a.madeByItems(sup, rec, 0, t)
	}
	return nil
}

// dealWithAfter returns the country of "as (a) (separate) deal(s) with X"
// starting at token t, "".
func (a *analysis) dealWithAfter(t int) string {
	if t >= len(a.toks) || a.toks[t].w != "as" {
		return ""
	}
	for j := t + 1; j < len(a.toks) && j <= t+5; j++ {
		if dealNouns[a.toks[j].w] && j+1 < len(a.toks) && a.toks[j+1].w == "with" {
			k := j + 2
			if k < len(a.toks) && a.actorAt[k] >= 0 && a.actors[a.actorAt[k]].kind == gazetteer.NameMention {
				return a.countryAt(k)
			}
			return ""
		}
	}
	return ""
}

// relyWords say a country depends on weapons it has: "continuing to rely
// on American, Chinese and Russian drones".
var relyWords = words("rely relies relying relied depend depends depending depended dependent reliant")

// relianceStops end the object of "relies on": "has relied on Moscow but
// needs new Chinese radars" relies on no radars.
var relianceStops = words("; but while although though yet whereas needs wants seeks")

// relianceRelations reads a country that relies on weapons of named
// origin: "Uzbekistan ... continuing to rely on American, Chinese and
// Russian drones rather than Turkish ones" gives United States, China and
// Russia -> Uzbekistan, delivered (it has them). The country is the
// clause's subject; origins in a counterfactual ("rather than Turkish
// ones") are dropped before; a negation or hedge gives nothing.
func (a *analysis) relianceRelations() []relation {
	var out []relation
	for t := 0; t+1 < len(a.toks); t++ {
		if !relyWords[a.toks[t].w] || a.negatedBefore(t) || a.negatedBefore(t-1) || a.hedged() {
			continue
		}
		on := a.relyOn(t)
		if on < 0 {
			continue
		}
		rec, pos := a.clauseSubjectCountry(t)
		if rec == "" {
			continue
		}
		end := a.clauses[a.clauseAt[t]].te
		for j := on + 1; j < end && j <= on+9 && !relianceStops[a.toks[j].w]; j++ {
			it := a.itemAt[j]
			if it < 0 || a.items[it].ti != j {
				continue
			}
			x := &a.items[it]
			for _, m := range x.origins {
				ac := &a.actors[m]
				if ac.drop || len(ac.countries) != 1 || ac.countries[0] == rec {
					continue
				}
				r := relation{pos: pos}
				r.Supplier, r.Recipient = ac.countries[0], rec
				r.System, r.Category = x.system, x.category
				r.Status, r.Kind = bot.StatusDelivered, bot.KindSale
				r.madeIn = madeIn(x.canon)
				out = append(out, r)
			}
			break
		}
	}
	return out
}

// clauseSubjectCountry returns the one country (by name) that is the
// subject of the clause holding token t, and its token; "" when none.
func (a *analysis) clauseSubjectCountry(t int) (string, int) {
	c := &a.clauses[a.clauseAt[t]]
	if c.subj < 0 || len(a.lists[c.subj].members) != 1 || a.lists[c.subj].ti > t {
		return "", -1
	}
	ac := &a.actors[a.lists[c.subj].members[0]]
	if ac.drop || ac.poss || ac.kind != gazetteer.NameMention || len(ac.countries) != 1 {
		return "", -1
	}
	return ac.countries[0], ac.ti
}

// semicolonPart returns the token range [s, e) of the part of the
// sentence, between semicolons, that holds token t.
func (a *analysis) semicolonPart(t int) (int, int) {
	s, e := t, t
	for s > 0 && a.toks[s-1].w != ";" {
		s--
	}
	for e < len(a.toks) && a.toks[e].w != ";" {
		e++
	}
	return s, e
}

// relyGap are the words that may stand between "relied" and "on": "has
// relied for decades on Russian equipment", "relies heavily on".
var relyGap = words("for decades years long heavily largely mostly mainly still traditionally almost entirely exclusively " +
	"overwhelmingly primarily chiefly")

// relyOn returns the token of "on" after the reliance verb at t, across
// relyGap words; -1 when none.
func (a *analysis) relyOn(t int) int {
	for j := t + 1; j < len(a.toks) && j <= t+4; j++ {
		switch {
		case a.toks[j].w == "on":
			return j
		case !relyGap[a.toks[j].w]:
			return -1
		}
	}
	return -1
}
