package index

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/weapons"
	"github.com/briefbot/briefbot/corpus/dedupe"
)

// IngestStats counts what an ingest did, report by report.
type IngestStats struct {
	Added     int // reports new to the index
	Updated   int // reports whose content changed and were replaced
	Unchanged int // reports already indexed with the same content
	Passages  int // passages written
	Relations int // supply relations written
	Merged    int // reports kept as one more source of a story already indexed (Options.MergeStories)
	// Cuts lists the reports written that were over budget (see Budget),
	// with what was left out of each.
	Cuts []Cut
}

// Outcome of putting one report into the index.
type Outcome int

const (
	Added Outcome = iota
	Updated
	Unchanged
	Merged // another copy of a story already indexed: kept as one more source of it
)

func (o Outcome) String() string {
	return [...]string{"added", "updated", "unchanged", "merged"}[o]
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
//
// Work is pipelined: while one batch is written to Bleve, the next is
// prepared (split into passages, relations extracted) on every core.
// Concurrent calls take turns; searches go on meanwhile.
func (x *Index) Ingest(ctx context.Context, reports []bot.Report, progress func(done int, outcomes []Outcome)) (IngestStats, error) {
	return x.ingest(ctx, reports, nil, progress)
}

// IngestAt is Ingest with the ingest time of each report given (by report
// ID) instead of Options.Now: a replica following a shared reports table
// records when a report entered the table, so that every replica's
// digests see it in the same window. Reports missing from at get Now.
func (x *Index) IngestAt(ctx context.Context, reports []bot.Report, at map[string]time.Time, progress func(done int, outcomes []Outcome)) (IngestStats, error) {
	return x.ingest(ctx, reports, at, progress)
}

func (x *Index) ingest(ctx context.Context, reports []bot.Report, at map[string]time.Time, progress func(done int, outcomes []Outcome)) (IngestStats, error) {
	x.ingesting.Lock()
	defer x.ingesting.Unlock()
	var st IngestStats
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	prepared := make(chan preparedBatch, 1)
	go x.prepareAll(ctx, reports, prepared)
	written := map[string]indexedReport{} // what this ingest wrote, by report ID
	done := 0
	for pb := range prepared {
		if pb.err != nil {
			return st, pb.err
		}
		if err := ctx.Err(); err != nil {
			return st, err
		}
		outcomes, n, err := x.writeBatch(ctx, pb, written, at)
		if err != nil {
			return st, err
		}
		st.Passages += n.passages
		st.Relations += n.relations
		st.Cuts = append(st.Cuts, n.cuts...)
		for _, o := range outcomes {
			switch o {
			case Added:
				st.Added++
			case Updated:
				st.Updated++
			case Unchanged:
				st.Unchanged++
			case Merged:
				st.Merged++
			}
		}
		done += len(pb.reports)
		if progress != nil {
			progress(done, outcomes)
		}
	}
	return st, ctx.Err()
}

type indexedReport struct {
	hash       string
	passages   int
	relations  int
	mergedInto string // the story it was merged into; "" for a report of its own
}

type wrote struct {
	passages, relations int
	cuts                []Cut
}

// preparedBatch is a batch of reports with everything computed that does
// not touch the index: content hashes, passages and relations (only for
// reports that changed).
type preparedBatch struct {
	reports   []bot.Report
	old       map[string]indexedReport // as indexed before this ingest
	hashes    []string
	passages  [][]bot.Passage
	relations [][]bot.Relation
	cuts      []Cut
	sigs      []dedupe.Signature // with Options.MergeStories, of prose reports that changed
	err       error
}

// maxBatchBytes bounds the text of the reports prepared and written in one
// batch, so that a batch of large reports holds no more in memory than a
// few budgets' worth; a report larger than this is a batch of its own.
const maxBatchBytes = 8 << 20

// prepareAll prepares batch after batch and sends them in order; it stops
// at the first error (which it sends) or when ctx is done.
func (x *Index) prepareAll(ctx context.Context, reports []bot.Report, out chan<- preparedBatch) {
	defer close(out)
	for start := 0; start < len(reports); {
		if ctx.Err() != nil {
			return
		}
		end := batchEnd(reports, start, x.opts.BatchSize)
		pb := x.prepare(ctx, reports[start:end])
		start = end
		select {
		case out <- pb:
		case <-ctx.Done():
			return
		}
		if pb.err != nil {
			return
		}
	}
}

// batchEnd returns the end of the batch that starts at start: at most size
// reports, and at most maxBatchBytes of text unless that is one report.
func batchEnd(reports []bot.Report, start, size int) int {
	end, bytes := start, 0
	for end < len(reports) && end-start < size {
		bytes += len(reports[end].Body)
		if end > start && bytes > maxBatchBytes {
			break
		}
		end++
	}
	return end
}

func (x *Index) prepare(ctx context.Context, reports []bot.Report) preparedBatch {
	pb := preparedBatch{reports: reports, hashes: make([]string, len(reports)),
		passages: make([][]bot.Passage, len(reports)), relations: make([][]bot.Relation, len(reports)),
		cuts: make([]Cut, len(reports)), sigs: make([]dedupe.Signature, len(reports))}
	ids := make([]string, len(reports))
	for i, r := range reports {
		ids[i] = reportDocID(r.ID)
		pb.hashes[i] = r.Hash() + "/" + x.opts.RelationsVersion + "/" + x.opts.Budget.key()
	}
	pb.old, pb.err = x.lookupReports(ids)
	if pb.err != nil {
		return pb
	}
	// Split and extract on every core; each report is independent.
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(runtime.GOMAXPROCS(0), 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				r := reports[i]
				pb.passages[i], pb.relations[i], pb.cuts[i] = x.prepareReport(ctx, r)
				if x.opts.MergeStories && r.Type() == bot.SourceReports {
					pb.sigs[i] = dedupe.Sign(r.Body[:pb.cuts[i].textEnd]) // the text indexed
				}
			}
		}()
	}
	for i, r := range reports {
		if prev, ok := pb.old[r.ID]; !ok || prev.hash != pb.hashes[i] {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	return pb
}

// writeBatch writes a prepared batch as one Bleve batch. written holds what
// earlier batches of the same ingest wrote, so a report given twice is
// replaced, not duplicated; at holds ingest times by report ID (see
// IngestAt).
func (x *Index) writeBatch(ctx context.Context, pb preparedBatch, written map[string]indexedReport, at map[string]time.Time) ([]Outcome, wrote, error) {
	var w wrote
	stories := newBatchStories() // stories in this batch, not yet searchable
	batch := &chunkedBatch{x: x, b: x.b.NewBatch()}
	outcomes := make([]Outcome, len(pb.reports))
	for i, r := range pb.reports {
		hash := pb.hashes[i]
		prev, exists := written[r.ID]
		if !exists {
			prev, exists = pb.old[r.ID]
		}
		switch {
		case exists && prev.hash == hash:
			outcomes[i] = Unchanged
			continue
		case exists:
			outcomes[i] = Updated
		default:
			outcomes[i] = Added
		}
		if story, ok, err := x.findStory(pb, i, stories); err != nil {
			return nil, w, err
		} else if ok {
			outcomes[i] = Merged
			for seq := 0; seq < prev.passages; seq++ {
				batch.Delete(passageDocID(r.ID, seq))
			}
			for n := 0; n < prev.relations; n++ {
				batch.Delete(relationDocID(r.ID, n))
			}
			if err := batch.Index(reportDocID(r.ID), x.mergedDoc(r, hash, story, x.ingestTime(r.ID, at))); err != nil {
				return nil, w, fmt.Errorf("index report %s: %w", r.ID, err)
			}
			written[r.ID] = indexedReport{hash: hash, mergedInto: story}
			continue
		}
		ps, rels, cut := pb.passages[i], pb.relations[i], pb.cuts[i]
		if ps == nil && rels == nil && pb.old[r.ID].hash == hash {
			// Prepared as unchanged, but an earlier batch of this ingest
			// wrote another version: prepare it now.
			ps, rels, cut = x.prepareReport(ctx, r)
		}
		if !cut.IsZero() {
			w.cuts = append(w.cuts, cut)
		}
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
		for n := len(rels); n < prev.relations; n++ {
			batch.Delete(relationDocID(r.ID, n))
		}
		for n, rel := range rels {
			doc, err := relationDoc(r, rel)
			if err == nil {
				err = batch.Index(relationDocID(r.ID, n), doc)
			}
			if err != nil {
				return nil, w, fmt.Errorf("index relation %s#%d: %w", r.ID, n, err)
			}
		}
		w.relations += len(rels)
		doc := map[string]any{
			fType: typeReport, fReportID: r.ID, fSourceTyp: r.Type(), fTitle: r.Title, fSource: r.Source, fURL: r.URL,
			fHash: hash, fPassages: len(ps), fRelations: len(rels), fOrigin: r.Origin,
			fIngested: x.ingestTime(r.ID, at).UTC().Format(time.RFC3339Nano), fSummary: summary(r),
		}
		if published != "" {
			doc[fPublished] = published
		}
		if sig := pb.sigs[i]; !sig.IsZero() {
			text, _ := sig.MarshalText()
			doc[fSig], doc[fBand] = string(text), sig.Bands()
			stories.add(r.ID, sig, r.Published)
		}
		if err := batch.Index(reportDocID(r.ID), doc); err != nil {
			return nil, w, fmt.Errorf("index report %s: %w", r.ID, err)
		}
		written[r.ID] = indexedReport{hash: hash, passages: len(ps), relations: len(rels)}
	}
	if err := batch.write(); err != nil {
		return nil, w, err
	}
	return outcomes, w, nil
}

// ingestTime is the ingest time to record for report id: at's, else now.
func (x *Index) ingestTime(id string, at map[string]time.Time) time.Time {
	if t, ok := at[id]; ok && !t.IsZero() {
		return t
	}
	return x.opts.Now()
}

// Delete removes reports by ID, with their passages and relations, and
// reports how many were in the index. Unknown IDs are skipped. Copies
// merged into a deleted report's story stay, as reports of their own kept
// only as sources (deleting a whole story means deleting every copy).
func (x *Index) Delete(ctx context.Context, ids []string) (int, error) {
	x.ingesting.Lock()
	defer x.ingesting.Unlock()
	deleted := 0
	for start := 0; start < len(ids); start += 500 {
		if err := ctx.Err(); err != nil {
			return deleted, err
		}
		chunk := ids[start:min(start+500, len(ids))]
		docIDs := make([]string, len(chunk))
		for i, id := range chunk {
			docIDs[i] = reportDocID(id)
		}
		old, err := x.lookupReports(docIDs)
		if err != nil {
			return deleted, err
		}
		batch := &chunkedBatch{x: x, b: x.b.NewBatch()}
		for id, r := range old {
			for seq := 0; seq < r.passages; seq++ {
				batch.Delete(passageDocID(id, seq))
			}
			for n := 0; n < r.relations; n++ {
				batch.Delete(relationDocID(id, n))
			}
			batch.Delete(reportDocID(id))
		}
		if err := batch.write(); err != nil {
			return deleted, err
		}
		deleted += len(old)
	}
	return deleted, nil
}

// maxBatchDocs bounds the operations of one Bleve batch, which holds its
// analysed documents in memory until written: a report with more passages
// and relations than this (a whole SIPRI register) is written in several
// batches, its report document last, so that an interrupted write leaves
// the report looking changed and the next ingest writes it again.
const maxBatchDocs = 10_000

// chunkedBatch is a Bleve batch written out whenever it reaches
// maxBatchDocs operations.
type chunkedBatch struct {
	x *Index
	b *bleve.Batch
}

// Index adds a document, writing the batch out first when it is full.
func (c *chunkedBatch) Index(id string, doc any) error {
	if c.b.Size() >= maxBatchDocs {
		if err := c.write(); err != nil {
			return err
		}
	}
	return c.b.Index(id, doc)
}

// Delete removes a document.
func (c *chunkedBatch) Delete(id string) { c.b.Delete(id) }

// write writes what the batch holds and empties it.
func (c *chunkedBatch) write() error {
	if c.b.Size() == 0 {
		return nil
	}
	if err := c.x.b.Batch(c.b); err != nil {
		return fmt.Errorf("write batch to %s: %w", c.x.path, err)
	}
	c.b = c.x.b.NewBatch()
	return nil
}

// summary is a report's first sentence, cut to about 300 bytes.
func summary(r bot.Report) string {
	ss := bot.SplitSentences(r.Body)
	if len(ss) == 0 {
		return ""
	}
	s := r.Body[ss[0].Start:ss[0].End]
	if len(s) > 300 {
		cut := strings.LastIndexByte(s[:300], ' ')
		if cut < 100 {
			cut = 300
		}
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// relationData is what a relation document stores: everything needed to
// cite it, in one field (far cheaper to index than a field each).
type relationData struct {
	ReportID  string          `json:"r"`
	Supplier  string          `json:"s"`
	Recipient string          `json:"t"`
	Group     string          `json:"g,omitempty"`
	System    string          `json:"y,omitempty"`
	Category  string          `json:"c,omitempty"`
	Status    string          `json:"st"`
	Kind      string          `json:"k"`
	Years     []int           `json:"yr,omitempty"`
	Denied    bool            `json:"d,omitempty"`
	Inferred  bool            `json:"i,omitempty"`
	TIV       float64         `json:"v,omitempty"`
	TIVByYear map[int]float64 `json:"vy,omitempty"`
	Sentence  string          `json:"q"`
	Start     int             `json:"a"`
	End       int             `json:"b"`
	CiteTitle string          `json:"ct,omitempty"`
	Title     string          `json:"ti"`
	Source    string          `json:"so,omitempty"`
	URL       string          `json:"u,omitempty"`
	Published string          `json:"p,omitempty"` // YYYY-MM-DD
	Type      string          `json:"ty"`
}

func relationDoc(r bot.Report, rel bot.Relation) (map[string]any, error) {
	years := make([]string, len(rel.Years))
	for i, y := range rel.Years {
		years[i] = strconv.Itoa(y)
	}
	data, err := json.Marshal(relationData{
		ReportID: r.ID, Supplier: rel.Supplier, Recipient: rel.Recipient, Group: rel.Group, System: rel.System,
		Category: rel.Category, Status: string(rel.Status), Kind: string(rel.Kind), Years: rel.Years,
		Denied: rel.Denied, Inferred: rel.Inferred, TIV: rel.TIV, TIVByYear: rel.TIVByYear, Sentence: rel.Evidence.Sentence,
		Start: rel.Evidence.Start, End: rel.Evidence.End, CiteTitle: rel.Evidence.Title, Title: r.Title,
		Source: r.Source, URL: r.URL, Published: r.PublishedString(), Type: r.Type(),
	})
	if err != nil {
		return nil, err
	}
	doc := map[string]any{
		fType: typeRelation, fReportID: r.ID, fSupplier: rel.Supplier, fRecipient: rel.Recipient, fSystemKey: relationSystemKeys(rel.System),
		fCategory: rel.Category, fStatus: string(rel.Status), fKind: string(rel.Kind), fSourceTyp: r.Type(),
		fYears: years, fData: string(data),
	}
	addRelationDates(doc, r)
	return doc, nil
}

// relationSystemKeys are the keys a relation's system is indexed under: as
// written, and the canonical name of the known system it names ("S-70i
// Blackhawk" is also the UH-60 Black Hawk), so a question naming the
// system finds a variant the report wrote.
func relationSystemKeys(system string) []string {
	keys := []string{SystemKey(system)}
	if system == "" {
		return keys
	}
	canon := ""
	if s, ok := weapons.LookupSystem(system); ok {
		canon = s.Name
	} else if ms := weapons.Find(system); len(ms) > 0 && ms[0].Start == 0 && ms[0].System != "" {
		canon = ms[0].System
	}
	if k := SystemKey(canon); k != "" && k != keys[0] {
		keys = append(keys, k)
	}
	return keys
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
	req.Fields = []string{fReportID, fHash, fPassages, fRelations, fMergedInto}
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
		into, _ := h.Fields[fMergedInto].(string)
		out[id] = indexedReport{hash: hash, passages: int(n), relations: int(m), mergedInto: into}
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
