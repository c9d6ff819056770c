// Package chatkit holds what the chat adapters share, in one copy:
// measuring and splitting escaped text within a platform's limits, making
// untrusted text safe to show (SafeText), a bounded set of recently seen
// keys for dropping redelivered events, answer slots and the reply path
// (Reply), sleeping with a context, and the defaults of their common
// settings (Limits).
package chatkit

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// AtomFunc returns the size in bytes and the length in UTF-16 units of what
// s starts with and must not be split (a character, or a platform's escape
// such as "&amp;" or "\\*"). s is never empty.
type AtomFunc func(s string) (size, width int)

// Char is the AtomFunc of plain text: one character.
func Char(s string) (size, width int) {
	r, size := utf8.DecodeRuneInString(s)
	if w := utf16.RuneLen(r); w > 0 {
		return size, w
	}
	return size, 1
}

// TextLen is the length of s in UTF-16 code units.
func TextLen(s string) int {
	n := 0
	for _, r := range s {
		if w := utf16.RuneLen(r); w > 0 {
			n += w
		} else {
			n++
		}
	}
	return n
}

// Pack joins escaped lines with newlines into as few texts of at most max
// as it can, splitting lines longer than max. Empty texts are dropped.
func Pack(lines []string, max int, atom AtomFunc) []string {
	var out, cur []string
	n := 0 // textLen of strings.Join(cur, "\n")
	emit := func() {
		if t := strings.Trim(strings.Join(cur, "\n"), "\n"); strings.TrimSpace(t) != "" {
			out = append(out, t)
		}
		cur, n = nil, 0
	}
	for _, l := range lines {
		pieces := Split(l, max, atom)
		if len(pieces) == 0 {
			pieces = []string{""} // a blank line between paragraphs
		}
		for _, p := range pieces {
			w := TextLen(p)
			if len(cur) > 0 && n+1+w > max {
				emit()
			}
			if len(cur) > 0 {
				n++
			}
			cur = append(cur, p)
			n += w
		}
	}
	emit()
	return out
}

// Split splits escaped text into pieces of at most max, never inside
// an atom (see AtomFunc), preferring to break at a space. It returns nil
// for "".
func Split(s string, max int, atom AtomFunc) []string {
	if max < 8 {
		max = 8
	}
	var out []string
	for s != "" {
		cut := cutPoint(s, max, atom)
		if cut == len(s) {
			out = append(out, s)
			break
		}
		if head := strings.TrimRight(s[:cut], " \n"); head != "" {
			out = append(out, head)
		}
		s = strings.TrimLeft(s[cut:], " \n")
	}
	return out
}

// cutPoint returns len(s) when s is within max, else the end of the longest
// prefix of s within max that ends between atoms (characters or entities),
// or the last space within it if that keeps more than half.
func cutPoint(s string, max int, atom AtomFunc) int {
	n, end, space := 0, 0, -1
	for end < len(s) {
		size, w := atom(s[end:])
		if n+w > max {
			break
		}
		n += w
		if c := s[end]; c == ' ' || c == '\n' {
			space = end
		}
		end += size
	}
	if end == len(s) {
		return end
	}
	if end == 0 { // max is below one atom: take it anyway
		end, _ = atom(s)
	}
	if space > end/2 {
		return space
	}
	return end
}
