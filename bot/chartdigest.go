package bot

import (
	"slices"
	"sort"
)

// maxDigestChartBars is the most recipients a digest's chart shows; the
// digest's text lists them all.
const maxDigestChartBars = 12

// digestChart is the chart of a digest (DigestQuery.Chart): the window's
// newly reported confirmed deliveries, one bar per recipient (most first,
// at most maxDigestChartBars), stacked by supplier, each deal counted once.
// parties are the digest's deals grouped by recipient. It returns nil when
// the window reports no confirmed delivery.
func digestChart(heading string, parties []*party) *ChartTable {
	var s cellSet
	perRecipient := map[string]float64{}
	for _, p := range parties {
		for _, l := range p.certainSupply(true) {
			if l.status != StatusDelivered {
				continue
			}
			ev := l.evidence()
			cell := s.add(cellKey{label: p.name, party: l.supplier}, ev[0], 1)
			cell.evidence = append(cell.evidence, ev[1:]...)
			perRecipient[p.name]++
		}
	}
	if len(s.order) == 0 {
		return nil
	}
	labels := make([]string, 0, len(perRecipient))
	for r := range perRecipient {
		labels = append(labels, r)
	}
	sort.Slice(labels, func(i, j int) bool {
		a, b := labels[i], labels[j]
		return perRecipient[a] > perRecipient[b] || (perRecipient[a] == perRecipient[b] && a < b)
	})
	labels = labels[:min(len(labels), maxDigestChartBars)]
	t := &ChartTable{By: ChartSuppliers, Heading: heading + ": new deliveries by recipient", Measure: MeasureDeals,
		Unit: "delivered deals", Labels: labels, Years: []int{}}
	var cells []*chartCell
	for _, c := range s.order {
		if slices.Contains(labels, c.label) {
			cells = append(cells, c)
		}
	}
	t.setSeries(cells, defaultChartTop)
	t.setRows(heading, cells)
	return t
}
