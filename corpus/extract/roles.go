package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot/gazetteer"
)

// roles finds the suppliers and recipients of f.
func (a *analysis) roles(f *frame, items []int) (sups, recs []roleParty) {
	toks := a.toks
	tr := &a.trigs[f.t]
	before := a.listsIn(f.bs, f.start)
	after := a.listsIn(f.tj, f.ae)
	between := a.listsIn(f.start, f.ti)
	c := &a.clauses[f.clause]

	// The agent of a nominal trigger: "Uzbekistan's purchase", "US sale", "its order".
	agent := -1
	for _, li := range before {
		l := &a.lists[li]
		for _, m := range l.members {
			if a.actors[m].agentOf == f.t {
				agent = li
			}
		}
		if l.pron == "its" && a.nextContent(l.tj, 2) == f.ti {
			agent = li
		}
	}
	// The subject: the last subject-like list before the frame.
	subj := -1
	for i := len(before) - 1; i >= 0; i-- {
		li := before[i]
		if li == agent || !a.subjectLike(li) {
			continue
		}
		subj = li
		break
	}
	weaponSubj := false
	for t := f.start - 1; t >= c.ts && t >= f.start-5; t-- {
		if a.listAt[t] >= 0 {
			break
		}
		if w := toks[t].w; w == "they" || w == "these" || w == "those" {
			weaponSubj = true
		}
	}
	if subj < 0 && c.subj >= 0 && (!c.own || a.lists[c.subj].ti < f.start) && !weaponSubj && !f.gapped {
		subj = c.subj
	}
	if subj < 0 && c.subj >= 0 && a.lists[c.subj].ti > f.tj {
		// "After decades of dependence on Russian weapons, Uzbekistan ...": the
		// subject after an introductory phrase.
		for t := f.tj; t < a.lists[c.subj].ti; t++ {
			if toks[t].w == "," {
				subj = c.subj
				break
			}
		}
	}

	byPrep := func(ls []int, preps ...string) []int {
		var out []int
		for _, li := range ls {
			l := &a.lists[li]
			if l.place || l.except || l.builtIn {
				continue
			}
			if slices.Contains(preps, l.prep) {
				out = append(out, li)
			}
		}
		return out
	}
	add := func(dst *[]roleParty, lists []int, avoid []roleParty) {
		for _, li := range lists {
			for _, p := range a.parties(li, f, avoid) {
				if !hasParty(*dst, p.countries) {
					*dst = append(*dst, p)
				}
			}
		}
	}
	origins := func(dst *[]roleParty, avoid []roleParty) {
		for _, it := range items {
			for _, m := range a.items[it].origins {
				ac := &a.actors[m]
				if ac.drop || len(ac.countries) != 1 || ac.kind == gazetteer.GroupMention {
					continue
				}
				if sameSide(avoid, ac.countries) {
					continue
				}
				*dst = append(*dst, roleParty{party: party{countries: ac.countries, pos: ac.ti}, li: -1, it: it})
			}
		}
	}
	builtBy := func(dst *[]roleParty) {
		for li := range a.lists {
			if a.lists[li].builtIn {
				add(dst, []int{li}, nil)
			}
		}
	}
	owners := func(dst *[]roleParty) {
		for _, it := range items {
			if o := a.items[it].owner; o >= 0 && a.actors[o].list >= 0 {
				add(dst, []int{a.actors[o].list}, nil)
			}
		}
	}
	directObject := func() []int {
		if tr.noun || len(after) == 0 {
			return nil
		}
		li := after[0]
		l := &a.lists[li]
		if l.prep != "" || l.place {
			return nil
		}
		gap := l.ti - f.tj
		if gap > 3 {
			return nil
		}
		for t := f.tj; t < l.ti; t++ {
			if !skipBeforeActor[toks[t].w] {
				return nil
			}
		}
		for _, m := range l.members {
			if a.actors[m].origin >= 0 || a.actors[m].owner >= 0 {
				return nil
			}
		}
		return []int{li}
	}
	one := func(li int) []int {
		if li < 0 {
			return nil
		}
		return []int{li}
	}
	makersAfter := func() []int {
		var out []int
		for _, li := range after {
			l := &a.lists[li]
			if l.place || l.except {
				continue
			}
			for _, m := range l.members {
				if a.actors[m].kind == gazetteer.ManufacturerMention && a.actors[m].origin < 0 {
					out = append(out, li)
					break
				}
			}
		}
		return out
	}
	makerOnly := func(li int) bool {
		if li < 0 || a.lists[li].pron != "" {
			return false
		}
		for _, m := range a.lists[li].members {
			if a.actors[m].kind != gazetteer.ManufacturerMention {
				return false
			}
		}
		return true
	}
	counterparts := append(byPrep(between, "with", "from"), byPrep(after, "with")...)
	licence := f.kind == "licence"
	passive := tr.passive || f.spec.sp == spArrive

	switch {
	case f.spec.dir == dirU:
		origins(&sups, nil)
		if len(sups) == 0 {
			builtBy(&sups)
		}
		add(&recs, byPrep(after, "with", "by", "of"), sups)
		if len(recs) == 0 {
			owners(&recs)
		}
		if len(recs) == 0 {
			add(&recs, one(subj), sups)
		}
	case f.spec.sp == spWinOrder:
		add(&sups, one(subj), nil)
		add(&recs, byPrep(after, "from", "with", "for"), sups)
	case f.spec.dir == dirS && !passive:
		if agent >= 0 {
			add(&sups, one(agent), nil)
		} else {
			add(&sups, one(subj), nil)
		}
		if len(sups) == 0 && tr.noun {
			add(&sups, byPrep(after, "by", "from"), nil)
		}
		if len(sups) == 0 {
			builtBy(&sups)
		}
		if len(sups) == 0 {
			origins(&sups, nil)
		}
		if f.spec.sp == spSupplier && agent >= 0 {
			// "Kyrgyzstan's main supplier": the possessor receives.
			sups, recs = nil, nil
			add(&recs, one(agent), nil)
			add(&sups, one(subj), recs)
		}
		add(&recs, byPrep(after, "to"), sups)
		add(&recs, directObject(), sups)
		if len(recs) == 0 {
			add(&recs, byPrep(counterparts, "with"), sups)
		}
		if len(recs) == 0 {
			add(&recs, byPrep(after, "for"), sups)
		}
		if len(recs) == 0 && tr.noun && agent >= 0 && subj >= 0 {
			// "Kazakhstan turned down a Russian offer": the subject receives.
			add(&recs, one(subj), sups)
		}
	case f.spec.dir == dirS:
		add(&sups, byPrep(after, "by", "from"), nil)
		if len(sups) == 0 {
			builtBy(&sups)
		}
		if len(sups) == 0 {
			origins(&sups, nil)
		}
		add(&recs, byPrep(after, "to", "for"), sups)
		if len(recs) == 0 {
			owners(&recs)
		}
		if len(recs) == 0 && f.tj < len(toks) && toks[f.tj].w == "with" {
			add(&recs, one(subj), sups) // "Kazakhstan was supplied with drones"
		}
		if len(sups) == 0 && c.kind == cThat && c.parent >= 0 && a.denyAt[f.start] {
			add(&sups, one(a.clauses[c.parent].subj), recs) // "India denied that BrahMos missiles had been sold"
		}
		if len(sups) == 0 && len(recs) > 0 {
			add(&sups, one(a.topicSubject(f)), recs) // "Turkey's deals include drones delivered to X"
		}
	case !passive: // dirR
		if agent >= 0 {
			add(&recs, one(agent), nil)
		} else {
			add(&recs, one(subj), nil)
		}
		if f.spec.light && agent >= 0 && a.lists[agent].pron == "" && allDemonyms(a, agent) {
			// "Russian deals with Kazakhstan": the demonym supplies.
			sups, recs = nil, nil
			add(&sups, one(agent), nil)
			add(&recs, append(append(byPrep(after, "with", "for", "to"), counterparts...), one(subj)...), sups)
			break
		}
		if f.spec.light && makerOnly(subj) && agent < 0 {
			// "Hanwha Aerospace signed a contract with Romania": the maker supplies.
			sups, recs = recs, nil
			add(&recs, append(counterparts, byPrep(after, "from", "for")...), sups)
			break
		}
		if licence {
			a.jointProducer(f, subj, &recs, &sups, after)
		}
		if f.spec.sp == spTurnTo {
			add(&sups, byPrep(after, "to"), recs)
		}
		add(&sups, byPrep(after, "from"), recs)
		withOnly := len(sups) == 0
		add(&sups, counterparts, recs)
		if withOnly && len(sups) > 0 && f.spec.light {
			// "X's deals with Y", "X reached a contract with Y": "with"
			// does not say who sells. The maker of the weapon decides;
			// without one, a possessive deal says nothing.
			switch a.makerSide(items, sups, recs) {
			case -1:
				sups, recs = recs, sups
			case 0:
				if agent >= 0 {
					return nil, nil
				}
			}
		}
		if len(sups) == 0 {
			origins(&sups, recs)
		}
		if len(sups) == 0 {
			add(&sups, makersAfter(), recs)
		}
		if len(sups) == 0 {
			builtBy(&sups) // "received two corvettes built in South Korea"
		}
		if len(recs) == 0 && tr.noun {
			add(&recs, byPrep(after, "by"), sups) // "arms imports by European states"
		}
	default: // dirR passive
		add(&recs, byPrep(after, "by", "for"), nil)
		if len(recs) == 0 {
			owners(&recs)
		}
		add(&sups, byPrep(after, "from"), recs)
		if len(sups) == 0 {
			origins(&sups, recs)
		}
		if len(sups) == 0 {
			builtBy(&sups)
		}
		if len(recs) == 0 && len(sups) > 0 {
			add(&recs, one(a.topicSubject(f)), sups)
		}
	}
	return dropSame(sups, recs)
}

// makerSide compares the makers of items (by the weapons lexicon) with the
// two sides of a frame: 1 when a maker is among sups and none among recs,
// -1 for the reverse, 0 when the makers do not tell.
func (a *analysis) makerSide(items []int, sups, recs []roleParty) int {
	inSups, inRecs := false, false
	for _, it := range items {
		for _, c := range madeIn(a.items[it].canon) {
			inSups = inSups || hasCountry(sups, c)
			inRecs = inRecs || hasCountry(recs, c)
		}
	}
	switch {
	case inSups && !inRecs:
		return 1
	case inRecs && !inSups:
		return -1
	}
	return 0
}

func hasCountry(ps []roleParty, c string) bool {
	for _, p := range ps {
		if slices.Contains(p.countries, c) {
			return true
		}
	}
	return false
}
