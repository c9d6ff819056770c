package bot

import (
	"fmt"
	"slices"
	"strings"
)

// maxHeadlineParties is how many counterparties a headline names.
const maxHeadlineParties = 5

// headline is the first sentence of a relation answer, computed only from
// certain deals (stated, register rows, or confirmed): "Kazakhstan's
// suppliers in the index: Russia (5 deals), Turkey (3) and China (1), from
// 7 reports." The parties must be ranked.
func headline(u Understanding, parties []*party, hits []RelationHit) string {
	var items []string
	reports := map[string]bool{}
	named, unsure := 0, 0
	byVolume := u.ByVolume && slices.ContainsFunc(parties, func(p *party) bool { return p.tiv > 0 })
	for _, p := range parties {
		unsure += len(p.certainSupply(false))
		deals := p.certainSupply(true)
		if len(deals) == 0 {
			continue
		}
		for _, l := range deals {
			for id := range l.reports {
				reports[id] = true
			}
		}
		named++
		if len(items) < maxHeadlineParties {
			items = append(items, p.name+" ("+partyFigure(p, len(deals), len(items) == 0, byVolume)+")")
		}
	}
	if named == 0 {
		return noConfirmedSupply(unsure, hits)
	}
	if named == 1 && u.Intent != IntentSuppliers && u.Intent != IntentRecipients && !u.ByVolume {
		return onePairHeadline(parties, len(reports))
	}
	if more := named - len(items); more > 0 {
		items = append(items, fmt.Sprintf("%d more", more))
	}
	subject := headlineSubject(u)
	if u.ByVolume && !byVolume {
		subject += " (no SIPRI volumes to rank by, so by deals)"
	}
	return fmt.Sprintf("%s: %s, from %s.", subject, joinAnd(items), counted(len(reports), "report", "reports"))
}

// onePairHeadline is the headline of an answer about one supplier →
// recipient route: "Turkey → Kazakhstan in the index: 3 deals (2
// delivered, 1 ordered), from 4 reports."
func onePairHeadline(parties []*party, reports int) string {
	for _, p := range parties {
		deals := p.certainSupply(true)
		if len(deals) == 0 {
			continue
		}
		delivered := 0
		for _, l := range deals {
			if l.status == StatusDelivered {
				delivered++
			}
		}
		stages := fmt.Sprintf("%d delivered, %d ordered", delivered, len(deals)-delivered)
		switch delivered {
		case len(deals):
			stages = plural(len(deals), "delivered", "all delivered")
		case 0:
			stages = plural(len(deals), "ordered", "all ordered")
		}
		return fmt.Sprintf("%s in the index: %s (%s), from %s.", p.name, counted(len(deals), "deal", "deals"), stages,
			counted(reports, "report", "reports"))
	}
	return ""
}

// partyFigure is the number after a counterparty's name: its certain deals
// ("5 deals" the first time, then a bare "3"), or its delivered volume.
func partyFigure(p *party, deals int, first, byVolume bool) string {
	if byVolume && first {
		return fmt.Sprintf("%.0f million SIPRI TIV delivered", p.tiv)
	}
	if byVolume {
		return fmt.Sprintf("%.0f", p.tiv)
	}
	if first {
		return counted(deals, "deal", "deals")
	}
	return fmt.Sprint(deals)
}

// headlineSubject names what the headline lists: "Kazakhstan's suppliers
// in the index", "Countries Turkey supplies in the index", "Supply routes in
// the index".
func headlineSubject(u Understanding) string {
	s := "Supply routes in the index"
	switch {
	case u.Intent == IntentSuppliers && len(u.Recipients) > 0:
		s = possessive(target(u.Recipients, u.Group)) + " suppliers in the index"
	case u.Intent == IntentSuppliers:
		s = "Suppliers in the index"
	case u.Intent == IntentRecipients && len(u.Suppliers) > 0:
		s = "Countries " + target(u.Suppliers, "") + " supplies in the index"
	case u.Intent == IntentRecipients:
		s = "Recipients in the index"
	}
	if u.ByVolume {
		s += ", by volume"
	}
	return s
}

// noConfirmedSupply is the headline when no delivery or order is certain.
func noConfirmedSupply(unsure int, hits []RelationHit) string {
	if unsure > 0 {
		return fmt.Sprintf("No confirmed delivery or order in the index: %s read only from context %s below.",
			counted(unsure, "less certain deal", "less certain deals"), plural(unsure, "is listed", "are listed"))
	}
	reports := map[string]bool{}
	for _, h := range hits {
		reports[h.Evidence.ReportID] = true
	}
	return fmt.Sprintf("No delivered or ordered transfers found in %s, only talks, plans or cancellations.",
		counted(len(reports), "report", "reports"))
}

// target names the countries a question is about: the group's name, or up
// to three names.
func target(names []string, group string) string {
	if group != "" {
		return group
	}
	if len(names) > 3 {
		return strings.Join(names[:3], ", ") + " and others"
	}
	return joinAnd(names)
}

// possessive is "Kazakhstan's", "the United States'".
func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// joinAnd joins "a", "b", "c" as "a, b and c".
func joinAnd(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// counted says a count with its noun in the right number: "1 report",
// "2 reports".
func counted(n int, one, many string) string {
	return fmt.Sprintf("%d %s", n, plural(n, one, many))
}
