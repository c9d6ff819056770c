package extract

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Version names the extraction rules. Change it whenever they change, so
// indexes re-extract the relations of reports they already hold (see
// index.Options.RelationsVersion).
const Version = "2026-12-03.94"

// Context is what the extractor knows about a sentence's report. The zero
// value means no context: relations need both sides in the sentence and
// relative dates ("last year") are not resolved.
type Context struct {
	Title     string
	Published time.Time // resolves "last year", "this year"; zero: unresolved
	About     []string  // canonical country names the report is about (most mentioned), may be empty
	Previous  string    // the sentence before, may be empty
}

// Extractor reads supply relations from sentences. It is immutable after New
// and safe for concurrent use.
type Extractor struct {
	gaz   *gazetteer.Gazetteer
	names map[string]string // ISO code -> canonical name
}

// New returns an Extractor that recognises countries with gazetteer.Default.
func New() *Extractor {
	g := gazetteer.Default()
	e := &Extractor{gaz: g, names: map[string]string{}}
	for _, c := range g.Countries() {
		e.names[c.Code] = c.Name
	}
	return e
}

// name returns the canonical name of an ISO code, "" if unknown.
func (e *Extractor) name(code string) string {
	return e.names[code]
}

// Sentence returns the supply relations stated by one sentence, in the order
// they appear. A side the sentence leaves out is taken from c (the previous
// sentence first, then the title, then About) and marked Inferred, but only
// when the sentence clearly states a transfer; a sentence about "it" after
// one that opens with a weapon takes the weapon's maker as supplier. Evidence.Sentence is text and
// spans all of it; ReportID is empty. Sentence never panics and takes time
// roughly linear in len(text).
func (e *Extractor) Sentence(text string, c Context) []bot.Relation {
	var topic *weaponTopic
	if strings.TrimSpace(c.Previous) != "" {
		// "The VT-4 is built by NORINCO for export." before "It has been
		// exported to Thailand."
		pc := Context{Published: c.Published}
		topic = newAnalysis(e, c.Previous, &pc).subjectWeapon(e.countrySet(c.Title + "\n" + c.Previous + "\n" + text))
	}
	rels, a := e.sentence(text, &c, nil, false, topic)
	rels = addNew(rels, a.topicRelations(topic))
	rels = a.dropNegated(text, rels)
	out := make([]bot.Relation, 0, len(rels))
	for _, r := range rels {
		r.Evidence = bot.Evidence{Sentence: text, Start: 0, End: len(text)}
		out = append(out, r.Relation)
	}
	return out
}

// Report returns the relations of every sentence of r.Body, split with
// bot.SplitSentences. Each sentence's Context is r.Title, r.Published, the
// countries the report mentions most and the sentence before it. Evidence
// holds r.ID, the sentence and its byte offsets in r.Body. A side taken
// from the context is kept only when the report as a whole agrees (see
// checkInferred).
func (e *Extractor) Report(r bot.Report) []bot.Relation {
	rels, _, _ := e.ReportWithin(context.Background(), r, 0, 0)
	return rels
}

// ReportWithin is Report within limits, so that no report costs more than
// a budget: a sentence longer than maxSentence bytes is not read (long
// counts them; such a run of text is no sentence a person wrote, and its
// relations would each carry all of it as evidence), and reading stops
// before the sentence that would bring the relations past maxRelations, or
// when ctx is done. readTo is the offset in r.Body where reading stopped,
// len(r.Body) when every sentence was read. A limit of 0 means none.
func (e *Extractor) ReportWithin(ctx context.Context, r bot.Report, maxSentence, maxRelations int) (rels []bot.Relation, long, readTo int) {
	about := e.about(r.Body)
	subject := e.subject(r.Title, about)
	var all []relation
	var deniers []string       // countries the report shows denying claims of their supply
	var cancelDenials []string // "supplier>recipient" pairs whose cancellation the report denies
	finish := func(readTo int) ([]bot.Relation, int, int) {
		all = dropDeniedCancels(all, cancelDenials)
		named := append(e.countriesIn(r.Title), about...)
		return checkInferred(cancelledDealDesignated(foldVague(keepAgreeing(e.dropDeniedClaims(willPlans(all, r.Body), deniers), named, subject))), named, subject), long, readTo
	}
	prevStart := 0 // where the previous sentence's relations start in all
	var prev *analysis
	var topic *weaponTopic // the weapon the last sentences are about
	inReport := e.countrySet(r.Title + "\n" + r.Body)
	prevText := ""
	for _, sp := range bot.SplitSentences(r.Body) {
		if ctx.Err() != nil {
			return finish(sp.Start)
		}
		text := r.Body[sp.Start:sp.End]
		if maxSentence > 0 && len(text) > maxSentence {
			long++
			prev, prevText, prevStart, topic = nil, "", len(all), nil
			continue
		}
		c := Context{Title: r.Title, Published: r.Published, About: about, Previous: prevText}
		found, a := e.sentence(text, &c, prev, true, topic)
		found = addNew(found, a.topicRelations(topic))
		topic = a.nextTopic(topic, inReport)
		found = addNew(found, a.registerRelations(subject))
		found = addNew(found, a.anaphoricRegisterRelations(prev, subject))
		found = addNew(found, a.sharedCountRelations(subject))
		found = addNew(found, a.parentheticalRelations(subject))
		found = addNew(found, a.listedSupplierRelations(subject))
		found = addNew(found, a.colonListRelations())
		found = addNew(found, a.fromMakerRelations(subject, found))
		found = addNew(found, a.gappedRelations(found))
		found = addNew(found, a.componentRelations(found))
		found = addNew(found, a.recordedDealRelations(subject))
		found = a.markRest(a.openOrdersOnly(found))
		if !hasStated(found) {
			// A maker's weapon named with no verb, only where no verb
			// states a transfer to someone else.
			found = addNew(found, a.madeItemRelations(subject))
		}
		if a.followUpDelivery() {
			found = keepStated(found)
			// "Kazakhstan ordered two A400M from Spain. One had been
			// delivered, in 2024": the previous sentence's order arrived.
			for i := prevStart; i < len(all); i++ {
				if all[i].Status == bot.StatusOrdered && !all[i].Denied {
					all[i].Status = bot.StatusDelivered
					all[i].Years = sortUnique(append(all[i].Years, a.yearsIn(0, len(a.toks))...))
				}
			}
		}
		if h := a.suchHolder(); h != "" {
			heldSince(all[prevStart:], h) // "Georgia has bought Hermes drones. ... Georgia had 40 such drones."
		}
		found = a.dropNegated(text, found)
		deniers = append(deniers, a.claimDeniers(found)...)
		cancelDenials = append(cancelDenials, a.cancelDeniedPairs(found)...)
		if maxRelations > 0 && len(all)+len(found) > maxRelations {
			return finish(sp.Start)
		}
		prevStart = len(all)
		for _, rel := range found {
			rel.Evidence = bot.Evidence{ReportID: r.ID, Sentence: text, Start: sp.Start, End: sp.End}
			all = append(all, rel)
		}
		prev, prevText = a, text
	}
	return finish(len(r.Body))
}

// subject returns the countries a report is about, for a side taken from
// context. From its title, best first: the countries a preposition or verb
// of supply governs ("for Kazakhstan", "to Central Asia", "Who arms
// Kazakhstan"), then a possessive that opens the title or owns the imports
// ("Kazakhstan's Russian helicopters", "in Turkmenistan's arms imports"),
// then every country and region it names by name (a demonym in a title
// mostly names an origin). Without any, the countries mentioned most.
func (e *Extractor) subject(title string, about []string) []string {
	var governed, owners, named []string
	if roundupTitle(title) {
		title = "" // a roundup's title names each item's subject, not the report's
	}
	ms := e.gaz.Find(title)
	for i, m := range ms {
		if m.Kind == gazetteer.DemonymMention || len(m.Codes) == 0 || organisations[m.Group] {
			continue
		}
		codes := m.Codes
		if m.Kind != gazetteer.GroupMention {
			codes = codes[:1] // a maker's first home
		}
		var names []string
		for _, c := range codes {
			if n := e.name(c); n != "" {
				names = append(names, n)
			}
		}
		before := strings.Fields(strings.ToLower(title[:m.Start]))
		after := strings.ToLower(strings.TrimLeft(title[m.End:], " "))
		poss := strings.HasPrefix(after, "'s ") || strings.HasPrefix(after, "’s ")
		switch {
		case len(before) > 1 && before[len(before)-1] == "to" && turnVerbs[before[len(before)-2]]:
			// "Kyrgyzstan turns to Turkey": Turkey is the source; the
			// country that turns, named first, is the subject.
			if i > 0 {
				owners = append(owners, named...)
				named = nil
			}
		case len(before) > 0 && supplyWords[before[len(before)-1]]:
			governed = append(governed, names...)
		case len(before) > 0 && before[len(before)-1] == "from" && len(named) > 0:
			// "Morocco receives first TB2 drones from Turkey": the source
			// is not what the report is about.
		case poss && (i == 0 || strings.Contains(after, "imports") || strings.Contains(after, "suppliers")):
			owners = append(owners, names...)
		default:
			named = append(named, names...)
		}
	}
	for _, tier := range [][]string{governed, owners, named} {
		if len(tier) > 0 {
			return tier
		}
	}
	return about
}

// supplyWords govern a recipient in a title: "for Kazakhstan", "Who arms
// Kazakhstan".
var supplyWords = words("for to arms supplies equips reach reaches")

// turnVerbs before "to" in a title name a source, not a recipient: "Kyrgyzstan
// turns to Turkey for drones".
var turnVerbs = words("turns turned turning turn looks looked looking pivots pivoted shifts shifted switches switched moves moved")

// hasStated reports whether some relation was read from the sentence alone.
func hasStated(rels []relation) bool {
	for _, r := range rels {
		if !r.Inferred {
			return true
		}
	}
	return false
}

// keepStated drops the relations completed from context.
func keepStated(rels []relation) []relation {
	out := rels[:0]
	for _, r := range rels {
		if !r.Inferred {
			out = append(out, r)
		}
	}
	return out
}

// addNew appends the relations of more whose (supplier, recipient,
// system) rels does not hold yet. A side that more states and rels took
// from the context counts as stated ("The United States has an open
// order: ... Uzbekistan ordered six PC-12": the summary names the
// supplier the order's own clause leaves out).
func addNew(rels, more []relation) []relation {
	for _, m := range more {
		dup := false
		for i := range rels {
			r := &rels[i]
			if r.Supplier == m.Supplier && r.Recipient == m.Recipient && systemKey(r.System) == systemKey(m.System) {
				r.mergeInferred(m)
				dup = true
				break
			}
		}
		if !dup {
			rels = append(rels, m)
		}
	}
	return rels
}

// countriesIn returns the countries text names, groups left out.
func (e *Extractor) countriesIn(text string) []string {
	var out []string
	for _, m := range e.gaz.Find(text) {
		if m.Kind != gazetteer.GroupMention && len(m.Codes) > 0 {
			if n := e.name(m.Codes[0]); n != "" {
				out = append(out, n)
			}
		}
	}
	return out
}

// about returns the countries a text mentions most: those with the highest
// count, at most three, in order of first mention.
func (e *Extractor) about(body string) []string {
	counts := map[string]int{}
	first := map[string]int{}
	for i, m := range e.gaz.Find(body) {
		if m.Kind == gazetteer.GroupMention || len(m.Codes) == 0 {
			continue
		}
		n := e.name(m.Codes[0])
		if n == "" {
			continue
		}
		if _, ok := first[n]; !ok {
			first[n] = i
		}
		counts[n]++
	}
	best := 0
	for _, c := range counts {
		best = max(best, c)
	}
	var out []string
	for n, c := range counts {
		if c == best {
			out = append(out, n)
		}
	}
	sort.Slice(out, func(i, j int) bool { return first[out[i]] < first[out[j]] })
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// sentence analyses text and returns its relations and the analysis, which
// the next sentence of a report may use as its context. prev is the
// analysis of c.Previous when known.
func (e *Extractor) sentence(text string, c *Context, prev *analysis, havePrev bool, topic *weaponTopic) ([]relation, *analysis) {
	a := newAnalysis(e, text, c)
	a.weapon = topic
	rels := a.resolve()
	rels = append(rels, a.relianceRelations()...)
	rels = append(rels, a.asSupplierRelations()...)
	rels = append(rels, a.awardedRelations()...)
	rels = append(rels, a.paidRelations()...)
	rels = append(rels, a.displayedRelations()...)
	rels = append(rels, a.customerRelations()...)
	rels = append(rels, a.includeListRelations()...)
	rels = append(rels, a.frontedLicenceRelations()...)
	rels = append(rels, a.frontedAidRelations()...)
	rels = append(rels, a.frontedPartnerRelations()...)
	rels = append(rels, a.localBuildRelations()...)
	rels = append(rels, a.beingBuiltRelations()...)
	rels = append(rels, a.holderRelations()...)
	rels = append(rels, a.possessedForeignRelations(rels)...)
	rels = append(rels, a.blockedMakerRelations(rels)...)
	rels = append(rels, a.blockedSellerRelations(rels)...)
	rels = append(rels, a.ownedComeFromRelations()...)
	rels = append(rels, a.heldForeignRelations()...)
	rels = append(rels, a.heldInServiceRelations()...)
	rels = append(rels, a.refusedRequestRelations()...)
	rels = append(rels, a.usedBySupplied()...)
	rels = append(rels, a.underLicenceRelations()...)
	rels = append(rels, a.deniedCustomerRelations()...)
	rels = append(rels, a.barredExportRelations()...)
	rels = append(rels, a.jointProductionBetween()...)
	rels = append(rels, a.plantRelations()...)
	rels = a.partHostDropped(a.fittedParts(rels)) // "corvettes built in Turkey use Thales radars": France -> Turkey (pmaker)
	if a.needsContext() && c != nil {
		if prev == nil && !havePrev && strings.TrimSpace(c.Previous) != "" {
			pc := Context{Published: c.Published}
			prev = newAnalysis(e, c.Previous, &pc)
			prev.resolve()
		}
		rels = append(rels, a.infer(prev)...)
	}
	a.handedOnPurchase(rels, prev) // "These were handed over by India. India purchased these helicopters from Belarus"
	if a.res.dealCancelled {
		cancelStages(rels, a.res.cancelYears)
	}
	if a.rejectsProposalAfter() {
		rejectedPlans(rels) // "..., but Peru rejected the proposal" (rd14r)
	}
	a.respectivelyRuns(rels)
	rels = a.pairGoods(rels)
	a.partyCancelled(rels)
	if c != nil {
		deliveriesToCome(rels, c.Published)
	}
	rels = a.pnegFilter(rels) // questions, unverified claims, counterfactuals (pneg)
	rels = a.dropAbsences(rels)
	return merge(a.openOrdersOnly(rels)), a
}

// deliveriesToCome reads a delivery whose every year is after the year the
// report was published as still to come, an order: a text cannot report
// as done what has not happened yet ("expects to take the jets in 2026",
// read in 2024). Whatever phrasing misled the reading, the claim the
// answer makes is then never a delivery that the report could not know of.
func deliveriesToCome(rels []relation, published time.Time) {
	if published.IsZero() {
		return
	}
	for i := range rels {
		r := &rels[i]
		if r.Status != bot.StatusDelivered || len(r.Years) == 0 {
			continue
		}
		future := true
		for _, y := range r.Years {
			future = future && y > published.Year()
		}
		if future {
			r.Status = bot.StatusOrdered
		}
	}
}

// negativeWords negate by quantifier: "No other country is recorded as
// supplying ...", "the export contains no American drones".
var negativeWords = words("no none neither nor never")

// negates reports whether the part of text the extractor reads (maxBytes)
// has a negative quantifier as a word; "No." (number) does not count.
func negates(text string) bool {
	if len(text) > maxBytes {
		text = text[:maxBytes]
	}
	start := -1
	var buf [8]byte
	for i := 0; i <= len(text); i++ {
		letter := i < len(text) && (text[i]|0x20 >= 'a' && text[i]|0x20 <= 'z')
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			if i-start <= 7 && negativeWords[string(lowerASCII(&buf, text[start:i]))] && !(i < len(text) && text[i] == '.' && strings.EqualFold(text[start:i], "no")) &&
				!noLonger(text, start, i) {
				return true
			}
			start = -1
		}
	}
	return false
}

// lowerASCII writes the ASCII letters of w (at most 8) lower-cased into
// buf and returns them: a map key looked up without allocating.
func lowerASCII(buf *[8]byte, w string) []byte {
	n := copy(buf[:], w)
	for i := 0; i < n; i++ {
		buf[i] |= 0x20
	}
	return buf[:n]
}

// dropNegated drops the deliveries read from a sentence that negates with
// a quantifier: such a sentence mostly says what did not happen, and a
// delivery read out of it would present an absence as supply. Orders,
// plans and denials stay ("ordered in 2021, with no number given").
// Precision over recall: "drones but no missiles" loses its drones too.
// A sentence split by semicolons is read part by part: "... delivered in
// 2022 and 2023; SIPRI records no deliveries of the licence deal" keeps
// the delivery of its first part.
func (a *analysis) dropNegated(text string, rels []relation) []relation {
	if len(rels) == 0 || !negates(text) {
		return rels
	}
	kept := rels[:0]
	for _, r := range rels {
		if r.Denied || r.Status != bot.StatusDelivered || !a.negatedPart(text, r.pos) {
			kept = append(kept, r)
		}
	}
	return kept
}

// negatedPart reports whether the semicolon-delimited part of the
// sentence that holds token pos negates with a quantifier (see negates);
// the whole sentence when pos is not a token of it.
func (a *analysis) negatedPart(text string, pos int) bool {
	if a == nil || pos < 0 || pos >= len(a.toks) {
		return true
	}
	s, e := a.semicolonPart(pos)
	if a.toks[e-1].e > len(text) {
		return true
	}
	return negates(text[a.toks[s].s:a.toks[e-1].e])
}
