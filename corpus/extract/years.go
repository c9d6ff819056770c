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

func (a *analysis) findYears() {
	toks := a.toks
	n := len(toks)
	var pub time.Time
	if a.ctx != nil {
		pub = a.ctx.Published
	}
	py := pub.Year()
	last := 0 // last explicit year, for "two years later"
	add := func(ti, tj int, ys ...int) {
		a.years = append(a.years, yearMention{ti: ti, tj: tj, years: ys})
	}
	for i := 0; i < n; i++ {
		t := toks[i]
		if !t.word || a.itemAt[i] >= 0 {
			continue
		}
		if y, ok := yearOf(t); ok {
			if i > 0 && (toks[i-1].w == "$" || toks[i-1].w == "€" || toks[i-1].w == "£") ||
				i+1 < n && notYearAfter[toks[i+1].w] || sourceDate(toks, i) {
				continue
			}
			// Ranges: "2019-2022", "2019 to 2022", "between 2016 and 2018".
			if i+2 < n && (toks[i+1].w == "-" || toks[i+1].w == "to" || toks[i+1].w == "and" && i > 0 && toks[i-1].w == "between") {
				if y2, ok := yearOf(toks[i+2]); ok && y2 > y && y2-y <= maxRange {
					var ys []int
					for v := y; v <= y2; v++ {
						ys = append(ys, v)
					}
					add(i, i+3, ys...)
					last = y2
					i += 2
					continue
				}
				if toks[i+1].w == "-" && len(toks[i+2].w) == 2 && toks[i+2].digit {
					if v, err := strconv.Atoi(toks[i+2].w); err == nil {
						y2 := y/100*100 + v
						if y2 > y && y2-y <= maxRange {
							var ys []int
							for v := y; v <= y2; v++ {
								ys = append(ys, v)
							}
							add(i, i+3, ys...)
							last = y2
							i += 2
							continue
						}
					}
				}
			}
			add(i, i+1, y)
			last = y
			continue
		}
		if pub.IsZero() {
			continue
		}
		w := t.w
		next := ""
		if i+1 < n {
			next = toks[i+1].w
		}
		switch {
		case (w == "last" || w == "this" || w == "next" || w == "past") && next != "":
			switch next {
			case "year":
				d := map[string]int{"last": -1, "past": -1, "this": 0, "next": 1}[w]
				add(i, i+2, py+d)
			case "month":
				d := map[string]int{"last": -1, "past": -1, "this": 0, "next": 1}[w]
				add(i, i+2, pub.AddDate(0, d, 1-pub.Day()).Year())
			case "week":
				d := map[string]int{"last": -7, "past": -7, "this": 0, "next": 7}[w]
				add(i, i+2, pub.AddDate(0, 0, d).Year())
			default:
				if sm, ok := seasons[next]; ok && w != "past" {
					y := py
					if w == "last" && int(pub.Month()) < sm {
						y--
					}
					if w == "next" {
						y++
					}
					add(i, i+2, y)
				}
			}
		case w == "end" && next == "of" && i+3 < n && toks[i+3].w == "year" && (toks[i+2].w == "the" || toks[i+2].w == "this"):
			add(i, i+4, py)
		case w == "year" && next == "-" && i+2 < n && toks[i+2].w == "end":
			add(i, i+3, py)
		case w == "later" || w == "ago":
			// "two years later", "a year later", "three years ago"
			if i >= 2 && (toks[i-1].w == "years" || toks[i-1].w == "year") {
				if k, ok := numberWords[toks[i-2].w]; ok {
					if w == "later" && last != 0 {
						add(i-2, i+1, last+k)
						last += k
					} else if w == "ago" {
						add(i-2, i+1, py-k)
					}
				}
			}
		case (w == "following" || w == "next") && next == "year" && i > 0 && toks[i-1].w == "the" && last != 0:
			add(i, i+2, last+1)
			last++
		default:
			if m, ok := months[w]; ok && t.upper && len(w) >= 3 {
				if w == "may" || w == "march" {
					// the modal and the verb: only after "in", "since", "by", "early", "late" or before a day
					if !(i > 0 && isMonthPrep(toks[i-1].w) || next != "" && toks[i+1].digit) {
						continue
					}
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
						continue
					}
				}
				y := py
				if m > int(pub.Month()) && !(i > 0 && (toks[i-1].w == "next" || toks[i-1].w == "until" || toks[i-1].w == "by")) {
					y--
				}
				add(i, i+1, y)
			}
		}
	}
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
