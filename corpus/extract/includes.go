package extract

import (
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Lists of holders opened by "include": "Customers for the South Korean
// FA-50 include Poland, Malaysia and the Philippines", "Countries operating
// the Israeli Heron include India and Azerbaijan". The subject names the
// holders and one weapon whose origin the sentence states (a demonym, a
// "-made" adjective, a maker); every country listed after "include" holds
// it. Buyers and customers have ordered it (as the annotation guidelines
// read "customer of"); operators and users have it in hand (delivered).

// buyerHeads and holderHeads name holders of a weapon: buyers have bought
// it, holders use it.
var (
	buyerHeads  = words("customers customer buyers buyer clients client purchasers importers")
	holderHeads = words("operators operator users user")
)

// groupHeads name a group that the words after it make holders:
// "countries operating", "nations that have bought".
var groupHeads = words("countries nations states governments militaries armies forces")

// holdingWords after a group head make it operators; buyingWords buyers.
var (
	holdingWords = words("operating operate operates using use uses fielding field flying fly that which")
	buyingWords  = words("bought buying buy purchased purchasing ordered ordering acquired acquiring procured")
)

// includeVerbs open the list.
var includeVerbs = words("include includes included")

// includeListRelations returns supplier -> holder relations for a
// sentence whose subject names holders of one weapon of stated origin and
// whose verb "include" lists them.
func (a *analysis) includeListRelations() []relation {
	if a.hedged() {
		return nil
	}
	toks := a.toks
	for t := 1; t+1 < len(toks); t++ {
		if !includeVerbs[toks[t].w] || a.listAt[t+1] < 0 {
			continue
		}
		li := a.listAt[t+1]
		if l := &a.lists[li]; l.prep != "" || l.pron != "" || l.ti != t+1 {
			continue
		}
		status, ok := a.holdersSubject(t)
		if !ok {
			continue
		}
		sup, it := a.statedOrigin(a.clauses[a.clauseAt[t]].ts, t)
		if sup == "" {
			continue
		}
		return a.listedHolders(li, sup, it, status)
	}
	return nil
}

// holdersSubject reads the words before the verb "include" at t (from its
// clause's start): buyers give ordered, operators delivered; ok is false
// when the subject names no holders or is negated ("do not include").
func (a *analysis) holdersSubject(t int) (bot.Status, bool) {
	toks := a.toks
	start := a.clauses[a.clauseAt[t]].ts
	if t-start > 14 {
		return "", false
	}
	status := bot.Status("")
	for j := start; j < t; j++ {
		w := toks[j].w
		switch {
		case w == "not" || w == "never" || w == "potential" || w == "possible" || w == "future" || w == "prospective":
			return "", false
		case buyerHeads[w]:
			status = bot.StatusOrdered
		case holderHeads[w]:
			status = bot.StatusDelivered
		case groupHeads[w] && j+1 < t:
			next := toks[j+1].w
			if j+2 < t && (next == "that" || next == "which") {
				next = toks[j+2].w
				if haveForms[next] && j+3 < t {
					next = toks[j+3].w
				}
			}
			switch {
			case buyingWords[next]:
				status = bot.StatusOrdered
			case holdingWords[next] || next == "with":
				status = bot.StatusDelivered
			}
		}
	}
	return status, status != ""
}

// statedOrigin returns the one country the words in [s, e) state as the
// origin of their one weapon, and that weapon; "" when the stretch names
// another country, several weapons, or a weapon of no stated origin.
func (a *analysis) statedOrigin(s, e int) (string, int) {
	item, sup := -1, ""
	for j := s; j < e; j++ {
		if it := a.itemAt[j]; it >= 0 && it != item {
			if item >= 0 || a.items[it].org {
				return "", -1
			}
			item = it
		}
	}
	if item < 0 {
		return "", -1
	}
	for j := s; j < e; j++ {
		k := a.actorAt[j]
		if k < 0 {
			continue
		}
		ac := &a.actors[k]
		if ac.origin != item || len(ac.countries) != 1 || ac.drop {
			return "", -1 // a country other than the weapon's origin
		}
		if sup != "" && sup != ac.countries[0] {
			return "", -1
		}
		sup = ac.countries[0]
	}
	if sup == "" || a.notMadeBy(item, sup) {
		return "", -1
	}
	return sup, item
}

// listedHolders returns one relation per country of list li.
func (a *analysis) listedHolders(li int, sup string, it int, status bot.Status) []relation {
	x := &a.items[it]
	var out []relation
	for _, m := range a.lists[li].members {
		ac := &a.actors[m]
		if ac.drop || ac.poss || len(ac.countries) != 1 || ac.countries[0] == sup {
			continue
		}
		r := relation{pos: ac.ti}
		r.Supplier, r.Recipient = sup, ac.countries[0]
		r.Status, r.Kind = status, bot.KindSale
		r.System, r.Category = x.system, x.category
		r.madeIn = madeIn(x.canon)
		out = append(out, r)
	}
	return out
}

// baseProducing are the base forms of the production verbs, after "will"
// or "to".
var baseProducing = words("produce build make manufacture assemble")

// frontedLicenceRelations reads a licence named before its clause:
// "Under a licence from Israel, India will manufacture Spike missiles"
// (Israel licenses India: ordered while the production is to come,
// delivered when the verb says it goes on). The producer is the subject
// of the clause after the comma, the goods the first weapon after the
// production verb.
func (a *analysis) frontedLicenceRelations() []relation {
	toks := a.toks
	if a.hedged() || len(toks) < 8 || toks[0].w != "under" {
		return nil
	}
	j := 1
	if articles[toks[j].w] {
		j++
	}
	if !licenceWords[toks[j].w] || toks[j+1].w != "from" {
		return nil
	}
	k := j + 2
	if toks[k].w == "the" {
		k++ // "from the United States"
	}
	if a.actorAt[k] < 0 {
		return nil
	}
	ac := &a.actors[a.actorAt[k]]
	if ac.drop || len(ac.countries) != 1 || ac.tj >= len(toks) || toks[ac.tj].w != "," {
		return nil
	}
	sup := ac.countries[0]
	for v := ac.tj + 1; v < len(toks) && v <= ac.tj+8; v++ {
		if !producingWords[toks[v].w] && !baseProducing[toks[v].w] {
			continue
		}
		rec, _ := a.clauseSubjectCountry(v)
		if rec == "" || rec == sup {
			return nil
		}
		x := a.goodsBetween(v, len(toks))
		if x == nil {
			return nil
		}
		st := bot.StatusDelivered
		if toks[v-1].w == "will" || toks[v-1].w == "to" || toks[v-1].w == "would" {
			st = bot.StatusOrdered
		}
		return []relation{itemRelation(x, sup, rec, st, bot.KindLicence)}
	}
	return nil
}

// kitWords are goods that are military equipment when armed forces, border
// troops or police get them (the annotation guidelines' "Other": trucks,
// jeeps, radios and other kit): "donated 20 vehicles to Kyrgyzstan's border
// service". Elsewhere they are no arms ("donated ambulances to the health
// ministry"; "vehicles" alone is no weapon).
var kitWords = newPhraseSet[bool]()

// securityForceWords name armed forces, border troops or police.
var securityForceWords = words("army armies military troops forces guards guard police gendarmerie navy " +
	"militaries servicemen soldiers border")

func init() {
	kitWords.add("vehicles|trucks|jeeps|pickups|pick-ups|pickup trucks|off-road vehicles|all-terrain vehicles|cars|suvs|minibuses|"+
		"radios|radio sets|uniforms|helmets|body armour|body armor|bulletproof vests|night-vision devices|"+
		"night-vision goggles|night vision goggles|night vision devices|binoculars|communications equipment|"+
		"communication equipment|motorcycles|boats|patrol boats", true)
}

// forcesKit adds the kit words of a sentence that names armed forces,
// border troops or police as generic arms words.
func (a *analysis) forcesKit(ms []wmatch) []wmatch {
	toks := a.toks
	forces := false
	for _, t := range toks {
		forces = forces || securityForceWords[t.w]
	}
	if !forces {
		return ms
	}
	return a.addUncovered(ms, kitWords, "Other", nil)
}

// aidOpeners open a sentence with the programme a handover came under:
// "Under a US assistance programme, Uzbekistan's border troops received
// radios", "As part of Chinese military aid, ...".
var aidOpeners = newPhraseSet[bool]()

// aidNouns name the aid of an aid opener.
var aidNouns = words("assistance aid grant grants programme program package packages donation")

func init() {
	aidOpeners.add("under|as part of|through|thanks to|with", true)
}

// frontedAidRelations reads an aid programme named before its clause,
// "Under a US assistance programme, Uzbekistan's border troops received
// night-vision devices": the programme's country gives (aid) what the
// clause's subject received. Only a receiving verb of the clause counts,
// and the clause must name no other supplier.
func (a *analysis) frontedAidRelations() []relation {
	toks := a.toks
	if len(toks) < 6 {
		return nil
	}
	_, n := aidOpeners.match(toks, 0)
	if n == 0 || a.hedged() {
		return nil
	}
	j := n
	if j < len(toks) && articles[toks[j].w] {
		j++
	}
	if j >= len(toks) || a.actorAt[j] < 0 {
		return nil
	}
	ac := &a.actors[a.actorAt[j]]
	if ac.drop || len(ac.countries) != 1 {
		return nil
	}
	comma := -1
	aid := false
	for k := ac.tj; k < len(toks) && k <= ac.tj+5; k++ {
		if toks[k].w == "," {
			comma = k
			break
		}
		aid = aid || aidNouns[toks[k].w]
	}
	if !aid || comma < 0 {
		return nil
	}
	return a.receivedAfter(comma, ac.countries[0])
}

// receivedAfter returns sup -> subject relations for the receiving verb of
// the clause that starts after token s: the goods are its first weapon.
func (a *analysis) receivedAfter(s int, sup string) []relation {
	toks := a.toks
	for v := s + 1; v < len(toks) && v <= s+10; v++ {
		k := a.trigAt[v]
		if k < 0 {
			continue
		}
		tr := &a.trigs[k]
		if tr.noun || tr.spec.dir != dirR || tr.spec.status != del || tr.drop {
			return nil
		}
		for t := tr.tj; t < len(toks); t++ {
			if ak := a.actorAt[t]; ak >= 0 && !a.actors[ak].drop {
				return nil // "received radios from Japan": the clause names its own supplier
			}
		}
		rec, _ := a.clauseSubjectCountryOrPossessor(v)
		if rec == "" || rec == sup {
			return nil
		}
		x := a.goodsBetween(tr.tj-1, len(toks))
		if x == nil {
			return nil
		}
		return []relation{itemRelation(x, sup, rec, bot.StatusDelivered, bot.KindAid)}
	}
	return nil
}

// clauseSubjectCountryOrPossessor is clauseSubjectCountry, also taking
// a possessor before a force ("Uzbekistan's border troops").
func (a *analysis) clauseSubjectCountryOrPossessor(t int) (string, int) {
	if c, p := a.clauseSubjectCountry(t); c != "" {
		return c, p
	}
	c := &a.clauses[a.clauseAt[t]]
	if c.subj < 0 || len(a.lists[c.subj].members) != 1 || a.lists[c.subj].ti > t {
		return "", -1
	}
	ac := &a.actors[a.lists[c.subj].members[0]]
	if ac.drop || len(ac.countries) != 1 || !(ac.poss || ac.org) {
		return "", -1
	}
	return ac.countries[0], ac.ti
}

// periodWords after a negation make it a statement that nothing came in a
// stretch of time: "has not received any major Russian weapon since 2022",
// "no new Chinese arms in years".
var periodWords = words("since years decade decades")

// dropAbsences drops the negated (denied) relations of a sentence that
// says no transfer happened for a while: no report was denied, so it is
// neither a denial nor a cancellation. A sentence with a word of denial
// or a speaker ("denied that it had received any drones since 2020",
// "Uzbekistan said it had not received ...") keeps them: a denial.
func (a *analysis) dropAbsences(rels []relation) []relation {
	toks := a.toks
	neg := -1
	for j, t := range toks {
		if cv, _ := cues.match(toks, j); cv == cueDeny || speechVerbs[t.w] {
			return rels // "denied that ...", "Uzbekistan said it had not received ...": a denial
		}
		if neg < 0 && (t.w == "not" || t.w == "no" || t.w == "never") {
			neg = j
		}
	}
	if neg < 0 {
		return rels
	}
	period := false
	for j := neg + 1; j < len(toks); j++ {
		period = period || periodWords[toks[j].w]
	}
	if !period {
		return rels
	}
	out := rels[:0]
	for _, r := range rels {
		if !r.Denied {
			out = append(out, r)
		}
	}
	return out
}

// speechVerbs make a negation someone's statement, a denial.
var speechVerbs = words("said says told stated insisted insists claimed claims announced")

// partnerDeals name an agreement whose partner is the other side of the
// clause after it: "Under an agreement with Kazakhstan, Russia delivered
// four Su-30SM jets".
var partnerDeals = words("agreement agreements contract contracts deal deals accord treaty")

// frontedPartnerRelations reads "Under an agreement with X, Y delivered W"
// (Y -> X) and "Under a contract with X, Y received W" (X -> Y): the clause
// names one side, the opener the other. Nothing when the clause names both
// sides itself (its own reading stands) or no weapon.
func (a *analysis) frontedPartnerRelations() []relation {
	toks := a.toks
	if len(toks) < 8 || toks[0].w != "under" || a.hedged() {
		return nil
	}
	j := 1
	if articles[toks[j].w] {
		j++
	}
	if !partnerDeals[toks[j].w] || toks[j+1].w != "with" || a.actorAt[j+2] < 0 {
		return nil
	}
	ac := &a.actors[a.actorAt[j+2]]
	if ac.drop || len(ac.countries) != 1 || ac.tj >= len(toks) || toks[ac.tj].w != "," {
		return nil
	}
	partner := ac.countries[0]
	for v := ac.tj + 1; v < len(toks) && v <= ac.tj+8; v++ {
		k := a.trigAt[v]
		if k < 0 {
			continue
		}
		tr := &a.trigs[k]
		if tr.noun || tr.drop || tr.spec.status != del || a.actorWithin(tr.tj, len(toks), len(toks)) {
			return nil // a clause that names its other side reads itself
		}
		subj, _ := a.clauseSubjectCountry(v)
		x := a.goodsBetween(tr.tj-1, len(toks))
		if subj == "" || subj == partner || x == nil {
			return nil
		}
		st := bot.StatusDelivered
		if toks[v-1].w == "will" || toks[v-1].w == "to" || tr.toBe || tr.prog {
			st = bot.StatusOrdered
		}
		switch tr.spec.dir {
		case dirS:
			return []relation{itemRelation(x, subj, partner, st, bot.KindSale)}
		case dirR:
			return []relation{itemRelation(x, partner, subj, st, bot.KindSale)}
		}
		return nil
	}
	return nil
}

// stateReceivers after "to" make a presentation a handover: a state's
// forces or ministries ("presented 50 vehicles to the Special Operations
// Forces of Uzbekistan"); officials, visitors or a fair are only shown the
// goods.
var stateReceivers = words("army armies forces force troops guards guard police navy ministry ministries military " +
	"service services gendarmerie government")

// keepPresent keeps "presented" as a handover when a weapon follows it
// closely and "to" then names a country or its forces, not a fair, its
// visitors or officials: "Turkey presented its new drone at the fair" and
// "presented the drone to Kazakh officials" hand nothing over.
func (a *analysis) keepPresent(tr *trig) bool {
	if tr.noun || !a.keepHand(tr) {
		return false
	}
	toks := a.toks
	for j := tr.tj; j+1 < len(toks) && j < tr.tj+14; j++ {
		if toks[j].w == "," || toks[j].w == ";" {
			return false
		}
		if toks[j].w != "to" {
			continue
		}
		for k := j + 1; k < len(toks) && k <= j+6; k++ {
			switch {
			case officialWords[toks[k].w]:
				return false
			case stateReceivers[toks[k].w]:
				return true
			case a.actorAt[k] >= 0 && a.actors[a.actorAt[k]].kind == gazetteer.NameMention && !a.actors[a.actorAt[k]].poss:
				return k+1 >= len(toks) || !officialWords[toks[k+1].w]
			}
		}
		return false
	}
	return false
}

// officialWords are people a weapon is shown to, not a recipient.
var officialWords = words("officials official delegation delegations visitors journalists public president minister " +
	"ministers guests audience buyers delegates")
