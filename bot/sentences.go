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
		switch c := text[i]; {
		case c == '\n':
			// A blank line (only spaces between two newlines) ends a sentence.
			if after, blank := blankLineAt(text, i); blank {
				emit(i)
				i = after
				continue
			}
		case c == '.' || c == '!' || c == '?':
			end, ends := terminatorEnd(text, start, i)
			if ends {
				emit(end)
			}
			i = end
			continue
		}
		i++
	}
	emit(len(text))
	return out
}

// blankLineAt reports whether the newline at text[nl] starts a blank line:
// only spaces, tabs and carriage returns before the next newline. after is
// the index just past that second newline.
func blankLineAt(text string, nl int) (after int, blank bool) {
	j := nl + 1
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j < len(text) && text[j] == '\n' {
		return j + 1, true
	}
	return 0, false
}

// terminatorEnd reads the terminator ('.', '!' or '?') at text[i] of a
// sentence begun at start. end is the index past the terminator with the
// run of terminators and closing quotes and brackets after it; ends
// reports whether the sentence ends there: whitespace follows and the next
// word looks like a sentence start.
func terminatorEnd(text string, start, i int) (end int, ends bool) {
	end = closersEnd(text, i+1)
	if end >= len(text) {
		return end, false
	}
	if r, _ := utf8.DecodeRuneInString(text[end:]); !unicode.IsSpace(r) {
		return end, false
	}
	// The next word must look like a sentence start.
	next := firstAfterSpace(text, end)
	if unicode.IsLower(next) || (text[i] == '.' && !endsSentence(text, start, i, next)) {
		return end, false
	}
	return end, true
}

// closersEnd skips, from text[j], runs of terminators ("?!", "...") and
// closing quotes and brackets, which stay with the sentence, and returns
// the index past them.
func closersEnd(text string, j int) int {
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
	return j
}

// firstAfterSpace is the first rune after the whitespace at text[j:], ' '
// when the text ends there.
func firstAfterSpace(text string, j int) rune {
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(r) {
			return r
		}
		j += size
	}
	return ' '
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
