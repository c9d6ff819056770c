package gazetteer

import (
	"github.com/briefbot/briefbot/bot/textfold"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a text: a maximal run of letters, digits and
// combining marks. Everything else (space, punctuation, hyphens, apostrophes,
// invalid UTF-8) separates words.
type token struct {
	start, end int  // byte offsets of the word in the text
	upper      bool // the first letter is upper or title case
	ascii      bool // the word is plain ASCII
}

// Tokens hold no strings, so a long text's token slice is cheap to allocate
// and invisible to the garbage collector. Words are folded when compared.

// foldOf returns the folded form of t, a word of text.
func (t token) foldOf(text string) string {
	return textfold.Fold(text[t.start:t.end])
}

// appendFold appends the folded form of t, a word of text, to buf without
// allocating for ASCII words.
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

// is reports whether t, a word of text, folds to w.
func (t token) is(text, w string) bool {
	if !t.ascii {
		return textfold.Fold(text[t.start:t.end]) == w
	}
	if t.end-t.start != len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := text[t.start+i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r))
}

// tokenize splits text into words. It never fails: invalid UTF-8 bytes are
// treated as separators.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/6+1)
	start := -1
	ascii := true
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiWord[c] {
				if start < 0 {
					start, ascii = i, true
				}
			} else if start >= 0 {
				toks = append(toks, newToken(text, start, i, ascii))
				start = -1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			if start < 0 {
				start, ascii = i, true
			}
			ascii = ascii && r < utf8.RuneSelf
		} else if start >= 0 {
			toks = append(toks, newToken(text, start, i, ascii))
			start = -1
		}
		i += size
	}
	if start >= 0 {
		toks = append(toks, newToken(text, start, len(text), ascii))
	}
	return toks
}

func newToken(text string, start, end int, ascii bool) token {
	w := text[start:end]
	t := token{start: start, end: end, ascii: ascii}
	if ascii {
		for i := 0; i < len(w); i++ {
			if c := w[i]; 'A' <= c && c <= 'Z' {
				t.upper = true
				break
			} else if 'a' <= c && c <= 'z' {
				break
			}
		}
		return t
	}
	for _, r := range w {
		if unicode.IsLetter(r) {
			t.upper = unicode.IsUpper(r) || unicode.IsTitle(r)
			break
		}
	}
	return t
}

// key is the lookup form of a whole name: its folded words joined by single
// spaces, so "Guinea-Bissau", "guinea bissau" and "GUINEA BISSAU" agree.
func key(s string) string {
	toks := tokenize(s)
	switch len(toks) {
	case 0:
		return ""
	case 1:
		return toks[0].foldOf(s)
	}
	var sb strings.Builder
	for i, t := range toks {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(t.foldOf(s))
	}
	return sb.String()
}

// cleanName trims what users and spreadsheets put around a name: spaces,
// SIPRI's trailing asterisks, and a leading "the".
func cleanName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, "*")
	return strings.TrimSpace(s)
}

// isDash reports whether r is a hyphen or dash that may join the words of a
// name ("Guinea-Bissau", "Nur‑Sultan").
func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '−':
		return true
	}
	return false
}

// normApostrophe maps apostrophe look-alikes to the ASCII apostrophe.
func normApostrophe(r rune) rune {
	switch r {
	case '’', '‘', 'ʼ', '`', '´', '′':
		return '\''
	}
	return r
}
