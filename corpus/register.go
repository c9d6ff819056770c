package corpus

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus/sipri"
)

// SIPRIURL is where users get SIPRI trade-register exports, and what SIPRI
// records are linked to.
const SIPRIURL = "https://www.sipri.org/databases/armstransfers"

var slugUnsafe = regexp.MustCompile(`[^a-z0-9]+`)

// loadCSV reads a SIPRI trade-register export (the only CSV briefbot
// reads) as one report: a plain-English paragraph per deal, each deal one
// relation citing its own row, credited to SIPRI. Its ID comes from the
// file name ("sipri-trade-register"), so ingesting a newer export under
// the same name replaces the older one's records instead of adding to them.
// A malformed export is refused whole: nothing of it is indexed.
func loadCSV(name string, data []byte) ([]bot.Report, []Problem) {
	if _, ok := sipri.Detect(data[:min(len(data), 4096)]); !ok {
		return nil, []Problem{{Severity: Error, Err: fmt.Errorf("%w: briefbot reads CSV files only as SIPRI trade-register exports", sipri.ErrNotSIPRI)}}
	}
	exp, err := sipri.Parse(bytes.NewReader(data))
	if err != nil {
		line := 0
		if le, ok := err.(*sipri.LineError); ok {
			line, err = le.Line, le.Err
		}
		return nil, []Problem{{Line: line, Severity: Error, Err: fmt.Errorf("SIPRI export refused, nothing of it indexed: %w", err)}}
	}
	if len(exp.Deals) == 0 {
		return nil, []Problem{{Severity: Error, Err: fmt.Errorf("%w: the SIPRI export holds no deals", ErrEmpty)}}
	}
	base := strings.TrimSuffix(baseName(name), ".csv")
	base = strings.TrimSuffix(base, ".CSV")
	r := bot.Report{
		ID:         "sipri-" + strings.Trim(slugUnsafe.ReplaceAllString(strings.ToLower(base), "-"), "-"),
		Title:      "SIPRI Arms Transfers Database",
		Source:     "SIPRI Arms Transfers Database",
		URL:        SIPRIURL,
		Published:  exp.Generated,
		SourceType: bot.SourceSIPRI,
		Relations:  make([]bot.Relation, 0, len(exp.Deals)),
	}
	if !exp.Generated.IsZero() {
		r.Title += ", export of " + exp.Generated.Format("2 Jan 2006")
		r.Published = exp.Generated.UTC().Truncate(24 * 60 * 60 * 1e9)
	}
	var body strings.Builder
	for _, d := range exp.Deals {
		rel := d.Relation()
		rel.Evidence.Start = body.Len()
		body.WriteString(rel.Evidence.Sentence)
		rel.Evidence.End = body.Len()
		rel.Evidence.Title = exp.Citation(d)
		body.WriteString("\n\n")
		r.Relations = append(r.Relations, rel)
	}
	body.WriteString(sipri.CreditLine + ".")
	r.Body = body.String()
	return []bot.Report{r}, nil
}
