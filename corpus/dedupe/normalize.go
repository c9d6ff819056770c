package dedupe

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot/textfold"
)

// Normalize returns the words of text folded and joined by single spaces:
// lower case, diacritics removed ("Türkiye" -> "turkiye"), punctuation and
// all runs of white space dropped. Apostrophes inside a word and digit
// group separators are removed rather than splitting the word, so
// "Turkey’s" and "Turkey's" both give "turkeys" and "1,350" gives "1350";
// soft hyphens and zero-width characters are ignored. Any other
// punctuation (hyphens, dashes, quotes, slashes) separates words, so
// "Mi-8" gives "mi 8". Text without words gives "".
func Normalize(text string) string {
	var sb strings.Builder
	sb.Grow(len(text))
	eachWord(text, func(w string) {
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(w)
	})
	return sb.String()
}

// ContentHash returns the hex SHA-256 of Normalize(text): two texts that
// differ only in case, diacritics, punctuation or white space have the same
// content hash. The empty text has the hash of "".
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(Normalize(text)))
	return hex.EncodeToString(sum[:])
}

// eachWord calls fn with every folded word of text, in order.
func eachWord(text string, fn func(w string)) {
	var buf []byte
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		// A word: word runes, possibly joined by ignorable runes, apostrophes
		// between letters and separators between digits. contiguous stays
		// true while the word is text[start:j] unchanged.
		start, j := i, i
		contiguous := true
		buf = buf[:0]
		prev := r
		for j < len(text) {
			r2, size2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) {
				if !contiguous {
					buf = append(buf, text[j:j+size2]...)
				}
				prev = r2
				j += size2
				continue
			}
			if !joins(prev, r2, text[j+size2:]) {
				break
			}
			if contiguous {
				buf = append(buf, text[start:j]...)
				contiguous = false
			}
			j += size2
		}
		w := text[start:j]
		if !contiguous {
			w = string(buf)
		}
		if w = textfold.Fold(w); w != "" { // a lone combining mark folds to ""
			fn(w)
		}
		i = j
	}
}

// isWordRune reports whether r belongs to a word: letters, numbers and
// combining marks (so decomposed accents stay inside their word).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.In(r, unicode.Mn, unicode.Mc)
}

// joins reports whether the non-word rune r, after the word rune prev and
// before rest, is dropped from inside a word rather than ending it.
func joins(prev, r rune, rest string) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff': // soft hyphen, zero-width
		return true
	}
	next, _ := utf8.DecodeRuneInString(rest)
	if !isWordRune(next) {
		return false
	}
	switch r {
	case '\'', '’', 'ʼ':
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	case ',', '.':
		return isDigit(prev) && isDigit(next)
	}
	return false
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }
