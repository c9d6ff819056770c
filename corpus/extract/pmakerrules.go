package extract

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
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
	li := sharedSubjectList(sups, recs)
	if li < 0 {
		return sups, recs, true
	}
	partners := a.listCountries(li)
	if len(partners) != 2 {
		return nil, nil, false
	}
	user := a.makerPartnerUser(items, partners)
	if user == "" {
		user = a.prepPhraseUser(f, li, partners)
	}
	if user == "" {
		return nil, nil, false
	}
	other := partners[0]
	if other == user {
		other = partners[1]
	}
	s, r := partnerRoleParties(li, other, user, sups, recs)
	if s.countries == nil || r.countries == nil {
		return nil, nil, false
	}
	return []roleParty{s}, []roleParty{r}, true
}

// sharedSubjectList returns the list that gave both a supplier and a
// recipient, neither inferred (the last such pair when several); -1 when
// the two sides come from different lists.
func sharedSubjectList(sups, recs []roleParty) int {
	li := -1
	for _, s := range sups {
		for _, r := range recs {
			if s.li >= 0 && s.li == r.li && !s.inferred && !r.inferred {
				li = s.li
			}
		}
	}
	return li
}

// listCountries returns the distinct countries of list li's members, in
// order of first mention.
func (a *analysis) listCountries(li int) []string {
	var partners []string
	for _, m := range a.lists[li].members {
		for _, c := range a.actors[m].countries {
			if !slices.Contains(partners, c) {
				partners = append(partners, c)
			}
		}
	}
	return partners
}

// makerPartnerUser returns the partner that is not the maker of the
// goods, by their adjective or the lexicon: the maker licenses the weapon
// to the other. "" when neither or both partners make it.
func (a *analysis) makerPartnerUser(items []int, partners []string) string {
	var makers []string
	for _, it := range items {
		for _, m := range a.items[it].origins {
			makers = append(makers, a.actors[m].countries...)
		}
		makers = append(makers, madeIn(a.items[it].canon)...)
	}
	in0, in1 := slices.Contains(makers, partners[0]), slices.Contains(makers, partners[1])
	switch {
	case in0 && !in1:
		return partners[1]
	case in1 && !in0:
		return partners[0]
	}
	return ""
}

// prepPhraseUser returns the partner named alone by a "for" or "in"
// phrase after the trigger of f, within its reach ("for the Romanian
// Army", "in Indonesia"); "" when none. List li, the subject, is skipped.
func (a *analysis) prepPhraseUser(f *frame, li int, partners []string) string {
	for k := range a.lists {
		l := &a.lists[k]
		if k == li || l.prep != "for" && l.prep != "in" || l.ti < f.tj || l.ti >= f.readTo || len(l.members) != 1 {
			continue
		}
		cs := a.actors[l.members[0]].countries
		if len(cs) == 1 && slices.Contains(partners, cs[0]) {
			return cs[0]
		}
	}
	return ""
}

// partnerRoleParties returns the first party of list li (suppliers, then
// recipients) naming other as the supplier and the first naming user as
// the recipient, each narrowed to that one country; a zero party when
// none names it.
func partnerRoleParties(li int, other, user string, sups, recs []roleParty) (s, r roleParty) {
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
	return s, r
}

// hostFirstCues follow a weapon and precede the parts fitted to it: "the
// KAAN prototypes use General Electric F110 engines", "are powered by
// American F404 engines".
var hostFirstCues = newPhraseSet[bool]()

// partFirstCues follow a part and precede the weapon it is fitted to:
// "Saab's Erieye radar has been fitted to the ...".
var partFirstCues = newPhraseSet[bool]()

func init() {
	hostFirstCues.add("use|uses|powered by|fitted with|equipped with", true)
	partFirstCues.add("fitted to|fitted on|installed on|installed in|integrated into|integrated on", true)
}

// fitHedges in a fitted-part clause make the fit not yet done or not
// done at all: "will be powered by", "could use", "did not use".
var fitHedges = words("will would could may might can should not never no plan plans planned proposed " +
	"considering consider offered offer intends intend expected if unless instead replace replaced")

// fittedPartRelations reads a part of stated origin fitted to a weapon
// whose builder is known: "The KAAN fighter's prototypes use General
// Electric F110 engines" gives United States -> Turkey, "Saab's Erieye
// radar has been fitted to the Brazilian ..." Sweden -> the builder. The
// part goes to the country that builds the weapon (by the lexicon, else
// by an adjective or maker's name on it), never to the weapon's user or
// buyer ("bought by Malaysia"): guidelines, section 2. A weapon owned by
// another country ("Kazakhstan's Mi-17") may have been refitted for its
// owner, so it gives nothing.
// A clause that plans, negates or hedges the fit gives nothing.
//
// fittedParts returns rels with those relations added, less any that
// give such a part to another country than the builder ("Pakistan's
// Babur-class corvettes, built in Turkey by ASFAT, use Thales radars" is
// France -> Turkey, not France -> Pakistan).
func (a *analysis) fittedParts(rels []relation) []relation {
	add := a.fittedPartRelations()
	if len(add) == 0 {
		return rels
	}
	out := rels[:0:0]
	for _, r := range rels {
		drop := false
		for _, f := range add {
			if r.Supplier == f.Supplier && r.Recipient != f.Recipient && partCategory(r.Category) &&
				r.Category == f.Category && systemKey(r.System) == systemKey(f.System) {
				drop = true
			}
		}
		if !drop {
			out = append(out, r)
		}
	}
	return append(out, add...)
}

func (a *analysis) fittedPartRelations() []relation {
	if a.hedged() {
		return nil
	}
	var out []relation
	toks := a.toks
	for k := 0; k < len(toks); k++ {
		hostFirst := false
		_, n := hostFirstCues.match(toks, k)
		if n > 0 {
			hostFirst = true
		} else if _, n = partFirstCues.match(toks, k); n == 0 {
			continue
		}
		host, parts := -1, []int(nil)
		if hostFirst {
			host = a.fitHost(k, -1)
			parts = a.fitParts(k+n, 1)
		} else {
			parts = a.fitParts(k-1, -1)
			host = a.fitHost(k+n, 1)
		}
		if host < 0 || len(parts) == 0 || a.fitHedged(k) {
			continue
		}
		builder, fromLexicon, built := a.fitBuilder(host)
		if builder == "" || !built && a.fitOwnedByOther(host, builder) {
			continue
		}
		for _, p := range parts {
			origin := a.partOrigin(p)
			if origin == "" || origin == builder {
				continue
			}
			x := &a.items[p]
			r := relation{pos: x.ti, recHostMaker: fromLexicon} // the named weapon's maker: read from the sentence, not the context
			r.Supplier, r.Recipient = origin, builder
			r.System, r.Category = x.system, x.category
			r.Status, r.Kind = bot.StatusDelivered, bot.KindSale
			out = append(out, r)
		}
		k += n - 1
	}
	return out
}

// fitHost returns the nearest named weapon that is no part, from token t
// in direction dir within t's clause; -1 when none.
func (a *analysis) fitHost(t, dir int) int {
	if t < 0 || t >= len(a.toks) {
		return -1
	}
	cl := a.clauseAt[t]
	for j := t; j >= 0 && j < len(a.toks) && a.clauseAt[j] == cl; j += dir {
		if a.toks[j].w == ";" {
			return -1
		}
		it := a.itemAt[j]
		if it < 0 {
			continue
		}
		x := &a.items[it]
		if partCategory(x.category) {
			if dir > 0 {
				return -1
			}
			continue
		}
		if x.system == "" {
			return -1
		}
		return it
	}
	return -1
}

// fitParts returns the parts (engines, sensors) from token t in direction
// dir, up to a comma, semicolon or another weapon.
func (a *analysis) fitParts(t, dir int) []int {
	var out []int
	if t < 0 || t >= len(a.toks) {
		return nil
	}
	cl := a.clauseAt[t]
	for j := t; j >= 0 && j < len(a.toks) && a.clauseAt[j] == cl && j >= t-8 && j <= t+8; j += dir {
		w := a.toks[j].w
		if w == ";" || w == "," || w == "." {
			break
		}
		it := a.itemAt[j]
		if it < 0 {
			continue
		}
		if !partCategory(a.items[it].category) {
			break
		}
		if !slices.Contains(out, it) {
			out = append(out, it)
		}
	}
	return out
}

// fitHedged reports whether a hedge word stands in the clause of the cue
// at k, or an infinitive "to" governs it.
func (a *analysis) fitHedged(k int) bool {
	if k > 0 && a.toks[k-1].w == "to" || k > 1 && a.toks[k-1].w == "be" && a.toks[k-2].w == "to" {
		return true // "is to use", "are to be fitted with"
	}
	cl := a.clauseAt[k]
	for j := 0; j < len(a.toks); j++ {
		if a.clauseAt[j] == cl && fitHedges[a.toks[j].w] {
			return true
		}
	}
	return false
}

// fitOwnedByOther reports whether a country other than the builder owns the
// host by a possessive: "Kazakhstan's Mi-17 helicopters were equipped
// with Israeli thermal imagers" may be a refit for the owner, not a part
// for the builder, so the part's recipient is left open.
func (a *analysis) fitOwnedByOther(host int, builder string) bool {
	o := a.items[host].owner
	if o < 0 {
		return false
	}
	ac := &a.actors[o]
	return ac.kind != gazetteer.ManufacturerMention && !(len(ac.countries) == 1 && ac.countries[0] == builder)
}

// fitBuilder returns the country that builds the host weapon: the one
// country of its "built in/by X" phrases, else its maker by the lexicon
// (fromLexicon), else one country named by an adjective or
// maker's name on it ("the Brazilian Embraer E-99"); "" when unknown or
// several.
func (a *analysis) fitBuilder(host int) (c string, fromLexicon, built bool) {
	x := &a.items[host]
	for l := range a.lists { // "corvettes, built in Turkey by ASFAT"
		if !a.lists[l].builtIn || a.lists[l].ti < x.tj || a.lists[l].ti > x.tj+4 {
			continue
		}
		for _, m := range a.lists[l].members {
			ac := &a.actors[m]
			if ac.kind == gazetteer.GroupMention || len(ac.countries) != 1 || c != "" && c != ac.countries[0] {
				return "", false, false
			}
			c = ac.countries[0]
		}
	}
	if c != "" {
		return c, false, true
	}
	if m := madeIn(x.canon); len(m) == 1 {
		return m[0], true, false
	} else if len(m) > 1 {
		return "", false, false
	}
	for _, o := range x.origins {
		ac := &a.actors[o]
		if ac.kind == gazetteer.GroupMention || len(ac.countries) != 1 || c != "" && c != ac.countries[0] {
			return "", false, false
		}
		c = ac.countries[0]
	}
	return c, false, false
}

// partOrigin returns the one country a part comes from: an adjective or
// maker before it ("American F404 engines", "General Electric F110"), its
// maker's possessive ("Saab's Erieye radar"), "from X" after it, else
// the lexicon; "" when none or several.
func (a *analysis) partOrigin(p int) string {
	x := &a.items[p]
	c := ""
	for _, o := range x.origins {
		ac := &a.actors[o]
		if ac.kind == gazetteer.GroupMention || len(ac.countries) != 1 || c != "" && c != ac.countries[0] {
			return ""
		}
		c = ac.countries[0]
	}
	if c != "" {
		return c
	}
	if x.owner >= 0 {
		ac := &a.actors[x.owner]
		if ac.kind == gazetteer.ManufacturerMention && len(ac.countries) == 1 {
			return ac.countries[0]
		}
		return "" // "Pakistan's engines": a holder, not an origin
	}
	if f := a.fromAfter(p); f >= 0 && f+1 < len(a.toks) {
		if ai := a.actorAt[f+1]; ai >= 0 {
			ac := &a.actors[ai]
			if ac.kind != gazetteer.GroupMention && len(ac.countries) == 1 {
				return ac.countries[0]
			}
		}
		return ""
	}
	if m := madeIn(x.canon); len(m) == 1 {
		return m[0]
	}
	return ""
}

// A weapon word before a company noun names a business, not goods: "had
// bought Spain's Santa Bárbara Sistemas' ammunition business", "a stake
// in its drone division". Buying a company transfers no arms.
func init() {
	for _, w := range strings.Fields("business businesses division divisions subsidiary subsidiaries " +
		"company companies firm firms stake stakes shares") {
		weaponOrgNouns[w] = true
	}
}

// partHostDropped drops the host weapon named after "for" behind a part
// whose transfer the sentence states: "Motor Sich supplied AI-222 engines
// for China's Hongdu L-15 trainers" gives the engines, not the trainers,
// to China. Only the part travels between the two; the host is the
// recipient's own build.
func (a *analysis) partHostDropped(rels []relation) []relation {
	var hosts []string
	for it := range a.items {
		x := &a.items[it]
		if x.system == "" || partCategory(x.category) {
			continue
		}
		j := x.ti - 1
		for j >= 0 && (a.actorAt[j] >= 0 || a.toks[j].w == "the" || a.toks[j].w == "'" || a.toks[j].w == "s") {
			j--
		}
		if j < 1 || a.toks[j].w != "for" || a.itemAt[j-1] < 0 || !partCategory(a.items[a.itemAt[j-1]].category) ||
			a.items[a.itemAt[j-1]].system == "" {
			continue
		}
		hosts = append(hosts, systemKey(x.system), systemKey(a.items[a.itemAt[j-1]].system))
	}
	if len(hosts) == 0 {
		return rels
	}
	out := rels[:0:0]
	for _, r := range rels {
		drop := false
		for h := 0; h+1 < len(hosts); h += 2 {
			if systemKey(r.System) != hosts[h] {
				continue
			}
			for _, p := range rels { // the part goes the same way
				if systemKey(p.System) == hosts[h+1] && p.Supplier == r.Supplier && p.Recipient == r.Recipient {
					drop = true
				}
			}
		}
		if !drop {
			out = append(out, r)
		}
	}
	return out
}
