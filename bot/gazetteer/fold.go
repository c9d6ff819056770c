package gazetteer

import (
	"strings"

	"github.com/briefbot/briefbot/bot/textfold"
)

// key is the lookup form of a whole name: its folded words joined by single
// spaces, so "Guinea-Bissau", "guinea bissau" and "GUINEA BISSAU" agree.
func key(s string) string {
	toks := textfold.Words(s, 0)
	switch len(toks) {
	case 0:
		return ""
	case 1:
		return toks[0].Fold(s)
	}
	var sb strings.Builder
	for i, t := range toks {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(t.Fold(s))
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
