package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot/textfold"
)

// maxTokens bounds the work done on one sentence: words past it are not
// read. A 10,000-character sentence has about 2,000 tokens.
const maxTokens = 4000

// tok is one word or punctuation mark of a sentence.
type tok struct {
	s, e  int    // byte offsets into the sentence
	w     string // lower-cased text
	word  bool   // letters or digits
	upper bool   // starts with an upper-case letter
	digit bool   // contains a digit
}

// tokenize splits text into the words of textfold.Words (the word
// definition the gazetteer and the weapons lexicon share) and single
// punctuation runes between them. Hyphens and apostrophes are their own
// tokens, so "Turkish-made" is three tokens and "Kazakhstan's" is three.
// Invalid UTF-8 bytes become punctuation tokens. At most maxTokens tokens
// are returned.
func tokenize(text string) []tok {
	toks := make([]tok, 0, len(text)/5+4)
	prev := 0
	for _, w := range textfold.Words(text, maxTokens) {
		toks = appendPunct(toks, text[:w.Start], prev)
		if len(toks) >= maxTokens {
			return mergeThousands(toks)
		}
		lower := text[w.Start:w.End]
		if w.ASCII {
			lower = asciiLower(lower)
		} else {
			// A Turkish dotless i typed for "i" ("delıvered", "vehıcles")
			// reads as "i", as the gazetteer and weapons lexicon fold it.
			lower = strings.ReplaceAll(strings.ToLower(lower), "ı", "i")
		}
		toks = append(toks, tok{s: w.Start, e: w.End, w: lower, word: true, upper: w.Upper, digit: w.Digit})
		prev = w.End
	}
	return expandContractions(mergeThousands(appendPunct(toks, text, prev)))
}

// contracted are the auxiliaries a negative contraction shortens, by the
// word before its apostrophe: "didn't" is "did not", "won't" "will not".
var contracted = map[string]string{
	"didn": "did", "doesn": "does", "don": "do", "won": "will", "wouldn": "would", "isn": "is",
	"aren": "are", "wasn": "was", "weren": "were", "hasn": "has", "haven": "have", "hadn": "had",
	"couldn": "could", "shouldn": "should", "shan": "shall", "mustn": "must", "needn": "need", "can": "can",
}

// expandContractions reads a negative contraction ("didn", "'", "t") as
// its auxiliary and "not", so that every rule reading "not" reads it:
// "Spain didn't send any tanks" is no delivery.
func expandContractions(toks []tok) []tok {
	for i := 2; i < len(toks); i++ {
		if toks[i].w != "t" || toks[i-1].w != "'" || toks[i-1].s != toks[i-2].e || toks[i].s != toks[i-1].e {
			continue
		}
		if aux, ok := contracted[toks[i-2].w]; ok {
			toks[i-2].w, toks[i].w = aux, "not"
		}
	}
	return toks
}

// appendPunct appends a token for each rune of text[from:] that is not a
// space, with quote, apostrophe and dash look-alikes written as their ASCII
// forms; an invalid UTF-8 byte is a token of its own. It stops at maxTokens.
func appendPunct(toks []tok, text string, from int) []tok {
	for i := from; i < len(text) && len(toks) < maxTokens; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		w := text[i : i+size]
		switch r {
		case '’', '‘', '`', '´':
			w = "'"
		case '–', '—', '‐', '‑', '−':
			w = "-"
		case '“', '”', '«', '»':
			w = "\""
		}
		toks = append(toks, tok{s: i, e: i + size, w: w})
		i += size
	}
	return toks
}

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// phrase is a sequence of lower-case tokens ("take", "delivery", "of").
type phrase[T any] struct {
	words []string
	val   T
}

// phraseSet finds phrases in token sequences, longest first.
type phraseSet[T any] struct {
	byFirst map[string][]phrase[T]
}

func newPhraseSet[T any]() *phraseSet[T] {
	return &phraseSet[T]{byFirst: map[string][]phrase[T]{}}
}

// add adds every phrase of a "|"-separated list, each tokenized like text.
func (ps *phraseSet[T]) add(list string, val T) {
	for _, p := range strings.Split(list, "|") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		var words []string
		for _, t := range tokenize(p) {
			words = append(words, t.w)
		}
		first := words[0]
		l := ps.byFirst[first]
		l = append(l, phrase[T]{words: words, val: val})
		// keep longest first
		for k := len(l) - 1; k > 0 && len(l[k].words) > len(l[k-1].words); k-- {
			l[k], l[k-1] = l[k-1], l[k]
		}
		ps.byFirst[first] = l
	}
}

// match returns the longest phrase starting at toks[i] and its length in
// tokens; n is 0 when none matches.
func (ps *phraseSet[T]) match(toks []tok, i int) (val T, n int) {
	for _, p := range ps.byFirst[toks[i].w] {
		if i+len(p.words) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(p.words); k++ {
			if toks[i+k].w != p.words[k] {
				ok = false
				break
			}
		}
		if ok {
			return p.val, len(p.words)
		}
	}
	return val, 0
}

// has reports whether word is the first word of some phrase.
func (ps *phraseSet[T]) has(word string) bool {
	_, ok := ps.byFirst[word]
	return ok
}

// wordSet is a set of lower-case words.
type wordSet map[string]bool

func words(list string) wordSet {
	m := wordSet{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}
