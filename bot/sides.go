package bot

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot/gazetteer"
	"github.com/briefbot/briefbot/bot/weapons"
)

// askedBefore reports whether a "which" or "what" stands right before pos:
// the question asks which members of a group ("which Central Asian
// countries").
func askedBefore(words []wordSpan, pos int) bool {
	before := wordsBefore(words, pos, 1)
	return len(before) == 1 && (before[0] == "which" || before[0] == "what")
}

// askedSide places a group the question asks about on the side the named
// countries leave open ("which Central Asian countries has Turkey supplied
// drones to?": Turkey supplies, the group receives) and makes the answer
// list that side. Nothing else named, the group is the recipients' region.
func (u *Understanding) askedSide(ms []mention) {
	i := slices.IndexFunc(ms, func(m mention) bool { return m.asked })
	if i < 0 {
		return
	}
	m := ms[i]
	u.Group = m.group
	switch {
	case len(u.Suppliers) > 0 && len(u.Recipients) == 0:
		u.Recipients, u.Intent = m.names, IntentRecipients
	case len(u.Recipients) > 0 && len(u.Suppliers) == 0:
		u.Suppliers, u.Intent, u.Group = m.names, IntentSuppliers, ""
	case len(u.Recipients) == 0:
		u.Recipients, u.Intent = m.names, IntentSuppliers
	}
}

// sideFromNeighbours gives a mention the verb did not place a side from
// its neighbours: the next of a list ("to Uzbekistan and Kazakhstan") takes
// the side of the one before it, and an owner ("Jakarta's purchase from
// Moscow") the side opposite the other party's.
func sideFromNeighbours(text string, words []wordSpan, ms []mention) {
	for i := range ms {
		m := &ms[i]
		if m.side != unknownSide || m.asked || m.kind == gazetteer.GroupMention {
			continue
		}
		before := wordsBefore(words, m.start, 1)
		if i > 0 && ms[i-1].side != unknownSide && len(before) == 1 && (before[0] == "and" || before[0] == "or") &&
			len(wordsBetween(words, ms[i-1].end, m.start)) == 1 {
			m.side = ms[i-1].side
			continue
		}
		if !possessiveAt(text, m.end) {
			continue
		}
		other := unknownSide
		for j, o := range ms {
			if j != i && o.side != unknownSide {
				other = o.side
			}
		}
		switch other {
		case supplierSide:
			m.side = recipientSide
		case recipientSide:
			m.side = supplierSide
		}
	}
}

// possessiveAt reports whether a possessive "'s" follows position end.
func possessiveAt(text string, end int) bool {
	rest := text[end:]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "' ")
}

func wordsBetween(words []wordSpan, from, to int) []string {
	var out []string
	for _, w := range words {
		if w.start >= from && w.end <= to {
			out = append(out, w.w)
		}
	}
	return out
}

// licenceWords say outright that a system is built under licence.
var licenceWords = wordSet("licence license licensed licenced licences licenses licensing")

// buildSides settles a question whose verb is "build" or "produce". With a
// foreign source named ("Chinese drones", "from China") or a licence, the
// builder is the licensee, a recipient, and buildSides returns true.
// Otherwise the builder makes arms for others ("does Turkey build drones
// for Kazakhstan?"): it supplies, and whoever it builds for receives.
func buildSides(text string, words []wordSpan, ms []mention, verbAt int) bool {
	foreign := hasAny(words, licenceWords)
	for i := range ms {
		m := &ms[i]
		if m.kind == gazetteer.DemonymMention && m.start > verbAt && forcesAfter(text, m.end) && forBefore(words, m.start) {
			m.side = recipientSide // "building for the Royal Malaysian Navy": whose forces
			continue
		}
		if m.kind == gazetteer.DemonymMention && m.start > verbAt && m.side == unknownSide {
			m.side = supplierSide // "build American submarines": whose design
		}
		if m.start > verbAt && m.side == unknownSide {
			if before := wordsBefore(words, m.start, 1); len(before) == 1 && before[0] == "with" {
				m.side = supplierSide // "jointly produce drones with Israel": the partner's design
			}
		}
		foreign = foreign || m.side == supplierSide
	}
	if foreign {
		return true
	}
	for i := range ms {
		m := &ms[i]
		before := wordsBefore(words, m.start, 1)
		switch {
		case m.start < verbAt && m.side == recipientSide:
			m.side = supplierSide
		case m.start > verbAt && len(before) == 1 && before[0] == "for":
			m.side = recipientSide
		}
	}
	return false
}

// forBefore reports whether "for" governs the mention at pos, over an
// article and "Royal" ("for the Royal Malaysian Navy").
func forBefore(words []wordSpan, pos int) bool {
	before := wordsBefore(words, pos, 3)
	for i := len(before) - 1; i >= 0; i-- {
		switch before[i] {
		case "for":
			return true
		case "the", "royal":
			continue
		}
		return false
	}
	return false
}

// orientByOrigin settles a question that names two countries without
// saying who supplies whom ("Jakarta's Su-35 deal with Moscow") by the
// known origin of the system asked about: its maker's country supplies.
func (u *Understanding) orientByOrigin() {
	if !u.Either || u.System == "" {
		return
	}
	s, ok := weapons.LookupSystem(u.System)
	if !ok || s.Origin == "" {
		return
	}
	switch {
	case slices.Contains(u.Suppliers, s.Origin):
		u.Either = false
	case slices.Contains(u.Recipients, s.Origin):
		u.Suppliers, u.Recipients, u.Either = u.Recipients, u.Suppliers, false
	}
}

// notDesignations are words with digits that name no weapon.
var notDesignations = wordSet("g7 g8 g20 covid-19 covid19 5g 4g p5 q1 q2 q3 q4 h1 h2 fy2024 fy2025 fy2026")

// reToken finds words with inner hyphens and dots ("KF-21", "Su-35S").
var reToken = regexp.MustCompile(`[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*`)

// unknownDesignation finds a system the weapons lexicon does not know:
// letters with digits ("Hunter-2B", "KF-21s" as KF-21), or a capitalised
// word right before a weapon word ("Caracal rifles", "Kaan fighters"), not
// the first word and not a country. "" when there is none.
func unknownDesignation(text string) string {
	places := gazetteer.Default().Find(text)
	inPlace := func(start, end int) bool {
		return slices.ContainsFunc(places, func(p gazetteer.Mention) bool { return start < p.End && end > p.Start })
	}
	locs := reToken.FindAllStringIndex(text, 12)
	for k, loc := range locs {
		tok := text[loc[0]:loc[1]]
		if inPlace(loc[0], loc[1]) {
			continue
		}
		first, _ := utf8.DecodeRuneInString(tok)
		switch {
		case notDesignations[strings.ToLower(tok)]:
			continue
		case unicode.IsLetter(first) && strings.ContainsFunc(tok, unicode.IsDigit):
			if len(tok) <= 2 && !genericWeaponAt(text, loc[1]) {
				continue // "Q3", "H1": a short one only before a weapon word ("K7 rifles")
			}
			if strings.HasSuffix(tok, "s") && len(tok) > 2 && unicode.IsDigit(rune(tok[len(tok)-2])) {
				tok = tok[:len(tok)-1] // a plural: "KF-21s"
			}
			return tok
		case k > 0 && unicode.IsUpper(first) && utf8.RuneCountInString(tok) >= 3 && !questionWords[strings.ToLower(tok)] &&
			genericWeaponAt(text, loc[1]):
			// "the Adelaide-class frigates": the class is named Adelaide,
			// as the extractor names it; "a Samuel Beckett-class vessel":
			// Samuel Beckett, capitalised words before it included.
			name := strings.TrimSuffix(strings.TrimSuffix(tok, "-class"), "-Class")
			for p := k - 1; p > 0; p-- {
				prev := text[locs[p][0]:locs[p][1]]
				r, _ := utf8.DecodeRuneInString(prev)
				if !unicode.IsUpper(r) || utf8.RuneCountInString(prev) < 3 || questionWords[strings.ToLower(prev)] ||
					notDesignations[strings.ToLower(prev)] || inPlace(locs[p][0], locs[p][1]) || text[locs[p][1]:locs[p+1][0]] != " " {
					break
				}
				name = prev + " " + name
			}
			return name
		}
	}
	return ""
}

// genericNouns follow a designation as often as weapon words do ("Redback
// vehicles", "Hunter systems").
var genericNouns = wordSet("vehicle vehicles system systems launcher launchers vessel vessels boat boats gun guns")

// genericWeaponAt reports whether a generic weapon word (not a named
// system) starts right after one space at pos.
func genericWeaponAt(text string, pos int) bool {
	if !strings.HasPrefix(text[pos:], " ") {
		return false
	}
	rest := text[pos+1 : min(len(text), pos+41)]
	if w := reToken.FindString(rest); w != "" && strings.HasPrefix(rest, w) && genericNouns[strings.ToLower(w)] {
		return true
	}
	ms := weapons.Find(rest)
	return len(ms) > 0 && ms[0].Start == 0 && ms[0].System == ""
}

// pluralSystem finds a known system written in the plural, which the
// lexicon does not match ("Gripens", "Rafales"): "" when there is none.
func pluralSystem(text string) string {
	for _, w := range reToken.FindAllString(text, 24) {
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(first) || !strings.HasSuffix(w, "s") || len(w) < 4 {
			continue
		}
		if s, ok := weapons.LookupSystem(strings.TrimSuffix(w, "s")); ok {
			return s.Name
		}
	}
	return ""
}

// maskDesignations blanks words that mix letters and digits, so that the
// digits of "FD-2000" or "Su-35" are not read as years or numbers.
func maskDesignations(s string) string {
	return reToken.ReplaceAllStringFunc(s, func(w string) string {
		if strings.ContainsFunc(w, unicode.IsLetter) && strings.ContainsFunc(w, unicode.IsDigit) {
			return strings.Repeat(" ", len(w))
		}
		return w
	})
}

// possessiveNoun: "Turkey's drone exports", "Kazakhstan's main arms
// supplier": an owner whose noun, within three words, is one of nouns.
func possessiveNoun(text string, end int, after []string, nouns map[string]bool) bool {
	if !possessiveAt(text, end) {
		return false
	}
	for i, w := range after {
		if i == 3 {
			break
		}
		if nouns[w] {
			return true
		}
	}
	return false
}

// nounAfterWeapons: "kazakhstan drones suppliers", "Turkey drone
// customers": a country, then nothing but weapon words, then one of nouns
// (at most three words on).
func nounAfterWeapons(text string, words []wordSpan, end int, nouns map[string]bool) bool {
	for i, w := range words {
		if w.start < end {
			continue
		}
		for _, n := range words[i+1 : min(len(words), i+4)] {
			if !nouns[n.w] {
				continue
			}
			between := strings.TrimSpace(text[end:n.start])
			return between != "" && onlyWeaponWords(between)
		}
		return false
	}
	return false
}

// onlyWeaponWords reports whether s is nothing but weapon words: kinds,
// categories or named systems ("armoured vehicles", "drone", "Su-30SM").
func onlyWeaponWords(s string) bool {
	covered := 0
	for _, m := range weapons.Find(capitalisedIfLower(s)) {
		if strings.TrimSpace(s[covered:m.Start]) != "" {
			return false
		}
		covered = m.End
	}
	return covered > 0 && strings.TrimSpace(s[covered:]) == ""
}

// armsGo reports whether a possessive country is followed by its arms
// going somewhere ("where Russia's arms go", "Turkey's weapons went"): the
// country supplies them.
func armsGo(text string, end int, after []string) bool {
	return possessiveAt(text, end) && len(after) >= 2 && wordSet("arms weapons")[after[0]] &&
		wordSet("go goes went going end ends ended")[after[1]]
}

// demonymSide is the side of a demonym before a weapon: its maker's
// ("Turkish drones"), unless the weapon is a known system made elsewhere,
// which makes the demonym its buyer ("the Indonesian Su-35 order").
func demonymSide(text string, names []string, end int) side {
	rest := strings.TrimLeft(text[end:], " -")
	origin := ""
	if ms := weapons.Find(rest[:min(len(rest), 60)]); len(ms) > 0 && ms[0].Start == 0 {
		origin = ms[0].Origin
	} else if s := pluralSystem(reToken.FindString(rest)); s != "" && strings.HasPrefix(rest, reToken.FindString(rest)) {
		sys, _ := weapons.LookupSystem(s)
		origin = sys.Origin
	}
	if origin != "" && !slices.Contains(names, origin) {
		return recipientSide
	}
	return supplierSide
}

// longerSystem is the system of a lexicon match, or a longer designation
// when the word it stands in says more: a known system in the plural
// ("Su-30SMs" is the Su-30SM, not the Su-30 the lexicon matched first), or
// a variant the lexicon does not list ("Tor-M2", "M-346FA"), kept as
// written so that only that variant is asked for.
func longerSystem(text string, m weapons.Match) string {
	for _, loc := range reToken.FindAllStringIndex(text, -1) {
		if loc[0] > m.Start || loc[1] <= m.End {
			continue
		}
		word := text[loc[0]:loc[1]]
		if s, ok := weapons.LookupSystem(word); ok {
			return s.Name
		}
		if s, ok := weapons.LookupSystem(strings.TrimSuffix(word, "s")); ok {
			return s.Name
		}
		if strings.ContainsFunc(word, unicode.IsDigit) && !strings.HasSuffix(strings.ToLower(word), "s") {
			return word
		}
		break
	}
	return m.System
}

// notCounterpart are words before a country that set it beside the other
// named country rather than against it ("more than Russia", "compared
// with China").
var notCounterpart = wordSet("than with versus vs like besides except unlike over and or nor")

// fillOtherSide gives the one country a question leaves without a side the
// side no other country has, when the question is about a weapon: "are
// Emirati drones reaching Sudan?", "Chinese drones in Serbia".
func fillOtherSide(words []wordSpan, ms []mention, weapon bool) {
	if !weapon {
		return
	}
	var open []int
	sides := map[side]bool{}
	for i, m := range ms {
		switch {
		case m.asked:
			return
		case m.side == unknownSide:
			open = append(open, i)
		default:
			sides[m.side] = true
		}
	}
	if len(open) != 1 || len(sides) != 1 || ms[open[0]].kind == gazetteer.ManufacturerMention {
		return
	}
	if before := wordsBefore(words, ms[open[0]].start, 2); len(before) > 0 && notCounterpart[before[len(before)-1]] &&
		!(before[len(before)-1] == "with" && len(before) == 2 && dealNouns[before[0]]) { // "deals with Egypt" names the other party
		return
	}
	if sides[supplierSide] {
		ms[open[0]].side = recipientSide
	} else {
		ms[open[0]].side = supplierSide
	}
}

// namesakeOfKind settles a system name followed at once by a weapon word of
// another category ("Cobra helicopters": the lexicon's "Cobra" is a
// vehicle): the known system of that category whose name holds the word,
// or, when the lexicon has none, the word itself as an unknown designation.
// A word that loosely names the system's own kind is no namesake: loitering
// munitions (Missiles) are called drones, and air-defence systems missiles
// ("Harop drones", "FK-3 missiles").
func namesakeOfKind(m, next weapons.Match, text string) (string, bool) {
	if next.System != "" || next.Category == "" || next.Category == m.Category ||
		next.Start < m.End || strings.TrimSpace(text[m.End:next.Start]) != "" {
		return "", false
	}
	for _, s := range weapons.Systems() {
		if s.Category != next.Category {
			continue
		}
		for _, w := range strings.Fields(s.Name) {
			if strings.EqualFold(w, m.Text) {
				return s.Name, true
			}
		}
	}
	if looseKindWord[[2]weapons.Category{m.Category, next.Category}] {
		return "", false
	}
	return m.Text, true
}

// looseKindWord: {system's category, category of the word after it} pairs
// where the word is a common loose name for the system's kind.
var looseKindWord = map[[2]weapons.Category]bool{
	{weapons.Missiles, weapons.Aircraft}:   true,
	{weapons.AirDefence, weapons.Missiles}: true,
	{weapons.Artillery, weapons.Missiles}:  true, // "HIMARS launchers", "Grad rockets"
}
