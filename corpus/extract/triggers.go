package extract

import (
	"strings"

	"github.com/briefbot/briefbot/bot/gazetteer"
)

// findTriggers finds transfer words, decides noun or verb, voice, and drops
// production verbs that are not licensed production.
func (a *analysis) findTriggers() {
	toks := a.toks
	for i := 0; i < len(toks) && len(a.trigs) < maxTriggers; i++ {
		if !toks[i].word || a.actorAt[i] >= 0 || a.itemAt[i] >= 0 {
			continue
		}
		if i > 0 && toks[i-1].w == "-" && i > 1 && toks[i-2].e == toks[i-1].s && toks[i-1].e == toks[i].s {
			continue // "Russian-supplied", "licence-built"
		}
		spec, n := triggers.match(toks, i)
		if n == 0 {
			continue
		}
		ok := true
		for k := i; k < i+n; k++ {
			if a.actorAt[k] >= 0 || a.itemAt[k] >= 0 {
				ok = false
			}
		}
		if !ok {
			continue
		}
		tr := trig{ti: i, tj: i + n, spec: spec, noun: spec.form == fNoun}
		if spec.ambig {
			tr.noun = a.nounHere(i)
			if tr.noun && spec.kind == lic {
				i += n - 1
				continue // "Kazakhstan's Anka licence" is a noun, not a transfer
			}
			if tr.noun {
				tr.spec.form = fNoun
				if spec.status == ord {
					tr.spec.light = true // "its order for"
				}
			} else if spec.status == ord && spec.dir == dirR {
				tr.spec.form = fThird
			}
		}
		a.voice(&tr)
		if !a.keepTrigger(&tr) {
			i += n - 1
			continue
		}
		for k := i; k < i+n; k++ {
			a.trigAt[k] = len(a.trigs)
		}
		a.trigs = append(a.trigs, tr)
		i += n - 1
	}
}

// nounHere decides whether an ambiguous word at i ("exports", "order") is a
// noun.
func (a *analysis) nounHere(i int) bool {
	toks := a.toks
	if i == 0 {
		return true
	}
	p := toks[i-1]
	if k := a.actorAt[i-1]; k >= 0 {
		ac := &a.actors[k]
		if ac.kind == gazetteer.DemonymMention {
			return true
		}
		if ac.ti > 0 && (toks[ac.ti-1].w == "the" || toks[ac.ti-1].w == "a" || toks[ac.ti-1].w == "an") {
			return true
		}
		return false
	}
	switch p.w {
	case "it", "they", "which", "who", "also", "now", "still", "regularly", "currently", "mainly", "mostly",
		"largely", "to", "will", "would", "may", "might", "could", "can", "not", "did", "does", "never",
		"reportedly", "often", "usually", "traditionally", "then", "later", "longer":
		return false
	}
	return true
}

// counted reports whether a plural deal word is counted ("14 Russian deals",
// "six of the 17 deals", "several contracts"): a statistic, not a transfer.
func (a *analysis) counted(tr *trig) bool {
	toks := a.toks
	if tr.spec.sp == spWinOrder {
		return false // "has won deals with Pakistan": won in the clause
	}
	w := toks[tr.tj-1].w
	switch w {
	case "deals", "contracts", "orders", "agreements", "sales", "deliveries", "transfers", "acquisitions",
		"purchases", "exports", "imports", "suppliers":
	default:
		return false
	}
	for j, n := tr.ti-1, 0; j >= 0 && n < 4; j, n = j-1, n+1 {
		t := toks[j]
		switch {
		case t.word && t.digit && !isYearTok(t), numberWords[t.w] > 1, t.w == "several" || t.w == "many" ||
			t.w == "few" || t.w == "dozens" || t.w == "most" || t.w == "all":
			// "signing several drone deals with Türkiye": the deals are
			// made in the clause, not counted.
			return j == 0 || !signing[toks[j-1].w] && !a.cancelBefore(j)
		case haveForms[t.w]:
			return true // "have more deals with Kazakhstan"
		case a.actorAt[j] >= 0, t.w == "'" || t.w == "s" || t.w == "other" || t.w == "separate" ||
			t.w == "further" || t.w == "more" || t.w == "arms" || t.w == "drone" || t.w == "of" || t.w == "the":
			continue
		}
		return false
	}
	return false
}

// signing makes a counted deal an event: "signing several deals with".
var signing = words("sign signs signed signing")

// voice sets passive, "to be" and progressive flags.
func (a *analysis) voice(tr *trig) {
	toks := a.toks
	f := tr.spec.form
	if tr.noun {
		return
	}
	j := a.beforeAdverbs(tr.ti)
	be := j >= 0 && beForms[toks[j].w]
	switch {
	case (f == fPast || f == fPart) && be:
		tr.passive = true
		if a.toBeAt(j) {
			tr.toBe = true
		}
	case a.equippedWith(tr):
		tr.passive = true // "the army, equipped with Turkish drones", "Azerbaijan is armed with Israeli drones"
		tr.reduced = !be
	case (f == fPast || a.givenTo(tr, j)) && tr.tj < len(toks):
		a.passiveWithoutBe(tr, j)
	case f == fIng && be && toks[j].w != "been" && tr.spec.dir == dirR && tr.spec.status == del:
		tr.prog = true // "is receiving", but "has been receiving ... for 15 years" is under way
	}
}

// equippedWith reports whether tr is a participle of equipping right
// before "with" (see equipForms).
func (a *analysis) equippedWith(tr *trig) bool {
	f := tr.spec.form
	return (f == fPast || f == fPart) && tr.tj < len(a.toks) && a.toks[tr.tj].w == "with" && equipForms[a.toks[tr.ti].w]
}

// givenTo reports whether tr is the participle "given" before "to" or
// "by" and after no form of "have": "the Javelins given to Georgia by the
// US", not "has given". The other participle-only forms are registered as
// participles for reasons of their own and are not read so.
func (a *analysis) givenTo(tr *trig, j int) bool {
	toks := a.toks
	return tr.spec.form == fPart && toks[tr.ti].w == "given" && tr.tj < len(toks) &&
		(toks[tr.tj].w == "to" || toks[tr.tj].w == "by") && !(j >= 0 && perfectAux[toks[j].w])
}

// equipForms are the participles of equipping: right before "with" they
// are passive, the equipped being the recipient ("has equipped Azerbaijan
// with drones" puts the recipient between).
var equipForms = words("equipped armed")

// perfectAux make a participle after them active: "has given".
var perfectAux = words("has have had having")

// beforeAdverbs is the index of the word before the verb at t once up to
// three adverbs before it are skipped ("was already delivered"); -1 at
// the start of the sentence.
func (a *analysis) beforeAdverbs(t int) int {
	toks := a.toks
	j := t - 1
	for n := 0; n < 3 && j >= 0 && (adverbs[toks[j].w] && !beForms[toks[j].w] || a.lyAdverb(j)); n++ {
		j--
	}
	return j
}

// toBeAt reports whether the form of "be" at j is the infinitive "to be"
// of a transfer to come; not after an ordinal ("the first to be
// delivered" names what was delivered first).
func (a *analysis) toBeAt(j int) bool {
	toks := a.toks
	return toks[j].w == "be" && j > 0 && toks[j-1].w == "to" && !a.ordinalInfinitive(j-1)
}

// passiveWithoutBe marks a past form with no "to be" just before it
// (j is the word before it) as passive when it is a reduced passive, or
// when an "and" at j joins it to an earlier passive whose "to be" it
// shares.
func (a *analysis) passiveWithoutBe(tr *trig, j int) {
	if a.reducedPassive(tr) {
		tr.passive, tr.reduced = true, true
	}
	if !tr.passive && j >= 0 && a.toks[j].w == "and" && a.sharedPassive(j) {
		tr.passive = true
	}
}

// reducedPassive reports whether a past form without "to be" is a reduced
// passive: "fighters ordered from Russia", "items transferred were", "a
// Y-8F-200W Pegasus supplied by China", "two Indian helicopters, gifted to
// Tajikistan", "..., delivered in 2019".
func (a *analysis) reducedPassive(tr *trig) bool {
	toks := a.toks
	nx := toks[tr.tj].w
	if a.goodsJustBefore(tr.ti) && (passiveParticleWords[nx] || beForms[nx]) {
		return true
	}
	// Set off by a comma after the goods.
	if tr.ti > 1 && toks[tr.ti-1].w == "," && a.itemAt[tr.ti-2] >= 0 && (nx == "to" || nx == "by") {
		return true
	}
	// A participle after a comma qualifies the clause.
	return tr.ti > 0 && toks[tr.ti-1].w == "," && commaParticipleWords[nx]
}

var (
	// passiveParticleWords follow a reduced passive right after the goods
	// ("fighters ordered from Russia"), as does a form of "to be" ("items
	// transferred were").
	passiveParticleWords = words("from by to in for under")
	// commaParticipleWords follow a participle that qualifies the clause
	// after a comma (", delivered in 2019").
	commaParticipleWords = words("in from between since by under")
)

// goodsJustBefore reports whether the goods stand just before token t: an
// item, or "items", "equipment", "ones". A name may follow the designation
// ("Y-8F-200W Pegasus"), as may "already".
func (a *analysis) goodsJustBefore(t int) bool {
	toks := a.toks
	if t == 0 {
		return false
	}
	if a.itemAt[t-1] >= 0 {
		return true
	}
	if t > 1 && a.itemAt[t-2] >= 0 && (toks[t-1].w == "already" || toks[t-1].upper && a.actorAt[t-1] < 0 || a.lyAdverb(t-1)) {
		return true
	}
	w := toks[t-1].w
	return w == "items" || w == "equipment" || w == "ones"
}

// sharedPassive reports whether the "and" at j joins the past form to an
// earlier passive whose "to be" it shares: "were built in South Korea and
// delivered to".
func (a *analysis) sharedPassive(j int) bool {
	toks := a.toks
	for k := j - 1; k >= 0 && k >= j-10; k-- {
		if toks[k].w == "," || toks[k].w == ";" {
			return false
		}
		if beForms[toks[k].w] && k+1 < len(toks) {
			spec, n := triggers.match(toks, k+1)
			return n > 0 && (spec.form == fPast || spec.form == fPart) || builtWords[toks[k+1].w]
		}
	}
	return false
}

// keepTrigger drops triggers that are not transfers here.
func (a *analysis) keepTrigger(tr *trig) bool {
	if a.objectNotGoods(tr) {
		return false // "got a loan from Russia", "sent Israel a letter"
	}
	if keep, decided := a.keepSpecial(tr); decided {
		return keep
	}
	return !a.idiomNoGoods(tr) && !a.nounNoTransfer(tr) && !a.suppliesWithoutObject(tr)
}

// notGoods are objects of a sending or receiving verb that are no
// military equipment: "sent Israel a letter of protest", "sent a
// delegation to Tashkent", "received a request from Azerbaijan for JF-17s",
// "gave Ukraine a green light", "sent troops" (a deployment).
var notGoods = words("letter letters message messages delegation delegations team teams expert experts adviser advisers " +
	"advisor advisors envoy envoys invitation invitations request requests note notes protest protests warning warnings " +
	"signal signals greetings condolences congratulations speech statement green assurances guarantees troops soldiers " +
	"personnel peacekeepers instructors observers officials loan loans credit credits funding money intelligence " +
	"information data reply response answer visit visitors financing finance funds details detail figures " +
	"comment comments explanation explanations update updates estimate estimates timeline timetable " +
	"clarification guarantee answers breakdown specifics indication")

// objectDeterminers may stand before a verb's object noun.
var objectDeterminers = words("a an the its their his her some several two three four five six more new high-level " +
	"formal official small large senior any no further additional few detailed exact precise")

// objectNotGoods reports whether the first word of a delivering verb's
// object, past a country named as indirect object ("sent Israel ...") and
// determiners, names something that is not equipment.
func (a *analysis) objectNotGoods(tr *trig) bool {
	if tr.noun || tr.spec.status != del {
		return false
	}
	toks := a.toks
	for j := tr.tj; j < len(toks) && j < tr.tj+8; j++ {
		switch {
		case a.actorAt[j] >= 0 || objectDeterminers[toks[j].w] || toks[j].digit:
			continue
		case a.itemAt[j] >= 0:
			return false
		default:
			return notGoods[toks[j].w]
		}
	}
	return false
}

// keepSpecial decides the triggers whose special sense has a test of
// their own (produce, arm, arrive, hand, use, pass on, operate, lease);
// decided is false for the others.
func (a *analysis) keepSpecial(tr *trig) (keep, decided bool) {
	switch tr.spec.sp {
	case spProduce:
		return a.keepProduce(tr), true
	case spArm:
		return a.keepArm(tr), true
	case spArrive:
		return !tr.noun, true
	case spHand:
		return a.keepHand(tr), true
	case spUse:
		return a.keepUse(tr), true
	case spPassOn:
		return a.keepPassOn(tr), true
	case spOperate:
		return a.keepOperate(tr), true
	case spLease:
		return a.keepLease(tr), true
	case spPresent:
		return a.keepPresent(tr), true
	}
	return false, false
}

// idiomNoGoods reports a verb in an idiom that hands on no goods.
func (a *analysis) idiomNoGoods(tr *trig) bool {
	toks := a.toks
	if tr.spec.sp == spGive && tr.tj < len(toks) && (toks[tr.tj].w == "up" || toks[tr.tj].w == "in") {
		return true // "give up its S-400s", "gave in to pressure": no gift
	}
	if tr.tj-tr.ti == 2 && passForms[toks[tr.ti].w] && toks[tr.tj-1].w == "on" && !a.weaponSoonAfter(tr.tj) {
		return true // "passed on the offer", "passes on the costs"
	}
	return false
}

// nounNoTransfer reports a trigger noun that names no transfer here: one
// denied, a statistic, or the version sold.
func (a *analysis) nounNoTransfer(tr *trig) bool {
	if !tr.noun {
		return false
	}
	toks := a.toks
	if tr.ti > 0 && (toks[tr.ti-1].w == "no" || toks[tr.ti-1].w == "without") {
		return true // "names no supplier", "no deliveries"
	}
	if a.counted(tr) {
		return true // "nine Russian deals with Kazakhstan": a statistic
	}
	if toks[tr.ti].w == "export" && tr.ti > 1 && toks[tr.ti-1].w == "the" && toks[tr.ti-2].w == "in" &&
		tr.tj < len(toks) && exportVersion[toks[tr.tj].w] {
		return true // "a Chinese HQ-9 in the export version", "in the export: about one system": what was sold, not a sale
	}
	return false
}

// suppliesWithoutObject reports the delivery nouns "supplies" and
// "transfer" with neither "of" nor "to" after them.
func (a *analysis) suppliesWithoutObject(tr *trig) bool {
	toks := a.toks
	if tr.spec.status == del && tr.spec.dir == dirS && tr.noun && (toks[tr.ti].w == "supplies" || toks[tr.ti].w == "transfer") {
		// "supplies of", "transfer of": need "of" or "to" after.
		if tr.tj >= len(toks) || (toks[tr.tj].w != "of" && toks[tr.tj].w != "to") {
			return true
		}
	}
	return false
}

// exportVersion after "in the export" name the version sold: "in the
// export version", "in the export: one system of the FD-2000 version".
var exportVersion = words(": , version variant model configuration")

// passForms are the forms of "pass" in "pass on" (goods handed on).
var passForms = words("pass passes passed passing")

// weaponSoonAfter reports whether a weapon (not a generic arms word) is
// named in the few words after t, before a comma.
func (a *analysis) weaponSoonAfter(t int) bool {
	for j := t; j < len(a.toks) && j < t+6 && a.toks[j].w != ","; j++ {
		if it := a.itemAt[j]; it >= 0 {
			return !a.items[it].arms
		}
	}
	return false
}

// keepProduce keeps a production trigger only where it is a transfer: a
// licence's production, or "offered to build patrol boats for
// Turkmenistan's navy" (a sale); "built in X", "built by X" say who made it.
func (a *analysis) keepProduce(tr *trig) bool {
	toks := a.toks
	// "built in X", "built by X": X made it; not a trigger.
	if tr.tj+1 < len(toks) && (toks[tr.tj].w == "in" || toks[tr.tj].w == "by") {
		j := tr.tj + 1
		for j < len(toks) && skipBeforeActor[toks[j].w] {
			j++
		}
		if j < len(toks) && a.actorAt[j] >= 0 && !a.underLicenceAfter(j) {
			return false
		}
	}
	if a.hasLic {
		return true
	}
	// "offered to build patrol boats for Turkmenistan's navy": a sale; so is
	// "is building four corvettes for Pakistan" (still to come: ordered).
	if tr.noun || tr.passive || tr.spec.form == fPast || tr.spec.form == fIng && !tr.prog {
		return false
	}
	for j := tr.tj; j < len(toks) && j < tr.tj+8; j++ {
		if toks[j].w == "for" {
			k := j + 1
			for k < len(toks) && skipBeforeActor[toks[k].w] {
				k++
			}
			if k < len(toks) && a.actorAt[k] >= 0 {
				tr.spec.dir, tr.spec.kind = dirS, ""
				return true
			}
		}
		if toks[j].w == "," {
			break
		}
	}
	return false
}

// keepArm keeps "arm X with Y": an actor (or "it") after the verb and a
// "with" soon after.
func (a *analysis) keepArm(tr *trig) bool {
	toks := a.toks
	j := tr.tj
	if tr.passive && j < len(toks) && toks[j].w == "with" {
		return true // "armed with Israeli drones": the armed is the subject
	}
	for j < len(toks) && skipBeforeActor[toks[j].w] {
		j++
	}
	if j >= len(toks) || (a.actorAt[j] < 0 && toks[j].w != "it") {
		return false
	}
	for k := j; k < len(toks) && k < j+10; k++ {
		if toks[k].w == "with" {
			return true
		}
	}
	return false
}

// lyAdverb reports whether token t is an adverb in -ly that may stand
// inside a verb group ("have been safely handed over", "was quietly
// delivered"): not a country, weapon or transfer word ("Italy", "supply"),
// and not a month ("July").
func (a *analysis) lyAdverb(t int) bool {
	w := a.toks[t].w
	return len(w) > 4 && strings.HasSuffix(w, "ly") && a.actorAt[t] < 0 && a.itemAt[t] < 0 && a.trigAt[t] < 0 &&
		months[w] == 0 && !functionWords[w]
}
