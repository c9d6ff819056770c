package bot

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ChartTable is the table behind a chart: one value per year and
// counterparty, the top counterparties as series of their own and the rest
// summed as OthersSeries, each cell with the evidence it was counted from.
// Its JSON form is what `briefbot chart --json` prints.
type ChartTable struct {
	By      string   `json:"by"`                // ChartSuppliers or ChartRecipients
	Subject string   `json:"subject"`           // the country or region charted: "Kazakhstan", "Central Asia"
	Members []string `json:"members,omitempty"` // a region's countries
	Weapons []string `json:"weapons,omitempty"` // the categories or kinds of weapon charted; empty for all
	Measure string   `json:"measure"`           // MeasureTIV or MeasureDeals
	Unit    string   `json:"unit"`              // what a value counts: "SIPRI TIV (millions)", "delivered deals"
	Years   []int    `json:"years"`             // every year charted, ascending, without gaps; empty with Labels
	// Labels, when set, name the bars instead of Years (a digest's chart
	// has a bar per recipient); each series's Values then follow Labels.
	Labels []string `json:"labels,omitempty"`
	// Heading, when set, is the title (a digest's window) instead of one
	// made from By, Subject and Years.
	Heading string        `json:"heading,omitempty"`
	Series  []ChartSeries `json:"series"`
	Rows    []ChartRow    `json:"rows"` // every cell with a value, by year then series order
	// Citations are the evidence of the rows, numbered as their Citations
	// refer to them.
	Citations []Citation `json:"citations"`
	Newest    string     `json:"newest_evidence"` // YYYY-MM-DD of the newest report charted; "" when unknown
	SIPRI     bool       `json:"sipri"`           // SIPRI register data is charted (credit SIPRI)
	// Undated counts delivered deals (or register rows) that match but
	// state no year, and so are not charted.
	Undated int `json:"undated,omitempty"`
	// Partial is set when more relations matched than could be loaded.
	Partial bool `json:"partial,omitempty"`
}

// ChartSeries is one coloured part of the stacked bars.
type ChartSeries struct {
	Name    string    `json:"name"`              // a counterparty, or OthersSeries
	Members []string  `json:"members,omitempty"` // the counterparties summed in OthersSeries
	Values  []float64 `json:"values"`            // by ChartTable.Years (or Labels)
	Total   float64   `json:"total"`
}

// ChartRow is one cell of a chart: the value of one counterparty in one
// year, and the citations it was counted from.
type ChartRow struct {
	Year      int     `json:"year"`            // 0 in a chart by Labels
	Label     string  `json:"label,omitempty"` // the bar, in a chart by Labels
	Supplier  string  `json:"supplier"`
	Recipient string  `json:"recipient"` // for a region, the region: its members are in the citations
	Series    string  `json:"series"`    // the series the cell is drawn in
	Value     float64 `json:"value"`
	Citations []int   `json:"citations"`
}

// Title names what the chart shows: "Kazakhstan's arms suppliers,
// 2010–2024", "Turkey's arms exports by recipient, 2015–2024".
func (t *ChartTable) Title() string {
	if t.Heading != "" {
		return t.Heading
	}
	span := ""
	if n := len(t.Years); n > 0 {
		span = fmt.Sprintf(", %d–%d", t.Years[0], t.Years[n-1])
		if n == 1 {
			span = fmt.Sprintf(", %d", t.Years[0])
		}
	}
	what := ""
	if len(t.Weapons) > 0 {
		what = " (" + strings.Join(t.Weapons, ", ") + ")"
	}
	if t.By == ChartRecipients {
		return possessive(t.Subject) + " arms exports by recipient" + what + span
	}
	return possessive(t.Subject) + " arms suppliers" + what + span
}

// Subtitle says what the values measure.
func (t *ChartTable) Subtitle() string {
	if len(t.Labels) > 0 {
		return "Confirmed deliveries newly reported, per recipient, by supplier"
	}
	if t.Measure == MeasureTIV {
		return "SIPRI trend-indicator value (TIV) delivered, millions, per year"
	}
	return "Delivered deals per year: each confirmed deal counted once, in the year a report says it was delivered"
}

// Bars names the bars: their years, or Labels.
func (t *ChartTable) Bars() []string {
	if len(t.Labels) > 0 {
		return t.Labels
	}
	out := make([]string, len(t.Years))
	for i, y := range t.Years {
		out[i] = strconv.Itoa(y)
	}
	return out
}

// XLabel names what the bars stand for: "Year of delivery", "Recipient".
func (t *ChartTable) XLabel() string {
	if len(t.Labels) > 0 {
		return "Recipient"
	}
	return "Year of delivery"
}

// bar is the index of the bar a cell is drawn in.
func (t *ChartTable) bar(c *chartCell) int {
	if len(t.Labels) > 0 {
		return slices.Index(t.Labels, c.label)
	}
	return c.year - t.Years[0]
}

// counterpartyLabel is what a series name stands for: "supplier" or
// "recipient".
func (t *ChartTable) counterpartyLabel() string {
	if t.By == ChartRecipients {
		return "recipient"
	}
	return "supplier"
}

// Total is the sum of every value charted.
func (t *ChartTable) Total() float64 {
	sum := 0.0
	for _, s := range t.Series {
		sum += s.Total
	}
	return sum
}

// Figure writes a value as the chart counts it: whole deals, TIV to one
// decimal (none from 100 on, two below 1).
func (t *ChartTable) Figure(v float64) string {
	if t.Measure == MeasureDeals {
		return fmt.Sprintf("%.0f", v)
	}
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v < 1:
		return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".") // 0.08, not 0.1
	}
	return strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0")
}

// AltText states the chart's main figures in words, for screen readers and
// for platforms that show a description with the image.
func (t *ChartTable) AltText() string {
	var parts []string
	for _, s := range t.Series {
		name := s.Name
		if s.Name == OthersSeries {
			name = fmt.Sprintf("others (%d countries)", len(s.Members))
		}
		parts = append(parts, name+" "+t.Figure(s.Total))
	}
	unit := "SIPRI TIV (millions) delivered"
	if t.Measure == MeasureDeals {
		unit = "delivered deals"
	}
	per := "year"
	if len(t.Labels) > 0 {
		per = "recipient"
	}
	return fmt.Sprintf("Stacked bar chart: %s. %s per %s by %s. Totals: %s; all %s %s.",
		t.Title(), capitalise(unit), per, t.counterpartyLabel(), strings.Join(parts, ", "), t.counterpartyLabel()+"s", t.Figure(t.Total()))
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
