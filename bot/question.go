package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQuestionLen is the default limit on a question's length in characters.
const MaxQuestionLen = 1000

// maxTermGroups bounds the work one question can cause in the index.
const maxTermGroups = 24

// questionWords are words that carry no search meaning in a question. The
// index removes ordinary English stop words itself; these are the extra ones
// a question about arms transfers is full of.
var questionWords = map[string]bool{
	"who": true, "whom": true, "whose": true, "what": true, "which": true, "where": true,
	"when": true, "why": true, "how": true, "does": true, "did": true, "do": true,
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true,
	"the": true, "a": true, "an": true, "with": true, "to": true, "from": true, "of": true,
	"in": true, "on": true, "for": true, "and": true, "or": true, "its": true, "it": true,
	"their": true, "them": true, "they": true, "me": true, "tell": true, "about": true,
	"any": true, "there": true, "please": true, "show": true, "list": true, "give": true,
	"can": true, "you": true, "i": true, "we": true, "get": true, "gets": true, "got": true,
	"much": true, "many": true, "by": true, "at": true, "as": true, "that": true, "this": true,
	"these": true, "those": true, "be": true, "been": true, "so": true, "far": true, "know": true,
	"country": true, "countries": true, "s": true,
}

// transferWords are the verbs and nouns of arms transfers. In a question
// they say what kind of answer is wanted more than what to look for ("who
// supplies Kazakhstan with drones" is about Kazakhstan and drones), so they
// raise a passage's score without being required.
var transferWords = map[string]bool{
	"supply": true, "supplies": true, "supplied": true, "supplying": true, "supplier": true, "suppliers": true,
	"sell": true, "sells": true, "sold": true, "selling": true, "sale": true, "sales": true, "seller": true,
	"export": true, "exports": true, "exported": true, "exporting": true, "exporter": true, "exporters": true,
	"import": true, "imports": true, "imported": true, "importer": true, "importers": true,
	"deliver": true, "delivers": true, "delivered": true, "delivery": true, "deliveries": true,
	"buy": true, "buys": true, "bought": true, "buying": true, "buyer": true, "buyers": true,
	"purchase": true, "purchases": true, "purchased": true, "provide": true, "provides": true, "provided": true,
	"arm": true, "arming": true, "armed": true, "transfer": true, "transfers": true, "transferred": true,
	"acquire": true, "acquired": true, "acquisition": true, "acquisitions": true, "procure": true, "procured": true,
	"procurement": true, "order": true, "ordered": true, "orders": true, "recipient": true, "recipients": true,
}

// synonyms expand a question word into the words reports use for the same
// thing. Keys and values are lower case.
var synonyms = map[string][]string{
	"drone":      {"uav", "uavs", "ucav", "unmanned", "drones"},
	"drones":     {"uav", "uavs", "ucav", "unmanned", "drone"},
	"uav":        {"drone", "drones", "unmanned"},
	"uavs":       {"drone", "drones", "unmanned"},
	"sam":        {"surface-to-air", "air-defence", "air-defense"},
	"helicopter": {"helicopters", "rotorcraft"},
	"tank":       {"tanks"},
	"arms":       {"weapons", "weapon"},
	"weapons":    {"arms"},
	"radar":      {"radars", "sensors"},
	"defense":    {"defence"},
	"defence":    {"defense"},
}

// Words returns the search words of a question: lower-cased words with
// question words dropped, duplicates removed, in order. Every character that
// is not a letter, digit or an inner hyphen separates words, so query syntax
// such as + - : " * ( ) is just punctuation here.
func Words(question string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range splitWords(question) {
		w = strings.ToLower(w)
		if questionWords[w] || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

// TermGroups turns words into the groups of a PassageQuery, each word with
// its synonyms, and the words that only boost. Transfer words boost unless
// they are all the question has.
func TermGroups(words []string) (groups [][]string, boost []string) {
	var content []string
	for _, w := range words {
		if transferWords[w] {
			boost = append(boost, w)
		} else {
			content = append(content, w)
		}
	}
	if len(content) == 0 {
		content, boost = boost, nil
	}
	for _, w := range content {
		if len(groups) == maxTermGroups {
			break
		}
		g := append([]string{w}, synonyms[w]...)
		groups = append(groups, g)
	}
	return groups, boost
}

// splitWords splits on anything but letters, digits, and hyphens or dots
// between letters or digits ("Su-30SM", "U.S.").
func splitWords(s string) []string {
	var words []string
	start := -1
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWord(r):
			if start < 0 {
				start = i
			}
		case (r == '-' || r == '.' || r == '\'') && start >= 0 && i+size < len(s):
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if !isWord(next) {
				words = append(words, strings.Trim(s[start:i], ".-'"))
				start = -1
			}
		default:
			if start >= 0 {
				words = append(words, s[start:i])
				start = -1
			}
		}
		i += size
	}
	if start >= 0 {
		words = append(words, strings.TrimRight(s[start:], ".-'"))
	}
	// Possessives: "Kazakhstan's" -> "Kazakhstan".
	for i, w := range words {
		words[i] = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	}
	return words
}

// cleanQuestion removes control characters and folds white space, so what a
// user typed can be echoed back safely.
func cleanQuestion(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
