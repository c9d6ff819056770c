package gazetteer

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot/textfold"
)

// caseMode says how the case of a text word must agree with a name's word.
type caseMode uint8

const (
	anyCase     caseMode = iota // "the", "of", "d" in "Cote d'Ivoire"
	capitalCase                 // the text word must start with a capital: "Turkey" but not "turkey"
	exactCase                   // acronyms must match exactly: "US" but not "us" or "Us"
)

// target is what a phrase stands for. A target with no codes is a blocker.
type target struct {
	kind  MentionKind
	codes []string
	name  string // group or manufacturer name
}

// phrase is one name as a sequence of folded words.
type phrase struct {
	text        string // the name as written in the data
	words       []string
	raw         []string // the words as written, for exactCase
	modes       []caseMode
	punct       string // punctuation allowed between words besides space and dashes ("'" in "People's")
	trailingDot bool   // the name ends with "." ("U.S."); a following "." is part of the match
	target      *target
}

// addPhrase compiles a name and adds it to the Find index.
func (g *Gazetteer) addPhrase(name string, t *target) {
	toks := textfold.Words(name, 0)
	if len(toks) == 0 {
		return
	}
	p := &phrase{text: name, target: t, trailingDot: strings.HasSuffix(name, ".")}
	allCaps := !strings.ContainsFunc(name, unicode.IsLower)
	for i, tk := range toks {
		w := name[tk.Start:tk.End]
		p.words = append(p.words, tk.Fold(name))
		p.raw = append(p.raw, w)
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		switch {
		case !strings.ContainsFunc(w, unicode.IsLower) && (letters >= 2 || allCaps):
			p.modes = append(p.modes, exactCase)
		case tk.Upper:
			p.modes = append(p.modes, capitalCase)
		default:
			p.modes = append(p.modes, anyCase)
		}
		if i > 0 {
			for _, r := range name[toks[i-1].End:tk.Start] {
				r = normApostrophe(r)
				if !unicode.IsSpace(r) && !isDash(r) && !strings.ContainsRune(p.punct, r) {
					p.punct += string(r)
				}
			}
		}
	}
	first := p.words[0]
	for _, q := range g.index[first] {
		if !slices.Equal(q.words, p.words) || !slices.Equal(q.modes, p.modes) {
			continue
		}
		if !sameTarget(q.target, t) {
			g.conflicts = append(g.conflicts, fmt.Sprintf("phrase %q stands for both %s and %s", name, describe(q.target), describe(t)))
		}
		return // the first entry wins
	}
	g.index[first] = append(g.index[first], p)
}

func sameTarget(a, b *target) bool {
	return slices.Equal(a.codes, b.codes) && a.name == b.name
}

func describe(t *target) string {
	if len(t.codes) == 0 {
		return "a blocker"
	}
	if t.name != "" {
		return t.name
	}
	return strings.Join(t.codes, ",")
}

// maxGapRunes is the most characters allowed between two words of a name.
const maxGapRunes = 4

// gapOK reports whether gap, the text between two words, may separate the
// words of a name: space, dashes and the name's own punctuation.
func gapOK(gap, punct string) bool {
	if len(gap) > 4*maxGapRunes {
		return false
	}
	n := 0
	for _, r := range gap {
		n++
		if n > maxGapRunes {
			return false
		}
		if r == utf8.RuneError || !(unicode.IsSpace(r) || isDash(r) || strings.ContainsRune(punct, normApostrophe(r))) {
			return false
		}
	}
	return true
}

// match reports whether p matches the words starting at toks[i], and where
// the match ends.
func (p *phrase) match(text string, toks []textfold.Word, i int) (end int, ok bool) {
	n := len(p.words)
	if i+n > len(toks) {
		return 0, false
	}
	for k := 0; k < n; k++ {
		t := toks[i+k]
		if !t.Is(text, p.words[k]) {
			return 0, false
		}
		switch p.modes[k] {
		case exactCase:
			if text[t.Start:t.End] != p.raw[k] {
				return 0, false
			}
		case capitalCase:
			if !t.Upper {
				return 0, false
			}
		}
		if k > 0 && !gapOK(text[toks[i+k-1].End:t.Start], p.punct) {
			return 0, false
		}
	}
	end = toks[i+n-1].End
	if p.trailingDot && end < len(text) && text[end] == '.' {
		end++
	}
	return end, true
}

// Find returns the countries, groups and manufacturers named in text, left
// to right and never overlapping. At each word the longest name starting
// there wins ("South Korea" over "Korea", "Turkish Aerospace" over
// "Turkish"). Names match whole words only; hyphens and apostrophes end a
// word, so "Turkish-made" gives "Turkish" and "Kazakhstan's" gives
// "Kazakhstan". Names are matched without regard to diacritics; words
// written with a capital in a name need a capital in the text ("turkey" and
// "china" are not countries) and acronyms must match exactly ("us" is not
// the US). Phrases such as "South China Sea" or "Washington Post" are
// recognised and skipped.
//
// Find takes time linear in the length of text, allocates only for its
// result and the text's words, and never panics, whatever the input.
func (g *Gazetteer) Find(text string) []Mention {
	toks := textfold.Words(text, 0)
	var out []Mention
	var buf []byte
	var codes []string // one backing array for every mention's Codes
	for i := 0; i < len(toks); {
		n := 0
		buf = toks[i].AppendFold(buf[:0], text)
		for _, p := range g.index[string(buf)] {
			end, ok := p.match(text, toks, i)
			if !ok {
				continue
			}
			n = len(p.words)
			if t := p.target; len(t.codes) > 0 {
				start := toks[i].Start
				c := len(codes)
				codes = append(codes, t.codes...)
				out = append(out, Mention{
					Start: start,
					End:   end,
					Text:  text[start:end],
					Kind:  t.kind,
					Codes: codes[c:len(codes):len(codes)],
					Group: t.name,
				})
			}
			break
		}
		if n == 0 {
			n = 1
		}
		i += n
	}
	return out
}
