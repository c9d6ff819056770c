package extract

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Rules of the rd8 unseen-text round (Africa, Afghanistan, the Gulf, Central
// Asia): relative clauses on a firm, speakers, carriers, preliminary
// agreements and purposes. Each is tested in sentences-23.jsonl
// (s2301 onwards).

// partyRelativeThat returns the list that a "that" at token i takes as the
// subject of its relative clause when "that" follows a country's firm or
// body and opens a verb of transfer: "from a Russian exporter that also
// supplies weapons to Syria" (Russia supplies Syria, not the buyer of the
// main clause); -1 when it does not. "said that", "so that" and "that"
// before a noun are left to the other cuts.
func (a *analysis) partyRelativeThat(i int) int {
	toks := a.toks
	if i < 2 || !orgNouns[toks[i-1].w] || a.actorAt[i-1] >= 0 {
		return -1
	}
	k := a.actorAt[i-2]
	if k < 0 || !a.actors[k].org || a.actors[k].drop || a.listAt[i-2] < 0 {
		return -1
	}
	if !a.finiteVerbTriggerAt(a.skipAuxiliaries(i + 1)) {
		return -1
	}
	return a.listAt[i-2]
}

// relativeOpensAfter reports whether the relative word at token j opens a
// relative clause of its own: a future or intention before it belongs to
// the clause it qualifies ("will not buy from an exporter that supplies
// Syria": the supply is no future).
func (a *analysis) relativeOpensAfter(j int) bool {
	if j+1 >= len(a.toks) || a.clauseAt[j+1] == a.clauseAt[j] {
		return false
	}
	return a.clauses[a.clauseAt[j+1]].kind == cRel
}

// speakerVerbs introduce what a speaker says or believes.
var speakerVerbs = words("say says said argue argues argued believe believes believed contend contends contended " +
	"insist insists insisted claim claims claimed")

// dropSpeakers removes from recs the parties that only speak about a
// weapon named after their verb of saying: in "U.S. officials say the
// Russian-made helicopters suit the Afghans" the officials hold no
// helicopter, so the United States is no recipient of the maker's.
func (a *analysis) dropSpeakers(recs []roleParty, x *item) []roleParty {
	out := recs[:0:0]
	for _, p := range recs {
		if p.li >= 0 && a.saysBetween(a.lists[p.li].tj, x.ti) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// saysBetween reports whether a verb of saying stands in tokens [i, j) of
// one clause.
func (a *analysis) saysBetween(i, j int) bool {
	for t := i; t < j && t < len(a.toks); t++ {
		if speakerVerbs[a.toks[t].w] && a.clauseAt[t] == a.clauseAt[i] {
			return true
		}
	}
	return false
}

// carryVerbs after a transport craft say it carries the goods.
var carryVerbs = words("carry carries carried carrying ferry ferries ferried fly flies flew airlift airlifts airlifted " +
	"transport transports transported haul hauls hauled collect collects collected")

// carrierByOrCarrying reports whether item it, a transport craft (its
// phrase holds "transport" or "cargo"), is the means of a delivery rather
// than the goods: the agent of a passive delivery ("were delivered from
// Russia by an Antonov-124 cargo plane") or a craft that comes to carry
// goods ("a transport plane landed in Ostrava to carry the arms to
// Nigeria"). A craft sold ("delivered two C-130 transport aircraft to
// Chad") is neither.
func (a *analysis) carrierByOrCarrying(it int) bool {
	x := &a.items[it]
	if !a.hasCarrierWord(x) {
		return false
	}
	toks := a.toks
	for j := x.ti - 1; j >= 0 && j >= x.ti-6; j-- {
		w := toks[j].w
		if w == "by" {
			return true
		}
		if w != "a" && w != "an" && w != "the" && w != "-" && a.actorAt[j] < 0 && !toks[j].digit && a.itemAt[j] != it {
			break
		}
	}
	if a.triggerBefore(x.ti) {
		return false // "bought two C-390 transport aircraft to carry troops": the craft is the goods
	}
	for j := x.tj; j < len(toks) && j < x.tj+12; j++ {
		if toks[j].w == "to" && j+1 < len(toks) && carryVerbs[toks[j+1].w] {
			return true
		}
		if toks[j].w == "." || toks[j].w == ";" {
			break
		}
	}
	return false
}

// triggerBefore reports whether a trigger stands before token t in the
// sentence (read before clauses are found).
func (a *analysis) triggerBefore(t int) bool {
	for j := 0; j < t; j++ {
		if a.trigAt[j] >= 0 {
			return true
		}
	}
	return false
}

// dropCarrierMakers drops the makers and origins of carrier item it: the
// Antonov of "by an Antonov-124 cargo plane" flies the goods and supplies
// nothing.
func (a *analysis) dropCarrierMakers(it int) {
	for k := range a.actors {
		if a.actors[k].origin == it {
			a.actors[k].drop = true
		}
	}
}

// notOneRepublic before a demonym and "republic" describe some republic,
// not the named one: "a former Soviet republic".
var notOneRepublic = words("a an another former ex other every each one")

// republicNamed reports whether demonym actor ac and the word "republic"
// after it name the country, as reporting often writes it without a
// capital: "from Czech republic", "the Kyrgyz republic". "a former Soviet
// republic" names no party.
func (a *analysis) republicNamed(ac *actor) bool {
	toks := a.toks
	if ac.kind != gazetteer.DemonymMention || ac.tj >= len(toks) || toks[ac.tj].w != "republic" {
		return false
	}
	return ac.ti == 0 || !notOneRepublic[toks[ac.ti-1].w]
}

// prelimAgreements come before a contract: "signed preliminary agreements
// to buy S-400 systems" is a plan (the annotation guidelines: a
// memorandum or letter of intent without a contract).
const prelimAgreements = "preliminary agreement|preliminary agreements|preliminary deal|preliminary deals|" +
	"initial agreement|initial agreements|preliminary accord|preliminary accords|" +
	"cooperation agreement|cooperation agreements|co-operation agreement|framework agreement|framework agreements"

// prelimLicences are preliminary licence agreements: "struck an initial
// licensing agreement that could lead to production" (a planned licence).
const prelimLicences = "initial licensing agreement|initial licence agreement|initial license agreement|" +
	"preliminary licensing agreement|preliminary licence agreement|preliminary license agreement"

// placeBefore reports whether the "to" at token j follows a place ("in
// Nigeria", "in Ankara"): "Belarusian officials are in Nigeria to receive
// the vehicles" states a purpose, and the handover is still to come.
func (a *analysis) placeBefore(j int) bool {
	if j < 1 || a.listAt[j-1] < 0 {
		return false
	}
	l := &a.lists[a.listAt[j-1]]
	return l.place && l.tj == j
}

// purposeAdjectives may stand between "for" and a transfer noun of aim.
var purposeAdjectives = words("further onward subsequent later eventual possible future")

// forPurpose reports whether noun trigger tr is the aim of "for", with at
// most two purposeAdjectives between: "bought the jets for further
// transfer to Ukraine", "for onward delivery to Kyiv". An aim is no
// transfer done or ordered: at most a plan.
func (a *analysis) forPurpose(tr *trig) bool {
	j := tr.ti - 1
	for n := 0; n < 2 && j >= 0 && purposeAdjectives[a.toks[j].w]; n++ {
		j--
	}
	return j >= 0 && a.toks[j].w == "for" && j < tr.ti-1
}

// deniedCustomerRelations reads a supplier's denial that a country is its
// customer: "Otokar denied that Uganda is the customer" gives Turkey ->
// Uganda, cancelled and denied (the report that named the buyer is
// denied). The denier must stand right before the denial verb and the
// country must be the subject of "is/was the customer" in the "that"
// clause; a denial by anyone else names no supplier.
func (a *analysis) deniedCustomerRelations() []relation {
	var out []relation
	for _, f := range a.frames {
		if f.spec.sp != spCustomer || !f.denied || a.trigs[f.t].drop {
			continue
		}
		c := &a.clauses[f.clause]
		if c.subj < 0 || len(a.lists[c.subj].members) != 1 || c.ts < 3 || a.toks[c.ts-1].w != "that" {
			continue
		}
		rec := &a.actors[a.lists[c.subj].members[0]]
		sup := a.denierBefore(c.ts - 2)
		if sup == "" || len(rec.countries) != 1 || rec.countries[0] == sup || !a.copulaBetween(rec.tj, f.ti) {
			continue
		}
		r := relation{pos: rec.ti}
		r.Supplier, r.Recipient = sup, rec.countries[0]
		r.Status, r.Kind, r.Denied = bot.StatusCancelled, bot.KindSale, true
		out = append(out, r)
	}
	return out
}

// denierBefore returns the country of the maker right before the denial
// verb at token j ("Otokar denied"), "" if none: a maker denies a buyer of
// its own goods; a government may deny anyone's.
func (a *analysis) denierBefore(j int) string {
	if j < 1 || !denialVerbs[a.toks[j].w] {
		return ""
	}
	k := a.actorAt[j-1]
	if k < 0 || a.actors[k].drop || a.actors[k].kind != gazetteer.ManufacturerMention || len(a.actors[k].countries) != 1 {
		return ""
	}
	return a.actors[k].countries[0]
}

// copulaBetween reports whether tokens [i, j) are a form of "be", an
// optional "not" and an article: "is the", "was not a".
func (a *analysis) copulaBetween(i, j int) bool {
	if i >= j || !beForms[a.toks[i].w] {
		return false
	}
	for t := i + 1; t < j; t++ {
		switch a.toks[t].w {
		case "not", "the", "a", "an", "its", "their", "african", "foreign", "export", "mystery", "unnamed":
		default:
			return false
		}
	}
	return true
}

// trailingSpeakerOther reports whether the attribution cue at byte first
// of " "+sentence closes the sentence after a comma, with a short speaker
// between that names no country of sup: "Otokar will supply the state
// with 100 vehicles, the report says" is told by the report, not by
// Otokar; "..., Turkish officials said" is the supplier's own word.
func (e *Extractor) trailingSpeakerOther(sentence string, first int, sup string) bool {
	end := min(len(sentence), max(0, first-1))
	comma := strings.LastIndex(sentence[:end], ",")
	if comma < 0 || end-comma > 40 || len(sentence)-end > 20 {
		return false
	}
	return !slices.Contains(e.countriesIn(sentence[comma:end]), sup)
}

// militaryBeforeItem returns the weapon right after "military" at token j,
// where "military" is an adjective ("Russian military transport
// helicopters": Russian qualifies the helicopters, it names no armed
// forces), -1 otherwise ("the Russian military bought ...").
func (a *analysis) militaryBeforeItem(j int) int {
	if j+1 >= len(a.toks) || a.toks[j].w != "military" {
		return -1
	}
	it := a.itemAt[j+1]
	if it < 0 || a.items[it].org || a.items[it].ti != j+1 {
		return -1
	}
	return it
}

// init adds "dropped a plan/deal/order" to the cancellation cues: to drop
// a deal is to cancel it ("has dropped a plan to buy 12 helicopters"),
// while "dropped" alone (prices, bombs) cancels nothing.
func init() {
	var b strings.Builder
	for _, v := range []string{"drop", "drops", "dropped", "dropping"} {
		for _, d := range []string{"", "a ", "the ", "its ", "their ", "a planned ", "the planned "} {
			for _, n := range []string{"plan", "plans", "deal", "deals", "order", "orders", "purchase", "contract", "bid"} {
				if b.Len() > 0 {
					b.WriteByte('|')
				}
				b.WriteString(v + " " + d + n)
			}
		}
	}
	cues.add(b.String(), cueCancel)
}

// stateReportWords before "to be" report a present state, not one to
// come: "was known to be in service in Mali", "is said to be in use with".
var stateReportWords = words("known said believed reported thought understood seen found rumoured rumored")

// knownToBe reports whether the "to" at token j follows one of the
// stateReportWords, past an adverb ("already known to be").
func (a *analysis) knownToBe(j int) bool {
	p := a.beforeAdverbs(j)
	return p >= 0 && stateReportWords[a.toks[p].w] && j+1 < len(a.toks) && a.toks[j+1].w == "be"
}

// inServiceIn returns the list of countries right after a usage trigger
// ending in "in" ("in service in", "entered service in"): "The VP11 is in
// service in Gabon and Mali" names its users, though "in" makes the list
// a place.
func (r *roleReader) inServiceIn() []int {
	a, tr := r.a, r.tr
	if tr.tj < 1 || tr.tj >= len(a.toks) || a.toks[tr.tj-1].w != "in" {
		return nil
	}
	li := a.listAt[tr.tj]
	if li < 0 || a.lists[li].ti != tr.tj || a.lists[li].pron != "" || a.lists[li].except {
		return nil
	}
	return []int{li}
}

// exampleHeads may stand between "such as" and the countries it lists:
// "such as the armies of Chad and Mali".
var exampleHeads = words("the armies army forces militaries military governments government of")

// forceHeads make the examples armed forces: the clients are buyers of
// arms ("such as the armies of Chad"), not of a bank or a consultancy.
var forceHeads = words("armies army forces militaries military")

// namedLaterAsExamples reports whether list l, further than a few words
// after a role noun ending at token from, is the example list of an
// "including ..." that follows the noun: "clients including the UN and
// nations on the African continent, such as the armies of Chad, Mali and
// Niger". "including" must come right after the noun, "such as" and the
// armed forces of (exampleHeads with one of forceHeads) right before the
// list, and no country, trigger, stop or semicolon may stand between (a
// region may: it describes them).
func (a *analysis) namedLaterAsExamples(from int, l *alist) bool {
	toks := a.toks
	if from >= len(toks) || toks[from].w != "including" || l.place || l.except || l.pron != "" || l.ti > from+20 {
		return false
	}
	j := l.ti - 1
	forces := false
	for j > from && exampleHeads[toks[j].w] {
		forces = forces || forceHeads[toks[j].w]
		j--
	}
	if !forces || j < 2 || toks[j].w != "as" || toks[j-1].w != "such" {
		return false
	}
	for t := from + 1; t < j-1; t++ {
		if k := a.actorAt[t]; k >= 0 && a.actors[k].kind != gazetteer.GroupMention || a.trigAt[t] >= 0 || toks[t].w == "." || toks[t].w == ";" {
			return false // a region ("nations on the African continent") only describes them
		}
	}
	return true
}

// dealToVerb reports whether frame f's verb is the infinitive of a deal
// noun it absorbed ("the deal to acquire the Mi-17 helicopters had been
// cancelled"): the deal is the subject, and what is said of it after the
// goods (cancelled, signed) is said of the transfer.
func (a *analysis) dealToVerb(f *frame) bool {
	tr := &a.trigs[f.t]
	if tr.noun || tr.ti < 2 || a.toks[tr.ti-1].w != "to" {
		return false
	}
	for _, j := range f.absorbed {
		if d := &a.trigs[j]; d.noun && d.tj == tr.ti-1 {
			return true
		}
	}
	return false
}

// examplesList returns the first of lists that namedLaterAsExamples takes
// as the examples after the role noun ending at token from, -1 if none:
// a region listed before the examples ("states across Central Asia, such
// as the armies of Kyrgyzstan") is passed over.
func (a *analysis) examplesList(from int, lists []int) int {
	for _, li := range lists {
		if a.namedLaterAsExamples(from, &a.lists[li]) {
			return li
		}
	}
	return -1
}

// scheduledBefore reports whether the "to" at token j follows "was set",
// "is due" or "were scheduled": "The Pentagon was set to purchase 15
// Mi-17s and then deliver them to Kabul" schedules the delivery too, which
// is no more than an order.
func (a *analysis) scheduledBefore(j int) bool {
	if j < 2 {
		return false
	}
	switch a.toks[j-1].w {
	case "set", "due", "scheduled", "slated":
		return beForms[a.toks[j-2].w]
	}
	return false
}
