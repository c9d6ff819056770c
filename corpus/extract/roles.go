package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// roleReader holds what the parties of one frame are read from: the lists
// of countries before the trigger (subject side), between its first and
// main trigger, and after it (object side), and the frame's grammatical
// agent and subject. Its methods are the stages of roles.
type roleReader struct {
	a     *analysis
	f     *frame
	tr    *trig
	items []int // the frame's weapons
	// Lists of actors by where they stand relative to the trigger.
	before, between, after []int
	agent                  int // list possessing or qualifying a nominal trigger ("Uzbekistan's purchase"), -1
	subject                int // list that is the clause's subject for this frame, -1
	// counterparts are the "with"/"from" lists of a deal ("a contract with Russia").
	counterparts []int
	sups, recs   []roleParty
}

// roles finds the suppliers and recipients of f: it reads the frame's
// lists by the direction of its trigger (supplier-subject, recipient-
// subject, passive, usage) and drops a country found on both sides.
func (a *analysis) roles(f *frame, items []int) (sups, recs []roleParty) {
	r := a.newRoleReader(f, items)
	passive := r.tr.passive || f.spec.sp == spArrive
	switch {
	case f.spec.dir == dirU:
		r.usageRoles()
	case f.spec.sp == spCustomer:
		r.customerRoles()
	case f.spec.sp == spReturn:
		r.returnRoles()
	case f.spec.sp == spWinOrder:
		r.add(&r.sups, r.one(r.subject), nil)
		r.add(&r.recs, r.byPrep(r.after, "from", "with", "for"), r.sups)
	case f.spec.dir == dirS && !passive:
		r.supplierSubjectRoles()
	case f.spec.dir == dirS:
		r.supplierPassiveRoles()
	case !passive:
		if !r.recipientSubjectRoles() {
			return nil, nil
		}
	default:
		if !r.licensorRoles() {
			r.recipientPassiveRoles()
		}
	}
	if li := a.sourceOfGoods(f); li >= 0 {
		// "the re-export of Soviet-era tanks from Poland to Ukraine": the
		// country the goods leave supplies, not the one who approves.
		var src []roleParty
		r.add(&src, r.one(li), r.recs)
		if len(src) > 0 {
			r.sups = src
		}
	}
	if f.spec.sp == spExportPerm && len(r.sups) == 0 {
		r.add(&r.sups, r.one(a.permitIssuer(f)), r.recs)
	}
	if f.spec.dir == dirS && len(r.sups) > 0 && len(r.recs) == 0 {
		if req := a.requesterOf(f); len(req) > 0 && !sameSide(r.sups, req[0].countries) {
			r.recs = req // "At Kazakhstan's request, Russia delivered ..."
		}
	}
	r.sups, r.recs = a.cosignedWithMaker(f, r.items, r.sups, r.recs)
	r.sups, r.recs = a.licensorMakes(f, r.items, r.sups, r.recs)
	return dropSame(r.sups, a.dropBuiltFor(r.sups, r.recs))
}

// issueVerbs grant an export permit.
var issueVerbs = words("issues issue issued grants grant granted approves approve approved gives give gave")

// permitIssuer returns the subject of a relative clause right after an
// export-permit noun that issues it: "arms export licences which the UK
// issues to Israel", "the permits that Germany granted"; -1 if none. The
// country that issues an export licence is the exporter.
func (a *analysis) permitIssuer(f *frame) int {
	t := f.tj
	if t >= len(a.toks) || a.toks[t].w != "which" && a.toks[t].w != "that" {
		return -1
	}
	t++
	if t < len(a.toks) && a.toks[t].w == "the" {
		t++
	}
	li := -1
	if t < len(a.toks) {
		li = a.listAt[t]
	}
	if li < 0 || a.lists[li].prep != "" || a.lists[li].pron != "" {
		return -1
	}
	for v, n := a.lists[li].tj, 0; v < len(a.toks) && n < 3; v, n = v+1, n+1 {
		if issueVerbs[a.toks[v].w] {
			return li
		}
		if !haveForms[a.toks[v].w] && !adverbs[a.toks[v].w] {
			break
		}
	}
	return -1
}

func (a *analysis) newRoleReader(f *frame, items []int) *roleReader {
	r := &roleReader{a: a, f: f, tr: &a.trigs[f.t], items: items,
		before: a.listsIn(f.readFrom, f.start), after: a.listsIn(f.tj, f.readTo), between: a.listsIn(f.start, f.ti)}
	r.agent = r.findAgent()
	r.subject = r.findSubject()
	r.counterparts = append(r.byPrep(r.between, "with", "from"), r.byPrep(r.after, "with")...)
	return r
}

// findAgent returns the agent of a nominal trigger: "Uzbekistan's
// purchase", "US sale", "its order"; -1 if none.
func (r *roleReader) findAgent() int {
	a, f := r.a, r.f
	agent := -1
	for _, li := range r.before {
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
	return agent
}

// findSubject returns the last subject-like list before the frame, else
// the clause's subject (also one after an introductory phrase: "After
// decades of dependence on Russian weapons, Uzbekistan ..."); -1 if none.
func (r *roleReader) findSubject() int {
	a, f := r.a, r.f
	toks := a.toks
	c := &a.clauses[f.clause]
	if li := r.forGerundTarget(); li >= 0 {
		return li
	}
	if li, ok := r.withAbsoluteSubject(); ok {
		return li // "With Egypt backing out of plans to acquire ..., Iran ...": Egypt, or no one
	}
	for i := len(r.before) - 1; i >= 0; i-- {
		if li := r.before[i]; li != r.agent && a.subjectLike(li) {
			return li
		}
	}
	weaponSubject := false // "they were delivered": the weapons are the subject
	for t := f.start - 1; t >= c.ts && t >= f.start-5; t-- {
		if a.listAt[t] >= 0 {
			break
		}
		if w := toks[t].w; w == "they" || w == "these" || w == "those" {
			weaponSubject = true
		}
	}
	if c.subj >= 0 && (!c.own || a.lists[c.subj].ti < f.start) && !weaponSubject && !f.gapped {
		return c.subj
	}
	if c.subj >= 0 && a.lists[c.subj].ti > f.tj {
		for t := f.tj; t < a.lists[c.subj].ti; t++ {
			if toks[t].w == "," {
				return c.subj
			}
		}
	}
	return -1
}

// forGerundTarget returns the doer of a gerund after "for" that a
// sanction, a reproach or thanks is aimed at: "imposed sanctions on China
// for purchasing the Su-35", "punished Turkey for buying the S-400",
// "thanked Germany for sending tanks". The one aimed at (after "on",
// "against", or as the object) did it, not the subject. -1 when the
// gerund has no such target ("was sanctioned for buying": the subject).
func (r *roleReader) forGerundTarget() int {
	a, f := r.a, r.f
	if r.tr.noun || r.tr.spec.form != fIng {
		return -1
	}
	j := f.start - 1
	for j >= 0 && adverbs[a.toks[j].w] {
		j--
	}
	if j < 1 || a.toks[j].w != "for" {
		return -1
	}
	for i := len(r.before) - 1; i >= 0; i-- {
		li := r.before[i]
		l := &a.lists[li]
		if l.tj > j || li == r.agent || l.pron != "" {
			continue
		}
		if l.prep == "on" || l.prep == "against" {
			return li
		}
		if l.prep == "" && l.ti > 0 && a.clauses[f.clause].subj != li && a.subjectLike(li) {
			return li // "punished Turkey for buying"
		}
		return -1
	}
	return -1
}

// byPrep returns the lists of ls governed by one of preps ("" for none),
// leaving out places, exceptions and makers ("built in X").
func (r *roleReader) byPrep(ls []int, preps ...string) []int {
	var out []int
	for _, li := range ls {
		l := &r.a.lists[li]
		if !l.place && !l.except && !l.builtIn && slices.Contains(preps, l.prep) {
			out = append(out, li)
		}
	}
	return out
}

// add appends the parties of lists to dst, none twice, none of avoid.
func (r *roleReader) add(dst *[]roleParty, lists []int, avoid []roleParty) {
	for _, li := range lists {
		for _, p := range r.a.parties(li, r.f, avoid) {
			if !hasParty(*dst, p.countries) {
				*dst = append(*dst, p)
			}
		}
	}
}

func (r *roleReader) one(li int) []int {
	if li < 0 {
		return nil
	}
	return []int{li}
}

// addOrigins appends the countries that qualify the frame's weapons
// ("Chinese-made drones").
func (r *roleReader) addOrigins(dst *[]roleParty, avoid []roleParty) {
	a := r.a
	for _, it := range r.items {
		for _, m := range a.items[it].origins {
			ac := &a.actors[m]
			if ac.drop || len(ac.countries) != 1 || ac.kind == gazetteer.GroupMention || sameSide(avoid, ac.countries) {
				continue
			}
			*dst = append(*dst, roleParty{party: party{countries: ac.countries, pos: ac.ti}, li: -1, it: it})
		}
	}
}

// addBuiltBy appends the makers of "built in X", "made by X".
func (r *roleReader) addBuiltBy(dst *[]roleParty) {
	for li := range r.a.lists {
		if r.a.lists[li].builtIn {
			r.add(dst, []int{li}, nil)
		}
	}
}

// addOwners appends the possessors of the weapons ("Egypt's M-346").
func (r *roleReader) addOwners(dst *[]roleParty) {
	for _, it := range r.items {
		if o := r.a.items[it].owner; o >= 0 && r.a.actors[o].list >= 0 {
			r.add(dst, []int{r.a.actors[o].list}, nil)
		}
	}
}

// directObject returns the list right after a verb trigger with no
// preposition ("supplied Kazakhstan with"), nil if none.
func (r *roleReader) directObject() []int {
	a, f := r.a, r.f
	if r.tr.noun || len(r.after) == 0 {
		return nil
	}
	li := r.after[0]
	l := &a.lists[li]
	if l.prep != "" || l.place || l.ti-f.tj > 3 || l.pron == "its" || l.pron == "their" {
		return nil // "send its tanks to Ukraine": a possessive owns the goods, it receives nothing (rd14r)
	}
	for t := f.tj; t < l.ti; t++ {
		if !skipBeforeActor[a.toks[t].w] {
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

// makersAfter returns the lists after the trigger that name a maker.
func (r *roleReader) makersAfter() []int {
	var out []int
	for _, li := range r.after {
		l := &r.a.lists[li]
		if l.place || l.except {
			continue
		}
		for _, m := range l.members {
			if r.a.actors[m].kind == gazetteer.ManufacturerMention && r.a.actors[m].origin < 0 {
				out = append(out, li)
				break
			}
		}
	}
	return out
}

// makerOnly reports whether list li names makers only.
func (r *roleReader) makerOnly(li int) bool {
	if li < 0 || r.a.lists[li].pron != "" {
		return false
	}
	for _, m := range r.a.lists[li].members {
		if r.a.actors[m].kind != gazetteer.ManufacturerMention {
			return false
		}
	}
	return true
}

// usageRoles reads "in service with", "used by": the weapon's origin or
// maker supplies, the user receives.
func (r *roleReader) usageRoles() {
	if r.a.partsOnly(r.items) {
		return // "Canadian drone technology was used by Azerbaijan": parts in another maker's weapon
	}
	r.addOrigins(&r.sups, nil)
	if len(r.sups) == 0 {
		r.addBuiltBy(&r.sups)
	}
	if len(r.sups) == 0 {
		r.add(&r.sups, r.makerOwner(), nil) // "Otokar's Cobra II vehicles are in service with ..."
	}
	if len(r.sups) == 0 {
		r.addNamedMaker()
	}
	// "used by Azerbaijan in last year's fighting with Armenia": the "by"
	// user first; "with" and "of" only without one.
	r.add(&r.recs, r.byPrep(r.after, "by"), r.sups)
	if len(r.recs) == 0 {
		r.add(&r.recs, r.byPrep(r.after, "with", "of"), r.sups)
		_, r.recs = dropSame(r.sups, r.recs) // "a user of the American F-16": the maker is no user
	}
	if len(r.recs) == 0 {
		r.add(&r.recs, r.inServiceIn(), r.sups) // "in service in Gabon and Mali"
	}
	if len(r.recs) == 0 && r.tr.tj < len(r.a.toks) {
		// "serves operators including Portugal, Hungary and ...": the list
		// the usage noun opens
		if li := r.a.listAt[r.tr.tj]; li >= 0 && r.a.lists[li].prep == "" {
			r.add(&r.recs, r.one(li), r.sups)
		}
	}
	if len(r.recs) == 0 {
		// "in service with seven countries: South Korea, Turkey, Poland".
		r.add(&r.recs, r.one(r.a.listAfterColon(r.f.readTo)), r.sups)
	}
	if len(r.recs) == 0 {
		r.addOwners(&r.recs)
	}
	if len(r.recs) == 0 {
		r.add(&r.recs, r.one(r.subject), r.sups)
	}
}

// includedAfterTo returns the lists after the trigger that an "including"
// or "such as" introduces right after a "to" phrase with no country ("to
// several nations, including Azerbaijan and Ukraine").
func (r *roleReader) includedAfterTo() []int {
	a := r.a
	var out []int
	for _, li := range r.after {
		l := &a.lists[li]
		if l.prep != "" || l.place || l.except {
			continue
		}
		included, to := false, false
		for j := l.ti - 1; j >= r.f.tj && j >= l.ti-10; j-- {
			switch a.toks[j].w {
			case "including", "such":
				included = true
			case "to":
				to = included
			}
		}
		if to {
			out = append(out, li)
		}
	}
	return out
}

// sameAsRecipients reports whether list li names a recipient already found.
func (r *roleReader) sameAsRecipients(li int) bool {
	for _, p := range r.a.parties(li, r.f, nil) {
		if sameSide(r.recs, p.countries) {
			return true
		}
	}
	return false
}

// addNamedMaker adds the weapon's maker by the lexicon when the sentence
// or the one before names it ("The K9 ... is in service with
// seven countries: South Korea, ..."), marked as read from context.
func (r *roleReader) addNamedMaker() {
	c := r.a.namedMaker(r.items)
	if c == "" {
		return
	}
	// The title alone is too far for a stated frame: "Belarus feeds Russia's
	// war machine" does not make Russia the supplier of T-72s.
	if slices.Contains(r.a.ex.countriesIn(r.a.body()), c) || r.a.ctx != nil && slices.Contains(r.a.ex.countriesIn(r.a.ctx.Previous), c) {
		r.sups = append(r.sups, contextParty(c)...)
	}
}

// refusedOffer reports whether the frame is an offer noun that its
// subject declines: "Kazakhstan declined the offer", "rejected a proposal",
// "passed on the offer".
func (r *roleReader) refusedOffer() bool {
	a := r.a
	if w := a.toks[r.tr.ti].w; !r.tr.noun || r.f.spec.status != bot.StatusPlanned || w != "offer" && w != "offers" {
		return false
	}
	for t := a.lists[r.subject].tj; t < r.tr.ti; t++ {
		if cv, _ := cues.match(a.toks, t); cv == cueCancel || passForms[a.toks[t].w] && t+1 < len(a.toks) && a.toks[t+1].w == "on" {
			return true
		}
	}
	return false
}

// listAfterColon returns the list that opens right after a colon that ends
// a frame's reach at token end ("seven countries: South Korea, ..."), -1
// if none.
func (a *analysis) listAfterColon(end int) int {
	for _, t := range []int{end - 1, end} {
		if t >= 0 && t+1 < len(a.toks) && a.toks[t].w == ":" {
			return a.listAt[t+1]
		}
	}
	return -1
}

// supplierSubjectRoles reads "Russia delivered X to Kazakhstan", "the US
// sale of X to Y", "Kyrgyzstan's main supplier".
func (r *roleReader) supplierSubjectRoles() {
	if r.coSigners() || r.giftReceived() {
		return
	}
	if r.agent < 0 && r.subject >= 0 && r.refusedOffer() {
		r.refusedOfferRoles()
		return
	}
	r.subjectSuppliers()
	r.namedRecipients()
	r.inferredRecipients()
	if r.dealWith() && r.a.makerSide(r.items, r.sups, r.recs) == -1 {
		// "Astana would reach a contract with Moscow regarding the supply
		// of Mi-35Ms": the deal's subject need not be the seller.
		r.sups, r.recs = r.recs, r.sups
	}
}

// refusedOfferRoles reads an offer the subject refused.
func (r *roleReader) refusedOfferRoles() {
	// "Kazakhstan declined the offer": the one offered to refuses; the
	// offerer is only who the sentence names ("from Russia").
	r.add(&r.recs, r.one(r.subject), nil)
	r.add(&r.sups, r.byPrep(r.after, "by", "from"), r.recs)
	if len(r.sups) == 0 {
		r.addOrigins(&r.sups, r.recs)
	}
}

// subjectSuppliers takes the supplier from the agent or the subject, else
// from "by"/"from" after a noun, the builder or the weapons' origins; for
// "Kyrgyzstan's main supplier" the possessor receives.
func (r *roleReader) subjectSuppliers() {
	if r.agent < 0 {
		r.agent = r.a.demonymSeller(r.f) // "the first Korean weapons sale to the country"
	}
	if r.agent >= 0 {
		r.add(&r.sups, r.one(r.agent), nil)
	} else if by := r.nounByAgent(); len(by) > 0 {
		r.add(&r.sups, by, nil) // "Egypt condemned the sale of F-35s to Israel by the United States" (plist)
		if r.subjectMakesItems() {
			r.add(&r.sups, r.one(r.subject), nil) // "Washington halted a sale of F-16 jets by Jordan to Pakistan"
		}
	} else {
		r.add(&r.sups, r.one(r.subject), nil)
	}
	if len(r.sups) == 0 && r.tr.noun {
		r.add(&r.sups, r.byPrep(r.after, "by", "from"), nil)
	}
	if len(r.sups) == 0 {
		r.addBuiltBy(&r.sups)
	}
	if len(r.sups) == 0 {
		r.addOrigins(&r.sups, nil)
	}
	if r.f.spec.sp == spSupplier && r.agent >= 0 {
		// "Kyrgyzstan's main supplier": the possessor receives.
		r.sups, r.recs = nil, nil
		r.add(&r.recs, r.one(r.agent), nil)
		r.add(&r.sups, r.one(r.subject), r.recs)
	}
}

// namedRecipients takes the recipients a supplier's frame names: "to",
// the direct object, else the "with" counterpart, else "for".
func (r *roleReader) namedRecipients() {
	r.add(&r.recs, r.byPrep(r.after, "to"), r.sups)
	r.add(&r.recs, r.directObject(), r.sups)
	if len(r.recs) == 0 {
		r.add(&r.recs, r.byPrep(r.counterparts, "with"), r.sups)
	}
	if len(r.recs) == 0 {
		r.add(&r.recs, r.byPrep(r.after, "for"), r.sups)
	}
}

// inferredRecipients looks elsewhere in the sentence for the recipient a
// supplier's frame does not name.
func (r *roleReader) inferredRecipients() {
	if len(r.recs) == 0 && !r.tr.noun && r.subject >= 0 {
		// "Russia supplies almost all of Tajikistan's major arms": the
		// possessor of the goods a named supplier hands over receives them.
		r.addOwners(&r.recs)
	}
	if len(r.recs) == 0 {
		r.add(&r.recs, r.one(r.orderedBy()), r.sups) // "deliveries of the VN-18s ordered by Venezuela"
	}
	if len(r.recs) == 0 && !r.tr.noun {
		r.add(&r.recs, r.one(r.a.requesterAfter(r.tr.tj)), r.sups) // "supplied the equipment that Iran had requested"
	}
	if len(r.recs) == 0 && r.tr.noun && r.agent >= 0 && r.subject >= 0 {
		// "Kazakhstan turned down a Russian offer": the subject receives.
		r.add(&r.recs, r.one(r.subject), r.sups)
	}
	if len(r.recs) == 0 && !r.tr.noun {
		// "in Uzbekistan too, where the United States supplied ...".
		r.add(&r.recs, r.one(r.a.wherePlace(r.tr.ti)), r.sups)
	}
}

// wherePlace returns the list of the one country named by "in X" right
// before ", where" when the "where" clause holds token t: the place the
// clause's transfer goes to ("appear in Uzbekistan too, where the United
// States supplied ..."); -1 when there is none.
func (a *analysis) wherePlace(t int) int {
	toks := a.toks
	w := t - 1
	for w >= 0 && toks[w].w != "where" {
		if toks[w].w == ";" || toks[w].w == ":" || toks[w].w == "where" {
			return -1
		}
		w--
	}
	if w < 2 || toks[w-1].w != "," {
		return -1
	}
	j := w - 2
	for j >= 0 && (toks[j].w == "too" || toks[j].w == "also" || toks[j].w == "as" || toks[j].w == "well") {
		j--
	}
	if j < 0 || a.listAt[j] < 0 {
		return -1
	}
	li := a.listAt[j]
	if l := &a.lists[li]; l.prep != "in" || l.tj != j+1 || len(l.members) != 1 || len(a.actors[l.members[0]].countries) != 1 {
		return -1
	}
	return li
}

// dealWith reports whether the frame's supply noun is governed by a deal
// word with a "with" counterpart and no "to" recipient.
func (r *roleReader) dealWith() bool {
	light := false
	for _, j := range r.f.absorbed {
		light = light || r.a.trigs[j].spec.light
	}
	return light && len(r.byPrep(r.counterparts, "with")) > 0 && len(r.byPrep(r.after, "to")) == 0
}

// supplierPassiveRoles reads "X was delivered to Kazakhstan by Russia",
// "Kazakhstan was supplied with drones".
func (r *roleReader) supplierPassiveRoles() {
	r.passiveSuppliers()
	r.passiveRecipients()
	r.passiveLateSuppliers()
}

// passiveSuppliers takes the supplier of a passive supply from "by" or
// "from", the place goods arrived from, the builder, the weapons' origins
// or the maker that owns them.
func (r *roleReader) passiveSuppliers() {
	f := r.f
	r.add(&r.sups, r.byPrep(r.after, "by", "from"), nil)
	if len(r.sups) == 0 && f.spec.sp == spArrive {
		r.add(&r.sups, r.arrivedFrom(), nil) // "drones from Turkey arrived"
	}
	if len(r.sups) == 0 {
		r.addBuiltBy(&r.sups)
	}
	if len(r.sups) == 0 {
		r.addOrigins(&r.sups, nil)
	}
	if len(r.sups) == 0 {
		r.add(&r.sups, r.makerOwner(), nil) // "Pakistan's JF-17 fighter has been exported to ..."
	}
}

// passiveRecipients takes the recipient of a passive supply: "to" or
// "for", else the first that answers of the arrival's place, a list in
// brackets, "including", the owners, the equipped host, the user, the
// subject supplied "with".
func (r *roleReader) passiveRecipients() {
	a, f := r.a, r.f
	r.add(&r.recs, r.byPrep(r.after, "to", "for"), r.sups)
	if len(r.recs) == 0 && f.spec.sp == spArrive {
		r.add(&r.recs, r.arrivingFor(), r.sups) // "the first VT-4 tanks for Nigeria arrived"
	}
	if len(r.recs) == 0 && f.spec.sp == spArrive {
		r.add(&r.recs, r.one(r.arrivedIn()), r.sups) // "drones from Turkey arrived in Niamey"
	}
	if len(r.recs) == 0 {
		// "TB2s to Kyrgyzstan (three, delivered in 2021 and 2022)".
		r.add(&r.recs, r.one(a.parenthesisedList(f.start)), r.sups)
	}
	if len(r.recs) == 0 {
		// "exported to several nations, including Azerbaijan and Ukraine".
		r.add(&r.recs, r.includedAfterTo(), r.sups)
	}
	if len(r.recs) == 0 {
		r.addOwners(&r.recs)
	}
	if len(r.recs) == 0 {
		r.add(&r.recs, r.one(a.relativeOwnerSubject(f, r.items)), r.sups) // "its boats, which were transferred from ..."
	}
	if len(r.recs) == 0 && equipWith(a.toks, r.tr) {
		r.add(&r.recs, a.hostOwners(f), r.sups) // "Turkey's drones were equipped with Canadian sensors"
	}
	if len(r.recs) == 0 && r.tr.reduced && len(r.sups) > 0 {
		r.add(&r.recs, r.one(r.a.userOf(f, r.subject)), r.sups) // "Kazakhstan operates ... a Y-8 supplied by China"
	}
	if len(r.recs) == 0 && f.tj < len(a.toks) && a.toks[f.tj].w == "with" {
		r.add(&r.recs, r.one(r.subject), r.sups) // "Kazakhstan was supplied with drones"
	}
}

// passiveLateSuppliers looks, once the recipient is known, for a supplier
// the passive frame does not name: the subject of a denial, the topic of
// the sentence, the maker named nearby.
func (r *roleReader) passiveLateSuppliers() {
	a, f := r.a, r.f
	c := &a.clauses[f.clause]
	if len(r.sups) == 0 && c.kind == cThat && c.parent >= 0 && a.denyAt[f.start] {
		r.add(&r.sups, r.one(a.clauses[c.parent].subj), r.recs) // "India denied that BrahMos missiles had been sold"
	}
	if len(r.sups) == 0 && len(r.recs) > 0 {
		// "Turkey's deals include drones delivered to X"; but "Uzbekistan
		// followed: the FD-2000 was delivered to Tashkent" names the recipient.
		if t := a.topicSubject(f); t >= 0 && !r.sameAsRecipients(t) && !a.relativeOnGoods(c, t) {
			r.add(&r.sups, r.one(t), r.recs)
		}
	}
	if len(r.sups) == 0 {
		r.addNamedMaker() // "The TB2 has been exported to ..."
	}
}

// recipientSubjectRoles reads "Kazakhstan bought X from Russia", "a deal
// with Russia", "Uzbekistan's purchase of Chinese drones". It returns
// false when the frame says nothing about who sells ("X's deals with Y"
// with no maker to tell).
func (r *roleReader) recipientSubjectRoles() bool {
	f := r.f
	if r.agent >= 0 {
		r.add(&r.recs, r.one(r.agent), nil)
	} else {
		r.add(&r.recs, r.one(r.subject), nil)
	}
	if r.sellerInSubject() {
		return true
	}
	if f.kind == "licence" {
		r.a.jointProducer(f, r.subject, &r.recs, &r.sups, r.after)
	}
	if len(r.recs) == 0 && f.kind == "licence" && r.tr.noun && f.spec.sp == spProduce {
		r.add(&r.recs, r.producedIn(), nil) // "the joint production of F414 engines in India"
	}
	if f.spec.sp == spTurnTo {
		r.add(&r.sups, r.byPrep(r.after, "to"), r.recs)
	}
	r.add(&r.sups, r.byPrep(r.after, "from"), r.recs)
	if !r.counterpartSuppliers() {
		return false
	}
	r.buyerSuppliers()
	r.nounRecipients()
	return true
}

// sellerInSubject reports whether the agent or subject of a buying frame
// is in fact the seller (a demonym on a deal, a maker signing or
// producing for a customer), and then sets the roles that way.
func (r *roleReader) sellerInSubject() bool {
	f := r.f
	if f.spec.light && r.agent >= 0 && r.a.lists[r.agent].pron == "" && allDemonyms(r.a, r.agent) && !r.a.buyerNoun(f) {
		// "Russian deals with Kazakhstan": the demonym supplies.
		r.sups, r.recs = nil, nil
		r.add(&r.sups, r.one(r.agent), nil)
		r.add(&r.recs, append(append(r.byPrep(r.after, "with", "for", "to"), r.counterparts...), r.one(r.subject)...), r.sups)
		return true
	}
	if f.spec.light && r.makerOnly(r.subject) && r.agent < 0 {
		// "Hanwha Aerospace signed a contract with Romania": the maker supplies.
		r.sups, r.recs = r.recs, nil
		r.add(&r.recs, append(r.counterparts, r.byPrep(r.after, "from", "for")...), r.sups)
		return true
	}
	if f.kind == "licence" && f.spec.sp == spProduce && r.makerOnly(r.subject) && r.agent < 0 &&
		len(r.byPrep(r.after, "from")) == 0 && len(r.byPrep(r.after, "for")) > 0 {
		// "GE Aerospace signed a deal to produce its F414 engines for the
		// Indian Air Force": a maker producing for a customer sells.
		r.sups, r.recs = r.recs, nil
		r.add(&r.recs, r.byPrep(r.after, "for", "to"), r.sups)
		return true
	}
	return false
}

// buyerSuppliers looks for the supplier a buying frame does not name:
// the weapons' origins, makers named after, the builder, who supplied the
// goods, a maker named nearby for a deal signed.
func (r *roleReader) buyerSuppliers() {
	f := r.f
	if len(r.sups) == 0 {
		r.addOrigins(&r.sups, r.recs)
	}
	if len(r.sups) == 0 {
		r.add(&r.sups, r.makersAfter(), r.recs)
	}
	if len(r.sups) == 0 {
		r.addBuiltBy(&r.sups) // "received two corvettes built in South Korea"
	}
	if len(r.sups) == 0 {
		r.add(&r.sups, r.firmOwner(), r.recs) // "Kenya's interest in Elbit's Hermes drones"
	}
	if len(r.sups) == 0 {
		r.add(&r.sups, r.one(r.a.goodsGiver(f)), r.recs) // "received the Leopard tanks supplied by Poland"
	}
	if len(r.sups) == 0 && len(r.recs) > 0 && f.spec.light && r.a.signedBefore(f.start) {
		// "Australia recently signed a deal for the K9", its maker's
		// country named in this sentence or the one before.
		r.addNamedMaker()
	}
}

// nounRecipients looks for the recipient of a buying noun with no subject
// or agent: "imports by", the possessor of the weapon that names the deal.
func (r *roleReader) nounRecipients() {
	f := r.f
	if len(r.recs) == 0 && r.tr.noun {
		r.add(&r.recs, r.byPrep(r.after, "by"), r.sups) // "arms imports by European states"
	}
	if len(r.recs) == 0 && r.tr.noun && f.spec.light {
		// "Indonesia's Rafale deal with France": the possessor of the
		// weapon that names the deal buys.
		for _, it := range r.items {
			if o := r.a.items[it].owner; o >= 0 && r.a.actors[o].list >= 0 && r.a.items[it].tj == r.tr.ti {
				r.add(&r.recs, []int{r.a.actors[o].list}, r.sups)
			}
		}
	}
}

// counterpartSuppliers adds the counterparts of a deal as suppliers. When
// only "with" names them ("X's deals with Y", "X reached a contract with
// Y"), "with" does not say who sells: the maker of the weapon decides, and
// without one a possessive deal says nothing (false).
func (r *roleReader) counterpartSuppliers() bool {
	withOnly := len(r.sups) == 0
	if !withOnly {
		return true // "from Denmark with the White House's nod": the source is named
	}
	r.add(&r.sups, r.counterparts, r.recs)
	if !withOnly || len(r.sups) == 0 || !r.f.spec.light {
		return true
	}
	switch r.a.makerSide(r.items, r.sups, r.recs) {
	case -1:
		r.sups, r.recs = r.recs, r.sups
	case 0:
		return r.agent < 0
	}
	return true
}

// recipientPassiveRoles reads "X was bought by Kazakhstan from Russia".
func (r *roleReader) recipientPassiveRoles() {
	r.add(&r.recs, r.byPrep(r.after, "by", "for"), nil)
	if len(r.recs) == 0 {
		r.add(&r.recs, r.one(r.intoService()), nil) // "was commissioned into the Pakistan Navy"
	}
	if len(r.recs) == 0 && r.f.spec.sp == spProduce && r.f.spec.kind == bot.KindLicence && len(r.byPrep(r.after, "from")) > 0 {
		r.add(&r.recs, r.producedIn(), nil) // "are produced in Kazakhstan under licence from Turkey"
	}
	if len(r.recs) == 0 {
		r.addOwners(&r.recs)
	}
	if len(r.recs) == 0 {
		r.add(&r.recs, r.one(r.a.relativeOwnerSubject(r.f, r.items)), nil) // "its jets, which were bought from ..."
	}
	r.add(&r.sups, r.byPrep(r.after, "from"), r.recs)
	if len(r.sups) == 0 {
		r.addOrigins(&r.sups, r.recs)
	}
	if len(r.sups) == 0 {
		r.addBuiltBy(&r.sups)
	}
	if len(r.recs) == 0 && len(r.sups) > 0 {
		r.add(&r.recs, r.one(r.a.topicSubject(r.f)), r.sups)
	}
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

// parenthesisedList returns the "to" or "for" list that a parenthesis
// holding token t comments on, the list ending right before its "(":
// "Bayraktar TB2s to Kyrgyzstan (three, delivered in 2021 and 2022)"; -1
// if none.
func (a *analysis) parenthesisedList(t int) int {
	end := a.closingParen(t)
	if end < 0 {
		return -1
	}
	open := t - 1
	for open >= 0 && a.toks[open].w != "(" {
		open--
	}
	if open < 1 {
		return -1
	}
	li := a.listAt[open-1]
	if li < 0 || a.lists[li].tj != open || a.lists[li].prep != "to" && a.lists[li].prep != "for" {
		return -1
	}
	return li
}

// relativeOnGoods reports whether list li is the subject of a relative
// clause on the goods ("the helicopters that Afghan pilots used to flee to
// Uzbekistan were handed over to the Uzbek military"): the people who used
// the goods, not who handed them over.
//
// When the relative clause's own verb is a supply verb ("the MiG-29 jets
// that Slovakia decided to give Ukraine have been handed over to the
// Ukrainian air force", "the MiG fighters that Bratislava promised to
// Kyiv"), its subject is the giver, and this reports false.
func (a *analysis) relativeOnGoods(c *clause, li int) bool {
	if c.kind != cThat || c.ts < 2 || a.lists[li].ti < c.ts || a.lists[li].ti >= c.te {
		return false
	}
	return a.toks[c.ts-1].w == "that" && a.itemAt[c.ts-2] >= 0 && !a.givesInRelative(a.lists[li].tj, c.te)
}

// givesInRelative reports whether the verb group right after a relative
// clause's subject (from token s) is a supply verb: "Slovakia decided to
// give", "Bratislava promised", "Poland has sold".
func (a *analysis) givesInRelative(s, e int) bool {
	for t, n := s, 0; t < e && n < 5; t, n = t+1, n+1 {
		if k := a.trigAt[t]; k >= 0 {
			tr := &a.trigs[k]
			return !tr.noun && !tr.passive && tr.spec.dir == dirS
		}
		if a.listAt[t] >= 0 || a.itemAt[t] >= 0 || a.toks[t].w == "," {
			return false
		}
	}
	return false
}

// customerRoles reads "France's other customers are Kazakhstan and
// Uzbekistan", "It now has six foreign clients including Qatar and India",
// "Kazakhstan became a customer of Turkey": the customers named after the
// noun (or, with none named there, the subject) receive; the possessor,
// the subject that has them, or the "of" party supplies.
func (r *roleReader) customerRoles() {
	named := r.namedAfter()
	if named >= 0 {
		r.add(&r.recs, r.one(named), nil)
		if r.agent >= 0 {
			r.add(&r.sups, r.one(r.agent), r.recs)
		} else {
			r.add(&r.sups, r.one(r.subject), r.recs)
		}
	} else {
		r.add(&r.recs, r.one(r.subject), nil)
	}
	if len(r.sups) == 0 {
		r.add(&r.sups, r.byPrep(r.after, "of"), r.recs)
	}
	if len(r.sups) == 0 && len(r.recs) > 0 {
		r.addOrigins(&r.sups, r.recs) // "one of the largest buyers of Indian weapons"
	}
	if len(r.sups) == 0 && len(r.recs) > 0 {
		r.addNamedMaker() // "The Rafale ... It now has six foreign clients including Qatar"
	}
}

// namedAfter returns the list that names the members of a role noun right
// after it ("customers are Kazakhstan", "clients including Qatar",
// "customer: Azerbaijan"), -1 if none.
func (r *roleReader) namedAfter() int {
	toks := r.a.toks
	for _, li := range r.after {
		l := &r.a.lists[li]
		if l.ti > r.f.tj+3 {
			if ex := r.a.examplesList(r.f.tj, r.after); ex >= 0 {
				return ex // "clients including the UN and nations in Africa, such as the armies of Chad, Mali ..."
			}
		}
		if l.ti > r.f.tj+3 || l.place || l.except {
			return -1
		}
		if l.prep == "including" || l.prep == "" && l.ti == r.f.tj && r.a.possessedRole(r.tr) {
			return li // "clients including Qatar"; "its largest customers Saudi Arabia and the United States"
		}
		if l.prep == "" && l.ti > r.f.tj {
			switch toks[l.ti-1].w {
			case "are", "is", "include", "includes", "including", "as", ":", "were", "was":
				return li
			}
		}
		return -1
	}
	return -1
}

// userOf returns subj when it is the subject of a verb of use or possession
// whose object the frame's reduced participle qualifies ("Kazakhstan
// operates ... a single Y-8 supplied by China"), else -1.
func (a *analysis) userOf(f *frame, subj int) int {
	if subj < 0 || a.lists[subj].pron != "" || a.lists[subj].tj >= f.start {
		return -1
	}
	for t := a.lists[subj].tj; t < a.lists[subj].tj+3 && t < f.start; t++ {
		if useVerbs[a.toks[t].w] {
			return subj
		}
	}
	return -1
}

// useVerbs say a subject has or uses a weapon.
var useVerbs = words("operates operate operated uses use used flies fly flew fields field fielded owns own owned has have had")

// producedIn returns the first country list after a production noun that
// "in" governs ("the joint production of F414 engines in India"): where
// production takes place, the licensee.
func (r *roleReader) producedIn() []int {
	for _, li := range r.after {
		if l := &r.a.lists[li]; l.prep == "in" && !l.except && !l.builtIn && len(l.members) > 0 {
			return []int{li}
		}
	}
	return nil
}

// signedBefore reports whether a verb of concluding a deal stands just
// before token t ("signed a deal", "has placed an order"), not a deal
// named in passing ("in a deal worth").
func (a *analysis) signedBefore(t int) bool {
	for j := t - 1; j >= 0 && j >= t-3; j-- {
		if signVerbs[a.toks[j].w] {
			return true
		}
	}
	return false
}

// signVerbs conclude a deal.
var signVerbs = words("signed signs sign placed places place concluded concludes inked inks reached reaches")

// coSigners reads a deal signed by two subjects, one of them a maker or
// arms exporter: "The Defense Ministry of Uzbekistan and Rosoboronexport
// signed a contract for the supply of 12 Mi-35": the maker supplies, the
// other signer receives. It reports whether it read the frame so.
func (r *roleReader) coSigners() bool {
	a, f := r.a, r.f
	if r.agent >= 0 || r.subject < 0 || len(f.absorbed) == 0 || !a.trigs[f.absorbed[0]].spec.light {
		return false
	}
	first, second := r.subject, a.listAfterAnd(r.subject, f.start)
	if second < 0 && first > 0 && a.listAfterAnd(first-1, f.start) == first {
		first, second = first-1, first
	}
	if second < 0 {
		return false
	}
	switch {
	case r.makerOnly(second) && !r.makerOnly(first):
		r.add(&r.sups, r.one(second), nil)
		r.add(&r.recs, r.one(first), r.sups)
	case r.makerOnly(first) && !r.makerOnly(second):
		r.add(&r.sups, r.one(first), nil)
		r.add(&r.recs, r.one(second), r.sups)
	default:
		return false
	}
	return len(r.sups) > 0 && len(r.recs) > 0
}

// listAfterAnd returns the list that "and" joins to list li before token
// end ("The Tajik defence ministry and Rosoboronexport"), -1 if none.
func (a *analysis) listAfterAnd(li, end int) int {
	l := &a.lists[li]
	and := l.tj
	for and < end && and < l.tj+3 && a.toks[and].w != "and" && a.toks[and].word && a.trigAt[and] < 0 && a.itemAt[and] < 0 {
		and++
	}
	k := and + 1
	if k < len(a.toks) && articles[a.toks[k].w] {
		k++ // "Baykar and the Kyrgyz defence ministry"
	}
	if k >= end || a.toks[and].w != "and" || a.listAt[k] < 0 || a.lists[a.listAt[k]].tj > end {
		return -1
	}
	return a.listAt[k]
}

// giftReceived reads a supply noun that the subject got or received, with
// its source after "from": "got a legacy F-86 Sabre aircraft as a return
// gift from Dhaka" (Bangladesh gives, the subject receives). It reports
// whether it read the frame so.
func (r *roleReader) giftReceived() bool {
	a, f := r.a, r.f
	if !r.tr.noun || r.agent >= 0 || r.subject < 0 {
		return false
	}
	from := r.byPrep(r.after, "from")
	if len(from) == 0 || a.lists[from[0]].ti > f.tj+1 {
		return false
	}
	got := false
	for j := r.tr.ti - 1; j >= 0 && j >= r.tr.ti-12 && a.toks[j].w != ","; j-- {
		got = got || gotVerbs[a.toks[j].w]
	}
	if !got {
		return false
	}
	r.add(&r.sups, from[:1], nil)
	r.add(&r.recs, r.one(r.subject), r.sups)
	return len(r.sups) > 0 && len(r.recs) > 0
}

// gotVerbs say the subject came to have something.
var gotVerbs = words("got gets get received receives receive accepted accepts")

// partsOnly reports whether every weapon among items names only the kind
// of weapon some parts or technology are for ("Canadian drone technology",
// "Western drone components"): the parts' origin is no supplier of the
// weapon's user, who may have bought the weapon from another maker.
func (a *analysis) partsOnly(items []int) bool {
	for _, it := range items {
		tj := a.items[it].tj
		if tj >= len(a.toks) || !partNouns[a.toks[tj].w] {
			return false
		}
	}
	return len(items) > 0
}

// partNouns after a weapon word make it a modifier of parts or technology.
var partNouns = words("technology technologies component components parts know-how optics")

// hostOwners returns the lists of the possessors of the weapons named
// before f's trigger: the hosts an "equipped with" frame fits parts to.
func (a *analysis) hostOwners(f *frame) []int {
	var out []int
	for t := f.readFrom; t < f.start && t < len(a.itemAt); t++ {
		it := a.itemAt[t]
		if it < 0 || (t > f.readFrom && a.itemAt[t-1] == it) {
			continue
		}
		if o := a.items[it].owner; o >= 0 && a.actors[o].list >= 0 {
			out = append(out, a.actors[o].list)
		}
	}
	return out
}
