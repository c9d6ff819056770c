package extract

// Rules of the rd4 real-text round: constructions met in unseen reporting,
// each a pattern of English with a sentence-level gold line (s1301 on).

func init() {
	// "faced pressure to abandon its reluctance to provide weapons",
	// "unwilling to sell tanks": the transfer is what the country holds
	// back from, a negation.
	// "a Dutch court ordered the government to block exports": a court is
	// an organ of its state, like a ministry.
	orgNouns["court"], orgNouns["courts"] = true, true
	cues.add("reluctance to|reluctant to|unwilling to|unwillingness to|hesitant to|hesitancy to|loath to|loth to", cueNeg)
}

// abstractTested are things put to the test that are no weapons: "has its
// neutrality strongly tested", "their ties were tested".
var abstractTested = words("neutrality resolve patience relations ties alliance policy policies limits loyalty " +
	"friendship partnership unity credibility commitment commitments nerves")

// markRd4Doubts drops triggers the sentence does not use for a transfer:
// "ordered the government to block" (a command, not a purchase), a
// transport aircraft "with the missiles" (a carrier, not the goods), a
// trial word whose subject is an abstract noun ("its neutrality strongly
// tested"), not a weapon under trial.
func (a *analysis) markRd4Doubts() {
	toks := a.toks
	for it := range a.items {
		if a.carrierItem(it) {
			a.items[it].org = true // a carrier, not the goods
		} else if a.carrierByOrCarrying(it) {
			a.items[it].org = true // "delivered by an Antonov-124 cargo plane"
			a.dropCarrierMakers(it)
		}
	}
	for k := range a.trigs {
		tr := &a.trigs[k]
		if a.commandOrder(tr) {
			tr.drop = true
			continue
		}
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

// possRequest reports whether a country name in the possessive owns a
// request noun: "vetoed Denmark's request to send": like "a Danish
// request", the refusal before it governs what the request asks for.
func (a *analysis) possRequest(ac *actor) bool {
	n := a.possessed(ac)
	return ac.poss && n < len(a.toks) && requestNouns[a.toks[n].w]
}

// startVerbs after "delivery to" put the delivery in the future.
var startVerbs = words("begin start commence follow")

// deliveryToCome reports whether the delivery noun at j is followed by an
// infinitive of its start or a bare participle of expectation: "with
// delivery to begin this year", "deliveries expected in 2026" (the goods
// are ordered, not delivered).
func (a *analysis) deliveryToCome(j, end int) bool {
	toks := a.toks
	if j+2 < end && toks[j+1].w == "to" && startVerbs[toks[j+2].w] {
		return true
	}
	return j+1 < end && (toks[j+1].w == "expected" || toks[j+1].w == "scheduled" || toks[j+1].w == "slated")
}

// commandOrder reports whether the verb "ordered" at tr gives a command:
// "ordered the government to block exports", "orders its navy to stop":
// a short object naming an organ of state (government, army, officials),
// then "to" and a verb. "ordered two more to replace its jets" buys.
func (a *analysis) commandOrder(tr *trig) bool {
	toks := a.toks
	switch toks[tr.ti].w {
	case "ordered", "orders", "order", "ordering":
	default:
		return false
	}
	if tr.noun {
		return false
	}
	body := false // an organ of state receives the command
	for j := tr.tj; j < len(toks) && j <= tr.tj+4; j++ {
		if a.itemAt[j] >= 0 || a.actorAt[j] >= 0 && j == tr.tj {
			return false
		}
		if toks[j].w == "to" {
			return body && j+1 < len(toks) && toks[j+1].word && toks[j+1].w != "be" &&
				a.itemAt[j+1] < 0 && a.actorAt[j+1] < 0
		}
		body = body || orgNouns[toks[j].w]
		if !toks[j].word {
			return false
		}
	}
	return false
}

// carrierPreps before a transport name it as the means of carriage.
var carrierPreps = words("using aboard via")

// movedWords before "with" and an aircraft or ship make it the carrier.
var movedWords = words("delivered shipped transported airlifted flown moved brought")

// carrierHeads end the name of a craft that may carry goods ("Y-20
// planes"); helicopters that come with frigates are goods.
var carrierHeads = words("plane planes aircraft flights ship ships vessels")

// carrierWords in a weapon's phrase make it a carrier of goods.
var carrierWords = words("transport cargo airlifter airlifters freighter freighters")

// carrierItem reports whether item it is the transport that carries the
// goods of another item: "sent its C-17 Globemaster transport
// aircraft with the missiles to Manila" (the missiles are supplied, the
// aircraft flies them), "an airlift using the Chinese Y-20 transport
// planes". "Su-30 jets with R-77 missiles" both go.
func (a *analysis) carrierItem(it int) bool {
	x := &a.items[it]
	if !a.hasCarrierWord(x) {
		if x.tj > x.ti && carrierHeads[a.toks[x.tj-1].w] {
			if moved, ok := a.movedWithCarrier(x); ok {
				return moved
			}
		}
		return false
	}
	if a.carrierAfterPrep(x) {
		return true // "an airlift using the Chinese Y-20 transport planes"
	}
	return a.carriesOtherItem(it)
}

// hasCarrierWord reports whether the phrase of item x holds one of the
// carrierWords ("transport", "cargo").
func (a *analysis) hasCarrierWord(x *item) bool {
	for j := x.ti; j < x.tj && j < len(a.toks); j++ {
		if carrierWords[a.toks[j].w] {
			return true
		}
	}
	return false
}

// movedWithCarrier looks back from a craft named without a carrier word
// for "with": "would need to be delivered with 12 Y-20 planes": the
// planes that move the goods. ok is false when no "with" is found
// within reach; moved then says whether a movedWords verb precedes it.
func (a *analysis) movedWithCarrier(x *item) (moved, ok bool) {
	toks := a.toks
	for j := x.ti - 1; j >= 1 && j >= x.ti-3; j-- {
		if toks[j].w == "with" {
			return movedWords[toks[j-1].w], true
		}
		if w := toks[j].w; w != "the" && !toks[j].digit && numberWords[w] == 0 && a.actorAt[j] < 0 {
			break
		}
	}
	return false, false
}

// carrierAfterPrep reports whether one of the carrierPreps ("using",
// "aboard") stands shortly before item x, past only determiners,
// actors and numbers.
func (a *analysis) carrierAfterPrep(x *item) bool {
	toks := a.toks
	for j := x.ti - 1; j >= 0 && j >= x.ti-5; j-- {
		w := toks[j].w
		if carrierPreps[w] {
			return true
		}
		if w != "the" && w != "its" && w != "their" && w != "a" && w != "an" && a.actorAt[j] < 0 && !toks[j].digit && numberWords[w] == 0 {
			return false
		}
	}
	return false
}

// carriesOtherItem reports whether item it is followed by "with" and,
// past only determiners and numbers, another item that is not an
// organisation: "its C-17 transport aircraft with the missiles".
func (a *analysis) carriesOtherItem(it int) bool {
	toks := a.toks
	x := &a.items[it]
	if x.tj >= len(toks) || toks[x.tj].w != "with" {
		return false
	}
	for j := x.tj + 1; j < len(toks) && j <= x.tj+4; j++ {
		if o := a.itemAt[j]; o >= 0 {
			return o != it && !a.items[o].org
		}
		if w := toks[j].w; w != "the" && w != "its" && w != "their" && w != "all" && !toks[j].digit && numberWords[w] == 0 {
			return false
		}
	}
	return false
}
