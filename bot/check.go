package bot

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Limits of the context a "no record" answer gives.
const (
	maxContextParties   = 4  // counterparties named per country
	maxContextRelations = 40 // relations loaded per country
)

// rumourWords in an evidence sentence make a delivery unconfirmed: it
// never makes a verdict "yes".
var rumourWords = wordSet("rumour rumours rumoured rumor rumors rumored unconfirmed unverified allegedly alleged speculation speculated speculative")

// checkAnswer answers a yes/no question: the verdict first, with the
// evidence it rests on cited, then the relations found. With none found it
// says plainly that no report says so, then what the reports say about
// the countries asked about.
func (b *Bot) checkAnswer(ctx context.Context, rs RelationSearcher, q string, u Understanding, f Filter) (*Answer, error) {
	ans, err := b.relationAnswer(ctx, rs, q, u, f)
	if err != nil {
		return nil, err
	}
	if ans == nil {
		return b.noRecordAnswer(ctx, rs, q, u, f)
	}
	judged := ans
	if u.Licence {
		// "Is Riyadh going to build Chinese drones?" asks about production
		// at home: only licence deals answer it, not imports.
		judged = &Answer{Citations: ans.Citations, Relations: licenceLines(ans.Relations)}
	}
	if u.Further {
		// "Is Washington sending six more A-29s?" asks about the batch
		// still to come: a pending order or plan answers it before the
		// deliveries already made.
		if p := pendingLines(judged); len(p) > 0 {
			judged = &Answer{Citations: judged.Citations, Relations: p}
		}
	}
	v, basis := verdictOf(judged)
	ans.Verdict = v
	for _, l := range basis {
		for _, n := range l.Citations {
			if !slices.Contains(ans.VerdictCitations, n) {
				ans.VerdictCitations = append(ans.VerdictCitations, n)
			}
		}
	}
	head := verdictHeadline(v, basis, ans.Citations)
	if v == VerdictYes {
		stated, err := statedLines(ctx, rs, u, f)
		if err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(basis, func(l RelationLine) bool { return stated[lineKey(l.Supplier, l.Recipient, l.System, l.Status)] }) {
			head = strings.TrimSuffix(head, ".") + " (less certain: one side is read from the report's context, not stated in the sentence)."
		}
	}
	if u.Licence && len(judged.Relations) == 0 {
		head = "No report in the index mentions licensed production; what it records:"
	}
	ans.Text = head + "\n" + ans.Text
	return ans, nil
}

// statedLines are the deal lines of the question that some sentence
// states outright, not completed from the report's context.
func statedLines(ctx context.Context, rs RelationSearcher, u Understanding, f Filter) (map[string]bool, error) {
	res, err := rs.SearchRelations(ctx, RelationQuery{Suppliers: u.Suppliers, Recipients: u.Recipients, Either: u.Either,
		Categories: u.Categories, System: u.System, YearFrom: u.YearFrom, YearTo: u.YearTo, SourceType: f.SourceType,
		Limit: maxContextRelations * 5})
	if err != nil {
		return nil, err
	}
	stated := map[string]bool{}
	for _, h := range res.Hits {
		if !h.Inferred {
			stated[lineKey(h.Supplier, h.Recipient, systemName(h.System), string(h.Status))] = true
		}
	}
	return stated, nil
}

func lineKey(supplier, recipient, system, status string) string {
	return supplier + "|" + recipient + "|" + fold(system) + "|" + status
}

// pendingLines are the ordered or planned lines not cancelled since.
func pendingLines(ans *Answer) []RelationLine {
	var out []RelationLine
	for _, l := range ans.Relations {
		if (Status(l.Status) == StatusOrdered || Status(l.Status) == StatusPlanned) && !cancelledLater(ans, l) {
			out = append(out, l)
		}
	}
	return out
}

func licenceLines(lines []RelationLine) []RelationLine {
	var out []RelationLine
	for _, l := range lines {
		if l.Kind == string(KindLicence) {
			out = append(out, l)
		}
	}
	return out
}

// verdictOf decides a yes/no question from the relation lines an answer
// shows, and returns the lines it rests on: "yes" needs a delivery that is
// neither rumoured nor overtaken by a later cancellation of the same deal;
// otherwise an order or plan not cancelled since makes "not yet", a
// cancellation or denial "no".
func verdictOf(ans *Answer) (Verdict, []RelationLine) {
	var delivered, pending, cancelled []RelationLine
	for _, l := range ans.Relations {
		switch Status(l.Status) {
		case StatusDelivered:
			if !rumoured(ans, l) && !cancelledLater(ans, l) {
				delivered = append(delivered, l)
			}
		case StatusOrdered, StatusPlanned:
			if !cancelledLater(ans, l) {
				pending = append(pending, l)
			}
		case StatusCancelled:
			cancelled = append(cancelled, l)
		}
	}
	switch {
	case len(delivered) > 0:
		return VerdictYes, delivered
	case len(pending) > 0:
		return VerdictNotYet, pending
	case len(cancelled) > 0:
		return VerdictNo, cancelled
	}
	return VerdictNoRecord, nil
}

// denialWords in a sentence cited for a delivery make it too doubtful to
// answer "yes" on, whatever the extractor read.
var denialWords = wordSet("deny denies denied denying denial denials dismissed refuted")

// rumoured: every sentence cited for the line hedges it as a rumour or
// carries a denial.
func rumoured(ans *Answer, l RelationLine) bool {
	for _, n := range l.Citations {
		q := ans.Citations[n-1].Quote
		if !rumourSentence(q) && !hasAny(wordSpans(strings.ToLower(q)), denialWords) {
			return false
		}
	}
	return len(l.Citations) > 0
}

// rumourSentence reports whether a sentence hedges what it says as a
// rumour or an unconfirmed claim.
func rumourSentence(s string) bool {
	return hasAny(wordSpans(strings.ToLower(s)), rumourWords)
}

// cancelledLater: the same deal (pair and system) has a cancellation
// reported no earlier than the line's own reports.
func cancelledLater(ans *Answer, l RelationLine) bool {
	for _, c := range ans.Relations {
		if Status(c.Status) == StatusCancelled && c.Supplier == l.Supplier && c.Recipient == l.Recipient &&
			fold(c.System) == fold(l.System) && latestPublished(ans, c) >= latestPublished(ans, l) {
			return true
		}
	}
	return false
}

func latestPublished(ans *Answer, l RelationLine) string {
	latest := ""
	for _, n := range l.Citations {
		latest = max(latest, ans.Citations[n-1].Published)
	}
	return latest
}

// verdictHeadline says the verdict in one line with the evidence cited.
func verdictHeadline(v Verdict, basis []RelationLine, cs []Citation) string {
	lead := map[Verdict]string{
		VerdictYes:    "Yes, delivered",
		VerdictNotYet: "Not yet: ordered or planned, no delivery reported",
		VerdictNo:     "No: cancelled or denied",
	}[v]
	if v == VerdictNoRecord {
		return "No report in the index confirms it: the only reports of a delivery are unconfirmed or denied."
	}
	var parts []string
	for i, l := range basis {
		if i == 2 {
			parts = append(parts, fmt.Sprintf("and %d more", len(basis)-i))
			break
		}
		parts = append(parts, lineText(l, cs))
	}
	return lead + " — " + strings.Join(parts, "; ") + "."
}

// lineText says a relation line briefly: "China → Serbia: FK-3, ordered
// in 2020 [3]"; a line that states no year says when it was reported.
func lineText(l RelationLine, cs []Citation) string {
	what := l.System
	if what == "" {
		what = strings.ToLower(l.Category)
	}
	if what == "" {
		what = "arms"
	}
	status := l.Status
	if l.Kind == string(KindLicence) {
		status += " under licence"
	}
	s := fmt.Sprintf("%s → %s: %s, %s", l.Supplier, l.Recipient, what, status)
	if len(l.Years) > 0 {
		s += " " + yearsText(l.Years)
	} else if len(l.Citations) > 0 && cs[l.Citations[0]-1].Published != "" {
		s += " (no year given; reported " + cs[l.Citations[0]-1].Published + ")"
	}
	for _, n := range l.Citations {
		s += fmt.Sprintf(" [%d]", n)
	}
	return s
}

// noRecordAnswer answers a yes/no question no relation supports: a plain
// "no report says so", then, for each country asked about, its recorded
// suppliers and customers, and failing those the passages that name it.
func (b *Bot) noRecordAnswer(ctx context.Context, rs RelationSearcher, q string, u Understanding, f Filter) (*Answer, error) {
	const head = "No report in the index says so."
	c := newComposer(q)
	text := []string{head}
	for _, asked := range askedCountries(u) {
		line, err := b.countryContext(ctx, rs, c, asked.name, asked.asRecipient, f)
		if err != nil {
			return nil, err
		}
		if line != "" {
			text = append(text, line)
		}
	}
	ans := &Answer{Question: q, Verdict: VerdictNoRecord, Relations: []RelationLine{}, Citations: c.citations}
	if len(c.citations) == 0 {
		pa, err := b.passageAnswer(ctx, q, Words(q), f)
		if err != nil {
			return nil, err
		}
		pa.Verdict = VerdictNoRecord
		pa.Text = head + " " + pa.Text
		if pa.NoMatch {
			pa.Text = head + " The reports say nothing about it at all."
		}
		return pa, nil
	}
	ans.Text = strings.Join(text, "\n")
	return ans, nil
}

// askedCountry is a country a question names, on the side it was read.
type askedCountry struct {
	name        string
	asRecipient bool
}

// askedCountries are the countries a question names, at most two of each
// side (a region is not listed member by member); with the direction left
// open, each on both sides.
func askedCountries(u Understanding) []askedCountry {
	var out []askedCountry
	add := func(names []string, asRecipient bool) {
		if len(names) > 2 {
			return
		}
		for _, n := range names {
			out = append(out, askedCountry{n, asRecipient})
		}
	}
	add(u.Recipients, true)
	add(u.Suppliers, false)
	if u.Either {
		add(u.Recipients, false)
		add(u.Suppliers, true)
	}
	return out
}

// countryContext says what the reports record of one country on the side
// the question put it: whom it gets arms from, or whom it supplies, one
// cited example per counterparty. "" when they record nothing.
func (b *Bot) countryContext(ctx context.Context, rs RelationSearcher, c *composer, name string, asRecipient bool, f Filter) (string, error) {
	rq := RelationQuery{SourceType: f.SourceType, Limit: maxContextRelations}
	label := "supplies"
	if asRecipient {
		rq.Recipients, label = []string{name}, "receives arms from"
	} else {
		rq.Suppliers = []string{name}
	}
	res, err := rs.SearchRelations(ctx, rq)
	if err != nil {
		return "", err
	}
	parts := c.contextParts(res.Hits, asRecipient)
	if len(parts) == 0 {
		return "", nil
	}
	return fmt.Sprintf("What the reports do say: %s %s %s.", name, label, strings.Join(parts, "; ")), nil
}

// contextParts names up to maxContextParties counterparties of delivered
// or ordered relations, most often recorded first, each with one cited
// example: "Turkey (Bayraktar TB2, delivered [2])".
func (c *composer) contextParts(hits []RelationHit, asRecipient bool) []string {
	byParty := map[string][]RelationHit{}
	for _, h := range hits {
		if h.Status != StatusDelivered && h.Status != StatusOrdered || rumourSentence(h.Evidence.Sentence) {
			continue
		}
		party := h.Recipient
		if asRecipient {
			party = h.Supplier
		}
		byParty[party] = append(byParty[party], h)
	}
	names := make([]string, 0, len(byParty))
	for n := range byParty {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := byParty[names[i]], byParty[names[j]]
		return len(a) > len(b) || len(a) == len(b) && names[i] < names[j]
	})
	var parts []string
	for _, n := range names[:min(len(names), maxContextParties)] {
		h := byParty[n][0]
		what := systemName(h.System)
		if what == "" {
			what = strings.ToLower(h.Category)
		}
		if what == "" {
			what = "arms"
		}
		parts = append(parts, fmt.Sprintf("%s (%s, %s [%d])", n, what, h.Status, c.cite(h)))
	}
	if len(names) > maxContextParties {
		parts = append(parts, fmt.Sprintf("and %d more", len(names)-maxContextParties))
	}
	return slices.Clip(parts)
}
