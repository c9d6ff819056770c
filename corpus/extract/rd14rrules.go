package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Rules of the rd14r real-text round: constructions met in unseen
// reporting on cancelled deals, refusals and second-hand ships in Europe
// and the Americas, each with sentence-level gold lines (s3001 on).

// moneyWords are the words of a price written before a transfer noun: "a
// 13.5 billion zlotys ($3.5 billion) deal", "a $2 billion contract".
var moneyWords = words("billion billions million millions trillion bn mn m dollars dollar usd eur euros euro " +
	"pounds pound sterling zlotys zloty rupees rupee yuan renminbi rubles roubles ruble rouble kronor krona " +
	"kroner krone shekels shekel reais real pesos peso dinars dinar dirhams dirham lira liras riyals riyal " +
	"francs franc won yen $ € £ ¥ ( ) . , us")

// moneyAt reports whether token j belongs to a price written before a
// transfer noun: a number, a currency word or sign, or the parentheses and
// decimal points of "13.5 billion zlotys ($3.5 billion)". A currency word
// counts only next to a number or another money word, so "won" and
// "real" keep their other senses elsewhere.
func (a *analysis) moneyAt(j int) bool {
	toks := a.toks
	if j < 0 || j >= len(toks) {
		return false
	}
	t := toks[j]
	if t.digit {
		return true
	}
	if !moneyWords[t.w] {
		return false
	}
	switch t.w {
	case ",", ".":
		// a thousands separator or decimal point between digits only
		return j > 0 && j+1 < len(toks) && toks[j-1].digit && toks[j+1].digit
	case "(", ")":
		return a.priceParen(j)
	}
	return j > 0 && (toks[j-1].digit || moneyWords[toks[j-1].w] && toks[j-1].w != "(" && toks[j-1].w != ",") ||
		j+1 < len(toks) && toks[j+1].digit
}

// priceParen reports whether the parenthesis at j encloses a price: "($3.5
// billion)".
func (a *analysis) priceParen(j int) bool {
	toks := a.toks
	open := j
	if toks[j].w == ")" {
		for open = j - 1; open >= 0 && open >= j-8 && toks[open].w != "("; open-- {
		}
		if open < 0 || open < j-8 {
			return false
		}
	}
	money := false
	for k := open + 1; k < len(toks) && k <= open+8; k++ {
		if toks[k].w == ")" {
			return money
		}
		if !toks[k].digit && !moneyWords[toks[k].w] {
			return false
		}
		if toks[k].digit {
			money = true
		}
	}
	return false
}

// cancelledRelative reads a relative clause on the goods of a cancelled
// deal as part of that deal: "scrapped a deal for 50 helicopters that were
// to be delivered to the army", "cancelled the order for frigates which
// were due to arrive in 2026". The clause names what the deal would have
// done; it is not an order of its own.
func (a *analysis) cancelledRelative() {
	for k := 1; k < len(a.frames); k++ {
		f, prev := a.frames[k], a.frames[k-1]
		if prev.status != bot.StatusCancelled || f.status == bot.StatusCancelled || f.clause != prev.clause {
			continue
		}
		rel := a.dueRelativeBefore(f.start)
		if rel >= 0 && a.relativeOnCancelledGoods(prev, rel) {
			f.status = bot.StatusCancelled
		}
	}
}

// dueWords say what a deal's goods were to do: "were due to be
// delivered", "was meant to be built".
var dueWords = words("due meant supposed set expected scheduled")

// dueRelativeBefore returns the relative pronoun of "that|which (was|were)
// (due|meant|... )? to be" ending right before the trigger at start: "50
// helicopters that were to be delivered"; -1 when the words before start
// are anything else.
func (a *analysis) dueRelativeBefore(start int) int {
	toks := a.toks
	j := start - 1
	if j >= 0 && toks[j].w == "be" {
		j--
	}
	if j >= 0 && toks[j].w == "to" {
		j--
	}
	if j >= 0 && dueWords[toks[j].w] {
		j--
	}
	if j < 1 || (toks[j].w != "were" && toks[j].w != "was") || toks[j-1].w != "that" && toks[j-1].w != "which" {
		return -1
	}
	return j - 1
}

// relativeOnCancelledGoods reports whether the relative pronoun at rel
// follows the goods of the cancelled frame prev, within 12 tokens of its
// trigger and with no other trigger between.
func (a *analysis) relativeOnCancelledGoods(prev *frame, rel int) bool {
	if rel <= prev.tj || rel-prev.tj > 12 {
		return false
	}
	goods := false
	for t := prev.tj; t < rel; t++ {
		if a.itemAt[t] >= 0 {
			goods = true
		}
		if a.trigAt[t] >= 0 && a.trigAt[t] != prev.t {
			return false
		}
	}
	return goods
}

// rd14rFrames adjusts frame statuses once every frame has its own.
func (a *analysis) rd14rFrames() {
	a.cancelledRelative()
	a.refusedOwnStatus()
}

// A transfer noun before "offer" or "tender" is only offered: "a sale
// offer for three frigates", "an export offer", "a purchase tender".
func init() {
	for _, w := range []string{"offer", "offers", "tender", "tenders"} {
		planHeads[w] = true
	}
}

// markRd14r drops or weakens the triggers of this round's non-transfers.
func (a *analysis) markRd14r() {
	a.markContentShare()
	a.markAssumedThat()
	a.markRefusedOwnTransfer()
	a.markProposer()
	a.markReplaced()
	a.markNoPlans()
}

// shareWords open a share of something: "30 percent of", "a third of".
var shareWords = words("percent per % share proportion half third quarter fifth part")

// contentWords name what a weapon is made of.
var contentWords = words("content contents components component parts workshare value subsystems")

// markContentShare drops a supply verb whose object is a share of a
// weapon's parts: "Britain provides some 30 percent of the Gripen's
// content", "Italy supplies a third of the components of the M-346". The
// supplier makes parts for the weapon's maker; the weapon's buyers get
// nothing from it, and the sentence names no part delivered to anyone.
func (a *analysis) markContentShare() {
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.noun || tr.spec.dir != dirS || tr.drop {
			continue
		}
		if share := a.shareAfterTrigger(tr.tj); share >= 0 && a.shareOfWeaponContent(share) {
			tr.drop = true
		}
	}
}

// shareAfterTrigger returns the share word opening the object of a
// trigger ending at tj ("provides some 30 percent of"), within six tokens
// and before any weapon, actor or comma; -1 when none.
func (a *analysis) shareAfterTrigger(tj int) int {
	toks := a.toks
	for j := tj; j < len(toks) && j < tj+6; j++ {
		if a.shareOfAt(j) {
			return j
		}
		if a.itemAt[j] >= 0 || a.actorAt[j] >= 0 || toks[j].w == "," {
			return -1
		}
	}
	return -1
}

// shareOfAt reports whether a share word at j is followed by "of": "30
// percent of", "a third of", "30 per cent of".
func (a *analysis) shareOfAt(j int) bool {
	toks := a.toks
	if !shareWords[toks[j].w] || j+1 >= len(toks) {
		return false
	}
	return toks[j+1].w == "of" || toks[j].w == "per" && j+2 < len(toks) && toks[j+1].w == "cent" && toks[j+2].w == "of"
}

// shareOfWeaponContent reports whether the share at share is one of a
// weapon's make-up, up to a comma: a content word before any weapon ("a
// third of the components of the M-346"), or a weapon's possessive ("30
// percent of the Gripen's content").
func (a *analysis) shareOfWeaponContent(share int) bool {
	toks := a.toks
	for j := share + 1; j < len(toks) && j < share+10 && toks[j].w != ","; j++ {
		it := a.itemAt[j]
		if it < 0 {
			if contentWords[toks[j].w] {
				return true
			}
			continue
		}
		e := a.items[it].tj
		return e+1 < len(toks) && toks[e].w == "'" && toks[e+1].w == "s"
	}
	return false
}

// serviceTails after the goods say the holder uses them: "in service", "in
// its inventory", "in their arsenals".
func (a *analysis) serviceTail(j int) int {
	toks := a.toks
	if j+1 >= len(toks) || toks[j].w != "in" {
		return 0
	}
	if toks[j+1].w == "service" {
		if j+2 < len(toks) && (toks[j+2].w == "with" || toks[j+2].w == "of" || toks[j+2].w == "in") {
			return 0 // "in service with Peru": another construction (a usage trigger)
		}
		return 2
	}
	if j+2 < len(toks) && (toks[j+1].w == "its" || toks[j+1].w == "their") {
		switch toks[j+2].w {
		case "inventory", "inventories", "arsenal", "arsenals":
			return 3
		}
	}
	return 0
}

// heldInServiceRelations reads "A, B and C have <Demonym> <goods> in
// service": each country of the subject holds goods of the demonym's
// country, a delivery (origin -> holder), also when the goods are arms in
// general ("Russian military equipment") and when the subject list ends in
// an uncounted rest ("Peru, Cuba, and four other Latin American
// countries"). The subject must open the sentence or follow "that"; a
// plan, cancellation, denial or negation before the end of "in service",
// or a hedge, gives nothing.
func (a *analysis) heldInServiceRelations() []relation {
	if a.hedged() {
		return nil
	}
	toks := a.toks
	var out []relation
	for t := 1; t < len(toks); t++ {
		if !holdVerbs[toks[t].w] {
			continue
		}
		owners := a.subjectCountriesBefore(t)
		if len(owners) == 0 {
			continue
		}
		d := t + 1
		for d < len(toks) && holdAdverbs[toks[d].w] {
			d++
		}
		dk := -1
		if d < len(toks) {
			dk = a.actorAt[d]
		}
		if dk < 0 {
			continue
		}
		dm := &a.actors[dk]
		if dm.kind != gazetteer.DemonymMention || dm.drop || dm.poss || len(dm.countries) != 1 || dm.tj >= len(toks) {
			continue
		}
		it := a.itemAt[dm.tj]
		if it < 0 || a.items[it].org || a.combatBefore(a.items[it].ti) {
			continue
		}
		n := a.serviceTail(a.items[it].tj)
		if n == 0 {
			continue
		}
		end := a.items[it].tj + n
		stop := false
		for j := 0; j < end && !stop; j++ {
			switch cv, _ := cues.match(toks, j); cv {
			case cuePlanned, cueCancel, cueDeny, cueNeg:
				stop = true
			}
		}
		if stop {
			continue
		}
		for _, o := range owners {
			if o == dm.countries[0] {
				continue
			}
			out = append(out, itemRelation(&a.items[it], dm.countries[0], o, bot.StatusDelivered, bot.KindSale))
		}
	}
	return out
}

// subjectCountriesBefore returns the countries of the subject list that
// ends right before the verb at t: names joined by commas and "and",
// perhaps closed by ", and N other ... countries", opening the sentence or
// following "that"; nil when the words before t are anything else.
func (a *analysis) subjectCountriesBefore(t int) []string {
	j, ok := a.uncountedRestBefore(t - 1)
	if !ok {
		return nil
	}
	out, j := a.subjectNamesBefore(j)
	if len(out) == 0 || j >= 0 && a.toks[j].w != "that" {
		return nil
	}
	slices.Reverse(out)
	return out
}

// restNouns close an uncounted rest of a subject list: "and six other
// Latin American countries".
var restNouns = words("countries states nations")

// uncountedRestBefore skips an uncounted rest ", and N other ...
// countries" ending at j and returns the token before it (j itself when
// there is none); ok is false when j ends in a rest noun that no "and ...
// other" opens.
func (a *analysis) uncountedRestBefore(j int) (int, bool) {
	toks := a.toks
	if j < 0 || !restNouns[toks[j].w] {
		return j, true
	}
	k := j - 1
	for k >= 0 && k >= j-5 && toks[k].w != "other" {
		k--
	}
	if k < 1 || toks[k].w != "other" {
		return j, false
	}
	k--
	if k >= 0 && a.restCountAt(k) {
		k--
	}
	if k < 0 || toks[k].w != "and" {
		return j, false
	}
	j = k - 1
	if j >= 0 && toks[j].w == "," {
		j--
	}
	return j, true
}

// restCountAt reports whether token k counts an uncounted rest: "six",
// "6", "several", "some".
func (a *analysis) restCountAt(k int) bool {
	w := a.toks[k].w
	return a.toks[k].digit || numberWords[w] > 0 || w == "several" || w == "some"
}

// subjectNamesBefore reads the country names of a subject list ending at
// j, from last to first, joined by commas and "and"; it returns them with
// the token before the list, or nil when a member is no plain name of one
// country.
func (a *analysis) subjectNamesBefore(j int) ([]string, int) {
	var out []string
	for j >= 0 {
		k := a.actorAt[j]
		if k < 0 {
			break
		}
		ac := &a.actors[k]
		if ac.drop || ac.poss || ac.kind != gazetteer.NameMention || len(ac.countries) != 1 {
			return nil, j
		}
		out = append(out, ac.countries[0])
		next, more := a.subjectJoinBefore(ac.ti - 1)
		j = next
		if !more {
			break
		}
	}
	return out, j
}

// subjectJoinBefore skips the joint of a subject list ending at j ("and",
// ", and", or a comma before another actor) and returns the token before
// it with more true; without a joint it returns j and false.
func (a *analysis) subjectJoinBefore(j int) (int, bool) {
	toks := a.toks
	if j >= 0 && toks[j].w == "and" {
		j--
		if j >= 0 && toks[j].w == "," {
			j--
		}
		return j, true
	}
	if j >= 0 && toks[j].w == "," && j > 0 && a.actorAt[j-1] >= 0 {
		return j - 1, true
	}
	return j, false
}

// meetingNouns name an encounter whose other side is no holder of goods.
var meetingNouns = words("conversation conversations meeting meetings talks call calls discussion discussions " +
	"consultations visit visits dialogue interview")

// meetingParty reports whether list l stands in the phrase of a
// meeting's other side, up to its comma: "a conversation with US
// officials", "talks with [US] General Smith and other US officials". A
// country met is not the holder of the weapons the sentence goes on to
// name ("During a conversation with US officials, I was told that
// Colombia cannot maintain Russian-made weapons").
func (a *analysis) meetingParty(l *alist) bool {
	toks := a.toks
	for j := l.ti - 1; j >= 1 && j >= l.ti-12; j-- {
		w := toks[j].w
		if w == "," || w == "." || w == ";" || w == "that" || a.trigAt[j] >= 0 {
			return false
		}
		if w != "with" {
			continue
		}
		p := toks[j-1].w
		return p == "phone" || p == "telephone" || meetingNouns[p]
	}
	return false
}

// cancelledDealDesignated reads a report's cancellation of a deal named by
// its type only ("Poland has scrapped a deal for 50 Airbus helicopters")
// as the cancellation of the one deal of that pair and category the report
// names by designation ("agreed a provisional deal with Airbus for 50
// EC-725 Caracal helicopters"): that order or plan is the deal called off,
// and a cancelled deal that had been ordered is only cancelled. Nothing
// changes when the pair has a delivery of the category, or several
// designated deals of it.
func cancelledDealDesignated(rels []relation) []relation {
	type key struct{ sup, rec, cat string }
	cancelled := map[key]bool{}
	delivered := map[key]bool{}
	open := map[key]int{}
	for _, r := range rels {
		k := key{r.Supplier, r.Recipient, r.Category}
		switch {
		case r.Denied || r.Category == "":
		case r.Status == bot.StatusCancelled && r.System == "":
			cancelled[k] = true
		case r.Status == bot.StatusDelivered:
			delivered[k] = true
		case (r.Status == bot.StatusOrdered || r.Status == bot.StatusPlanned) && r.System != "":
			open[k]++
		}
	}
	for i := range rels {
		r := &rels[i]
		k := key{r.Supplier, r.Recipient, r.Category}
		if r.Denied || r.System == "" || r.Status != bot.StatusOrdered && r.Status != bot.StatusPlanned {
			continue
		}
		if cancelled[k] && !delivered[k] && open[k] == 1 {
			r.Status = bot.StatusCancelled
		}
	}
	return rels
}

// assumeWords followed by "that" report a guess: "media assumed that
// Greece had approved the transfer".
var assumeWords = words("assume assumes assumed assuming presume presumes presumed surmise surmises surmised guessed")

// markAssumedThat drops a transfer that the sentence only reports someone
// assuming: "Earlier media assumed that Chile had sold tanks to Peru" (like
// "speculated that": a guess the text leaves in doubt, not a transfer it
// states). The guess must govern the trigger: "assumed that" up to eight
// words before it, with no comma, semicolon or colon between.
func (a *analysis) markAssumedThat() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		for j := tr.ti - 1; j >= 1 && j >= tr.ti-8; j-- {
			w := toks[j].w
			if w == "," || w == ";" || w == ":" {
				break
			}
			if w == "that" && assumeWords[toks[j-1].w] {
				tr.drop = true
				break
			}
		}
	}
}

// shipPrefixes open a navy ship's name: "HMS Ocean", "BNS Sao Paulo",
// "USS Boxer", "INS Vikrant".
var shipPrefixes = map[string]bool{"HMS": true, "USS": true, "INS": true, "BNS": true, "FS": true, "ARA": true,
	"HMAS": true, "HMCS": true, "HMNZS": true, "KRI": true, "TCG": true, "ROKS": true, "PNS": true, "BAP": true,
	"HNLMS": true, "HDMS": true, "HNoMS": true, "HSwMS": true, "ITS": true, "SPS": true, "NRP": true, "ENS": true,
	"RSS": true, "KD": true, "BRP": true, "HTMS": true, "CNS": true, "JS": true}

// namedShips gives a ship type its name when a navy prefix and a
// capitalised name follow it: "helicopter carrier HMS Ocean" is the
// system "HMS Ocean", not "ships".
func (a *analysis) namedShips() {
	toks := a.toks
	for it := range a.items {
		x := &a.items[it]
		if x.category != "Ships" || x.system != "" || x.tj >= len(toks) {
			continue
		}
		p := x.tj
		if !shipPrefixes[a.text[toks[p].s:toks[p].e]] {
			continue
		}
		e := p + 1
		for e < len(toks) && e < p+4 && toks[e].word && toks[e].upper && a.actorAt[e] < 0 && a.itemAt[e] < 0 {
			e++
		}
		if e == p+1 {
			continue
		}
		x.system = a.text[toks[p].s:toks[e-1].e]
		for j := x.tj; j < e; j++ {
			a.itemAt[j] = it
		}
		x.tj = e
	}
}

// "refused to allow Spain to re-export", "refused to permit Chile to sell":
// like "let", the refusal governs what the country after it would do.
func init() {
	for _, w := range []string{"allow", "allows", "allowed", "allowing", "permit", "permits", "permitted", "permitting"} {
		letWords[w] = true
	}
}

// proposalNouns ask someone else to do something.
var proposalNouns = words("proposal proposals request requests suggestion suggestions plea pleas call calls appeal appeals")

// refusedOwnTransfer finds "S rejected a US proposal to send its
// helicopters to Ukraine": a refusal whose object is another country's
// proposal or request that the subject hand over its own goods. It returns
// the proposer's actor and the trigger, -1 when the sentence has no such
// phrase. The subject owns the goods ("its"), so it is the supplier, and
// the transfer is refused; the proposer supplies nothing.
func (a *analysis) refusedOwnTransfer(k int) int {
	toks := a.toks
	tr := &a.trigs[k]
	if tr.noun || tr.spec.dir != dirS || tr.tj >= len(toks) || toks[tr.tj].w != "its" && toks[tr.tj].w != "their" {
		return -1
	}
	j := tr.ti - 1
	if j < 3 || toks[j].w != "to" || !proposalNouns[toks[j-1].w] {
		return -1
	}
	q := j - 2 // the proposer: "a US proposal", "Chile's request"
	if q >= 2 && toks[q].w == "s" && (toks[q-1].w == "'" || toks[q-1].w == "’") {
		q -= 2
	}
	p := a.actorAt[q]
	if p < 0 || a.actors[p].tj != q+1 {
		return -1
	}
	ac := &a.actors[p]
	r := ac.ti - 1
	if r >= 0 && articles[toks[r].w] {
		r--
	}
	if r < 1 {
		return -1
	}
	if cv, _ := cues.match(toks, r); cv != cueCancel {
		return -1
	}
	// the refusal's subject is a country right before it
	if s := a.actorAt[r-1]; s < 0 || a.actors[s].kind != gazetteer.NameMention && a.actors[s].kind != gazetteer.CapitalMention {
		return -1
	}
	return p
}

// markRefusedOwnTransfer drops the proposer of a refused proposal: it is
// no party of the transfer it proposed another country make.
func (a *analysis) markRefusedOwnTransfer() {
	for k := range a.trigs {
		if p := a.refusedOwnTransfer(k); p >= 0 {
			a.actors[p].drop = true
		}
	}
}

// refusedOwnStatus cancels the transfer of a refused proposal.
func (a *analysis) refusedOwnStatus() {
	for _, f := range a.frames {
		if f.t >= 0 && f.t < len(a.trigs) && a.refusedOwnTransfer(f.t) >= 0 {
			f.status = bot.StatusCancelled
		}
	}
}

// refusedRequestRelations reads "Finland rejected Latvia's request for
// artillery shells", "Spain turned down a request from Morocco for patrol
// boats", "Sweden declined an Estonian request for howitzers": the
// subject refuses to supply the requester the goods asked for, subject ->
// requester, cancelled. The subject must be a country right before the
// refusal verb (past "has"), the request must name its goods with "for",
// and a hedge or a negation before the verb gives nothing.
func (a *analysis) refusedRequestRelations() []relation {
	if a.hedged() {
		return nil
	}
	toks := a.toks
	var out []relation
	for r := 1; r+2 < len(toks); r++ {
		if !requestNouns[toks[r].w] {
			continue
		}
		req, start, after := a.requesterAround(r)
		if req == "" || after+1 >= len(toks) || toks[after].w != "for" {
			continue
		}
		it := a.requestedItem(after + 1)
		if it < 0 {
			continue
		}
		sup := a.refusingSubject(start)
		if sup == "" {
			sup = a.refusingAgent(a.items[it].tj)
		}
		if sup == "" || sup == req {
			continue
		}
		out = append(out, itemRelation(&a.items[it], sup, req, bot.StatusCancelled, bot.KindSale))
	}
	return out
}

// requesterAround returns the country that makes the request at token r
// ("Latvia's request", "a Latvian request", "a request from Latvia"), the
// first token of the request phrase and the token after it.
func (a *analysis) requesterAround(r int) (string, int, int) {
	toks := a.toks
	one := func(k int) string {
		if k < 0 {
			return ""
		}
		ac := &a.actors[k]
		if ac.drop || len(ac.countries) != 1 || ac.kind == gazetteer.ManufacturerMention {
			return ""
		}
		return ac.countries[0]
	}
	// "a request from Latvia for"
	if toks[r+1].w == "from" && r+2 < len(toks) && a.actorAt[r+2] >= 0 {
		k := a.actorAt[r+2]
		start := r
		if start > 0 && articles[toks[start-1].w] {
			start--
		}
		return one(k), start, a.actors[k].tj
	}
	q := r - 1
	if q >= 2 && toks[q].w == "s" && (toks[q-1].w == "'" || toks[q-1].w == "’") {
		q -= 2
	}
	if q < 0 || a.actorAt[q] < 0 {
		return "", 0, 0
	}
	k := a.actorAt[q]
	start := a.actors[k].ti
	if start > 0 && articles[toks[start-1].w] {
		start--
	}
	return one(k), start, r + 1
}

// requestedItem returns the weapon asked for right after "for" at t, past
// determiners, counts and "more", -1 when none.
func (a *analysis) requestedItem(t int) int {
	toks := a.toks
	for j := t; j < len(toks) && j < t+4; j++ {
		if it := a.itemAt[j]; it >= 0 {
			if a.items[it].org {
				return -1
			}
			return it
		}
		if k := a.actorAt[j]; k >= 0 && a.actors[k].kind == gazetteer.DemonymMention {
			continue // "a request for Turkish drones"
		}
		w := toks[j].w
		if !(articles[w] || toks[j].digit || numberWords[w] > 0 || w == "more" || w == "additional" || w == "further" || w == "its" || w == "their") {
			return -1
		}
	}
	return -1
}

// refusingSubject returns the country that refuses with the verb ending
// right before token start: "Finland rejected", "Spain has turned down".
func (a *analysis) refusingSubject(start int) string {
	toks := a.toks
	for v := start - 1; v >= 1 && v >= start-3; v-- {
		cv, n := cues.match(toks, v)
		if n == 0 || v+n != start {
			continue
		}
		if cv != cueCancel && !(cv == cueDeny && (toks[v].w == "denied" || toks[v].w == "denies" || toks[v].w == "deny")) {
			return ""
		}
		s := v - 1
		if s >= 1 && (toks[s].w == "has" || toks[s].w == "have" || toks[s].w == "had") {
			s--
		}
		k := a.actorAt[s]
		if k < 0 {
			return ""
		}
		ac := &a.actors[k]
		if ac.drop || ac.poss || len(ac.countries) != 1 || ac.kind != gazetteer.NameMention && ac.kind != gazetteer.CapitalMention {
			return ""
		}
		return ac.countries[0]
	}
	return ""
}

// rejectedNouns name what a later clause rejects of a planned transfer.
var rejectedNouns = words("proposal proposals offer offers idea suggestion suggestions request requests plan plans overture overtures")

// rejectsProposalAfter reports whether the sentence ends by rejecting the
// plan it reported: "Washington suggested that Peru transfer its
// helicopters to Ukraine, but Peru rejected the proposal", "Russia offered
// Su-35s to Egypt, but Cairo turned down the offer". The rejection follows
// ", but" and names the plan only by a noun ("this proposal", "the offer").
func (a *analysis) rejectsProposalAfter() bool {
	toks := a.toks
	for b := 1; b+3 < len(toks); b++ {
		if toks[b].w != "but" || toks[b-1].w != "," && toks[b-1].w != ";" {
			continue
		}
		for v := b + 1; v < len(toks) && v <= b+6; v++ {
			cv, n := cues.match(toks, v)
			if n == 0 {
				continue
			}
			if cv != cueCancel {
				break
			}
			d := v + n
			if d < len(toks) && (toks[d].w == "this" || toks[d].w == "that" || toks[d].w == "the" || toks[d].w == "these" || toks[d].w == "such") {
				d++
			}
			if d < len(toks) && rejectedNouns[toks[d].w] && (d+1 >= len(toks) || !toks[d+1].word) {
				return true
			}
			break
		}
	}
	return false
}

// rejectedPlans turns the planned relations of a sentence that ends by
// rejecting its plan into cancelled ones.
func rejectedPlans(rels []relation) {
	for i := range rels {
		if rels[i].Status == bot.StatusPlanned && !rels[i].Denied {
			rels[i].Status = bot.StatusCancelled
		}
	}
}

// markProposer drops the proposer of "Washington had suggested that his
// country transfer its weapons to Ukraine" when the clause after "that"
// names its doer by something other than a country ("his country", "the
// government"): the proposer is no party of the transfer it proposed, and
// the doer is left to the context.
func (a *analysis) markProposer() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.noun || tr.drop || tr.spec.dir != dirS {
			continue
		}
		that := -1
		for j := tr.ti - 1; j >= 1 && j >= tr.ti-12; j-- {
			if toks[j].w == ";" || toks[j].w == "." {
				break
			}
			if toks[j].w == "that" && proposalVerbs[toks[j-1].w] {
				that = j
				break
			}
		}
		if that < 0 {
			continue
		}
		named := false
		for j := that + 1; j < tr.ti; j++ {
			if a.actorAt[j] >= 0 {
				named = true
			}
		}
		if named {
			continue
		}
		s := that - 2
		for s >= 0 && (toks[s].w == "had" || toks[s].w == "has" || toks[s].w == "have" || toks[s].w == "also") {
			s--
		}
		if s >= 0 && a.actorAt[s] >= 0 {
			a.actors[a.actorAt[s]].drop = true
		}
	}
}

// permissionFor returns the list named after "permission for" right
// before the frame's "to" ("refused permission for Estonia to re-export
// howitzers", "approval for Poland to send") and the permission noun: the
// country that would make the transfer. -1, -1 when none.
func (a *analysis) permissionFor(f *frame) (int, int) {
	toks := a.toks
	t := f.start - 1
	if t < 3 || toks[t].w != "to" || a.trigs[f.t].noun || f.spec.dir != dirS {
		return -1, -1
	}
	li := a.listAt[t-1]
	if li < 0 || a.lists[li].tj != t || a.lists[li].prep != "for" || a.lists[li].pron != "" {
		return -1, -1
	}
	noun := a.lists[li].ti - 2
	if noun < 0 || toks[noun+1].w != "for" || !permissionNouns[toks[noun].w] {
		return -1, -1
	}
	return li, noun
}

// "Portugal withdrew its offer of used frigates": withdrawing what it
// offered or ordered calls it off ("withdrew from" is already a cue).
func init() {
	cues.add("withdrew its|withdraws its|withdrawn its|withdrawing its|withdraw its|withdrew the|withdraws the|withdrawn the|withdrawing the", cueCancel)
}

// replaceWords take what is retired as their object: "replace its Mirage
// jets with JF-17s".
var replaceWords = words("replace replaces replacing replaced succeed supersede")

// markReplaced keeps the weapons named as what "replace ... with"
// retires out of the goods: "Argentina is seeking to replace its aging
// Mirage jets with Chinese JF-17s" seeks the JF-17s; the Mirages are the
// old fleet, not goods of the deal. A weapon must follow the "with".
func (a *analysis) markReplaced() {
	for it := range a.items {
		x := &a.items[it]
		if x.org || !a.replacedSpan(x.ti) {
			continue
		}
		for j := x.tj; j < len(a.toks) && j <= x.tj+8; j++ {
			if a.toks[j].w == "with" {
				if j+3 < len(a.toks) && (a.itemAt[j+1] >= 0 || a.itemAt[j+2] >= 0 || a.itemAt[j+3] >= 0) {
					x.org = true
				}
				break
			}
		}
	}
}

// replacedSpan reports whether token t stands between a replace word and
// the "with" that names the replacement, with no comma between.
func (a *analysis) replacedSpan(t int) bool {
	toks := a.toks
	r := -1
	for j := t - 1; j >= 0 && j >= t-6; j-- {
		w := toks[j].w
		if w == "," || w == ";" || w == "with" || a.trigAt[j] >= 0 {
			break
		}
		if replaceWords[w] {
			r = j
			break
		}
	}
	if r < 0 {
		return false
	}
	for j := t + 1; j < len(toks) && j <= t+6; j++ {
		if toks[j].w == "," || toks[j].w == ";" {
			return false
		}
		if toks[j].w == "with" {
			return true
		}
	}
	return false
}

// markNoPlans drops a transfer that the sentence says nobody plans: "Brazil
// has no plans to supply weapons to Ukraine", "no intention of selling".
// It is neither a plan nor a stated refusal.
func (a *analysis) markNoPlans() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		j := tr.ti - 1
		if j >= 0 && (toks[j].w == "to" || toks[j].w == "of") {
			j--
		}
		if j >= 1 && (toks[j].w == "plans" || toks[j].w == "plan" || toks[j].w == "intention" || toks[j].w == "intentions") &&
			toks[j-1].w == "no" {
			tr.drop = true
		}
	}
}

// heldVerbs act on weapons a country already has: "decommission its
// French-built submarine", "upgrade its Russian-made helicopters".
var heldVerbs = words("decommission decommissions decommissioning retire retires retiring mothball mothballs " +
	"upgrade upgrades upgrading modernise modernises modernising modernize modernizes modernizing overhaul overhauls overhauling")

// heldBefore reports whether a verb of heldVerbs governs the weapon at t,
// past a possessive and modifiers: a plan to decommission or upgrade a
// weapon is no plan to buy it, and says the country holds it.
func (a *analysis) heldBefore(t int) bool {
	toks := a.toks
	for j := t - 1; j >= 0 && j >= t-6; j-- {
		w := toks[j].w
		if heldVerbs[w] {
			return j+1 < len(toks) && (toks[j+1].w == "its" || toks[j+1].w == "their")
		}
		if w == "," || w == ";" || a.trigAt[j] >= 0 {
			return false
		}
	}
	return false
}

// refusingAgent returns the country named by "by" after a passive refusal
// that follows the requested goods ending at t: "Kenya's request for
// Turkish drones was turned down by Ankara".
func (a *analysis) refusingAgent(t int) string {
	toks := a.toks
	if t+1 >= len(toks) || toks[t].w != "was" && toks[t].w != "were" && toks[t].w != "has" && toks[t].w != "had" {
		return ""
	}
	v := t + 1
	if v < len(toks) && toks[v].w == "been" {
		v++
	}
	cv, n := cues.match(toks, v)
	if n == 0 || cv != cueCancel && !(cv == cueDeny && toks[v].w == "denied") {
		return ""
	}
	b := v + n
	if b+1 >= len(toks) || toks[b].w != "by" || a.actorAt[b+1] < 0 {
		return ""
	}
	ac := &a.actors[a.actorAt[b+1]]
	if ac.drop || ac.poss || len(ac.countries) != 1 || ac.kind != gazetteer.NameMention && ac.kind != gazetteer.CapitalMention {
		return ""
	}
	return ac.countries[0]
}
