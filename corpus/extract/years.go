package extract

import (
	"slices"
	"strconv"
	"time"
)

// yearMention is a time expression and the years it stands for.
type yearMention struct {
	ti, tj int
	years  []int
}

const (
	minYear  = 1945
	maxYear  = 2035
	maxRange = 40 // longest range expanded ("between 1990 and 2030")
)

var numberWords = map[string]int{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10}

var seasons = map[string]int{"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 12}

var notYearAfter = words("million billion trillion km kilometres kilometers miles tonnes tons troops soldiers " +
	"people units rounds shells pieces metres meters dollars euros")

// sourceWords before a full date make it the date of a source, not of a
// transfer: "SIPRI's export of 12 February 2026", "a report published on
// 3 May 2024".
var sourceWords = words("export exports report reports published generated dated edition release database data")

// sourceDate reports whether the year at i ends a full date ("12 February
// 2026", "February 12, 2026") that a source word shortly before names as a
// source's date.
func sourceDate(toks []tok, i int) bool {
	j := i - 1
	if j >= 0 && toks[j].w == "," {
		j--
	}
	if j >= 0 && toks[j].digit { // "February 12, 2026"
		j--
	}
	if j < 0 {
		return false
	}
	if _, ok := months[toks[j].w]; !ok {
		return false
	}
	if j > 0 && toks[j-1].digit { // "12 February 2026"
		j--
	}
	for k := j - 1; k >= 0 && k >= j-4; k-- {
		if sourceWords[toks[k].w] {
			return true
		}
	}
	return false
}

func yearOf(t tok) (int, bool) {
	if !t.digit || len(t.w) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(t.w)
	if err != nil || y < minYear || y > maxYear {
		return 0, false
	}
	return y, true
}

// yearScan reads the time expressions of one sentence left to right.
type yearScan struct {
	a    *analysis
	toks []tok
	pub  time.Time // the report's publication date; zero when unknown
	py   int       // its year
	last int       // the last year read, for "two years later"
}

// findYears reads every time expression of the sentence into a.years:
// explicit years and ranges, and, when the publication date is known,
// relative ones ("last year", "three years ago") and bare months.
func (a *analysis) findYears() {
	ys := &yearScan{a: a, toks: a.toks}
	if a.ctx != nil {
		ys.pub = a.ctx.Published
	}
	ys.py = ys.pub.Year()
	for i := 0; i < len(ys.toks); i++ {
		t := ys.toks[i]
		if !t.word || a.itemAt[i] >= 0 {
			continue
		}
		if y, ok := yearOf(t); ok {
			i += ys.explicit(i, y)
			continue
		}
		if !ys.pub.IsZero() {
			ys.relative(i)
		}
	}
}

func (ys *yearScan) add(ti, tj int, years ...int) {
	ys.a.years = append(ys.a.years, yearMention{ti: ti, tj: tj, years: years})
}

// explicit reads the year y at i, or the range it starts ("2019-2022",
// "2019 to 2022", "between 2016 and 2018", "2019-22"), and returns how many
// tokens past i it used. Amounts ("$2020", "2020 km") and a source's date
// are not years.
func (ys *yearScan) explicit(i, y int) int {
	toks, n := ys.toks, len(ys.toks)
	if i > 0 && (toks[i-1].w == "$" || toks[i-1].w == "€" || toks[i-1].w == "£") ||
		i+1 < n && notYearAfter[toks[i+1].w] || sourceDate(toks, i) {
		return 0
	}
	if y2, ok := ys.rangeEnd(i, y); ok {
		ys.add(i, i+3, yearRange(y, y2)...)
		ys.last = y2
		return 2
	}
	ys.add(i, i+1, y)
	ys.last = y
	return 0
}

// rangeEnd returns the last year of a range starting with y at i.
func (ys *yearScan) rangeEnd(i, y int) (int, bool) {
	toks := ys.toks
	if i+2 >= len(toks) {
		return 0, false
	}
	sep := toks[i+1].w
	if !(sep == "-" || sep == "to" || sep == "and" && i > 0 && toks[i-1].w == "between") {
		return 0, false
	}
	if y2, ok := yearOf(toks[i+2]); ok && y2 > y && y2-y <= maxRange {
		return y2, true
	}
	if sep == "-" && len(toks[i+2].w) == 2 && toks[i+2].digit {
		if v, err := strconv.Atoi(toks[i+2].w); err == nil {
			if y2 := y/100*100 + v; y2 > y && y2-y <= maxRange {
				return y2, true
			}
		}
	}
	return 0, false
}

// yearRange returns the years from y to y2, both included.
func yearRange(y, y2 int) []int {
	var out []int
	for v := y; v <= y2; v++ {
		out = append(out, v)
	}
	return out
}

// relative reads a time expression at i that needs the publication date:
// "last year", "this month", "next spring", "the end of the year",
// "year-end", "two years later", "three years ago", "the following year"
// and a bare month ("in March").
func (ys *yearScan) relative(i int) {
	toks, n, py := ys.toks, len(ys.toks), ys.py
	w := toks[i].w
	next := ""
	if i+1 < n {
		next = toks[i+1].w
	}
	switch {
	case (w == "last" || w == "this" || w == "next" || w == "past") && next != "":
		ys.deictic(i, w, next)
	case w == "end" && next == "of" && i+3 < n && toks[i+3].w == "year" && (toks[i+2].w == "the" || toks[i+2].w == "this"):
		ys.add(i, i+4, py)
	case w == "year" && next == "-" && i+2 < n && toks[i+2].w == "end":
		ys.add(i, i+3, py)
	case w == "later" || w == "ago":
		ys.yearsApart(i, w)
	case (w == "following" || w == "next") && next == "year" && i > 0 && toks[i-1].w == "the" && ys.last != 0:
		ys.add(i, i+2, ys.last+1)
		ys.last++
	default:
		ys.month(i)
	}
}

// deictic reads "last/this/next/past" + year, month, week or season.
func (ys *yearScan) deictic(i int, w, next string) {
	pub, py := ys.pub, ys.py
	switch next {
	case "year":
		d := map[string]int{"last": -1, "past": -1, "this": 0, "next": 1}[w]
		ys.add(i, i+2, py+d)
	case "month":
		d := map[string]int{"last": -1, "past": -1, "this": 0, "next": 1}[w]
		ys.add(i, i+2, pub.AddDate(0, d, 1-pub.Day()).Year())
	case "week":
		d := map[string]int{"last": -7, "past": -7, "this": 0, "next": 7}[w]
		ys.add(i, i+2, pub.AddDate(0, 0, d).Year())
	default:
		if sm, ok := seasons[next]; ok && w != "past" {
			y := py
			if w == "last" && int(pub.Month()) < sm {
				y--
			}
			if w == "next" {
				y++
			}
			ys.add(i, i+2, y)
		}
	}
}

// yearsApart reads "two years later" (after the last year read) and
// "three years ago" (before the publication year), ending at i.
func (ys *yearScan) yearsApart(i int, w string) {
	toks := ys.toks
	if i < 2 || (toks[i-1].w != "years" && toks[i-1].w != "year") {
		return
	}
	k, ok := numberWords[toks[i-2].w]
	if !ok {
		return
	}
	if w == "later" && ys.last != 0 {
		ys.add(i-2, i+1, ys.last+k)
		ys.last += k
	} else if w == "ago" {
		ys.add(i-2, i+1, ys.py-k)
	}
}

// month reads a capitalised month name with no year after it as the most
// recent such month before publication (or the next one after "next",
// "until", "by"). "May" and "March" count only after "in", "since" and the
// like or before a day, as they are also a modal and a verb.
func (ys *yearScan) month(i int) {
	toks, n := ys.toks, len(ys.toks)
	t := toks[i]
	m, ok := months[t.w]
	if !ok || !t.upper || len(t.w) < 3 {
		return
	}
	if (t.w == "may" || t.w == "march") && !(i > 0 && isMonthPrep(toks[i-1].w) || i+1 < n && toks[i+1].digit) {
		return
	}
	// A month followed by a year is handled by the year.
	k := i + 1
	if k < n && toks[k].digit && len(toks[k].w) <= 2 {
		k++
		if k < n && toks[k].w == "," {
			k++
		}
	}
	if k < n {
		if _, ok := yearOf(toks[k]); ok {
			return
		}
	}
	y := ys.py
	if m > int(ys.pub.Month()) && !(i > 0 && (toks[i-1].w == "next" || toks[i-1].w == "until" || toks[i-1].w == "by")) {
		y--
	}
	ys.add(i, i+1, y)
}

func isMonthPrep(w string) bool {
	switch w {
	case "in", "since", "by", "early", "late", "mid", "until", "from", "last", "this", "of":
		return true
	}
	return false
}

// yearsIn returns the years mentioned in tokens [s, e), sorted and unique.
func (a *analysis) yearsIn(s, e int) []int {
	var out []int
	for _, ym := range a.years {
		if ym.ti >= s && ym.ti < e {
			out = append(out, ym.years...)
		}
	}
	return sortUnique(out)
}

func sortUnique(ys []int) []int {
	if len(ys) == 0 {
		return nil
	}
	slices.Sort(ys)
	out := ys[:1]
	for _, y := range ys[1:] {
		if y != out[len(out)-1] {
			out = append(out, y)
		}
	}
	return out
}
