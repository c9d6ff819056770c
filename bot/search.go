package bot

import (
	"context"
	"time"
)

// PassageQuery asks a Searcher for passages. Terms are groups of plain words:
// a passage matches a group when it contains any word of it, and must match
// at least MinMatch groups (0 means 1). Words are analysed like the indexed
// text (lower case, stemming); they are never parsed as query syntax.
type PassageQuery struct {
	Terms    [][]string
	MinMatch int
	// Boost words raise the score of passages that have them without being
	// required ("supplied", "sold" in a question about suppliers).
	Boost    []string
	From, To time.Time // published date range, inclusive; zero means open
	// SourceType limits passages to one type of source (SourceReports,
	// SourceSIPRI); "" means all.
	SourceType string
	Limit      int // at most this many hits; 0 means 10
}

// PassageHit is a retrieved passage with its report's metadata.
type PassageHit struct {
	Passage
	Report     Report // metadata only: Body is empty
	Score      float64
	Highlights []Span // matched words within Passage.Text
}

// Searcher retrieves passages. The index package implements it over Bleve.
type Searcher interface {
	SearchPassages(ctx context.Context, q PassageQuery) ([]PassageHit, error)
}
