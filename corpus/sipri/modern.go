package sipri

import (
	"slices"

	"github.com/briefbot/briefbot/bot/weapons"
)

// modernCols are the field indexes of a modern export's columns; -1 for a
// column the header lacks.
type modernCols struct {
	id, supplier, recipient, designation, description, category int
	orderYear, orderYearEst                                     int
	delivered, deliveredEst                                     int
	year, yearEst                                               int
	status, tivUnit, tivDelivered, local                        int
	ordered, comments                                           int
}

func modernColumns(header []string, line int) (modernCols, error) {
	c := newColumns(header)
	mc := modernCols{
		id:           c.get("sipri at database id"),
		supplier:     c.get("supplier"),
		recipient:    c.get("recipient"),
		designation:  c.get("designation", "weapon designation"),
		description:  c.get("description", "weapon description"),
		category:     c.get("armament category", "category"),
		orderYear:    c.get("order date", "order year", "year of order"),
		orderYearEst: c.get("order date is estimate", "order year is estimate"),
		delivered:    c.get("numbers delivered", "number delivered"),
		deliveredEst: c.get("numbers delivered is estimate", "number delivered is estimate"),
		year:         c.get("delivery year"),
		yearEst:      c.get("delivery year is estimate"),
		status:       c.get("status"),
		tivUnit:      c.get("tiv deal unit", "tiv per unit"),
		tivDelivered: c.get("tiv delivery values", "tiv delivery value", "tiv of delivered weapons"),
		local:        c.get("local production"),
		ordered:      c.get("numbers ordered", "number ordered"),
		comments:     c.get("comments", "comment"),
	}
	for _, req := range []struct {
		i    int
		name string
	}{
		{mc.id, "SIPRI AT Database ID"}, {mc.supplier, "Supplier"}, {mc.recipient, "Recipient"},
		{mc.designation, "Designation"}, {mc.description, "Description"},
		{mc.delivered, "Numbers delivered"}, {mc.year, "Delivery year"},
	} {
		if req.i < 0 {
			return mc, lineErr(line, ErrHeader, "the modern header has no %q column", req.name)
		}
	}
	return mc, nil
}

// parseModern reads the rows of a modern export, one per deal and delivery
// year, and gathers them into deals by SIPRI AT Database ID.
func parseModern(e *Export, header []string, hline int, rr *recordReader) error {
	mc, err := modernColumns(header, hline)
	if err != nil {
		return err
	}
	nm := newNames()
	cats := categoryCache{}
	byID := map[string]int{}
	for {
		f, line, ok, err := rr.read()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		e.Rows++
		r, err := readModernRow(f, line, mc, header)
		if err != nil {
			return err
		}
		if err := checkParties(line, nm.resolve(r.supplier), nm.resolve(r.recipient)); err != nil {
			return err
		}
		i, seen := byID[r.id]
		if !seen {
			i = len(e.Deals)
			byID[r.id] = i
			e.Deals = append(e.Deals, newModernDeal(r, line, nm, cats))
		}
		addModernRow(&e.Deals[i], r)
	}
	for i := range e.Deals {
		d := &e.Deals[i]
		slices.Sort(d.DeliveryYears)
		d.DeliveryYears = slices.Compact(d.DeliveryYears)
		if d.TIVDelivered > 0 {
			d.TIVDelivered = roundTIV(d.TIVDelivered)
		}
		d.Status = statusOf(d.Ordered, d.Delivered)
		d.Kind = kindOf(d.Comments, d.LocalProduction)
	}
	return nil
}

// modernRow is one row of a modern export.
type modernRow struct {
	id, supplier, recipient, designation, description, category string
	orderYear                                                   int
	orderYearEst                                                bool
	ordered                                                     int
	orderedEst                                                  bool
	delivered                                                   int
	deliveredEst                                                bool
	year                                                        int
	yearEst                                                     bool
	status                                                      string
	tivUnit, tivDelivered                                       float64
	local                                                       bool
	comments                                                    string
}

func readModernRow(f []string, line int, mc modernCols, header []string) (modernRow, error) {
	bad := func(col int, what string) error {
		return lineErr(line, ErrValue, "%s %q is not %s", columnName(header, col), cell(f, col), what)
	}
	r := modernRow{
		id:          cell(f, mc.id),
		supplier:    cell(f, mc.supplier),
		recipient:   cell(f, mc.recipient),
		designation: cell(f, mc.designation),
		description: cell(f, mc.description),
		category:    cell(f, mc.category),
		status:      normSecondHand(cell(f, mc.status)),
		comments:    cleanComments(cell(f, mc.comments)),
	}
	switch {
	case r.id == "":
		return r, lineErr(line, ErrValue, "the SIPRI AT Database ID is empty")
	}
	var ok bool
	if r.orderYear, r.orderYearEst, ok = parseOrderDate(cell(f, mc.orderYear)); !ok {
		return r, bad(mc.orderYear, "a year")
	}
	r.ordered = -1
	if mc.ordered >= 0 {
		if r.ordered, r.orderedEst, ok = parseCount(cell(f, mc.ordered)); !ok {
			return r, bad(mc.ordered, "a number")
		}
	}
	if r.delivered, r.deliveredEst, ok = parseCount(cell(f, mc.delivered)); !ok {
		return r, bad(mc.delivered, "a number")
	}
	if r.delivered < 0 {
		r.delivered = 0
	}
	if r.year, r.yearEst, ok = parseYear(cell(f, mc.year)); !ok {
		return r, bad(mc.year, "a year")
	}
	for _, yn := range []struct {
		col int
		dst *bool
	}{{mc.orderYearEst, &r.orderYearEst}, {mc.deliveredEst, &r.deliveredEst}, {mc.yearEst, &r.yearEst}, {mc.local, &r.local}} {
		if yn.col < 0 {
			continue
		}
		v, ok := parseYesNo(cell(f, yn.col))
		if !ok {
			return r, bad(yn.col, "Yes or No")
		}
		*yn.dst = *yn.dst || v
	}
	for _, t := range []struct {
		col int
		dst *float64
	}{{mc.tivUnit, &r.tivUnit}, {mc.tivDelivered, &r.tivDelivered}} {
		if *t.dst, ok = parseTIV(cell(f, t.col)); !ok {
			return r, bad(t.col, "a TIV (a number of millions)")
		}
	}
	return r, nil
}

// parseOrderDate reads the modern "Order date": a year, or a date
// starting with one ("2019-05-01").
func parseOrderDate(s string) (int, bool, bool) {
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		s = s[:4]
	}
	return parseYear(s)
}

// newModernDeal starts a deal from its first row; addModernRow then adds
// that row's delivery.
func newModernDeal(r modernRow, line int, nm *names, cats categoryCache) Deal {
	sp, rp := nm.resolve(r.supplier), nm.resolve(r.recipient)
	d := Deal{
		ID:                 r.id,
		Line:               line,
		Supplier:           sp.name,
		Recipient:          rp.name,
		SupplierRaw:        r.supplier,
		RecipientRaw:       r.recipient,
		NonState:           sp.nonState || rp.nonState,
		Designation:        r.designation,
		Description:        r.description,
		OrderYear:          r.orderYear,
		OrderYearUncertain: r.orderYearEst,
		Ordered:            r.ordered,
		OrderedUncertain:   r.orderedEst,
		SecondHand:         r.status,
		Comments:           r.comments,
		TIVUnit:            r.tivUnit,
		TIVTotal:           -1,
		TIVDelivered:       -1,
	}
	switch c, ok := weapons.ParseCategory(r.category); {
	case ok:
		d.Category = string(c)
	case r.category == "":
		d.Category = cats.of(r.description, r.designation)
	default:
		d.Category = r.category
	}
	return d
}

func addModernRow(d *Deal, r modernRow) {
	d.Delivered += r.delivered
	d.DeliveredUncertain = d.DeliveredUncertain || r.deliveredEst
	if r.year > 0 {
		d.DeliveryYears = append(d.DeliveryYears, r.year)
	}
	d.DeliveryYearUncertain = d.DeliveryYearUncertain || r.yearEst
	d.LocalProduction = d.LocalProduction || r.local
	if d.TIVUnit < 0 {
		d.TIVUnit = r.tivUnit
	}
	if r.tivDelivered >= 0 {
		if d.TIVDelivered < 0 {
			d.TIVDelivered = 0
		}
		d.TIVDelivered += r.tivDelivered
		if r.year > 0 {
			if d.TIVByYear == nil {
				d.TIVByYear = map[int]float64{}
			}
			d.TIVByYear[r.year] = roundTIV(d.TIVByYear[r.year] + r.tivDelivered)
		}
	}
}
