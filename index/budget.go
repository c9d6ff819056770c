package index

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// Default budgets per report: whatever a report holds, indexing it costs no
// more than this. docs/performance.md gives the memory and time of the
// worst 10 MB case.
const (
	DefaultMaxPassages    = 5000             // about 2 MB of prose, a 700-page book
	DefaultMaxSentence    = 4 << 10          // bytes; real sentences are far shorter
	DefaultMaxRelations   = 1000             // relations read from one report's text
	DefaultMaxExtractTime = 10 * time.Second // reading one report's relations
)

// Budget bounds the work one report may cost when it is ingested, so that
// no file, page or feed article can exhaust memory or hold an ingest for
// long. Over budget, a report is indexed up to the budget (never refused:
// the start of a long report is worth having) and IngestStats.Cuts says
// what was left out and why. The zero value means the defaults above.
//
// A report that brings its relations with it (a SIPRI register, whose
// rows are data rather than text to read, each a passage and a relation)
// is not extracted and not cut: a register is indexed whole, its cost
// bounded by the file size limit, and its documents written in batches of
// bounded size.
type Budget struct {
	MaxPassages    int           // passages indexed per report
	MaxSentence    int           // longest sentence, in bytes, read for relations; longer ones are not read
	MaxRelations   int           // relations extracted per report
	MaxExtractTime time.Duration // time spent extracting one report's relations
}

func (b Budget) withDefaults() Budget {
	if b.MaxPassages <= 0 {
		b.MaxPassages = DefaultMaxPassages
	}
	if b.MaxSentence <= 0 {
		b.MaxSentence = DefaultMaxSentence
	}
	if b.MaxRelations <= 0 {
		b.MaxRelations = DefaultMaxRelations
	}
	if b.MaxExtractTime <= 0 {
		b.MaxExtractTime = DefaultMaxExtractTime
	}
	return b
}

// key names the budget in a report's stored hash, so that a report indexed
// under another budget is indexed again, like one read by other rules.
func (b Budget) key() string {
	return fmt.Sprintf("budget %d,%d,%d,%s", b.MaxPassages, b.MaxSentence, b.MaxRelations, b.MaxExtractTime)
}

// Cut is what a budget left out of one report.
type Cut struct {
	ReportID, Origin string
	Passages         int  // passages the report has
	PassagesKept     int  // passages indexed, at most Budget.MaxPassages
	LongSentences    int  // sentences not read for relations: longer than Budget.MaxSentence
	RelationsFull    bool // relation reading stopped at Budget.MaxRelations
	TimedOut         bool // relation reading stopped at Budget.MaxExtractTime
	ReadTo, BodyLen  int  // bytes of the body read for relations, of all
	budget           Budget
	textEnd          int // end of the text indexed: the last passage kept
}

// IsZero reports whether nothing was cut.
func (c Cut) IsZero() bool {
	return c.PassagesKept == c.Passages && c.LongSentences == 0 && !c.RelationsFull && !c.TimedOut
}

// String says in a line what was cut and why, for the person who ingested
// the report.
func (c Cut) String() string {
	var parts []string
	if c.PassagesKept < c.Passages {
		parts = append(parts, fmt.Sprintf("indexed the first %d of %d passages (budget: %d passages per report)", c.PassagesKept, c.Passages, c.budget.MaxPassages))
	}
	if c.LongSentences > 0 {
		noun := "sentences"
		if c.LongSentences == 1 {
			noun = "sentence"
		}
		parts = append(parts, fmt.Sprintf("%d %s longer than %s not read for relations", c.LongSentences, noun, bot.HumanBytes(int64(c.budget.MaxSentence))))
	}
	switch {
	case c.RelationsFull:
		parts = append(parts, fmt.Sprintf("relations read from the first %s of %s only (budget: %d relations per report)", bot.HumanBytes(int64(c.ReadTo)), bot.HumanBytes(int64(c.BodyLen)), c.budget.MaxRelations))
	case c.TimedOut:
		parts = append(parts, fmt.Sprintf("relations read from the first %s of %s only (budget: %s of extraction per report)", bot.HumanBytes(int64(c.ReadTo)), bot.HumanBytes(int64(c.BodyLen)), c.budget.MaxExtractTime))
	}
	return strings.Join(parts, "; ")
}

// prepareReport splits a report into the passages and relations to index,
// within the budget, and says what the budget cut.
func (x *Index) prepareReport(ctx context.Context, r bot.Report) ([]bot.Passage, []bot.Relation, Cut) {
	b := x.opts.Budget
	ps := bot.Passages(r)
	cut := Cut{ReportID: r.ID, Origin: r.Origin, Passages: len(ps), PassagesKept: len(ps), BodyLen: len(r.Body), budget: b}
	if len(ps) > b.MaxPassages && r.Relations == nil {
		ps = ps[:b.MaxPassages]
		cut.PassagesKept = len(ps)
		// Relations are read from the text indexed, no further.
		r.Body = r.Body[:ps[len(ps)-1].End]
	}
	cut.ReadTo, cut.textEnd = len(r.Body), len(r.Body)
	if r.Relations != nil {
		return ps, r.Relations, cut // data rows, not text: no extraction budget
	}
	return ps, x.extract(ctx, r, b, &cut), cut
}

// extract reads r's relations within the budget, recording in cut what it
// could not read.
func (x *Index) extract(ctx context.Context, r bot.Report, b Budget, cut *Cut) []bot.Relation {
	switch {
	case x.opts.RelationsWithin != nil:
		ectx, cancel := context.WithTimeout(ctx, b.MaxExtractTime)
		defer cancel()
		rels, long, readTo := x.opts.RelationsWithin(ectx, r, b.MaxSentence, b.MaxRelations)
		cut.LongSentences = long
		if readTo < len(r.Body) {
			cut.ReadTo = readTo
			cut.TimedOut = errors.Is(ectx.Err(), context.DeadlineExceeded) && ctx.Err() == nil
			cut.RelationsFull = !cut.TimedOut && ctx.Err() == nil
		}
		if len(rels) > b.MaxRelations { // an extractor that overshot
			rels, cut.RelationsFull = rels[:b.MaxRelations], true
		}
		return rels
	case x.opts.Relations != nil:
		rels := x.opts.Relations(r)
		if len(rels) > b.MaxRelations {
			rels, cut.RelationsFull = rels[:b.MaxRelations], true
			cut.ReadTo = rels[len(rels)-1].Evidence.End
		}
		return rels
	}
	return nil
}
