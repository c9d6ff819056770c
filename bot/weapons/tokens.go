package weapons

import (
	"github.com/briefbot/briefbot/bot/textfold"
	"unicode"
	"unicode/utf8"
)

// token is a run of letters or a run of digits. A word such as "Su-30SM"
// gives three tokens, "Su", "30" and "SM"; only "Su" starts a word.
type token struct {
	start, end int
	wordStart  bool // no letter or digit right before the token
	upper      bool // starts with an upper-case letter
	ascii      bool // plain ASCII
}

// appendFold appends the folded form of t, a token of text, to buf without
// allocating for ASCII tokens.
func (t token) appendFold(buf []byte, text string) []byte {
	return textfold.Word{Start: t.start, End: t.end, ASCII: t.ascii}.AppendFold(buf, text)
}

// tokenize splits text into letter and digit runs within the words of
// textfold.Words, the word definition the gazetteer and the extractor share.
// It never fails: invalid UTF-8 bytes separate words.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5+1)
	for _, w := range textfold.Words(text, 0) {
		start, digits := w.Start, false
		for i, r := range text[w.Start:w.End] {
			i += w.Start
			if unicode.IsMark(r) {
				continue // a combining accent stays with its run
			}
			d := isDigitRune(r)
			if i > start && d != digits {
				toks = append(toks, newToken(text, start, i, start == w.Start))
				start = i
			}
			digits = d
		}
		toks = append(toks, newToken(text, start, w.End, start == w.Start))
	}
	return toks
}

func isDigitRune(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsNumber(r)
}

// gapOK reports whether gap, the non-empty text between two words, may
// separate the parts of one designation or phrase: at most three spaces,
// hyphens, dashes, slashes or apostrophes. spaced reports whether it holds a space.
func gapOK(gap string) (ok, spaced bool) {
	if len(gap) > 12 {
		return false, false
	}
	n := 0
	for _, r := range gap {
		n++
		if n > 3 {
			return false, false
		}
		switch {
		case unicode.IsSpace(r):
			spaced = true
		case r == '-', r == '/', r == '‐', r == '‑', r == '–', r == '—':
		case r == '\'', r == '’': // "David's Sling", "David’s Sling"
		default:
			return false, false
		}
	}
	return true, spaced
}

func newToken(text string, start, end int, wordStart bool) token {
	w := text[start:end]
	t := token{start: start, end: end, wordStart: wordStart, ascii: true}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			t.ascii = false
			break
		}
	}
	for _, r := range w {
		t.upper = unicode.IsUpper(r) || unicode.IsTitle(r)
		break
	}
	return t
}
