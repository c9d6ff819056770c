package bot

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Attachment is a file that goes with an answer, such as a chart. Adapters
// that can post files post it beside the answer's text; the others show
// the text alone.
type Attachment struct {
	Name    string // file name, "kazakhstan-suppliers.png"
	Type    string // media type, "image/png"
	Data    []byte
	Title   string // shown above or under the file
	AltText string // what it shows, in words, for those who cannot see it
	Width   int    // pixels, for images
	Height  int
}

// chartAnswer is the answer that goes with a chart: the table with its
// rows and citations, and a text that states every series's total and its
// values per year with their citations.
func chartAnswer(question string, t *ChartTable, cells []*chartCell) *Answer {
	series := t.setRows(question, cells)
	shown := newComposer(question)
	text := []string{t.Title() + ". " + t.Subtitle() + ".", t.totalsLine()}
	text = append(text, shown.seriesLines(t, cells, series)...)
	text = append(text, t.notes()...)
	return &Answer{Question: question, Text: strings.Join(text, "\n"), Relations: []RelationLine{},
		Citations: shown.citations, Chart: t}
}

// setRows sorts the cells by bar and series and makes them the table's
// rows, citing their evidence. It returns the series of each counterparty.
func (t *ChartTable) setRows(question string, cells []*chartCell) (series map[string]string) {
	series = map[string]string{}
	order := map[string]int{}
	for i, s := range t.Series {
		order[s.Name] = i
		series[s.Name] = s.Name
		for _, m := range s.Members {
			series[m], order[m] = OthersSeries, i
		}
	}
	sort.SliceStable(cells, func(i, j int) bool {
		a, b := cells[i], cells[j]
		if t.bar(a) != t.bar(b) {
			return t.bar(a) < t.bar(b)
		}
		if order[a.counterparty] != order[b.counterparty] {
			return order[a.counterparty] < order[b.counterparty]
		}
		return a.counterparty < b.counterparty
	})
	all := newComposer(question)
	t.Rows = make([]ChartRow, 0, len(cells))
	for _, c := range cells {
		row := ChartRow{Year: c.year, Label: c.label, Series: series[c.counterparty], Value: roundValue(c.value), Citations: []int{}}
		row.Supplier, row.Recipient = c.counterparty, orElse(c.recipient, t.Subject)
		if t.By == ChartRecipients {
			row.Supplier, row.Recipient = orElse(c.supplier, t.Subject), c.counterparty
		}
		for _, h := range c.evidence {
			if n := all.cite(h); !slices.Contains(row.Citations, n) {
				row.Citations = append(row.Citations, n)
			}
			if pub := h.Report.PublishedString(); pub > t.Newest {
				t.Newest = pub
			}
		}
		t.Rows = append(t.Rows, row)
	}
	t.Citations = all.citations
	return series
}

// orElse returns a, or b when a is empty.
func orElse(a, b string) string {
	if a == "" {
		return b
	}
	return a
}

// totalsLine is "Totals: Russia 12, Turkey 4, others 3 (Spain, Israel);
// 19 in all."
func (t *ChartTable) totalsLine() string {
	var parts []string
	for _, s := range t.Series {
		if s.Name == OthersSeries {
			parts = append(parts, fmt.Sprintf("others %s (%s)", t.Figure(s.Total), strings.Join(s.Members, ", ")))
			continue
		}
		parts = append(parts, s.Name+" "+t.Figure(s.Total))
	}
	return fmt.Sprintf("Totals: %s; %s in all.", strings.Join(parts, ", "), t.Figure(t.Total()))
}

// seriesLines are one line per series: its values per year, each with at
// most maxCellCitesInText citations ("- Russia: 2012: 1 [1]; 2015: 2 [2][3]").
// The Others line names the counterparty of each value.
func (c *composer) seriesLines(t *ChartTable, cells []*chartCell, series map[string]string) []string {
	var lines []string
	for _, s := range t.Series {
		var parts []string
		for _, cell := range cells {
			if series[cell.counterparty] != s.Name {
				continue
			}
			label := strconv.Itoa(cell.year) + ": "
			if s.Name == OthersSeries {
				label = strconv.Itoa(cell.year) + " " + cell.counterparty + ": "
			}
			parts = append(parts, label+t.Figure(cell.value)+" "+c.cellCites(cell.evidence))
		}
		lines = append(lines, fmt.Sprintf("- %s: %s", s.Name, strings.Join(parts, "; ")))
	}
	return lines
}

// cellCites cites a cell's evidence: at most maxCellCitesInText sentences,
// one per report first, and how many more there are.
func (c *composer) cellCites(evidence []RelationHit) string {
	var marks []string
	seen := map[string]bool{}
	more := 0
	for pass := 0; pass < 2; pass++ {
		for _, h := range evidence {
			key := h.Evidence.ReportID + "#" + strconv.Itoa(h.Evidence.Start)
			if seen[key] || (pass == 0 && seen[h.Evidence.ReportID]) {
				continue
			}
			if len(marks) == maxCellCitesInText {
				if pass == 1 {
					more++
					seen[key] = true
				}
				continue
			}
			seen[key], seen[h.Evidence.ReportID] = true, true
			marks = append(marks, fmt.Sprintf("[%d]", c.cite(h)))
		}
	}
	s := strings.Join(marks, "")
	if more > 0 {
		s += fmt.Sprintf(" (+%d more)", more)
	}
	return s
}

// notes are what the chart leaves out.
func (t *ChartTable) notes() []string {
	var out []string
	if t.Undated > 0 {
		what := counted(t.Undated, "delivered deal", "delivered deals")
		if t.Measure == MeasureTIV {
			what = counted(t.Undated, "register row", "register rows")
		}
		out = append(out, fmt.Sprintf("(%s with no year stated are not charted.)", capitalise(what)))
	}
	if t.Measure == MeasureTIV {
		out = append(out, "(Only SIPRI register rows are charted, in TIV; news reports are not counted.)")
	}
	if t.Partial {
		out = append(out, "(Charted from the first "+strconv.Itoa(maxChartRelations)+" matching relations.)")
	}
	if t.Newest != "" {
		out = append(out, "Newest evidence: "+t.Newest+".")
	}
	return out
}
