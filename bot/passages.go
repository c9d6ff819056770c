package bot

import (
	"strings"
	"unicode/utf8"
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
