package extract

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/bot"
)

// Rules of the rd2 real-text round: constructions met in unseen reporting,
// each a pattern of English with a sentence-level gold line (s1101 on).

// licenceUnderAt returns the index of "licence" when token k opens "under
// <licensor's> licence" with a few words between ("under the Israeli
// firm IAI's license", "under a Russian licence"), else -1.
func (a *analysis) licenceUnderAt(k int) int {
	toks := a.toks
	if k >= len(toks) || toks[k].w != "under" {
		return -1
	}
	for j := k + 1; j < len(toks) && j <= k+10; j++ {
		switch toks[j].w {
		case "licence", "license":
			return j
		case ",", ";", ".", ":", "and", "but":
			return -1
		}
	}
	return -1
}

// scanLicensorCue sets hasLic for "under <licensor's> licence", which the
// licence phrase list (fixed words) does not cover.
func (a *analysis) scanLicensorCue() {
	for k := range a.toks {
		if a.licenceUnderAt(k) >= 0 {
			a.hasLic = true
		}
	}
}

// licensorLists returns the actor lists inside "under <licensor's>
// licence" after the trigger: the licensor.
func (r *roleReader) licensorLists() []int {
	a := r.a
	for k := r.tr.tj; k < len(a.toks) && k <= r.tr.tj+8; k++ {
		j := a.licenceUnderAt(k)
		if j < 0 {
			continue
		}
		var out []int
		for _, li := range r.after {
			if l := &a.lists[li]; l.ti > k && l.ti < j {
				out = append(out, li)
			}
		}
		return out
	}
	return nil
}

// licensorRoles reads "W is produced in X under the Israeli firm's
// licence": X produces (the licensee), the licensor's country supplies.
func (r *roleReader) licensorRoles() bool {
	if len(r.recs) > 0 || r.f.spec.sp != spProduce || r.f.kind != "licence" {
		return false
	}
	lic := r.licensorLists()
	in := r.producedIn()
	if len(lic) == 0 || len(in) == 0 {
		return false
	}
	r.add(&r.recs, in, nil)
	r.add(&r.sups, lic, r.recs)
	return len(r.sups) > 0
}

// warnVerbs tell someone what not to do: "warned Serbia that it should not
// buy".
var warnVerbs = words("warned warns warn warning cautioned cautions caution told tells advised advises urged urges")

// reportNouns are what social-media hearsay is made of.
var reportNouns = words("reports report claims claim posts post rumours rumors videos")

// discussNouns name a subject of talk: "the issue of Israeli military aid".
var discussNouns = words("issue issues question questions matter topic subject")

// genericBuyers stand for no country in particular: "countries that buy
// weapons from Russia".
var genericBuyers = words("countries nations states governments buyers customers clients")

// markRd2Doubts drops transfers the sentence does not state: advice not to
// buy ("warned Serbia that it should not buy the Chinese system"), a
// transfer named as a subject of talk ("exaggerates the issue of Israeli
// military aid"), one done by "countries that buy" (no country named) and
// one told by social-media reports ("reports on social media saying Ankara
// was supplying weapons").
func (a *analysis) markRd2Doubts() {
	for k := range a.trigs {
		tr := &a.trigs[k]
		if !tr.noun && a.warnedNotBefore(tr.ti) {
			tr.drop = true
		}
		if tr.noun && a.discussedNounBefore(tr.ti) {
			tr.drop = true
		}
		if !tr.noun && a.genericBuyerBefore(tr.ti) {
			tr.drop = true
		}
		if a.dropOffAgenda(tr.tj) {
			tr.drop = true
		}
		if a.socialMediaReportBefore(tr.ti) {
			tr.drop = true
		}
	}
}

// discussedNounBefore reports whether the noun trigger at t is the subject
// of talk of one of the discussNouns: "the issue of Israeli military aid".
func (a *analysis) discussedNounBefore(t int) bool {
	toks := a.toks
	j := t - 1
	for j >= 0 && (a.actorAt[j] >= 0 || toks[j].w == "\"" || toks[j].w == "'") {
		j--
	}
	if j < 1 || toks[j].w != "of" {
		return false
	}
	i := j - 1
	for i > 0 && (toks[i].w == "\"" || toks[i].w == "'") {
		i-- // "the issue" of Israeli aid: a quote closes between
	}
	return discussNouns[toks[i].w]
}

// genericBuyerBefore reports whether the verb at t is done by one of the
// genericBuyers, no country named: "countries that (also) buy weapons
// from Russia", unless a named country is among them (memberOfBefore).
func (a *analysis) genericBuyerBefore(t int) bool {
	if t < 2 {
		return false
	}
	toks := a.toks
	j := t - 1
	if j >= 2 && (toks[j].w == "also" || toks[j].w == "still") {
		j--
	}
	return (toks[j].w == "that" || toks[j].w == "which" || toks[j].w == "who") && genericBuyers[toks[j-1].w] && a.actorAt[j-1] < 0 && !a.memberOfBefore(j-1)
}

// dropOffAgenda reports whether the trigger ending at tj is said to be off
// the agenda: "buying the Su-30 is not on the agenda": neither the
// purchase nor its weapon and seller belong to another transfer, so it
// drops the actors and marks the items in between as organisations.
func (a *analysis) dropOffAgenda(tj int) bool {
	end := a.offAgendaAfter(tj)
	if end <= 0 {
		return false
	}
	for j := tj; j < end; j++ {
		if i := a.actorAt[j]; i >= 0 {
			a.actors[i].drop = true
		}
		if i := a.itemAt[j]; i >= 0 {
			a.items[i].org = true
		}
	}
	return true
}

// socialMediaReportBefore reports whether the trigger at t is told by
// reports on social media: "reports on social media saying Ankara was
// supplying weapons".
func (a *analysis) socialMediaReportBefore(t int) bool {
	toks := a.toks
	for j := 0; j+1 < t; j++ {
		if toks[j].w == "social" && toks[j+1].w == "media" {
			for i := j - 1; i >= 0 && i >= j-4; i-- {
				if reportNouns[toks[i].w] {
					return true
				}
			}
		}
	}
	return false
}

// warnedNotBefore reports whether the verb at t is told not to happen:
// "warned X that it should not buy", "told Y it must not sell".
func (a *analysis) warnedNotBefore(t int) bool {
	toks := a.toks
	neg := -1
	for j := t - 1; j >= 1 && j >= t-3; j-- {
		if toks[j].w == "not" && (toks[j-1].w == "should" || toks[j-1].w == "must" || toks[j-1].w == "could") {
			neg = j - 1
			break
		}
	}
	if neg < 0 {
		return false
	}
	for j := neg - 1; j >= 0 && j >= neg-8; j-- {
		if warnVerbs[toks[j].w] {
			return true
		}
		if toks[j].w == "." || toks[j].w == ";" {
			return false
		}
	}
	return false
}

// memberOfBefore reports whether the plural noun at n is the group a named
// country belongs to: "Egypt is among the countries that buy", "one of
// the nations which".
func (a *analysis) memberOfBefore(n int) bool {
	for j := n - 1; j >= 0 && j >= n-4; j-- {
		if w := a.toks[j].w; w == "among" || w == "of" && j > 0 && a.toks[j-1].w == "one" {
			return true
		}
	}
	return false
}

// refuseVerbs before "to accept" / "to take" turn the receipt they govern
// into a refusal: "refused to accept them" (the buyer cancels).
var refuseVerbs = words("refused refuses refuse declined declines decline")

// addRefusedReceipt adds a receiving trigger for "refused to accept them",
// "declined to take the jets": the status stage reads the refusal as a
// cancellation, and "them" takes the weapons of the transfer before.
// "accept" and "take" are no triggers elsewhere ("accepted the offer",
// "take part"). It also adds the fleet triggers (addFleetUpdate).
func (a *analysis) addRefusedReceipt() {
	toks := a.toks
	var add []trig
	for i := 0; i+3 < len(toks); i++ {
		if !refuseVerbs[toks[i].w] || toks[i+1].w != "to" || (toks[i+2].w != "accept" && toks[i+2].w != "take") {
			continue
		}
		t := i + 2
		switch o := toks[t+1].w; {
		case o == "them" || o == "it" || o == "the" || a.itemAt[t+1] >= 0:
		default:
			continue
		}
		if a.trigAt[t] < 0 {
			add = append(add, trig{ti: t, tj: t + 1, spec: trigSpec{dir: dirR, status: bot.StatusDelivered, form: fBase}})
		}
	}
	add = append(add, a.fleetUpdates()...)
	add = append(add, a.forcesDisplay()...)
	a.insertTrigs(add)
}

// fleetWords hold a country's weapons: "the air force's fleet has been
// updated with Russian Su-30MKA fighters".
var fleetWords = words("fleet fleets arsenal arsenals inventory inventories")

// fleetVerbs add weapons to a fleet when "with" follows.
var fleetVerbs = words("updated replenished reinforced bolstered expanded augmented strengthened modernised modernized upgraded renewed")

// fleetUpdates returns usage triggers for "X's fleet has been updated
// with Russian Su-30MKA fighters": the weapons are in the fleet's owner's
// hands (delivered), their origin supplies.
func (a *analysis) fleetUpdates() []trig {
	toks := a.toks
	var out []trig
	for t := 1; t+1 < len(toks); t++ {
		if !fleetVerbs[toks[t].w] || toks[t+1].w != "with" || a.trigAt[t] >= 0 {
			continue
		}
		for j := t - 1; j >= 0 && j >= t-5; j-- {
			if fleetWords[toks[j].w] {
				out = append(out, trig{ti: t, tj: t + 1, spec: trigSpec{dir: dirU, status: bot.StatusDelivered, form: fPart}})
				break
			}
		}
	}
	return out
}

// insertTrigs adds triggers in token order and reindexes trigAt.
func (a *analysis) insertTrigs(add []trig) {
	if len(add) == 0 {
		return
	}
	for _, tr := range add {
		if len(a.trigs) >= maxTriggers {
			break
		}
		a.voice(&tr)
		at := len(a.trigs)
		for k, o := range a.trigs {
			if o.ti > tr.ti {
				at = k
				break
			}
		}
		a.trigs = slices.Insert(a.trigs, at, tr)
	}
	for i := range a.trigAt {
		a.trigAt[i] = -1
	}
	for k, tr := range a.trigs {
		for i := tr.ti; i < tr.tj; i++ {
			a.trigAt[i] = k
		}
	}
}

// requestVerbs in a relative clause on the goods name who wanted them:
// "supplied the equipment that Iran had requested".
var requestVerbs = words("requested requests asked sought seeks wanted wants ordered needed needs")

// requesterAfter returns the list of the country in "the N that X
// (had) requested" after token t, within the goods' phrase; -1 if none.
func (a *analysis) requesterAfter(t int) int {
	toks := a.toks
	for j := t; j+2 < len(toks) && j <= t+8; j++ {
		switch toks[j].w {
		case ",", ";", ".", ":":
			return -1
		case "that", "which":
		default:
			continue
		}
		li := a.listAt[j+1]
		if li < 0 {
			return -1
		}
		k := a.lists[li].tj
		for k < len(toks) && (toks[k].w == "had" || toks[k].w == "has" || toks[k].w == "have") {
			k++
		}
		if k < len(toks) && requestVerbs[toks[k].w] && len(a.lists[li].members) > 0 {
			return li
		}
		return -1
	}
	return -1
}

func init() {
	// "Egypt backed out of plans to acquire Su-35s", "walked away from the
	// deal": like "pulled out of", a cancellation.
	// "Serbia has presented the FK-3 procured from China": shown goods are
	// in the buyer's hands, like "displayed".
	goodsInHand["presented"], goodsInHand["exhibited"] = true, true
	cues.add("back out of|backs out of|backed out of|backing out of|pull out of|pulls out of|pulling out of|"+
		"walk away from|walks away from|walked away from|walking away from", cueCancel)
}

// withAbsoluteSubject reads an opening "With X -ing ..." phrase that holds
// the frame's trigger ("With Egypt and Algeria backing out of plans to
// acquire Su-35s, ..."): X, not the main clause's subject, acts. It returns
// X's list (-1 when X is in none) and whether the phrase holds the trigger.
func (r *roleReader) withAbsoluteSubject() (int, bool) {
	a := r.a
	toks := a.toks
	if len(toks) < 4 || toks[0].w != "with" || a.actorAt[1] < 0 {
		return -1, false
	}
	g := 1
	for g < len(toks) && (toks[g].w == "and" || toks[g].w == "the" || a.actorAt[g] >= 0) {
		g++ // "With Peru and Chile backing out"
	}
	for g < len(toks) && (strings.HasSuffix(toks[g].w, "ly") || adverbs[toks[g].w]) {
		g++ // "reportedly", "finally"
	}
	if g >= len(toks) || !strings.HasSuffix(toks[g].w, "ing") || g > r.tr.ti {
		return -1, false
	}
	for t := g; t < r.tr.ti; t++ {
		if toks[t].w == "," || toks[t].w == ";" {
			return -1, false
		}
	}
	if li := a.listAt[1]; li >= 0 && len(a.lists[li].members) > 0 {
		return li, true
	}
	return -1, true
}

// forceWords name a country's armed forces: "the Serbian military".
var forceWords = words("military army forces navy")

// displayVerbs show weapons in hand.
var displayVerbs = words("displayed paraded showcased showed")

// forcesDisplay returns usage triggers for "the Serbian military also
// displayed the Russian Pantsir": armed forces that show a foreign weapon
// hold it (delivered); the weapon's origin supplies. A country showing
// its own weapon, or one not named as armed forces, gives nothing here.
func (a *analysis) forcesDisplay() []trig {
	toks := a.toks
	var out []trig
	for t := 2; t+1 < len(toks); t++ {
		if !displayVerbs[toks[t].w] || a.trigAt[t] >= 0 {
			continue
		}
		j := t - 1
		for j > 0 && (toks[j].w == "also" || toks[j].w == "has" || toks[j].w == "have" || a.lyAdverb(j)) {
			j--
		}
		if !forceWords[toks[j].w] || j == 0 || a.actorAt[j-1] < 0 {
			continue
		}
		out = append(out, trig{ti: t, tj: t + 1, spec: trigSpec{dir: dirU, status: bot.StatusDelivered, form: fPast}})
	}
	return out
}

// offAgendaAfter returns the index of "is" in "is not on the agenda" or
// "is off the table" after the transfer phrase starting at t, else -1:
// "buying the Su-30 is not on the agenda" states that no purchase is
// planned.
func (a *analysis) offAgendaAfter(t int) int {
	toks := a.toks
	for j := t; j+3 < len(toks) && j <= t+8; j++ {
		switch toks[j].w {
		case ",", ";", ".", "and", "but":
			return -1
		case "is", "was", "are", "were":
			n := toks[j+1].w
			if n == "not" && toks[j+2].w == "on" && j+4 < len(toks) && toks[j+4].w == "agenda" ||
				n == "off" && toks[j+3].w == "table" {
				return j
			}
		}
	}
	return -1
}
