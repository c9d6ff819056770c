package index

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/briefbot/briefbot/bot"
)

var _ bot.ChangeSource = (*Index)(nil)

// maxChangedReports bounds the reports one look-up returns.
const maxChangedReports = 10000

// ReportsIngested returns the metadata of the reports written
// to the index in [from, to), oldest first: added, or replaced because they
// changed. Body holds only the report's first sentence, as a summary. A
// zero to means now. It returns at most 10,000.
func (x *Index) ReportsIngested(ctx context.Context, from, to time.Time) ([]bot.Report, error) {
	t := true
	f := false
	var end time.Time
	if !to.IsZero() {
		end = to
	}
	r := query.NewDateRangeInclusiveQuery(from, end, &t, &f)
	r.SetField(fIngested)
	q := query.NewConjunctionQuery([]query.Query{termIn(fType, typeReport), r})
	req := bleve.NewSearchRequestOptions(q, maxChangedReports, 0, false)
	req.Fields = []string{fReportID, fTitle, fSource, fURL, fPublished, fSourceTyp, fSummary}
	req.SortBy([]string{fIngested, "_id"})
	res, err := x.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search reports ingested since %s: %w", from.Format(time.RFC3339), err)
	}
	out := make([]bot.Report, 0, len(res.Hits))
	for _, h := range res.Hits {
		str := func(f string) string { s, _ := h.Fields[f].(string); return s }
		var published time.Time
		if s := str(fPublished); s != "" {
			published, _ = time.Parse(time.RFC3339, s)
		}
		out = append(out, bot.Report{ID: str(fReportID), Title: str(fTitle), Source: str(fSource), URL: str(fURL),
			Published: published, SourceType: str(fSourceTyp), Body: str(fSummary)})
	}
	return out, nil
}
