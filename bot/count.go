package bot

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot/weapons"
)

// maxFigures bounds the figures a "how many" answer quotes.
const maxFigures = 6

// numberWords are the number words a figure may be written in.
var numberWords = map[string]int{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "dozen": 12, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
	"pair": 2,
}

// figureModifiers may stand between a number and what it counts ("a
// further 46 more K2", "100 old Leopard 1 tanks").
var figureModifiers = wordSet("more additional further new extra other second-hand used modernised modernized upgraded old refurbished " +
	"military combat attack transport armed light heavy main battle fighter utility multirole multi-role unmanned " +
	"advanced modern latest newest brand-new surplus former retired decommissioned secondhand armoured armored " +
	"tactical wheeled tracked self-propelled naval maritime patrol reconnaissance surveillance training trainer " +
	"multipurpose multi-purpose offshore coastal inshore towed mobile portable rescue search " +
	"amphibious infantry fighting stealth medium long-range short-range twin-engine turboprop jet cargo aerial air " +
	// a generic noun the designation follows: "ten Russian armored personnel carriers BRDM-2"
	"personnel carrier carriers vehicle vehicles")

// maxFigureGap is how many modifiers may stand between a number and what
// it counts: "100 Boeing-made Harpoon", "eight other Cobra attack
// helicopters", "ten Russian armored personnel carriers BRDM-2".
const maxFigureGap = 4

// countAnswer answers "how many": the relations as a list does, headed by
// the figures the cited sentences give for the system or weapon asked
// about, each with its citation (the sentence says whether it counts an
// order or a delivery). With no figure stated it says so rather than guess.
func (b *Bot) countAnswer(ctx context.Context, rs RelationSearcher, q string, u Understanding, f Filter) (*Answer, error) {
	ans, err := b.relationAnswer(ctx, rs, q, u, f)
	if err != nil || ans == nil {
		return ans, err
	}
	var figures []string
	for _, l := range ans.Relations {
		for _, n := range l.Citations {
			if len(figures) == maxFigures {
				break
			}
			// The figure goes with its sentence, not with the line's status:
			// one deal line may merge an order's sentence with a delivery's.
			if fig := figureInAsked(ans.Citations[n-1].Quote, l, u.Kinds, askedNouns(q)); fig != "" && !slices.Contains(figures, fig+fmt.Sprintf(" [%d]", n)) {
				figures = append(figures, fig+fmt.Sprintf(" [%d]", n))
				// "23 more Strykers for free, bringing the number to 60 in
				// total": the sentence's running total of the same goods.
				if tot := totalIn(ans.Citations[n-1].Quote); tot != "" && len(figures) < maxFigures {
					figures = append(figures, tot+fmt.Sprintf(" [%d]", n))
				}
			}
		}
	}
	if len(figures) == 0 {
		// "Argentina to buy 110 Chinese VN-1": a figure only the cited
		// report's headline gives, marked as such.
		figures = headlineFigures(ans, u.Kinds, askedNouns(q))
	}
	head := "No report states a number; the reports say:"
	if len(figures) > 0 {
		head = "Figures the reports state (see each sentence for what was ordered or delivered): " + strings.Join(figures, "; ") + "."
	}
	ans.Text = head + "\n" + ans.Text
	return ans, nil
}

// headlineFigures are the figures that the headlines of an answer's cited
// reports give for its lines, each once, marked as a headline's.
func headlineFigures(ans *Answer, kinds, asked []string) []string {
	var figures []string
	for _, l := range ans.Relations {
		for _, n := range l.Citations {
			if len(figures) == maxFigures {
				return figures
			}
			fig := figureInAsked(ans.Citations[n-1].Title, l, kinds, asked)
			if fig == "" {
				continue
			}
			if f := fig + fmt.Sprintf(" [%d] (in its headline)", n); !slices.Contains(figures, f) {
				figures = append(figures, f)
			}
		}
	}
	return figures
}

// figureIn finds a number stated right before the line's system (its
// first word) or a kind of weapon asked about in sentence, across at most
// maxFigureGap modifiers: "180 K2 tanks" gives "180 K2", "the first four
// of 13 Soviet-era MiG-29" gives "4 of 13 MiG-29". Years are no figures.
// "" when there is none.
func figureIn(sentence string, l RelationLine, kinds []string) string {
	return figureInAsked(sentence, l, kinds, nil)
}

// askedNouns are the plain nouns of any category that question q counts
// ("How many Grom missiles ..."): "missiles".
func askedNouns(q string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(q)) {
		w = strings.Trim(w, ".,;:?!()")
		for _, nouns := range categoryNouns {
			if slices.Contains(nouns, w) && !slices.Contains(out, w) && w != "systems" {
				out = append(out, w)
			}
		}
	}
	return out
}

// figureInAsked is figureIn where, among the category's plain nouns, the
// ones the question counts come first: "How many Grom missiles" over "30
// launchers and 100 missiles of the Grom" gives "100 missiles".
func figureInAsked(sentence string, l RelationLine, kinds, asked []string) string {
	var targets []string
	if l.System != "" {
		targets = append(targets, strings.ToLower(strings.Fields(l.System)[0]))
	} else if l.Category != "" {
		// a deal of a kind only: "12 armoured vehicles", "four aircraft"
		targets = append(targets, strings.ToLower(strings.Fields(l.Category)[0]))
	}
	if l.System != "" {
		// the sentence may write the system by another of its names:
		// "four A-29 Super Tucano" for the EMB-314, "four C295W" for the C-295
		for _, m := range weapons.Find(sentence) {
			if m.System == l.System {
				targets = appendNew(targets, strings.ToLower(strings.Fields(m.Text)[0]))
			}
		}
	}
	targets = append(targets, kinds...)
	if fig := figureFor(sentence, targets); fig != "" {
		return fig
	}
	// No figure before the system's name: one before a plain noun of its
	// category ("for 218 vehicles", "36 aircraft") or a counter ("18
	// units"), which the cited sentence uses for the same goods; first the
	// ones the question asks about.
	// The nouns the question counts, of whatever category: "How many
	// armoured howitzer vehicles" counts "36 armoured vehicles" of a line
	// of artillery.
	if fig := figureFor(sentence, asked); fig != "" {
		return fig
	}
	return figureFor(sentence, categoryCounters(l.Category))
}

// counterNouns count goods of any category: "delivering 18 units".
var counterNouns = []string{"units", "sets", "batteries"}

// categoryNouns are the plain nouns a sentence counts goods of a
// category with, besides their designation.
var categoryNouns = map[string][]string{
	"Aircraft":            {"aircraft", "jets", "planes", "fighters", "helicopters", "drones", "uavs", "trainers", "gunships", "airframes"},
	"Armoured vehicles":   {"vehicles", "tanks", "apcs", "ifvs", "carriers"},
	"Ships":               {"ships", "vessels", "boats", "submarines", "frigates", "corvettes", "warships"},
	"Artillery":           {"guns", "howitzers", "launchers", "systems", "pieces"},
	"Missiles":            {"missiles", "launchers", "interceptors", "rounds"},
	"Air-defence systems": {"systems", "launchers", "missiles"},
	"Sensors":             {"radars", "systems", "sensors"},
}

// categoryCounters are the nouns figureIn falls back on for a line of
// category cat.
func categoryCounters(cat string) []string {
	return append(append([]string(nil), categoryNouns[cat]...), counterNouns...)
}

// figureFor returns the first number in sentence that counts one of
// targets, "" when none does; a number of units of them ("two divisions
// of S-300") only when no number counts them directly.
func figureFor(sentence string, targets []string) string {
	if fig := figureCounting(sentence, targets, false); fig != "" {
		return fig
	}
	return figureCounting(sentence, targets, true)
}

// figureCounting is figureFor, through units or not.
func figureCounting(sentence string, targets []string, units bool) string {
	if len(targets) == 0 {
		return ""
	}
	toks := strings.Fields(sentence)
	for i, tok := range toks {
		n, ok := figureNumber(tok)
		if !ok || i > 0 && designationNumber(toks[i-1], tok) {
			continue
		}
		fig, j := n, i+1
		if strings.EqualFold(strings.Trim(tok, ".,;:()"), "pair") {
			// "a pair of Mi-24 helicopters": two.
			if j >= len(toks) || toks[j] != "of" {
				continue
			}
			j++
		}
		if j+1 < len(toks) && toks[j] == "of" {
			if m, ok := figureNumber(toks[j+1]); ok {
				fig, j = n+" of "+m, j+2
			}
		}
		if !units {
			if w := countedAfter(toks, j, targets); w != "" {
				return fig + " " + w
			}
			continue
		}
		if unit, k := unitOf(toks, j); k > j {
			// "two divisions of our S-300 systems": two divisions
			if w := countedAfter(toks, k, targets); w != "" {
				return fig + " " + unit + " of " + w
			}
		}
	}
	return ""
}

// designationNumber reports whether the number tok ends the designation
// that prev begins: the 1 of "Leopard 1 tanks" counts nothing.
func designationNumber(prev, tok string) bool {
	_, ok := weapons.LookupSystem(strings.Trim(prev, "\"“”'‘’(") + " " + strings.Trim(tok, ".,;:()"))
	return ok
}

// unitWords are the units a number may count instead of the goods
// themselves ("two divisions of S-300", "three batteries of Patriot").
var unitWords = wordSet("divisions division battalions battalion batteries battery squadrons squadron regiments regiment sets set units unit")

// unitOf reads a unit and "of" at toks[j], with an article or possessive
// after it ("divisions of our"); it returns the unit and the index after
// them, or j when there is none.
func unitOf(toks []string, j int) (string, int) {
	if j+1 >= len(toks) || !unitWords[strings.ToLower(toks[j])] || toks[j+1] != "of" {
		return "", j
	}
	k := j + 2
	if k < len(toks) && unitDeterminers[strings.ToLower(toks[k])] {
		k++
	}
	return strings.ToLower(toks[j]), k
}

var unitDeterminers = wordSet("the its their our his her these those")

// countedAfter is the word at toks[j], or after at most maxFigureGap
// modifiers, that names one of targets; "" when there is none.
func countedAfter(toks []string, j int, targets []string) string {
	for k := j; k < len(toks) && k <= j+maxFigureGap; k++ {
		plain := strings.Trim(toks[k], ".,;:()")
		raw := strings.Trim(plain, "\"“”'‘’") // "eight new “advanced” Hangor-class submarines": a quoted modifier
		word := strings.ToLower(raw)
		for _, t := range targets {
			if word == t || strings.HasPrefix(t, word) && len(word) > 3 || strings.HasPrefix(word, t) {
				return raw
			}
		}
		if plain != toks[k] && !coordinateAdjective(toks[k], plain) || raw == "" || !figureModifier(raw) {
			return "" // punctuation or a word that is no modifier ends the phrase
		}
	}
	return ""
}

// coordinateAdjective reports whether tok is a hyphenated adjective raw
// followed by a comma that joins it to the next adjective: "14
// mine-resistant, ambush-protected armoured vehicles".
func coordinateAdjective(tok, raw string) bool {
	return tok == raw+"," && strings.Contains(raw, "-")
}

// figureModifier: a word that may stand between a number and what it
// counts: a listed modifier, a hyphenated adjective ("Boeing-made") or a
// capitalised name ("French").
func figureModifier(w string) bool {
	if _, ok := figureNumber(w); ok {
		return false
	}
	first, _ := utf8.DecodeRuneInString(w)
	return figureModifiers[strings.ToLower(w)] || strings.Contains(w, "-") || unicode.IsUpper(first)
}

// figureNumber reads a count written in digits (at most four, not a year)
// or in words.
func figureNumber(s string) (string, bool) {
	s = strings.Trim(s, ".,;:()")
	if n, ok := numberWords[strings.ToLower(s)]; ok {
		return strconv.Itoa(n), true
	}
	if d, ok := thousands(s); ok {
		return d, true // "35,000 Kalashnikov AK-203 rifles"
	}
	n, err := strconv.Atoi(s)
	if err != nil || len(s) > 4 || n < 1 || n >= 1900 && n <= 2100 {
		return "", false
	}
	return s, true
}

// thousands reads a count written with thousands separators ("35,000",
// "1,200,000") as its digits; ok is false for anything else.
func thousands(s string) (string, bool) {
	groups := strings.Split(s, ",")
	if len(groups) < 2 || len(groups[0]) < 1 || len(groups[0]) > 3 {
		return "", false
	}
	for i, g := range groups {
		if i > 0 && len(g) != 3 || strings.TrimFunc(g, unicode.IsDigit) != "" {
			return "", false
		}
	}
	d := strings.TrimLeft(strings.Join(groups, ""), "0")
	return d, d != ""
}

// totalIn returns the running total a sentence gives after its figure,
// "60 in total", from "bringing the number to 60 (in total)", "bringing the
// total to 60", "bringing its fleet to 60"; "" when there is none.
func totalIn(sentence string) string {
	toks := strings.Fields(strings.ToLower(sentence))
	for i := 0; i+3 < len(toks); i++ {
		if toks[i] != "bringing" && toks[i] != "brings" && toks[i] != "brought" && toks[i] != "taking" {
			continue
		}
		j := i + 1
		if toks[j] == "the" || toks[j] == "its" || toks[j] == "their" {
			j++
		}
		if j < len(toks) && toks[j] == "total" && j+1 < len(toks) && toks[j+1] == "number" {
			j++
		}
		if j >= len(toks) || toks[j] != "total" && toks[j] != "number" && toks[j] != "fleet" && toks[j] != "count" {
			continue
		}
		if j+2 < len(toks) && toks[j+1] == "to" {
			if n, ok := figureNumber(strings.Trim(toks[j+2], ".,;:")); ok {
				return n + " in total"
			}
		}
	}
	return ""
}
