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
	toks := a.toks
	start := end
	j := end - 1
	first := -1
	hasDigit, hasUpper := false, false
	for n := 0; j >= 0 && n < 5; n++ {
		t := toks[j]
		if k > 0 && ms[k-1].tj > j {
			break
		}
		if t.word {
			joined := j+2 < len(toks) && toks[j+1].w == "-" && toks[j+1].s == t.e && toks[j+2].s == toks[j+1].e
			if a.actorAt[j] >= 0 || notDesignation[t.w] && !joined || !(t.digit || t.upper) || isYearTok(t) {
				break
			}
			if _, ok := months[t.w]; ok {
				break
			}
			if t.digit {
				hasDigit = true
			}
			if t.upper && len(t.w) > 1 {
				hasUpper = true
			}
			first = j
			j--
			continue
		}
		if (t.w == "-" || t.w == "/") && j > 0 && toks[j-1].word && toks[j-1].e == t.s {
			j--
			continue
		}
		break
	}
	// A designation does not start with a bare number ("about 40 missiles",
	// "30 Blue Arrow-7") or consist of a measure ("33m").
	for first >= 0 && first < end && toks[first].word && isNumberOrMeasure(toks[first].w) {
		first++
		for first < end && !toks[first].word {
			first++
		}
	}
	if first < 0 || first >= end || !(hasDigit || hasUpper) {
		return start, ""
	}
	hasUpper = false
	for t := first; t < end; t++ {
		if toks[t].upper || toks[t].digit && !isNumberOrMeasure(toks[t].w) {
			hasUpper = true
		}
	}
	if !hasUpper {
		return start, ""
	}
	if first == 0 && !hasDigit && end-first == 1 {
		return start, "" // a capitalised first word
	}
	return first, a.text[toks[first].s:toks[end-1].e]
}

// isNumberOrMeasure reports whether w is a number ("40", "2") or a measure
// ("33m", "155mm", "10t").
func isNumberOrMeasure(w string) bool {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
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
