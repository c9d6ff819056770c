package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot"
)

// Rules of the pmaker probe round: makers standing for their state,
// licensed production and local assembly, and parts fitted to another
// country's weapon, written from our own probe sentences (gold s3401 on).

// partnerSubjectRoles reads a licence frame whose supplier and recipient
// were both taken from one coordinated subject: "Turkey's Otokar and
// Romania's Automecanica signed a deal to assemble Cobra II vehicles ...".
// The two partners of a joint assembly deal are not told apart by the
// verb, so the frame is kept only when a "for" phrase after the trigger
// names the user, one of the two partners ("for the Romanian Army"), or an
// "in" phrase the place of production ("to jointly produce ... in
// Indonesia"), or
// the weapons lexicon makes one partner the weapon's maker: the user (the
// maker's partner) is the recipient and the other the licensor ("India and
// Russia signed an agreement to co-produce AK-203 rifles"). Otherwise the frame
// gives nothing (ok false). Frames whose sides come from different lists
// are returned unchanged.
func (a *analysis) partnerSubjectRoles(f *frame, items []int, sups, recs []roleParty) ([]roleParty, []roleParty, bool) {
	if f.kind != bot.KindLicence {
		return sups, recs, true
	}
	li := -1
	for _, s := range sups {
		for _, r := range recs {
			if s.li >= 0 && s.li == r.li && !s.inferred && !r.inferred {
				li = s.li
			}
		}
	}
	if li < 0 {
		return sups, recs, true
	}
	var partners []string
	for _, m := range a.lists[li].members {
		for _, c := range a.actors[m].countries {
			if !slices.Contains(partners, c) {
				partners = append(partners, c)
			}
		}
	}
	if len(partners) != 2 {
		return nil, nil, false
	}
	user := ""
	var makers []string
	for _, it := range items {
		for _, m := range a.items[it].origins {
			makers = append(makers, a.actors[m].countries...)
		}
		makers = append(makers, madeIn(a.items[it].canon)...)
	}
	in0, in1 := slices.Contains(makers, partners[0]), slices.Contains(makers, partners[1])
	switch { // the weapon's maker, by its adjective or the lexicon, licenses it to the other
	case in0 && !in1:
		user = partners[1]
	case in1 && !in0:
		user = partners[0]
	}
	for k := range a.lists {
		if user != "" {
			break
		}
		l := &a.lists[k]
		if k == li || l.prep != "for" && l.prep != "in" || l.ti < f.tj || l.ti >= f.readTo || len(l.members) != 1 {
			continue
		}
		cs := a.actors[l.members[0]].countries
		if len(cs) == 1 && slices.Contains(partners, cs[0]) {
			user = cs[0]
			break
		}
	}
	if user == "" {
		return nil, nil, false
	}
	other := partners[0]
	if other == user {
		other = partners[1]
	}
	var s, r roleParty
	for _, p := range append(slices.Clone(sups), recs...) {
		if p.li != li {
			continue
		}
		if slices.Contains(p.countries, other) && s.countries == nil {
			s = p
			s.countries = []string{other}
		}
		if slices.Contains(p.countries, user) && r.countries == nil {
			r = p
			r.countries = []string{user}
		}
	}
	if s.countries == nil || r.countries == nil {
		return nil, nil, false
	}
	return []roleParty{s}, []roleParty{r}, true
}
