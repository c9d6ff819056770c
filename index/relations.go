package index

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/briefbot/briefbot/bot"
)

var _ bot.RelationSearcher = (*Index)(nil)

// defaultRelationLimit bounds the relations one answer loads.
const defaultRelationLimit = 200

// SearchRelations finds supply relations by supplier, recipient, category,
// system and years, most recently published first. Total counts every
// match, also those past the limit.
func (x *Index) SearchRelations(ctx context.Context, q bot.RelationQuery) (bot.RelationResult, error) {
	must := []query.Query{termIn(fType, typeRelation)}
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
	limit := q.Limit
	if limit <= 0 {
		limit = defaultRelationLimit
	}
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery(must), limit, 0, false)
	req.Fields = []string{fReportID, fSupplier, fRecipient, fGroup, fSystem, fCategory, fStatus, fKind, fYears,
		fDenied, fInferred, fSentence, fStart, fEnd, fTitle, fSource, fURL, fPublished, fSourceTyp, fCiteTitle, fTIV}
	req.SortBy([]string{"-" + fPublished, "_id"})
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
