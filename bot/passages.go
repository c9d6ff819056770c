package bot

import (
	"strings"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Passage sizes in bytes: a paragraph longer than maxPassage is cut between
// sentences into pieces of about targetPassage; a short line without a full
// stop (a heading) is joined to the paragraph after it.
const (
	maxPassage    = 700
	targetPassage = 450
	maxHeading    = 100
)

// Passages splits a report's body into the passages the index stores: its
// paragraphs, with long ones cut between sentences. Text is always
// r.Body[Start:End], so offsets can be trusted for citations.
func Passages(r Report) []Passage {
	body := r.Body
	var spans []Span
	pendingStart := -1 // start of a heading waiting for its paragraph
	for _, p := range paragraphs(body) {
		text := body[p.Start:p.End]
		if len(text) <= maxHeading && !strings.ContainsAny(text[len(text)-1:], ".!?:;\"”)") {
			if pendingStart < 0 {
				pendingStart = p.Start
			}
			continue
		}
		if pendingStart >= 0 {
			p.Start, pendingStart = pendingStart, -1
		}
		if p.End-p.Start <= maxPassage {
			spans = append(spans, p)
			continue
		}
		spans = append(spans, cutBySentences(body, p)...)
	}
	if pendingStart >= 0 {
		spans = append(spans, Span{pendingStart, len(strings.TrimRight(body, " \t\r\n"))})
	}
	out := make([]Passage, 0, len(spans))
	for _, s := range spans {
		out = append(out, Passage{ReportID: r.ID, Seq: len(out), Text: body[s.Start:s.End], Start: s.Start, End: s.End})
	}
	return out
}

// paragraphs returns the trimmed, non-empty blocks of text between blank lines.
func paragraphs(text string) []Span {
	var out []Span
	start := 0
	for start < len(text) {
		end := len(text)
		if i := blankLine(text[start:]); i >= 0 {
			end = start + i
		}
		s, e := trimSpan(text, start, end)
		if e > s {
			out = append(out, Span{s, e})
		}
		if end == len(text) {
			break
		}
		// Skip past the blank line(s).
		next := end
		for next < len(text) && strings.IndexByte(" \t\r\n", text[next]) >= 0 {
			next++
		}
		start = next
	}
	return out
}

// blankLine returns the offset of the first newline that begins a blank line, or -1.
func blankLine(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] != '\n' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
			j++
		}
		if j < len(s) && s[j] == '\n' {
			return i
		}
	}
	return -1
}

// cutBySentences cuts a long paragraph into pieces of whole sentences of
// about targetPassage bytes. A single sentence longer than maxPassage is cut
// at spaces.
func cutBySentences(body string, p Span) []Span {
	var out []Span
	cur := Span{-1, -1}
	for _, s := range SplitSentences(body[p.Start:p.End]) {
		s = Span{p.Start + s.Start, p.Start + s.End}
		if s.End-s.Start > maxPassage {
			if cur.Start >= 0 {
				out = append(out, cur)
				cur = Span{-1, -1}
			}
			out = append(out, cutAtSpaces(body, s)...)
			continue
		}
		if cur.Start >= 0 && s.End-cur.Start > targetPassage {
			out = append(out, cur)
			cur = Span{-1, -1}
		}
		if cur.Start < 0 {
			cur.Start = s.Start
		}
		cur.End = s.End
	}
	if cur.Start >= 0 {
		out = append(out, cur)
	}
	return out
}

func cutAtSpaces(body string, s Span) []Span {
	var out []Span
	for s.End-s.Start > maxPassage {
		cut := s.Start + maxPassage
		if i := strings.LastIndexByte(body[s.Start:cut], ' '); i > 0 {
			cut = s.Start + i
		}
		for cut > s.Start+1 && !utf8.RuneStart(body[cut]) {
			cut-- // never cut inside a character
		}
		a, b := trimSpan(body, s.Start, cut)
		if b > a {
			out = append(out, Span{a, b})
		}
		s.Start = cut
	}
	if a, b := trimSpan(body, s.Start, s.End); b > a {
		out = append(out, Span{a, b})
	}
	return out
}

// maxCountryAliases bounds the other names of one country added to a
// question's search terms.
const maxCountryAliases = 16

// countryAliases returns the other names of a country that a passage may
// use for it, lower-cased: its aliases, demonyms and capitals ("uzbek",
// "tashkent" for Uzbekistan), Latin-script ones first, at most
// maxCountryAliases, none longer than two words nor shorter than four
// letters (so "US" never searches for "us").
func countryAliases(name string) []string {
	c, ok := gazetteer.Default().Lookup(name)
	if !ok {
		return nil
	}
	var latin, other []string
	for _, a := range c.Aliases {
		if strings.Count(a, " ") > 1 || utf8.RuneCountInString(a) < 4 || strings.Contains(a, ".") {
			continue
		}
		if a[0] < utf8.RuneSelf {
			latin = append(latin, strings.ToLower(a))
		} else {
			other = append(other, strings.ToLower(a))
		}
	}
	out := append(latin, other...)
	return out[:min(len(out), maxCountryAliases)]
}

// questionCountries returns the canonical names of the countries a
// question names, groups standing for their members.
func questionCountries(q string) map[string]bool {
	out := map[string]bool{}
	for _, m := range mentionsIn(q) {
		for _, n := range m.names {
			out[n] = true
		}
	}
	return out
}

// namesAny reports whether text names any of the countries, by any name,
// demonym, capital or maker standing for it.
func namesAny(text string, countries map[string]bool) bool {
	g := gazetteer.Default()
	for _, m := range g.Find(text) {
		for _, code := range m.Codes {
			if c, ok := g.ByCode(code); ok && countries[c.Name] {
				return true
			}
		}
	}
	return false
}

// preferCountryPassages puts the passages that name one of the question's
// countries (Tashkent and Uzbek count for Uzbekistan) ahead of those that
// only share other words with it, keeping the search order within each.
func preferCountryPassages(q string, hits []PassageHit) []PassageHit {
	countries := questionCountries(q)
	if len(countries) == 0 {
		return hits
	}
	naming := make([]PassageHit, 0, len(hits))
	var rest []PassageHit
	for _, h := range hits {
		if namesAny(h.Text, countries) {
			naming = append(naming, h)
		} else {
			rest = append(rest, h)
		}
	}
	return append(naming, rest...)
}
