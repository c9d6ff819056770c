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

// registerOpening is a supplier that opens a stretch of a register
// summary: "Turkey has four", "China's are", "The American ones are".
type registerOpening struct {
	sup   string
	at    int  // first token of the opening
	start int  // first token of what it lists
	open  bool // "has an open order:": what it lists is ordered
}

// registerBreaks end one stretch of a summary where the next may open:
// "China, France and Germany have two each: China's are ..., France's
// ..., and Germany's ...".
var registerBreaks = words(": ; , and")

// registerOpenings returns the openings of the sentence's register
// stretches, in order: one at the start of the sentence or after a break
// (see registerBreaks). A bare possessive before a weapon ("France's
// Ground Master-400 radars") opens one only after another opening, whose
// verb it shares.
func (a *analysis) registerOpenings() []registerOpening {
	var out []registerOpening
	for t := 0; t < len(a.toks); t++ {
		if t > 0 && !registerBreaks[a.toks[t-1].w] {
			continue
		}
		if o, ok := a.registerOpeningAt(t, len(out) > 0); ok {
			out = append(out, o)
			t = o.start - 1
		}
	}
	return out
}

// registerOpeningAt reads an opening at token t: "[the] Russia has 16
// deals", "China's are", "Russia's include", "The Netherlands' two deals
// are", "The American ones are", and after another opening (continued)
// "France's Ground Master-400 radars".
func (a *analysis) registerOpeningAt(t int, continued bool) (registerOpening, bool) {
	ac := a.singleCountryAt(t)
	if ac == nil {
		return registerOpening{}, false
	}
	o := registerOpening{sup: ac.countries[0], at: ac.ti}
	switch {
	case ac.kind == gazetteer.DemonymMention:
		return a.demonymOpening(o, ac.tj)
	case ac.drop:
		return registerOpening{}, false
	case ac.poss:
		return a.possessiveOpening(o, ac.tj, continued)
	}
	// "Turkey has four", "Czechia has one deal", "Russia has 16 deals";
	// not "Spain and Israel have six each": what follows is shared out.
	if ac.list >= 0 && len(a.lists[ac.list].members) > 1 {
		return registerOpening{}, false
	}
	if d, ok := a.dealOpeningAt(o, ac.tj); ok {
		return d, true
	}
	return a.hasCountOpening(o, ac.tj)
}

// singleCountryAt returns the actor that starts at token t, or after a
// "the" there, when it names one country (not a group); nil otherwise.
func (a *analysis) singleCountryAt(t int) *actor {
	toks := a.toks
	if t < len(toks) && toks[t].w == "the" {
		t++
	}
	if t >= len(toks) || a.actorAt[t] < 0 || a.actors[a.actorAt[t]].ti != t {
		return nil
	}
	ac := &a.actors[a.actorAt[t]]
	if ac.kind == gazetteer.GroupMention || len(ac.countries) != 1 {
		return nil
	}
	return ac
}

// demonymOpening reads the rest of an opening whose demonym ends at token
// j. A demonym with no weapon after it is dropped as an actor; here it
// stands for its country's deals. "The American ones are ...": a demonym
// opens only with "ones" (or "deals") and a register verb.
func (a *analysis) demonymOpening(o registerOpening, j int) (registerOpening, bool) {
	toks := a.toks
	if j+1 < len(toks) && (toks[j].w == "ones" || toks[j].w == "deals") && registerVerbs[toks[j+1].w] {
		o.start = j + 2
		return o, true
	}
	return registerOpening{}, false
}

// possessiveOpening reads the rest of an opening whose country ends at
// token j before a possessive: "China's are", "Russia's 16 deals are",
// "The Netherlands' two deals are", and after another opening (continued)
// a bare possessive before a weapon, "France's Ground Master-400 radars".
func (a *analysis) possessiveOpening(o registerOpening, j int, continued bool) (registerOpening, bool) {
	toks := a.toks
	j = skipPossessive(toks, j)
	bare := j
	if j < len(toks) && isCountTok(toks[j]) {
		j++
	}
	if j < len(toks) && registerNouns[toks[j].w] {
		j++
	}
	if j < len(toks) && registerVerbs[toks[j].w] {
		o.start = j + 1
		return o, true
	}
	if continued && bare < len(toks) && a.itemAt[bare] >= 0 {
		o.start = bare
		return o, true
	}
	return registerOpening{}, false
}

// hasCountOpening reads the rest of an opening whose country ends at token
// j: "has" or "have" and a count, "Turkey has four", "Russia has 16 deals".
func (a *analysis) hasCountOpening(o registerOpening, j int) (registerOpening, bool) {
	toks := a.toks
	if j+1 < len(toks) && (toks[j].w == "has" || toks[j].w == "have") &&
		(numberWords[toks[j+1].w] > 0 && toks[j+1].w != "a" || toks[j+1].digit) {
		o.start = j + 2
		return o, true
	}
	return registerOpening{}, false
}

// isCountTok reports whether t is a count: a number word other than "a", or
// digits that are no year.
func isCountTok(t tok) bool {
	return numberWords[t.w] > 0 && t.w != "a" || t.digit && !isYearTok(t)
}

// dealOpeningAt reads the rest of an opening whose country ends at token
// j: "The United States has an open order: ...", "Ukraine follows with
// nine deals, mostly missiles".
func (a *analysis) dealOpeningAt(o registerOpening, j int) (registerOpening, bool) {
	switch {
	case a.tokIn(j, hasWords) && a.tokIn(j+1, oneWords):
		return a.oneDealOpening(o, j+2)
	case a.tokIn(j, sourceOpeners):
		return a.sourceOpening(o, j)
	case a.tokIn(j, followWords) && a.tokIn(j+1, withWord):
		return a.followsWithOpening(o, j+2)
	}
	return registerOpening{}, false
}

// tokIn reports whether token k exists and its word is in set.
func (a *analysis) tokIn(k int, set map[string]bool) bool {
	return k < len(a.toks) && set[a.toks[k].w]
}

// oneDealOpening reads the rest of "X has a[n open] order:" from token k,
// after "has a": an "open" makes what it lists ordered.
func (a *analysis) oneDealOpening(o registerOpening, k int) (registerOpening, bool) {
	if a.tokIn(k, openWords) {
		o.open = true
		k++
	}
	if a.tokIn(k, dealNouns) && a.tokIn(k+1, colonWord) {
		o.start = k + 2
		return o, true
	}
	return registerOpening{}, false
}

// sourceOpening reads the rest of an opening whose source opener ("is",
// "adds") is token j: "Czechia is the other European source of transport
// aircraft: two L-410 ...", "Russia adds the combat helicopters: 12
// Mi-35M". After "is", a source noun must come before the colon; an actor
// that is no group, a trigger that is no source noun, a comma or ";" ends
// the search, as do eight tokens.
func (a *analysis) sourceOpening(o registerOpening, j int) (registerOpening, bool) {
	toks := a.toks
	source := toks[j].w != "is"
	for k := j + 1; k < len(toks) && k <= j+8; k++ {
		if toks[k].w == ":" && source {
			o.start = k + 1
			return o, true
		}
		if a.actorAt[k] >= 0 && a.actors[a.actorAt[k]].kind != gazetteer.GroupMention ||
			a.trigAt[k] >= 0 && !sourceNouns[toks[k].w] || toks[k].w == "," || toks[k].w == ";" {
			break
		}
		source = source || sourceNouns[toks[k].w]
	}
	return registerOpening{}, false
}

// followsWithOpening reads the rest of "X follows with nine deals" from
// token k, after "follows with": a count and a deal noun.
func (a *analysis) followsWithOpening(o registerOpening, k int) (registerOpening, bool) {
	if k < len(a.toks) && isCountTok(a.toks[k]) && a.tokIn(k+1, dealNouns) {
		o.start = k + 2
		return o, true
	}
	return registerOpening{}, false
}

var (
	hasWords    = words("has have")
	oneWords    = words("a an one")
	colonWord   = words(":")
	followWords = words("follows follow")
	// sourceOpeners introduce a supplier's list after a colon: "X is the
	// only source of ...:" (with a source noun), "X adds ...:".
	sourceOpeners = words("is adds")
	sourceNouns   = words("source supplier seller exporter")
	withWord      = words("with")
)

// registerVerbs link a supplier's deals to what they are; registerNouns
// name the deals ("Russia's 16 deals are").
var (
	registerVerbs = words("are include")
	registerNouns = words("deals deal ones records")
)

// skipPossessive returns the token after the possessive ending at t ("'s",
// or "'" after a plural: "the Netherlands'").
func skipPossessive(toks []tok, t int) int {
	if t < len(toks) && toks[t].w == "'" {
		t++
		if t < len(toks) && toks[t].w == "s" {
			t++
		}
	}
	return t
}

// registerRelations reads the register stretches of the sentence (see
// registerOpenings) against the report's subject (one recipient), or
// against the countries a stretch says its weapons were delivered to
// ("China's include air defence systems and armed drones delivered to
// Turkmenistan and Uzbekistan"). Items stated as still open ("an open
// order for six PC-12", "the last of them not yet delivered") are ordered,
// the rest delivered.
func (a *analysis) registerRelations(subject []string) []relation {
	opens := a.registerOpenings()
	var out []relation
	for i, o := range opens {
		end := len(a.toks)
		if i+1 < len(opens) {
			end = opens[i+1].at
		}
		recs, itemsEnd := a.deliveredTo(o.start, end)
		if recs == nil {
			if len(subject) != 1 {
				continue
			}
			recs = subject
		}
		for _, rec := range recs {
			if rec == o.sup {
				continue
			}
			rels := a.registerItems(o.sup, rec, o.start, itemsEnd)
			for i := range rels {
				if o.open && rels[i].Status == bot.StatusDelivered {
					rels[i].Status = bot.StatusOrdered
				}
			}
			out = append(out, rels...)
		}
	}
	return out
}

// deliveredTo returns the countries of a "to" list right after a delivery
// word in [s, e) ("... delivered to Turkmenistan and Uzbekistan") and the
// token of that word, or nil and e.
func (a *analysis) deliveredTo(s, e int) ([]string, int) {
	for t := s; t+1 < e; t++ {
		if !plainDelivery[a.toks[t].w] || a.toks[t+1].w != "to" || a.notDoneBefore(t) {
			continue
		}
		if t+2 >= e || a.listAt[t+2] < 0 {
			return nil, e
		}
		l := a.listAt[t+2]
		var recs []string
		for _, m := range a.lists[l].members {
			ac := &a.actors[m]
			if !ac.drop && ac.kind != gazetteer.GroupMention && len(ac.countries) == 1 {
				recs = append(recs, ac.countries[0])
			}
		}
		return recs, t
	}
	return nil, e
}

// registerItems returns sup -> rec relations for the weapons listed in
// [s, e) of a register stretch.
func (a *analysis) registerItems(sup, rec string, s, e int) []relation {
	var out []relation
	for it := range a.items {
		x := &a.items[it]
		if x.org || x.ti < s || x.ti >= e || x.arms && x.system == "" {
			continue
		}
		if a.purpose(x.ti) && !a.dealFor(x.ti) || a.hostOfPart(it) {
			continue // "all engines for the C-295s from Spain": what the parts are for
		}
		if a.ownedByOther(it, sup, rec) {
			continue // "... and South Africa three (Marauder and Mbombe-6 vehicles)"
		}
		r := relation{pos: x.ti, supInferred: false, recInferred: true}
		r.Supplier, r.Recipient = sup, rec
		r.System, r.Category = x.system, x.category
		r.Status, r.Kind, r.Inferred = a.registerStatus(it), bot.KindSale, true
		r.madeIn = madeIn(x.canon)
		out = append(out, r)
	}
	return out
}

// dealFor reports whether the item at token t is what a deal is for: "an
// open order for six PC-12 aircraft", "two deals, both for Ground
// Master-400 radars".
func (a *analysis) dealFor(t int) bool {
	for j := t - 1; j > 0 && j >= t-4; j-- {
		if a.toks[j].w == "for" {
			return dealNouns[a.toks[j-1].w] || dealQuantifiers[a.toks[j-1].w]
		}
	}
	return false
}

// dealQuantifiers stand for the deals just counted: "two deals, both for".
var dealQuantifiers = words("both all each")

// registerStatus is ordered when the item is named as an open order or
// followed, before the next item, by "not yet delivered"; else delivered.
func (a *analysis) registerStatus(it int) bot.Status {
	x := &a.items[it]
	if a.itemOrderedAfter(it) {
		return bot.StatusOrdered // "US F-16s that it ordered in 2019" (rd12rrules.go)
	}
	if a.detailsDelivery(x.ti) {
		return bot.StatusDelivered
	}
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
		if plainDelivery[a.toks[j].w] && !a.notDoneBefore(j) {
			// "(Bayraktar TB2, Akinci and Aksungur delivered from 2021 to
			// 2023, and an open order for the Anka)": the open order is the Anka's.
			return bot.StatusDelivered
		}
		switch a.toks[j].w {
		case "last":
			last = true
		case "yet", "pending", "open":
			if j+2 < len(a.toks) && dealNouns[a.toks[j+1].w] && a.toks[j+2].w == "for" {
				return bot.StatusDelivered // "..., and an open order for six PC-12": the PC-12's
			}
			if !(last && otherItem) {
				return bot.StatusOrdered
			}
		}
	}
	return bot.StatusDelivered
}

// detailsDelivery reports whether the item at token t sits in a
// parenthesis that details a delivery stated just before it: "armoured
// vehicles given as aid and delivered in 2015 (M-ATV, MaxxPro, ...)". The
// parenthesis takes that status, whatever follows it.
func (a *analysis) detailsDelivery(t int) bool {
	open := a.enclosingParen(t)
	if open < 0 {
		return false
	}
	for j := open - 1; j >= 0 && j >= open-4; j-- {
		w := a.toks[j].w
		if w == "," || w == ";" || w == ":" || a.itemAt[j] >= 0 {
			return false
		}
		if plainDelivery[w] {
			return !a.notDoneBefore(j)
		}
	}
	return false
}

// notDoneBefore reports whether a word that leaves a delivery undone
// ("not yet", "to be", "due") stands just before token t.
func (a *analysis) notDoneBefore(t int) bool {
	for b := t - 1; b >= 0 && b >= t-3; b-- {
		if notDoneYet[a.toks[b].w] {
			return true
		}
	}
	return false
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

// madeByItems returns sup -> rec relations for the designated weapons in
// [s, e) when each is known to be made by sup; nil otherwise. Kinds of
// weapon with no designation ("artillery", "rocket launchers") are
// neither checked nor read.
func (a *analysis) madeByItems(sup, rec string, s, e int) []relation {
	var out []relation
	for t := s; t < e; t++ {
		it := a.itemAt[t]
		if it < 0 || a.items[it].org || a.items[it].ti != t {
			continue
		}
		if a.hostFor(t, s) || a.ownedByOther(it, sup, rec) {
			continue // "missiles that SIPRI notes were for the Wing Loong-2"
		}
		made := madeIn(a.items[it].canon)
		if len(made) == 0 {
			continue // a kind of weapon ("rocket launchers", "artillery"): no maker to check
		}
		if made[0] != sup {
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

// dealNouns name what an item after "for" is the object of: "an open
// order for the Anka", "a contract for 12 Su-30SM".
var dealNouns = words("order orders deal deals contract contracts request requests tender agreement")

// hostFor reports whether the item at token t follows a "for" at or after
// token s that says what another weapon is for ("missiles that were for
// the Wing Loong-2"), not what a deal covers ("an open order for the
// Anka") nor a listed supplier's opening ("Spain for C-295 aircraft",
// before s).
func (a *analysis) hostFor(t, s int) bool {
	for j := t - 1; j >= s && j >= t-4; j-- {
		if a.toks[j].w == "for" {
			return j == 0 || !dealNouns[a.toks[j-1].w]
		}
		if a.listAt[j] >= 0 || a.itemAt[j] >= 0 || a.toks[j].w == "," || a.toks[j].w == "and" {
			return false
		}
	}
	return false
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
	// A count of deals ("Kyrgyzstan has 15, ...") is a summary too.
	if !a.isSummary() && len(a.registerOpenings()) == 0 {
		return nil
	}
	var out []relation
	for it := range a.items {
		x := &a.items[it]
		if x.org || x.arms {
			continue
		}
		made := madeIn(x.canon)
		sup := a.namingCountry(it)
		if sup == "" || len(made) > 0 && made[0] != sup || len(made) == 0 && !a.originOnly(it) {
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

// originOnly reports whether item it is a kind of weapon with no
// designation that an origin adjective qualifies ("Turkish drones"): the
// adjective is all the text says of its maker, and is taken as the
// supplier's.
func (a *analysis) originOnly(it int) bool {
	x := &a.items[it]
	return x.canon == "" && x.system == "" && len(x.origins) == 1 && x.owner < 0 && !x.madeOrig
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
		if ac.list >= 0 && a.lists[ac.list].prep != "" {
			continue // "bought R-73 missiles from Russia for its MiG-29s": a source, not a listed supplier
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

// colonListRelations reads a destination list after a colon: "Turkish
// armed UAVs went to four of the five states: Bayraktar TB2s to Kyrgyzstan
// (three, delivered in 2021 and 2022), Turkmenistan (three, 2021) and
// Uzbekistan (four, 2023); Akinci and Aksungur drones to Kyrgyzstan; and
// Anka drones to Kazakhstan (...)". The supplier is the one country that
// qualifies the weapon before the colon, the verb there says the weapons
// went or were delivered; after the colon each ";" group gives its
// weapons to its own "to" list and the countries listed after it, each
// with the years of its own parenthesis.
func (a *analysis) colonListRelations() []relation {
	colon := -1
	for t, tk := range a.toks {
		if tk.w == ":" {
			colon = t
			break
		}
	}
	if colon < 0 {
		return nil
	}
	sup := a.colonSupplier(colon)
	if sup == "" {
		return nil
	}
	var out []relation
	start := colon + 1
	for start < len(a.toks) {
		end := start
		for end < len(a.toks) && a.toks[end].w != ";" {
			end++
		}
		out = append(out, a.colonGroup(sup, start, end)...)
		start = end + 1
	}
	return out
}

// wentWords say, before the colon, that the weapons went somewhere.
var wentWords = words("went delivered supplied exported sent shipped")

// colonSupplier returns the one country that qualifies a weapon before
// the colon at token colon ("Turkish armed UAVs went to ..."), when a
// word there says the weapons went; "" otherwise.
func (a *analysis) colonSupplier(colon int) string {
	went, sup := false, ""
	for t := 0; t < colon; t++ {
		went = went || wentWords[a.toks[t].w]
		k := a.actorAt[t]
		if k < 0 || a.actors[k].ti != t {
			continue
		}
		ac := &a.actors[k]
		if len(ac.countries) != 1 || ac.kind == gazetteer.GroupMention {
			return ""
		}
		next := ac.tj
		if next < colon && a.itemAt[next] < 0 && next+1 < colon {
			next++ // "Turkish armed UAVs"
		}
		if next >= colon || a.itemAt[next] < 0 || sup != "" && sup != ac.countries[0] {
			return ""
		}
		sup = ac.countries[0]
	}
	if !went {
		return ""
	}
	return sup
}

// colonGroup reads one ";" group [s, e) of a colon list: the weapons
// before its "to" list go to that list and to the countries listed after
// it, not to any other.
func (a *analysis) colonGroup(sup string, s, e int) []relation {
	to := -1
	for li := range a.lists {
		if l := &a.lists[li]; l.ti >= s && l.ti < e && l.prep == "to" && l.pron == "" {
			to = li
			break
		}
	}
	if to < 0 {
		return nil
	}
	var items []int
	for _, it := range a.itemsIn(s, a.lists[to].ti) {
		if x := &a.items[it]; x.system != "" && a.closingParen(x.ti) < 0 && !a.notMadeBy(it, sup) {
			items = append(items, it)
		}
	}
	if len(items) == 0 {
		return nil
	}
	var out []relation
	for li := to; li < len(a.lists) && a.lists[li].ti < e; li++ {
		l := &a.lists[li]
		if li > to && (l.prep != "" || l.pron != "" || a.closingParen(l.ti) >= 0) {
			break
		}
		for _, m := range l.members {
			ac := &a.actors[m]
			if ac.drop || len(ac.countries) != 1 || ac.kind == gazetteer.GroupMention || ac.countries[0] == sup {
				continue
			}
			for _, it := range items {
				r := relation{pos: ac.ti, madeIn: madeIn(a.items[it].canon)}
				r.Supplier, r.Recipient = sup, ac.countries[0]
				r.System, r.Category = a.items[it].system, a.items[it].category
				r.Status, r.Kind = bot.StatusDelivered, bot.KindSale
				r.Years = a.parenYears(l.tj)
				out = append(out, r)
			}
		}
	}
	return out
}

// notMadeBy reports whether the lexicon names a maker of item it other
// than sup.
func (a *analysis) notMadeBy(it int, sup string) bool {
	m := madeIn(a.items[it].canon)
	return len(m) > 0 && !slices.Contains(m, sup)
}

// parenYears returns the years of a parenthesis that opens at token t,
// nil when none opens there.
func (a *analysis) parenYears(t int) []int {
	if t >= len(a.toks) || a.toks[t].w != "(" {
		return nil
	}
	end := a.closingParen(t + 1)
	if end < 0 {
		return nil
	}
	return a.yearsIn(t+1, end)
}

// anaphorWords open a sentence about the deals of the sentence before:
// "They cover combat aircraft such as the Su-30SM", "Those four deals
// cover 159 M-ATV APCs", "Most are second-hand equipment given as aid".
var (
	anaphorWords = words("they these those most all both")
	coverWords   = words("cover covers include includes are")
)

// anaphoricRegisterRelations reads a sentence that lists what the deals of
// the previous sentence cover, when that sentence names one supplier
// ("Russia leads with 43 deals. They cover ...", "Four of the American
// deals are aid deals. Those four deals cover ..."): that supplier to the
// report's one subject. Weapons the lexicon says another country makes are
// left out.
func (a *analysis) anaphoricRegisterRelations(prev *analysis, subject []string) []relation {
	if prev == nil || len(subject) != 1 || len(a.actors) > 0 {
		return nil
	}
	start := a.anaphoricOpening()
	if start < 0 {
		return nil
	}
	sup := prev.onlyCountryBut(subject[0])
	if sup == "" {
		return nil
	}
	var out []relation
	for _, r := range a.registerItems(sup, subject[0], start, len(a.toks)) {
		if len(r.madeIn) > 0 && !slices.Contains(r.madeIn, sup) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// anaphoricOpening returns the token after "They cover", "Those four deals
// cover", or -1.
func (a *analysis) anaphoricOpening() int {
	toks := a.toks
	if len(toks) == 0 || !anaphorWords[toks[0].w] {
		return -1
	}
	j := 1
	if j < len(toks) && (numberWords[toks[j].w] > 0 && toks[j].w != "a" || toks[j].digit && !isYearTok(toks[j])) {
		j++
	}
	if j < len(toks) && registerNouns[toks[j].w] {
		j++
	}
	if j < len(toks) && coverWords[toks[j].w] {
		return j + 1
	}
	return -1
}

// onlyCountryBut returns the one country, other than but, that the
// sentence names (by name or demonym), "" when none or several.
func (a *analysis) onlyCountryBut(but string) string {
	found := ""
	for k := range a.actors {
		ac := &a.actors[k]
		if ac.kind == gazetteer.GroupMention || len(ac.countries) != 1 || ac.countries[0] == but {
			continue
		}
		if found != "" && found != ac.countries[0] {
			return ""
		}
		found = ac.countries[0]
	}
	return found
}

// sharedCountRelations reads "Spain and Canada have one each, for four
// C-295 transport aircraft and their engines": suppliers listed with a
// shared count, then weapons. A weapon goes to the subject from the listed
// country that makes it by the lexicon; when that leaves one country and
// one weapon of no known maker, they go together (Canada's engines);
// otherwise weapons of no known maker are left out.
func (a *analysis) sharedCountRelations(subject []string) []relation {
	if len(subject) != 1 || len(a.toks) < 4 || a.listAt[0] < 0 {
		return nil
	}
	l := &a.lists[a.listAt[0]]
	if l.prep != "" || len(l.members) < 2 || l.tj+2 >= len(a.toks) ||
		!hasWords[a.toks[l.tj].w] || !isCount(a.toks[l.tj+1]) || a.toks[l.tj+2].w != "each" {
		return nil
	}
	listed := map[string]bool{}
	for _, m := range l.members {
		if c := a.countryAt(a.actors[m].ti); c != "" {
			listed[c] = true
		}
	}
	var out []relation
	var unmade []int
	for _, it := range a.itemsIn(l.tj+3, len(a.toks)) {
		x := &a.items[it]
		made := madeIn(x.canon)
		if len(made) == 0 && !x.arms && !a.hostOfPart(it) {
			unmade = append(unmade, it)
		}
		if len(made) == 0 || !listed[made[0]] || made[0] == subject[0] || a.hostOfPart(it) {
			continue
		}
		delete(listed, made[0])
		out = append(out, a.sharedItem(made[0], subject[0], it))
	}
	// "..., for four C-295 transport aircraft and their engines": one
	// country left and one weapon of no known maker left go together.
	if len(listed) == 1 && len(unmade) == 1 && len(out) > 0 {
		for c := range listed {
			if c != subject[0] {
				out = append(out, a.sharedItem(c, subject[0], unmade[0]))
			}
		}
	}
	return out
}

// sharedItem returns sup -> rec for item it of a shared count.
func (a *analysis) sharedItem(sup, rec string, it int) relation {
	x := &a.items[it]
	r := relation{pos: x.ti, recInferred: true, madeIn: madeIn(x.canon)}
	r.Supplier, r.Recipient = sup, rec
	r.System, r.Category = x.system, x.category
	r.Status, r.Kind, r.Inferred = a.registerStatus(it), bot.KindSale, true
	return r
}

// isCount reports whether t is a count: "one", "six", "12" (not a year).
func isCount(t tok) bool {
	return numberWords[t.w] > 0 && t.w != "a" || t.digit && !isYearTok(t)
}
