package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot/gazetteer"
)

// analysis holds everything read from one sentence.
type analysis struct {
	ex       *Extractor
	text     string
	bodyFrom int // byte offset of the text after a dateline (0 when none)
	// noDenial: the sentence's negations deny no report: an object opened
	// by "no" ("bought no Russian arms") or advice ("should not buy");
	// its denied relations are dropped (dropAbsences).
	noDenial bool
	hedge    uint8 // hedged, once known: 0 unknown, 1 no, 2 yes
	ctx      *Context
	toks     []tok

	actorAt, itemAt, trigAt, listAt, clauseAt []int

	actors  []actor
	items   []item
	trigs   []trig
	lists   []alist
	clauses []clause
	years   []yearMention
	frames  []*frame

	denyAt     []bool // a denial governs the token
	falseAfter []bool // the claim is called false later in the sentence

	res resolved

	topic int // "Kazakhstan: China delivered ...": the list before a leading colon, -1
	// weapon is the weapon the report's last sentences are about, nil if
	// none (see weaponTopic).
	weapon *weaponTopic

	hasLic     bool // a licensed-production cue somewhere in the sentence
	hasTrend   bool // a market-trend verb ("grew")
	noEvidence int  // token of "no evidence that", -1
}

// maxBytes bounds the part of a sentence that is read: a longer sentence is
// read up to a rune boundary near maxBytes (its evidence is still the whole
// sentence). The token bound applies as well.
const maxBytes = 32 << 10

func newAnalysis(ex *Extractor, text string, ctx *Context) *analysis {
	if len(text) > maxBytes {
		cut := maxBytes
		for cut > maxBytes-utf8.UTFMax && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	a := &analysis{ex: ex, text: text, ctx: ctx, noEvidence: -1, topic: -1}
	a.toks = tokenize(text)
	n := len(a.toks)
	buf := make([]int, 5*n)
	for i := range buf {
		buf[i] = -1
	}
	a.actorAt, a.itemAt, a.trigAt, a.listAt, a.clauseAt = buf[:n], buf[n:2*n], buf[2*n:3*n], buf[3*n:4*n], buf[4*n:]
	a.findActors()
	a.findItems()
	a.namedShips()
	a.placeMakers()
	a.scanCues()
	a.scanLicensorCue()
	a.findTriggers()
	a.rd10Triggers()
	a.rd12rTriggers()
	a.rd13Triggers()
	a.addRefusedReceipt()
	a.dropAbilityInfinitives()
	a.dropAttributiveNouns()
	a.classifyActors()
	a.markCounterfactuals()
	a.buildLists()
	a.findClauses()
	a.findYears()
	a.buildFrames()
	return a
}

// scanCues sets sentence-wide flags.
func (a *analysis) scanCues() {
	toks := a.toks
	for i := 0; i < len(toks); i++ {
		if !toks[i].word {
			continue
		}
		if _, n := licPhrases.match(toks, i); n > 0 && !(i > 0 && toks[i-1].w == "export") &&
			!(i+1 < len(toks) && (toks[i+1].w == "for" || toks[i+1].w == "to") && toks[i].w == "licensed") {
			a.hasLic = true
		}
		if trendWords[toks[i].w] {
			a.hasTrend = true
		}
		if _, n := noEvidence.match(toks, i); n > 0 && a.noEvidence < 0 {
			a.noEvidence = i
		}
	}
}

// verbAfter reports whether a finite verb follows token t ("the UAE is
// following", "Kazakhstan has bought"): the actor before it is a subject.
func (a *analysis) verbAfter(t int) bool {
	if t >= len(a.toks) {
		return false
	}
	switch a.toks[t].w {
	case "is", "are", "was", "were", "has", "have", "had", "will", "would", "said", "says":
		return true
	}
	return false
}

// transferVerbAfter reports whether a verb of transfer follows token t,
// past an adverb ("Myanmar also received").
func (a *analysis) transferVerbAfter(t int) bool {
	if t < len(a.toks) && (adverbs[a.toks[t].w] || a.lyAdverb(t)) {
		t++
	}
	return t < len(a.toks) && a.trigAt[t] >= 0 && !a.trigs[a.trigAt[t]].noun
}

// afterPreposition reports whether the word before token t is a
// preposition that governs a party ("from China and Myanmar ...").
func (a *analysis) afterPreposition(t int) bool {
	if t == 0 {
		return false
	}
	switch a.toks[t-1].w {
	case "from", "to", "by", "with", "for":
		return true
	}
	return false
}

// buildLists joins actors into lists and finds the preposition that governs
// each list; it also adds pronoun lists.
func (a *analysis) buildLists() {
	a.actorLists()
	a.pronounLists()
	sortLists(a.lists)
	a.indexLists()
	a.markPlaceLists()
}

// actorLists joins adjacent actors separated only by commas and
// conjunctions into lists ("Kazakhstan, Kyrgyzstan and Uzbekistan").
func (a *analysis) actorLists() {
	for k := 0; k < len(a.actors) && len(a.lists) < maxLists; {
		if a.actors[k].drop {
			k++
			continue
		}
		l, n := a.gatherList(k)
		for _, m := range l.members {
			a.actors[m].list = len(a.lists)
		}
		a.lists = append(a.lists, l)
		k = n
	}
}

// gatherList collects the list that actor k opens; n is the first actor
// after it.
func (a *analysis) gatherList(k int) (l alist, n int) {
	ac := &a.actors[k]
	l = alist{ti: ac.ti, tj: ac.tj, members: []int{k}}
	end := a.skipAside(a.actorEnd(k))
	n = k + 1
	for n < len(a.actors) {
		nx := &a.actors[n]
		if nx.drop || !a.separatorsOnly(end, nx.ti) || (nx.origin >= 0) != (ac.origin >= 0) {
			break
		}
		if a.opensNewClause(k, n, end) {
			break
		}
		l.members = append(l.members, n)
		l.tj = nx.tj
		end = a.skipAside(a.actorEnd(n))
		n++
	}
	return l, n
}

// opensNewClause reports whether actor n, after separators that follow
// the list actor k opened (ending at token end), starts something of its
// own instead of joining the list.
func (a *analysis) opensNewClause(k, n, end int) bool {
	toks := a.toks
	ac := &a.actors[k]
	nx := &a.actors[n]
	if end < nx.ti && hasComma(toks[end:nx.ti]) && nx.org && nx.kind == gazetteer.DemonymMention && ac.kind != gazetteer.DemonymMention {
		return true // "to Kyrgyzstan, the Kyrgyz border service said"; not "Indian, Algerian and Azerbaijani militaries"
	}
	if end < nx.ti && hasComma(toks[end:nx.ti]) && a.verbAfter(a.actorEnd(n)) {
		return true // "built by Dassault Aviation, the UAE is following": a new subject
	}
	if a.transferVerbAfter(a.actorEnd(n)) && (hasComma(toks[end:nx.ti]) || a.afterPreposition(ac.ti)) {
		// "bought submarines from China, and Myanmar received one
		// from India": Myanmar opens a clause of its own.
		return true
	}
	if end+1 < nx.ti && toks[end].w == "," && toks[end+1].w == "and" && a.finiteVerbAt(a.runEnd(n)) {
		return true // "delivered radars to Turkmenistan, and Kazakhstan and Uzbekistan held talks": a new clause
	}
	if a.gappedAfterAndList(k, n, end) {
		return true // "to Serbia and Myanmar, and Beijing JF-17s to Nigeria": a gapped conjunct
	}
	if end < nx.ti && hasComma(toks[end:nx.ti]) && a.placeThenSubject(ac.ti, a.skipAllies(a.actorEnd(n))) {
		return true // "After the coup in Niamey, Washington froze": a place, then the subject
	}
	return false
}

// runEnd returns the token after the run of actors from actor n joined
// only by separators ("Kazakhstan, Kyrgyzstan and Uzbekistan").
func (a *analysis) runEnd(n int) int {
	end := a.actorEnd(n)
	for m := n + 1; m < len(a.actors) && !a.actors[m].drop && a.separatorsOnly(end, a.actors[m].ti); m++ {
		end = a.actorEnd(m)
	}
	return end
}

// finiteVerbAt reports whether token t looks like a finite verb that
// opens a predicate: an auxiliary, a transfer verb, a past form in -ed or
// a common irregular past ("held", "took").
func (a *analysis) finiteVerbAt(t int) bool {
	if t >= len(a.toks) {
		return false
	}
	switch w := a.toks[t].w; {
	case a.verbAfter(t), beForms[w], haveForms[w], w == "will", w == "would", w == "also", w == "then":
		return true
	}
	if k := a.trigAt[t]; k >= 0 {
		return a.trigs[k].spec.form != fNoun && a.trigs[k].spec.form != fIng
	}
	w := a.toks[t].w
	if a.actorAt[t] >= 0 || a.itemAt[t] >= 0 || !a.toks[t].word {
		return false
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed") || irregularPast[w]
}

// irregularPast are common irregular past forms that open a predicate.
var irregularPast = words("held took made gave sold bought got won began sought met kept said told saw chose went")

// pronounLists adds lists for pronouns standing for countries: "it", "its",
// "the country", and relative words after a comma.
func (a *analysis) pronounLists() {
	toks := a.toks
	for i := 0; i < len(toks) && len(a.lists) < maxLists; i++ {
		w := toks[i].w
		switch {
		case w == "it" || w == "its" || w == "itself":
			a.lists = append(a.lists, alist{ti: i, tj: i + 1, pron: w})
		case (w == "country" || w == "nation") && i > 0 && toks[i-1].w == "the":
			a.lists = append(a.lists, alist{ti: i - 1, tj: i + 1, pron: "it"})
		case relWords[w] && i > 0 && toks[i-1].w == ",":
			a.lists = append(a.lists, alist{ti: i, tj: i + 1, pron: w})
		}
	}
}

// indexLists marks a sentence-initial list before ":" as the topic, points
// listAt and the members at each list, and finds each list's preposition.
func (a *analysis) indexLists() {
	toks := a.toks
	if len(a.lists) > 0 && a.lists[0].ti == 0 && a.lists[0].pron == "" && a.lists[0].tj < len(toks) &&
		toks[a.actorEnd(a.lists[0].members[len(a.lists[0].members)-1])].w == ":" {
		a.topic = 0
	}
	for li := range a.lists {
		l := &a.lists[li]
		for t := l.ti; t < l.tj; t++ {
			a.listAt[t] = li
		}
		for _, m := range l.members {
			a.actors[m].list = li
		}
		a.findPrep(l)
		if l.pron == "" && l.ti >= 2 && l.tj < len(toks) && toks[l.ti-1].w == "like" && toks[l.ti-2].w == "," && toks[l.tj].w == "," {
			l.place, l.prep = true, "place" // "Morocco, like Algeria, buys ...": an aside, as "unlike Algeria"
		}
	}
}

func sortLists(ls []alist) {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && ls[j].ti < ls[j-1].ti; j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
}

// actorEnd is the token after an actor, past a possessive "'s".
func (a *analysis) actorEnd(k int) int {
	ac := &a.actors[k]
	if !ac.poss {
		return ac.tj
	}
	if ac.tj+1 < len(a.toks) && a.toks[ac.tj+1].w == "s" {
		return ac.tj + 2
	}
	return ac.tj + 1
}

func hasComma(ts []tok) bool {
	for _, t := range ts {
		if t.w == "," {
			return true
		}
	}
	return false
}

// separatorsOnly reports whether the tokens in [s, e) only join list members.
func (a *analysis) separatorsOnly(s, e int) bool {
	if e-s > 4 {
		return false
	}
	as, well := false, false
	for t := s; t < e; t++ {
		switch a.toks[t].w {
		case ",", "and", "or", "the", "both", "nor", "either":
		case "as":
			as = true
		case "well":
			well = true
		default:
			return false
		}
	}
	// "as well as" joins; a lone "as" does not ("China has overtaken
	// Russia as Turkmenistan's main supplier").
	return !as || well
}

// licensedNear reports whether the production word at j is licensed or
// local assembly ("assembled in Kazakhstan", "produced under licence in"):
// the place named after it is the licensee, not the maker.
func (a *analysis) licensedNear(j int) bool {
	if a.toks[j].w == "assembled" {
		return true
	}
	for k := j; k >= 0 && k >= j-6; k-- {
		if _, n := licPhrases.match(a.toks, k); n > 0 && a.toks[k].w != "assembly" {
			return true
		}
	}
	return false
}

var builtWords = words("built made produced manufactured assembled designed developed constructed")

// fundWords before "by" name who paid: "a deal financed by the United States".
var fundWords = words("financed funded paid sponsored bankrolled")

// appositionNouns stand between an alliance and its member: "NATO ally
// Turkey", "EU member Poland".
var appositionNouns = words("ally allies member members partner partners")

var govWords = words("government authorities regime leadership administration")

var listOrgMods = words("air border armed national special coast defence defense naval land ground security " +
	"interior state operations operation rapid reaction response internal federal presidential republican")

// findPrep finds the preposition governing list l by reading leftwards past
// determiners, quantifiers and "the air forces of".
func (a *analysis) findPrep(l *alist) {
	j := a.prepIndex(l.ti)
	if j < 0 {
		return
	}
	a.setPrep(l, j)
}

// prepIndex returns the token before a list starting at ti once
// determiners, quantifiers, an alliance in apposition ("to NATO ally
// Turkey") and "the air forces of" are skipped; -1 at the sentence start.
func (a *analysis) prepIndex(ti int) int {
	toks := a.toks
	j := ti - 1
	for j >= 0 {
		w := toks[j].w
		switch {
		case skipBeforeActor[w] || toks[j].digit && !isYearTok(toks[j]):
			j--
			continue
		case appositionNouns[w] || a.actorAt[j] >= 0 && a.actors[a.actorAt[j]].drop && organisations[a.actors[a.actorAt[j]].group]:
			j-- // "to NATO ally Turkey": the alliance and its noun stand aside
			continue
		case w == "of" && j > 2 && (toks[j-1].w == "defence" || toks[j-1].w == "defense") && toks[j-2].w == "of" && orgNouns[toks[j-3].w]:
			j -= 4 // "the Ministry of Defence of the Republic of Uzbekistan"
			continue
		case w == "of" && j > 0 && (orgNouns[toks[j-1].w] || skipBeforeActor[toks[j-1].w]):
			j--
			for j >= 0 && (orgNouns[toks[j].w] || listOrgMods[toks[j].w]) {
				j--
			}
			continue
		}
		break
	}
	return j
}

// setPrep sets list l's preposition from the word at j and what it implies:
// a place, a source ("according to"), an exception, a maker ("built in"),
// a payer ("financed by").
func (a *analysis) setPrep(l *alist, j int) {
	w := a.toks[j].w
	prev := a.wordBefore(j)
	if w == "by" && fundWords[prev] {
		l.place = true // "financed by the United States": a payer, not a party
		return
	}
	switch {
	case placeWords[w]:
		l.place = true
		l.prep = "place"
	case w == "to" && prev == "according":
		l.place = true
		l.prep = "src"
	case exceptionWord(w, prev):
		l.except = true
		l.prep = "except"
	case w == "in" && govWords[prev]:
		l.prep = ""
	case (w == "in" || w == "of") && a.stockSource(j):
		l.prep = "from" // "from surplus inventories in the Netherlands and Germany"
	case stanceBefore(w, prev):
		l.place = true
		l.prep = "stance"
	case (w == "in" || w == "by") && builtWords[prev] && !a.licensedNear(j-1) && !a.underLicenceAfter(l.tj-1):
		l.prep = w
		l.builtIn = true
	case preps[w]:
		l.prep = w
		if placePreps[w] || w == "than" || w == "to" && placeWords[prev] {
			l.place = true
		}
	}
}

// stockNouns hold a country's spare equipment.
var stockNouns = words("stocks stock inventories inventory reserves reserve stockpiles stockpile arsenal arsenals holdings surplus surpluses")

// stockSource reports whether the "in" or "of" at j follows a stock noun
// that "from" governs, over at most three modifiers: "from surplus
// inventories in", "from the army stocks of".
func (a *analysis) stockSource(j int) bool {
	if j < 2 || !stockNouns[a.toks[j-1].w] {
		return false
	}
	for k := j - 2; k >= 0 && k >= j-5; k-- {
		switch w := a.toks[k].w; {
		case w == "from":
			return true
		case !a.toks[k].word || a.actorAt[k] >= 0 || a.trigAt[k] >= 0:
			return false
		}
	}
	return false
}

// stanceBefore reports whether the preposition w after the word prev
// names a country that takes a stance or stands in some relation, no side
// of a transfer: "despite objections from Azerbaijan", "under pressure
// from Washington" (who objects or presses supplies nothing); "straining
// relations with European allies", "the war with Ukraine", "stiff
// competition from Brazil's Embraer", "friendly to Israel".
func stanceBefore(w, prev string) bool {
	switch w {
	case "from", "by":
		return stanceNouns[prev] || w == "from" && bearingNouns[prev]
	case "with", "against", "to":
		return bearingNouns[prev]
	}
	return false
}

// wordBefore returns the word before token j, or "" at the start.
func (a *analysis) wordBefore(j int) string {
	if j > 0 {
		return a.toks[j-1].w
	}
	return ""
}

// exceptionWord reports whether w, after the word prev, leaves the list
// out: "apart from", "except", "excluding", "all but", and ", not"
// ("Kazakhstan, not Turkmenistan, got ...").
func exceptionWord(w, prev string) bool {
	switch w {
	case "except", "excluding":
		return true
	case "from":
		return prev == "apart"
	case "but":
		return prev == "all"
	case "not":
		return prev == ","
	}
	return false
}

var haveForms = words("has have had")

// stanceNouns name what a country says or does about a deal, not a part
// in it, when "from" or "by" names the country.
// bearingNouns (and adjectives) name how states stand to each other,
// before "with", "from", "against" or "to": the country after them is no
// party.
var bearingNouns = words("relations relationship ties tension tensions war wars conflict conflicts clashes fighting " +
	"competition competitor competitors rivalry rival rivals dispute disputes confrontation standoff friction " +
	"hostilities rift feud friendly hostile")

var stanceNouns = words("objection objections protest protests criticism opposition complaint complaints " +
	"pressure warning warnings concern concerns condemnation threat threats resistance veto appeals appeal " +
	"calls call demands demand")
