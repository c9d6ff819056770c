package bot

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// maxFigures bounds the figures a "how many" answer quotes.
const maxFigures = 6

// numberWords are the number words a figure may be written in.
var numberWords = map[string]int{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "dozen": 12, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}

// reFigure is a number right before a word, with at most one word such as
// "more" or "additional" between: "180 K2", "a further 46 K2", "two Anka".
var reFigure = regexp.MustCompile(`(?i)\b(\d{1,4}|` + numberAlternation() + `)\s+(?:(?:more|additional|further|new|extra|second-hand|used|modernised|modernized|upgraded)\s+)?(\S+)`)

func numberAlternation() string {
	words := make([]string, 0, len(numberWords))
	for w := range numberWords {
		words = append(words, w)
	}
	return strings.Join(words, "|")
}

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
			if fig := figureIn(ans.Citations[n-1].Quote, l, u.Kinds); fig != "" && !slices.Contains(figures, fig+fmt.Sprintf(" [%d]", n)) {
				figures = append(figures, fig+fmt.Sprintf(" [%d]", n))
			}
		}
	}
	head := "No report states a number; the reports say:"
	if len(figures) > 0 {
		head = "Figures the reports state (see each sentence for what was ordered or delivered): " + strings.Join(figures, "; ") + "."
	}
	ans.Text = head + "\n" + ans.Text
	return ans, nil
}

// figureIn finds a number stated right before the line's system (its
// first word) or a kind of weapon asked about in sentence: "180 K2 tanks"
// gives "180 K2". Years are no figures. "" when there is none.
func figureIn(sentence string, l RelationLine, kinds []string) string {
	var targets []string
	if l.System != "" {
		targets = append(targets, strings.ToLower(strings.Fields(l.System)[0]))
	}
	targets = append(targets, kinds...)
	for _, m := range reFigure.FindAllStringSubmatch(sentence, -1) {
		if n, err := strconv.Atoi(m[1]); err == nil && n >= 1900 && n <= 2100 {
			continue
		}
		word := strings.ToLower(strings.Trim(m[2], ".,;:()"))
		for _, t := range targets {
			if word == t || strings.HasPrefix(t, word) && len(word) > 3 || strings.HasPrefix(word, t) {
				return figureNumber(m[1]) + " " + strings.Trim(m[2], ".,;:()")
			}
		}
	}
	return ""
}

func figureNumber(s string) string {
	if n, ok := numberWords[strings.ToLower(s)]; ok {
		return strconv.Itoa(n)
	}
	return s
}
