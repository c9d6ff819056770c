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
		if ac.drop {
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
		if l.ti >= 2 && a.listAt[l.ti-2] >= 0 && a.lists[a.listAt[l.ti-2]].pron == "" {
			ps := a.parties(a.listAt[l.ti-2], f, nil)
			for i := range ps {
				ps[i].pos = l.ti
			}
			return ps
		}
		return nil
	}
	object := l.pron == "it" && l.ti > 0 && a.trigAt[l.ti-1] >= 0
	usable := func(lj int) []roleParty {
		lk := &a.lists[lj]
		if lk.pron != "" || lk.place || lk.except || a.dateline(lj) {
			return nil // a dateline city ("BEIRUT —") is no antecedent
		}
		ps := a.parties(lj, f, nil)
		var out []roleParty
		for _, p := range ps {
			if !sameSide(avoid, p.countries) && a.actors[a.actorAtPos(p.pos)].origin < 0 {
				p.pos = l.ti
				out = append(out, p)
			}
		}
		return out
	}
	if !object {
		if lj := a.subordinateSubject(li); lj >= 0 {
			if ps := usable(lj); len(ps) > 0 {
				return ps // "Turkey could no longer buy F-35s because it had accepted ..."
			}
		}
		for lj := 0; lj < li; lj++ {
			if a.subjectLike(lj) {
				if ps := usable(lj); len(ps) > 0 {
					return ps
				}
			}
		}
	} else if lj := a.objectPronounSubject(li); lj >= 0 {
		if ps := usable(lj); len(ps) > 0 {
			return ps // "Riyadh could turn to China ... if Washington keeps refusing to sell it the F-35"
		}
	}
	if object {
		// An object "it" is the one sold to: the last subject that does not
		// supply in the sentence ("Riyadh could turn to China for J-35s if
		// Washington refuses to sell it the F-35": Riyadh), else the last
		// party that does not ("Russia delivered helicopters to Uzbekistan,
		// while China agreed to supply it": Uzbekistan).
		for lj := li - 1; lj >= 0; lj-- {
			if a.subjectLike(lj) {
				if ps := usable(lj); len(ps) > 0 && !a.suppliesEarlier(ps) && !a.suppliesAfterTo(lj) {
					return ps
				}
			}
		}
	}
	for lj := li - 1; lj >= 0; lj-- {
		if object && (a.lists[lj].prep == "from" || a.lists[lj].prep == "by") {
			// "received trucks from China, and Russia sent it helicopters":
			// a source named before is no recipient of the next transfer.
			continue
		}
		if ps := usable(lj); len(ps) > 0 && !(object && a.suppliesEarlier(ps)) {
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
