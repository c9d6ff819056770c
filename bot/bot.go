package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Options tune a Bot. The zero value means sensible defaults.
type Options struct {
	MaxCitations   int // passages quoted in one answer; 0 means 5
	MaxQuestionLen int // in characters; 0 means MaxQuestionLen
	PerReport      int // passages quoted from one report; 0 means 2
	// Now gives the current time, to read "last year"; nil means time.Now.
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.MaxCitations <= 0 {
		o.MaxCitations = 5
	}
	if o.MaxQuestionLen <= 0 {
		o.MaxQuestionLen = MaxQuestionLen
	}
	if o.PerReport <= 0 {
		o.PerReport = 2
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Filter narrows a question to reports published in a date range (zero
// times leave that end open) and to one type of source (SourceReports,
// SourceSIPRI; "" means all).
type Filter struct {
	From, To   time.Time
	SourceType string
}

// Bot answers questions from a Searcher. It is safe for concurrent use.
type Bot struct {
	search Searcher
	opts   Options
}

// New returns a Bot that retrieves passages from s.
func New(s Searcher, opts Options) *Bot {
	return &Bot{search: s, opts: opts.withDefaults()}
}

// Ask answers a question in plain words. A question about who supplies
// whom is answered from supply relations, grouped by counterparty, when the
// Searcher is also a RelationSearcher and holds any that match; every other
// question, and one whose relations are missing, is answered by quoting
// passages. An empty, over-long or wordless question gives an *Error with
// code EInvalid; a question the corpus knows nothing about gives an Answer
// with NoMatch set, not an error. Other errors come from the Searcher.
func (b *Bot) Ask(ctx context.Context, question string, f Filter) (*Answer, error) {
	ans, err := b.ask(ctx, question, f)
	if err == nil {
		err = b.addStorySources(ctx, ans)
	}
	return ans, err
}

func (b *Bot) ask(ctx context.Context, question string, f Filter) (*Answer, error) {
	q := cleanQuestion(question)
	if q == "" {
		return nil, Errorf(EInvalid, "Ask me a question, for example: who supplies Kazakhstan with drones?")
	}
	if n := utf8.RuneCountInString(q); n > b.opts.MaxQuestionLen {
		return nil, Errorf(EInvalid, "That question is %d characters long; please keep it under %d.", n, b.opts.MaxQuestionLen)
	}
	words := Words(q)
	if len(words) == 0 {
		return nil, Errorf(EInvalid, "I found nothing to search for in %q. Name a country, a weapon or a deal, for example: who supplies Kazakhstan with drones?", q)
	}
	rs, ok := b.search.(RelationSearcher)
	if !ok {
		return b.passageAnswer(ctx, q, words, f)
	}
	u := Understand(q, b.opts.Now())
	if ans, err := b.formAnswer(ctx, rs, q, u, f); ans != nil || err != nil {
		return ans, err
	}
	if u.Intent == IntentPassages {
		return b.passageAnswer(ctx, q, words, f)
	}
	ans, err := b.relationAnswer(ctx, rs, q, u, f)
	if err != nil || ans != nil {
		return ans, err
	}
	ans, err = b.passageAnswer(ctx, q, words, f)
	if err == nil && !ans.NoMatch {
		ans.Text = "No supply relations on record match that question; here is what the reports say.\n" + ans.Text
	}
	return ans, err
}

// formAnswer answers a question whose form is not a plain list: a yes/no
// check, a deal's story, a region's overview or a count. It returns nil
// when the question is a list, or when a story, overview or count finds
// nothing, so the caller answers it the usual way.
func (b *Bot) formAnswer(ctx context.Context, rs RelationSearcher, q string, u Understanding, f Filter) (*Answer, error) {
	switch u.Form {
	case FormCheck:
		return b.checkAnswer(ctx, rs, q, u, f)
	case FormStory:
		ans, err := b.storyAnswer(ctx, rs, q, u, f)
		if ans == nil && err == nil && u.YesNo {
			// "did Britain suspend arms sales to Pakistan?" with no deal
			// between them on record: a plain "no report says so".
			return b.checkAnswer(ctx, rs, q, u, f)
		}
		return ans, err
	case FormOverview:
		return b.overviewAnswer(ctx, rs, q, u, f)
	case FormCount:
		return b.countAnswer(ctx, rs, q, u, f)
	case FormChart:
		return b.chartQuestion(ctx, q, u, f)
	}
	return nil, nil
}

func (b *Bot) passageAnswer(ctx context.Context, q string, words []string, f Filter) (*Answer, error) {
	hits, err := b.retrieve(ctx, q, words, f)
	if err != nil {
		return nil, err
	}
	hits = preferCountryPassages(q, hits)
	ans := &Answer{Question: q, Relations: []RelationLine{}, Citations: []Citation{}}
	if len(hits) == 0 {
		ans.NoMatch = true
		ans.Text = fmt.Sprintf("Nothing in the corpus about %q. Try other words (a country, a weapon, a supplier), or add reports with `briefbot ingest`.", strings.Join(words, " "))
		return ans, nil
	}
	perReport := map[string]int{}
	var lines []string
	for _, h := range hits {
		if len(ans.Citations) == b.opts.MaxCitations {
			break
		}
		if perReport[h.ReportID] == b.opts.PerReport {
			continue
		}
		quote, marks := bestSentence(h.Text, h.Highlights)
		if quote == "" || duplicateQuote(ans.Citations, quote) {
			continue
		}
		perReport[h.ReportID]++
		n := len(ans.Citations) + 1
		ans.Citations = append(ans.Citations, Citation{
			N: n, ReportID: h.ReportID, Title: h.Report.Title, Source: h.Report.Source,
			URL: h.Report.URL, Published: h.Report.PublishedString(), Quote: quote, Highlights: marks,
		})
		lines = append(lines, fmt.Sprintf("- %s [%d]", quote, n))
	}
	reports := len(perReport)
	head := fmt.Sprintf("What %s in the corpus %s about %s:", counted(reports, "report", "reports"), plural(reports, "says", "say"), strings.Join(words, ", "))
	ans.Text = head + "\n" + strings.Join(lines, "\n")
	return ans, nil
}

// retrieve finds passages in three steps, each only when the one before
// found too little: passages with every word, then with most words, then
// with any word. The first step is cheap even on a large index (a
// conjunction skips ahead on its rarest word); results of later steps
// follow those of earlier ones.
func (b *Bot) retrieve(ctx context.Context, q string, words []string, f Filter) ([]PassageHit, error) {
	groups, boost := TermGroups(words)
	expandCountries(groups, q)
	limit := 4 * b.opts.MaxCitations
	var hits []PassageHit
	seen := map[string]bool{}
	steps := []int{len(groups)}
	if m := minMatch(len(groups)); m < len(groups) {
		steps = append(steps, m)
	}
	if steps[len(steps)-1] > 1 {
		steps = append(steps, 1)
	}
	for _, min := range steps {
		if len(hits) >= b.opts.MaxCitations || (min == 1 && len(hits) > 0) {
			break // any-word matches only when there is nothing better
		}
		more, err := b.search.SearchPassages(ctx, PassageQuery{Terms: groups, MinMatch: min, Boost: boost, From: f.From, To: f.To, SourceType: f.SourceType, Limit: limit})
		if err != nil {
			return nil, err
		}
		for _, h := range more {
			key := h.ReportID + "#" + strconv.Itoa(h.Seq)
			if !seen[key] {
				seen[key] = true
				hits = append(hits, h)
			}
		}
	}
	return hits, nil
}

// expandCountries adds a country's canonical name and its other names to
// the term group of a word that names it ("Kazakh" also finds
// "Kazakhstan", "Uzbekistan" also finds "Tashkent").
func expandCountries(groups [][]string, q string) {
	for _, m := range mentionsIn(q) {
		if m.kind == gazetteer.GroupMention {
			continue
		}
		first := strings.ToLower(q[m.start:m.end])
		if i := strings.IndexAny(first, " -"); i > 0 {
			first = first[:i]
		}
		for i, g := range groups {
			if g[0] == first {
				for _, n := range m.names {
					groups[i] = appendNew(groups[i], strings.ToLower(n))
					for _, a := range countryAliases(n) {
						groups[i] = appendNew(groups[i], a)
					}
				}
			}
		}
	}
}

// minMatch is how many term groups a passage must match: all of one or two,
// and a little over half of more, so one stray word cannot pull in noise and
// one missing word cannot hide a good passage.
func minMatch(groups int) int {
	if groups <= 2 {
		return groups
	}
	return (groups*3 + 4) / 5
}

// bestSentence picks the sentence of a passage with the most matched words
// (the first on a tie) and returns it with the matches inside it.
func bestSentence(text string, marks []Span) (string, []Span) {
	sentences := SplitSentences(text)
	best, bestN := -1, -1
	for i, s := range sentences {
		n := 0
		for _, m := range marks {
			if m.Start >= s.Start && m.End <= s.End {
				n++
			}
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return "", nil
	}
	s := sentences[best]
	var in []Span
	for _, m := range marks {
		if m.Start >= s.Start && m.End <= s.End {
			in = append(in, Span{m.Start - s.Start, m.End - s.Start})
		}
	}
	return text[s.Start:s.End], in
}

func duplicateQuote(cs []Citation, quote string) bool {
	for _, c := range cs {
		if c.Quote == quote {
			return true
		}
	}
	return false
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
