package bot

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/bot/weapons"
)

// Limits of a structured answer, so one answer stays readable in chat.
const (
	maxVolumeRelations  = 20000 // relations loaded to sum volumes
	maxCounterparties   = 12    // counterparties listed with their deals
	maxLinesPerParty    = 4     // deal lines under one counterparty
	maxCitationsPerLine = 3
	maxOtherLines       = 6 // talks, plans, cancellations and denials
)

// relationAnswer answers a question about supply relations. It returns nil
// when the index holds no matching relation, so the caller can fall back to
// passages.
func (b *Bot) relationAnswer(ctx context.Context, rs RelationSearcher, q string, u Understanding, f Filter) (*Answer, error) {
	rq := RelationQuery{Suppliers: u.Suppliers, Recipients: u.Recipients, Either: u.Either,
		Categories: u.Categories, System: u.System, YearFrom: u.YearFrom, YearTo: u.YearTo, SourceType: f.SourceType}
	switch u.Intent {
	case IntentSuppliers:
		rq.CountBy = "supplier"
	case IntentRecipients:
		rq.CountBy = "recipient"
	}
	if u.ByVolume {
		rq.Limit = maxVolumeRelations // volumes are summed here, so load them all
	}
	res, err := rs.SearchRelations(ctx, rq)
	if err != nil {
		return nil, err
	}
	more, err := missingParties(ctx, rs, rq, res)
	if err != nil {
		return nil, err
	}
	res.Hits = append(res.Hits, more...)
	hits := narrowByKind(res.Hits, u.Kinds)
	if len(hits) == 0 {
		return nil, nil
	}
	total, counts := res.Total, res.Counts
	if len(hits) < len(res.Hits) {
		// Narrowed here: the index's totals count other kinds of weapon too.
		total, counts = len(hits), nil
	}
	c := newComposer(q)
	c.withRecipient = u.Intent == IntentSuppliers && len(u.Recipients) > 1
	c.withSupplier = u.Intent == IntentRecipients && len(u.Suppliers) > 1
	byParty := c.group(hits, u, counts)
	var supply, other []*line
	for _, p := range byParty {
		supply = append(supply, p.supply...)
		other = append(other, p.other...)
	}
	var text []string
	text = append(text, summary(u, byParty, hits, total, len(res.Hits) < res.Total))
	text = append(text, c.supplyLines(byParty)...)
	if len(other) > 0 {
		text = append(text, "Not supply (talks, plans, cancellations and denials):")
		sort.SliceStable(other, func(i, j int) bool { return other[i].latest > other[j].latest })
		for i, l := range other {
			if i == maxOtherLines {
				text = append(text, fmt.Sprintf("- …and %d more.", len(other)-i))
				break
			}
			text = append(text, fmt.Sprintf("- %s → %s: %s", l.supplier, l.recipient, c.render(l)))
		}
	}
	ans := &Answer{Question: q, Text: strings.Join(text, "\n"), Citations: c.citations, Relations: shownRelations(append(supply, other...))}
	return ans, nil
}

// missingParties loads relations of the counterparties that the first
// query counted but did not load, in one more query, when the loaded ones
// do not fill the listing.
func missingParties(ctx context.Context, rs RelationSearcher, rq RelationQuery, res RelationResult) ([]RelationHit, error) {
	if res.Counts == nil || len(res.Hits) >= res.Total {
		return nil, nil
	}
	loaded := map[string]bool{}
	parties := 0
	for _, h := range res.Hits {
		name := h.Recipient
		if rq.CountBy == "supplier" {
			name = h.Supplier
		}
		if !loaded[name] {
			loaded[name] = true
			parties++
		}
	}
	if parties >= maxCounterparties {
		return nil, nil // the listing is full already
	}
	type count struct {
		name string
		n    int
	}
	var missing []count
	for name, n := range res.Counts {
		if !loaded[name] {
			missing = append(missing, count{name, n})
		}
	}
	sort.Slice(missing, func(i, j int) bool {
		return missing[i].n > missing[j].n || (missing[i].n == missing[j].n && missing[i].name < missing[j].name)
	})
	missing = missing[:min(len(missing), maxCounterparties)]
	if len(missing) == 0 {
		return nil, nil
	}
	names := make([]string, len(missing))
	for i, m := range missing {
		names[i] = m.name
	}
	q := rq
	q.CountBy, q.Limit = "", len(names)*maxLinesPerParty
	if rq.CountBy == "supplier" {
		q.Suppliers = names
	} else {
		q.Recipients = names
	}
	r, err := rs.SearchRelations(ctx, q)
	return r.Hits, err
}

// supplyLines renders each counterparty's deliveries and orders as one
// line, "- Turkey: Anka (Aircraft), delivered in 2022 [1]; …", within the
// answer's limits.
func (c *composer) supplyLines(parties []*party) []string {
	var text []string
	shown := 0
	for _, p := range parties {
		if len(p.supply) == 0 {
			continue
		}
		if shown == maxCounterparties {
			text = append(text, fmt.Sprintf("- …and %d more.", countWithSupply(parties)-shown))
			break
		}
		shown++
		var parts []string
		for i, l := range p.supply {
			if i == maxLinesPerParty {
				parts = append(parts, fmt.Sprintf("%d more", len(p.supply)-i))
				break
			}
			parts = append(parts, c.render(l))
		}
		text = append(text, fmt.Sprintf("- %s: %s", p.name, strings.Join(parts, "; ")))
	}
	return text
}

// shownRelations is the JSON form of the lines an answer rendered (those
// not shown were never cited).
func shownRelations(lines []*line) []RelationLine {
	out := []RelationLine{}
	for _, l := range lines {
		if len(l.cites) == 0 {
			continue
		}
		years := l.years
		if years == nil {
			years = []int{}
		}
		out = append(out, RelationLine{Supplier: l.supplier, Recipient: l.recipient, System: l.system,
			Category: l.category, Status: string(l.status), Kind: string(l.kind), Years: years, Citations: l.cites})
	}
	return out
}

// narrowByKind keeps relations about the kind of weapon asked for ("drones"
// within Aircraft): a known system of that kind, or an evidence sentence
// that names it.
func narrowByKind(hits []RelationHit, kinds []string) []RelationHit {
	if len(kinds) == 0 {
		return hits
	}
	var out []RelationHit
	for _, h := range hits {
		if matchesKind(h.Relation, kinds) {
			out = append(out, h)
		}
	}
	return out
}

var kindSynonyms = map[string][]string{
	"drone":      {"drone", "uav", "ucav", "unmanned", "loitering"},
	"uav":        {"drone", "uav", "ucav", "unmanned"},
	"helicopter": {"helicopter"},
}

func matchesKind(r Relation, kinds []string) bool {
	var hay []string
	if s, ok := weapons.LookupSystem(r.System); ok {
		hay = append(hay, strings.ToLower(s.Kind+" "+s.Name))
	} else if r.System != "" {
		hay = append(hay, strings.ToLower(r.System))
	}
	hay = append(hay, strings.ToLower(r.Evidence.Sentence))
	for _, k := range kinds {
		alts := kindSynonyms[k]
		if alts == nil {
			alts = []string{k}
		}
		for _, a := range alts {
			for _, h := range hay {
				if strings.Contains(h, a) {
					return true
				}
			}
		}
	}
	return false
}

// line is one deal line: a counterparty's transfers of one system (or
// category) with one status and kind, with their years and citations.
type line struct {
	key                 string // systemKey of its relations
	supplier, recipient string
	system, category    string
	status              Status
	kind                Kind
	denied              bool
	inferred            bool
	years               []int
	evidence            []RelationHit // the first few, cited when the line is shown
	cites               []int         // citation numbers, once rendered
	reports             map[string]bool
	latest              string // most recent published date of its evidence
	fromSIPRI, fromNews bool   // which kinds of source state it
	note                string // "not in the SIPRI register", "no news coverage in the corpus"
}

type party struct {
	name          string
	supply, other []*line
	reports       map[string]bool
	latest        string
	deals         int     // matching relations in the whole index (or among those loaded)
	tiv           float64 // SIPRI TIV delivered, summed over loaded relations
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

// group sorts relations into counterparties and deal lines. Counterparties
// come best-evidenced first (most reports), then most recent.
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
		key := strings.Join([]string{h.Supplier, h.Recipient, systemKey(h.Relation), string(h.Status), string(h.Kind), strconv.FormatBool(h.Denied)}, "|")
		l := lines[key]
		if l == nil {
			l = &line{key: systemKey(h.Relation), supplier: h.Supplier, recipient: h.Recipient, system: systemName(h.System), category: h.Category,
				status: h.Status, kind: h.Kind, denied: h.Denied, reports: map[string]bool{}}
			lines[key] = l
			if h.Status == StatusDelivered || h.Status == StatusOrdered {
				p.supply = append(p.supply, l)
			} else {
				p.other = append(p.other, l)
			}
		}
		if l.category == "" {
			l.category = h.Category
		}
		for _, y := range h.Years {
			if !slices.Contains(l.years, y) {
				l.years = append(l.years, y)
			}
		}
		l.inferred = l.inferred || h.Inferred
		p.deals++
		if h.Status == StatusDelivered {
			p.tiv += h.TIV
		}
		if h.Report.Type() == SourceSIPRI {
			l.fromSIPRI = true
		} else {
			l.fromNews = true
		}
		l.reports[h.Evidence.ReportID] = true
		p.reports[h.Evidence.ReportID] = true
		pub := h.Report.PublishedString()
		if pub > l.latest {
			l.latest = pub
		}
		if pub > p.latest {
			p.latest = pub
		}
		if len(l.evidence) < maxCitationsPerLine {
			l.evidence = append(l.evidence, h)
		}
	}
	all := make([]*line, 0, len(lines))
	for _, p := range order {
		all = append(all, p.supply...)
		all = append(all, p.other...)
	}
	noteCoverage(all)
	for _, p := range order {
		for _, l := range append(p.supply, p.other...) {
			slices.Sort(l.years)
		}
		sort.SliceStable(p.supply, func(i, j int) bool { return lineRank(p.supply[i]) > lineRank(p.supply[j]) })
	}
	if counts != nil {
		for _, p := range order {
			if n, ok := counts[p.name]; ok {
				p.deals = n // counted over every match, not only those loaded
			}
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		switch {
		case (len(a.supply) > 0) != (len(b.supply) > 0):
			return len(a.supply) > 0
		case u.ByVolume && a.tiv != b.tiv:
			return a.tiv > b.tiv
		case a.deals != b.deals:
			return a.deals > b.deals
		case len(a.reports) != len(b.reports):
			return len(a.reports) > len(b.reports)
		}
		return a.latest > b.latest
	})
	return order
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

// render says a deal line in plain words with its citations:
// "Bayraktar TB2 (Aircraft), delivered 2021 and 2022 [1][2]".
func (c *composer) render(l *line) string {
	what := l.system
	switch {
	case what != "" && l.category != "":
		what += " (" + l.category + ")"
	case what == "" && l.category != "":
		what = strings.ToLower(l.category)
	case what == "":
		what = "arms (unspecified)"
	}
	status := string(l.status)
	switch {
	case l.denied:
		status = "reported but denied"
	case l.status == StatusPlanned:
		status = "planned or under discussion"
	}
	if c.withRecipient {
		what += " to " + l.recipient
	}
	if c.withSupplier {
		what += " from " + l.supplier
	}
	s := what + ", " + status
	if l.kind == KindAid {
		s += " as aid"
	} else if l.kind == KindLicence {
		s += " under licence"
	}
	if len(l.years) > 0 {
		s += " " + yearsText(l.years)
	}
	if l.inferred {
		s += " (inferred from context)"
	}
	if l.note != "" {
		s += " — " + l.note
	}
	for _, h := range l.evidence {
		if n := c.cite(h); !slices.Contains(l.cites, n) {
			l.cites = append(l.cites, n)
		}
	}
	for _, n := range l.cites {
		s += fmt.Sprintf(" [%d]", n)
	}
	return s
}

func yearsText(ys []int) string {
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = strconv.Itoa(y)
	}
	if len(parts) > 2 && ys[len(ys)-1]-ys[0] == len(ys)-1 {
		return parts[0] + "–" + parts[len(parts)-1]
	}
	return "in " + strings.Join(parts, ", ")
}

func countWithSupply(ps []*party) int {
	n := 0
	for _, p := range ps {
		if len(p.supply) > 0 {
			n++
		}
	}
	return n
}

// summary is the first line: how many counterparties in how many reports,
// and which leads by number of deal lines.
func summary(u Understanding, ps []*party, hits []RelationHit, total int, truncated bool) string {
	reports := map[string]bool{}
	for _, h := range hits {
		reports[h.Evidence.ReportID] = true
	}
	n := countWithSupply(ps)
	var who string
	switch u.Intent {
	case IntentSuppliers:
		who = fmt.Sprintf("%d %s of %s", n, plural(n, "supplier", "suppliers"), target(u.Recipients, u.Group))
	case IntentRecipients:
		who = fmt.Sprintf("%d %s of %s", n, plural(n, "recipient", "recipients"), target(u.Suppliers, ""))
	default:
		who = fmt.Sprintf("%d supply %s", n, plural(n, "route", "routes"))
	}
	s := fmt.Sprintf("%s in %d %s", who, len(reports), plural(len(reports), "report", "reports"))
	if n > 1 && (u.Intent == IntentSuppliers || u.Intent == IntentRecipients) {
		top := ps[0] // ps is ranked; the first has supply
		if u.ByVolume {
			s += fmt.Sprintf("; %s leads by volume (%.0f million SIPRI TIV delivered)", top.name, top.tiv)
		} else {
			s += fmt.Sprintf("; %s is named in the most records (%d)", top.name, top.deals)
		}
	}
	if n == 0 {
		s = fmt.Sprintf("No delivered or ordered transfers found in %d %s, only talks, plans or cancellations", len(reports), plural(len(reports), "report", "reports"))
	}
	if truncated {
		s += fmt.Sprintf(" (details from %d of %d relations; the counts cover all)", len(hits), total)
	}
	return s + "."
}

func target(names []string, group string) string {
	if group != "" {
		return group
	}
	if len(names) > 3 {
		return strings.Join(names[:3], ", ") + " and others"
	}
	return strings.Join(names, ", ")
}
