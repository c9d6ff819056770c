package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot/gazetteer"
)

// roleParty is a party with where it came from, for splitting relations.
type roleParty struct {
	party
	li int // list, -1
	it int // item whose origin it is, -1
}

// listsIn returns the lists starting in tokens [s, e).
func (a *analysis) listsIn(s, e int) []int {
	var out []int
	for li := range a.lists {
		if a.lists[li].ti >= s && a.lists[li].ti < e {
			out = append(out, li)
		}
		if a.lists[li].ti >= e {
			break
		}
	}
	return out
}

// maxGroupParty is the most members a regional group may have to stand as
// a party. "Central Asia" or the "Gulf states" name a few countries a
// transfer can reach; "European Air Forces", "Africa" or "NATO allies"
// (up to 54 members) name no one in particular, and expanding them gave a
// relation for every member of Europe from "almost 500 F-35s flying for
// European Air Forces".
const maxGroupParty = 6

// parties expands list li into its parties: one per member, a group with
// its members less those the sentence excludes.
func (a *analysis) parties(li int, f *frame, avoid []roleParty) []roleParty {
	l := &a.lists[li]
	if l.pron != "" {
		return a.resolvePron(li, f, avoid)
	}
	var excl []string
	for lj := li + 1; lj < len(a.lists) && a.lists[lj].ti <= l.tj+4; lj++ {
		if a.lists[lj].except {
			for _, m := range a.lists[lj].members {
				excl = append(excl, a.actors[m].countries...)
			}
		}
	}
	var out []roleParty
	for _, m := range l.members {
		ac := &a.actors[m]
		if ac.drop || ac.kind == gazetteer.GroupMention && len(ac.countries) > maxGroupParty {
			continue
		}
		p := roleParty{party: party{pos: ac.ti, group: ac.group}, li: li, it: -1}
		for _, c := range ac.countries {
			if !slices.Contains(excl, c) {
				p.countries = append(p.countries, c)
			}
		}
		if ac.kind != gazetteer.GroupMention {
			p.group = ""
		}
		if len(p.countries) == 0 || hasParty(out, p.countries) {
			continue
		}
		out = append(out, p)
	}
	return out
}

func hasParty(ps []roleParty, countries []string) bool {
	for _, p := range ps {
		if slices.Equal(p.countries, countries) {
			return true
		}
	}
	return false
}

func sameSide(ps []roleParty, countries []string) bool {
	for _, p := range ps {
		for _, c := range p.countries {
			if slices.Contains(countries, c) {
				return true
			}
		}
	}
	return false
}

// resolvePron finds the countries a pronoun stands for in this sentence.
// "which" is its antecedent; a subject or possessive "it" the first subject
// of the sentence; an object "it" the last subject, else the last party,
// named before it that does not supply. It
// returns nil when the sentence does not say (the context may).
func (a *analysis) resolvePron(li int, f *frame, avoid []roleParty) []roleParty {
	l := &a.lists[li]
	if relWords[l.pron] {
		return a.relativeAntecedent(l, f)
	}
	object := l.pron == "it" && l.ti > 0 && a.trigAt[l.ti-1] >= 0
	s := antecedentSearch{a: a, li: li, f: f, avoid: avoid}
	if lj := a.ownClauseSubject(li); lj >= 0 && (l.pron == "its" || l.pron == "their") {
		// "Washington suggested that Chile transfer its helicopters":
		// "its" is Chile, the clause's own subject, even when Chile
		// cannot take the role sought (then nothing does).
		return s.usable(lj)
	}
	if object {
		if ps := s.ofObject(); len(ps) > 0 {
			return ps
		}
	} else if ps := s.ofSubject(); len(ps) > 0 {
		return ps
	}
	return s.lastParty(object)
}

// ownClauseSubject returns the named subject list of the clause of list
// li when that clause has its own subject before li, else -1.
func (a *analysis) ownClauseSubject(li int) int {
	l := &a.lists[li]
	c := &a.clauses[a.clauseAt[l.ti]]
	if !c.own || c.subj < 0 || c.subj == li {
		return -1
	}
	sl := &a.lists[c.subj]
	if sl.pron != "" || sl.ti >= l.ti || sl.ti < c.ts {
		return -1
	}
	return c.subj
}

// relativeAntecedent gives the parties of the list just before the
// relative pronoun of l ("Kazakhstan, which ..."), placed at the pronoun;
// nil when there is none.
func (a *analysis) relativeAntecedent(l *alist, f *frame) []roleParty {
	if l.ti >= 2 && a.listAt[l.ti-2] >= 0 && a.lists[a.listAt[l.ti-2]].pron == "" {
		ps := a.parties(a.listAt[l.ti-2], f, nil)
		for i := range ps {
			ps[i].pos = l.ti
		}
		return ps
	}
	return nil
}

// antecedentSearch looks, among the lists before the pronoun of list li,
// for the parties it stands for in frame f, leaving out those on the side
// of avoid.
type antecedentSearch struct {
	a     *analysis
	li    int
	f     *frame
	avoid []roleParty
}

// usable gives the parties of list lj that can stand for the pronoun,
// placed at the pronoun: not a pronoun, place, exception or dateline, not
// on the avoided side, no origin of a system.
func (s antecedentSearch) usable(lj int) []roleParty {
	a := s.a
	lk := &a.lists[lj]
	if lk.pron != "" || lk.place || lk.except || a.dateline(lj) {
		return nil // a dateline city ("BEIRUT —") is no antecedent
	}
	ps := a.parties(lj, s.f, nil)
	var out []roleParty
	for _, p := range ps {
		if !sameSide(s.avoid, p.countries) && a.actors[a.actorAtPos(p.pos)].origin < 0 {
			p.pos = a.lists[s.li].ti
			out = append(out, p)
		}
	}
	return out
}

// ofSubject reads a subject or possessive "it": when it opens an
// adverbial clause, the subject of the clause that hangs on, else the
// first subject of the sentence.
func (s antecedentSearch) ofSubject() []roleParty {
	if lj := s.a.subordinateSubject(s.li); lj >= 0 {
		if ps := s.usable(lj); len(ps) > 0 {
			return ps // "Turkey could no longer buy F-35s because it had accepted ..."
		}
	}
	for lj := 0; lj < s.li; lj++ {
		if s.a.subjectLike(lj) {
			if ps := s.usable(lj); len(ps) > 0 {
				return ps
			}
		}
	}
	return nil
}

// ofObject reads an object "it": in a clause opened by "if", "unless" or
// "because", the subject of the main clause before it, else the last
// subject before it that does not supply.
func (s antecedentSearch) ofObject() []roleParty {
	a := s.a
	if lj := a.objectPronounSubject(s.li); lj >= 0 {
		if ps := s.usable(lj); len(ps) > 0 {
			return ps // "Riyadh could turn to China ... if Washington keeps refusing to sell it the F-35"
		}
	}
	// An object "it" is the one sold to: the last subject that does not
	// supply in the sentence ("Riyadh could turn to China for J-35s if
	// Washington refuses to sell it the F-35": Riyadh), else the last
	// party that does not ("Russia delivered helicopters to Uzbekistan,
	// while China agreed to supply it": Uzbekistan).
	for lj := s.li - 1; lj >= 0; lj-- {
		if a.subjectLike(lj) {
			if ps := s.usable(lj); len(ps) > 0 && !a.suppliesEarlier(ps) && !a.suppliesAfterTo(lj) {
				return ps
			}
		}
	}
	return nil
}

// lastParty is the last party named before the pronoun; for an object
// "it", one that is no source and does not supply.
func (s antecedentSearch) lastParty(object bool) []roleParty {
	a := s.a
	for lj := s.li - 1; lj >= 0; lj-- {
		if object && (a.lists[lj].prep == "from" || a.lists[lj].prep == "by") {
			// "received trucks from China, and Russia sent it helicopters":
			// a source named before is no recipient of the next transfer.
			continue
		}
		if ps := s.usable(lj); len(ps) > 0 && !(object && a.suppliesEarlier(ps)) {
			return ps
		}
	}
	return nil
}

// suppliesAfterTo reports whether list li is the subject of a supplier's
// verb that names its recipient after "to": "Russia delivered helicopters
// to Uzbekistan, while China agreed to supply it".
func (a *analysis) suppliesAfterTo(li int) bool {
	l := &a.lists[li]
	k := l.tj
	for k < len(a.toks) && k < l.tj+3 && (adverbs[a.toks[k].w] || haveForms[a.toks[k].w]) {
		k++
	}
	if k >= len(a.toks) || a.trigAt[k] < 0 {
		return false
	}
	return a.trigs[a.trigAt[k]].spec.dir == dirS
}

// suppliesEarlier reports whether one of ps supplies in a frame already
// read in this sentence: an object "it" (the one sold to) is not that
// country.
func (a *analysis) suppliesEarlier(ps []roleParty) bool {
	for _, d := range a.res.kept {
		for _, p := range ps {
			if sameSide(d.rsups, p.countries) {
				return true
			}
		}
	}
	return false
}

func (a *analysis) actorAtPos(t int) int {
	if t >= 0 && t < len(a.actorAt) && a.actorAt[t] >= 0 {
		return a.actorAt[t]
	}
	return 0
}

func allDemonyms(a *analysis, li int) bool {
	for _, m := range a.lists[li].members {
		if a.actors[m].kind != gazetteer.DemonymMention || a.actors[m].poss {
			return false
		}
	}
	return len(a.lists[li].members) > 0
}

// topicSubject is the first subject of the sentence before f, unless it
// only reports ("Kazakhstan said ..."); -1 if none.
func (a *analysis) topicSubject(f *frame) int {
	for li := range a.lists {
		if a.lists[li].ti >= f.start {
			break
		}
		if !a.subjectLike(li) || a.lists[li].pron != "" {
			continue
		}
		for t := a.lists[li].tj; t < len(a.toks) && t < a.lists[li].tj+4; t++ {
			if reportVerbs[a.toks[t].w] || a.toks[t].w == "denied" || a.toks[t].w == "denies" {
				return -1
			}
		}
		return li
	}
	return -1
}

// jointProducer reads "Indonesia and Turkey agreed to jointly produce ... in
// Indonesia": the producer is the one named after "in", the other licenses.
func (a *analysis) jointProducer(f *frame, subj int, recs, sups *[]roleParty, after []int) {
	if subj < 0 || a.lists[subj].pron != "" || len(*recs) < 2 {
		return
	}
	var in []string
	for li := range a.lists {
		l := &a.lists[li]
		if l.ti >= f.tj && l.ti < f.readTo && l.prep == "in" {
			for _, m := range l.members {
				in = append(in, a.actors[m].countries...)
			}
		}
	}
	producer := 0
	for i, p := range *recs {
		if sameSide([]roleParty{p}, in) {
			producer = i
		}
	}
	all := *recs
	*recs = []roleParty{all[producer]}
	for i, p := range all {
		if i != producer {
			*sups = append(*sups, p)
		}
	}
}

// nextContent returns the first token after t that is not a modifier,
// within n tokens.
func (a *analysis) nextContent(t, n int) int {
	for k := 0; k <= n && t < len(a.toks); k++ {
		if a.trigAt[t] >= 0 || a.itemAt[t] >= 0 || a.actorAt[t] >= 0 {
			return t
		}
		t++
	}
	return -1
}

// dropSame removes recipients that are also suppliers.
func dropSame(sups, recs []roleParty) ([]roleParty, []roleParty) {
	var out []roleParty
	for _, r := range recs {
		if len(r.countries) == 1 && sameSide(sups, r.countries) && r.group == "" {
			continue
		}
		out = append(out, r)
	}
	return sups, out
}
