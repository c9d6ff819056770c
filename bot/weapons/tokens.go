package weapons

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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
		return append(buf, fold(text[t.start:t.end])...)
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

// fold lower-cases a word and removes accents ("Akıncı" -> "akinci").
func fold(w string) string {
	ascii, hasUpper := true, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			hasUpper = true
		}
	}
	if ascii {
		if !hasUpper {
			return w
		}
		b := []byte(w)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + ('a' - 'A')
			}
		}
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(w))
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			sb.WriteByte(byte(r))
		case r < foldTableSize:
			sb.WriteString(foldTable[r])
		default:
			return slowFold(w)
		}
	}
	return sb.String()
}

// foldTableSize covers Latin-1, Latin Extended, combining marks, Greek and
// Cyrillic, the scripts of nearly every word the package folds.
const foldTableSize = 0x530

// foldTable holds the folded form of each rune below foldTableSize.
var foldTable = func() (t [foldTableSize]string) {
	for r := rune(utf8.RuneSelf); r < foldTableSize; r++ {
		t[r] = slowFold(string(r))
	}
	return t
}()

// slowFold folds any word with full Unicode decomposition.
func slowFold(w string) string {
	d := norm.NFD.String(strings.ToLower(w))
	var sb strings.Builder
	sb.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'ı':
			sb.WriteByte('i')
		case 'ø':
			sb.WriteByte('o')
		case 'ł':
			sb.WriteByte('l')
		case 'ß':
			sb.WriteString("ss")
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
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
