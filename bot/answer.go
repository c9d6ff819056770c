package bot

import (
	"context"
	"fmt"
)

// Citation names the report and the sentence a claim came from. N is the
// number used by the [n] markers in the answer text, starting at 1.
type Citation struct {
	N         int    `json:"n"`
	ReportID  string `json:"report_id"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Published string `json:"published"` // YYYY-MM-DD, "" when unknown
	Quote     string `json:"quote"`     // the cited sentence, verbatim
	// Also lists the other outlets that carried the same story (the index
	// merged their near-identical copies into this report).
	Also []SourceRef `json:"also,omitempty"`
	// Highlights are the matched words within Quote, as byte spans, so a
	// renderer can emphasise them. Not part of the JSON contract.
	Highlights []Span `json:"-"`
}

// SourceRef is one more source of a story: another outlet's copy of the
// same report, merged into it when it was ingested.
type SourceRef struct {
	ReportID  string `json:"report_id"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Published string `json:"published"` // YYYY-MM-DD, "" when unknown
}

// AlsoText names the citation's other sources in a line of at most about
// max characters: "also reported by Reuters (2026-03-03), AP and 3 more";
// "" when there are none.
func (c Citation) AlsoText(max int) string {
	if len(c.Also) == 0 {
		return ""
	}
	text := "also reported by "
	for i, ref := range c.Also {
		name := ref.Source
		if name == "" {
			name = ref.Title
		}
		if ref.Published != "" {
			name += " (" + ref.Published + ")"
		}
		sep := ", "
		if i == 0 {
			sep = ""
		} else if i == len(c.Also)-1 {
			sep = " and "
		}
		rest := len(c.Also) - i
		if i > 0 && len(text)+len(sep)+len(name) > max-12 {
			return text + fmt.Sprintf(" and %d more", rest)
		}
		text += sep + name
	}
	return text
}

// StorySources is implemented by Searchers that merge copies of one story
// from several outlets: it returns, by report ID, the other sources of
// each of the given reports that has any.
type StorySources interface {
	StorySources(ctx context.Context, reportIDs []string) (map[string][]SourceRef, error)
}

// addStorySources fills the Also of every citation of ans whose report
// has other sources.
func (b *Bot) addStorySources(ctx context.Context, ans *Answer) error {
	ss, ok := b.search.(StorySources)
	if !ok || ans == nil || len(ans.Citations) == 0 {
		return nil
	}
	ids := make([]string, 0, len(ans.Citations))
	for _, c := range ans.Citations {
		ids = append(ids, c.ReportID)
	}
	also, err := ss.StorySources(ctx, ids)
	if err != nil {
		return err
	}
	for i := range ans.Citations {
		ans.Citations[i].Also = also[ans.Citations[i].ReportID]
	}
	return nil
}

// RelationLine is one deal as an answer states it: every sentence and
// report about the same supplier, recipient and system folded into one
// line, at the furthest stage reached. Countries are canonical English
// short names.
type RelationLine struct {
	Supplier  string `json:"supplier"`
	Recipient string `json:"recipient"`
	System    string `json:"system"`
	Category  string `json:"category"`
	Status    string `json:"status"`
	Kind      string `json:"kind"`
	Years     []int  `json:"years"`
	Citations []int  `json:"citations"`
	// Read says how the deal was read: ReadStated (a cited sentence names
	// both sides), ReadRegister (a SIPRI row) or ReadContext (one side
	// completed from the report's context).
	Read string `json:"read"`
	// Stages, when the deal's sentences state more than one stage, gives
	// each (ordered, then delivered) with its own years and the citations
	// that state it; Status and Years are then the furthest stage and all
	// years.
	Stages []Stage `json:"stages,omitempty"`
	// LessCertain is true when the deal was read only from context and no
	// other evidence in the index states the same pair; the answer lists
	// it under LessCertainHeading, never among confirmed supply.
	LessCertain bool `json:"less_certain,omitempty"`
}

// Stage is one stage of a deal that its sentences state: "ordered" or
// "delivered", with the years and citations of that stage.
type Stage struct {
	Status    string `json:"status"`
	Years     []int  `json:"years"`
	Citations []int  `json:"citations"`
}

// Answer is what the bot says in reply to a question, independent of any
// platform. Text holds plain sentences with [n] markers that refer to
// Citations[n-1]; adapters render it, they never write answer text
// themselves.
//
// The JSON form is the contract of `briefbot ask --json`: later work extends
// it, never breaks it.
type Answer struct {
	Question  string         `json:"question"`
	Text      string         `json:"answer"`
	Relations []RelationLine `json:"relations"`
	Citations []Citation     `json:"citations"`
	// NoMatch is true when the corpus had nothing on the question; Text then
	// says so helpfully.
	NoMatch bool `json:"no_match,omitempty"`
	// Verdict answers a yes/no question ("did Serbia receive the FK-3?"):
	// VerdictYes, VerdictNotYet, VerdictNo or VerdictNoRecord; "" for other
	// questions. VerdictCitations are the citations it rests on.
	Verdict          Verdict `json:"verdict,omitempty"`
	VerdictCitations []int   `json:"verdict_citations,omitempty"`
	// Story is a deal's stages, oldest first ("what happened to Jakarta's
	// Su-35 deal with Moscow?").
	Story []StoryStage `json:"story,omitempty"`
	// Overview is a region's supplier × recipient pairs, most deals first
	// ("who supplies whom in Central Asia").
	Overview []PairSummary `json:"overview,omitempty"`
	// Chart is the table behind a chart, for a request of one ("chart
	// suppliers Kazakhstan", "show me Kazakhstan's suppliers over time").
	Chart *ChartTable `json:"chart,omitempty"`
	// Attachments are files posted with the answer: the chart's picture,
	// once the Router has drawn it. Not part of the JSON contract.
	Attachments []Attachment `json:"-"`
}

// Verdict is the answer to a yes/no question about a transfer.
type Verdict string

// The verdicts. A denial, a rumour or a cancelled deal is never VerdictYes.
const (
	VerdictYes      Verdict = "yes"       // a report states the delivery
	VerdictNotYet   Verdict = "not_yet"   // ordered or planned only
	VerdictNo       Verdict = "no"        // cancelled or denied
	VerdictNoRecord Verdict = "no_record" // no report in the index says so
)

// StoryStage is one stage of a deal: what a report said had happened by
// Year (the relation's own year, else the year its report was published).
type StoryStage struct {
	Year      int    `json:"year"`
	Dated     bool   `json:"dated"` // Year is stated by the evidence, not taken from publication
	Supplier  string `json:"supplier"`
	Recipient string `json:"recipient"`
	System    string `json:"system"`
	Status    string `json:"status"`
	Kind      string `json:"kind"`
	Denied    bool   `json:"denied,omitempty"`
	Citations []int  `json:"citations"`
}

// PairSummary is one supplier → recipient pair of an overview: how many
// distinct deals (systems, or categories where no system is named) were
// delivered or ordered, the main systems, and a citation for each.
type PairSummary struct {
	Supplier  string   `json:"supplier"`
	Recipient string   `json:"recipient"`
	Deals     int      `json:"deals"`
	Reports   int      `json:"reports"`
	Systems   []string `json:"systems"`
	Citations []int    `json:"citations"`
	// Inferred is set when every relation of the pair had one side read
	// from the report's context, none stated in one sentence: less certain.
	Inferred bool `json:"inferred,omitempty"`
}
