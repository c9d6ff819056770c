package extract

import (
	"github.com/briefbot/briefbot/bot"
)

// frame is one transfer event read around a trigger.
type frame struct {
	t        int   // main trigger
	absorbed []int // triggers folded into it ("signed a contract to supply")
	spec     trigSpec
	start    int // first token of the frame: its earliest trigger
	ti, tj   int // main trigger tokens [ti, tj), like every token range here
	clause   int
	readFrom int // the frame reads lists and items in [readFrom, start) and [tj, readTo)
	readTo   int
	ys, ye   int // years are read in [ys, ye); the clause unless gapped
	gapped   bool

	status bot.Status
	kind   bot.Kind
	denied bool
	neg    bool // negated ("had not received")
	// unconfirmed: a speaker will not confirm the transfer ("has not
	// confirmed the sale of", "... has not been confirmed"); it gives nothing.
	unconfirmed bool

	anaphor  bool // the object is "them", "ones", "four more"
	newBatch bool // "four more": a new batch of the same weapon
	ordered  bool // delivered by a later word of the sentence, ordered by its trigger

	rsups, rrecs []roleParty // the parties found
	items        []int       // the weapons transferred
	groups       []group
	implicit     bool // an "X-made W of Y" frame without a trigger
	modalPlan    bool // "could", "may": too weak to infer a missing side
	willOnly     bool // ordered only by "will" (see willPlans)
}

// party is one side of a transfer as read from the sentence or its context.
type party struct {
	countries []string
	group     string
	pos       int  // token, for ordering
	inferred  bool // from the context
	// hostMaker says an inferred recipient is the lexicon's maker of the
	// weapon a part is for ("gas turbines for the Tarantul boats").
	hostMaker bool
}

// group is a set of relations of a frame that share weapons and years.
type group struct {
	sups, recs []party
	items      []int
	s, e       int // token span for years
}

// buildFrames turns triggers into frames: triggers absorbed by the next
// ("a contract for the delivery of") join its frame, those that only
// qualify a transfer verb are dropped, and each frame gets its reading span,
// status, conditions and kind.
func (a *analysis) buildFrames() {
	absorbedInto := a.absorptions()
	a.dropQualifiers(absorbedInto)
	a.makeFrames(absorbedInto)
	a.markDenials()
	a.markFalse()
	a.markAid()
	a.frameSpans()
	a.rd14rFrames()
	a.pnounFrames()
	a.plistFrames()
	a.gapping()
}

// absorptions returns, per trigger, the trigger that absorbs it (the next
// one of its clause), or -1.
func (a *analysis) absorptions() []int {
	absorbedInto := make([]int, len(a.trigs))
	for i := range absorbedInto {
		absorbedInto[i] = -1
	}
	for i := 0; i < len(a.trigs); i++ {
		A := &a.trigs[i]
		if A.drop || i+1 >= len(a.trigs) {
			continue
		}
		B := &a.trigs[i+1]
		if B.drop || a.clauseAt[A.ti] != a.clauseAt[B.ti] {
			// a dropped trigger absorbs nothing: "sold the export version"
			continue
		}
		if a.absorbs(A, B) {
			absorbedInto[i] = i + 1
		}
	}
	return absorbedInto
}

// dropQualifiers drops the light and nominal triggers after a transfer
// verb of the same clause that only qualify it ("under a contract", "as
// military aid", "with deliveries due"), appositives, the object of
// "license the production of", and a reduced participle that restates an
// earlier transfer ("took delivery of the fighters ordered from Russia").
func (a *analysis) dropQualifiers(absorbedInto []int) {
	lastHeavy, lastContent := -1, -1
	for i := range a.trigs {
		tr := &a.trigs[i]
		if i > 0 && a.clauseAt[a.trigs[i-1].ti] != a.clauseAt[tr.ti] {
			lastHeavy, lastContent = -1, -1
		}
		if absorbedInto[i] >= 0 {
			continue
		}
		if a.dropQualifier(tr, lastHeavy, lastContent) {
			continue
		}
		if !tr.noun && !tr.spec.light {
			lastHeavy = i
		}
		if !tr.spec.light {
			lastContent = i
		}
	}
}

// dropQualifier drops tr and reports true when it only qualifies or
// restates an earlier trigger of its clause: lastHeavy is the last transfer
// verb kept, lastContent the last trigger kept that is not light (-1 when
// there is none).
func (a *analysis) dropQualifier(tr *trig, lastHeavy, lastContent int) bool {
	switch {
	case lastHeavy >= 0 && (tr.spec.light || tr.noun) && a.qualifiesOnly(tr):
		tr.drop = true
	case lastHeavy >= 0 && tr.noun && a.appositive(tr):
		tr.drop = true
		a.cutBeforeAppositive(&a.trigs[lastHeavy], tr)
	case lastHeavy >= 0 && objectOfLicence(tr, &a.trigs[lastHeavy]):
		tr.drop = true // "license the production of": the object of the verb
	case lastContent >= 0 && tr.reduced && !a.subjectBetween(a.trigs[lastContent].tj, tr.ti):
		tr.drop = true // "took delivery of the fighters ordered from Russia"
		if tr.spec.status == del && !a.negatedBefore(tr.ti) {
			a.trigs[lastContent].later = true // "ordered in 2007 and delivered in 2008"
		}
	default:
		return false
	}
	return true
}

// cutBeforeAppositive ends the object of verb at the last comma before the
// appositive tr.
func (a *analysis) cutBeforeAppositive(verb, tr *trig) {
	for j := tr.ti - 1; j > verb.tj; j-- {
		if a.toks[j].w == "," {
			verb.cutAt = j
			return
		}
	}
}

// objectOfLicence reports whether the noun trigger tr is the production
// that the supplier's verb just before it licenses: "license the
// production of".
func objectOfLicence(tr, verb *trig) bool {
	return tr.noun && tr.spec.sp == spProduce && tr.ti-verb.tj <= 2 && verb.spec.dir == dirS
}

// makeFrames makes a frame of each trigger kept, over the triggers it
// absorbed ("received a shipment of": the recipient's verb sets the
// direction).
func (a *analysis) makeFrames(absorbedInto []int) {
	for i := range a.trigs {
		tr := &a.trigs[i]
		if tr.drop || absorbedInto[i] >= 0 {
			continue
		}
		f := &frame{t: i, spec: tr.spec, start: tr.ti, ti: tr.ti, tj: tr.tj}
		for j := i - 1; j >= 0 && absorbedInto[j] >= 0; j-- {
			if absorbedInto[j] == j+1 {
				f.absorbed = append(f.absorbed, j)
				f.start = a.trigs[j].ti
				// "received a shipment of": the recipient's verb sets the direction.
				if v := &a.trigs[j]; !v.noun && !v.spec.light && v.spec.dir == dirR && tr.noun {
					f.spec.dir = dirR
				}
			} else {
				break
			}
		}
		f.clause = a.clauseAt[f.start]
		a.frames = append(a.frames, f)
	}
}

// frameSpans sets each frame's reading span (its clause, up to the next
// frame of the clause, a cut or a closing parenthesis) and the span its
// years are read from, then reads its status, conditions and kind.
func (a *analysis) frameSpans() {
	for k, f := range a.frames {
		c := &a.clauses[f.clause]
		f.readFrom, f.readTo = c.ts, c.te
		if k > 0 && a.frames[k-1].clause == f.clause {
			f.readFrom = a.frames[k-1].tj
		}
		if k+1 < len(a.frames) && a.frames[k+1].clause == f.clause {
			f.readTo = a.frames[k+1].start
		}
		if cut := a.trigs[f.t].cutAt; cut > f.tj && cut < f.readTo {
			f.readTo = cut
		}
		f.ys, f.ye = c.ts, c.te
		if cut := a.closingParen(f.start); cut > f.tj && cut < f.readTo {
			f.readTo = cut // "(..., and an open order for the Anka) and Mi-17s from Russia"
			// "TB2s to Kyrgyzstan (three, delivered in 2021 and 2022),
			// Turkmenistan (three, 2021)": the parenthesis dates its own.
			f.ys, f.ye = a.openingParen(f.start), cut
			if open := a.enclosingParen(f.start); a.parenClause(open, f.start) && open > f.readFrom {
				// "drones from Israel, (the Federal Police will soon be
				// equipped with ...)": a clause of its own reads nothing outside.
				f.readFrom = open
			}
		}
		a.status(f)
		a.conditional(f)
		a.kind(f)
	}
}

// gapping splits a frame whose verb is left out of later conjuncts: "China
// delivered two CH-3 in 2016, Italy three Falco UAVs in 2011, and Israel
// about ten SkyStriker in 2021" is three transfers.
func (a *analysis) gapping() {
	var out []*frame
	for _, f := range a.frames {
		out = append(out, f)
		if !a.verbCanBeGapped(f) {
			continue
		}
		gaps := a.gappedSubjects(f)
		if len(gaps) == 0 || len(out)+len(gaps) > 2*maxTriggers {
			continue
		}
		out = append(out, a.gappedFrames(f, gaps)...)
	}
	a.frames = out
}

// verbCanBeGapped reports whether later conjuncts can leave out f's verb:
// an active transfer verb with a direction, not a noun or a light verb.
func (a *analysis) verbCanBeGapped(f *frame) bool {
	tr := &a.trigs[f.t]
	return !(tr.noun || tr.passive || f.spec.light || f.spec.dir == dirU)
}

// gappedSubjects returns the lists that open a conjunct without a verb in
// f's reading span: a subject-like list of countries more than three
// tokens after the verb, after a comma, "and" or ";", followed by an item.
func (a *analysis) gappedSubjects(f *frame) []int {
	var gaps []int
	for li := range a.lists {
		l := &a.lists[li]
		if l.ti <= f.tj+3 || l.ti >= f.readTo || l.pron != "" || !a.subjectLike(li) {
			continue
		}
		if !a.conjunctOpensAt(l.ti) {
			continue
		}
		if a.itemFollowsWithoutVerb(a.actorEnd(l.members[len(l.members)-1]), f.readTo) {
			gaps = append(gaps, li)
		}
	}
	return gaps
}

// conjunctOpensAt reports whether a comma, "and" or ";" stands before token
// t, or before a "the" at t-1.
func (a *analysis) conjunctOpensAt(t int) bool {
	toks := a.toks
	p := t - 1
	if toks[p].w == "the" && p > 0 {
		p--
	}
	return toks[p].w == "," || toks[p].w == "and" || toks[p].w == ";"
}

// itemFollowsWithoutVerb reports whether an item follows within a few
// words from token j (before end), and no verb: only numbers, "about",
// "around", "some" and content words stand before it.
func (a *analysis) itemFollowsWithoutVerb(j, end int) bool {
	toks := a.toks
	for n := 0; n < 4 && j < end; n, j = n+1, j+1 {
		if a.itemAt[j] >= 0 {
			return true
		}
		if a.trigAt[j] >= 0 || a.listAt[j] >= 0 || !(toks[j].digit || numberWords[toks[j].w] > 0 ||
			toks[j].w == "about" || toks[j].w == "around" || toks[j].w == "some" || gapDeterminer(toks[j].w) || !functionWords[toks[j].w]) {
			return false
		}
	}
	return false
}

// gappedFrames ends f's reading at the first gapped conjunct and returns a
// copy of f for each conjunct that opens at gaps, reading from its subject
// to the next conjunct or f's old end.
func (a *analysis) gappedFrames(f *frame, gaps []int) []*frame {
	var out []*frame
	end := f.readTo
	f.readTo, f.ye = a.lists[gaps[0]].ti, a.lists[gaps[0]].ti
	for k, li := range gaps {
		l := &a.lists[li]
		g := *f
		g.gapped = true
		g.absorbed = nil
		g.readFrom, g.start, g.ti, g.tj = l.ti, l.tj, l.tj, l.tj
		g.ys, g.readTo, g.ye = l.ti, end, end
		if k+1 < len(gaps) {
			g.readTo, g.ye = a.lists[gaps[k+1]].ti, a.lists[gaps[k+1]].ti
		}
		out = append(out, &g)
	}
	return out
}

// subjectBetween reports whether a subject-like list starts in [s, e).
func (a *analysis) subjectBetween(s, e int) bool {
	for t := s; t < e; t++ {
		if li := a.listAt[t]; li >= 0 && a.lists[li].ti == t && a.lists[li].pron == "" && a.subjectLike(li) {
			return true
		}
	}
	return false
}

// negatedBefore reports whether a negation stands just before token t.
func (a *analysis) negatedBefore(t int) bool {
	for j := t - 1; j >= 0 && j >= t-3; j-- {
		switch a.toks[j].w {
		case "not", "never", "yet", "no":
			return true
		}
	}
	return false
}

// absorbs reports whether trigger A only governs the next trigger B:
// "signed a contract to supply", "in talks with Turkey on buying", "offered
// to hand over", "pledged $200 million in military aid".
func (a *analysis) absorbs(A, B *trig) bool {
	gap := B.ti - A.tj
	switch {
	case A.spec.light:
		return gap <= 8 && a.lightLinkBetween(A.tj, B.ti)
	case !A.noun && !B.noun && B.spec.form == fBase && gap == 1 && a.toks[A.tj].w == "to":
		return true
	case !A.noun && B.noun && gap <= 6:
		return a.nothingOwnBetween(A.tj, B.ti)
	case A.noun && A.spec.sp == spExportPerm && B.noun && gap <= 3:
		return true
	}
	return false
}

// lightLinkBetween reports whether the tokens in [s, e) only link a light
// trigger to the next one ("a contract with Turkey on the possible"):
// prepositions, articles, possessives, a few modifiers and weekdays, and
// lists of countries after "with" or "from"; no other list, item or comma.
func (a *analysis) lightLinkBetween(s, e int) bool {
	toks := a.toks
	for t := s; t < e; t++ {
		w := toks[t].w
		if li := a.listAt[t]; li >= 0 {
			if p := a.lists[li].prep; p == "with" || p == "from" {
				continue
			}
			return false
		}
		if a.itemAt[t] >= 0 || w == "," || !isLightLinkWord(w) && !partnerFirmNouns[w] && !a.partnerFirmName(t) && !a.bodyOfCounterpart(t) {
			return false
		}
	}
	return true
}

// isLightLinkWord reports whether w can stand between a light trigger and
// the trigger it governs.
func isLightLinkWord(w string) bool {
	switch w {
	case "with", "on", "about", "over", "for", "to", "from", "of", "regarding", "concerning", "the", "a",
		"an", "local", "possible", "planned", "new", "further", "additional", "joint", "jointly", "'",
		"s", "its", "their", "potential", "future", "monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday", "yesterday", "today":
		return true
	}
	return false
}

// nothingOwnBetween reports whether the tokens in [s, e) between a verb
// and a noun trigger hold no list, no comma and no item other than a
// generic arms word.
func (a *analysis) nothingOwnBetween(s, e int) bool {
	toks := a.toks
	for t := s; t < e; t++ {
		if a.listAt[t] >= 0 || toks[t].w == "," || a.itemAt[t] >= 0 && !a.items[a.itemAt[t]].arms {
			return false
		}
	}
	return true
}

// qualifiesOnly reports whether a light or nominal trigger after a transfer
// verb has no parties of its own.
func (a *analysis) qualifiesOnly(tr *trig) bool {
	if a.wordJustBefore(tr.ti, "under") || a.wordJustBefore(tr.ti, "as") {
		return true
	}
	if tr.spec.light && a.dealPhraseBefore(tr.ti) {
		return true
	}
	return !a.hasOwnParties(tr)
}

// wordJustBefore reports whether w is one of the two words before token t
// ("under a contract", "as aid").
func (a *analysis) wordJustBefore(t int, w string) bool {
	toks := a.toks
	return t > 0 && (toks[t-1].w == w || t > 1 && toks[t-2].w == w)
}

// dealPhraseBefore reports whether a light trigger at token t is the noun
// of a phrase that only says how a transfer was made: "in a $3.5 m deal",
// "through a contract", "as part of a deal". It looks back over at most six
// articles, amounts and content words for the preposition.
func (a *analysis) dealPhraseBefore(t int) bool {
	for j, n := t-1, 0; j >= 0 && n < 6; j, n = j-1, n+1 {
		switch a.toks[j].w {
		case "in", "under", "through", "via", "of":
			return true
		}
		if !a.dealModifierAt(j) {
			return false
		}
	}
	return false
}

// dealModifierAt reports whether token j can stand between a preposition
// and a deal's noun: an article, an amount ("$3.5 m", "2 billion") or a
// content word that names no country and no weapon.
func (a *analysis) dealModifierAt(j int) bool {
	w := a.toks[j].w
	switch w {
	case "a", "an", "the", "$", "m", "bn", "million", "billion", ".":
		return true
	}
	return a.toks[j].digit || !functionWords[w] && a.listAt[j] < 0 && a.itemAt[j] < 0
}

// hasOwnParties reports whether a trigger has parties of its own in its
// clause: a list of countries (not a place) after it before the next
// trigger (within 40 tokens), or a list in the three tokens before it.
func (a *analysis) hasOwnParties(tr *trig) bool {
	c := &a.clauses[a.clauseAt[tr.ti]]
	for t := tr.tj; t < c.te && t < tr.tj+40; t++ {
		if a.trigAt[t] >= 0 && a.trigAt[t] != a.trigAt[tr.ti] {
			break
		}
		if li := a.listAt[t]; li >= 0 && !a.lists[li].place {
			return true
		}
	}
	for t := tr.ti - 1; t >= c.ts && t >= tr.ti-3; t-- {
		if a.listAt[t] >= 0 {
			return true
		}
	}
	return false
}

// appositive reports whether a noun trigger restates the transfer before it
// (", the first export of the type to the South Caucasus").
func (a *analysis) appositive(tr *trig) bool {
	toks := a.toks
	for j := tr.ti - 1; j >= 0 && j >= tr.ti-4; j-- {
		switch toks[j].w {
		case ",":
			return j+1 < len(toks) && (toks[j+1].w == "the" || toks[j+1].w == "a" || toks[j+1].w == "its")
		case "the", "a", "its", "first", "latest", "largest", "biggest", "second", "last", "only", "new":
			continue
		}
		return false
	}
	return false
}

// closingParen returns the ")" that closes a parenthesis open at token t,
// -1 when t is not inside one.
func (a *analysis) closingParen(t int) int {
	if a.enclosingParen(t) < 0 {
		return -1
	}
	for k := t; k < len(a.toks); k++ {
		if a.toks[k].w == ")" {
			return k
		}
	}
	return -1
}

// openingParen returns the "(" that opens the parenthesis holding token t,
// or t's clause start when there is none before t.
func (a *analysis) openingParen(t int) int {
	if j := a.enclosingParen(t); j >= 0 {
		return j
	}
	return a.clauses[a.clauseAt[t]].ts
}

// enclosingParen returns the "(" of the parenthesis open at token t, -1
// when t is not inside one.
func (a *analysis) enclosingParen(t int) int {
	depth := 0
	for j := t - 1; j >= 0; j-- {
		switch a.toks[j].w {
		case ")":
			depth++
		case "(":
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return -1
}

// parenClause reports whether the parenthesis opening at token open holds
// a clause of its own before token t: an article or a name opens it and an
// auxiliary follows before t ("(the Federal Police will soon be equipped
// ..."), unlike a verbless aside ("(three, delivered in 2021)").
func (a *analysis) parenClause(open, t int) bool {
	toks := a.toks
	if open < 0 || open+1 >= t {
		return false
	}
	first := toks[open+1]
	if !articles[first.w] && !first.upper {
		return false
	}
	for j := open + 2; j < t; j++ {
		if toks[j].w == "," {
			return false
		}
		if toks[j].w == "will" || toks[j].w == "would" || beForms[toks[j].w] || haveForms[toks[j].w] {
			return true
		}
	}
	return false
}
