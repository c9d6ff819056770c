package bot

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// maxStoryRelations bounds the relations a deal's story is told from.
const maxStoryRelations = 200

// maxStoryStages bounds the stages an answer lists.
const maxStoryStages = 12

// storyAnswer tells what became of a deal: its stages oldest first, each
// with its citations, and a headline with the latest. A cancellation is
// said as a cancellation, and a delivery reported before (or with) a
// cancellation of the same deal never makes the headline. It returns nil
// when no relation matches.
func (b *Bot) storyAnswer(ctx context.Context, rs RelationSearcher, q string, u Understanding, f Filter) (*Answer, error) {
	rq := RelationQuery{Suppliers: u.Suppliers, Recipients: u.Recipients, Either: u.Either, System: u.System,
		YearFrom: u.YearFrom, YearTo: u.YearTo, SourceType: f.SourceType, Limit: maxStoryRelations}
	if u.System == "" {
		rq.Categories = u.Categories
	}
	res, err := rs.SearchRelations(ctx, rq)
	if err != nil {
		return nil, err
	}
	named, err := namedInEvidence(ctx, rs, rq, u)
	if err != nil {
		return nil, err
	}
	hits := narrowByKind(append(res.Hits, named...), u.Kinds)
	if len(hits) == 0 {
		return nil, nil
	}
	c := newComposer(q)
	stages := storyStages(c, hits)
	ans := &Answer{Question: q, Citations: c.citations, Story: stages, Relations: stageRelations(stages)}
	text := []string{storyHeadline(stages)}
	for i, s := range stages {
		if i == maxStoryStages {
			text = append(text, fmt.Sprintf("- …and %d later stages.", len(stages)-i))
			break
		}
		text = append(text, "- "+stageText(s))
	}
	ans.Text = strings.Join(text, "\n")
	return ans, nil
}

// stageHit is a relation placed in time: by its own latest year, else by
// its report's publication year.
type stageHit struct {
	RelationHit
	year      int
	dated     bool
	published string
}

// storyStages sorts relations into stages, oldest first; relations of the
// same year, deal and status are one stage with all their citations.
func storyStages(c *composer, hits []RelationHit) []StoryStage {
	placed := make([]stageHit, 0, len(hits))
	// A report written no earlier than the years it states: an undated
	// stage of a report with no publication date stands at its latest
	// stated year, not before everything ("ordered in 2018" ... "the US
	// has blocked the sale").
	reportYear := map[string]int{}
	for _, h := range hits {
		for _, y := range h.Years {
			reportYear[h.Evidence.ReportID] = max(reportYear[h.Evidence.ReportID], y)
		}
	}
	for _, h := range hits {
		s := stageHit{RelationHit: h, published: h.Report.PublishedString()}
		if len(h.Years) > 0 {
			s.year, s.dated = h.Years[len(h.Years)-1], true
			for _, y := range h.Years {
				s.year = max(s.year, y)
			}
		} else if !h.Report.Published.IsZero() {
			s.year = h.Report.Published.Year()
		} else {
			s.year = reportYear[h.Evidence.ReportID]
		}
		placed = append(placed, s)
	}
	sort.SliceStable(placed, func(i, j int) bool {
		a, b := placed[i], placed[j]
		if a.year != b.year {
			return a.year < b.year
		}
		if a.published != b.published {
			return a.published < b.published
		}
		return statusOrder(a.Status) < statusOrder(b.Status)
	})
	var stages []StoryStage
	index := map[string]int{}
	for _, p := range placed {
		key := fmt.Sprint(p.year, "|", p.Supplier, "|", p.Recipient, "|", systemKey(p.Relation), "|", p.Status, "|", p.Denied)
		i, ok := index[key]
		if !ok {
			i = len(stages)
			index[key] = i
			stages = append(stages, StoryStage{Year: p.year, Dated: p.dated, Supplier: p.Supplier, Recipient: p.Recipient,
				System: systemName(p.System), Status: string(p.Status), Kind: string(p.Kind), Denied: p.Denied, Citations: []int{}})
		}
		if len(stages[i].Citations) < maxCitationsPerLine {
			if n := c.cite(p.RelationHit); !containsInt(stages[i].Citations, n) {
				stages[i].Citations = append(stages[i].Citations, n)
			}
		}
	}
	return stages
}

// statusOrder puts the stages of one year in the order deals go through
// them.
func statusOrder(s Status) int {
	return map[Status]int{StatusPlanned: 0, StatusOrdered: 1, StatusDelivered: 2, StatusCancelled: 3}[s]
}

// storyHeadline says where the deal stands: its latest stage, except that
// a cancellation no later than the latest delivery is what stands.
func storyHeadline(stages []StoryStage) string {
	latest := stages[len(stages)-1]
	for _, s := range stages {
		if s.Status == string(StatusCancelled) && latest.Status == string(StatusDelivered) && s.Year >= latest.Year {
			latest = s
		}
	}
	deal := latest.Supplier + " → " + latest.Recipient
	if latest.System != "" {
		deal = latest.System + ", " + deal
	}
	when := fmt.Sprintf(", as of %d", latest.Year)
	if latest.Year == 0 {
		when = ", undated" // no year known: never "as of 0"
	}
	return fmt.Sprintf("Latest (%s): %s%s%s. %d %s:", deal, statusWords(latest), when, citeMarks(latest.Citations),
		len(stages), plural(len(stages), "stage", "stages"))
}

// stageText is one stage: "2021: Su-35, Russia → Indonesia, cancelled [2]".
func stageText(s StoryStage) string {
	when := fmt.Sprint(s.Year)
	if !s.Dated {
		when += " (reported)"
	}
	if s.Year == 0 {
		when = "undated"
	}
	what := s.Supplier + " → " + s.Recipient
	if s.System != "" {
		what = s.System + ", " + what
	}
	return fmt.Sprintf("%s: %s, %s%s", when, what, statusWords(s), citeMarks(s.Citations))
}

// statusWords says a stage's status plainly; a cancellation is never
// softened and a denial says so.
func statusWords(s StoryStage) string {
	var w string
	switch {
	case s.Denied:
		w = "reported but denied"
	case s.Status == string(StatusCancelled):
		w = "cancelled"
	case s.Status == string(StatusPlanned):
		w = "planned or under discussion"
	case s.Status == string(StatusOrdered):
		w = "ordered"
	default:
		w = s.Status
	}
	if s.Kind == string(KindLicence) {
		w += " (licensed production)"
	} else if s.Kind == string(KindAid) {
		w += " (as aid)"
	}
	return w
}

func citeMarks(ns []int) string {
	var b strings.Builder
	for _, n := range ns {
		fmt.Fprintf(&b, " [%d]", n)
	}
	return b.String()
}

func containsInt(ns []int, n int) bool {
	for _, x := range ns {
		if x == n {
			return true
		}
	}
	return false
}

// stageRelations is the JSON relations form of a story: one line a stage.
func stageRelations(stages []StoryStage) []RelationLine {
	out := make([]RelationLine, 0, len(stages))
	for _, s := range stages {
		years := []int{}
		if s.Dated {
			years = []int{s.Year}
		}
		out = append(out, RelationLine{Supplier: s.Supplier, Recipient: s.Recipient, System: s.System,
			Status: s.Status, Kind: s.Kind, Years: years, Citations: s.Citations})
	}
	return out
}
