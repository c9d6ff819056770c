package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Bounds that keep the work on one sentence small whatever its length.
const (
	maxActors   = 256 // actor mentions read per sentence
	maxItems    = 256 // weapon items read per sentence
	maxTriggers = 64  // triggers read per sentence
	maxLists    = 128 // actor lists per sentence
	maxRels     = 256 // relations returned per sentence
)

// actor is one mention of a country, capital, demonym, group or
// manufacturer standing for a country.
type actor struct {
	ti, tj    int // token range
	kind      gazetteer.MentionKind
	countries []string // canonical names; group members sorted
	homes     []string // every home country of a multinational maker ("Airbus"), else nil
	group     string   // group name for a group mention
	poss      bool     // followed by "'s"
	made      bool     // "X-made", "X-built": the origin of a weapon
	drop      bool     // not an actor ("Russian-language", "Soviet-era")
	org       bool     // a demonym or possessive before an organisation ("Kyrgyz defence ministry")
	origin    int      // weapon item it qualifies, -1
	owner     int      // weapon item it possesses ("Egypt's M-346"), -1
	agentOf   int      // trigger it possesses or qualifies ("Uzbekistan's purchase"), -1
	list      int      // index of its list
}

// alist is a list of actors joined by "and" or commas, or a pronoun that
// stands for one ("it", "its", "which", "the country").
type alist struct {
	ti, tj  int
	members []int  // actor indices; empty for a pronoun
	prep    string // governing preposition, "" for a subject or object
	place   bool   // a place or a source, not a party
	except  bool   // "except Turkmenistan"
	builtIn bool   // "built in X", "built by X", "made in X": the maker
	pron    string // the pronoun, for a pronoun list
}

// item is a weapon (a named system and/or a generic word) or a generic arms
// word ("weapons").
type item struct {
	ti, tj   int
	system   string
	canon    string // the weapons package's designation of a known system, "" otherwise
	category string
	arms     bool  // a generic arms word, no category
	org      bool  // a modifier of an organisation ("air defence forces"): not a weapon
	origins  []int // actors that qualify it ("Chinese-made")
	madeOrig bool  // an origin is an "X-made" adjective
	owner    int   // possessor actor, -1
	builtBy  []int // lists of "built in/by X" after it
	more     bool  // preceded by "more", "another", "additional"
}

// trig is one trigger occurrence.
type trig struct {
	ti, tj  int
	spec    trigSpec
	noun    bool
	passive bool
	toBe    bool // "are to be delivered", "due to be"
	prog    bool // "is buying"
	reduced bool // a reduced relative: "fighters ordered from Russia"
	later   bool // a delivery participle follows: "ordered in 2007, delivered in 2008"
	cutAt   int  // an appositive starts here and ends the trigger's object; 0 if none
	drop    bool
	// objected: an objection governs it ("opposition to the sale of"); its
	// clause states no transfer, implicit or not.
	objected bool
}

func (a *analysis) findActors() {
	a.gazetteerActors()
	a.governmentActors()
	a.indexActors()
	a.markCompounds()
	a.subsidiaryCountries()
	a.dropDateline()
	a.dropSingularGroups()
	a.dropCurrencyActors()
	a.dropInstitutionNames()
}

// institutionWords, capitalised after a place name, make it part of an
// institution's name: "Stockholm International Peace Research Institute",
// "Kyiv International Airport", "Moscow State University".
var institutionWords = words("international institute university forum conference airport summit centre center " +
	"academy college school museum state")

// dropInstitutionNames drops a capital or country named as the first word
// of an institution ("the Stockholm International Peace Research Institute
// (SIPRI) says ...": Sweden is no party to what SIPRI reports).
func (a *analysis) dropInstitutionNames() {
	toks := a.toks
	for k := range a.actors {
		ac := &a.actors[k]
		if ac.kind != gazetteer.CapitalMention || ac.tj+1 >= len(toks) {
			continue
		}
		if n := toks[ac.tj]; n.upper && institutionWords[n.w] && toks[ac.tj+1].upper {
			ac.drop = true
		}
	}
}

// dropSingularGroups drops a regional group named as an adjective of one
// country: "the only European country with a Chinese FK-3", "another
// Central Asian state". One unnamed member is not the group; "European
// countries" still is.
func (a *analysis) dropSingularGroups() {
	toks := a.toks
	for k := range a.actors {
		ac := &a.actors[k]
		if ac.kind != gazetteer.GroupMention || ac.tj >= len(toks) || !singularCountryNouns[toks[ac.tj].w] {
			continue
		}
		j := ac.ti - 1
		for j >= 0 && ordinalWords[toks[j].w] {
			j--
		}
		if j < 0 {
			continue
		}
		switch toks[j].w {
		case "a", "an", "another", "one":
			ac.drop = true
		case "the":
			// "Serbia is the only European country with ...",
			// "Kazakhstan has become the first Central Asian country to
			// operate ...": "the ... country" is one country, named
			// elsewhere, never the whole group.
			ac.drop = true
		}
	}
}

// ordinalWords may stand between an article and a group adjective: "the
// only other Central Asian country", "the first European state".
var ordinalWords = words("only other first second third last sole single")

// singularCountryNouns after a group adjective make it describe one country.
var singularCountryNouns = words("country state nation republic power monarchy government ally partner buyer customer operator")

// dropDateline removes the actors of a news dateline at the sentence's
// start: "BEIRUT - ...", "WASHINGTON, July 17 (Reuters) - ...", "KYIV,
// Ukraine (AP) - ...", "NEW DELHI: ...". A dateline says where a story was
// filed; the place is never a party to what the story reports.
func (a *analysis) dropDateline() {
	end := a.datelineEnd()
	if end > 0 {
		a.bodyFrom = a.toks[end].e
	}
	for t := 0; t < end; t++ {
		if k := a.actorAt[t]; k >= 0 {
			a.actors[k].drop = true
			a.actorAt[t] = -1
		}
	}
}

// body is the sentence after its dateline, if any: the text whose
// countries count as named ("MOSCOW - India has received S-400s" does not
// name the S-400's maker).
func (a *analysis) body() string {
	return a.text[a.bodyFrom:]
}

// datelineEnd returns the index of the dash or colon that ends a dateline
// at the sentence's start, 0 when the sentence has none. A dateline is one
// to four capitalised words, then up to two comma parts (a date "July 17",
// a country), then an optional agency in brackets, then the dash or colon.
// It must look like a dateline: its first words in capitals ("BEIRUT"), a
// date or an agency, and no country's name first (a city, or a capital).
// "Turkmenistan: China delivered ..." and "KYRGYZSTAN: ..." open a summary
// with its subject, which is a party.
func (a *analysis) datelineEnd() int {
	toks := a.toks
	n := a.capWordsFrom(0, 4)
	if n == 0 {
		return 0
	}
	styled, ok := a.datelineHead(n)
	if !ok {
		return 0
	}
	j, dated, ok := a.datelineParts(n)
	if !ok {
		return 0
	}
	j, agency, ok := a.datelineAgency(j)
	if !ok {
		return 0
	}
	styled = styled || dated || agency
	if !a.actorBefore(j) || !styled || j >= len(toks) || j+1 >= len(toks) {
		return 0
	}
	switch toks[j].w {
	case "-", ":":
		return j
	}
	return 0
}

// capWordsFrom counts the capitalised words from token j, at most max.
func (a *analysis) capWordsFrom(j, max int) int {
	toks := a.toks
	n := 0
	for j < len(toks) && n < max && toks[j].word && toks[j].upper {
		j, n = j+1, n+1
	}
	return n
}

// datelineHead reads the n capitalised words that open a dateline:
// styled when they are all in capitals and one has three letters or
// more ("BEIRUT"); not ok when one is an actor other than a capital.
func (a *analysis) datelineHead(n int) (styled, ok bool) {
	toks := a.toks
	caps, long := true, false
	for t := 0; t < n; t++ {
		if k := a.actorAt[t]; k >= 0 && a.actors[k].kind != gazetteer.CapitalMention {
			return false, false // "KYRGYZSTAN: Russia delivered ...": a country heading the line is its topic, not where it was filed
		}
		w := a.text[toks[t].s:toks[t].e]
		caps = caps && strings.ToUpper(w) == w
		long = long || len(w) >= 3
	}
	return caps && long, true
}

// datelineParts reads up to two comma parts from token j: a date ("July
// 17", which makes it dated) or one to three capitalised words (a
// country). It returns the token after them; not ok when a comma is
// followed by neither.
func (a *analysis) datelineParts(j int) (end int, dated, ok bool) {
	toks := a.toks
	for parts := 0; parts < 2 && j+1 < len(toks) && toks[j].w == ","; parts++ {
		if months[toks[j+1].w] > 0 && j+2 < len(toks) && toks[j+2].digit {
			j += 3
			dated = true
			continue
		}
		m := a.capWordsFrom(j+1, 3)
		if m == 0 {
			return 0, false, false
		}
		j += 1 + m
	}
	return j, dated, true
}

// datelineAgency reads an optional agency in brackets at token j ("(AFP)",
// at most four words). It returns the token after it; not ok when the
// bracket does not close in reach.
func (a *analysis) datelineAgency(j int) (end int, agency, ok bool) {
	toks := a.toks
	if j >= len(toks) || toks[j].w != "(" {
		return j, false, true
	}
	k := j + 1
	for k < len(toks) && k <= j+5 && toks[k].w != ")" {
		k++
	}
	if k >= len(toks) || toks[k].w != ")" {
		return 0, false, false
	}
	return k + 1, true, true
}

// actorBefore reports whether an actor starts a token before j.
func (a *analysis) actorBefore(j int) bool {
	for t := 0; t < j; t++ {
		if a.actorAt[t] >= 0 {
			return true
		}
	}
	return false
}

// gazetteerActors adds the countries, groups and makers the gazetteer
// finds in the sentence.
func (a *analysis) gazetteerActors() {
	g := a.ex.gaz
	ms := g.Find(a.text)
	for _, m := range ms {
		if len(a.actors) >= maxActors {
			break
		}
		ti, tj := a.tokRange(m.Start, m.End)
		if ti >= tj || a.actorAt[ti] >= 0 {
			continue
		}
		ac := actor{ti: ti, tj: tj, kind: m.Kind, origin: -1, owner: -1, agentOf: -1, list: -1}
		switch m.Kind {
		case gazetteer.GroupMention:
			for _, c := range m.Codes {
				if n := a.ex.name(c); n != "" {
					ac.countries = append(ac.countries, n)
				}
			}
			sort.Strings(ac.countries)
			ac.group = m.Group
			// An alliance or organisation is not a party: "NATO ally
			// Turkey", "arms from the EU" (the annotation leaves them out).
			ac.drop = organisations[m.Group]
		default:
			if len(m.Codes) > 0 {
				if n := a.ex.name(m.Codes[0]); n != "" {
					ac.countries = []string{n}
				}
			}
			if m.Kind == gazetteer.ManufacturerMention && len(m.Codes) > 1 {
				for _, c := range m.Codes {
					ac.homes = append(ac.homes, a.ex.name(c))
				}
			}
		}
		if len(ac.countries) == 0 {
			continue
		}
		a.addActor(ac)
	}
}

// governmentActors adds government bodies and names the gazetteer does not
// list ("State Department", "Kremlin").
func (a *analysis) governmentActors() {
	for i := 0; i < len(a.toks) && len(a.actors) < maxActors; i++ {
		if a.actorAt[i] >= 0 || !a.toks[i].word {
			continue
		}
		code, n := extraActors.match(a.toks, i)
		if n == 0 {
			continue
		}
		if code == "AE" && (i == 0 || a.toks[i-1].w != "the") {
			continue
		}
		clear := true
		for k := i; k < i+n; k++ {
			if a.actorAt[k] >= 0 {
				clear = false
			}
		}
		if !clear {
			continue
		}
		if name := a.ex.name(code); name != "" {
			a.addActor(actor{ti: i, tj: i + n, kind: gazetteer.NameMention, countries: []string{name},
				origin: -1, owner: -1, agentOf: -1, list: -1})
		}
		i += n - 1
	}
}

// indexActors sorts the actors by position and points actorAt at them.
func (a *analysis) indexActors() {
	slices.SortFunc(a.actors, func(x, y actor) int { return x.ti - y.ti })
	for i := range a.actorAt {
		a.actorAt[i] = -1
	}
	for k, ac := range a.actors {
		for t := ac.ti; t < ac.tj; t++ {
			a.actorAt[t] = k
		}
	}
}

// markCompounds marks possessives ("Kazakhstan's") and hyphenated
// compounds: "Turkish-made" (made), "Russia-led" (dropped), "Central
// Asia-China pipeline" (both dropped).
func (a *analysis) markCompounds() {
	toks := a.toks
	for k := range a.actors {
		ac := &a.actors[k]
		j := ac.tj
		if j+1 < len(toks) && toks[j].w == "'" && toks[j+1].w == "s" {
			ac.poss = true
		} else if j < len(toks) && toks[j].w == "'" && toks[j-1].w[len(toks[j-1].w)-1] == 's' {
			ac.poss = true
		}
		if j+1 < len(toks) && toks[j].w == "-" && toks[j].s == toks[j-1].e {
			next := toks[j+1].w
			switch {
			case madeWords[next]:
				ac.made = true
			case notActorAfterHyphen[next]:
				ac.drop = true
			case a.actorAt[j+1] >= 0:
				ac.drop = true // "Central Asia-China pipeline", "Turkey-Azerbaijan ties"
				a.actors[a.actorAt[j+1]].drop = true
			}
		}
		// "Chinese made drones": the hyphen is often left out.
		if ac.kind == gazetteer.DemonymMention && j+1 < len(toks) && (toks[j].w == "made" || toks[j].w == "built") &&
			toks[j+1].word && !functionWords[toks[j+1].w] {
			ac.made = true
		}
		// "Turkey-Azerbaijan ties"; not "NICOSIA - Israel has", a dateline.
		if ac.ti > 1 && toks[ac.ti-1].w == "-" && toks[ac.ti-1].s == toks[ac.ti-2].e && a.actorAt[ac.ti-2] >= 0 {
			ac.drop = true
		}
	}
}

func (a *analysis) addActor(ac actor) {
	for t := ac.ti; t < ac.tj; t++ {
		a.actorAt[t] = len(a.actors)
	}
	a.actors = append(a.actors, ac)
}

// placeMakers gives a multinational maker ("Airbus Defence and Space":
// Germany, Spain, France) the home country that makes the weapon the
// sentence names, by the weapons lexicon (the A400M: Spain, as SIPRI
// counts Airbus transport aircraft). Run after findItems.
func (a *analysis) placeMakers() {
	for k := range a.actors {
		ac := &a.actors[k]
		if len(ac.homes) == 0 {
			continue
		}
		for it := range a.items {
			if m := madeIn(a.items[it].canon); len(m) > 0 && slices.Contains(ac.homes, m[0]) {
				ac.countries = []string{m[0]}
				break
			}
		}
	}
}

// organisations are the groups that name a multilateral body, not a region
// standing for its states.
var organisations = map[string]bool{
	"European Union": true, "NATO": true, "CSTO": true, "SCO": true, "ASEAN": true,
	// Continental regions are no party either: "exports drones to Africa"
	// names no recipient (the bot uses them to filter questions).
	"North Africa": true, "Africa": true, "South America": true, "Latin America": true, "Middle East": true,
	"South Asia": true, "East Asia": true,
}

// extraActors are government bodies and short forms the gazetteer lacks.
var extraActors = newPhraseSet[string]()

func init() {
	extraActors.add("State Department|Pentagon|White House|US State Department|Department of Defense", "US")
	extraActors.add("Emirates", "AE")
	extraActors.add("Kremlin", "RU")
	extraActors.add("Elysee|Élysée", "FR")
	extraActors.add("Bundeswehr|Bundestag", "DE")
}

// tokRange returns the tokens covering bytes [s, e).
func (a *analysis) tokRange(s, e int) (int, int) {
	ti := sort.Search(len(a.toks), func(i int) bool { return a.toks[i].e > s })
	tj := ti
	for tj < len(a.toks) && a.toks[tj].s < e {
		tj++
	}
	return ti, tj
}

// classifyActors decides for each actor whether it qualifies a weapon, owns
// one, is the agent of a nominal trigger, or names an organisation.
func (a *analysis) classifyActors() {
	for k := range a.actors {
		ac := &a.actors[k]
		if ac.drop {
			continue
		}
		j := a.actorHead(ac)
		if j >= len(a.toks) {
			if ac.kind == gazetteer.DemonymMention {
				ac.drop = true
			}
			continue
		}
		if ac.poss && a.possessed(ac) < len(a.toks) && rivalNouns[a.toks[a.possessed(ac)].w] {
			ac.drop = true // "Azerbaijan, Armenia's rival, buys ...": Armenia is no party
			continue
		}
		if next := a.possessed(ac); !ac.poss && ac.tj < len(a.toks) && stanceAfterNouns[a.toks[ac.tj].w] ||
			ac.poss && next < len(a.toks) && stanceAfterNouns[a.toks[next].w] {
			ac.drop = true // "completed with US approval", "under Washington's pressure": a stance, not a party
			continue
		}
		a.classifyBefore(k, j)
		if ac.kind == gazetteer.DemonymMention && ac.made && ac.origin < 0 {
			ac.drop = true
		}
	}
}

// possessed returns the token after a possessive actor's "'s" or "'".
func (a *analysis) possessed(ac *actor) int {
	if ac.tj+1 < len(a.toks) && a.toks[ac.tj+1].w == "s" {
		return ac.tj + 2
	}
	return ac.tj + 1
}

// stanceAfterNouns after a country name what it thinks of a deal: "with US
// approval", "under US pressure", "Germany's consent".
var stanceAfterNouns = words("approval approvals consent blessing " +
	"backing pressure objection objections objecting veto opposition mediation")

// rivalNouns after a possessive country name a relation between states,
// not a party to a transfer: "Armenia's rival", "Russia's neighbour".
var rivalNouns = words("rival rivals neighbour neighbours neighbor neighbors enemy enemies adversary " +
	"adversaries foe foes competitor competitors")

// actorHead returns the token an actor qualifies: past its possessive or
// "-made", coordinated demonyms ("Russian and Chinese arms") and up to
// three modifiers.
func (a *analysis) actorHead(ac *actor) int {
	toks := a.toks
	j := ac.tj
	if ac.poss {
		j += 2
		if j <= len(toks) && toks[j-1].w != "s" {
			j--
		}
	} else if ac.made {
		j += madeLen(toks, j)
	}
	for j < len(toks) && (toks[j].w == "and" || toks[j].w == "or" || toks[j].w == ",") && j+1 < len(toks) &&
		a.actorAt[j+1] >= 0 && a.actors[a.actorAt[j+1]].kind == gazetteer.DemonymMention && ac.kind == gazetteer.DemonymMention {
		nk := a.actorAt[j+1]
		j = a.actors[nk].tj
		if a.actors[nk].made {
			j += madeLen(toks, j)
		}
	}
	for n := 0; n < 3 && j < len(toks) && a.itemAt[j] < 0 && a.trigAt[j] < 0 && a.actorAt[j] < 0 &&
		(isModifier(toks[j]) || superlative[toks[j].w]) && !triggers.has(toks[j].w) && !cues.has(toks[j].w) && !notModifier[toks[j].w]; n++ {
		j++
	}
	return j
}

// classifyBefore decides what actor k is to the token j it qualifies: the
// agent of a nominal trigger ("Washington's arms sales"), the owner or the
// origin of a weapon, an organisation's name, or nothing (a lone demonym is
// dropped).
func (a *analysis) classifyBefore(k, j int) {
	ac := &a.actors[k]
	switch {
	case ac.poss && a.itemAt[j] >= 0 && a.items[a.itemAt[j]].arms && a.nounTriggerAt(a.items[a.itemAt[j]].tj):
		// "Washington's arms sales to Taiwan": the possessor sells.
		ac.agentOf = a.trigAt[a.items[a.itemAt[j]].tj]
	case a.itemAt[j] >= 0 && !a.items[a.itemAt[j]].org:
		a.qualifyItem(k, a.itemAt[j])
	case a.trigAt[j] >= 0 && a.trigs[a.trigAt[j]].noun:
		ac.agentOf = a.trigAt[j]
	case a.actorAt[j] >= 0 && ac.poss:
		// "Turkey's Dearsan": the same party.
	case a.militaryBeforeItem(j) >= 0:
		// "Israeli military drones", "16 Russian military transport helicopters"
		a.qualifyItem(k, a.militaryBeforeItem(j))
	case a.markSecondHand(k):
		// "ex-German Navy patrol boats", "formerly of the US Coast Guard"
	case isOrgAhead(a.toks, j) || a.republicNamed(ac):
		ac.org = true
	default:
		if ac.kind == gazetteer.DemonymMention && !ac.made {
			ac.drop = true
		}
	}
}

// qualifyItem makes actor k the owner of item it ("Kazakhstan's Su-30SMs")
// or its origin ("Russian", "Turkish-made", a maker's name).
func (a *analysis) qualifyItem(k, it int) {
	ac := &a.actors[k]
	if ac.poss && ac.kind != gazetteer.DemonymMention {
		ac.owner = it
		a.items[it].owner = k
	} else if ac.kind == gazetteer.DemonymMention || ac.made || ac.kind == gazetteer.ManufacturerMention || a.attributiveAbbrev(k, it) {
		ac.origin = it
		a.items[it].origins = append(a.items[it].origins, k)
		if ac.made || ac.kind == gazetteer.ManufacturerMention {
			a.items[it].madeOrig = true
		}
	}
}

// attributiveAbbrev reports whether actor k is "US" or "UK" written right
// before weapon it, as an adjective: "Riyadh also buys US jets".
func (a *analysis) attributiveAbbrev(k, it int) bool {
	ac := &a.actors[k]
	if ac.kind != gazetteer.NameMention || ac.poss || ac.tj != a.items[it].ti || ac.tj-ac.ti != 1 || len(ac.countries) != 1 {
		return false
	}
	w := a.text[a.toks[ac.ti].s:a.toks[ac.ti].e]
	return (w == "US" || w == "UK") && (ac.countries[0] == "United States" || ac.countries[0] == "United Kingdom")
}

// nounTriggerAt reports whether a nominal trigger starts at token t.
func (a *analysis) nounTriggerAt(t int) bool {
	return t < len(a.toks) && a.trigAt[t] >= 0 && a.trigs[a.trigAt[t]].noun
}

// isModifier reports whether t may stand between a name and the noun it
// qualifies ("Egypt's [new] M-346", "Chinese-[designed light] vehicles").
func isModifier(t tok) bool {
	if !t.word {
		return t.w == "-" || t.w == "'" || t.w == "\""
	}
	if t.digit {
		return true
	}
	return !functionWords[t.w] && !orgNouns[t.w]
}

// isOrgAhead reports whether an organisation noun follows within three words.
func isOrgAhead(toks []tok, j int) bool {
	for n := 0; n < 4 && j < len(toks); n, j = n+1, j+1 {
		if !toks[j].word {
			return false
		}
		if orgNouns[toks[j].w] {
			return true
		}
		if functionWords[toks[j].w] && !orgAndAhead(toks, j) {
			return false
		}
	}
	return false
}

// notModifier are words that end the noun phrase after a name.
// superlative marks the function words that open a modifier of the head
// ("Turkmenistan's most frequent supplier").
var superlative = words("most least")

var notModifier = words("include includes included including comprise comprises are is was were has have had " +
	"deals deal contracts contract orders record records list lists account accounts")

var functionWords = words("the a an and or of to from for with by in at on as but while that which who " +
	"whom whose this these those it its their his her is are was were be been being has have had will would " +
	"shall should may might could can do does did not no never also than then there here so such into over " +
	"under about after before since until between among during against via per within without more most " +
	"some any all both each every other another said says")

// madeLen is the length of the "-made" (2 tokens) or spaced "made" (1)
// that follows a maker at token j.
func madeLen(toks []tok, j int) int {
	if j < len(toks) && toks[j].w == "-" {
		return 2
	}
	return 1
}
