// Package textfold folds words for matching names whatever their case and
// accents, and splits text into words (Words): the gazetteer, the weapons
// lexicon and the relation extractor share both.
package textfold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the case- and diacritic-insensitive form of a word:
// lower case, accents removed ("Türkiye" -> "turkiye", "Ё" -> "е") and a few
// letters that do not decompose spelled out ("ı" -> "i", "ø" -> "o").
func Fold(w string) string {
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
// Cyrillic, the scripts of nearly every word folded.
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
		case 'đ', 'ð':
			sb.WriteByte('d')
		case 'ß':
			sb.WriteString("ss")
		case 'æ':
			sb.WriteString("ae")
		case 'œ':
			sb.WriteString("oe")
		case 'þ':
			sb.WriteString("th")
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
