package index

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus/dedupe"
)

// Story merging (Options.MergeStories): a prose report is signed with a
// MinHash (corpus/dedupe) when it is ingested, and its signature's LSH band
// keys are indexed as keyword terms of its report document. A report that
// arrives later is looked up by its band keys (among reports published
// within StoryWindow of it), each candidate checked with dedupe.Same, and
// when one matches it is stored as a "merged" document pointing to that
// story instead of being indexed again: no passages, no relations, only
// what is needed to cite it as one more source (StorySources) and to
// recognise it when it is ingested again (its hash).

// maxStoryCandidates bounds the candidates checked for one report.
const maxStoryCandidates = 20

// batchStories are the stories written in the current batch: Bleve finds
// them only once the batch is written.
type batchStories struct {
	set       dedupe.Set
	published map[string]time.Time
}

func newBatchStories() *batchStories {
	return &batchStories{published: map[string]time.Time{}}
}

func (b *batchStories) add(id string, sig dedupe.Signature, published time.Time) {
	b.set.Add(id, sig)
	b.published[id] = published
}

// within reports whether two published dates are close enough for the
// reports to be copies of one story; an unknown date is close to any.
func (x *Index) within(a, b time.Time) bool {
	if a.IsZero() || b.IsZero() {
		return true
	}
	d := a.Sub(b)
	return d <= x.opts.StoryWindow && d >= -x.opts.StoryWindow
}

// findStory returns the story that report i of pb is another copy of, if
// it should be merged: with MergeStories, a prose report that is new (or
// was merged before and changed) and near-identical to a story in the index
// or earlier in the batch.
func (x *Index) findStory(pb preparedBatch, i int, inBatch *batchStories) (string, bool, error) {
	sig, r := pb.sigs[i], pb.reports[i]
	if sig.IsZero() {
		return "", false, nil
	}
	if prev, existed := pb.old[r.ID]; existed && prev.mergedInto == "" {
		return "", false, nil // a story of its own stays one when it changes
	}
	best, bestSim := "", 0.0
	if id, sim, ok := inBatch.set.Match(sig); ok && id != r.ID && x.within(inBatch.published[id], r.Published) {
		best, bestSim = id, sim
	}
	bands := sig.Bands()
	terms := make([]query.Query, len(bands))
	for j, b := range bands {
		terms[j] = termIn(fBand, b)
	}
	must := []query.Query{termIn(fType, typeReport), query.NewDisjunctionQuery(terms)}
	if !r.Published.IsZero() {
		must = append(must, dateRange(r.Published.Add(-x.opts.StoryWindow), r.Published.Add(x.opts.StoryWindow)))
	}
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery(must), maxStoryCandidates, 0, false)
	req.Fields = []string{fReportID, fSig}
	res, err := x.b.Search(req)
	if err != nil {
		return "", false, fmt.Errorf("look for copies of %s: %w", r.ID, err)
	}
	for _, h := range res.Hits {
		id, _ := h.Fields[fReportID].(string)
		text, _ := h.Fields[fSig].(string)
		var other dedupe.Signature
		if id == r.ID || other.UnmarshalText([]byte(text)) != nil || !dedupe.Same(sig, other) {
			continue
		}
		if sim := sig.Similarity(other); sim > bestSim {
			best, bestSim = id, sim
		}
	}
	return best, best != "", nil
}

// mergedDoc is the document of report r kept as one more source of story,
// ingested at ingested.
func (x *Index) mergedDoc(r bot.Report, hash, story string, ingested time.Time) map[string]any {
	doc := map[string]any{
		fType: typeMerged, fReportID: r.ID, fMergedInto: story, fSourceTyp: r.Type(), fTitle: r.Title,
		fSource: r.Source, fURL: r.URL, fHash: hash, fOrigin: r.Origin, fPassages: 0, fRelations: 0,
		fIngested: ingested.UTC().Format(time.RFC3339Nano),
	}
	if !r.Published.IsZero() {
		doc[fPublished] = r.Published.UTC().Format(time.RFC3339)
	}
	return doc
}

var _ bot.StorySources = (*Index)(nil)

// StorySources returns, for each of the given reports that has any, the
// other copies of its story merged into it, oldest first.
func (x *Index) StorySources(ctx context.Context, reportIDs []string) (map[string][]bot.SourceRef, error) {
	if len(reportIDs) == 0 {
		return nil, nil
	}
	ids := make([]query.Query, len(reportIDs))
	for i, id := range reportIDs {
		ids[i] = termIn(fMergedInto, id)
	}
	q := query.NewConjunctionQuery([]query.Query{termIn(fType, typeMerged), query.NewDisjunctionQuery(ids)})
	req := bleve.NewSearchRequestOptions(q, 1000, 0, false)
	req.Fields = []string{fReportID, fMergedInto, fTitle, fSource, fURL, fPublished}
	res, err := x.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("story sources: %w", err)
	}
	out := map[string][]bot.SourceRef{}
	for _, h := range res.Hits {
		str := func(f string) string { s, _ := h.Fields[f].(string); return s }
		ref := bot.SourceRef{ReportID: str(fReportID), Title: str(fTitle), Source: str(fSource), URL: str(fURL)}
		if t, err := time.Parse(time.RFC3339, str(fPublished)); err == nil {
			ref.Published = t.UTC().Format(bot.DateLayout)
		}
		story := str(fMergedInto)
		out[story] = append(out[story], ref)
	}
	for _, refs := range out {
		sort.Slice(refs, func(i, j int) bool {
			if refs[i].Published != refs[j].Published {
				return refs[i].Published < refs[j].Published
			}
			return refs[i].ReportID < refs[j].ReportID
		})
	}
	return out, nil
}
