package extract

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Version names the extraction rules. Change it whenever they change, so
// indexes re-extract the relations of reports they already hold (see
// index.Options.RelationsVersion).
const Version = "2026-11-27.5"

// Context is what the extractor knows about a sentence's report. The zero
// value means no context: relations need both sides in the sentence and
// relative dates ("last year") are not resolved.
type Context struct {
	Title     string
	Published time.Time // resolves "last year", "this year"; zero: unresolved
	About     []string  // canonical country names the report is about (most mentioned), may be empty
	Previous  string    // the sentence before, may be empty
}

// Extractor reads supply relations from sentences. It is immutable after New
// and safe for concurrent use.
type Extractor struct {
	gaz   *gazetteer.Gazetteer
	names map[string]string // ISO code -> canonical name
}

// New returns an Extractor that recognises countries with gazetteer.Default.
func New() *Extractor {
	g := gazetteer.Default()
	e := &Extractor{gaz: g, names: map[string]string{}}
	for _, c := range g.Countries() {
		e.names[c.Code] = c.Name
	}
	return e
}

// name returns the canonical name of an ISO code, "" if unknown.
func (e *Extractor) name(code string) string {
	return e.names[code]
}

// Sentence returns the supply relations stated by one sentence, in the order
// they appear. A side the sentence leaves out is taken from c (the previous
// sentence first, then the title, then About) and marked Inferred, but only
// when the sentence clearly states a transfer. Evidence.Sentence is text and
// spans all of it; ReportID is empty. Sentence never panics and takes time
// roughly linear in len(text).
func (e *Extractor) Sentence(text string, c Context) []bot.Relation {
	rels, _ := e.sentence(text, &c, nil, false)
	rels = dropNegated(text, rels)
	for i := range rels {
		rels[i].Evidence = bot.Evidence{Sentence: text, Start: 0, End: len(text)}
	}
	return rels
}

// Report returns the relations of every sentence of r.Body, split with
// bot.SplitSentences. Each sentence's Context is r.Title, r.Published, the
// countries the report mentions most and the sentence before it. Evidence
// holds r.ID, the sentence and its byte offsets in r.Body.
func (e *Extractor) Report(r bot.Report) []bot.Relation {
	rels, _, _ := e.ReportWithin(context.Background(), r, 0, 0)
	return rels
}

// ReportWithin is Report within limits, so that no report costs more than
// a budget: a sentence longer than maxSentence bytes is not read (long
// counts them; such a run of text is no sentence a person wrote, and its
// relations would each carry all of it as evidence), and reading stops
// before the sentence that would bring the relations past maxRelations, or
// when ctx is done. readTo is the offset in r.Body where reading stopped,
// len(r.Body) when every sentence was read. A limit of 0 means none.
func (e *Extractor) ReportWithin(ctx context.Context, r bot.Report, maxSentence, maxRelations int) (rels []bot.Relation, long, readTo int) {
	about := e.about(r.Body)
	var prev *analysis
	prevText := ""
	for _, sp := range bot.SplitSentences(r.Body) {
		if ctx.Err() != nil {
			return rels, long, sp.Start
		}
		text := r.Body[sp.Start:sp.End]
		if maxSentence > 0 && len(text) > maxSentence {
			long++
			prev, prevText = nil, ""
			continue
		}
		c := Context{Title: r.Title, Published: r.Published, About: about, Previous: prevText}
		found, a := e.sentence(text, &c, prev, true)
		found = dropNegated(text, found)
		if maxRelations > 0 && len(rels)+len(found) > maxRelations {
			return rels, long, sp.Start
		}
		for _, rel := range found {
			rel.Evidence = bot.Evidence{ReportID: r.ID, Sentence: text, Start: sp.Start, End: sp.End}
			rels = append(rels, rel)
		}
		prev, prevText = a, text
	}
	return rels, long, len(r.Body)
}

// about returns the countries a text mentions most: those with the highest
// count, at most three, in order of first mention.
func (e *Extractor) about(body string) []string {
	counts := map[string]int{}
	first := map[string]int{}
	for i, m := range e.gaz.Find(body) {
		if m.Kind == gazetteer.GroupMention || len(m.Codes) == 0 {
			continue
		}
		n := e.name(m.Codes[0])
		if n == "" {
			continue
		}
		if _, ok := first[n]; !ok {
			first[n] = i
		}
		counts[n]++
	}
	best := 0
	for _, c := range counts {
		best = max(best, c)
	}
	var out []string
	for n, c := range counts {
		if c == best {
			out = append(out, n)
		}
	}
	sort.Slice(out, func(i, j int) bool { return first[out[i]] < first[out[j]] })
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// sentence analyses text and returns its relations and the analysis, which
// the next sentence of a report may use as its context. prev is the
// analysis of c.Previous when known.
func (e *Extractor) sentence(text string, c *Context, prev *analysis, havePrev bool) ([]bot.Relation, *analysis) {
	a := newAnalysis(e, text, c)
	rels := a.resolve()
	if a.needsContext() && c != nil {
		if prev == nil && !havePrev && strings.TrimSpace(c.Previous) != "" {
			pc := Context{Published: c.Published}
			prev = newAnalysis(e, c.Previous, &pc)
			prev.resolve()
		}
		rels = append(rels, a.infer(prev)...)
	}
	rels = merge(rels)
	out := make([]bot.Relation, 0, len(rels))
	for _, r := range rels {
		out = append(out, r.Relation)
	}
	return out, a
}

// negativeWords negate by quantifier: "No other country is recorded as
// supplying ...", "the export contains no American drones".
var negativeWords = words("no none neither nor never")

// negates reports whether the part of text the extractor reads (maxBytes)
// has a negative quantifier as a word; "No." (number) does not count.
func negates(text string) bool {
	if len(text) > maxBytes {
		text = text[:maxBytes]
	}
	start := -1
	for i := 0; i <= len(text); i++ {
		letter := i < len(text) && (text[i]|0x20 >= 'a' && text[i]|0x20 <= 'z')
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			if i-start <= 7 && negativeWords[strings.ToLower(text[start:i])] && !(i < len(text) && text[i] == '.' && strings.EqualFold(text[start:i], "no")) {
				return true
			}
			start = -1
		}
	}
	return false
}

// dropNegated drops the deliveries read from a sentence that negates with
// a quantifier: such a sentence mostly says what did not happen, and a
// delivery read out of it would present an absence as supply. Orders,
// plans and denials stay ("ordered in 2021, with no number given").
// Precision over recall: "drones but no missiles" loses its drones too.
func dropNegated(text string, rels []bot.Relation) []bot.Relation {
	if len(rels) == 0 || !negates(text) {
		return rels
	}
	kept := rels[:0]
	for _, r := range rels {
		if r.Denied || r.Status != bot.StatusDelivered {
			kept = append(kept, r)
		}
	}
	return kept
}
