package extract

import (
	"github.com/briefbot/briefbot/bot"
	"slices"
	"strings"

	"github.com/briefbot/briefbot/bot/gazetteer"
)

// needsContext reports whether some frame lacks a side the context may give.
func (a *analysis) needsContext() bool {
	return len(a.res.partials) > 0 || a.includesOnly()
}

// includes returns the token of "It includes ..." near the start of a
// sentence with no transfer of its own, -1 if none.
func (a *analysis) includes() int {
	for t := 0; t < len(a.toks) && t < 6; t++ {
		switch a.toks[t].w {
		case "include", "includes", "included", "comprises", "comprised", "consists", "consisted", "contains":
			return t
		case "cover", "covers", "covered":
			if a.dealCovers(t) {
				return t // "The deal also covers Meteor missiles" (rd12rrules.go)
			}
		}
	}
	return -1
}

// inferContext is what the context offers a sentence's partial frames:
// the previous sentence's relations and partial frames, and the countries
// the context names, in tiers, for each side.
type inferContext struct {
	prev                     *analysis
	prevRels                 []relation
	prevPartials             []*frame
	recMentions, supMentions [][]string
}

// infer fills the missing sides of partial frames from the context: the
// previous sentence's relations and frames, then the countries the previous
// sentence, the title and About name. It returns the inferred relations.
func (a *analysis) infer(prev *analysis) []relation {
	ic := &inferContext{prev: prev, recMentions: a.contextCountries(prev, true), supMentions: a.contextCountries(prev, false)}
	if prev != nil {
		ic.prevRels = prev.resolve()
		ic.prevPartials = prev.res.partials
	}
	if a.includesOnly() && len(ic.prevRels) > 0 {
		return a.inferIncludes(ic.prevRels[0])
	}
	var rels []relation
	for _, f := range a.res.partials {
		if a.refusedRequest(f) {
			rels = a.emit(f, rels)
			continue
		}
		if !a.inferable(f, prev) {
			continue
		}
		a.borrowAnaphorItem(f, prev)
		a.suchSystem(f, prev)
		if openSupplier(f) {
			// A buyer's plan: only the weapon's maker, named nearby, may supply.
			a.nameDefiniteItem(f, prev)
			if maker := a.planMaker(f.items); maker != "" {
				f.rsups = contextParty(maker)
			} else {
				continue
			}
		}
		sups, recs, ok := a.inferBothSides(f, ic)
		if !ok {
			continue
		}
		if len(recs) == 0 && a.namesOtherRecipient(f) {
			continue // "donated vehicles to border forces across the region": no country to infer
		}
		if len(recs) == 0 {
			recs = a.inferRecipient(f, ic, sups)
		}
		if len(sups) == 0 {
			sups = a.inferSupplier(f, ic, recs)
		}
		if len(sups) == 0 || sups[0].inferred {
			if k := a.dealer(first(recs)); k >= 0 {
				sups = dealerParty(&a.actors[k])
			}
		}
		if len(sups) == 0 || len(recs) == 0 {
			continue
		}
		if recs[0].inferred && a.otherSubject(f, first(recs), sups) {
			continue // "Uzbekistan is the only other country with an HQ-9: ..., delivered in 2018"
		}
		if sups[0].inferred && a.otherSource(first(sups)) {
			continue // "an S-125T Pechora-2T from Belarus": not the context's supplier
		}
		f.rsups, f.rrecs = sups, recs
		a.carryPrevSystem(f, ic.prevRels, first(sups), first(recs)) // "The first batch of four planes was delivered"
		f.items = a.filterItems(f.items, recs)
		f.groups = nil
		a.makeGroups(f)
		rels = a.emit(f, rels)
	}
	return rels
}

// inferIncludes reads "It includes CV90 infantry fighting vehicles": the
// previous sentence's transfer p, one relation per weapon named.
func (a *analysis) inferIncludes(p relation) []relation {
	var items []int
	for it := range a.items {
		if !a.items[it].org && a.items[it].ti > a.includes() {
			items = append(items, it)
		}
	}
	var rels []relation
	for _, it := range a.filterItems(items, nil) {
		r := p
		r.Inferred, r.supInferred, r.recInferred = true, true, true
		r.System, r.Category = a.items[it].system, a.items[it].category
		r.madeIn = madeIn(a.items[it].canon)
		r.Years = a.yearsIn(0, len(a.toks))
		rels = append(rels, r)
	}
	return rels
}

// borrowAnaphorItem gives a frame whose object is "them" the previous
// sentence's first named weapon.
func (a *analysis) borrowAnaphorItem(f *frame, prev *analysis) {
	if len(f.items) > 0 || !f.anaphor || prev == nil {
		return
	}
	for it := range prev.items {
		if x := prev.items[it]; !x.org && !x.arms {
			a.items = append(a.items, item{system: x.system, category: x.category, owner: -1, ti: f.tj, tj: f.tj})
			f.items = append(f.items, len(a.items)-1)
			return
		}
	}
}

// contextParty is one country taken from the context.
func contextParty(c string) []roleParty {
	return []roleParty{{party: party{countries: []string{c}, pos: -1, inferred: true}, li: -1, it: -1}}
}

// frameSystem returns the key of the frame's first named system, "" if none.
func (a *analysis) frameSystem(f *frame) string {
	for _, it := range f.items {
		if a.items[it].system != "" {
			return systemKey(a.items[it].system)
		}
	}
	return ""
}

// inferBothSides fills a frame that names neither side: from the previous
// sentence's transfer (its supplier replaced by the weapon's maker when
// that names another), its partial supplier, or the weapon's maker named
// nearby. ok is false when nothing fits.
func (a *analysis) inferBothSides(f *frame, ic *inferContext) (sups, recs []roleParty, ok bool) {
	sups, recs = f.rsups, f.rrecs
	if len(sups) > 0 || len(recs) > 0 {
		return sups, recs, true
	}
	maker := a.namedMaker(f.items)
	switch {
	case len(ic.prevRels) > 0:
		p := bestPrev(ic.prevRels, a.frameSystem(f), "", "", nil)
		sups, recs = contextParty(p.Supplier), contextParty(p.Recipient)
		if maker != "" && maker != p.Supplier && maker != p.Recipient {
			sups = contextParty(maker) // the previous transfer was of another maker's weapon
		}
	case len(ic.prevPartials) > 0 && len(ic.prevPartials[0].rsups) > 0 && !ic.prevPartials[0].spec.light:
		sups = markInferred(ic.prevPartials[0].rsups)
	case maker != "":
		// "About four Caracal tank destroyers, ordered in 2010 and
		// delivered in 2011" after a sentence that names Belarus.
		sups = contextParty(maker)
	case a.pronounBuyer(f) && a.itemsMaker(f.items) != "" && !a.otherSource(a.itemsMaker(f.items)):
		// "In 2021 it received Bayraktar TB2 drones": the buyer is the
		// report's subject (inferRecipient), the maker by the lexicon sells.
		sups = contextParty(a.itemsMaker(f.items))
	default:
		return nil, nil, false
	}
	return sups, recs, true
}

// pronounBuyer reports whether frame f's buyer is a pronoun subject: "it
// received", "they bought".
func (a *analysis) pronounBuyer(f *frame) bool {
	if f.spec.dir != dirR || a.trigs[f.t].noun || a.trigs[f.t].passive {
		return false
	}
	for _, l := range a.lists {
		if (l.pron == "it" || l.pron == "they") && l.ti < f.start && f.start-l.tj <= 3 {
			return true
		}
	}
	return false
}

// inferRecipient finds a missing recipient, best first: a place of local
// production ("including assembly in Kazakhstan"), the maker of a part's
// host, the report's subject named in the sentence, the recipient of the
// previous sentence's transfer or partial frame, a country the context
// names.
func (a *analysis) inferRecipient(f *frame, ic *inferContext, sups []roleParty) []roleParty {
	if recs := a.localProducer(f, sups); len(recs) > 0 {
		return recs
	}
	// "The United States supplied their engines: F-124 turbofans for the
	// M-346FAs": a part goes to the maker of its host.
	if c := a.hostMaker(f.items); c != "" && !sameSide(sups, []string{c}) {
		ps := contextParty(c)
		ps[0].hostMaker = true
		return ps
	}
	if a.partsWithHost(f.items) {
		return nil // the host's builder receives the parts; the text does not say who that is
	}
	if a.toForces(f) {
		return nil // "handed over APCs to the 201st base, its own facility in Tajikistan"
	}
	// "Russia's only transport aircraft for Kazakhstan in the export is one
	// Il-76M": the report's subject, named in the sentence.
	if c := a.subjectNamed(sups); c != "" {
		return contextParty(c)
	}
	if c := a.pronounReferent(f, ic.prev); c != "" && !sameSide(sups, []string{c}) {
		return contextParty(c) // "Poland ... . It would buy 12 new helicopters"
	}
	if p := bestPrev(ic.prevRels, a.frameSystem(f), first(sups), "", a.prevRecipientsFor(f)); p != nil {
		return contextParty(p.Recipient)
	}
	for _, p := range ic.prevPartials {
		if len(p.rrecs) > 0 && !overlap(p.rrecs, sups) && !p.spec.light {
			return markInferred(p.rrecs)
		}
	}
	// The report's one subject ("Russian aid to Kyrgyzstan"), ahead of a
	// country the context merely names.
	if subject := a.ex.subject(a.ctx.Title, a.ctx.About); len(subject) == 1 && !sameSide(sups, subject) && a.ctx.Title != "" {
		return contextParty(subject[0])
	}
	if c := pickMention(ic.recMentions, sups, a.aboutSet()); c != "" {
		return contextParty(c)
	}
	return nil
}

// toForces reports whether frame f sends its goods "to" the sender's own
// troops, base or unit ("to the 201st base, its own facility in
// Tajikistan", "to its troops"): they stay the sender's, and no country of
// the context receives them.
func (a *analysis) toForces(f *frame) bool {
	toks := a.toks
	for t := f.tj; t < f.readTo && t < len(toks); t++ {
		if toks[t].w != "to" {
			continue
		}
		force, own := false, false
		for j := t + 1; j < len(toks) && j <= t+10; j++ {
			switch w := toks[j].w; {
			case a.actorAt[j] >= 0 || a.itemAt[j] >= 0 || w == "." || w == ";":
				j = len(toks)
			case forceNouns[w]:
				force = true
			case w == "own" || w == "its" || w == "their":
				own = true
			}
		}
		if force && own {
			return true
		}
	}
	return false
}

var forceNouns = words("base bases airbase airbases garrison garrisons contingent contingents troops forces " +
	"facility facilities unit units soldiers front")

// localProducer reads "delivered EC145 helicopters, including assembly in
// Kazakhstan": the place of local production receives. A place named
// before the verb says where the goods were made ("The Czech L-39
// trainers, assembled in Slovakia, were sold off"): it is not who they
// were sold to.
func (a *analysis) localProducer(f *frame, sups []roleParty) []roleParty {
	for li := range a.lists {
		l := &a.lists[li]
		if l.ti < f.tj || l.ti >= f.readTo || l.pron != "" || l.prep != "in" || !l.place || !a.localProduction(l.ti) {
			continue
		}
		for _, p := range a.parties(li, f, sups) {
			if p.group == "" && !sameSide(sups, p.countries) {
				return markInferred([]roleParty{p})
			}
		}
	}
	return nil
}

// inferSupplier finds a missing supplier, best first: the supplier of the
// previous sentence's transfer to this recipient (the weapon's maker when
// that names another), the previous partial frame's supplier, the
// weapon's maker named nearby, a country the context names.
func (a *analysis) inferSupplier(f *frame, ic *inferContext, recs []roleParty) []roleParty {
	if a.designedElsewhere(f.items) {
		return nil // "older Soviet-design helicopters, which have been handed over to Ukraine"
	}
	maker := a.namedMaker(f.items)
	if maker != "" && sameSide(recs, []string{maker}) {
		maker = ""
	}
	if p := bestPrev(ic.prevRels, a.frameSystem(f), "", first(recs), nil); p != nil {
		if maker != "" && maker != p.Supplier {
			return contextParty(maker) // the previous transfer was of another maker's weapon
		}
		return contextParty(p.Supplier)
	}
	for _, p := range ic.prevPartials {
		if len(p.rsups) > 0 && !overlap(p.rsups, recs) && !p.spec.light {
			return markInferred(p.rsups)
		}
	}
	if maker != "" {
		return contextParty(maker)
	}
	if c := pickMention(ic.supMentions, recs, nil); c != "" {
		return contextParty(c)
	}
	return nil
}

// bestPrev picks the previous sentence's relation that continues into this
// one: with the known supplier or recipient (when given) and, better, the
// same system; the latest such. It returns nil when none fits.
func bestPrev(rels []relation, sys, sup, rec string, about map[string]bool) *relation {
	var best *relation
	bestScore := -1
	for i := range rels {
		r := &rels[i]
		if sup != "" && (r.Supplier != sup || r.Recipient == sup) || rec != "" && (r.Recipient != rec || r.Supplier == rec) {
			continue
		}
		score := 0
		if sys != "" && systemKey(r.System) == sys {
			score = 1
		}
		if score >= bestScore {
			best, bestScore = r, score
		}
	}
	if best == nil && sup != "" {
		// The recipient of another supplier's transfer, if the report is
		// about it ("Russia sold X to Kazakhstan. Turkey delivered drones.").
		for i := len(rels) - 1; i >= 0; i-- {
			r := &rels[i]
			if r.Recipient != sup && (about == nil || about[r.Recipient]) {
				return r
			}
		}
	}
	return best
}

func first(ps []roleParty) string {
	if len(ps) == 0 || len(ps[0].countries) == 0 {
		return ""
	}
	return ps[0].countries[0]
}

// pickMention picks the first context country not on the known side from
// the first tier that has one, preferring within a tier a country the
// report is about when prefer is not empty.
func pickMention(tiers [][]string, known []roleParty, prefer map[string]bool) string {
	for _, tier := range tiers {
		for _, c := range tier {
			if prefer[c] && !sameSide(known, []string{c}) {
				return c
			}
		}
		for _, c := range tier {
			if !sameSide(known, []string{c}) {
				return c
			}
		}
	}
	return ""
}

func (a *analysis) aboutSet() map[string]bool {
	if a.ctx == nil || len(a.ctx.About) == 0 {
		return nil
	}
	m := map[string]bool{}
	for _, c := range a.ctx.About {
		m[c] = true
	}
	return m
}

// localProduction reports whether a place at t is where the weapon is
// assembled or produced ("including assembly in Kazakhstan").
func (a *analysis) localProduction(t int) bool {
	for j := t - 1; j >= 0 && j >= t-4; j-- {
		switch a.toks[j].w {
		case "assembly", "assembled", "produced", "production", "built", "manufactured", "licence", "license":
			return true
		}
	}
	return false
}

func markInferred(ps []roleParty) []roleParty {
	out := make([]roleParty, len(ps))
	for i, p := range ps {
		p.inferred = true
		p.pos = -1
		p.li = -1
		out[i] = p
	}
	return out
}

// clearTransfer reports whether a frame states a transfer clearly enough to
// take a missing side from the context: a definite weapon or a reference to
// one, no market trend, no "could", not a user of a weapon, nothing refused
// or denied in the sentence.
func (a *analysis) clearTransfer(f *frame) bool {
	if a.revokedPermit(f) {
		return true // "36 export licences for Egypt had been cancelled": a cancellation, not a supply
	}
	if a.hasTrend || f.modalPlan || f.spec.light || f.spec.dir == dirU || a.refusal(f) || a.suppliedBefore(f) ||
		a.permitted(f) {
		return false
	}
	if f.anaphor {
		return true
	}
	tr := &a.trigs[f.t]
	for _, it := range f.items {
		x := &a.items[it]
		// A noun needs a named system ("Deliveries of the Turkish Akinci
		// began"); "drone exports" is a market, not a transfer.
		if x.category != "" && (!tr.noun || x.system != "") {
			return true
		}
	}
	return false
}

// contextCountries lists the countries the context names, in tiers: the
// previous sentence's parties in the wanted role (recipients or suppliers)
// and its subjects; the title; About; then the previous sentence's other
// mentions and parties. Groups are left out.
func (a *analysis) contextCountries(prev *analysis, recipients bool) [][]string {
	// Tiers, best first: the previous sentence's parties on this side (and,
	// for suppliers, the makers named on its weapons); for recipients the
	// previous sentence's other mentions, then the title; for suppliers the
	// title first (a sentence that names no transfer of its own says little
	// about who supplies); then About; then the rest.
	listTier, titleTier := 1, 2
	if !recipients {
		listTier, titleTier = 2, 1
	}
	t := &countryTiers{tiers: make([][]string, 5), seen: map[string]bool{}}
	if prev != nil {
		t.prevParties(prev, recipients)
		if !recipients {
			t.prevMakers(prev)
		}
		t.prevLists(prev, recipients, listTier)
	}
	if a.ctx != nil && !roundupTitle(a.ctx.Title) {
		for _, m := range a.ex.gaz.Find(a.ctx.Title) {
			if m.Kind != gazetteer.GroupMention && len(m.Codes) > 0 {
				t.add(titleTier, a.ex.name(m.Codes[0]))
			}
		}
		for _, c := range a.ctx.About {
			t.add(3, c)
		}
	}
	for _, c := range t.rest {
		t.add(4, c)
	}
	return t.tiers
}

// inferable reports whether partial frame f may take its missing side
// from the context. A deal "it" signed takes its buyer from the previous
// sentence ("it also signed two arms deals with France"); a transfer that
// is not clear, or whose weapon topic's maker supplies (topicRelations),
// or goods bought to be handed on by an unknown giver ("will be purchased
// from Belarus and handed over to Afghanistan": the buyer gives), take
// nothing.
func (a *analysis) inferable(f *frame, prev *analysis) bool {
	if recs := a.pronounDealRecipient(f, prev); len(recs) > 0 {
		f.rrecs = recs
	} else if !a.clearTransfer(f) || a.weapon != nil && len(f.rsups) == 0 && a.weaponSubject(f) {
		return false
	}
	return !a.handedOnUnknownGiver(f) && !a.purchaseHandedOn(f)
}

// roundupWords in a title make the report a collection of unrelated
// items ("Security Vessel News Roundup | ... Philippine Navy's newest
// missile boat and more"): a country of its title is the subject of one
// item at most, so the title gives no side to the others.
var roundupWords = words("roundup round-up digest briefs wrap")

// roundupTitle reports whether title names a roundup of news items.
func roundupTitle(title string) bool {
	for _, t := range tokenize(title) {
		if roundupWords[t.w] {
			return true
		}
	}
	lower := strings.ToLower(title)
	return strings.Contains(lower, "round-up") || strings.Contains(lower, "in brief")
}

// countryTiers collects the countries of contextCountries, each in the
// first tier that names it.
type countryTiers struct {
	tiers [][]string
	seen  map[string]bool
	rest  []string // the previous sentence's other mentions and parties, for the last tier
}

// add puts country c in tier unless c is empty or already listed.
func (t *countryTiers) add(tier int, c string) {
	if c != "" && !t.seen[c] {
		t.seen[c] = true
		t.tiers[tier] = append(t.tiers[tier], c)
	}
}

// prevParties adds the one-country parties of the previous sentence's
// kept frames: those on the wanted side to the first tier, the others to
// the rest.
func (t *countryTiers) prevParties(prev *analysis, recipients bool) {
	for _, f := range prev.res.kept {
		same, other := f.rsups, f.rrecs
		if recipients {
			same, other = f.rrecs, f.rsups
		}
		for _, p := range same {
			if p.group == "" && len(p.countries) == 1 {
				t.add(0, p.countries[0])
			}
		}
		for _, p := range other {
			if p.group == "" && len(p.countries) == 1 && !t.seen[p.countries[0]] {
				t.rest = append(t.rest, p.countries[0])
			}
		}
	}
}

// prevMakers adds to the first tier the makers named on the previous
// sentence's weapons.
func (t *countryTiers) prevMakers(prev *analysis) {
	// The maker named on a weapon: "Turkish armed UAVs went to ...".
	for it := range prev.items {
		for _, k := range prev.items[it].origins {
			if ac := &prev.actors[k]; !ac.drop && len(ac.countries) == 1 {
				t.add(0, ac.countries[0])
			}
		}
	}
}

// prevLists adds the previous sentence's listed countries that may stand
// on the wanted side: subjects to listTier, others to the rest.
func (t *countryTiers) prevLists(prev *analysis, recipients bool, listTier int) {
	for li := range prev.lists {
		l := &prev.lists[li]
		// A destination ("to Kazakhstan") never supplies, a source
		// ("from Turkey") never receives.
		wrongSide := !recipients && (l.prep == "to" || l.prep == "for" || l.prep == "into") ||
			recipients && (l.prep == "from" || l.prep == "by")
		for _, m := range l.members {
			ac := &prev.actors[m]
			if ac.drop || ac.kind == gazetteer.GroupMention || len(ac.countries) != 1 || l.prep == "src" || wrongSide {
				continue
			}
			if prev.subjectLike(li) && !slices.Contains(t.rest, ac.countries[0]) {
				t.add(listTier, ac.countries[0])
			} else {
				t.rest = append(t.rest, ac.countries[0])
			}
		}
	}
}

// namedMaker returns the one country that makes the named systems among
// items, by the weapons lexicon, when the sentence, the one before or the
// title names it; "" otherwise.
func (a *analysis) namedMaker(items []int) string {
	maker := a.itemsMaker(items)
	if maker == "" || a.ctx == nil || !a.namesNearby(maker) || a.otherSource(maker) {
		return ""
	}
	return maker
}

// otherSubject reports whether the frame's clause follows a colon that
// ends a clause whose subject names one country other than rec and not
// among sups ("Uzbekistan is the only other country with an HQ-9: one
// system ..., delivered in 2018"): a second candidate for a recipient
// taken from the context, so none is taken.
func (a *analysis) otherSubject(f *frame, rec string, sups []roleParty) bool {
	c := &a.clauses[f.clause]
	if f.clause == 0 || c.ts == 0 || a.toks[c.ts-1].w != ":" {
		return false
	}
	li := a.clauses[f.clause-1].subj
	if li < 0 || a.lists[li].pron != "" {
		return false
	}
	for _, m := range a.lists[li].members {
		ac := &a.actors[m]
		if ac.drop || ac.kind == gazetteer.GroupMention || ac.kind == gazetteer.DemonymMention || len(ac.countries) != 1 {
			continue
		}
		if c := ac.countries[0]; c != rec && !sameSide(sups, ac.countries) {
			return true
		}
	}
	return false
}

// otherSource reports whether the sentence names a source other than
// maker: "an S-125T Pechora-2T from Belarus" (a modernised re-export).
func (a *analysis) otherSource(maker string) bool {
	for li := range a.lists {
		l := &a.lists[li]
		if l.prep != "from" {
			continue
		}
		for _, m := range l.members {
			if ac := &a.actors[m]; !ac.drop && len(ac.countries) == 1 && ac.countries[0] != maker {
				return true
			}
		}
	}
	return false
}

// dealerNouns name a supplier's business when a demonym comes before them:
// "two Iranian deals with Tajikistan", "Russian deliveries".
var dealerNouns = words("deal deals contract contracts delivery deliveries supplies sale sales export exports transfers")

// dealer returns the actor that names, by a demonym right before a deal
// noun, whose deals the sentence is about ("SIPRI records two Iranian
// deals with Tajikistan"), when it is one country other than the
// recipient; -1 otherwise. The sentence then names the supplier itself,
// whatever else the title or the sentence before name.
func (a *analysis) dealer(recipient string) int {
	found := -1
	for k := range a.actors {
		ac := &a.actors[k]
		if ac.kind != gazetteer.DemonymMention || ac.made || len(ac.countries) != 1 || ac.tj >= len(a.toks) ||
			ac.countries[0] == recipient || !dealerNouns[a.toks[ac.tj].w] {
			continue
		}
		if found >= 0 && a.actors[found].countries[0] != ac.countries[0] {
			return -1 // "Russian and Chinese deals": not one supplier
		}
		found = k
	}
	return found
}

// dealerParty is the supplier a dealer demonym names in the sentence.
func dealerParty(ac *actor) []roleParty {
	return []roleParty{{party: party{countries: ac.countries, pos: ac.ti}, li: -1, it: -1}}
}

// namesNearby reports whether the sentence, the one before it or the title
// names country c.
func (a *analysis) namesNearby(c string) bool {
	for _, text := range []string{a.body(), a.ctx.Previous, a.ctx.Title} {
		if slices.Contains(a.ex.countriesIn(text), c) {
			return true
		}
	}
	return false
}

// subjectNamed returns the one country of the report's subject (see
// Extractor.subject) that the sentence names and that is not among sups;
// "" when there is none or more than one.
func (a *analysis) subjectNamed(sups []roleParty) string {
	if a.ctx == nil {
		return ""
	}
	subject := a.ex.subject(a.ctx.Title, a.ctx.About)
	found := ""
	for k := range a.actors {
		ac := &a.actors[k]
		if ac.drop || ac.kind == gazetteer.GroupMention || len(ac.countries) != 1 {
			continue
		}
		c := ac.countries[0]
		if !slices.Contains(subject, c) || sameSide(sups, ac.countries) || c == found {
			continue
		}
		if found != "" {
			return ""
		}
		found = c
	}
	return found
}

// hostMaker returns the one maker of the weapons that the parts among
// items are for, by the weapons lexicon; "" when none or several.
func (a *analysis) hostMaker(items []int) string {
	maker := ""
	for _, it := range items {
		if !partCategory(a.items[it].category) {
			continue
		}
		h := a.hostOf(it)
		if h < 0 {
			continue
		}
		if a.fromAfter(h) >= 0 {
			// "engines for 24 Ejder Yalcin APCs from Turkey": the host was
			// imported, its buyer's are the parts, not its maker's.
			return ""
		}
		m := madeIn(a.items[h].canon)
		if len(m) == 0 || maker != "" && maker != m[0] {
			return ""
		}
		maker = m[0]
	}
	return maker
}

// refusal reports whether the frame's clause, from a few words before its
// trigger, refuses, rejects, denies, halts or embargoes something: "Israel has refused Ukraine's request to
// purchase the Iron Dome". A side taken from context would turn it into
// supply. Words inside a weapon's name ("F-16 Block 70") do not count.
func (a *analysis) refusal(f *frame) bool {
	c := &a.clauses[f.clause]
	for i := max(c.ts, f.start-12); i < c.te && i < len(a.toks); i++ {
		if a.itemAt[i] >= 0 {
			continue
		}
		if cv, _ := cues.match(a.toks, i); cv == cueCancel || cv == cueDeny {
			return true
		}
	}
	return false
}

// partsWithHost reports whether every weapon among items is a part named
// with the weapon it is for ("gas turbines for the two Tarantul boats"):
// the part goes to the host's maker, whom the report's subject need not be.
func (a *analysis) partsWithHost(items []int) bool {
	for _, it := range items {
		if !partCategory(a.items[it].category) || a.hostOf(it) < 0 {
			return false
		}
	}
	return len(items) > 0
}

// refusedRequest completes "Israel has refused Ukraine's request to
// purchase the Iron Dome": a frame with a recipient but no supplier, right
// after a refusal whose subject is a country, is that country's
// cancellation. It fills f and reports whether it did.
func (a *analysis) refusedRequest(f *frame) bool {
	if len(f.rsups) > 0 || len(f.rrecs) == 0 || len(f.items) == 0 || !a.refusal(f) {
		return false
	}
	c := &a.clauses[f.clause]
	if c.subj < 0 || a.lists[c.subj].ti >= f.start {
		return false
	}
	sups := a.parties(c.subj, f, f.rrecs)
	if len(sups) != 1 || len(sups[0].countries) != 1 || sameSide(f.rrecs, sups[0].countries) {
		return false
	}
	f.rsups, f.status = sups, bot.StatusCancelled
	f.groups = nil
	a.makeGroups(f)
	return true
}

// suppliedBefore reports whether the frame's goods are named as supplied
// earlier by someone ("the U.S.-supplied helicopters ... were handed over
// to the Uzbek military"): the goods are changing hands again, and the
// context cannot tell who hands them on now.
func (a *analysis) suppliedBefore(f *frame) bool {
	items := f.items
	if len(items) == 0 && a.trigs[f.t].passive {
		for it := range a.items {
			if a.items[it].tj <= f.start { // the passive's subject, before it
				items = append(items, it)
			}
		}
	}
	for _, it := range items {
		for _, k := range a.items[it].origins {
			ac := &a.actors[k]
			if ac.made && ac.tj+1 < len(a.toks) && a.toks[ac.tj].w == "-" && handedWords[a.toks[ac.tj+1].w] {
				return true
			}
		}
	}
	return false
}

// handedWords after "X-" say X handed the goods over: "U.S.-supplied".
var handedWords = words("supplied provided donated delivered sent gifted exported")

// permitted reports a transfer that someone allows ("the reported decision
// by Germany to allow exports of Typhoon fighter jets to Saudi Arabia"):
// the party nearby is the one that permits, which the context would
// otherwise make the seller.
func (a *analysis) permitted(f *frame) bool {
	for j := f.start - 1; j >= 0 && j >= f.start-3; j-- {
		if permitWords[a.toks[j].w] {
			return true
		}
	}
	return false
}

// permitWords allow a transfer someone else makes.
var permitWords = words("allow allows allowed allowing permit permits permitted permitting authorise authorises " +
	"authorised authorize authorizes authorized")
