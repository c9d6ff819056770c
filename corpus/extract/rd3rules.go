package extract

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Rules of the rd3 real-text round: constructions met in unseen reporting,
// each a pattern of English with a sentence-level gold line (s1201 on).

// currencyWords follow a country's name or demonym in an amount of money
// ("13 million U.S. dollars", "500 million Chinese yuan"): the country is
// no party there.
var currencyWords = words("dollar dollars euro euros yuan renminbi rouble roubles ruble rubles rupee rupees " +
	"lira liras pound pounds yen dinar dinars dirham dirhams riyal riyals rial rials")

// dropCurrencyActors drops a country named only as the issuer of a
// currency: "equipment worth 13 million U.S. dollars" names no American
// party.
func (a *analysis) dropCurrencyActors() {
	toks := a.toks
	for k := range a.actors {
		ac := &a.actors[k]
		if ac.drop || !currencyAfter(toks, ac.tj) {
			continue
		}
		ac.drop = true
		for t := ac.ti; t < ac.tj; t++ {
			a.actorAt[t] = -1
		}
	}
}

// verbOpensFrame reports whether a verb trigger folded into frame f's noun
// trigger opens the frame ("not to provide any military aid"): a negation
// before it then negates the frame, as it would the verb alone.
func (a *analysis) verbOpensFrame(f *frame) bool {
	for _, j := range f.absorbed {
		if tr := &a.trigs[j]; !tr.noun && tr.ti == f.start {
			return true
		}
	}
	return false
}

// blockWords stop another party's sale: "blocked the sale of", "vetoed".
var blockWords = words("blocked block blocks blocking vetoed veto vetoes vetoing halted halts halt stopped stops")

// transferNouns name the transfer a block stops: "the sale of".
var transferNouns = words("sale sales export exports re-export delivery deliveries transfer transfers supply")

// blockedMakerRelations reads "X blocked the sale of Y-made goods to Z":
// the blocked sale is the maker's, so Y -> Z is cancelled beside X -> Z.
func (a *analysis) blockedMakerRelations(rels []relation) []relation {
	var out []relation
	for _, r := range rels {
		if r.Status != bot.StatusCancelled || r.Denied {
			continue
		}
		for k := range a.actors {
			m, ok := a.blockedMaker(r, &a.actors[k])
			if !ok {
				continue
			}
			n := r
			n.Supplier = m
			n.supInferred = false
			if !slices.ContainsFunc(out, func(o relation) bool { return o.Supplier == m && o.Recipient == n.Recipient && o.System == n.System }) {
				out = append(out, n)
			}
		}
	}
	return out
}

// blockedMaker returns the maker country of the "<Maker>-made" actor ac
// when it names other goods of the cancelled relation r, and the sale
// they belong to is blocked (blockedSaleBefore).
func (a *analysis) blockedMaker(r relation, ac *actor) (string, bool) {
	if !ac.made || ac.drop || ac.origin < 0 || len(ac.countries) != 1 {
		return "", false
	}
	m := ac.countries[0]
	it := &a.items[ac.origin]
	if m == r.Supplier || m == r.Recipient || r.System != "" && it.system != "" && systemKey(it.system) != systemKey(r.System) {
		return "", false
	}
	if !a.blockedSaleBefore(ac.ti) {
		return "", false
	}
	return m, true
}

// blockedSaleBefore reports whether a blocked sale stands right before
// token t: "... blocked the sale of Turkish-made ...": of, a transfer
// noun, an optional article, a block word.
func (a *analysis) blockedSaleBefore(t int) bool {
	toks := a.toks
	j := t - 1
	if j < 2 || toks[j].w != "of" || !transferNouns[toks[j-1].w] {
		return false
	}
	b := j - 2
	if b >= 0 && (toks[b].w == "the" || toks[b].w == "a" || toks[b].w == "any") {
		b--
	}
	return b >= 0 && blockWords[toks[b].w]
}

// denialVerbs reject a claim: "Iran has consistently denied the
// allegations".
var denialVerbs = words("denied denies deny rejected rejects reject refuted refutes refute dismissed dismisses")

// claimDeniers returns the countries a sentence shows denying claims of
// their own supply: a denied relation's supplier ("Iran has rejected
// accusations that it sent arms to Russia") and the subject of "X has
// denied the allegations".
func (a *analysis) claimDeniers(found []relation) []string {
	var out []string
	for _, r := range found {
		if r.Denied && r.Supplier != "" {
			out = append(out, r.Supplier)
		}
	}
	toks := a.toks
	for j := range toks {
		if !denialVerbs[toks[j].w] || !a.claimsAfter(j) {
			continue
		}
		for i := j - 1; i >= 0 && i >= j-5; i-- {
			if k := a.actorAt[i]; k >= 0 {
				if ac := &a.actors[k]; !ac.drop && len(ac.countries) == 1 {
					out = append(out, ac.countries[0])
				}
				break
			}
		}
	}
	return out
}

// attributionCues tell whose word a sentence is: "X said that", "according
// to", "shared intelligence that", "a paper, citing an official, wrote
// that".
var attributionCues = []string{" said ", " says ", " according to ", " intelligence ", " reported ", " claimed ", " alleged ", " report that ", " reports that ", " saying ", " cited ", " citing ", " wrote ", " quoted ", " quoting ", " published "}

// dropDeniedClaims drops a supply by a country that the report shows
// denying such claims when a third party tells of it ("Kirby said that
// Iran had delivered drones to Russia" in a report where Iran denies
// the allegations): the report leaves it unconfirmed. The supplier's own
// word ("Iran said it had provided a few") stands.
func (e *Extractor) dropDeniedClaims(rels []relation, deniers []string) []relation {
	if len(deniers) == 0 {
		return rels
	}
	out := rels[:0]
	for _, r := range rels {
		if !r.Denied && (r.Status == bot.StatusDelivered || r.Status == bot.StatusOrdered) &&
			slices.Contains(deniers, r.Supplier) && e.toldByOther(r.Evidence.Sentence, r.Supplier) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// toldByOther reports whether sentence attributes its content to a speaker
// that is not country sup.
func (e *Extractor) toldByOther(sentence, sup string) bool {
	// The closing stop goes, so that "..., the report says." ends in a cue.
	low := " " + strings.ToLower(strings.TrimRight(sentence, ".!?\"' ")) + " "
	first := -1 // the earliest cue: whose word the sentence opens with
	for _, cue := range attributionCues {
		if i := strings.Index(low, cue); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	if first < 0 {
		return false
	}
	if e.trailingSpeakerOther(sentence, first, sup) {
		return true // "Otokar will supply the state with 100 vehicles, the report says"
	}
	return !slices.Contains(e.countriesIn(sentence[:max(0, min(len(sentence), first-1))]), sup)
}

// anyObject reports whether the negated verb opening frame f takes "any"
// goods ("not to provide any security assistance to Pakistan till ..."):
// no pending order is delayed, nothing is supplied. "Any more" and "any
// further" still name a next batch.
func (a *analysis) anyObject(f *frame) bool {
	toks := a.toks
	t := f.start + 1
	if a.trigAt[f.start] >= 0 {
		t = a.trigs[a.trigAt[f.start]].tj
	}
	if t >= len(toks) || toks[t].w != "any" {
		return false
	}
	return t+1 >= len(toks) || !(toks[t+1].w == "more" || toks[t+1].w == "further" || toks[t+1].w == "additional")
}

// holdVerbs state what a country has in service.
var holdVerbs = words("has have possesses possess")

// holdAdverbs may stand between the country and the verb: "Iran currently
// has".
var holdAdverbs = words("currently now already still also")

// heldForeignRelations reads "X (currently) has <Demonym> <weapon>":
// "Iran currently has some Chinese aircraft" (China -> Iran, delivered).
// The object runs to the clause's end; each demonym directly before a
// weapon of another country gives a relation. An auxiliary "has" (a verb
// follows), a hedge, plan, cancellation, negation or war gives nothing.
func (a *analysis) heldForeignRelations() []relation {
	if a.hedged() || a.plansOrCancels(nil) || negates(a.text) {
		return nil
	}
	var out []relation
	for k := range a.actors {
		ac := &a.actors[k]
		if ac.drop || ac.poss || len(ac.countries) != 1 || ac.kind != gazetteer.NameMention && ac.kind != gazetteer.CapitalMention {
			continue
		}
		t, ok := a.holdVerbAfter(k)
		if !ok {
			continue
		}
		out = a.appendHeldForeign(out, ac.countries[0], t)
	}
	return out
}

// holdVerbAfter returns the index of the holdVerbs verb right after actor
// k, past one of the holdAdverbs: "Iran currently has".
func (a *analysis) holdVerbAfter(k int) (int, bool) {
	toks := a.toks
	t := a.actorEnd(k)
	if t < len(toks) && holdAdverbs[toks[t].w] {
		t++
	}
	if t >= len(toks) || !holdVerbs[toks[t].w] {
		return 0, false
	}
	return t, true
}

// appendHeldForeign adds a delivered relation to owner for each foreign
// demonym directly before a weapon in the object of the hold verb at t,
// which runs to the clause's end (a ";", ".", "but" or a trigger).
func (a *analysis) appendHeldForeign(out []relation, owner string, t int) []relation {
	toks := a.toks
	for j := t + 1; j < len(toks) && j < t+40; j++ {
		w := toks[j].w
		if w == ";" || w == "." || w == "but" || a.trigAt[j] >= 0 {
			break
		}
		if maker, it := a.foreignDemonymItem(j, owner); it >= 0 {
			out = append(out, itemRelation(&a.items[it], maker, owner, bot.StatusDelivered, bot.KindSale))
		}
	}
	return out
}

// foreignDemonymItem returns the country of a demonym starting at token j
// that is not owner's, and the weapon item right after it ("Chinese
// aircraft"); it is -1 when there is none, or the item is an
// organisation, arms in general or fighting.
func (a *analysis) foreignDemonymItem(j int, owner string) (string, int) {
	d := a.actorAt[j]
	if d < 0 || (j > 0 && a.actorAt[j-1] == d) {
		return "", -1
	}
	dm := &a.actors[d]
	if dm.kind != gazetteer.DemonymMention || dm.drop || dm.poss || len(dm.countries) != 1 || dm.countries[0] == owner || dm.tj >= len(a.toks) {
		return "", -1
	}
	it := a.itemAt[dm.tj]
	if it < 0 || a.items[it].org || a.items[it].arms || a.combatBefore(a.items[it].ti) {
		return "", -1
	}
	return dm.countries[0], it
}

// supplyParticiples are the past participles of supply that a reduced
// passive puts after the goods: "tanks supplied by Russia".
var supplyParticiples = words("delivered supplied provided sold donated transferred given")

// usedBySupplied reads "<goods> supplied by S (have been) used by R":
// goods a supplier handed over that the recipient uses, S -> R delivered.
// "Arms delivered by Russia have been fully used by Mongolian armed
// forces." The goods must be weapons named just before the participle.
func (a *analysis) usedBySupplied() []relation {
	if a.hedged() || negates(a.text) {
		return nil
	}
	toks := a.toks
	var out []relation
	for t := 1; t+4 < len(toks); t++ {
		if !supplyParticiples[toks[t].w] || toks[t+1].w != "by" || a.actorAt[t+2] < 0 {
			continue
		}
		s := &a.actors[a.actorAt[t+2]]
		if s.drop || len(s.countries) != 1 {
			continue
		}
		it := a.itemShortlyBefore(t)
		if it < 0 || a.items[it].org {
			continue
		}
		r := a.usedByActor(a.actorEnd(a.actorAt[t+2]))
		if r == nil || r.drop || len(r.countries) != 1 || r.countries[0] == s.countries[0] {
			continue
		}
		kind := bot.KindSale
		if toks[t].w == "donated" || toks[t].w == "given" {
			kind = bot.KindAid
		}
		out = append(out, itemRelation(&a.items[it], s.countries[0], r.countries[0], bot.StatusDelivered, kind))
	}
	return out
}

// itemShortlyBefore returns the nearest item in the three tokens before
// t (the goods named just before the participle), or -1.
func (a *analysis) itemShortlyBefore(t int) int {
	for j := t - 1; j >= 0 && j >= t-3; j-- {
		if a.itemAt[j] >= 0 {
			return a.itemAt[j]
		}
	}
	return -1
}

// usedByActor returns the actor of "(have been fully) used by (the) R"
// starting at token j, or nil; a negation ("are not used by") gives nil.
func (a *analysis) usedByActor(j int) *actor {
	toks := a.toks
	j = a.skipUseAuxiliaries(j)
	if j+2 >= len(toks) || toks[j].w != "used" && toks[j].w != "operated" || toks[j+1].w != "by" {
		return nil
	}
	k := j + 2
	if toks[k].w == "the" {
		k++
	}
	if k >= len(toks) || a.actorAt[k] < 0 {
		return nil
	}
	return &a.actors[a.actorAt[k]]
}

// skipUseAuxiliaries steps from j over the auxiliaries and adverbs before
// "used": "have been fully". A "not" or "never" runs it past the end.
func (a *analysis) skipUseAuxiliaries(j int) int {
	toks := a.toks
	for j < len(toks) && (beForms[toks[j].w] || haveForms[toks[j].w] || adverbs[toks[j].w] || toks[j].w == "fully" || toks[j].w == "widely") {
		if toks[j].w == "not" || toks[j].w == "never" {
			j = len(toks) // "are not used by": nothing
		}
		j++
	}
	return j
}
