package extract

import "strings"

// Rules of the rd10 real-text round: constructions met in unseen regional
// reporting (South Asia, Central Asia, West Africa, the Balkans, Latin
// America), each a pattern of English with a sentence-level gold line
// (s2501 on).

func init() {
	// "The Philippine defense department received ...", "the Ghanaian army
	// headquarters": organs of a state, like a ministry.
	for _, w := range []string{"department", "departments", "headquarters"} {
		orgNouns[w] = true
	}
	// Generic arms phrases of regional and official reporting: "supplied
	// military technical assets to Mongolia", "ready to supply the army
	// with the necessary products of the defense industry".
	armsWords.add("armaments|armament|military technical assets|military-technical assets|military assets|military property|"+
		"defence products|defense products|defence industry products|defense industry products|"+
		"products of the defence industry|products of the defense industry|military-technical products|"+
		"military technical products|military-technical equipment|military technical equipment", true)
	// "Personnel Body Protective armour" is a description, not a designation.
	for _, w := range []string{"personnel", "body", "bodies"} {
		notDesignation[w] = true
	}
}

// mergeThousands joins a number written with thousands separators into one
// token: "$500,000 project" is "$", "500,000", "project", not "500", ",",
// "000", whose comma would end a clause or a list. A group joins only when
// it touches the comma on both sides and has exactly three digits
// ("1,500,000" is one token; "2019, 2020" and "in 2019,20 tanks" stay
// apart).
func mergeThousands(toks []tok) []tok {
	out := toks[:0]
	for _, t := range toks {
		if n := len(out); n >= 2 && len(t.w) == 3 && isDigits(t.w) && out[n-1].w == "," &&
			t.s == out[n-1].e && out[n-1].s == out[n-2].e && leadingGroup(out[n-2].w) {
			out[n-2].e, out[n-2].w = t.e, out[n-2].w+","+t.w
			out = out[:n-1]
			continue
		}
		out = append(out, t)
	}
	return out
}

// leadingGroup reports whether w can open a number with thousands commas:
// one to three digits, or a number already joined ("1,500").
func leadingGroup(w string) bool {
	i := strings.IndexByte(w, ',')
	if i < 0 {
		i = len(w)
	}
	return i >= 1 && i <= 3 && isDigits(w)
}

// isDigits reports whether s is made of ASCII digits and thousands commas
// only.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != ',' {
			return false
		}
	}
	return s != ""
}

// rd10Triggers adjusts the triggers of this round's constructions.
func (a *analysis) rd10Triggers() {
	a.markWonContracts()
	a.markGivingNow()
}

// presentBe are the present forms of "be".
var presentBe = words("is are am")

// givingNow are the progressive forms of handing over a gift.
var givingNow = words("donating gifting giving handing")

// markGivingNow reads a gift in progress as decided, not yet handed over:
// "the embassy is also donating radios to the border guards", "Japan is
// handing over four patrol boats" (ordered, like "is buying"). A habitual
// or ongoing supply ("Russia is supplying S-400s") stays delivered.
func (a *analysis) markGivingNow() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.noun || tr.spec.form != fIng || !givingNow[toks[tr.ti].w] {
			continue
		}
		if j := a.beforeAdverbs(tr.ti); j >= 0 && presentBe[toks[j].w] {
			tr.prog = true // not "has been giving": that gift has been made
		}
	}
}

// winVerbs obtain a contract or an order for the one who will deliver:
// "India won a contract from Turkey", "HAL bagged an order".
var winVerbs = words("won win wins winning secured secure secures securing landed lands " +
	"bagged bag bags bagging clinched clinch clinches clinching get gets got getting grabbed netted")

// lossVerbs lose a contract or an order: the one who lost supplies nothing.
var lossVerbs = words("lost lose loses losing")

// contractNouns are the deal nouns a seller wins.
var contractNouns = words("contract contracts order orders")

// modifierStops end the words that may stand between a winning verb and its
// contract noun.
var modifierStops = words("and or but that which who to for from with by of in on at , ; : ( ) \" .")

// winnerOf returns the index of a winning or losing verb before the deal
// noun at t, past at most six modifiers ("won its second international
// contract", "winning a $ 50 million order", "secured its first export
// order"), and whether it is a loss ("lost", "lost out on", "missed out
// on"); -1 if none. An actor, a weapon, a verb trigger or a clause word ends
// the search.
func (a *analysis) winnerOf(t int) (int, bool) {
	toks := a.toks
	for j := t - 1; j >= 0 && j >= t-7; j-- {
		w := toks[j].w
		switch {
		case winVerbs[w]:
			return j, false
		case lossVerbs[w]:
			return j, true
		case w == "on" && j >= 2 && toks[j-1].w == "out" && (lossVerbs[toks[j-2].w] || missVerbs[toks[j-2].w]):
			return j - 2, true
		case a.actorAt[j] >= 0 || a.itemAt[j] >= 0 || modifierStops[w] && !(w == "." && j > 0 && toks[j-1].digit):
			return -1, false
		case a.trigAt[j] >= 0 && !(a.trigs[a.trigAt[j]].noun && a.trigs[a.trigAt[j]].spec.dir == dirS):
			return -1, false
		}
	}
	return -1, false
}

// missVerbs miss a contract: "missed out on an order".
var missVerbs = words("missed miss misses missing")

// getVerbs are the weakest winning verbs: "got a contract with Russia" may
// be a buyer's, so they need the buyer after "from".
var getVerbs = words("get gets got getting")

// markWonContracts reads a deal noun won by its subject as the subject's
// sale to the one the contract comes from: "India has bid successfully to
// get its second international contract for three ALH from Turkey" (India
// supplies Turkey), "by winning a $ 50 million order for seven ALH for the
// Ecuadorian Air Force" (India supplies Ecuador). A contract lost ("lost a
// contract from Malaysia") is no transfer. The winning verb's own trigger
// ("get") is dropped.
func (a *analysis) markWonContracts() {
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.spec.sp == spWinOrder && a.attemptBefore(tr.ti) {
			tr.spec.status = pln // "is competing to win an order from Chile"
		}
		if !tr.noun || tr.spec.sp != spNone || tr.tj-tr.ti != 1 || !contractNouns[a.toks[tr.ti].w] {
			continue
		}
		v, lost := a.winnerOf(tr.ti)
		if v < 0 || getVerbs[a.toks[v].w] && !a.buyerFromAfter(tr.tj) {
			continue
		}
		for j := v; j < tr.ti; j++ {
			if vt := a.trigAt[j]; vt >= 0 {
				a.trigs[vt].drop = true // "get", "export" in "secured its first export order"
			}
		}
		if lost {
			tr.drop = true
			continue
		}
		tr.spec.dir, tr.spec.sp, tr.spec.light, tr.spec.status = dirS, spWinOrder, true, ord
		if a.attemptBefore(v) {
			tr.spec.status = pln
		}
	}
}

// attemptWords try for what follows "to": "is competing to win an order",
// "trying to secure a contract", "in the race to win".
var attemptWords = words("competing compete competes trying try tries tried seeking seek seeks aims aim aiming " +
	"race vying vie vies expects expect expected hoping hope hopes wants want bidding bid bids attempting " +
	"attempt attempts effort efforts looking eyeing keen eager")

// attemptBefore reports whether an attempt governs the verb at v: "is
// competing to win", "bid to get" (but "bid successfully to get" won).
func (a *analysis) attemptBefore(v int) bool {
	toks := a.toks
	if v < 2 || toks[v-1].w != "to" {
		return false
	}
	j := v - 2
	if toks[j].w == "successfully" {
		return false
	}
	for j >= 0 && j >= v-3 && a.lyAdverb(j) {
		j--
	}
	return j >= 0 && attemptWords[toks[j].w]
}

// buyerFromAfter reports whether "from" and a country follow token t in its
// clause, before a comma or a semicolon: "contract for three ALH for an
// estimated $ 20 million from Turkey".
func (a *analysis) buyerFromAfter(t int) bool {
	toks := a.toks
	for j := t; j+1 < len(toks) && j < t+20; j++ {
		switch toks[j].w {
		case ",", ";", "and", "but":
			return false
		case "from":
			if a.actorAt[j+1] >= 0 || j+2 < len(toks) && toks[j+1].w == "the" && a.actorAt[j+2] >= 0 {
				return true
			}
		}
	}
	return false
}

// counterpartBodies name the organ of a deal's counterpart: "a contract
// with the Government of Mauritius", "with the Egyptian defence ministry".
var counterpartBodies = words("government governments ministry authorities administration defence defense " +
	"army navy air force forces police guard guards armed coast")

// bodyOfCounterpart reports whether token t is a word of a body that
// belongs to a "with" or "from" country next to it: "the Government of
// Mauritius", "the Egyptian government", "the Ghanaian Air Force". Such a
// word may stand between a deal noun and the transfer it governs
// ("signed a contract with the Government of Mauritius for export of").
func (a *analysis) bodyOfCounterpart(t int) bool {
	if !counterpartBodies[a.toks[t].w] {
		return false
	}
	for j := t - 1; j >= 0 && j >= t-3; j-- { // "the Egyptian air force"
		if li := a.listAt[j]; li >= 0 {
			return a.lists[li].prep == "with" || a.lists[li].prep == "from"
		}
		if !counterpartBodies[a.toks[j].w] {
			break
		}
	}
	for j := t + 1; j < len(a.toks) && j <= t+3; j++ { // "the Government of Mauritius"
		if li := a.listAt[j]; li >= 0 {
			return (a.lists[li].prep == "with" || a.lists[li].prep == "from") && a.toks[j-1].w == "of"
		}
		if !counterpartBodies[a.toks[j].w] && a.toks[j].w != "of" {
			break
		}
	}
	return false
}

// spelledOutName gives weapon x, written out in words, the designation y
// that follows it in brackets when both are one system: "one Advanced Light
// Helicopter (ALH Mk-III)" is the ALH Mk-III. A bare acronym in brackets
// ("Advanced Light Helicopters (ALH)") and a designation before the
// brackets ("Project-1241 (Tarantul)") change nothing.
func spelledOutName(x, y *item) {
	if x.canon != "" && x.canon == y.canon && !designationLike(x.system) && strings.ContainsAny(y.system, "0123456789-") {
		x.system = y.system
	}
}

// designationLike reports whether name has a digit, a hyphen or a word in
// capitals ("ALH Mk-III", "MiG-29", "HQ"), unlike a name spelled out in
// words ("Advanced Light Helicopter").
func designationLike(name string) bool {
	if strings.ContainsAny(name, "0123456789-") {
		return true
	}
	for _, w := range strings.Fields(name) {
		if len(w) >= 2 && strings.ToUpper(w) == w {
			return true
		}
	}
	return false
}

// includeForms list the contents of the goods.
var includeForms = words("includes include included including comprises comprise comprised consists consisted contains contained")

// resumeAfterAside are the words after the comma that closes an inclusion
// aside when the clause around it goes on.
var resumeAfterAside = words("to from for was were is are has have had will")

// inclusionAside reports whether the comma at i opens an aside that only
// lists what the goods include and closes with a comma before the rest of
// its clause: "China donated military equipment, which includes rifles and
// ammunition, to the Ghanaian army", "The donation, which includes rifles,
// was handed over by China". Such an aside names no party and opens no
// clause of its own: the goods it lists belong to the clause around it.
func (a *analysis) inclusionAside(i int) bool {
	toks := a.toks
	if i+2 >= len(toks) || !includeForms[toks[i+2].w] {
		return false
	}
	for j := i + 3; j < len(toks) && j <= i+25; j++ {
		switch {
		case a.actorAt[j] >= 0 || a.trigAt[j] >= 0 || toks[j].w == ";" || toks[j].w == ".":
			return false
		case toks[j].w == "," && j+1 < len(toks) && resumeAfterAside[toks[j+1].w]:
			return true
		case toks[j].w == "," && j+1 < len(toks) && toks[j+1].w == "and":
			return false // ", and": a clause of its own may follow
		}
	}
	return false
}

// aidNounAntecedent returns the military-aid noun trigger that the
// relative clause of frame f qualifies, -1 if none: "the second batch of
// military aid that China has sent to Ghana" (the aid is the goods the
// relative's verb hands over). The noun must name arms or military aid
// ("military aid", "security assistance"), not money ("financial aid").
func (a *analysis) aidNounAntecedent(f *frame) int {
	c := &a.clauses[f.clause]
	if c.kind != cThat || c.ts < 2 || a.toks[c.ts-1].w != "that" || a.trigs[f.t].noun || a.trigs[f.t].spec.dir != dirS {
		return -1
	}
	k := a.trigAt[c.ts-2]
	if k < 0 || k == f.t || !a.trigs[k].noun || a.trigs[k].spec.kind != aid {
		return -1
	}
	for t := a.trigs[k].ti; t < a.trigs[k].tj; t++ {
		if w := a.toks[t].w; w == "military" || w == "security" {
			return k
		}
	}
	return -1
}
