package bot

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/bot/gazetteer"
)

// questionRegion is a region a question may ask about ("which North
// African countries has Britain supplied?") that is not a gazetteer group:
// reports use these names loosely ("the first South American country to
// buy"), so the extractor does not read them as recipients; a question's
// "which ..." only narrows the answer to the members.
type questionRegion struct {
	name    string
	aliases []string // lower case, longest first
	members []string // ISO codes
}

// questionRegions are the regions of questionRegion, written by the
// briefbot authors: North Africa as the UN geoscheme counts it less
// Western Sahara, and the twelve states of South America.
var questionRegions = []questionRegion{
	{"North Africa", []string{"north african", "north africa"}, []string{"DZ", "EG", "LY", "MA", "SD", "TN"}},
	{"South America", []string{"south american", "south america"},
		[]string{"AR", "BO", "BR", "CL", "CO", "EC", "GY", "PY", "PE", "SR", "UY", "VE"}},
}

// regionMentions adds to ms the question regions that text names where no
// other mention stands, as group mentions, and keeps ms in text order.
func regionMentions(text string, ms []mention) []mention {
	lower := strings.ToLower(text)
	g := gazetteer.Default()
	for _, r := range questionRegions {
		start, end := findAlias(lower, r.aliases)
		if start < 0 || slices.ContainsFunc(ms, func(m mention) bool { return m.start < end && start < m.end }) {
			continue
		}
		var names []string
		for _, code := range r.members {
			if c, ok := g.ByCode(code); ok {
				names = append(names, c.Name)
			}
		}
		ms = append(ms, mention{start: start, end: end, names: names, kind: gazetteer.GroupMention, group: r.name})
	}
	slices.SortStableFunc(ms, func(a, b mention) int { return a.start - b.start })
	return ms
}

// findAlias returns the span of the first alias found in lower as whole
// words, or -1, -1.
func findAlias(lower string, aliases []string) (int, int) {
	for _, a := range aliases {
		for from := 0; from < len(lower); {
			i := strings.Index(lower[from:], a)
			if i < 0 {
				break
			}
			s, e := from+i, from+i+len(a)
			if (s == 0 || !isWordByte(lower[s-1])) && (e == len(lower) || !isWordByte(lower[e])) {
				return s, e
			}
			from = e
		}
	}
	return -1, -1
}

// isWordByte reports whether b is an ASCII letter or digit.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}
