package textfold

import (
	"unicode"
	"unicode/utf8"
)

// Word is one word of a text: a maximal run of letters, numbers and
// combining marks. Everything else (space, punctuation, hyphens,
// apostrophes, invalid UTF-8) separates words, so "Su-30SM" is the two
// words "Su" and "30SM" and "Kazakhstan's" is "Kazakhstan" and "s".
//
// This is the one definition of a word that the gazetteer, the weapons
// lexicon and the relation extractor share; each builds its finer or
// coarser tokens on it. A Word holds no string, so a long text's words are
// cheap to keep and invisible to the garbage collector.
type Word struct {
	Start, End int  // byte offsets of the word in the text
	Upper      bool // the first rune is an upper- or title-case letter
	ASCII      bool // the word is plain ASCII
	Digit      bool // the word holds a number rune
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// IsWordRune reports whether r belongs inside a word.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r))
}

// Words splits text into words, at most max of them when max > 0. It never
// fails: invalid UTF-8 bytes separate words.
func Words(text string, max int) []Word {
	words := make([]Word, 0, len(text)/6+1)
	start := -1
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if IsWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			words = append(words, newWord(text, start, i))
			start = -1
			if max > 0 && len(words) >= max {
				return words
			}
		}
		i += size
	}
	if start >= 0 {
		words = append(words, newWord(text, start, len(text)))
	}
	return words
}

func newWord(text string, start, end int) Word {
	w := Word{Start: start, End: end, ASCII: true}
	for i := start; i < end; i++ {
		if c := text[i]; c >= utf8.RuneSelf {
			w.ASCII = false
		} else if '0' <= c && c <= '9' {
			w.Digit = true
		}
	}
	if w.ASCII {
		c := text[start]
		w.Upper = 'A' <= c && c <= 'Z'
		return w
	}
	for k, r := range text[start:end] {
		if k == 0 {
			w.Upper = unicode.IsUpper(r) || unicode.IsTitle(r)
		}
		if unicode.IsNumber(r) {
			w.Digit = true
			break
		}
	}
	return w
}

// Fold returns the folded form of w, a word of text (see Fold).
func (w Word) Fold(text string) string {
	return Fold(text[w.Start:w.End])
}

// AppendFold appends the folded form of w, a word of text, to buf without
// allocating for ASCII words.
func (w Word) AppendFold(buf []byte, text string) []byte {
	if !w.ASCII {
		return append(buf, Fold(text[w.Start:w.End])...)
	}
	for i := w.Start; i < w.End; i++ {
		c := text[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// Is reports whether w, a word of text, folds to f.
func (w Word) Is(text, f string) bool {
	if !w.ASCII {
		return Fold(text[w.Start:w.End]) == f
	}
	if w.End-w.Start != len(f) {
		return false
	}
	for i := 0; i < len(f); i++ {
		c := text[w.Start+i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != f[i] {
			return false
		}
	}
	return true
}
