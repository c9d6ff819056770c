package sipri

import "strconv"

// classicCols are the field indexes of a classic export's columns; -1 for
// a column the header lacks.
type classicCols struct {
	recipient, supplier             int
	orderYear, orderYearFlag        int
	ordered, orderedFlag            int
	designation, description        int
	delivered, deliveredFlag        int
	years, status, comments         int
	tivUnit, tivTotal, tivDelivered int
}

func classicColumns(header []string, line int) (classicCols, error) {
	c := newColumns(header)
	cc := classicCols{
		recipient:     c.get("recipient"),
		supplier:      c.get("supplier"),
		orderYear:     c.get("year of order", "order year"),
		orderYearFlag: c.flagOf("year of order", "order year"),
		ordered:       c.get("number ordered", "numbers ordered"),
		orderedFlag:   c.flagOf("number ordered", "numbers ordered"),
		designation:   c.get("weapon designation", "designation"),
		description:   c.get("weapon description", "description"),
		delivered:     c.get("number delivered", "numbers delivered"),
		deliveredFlag: c.flagOf("number delivered", "numbers delivered"),
		years:         c.get("year(s) of delivery", "year(s) of deliveries", "years of delivery", "delivery years"),
		status:        c.get("status"),
		comments:      c.get("comments", "comment"),
		tivUnit:       c.get("sipri tiv per unit", "tiv per unit"),
		tivTotal:      c.get("sipri tiv for total order", "tiv for total order"),
		tivDelivered:  c.get("sipri tiv of delivered weapons", "tiv of delivered weapons"),
	}
	for _, req := range []struct {
		i    int
		name string
	}{
		{cc.recipient, "Recipient"}, {cc.supplier, "Supplier"}, {cc.orderYear, "Year of order"},
		{cc.designation, "Weapon designation"}, {cc.description, "Weapon description"},
		{cc.delivered, "Number delivered"},
	} {
		if req.i < 0 {
			return cc, lineErr(line, ErrHeader, "the classic header has no %q column", req.name)
		}
	}
	return cc, nil
}

// parseClassic reads the rows of a classic export: one deal per row.
func parseClassic(e *Export, header []string, hline int, rr *recordReader) error {
	cc, err := classicColumns(header, hline)
	if err != nil {
		return err
	}
	nm := newNames()
	var idgen ids
	cats := categoryCache{}
	e.Deals = make([]Deal, 0, len(rr.lines)-rr.next)
	for {
		f, line, ok, err := rr.read()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		e.Rows++
		d, err := classicDeal(f, line, cc, nm, &idgen, cats, header)
		if err != nil {
			return err
		}
		e.Deals = append(e.Deals, d)
	}
}

func classicDeal(f []string, line int, cc classicCols, nm *names, idgen *ids, cats categoryCache, header []string) (Deal, error) {
	bad := func(col int, what string) error {
		return lineErr(line, ErrValue, "%s %q is not %s", columnName(header, col), cell(f, col), what)
	}
	flag := func(col int) (bool, error) {
		v, ok := parseFlag(cell(f, col))
		if !ok {
			return false, lineErr(line, ErrValue, "the flag column after %s holds %q, not \"?\" or nothing (a field out of place?)", columnName(header, col-1), cell(f, col))
		}
		return v, nil
	}
	d := Deal{Line: line, SupplierRaw: cell(f, cc.supplier), RecipientRaw: cell(f, cc.recipient)}
	sp, rp := nm.resolve(d.SupplierRaw), nm.resolve(d.RecipientRaw)
	if err := checkParties(line, sp, rp); err != nil {
		return d, err
	}
	d.Supplier, d.Recipient, d.NonState = sp.name, rp.name, sp.nonState || rp.nonState
	d.Designation = cell(f, cc.designation)
	d.Description = cell(f, cc.description)
	d.Category = cats.of(d.Description, d.Designation)

	var ok bool
	if d.OrderYear, d.OrderYearUncertain, ok = parseYear(cell(f, cc.orderYear)); !ok {
		return d, bad(cc.orderYear, "a year")
	}
	d.Ordered = -1
	if cc.ordered >= 0 {
		if d.Ordered, d.OrderedUncertain, ok = parseCount(cell(f, cc.ordered)); !ok {
			return d, bad(cc.ordered, "a number")
		}
	}
	var unc bool
	if d.Delivered, unc, ok = parseCount(cell(f, cc.delivered)); !ok {
		return d, bad(cc.delivered, "a number")
	}
	d.DeliveredUncertain = unc
	if d.Delivered < 0 {
		d.Delivered = 0 // an open order may leave the cell empty
	}
	for _, fl := range []struct {
		col int
		dst *bool
	}{{cc.orderYearFlag, &d.OrderYearUncertain}, {cc.orderedFlag, &d.OrderedUncertain}, {cc.deliveredFlag, &d.DeliveredUncertain}} {
		if fl.col < 0 {
			continue
		}
		v, err := flag(fl.col)
		if err != nil {
			return d, err
		}
		*fl.dst = *fl.dst || v
	}
	if cc.years >= 0 {
		var yu bool
		if d.DeliveryYears, yu, ok = parseYears(cell(f, cc.years)); !ok {
			return d, bad(cc.years, "a list of years")
		}
		d.DeliveryYearUncertain = yu
	}
	d.Comments = cleanComments(cell(f, cc.comments))
	facts := readComments(d.Comments)
	d.SecondHand = normSecondHand(cell(f, cc.status))
	if d.SecondHand == "" {
		d.SecondHand = facts.secondHand
	}
	for _, t := range []struct {
		col int
		dst *float64
	}{{cc.tivUnit, &d.TIVUnit}, {cc.tivTotal, &d.TIVTotal}, {cc.tivDelivered, &d.TIVDelivered}} {
		if *t.dst, ok = parseTIV(cell(f, t.col)); !ok {
			return d, bad(t.col, "a TIV (a number of millions)")
		}
	}
	d.LocalProduction = facts.local
	d.Status = statusOf(d.Ordered, d.Delivered)
	d.Kind = kindFrom(facts.aid, d.LocalProduction)
	d.ID = idgen.classicID(d.SupplierRaw, d.RecipientRaw, d.Designation, d.OrderYear, d.Description, d.Ordered)
	return d, nil
}

// checkParties refuses a row without a supplier or recipient name.
func checkParties(line int, supplier, recipient party) error {
	switch {
	case supplier.name == "":
		return lineErr(line, ErrValue, "the Supplier is empty")
	case recipient.name == "":
		return lineErr(line, ErrValue, "the Recipient is empty")
	}
	return nil
}

// cleanComments folds the line breaks a quoted comment may hold into
// spaces.
func cleanComments(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\r' || s[i] == '\t' {
			return joinFields(s)
		}
	}
	return s
}

func joinFields(s string) string {
	out := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			space = len(out) > 0
			continue
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		out = append(out, c)
	}
	return string(out)
}

// columnName names a column for an error message.
func columnName(header []string, i int) string {
	if i >= 0 && i < len(header) {
		if n := cell(header, i); n != "" {
			return n
		}
	}
	return "column " + strconv.Itoa(i+1)
}
