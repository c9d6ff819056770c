package index

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Stats describes what an index holds, for `briefbot stats`.
type Stats struct {
	Counts // documents of each type in the whole index
	// BySourceType splits Counts by the reports' source type
	// (bot.SourceReports, bot.SourceSIPRI, and any other the index holds).
	// Every document has a source type, so the parts sum to Counts.
	BySourceType map[string]Counts
	// SizeBytes is the size of the index folder on disk.
	SizeBytes int64
	// LastIngest is the latest time a report was written to the index
	// (added or replaced); zero when it holds no report.
	LastIngest time.Time
	// Schema is the schema version the index was built with.
	Schema string
}

// Stats counts the index's reports, passages and relations, in all and by
// source type, and reports its size on disk, its last ingest time and its
// schema version.
func (x *Index) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	var err error
	if st.Counts, err = x.count(ctx, nil); err != nil {
		return st, err
	}
	types, err := x.sourceTypes()
	if err != nil {
		return st, err
	}
	st.BySourceType = make(map[string]Counts, len(types))
	for _, typ := range types {
		c, err := x.count(ctx, termIn(fSourceTyp, typ))
		if err != nil {
			return st, err
		}
		if c != (Counts{}) { // a type whose documents were all deleted
			st.BySourceType[typ] = c
		}
	}
	if st.LastIngest, err = x.lastIngest(ctx); err != nil {
		return st, err
	}
	if st.SizeBytes, err = dirSize(x.path); err != nil {
		return st, err
	}
	v, err := x.b.GetInternal([]byte("briefbot_schema"))
	if err != nil {
		return st, fmt.Errorf("read schema version: %w", err)
	}
	st.Schema = string(v)
	return st, nil
}

// ReportCounts counts the documents of one report: 1 report document (0
// when the index does not hold it), its passages and its relations. After
// any ingest, interrupted or not, a report is there once or not at all.
func (x *Index) ReportCounts(ctx context.Context, id string) (Counts, error) {
	return x.count(ctx, termIn(fReportID, id))
}

// count counts the documents of each type that also match and (nil: all).
func (x *Index) count(ctx context.Context, and query.Query) (Counts, error) {
	var c Counts
	for _, t := range []struct {
		typ string
		n   *int
	}{{typeReport, &c.Reports}, {typePassage, &c.Passages}, {typeRelation, &c.Relations}} {
		var q query.Query = termIn(fType, t.typ)
		if and != nil {
			q = query.NewConjunctionQuery([]query.Query{q, and})
		}
		res, err := x.b.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
		if err != nil {
			return c, fmt.Errorf("count %s documents: %w", t.typ, err)
		}
		*t.n = int(res.Total)
	}
	return c, nil
}

// sourceTypes returns the terms of the source type field, sorted. The
// dictionary may still list a term whose documents were deleted.
func (x *Index) sourceTypes() ([]string, error) {
	d, err := x.b.FieldDict(fSourceTyp)
	if err != nil {
		return nil, fmt.Errorf("read source types: %w", err)
	}
	defer d.Close()
	var out []string
	for {
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("read source types: %w", err)
		}
		if e == nil {
			break
		}
		out = append(out, e.Term)
	}
	slices.Sort(out)
	return out, nil
}

// lastIngest returns the latest ingest time of a report document.
func (x *Index) lastIngest(ctx context.Context) (time.Time, error) {
	req := bleve.NewSearchRequestOptions(termIn(fType, typeReport), 1, 0, false)
	req.Fields = []string{fIngested}
	req.SortBy([]string{"-" + fIngested})
	res, err := x.b.SearchInContext(ctx, req)
	if err != nil {
		return time.Time{}, fmt.Errorf("find the last ingest: %w", err)
	}
	if len(res.Hits) == 0 {
		return time.Time{}, nil
	}
	s, _ := res.Hits[0].Fields[fIngested].(string)
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("read ingest time of %s: %w", res.Hits[0].ID, err)
	}
	return t, nil
}

// dirSize sums the sizes of the files under dir. Files the index removes
// while it walks (merged segments) are skipped.
func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p != dir {
				return nil
			}
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		n += info.Size()
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("size of %s: %w", dir, err)
	}
	return n, nil
}
