package extract

import (
	"strings"

	"github.com/briefbot/briefbot/bot/weapons"
)

func isGenericWord(w string) bool {
	if w == "" {
		return false
	}
	_, ok := weapons.CategoryOf(w)
	return ok && !strings.ContainsAny(w, "0123456789")
}

// designationBefore finds an unknown designation written before the
// generic match ms[k]: "Type 90B multiple rocket launchers", "Kilo-class
// submarine", "Kaplan MT medium tanks". It returns the first token and the
// designation, or "" when there is none.
func (a *analysis) designationBefore(start int, ms []wmatch, k int) (int, string) {
	toks := a.toks
	j := start - 1
	// At most two lower-case modifiers.
	for n := 0; n < 2 && j >= 0 && toks[j].word && !toks[j].upper && !toks[j].digit &&
		!functionWords[toks[j].w] && a.actorAt[j] < 0 && !triggers.has(toks[j].w) && toks[j].w != "class"; n++ {
		if k > 0 && ms[k-1].tj > j {
			break
		}
		j--
	}
	if j >= 1 && toks[j].w == "class" && toks[j-1].w == "-" {
		j -= 2
	}
	return a.designationRun(j+1, ms, k)
}

// designationRun finds a designation ending just before token end: words
// with digits or capitals joined by hyphens or slashes.
func (a *analysis) designationRun(end int, ms []wmatch, k int) (int, string) {
	first, hasDigit, hasUpper := a.designationRunStart(end, ms, k)
	first = a.skipLeadingNumbers(first, end)
	if first >= 0 && first+2 < end && a.toks[first].w == "ex" && a.toks[first+1].w == "-" {
		first += 2 // "Ex-Adelaide-class frigates": the Adelaide class, second-hand
	}
	if first < 0 || first >= end || !(hasDigit || hasUpper) {
		return end, ""
	}
	if !a.hasMarkedWord(first, end) {
		return end, ""
	}
	if first == 0 && !hasDigit && end-first == 1 {
		return end, "" // a capitalised first word
	}
	return first, a.text[a.toks[first].s:a.toks[end-1].e]
}

// designationRunStart walks back from token end over at most five tokens
// of a run of designation words and the hyphens or slashes that join them,
// never into the generic match before ms[k]. It returns the run's first
// word (-1 when there is none) and whether a word of it has a digit or a
// capital (in a word longer than one letter).
func (a *analysis) designationRunStart(end int, ms []wmatch, k int) (first int, hasDigit, hasUpper bool) {
	first = -1
	j := end - 1
	for n := 0; j >= 0 && n < 5; n++ {
		if k > 0 && ms[k-1].tj > j {
			return
		}
		t := a.toks[j]
		switch {
		case t.word:
			if !a.designationWordAt(j) {
				return
			}
			if t.digit {
				hasDigit = true
			}
			if t.upper && len(t.w) > 1 {
				hasUpper = true
			}
			first = j
		case a.designationJoinerAt(j):
		default:
			return
		}
		j--
	}
	return
}

// designationWordAt reports whether the word at token j can be part of a
// designation: it has a digit or a capital, names no actor, is no year or
// month, and is no word that never designates ("notDesignation") unless a
// hyphen joins it to the next word.
func (a *analysis) designationWordAt(j int) bool {
	toks := a.toks
	t := toks[j]
	joined := j+2 < len(toks) && toks[j+1].w == "-" && toks[j+1].s == t.e && toks[j+2].s == toks[j+1].e
	if a.actorAt[j] >= 0 || notDesignation[t.w] && !joined || !(t.digit || t.upper) || isYearTok(t) {
		return false
	}
	_, isMonth := months[t.w]
	return !isMonth
}

// designationJoinerAt reports whether token j is a hyphen or slash written
// right after a word ("Blue Arrow-7", "S-300/400").
func (a *analysis) designationJoinerAt(j int) bool {
	t := a.toks[j]
	return (t.w == "-" || t.w == "/") && j > 0 && a.toks[j-1].word && a.toks[j-1].e == t.s
}

// skipLeadingNumbers moves first past the numbers and measures a run starts
// with: a designation does not start with a bare number ("about 40
// missiles", "30 Blue Arrow-7") or consist of a measure ("33m").
func (a *analysis) skipLeadingNumbers(first, end int) int {
	toks := a.toks
	for first >= 0 && first < end && toks[first].word && isNumberOrMeasure(toks[first].w) {
		first++
		for first < end && !toks[first].word {
			first++
		}
	}
	return first
}

// hasMarkedWord reports whether a token in [first, end) has a capital or a
// digit that is not a bare number or measure.
func (a *analysis) hasMarkedWord(first, end int) bool {
	for t := first; t < end; t++ {
		if a.toks[t].upper || a.toks[t].digit && !isNumberOrMeasure(a.toks[t].w) {
			return true
		}
	}
	return false
}

// isNumberOrMeasure reports whether w is a number ("40", "2") or a measure
// ("33m", "155mm", "10t"), with thousands commas ("1,200").
func isNumberOrMeasure(w string) bool {
	i := 0
	for i < len(w) && (w[i] >= '0' && w[i] <= '9' || i > 0 && w[i] == ',') {
		i++
	}
	if i == 0 {
		return false
	}
	switch w[i:] {
	case "", "m", "mm", "km", "t", "kg", "s", "th", "st", "nd", "rd", "x":
		return true
	}
	return false
}

func isYearTok(t tok) bool {
	if len(t.w) != 4 || !t.digit {
		return false
	}
	y := 0
	for _, c := range t.w {
		if c < '0' || c > '9' {
			return false
		}
		y = y*10 + int(c-'0')
	}
	return y >= 1900 && y <= 2100
}
