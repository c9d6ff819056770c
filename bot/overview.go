package bot

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// Limits of an overview.
const (
	maxOverviewRelations = 2000 // relations loaded to count pairs
	maxOverviewPairs     = 15   // pairs listed
	maxPairSystems       = 3    // main systems named per pair
)

// pairTally counts one supplier → recipient pair's supply.
type pairTally struct {
	supplier, recipient string
	deals               map[string]bool // system keys of delivered or ordered relations
	systems             map[string]int  // named systems by number of sentences
	reports             map[string]bool
	first               RelationHit // the relation cited for the pair: a stated one when there is any
	stated              bool        // some relation of the pair is stated in one sentence
}

// overviewAnswer answers "who supplies whom" for a region (or the whole
// index): one line per supplier → recipient pair with the number of
// distinct deals delivered or ordered and the main systems, most deals
// first. Talks, plans, cancellations, denials and rumours are not counted. It
// returns nil when no pair has any supply.
func (b *Bot) overviewAnswer(ctx context.Context, rs RelationSearcher, q string, u Understanding, f Filter) (*Answer, error) {
	rq := RelationQuery{Recipients: u.Recipients, Categories: u.Categories, System: u.System,
		YearFrom: u.YearFrom, YearTo: u.YearTo, SourceType: f.SourceType, Limit: maxOverviewRelations}
	res, err := rs.SearchRelations(ctx, rq)
	if err != nil {
		return nil, err
	}
	pairs, notCounted := tallyPairs(narrowByKind(res.Hits, u.Kinds))
	if len(pairs) == 0 {
		return nil, nil
	}
	c := newComposer(q)
	ans := &Answer{Question: q, Relations: []RelationLine{}}
	text := []string{overviewHeadline(u, pairs, len(res.Hits) < res.Total, len(res.Hits), res.Total)}
	for i, p := range pairs {
		if i == maxOverviewPairs {
			text = append(text, fmt.Sprintf("- …and %d more pairs.", len(pairs)-i))
			break
		}
		s := PairSummary{Supplier: p.supplier, Recipient: p.recipient, Deals: len(p.deals), Reports: len(p.reports),
			Systems: mainSystems(p.systems), Citations: []int{c.cite(p.first)}, Inferred: !p.stated}
		ans.Overview = append(ans.Overview, s)
		text = append(text, "- "+pairText(s))
	}
	if notCounted > 0 {
		text = append(text, fmt.Sprintf("Not counted: %d %s of talks, plans, cancellations, denials or rumours.", notCounted, plural(notCounted, "mention", "mentions")))
	}
	ans.Text = strings.Join(text, "\n")
	ans.Citations = c.citations
	return ans, nil
}

// tallyPairs counts supply per pair, most deals first (then most reports,
// then by name), and the relations that are not supply.
func tallyPairs(hits []RelationHit) ([]*pairTally, int) {
	byPair := map[string]*pairTally{}
	var order []*pairTally
	notCounted := 0
	for _, h := range hits {
		if h.Status != StatusDelivered && h.Status != StatusOrdered || rumourSentence(h.Evidence.Sentence) {
			notCounted++
			continue
		}
		key := h.Supplier + "→" + h.Recipient
		p := byPair[key]
		if p == nil {
			p = &pairTally{supplier: h.Supplier, recipient: h.Recipient, deals: map[string]bool{}, systems: map[string]int{},
				reports: map[string]bool{}, first: h}
			byPair[key] = p
			order = append(order, p)
		}
		if !h.Inferred && !p.stated {
			p.stated, p.first = true, h
		}
		p.deals[systemKey(h.Relation)] = true
		if h.System != "" {
			p.systems[systemName(h.System)]++
		}
		p.reports[h.Evidence.ReportID] = true
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		switch {
		case len(a.deals) != len(b.deals):
			return len(a.deals) > len(b.deals)
		case len(a.reports) != len(b.reports):
			return len(a.reports) > len(b.reports)
		}
		return a.supplier+a.recipient < b.supplier+b.recipient
	})
	return order, notCounted
}

// mainSystems are the named systems of a pair, most often stated first.
func mainSystems(counts map[string]int) []string {
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		return counts[names[i]] > counts[names[j]] || counts[names[i]] == counts[names[j]] && names[i] < names[j]
	})
	return names[:min(len(names), maxPairSystems)]
}

func overviewHeadline(u Understanding, pairs []*pairTally, truncated bool, loaded, total int) string {
	suppliers, recipients := map[string]bool{}, map[string]bool{}
	for _, p := range pairs {
		suppliers[p.supplier], recipients[p.recipient] = true, true
	}
	where := "in the index"
	if u.Group != "" {
		where = "in " + u.Group
	} else if len(u.Recipients) > 0 {
		where = "to " + target(u.Recipients, "")
	}
	s := fmt.Sprintf("Who supplies whom %s: %d supply %s from %d %s to %d %s (distinct deals delivered or ordered)",
		where, len(pairs), plural(len(pairs), "route", "routes"), len(suppliers), plural(len(suppliers), "supplier", "suppliers"),
		len(recipients), plural(len(recipients), "recipient", "recipients"))
	if truncated {
		s += fmt.Sprintf(", counted over %d of %d relations", loaded, total)
	}
	return s + ":"
}

// pairText: "Turkey → Kazakhstan: 3 deals (Anka, Bayraktar TB2) in 2 reports [1]".
func pairText(p PairSummary) string {
	s := fmt.Sprintf("%s → %s: %d %s", p.Supplier, p.Recipient, p.Deals, plural(p.Deals, "deal", "deals"))
	if len(p.Systems) > 0 {
		s += " (" + strings.Join(p.Systems, ", ") + ")"
	}
	s += fmt.Sprintf(" in %d %s", p.Reports, plural(p.Reports, "report", "reports"))
	if p.Inferred {
		s += " (less certain: read from context)"
	}
	return s + citeMarks(p.Citations)
}
