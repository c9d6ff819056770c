package extract

// Rules of the rd4 real-text round: constructions met in unseen reporting,
// each a pattern of English with a sentence-level gold line (s1301 on).

func init() {
	// "faced pressure to abandon its reluctance to provide weapons",
	// "unwilling to sell tanks": the transfer is what the country holds
	// back from, a negation.
	cues.add("reluctance to|reluctant to|unwilling to|unwillingness to|hesitant to|hesitancy to|loath to|loth to", cueNeg)
}

// abstractTested are things put to the test that are no weapons: "has its
// neutrality strongly tested", "their ties were tested".
var abstractTested = words("neutrality resolve patience relations ties alliance policy policies limits loyalty " +
	"friendship partnership unity credibility commitment commitments nerves")

// markRd4Doubts drops triggers the sentence does not use for a transfer: a
// trial word whose subject is an abstract noun ("its neutrality strongly
// tested"), not a weapon under trial.
func (a *analysis) markRd4Doubts() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.noun || tr.spec.status != pln {
			continue
		}
		switch toks[tr.ti].w {
		case "tested", "trialled", "trialed", "testing", "trialling", "trialing":
		default:
			continue
		}
		for j, n := tr.ti-1, 0; j >= 0 && n < 3; j, n = j-1, n+1 {
			w := toks[j].w
			if abstractTested[w] {
				tr.drop = true
				break
			}
			if !(adverbs[w] || a.lyAdverb(j) || w == "been" || w == "being" || w == "was" || w == "were" || w == "is" || w == "are") {
				break
			}
		}
	}
}

// documentNouns are papers handed over at a ceremony, not goods:
// "presented its letter of acceptance to procure the ships".
var documentNouns = words("letter letters document documents contract contracts certificate certificates " +
	"credentials proposal proposals offer offers bid bids request requests memorandum plan plans")

// notInHand reports whether the goods-in-hand word at j says nothing of
// bought goods: it governs a document ("presented Malaysia's letter of
// acceptance to procure"), or the buying word at tr is an infinitive of
// purpose or intent ("a letter ... to procure the vessels"), which is
// not done yet.
func (a *analysis) notInHand(tr *trig, j int) bool {
	toks := a.toks
	if !tr.noun && tr.ti > 0 && toks[tr.ti-1].w == "to" {
		return true
	}
	for k := j + 1; k < len(toks) && k <= j+4 && k < tr.ti; k++ {
		if documentNouns[toks[k].w] {
			return true
		}
		if a.itemAt[k] >= 0 {
			break
		}
	}
	return false
}
