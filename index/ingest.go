package index

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/briefbot/briefbot/bot"
)

// IngestStats counts what an ingest did, report by report.
type IngestStats struct {
	Added     int // reports new to the index
	Updated   int // reports whose content changed and were replaced
	Unchanged int // reports already indexed with the same content
	Passages  int // passages written
	Relations int // supply relations written
}

// Outcome of putting one report into the index.
type Outcome int

const (
	Added Outcome = iota
	Updated
	Unchanged
)

func (o Outcome) String() string {
	return [...]string{"added", "updated", "unchanged"}[o]
}

func reportDocID(id string) string           { return "r:" + id }
func passageDocID(id string, seq int) string { return "p:" + id + "#" + strconv.Itoa(seq) }
func relationDocID(id string, n int) string  { return "x:" + id + "#" + strconv.Itoa(n) }

// Ingest adds or replaces reports. A report whose ID is already indexed with
// the same content is left alone; one whose content changed replaces the old
// version completely, so re-ingesting never duplicates passages. Reports go
// in batches; progress, when not nil, is called after each batch with the
// number of reports done and their outcomes. Ingest stops between batches
// when ctx is cancelled; batches already written stay written.
func (x *Index) Ingest(ctx context.Context, reports []bot.Report, progress func(done int, outcomes []Outcome)) (IngestStats, error) {
	var st IngestStats
	for start := 0; start < len(reports); start += x.opts.BatchSize {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		chunk := reports[start:min(start+x.opts.BatchSize, len(reports))]
		outcomes, n, err := x.ingestBatch(chunk)
		if err != nil {
			return st, err
		}
		st.Passages += n.passages
		st.Relations += n.relations
		for _, o := range outcomes {
			switch o {
			case Added:
				st.Added++
			case Updated:
				st.Updated++
			case Unchanged:
				st.Unchanged++
			}
		}
		if progress != nil {
			progress(start+len(chunk), outcomes)
		}
	}
	return st, nil
}

type indexedReport struct {
	hash      string
	passages  int
	relations int
}

type written struct{ passages, relations int }

func (x *Index) ingestBatch(reports []bot.Report) ([]Outcome, written, error) {
	var w written
	ids := make([]string, len(reports))
	for i, r := range reports {
		ids[i] = reportDocID(r.ID)
	}
	old, err := x.lookupReports(ids)
	if err != nil {
		return nil, w, err
	}
	batch := x.b.NewBatch()
	outcomes := make([]Outcome, len(reports))
	seen := map[string]bool{}
	for i, r := range reports {
		hash := r.Hash() + "/" + x.opts.RelationsVersion
		prev, exists := old[r.ID]
		switch {
		case exists && prev.hash == hash:
			outcomes[i] = Unchanged
			continue
		case exists || seen[r.ID]:
			outcomes[i] = Updated
		default:
			outcomes[i] = Added
		}
		seen[r.ID] = true
		ps := bot.Passages(r)
		for seq := len(ps); seq < prev.passages; seq++ {
			batch.Delete(passageDocID(r.ID, seq))
		}
		published := ""
		if !r.Published.IsZero() {
			published = r.Published.UTC().Format("2006-01-02T15:04:05Z07:00")
		}
		for _, p := range ps {
			doc := map[string]any{
				fType: typePassage, fReportID: r.ID, fSourceTyp: r.Type(), fText: p.Text, fTitle: r.Title,
				fSource: r.Source, fURL: r.URL, fSeq: p.Seq, fStart: p.Start, fEnd: p.End,
			}
			if published != "" {
				doc[fPublished] = published
			}
			if err := batch.Index(passageDocID(r.ID, p.Seq), doc); err != nil {
				return nil, w, fmt.Errorf("index passage %s#%d: %w", r.ID, p.Seq, err)
			}
		}
		w.passages += len(ps)
		rels := r.Relations
		if rels == nil && x.opts.Relations != nil {
			rels = x.opts.Relations(r)
		}
		for n := len(rels); n < prev.relations; n++ {
			batch.Delete(relationDocID(r.ID, n))
		}
		for n, rel := range rels {
			if err := batch.Index(relationDocID(r.ID, n), relationDoc(r, rel, published)); err != nil {
				return nil, w, fmt.Errorf("index relation %s#%d: %w", r.ID, n, err)
			}
		}
		w.relations += len(rels)
		doc := map[string]any{
			fType: typeReport, fReportID: r.ID, fSourceTyp: r.Type(), fTitle: r.Title, fSource: r.Source, fURL: r.URL,
			fHash: hash, fPassages: len(ps), fRelations: len(rels), fOrigin: r.Origin,
		}
		if published != "" {
			doc[fPublished] = published
		}
		if err := batch.Index(reportDocID(r.ID), doc); err != nil {
			return nil, w, fmt.Errorf("index report %s: %w", r.ID, err)
		}
		old[r.ID] = indexedReport{hash: hash, passages: len(ps), relations: len(rels)}
	}
	if batch.Size() == 0 {
		return outcomes, w, nil
	}
	if err := x.b.Batch(batch); err != nil {
		return nil, w, fmt.Errorf("write batch to %s: %w", x.path, err)
	}
	return outcomes, w, nil
}

func relationDoc(r bot.Report, rel bot.Relation, published string) map[string]any {
	years := make([]any, len(rel.Years))
	for i, y := range rel.Years {
		years[i] = y
	}
	doc := map[string]any{
		fType: typeRelation, fReportID: r.ID, fSupplier: rel.Supplier, fRecipient: rel.Recipient,
		fGroup: rel.Group, fSystem: rel.System, fSystemKey: SystemKey(rel.System), fCategory: rel.Category,
		fStatus: string(rel.Status), fKind: string(rel.Kind), fYears: years,
		fDenied: boolString(rel.Denied), fInferred: boolString(rel.Inferred),
		fSentence: rel.Evidence.Sentence, fStart: rel.Evidence.Start, fEnd: rel.Evidence.End, fTIV: rel.TIV,
		fTitle: r.Title, fSource: r.Source, fURL: r.URL, fSourceTyp: r.Type(), fCiteTitle: rel.Evidence.Title,
	}
	if published != "" {
		doc[fPublished] = published
	}
	return doc
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return ""
}

// SystemKey folds a designation for matching: lower case, no spaces,
// hyphens or dots ("Bayraktar TB-2" and "bayraktar tb2" are one key).
func SystemKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lookupReports returns the stored hash and passage count of those of the
// given report documents that exist, by report ID.
func (x *Index) lookupReports(docIDs []string) (map[string]indexedReport, error) {
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(docIDs), len(docIDs), 0, false)
	req.Fields = []string{fReportID, fHash, fPassages, fRelations}
	res, err := x.b.Search(req)
	if err != nil {
		return nil, fmt.Errorf("look up reports: %w", err)
	}
	out := make(map[string]indexedReport, len(res.Hits))
	for _, h := range res.Hits {
		id, _ := h.Fields[fReportID].(string)
		hash, _ := h.Fields[fHash].(string)
		n, _ := h.Fields[fPassages].(float64)
		m, _ := h.Fields[fRelations].(float64)
		out[id] = indexedReport{hash: hash, passages: int(n), relations: int(m)}
	}
	return out, nil
}

// Counts are the numbers of documents of each type in the index.
type Counts struct {
	Reports, Passages, Relations int
}

// Counts returns how many reports, passages and relations the index holds.
func (x *Index) Counts() (Counts, error) {
	var c Counts
	for _, t := range []struct {
		typ string
		n   *int
	}{{typeReport, &c.Reports}, {typePassage, &c.Passages}, {typeRelation, &c.Relations}} {
		q := query.NewTermQuery(t.typ)
		q.SetField(fType)
		res, err := x.b.Search(bleve.NewSearchRequestOptions(q, 0, 0, false))
		if err != nil {
			return c, fmt.Errorf("count %s documents: %w", t.typ, err)
		}
		*t.n = int(res.Total)
	}
	return c, nil
}
