package weapons

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// System is a named weapon system ("Bayraktar TB2", "S-300").
type System struct {
	Name      string   // canonical designation
	Category  Category // SIPRI category
	Origin    string   // canonical English name of the country of origin ("Turkey"); "" when there is no single one
	Aliases   []string // other designations and names
	Kind      string   // what it is, e.g. "armed UAV"
	Partners  []string // other countries of a multinational programme, if any
	SmallArms bool     // small arms or light weapons, which SIPRI does not cover
}

// Match is a weapon word or named system found in a text.
type Match struct {
	Start, End int    // byte offsets into the text given to Find
	Text       string // text[Start:End]
	Category   Category
	System     string // canonical designation for a known system ("Bayraktar TB2"), "" for a generic word
	Origin     string // canonical country name of the system's origin ("Turkey") when known, else ""
	SmallArms  bool   // small arms or light weapons ("rifles"): Category is Other, SIPRI does not count them
}

// caseMode says how the case of the text must agree with an alias.
type caseMode uint8

const (
	anyCase     caseMode = iota // generic words: "drones", "Drones", "DRONES"
	capitalCase                 // names: "Javelin" but not "javelin"
	exactCase                   // acronyms: "SAM" but not "Sam"
	designation                 // letters with digits: any case when written solid or hyphenated ("su-30sm"), a capital and no common short word when spaced ("Su 30SM", not "an 26")
)

// entry is one alias in the index.
type entry struct {
	alias     string
	raw       string // the alias's letters and digits as written, for exactCase
	mode      caseMode
	cat       Category
	smallArms bool
	sys       *System // nil for a generic word
	blocker   bool
}

// lexicon is the compiled index.
type lexicon struct {
	keys      map[string][]*entry // compact key -> entries
	prefixes  map[string]bool     // every prefix of every key
	maxParts  int
	systems   []System
	sysByKey  map[string]int
	conflicts []string // data errors; empty for good data
}

var lex = sync.OnceValue(buildLexicon)

// spacedShortWords are English words that look like the letters of a
// designation; with a space after them they are not one ("an 26-year-old").
var spacedShortWords = map[string]bool{
	"a": true, "i": true, "am": true, "an": true, "as": true, "at": true, "be": true, "by": true,
	"do": true, "go": true, "he": true, "if": true, "in": true, "is": true, "it": true, "me": true,
	"my": true, "no": true, "of": true, "on": true, "or": true, "so": true, "to": true, "up": true,
	"us": true, "we": true, "fm": true, "pm": true,
}

func buildLexicon() *lexicon {
	lx := &lexicon{keys: map[string][]*entry{}, prefixes: map[string]bool{}, sysByKey: map[string]int{}}
	for _, le := range lexiconData {
		for _, p := range le.phrases {
			for _, a := range expand(p, true) {
				lx.add(&entry{alias: a, cat: le.cat, smallArms: le.smallArms})
			}
		}
	}
	for _, b := range blockers {
		for _, a := range expand(b, true) {
			lx.add(&entry{alias: a, blocker: true})
		}
	}
	lx.systems = make([]System, len(systemData))
	for i, s := range systemData {
		s.Aliases = slices.Clone(s.Aliases)
		s.Partners = slices.Clone(s.Partners)
		lx.systems[i] = s
		sp := &lx.systems[i]
		names := append([]string{s.Name}, s.Aliases...)
		for j, n := range names {
			for _, a := range expand(n, false) {
				k := compactKey(a)
				if prev, ok := lx.sysByKey[k]; ok && prev != i {
					lx.conflicts = append(lx.conflicts, fmt.Sprintf("%q names both %s and %s", a, lx.systems[prev].Name, s.Name))
				} else {
					lx.sysByKey[k] = i
				}
				if j == 0 && noBareName[s.Name] {
					continue
				}
				lx.add(&entry{alias: a, cat: s.Category, smallArms: s.SmallArms, sys: sp})
				if pl, ok := namePlural(a, n); ok {
					lx.addQuiet(&entry{alias: pl, cat: s.Category, smallArms: s.SmallArms, sys: sp})
				}
			}
		}
	}
	return lx
}

// expand turns the "(s)" and "(es)" notation into singular and plural, and
// for generic words adds American spellings of "armour" and "defence".
func expand(p string, american bool) []string {
	var out []string
	for _, suf := range []string{"(s)", "(es)"} {
		if base, ok := strings.CutSuffix(p, suf); ok {
			out = []string{base, base + suf[1:len(suf)-1]}
			break
		}
	}
	if out == nil {
		out = []string{p}
	}
	if american {
		for _, a := range out {
			if us := strings.NewReplacer("armour", "armor", "defence", "defense").Replace(a); us != a {
				out = append(out, us)
			}
		}
	}
	return out
}

// namePlural returns the plural of a system name written as words ("Super
// Tucano" gives "Super Tucanos", "Gripen" "Gripens"), for names the data
// does not already give a plural with "(s)", and of designations ending in a
// capital ("Su-30SMs"). Designations ending in a digit need none: Find splits
// a plural "s" off them ("T-72s").
func namePlural(alias, written string) (string, bool) {
	if strings.HasSuffix(written, ")") {
		return "", false
	}
	r, _ := utf8.DecodeLastRuneInString(alias)
	switch modeOf(alias) {
	case capitalCase:
		if !unicode.IsLower(r) || r == 's' || r == 'x' || r == 'y' {
			return "", false
		}
	case designation:
		// "Su-30SMs", "Mi-35Ms": without it Find would stop at "Su-30".
		if !unicode.IsUpper(r) || r == 'S' {
			return "", false
		}
	default:
		return "", false
	}
	return alias + "s", true
}

// addQuiet adds a derived alias unless its key is taken: a derived form
// never overrides what the data says.
func (lx *lexicon) addQuiet(e *entry) {
	var k []byte
	for _, t := range tokenize(e.alias) {
		k = t.appendFold(k, e.alias)
	}
	if len(k) == 0 || len(lx.keys[string(k)]) > 0 {
		return
	}
	lx.add(e)
}

// add compiles an alias and adds it to the index.
func (lx *lexicon) add(e *entry) {
	toks := tokenize(e.alias)
	if len(toks) == 0 {
		return
	}
	var k []byte
	var raw strings.Builder
	for _, t := range toks {
		k = t.appendFold(k, e.alias)
		raw.WriteString(e.alias[t.start:t.end])
	}
	e.raw = raw.String()
	e.mode = modeOf(e.alias)
	key := string(k)
	for _, prev := range lx.keys[key] {
		if prev.blocker != e.blocker || prev.cat != e.cat || prev.sys != e.sys {
			lx.conflicts = append(lx.conflicts, fmt.Sprintf("%q and %q share the key %q", prev.alias, e.alias, key))
			return
		}
		if prev.mode == e.mode {
			return // a spelling variant of the same thing
		}
	}
	lx.keys[key] = append(lx.keys[key], e)
	for i := 1; i <= len(key); i++ {
		lx.prefixes[key[:i]] = true
	}
	if len(toks) > lx.maxParts {
		lx.maxParts = len(toks)
	}
}

// modeOf infers how an alias's case must be matched.
func modeOf(a string) caseMode {
	var upper, lower int
	hasDigit, firstLetterLower, seenLetter := false, false, false
	rs := []rune(a)
	for i, r := range rs {
		switch {
		case unicode.IsDigit(r):
			hasDigit = true
		case unicode.IsUpper(r):
			upper++
			seenLetter = true
		case unicode.IsLower(r):
			if !seenLetter {
				firstLetterLower = true
			}
			seenLetter = true
			// A plural "s" after an acronym ("UAVs") does not make it a word.
			if !(r == 's' && i == len(rs)-1 && i > 0 && unicode.IsUpper(rs[i-1])) {
				lower++
			}
		}
	}
	switch {
	case firstLetterLower:
		return anyCase
	case hasDigit:
		return designation
	case upper >= 2 && lower == 0:
		return exactCase
	}
	return capitalCase
}

// compactKey folds a designation and drops everything but letters and
// digits: "Su-30SM", "su 30sm" and "SU30SM" all give "su30sm".
func compactKey(s string) string {
	var k []byte
	for _, t := range tokenize(s) {
		k = t.appendFold(k, s)
	}
	return string(k)
}

// accepts reports whether the text's case fits the entry for the match of
// toks[i..j].
func (e *entry) accepts(text string, toks []token, i, j int, spaced bool) bool {
	switch e.mode {
	case capitalCase:
		return toks[i].upper
	case exactCase:
		n := 0
		for k := i; k <= j; k++ {
			w := text[toks[k].start:toks[k].end]
			if !strings.HasPrefix(e.raw[n:], w) {
				return false
			}
			n += len(w)
		}
		return n == len(e.raw)
	case designation:
		if spaced {
			// "Su 30SM"; a number first when the alias starts with one: "407 GXi".
			first := text[toks[i].start:toks[i].end]
			return (toks[i].upper || allDigits(first) && len(first) <= len(e.raw) && allDigits(e.raw[:len(first)])) && !spacedShortWords[strings.ToLower(first)]
		}
	}
	return true
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Find returns the weapon words and named systems in text, left to right and
// never overlapping; at each word the longest match wins ("anti-tank
// missile" over "tank", "Bayraktar TB2" over "Bayraktar"). Matches start at
// a word boundary and end at a word boundary or where letters turn to digits
// or back, so "T-72s" gives "T-72" and an unknown variant such as
// "Mi-17V-7" still gives "Mi-17". Designations are matched whether written
// with hyphens, spaces or solid ("Su-30SM", "Su 30SM", "Su30SM") and in any
// case; generic words in any case; names that are also ordinary words
// ("Javelin", "Cobra") only with a capital; acronyms ("SAM") only in
// capitals. Phrases such as "think tank" or "satellite imagery" are skipped.
//
// Find takes time linear in the length of text and never panics, whatever
// the input.
func Find(text string) []Match {
	lx := lex()
	toks := tokenize(text)
	var out []Match
	buf := make([]byte, 0, 64)
	for i := 0; i < len(toks); {
		if !toks[i].wordStart {
			i++
			continue
		}
		var best *entry
		bestJ := -1
		buf = buf[:0]
		spaced := false
		for j := i; j < len(toks) && j-i < lx.maxParts+2; j++ {
			apos := false // an apostrophe before toks[j]: "David's Sling" goes on, "Rafale's" is no plural
			if j > i {
				gap := text[toks[j-1].end:toks[j].start]
				if gap != "" {
					ok, sp := gapOK(gap)
					if !ok {
						break
					}
					spaced = spaced || sp
					apos = strings.ContainsAny(gap, "'’")
				}
			}
			buf = toks[j].appendFold(buf, text)
			if !lx.prefixes[string(buf)] {
				break
			}
			if apos {
				continue
			}
			for _, e := range lx.keys[string(buf)] {
				if e.accepts(text, toks, i, j, spaced) {
					best, bestJ = e, j
					break
				}
			}
		}
		if best == nil {
			i++
			continue
		}
		if !best.blocker {
			start, end := toks[i].start, toks[bestJ].end
			m := Match{Start: start, End: end, Text: text[start:end], Category: best.cat, SmallArms: best.smallArms}
			if best.sys != nil {
				m.System, m.Origin = best.sys.Name, best.sys.Origin
			}
			out = append(out, m)
		}
		i = bestJ + 1
	}
	return out
}

// CategoryOf returns the SIPRI category of one weapon word, phrase, category
// label or system designation, ignoring case: "drones" and "Su-30SM" give
// Aircraft, "air defence" and "SAM" give Air-defence systems, "rifles" gives
// Other. It reports false for anything it does not know.
func CategoryOf(word string) (Category, bool) {
	if c, ok := ParseCategory(word); ok {
		return c, true
	}
	lx := lex()
	k := compactKey(strings.TrimSpace(word))
	for _, e := range lx.keys[k] {
		if !e.blocker {
			return e.cat, true
		}
	}
	if i, ok := lx.sysByKey[k]; ok {
		return lx.systems[i].Category, true
	}
	return "", false
}

// LookupSystem finds a named system by its designation or an alias,
// ignoring case, spaces and hyphens: "TB-2", "tb2" and "Bayraktar TB2" give
// the Bayraktar TB2.
func LookupSystem(designation string) (System, bool) {
	lx := lex()
	i, ok := lx.sysByKey[compactKey(designation)]
	if !ok {
		return System{}, false
	}
	return cloneSystem(lx.systems[i]), true
}

// Systems returns every named system in the order of the package data.
func Systems() []System {
	lx := lex()
	out := make([]System, len(lx.systems))
	for i, s := range lx.systems {
		out[i] = cloneSystem(s)
	}
	return out
}

func cloneSystem(s System) System {
	s.Aliases = slices.Clone(s.Aliases)
	s.Partners = slices.Clone(s.Partners)
	return s
}
