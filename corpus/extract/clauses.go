package extract

// clauseKind says how a clause relates to the one before it.
type clauseKind uint8

const (
	cMain   clauseKind = iota
	cConj              // "while X bought": own subject, else the last one
	cCoord             // "and later donated": the last subject
	cRel               // ", which": the antecedent
	cResume            // the main clause after a relative clause
	cThat              // "denied that ..."
	cAttr              // ", the ministry said", "according to"
	cNP                // "and an unknown supplier delivered": its own subject, not a country
)

// cut is where a new clause starts.
type cut struct {
	at   int // first token of the new clause
	kind clauseKind
	ante int
	and  bool // "and that": shares the parent of the clause before
}

type clause struct {
	ts, te int
	kind   clauseKind
	ante   int  // antecedent list of a relative clause, -1
	subj   int  // subject list, -1
	own    bool // the subject is the clause's own, not inherited
	aid    bool // the clause says aid
	parent int  // clause a "that" clause depends on, -1
}

// findClauses splits the sentence into clauses at the cuts clauseCuts
// finds, and gives each clause its subject.
func (a *analysis) findClauses() {
	a.makeClauses(a.clauseCuts())
	a.clauseSubjects()
}

// clauseCuts finds where clauses start: after ";", ":" and a spaced dash;
// at a conjunction; after a comma before a conjunction, a relative word, an
// -ing form, an attribution or a resumed main clause; after "and" when it
// starts a clause; after a "that" that opens one.
func (a *analysis) clauseCuts() []cut {
	toks := a.toks
	n := len(toks)
	var cuts []cut
	inRel := false
	for i := 0; i < n; i++ {
		w := toks[i].w
		switch {
		case w == ";" || w == ":" ||
			w == "-" && i > 0 && i+1 < n && toks[i-1].e < toks[i].s && toks[i].e < toks[i+1].s:
			cuts = append(cuts, cut{at: i + 1, kind: cMain, ante: -1})
			inRel = false
		case w == "," && i+1 < n && a.frontedSubordinateEnd(i):
			cuts = append(cuts, cut{at: i + 1, kind: cMain, ante: -1}) // rd12rrules.go
			inRel = false
		case w == "," && i+1 < n:
			if c, ok := a.commaCut(i, inRel); ok {
				cuts = append(cuts, c)
				inRel = c.kind == cRel
			}
		case clauseConj[w] && i > 0 && toks[i-1].w != "," && w != "yet":
			cuts = append(cuts, cut{at: i, kind: cConj, ante: -1})
			inRel = false
		case w == "and" && i+1 < n:
			if k := a.andCut(i, cuts); k != cMain {
				cuts = append(cuts, cut{at: i + 1, kind: k, ante: -1, and: k == cThat})
				inRel = false
			}
		case w == "that" && a.partyRelativeThat(i) >= 0:
			cuts = append(cuts, cut{at: i + 1, kind: cRel, ante: a.partyRelativeThat(i)})
		case w == "that" && a.isThatClause(i):
			cuts = append(cuts, cut{at: i + 1, kind: cThat, ante: -1})
		}
	}
	return cuts
}

// commaCut returns the clause a comma at i opens, if any: a conjunction, a
// relative clause (its antecedent the list before the comma), an -ing
// clause, an attribution, or the main clause resumed after a relative one.
func (a *analysis) commaCut(i int, inRel bool) (cut, bool) {
	toks := a.toks
	nx := toks[i+1].w
	switch {
	case clauseConj[nx]:
		return cut{at: i + 1, kind: cConj, ante: -1}, true
	case relWords[nx] && !a.inclusionAside(i):
		ante := -1
		if i > 0 && a.listAt[i-1] >= 0 {
			ante = a.listAt[i-1]
		}
		return cut{at: i + 1, kind: cRel, ante: ante}, true
	case clauseIng[nx] || a.trigAt[i+1] >= 0 && a.trigs[a.trigAt[i+1]].spec.form == fIng && !a.trigs[a.trigAt[i+1]].noun:
		return cut{at: i + 1, kind: cCoord, ante: -1}, true
	case nx == "according" || a.isAttribution(i):
		return cut{at: i + 1, kind: cAttr, ante: -1}, true
	case inRel && (a.finiteAt(i+1) || adverbs[nx] && i+2 < len(toks) && a.finiteAt(i+2)):
		return cut{at: i + 1, kind: cResume, ante: -1}, true
	}
	return cut{}, false
}

// resumeVerbs are finite verbs that, after the comma closing a relative
// clause, resume the main clause though they state no transfer: "Egypt,
// which flies French jets, wants Chinese ones" (the relative clause ends
// at the comma, so "wants" does not share its delivery).
var resumeVerbs = words("wants want needs need plans plan hopes hope seeks seek intends intend aims aim says said " +
	"remains remained continues continued looks looked expects expected faces faced considers considered")

// finiteAt reports whether token t starts the verb of a main clause.
func (a *analysis) finiteAt(t int) bool {
	w := a.toks[t].w
	return beForms[w] || haveForms[w] || w == "will" || w == "would" || w == "has" || w == "does" || w == "did" ||
		a.trigAt[t] >= 0 || resumeVerbs[w]
}

// andCut returns the kind of clause "and" at i starts (cMain: none). In
// "radars, ordered in 2007 and delivered in 2010, for ..." both participles
// qualify the radars, so no clause starts and the second is reduced too.
func (a *analysis) andCut(i int, cuts []cut) clauseKind {
	k := a.coordAfterAnd(i, cuts)
	if k == cCoord && a.reducedBefore(i, cuts) {
		if t := a.nextTrigger(i); t >= 0 {
			a.trigs[t].reduced, a.trigs[t].passive = true, true
		}
		return cMain
	}
	return k
}

// makeClauses makes the clauses between the cuts and points clauseAt at
// them; a "that" clause depends on the clause before it (or, after "and",
// on that clause's parent).
func (a *analysis) makeClauses(cuts []cut) {
	n := len(a.toks)
	start, kind, ante, and := 0, cMain, -1, false
	for ci := 0; ci <= len(cuts); ci++ {
		end := n
		if ci < len(cuts) {
			end = cuts[ci].at
		}
		if end > start || ci == len(cuts) {
			c := clause{ts: start, te: end, kind: kind, ante: ante, subj: -1, parent: -1}
			if kind == cThat && len(a.clauses) > 0 {
				c.parent = len(a.clauses) - 1
				if p := &a.clauses[c.parent]; and && p.kind == cThat {
					c.parent = p.parent
				}
			}
			a.clauses = append(a.clauses, c)
		}
		if ci < len(cuts) {
			start, kind, ante, and = cuts[ci].at, cuts[ci].kind, cuts[ci].ante, cuts[ci].and
		}
	}
	for ci := range a.clauses {
		c := &a.clauses[ci]
		for t := c.ts; t < c.te; t++ {
			a.clauseAt[t] = ci
		}
	}
}

// clauseSubjects gives each clause its subject: its own, a relative
// clause's antecedent, or the last subject for coordinated clauses.
func (a *analysis) clauseSubjects() {
	last := -1
	for ci := range a.clauses {
		c := &a.clauses[ci]
		c.subj = a.clauseSubject(c)
		if c.kind == cCoord && a.objectAfterCoordVerb(c) {
			c.subj = -1 // "..., imposed sanctions on Russia and supplied Ukraine with arms": Ukraine is the object
		}
		c.own = c.subj >= 0
		if c.kind == cRel && c.ante >= 0 && (c.subj < 0 || a.lists[c.subj].pron != "") {
			c.subj = c.ante
		}
		if c.subj < 0 && c.kind != cMain && c.kind != cAttr && c.kind != cRel && c.kind != cNP &&
			!(c.kind == cConj && a.nounSubjectAfterConj(c)) {
			c.subj = last
			if c.kind == cCoord {
				if l := a.controlledSubject(ci); l >= 0 {
					c.subj = l
				}
			}
		}
		if c.subj >= 0 && c.kind != cRel && c.kind != cAttr {
			last = c.subj
		}
	}
}

var beForms = words("is are was were be been being am")

// coordAfterAnd decides whether "and" at i starts a new clause: "and later
// donated" (shares the subject), "and Kyrgyzstan received" (a new subject
// after a clause that already has a trigger), "and that".
func (a *analysis) coordAfterAnd(i int, cuts []cut) clauseKind {
	if a.toks[i+1].w == "that" {
		return cThat
	}
	if a.verbSharesSubjectAfter(i) || a.talksAfterAnd(i) {
		return cCoord
	}
	// A new subject: only when a trigger precedes "and" in this clause.
	if !a.verbTriggerBetween(currentClauseStart(cuts), i) {
		return cMain
	}
	if a.countryListThenVerbAt(i + 1) {
		return cConj
	}
	return a.newSubjectAfterAnd(i)
}

// verbSharesSubjectAfter reports whether "and" at i is followed, after at
// most three auxiliaries or adverbs, by a verb that shares the subject
// before it: "and later donated", "and got".
func (a *analysis) verbSharesSubjectAfter(i int) bool {
	toks := a.toks
	j := a.skipAuxiliaries(i + 1)
	if a.finiteVerbTriggerAt(j) {
		return true
	}
	// "gifted a helicopter to X and got an F-86 as a return gift"
	return j < len(toks) && (toks[j].w == "got" || toks[j].w == "gets")
}

// skipAuxiliaries returns the first token from j on after at most three
// auxiliaries or adverbs ("has also", "will then").
func (a *analysis) skipAuxiliaries(j int) int {
	for n := 0; n < 3 && j < len(a.toks) && isAux(a.toks[j].w); n++ {
		j++
	}
	return j
}

// finiteVerbTriggerAt reports whether token j is a trigger used as a verb
// and not as an "-ing" form.
func (a *analysis) finiteVerbTriggerAt(j int) bool {
	if j >= len(a.toks) || a.trigAt[j] < 0 {
		return false
	}
	tr := a.trigs[a.trigAt[j]]
	return !tr.noun && tr.spec.form != fIng
}

// currentClauseStart is the token where the clause being cut starts: the
// last cut, or the sentence's start.
func currentClauseStart(cuts []cut) int {
	if len(cuts) > 0 {
		return cuts[len(cuts)-1].at
	}
	return 0
}

// verbTriggerBetween reports whether a token in [start, end) is a trigger
// used as a verb.
func (a *analysis) verbTriggerBetween(start, end int) bool {
	for t := start; t < end; t++ {
		if a.trigAt[t] >= 0 && !a.trigs[a.trigAt[t]].noun {
			return true
		}
	}
	return false
}

// countryListThenVerbAt reports whether a list of countries opens at token
// j and is followed by a verb: "and Kazakhstan, Turkmenistan and Uzbekistan
// received". Such a list is skipped whole: its commas and inner "and"
// belong to the list, not to the clause structure.
func (a *analysis) countryListThenVerbAt(j int) bool {
	li := a.listAt[j]
	if li < 0 || a.lists[li].ti != j || a.lists[li].prep != "" || a.actorAt[j] < 0 {
		return false
	}
	if end := a.lists[li].tj; end < len(a.toks) && a.trigAt[end] < 0 && a.finiteVerbAt(end) {
		return true // ", and Kazakhstan declined the offer", ", and Peru is still considering": a clause of its own
	}
	return a.finiteVerbTriggerAt(a.skipAuxiliaries(a.lists[li].tj))
}

// newSubjectAfterAnd reads the five tokens after "and" at i, after a clause
// that has a verb: an actor ("Kyrgyzstan", "it", "they") then a verb makes
// a conjoined clause with its own subject, a verb after a preposition
// ("and in 2016 received") shares the subject, a verb after other words
// ends a noun phrase's clause. Anything else keeps the main clause.
func (a *analysis) newSubjectAfterAnd(i int) clauseKind {
	toks := a.toks
	actor := false
	j := i + 1
	for n := 0; n < 5 && j < len(toks); n++ {
		if a.actorAt[j] >= 0 || toks[j].w == "it" || toks[j].w == "they" {
			actor = true
		}
		if a.trigAt[j] >= 0 {
			if tr := a.trigs[a.trigAt[j]]; !tr.noun && n > 0 {
				switch {
				case actor:
					return cConj
				case preps[toks[i+1].w]:
					return cCoord // "ordered, and in 2016 received, ..."
				}
				return cNP
			}
			return cMain
		}
		if !toks[j].word || a.itemAt[j] >= 0 {
			return cMain
		}
		j++
	}
	return cMain
}

// reducedBefore reports whether the last trigger before token i in the
// current clause is a reduced participle.
func (a *analysis) reducedBefore(i int, cuts []cut) bool {
	start := currentClauseStart(cuts)
	for t := i - 1; t >= start; t-- {
		if k := a.trigAt[t]; k >= 0 {
			return a.trigs[k].reduced
		}
	}
	return false
}

func (a *analysis) nextTrigger(i int) int {
	for t := i + 1; t < len(a.toks) && t < i+5; t++ {
		if k := a.trigAt[t]; k >= 0 {
			return k
		}
	}
	return -1
}

func isAux(w string) bool {
	return beForms[w] || haveForms[w] || adverbs[w] || w == "will" || w == "would" || w == "also" || w == "then"
}

var adverbs = words("already also later then subsequently eventually finally recently now soon reportedly " +
	"allegedly secretly first again still just since quickly jointly officially formally only so far " +
	"never not yet all both itself")

// isAttribution reports whether the comma at i opens a closing attribution
// (", the Kyrgyz border service said.").
func (a *analysis) isAttribution(i int) bool {
	toks := a.toks
	for j := i + 1; j < len(toks) && j <= i+9; j++ {
		if reportVerbs[toks[j].w] {
			k := j + 1
			for k < len(toks) && k <= j+4 && toks[k].word && (toks[k].w == "on" || adverbs[toks[k].w] ||
				isWeekday(toks[k].w) || toks[k].w == "in" || toks[k].w == "a" || toks[k].w == "statement") {
				k++
			}
			return k >= len(toks) || !toks[k].word
		}
		if toks[j].w == "," || a.trigAt[j] >= 0 {
			return false
		}
	}
	return false
}

func isWeekday(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "week":
		return true
	}
	return false
}

var thatHeads = words("said says say denied denies deny denying reports report claims claim evidence announced " +
	"confirmed confirms stated insisted believes believe noted added argued warned shows showed show indicated " +
	"suggests suggested found reported clear unclear known understood allegations rumours rumors statement " +
	"assurances insist")

func (a *analysis) isThatClause(i int) bool {
	toks := a.toks
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if thatHeads[toks[j].w] {
			return true
		}
	}
	return i+1 < len(toks) && (a.listAt[i+1] >= 0 || a.actorAt[i+1] >= 0)
}

// clauseSubject is the first list in c that can be a subject.
func (a *analysis) clauseSubject(c *clause) int {
	for li := range a.lists {
		l := &a.lists[li]
		if l.ti < c.ts {
			continue
		}
		if l.ti >= c.te {
			break
		}
		if a.subjectLike(li) {
			return li
		}
	}
	return -1
}

// subjectLike reports whether list li can be the subject of a verb.
func (a *analysis) subjectLike(li int) bool {
	l := &a.lists[li]
	if l.prep != "" || l.place || l.except || a.dateline(li) {
		return false
	}
	if l.pron != "" {
		if l.pron == "its" {
			return false
		}
		// "it" directly after a verb is an object.
		if l.pron == "it" && l.ti > 0 && a.trigAt[l.ti-1] >= 0 {
			return false
		}
		return true
	}
	for _, m := range l.members {
		ac := &a.actors[m]
		if ac.origin < 0 && ac.owner < 0 && !ac.drop {
			return true
		}
	}
	return false
}

// dateline reports whether list li is a news dateline: a place at the
// sentence's start, followed by a colon or dash ("NEW DELHI: GE Aerospace
// said", "WASHINGTON - ..."). It says where the story was filed, not who
// acts.
func (a *analysis) dateline(li int) bool {
	l := &a.lists[li]
	if l.ti != 0 || l.tj >= len(a.toks) {
		return false
	}
	switch a.toks[l.tj].w {
	case ":", "-", "—", "–":
		return true
	}
	return false
}
