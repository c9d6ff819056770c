package index

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/briefbot/briefbot/bot"
)

var _ bot.RelationSearcher = (*Index)(nil)

// defaultRelationLimit bounds the relations one answer loads.
const defaultRelationLimit = 60

// SearchRelations finds supply relations by supplier, recipient, category,
// system and years. Total (and Counts, when asked for) count every match;
// at most Limit of them are loaded, and those come most recently published
// first. Which ones are loaded when more match is Bleve's choice, not the
// most recent: sorting every match by date in Bleve reads a doc value per
// match and made answers 2-3 times slower at 10,000 reports, so callers
// that need a counterparty's relations ask for it by name.
func (x *Index) SearchRelations(ctx context.Context, q bot.RelationQuery) (bot.RelationResult, error) {
	var must []query.Query
	sup, rec := anyOf(fSupplier, q.Suppliers), anyOf(fRecipient, q.Recipients)
	switch {
	case q.Either && sup != nil && rec != nil:
		there := query.NewConjunctionQuery([]query.Query{sup, rec})
		back := query.NewConjunctionQuery([]query.Query{anyOf(fSupplier, q.Recipients), anyOf(fRecipient, q.Suppliers)})
		must = append(must, query.NewDisjunctionQuery([]query.Query{there, back}))
	default:
		for _, c := range []query.Query{sup, rec} {
			if c != nil {
				must = append(must, c)
			}
		}
	}
	if c := anyOf(fCategory, q.Categories); c != nil {
		must = append(must, c)
	}
	if q.SourceType != "" {
		must = append(must, termIn(fSourceTyp, q.SourceType))
	}
	if q.System != "" {
		must = append(must, termIn(fSystemKey, SystemKey(q.System)))
	}
	if q.YearFrom != 0 || q.YearTo != 0 {
		var lo, hi *float64
		if q.YearFrom != 0 {
			v := float64(q.YearFrom)
			lo = &v
		}
		if q.YearTo != 0 {
			v := float64(q.YearTo)
			hi = &v
		}
		t := true
		r := query.NewNumericRangeInclusiveQuery(lo, hi, &t, &t)
		r.SetField(fYears)
		must = append(must, r)
	}
	if len(must) == 0 {
		// Only relation documents have the fields above; with none of
		// them asked for, select relations by type.
		must = append(must, termIn(fType, typeRelation))
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultRelationLimit
	}
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery(must), limit, 0, false)
	req.Fields = []string{fReportID, fSupplier, fRecipient, fGroup, fSystem, fCategory, fStatus, fKind, fYears,
		fDenied, fInferred, fSentence, fStart, fEnd, fTitle, fSource, fURL, fPublished, fSourceTyp, fCiteTitle, fTIV}
	if q.CountBy == fSupplier || q.CountBy == fRecipient {
		req.AddFacet(q.CountBy, bleve.NewFacetRequest(q.CountBy, 300))
	}
	res, err := x.b.SearchInContext(ctx, req)
	if err != nil {
		return bot.RelationResult{}, fmt.Errorf("search relations: %w", err)
	}
	out := bot.RelationResult{Total: int(res.Total), Hits: make([]bot.RelationHit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, relationHit(h))
	}
	sort.SliceStable(out.Hits, func(i, j int) bool {
		a, b := out.Hits[i], out.Hits[j]
		if !a.Report.Published.Equal(b.Report.Published) {
			return a.Report.Published.After(b.Report.Published)
		}
		return a.Evidence.ReportID < b.Evidence.ReportID || (a.Evidence.ReportID == b.Evidence.ReportID && a.Evidence.Start < b.Evidence.Start)
	})
	if f := res.Facets[q.CountBy]; f != nil && f.Terms != nil {
		out.Counts = map[string]int{}
		for _, t := range f.Terms.Terms() {
			out.Counts[t.Term] = t.Count
		}
	}
	return out, nil
}

func termIn(field, value string) query.Query {
	q := query.NewTermQuery(value)
	q.SetField(field)
	return q
}

// anyOf matches a keyword field against any of values; nil for none.
func anyOf(field string, values []string) query.Query {
	switch len(values) {
	case 0:
		return nil
	case 1:
		return termIn(field, values[0])
	}
	qs := make([]query.Query, len(values))
	for i, v := range values {
		qs[i] = termIn(field, v)
	}
	return query.NewDisjunctionQuery(qs)
}

func relationHit(h *search.DocumentMatch) bot.RelationHit {
	str := func(f string) string { s, _ := h.Fields[f].(string); return s }
	num := func(f string) int { n, _ := h.Fields[f].(float64); return int(n) }
	tiv, _ := h.Fields[fTIV].(float64)
	var years []int
	switch v := h.Fields[fYears].(type) {
	case float64:
		years = []int{int(v)}
	case []any:
		for _, y := range v {
			if f, ok := y.(float64); ok {
				years = append(years, int(f))
			}
		}
	}
	var published time.Time
	if s := str(fPublished); s != "" {
		published, _ = time.Parse(time.RFC3339, s)
	}
	rel := bot.Relation{
		Supplier: str(fSupplier), Recipient: str(fRecipient), Group: str(fGroup), System: str(fSystem),
		Category: str(fCategory), Status: bot.Status(str(fStatus)), Kind: bot.Kind(str(fKind)), Years: years,
		Denied: str(fDenied) == "true", Inferred: str(fInferred) == "true", TIV: tiv,
		Evidence: bot.Evidence{ReportID: str(fReportID), Sentence: str(fSentence), Start: num(fStart), End: num(fEnd), Title: str(fCiteTitle)},
	}
	return bot.RelationHit{Relation: rel, Report: bot.Report{ID: str(fReportID), Title: str(fTitle), Source: str(fSource), URL: str(fURL),
		Published: published, SourceType: str(fSourceTyp)}}
}
