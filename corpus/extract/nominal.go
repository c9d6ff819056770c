package extract

import "github.com/briefbot/briefbot/bot"

// A bare transfer noun ("sale", "transfer", "arms sales") that a sentence
// names only as the reason for something else, or comments on, states no
// stage of the transfer: "sanctions on US firms over arms sales to
// Taiwan", "firms involved in Washington's arms sales to Taiwan", "in
// retaliation for the sale of arms to Taiwan", "reports about the supplies
// of weapons to Kyrgyzstan appeared", "The transfer of S-300
// systems should be seen as an investment", "The F-16 sale undercuts
// credibility". Whether the goods were approved, ordered or delivered is
// said elsewhere, if at all; such a noun gives nothing.

// reasonHeads are the nouns after which "for", "to" or "of" makes the
// transfer noun a reason or a topic: "in retaliation for the sale".
var reasonHeads = words("retaliation response reaction punishment objection objections opposition criticism " +
	"condemnation protest protests anger concern concerns " +
	// a topic: "on the question of arms supplies to Armenia"
	"question issue matter subject topic")

// topicOpeners, before "for" or "to", open a topic: "as for", "as to",
// "with regard to", "with respect to", "in relation to".
var topicOpeners = words("as regard respect relation")

// involvedHeads make "in" a topic: "companies involved in the sales".
var involvedHeads = words("involved involvement role part")

// evaluationVerbs comment on a transfer noun that is the subject: "The sale
// undercuts", "The transfer signals".
var evaluationVerbs = words("undercuts undercut undermines undermine violates violate violated signals signal " +
	"signalled signaled reflects reflect underlines underline underscores underscore symbolises symbolizes " +
	"symbolised symbolized harms harm threatens threaten angered angers")

// evaluationAs are the participles that, followed by "as", comment on the
// subject: "should be seen as", "is described as".
var evaluationAs = words("seen viewed regarded described understood interpreted considered perceived")

// commentedNominal reports whether frame f is a bare transfer noun named as
// a reason or commented on (see above). A noun whose status a cue sets
// ("the planned sale", "the sale was blocked", "the sale signed in 2015")
// is read as usual.
func (a *analysis) commentedNominal(f *frame) bool {
	tr := &a.trigs[f.t]
	if !tr.noun || len(f.absorbed) > 0 || f.denied || f.spec.light || f.status != bot.StatusDelivered ||
		f.spec.status != bot.StatusDelivered || f.spec.dir != dirS {
		return false
	}
	s := a.nounPhraseStart(tr.ti)
	return a.reasonBefore(s) || a.commentedSubject(f, s)
}

// nounPhraseStart walks back from a transfer noun at t over what may open
// its noun phrase: articles, possessors ("Washington's"), origin words and
// weapons ("arms", "F-16").
func (a *analysis) nounPhraseStart(t int) int {
	toks := a.toks
	j := t
	for j > 0 && t-j < 6 {
		p := j - 1
		w := toks[p].w
		if articles[w] || w == "its" || w == "their" || w == "'" || w == "’" || w == "s" && p > 0 &&
			(toks[p-1].w == "'" || toks[p-1].w == "’") || a.actorAt[p] >= 0 || a.itemAt[p] >= 0 {
			j = p
			continue
		}
		break
	}
	return j
}

// reasonBefore reports whether the words before a noun phrase at s make it
// a reason or a topic: "over", "against", "involved in", "in retaliation
// for", "in response to", "criticism of".
func (a *analysis) reasonBefore(s int) bool {
	if s == 0 {
		return false
	}
	p1 := a.toks[s-1].w
	p2 := ""
	if s >= 2 {
		p2 = a.toks[s-2].w
	}
	switch p1 {
	case "over", "against", "regarding", "concerning":
		return true // "Regarding the transfer of weapons to Ukraine, ..."
	case "for", "to":
		if topicOpeners[p2] {
			return true // "As for the sale of F-16s", "With regard to arms supplies"
		}
	case "in":
		return involvedHeads[p2]
	}
	switch p1 {
	case "for", "to", "of", "at", "about":
		return reasonHeads[p2] || p1 != "for" && p1 != "to" && p1 != "at" && newsHeads[p2] && !a.confirmed()
	}
	return false
}

// newsHeads make "of" or "about" report news of a transfer, not the
// transfer: "reports about the supplies of Russian weapons to Kyrgyzstan
// appeared", "rumours of deliveries". The sentence states that the news
// exists, not that the goods were sent (unless it says the news was
// confirmed). Denials ("denied reports of deliveries") are read as
// denials before this.
var newsHeads = words("reports report rumours rumors rumour rumor claims claim allegations allegation speculation " +
	"news word talk")

// confirmed reports whether the sentence says something was confirmed.
func (a *analysis) confirmed() bool { return a.anyWord(confirmWords) }

var confirmWords = words("confirmed confirms confirm confirming confirmation")

// commentedSubject reports whether the noun phrase at s opens its clause
// and the clause's verb comments on it: "The transfer of S-300 systems
// free of charge should be seen as ...", "The F-16 sale undercuts ...".
func (a *analysis) commentedSubject(f *frame, s int) bool {
	c := &a.clauses[f.clause]
	if s != c.ts {
		return false
	}
	for t := a.trigs[f.t].tj; t < c.te && t < a.trigs[f.t].tj+15; t++ {
		if k := a.trigAt[t]; k >= 0 && k != f.t || a.toks[t].w == "," {
			return false // another transfer word, or an aside (", seen as a boost,"), comes first
		}
		w := a.toks[t].w
		if evaluationVerbs[w] || evaluationAs[w] && t+1 < c.te && a.toks[t+1].w == "as" {
			return true
		}
	}
	return false
}
