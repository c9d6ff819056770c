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
	words := query.NewDisjunctionQuery(groups)
	words.SetMin(float64(minMatch))
	var root query.Query = words
	if !q.From.IsZero() || !q.To.IsZero() {
		root = query.NewConjunctionQuery([]query.Query{words, dateRange(q.From, q.To)})
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	req := bleve.NewSearchRequestOptions(root, limit, 0, false)
	req.Fields = []string{fReportID, fText, fTitle, fSource, fURL, fPublished, fSeq, fStart, fEnd}
	req.IncludeLocations = true
	res, err := x.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search passages: %w", err)
	}
	hits := make([]bot.PassageHit, 0, len(res.Hits))
	for _, h := range res.Hits {
		hits = append(hits, passageHit(h))
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
		Report:  bot.Report{ID: str(fReportID), Title: str(fTitle), Source: str(fSource), URL: str(fURL), Published: published},
		Score:   h.Score,
	}
	for _, locs := range h.Locations[fText] {
		for _, l := range locs {
			if int(l.End) <= len(hit.Text) && l.Start < l.End {
				hit.Highlights = append(hit.Highlights, bot.Span{Start: int(l.Start), End: int(l.End)})
			}
		}
	}
	sort.Slice(hit.Highlights, func(i, j int) bool { return hit.Highlights[i].Start < hit.Highlights[j].Start })
	return hit
}
