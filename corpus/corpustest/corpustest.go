// Package corpustest generates synthetic reports for benchmarks and load
// tests: deterministic for a seed, about the size and shape of real news
// reports (paragraphs of sentences naming countries, weapons, years and
// ordinary words), so index and answer costs can be measured at scale.
package corpustest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot"
)

var (
	countries = []string{"Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Russia", "China",
		"Turkey", "Iran", "France", "Germany", "Italy", "Spain", "Israel", "Belarus", "United States", "South Korea",
		"India", "Pakistan", "Brazil", "Egypt", "Nigeria", "Indonesia", "Vietnam", "Poland", "Ukraine", "Serbia",
		"Algeria", "Morocco", "Saudi Arabia", "Qatar", "Azerbaijan", "Armenia", "Georgia", "Mongolia", "Thailand"}
	weapons = []string{"armed drones", "UAVs", "transport helicopters", "combat aircraft", "trainer aircraft",
		"air defence systems", "SAM systems", "armoured vehicles", "tanks", "howitzers", "rocket launchers",
		"anti-tank missiles", "patrol boats", "corvettes", "radars", "aircraft engines", "loitering munitions"}
	verbs = []string{"delivered", "supplied", "sold", "exported", "ordered", "bought", "received", "is negotiating for",
		"signed a contract for", "is considering", "donated", "handed over"}
	filler = strings.Fields(`the ministry said officials on monday a statement reported that analysts expect
		further talks between governments over the next year while budgets grew and procurement slowed after
		elections in spring parliament approved spending for border security training exercises and maintenance
		contracts with local firms were extended although observers noted delays in payment and questions about
		transparency remain as regional tensions rise with neighbours along the frontier where troops patrol
		mountain passes in winter conditions that strain logistics and fuel supplies for garrisons far from the
		capital while industry leaders promoted cooperation at an exhibition attended by delegations from many
		states who discussed financing credit guarantees technology transfer and local assembly of equipment`)
)

// Options shape generated reports. Zero values mean defaults.
type Options struct {
	Seed  uint64 // 0 means 1
	Words int    // approximate words per report; 0 means 600
	// TransferEvery makes one sentence in this many a transfer statement
	// ("Turkey delivered 12 armed drones to Kazakhstan in 2021"); 0 means
	// 3, a dense arms-trade report with about 12 relations per 600 words.
	TransferEvery int
	// Vocabulary, when above the ~120 built-in ordinary words, draws the
	// ordinary words from a Zipf distribution (s = 1.1) over that many
	// words, as word frequencies fall off in real text: the built-in words
	// spread over the first 1,200 ranks (every tenth), made-up words
	// ("tavorin", "kelumat") everywhere else. 0 keeps the small uniform
	// vocabulary, where every ordinary word is in about a third of all
	// passages: a worst case for passage search, since a question of three
	// such words then matches some 4% of the index.
	Vocabulary int
}

// vocabulary returns n words by rank, most frequent first: the filler
// words at every tenth rank from the third, made-up words around them.
func vocabulary(n int) []string {
	syll := []string{"ta", "vo", "rin", "ke", "lu", "mat", "so", "ber", "di", "nar", "pe", "xo", "li", "gan", "ru", "fe"}
	var words []string
	seen := map[string]bool{}
	for _, w := range filler {
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	out := make([]string, n)
	next := 0
	for i := range out {
		if i >= 2 && (i-2)%10 == 0 && (i-2)/10 < len(words) {
			out[i] = words[(i-2)/10]
			continue
		}
		w, k := "", next+len(syll)
		for k > 0 {
			w += syll[k%len(syll)]
			k /= len(syll)
		}
		out[i] = w + "a"
		next++
	}
	return out
}

// Reports returns n reports with IDs gen-000000, gen-000001, ...
func Reports(n int, opts Options) []bot.Report {
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	if opts.Words <= 0 {
		opts.Words = 600
	}
	if opts.TransferEvery <= 0 {
		opts.TransferEvery = 3
	}
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	word := func() string { return filler[rng.IntN(len(filler))] }
	if opts.Vocabulary > len(filler) {
		vocab := vocabulary(opts.Vocabulary)
		z := rand.NewZipf(rng, 1.1, 1, uint64(len(vocab)-1))
		word = func() string { return vocab[z.Uint64()] }
	}
	out := make([]bot.Report, n)
	for i := range out {
		out[i] = report(rng, i, opts, base, word)
	}
	return out
}

func report(rng *rand.Rand, i int, opts Options, base time.Time, word func() string) bot.Report {
	words := opts.Words
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	recipient, supplier := pick(countries), pick(countries)
	var body strings.Builder
	n := 0
	for n < words {
		sentences := 3 + rng.IntN(3)
		for s := 0; s < sentences && n < words; s++ {
			var sent string
			if rng.IntN(opts.TransferEvery) == 0 {
				sent = fmt.Sprintf("%s %s %d %s to %s in %d", pick(countries), pick(verbs), 2+rng.IntN(20), pick(weapons), pick(countries), 2000+rng.IntN(26))
			} else {
				k := 8 + rng.IntN(14)
				ws := make([]string, k)
				for j := range ws {
					ws[j] = word()
				}
				if rng.IntN(2) == 0 {
					ws[rng.IntN(k)] = recipient
				}
				sent = strings.Join(ws, " ")
			}
			sent = strings.ToUpper(sent[:1]) + sent[1:] + ". "
			body.WriteString(sent)
			n += strings.Count(sent, " ")
		}
		body.WriteString("\n\n")
	}
	return bot.Report{
		ID:        fmt.Sprintf("gen-%06d", i),
		Title:     fmt.Sprintf("%s and %s: %s", supplier, recipient, pick(weapons)),
		Source:    "Generated Wire",
		URL:       fmt.Sprintf("https://example.org/gen/%d", i),
		Published: base.AddDate(0, 0, rng.IntN(3650)),
		Body:      strings.TrimSpace(body.String()),
	}
}

// Questions are typical "who supplies whom" questions for benchmarks over
// generated reports; they are answered from supply relations.
var Questions = []string{
	"Who supplies Kazakhstan with drones?",
	"what has Turkey sold to Uzbekistan",
	"air defence Kyrgyzstan",
	"helicopters Uzbekistan",
	"China armoured vehicles Turkmenistan",
	"suppliers Tajikistan",
	"which countries does Israel supply with radars",
	"Iran UAVs Tajikistan 2021",
}

// PassageQuestions are questions answered by quoting passages.
var PassageQuestions = []string{
	"border security training exercises",
	"procurement delays and transparency",
	"defence budget of Kazakhstan",
	"exhibition delegations technology transfer",
	"patrol boats Caspian",
	"local assembly of equipment in Uzbekistan",
	"who exports patrol boats",
	"winter logistics garrisons fuel",
}
