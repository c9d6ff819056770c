package index

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/briefbot/briefbot/bot"
)

var _ bot.Searcher = (*Index)(nil)

// SearchPassages finds passages matching q. Each word is analysed like the
// indexed text and looked up as a term, so no character of it is ever read
// as query syntax. Hits come best first with the matched words as spans.
func (x *Index) SearchPassages(ctx context.Context, q bot.PassageQuery) ([]bot.PassageHit, error) {
	groups := x.termGroups(q.Terms)
	if len(groups) == 0 {
		return nil, nil
	}
	minMatch := max(q.MinMatch, 1)
	minMatch = min(minMatch, len(groups))
	var root query.Query = matchAtLeast(groups, minMatch)
	if boost := x.termGroups([][]string{q.Boost}); len(boost) > 0 {
		b := query.NewBooleanQuery([]query.Query{root}, boost, nil)
		root = b
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		root = query.NewConjunctionQuery([]query.Query{root, dateRange(q.From, q.To)})
	}
	if q.SourceType != "" {
		root = query.NewConjunctionQuery([]query.Query{root, termIn(fSourceTyp, q.SourceType)})
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	req := bleve.NewSearchRequestOptions(root, limit, 0, false)
	req.Fields = []string{fReportID, fText, fTitle, fSource, fURL, fPublished, fSeq, fStart, fEnd, fSourceTyp}
	res, err := x.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search passages: %w", err)
	}
	terms := x.queryTerms(append(slices.Concat(q.Terms...), q.Boost...))
	hits := make([]bot.PassageHit, 0, len(res.Hits))
	for _, h := range res.Hits {
		hit := passageHit(h)
		hit.Highlights = x.highlight(hit.Text, terms)
		hits = append(hits, hit)
	}
	return hits, nil
}

// termGroups analyses each word with the text field's analyzer and builds
// one clause per group: any of its words. A word that analyses to several
// tokens ("Su-30SM") must match all of them; one that analyses to none (a
// stop word) is dropped, and so is a group left empty.
func (x *Index) termGroups(groups [][]string) []query.Query {
	analyzer := x.b.Mapping().AnalyzerNamed(textAnalyzer)
	var out []query.Query
	for _, g := range groups {
		var alts []query.Query
		seen := map[string]bool{}
		for _, w := range g {
			var terms []query.Query
			for _, tok := range analyzer.Analyze([]byte(w)) {
				t := string(tok.Term)
				tq := query.NewTermQuery(t)
				tq.SetField(fText)
				terms = append(terms, tq)
			}
			key := fmt.Sprint(terms)
			switch {
			case len(terms) == 0 || seen[key]:
				continue
			case len(terms) == 1:
				alts = append(alts, terms[0])
			default:
				alts = append(alts, query.NewConjunctionQuery(terms))
			}
			seen[key] = true
		}
		switch len(alts) {
		case 0:
		case 1:
			out = append(out, alts[0])
		default:
			out = append(out, query.NewDisjunctionQuery(alts))
		}
	}
	return out
}

// maxCombinations bounds the clauses matchAtLeast writes out.
const maxCombinations = 20

// matchAtLeast matches documents that match at least k of the clauses.
// Bleve's disjunction with a minimum walks every posting of every term,
// which is slow when the terms are common; a conjunction skips ahead on its
// rarest term. So all-of-n is a conjunction, and k-of-n is written out as
// the disjunction of every k-clause conjunction while there are few enough
// of them. The same documents match either way, and one that matches more
// clauses scores higher, as before.
func matchAtLeast(clauses []query.Query, k int) query.Query {
	n := len(clauses)
	switch {
	case n == 1:
		return clauses[0]
	case k >= n:
		return query.NewConjunctionQuery(clauses)
	case k <= 1 || binomial(n, k) > maxCombinations:
		d := query.NewDisjunctionQuery(clauses)
		d.SetMin(float64(k))
		return d
	}
	var combos []query.Query
	pick := make([]int, k)
	var rec func(start, depth int)
	rec = func(start, depth int) {
		if depth == k {
			conj := make([]query.Query, k)
			for i, j := range pick {
				conj[i] = clauses[j]
			}
			combos = append(combos, query.NewConjunctionQuery(conj))
			return
		}
		for i := start; i <= n-(k-depth); i++ {
			pick[depth] = i
			rec(i+1, depth+1)
		}
	}
	rec(0, 0)
	return query.NewDisjunctionQuery(combos)
}

func binomial(n, k int) int {
	r := 1
	for i := 1; i <= k; i++ {
		r = r * (n - k + i) / i
	}
	return r
}

// queryTerms returns the analysed terms of words, as the index stores them.
func (x *Index) queryTerms(words []string) map[string]bool {
	analyzer := x.b.Mapping().AnalyzerNamed(textAnalyzer)
	terms := map[string]bool{}
	for _, w := range words {
		for _, tok := range analyzer.Analyze([]byte(w)) {
			terms[string(tok.Term)] = true
		}
	}
	return terms
}

// highlight returns the spans of text whose analysed form is one of terms.
// It runs on the few passages an answer shows, which is far cheaper than
// asking Bleve for term locations of every match.
func (x *Index) highlight(text string, terms map[string]bool) []bot.Span {
	var spans []bot.Span
	for _, tok := range x.b.Mapping().AnalyzerNamed(textAnalyzer).Analyze([]byte(text)) {
		if terms[string(tok.Term)] && tok.Start < tok.End && tok.End <= len(text) {
			spans = append(spans, bot.Span{Start: tok.Start, End: tok.End})
		}
	}
	return spans
}

func dateRange(from, to time.Time) query.Query {
	t := true
	var start, end time.Time
	if !from.IsZero() {
		start = from
	}
	if !to.IsZero() {
		// Inclusive of the whole last day.
		end = to.Add(24*time.Hour - time.Nanosecond)
	}
	q := query.NewDateRangeInclusiveQuery(start, end, &t, &t)
	q.SetField(fPublished)
	return q
}

func passageHit(h *search.DocumentMatch) bot.PassageHit {
	str := func(f string) string { s, _ := h.Fields[f].(string); return s }
	num := func(f string) int { n, _ := h.Fields[f].(float64); return int(n) }
	var published time.Time
	if s := str(fPublished); s != "" {
		published, _ = time.Parse(time.RFC3339, s)
	}
	hit := bot.PassageHit{
		Passage: bot.Passage{ReportID: str(fReportID), Seq: num(fSeq), Text: str(fText), Start: num(fStart), End: num(fEnd)},
		Report:  bot.Report{ID: str(fReportID), Title: str(fTitle), Source: str(fSource), URL: str(fURL), Published: published, SourceType: str(fSourceTyp)},
		Score:   h.Score,
	}
	return hit
}
