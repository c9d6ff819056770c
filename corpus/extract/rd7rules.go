package extract

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
	"github.com/briefbot/briefbot/bot/weapons"
)

// Rules of the rd7 real-text round: constructions met in unseen reporting
// on the Americas, Africa, the Gulf, South Asia and East Asia, each a
// pattern of English with a sentence-level gold line (s2201 on).

// designWords after a hyphenated origin name a design, not a supplier:
// "Soviet-design helicopters", "Soviet-designed tanks" (lexicon.go drops
// the origin as a party through notActorAfterHyphen).
var designWords = words("design designed")

// designedElsewhere reports whether one of the items carries a design
// origin ("older Soviet-design helicopters, which have been handed over to
// Ukraine"). Such goods are not the context's supplier's new weapons: the
// previous sentence's "US-built helicopters" do not make the United States
// their supplier, and the design's country is no supplier either.
func (a *analysis) designedElsewhere(items []int) bool {
	toks := a.toks
	for _, it := range items {
		ti := a.items[it].ti
		for j := ti - 1; j >= 2 && j >= ti-3; j-- {
			if designWords[toks[j].w] && toks[j-1].w == "-" && a.actorAt[j-2] >= 0 {
				return true
			}
		}
	}
	return false
}

// partnerFirmNouns name the firm of a deal partner: "with the Malaysian
// firm DEFTECH".
var partnerFirmNouns = words("firm company group")

// partnerFirmName reports whether token t is part of the name of a deal
// partner's firm, which links a deal to the transfer verb it governs like
// the partner's name itself: "signed a deal with Malaysia's DEFTECH to
// sell armoured vehicles" (the deal is the sale, an order), "a contract
// with the Malaysian firm DEFTECH to supply". The name is one to three
// capitalised words right after the partner's possessive or a firm noun.
func (a *analysis) partnerFirmName(t int) bool {
	toks := a.toks
	j := t
	for j > 0 && toks[j].upper && toks[j].word && !toks[j].digit && t-j < 3 {
		j--
	}
	if j == t || !toks[j+1].upper {
		return false
	}
	if partnerFirmNouns[toks[j].w] {
		return true
	}
	if j < 2 || toks[j].w != "s" || toks[j-1].w != "'" {
		return false
	}
	li := a.listAt[j-2]
	return li >= 0 && (a.lists[li].prep == "with" || a.lists[li].prep == "from")
}

// nounSubjectAfterConj reports whether conjunction clause c opens with a
// transfer noun as its own subject: "Kuwait ordered helicopters, while the
// sale of tanks to Saudi Arabia has been approved by the US" (Kuwait is
// not the seller of the tanks). Such a clause keeps no earlier subject.
func (a *analysis) nounSubjectAfterConj(c *clause) bool {
	toks := a.toks
	j := c.ts
	if j < len(toks) && clauseConj[toks[j].w] {
		j++
	}
	if j+1 >= c.te || !articles[toks[j].w] {
		return false
	}
	tk := a.trigAt[j+1]
	return tk >= 0 && a.trigs[tk].noun
}

// amountWords belong to a sum of money inside a noun phrase: "some
// $1.15bn-worth of equipment", "worth an estimated $20 million".
var amountWords = words("worth some about around estimated million millions billion billions bn m mn")

// amountToken reports whether token j is part of a sum of money.
func (a *analysis) amountToken(j int) bool {
	t := a.toks[j]
	return t.digit || amountWords[t.w] || currencySigns[t.w] || currencyWords[t.w] ||
		(t.w == "." || t.w == "-") && j > 0 && a.toks[j-1].digit
}

// windowAfter returns the end of a look-ahead of n tokens from token s in
// which the tokens of sums of money do not count: "the sale of some
// $1.15bn-worth of land force equipment to Saudi Arabia has been approved"
// reads as far as "the sale of land force equipment to Saudi Arabia has
// been approved".
func (a *analysis) windowAfter(s, n int) int {
	j := s
	for ; j < len(a.toks) && n > 0; j++ {
		if !a.amountToken(j) {
			n--
		}
	}
	return j
}

// subsidiaryCountries gives a maker named with a country right after it
// that country, and drops the country as a mention of its own: the name is
// the maker's local subsidiary, which stands for the country where it
// builds ("six 407 GXi helicopters from Bell Textron Canada":
// Canada supplies, not the United States; "Lockheed Martin UK"). The
// country must follow the maker's name directly, with no comma or "'s"
// between and no possessive after it.
func (a *analysis) subsidiaryCountries() {
	toks := a.toks
	for k := range a.actors {
		ac := &a.actors[k]
		if ac.kind != gazetteer.ManufacturerMention || ac.tj >= len(toks) {
			continue
		}
		n := a.actorAt[ac.tj]
		if n < 0 || n == k {
			continue
		}
		sub := &a.actors[n]
		if sub.kind != gazetteer.NameMention || len(sub.countries) != 1 || !toks[ac.tj].upper || sub.poss ||
			slices.Equal(sub.countries, ac.countries) {
			continue
		}
		ac.countries, ac.homes = sub.countries, nil
		sub.drop = true
	}
}

// suchSystem gives a generic weapon written "such drones", "such
// helicopters" the one system that the previous sentence or else the title
// names with the same word: "Morocco receives first Bayraktar TB2 drones
// from Turkey" ... "The armed forces ordered a total of 13 such drones"
// (13 TB2s); not "such helicopters" after TB2 drones. Two candidate
// systems give none.
func (a *analysis) suchSystem(f *frame, prev *analysis) {
	for _, it := range f.items {
		x := &a.items[it]
		if x.system != "" || x.arms || x.ti == 0 || a.toks[x.ti-1].w != "such" {
			continue
		}
		head := singular(a.toks[x.tj-1].w)
		sys := ""
		if prev != nil {
			sys = prev.oneSystemCalled(head)
		}
		if sys == "" && a.ctx != nil {
			sys = oneTitleSystem(a.ctx.Title, head)
		}
		if sys != "" {
			x.system, x.canon = sys, sys
		}
	}
}

// singular drops a plural "s": "drones" -> "drone".
func singular(w string) string {
	return strings.TrimSuffix(w, "s")
}

// oneSystemCalled returns the one named system among a's items written
// with the word head after it ("Bayraktar TB2 drones" for "drone"), ""
// when there is none or more than one.
func (a *analysis) oneSystemCalled(head string) string {
	sys := ""
	for _, x := range a.items {
		if x.system == "" || x.system == sys || singular(a.toks[x.tj-1].w) != head {
			continue
		}
		if sys != "" {
			return ""
		}
		sys = x.system
	}
	return sys
}

// oneTitleSystem returns the one known system that the title names with
// the word head right after it, "" when there is none or more than one.
func oneTitleSystem(title, head string) string {
	sys := ""
	for _, m := range weapons.Find(title) {
		if m.System == "" || m.System == sys {
			continue
		}
		next := strings.Fields(strings.ToLower(title[m.End:]))
		if len(next) == 0 || singular(strings.Trim(next[0], ",.:;")) != head {
			continue
		}
		if sys != "" {
			return ""
		}
		sys = m.System
	}
	return sys
}

// needWords and completeWords make "needed the licences to complete a
// deal to sell": the deal waits on something, it is not made.
var (
	needWords     = words("need needs needed needing require requires required requiring")
	completeWords = words("complete completing finalise finalize finalising finalizing conclude close seal")
)

// neededToComplete reports whether the frame's transfer is what a need
// waits on, in its clause before the frame: "The Turkish government needed
// the licences to complete a $1.5 billion deal to sell attack helicopters
// to Pakistan" (planned, not ordered), "needs US approval to finalise the
// sale". Not "completed the deal" (done), not "will need to complete the
// delivery" (nothing needed is named: an obligation).
func (a *analysis) neededToComplete(f *frame) bool {
	toks := a.toks
	c := &a.clauses[f.clause]
	for j, n := f.start-1, 0; j > c.ts && n < 4; j-- {
		if a.amountToken(j) {
			continue
		}
		n++
		if !completeWords[toks[j].w] || toks[j-1].w != "to" {
			continue
		}
		// "needed the licences to complete": something needed stands
		// between; "will need to complete the delivery" is an obligation.
		for k := j - 3; k >= c.ts && k >= j-8; k-- {
			if needWords[toks[k].w] {
				return true
			}
		}
	}
	return false
}

// deniedHaltOfTrade reports whether frame f is a country's arms trade in
// general whose halt is denied: "denied reports that it had suspended arms
// sales to India and Pakistan". The denial says no halt happened; it does
// not say that any sale was made, so the frame gives nothing. A denied
// cancellation of a named order still leaves the order ("rejected reports
// that it had cancelled its Su-35 order": cancelDenied).
func (a *analysis) deniedHaltOfTrade(f *frame) bool {
	tr := &a.trigs[f.t]
	general := strings.HasSuffix(a.toks[tr.tj-1].w, "s") || tr.tj < len(a.toks) && a.toks[tr.tj].w == "of" // "sales", "sale of weapons"
	if !tr.noun || !general || !a.cancelDenied(f) {
		return false
	}
	for _, it := range a.frameItems(f) {
		if !a.items[it].arms {
			return false
		}
	}
	return true
}

// revokedPermit reports whether frame f is an export licence for a named
// recipient that was cancelled, revoked or suspended: "36 export licences
// for Egypt had been cancelled". Its issuer may come from the context like
// a weapon's supplier ("UK revokes over 150 arms licences for Arab
// states"); a licence merely granted or applied for does not.
func (a *analysis) revokedPermit(f *frame) bool {
	return f.spec.sp == spExportPerm && f.status == bot.StatusCancelled && !f.denied && len(f.rrecs) > 0 && len(f.rsups) == 0
}

// dealIncludes reports whether the sentence opens "The purchase includes",
// "The deal includes": a transfer noun with no country of its own before
// "includes", which names the previous sentence's transfer like "It
// includes" ("... approved the sale of defence equipment to Qatar. The
// purchase includes 50 Javelin missiles"). Every kept frame is that noun.
func (a *analysis) dealIncludes() bool {
	inc := a.includes()
	if inc < 0 || len(a.res.kept) == 0 {
		return false
	}
	for t := 0; t < inc; t++ {
		if a.actorAt[t] >= 0 {
			return false
		}
	}
	for _, f := range a.res.kept {
		if tr := &a.trigs[f.t]; !tr.noun || tr.tj > inc || len(f.rsups) > 0 || len(f.rrecs) > 0 {
			return false
		}
	}
	return true
}

// prevRecipientsFor returns the recipients of other suppliers' transfers in
// the previous sentence that may receive frame f (bestPrev's about): the
// report's countries, or none when a pronoun buys. "Officially, Prague does
// not comment on arms deliveries to Ukraine. It announced that it would
// buy 12 new US-built helicopters": "it" is the one who spoke before, not
// the receiver of its deliveries, so the report's subject is taken.
func (a *analysis) prevRecipientsFor(f *frame) map[string]bool {
	if a.pronounBuyer(f) {
		return map[string]bool{}
	}
	return a.aboutSet()
}

// pronounReferent returns the country a buying pronoun points to: the one
// country that is the subject of the previous sentence's first clause
// ("Officially, Poland does not comment on arms deliveries to Ukraine. It
// announced that it would buy 12 new US-built helicopters": Poland buys);
// "" when the frame's buyer is no pronoun or that subject is no country.
func (a *analysis) pronounReferent(f *frame, prev *analysis) string {
	if prev == nil || !a.pronounBuyer(f) {
		return ""
	}
	for ci := range prev.clauses {
		c := &prev.clauses[ci]
		if c.kind != cMain || c.subj < 0 {
			continue
		}
		l := &prev.lists[c.subj]
		if l.pron != "" || len(l.members) != 1 {
			return ""
		}
		ac := &prev.actors[l.members[0]]
		if ac.drop || ac.poss || ac.made || len(ac.countries) != 1 {
			return ""
		}
		return ac.countries[0]
	}
	return ""
}

// includesOnly reports whether the sentence only lists what the previous
// sentence's transfer includes: "It includes ...", or "The purchase
// includes ..." (dealIncludes) with no transfer of its own.
func (a *analysis) includesOnly() bool {
	return a.includes() >= 0 && (len(a.res.kept) == 0 || a.dealIncludes())
}
