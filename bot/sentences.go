package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations are words that end in a full stop without ending a sentence.
// Lower case, without the final dot.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"gen": true, "col": true, "lt": true, "maj": true, "capt": true, "cmdr": true,
	"adm": true, "sgt": true, "gov": true, "sen": true, "rep": true, "pres": true,
	"vs": true, "etc": true, "approx": true, "est": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "jr": true, "sr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"fig": true, "vol": true, "pp": true, "cf": true, "al": true, "ca": true,
	"e.g": true, "i.e": true, "u.s": true, "u.k": true, "u.n": true, "u.s.a": true,
	"mln": true, "bn": true, "mn": true,
}

// SplitSentences returns the sentences of text as trimmed byte spans, in
// order. A blank line always ends a sentence; a full stop after a known
// abbreviation, an initial or a decimal point does not. It never panics, even
// on invalid UTF-8, and runs in time linear in len(text).
func SplitSentences(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := trimSpan(text, start, end)
		if e > s {
			out = append(out, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			// A blank line (only spaces between two newlines) ends a sentence.
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				emit(i)
				i = j + 1
				continue
			}
		case c == '.' || c == '!' || c == '?':
			j := i + 1
			// Runs of terminators ("?!", "...") and closing quotes/brackets stay with the sentence.
			for j < len(text) && strings.IndexByte(".!?\"')]", text[j]) >= 0 {
				j++
			}
			for j < len(text) {
				r, size := utf8.DecodeRuneInString(text[j:])
				if r != '’' && r != '”' {
					break
				}
				j += size
			}
			if j >= len(text) {
				i = j
				continue
			}
			r, _ := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsSpace(r) {
				i = j
				continue
			}
			// The next word must look like a sentence start.
			k := j
			for k < len(text) {
				r, size := utf8.DecodeRuneInString(text[k:])
				if !unicode.IsSpace(r) {
					break
				}
				k += size
			}
			next := ' '
			if k < len(text) {
				next, _ = utf8.DecodeRuneInString(text[k:])
			}
			if unicode.IsLower(next) || (c == '.' && !endsSentence(text, start, i, next)) {
				i = j
				continue
			}
			emit(j)
			i = j
			continue
		}
		i++
	}
	emit(len(text))
	return out
}

// endsSentence reports whether the full stop at dot ends a sentence, looking
// at the word before it and the first character after it.
func endsSentence(text string, start, dot int, next rune) bool {
	w := dot
	for w > start {
		r, size := utf8.DecodeLastRuneInString(text[:w])
		if unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' {
			break
		}
		w -= size
	}
	word := text[w:dot]
	if word == "" {
		return true
	}
	switch lw := strings.ToLower(word); {
	case lw == "no" || lw == "nos":
		return !unicode.IsDigit(next) // "No. 5", but "the answer was no. Then"
	case abbreviations[lw]:
		return false
	}
	// A single capital letter is an initial ("J. Smith"); so is "U.S" style.
	if r, size := utf8.DecodeRuneInString(word); size == len(word) && unicode.IsUpper(r) {
		return false
	}
	if strings.Count(word, ".") > 0 && len(word) <= 6 {
		return false
	}
	return true
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}
