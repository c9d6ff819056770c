package bot

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// Limits of one digest, so it stays readable in a channel.
const (
	maxDigestReports = 15 // new reports listed
	maxStatusChanges = 10
	maxActivePairs   = 5
	maxDigestRelated = 2000 // new relations read
)

// DigestQuery asks what changed in the index in a window of ingest times.
type DigestQuery struct {
	From, To   time.Time // [From, To); a zero To means now
	Countries  []string  // canonical names; only relations and reports touching them. nil: all
	Categories []string  // SIPRI categories; nil: all
	// Chart asks for the table of a chart of the window's new confirmed
	// deliveries by recipient (Answer.Chart), when there are any.
	Chart bool
}

// Digest tells what changed in the index in a window: the new reports
// (title, source, first sentence, link), the new supply relations grouped by
// recipient (only confirmed ones: stated in a sentence, a register row, or
// read from context and confirmed by other evidence; the others are only
// counted as left out), deals whose status moved on (ordered → delivered, cancellations)
// compared with what the index held before, and the most active supplier →
// recipient pairs. Every line is cited. An empty window gives an Answer with
// NoMatch set and a short "nothing new" text. The Searcher must also be a
// RelationSearcher and a ChangeSource (the index is both).
func (b *Bot) Digest(ctx context.Context, q DigestQuery) (*Answer, error) {
	ans, err := b.digest(ctx, q)
	if err == nil {
		err = b.addStorySources(ctx, ans)
	}
	return ans, err
}

func (b *Bot) digest(ctx context.Context, q DigestQuery) (*Answer, error) {
	rs, ok1 := b.search.(RelationSearcher)
	cs, ok2 := b.search.(ChangeSource)
	if !ok1 || !ok2 {
		return nil, ErrCannotDigest
	}
	to := q.To
	if to.IsZero() {
		to = b.opts.Now()
	}
	title := fmt.Sprintf("Digest of %s to %s", q.From.Format(DateLayout), to.Format(DateLayout))
	ans := &Answer{Question: title, Relations: []RelationLine{}, Citations: []Citation{}}
	reports, err := cs.ReportsIngested(ctx, q.From, to)
	if err != nil {
		return nil, err
	}
	var rels []RelationHit
	if len(reports) > 0 {
		ids := make([]string, len(reports))
		for i, r := range reports {
			ids[i] = r.ID
		}
		res, err := rs.SearchRelations(ctx, RelationQuery{ReportIDs: ids, Categories: q.Categories, Limit: maxDigestRelated})
		if err != nil {
			return nil, err
		}
		rels = res.Hits
	}
	rels = slices.DeleteFunc(rels, func(h RelationHit) bool { return !touches(h.Relation, q.Countries) })
	reports = slices.DeleteFunc(reports, func(r Report) bool {
		return len(q.Countries) > 0 && !slices.ContainsFunc(rels, func(h RelationHit) bool { return h.Evidence.ReportID == r.ID })
	})
	if len(reports) == 0 {
		ans.NoMatch = true
		ans.Text = title + ": nothing new."
		return ans, nil
	}
	return b.composeDigest(ctx, rs, ans, reports, rels, q.Chart)
}

// composeDigest writes the digest of the window's reports and relations
// into ans. Only confirmed deliveries and orders are posted as new supply
// relations; those read only from context are counted as left out.
func (b *Bot) composeDigest(ctx context.Context, rs RelationSearcher, ans *Answer, reports []Report, rels []RelationHit, chart bool) (*Answer, error) {
	title := ans.Question
	c := newComposer(title)
	c.withSupplier = true
	parties := c.group(rels, Understanding{Intent: IntentRecipients}, nil)
	if err := corroborate(ctx, rs, "", rels, allLines(parties)); err != nil {
		return nil, err
	}
	rankParties(parties, false)
	sure, unsure, certainRels := splitByCertainty(allLines(parties))
	text := []string{fmt.Sprintf("%s: %s, %s.", title, counted(len(reports), "new report", "new reports"),
		counted(sure, "new supply relation", "new supply relations"))}
	text = append(text, c.reportLines(reports)...)
	if sure > 0 {
		text = append(text, "New supply relations, by recipient:")
		text = append(text, c.supplyLines(parties, true, maxCounterparties)...)
		var supply []*line
		for _, p := range parties {
			supply = append(supply, p.certainSupply(true)...)
		}
		ans.Relations = shownRelations(supply)
	}
	if unsure > 0 {
		text = append(text, fmt.Sprintf("Left out: %s read only from context, not confirmed elsewhere.",
			counted(unsure, "less certain relation", "less certain relations")))
	}
	changes, err := b.statusChanges(ctx, rs, c, certainRels, reports)
	if err != nil {
		return nil, err
	}
	if len(changes) > 0 {
		text = append(text, "Status changes:")
		text = append(text, changes...)
	}
	if pairs := activePairs(allLines(parties)); len(pairs) > 0 {
		text = append(text, "Most active: "+strings.Join(pairs, ", ")+".")
	}
	ans.Text = strings.Join(text, "\n")
	ans.Citations = c.citations
	if chart {
		ans.Chart = digestChart(title, parties)
	}
	return ans, nil
}

// splitByCertainty counts the certain and the less certain deliveries and
// orders among lines, and returns the relations of every certain line.
func splitByCertainty(lines []*line) (sure, unsure int, certainRels []RelationHit) {
	for _, l := range lines {
		switch {
		case l.certain():
			certainRels = append(certainRels, l.hits...)
			if l.supply() {
				sure++
			}
		case l.supply():
			unsure++
		}
	}
	return sure, unsure, certainRels
}

// reportLines lists the window's new reports, each cited by its first
// sentence.
func (c *composer) reportLines(reports []Report) []string {
	text := []string{"New reports:"}
	for i, r := range reports {
		if i == maxDigestReports {
			text = append(text, fmt.Sprintf("- …and %d more.", len(reports)-i))
			break
		}
		n := len(c.citations) + 1
		c.citations = append(c.citations, Citation{N: n, ReportID: r.ID, Title: r.Title, Source: r.Source, URL: r.URL,
			Published: r.PublishedString(), Quote: r.Body})
		meta := strings.Join(slices.DeleteFunc([]string{r.Source, r.PublishedString()}, func(s string) bool { return s == "" }), ", ")
		line := "- " + r.Title
		if meta != "" {
			line += " (" + meta + ")"
		}
		text = append(text, fmt.Sprintf("%s [%d]", line, n))
	}
	return text
}

func touches(r Relation, countries []string) bool {
	return len(countries) == 0 || slices.Contains(countries, r.Supplier) || slices.Contains(countries, r.Recipient)
}

// statusRank orders statuses along a deal's life; cancelled ends it.
var statusRank = map[Status]int{StatusPlanned: 1, StatusOrdered: 2, StatusDelivered: 3, StatusCancelled: 4}

// statusChanges compares the window's relations about a named system with
// what earlier reports said about the same supplier, recipient and system,
// and says where the deal moved on: "Turkey → Kazakhstan, Anka: ordered →
// delivered [3] [4]".
func (b *Bot) statusChanges(ctx context.Context, rs RelationSearcher, c *composer, rels []RelationHit, window []Report) ([]string, error) {
	inWindow := map[string]bool{}
	for _, r := range window {
		inWindow[r.ID] = true
	}
	type key struct{ s, r, sys string }
	latest := map[key]RelationHit{}
	var order []key
	for _, h := range rels {
		if h.System == "" || h.Denied {
			continue
		}
		k := key{h.Supplier, h.Recipient, systemKey(h.Relation)}
		if prev, ok := latest[k]; !ok {
			order = append(order, k)
			latest[k] = h
		} else if statusRank[h.Status] > statusRank[prev.Status] {
			latest[k] = h
		}
	}
	var out []string
	for _, k := range order {
		if len(out) == maxStatusChanges {
			break
		}
		now := latest[k]
		res, err := rs.SearchRelations(ctx, RelationQuery{Suppliers: []string{k.s}, Recipients: []string{k.r}, System: now.System, Limit: 50})
		if err != nil {
			return nil, err
		}
		var before *RelationHit
		for i, h := range res.Hits {
			if inWindow[h.Evidence.ReportID] || h.Denied {
				continue
			}
			if before == nil || statusRank[h.Status] > statusRank[before.Status] {
				before = &res.Hits[i]
			}
		}
		if before == nil || statusRank[before.Status] >= statusRank[now.Status] {
			continue
		}
		out = append(out, fmt.Sprintf("- %s → %s, %s: %s → %s [%d] [%d]", k.s, k.r, systemName(now.System),
			before.Status, now.Status, c.cite(*before), c.cite(now)))
	}
	return out, nil
}

// activePairs names the supplier → recipient pairs with the most new
// confirmed deals (deliveries and orders).
func activePairs(lines []*line) []string {
	count := map[string]int{}
	for _, l := range lines {
		if l.supply() && l.certain() {
			count[l.supplier+" → "+l.recipient]++
		}
	}
	pairs := make([]string, 0, len(count))
	for p := range count {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if count[pairs[i]] != count[pairs[j]] {
			return count[pairs[i]] > count[pairs[j]]
		}
		return pairs[i] < pairs[j]
	})
	if len(pairs) > maxActivePairs {
		pairs = pairs[:maxActivePairs]
	}
	for i, p := range pairs {
		pairs[i] = fmt.Sprintf("%s (%d)", p, count[p])
	}
	return pairs
}
