package bot

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/bot/weapons"
)

// How a relation was read, as answers report it (RelationLine.Read).
const (
	ReadStated   = "stated"   // both sides named in the cited sentence
	ReadContext  = "context"  // one side completed from the report's context
	ReadRegister = "register" // a row of a trade register (SIPRI)
)

// line is one deal: a supplier's transfers of one system (or, when no
// system is named, one category) to one recipient, however many sentences
// and reports state it. Deliveries and orders of the same system are one
// line at the furthest stage reached; talks, cancellations and denials are
// lines of their own, so a rumour never becomes a delivery.
type line struct {
	key                 string // systemKey of its relations
	supplier, recipient string
	system, category    string
	status              Status
	kind                Kind
	denied              bool
	years               []int
	stageYears          map[Status][]int // a supply line's years by stage reached (ordered, delivered)
	stageCites          map[Status][]int // its citations by the stage their sentence states
	hits                []RelationHit    // every relation folded into the line
	cites               []int            // citation numbers, once rendered
	reports             map[string]bool
	latest              string // most recent published date of its evidence
	fromSIPRI, fromNews bool   // which kinds of source state it
	note                string // "not in the SIPRI register", "no news coverage in the corpus"
	// How its evidence was read: stated in a sentence, a register row, or
	// only completed from context; corroborated when other evidence in the
	// index states the same pair.
	stated, register, corroborated bool
}

// supply reports whether the line is a delivery or an order.
func (l *line) supply() bool {
	return !l.denied && (l.status == StatusDelivered || l.status == StatusOrdered)
}

// read says how the line's evidence was read: stated when any sentence
// states both sides, else register, else context.
func (l *line) read() string {
	switch {
	case l.stated:
		return ReadStated
	case l.register:
		return ReadRegister
	}
	return ReadContext
}

// certain reports whether the line may be asserted: stated, a register row,
// or read from context and confirmed by other evidence of the same pair.
func (l *line) certain() bool {
	return l.stated || l.register || l.corroborated
}

// readOf says how one relation was read.
func readOf(h RelationHit) string {
	switch {
	case h.Report.Type() == SourceSIPRI || h.TIV > 0:
		return ReadRegister
	case h.Inferred:
		return ReadContext
	}
	return ReadStated
}

// add folds one more relation into the line: its years, its stage (the
// furthest reached) and its evidence.
func (l *line) add(h RelationHit) {
	if l.category == "" {
		l.category = h.Category
	}
	if statusRank[h.Status] > statusRank[l.status] && l.supply() {
		l.status = h.Status
	}
	if l.kind == "" {
		l.kind = h.Kind
	}
	l.years = addYears(l.years, h.Years)
	if l.supply() {
		if l.stageYears == nil {
			l.stageYears = map[Status][]int{}
		}
		l.stageYears[h.Status] = addYears(l.stageYears[h.Status], h.Years)
	}
	l.addEvidence(h)
}

// addYears adds the years not in have yet.
func addYears(have, years []int) []int {
	for _, y := range years {
		if !slices.Contains(have, y) {
			have = append(have, y)
		}
	}
	return have
}

// stages returns a supply line's stages with their years, ordered then
// delivered, when its sentences state more than one; nil otherwise.
func (l *line) stages() []Stage {
	if len(l.stageYears) < 2 {
		return nil
	}
	var out []Stage
	for _, st := range []Status{StatusOrdered, StatusDelivered} {
		if years, ok := l.stageYears[st]; ok {
			slices.Sort(years)
			cites := l.stageCites[st]
			if cites == nil {
				cites = []int{}
			}
			if years == nil {
				years = []int{}
			}
			out = append(out, Stage{Status: string(st), Years: years, Citations: cites})
		}
	}
	return out
}

// addEvidence records a relation as evidence of the line without touching
// its years or stage (a generic line folded into a specific one).
func (l *line) addEvidence(h RelationHit) {
	switch readOf(h) {
	case ReadStated:
		l.stated = true
	case ReadRegister:
		l.register = true
	}
	if h.Report.Type() == SourceSIPRI {
		l.fromSIPRI = true
	} else {
		l.fromNews = true
	}
	l.reports[h.Evidence.ReportID] = true
	if pub := h.Report.PublishedString(); pub > l.latest {
		l.latest = pub
	}
	l.hits = append(l.hits, h)
}

// evidence picks the relations a line cites: sentences that state the
// deal before those read from context, one per report first, at most
// maxCitationsPerLine.
func (l *line) evidence() []RelationHit {
	order := slices.Clone(l.hits)
	sort.SliceStable(order, func(i, j int) bool {
		return readOf(order[i]) != ReadContext && readOf(order[j]) == ReadContext
	})
	var out []RelationHit
	seen := map[string]bool{}
	for pass := 0; pass < 2 && len(out) < maxCitationsPerLine; pass++ {
		for _, h := range order {
			key := h.Evidence.ReportID + "#" + strconv.Itoa(h.Evidence.Start)
			if len(out) == maxCitationsPerLine || seen[key] || (pass == 0 && seen[h.Evidence.ReportID]) {
				continue
			}
			seen[key], seen[h.Evidence.ReportID] = true, true
			out = append(out, h)
		}
	}
	return out
}

type party struct {
	name          string
	supply, other []*line
	reports       map[string]bool
	latest        string
	deals         int     // matching relations in the whole index (or among those loaded)
	tiv           float64 // SIPRI TIV delivered, summed over loaded relations
}

// certainSupply returns the party's deliveries and orders that may be
// asserted (certain) or those that may not.
func (p *party) certainSupply(certain bool) []*line {
	var out []*line
	for _, l := range p.supply {
		if l.certain() == certain {
			out = append(out, l)
		}
	}
	return out
}

type composer struct {
	// withRecipient and withSupplier say whether a line must name that
	// side because the answer spans several countries on it.
	withRecipient, withSupplier bool
	question                    string
	citations                   []Citation
	citeIndex                   map[string]int // report#start -> n
}

func newComposer(q string) *composer {
	return &composer{question: q, citeIndex: map[string]int{}}
}

// cite returns the citation number for a relation's evidence sentence.
func (c *composer) cite(h RelationHit) int {
	key := h.Evidence.ReportID + "#" + strconv.Itoa(h.Evidence.Start) + "#" + h.Evidence.Sentence
	if n, ok := c.citeIndex[key]; ok {
		return n
	}
	n := len(c.citations) + 1
	c.citeIndex[key] = n
	title := h.Report.Title
	if h.Evidence.Title != "" {
		title = h.Evidence.Title
	}
	c.citations = append(c.citations, Citation{N: n, ReportID: h.Evidence.ReportID, Title: title,
		Source: h.Report.Source, URL: h.Report.URL, Published: h.Report.PublishedString(), Quote: h.Evidence.Sentence})
	return n
}

// dealKey identifies the line a relation belongs to: the pair, what is
// transferred, whether it is supply (one line at the furthest stage) or
// talks, a cancellation or a denial, and its kind (a licence to build a
// system is another deal than a sale of it).
func dealKey(h RelationHit) string {
	class := "supply"
	if h.Denied || (h.Status != StatusDelivered && h.Status != StatusOrdered) {
		class = string(h.Status) + "|" + strconv.FormatBool(h.Denied)
	}
	kind := h.Kind
	if kind == "" {
		kind = KindSale
	}
	return strings.Join([]string{h.Supplier, h.Recipient, systemKey(h.Relation), class, string(kind)}, "|")
}

// group sorts relations into counterparties and deal lines, one line per
// deal; generic lines that duplicate a specific one are folded into it.
// Parties are ranked later, once it is known which lines are certain.
func (c *composer) group(hits []RelationHit, u Understanding, counts map[string]int) []*party {
	parties := map[string]*party{}
	lines := map[string]*line{}
	var order []*party
	for _, h := range hits {
		name := counterparty(h.Relation, u)
		p := parties[name]
		if p == nil {
			p = &party{name: name, reports: map[string]bool{}}
			parties[name] = p
			order = append(order, p)
		}
		key := dealKey(h)
		l := lines[key]
		if l == nil {
			l = &line{key: systemKey(h.Relation), supplier: h.Supplier, recipient: h.Recipient, system: systemName(h.System), category: h.Category,
				status: h.Status, kind: h.Kind, denied: h.Denied, reports: map[string]bool{}}
			lines[key] = l
			if l.supply() {
				p.supply = append(p.supply, l)
			} else {
				p.other = append(p.other, l)
			}
		}
		l.add(h)
		p.deals++
		if h.Status == StatusDelivered {
			p.tiv += h.TIV
		}
		p.reports[h.Evidence.ReportID] = true
		if pub := h.Report.PublishedString(); pub > p.latest {
			p.latest = pub
		}
	}
	all := make([]*line, 0, len(lines))
	for _, p := range order {
		p.supply = foldGeneric(p.supply)
		p.other = foldGeneric(p.other)
		p.supply = foldCancelledOrders(p.supply, p.other)
		for _, l := range append(p.supply, p.other...) {
			slices.Sort(l.years)
		}
		sort.SliceStable(p.supply, func(i, j int) bool { return lineRank(p.supply[i]) > lineRank(p.supply[j]) })
		all = append(all, p.supply...)
		all = append(all, p.other...)
		if n, ok := counts[p.name]; ok {
			p.deals = n // counted over every match, not only those loaded
		}
	}
	noteCoverage(all)
	return order
}

// foldCancelledOrders folds an order (nothing delivered) into the
// cancellation of the same deal reported no earlier: a deal ordered and
// then cancelled is no supply ("Egypt had ordered Su-35s but refused
// them"). It returns the supply lines left.
func foldCancelledOrders(supply, other []*line) []*line {
	out := supply[:0]
	for _, l := range supply {
		i := slices.IndexFunc(other, func(c *line) bool {
			return l.status == StatusOrdered && c.status == StatusCancelled && !c.denied && c.supplier == l.supplier &&
				c.recipient == l.recipient && c.key == l.key && c.latest >= l.latest
		})
		if i < 0 {
			out = append(out, l)
			continue
		}
		for _, h := range l.hits {
			other[i].addEvidence(h)
		}
	}
	return out
}

// rankParties orders counterparties: those with certain supply first, then
// by volume (when asked) or by certain deals, then by matching records,
// reports and recency.
func rankParties(order []*party, byVolume bool) {
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		ca, cb := len(a.certainSupply(true)), len(b.certainSupply(true))
		switch {
		case (ca > 0) != (cb > 0):
			return ca > 0
		case (len(a.supply) > 0) != (len(b.supply) > 0):
			return len(a.supply) > 0
		case byVolume && a.tiv != b.tiv:
			return a.tiv > b.tiv
		case ca != cb:
			return ca > cb
		case a.deals != b.deals:
			return a.deals > b.deals
		case len(a.reports) != len(b.reports):
			return len(a.reports) > len(b.reports)
		}
		return a.latest > b.latest
	})
}

// isGeneric reports whether a system names only a kind of weapon ("",
// "aircraft", "drones", "armoured vehicles"), not a designation.
func isGeneric(system string) bool {
	if system == "" {
		return true
	}
	if _, ok := weapons.LookupSystem(system); ok {
		return false
	}
	_, ok := weapons.CategoryOf(system)
	return ok
}

// foldGeneric folds each generic line (no designation) into a specific line
// of the same pair, stage class and category that it duplicates: the
// generic sentence becomes more evidence of the specific deal. Its years
// are not carried over, since a generic sentence may sum up several deals.
// A line of no kind of weapon at all ("two Iranian deals ... ordered
// around 2021") folds too when it has years to match.
func foldGeneric(lines []*line) []*line {
	out := lines[:0:0]
	for _, g := range lines {
		if !isGeneric(g.system) || g.category == "" && len(g.years) == 0 {
			continue // "arms" with no kind and no year may be any deal
		}
		if into := duplicated(g, lines); into != nil {
			for _, h := range g.hits {
				into.addEvidence(h)
			}
			g.hits = nil // folded
		}
	}
	for _, l := range lines {
		if l.hits != nil {
			out = append(out, l)
		}
	}
	return out
}

// duplicated returns the specific line that generic line g duplicates: same
// pair, category (any, when g has none) and kind of status, at a stage at least g's, with years
// that overlap or lie within a year of g's; the one with the closest years
// first, then the first in order. nil when there is none.
func duplicated(g *line, lines []*line) *line {
	var best *line
	bestGap := 1 << 30
	for _, l := range lines {
		if l == g || l.hits == nil || isGeneric(l.system) || l.supplier != g.supplier || l.recipient != g.recipient ||
			g.category != "" && l.category != g.category || l.supply() != g.supply() || l.denied != g.denied || !sameKind(l.kind, g.kind) ||
			(!l.supply() && l.status != g.status) || statusRank[l.status] < statusRank[g.status] {
			continue
		}
		if gap := yearGap(g.years, l.years); gap <= 1 && gap < bestGap {
			best, bestGap = l, gap
		}
	}
	return best
}

// sameKind reports whether two kinds are the same, an unset kind being a
// sale.
func sameKind(a, b Kind) bool {
	if a == "" {
		a = KindSale
	}
	if b == "" {
		b = KindSale
	}
	return a == b
}

// yearGap is the distance in years between two sets of years: 0 when either
// is empty or they overlap.
func yearGap(a, b []int) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	gap := 1 << 30
	for _, x := range a {
		for _, y := range b {
			d := x - y
			if d < 0 {
				d = -d
			}
			gap = min(gap, d)
		}
	}
	return gap
}

// noteCoverage marks the lines that only one kind of source states, when
// the answer draws on both: a delivery the news reports that the SIPRI
// register does not record for that pair and system, and a register deal
// no report in the corpus covers.
func noteCoverage(lines []*line) {
	var haveSIPRI, haveNews bool
	for _, l := range lines {
		haveSIPRI = haveSIPRI || l.fromSIPRI
		haveNews = haveNews || l.fromNews
	}
	if !haveSIPRI || !haveNews {
		return
	}
	type pair struct{ s, r string }
	sipriHas, newsHas := map[pair]map[string]bool{}, map[pair]map[string]bool{}
	add := func(m map[pair]map[string]bool, l *line) {
		k := pair{l.supplier, l.recipient}
		if m[k] == nil {
			m[k] = map[string]bool{}
		}
		m[k][l.key] = true
		m[k]["~"+l.category] = true
	}
	for _, l := range lines {
		if l.fromSIPRI {
			add(sipriHas, l)
		}
		if l.fromNews {
			add(newsHas, l)
		}
	}
	covered := func(m map[pair]map[string]bool, l *line) bool {
		set := m[pair{l.supplier, l.recipient}]
		if l.system == "" {
			return set["~"+l.category] || (l.category == "" && len(set) > 0)
		}
		return set[l.key]
	}
	for _, l := range lines {
		switch {
		case l.fromNews && !l.fromSIPRI && l.status == StatusDelivered && !covered(sipriHas, l):
			l.note = "not in the SIPRI register"
		case l.fromSIPRI && !l.fromNews && !covered(newsHas, l):
			l.note = "no news coverage in the corpus"
		}
	}
}

// systemName is a designation as the weapons lexicon spells it when it is
// only spelled differently ("Bayraktar TB-2" is the Bayraktar TB2), or as
// given (a variant such as "Tor-M1" keeps its name).
func systemName(s string) string {
	if sys, ok := weapons.LookupSystem(s); ok && (fold(sys.Name) == fold(s) || slices.ContainsFunc(sys.Aliases, func(a string) bool { return fold(a) == fold(s) })) {
		return sys.Name
	}
	return s
}

func fold(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if c != ' ' && c != '-' && c != '.' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// systemKey identifies what a relation transfers, for merging evidence: the
// system's canonical name folded, or its category when it names none.
func systemKey(r Relation) string {
	if r.System == "" {
		return "~" + r.Category
	}
	return fold(systemName(r.System))
}

// lineRank orders deal lines: delivered before ordered, then by latest year.
func lineRank(l *line) int {
	r := 0
	if l.status == StatusDelivered {
		r = 10000
	}
	if len(l.years) > 0 {
		r += l.years[len(l.years)-1]
	}
	return r
}

// counterparty is the country an answer groups a relation under: the
// supplier when the question asks who supplies, the recipient when it asks
// whom a country supplies, the pair otherwise.
func counterparty(r Relation, u Understanding) string {
	switch u.Intent {
	case IntentSuppliers:
		return r.Supplier
	case IntentRecipients:
		return r.Recipient
	}
	return r.Supplier + " → " + r.Recipient
}
