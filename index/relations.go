package index

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/weapons"
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
	if q.System != "" {
		must = append(must, anyOf(fSystemKey, systemKeys(q.System)))
	}
	if q.YearFrom != 0 || q.YearTo != 0 {
		must = append(must, inYears(q.YearFrom, q.YearTo))
	}
	if len(must) == 0 {
		// Only relation documents have the fields above; with none of
		// them asked for, select relations by type (report_id and
		// source_type are on passages and reports too).
		must = append(must, termIn(fType, typeRelation))
	}
	if q.ReportIDs != nil {
		if len(q.ReportIDs) == 0 {
			return bot.RelationResult{}, nil
		}
		must = append(must, anyOf(fReportID, q.ReportIDs))
	}
	if q.SourceType != "" {
		must = append(must, termIn(fSourceTyp, q.SourceType))
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultRelationLimit
	}
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery(must), limit, 0, false)
	req.Fields = []string{fData}
	if q.CountBy == fSupplier || q.CountBy == fRecipient {
		req.AddFacet(q.CountBy, bleve.NewFacetRequest(q.CountBy, 300))
	}
	res, err := x.b.SearchInContext(ctx, req)
	if err != nil {
		return bot.RelationResult{}, fmt.Errorf("search relations: %w", err)
	}
	out := bot.RelationResult{Total: int(res.Total), Hits: make([]bot.RelationHit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		hit, err := relationHit(h)
		if err != nil {
			return bot.RelationResult{}, err
		}
		out.Hits = append(out.Hits, hit)
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

// Years a relation can be asked about: an open end of a range stops here.
const (
	firstYear = 1900
	lastYear  = 2100
)

// yearsBetween matches relations with a year in [from, to]; 0 leaves an
// end open.
func yearsBetween(from, to int) query.Query {
	if from == 0 || from < firstYear {
		from = firstYear
	}
	if to == 0 || to > lastYear {
		to = lastYear
	}
	var years []string
	for y := from; y <= to; y++ {
		years = append(years, strconv.Itoa(y))
	}
	if len(years) == 0 {
		return query.NewMatchNoneQuery()
	}
	return anyOf(fYears, years)
}

// undatedYear is the years term of a relation that states no year.
const undatedYear = "none"

// addRelationDates completes a relation document with what a year filter
// needs besides its years: the term undatedYear when it has none, and the
// report's publication date.
func addRelationDates(doc map[string]any, r bot.Report) {
	if years, _ := doc[fYears].([]string); len(years) == 0 {
		doc[fYears] = []string{undatedYear}
	}
	if !r.Published.IsZero() {
		doc[fPublished] = r.Published.UTC().Format(time.RFC3339)
	}
}

// inYears matches relations with a year in [from, to] (0 leaves an end
// open), and relations that state no year but whose report was published
// in those years: "since 2023" keeps an undated delivery reported in 2024.
func inYears(from, to int) query.Query {
	var start, end time.Time
	if from > 0 {
		start = time.Date(min(max(from, firstYear), lastYear+1), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if to > 0 {
		end = time.Date(min(max(to, firstYear-1), lastYear)+1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	t, f := true, false
	published := query.NewDateRangeInclusiveQuery(start, end, &t, &f)
	published.SetField(fPublished)
	undated := query.NewConjunctionQuery([]query.Query{termIn(fYears, undatedYear), published})
	return query.NewDisjunctionQuery([]query.Query{yearsBetween(from, to), undated})
}

// systemKeys are the folded designations a system is indexed under: the
// one asked for and, for a known system, its canonical name and aliases
// (reports write "K2 tanks" for the K2 Black Panther).
func systemKeys(system string) []string {
	keys := []string{SystemKey(system)}
	if s, ok := weapons.LookupSystem(system); ok {
		for _, name := range append([]string{s.Name}, s.Aliases...) {
			for _, k := range []string{SystemKey(name), SystemKey(designationOf(name))} {
				if k != "" && !slices.Contains(keys, k) {
					keys = append(keys, k)
				}
			}
		}
	}
	// The extractor keeps a designation as the report writes it, plural
	// too ("Mi-35Ms", "Rafales"): each key also matches its plural.
	for _, k := range slices.Clone(keys) {
		if k != "" && !strings.HasSuffix(k, "s") {
			keys = append(keys, k+"s")
		}
	}
	return keys
}

// designationOf is an alias without its trailing generic words, as the
// extractor records a designation: "K2 tank(s)" is indexed as "K2".
func designationOf(alias string) string {
	fields := strings.Fields(strings.ReplaceAll(alias, "(s)", ""))
	for len(fields) > 1 && strings.ToLower(fields[len(fields)-1]) == fields[len(fields)-1] &&
		!strings.ContainsAny(fields[len(fields)-1], "0123456789") {
		fields = fields[:len(fields)-1]
	}
	return strings.Join(fields, " ")
}

func relationHit(h *search.DocumentMatch) (bot.RelationHit, error) {
	raw, _ := h.Fields[fData].(string)
	var d relationData
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		return bot.RelationHit{}, fmt.Errorf("read relation %s: %w", h.ID, err)
	}
	var published time.Time
	if d.Published != "" {
		published, _ = time.Parse(bot.DateLayout, d.Published)
	}
	rel := bot.Relation{
		Supplier: d.Supplier, Recipient: d.Recipient, Group: d.Group, System: d.System, Category: d.Category,
		Status: bot.Status(d.Status), Kind: bot.Kind(d.Kind), Years: d.Years, Denied: d.Denied, Inferred: d.Inferred, TIV: d.TIV, TIVByYear: d.TIVByYear,
		Evidence: bot.Evidence{ReportID: d.ReportID, Sentence: d.Sentence, Start: d.Start, End: d.End, Title: d.CiteTitle},
	}
	return bot.RelationHit{Relation: rel, Report: bot.Report{ID: d.ReportID, Title: d.Title, Source: d.Source, URL: d.URL,
		Published: published, SourceType: d.Type}}, nil
}
