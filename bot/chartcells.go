package bot

import (
	"context"
	"slices"
)

// cellKey identifies a cell: its bar (a year, or a label) and its
// counterparty.
type cellKey struct {
	year         int
	label, party string
}

// cellSet collects cells by year and counterparty.
type cellSet struct {
	cells map[cellKey]*chartCell
	order []*chartCell
}

func (s *cellSet) add(k cellKey, h RelationHit, value float64) *chartCell {
	if s.cells == nil {
		s.cells = map[cellKey]*chartCell{}
	}
	c := s.cells[k]
	if c == nil {
		c = &chartCell{year: k.year, label: k.label, counterparty: k.party, supplier: h.Supplier, recipient: h.Recipient}
		s.cells[k] = c
		s.order = append(s.order, c)
	}
	if c.recipient != h.Recipient {
		c.recipient = "" // a region's members: set to the region later
	}
	if c.supplier != h.Supplier {
		c.supplier = ""
	}
	c.value += value
	c.evidence = append(c.evidence, h)
	return c
}

// tivCells spreads each register row's TIV delivered over its delivery
// years: as the register gives it per year, else evenly. A row without a
// year is counted as undated.
func tivCells(hits []RelationHit, u Understanding) ([]*chartCell, int) {
	var s cellSet
	undated := 0
	for _, h := range hits {
		party := counterparty(h.Relation, u)
		switch {
		case len(h.TIVByYear) > 0:
			years := make([]int, 0, len(h.TIVByYear))
			for y := range h.TIVByYear {
				years = append(years, y)
			}
			slices.Sort(years)
			for _, y := range years {
				s.add(cellKey{year: y, party: party}, h, h.TIVByYear[y])
			}
		case len(h.Years) > 0:
			for _, y := range h.Years {
				s.add(cellKey{year: y, party: party}, h, h.TIV/float64(len(h.Years)))
			}
		default:
			undated++
		}
	}
	return s.order, undated
}

// dealCells folds the relations into deals as answers do, and counts each
// confirmed delivered deal once, in its delivery year (see deliveryYear).
// Deals read only from context and not confirmed elsewhere, orders, talks,
// cancellations and denials are not counted.
func dealCells(ctx context.Context, rs RelationSearcher, sourceType string, hits []RelationHit, u Understanding) ([]*chartCell, int, error) {
	c := newComposer("")
	parties := c.group(hits, u, nil)
	if err := corroborate(ctx, rs, sourceType, hits, allLines(parties)); err != nil {
		return nil, 0, err
	}
	var s cellSet
	undated := 0
	for _, p := range parties {
		for _, l := range p.certainSupply(true) {
			if l.status != StatusDelivered {
				continue
			}
			year, ok := deliveryYear(l)
			if !ok {
				undated++
				continue
			}
			ev := l.evidence()
			cell := s.add(cellKey{year: year, party: p.name}, ev[0], 1)
			cell.evidence = append(cell.evidence, ev[1:]...)
		}
	}
	return s.order, undated, nil
}

// deliveryYear is the year a delivered deal is charted in: the earliest
// year by which one of its sentences says it was delivered, each sentence
// read as saying so by the latest year it gives ("ordered in 2021,
// delivered in 2023" says 2023, never 2021). Sentences folded in from a
// generic line ("drones") do not date the deal. ok is false when no
// sentence dates the delivery.
func deliveryYear(l *line) (year int, ok bool) {
	for _, h := range l.hits {
		if h.Status != StatusDelivered || h.Denied || len(h.Years) == 0 || systemKey(h.Relation) != l.key {
			continue
		}
		if y := slices.Max(h.Years); !ok || y < year {
			year, ok = y, true
		}
	}
	return year, ok
}
