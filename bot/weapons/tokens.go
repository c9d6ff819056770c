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
	if !t.ascii {
		return append(buf, textfold.Fold(text[t.start:t.end])...)
	}
	for i := t.start; i < t.end; i++ {
		c := text[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

const (
	classNone = iota
	classLetter
	classDigit
)

func classOf(r rune, prev int) int {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
			return classLetter
		case '0' <= r && r <= '9':
			return classDigit
		}
		return classNone
	case r == utf8.RuneError:
		return classNone
	case unicode.IsLetter(r):
		return classLetter
	case unicode.IsNumber(r):
		return classDigit
	case unicode.IsMark(r):
		if prev == classNone {
			return classLetter
		}
		return prev // a combining accent stays with its letter
	}
	return classNone
}

// tokenize splits text into letter and digit runs. It never fails: invalid
// UTF-8 bytes separate words.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5+1)
	start, cls := -1, classNone
	wordStart := true
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		c := classOf(r, cls)
		if c != cls {
			if cls != classNone {
				toks = append(toks, newToken(text, start, i, wordStart))
			}
			wordStart = cls == classNone
			start, cls = i, c
		}
		i += size
	}
	if cls != classNone {
		toks = append(toks, newToken(text, start, len(text), wordStart))
	}
	return toks
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

// gapOK reports whether gap, the non-empty text between two words, may
// separate the parts of one designation or phrase: at most three spaces,
// hyphens, dashes or slashes. spaced reports whether it holds a space.
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
		default:
			return false, false
		}
	}
	return true, spaced
}
