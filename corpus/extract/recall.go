package extract

import "github.com/briefbot/briefbot/bot/gazetteer"

// Rules of the December 2026 recall round, kept together: each reads one
// more pattern of English seen in real arms reporting.

// keepHand keeps a bare "hand"/"handed" ("China handed the Bangladesh Navy
// two frigates", "handed two patrol boats to Ghana") only when a weapon
// follows within a few words of the same clause, before any comma:
// "handed Ukraine a defeat, destroying ten tanks" and "handed the officers
// long sentences" transfer nothing.
func (a *analysis) keepHand(tr *trig) bool {
	if tr.noun {
		return false
	}
	toks := a.toks
	for j := tr.tj; j < len(toks) && j < tr.tj+9; j++ {
		if a.itemAt[j] >= 0 {
			return true
		}
		if a.trigAt[j] >= 0 || !toks[j].word && toks[j].w != "-" && toks[j].w != "'" && toks[j].w != "'s" {
			return false
		}
	}
	return false
}

// arrivedIn returns the list right after an arrival verb's "in" ("drones
// from Turkey arrived in Niamey", "the first K2 tanks arrived in Poland"):
// the country, or the capital that stands for it, that the goods reached.
// Only a country name or a capital counts, never a demonym or a group, and
// only when no "to"/"for" recipient is named; -1 if none.
func (r *roleReader) arrivedIn() int {
	a, f := r.a, r.f
	if !r.arrivingGoods() {
		return -1
	}
	t := f.tj
	if t < len(a.toks) && a.toks[t].w == "in" {
		t++
	} else {
		return -1
	}
	li := -1
	if t < len(a.toks) {
		li = a.listAt[t]
	}
	if li < 0 || len(a.lists[li].members) != 1 || a.lists[li].pron != "" || a.lists[li].except {
		return -1
	}
	ac := &a.actors[a.lists[li].members[0]]
	if ac.drop || ac.poss || len(ac.countries) != 1 ||
		ac.kind != gazetteer.NameMention && ac.kind != gazetteer.CapitalMention {
		return -1
	}
	return li
}

// arrivingGoods reports whether a weapon of the frame stands before its
// arrival verb, as its subject: "the drones arrived", not "the delegation
// arrived in Moscow to discuss drones".
func (r *roleReader) arrivingGoods() bool {
	for _, it := range r.items {
		if r.a.items[it].tj <= r.f.ti {
			return true
		}
	}
	return false
}

// arrivedFrom returns the "from" list right after the arriving goods
// ("Akinci drones from Turkey arrived in Niamey"): the sender.
func (r *roleReader) arrivedFrom() []int {
	a := r.a
	if !r.arrivingGoods() {
		return nil
	}
	var out []int
	for _, li := range r.byPrep(r.before, "from") {
		l := &a.lists[li]
		for _, it := range r.items {
			if a.items[it].tj+1 == l.ti {
				out = append(out, li)
			}
		}
	}
	return out
}

// boughtRelativeItem returns the weapon a relative clause with "that"
// qualifies when the clause's subject bought or ordered it ("the K2 tanks
// that Poland ordered from South Korea", "the F-16s that Argentina bought
// from Denmark"), for the buying verb itself and for a passive or arrival
// verb after it in the same clause ("... arrived at the port", "... have
// been handed over"), whose subject is that weapon; nil otherwise.
func (a *analysis) boughtRelativeItem(f *frame) []int {
	c := &a.clauses[f.clause]
	if c.kind != cThat || c.ts < 2 || a.toks[c.ts-1].w != "that" || c.subj < 0 {
		return nil
	}
	it := a.itemAt[c.ts-2]
	if it < 0 || a.items[it].org {
		return nil
	}
	// The relative's own verb: the first trigger after its subject.
	s := a.lists[c.subj].tj
	for s < c.te && (adverbs[a.toks[s].w] || haveForms[a.toks[s].w]) {
		s++
	}
	k := a.trigAt[s]
	if s >= c.te || k < 0 {
		return nil
	}
	rt := &a.trigs[k]
	if rt.noun || rt.passive || rt.spec.dir != dirR || rt.spec.kind != "" || rt.spec.status != ord && rt.spec.status != del {
		return nil
	}
	tr := &a.trigs[f.t]
	switch {
	case f.t == k:
		return []int{it}
	case tr.ti > rt.ti && (tr.passive || f.spec.sp == spArrive) && !tr.noun:
		for t := rt.tj; t < tr.ti; t++ {
			if a.itemAt[t] >= 0 || a.trigAt[t] >= 0 && a.trigAt[t] != f.t || a.toks[t].w == "," {
				return nil
			}
		}
		return []int{it}
	}
	return nil
}

// dropBuiltFor drops a recipient named by "for" right after a maker's
// "built in X" when X does not supply in the frame: in "Germany's refusal
// to supply engines for a submarine built in China for the Royal Thai Navy"
// Thailand is China's customer, not Germany's. (With "Royal" read before a
// service name, such "for" lists became visible to distant triggers.)
func (a *analysis) dropBuiltFor(sups, recs []roleParty) []roleParty {
	var out []roleParty
	for _, p := range recs {
		if p.li >= 0 && a.lists[p.li].prep == "for" {
			if b := a.builtListBefore(p.li); b >= 0 && !sameSide(sups, a.actors[a.lists[b].members[0]].countries) {
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// builtListBefore returns the "built in"/"built by" list that ends right
// before the "for" of list li ("built in China for the Thai Navy"); -1.
func (a *analysis) builtListBefore(li int) int {
	t := a.lists[li].ti - 1
	for t >= 0 && a.toks[t].w != "for" {
		if !skipBeforeActor[a.toks[t].w] {
			return -1
		}
		t--
	}
	if t < 1 {
		return -1
	}
	if b := a.listAt[t-1]; b >= 0 && a.lists[b].builtIn && len(a.lists[b].members) > 0 {
		return b
	}
	return -1
}
