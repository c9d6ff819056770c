package extract

import (
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Rules of the rd5 real-text round: constructions met in unseen reporting
// on Europe, Ukraine, Israel, the Gulf and East Asia, each a pattern of
// English with a sentence-level gold line (s1401 on).

// currencySigns follow a country's short name in an amount of money
// ("US $5.1 billion", "HK$ 3 million"): the country is no party there.
var currencySigns = words("$ € £ ¥")

// currencyAfter reports whether the token at j is a currency word or sign.
func currencyAfter(toks []tok, j int) bool {
	return j < len(toks) && (currencyWords[toks[j].w] || currencySigns[toks[j].w])
}

// greenLightBefore reports whether "gave the green light for" governs the
// transfer noun at t: "has given the green light for the sale of", an
// approval like "approved the sale of".
func (a *analysis) greenLightBefore(t int) bool {
	toks := a.toks
	j := t - 1
	for j >= 0 && (toks[j].w == "the" || toks[j].w == "a" || toks[j].w == "possible" || toks[j].w == "proposed") {
		j--
	}
	return j >= 2 && (toks[j].w == "for" || toks[j].w == "to") && toks[j-1].w == "light" && toks[j-2].w == "green"
}

// markRd5 drops the triggers of this round's non-transfers.
func (a *analysis) markRd5() {
	a.markThirdParty()
	a.markGivenApproval()
	a.markPledgedService()
}

// approvalObjects after "give" make it an approval, not a gift: "has given
// the green light for the sale", "gave its approval to".
var approvalObjects = words("approval permission consent go-ahead clearance nod blessing")

// markGivenApproval drops "give" read as a transfer when its object is an
// approval: "the United States has given the green light for the sale of
// Israeli Arrow 3 systems to Germany" gives nothing; the sale is planned.
func (a *analysis) markGivenApproval() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.noun || !giveForms[toks[tr.ti].w] {
			continue
		}
		j := tr.tj
		for j < len(toks) && (toks[j].w == "the" || toks[j].w == "its" || toks[j].w == "their" || toks[j].w == "a" || toks[j].w == "final") {
			j++
		}
		if j < len(toks) && approvalObjects[toks[j].w] || j+1 < len(toks) && toks[j].w == "green" && toks[j+1].w == "light" {
			tr.drop = true
		}
	}
}

// giveForms are the forms of "give".
var giveForms = words("give gives gave given giving")

// thirdPartyWords name an unnamed further recipient: "to a third country".
var thirdPartyWords = words("country countries party parties state states nations")

// markThirdParty drops a transfer to "a third country": a re-export
// restriction ("will not be provided to a third country", "may not pass
// them on to third parties") names no recipient, and the country of the
// context is not the one meant.
func (a *analysis) markThirdParty() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		j := tr.tj
		if j < len(toks) && toks[j].w == "on" {
			j++ // "pass them on to"
		}
		if j >= len(toks) || toks[j].w != "to" {
			continue
		}
		j++
		if j < len(toks) && (toks[j].w == "a" || toks[j].w == "any" || toks[j].w == "other") {
			j++
		}
		if j+1 < len(toks) && toks[j].w == "third" && thirdPartyWords[toks[j+1].w] {
			tr.drop = true
		}
	}
}

// firstLastWords before an infinitive make "to be delivered" a past event:
// "the first tanks to be delivered to Taiwan in 30 years".
var firstLastWords = words("first last only")

// futureWords in the sentence keep the infinitive a future: "will be the
// first to be delivered", "the first jets to be delivered next year".
var futureWords = words("will would shall next expected due scheduled planned soon upcoming")

// ordinalInfinitive reports whether the "to" at t, before "be" and a
// participle, follows "the first/last/only (...) N": the sentence names
// what was the first delivered, not a delivery to come.
func (a *analysis) ordinalInfinitive(t int) bool {
	toks := a.toks
	ord := false
	for j, n := t-1, 0; j >= 0 && n < 4; j, n = j-1, n+1 {
		if firstLastWords[toks[j].w] {
			ord = j > 0 && (toks[j-1].w == "the" || toks[j-1].w == "its" || toks[j-1].w == "their")
			break
		}
		if !toks[j].word || a.actorAt[j] >= 0 || a.trigAt[j] >= 0 {
			return false
		}
	}
	if !ord {
		return false
	}
	for _, tk := range toks {
		if futureWords[tk.w] {
			return false
		}
	}
	return true
}

// producingWords are the simple present and past of production verbs:
// "Japan produces PAC-3 missiles under U.S. license".
var producingWords = words("produces produced builds built makes made manufactures manufactured assembles assembled")

// licenceWords name a licence.
var licenceWords = words("licence license licences licenses")

// underLicenceRelations reads "R produces W under S licence": S licenses
// R, which builds (delivered, licence). The licensor stands between
// "under" and the licence word as a name or demonym; the producer is the
// clause's subject, before the production verb.
func (a *analysis) underLicenceRelations() []relation {
	if a.hedged() {
		return nil
	}
	toks := a.toks
	var out []relation
	for j := 0; j+2 < len(toks); j++ {
		sup, ok := a.licensorAfter(j)
		if !ok {
			continue
		}
		v := a.producingVerbBefore(j)
		if v < 0 {
			continue
		}
		rec, _ := a.clauseSubjectCountry(v)
		if rec == "" || rec == sup {
			continue
		}
		if x := a.goodsBetween(v, j); x != nil {
			out = append(out, itemRelation(x, sup, rec, bot.StatusDelivered, bot.KindLicence))
		}
	}
	return out
}

// licensorAfter returns the licensor of "under <S> licence" when token j
// is "under": a country's name or demonym right before a licence word.
func (a *analysis) licensorAfter(j int) (string, bool) {
	toks := a.toks
	if toks[j].w != "under" || a.actorAt[j+1] < 0 {
		return "", false
	}
	ac := &a.actors[a.actorAt[j+1]]
	if ac.drop || ac.poss || len(ac.countries) != 1 || ac.tj >= len(toks) || !licenceWords[toks[ac.tj].w] {
		return "", false
	}
	if ac.kind != gazetteer.NameMention && ac.kind != gazetteer.DemonymMention {
		return "", false
	}
	return ac.countries[0], true
}

// producingVerbBefore returns the production verb in the eight tokens
// before "under" at j, when it is a finite verb (not after "be", "to",
// "will" or a form of "be"); -1 otherwise.
func (a *analysis) producingVerbBefore(j int) int {
	toks := a.toks
	v := -1
	for k := j - 1; k >= 0 && k >= j-8; k-- {
		if producingWords[toks[k].w] {
			v = k
			break
		}
	}
	if v < 1 || toks[v-1].w == "be" || toks[v-1].w == "to" || toks[v-1].w == "will" || beForms[toks[v-1].w] {
		return -1
	}
	return v
}

// goodsBetween returns the first item between the production verb at v
// and "under" at j that is no organisation, or nil: the goods produced.
func (a *analysis) goodsBetween(v, j int) *item {
	for i := range a.items {
		if x := &a.items[i]; x.ti > v && x.tj <= j && !x.org {
			return x
		}
	}
	return nil
}

// markRest marks the orders of a sentence about "the rest of" the goods
// ("the rest of the promised 24 jets will be delivered in the coming
// months", "the remaining tanks", "the remainder of the order"): the
// remainder of a transfer the report shows under way. A report that states
// a delivery between the same pair keeps one delivered line for the whole
// transfer (foldVague drops the order); without one the order stands.
func (a *analysis) markRest(rels []relation) []relation {
	toks := a.toks
	rest := false
	for j := 0; j+1 < len(toks); j++ {
		if (toks[j].w == "rest" || toks[j].w == "remainder") && toks[j+1].w == "of" ||
			toks[j].w == "the" && toks[j+1].w == "remaining" {
			rest = true
		}
	}
	if !rest {
		return rels
	}
	for i := range rels {
		if rels[i].Status == bot.StatusOrdered && !rels[i].newBatch {
			rels[i].rest = true
		}
	}
	return rels
}

// An allocation of aid is a budget decision, not a handover: "announced
// the allocation of military assistance to Ukraine worth $500 million" is a
// plan (what the money then buys is read on its own).
func init() {
	cues.add("allocation|allocations|allocated|allocates|allocate|allocating", cuePlanned)
}

// reportDealWords in a report name a deal that a future transfer may follow.
var reportDealWords = words("contract contracts deal deals agreement agreements agreed signed sign order orders ordered " +
	"purchase purchased purchases bought buy buys procure procured procurement acquire acquired acquisition " +
	"sale sold package packages memorandum")

// willPlans lowers to planned the orders that only "will" made ("Norway
// will send two air defence systems to Ukraine") when the report names no
// deal of any kind: a future transfer without a deal is a plan (the
// annotation guidelines: "will deliver" after a signed deal is ordered;
// without one, planned). A report that names a contract, a purchase, a
// sale or an aid package keeps the order.
func willPlans(rels []relation, body string) []relation {
	any := false
	for _, r := range rels {
		if r.willOnly && r.Status == bot.StatusOrdered {
			any = true
		}
	}
	if !any {
		return rels
	}
	for _, t := range tokenize(body) {
		if reportDealWords[t.w] {
			return rels
		}
	}
	for i := range rels {
		if rels[i].willOnly && rels[i].Status == bot.StatusOrdered {
			rels[i].Status = bot.StatusPlanned
		}
	}
	return rels
}

// serviceObjects after a pledge or offer are services, not goods: "pledged
// support and training for Poland's use of Korean weapons".
var serviceObjects = words("support training cooperation assistance maintenance help")

// markPledgedService drops a pledge or offer verb whose object is a
// service ("pledged support and training for ...", "offered cooperation
// in ..."): the weapons named after "for" are what the service is for.
func (a *analysis) markPledgedService() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.noun || tr.spec.status != bot.StatusPlanned || tr.tj+2 >= len(toks) {
			continue
		}
		j := tr.tj
		if !serviceObjects[toks[j].w] || j > 0 && toks[j-1].w == "military" {
			continue
		}
		if toks[j+1].w == "and" && serviceObjects[toks[j+2].w] {
			j += 2
		}
		if j+1 < len(toks) && toks[j+1].w == "for" {
			tr.drop = true
		}
	}
}
