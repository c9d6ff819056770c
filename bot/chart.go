package bot

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/briefbot/briefbot/bot/gazetteer"
)

// What a chart shows per year and counterparty (ChartTable.Measure).
const (
	// MeasureTIV is SIPRI trend-indicator value delivered, in millions:
	// used whenever SIPRI register rows with a TIV match the chart.
	MeasureTIV = "tiv"
	// MeasureDeals is the number of delivered deals, each counted once, in
	// the earliest year by which a sentence says it was delivered (a
	// sentence "ordered in 2021, delivered in 2023" says 2023, never
	// 2021): used when no register row matches, from confirmed deals only
	// (never a less certain one).
	MeasureDeals = "deals"
)

// Which side of the transfers a chart breaks down (ChartRequest.By).
const (
	ChartSuppliers  = "suppliers"  // a recipient's deliveries by supplier
	ChartRecipients = "recipients" // a supplier's deliveries by recipient
)

// OthersSeries names the series that sums the counterparties left out of
// the top ones.
const OthersSeries = "Others"

// Chart limits.
const (
	defaultChartTop    = 6  // counterparties with a series of their own
	maxChartTop        = 10 // most series a chart may ask for
	maxChartYears      = 80 // a chart spans at most this many years
	maxCellCitesInText = 2  // citations shown per cell in the answer text
	maxChartRelations  = maxVolumeRelations
	firstChartableYear = 1900
)

// ChartRequest asks for a chart of deliveries per year.
type ChartRequest struct {
	By      string // ChartSuppliers or ChartRecipients
	Country string // a country or regional group, by any name the gazetteer knows
	Since   int    // first year; 0 means the first year the evidence covers
	Until   int    // last year; 0 means the last year the evidence covers
	Top     int    // counterparties with a series of their own; 0 means 6, at most 10
	// Categories and Kinds narrow the chart to some weapons, as in a
	// question ("drones" gives the category Aircraft and the kind drone);
	// empty means all.
	Categories []string
	Kinds      []string
}

// chartSubject is a resolved ChartRequest.Country: its display name and
// the canonical names of the countries it stands for.
type chartSubject struct {
	name    string
	members []string // nil for one country
	names   []string
}

// resolveChartSubject finds the country or regional group name names.
func resolveChartSubject(name string) (chartSubject, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return chartSubject{}, Errorf(EInvalid, "Name a country or region, for example: chart suppliers Kazakhstan since 2010")
	}
	g := gazetteer.Default()
	if c, ok := g.Lookup(name); ok {
		return chartSubject{name: c.Name, names: []string{c.Name}}, nil
	}
	if gr, ok := g.Group(name); ok {
		s := chartSubject{name: gr.Name}
		for _, code := range gr.Members {
			if c, ok := g.ByCode(code); ok {
				s.members = append(s.members, c.Name)
			}
		}
		s.names = s.members
		if len(s.names) > 0 {
			return s, nil
		}
	}
	return chartSubject{}, Errorf(EInvalid, "I don't know a country or region called %q. Try a country (Kazakhstan, Türkiye) or a region (Central Asia).", clip(name, 60))
}

// clip shortens s to at most n runes, marking the cut with "…".
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// checkChartRequest checks the fields that need no index.
func (b *Bot) checkChartRequest(req *ChartRequest) error {
	if req.By != ChartSuppliers && req.By != ChartRecipients {
		return Errorf(EInvalid, "A chart shows a country's suppliers or its recipients, for example: chart suppliers Kazakhstan")
	}
	now := b.opts.Now().Year()
	for _, y := range []int{req.Since, req.Until} {
		if y != 0 && (y < firstChartableYear || y > now) {
			return Errorf(EInvalid, "%d is outside the years I can chart (%d–%d).", y, firstChartableYear, now)
		}
	}
	if req.Since != 0 && req.Until != 0 && req.Since > req.Until {
		return Errorf(EInvalid, "That range is empty: %d comes after %d.", req.Since, req.Until)
	}
	if req.Top <= 0 {
		req.Top = defaultChartTop
	}
	req.Top = min(req.Top, maxChartTop)
	return nil
}

// Chart answers a request for a chart: the table behind it in
// Answer.Chart, and in Answer.Text each series's total and its values per
// year with their citations, so every bar can be traced. It does not draw
// the picture (see RouterOptions.DrawChart). An unknown country, an empty
// year range or a country with nothing delivered on record gives an *Error
// saying so, never an empty chart.
func (b *Bot) Chart(ctx context.Context, req ChartRequest, f Filter) (*Answer, error) {
	ans, err := b.chart(ctx, req, f)
	if err != nil {
		return nil, err
	}
	return ans, b.addStorySources(ctx, ans)
}

func (b *Bot) chart(ctx context.Context, req ChartRequest, f Filter) (*Answer, error) {
	if err := b.checkChartRequest(&req); err != nil {
		return nil, err
	}
	subj, err := resolveChartSubject(req.Country)
	if err != nil {
		return nil, err
	}
	rs, ok := b.search.(RelationSearcher)
	if !ok {
		return nil, Errorf(EInvalid, "Charts are not available here: this index holds no supply relations.")
	}
	t, cells, err := b.chartTable(ctx, rs, req, subj, f)
	if err != nil {
		return nil, err
	}
	question := fmt.Sprintf("chart %s %s", req.By, subj.name)
	if req.Since != 0 {
		question += fmt.Sprintf(" since %d", req.Since)
	}
	return chartAnswer(question, t, cells), nil
}

// chartCell is one value of the table with the relations it came from.
type chartCell struct {
	year         int
	label        string // the bar, in a chart by Labels
	counterparty string
	supplier     string
	recipient    string
	value        float64
	evidence     []RelationHit
}

// chartTable loads the relations of the subject and builds the table.
func (b *Bot) chartTable(ctx context.Context, rs RelationSearcher, req ChartRequest, subj chartSubject, f Filter) (*ChartTable, []*chartCell, error) {
	// Every year is loaded: a deal is dated by all its sentences, and
	// leaving some out could move it into the range asked for.
	rq := RelationQuery{Limit: maxChartRelations, SourceType: f.SourceType, Categories: req.Categories}
	u := Understanding{Intent: IntentSuppliers, Recipients: subj.names}
	if req.By == ChartRecipients {
		u = Understanding{Intent: IntentRecipients, Suppliers: subj.names}
		rq.Suppliers = subj.names
	} else {
		rq.Recipients = subj.names
	}
	res, err := rs.SearchRelations(ctx, rq)
	if err != nil {
		return nil, nil, err
	}
	t := &ChartTable{By: req.By, Subject: subj.name, Members: subj.members, Partial: len(res.Hits) < res.Total,
		Weapons: weaponNames(req)}
	hits := narrowByKind(res.Hits, req.Kinds)
	var cells []*chartCell
	if register := registerHits(hits); len(register) > 0 {
		t.Measure, t.Unit, t.SIPRI = MeasureTIV, "SIPRI TIV (millions)", true
		cells, t.Undated = tivCells(register, u)
	} else {
		t.Measure, t.Unit = MeasureDeals, "delivered deals"
		cells, t.Undated, err = dealCells(ctx, rs, f.SourceType, hits, u)
		if err != nil {
			return nil, nil, err
		}
	}
	cells, err = t.setYears(cells, req, subj)
	if err != nil {
		return nil, nil, err
	}
	t.setSeries(cells, req.Top)
	return t, cells, nil
}

// weaponNames are the kinds of weapon a chart is narrowed to, else its
// categories: "drone", "Air-defence systems".
func weaponNames(req ChartRequest) []string {
	if len(req.Kinds) > 0 {
		return req.Kinds
	}
	return req.Categories
}

// registerHits returns the trade-register rows among hits that deliver
// something with a TIV: they are charted by TIV instead of deal counts.
func registerHits(hits []RelationHit) []RelationHit {
	var out []RelationHit
	for _, h := range hits {
		if readOf(h) == ReadRegister && h.TIV > 0 && !h.Denied {
			out = append(out, h)
		}
	}
	return out
}

// setYears keeps the cells in the asked range and sets Years from the
// range's first to its last year; an empty result is an *Error that says
// what the evidence covers.
func (t *ChartTable) setYears(cells []*chartCell, req ChartRequest, subj chartSubject) ([]*chartCell, error) {
	if len(cells) == 0 {
		return nil, t.nothingError(subj, req)
	}
	first, last := math.MaxInt, 0
	for _, c := range cells {
		first, last = min(first, c.year), max(last, c.year)
	}
	from, to := cmp.Or(req.Since, first), cmp.Or(req.Until, last)
	if req.Since != 0 && req.Until == 0 {
		to = max(last, req.Since)
	}
	var kept []*chartCell
	for _, c := range cells {
		if c.year >= from && c.year <= to {
			kept = append(kept, c)
		}
	}
	if len(kept) == 0 {
		return nil, Errorf(ENotFound, "Nothing delivered %s in %s on record; the evidence covers %d–%d.",
			t.direction(subj), yearSpan(req.Since, req.Until), first, last)
	}
	if to-from+1 > maxChartYears {
		from = to - maxChartYears + 1
		kept = slices.DeleteFunc(kept, func(c *chartCell) bool { return c.year < from })
	}
	for y := from; y <= to; y++ {
		t.Years = append(t.Years, y)
	}
	return kept, nil
}

// nothingError is the error for a subject with nothing to chart.
func (t *ChartTable) nothingError(subj chartSubject, req ChartRequest) error {
	when := ""
	if req.Since != 0 || req.Until != 0 {
		when = " in " + yearSpan(req.Since, req.Until)
	}
	other := "recipients"
	if req.By == ChartRecipients {
		other = "suppliers"
	}
	return Errorf(ENotFound, "I have no dated deliveries %s%s on record, so there is nothing to chart. Try `%s %s` for orders, talks and undated deals, or `chart %s %s`.",
		t.direction(subj), when, req.By, subj.name, other, subj.name)
}

// direction is "to Kazakhstan" or "from Turkey".
func (t *ChartTable) direction(subj chartSubject) string {
	if t.By == ChartRecipients {
		return "from " + subj.name
	}
	return "to " + subj.name
}

// yearSpan is "2010–2024", "2010 or later", "2024 or earlier".
func yearSpan(from, to int) string {
	switch {
	case from != 0 && to != 0 && from == to:
		return fmt.Sprint(from)
	case from != 0 && to != 0:
		return fmt.Sprintf("%d–%d", from, to)
	case from != 0:
		return fmt.Sprintf("%d or later", from)
	case to != 0:
		return fmt.Sprintf("%d or earlier", to)
	}
	return "any year"
}

// setSeries ranks the counterparties by their total and gives the top ones
// a series each; the rest are summed in OthersSeries (unless only one is
// left, which then keeps its name).
func (t *ChartTable) setSeries(cells []*chartCell, top int) {
	totals := map[string]float64{}
	for _, c := range cells {
		c.value = roundValue(c.value) // so that rows add up to their series
		totals[c.counterparty] += c.value
	}
	names := make([]string, 0, len(totals))
	for n := range totals {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i], names[j]
		if totals[a] != totals[b] {
			return totals[a] > totals[b]
		}
		return a < b
	})
	own := names
	var others []string
	if len(names) > top+1 {
		own, others = names[:top], names[top:]
	}
	index := map[string]int{}
	for i, n := range own {
		t.Series = append(t.Series, ChartSeries{Name: n, Values: make([]float64, len(t.Bars()))})
		index[n] = i
	}
	if len(others) > 0 {
		t.Series = append(t.Series, ChartSeries{Name: OthersSeries, Members: others, Values: make([]float64, len(t.Bars()))})
		for _, n := range others {
			index[n] = len(own)
		}
	}
	for _, c := range cells {
		s := &t.Series[index[c.counterparty]]
		s.Values[t.bar(c)] += c.value
		s.Total += c.value
	}
	for i := range t.Series {
		s := &t.Series[i]
		s.Total = roundValue(s.Total)
		for j := range s.Values {
			s.Values[j] = roundValue(s.Values[j])
		}
	}
}

// roundValue drops float noise from sums of TIVs.
func roundValue(v float64) float64 { return math.Round(v*1e6) / 1e6 }
