package extract

import (
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// A country described as one that has a foreign weapon: "Uzbekistan is the
// only other Central Asian country with a Chinese HQ-9". To be a country
// with a weapon whose origin the sentence (a demonym) or the weapons
// lexicon names is to have received it from there: origin -> country,
// delivered. A weapon on order or planned ("with a Chinese HQ-9 on order"),
// a negated or hedged sentence, or a weapon of the country's own make give
// nothing.

// holderNouns are the nouns that describe the holder.
var holderNouns = words("country state nation operator")

// holderPending are words after the weapon that make the holding an order
// or a plan, not a delivery.
var holderPending = words("order ordered orders planned pending promised expected due")

// holderRelations returns origin -> country relations for each "X is the
// ... country with a <weapon>".
func (a *analysis) holderRelations() []relation {
	if a.hedged() || a.plansOrCancels(nil) {
		return nil
	}
	var out []relation
	toks := a.toks
	for t := 0; t+5 < len(toks); t++ {
		k := a.actorAt[t]
		if k < 0 || (t > 0 && a.actorAt[t-1] == k) {
			continue
		}
		ac := &a.actors[k]
		if ac.drop || ac.poss || ac.kind != gazetteer.NameMention || len(ac.countries) != 1 || ac.tj+1 >= len(toks) {
			continue
		}
		if w := toks[ac.tj].w; w != "is" && w != "was" && w != "remains" || toks[ac.tj+1].w != "the" {
			continue
		}
		it := a.heldItem(ac.tj + 2)
		if it < 0 {
			continue
		}
		sup := a.itemOrigin(it)
		rec := ac.countries[0]
		if sup == "" || sup == rec {
			continue
		}
		x := &a.items[it]
		out = append(out, itemRelation(x, sup, rec, bot.StatusDelivered, bot.KindSale))
	}
	return out
}

// heldItem returns the weapon of "only other Central Asian country with a
// Chinese HQ-9" starting at token t (after "is the"), -1 when the tokens
// there say something else.
func (a *analysis) heldItem(t int) int {
	j := a.holderPhraseEnd(t)
	if j < 0 {
		return -1
	}
	it := a.systemItemStartingAt(a.skipHeldQualifiers(j))
	if it < 0 || a.heldPendingAfter(a.items[it].tj) {
		return -1
	}
	return it
}

// holderPhraseEnd reads "only other Central Asian country with" from token
// t: at most six content words (or "other") before a holder noun, then
// "with". It returns the token after "with", -1 when there is no such
// phrase.
func (a *analysis) holderPhraseEnd(t int) int {
	toks := a.toks
	j := t
	for n := 0; j < len(toks) && n < 6 && !holderNouns[toks[j].w]; n, j = n+1, j+1 {
		if !toks[j].word || a.trigAt[j] >= 0 || a.itemAt[j] >= 0 || functionWords[toks[j].w] && toks[j].w != "other" {
			return -1
		}
	}
	if j+2 >= len(toks) || !holderNouns[toks[j].w] || toks[j+1].w != "with" {
		return -1
	}
	return j + 2
}

// skipHeldQualifiers returns the token after the article or count ("a",
// "an", "about", "two", "12") and the demonyms that qualify the weapon
// from token j on.
func (a *analysis) skipHeldQualifiers(j int) int {
	toks := a.toks
	for j < len(toks) && (toks[j].w == "a" || toks[j].w == "an" || toks[j].w == "about" || toks[j].digit && !isYearTok(toks[j]) || numberWords[toks[j].w] > 1) {
		j++
	}
	for j < len(toks) && a.actorAt[j] >= 0 && a.actors[a.actorAt[j]].origin >= 0 {
		j++ // "a Chinese HQ-9": the demonym qualifies the weapon
	}
	return j
}

// systemItemStartingAt returns the item that starts at token j and names a
// system, -1 when there is none.
func (a *analysis) systemItemStartingAt(j int) int {
	toks := a.toks
	it := a.itemAt[min(j, len(toks)-1)]
	if j >= len(toks) || it < 0 || a.items[it].ti != j || a.items[it].system == "" {
		return -1
	}
	return it
}

// heldPendingAfter reports whether a word from token e to the end of the
// phrase (a comma, ":" or ";") makes the holding an order or a plan ("with
// a Chinese HQ-9 on order").
func (a *analysis) heldPendingAfter(e int) bool {
	toks := a.toks
	for ; e < len(toks) && toks[e].w != "," && toks[e].w != ":" && toks[e].w != ";"; e++ {
		if holderPending[toks[e].w] {
			return true
		}
	}
	return false
}

// itemOrigin returns the one country that makes item it: the demonym before
// it, else the weapons lexicon's maker; "" when neither names one.
func (a *analysis) itemOrigin(it int) string {
	x := &a.items[it]
	if len(x.origins) == 1 {
		if c := a.actors[x.origins[0]].countries; len(c) == 1 {
			return c[0]
		}
		return ""
	}
	if m := madeIn(x.canon); len(m) > 0 {
		return m[0]
	}
	return ""
}

// onTrial reports whether the sentence puts weapons through trials ("is
// testing", "were evaluated", "field trials"): a buyer trying a weapon has
// not bought it.
func (a *analysis) onTrial() bool { return a.anyWord(trialWords) }

// anyWord reports whether the sentence holds a word of set.
func (a *analysis) anyWord(set map[string]bool) bool {
	for _, t := range a.toks {
		if set[t.w] {
			return true
		}
	}
	return false
}

var trialWords = words("test tests tested testing trial trials trialled trialed trialling trialing " +
	"evaluate evaluates evaluated evaluating evaluation evaluations")

// exerciseNamed reports whether the sentence is about a military exercise
// ("a joint exercise with Chinese troops using Russian-made tanks"): whose
// weapons take part, and whether they were ever transferred, it does not say.
func (a *analysis) exerciseNamed() bool { return a.anyWord(exerciseWords) }

var exerciseWords = words("exercise exercises drill drills manoeuvres maneuvers wargames")

// madeByMakerOnly reports whether only makers' names qualify item x
// ("Boeing jets", not "U.S.-supplied aircraft").
func (a *analysis) madeByMakerOnly(x *item) bool {
	for _, m := range x.origins {
		if a.actors[m].kind != gazetteer.ManufacturerMention {
			return false
		}
	}
	return len(x.origins) > 0
}
