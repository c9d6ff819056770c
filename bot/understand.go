package bot

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot/gazetteer"
	"github.com/briefbot/briefbot/bot/weapons"
)

// Intent is what kind of answer a question asks for.
type Intent int

const (
	// IntentPassages: no supply relation is asked for; quote passages.
	IntentPassages Intent = iota
	// IntentSuppliers: who supplies Recipients ("who arms Kazakhstan?").
	IntentSuppliers
	// IntentRecipients: whom Suppliers supply ("what has Turkey sold?").
	IntentRecipients
	// IntentBetween: transfers from Suppliers to Recipients, or either way
	// when Either is set ("Turkey and Kazakhstan").
	IntentBetween
)

func (i Intent) String() string {
	return [...]string{"passages", "suppliers", "recipients", "between"}[i]
}

// Understanding is what a question was read to ask.
type Understanding struct {
	Intent     Intent
	Suppliers  []string // canonical country names
	Recipients []string
	Either     bool
	Group      string   // display name of a regional group named, e.g. "Central Asia"
	Categories []string // SIPRI categories named ("drones" gives Aircraft)
	Kinds      []string // generic weapon words that narrow a category ("drone", "helicopter")
	System     string   // a named system
	// SystemWord is how the question writes the system when that differs
	// from System ("Cobra" read as the AH-1 Cobra), "" otherwise.
	SystemWord string
	YearFrom   int
	YearTo     int
	// ByVolume asks to rank by the volume of transfers (SIPRI TIV) rather
	// than by the number of deals ("by volume", "TIV", "value").
	ByVolume bool
	// Form is the shape of answer asked for: a list (the default), a yes/no
	// check, a deal's story, a region's overview or a count.
	Form Form
	// Licence is set when the question asks about building a foreign
	// system at home ("is Riyadh going to build Chinese drones?").
	Licence bool
	// Further is set when the question asks about a further batch ("six
	// more A-29s", "a second batch of Su-30SM2s"), not the first.
	Further bool
	// YesNo is set when a yes/no question about a cancellation is answered
	// by the deal's story ("did Britain suspend arms sales to Pakistan?"):
	// with no deal on record, the answer is a plain "no report says so".
	YesNo bool
}

// side is what a country mention was read to be.
type side int

const (
	unknownSide side = iota
	supplierSide
	recipientSide
)

type mention struct {
	start, end int
	names      []string
	group      string
	kind       gazetteer.MentionKind
	homes      []string // a multinational maker's home countries, principal first
	side       side
	asked      bool // the side the question asks for: "which Central Asian countries"
}

// Verbs of giving and of getting, as they stand in questions.
var (
	supplyVerbs = wordSet("supply supplies supplied supplying supplier suppliers sell sells sold selling seller sellers arm arms arming armed " +
		"export exports exported exporting exporter exporters deliver delivers delivered delivering provide provides provided providing " +
		"transfer transfers transferred transferring ship ships shipped shipping send sends sent sending give gives gave given giving " +
		"donate donates donated donating gifted gifting hand handed handing equip equips equipped equipping sale sales " +
		"license licenses licensed licensing")
	getVerbs = wordSet("buy buys bought buying buyer buyers purchase purchases purchased purchasing acquire acquires acquired acquiring " +
		"procure procures procured import imports imported importing importer order orders ordered get gets got getting obtain obtains obtained " +
		"receive receives received receiving source sources sourced " +
		"operate operates operated operating field fields fielded fielding deploy deploys deployed deploying fly flies flew flying " +
		"use uses used using")
	// verbs of making a system at home, which in a question about arms
	// usually means licensed production of a foreign design
	buildVerbs = wordSet("build builds building built produce produces producing produced manufacture manufactures " +
		"manufacturing manufactured assemble assembles assembling assembled")
	// nouns after a country that make it the recipient ("Kazakhstan's suppliers")
	recipientNouns = wordSet("suppliers supplier sources imports purchases acquisitions procurement arsenal")
	// nouns after a country that make it the supplier ("Turkey's customers")
	supplierNouns = wordSet("customers customer clients client buyers exports sales recipients share")
)

var (
	reSince   = regexp.MustCompile(`\b(?:since|after|from)\s+((?:19|20)\d\d)\b`)
	reBefore  = regexp.MustCompile(`\b(?:before|until|till|up to)\s+((?:19|20)\d\d)\b`)
	reRange   = regexp.MustCompile(`\b((?:19|20)\d\d)\s*(?:-|–|to|and|until)\s*((?:19|20)\d\d)\b`)
	reYear    = regexp.MustCompile(`\b((?:19|20)\d\d)\b`)
	reLastN   = regexp.MustCompile(`\b(?:last|past)\s+(\d{1,2}|two|three|four|five|ten)\s+years\b`)
	numberWds = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
)

// Understand reads a question: which countries it names and in what role,
// weapon categories and systems, and years. now resolves "last year". A
// question it cannot read as one about supply relations gets
// IntentPassages.
func Understand(question string, now time.Time) Understanding {
	var u Understanding
	forced, text := commandForm(question)
	lower := strings.ToLower(text)

	ms := mentionsIn(text)
	u.readWeapons(text)
	makerAtOrigin(text, ms)
	u.readYears(lower, now)
	words := wordSpans(lower)
	u.ByVolume = hasAny(words, wordSet("volume volumes tiv tivs value"))

	ms = u.sideMentions(forced, text, lower, words, ms)
	unsided := u.collectSides(ms)
	u.readIntent(forced, words, ms, unsided)
	u.askedSide(ms)
	u.orientByOrigin()
	if forced == IntentPassages {
		u.chartOfOne(lower, words, ms)
		u.readForm(lower, words)
		u.Further = furtherBatch(lower, words)
	}
	return u
}

// commandForm reads the command forms "suppliers X", "recipients Y" and
// "between Y X": it returns the intent the command forces (IntentPassages
// for none) and the text with the command word blanked out, so that
// offsets into it stay those of the question.
func commandForm(question string) (forced Intent, text string) {
	text = question
	cmd, rest, _ := strings.Cut(strings.TrimSpace(text), " ")
	forced = map[string]Intent{"suppliers": IntentSuppliers, "recipients": IntentRecipients, "between": IntentBetween}[strings.ToLower(cmd)]
	if forced != IntentPassages {
		offset := len(text) - len(rest)
		text = strings.Repeat(" ", offset) + rest // keep offsets
	}
	return forced, text
}

// sideMentions gives the country mentions their sides: all on the side a
// command forces, or as the wording of the question reads them. It returns
// the mentions that count ("between" keeps only the first two).
func (u *Understanding) sideMentions(forced Intent, text, lower string, words []wordSpan, ms []mention) []mention {
	switch forced {
	case IntentSuppliers:
		for i := range ms {
			ms[i].side = recipientSide
		}
	case IntentRecipients:
		for i := range ms {
			ms[i].side = supplierSide
		}
	case IntentBetween:
		if len(ms) >= 2 {
			ms[0].side, ms[1].side = supplierSide, recipientSide
			ms = ms[:2]
		}
	default:
		u.Licence = assignSides(text, lower, words, ms)
		fillOtherSide(words, ms, len(u.Categories) > 0 || u.System != "" || len(u.Kinds) > 0 || hasAny(words, armsNouns) || hasMaker(ms))
	}
	return ms
}

// readIntent sets the intent from the sides read, the mentions left
// without a side and the command forced, if any.
func (u *Understanding) readIntent(forced Intent, words []wordSpan, ms, unsided []mention) {
	switch {
	case len(u.Suppliers) > 0 && len(u.Recipients) > 0:
		u.Intent = IntentBetween
	case len(u.Suppliers) > 0:
		u.Intent = IntentRecipients
	case len(u.Recipients) > 0:
		u.Intent = IntentSuppliers
	case len(unsided) == 1 && (forced != IntentPassages || len(u.Categories) > 0 || u.System != "" || transferVerbIn(words) ||
		hasAny(words, receiptNouns)):
		// "air defence Kyrgyzstan": a country with a weapon is a recipient.
		u.Recipients = unsided[0].names
		u.Group = unsided[0].group
		u.Intent = IntentSuppliers
	case len(unsided) >= 2 && (len(u.Categories) > 0 || u.System != "" || len(u.Kinds) > 0 || hasAny(words, supplyVerbs, getVerbs, dealNouns) || onlyNames(words, ms)):
		// "Turkey and Kazakhstan", "Uzbekistan Spain deal": transfers either way.
		u.Suppliers, u.Recipients, u.Either = unsided[0].names, unsided[1].names, true
		u.Intent = IntentBetween
	}
	if forced != IntentPassages && u.Intent == IntentPassages {
		u.Intent = forced
	}
	if u.Intent == IntentPassages && len(ms) == 0 && u.System != "" && (transferVerbIn(words) || hasAny(words, systemUserNouns)) {
		// "which countries operate the Bayraktar TB2?", "JF-17 customers":
		// every route of it.
		u.Intent = IntentBetween
	}
}

// chartOfOne reads a request for a chart that names one country or region
// and no side ("chart Kazakhstan", "chart recipient Turkey"): its
// suppliers, unless a word asks for where its arms go.
func (u *Understanding) chartOfOne(lower string, words []wordSpan, ms []mention) {
	if u.Intent != IntentPassages || len(ms) != 1 || !asksChart(lower, words) {
		return
	}
	u.Group = ms[0].group
	if hasAny(words, wordSet("recipient recipients customer customers client clients buyer buyers export exports")) {
		u.Suppliers, u.Intent = ms[0].names, IntentRecipients
		return
	}
	u.Recipients, u.Intent = ms[0].names, IntentSuppliers
}

// collectSides puts the countries of the sided mentions on their sides and
// returns the mentions left without one (a group asked about with "which"
// waits for askedSide).
func (u *Understanding) collectSides(ms []mention) (unsided []mention) {
	for _, m := range ms {
		switch m.side {
		case supplierSide:
			u.Suppliers = appendNew(u.Suppliers, m.names...)
		case recipientSide:
			u.Recipients = appendNew(u.Recipients, m.names...)
		case unknownSide:
			if !m.asked {
				unsided = append(unsided, m)
			}
		}
		if m.group != "" && (m.side == recipientSide || m.asked) {
			u.Group = m.group
		}
	}
	return unsided
}

// onlyNames reports whether a question is nothing but country names and
// joining words ("Turkey and Kazakhstan", "between Russia, China").
func onlyNames(words []wordSpan, ms []mention) bool {
	for _, w := range words {
		inside := false
		for _, m := range ms {
			if w.start >= m.start && w.end <= m.end {
				inside = true
				break
			}
		}
		if !inside && !joiningWords[w.w] {
			return false
		}
	}
	return true
}

// receiptNouns make the one country of a question with no verb a
// recipient, like a weapon does ("Ukraine deliveries so far this year").
var receiptNouns = wordSet("deliveries delivery orders purchases acquisitions")

// systemUserNouns name those who buy or use a system ("JF-17
// customers", "Rafale operators").
var systemUserNouns = wordSet("customers customer clients client operators operator users user recipients importers")

var joiningWords = wordSet("and or between the vs versus with")

// mentionsIn finds countries, groups and manufacturers in text, as
// canonical names.
func mentionsIn(text string) []mention {
	g := gazetteer.Default()
	var out []mention
	for _, m := range g.Find(upperAcronyms(capitalisedIfLower(text))) {
		var names []string
		for _, code := range m.Codes {
			if c, ok := g.ByCode(code); ok {
				names = append(names, c.Name)
			}
		}
		if len(names) == 0 {
			continue
		}
		var homes []string
		if m.Kind == gazetteer.ManufacturerMention {
			// A maker stands for its principal home country, unless the
			// system asked about is built in another of its homes.
			homes, names = names, names[:1]
		}
		mm := mention{start: m.Start, end: m.End, names: names, kind: m.Kind, homes: homes}
		if m.Kind == gazetteer.GroupMention {
			mm.group = m.Group
		}
		out = append(out, mm)
		if len(out) == 8 {
			break // a question naming more countries than this is not about one relation
		}
	}
	return out
}

// makerAtOrigin reads a multinational maker as the home country where the
// system the question names is built: "Airbus C295s" come from Spain, not
// from Airbus's principal home, France.
func makerAtOrigin(text string, ms []mention) {
	origin := ""
	for _, m := range weapons.Find(capitalisedIfLower(text)) {
		if m.System != "" && m.Origin != "" {
			origin = m.Origin
			break
		}
	}
	if origin == "" {
		return
	}
	for i := range ms {
		if len(ms[i].homes) > 1 && slices.Contains(ms[i].homes, origin) {
			ms[i].names = []string{origin}
		}
	}
}

// capitalisedIfLower gives a question typed all in lower case ("who sells
// kazakhstan fighter jets") a capital on every word, so names that need
// one are found; the byte offsets stay those of text. Any other question
// is returned as it is: its capitals already say what is a name ("turkey"
// beside "Kazakhstan" is no country).
func capitalisedIfLower(text string) string {
	if !typedLower(text) {
		return text
	}
	b := []byte(text)
	for _, w := range wordSpans(text) {
		r, size := utf8.DecodeRuneInString(text[w.start:])
		if up := unicode.ToUpper(r); utf8.RuneLen(up) == size {
			utf8.EncodeRune(b[w.start:], up)
		}
	}
	return string(b)
}

// chatAcronyms are country acronyms people type in lower case in chat
// ("uae rafale deal", "has the uk blocked ..."); none is an English word
// ("us" is, and stays a pronoun).
var chatAcronyms = wordSet("usa uae uk rok prc dprk ussr ksa drc")

// upperAcronyms writes the country acronyms of chatAcronyms, and "u.s.",
// in capitals wherever they stand in lower case, so the gazetteer, which
// reads acronyms only in capitals, finds them; byte offsets stay those of
// text.
func upperAcronyms(text string) string {
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		return text
	}
	b := []byte(text)
	changed := false
	ws := wordSpans(lower)
	for i, w := range ws {
		a := strings.TrimSuffix(strings.TrimSuffix(w.w, "'s"), "’s")
		if chatAcronyms[a] || a == "us" && usCountry(ws, i) {
			copy(b[w.start:w.start+len(a)], strings.ToUpper(a))
			changed = true
		}
	}
	for i := 0; ; {
		j := strings.Index(strings.ToLower(string(b[i:])), "u.s.")
		if j < 0 {
			break
		}
		at := i + j
		if at == 0 || !unicode.IsLetter(rune(b[at-1])) {
			copy(b[at:at+4], "U.S.")
			changed = true
		}
		i = at + 4
	}
	if !changed {
		return text
	}
	return string(b)
}

// usCountry: a lower-case "us" is the country after "the" ("did the us
// sell") or before a word of arms ("us aid to tajikistan"), and otherwise
// the pronoun ("tell us who arms Kazakhstan").
func usCountry(ws []wordSpan, i int) bool {
	return i > 0 && ws[i-1].w == "the" || i+1 < len(ws) && usArmsNext[ws[i+1].w]
}

var usArmsNext = wordSet("aid arms weapons military army navy air made built supplied sales exports deliveries")

// typedLower reports whether a question was typed in lower case: its only
// capitals, if any, are in designations and acronyms ("K2 tanks for
// poland", "TB2 buyers in africa", "did the UAE buy caracals"), which
// people type in capitals even when they type names in lower case, or on
// a question word that opens it.
func typedLower(text string) bool {
	for i, w := range reToken.FindAllString(text, -1) {
		if !strings.ContainsFunc(w, unicode.IsUpper) || strings.ContainsFunc(w, unicode.IsDigit) {
			continue
		}
		if i == 0 && (questionWords[strings.ToLower(w)] || yesNoOpeners[strings.ToLower(w)]) {
			continue // a phone's capital on the first word: "Who sells tanks to poland?"
		}
		if utf8.RuneCountInString(w) > 1 && !strings.ContainsFunc(w, unicode.IsLower) {
			continue // an acronym: "UAE", "US"
		}
		return false
	}
	return true
}

type wordSpan struct {
	w          string
	start, end int
}

func wordSpans(lower string) []wordSpan {
	var out []wordSpan
	start := -1
	for i, r := range lower + " " {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || (r == '\'' && start >= 0) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, wordSpan{strings.TrimSuffix(lower[start:i], "'"), start, i})
			start = -1
		}
	}
	return out
}

// assignSides decides for each mention whether it supplies or receives,
// from the words around it and the verb of the question. It reports
// whether the question asks about building a foreign system at home.
func assignSides(text, lower string, words []wordSpan, ms []mention) (licence bool) {
	verb := findQuestionVerb(words)
	ownerOfForeign := make([]bool, len(ms)) // a demonym read as the buyer of a foreign system
	for i := range ms {
		m := &ms[i]
		if m.kind == gazetteer.GroupMention && askedBefore(words, m.start) {
			m.asked = true // decided by askedSide, once the others are known
			continue
		}
		ownerOfForeign[i] = sideFromContext(text, words, ms, m, verb)
	}
	secondHand(ms, ownerOfForeign)
	arrowSides(text, ms)
	sideFromNeighbours(text, words, ms)
	goodsOrigin(text, ms)
	if verb.building {
		return buildSides(text, words, ms, verb.at)
	}
	_ = lower
	return false
}

// goodsOrigin unsets the side of a demonym that qualifies the goods in a
// question that names both sides otherwise: "Did Ecuador send its old
// Russian equipment to the United States?" asks about Ecuador and the
// United States; Russia is where the goods come from.
func goodsOrigin(text string, ms []mention) {
	var sup, rec bool
	for _, m := range ms {
		if m.kind == gazetteer.DemonymMention {
			continue
		}
		sup = sup || m.side == supplierSide
		rec = rec || m.side == recipientSide
	}
	if !sup || !rec {
		return
	}
	for i := range ms {
		if m := &ms[i]; m.kind == gazetteer.DemonymMention && (weaponAfter(text, m.end) || goodsNounAfter(text, m.end)) {
			m.side = unknownSide
		}
	}
}

// goodsNounAfter reports whether a word for goods of any kind follows at
// end ("Russian equipment").
func goodsNounAfter(text string, end int) bool {
	rest := strings.Fields(strings.ToLower(text[end:]))
	return len(rest) > 0 && goodsNouns[strings.Trim(rest[0], "?.,!")]
}

var goodsNouns = wordSet("equipment hardware materiel kit gear weaponry")

// questionVerb is the verb of a question and where it stands.
type questionVerb struct {
	at       int  // byte offset of the verb in the question, -1 when there is none
	gives    bool // a verb of giving ("supply"), not of getting ("buy")
	building bool // a verb of making at home ("build")
	passive  bool // a verb of giving as a passive participle ("was Ukraine sent")
}

// findQuestionVerb finds the first verb of giving or getting; "arms" is a
// verb only after a question word, "ship(s)" not as a noun.
func findQuestionVerb(words []wordSpan) questionVerb {
	for i, w := range words {
		if (supplyVerbs[w.w] || giftVerb(words, i)) && !(w.w == "arms" && i > 0 && !isQuestionWord(words, i)) && !shipNoun(words, i) {
			return questionVerb{at: w.start, gives: true, passive: passiveAt(words, i)}
		}
		if getVerbs[w.w] || buildVerbs[w.w] || signFor(words, i) {
			return questionVerb{at: w.start, building: buildVerbs[w.w]}
		}
	}
	return questionVerb{at: -1}
}

// neighbourhood holds the words around a mention.
type neighbourhood struct {
	before []string // up to three words before it, articles after a preposition dropped
	after  []string // up to three words after it
	prev   string   // the last word of before, "" when none
	next   string   // the first word of after without "'s", "" when none
}

func neighbourhoodOf(words []wordSpan, m mention) neighbourhood {
	var nb neighbourhood
	nb.before = wordsBefore(words, m.start, 3)
	for len(nb.before) > 1 && articles[nb.before[len(nb.before)-1]] {
		nb.before = nb.before[:len(nb.before)-1] // "from the US" reads as "from US"
	}
	nb.after = wordsAfter(words, m.end, 3)
	if len(nb.before) > 0 {
		nb.prev = nb.before[len(nb.before)-1]
	}
	if len(nb.after) > 0 {
		nb.next = strings.TrimSuffix(nb.after[0], "'s")
	}
	return nb
}

// sideFromContext sets the side of one mention from, in this order, the
// preposition before it, a noun of supply around it, its kind, and where
// it stands from the verb; it leaves the side alone when none decides. It
// reports whether the mention is a demonym read as the buyer of a foreign
// system.
func sideFromContext(text string, words []wordSpan, ms []mention, m *mention, verb questionVerb) (ownerOfForeign bool) {
	nb := neighbourhoodOf(words, *m)
	if s, ok := prepositionSide(*m, nb, verb); ok {
		m.side = s
		return false
	}
	if s, ok := nounSide(text, words, *m, nb); ok {
		m.side = s
		return false
	}
	switch {
	case m.kind == gazetteer.DemonymMention && weaponAfter(text, m.end) && !forcesAfter(text, m.end):
		m.side = demonymSide(text, m.names, m.end) // "Turkish drones", but "the Indonesian Su-35 order"
		return m.side == recipientSide
	case buyerOfForeign(text, *m) && !forcesAfter(text, m.end):
		m.side = recipientSide // "the Saudi Chinook sale"
		return true
	case m.kind == gazetteer.ManufacturerMention:
		m.side = supplierSide
		return false
	}
	if s, ok := verbSide(text, words, ms, *m, nb.prev, verb); ok {
		m.side = s
	}
	return false
}

// prepositionSide reads the side from the preposition before a mention
// ("from", "by", "to", "for"); ok is false when it does not decide.
func prepositionSide(m mention, nb neighbourhood, verb questionVerb) (s side, ok bool) {
	switch {
	case nb.prev == "by" && getVerbs[wordBefore(nb.before)]:
		return recipientSide, true // the agent of a passive getting: "were K9s bought by Norway?"
	case nb.prev == "from" || nb.prev == "by":
		return supplierSide, true
	case nb.prev == "to" && !notTransferTo[wordBefore(nb.before)] || (nb.prev == "for" && (verb.gives || verb.at < 0 && forRecipient(m, wordBefore(nb.before)))):
		return recipientSide, true
	}
	return unknownSide, false
}

// nounSide reads the side from a noun of supply around a mention
// ("Kazakhstan's suppliers", "customers of Turkey", "where Russia's arms
// go"); ok is false when none decides.
func nounSide(text string, words []wordSpan, m mention, nb neighbourhood) (s side, ok bool) {
	switch {
	case armsGo(text, m.end, nb.after):
		return supplierSide, true // "where Russia's arms go"
	case recipientNouns[nb.next] || possessiveNoun(text, m.end, nb.after, recipientNouns) || nounAfterWeapons(text, words, m.end, recipientNouns) ||
		containsSeq(nb.before, "suppliers", "of") ||
		containsSeq(nb.before, "suppliers", "to") || containsSeq(nb.before, "sources", "of"):
		return recipientSide, true
	case supplierNouns[nb.next] || possessiveNoun(text, m.end, nb.after, supplierNouns) ||
		nounAfterWeapons(text, words, m.end, supplierNouns) && !buyerOfForeign(text, m) ||
		containsSeq(nb.before, "customers", "of") ||
		containsSeq(nb.before, "recipients", "of") || containsSeq(nb.before, "clients", "of"):
		return supplierSide, true
	}
	return unknownSide, false
}

// buyerOfForeign reports whether demonym m qualifies a system another
// country makes: "the Saudi Chinook sale" is a sale to Saudi Arabia, as
// "the Indian Rafale deal" is India's.
func buyerOfForeign(text string, m mention) bool {
	return m.kind == gazetteer.DemonymMention && demonymSide(text, m.names, m.end) == recipientSide
}

// verbSide reads the side from where a mention stands from the verb of the
// question: its subject or its object. prev is the word before the
// mention; ok is false when it does not decide.
func verbSide(text string, words []wordSpan, ms []mention, m mention, prev string, verb questionVerb) (s side, ok bool) {
	switch {
	case verb.at >= 0 && m.start < verb.at && !precededByWho(words, ms, verb.at):
		// Subject of the verb: "what has Turkey sold", "where does Kazakhstan get";
		// of a passive, the one given to: "was Ukraine sent tanks by Poland?".
		if verb.gives && !verb.passive {
			return supplierSide, true
		}
		return recipientSide, true
	case verb.at >= 0 && m.start > verb.at && !comparedWith[prev]:
		// Object of the verb: "who supplies Kazakhstan", "who buys from" is
		// handled above; "which countries buy Turkey's drones" buy what
		// Turkey makes.
		switch {
		case verb.gives:
			return recipientSide, true
		case possessiveAt(text, m.end):
			return supplierSide, true
		case containsWord(words, "from"):
			return recipientSide, true // "did Kazakhstan buy ... from X": X already a supplier
		}
	}
	return unknownSide, false
}

// armsNouns make a question with no verb one about arms all the same
// ("UK weapons to Ukraine", "Armenia arms from France?").
var armsNouns = wordSet("arms weapons weaponry military aid deal deals sales exports imports transfers")

// forcesAfter: the demonym names a country's forces, not where arms come
// from: "the Uzbek military" in "who supplies the Uzbek military with
// transport aircraft", where "military" is no adjective of a weapon.
func forcesAfter(text string, end int) bool {
	rest := strings.Fields(strings.ToLower(text[end:]))
	if len(rest) > 0 && forcesNouns[strings.Trim(rest[0], "?.,!")] {
		return true // "the Royal Malaysian Navy", "the Uzbek army"
	}
	if len(rest) == 0 || strings.Trim(rest[0], "?.,!") != "military" {
		return false
	}
	return len(rest) == 1 || rest[0] != "military" || militaryFollowers[rest[1]]
}

// forcesNouns name a country's forces after its demonym ("the Uzbek
// army"); no weapon is called so.
var forcesNouns = wordSet("army navy forces marines guard guards gendarmerie")

// militaryFollowers: words after "military" that make it the forces ("the
// Uzbek military with ...", "the Uzbek military from ...").
var militaryFollowers = wordSet("with from get gets got receive receives received buy buys bought since in and or")

// hasMaker: an arms maker named makes a question one about arms ("elbit
// germany").
func hasMaker(ms []mention) bool {
	return slices.ContainsFunc(ms, func(m mention) bool { return m.kind == gazetteer.ManufacturerMention })
}

// arrowSides reads an arrow between two countries as supply from the
// first to the second: "france->armenia deals", "Russia → Kazakhstan".
func arrowSides(text string, ms []mention) {
	for i := 0; i+1 < len(ms); i++ {
		switch strings.TrimSpace(text[ms[i].end:ms[i+1].start]) {
		case "->", "→", "=>", ">", "-->":
			ms[i].side, ms[i+1].side = supplierSide, recipientSide
		}
	}
}

// passiveAt reports whether the verb of giving at words[i] is a passive
// participle ("was Ukraine sent", "has Kyiv been given"): a past
// participle with a form of "be" before it.
func passiveAt(words []wordSpan, i int) bool {
	w := words[i].w
	if !strings.HasSuffix(w, "ed") && !participles[w] {
		return false
	}
	for _, b := range words[:i] {
		if passiveAux[b.w] {
			return true
		}
	}
	return false
}

var (
	participles = wordSet("sent sold given")
	passiveAux  = wordSet("was were is are been being be")
)

// signFor: "signed for", "sign for" is a verb of getting ("has Argentina
// signed for Danish F-16s?").
func signFor(words []wordSpan, i int) bool {
	return wordSet("sign signs signed signing")[words[i].w] && i+1 < len(words) && words[i+1].w == "for"
}

// secondHand: a demonym read as the owner of a foreign-made system
// ("Danish F-16s") beside another country the verb makes the recipient,
// with no supplier named, is the second-hand seller: "has Argentina
// signed for Danish F-16s?".
func secondHand(ms []mention, ownerOfForeign []bool) {
	recipients := 0
	for _, m := range ms {
		if m.side == supplierSide {
			return
		}
		if m.side == recipientSide {
			recipients++
		}
	}
	for i := range ms {
		if ownerOfForeign[i] && recipients > 1 {
			ms[i].side = supplierSide
			return
		}
	}
}

// forRecipient: in a question with no verb, "for" and a country by its
// name or capital gives the recipient ("Russian armour for Tajikistan?"),
// but not a demonym or maker ("a deal for Chinese air defence") nor the
// object of a deal ("a tender for Poland's tanks" is read elsewhere).
func forRecipient(m mention, beforeFor string) bool {
	return (m.kind == gazetteer.NameMention || m.kind == gazetteer.CapitalMention) && !dealNouns[beforeFor]
}

var dealNouns = wordSet("deal deals contract contracts order orders tender tenders bid bids offer offers")

// giftVerb: "gift" and "gifts" are verbs of giving ("what did India gift
// Tajikistan?") except after a word that makes them nouns ("were they a
// gift?", "as gifts").
func giftVerb(words []wordSpan, i int) bool {
	w := words[i].w
	if w != "gift" && w != "gifts" {
		return false
	}
	return i > 0 && !giftNounBefore[words[i-1].w]
}

var giftNounBefore = wordSet("a an the as return free their its our this that these those any")

// comparedWith are words before a country that compare it with the
// subject rather than make it the object ("more drones than Russia").
var comparedWith = wordSet("than versus vs like besides except unlike")

// transferVerbIn reports whether a question has a verb of giving or getting;
// "arms" counts only as a verb after a question word ("who arms
// Tajikistan"), not as a noun ("the Astana arms fair").
func transferVerbIn(words []wordSpan) bool {
	for i, w := range words {
		if getVerbs[w.w] || giftVerb(words, i) || supplyVerbs[w.w] && (w.w != "arms" || isQuestionWord(words, i)) && !shipNoun(words, i) {
			return true
		}
	}
	return false
}

// shipNoun: "ship(s)" after a question word, article or count is the
// noun, not the verb ("what ships has Turkey sold Pakistan").
func shipNoun(words []wordSpan, i int) bool {
	return (words[i].w == "ships" || words[i].w == "ship") && i > 0 && beforeShipNoun[words[i-1].w]
}

var beforeShipNoun = wordSet("what which many the a its their any more new naval navy two three four five six")

// notTransferTo are words before a "to" that does not lead to a
// recipient ("what happened to Jakarta's deal", "according to Moscow").
var notTransferTo = wordSet("happened happen happens happening according due close next owing thanks going")

// wordBefore is the word before the last of ws, "" when there is none.
func wordBefore(ws []string) string {
	if len(ws) < 2 {
		return ""
	}
	return ws[len(ws)-2]
}

func isQuestionWord(words []wordSpan, i int) bool {
	return i > 0 && (words[i-1].w == "who" || words[i-1].w == "which")
}

// articles are skipped between a preposition and the country it governs.
var articles = wordSet("the a an")

// precededByWho is true for "who supplies", "which countries supply": the
// question word is the subject, so a country before the verb is not. A
// word of a country's name ("has the United States supplied") is no
// question word.
func precededByWho(words []wordSpan, ms []mention, verbAt int) bool {
	for i, w := range words {
		if w.start >= verbAt {
			if i == 0 || slices.ContainsFunc(ms, func(m mention) bool { return words[i-1].start >= m.start && words[i-1].end <= m.end }) {
				return false
			}
			return slices.Contains([]string{"who", "whom", "countries", "country", "states", "which"}, words[i-1].w)
		}
	}
	return false
}

func wordsBefore(words []wordSpan, pos, n int) []string {
	var out []string
	for _, w := range words {
		if w.end <= pos {
			out = append(out, w.w)
		}
	}
	if len(out) > n {
		out = out[len(out)-n:]
	}
	return out
}

func wordsAfter(words []wordSpan, pos, n int) []string {
	var out []string
	for _, w := range words {
		if w.start >= pos {
			out = append(out, w.w)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

func containsSeq(ws []string, a, b string) bool {
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] == a && ws[i+1] == b {
			return true
		}
	}
	return false
}

func containsWord(words []wordSpan, w string) bool {
	for _, x := range words {
		if x.w == w {
			return true
		}
	}
	return false
}

func hasAny(words []wordSpan, sets ...map[string]bool) bool {
	for _, w := range words {
		for _, s := range sets {
			if s[w.w] {
				return true
			}
		}
	}
	return false
}

// weaponAfter reports whether a weapon word, "-made", "-built", "arms" or
// "weapons" follows position end closely.
func weaponAfter(text string, end int) bool {
	rest := strings.ToLower(text[end:])
	for _, suffix := range []string{"-made", "-built", "-designed", "-supplied", " arms", " weapons", " military", " aid"} {
		if strings.HasPrefix(rest, suffix) {
			return true
		}
	}
	rest = strings.TrimLeft(rest, " ")
	if w := reToken.FindString(rest); w != "" && strings.HasPrefix(rest, w) && (questionWeapons[w] != "" || questionKinds[w] != "") {
		return true
	}
	for _, m := range weapons.Find(rest[:min(len(rest), 60)]) {
		return m.Start <= 1
	}
	// A known system in the plural, which the lexicon does not match: "Gripens".
	orig := strings.TrimLeft(text[end:], " ")
	w := reToken.FindString(orig)
	return w != "" && strings.HasPrefix(orig, w) && pluralSystem(w) != ""
}

// readWeapons takes categories, generic weapon words and a named system.
// A question typed all in lower case is read with capitals on every word
// ("who bought rafales"), as the lexicon needs them on some names; a
// capitalised word of that question is no sign of an unknown designation.
func (u *Understanding) readWeapons(question string) {
	text := capitalisedIfLower(question)
	found := weapons.Find(text)
	ammo := false
	found = slices.DeleteFunc(found, func(m weapons.Match) bool {
		// "interceptor boats", "missile craft": a vessel, whatever the word before
		return m.System == "" && vesselAfter(text, m.End)
	})
	for i, m := range found {
		if m.System != "" && ammunitionAfter(text, m.End) {
			// "the Leopard tank shells": rounds for the system, not the system
			u.Categories = appendNew(u.Categories, string(weapons.Other))
			u.Kinds = appendNew(u.Kinds, "ammunition")
			ammo = true
			continue
		}
		if m.System != "" && i+1 < len(found) {
			if alt, ok := namesakeOfKind(m, found[i+1], text); ok {
				// "Cobra helicopters" is the AH-1 Cobra, not the Otokar
				// Cobra vehicle the name alone matched.
				m.System, m.Category = alt, ""
				if u.System == "" {
					u.System, u.SystemWord = alt, m.Text
				}
			}
		}
		if m.Category != "" {
			u.Categories = appendNew(u.Categories, string(m.Category))
		}
		if m.System != "" && u.System == "" {
			u.System = longerSystem(text, m)
		}
		if m.System == "" {
			if k := weaponKind(m.Text); k != "" {
				u.Kinds = appendNew(u.Kinds, k)
			}
		}
	}
	u.readQuestionWords(text, len(found) > 0)
	if u.System == "" && !ammo {
		u.System = pluralSystem(text)
	}
	if u.System == "" && !ammo {
		u.System = unknownDesignation(question)
	}
	if u.System != "" {
		// A named system is narrower than any kind word, and a report may
		// call the Rafale "jets" where the question says "fighters".
		u.Kinds = nil
	}
}

// questionWeapons are words for a kind of weapon that questions use and
// the lexicon (shared with the extractor, which reads them too loosely in
// reports) does not list: "Russian armour for Tajikistan?".
var questionWeapons = map[string]weapons.Category{
	"armour": weapons.ArmouredVehicles, "armor": weapons.ArmouredVehicles,
}

// readQuestionWords reads the weapon words that questions use and the
// lexicon leaves out (questionWeapons, questionKinds); lexicon says
// whether the lexicon found any weapon.
func (u *Understanding) readQuestionWords(text string, lexicon bool) {
	for _, w := range wordSpans(strings.ToLower(text)) {
		if c := questionWeapons[w.w]; c != "" && len(u.Categories) == 0 {
			u.Categories = []string{string(c)}
		}
		if k := questionKinds[w.w]; k != "" && len(u.Categories) == 0 && !lexicon {
			u.Kinds = appendNew(u.Kinds, k)
		}
	}
}

// vesselAfter reports whether a boat or vessel word follows at end.
func vesselAfter(text string, end int) bool {
	rest := strings.TrimLeft(text[end:], " ")
	w := strings.ToLower(reToken.FindString(rest))
	return w != "" && strings.HasPrefix(strings.ToLower(rest), w) && (questionKinds[w] != "" || w == "craft")
}

// questionKinds are words for a kind of vessel that questions use and the
// lexicon leaves out (reports use "boats" for fishing boats too): a kind,
// matched against a deal's system and sentence ("russian boats uganda"),
// not a category, which the extractor may not have given the deal.
var questionKinds = map[string]string{"boat": "boat", "boats": "boat", "vessel": "vessel", "vessels": "vessel"}

// weaponKind is the singular of a generic weapon word, unless the word is
// just a category's name ("aircraft", "air defence systems"), which narrows
// nothing.
func weaponKind(word string) string {
	w := strings.ToLower(strings.TrimSpace(word))
	if _, ok := weapons.ParseCategory(w); ok {
		return ""
	}
	switch w {
	case "aircraft", "air defence", "air defense", "weapons", "arms":
		return ""
	}
	if strings.HasSuffix(w, "ies") {
		return strings.TrimSuffix(w, "ies") + "y"
	}
	return strings.TrimSuffix(w, "s")
}

func (u *Understanding) readYears(lower string, now time.Time) {
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	lower = maskDesignations(lower) // "FD-2000" is no year
	switch {
	case reRange.MatchString(lower):
		m := reRange.FindStringSubmatch(lower)
		u.YearFrom, u.YearTo = atoi(m[1]), atoi(m[2])
		if u.YearFrom > u.YearTo {
			u.YearFrom, u.YearTo = u.YearTo, u.YearFrom
		}
	case reSince.MatchString(lower):
		m := reSince.FindStringSubmatch(lower)
		u.YearFrom = atoi(m[1])
		if strings.HasPrefix(m[0], "after") {
			u.YearFrom++
		}
	case reBefore.MatchString(lower):
		u.YearTo = atoi(reBefore.FindStringSubmatch(lower)[1]) - 1
	case reYear.MatchString(lower):
		y := atoi(reYear.FindStringSubmatch(lower)[1])
		u.YearFrom, u.YearTo = y, y
	case strings.Contains(lower, "last year"):
		u.YearFrom, u.YearTo = now.Year()-1, now.Year()-1
	case strings.Contains(lower, "this year"):
		u.YearFrom, u.YearTo = now.Year(), now.Year()
	case reLastN.MatchString(lower):
		s := reLastN.FindStringSubmatch(lower)[1]
		n, ok := numberWds[s]
		if !ok {
			n = atoi(s)
		}
		u.YearFrom = now.Year() - n
	}
}

func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
