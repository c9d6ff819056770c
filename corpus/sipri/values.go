package sipri

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Year bounds accepted in any year cell.
const (
	minYear = 1900
	maxYear = 2200
)

// cutFlag removes an inline trailing "?" (uncertain) from a cell.
func cutFlag(s string) (string, bool) {
	if t, ok := strings.CutSuffix(s, "?"); ok {
		return strings.TrimSpace(t), true
	}
	return s, false
}

// parseCount reads a number of weapons: -1 for an empty cell.
func parseCount(s string) (n int, uncertain, ok bool) {
	s, uncertain = cutFlag(s)
	if s == "" {
		return -1, uncertain, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, false, false
	}
	return n, uncertain, true
}

// parseYear reads a year: 0 for an empty cell.
func parseYear(s string) (y int, uncertain, ok bool) {
	s, uncertain = cutFlag(s)
	if s == "" {
		return 0, uncertain, true
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < minYear || y > maxYear {
		return 0, false, false
	}
	return y, uncertain, true
}

// parseYears reads a classic "Year(s) of delivery" cell: years separated
// by ";" or ",", and ranges "2016-2018". It returns them sorted, without
// duplicates.
func parseYears(s string) (years []int, uncertain, ok bool) {
	if len(s) == 4 {
		y, u, ok := parseYear(s)
		if !ok {
			return nil, false, false
		}
		return []int{y}, u, true
	}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' }) {
		part = strings.Trim(strings.TrimSpace(part), "()")
		part, u := cutFlag(part)
		uncertain = uncertain || u
		if part == "" {
			continue
		}
		if a, b, isRange := strings.Cut(part, "-"); isRange {
			y0, _, ok0 := parseYear(strings.TrimSpace(a))
			y1, _, ok1 := parseYear(strings.TrimSpace(b))
			if !ok0 || !ok1 || y0 == 0 || y1 < y0 || y1-y0 > 100 {
				return nil, false, false
			}
			for y := y0; y <= y1; y++ {
				years = append(years, y)
			}
			continue
		}
		y, _, ok := parseYear(part)
		if !ok {
			return nil, false, false
		}
		years = append(years, y)
	}
	slices.Sort(years)
	return slices.Compact(years), uncertain, true
}

// parseTIV reads a TIV in millions: -1 for an empty cell.
func parseTIV(s string) (float64, bool) {
	if s == "" {
		return -1, true
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// parseFlag reads a classic flag column: "" or "?".
func parseFlag(s string) (bool, bool) {
	switch s {
	case "":
		return false, true
	case "?":
		return true, true
	}
	return false, false
}

// parseYesNo reads a modern Yes/No column; empty is no.
func parseYesNo(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "", "no", "n", "false", "0":
		return false, true
	case "yes", "y", "true", "1":
		return true, true
	}
	return false, false
}

// roundTIV rounds a sum of TIVs to six decimals, dropping float noise.
func roundTIV(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// names resolves supplier and recipient names, caching the answers.
type names struct {
	gaz   *gazetteer.Gazetteer
	cache map[string]party
}

type party struct {
	name     string
	nonState bool
}

func newNames() *names {
	return &names{gaz: gazetteer.Default(), cache: map[string]party{}}
}

// resolve turns a party as SIPRI writes it into its canonical name.
func (n *names) resolve(raw string) party {
	if p, ok := n.cache[raw]; ok {
		return p
	}
	t := strings.TrimRight(raw, "*")
	p := party{nonState: len(t) < len(raw)}
	t = strings.TrimSpace(t)
	switch {
	case strings.HasPrefix(strings.ToLower(t), "unknown"):
		p.name = "unknown"
	case !p.nonState:
		if c, ok := n.gaz.Lookup(t); ok {
			p.name = c.Name
		} else {
			p.name = t
		}
	default:
		// A non-state actor keeps its own name: "Hezbollah (Lebanon)"
		// must not become Lebanon.
		p.name = t
	}
	n.cache[raw] = p
	return p
}

// ids hands out classic deal IDs.
type ids struct{ seen map[[8]byte]int }

// classicID hashes the six fields that identify a classic deal; see
// Deal.ID.
func (s *ids) classicID(supplier, recipient, designation string, orderYear int, description string, ordered int) string {
	var num [20]byte
	h := sha256.New()
	for i, f := range [...]string{supplier, recipient, designation, "", description, ""} {
		if i > 0 {
			h.Write([]byte{'|'})
		}
		switch {
		case i == 3 && orderYear > 0:
			h.Write(strconv.AppendInt(num[:0], int64(orderYear), 10))
		case i == 5 && ordered >= 0:
			h.Write(strconv.AppendInt(num[:0], int64(ordered), 10))
		default:
			io.WriteString(h, f)
		}
	}
	var sum [sha256.Size]byte
	var key [8]byte
	copy(key[:], h.Sum(sum[:0]))
	if s.seen == nil {
		s.seen = map[[8]byte]int{}
	}
	s.seen[key]++
	id := hex.EncodeToString(key[:])
	if n := s.seen[key]; n > 1 {
		id += "-" + strconv.Itoa(n)
	}
	return id
}

// normSecondHand normalises a status cell ("second-hand" gives "Second
// hand"); a value it does not know is kept as written.
func normSecondHand(s string) string {
	switch s {
	case "New", "Second hand", "Second hand but modernized", "":
		return s
	}
	k := strings.Join(strings.Fields(strings.ReplaceAll(strings.ToLower(s), "-", " ")), " ")
	k = strings.ReplaceAll(k, "modernised", "modernized")
	switch k {
	case "new":
		return "New"
	case "second hand":
		return "Second hand"
	case "second hand but modernized":
		return "Second hand but modernized"
	}
	return s
}

// segments splits comments into their ";"-separated remarks, lower-cased
// and trimmed.
func segments(comments string) []string {
	return segmentsLower(strings.ToLower(comments))
}

func segmentsLower(lower string) []string {
	var out []string
	for lower != "" {
		var s string
		s, lower, _ = strings.Cut(lower, ";")
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// commentFacts are what a classic deal's comments say about it.
type commentFacts struct {
	aid, local bool
	secondHand string
}

// readComments reads the comments once for all the rules that use them.
func readComments(comments string) commentFacts {
	if comments == "" {
		return commentFacts{secondHand: "New"}
	}
	lower := strings.ToLower(comments)
	segs := segmentsLower(lower)
	return commentFacts{
		aid:        aidInSegments(segs),
		local:      localProductionInLower(lower),
		secondHand: secondHandInSegments(segs),
	}
}

// unhedge removes a leading "possibly"/"probably" and reports whether
// there was one.
func unhedge(seg string) (string, bool) {
	for _, h := range []string{"possibly ", "probably ", "reportedly ", "perhaps "} {
		if rest, ok := strings.CutPrefix(seg, h); ok {
			return rest, true
		}
	}
	return seg, false
}

// secondHandFromComments derives the status of a classic deal from its
// comments, for exports without a status column: "Second-hand but
// modernized ..." gives "Second hand but modernized"; "Second-hand",
// "Probably second-hand" and "Ex-Russian" give "Second hand"; a
// second-hand item "rebuilt to" a new version counts as new, as SIPRI's own
// status column does.
func secondHandFromComments(comments string) string {
	return secondHandInSegments(segments(comments))
}

func secondHandInSegments(segs []string) string {
	for _, seg := range segs {
		seg, _ = unhedge(seg)
		switch {
		case strings.HasPrefix(seg, "second-hand") || strings.HasPrefix(seg, "second hand"):
			if strings.Contains(seg, "rebuilt") {
				continue
			}
			if strings.Contains(seg, "but modernized") || strings.Contains(seg, "but modernised") {
				return "Second hand but modernized"
			}
			return "Second hand"
		case strings.HasPrefix(seg, "ex-"):
			return "Second hand"
		}
	}
	return "New"
}

// localProductionWords mark licensed production or local assembly in
// classic comments.
var localProductionWords = []string{
	"licence", "license", "assembled", "assembly", "from kits", "local production",
	"locally produced", "produced in ",
}

func localProductionInLower(c string) bool {
	for _, w := range localProductionWords {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

// aidFromComments reports whether the comments call the deal aid: a remark
// with the word "aid", "gift", "donation" or "donated", or "free of
// charge" / "for free", unless hedged ("Possibly aid") or about extra units
// on top of a sale ("additional 5 given for free").
func aidFromComments(comments string) bool {
	return aidInSegments(segments(comments))
}

func aidInSegments(segs []string) bool {
	for _, seg := range segs {
		seg, hedged := unhedge(seg)
		if hedged || strings.Contains(seg, "additional") {
			continue
		}
		if hasWord(seg, "aid", "gift", "gifts", "donation", "donations", "donated") {
			return true
		}
		if strings.Contains(seg, "free of charge") || strings.Contains(seg, "for free") || strings.Contains(seg, "given free") {
			return true
		}
	}
	return false
}

// hasWord reports whether lower-case text has one of words as a whole
// word (not "aid" in "paid").
func hasWord(s string, words ...string) bool {
	isLetter := func(i int) bool { return i >= 0 && i < len(s) && 'a' <= s[i] && s[i] <= 'z' }
	for _, w := range words {
		for off := 0; ; {
			i := strings.Index(s[off:], w)
			if i < 0 {
				break
			}
			i += off
			if !isLetter(i-1) && !isLetter(i+len(w)) {
				return true
			}
			off = i + 1
		}
	}
	return false
}

// statusOf applies Deal.Status's rule.
func statusOf(ordered, delivered int) bot.Status {
	switch {
	case delivered <= 0:
		return bot.StatusOrdered
	case ordered < 0 || delivered >= ordered:
		return bot.StatusDelivered
	}
	return bot.StatusOrdered
}

// kindOf applies Deal.Kind's rule.
func kindOf(comments string, local bool) bot.Kind {
	return kindFrom(aidFromComments(comments), local)
}

func kindFrom(aid, local bool) bot.Kind {
	switch {
	case aid:
		return bot.KindAid
	case local:
		return bot.KindLicence
	}
	return bot.KindSale
}
