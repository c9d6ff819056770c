package extract

import (
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
	"github.com/briefbot/briefbot/bot/weapons"
)

// Rules read from the eleventh batch of real reporting (Central Asia and the
// Caucasus: aid handovers, licences, delays), written as general
// constructions of arms reporting.

// makerAppositiveNouns head an appositive that says whose part a company is:
// "Mesko, a subsidiary of the state conglomerate PGZ, for air defence
// systems".
var makerAppositiveNouns = words("subsidiary subsidiaries unit division affiliate branch member part arm")

// makerAppositiveEnd returns the closing comma of an appositive opened by the
// comma at t that says whose part the company before it is ("with the
// Polish firm Mesko, a subsidiary of PGZ, for MANPADS"), when the object goes
// on after it ("for", "to", "worth"); -1 otherwise. A noun's object reads
// past such an appositive.
func (a *analysis) makerAppositiveEnd(t, e int) int {
	toks := a.toks
	if t == 0 || t+3 >= e || a.actorAt[t-1] < 0 {
		return -1
	}
	j := t + 1
	if w := toks[j].w; w == "a" || w == "an" || w == "the" {
		j++
	}
	for k := j; k < j+3 && k+1 < e; k++ {
		if !makerAppositiveNouns[toks[k].w] || toks[k+1].w != "of" {
			continue
		}
		for c := k + 2; c+1 < e && c <= t+14; c++ {
			if a.trigAt[c] >= 0 || a.itemAt[c] >= 0 {
				return -1
			}
			if toks[c].w == "," {
				switch toks[c+1].w {
				case "for", "to", "worth", "covering", "including":
					return c
				}
				return -1
			}
		}
		return -1
	}
	return -1
}

// defenceContractWords are "defence" and "defense" before a word for a
// contract: "signed a number of defense contracts with India" names arms
// deals as "arms contracts" does.
var defenceContractWords = newPhraseSet[bool]()

func init() {
	defenceContractWords.add("defence|defense", true)
}

// defenceContracts adds "defence" before "contract(s)" or "deal(s)" as a
// generic arms word: a defence contract between two states is an arms
// contract. "defence cooperation deal", "defence agreement" stay no arms.
func (a *analysis) defenceContracts(ms []wmatch) []wmatch {
	toks := a.toks
	return a.addUncovered(ms, defenceContractWords, "", func(i int) bool {
		if i+1 >= len(toks) {
			return true
		}
		switch toks[i+1].w {
		case "contract", "contracts", "deal", "deals":
			return false
		}
		return true
	})
}

// purchaseHandedOn reports whether buying frame f names no buyer and the
// goods are then handed on in the same clause by words that are no trigger
// of their own: "The helicopters were purchased from Belarus and were
// handed to the Afghan Air Force" (the buyer gives them; who that is, the
// sentence does not say, so the context gives no buyer).
func (a *analysis) purchaseHandedOn(f *frame) bool {
	if f.spec.dir != dirR || a.trigs[f.t].noun || len(f.rrecs) > 0 {
		return false
	}
	toks := a.toks
	c := &a.clauses[f.clause]
	end := min(c.te, f.tj+12)
	for t := f.tj; t+1 < end; t++ {
		if toks[t].w != "and" {
			continue
		}
		j := t + 1
		for j < end && (toks[j].w == "were" || toks[j].w == "was" || toks[j].w == "then" || toks[j].w == "later" ||
			toks[j].w == "will" || toks[j].w == "be" || toks[j].w == "been" || toks[j].w == "subsequently") {
			j++
		}
		if j+1 < len(toks) && handOnWords[toks[j].w] && (toks[j+1].w == "to" || toks[j+1].w == "over") {
			return true
		}
	}
	return false
}

// newDealWords before a deal word mark it as a deal of its own: "has inked
// a new agreement with Mesko" beside the Grom missiles delivered years
// before is another deal, not a vague restatement of that delivery.
var newDealWords = words("new fresh another second third separate follow-on")

// newDealWord reports whether light frame f's deal word is marked as a
// deal of its own by a word just before it ("a new agreement", "another
// contract", "a second arms deal").
func (a *analysis) newDealWord(f *frame) bool {
	for t := f.start - 1; t >= 0 && t >= f.start-3; t-- {
		if newDealWords[a.toks[t].w] {
			return true
		}
		if a.actorAt[t] >= 0 || a.toks[t].w == "," {
			return false
		}
	}
	return false
}

// dealSigningWords before a deal noun make it a deal concluded by the
// clause's subject: "it also signed two arms deals with France".
var dealSigningWords = words("sign signs signed signing ink inks inked inking conclude concludes concluded concluding seal seals sealed sealing")

// companyNouns after a demonym make the subject a firm, not a state: "the
// Turkish company" signing a deal may be the seller.
var companyNouns = words("company companies firm firms maker makers manufacturer manufacturers contractor contractors group holding concern corporation")

// pronounDealRecipient returns the buyer of a deal that a subject "it"
// signed with a named seller: "Since 2022 it has signed a number of
// defence contracts with India" after a sentence whose subject is "the
// Armenian government" (else, the report's one subject). The deal must name
// arms and be a concluded order; nil when the referent is no state or
// would be the seller.
func (a *analysis) pronounDealRecipient(f *frame, prev *analysis) []roleParty {
	if !f.spec.light || f.spec.dir != dirR || f.status != bot.StatusOrdered || len(f.rsups) == 0 || len(f.rrecs) > 0 ||
		len(f.items) == 0 || f.modalPlan || f.neg || f.denied || a.trigs[f.t].ti < 2 {
		return nil
	}
	c := &a.clauses[f.clause]
	if c.subj < 0 || a.lists[c.subj].pron != "it" || a.lists[c.subj].tj > a.trigs[f.t].ti {
		return nil
	}
	signed := false
	for t := a.trigs[f.t].ti - 1; t >= a.lists[c.subj].tj && t >= a.trigs[f.t].ti-6; t-- {
		if dealSigningWords[a.toks[t].w] {
			signed = true
			break
		}
	}
	if !signed {
		return nil
	}
	rec := ""
	if prev != nil {
		rec = prev.stateSubject()
	}
	if rec == "" && a.ctx != nil && a.ctx.Title != "" {
		if subject := a.ex.subject(a.ctx.Title, a.ctx.About); len(subject) == 1 {
			rec = subject[0]
		}
	}
	if rec == "" || sameSide(f.rsups, []string{rec}) {
		return nil
	}
	return contextParty(rec)
}

// stateSubject returns the one country that is the subject of the
// sentence's first main clause, when it names a state ("Armenia", "the
// Armenian government") and not a firm or an origin; "" otherwise.
func (a *analysis) stateSubject() string {
	for ci := range a.clauses {
		c := &a.clauses[ci]
		if c.kind != cMain || c.subj < 0 {
			continue
		}
		l := &a.lists[c.subj]
		if l.pron != "" || len(l.members) != 1 {
			return ""
		}
		ac := &a.actors[l.members[0]]
		if ac.drop || ac.poss || ac.made || len(ac.countries) != 1 || ac.kind == gazetteer.ManufacturerMention {
			return ""
		}
		if ac.tj < len(a.toks) && companyNouns[a.toks[ac.tj].w] {
			return ""
		}
		return ac.countries[0]
	}
	return ""
}

// barredWords put a maker's exports to a country out of reach: "as it is
// prevented from continuing exports to Azerbaijan".
var barredWords = words("prevented barred banned prohibited")

// barredExportWords name the exports barred.
var barredExportWords = words("export exports exporting sales selling supplies supplying deliveries delivering")

// barredFillers may stand between "from" and the word for exports:
// "prevented from continuing exports".
var barredFillers = words("continuing further any making")

// barredExportRelations reads a cancellation that names no goods: an arms
// firm, named by its country ("the Israeli firm", a known maker), "is
// prevented from continuing exports to Azerbaijan". The goods come from a
// title that names arms; a sentence about a firm of no named trade, in a
// report whose title names no arms, gives nothing. A sentence that names
// the goods is read by its frame.
func (a *analysis) barredExportRelations() []relation {
	if a.ctx == nil || a.ctx.Title == "" || negates(a.text) || a.hedged() {
		return nil
	}
	var out []relation
	for j := 1; j+3 < len(a.toks); j++ {
		k := a.barredExportAt(j)
		if k < 0 {
			continue
		}
		rec, pos := a.barredRecipientAfter(k)
		sup := a.firmBefore(j)
		if rec == "" || sup == "" || sup == rec || !a.titleNamesArms() {
			continue
		}
		r := relation{pos: pos}
		r.Supplier, r.Recipient = sup, rec
		r.Status, r.Kind = bot.StatusCancelled, bot.KindSale
		out = append(out, r)
	}
	return out
}

// barredExportAt returns the word for exports that a bar at token j puts
// out of reach ("prevented from continuing exports"), -1 if token j opens
// no such bar or "not" stands before it.
func (a *analysis) barredExportAt(j int) int {
	toks := a.toks
	if !barredWords[toks[j].w] || toks[j+1].w != "from" || a.notBefore(j) {
		return -1
	}
	k := j + 2
	for k < len(toks) && k < j+5 && barredFillers[toks[k].w] {
		k++
	}
	if k >= len(toks) || !barredExportWords[toks[k].w] {
		return -1
	}
	return k
}

// barredRecipientAfter returns the country the barred exports at token k
// went to ("exports to Azerbaijan") and its position; "" when no country
// follows within three words, or when goods are named first (the frame
// reads them).
func (a *analysis) barredRecipientAfter(k int) (string, int) {
	toks := a.toks
	for t := k + 1; t+1 < len(toks) && t <= k+3; t++ {
		if a.itemAt[t] >= 0 {
			return "", -1 // the goods are named: the frame reads them
		}
		if toks[t].w != "to" {
			continue
		}
		if m := a.actorAt[t+1]; m >= 0 && a.countryByName(m) {
			return a.actors[m].countries[0], a.actors[m].ti
		}
		return "", -1
	}
	return "", -1
}

// countryByName reports whether actor m names one country by its name or
// capital.
func (a *analysis) countryByName(m int) bool {
	ac := &a.actors[m]
	return !ac.drop && len(ac.countries) == 1 &&
		(ac.kind == gazetteer.NameMention || ac.kind == gazetteer.CapitalMention)
}

// firmBefore returns the country of the arms firm nearest before token j:
// a demonym before a word for a firm ("the Israeli firm") or a known maker;
// "" when a state or nothing stands there.
func (a *analysis) firmBefore(j int) string {
	for t := j - 1; t >= 0; t-- {
		if a.toks[t].w == ";" {
			return ""
		}
		m := a.actorAt[t]
		if m < 0 {
			continue
		}
		ac := &a.actors[m]
		if ac.drop || len(ac.countries) != 1 || t != ac.ti {
			continue
		}
		if a.firmActor(ac) {
			return ac.countries[0]
		}
		return ""
	}
	return ""
}

// firmActor reports whether actor ac is an arms firm: a known maker, or a
// demonym before a word for a firm ("the Israeli company").
func (a *analysis) firmActor(ac *actor) bool {
	return ac.kind == gazetteer.ManufacturerMention ||
		ac.kind == gazetteer.DemonymMention && ac.tj < len(a.toks) && companyNouns[a.toks[ac.tj].w]
}

// titleNamesArms reports whether the report's title names a weapon or arms.
func (a *analysis) titleNamesArms() bool {
	t := newAnalysis(a.ex, a.ctx.Title, &Context{Published: a.ctx.Published})
	return len(t.items) > 0
}

// notBefore reports whether "not" (or "never", "no longer") stands within
// three words before token j: "is not prevented from exports".
func (a *analysis) notBefore(j int) bool {
	for t := j - 1; t >= 0 && t >= j-3; t-- {
		switch a.toks[t].w {
		case "not", "never", "longer", "n't":
			return true
		}
	}
	return false
}

// "A protocol of intent" is a preliminary document, like a letter of
// intent: what it covers is planned.
func init() {
	cues.add("protocol of intent|protocols of intent", cuePlanned)
	// "joint production of a new type of unmanned systems": drones.
	// "unmanned ground systems" and "unmanned surface vessels" do not
	// match.
	extraWeapons.add("unmanned system|unmanned systems", string(weapons.Aircraft))
	// "The video revealed Turkmenistan's procurement of Vuran vehicles":
	// goods seen on a video, like footage, are in hand.
	goodsInHand["video"], goodsInHand["videos"] = true, true
}

// jointProductionBetween reads licensed or joint production agreed
// "between" a state and a foreign firm: "a protocol of intent signed
// between Azerbaijan's defence ministry and the Israeli company
// Aeronautics on joint production of drones" is a licence from the firm's
// country to the state. Two states, or two firms, give nothing: the
// sentence does not say whose design is built where.
func (a *analysis) jointProductionBetween() []relation {
	var out []relation
	for _, f := range a.frames {
		if f.kind != bot.KindLicence || f.neg || f.denied {
			continue
		}
		firm, state := a.betweenParties(f)
		if !a.betweenPartiesFit(f, firm, state) {
			continue
		}
		items := a.frameItems(f)
		if len(items) == 0 {
			continue
		}
		g := a.betweenLicence(f, items, firm, state)
		a.makeGroups(&g)
		out = a.emit(&g, out)
	}
	return out
}

// betweenParties returns the firm and the state of the first "between"
// list near frame f's trigger, -1 for either that is not there. A list of
// one member takes its second party from the list "and" opens after it.
func (a *analysis) betweenParties(f *frame) (firm, state int) {
	for li := range a.lists {
		l := &a.lists[li]
		if !betweenListNear(l, a.trigs[f.t].ti) {
			continue
		}
		members := l.members
		if len(members) == 1 {
			// "between Azerbaijan's Defence Industry Ministry and the
			// Israeli company Aeronautics": the second party is a list of
			// its own after "and".
			m := a.andPartyAfter(l.tj)
			if m < 0 {
				return -1, -1
			}
			members = []int{members[0], m}
		}
		return a.firmAndState(members)
	}
	return -1, -1
}

// betweenListNear reports whether list l is "between" one or two parties
// within 14 words of token ti.
func betweenListNear(l *alist, ti int) bool {
	return l.prep == "between" && len(l.members) >= 1 && len(l.members) <= 2 && abs(l.ti-ti) <= 14
}

// firmAndState returns which of the actors in members is an arms firm and
// which a state (by name, capital or organ), -1 for either not among
// them; an actor of no single country is neither, and a later one of a
// kind replaces an earlier.
func (a *analysis) firmAndState(members []int) (firm, state int) {
	firm, state = -1, -1
	for _, m := range members {
		switch ac := &a.actors[m]; {
		case ac.drop || len(ac.countries) != 1:
		case a.firmActor(ac):
			firm = m
		case ac.kind == gazetteer.NameMention || ac.kind == gazetteer.CapitalMention || ac.org:
			state = m
		}
	}
	return firm, state
}

// betweenPartiesFit reports whether a firm and a state of different
// countries were found and agree with the parties frame f already names:
// its supplier must be the firm's country, its recipient either's.
func (a *analysis) betweenPartiesFit(f *frame, firm, state int) bool {
	if firm < 0 || state < 0 {
		return false
	}
	fc, sc := a.actors[firm].countries, a.actors[state].countries
	if fc[0] == sc[0] {
		return false
	}
	if len(f.rsups) > 0 && !sameSide(f.rsups, fc) {
		return false
	}
	return len(f.rrecs) == 0 || sameSide(f.rrecs, fc) || sameSide(f.rrecs, sc)
}

// betweenLicence returns frame f as a licence of items from the firm's
// country to the state: planned after a document of intent, ordered where
// f read a delivery (production agreed, not yet reported).
func (a *analysis) betweenLicence(f *frame, items []int, firm, state int) frame {
	g := *f
	g.items = items
	g.rsups = []roleParty{a.soleParty(firm)}
	g.rrecs = []roleParty{a.soleParty(state)}
	g.groups = nil
	switch {
	case a.intentDocBefore(a.trigs[f.t].ti):
		g.status = bot.StatusPlanned // "The protocol of intent signed between ... on joint production"
	case g.status == bot.StatusDelivered:
		g.status = bot.StatusOrdered // an agreement between the two: production agreed, not yet reported
	}
	return g
}

// soleParty returns actor m as a party of its own, in no list and by no
// weapon.
func (a *analysis) soleParty(m int) roleParty {
	return roleParty{party: party{countries: a.actors[m].countries, pos: a.actors[m].ti}, li: -1, it: -1}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// sizeWords are what a condition on a transfer's size is about.
var sizeWords = words("quantity quantities number numbers figure figures size sizes scale volume volumes")

// sizeCondition reports whether the condition opened at token j ("if")
// is about how many, not whether: "if the quantities were similar to ...,
// the country likely purchased several dozen" hedges the count; the
// purchase itself is stated.
func (a *analysis) sizeCondition(j int) bool {
	if a.toks[j].w != "if" {
		return false
	}
	for t := j + 1; t < len(a.toks) && t <= j+3; t++ {
		if sizeWords[a.toks[t].w] {
			return true
		}
	}
	return false
}

// comparedNoun reports whether frame f's trigger is a noun that a
// comparison refers to ("similar to purchases of Turkish Kirpi vehicles",
// "as with the sale of ..."): a transfer that happened, which the
// condition around it does not hedge.
func (a *analysis) comparedNoun(f *frame) bool {
	tr := &a.trigs[f.t]
	if !tr.noun {
		return false
	}
	t := tr.ti - 1
	for t >= 0 && (a.toks[t].w == "the" || a.toks[t].w == "earlier" || a.toks[t].w == "previous" || a.toks[t].w == "past" || a.toks[t].w == "its") {
		t--
	}
	if t < 0 {
		return false
	}
	switch a.toks[t].w {
	case "like":
		return true
	case "to", "with":
		return t > 0 && (a.toks[t-1].w == "similar" || a.toks[t-1].w == "compared" || a.toks[t-1].w == "comparable" || a.toks[t-1].w == "as")
	}
	return false
}

// demonstrativeTopicItem reports whether frame f's goods are only the
// weapon the sentence is about, named back by a demonstrative and a word
// of no designation ("It has drawn interest, with Estonia and Norway
// signing contracts for this weapon system"): the topic weapon, whose
// maker supplies (topicRelations).
func (a *analysis) demonstrativeTopicItem(f *frame) bool {
	if len(f.items) == 0 || !a.aboutTopic() {
		return false
	}
	for _, it := range f.items {
		x := &a.items[it]
		if x.system != "" || x.org || x.ti == 0 {
			return false
		}
		if w := a.toks[x.ti-1].w; w != "this" && w != "that" && w != "these" && w != "those" {
			return false
		}
	}
	return true
}

// andPartyAfter returns the one actor of the list that "and" opens within
// five words after token t ("between Azerbaijan's ministry and the Israeli
// company"), -1 if none.
func (a *analysis) andPartyAfter(t int) int {
	for j := t; j < len(a.toks) && j <= t+5; j++ {
		if a.toks[j].w != "and" {
			continue
		}
		for k := j + 1; k < len(a.toks) && k <= j+3; k++ {
			if m := a.actorAt[k]; m >= 0 {
				if li := a.actors[m].list; li >= 0 && len(a.lists[li].members) == 1 {
					return m
				}
				return -1
			}
		}
		return -1
	}
	return -1
}

// intentDocWords name a document of intent, no contract.
var intentDocWords = words("intent memorandum mou")

// intentDocBefore reports whether a document of intent ("protocol of
// intent", "memorandum") is named before token t.
func (a *analysis) intentDocBefore(t int) bool {
	for j := 0; j < t && j < len(a.toks); j++ {
		if intentDocWords[a.toks[j].w] {
			return true
		}
	}
	return false
}

// plantVerbs open a production site; plantNouns name it.
var (
	plantVerbs = words("opened opens open set sets established establishes establish inaugurated inaugurates launched launches")
	plantNouns = words("plant plants factory factories facility facilities")
)

// plantPlanWords before the verb make opening a plant a plan: "will open",
// "plans to open".
var plantPlanWords = words("will plans plan intends to")

// plantRelations reads a foreign arms maker opening a plant in a country:
// "Aselsan ... has opened a plant costing $44 million in Kazakhstan" is
// production of the maker's designs there, a licence from the maker's
// country, ordered (the plant is to produce; what it has produced the
// sentence does not say). "will open" or "plans to open" is a plan. The
// maker must open the sentence; a plant of the country's own make, an
// office, or a plant in the maker's own country give nothing.
func (a *analysis) plantRelations() []relation {
	toks := a.toks
	if len(toks) == 0 || negates(a.text) || a.hedged() {
		return nil
	}
	m := a.openingMaker()
	if m < 0 {
		return nil
	}
	maker := &a.actors[m]
	verb, noun := a.plantOpenedAfter(maker.tj)
	if noun < 0 {
		return nil
	}
	rec, pos := a.plantCountryAfter(noun)
	if rec == "" || rec == maker.countries[0] {
		return nil
	}
	r := relation{pos: pos}
	r.Supplier, r.Recipient = maker.countries[0], rec
	r.Status, r.Kind = bot.StatusOrdered, bot.KindLicence
	if a.anyWordIn(plantPlanWords, maker.tj, verb) {
		r.Status = bot.StatusPlanned
	}
	r.Years = a.yearsIn(0, len(toks))
	return []relation{r}
}

// openingMaker returns the arms maker of one country that opens the
// sentence, -1 if none.
func (a *analysis) openingMaker() int {
	m := a.actorAt[0]
	if m < 0 {
		return -1
	}
	maker := &a.actors[m]
	if maker.kind != gazetteer.ManufacturerMention || maker.drop || len(maker.countries) != 1 {
		return -1
	}
	return m
}

// plantOpenedAfter returns the first verb that opens a plant within 22
// words after token from ("has opened a plant"), not after "not", and
// the word for the plant; -1, -1 if none.
func (a *analysis) plantOpenedAfter(from int) (verb, noun int) {
	toks := a.toks
	for j := from; j+2 < len(toks) && j < from+22; j++ {
		if !plantVerbs[toks[j].w] || a.notBefore(j) {
			continue
		}
		if noun := a.plantNounAfter(j); noun >= 0 {
			return j, noun
		}
	}
	return -1, -1
}

// plantNounAfter returns the word for a plant within five words after the
// verb at token j (and its "up": "set up a factory"), -1 if none.
func (a *analysis) plantNounAfter(j int) int {
	toks := a.toks
	k := j + 1
	if k < len(toks) && toks[k].w == "up" {
		k++
	}
	end := min(len(toks), k+5)
	for t := k; t < end; t++ {
		if plantNouns[toks[t].w] {
			return t
		}
	}
	return -1
}

// plantCountryAfter returns the country the first "in" within eight words
// after the plant noun at token noun places it in ("a plant costing $44
// million in Kazakhstan"), and its position; "" if that "in" names no
// country by its name alone.
func (a *analysis) plantCountryAfter(noun int) (string, int) {
	toks := a.toks
	for t := noun + 1; t+1 < len(toks) && t <= noun+8; t++ {
		if toks[t].w != "in" {
			continue
		}
		if c := a.actorAt[t+1]; c >= 0 && a.actors[c].kind == gazetteer.NameMention && len(a.actors[c].countries) == 1 && !a.actors[c].poss {
			return a.actors[c].countries[0], a.actors[c].ti
		}
		return "", -1
	}
	return "", -1
}

// anyWordIn reports whether a word of set stands in tokens [from, to).
func (a *analysis) anyWordIn(set wordSet, from, to int) bool {
	for t := from; t < to; t++ {
		if set[a.toks[t].w] {
			return true
		}
	}
	return false
}
