package bot

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"
)

// DateLayout is the layout of every date briefbot reads or prints (YYYY-MM-DD).
const DateLayout = "2006-01-02"

// Report is one source document: a news article, a think-tank report, a feed
// item or a summary of a trade register. ID identifies it across re-ingests:
// ingesting a report with the same ID replaces the earlier one.
type Report struct {
	ID        string
	Title     string
	Source    string    // publisher or outlet, e.g. "Eurasianet"
	URL       string    // may be empty
	Published time.Time // zero when unknown
	Body      string    // plain text; paragraphs separated by blank lines
	Origin    string    // where it was read from (file path, "default:reports/x.md"); for messages only

	// SourceType says what kind of source this is: SourceReports (news,
	// think-tank and other prose reports; also "") or SourceSIPRI (a trade
	// register). Answers can be limited to one type.
	SourceType string
	// Relations, when not nil, are the report's supply relations as its
	// source states them (a trade register's records); the index then uses
	// them instead of extracting relations from Body.
	Relations []Relation
}

// Source types of reports.
const (
	SourceReports = "reports"
	SourceSIPRI   = "sipri"
)

// Type returns the report's source type, SourceReports when unset.
func (r Report) Type() string {
	if r.SourceType == "" {
		return SourceReports
	}
	return r.SourceType
}

// Hash is a digest of everything that ends up in the index, so an unchanged
// report can be recognised and skipped on re-ingest.
func (r Report) Hash() string {
	h := sha256.New()
	for _, s := range []string{r.ID, r.Title, r.Source, r.URL, r.PublishedString(), r.Body, r.Type()} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	for _, rel := range r.Relations {
		fmt.Fprintf(h, "%+v\x00", rel)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// PublishedString is the published date as YYYY-MM-DD, or "" when unknown.
func (r Report) PublishedString() string {
	if r.Published.IsZero() {
		return ""
	}
	return r.Published.Format(DateLayout)
}

// Passage is a short run of a report's text (one paragraph, or part of a long
// one) that the index retrieves. Start and End are byte offsets into the
// report's Body.
type Passage struct {
	ReportID string
	Seq      int // 0-based position within the report
	Text     string
	Start    int
	End      int
}

// Span is a half-open byte range [Start, End) within some text.
type Span struct {
	Start, End int
}

// HumanBytes writes a size for people: "3.2 MB", "12.0 KB", "512 bytes".
func HumanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
