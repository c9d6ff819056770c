package extract

import (
	"strings"

	"github.com/briefbot/briefbot/bot"
)

// Rules of the pneg probe round: negation, modality and attribution in
// arms-transfer reporting, read from probe sentences in our own words
// (gold s3101 on). Each rule only lowers or removes what another rule
// read: a question, an unverified claim or a counterfactual states no
// transfer, and a transfer that "never happened" did not go ahead.

// questionAux are the words that open a yes/no question: "Will Ankara
// sell ...?", "Did Russia deliver ...?", "Has Turkey sold ...?".
var questionAux = words("will would could can did does do has have had is are was were should shall might may")

// pnegFilter applies the round's sentence-level rules to the relations read
// from one sentence.
func (a *analysis) pnegFilter(rels []relation) []relation {
	if len(rels) == 0 {
		return rels
	}
	if a.yesNoQuestion() {
		return nil // "Did Russia deliver S-400 systems to Iran?": asked, not stated
	}
	if a.unverifiedClaim() || a.counterfactualOnly() {
		out := rels[:0]
		for _, r := range rels {
			if r.Status == bot.StatusDelivered || r.Status == bot.StatusOrdered {
				continue
			}
			out = append(out, r)
		}
		return out
	}
	if a.neverHappened() {
		for i := range rels {
			if rels[i].Status == bot.StatusOrdered || rels[i].Status == bot.StatusPlanned {
				rels[i].Status = bot.StatusCancelled
			}
		}
	}
	return rels
}

// yesNoQuestion reports whether the sentence is a yes/no question: it
// ends with a question mark and opens with an auxiliary ("Will Ankara sell
// KAAN fighters to Indonesia?"). A question asks whether a transfer takes
// place; it states none. A wh-question ("Why did Poland buy K2 tanks?")
// presupposes the transfer and is left to the other rules.
func (a *analysis) yesNoQuestion() bool {
	text := strings.TrimRight(strings.TrimSpace(a.text), "\"'”’ )")
	if !strings.HasSuffix(text, "?") {
		return false
	}
	toks := a.toks
	j := 0
	for j < len(toks) && !toks[j].word {
		j++ // an opening quote
	}
	if a.bodyFrom > 0 {
		for j < len(toks) && toks[j].s < a.bodyFrom {
			j++ // a dateline
		}
		for j < len(toks) && !toks[j].word {
			j++
		}
	}
	return j < len(toks) && questionAux[toks[j].w]
}

// unverifiedPhrases say that the claim the sentence reports was not
// confirmed: "Reports that Iran had delivered Fath-360 missiles to Russia
// could not be verified."
var unverifiedPhrases = newPhraseSet[bool]()

func init() {
	unverifiedPhrases.add("could not be verified|could not be independently verified|could not be confirmed|"+
		"could not be independently confirmed|cannot be verified|cannot be confirmed|cannot be independently verified|"+
		"can not be verified|can not be confirmed|have not been verified|has not been verified|have not been confirmed|"+
		"has not been confirmed|were not verified|was not verified|were not confirmed|was not confirmed|"+
		"remain unconfirmed|remains unconfirmed|remained unconfirmed|remain unverified|remains unverified|"+
		"could not be corroborated|have not been corroborated|has not been corroborated|"+
		"have not been independently verified|has not been independently verified|"+
		"have not been independently confirmed|has not been independently confirmed", true)
	neverHappenedPhrases.add("never happened|never took place|never materialised|never materialized|"+
		"never went ahead|never came about|never came to pass|never went through|fell through|"+
		"never took effect|was never completed|were never completed|was never carried out|never arrived|"+
		"did not go ahead|didn't go ahead|did not materialise|did not materialize|"+
		"did not take place|didn't take place|didn't materialise|didn't materialize", true)
}

// pnegClaimNouns open the claim an unverified phrase speaks of.
var pnegClaimNouns = words("report reports claim claims allegation allegations rumour rumours rumor rumors account accounts")

// unverifiedClaim reports whether the sentence says that a reported claim
// could not be verified, with the claim noun or the unverified phrase
// around the transfer ("Reports that ... could not be verified", "The
// claim that ... has not been confirmed"). Such a claim is no delivery or
// order, as "unconfirmed reports" are not.
func (a *analysis) unverifiedClaim() bool {
	toks := a.toks
	claim := false
	for j := range toks {
		if pnegClaimNouns[toks[j].w] && j+1 < len(toks) && toks[j+1].w == "that" {
			claim = true
		}
		if _, n := unverifiedPhrases.match(toks, j); n > 0 && claim {
			return true
		}
	}
	return false
}

// neverHappenedPhrases say that a planned or ordered transfer did not
// go ahead.
var neverHappenedPhrases = newPhraseSet[bool]()

// neverHappened reports whether a clause after ", but" (or "but") says the
// transfer never happened: "Algeria was expected to take delivery of
// Su-57 fighters from Russia, but the transfer never happened." The
// expected order is then cancelled.
func (a *analysis) neverHappened() bool {
	toks := a.toks
	for j := range toks {
		if toks[j].w != "but" {
			continue
		}
		for k := j + 1; k < len(toks) && k <= j+6; k++ {
			if toks[k].w == "," || toks[k].w == ";" {
				break
			}
			if _, n := neverHappenedPhrases.match(toks, k); n > 0 {
				return true
			}
		}
	}
	return false
}

// counterfactualModals open a past counterfactual before a transfer verb:
// "Turkey would have delivered the drones had the war not escalated".
var counterfactualModals = words("would could might should")

// counterfactualOnly reports whether every transfer verb of the sentence
// stands under "would/could/might/should have": what a country would
// have delivered is no delivery or order.
func (a *analysis) counterfactualOnly() bool {
	toks := a.toks
	seen := false
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.drop || tr.noun {
			continue
		}
		cf := false
		for j := tr.ti - 1; j >= 1 && j >= tr.ti-3; j-- {
			if toks[j].w == "have" && counterfactualModals[toks[j-1].w] {
				cf = true
				break
			}
			if !toks[j].word {
				break
			}
		}
		if !cf {
			return false
		}
		seen = true
	}
	return seen
}
