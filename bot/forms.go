package bot

import (
	"regexp"
	"strings"
)

// Form is the shape of answer a question asks for, beside its Intent
// (which side of the supply relations it asks about).
type Form int

const (
	// FormList lists relations grouped by counterparty: the default.
	FormList Form = iota
	// FormCheck answers a yes/no question with a Verdict: "did Serbia
	// receive the FK-3?", "is Kazakhstan buying from Iran?".
	FormCheck
	// FormStory tells a deal's stages over time: "what happened to
	// Jakarta's Su-35 deal with Moscow?".
	FormStory
	// FormOverview counts supplier × recipient pairs in a region: "who
	// supplies whom in Central Asia".
	FormOverview
	// FormCount lists relations headed by the figures the reports give:
	// "how many K2 tanks has Poland received from South Korea?".
	FormCount
	// FormChart draws deliveries per year by counterparty: "show me
	// Kazakhstan's suppliers over time", "chart Turkey's arms exports".
	FormChart
)

func (f Form) String() string {
	return [...]string{"list", "check", "story", "overview", "count", "chart"}[f]
}

var (
	// reStory opens a question about what became of a deal.
	reStory = regexp.MustCompile(`^(?:so,? |and )?(?:(?:tell|give|show) me (?:about )?)?(?:what(?:ever)?(?:'s|’s| is| was| has| had)? happen(?:ed|ing) (?:to|with)|what became of|what(?:'s|’s| is| was) (?:the |going on with )?(?:status|state|story|latest|history|outcome|fate|timeline)?\s*(?:of|on|with)|(?:the )?(?:status|story|history|timeline|fate|outcome) of|where (?:does|do|did|is) .+ (?:stand|end up|now)|how did .+ (?:end|go|turn out)|is .+ deal (?:still )?(?:on|alive|dead|off)|why (?:has|have|did|does|do|is|are)(?:n't|n’t)?(?: not)? .+ (?:got|get|gotten|received|receive|taken delivery)|is .+ (?:deal|sale|order|contract|purchase)\b.* (?:still on|still alive|alive|dead|off|on track))\b`)
	// reStoryTail ends a terse question about what became of a deal:
	// "uae rafale deal status", "Argentina F-16 latest?".
	reStoryTail = regexp.MustCompile(`\b(?:status|latest|update|updates|fate|timeline|outcome)\s*\??$`)
	// auxiliaries that open a yes/no question
	yesNoOpeners = wordSet("did does do has have had is are was were will would")
	// words after an opener that make it something else ("is there any
	// news on", "can you tell me")
	notYesNo = wordSet("there you i we anyone anybody")
	// words of shares, trends and rankings: a yes/no question with them
	// ("has Russia's share fallen?", "is Moscow still the main supplier?")
	// is not answered by whether a delivery happened, so it gets the list
	// with its counts instead of a verdict
	trendWords = wordSet("share shares fallen fell fall falling risen rose rise rising grown grew grow growing increased increasing " +
		"decreased decreasing declined declining dropped more less fewer most least main biggest largest top leading overtaken overtook replaced replacing")
	// words that ask whether a deal was stopped
	cancelWords = wordSet("cancel cancels cancelled canceled cancelling scrap scraps scrapped drop drops dropped abandon abandoned " +
		"suspend suspended halt halted block blocked freeze froze frozen terminate terminated " +
		"refuse refuses refused refusing reject rejects rejected veto vetoes vetoed stop stops stopped ban bans banned embargo embargoed")
	// words that ask for a supplier × recipient overview
	overviewWords = wordSet("overview matrix flows breakdown landscape")
)

// asksTrend: the question has a word of shares, trends or rankings, other
// than "more" right before a weapon, which asks about a further batch ("is
// Ukraine buying more Bayraktars?"), not a trend ("is Russia selling more?").
func asksTrend(lower string, words []wordSpan) bool {
	comparison := containsWord(words, "than") // "more drones than Russia"
	for _, w := range words {
		if trendWords[w.w] && !(w.w == "more" && !comparison && batchAfter(lower, w.end)) {
			return true
		}
	}
	return false
}

// batchAfter: a weapon follows at end, and not arms in general ("more
// Bayraktars", "more tanks"; not "more weapons", which asks for a trend).
func batchAfter(lower string, end int) bool {
	next, _, _ := strings.Cut(strings.TrimLeft(lower[end:], " "), " ")
	if generalArms[strings.Trim(next, "?.,!")] {
		return false
	}
	return weaponAfter(capitalisedIfLower(lower), end)
}

var generalArms = wordSet("arms weapons weaponry military equipment aid")

// droppedAuxiliary: a yes/no question typed without its auxiliary, a
// country then a participle of getting or giving and a question mark
// ("Mongolia getting Su-27s?", "South Korea selling K9s to Egypt?").
func droppedAuxiliary(lower string, words []wordSpan) bool {
	if !strings.HasSuffix(strings.TrimSpace(lower), "?") || len(words) < 3 || questionOpeners[words[0].w] {
		return false
	}
	return supplyParticiples[words[1].w] || supplyParticiples[words[2].w] && len(words) > 3
}

var (
	questionOpeners   = wordSet("who whom whose what which where when why how")
	supplyParticiples = wordSet("getting buying receiving ordering acquiring purchasing selling sending supplying giving delivering exporting")
)

// furtherBatch: the question asks about a further batch of a weapon: "more"
// or "additional" right before it or before a count of it ("six more
// A-29s", "an additional six F-16s"), or "a second batch".
func furtherBatch(lower string, words []wordSpan) bool {
	if containsWord(words, "than") {
		return false
	}
	for i, w := range words {
		switch {
		case batchWords[w.w] && i+1 < len(words) && batchNouns[words[i+1].w]:
			return true
		case w.w == "more" || w.w == "additional" || w.w == "further":
			if batchAfter(lower, w.end) {
				return true
			}
			if i+1 < len(words) && numberWords[words[i+1].w] > 0 && batchAfter(lower, words[i+1].end) {
				return true
			}
		}
	}
	return false
}

var (
	batchWords = wordSet("second third next new another further additional")
	batchNouns = wordSet("batch batches tranche lot")
)

// readForm reads the shape of answer a question asks for.
func (u *Understanding) readForm(lower string, words []wordSpan) {
	switch {
	case asksChart(lower, words) && (u.Intent == IntentSuppliers || u.Intent == IntentRecipients):
		u.Form = FormChart
	case asksOverview(words):
		u.Form = FormOverview
		if len(u.Recipients) == 0 {
			u.Recipients = u.Suppliers // "who supplies whom in X": X is where arms go
		}
		u.Suppliers, u.Either, u.Intent = nil, false, IntentSuppliers
	case (reStory.MatchString(strings.TrimSpace(lower)) || reStoryTail.MatchString(strings.TrimSpace(lower)) && !asksYesNo(words)) &&
		(u.Intent != IntentPassages || u.System != ""):
		u.Form = FormStory
		if u.Intent == IntentPassages {
			u.Intent = IntentBetween
		}
	case asksHowMany(words) && u.Intent != IntentPassages:
		u.Form = FormCount
	case (asksYesNo(words) || droppedAuxiliary(lower, words)) && u.Intent != IntentPassages && !asksTrend(lower, words):
		u.Form = FormCheck
		if asksCancel(words) || noLonger(words) {
			// "did Russia cancel the Su-35 sale?": a verdict on delivery
			// would answer another question; the deal's story answers it.
			u.Form, u.YesNo = FormStory, true
		}
	}
}

var (
	turnWords = wordSet("turn turns turned turning")
	sayWords  = wordSet("say says said saying")
)

// noLonger: "is Kazakhstan no longer buying Russian jets?", "does Spain
// not buy Israeli missiles anymore?", "has Israel turned down Ukraine's
// request?" ask whether a supply stopped or was refused.
func noLonger(words []wordSpan) bool {
	ws := plainWords(words)
	for i, w := range ws {
		if w == "anymore" || w == "longer" && i > 0 && ws[i-1] == "no" || w == "more" && i > 0 && ws[i-1] == "any" && i == len(ws)-1 {
			return true
		}
		// "turned down", "said no to": a refusal
		if i > 0 && (w == "down" && turnWords[ws[i-1]] || w == "no" && sayWords[ws[i-1]]) {
			return true
		}
	}
	return false
}

// asksOverview: "who supplies whom", "who sells what to whom", "an
// overview of arms flows".
func asksOverview(words []wordSpan) bool {
	transfer := hasAny(words, supplyVerbs, getVerbs, wordSet("arms weapons transfers trade supply"))
	whoWhom := containsWord(words, "who") && containsWord(words, "whom") // not "to whom did Turkey sell"
	return transfer && (whoWhom || hasAny(words, overviewWords))
}

func asksYesNo(words []wordSpan) bool {
	return len(words) > 1 && yesNoOpeners[words[0].w] && !notYesNo[words[1].w]
}

// notCountedNouns are what "how many" can ask about besides weapons: the list's
// own counts answer those ("how many countries has Turkey sold TB2s to?").
var notCountedNouns = wordSet("reports report articles sources stories times deals deal contracts countries states suppliers recipients customers buyers")

// asksHowMany: "how many K2 tanks", "the number of Rafales", not "how many
// countries" or "how many reports".
func asksHowMany(words []wordSpan) bool {
	ws := plainWords(words)
	for i := 0; i+2 < len(ws); i++ {
		if ws[i] == "how" && ws[i+1] == "many" || ws[i] == "number" && ws[i+1] == "of" {
			n := i + 2
			if n+1 < len(ws) && articles[ws[n]] {
				n++ // "the number of the Rafales"
			}
			return !notCountedNouns[ws[n]]
		}
	}
	return false
}

func plainWords(words []wordSpan) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w.w
	}
	return out
}
