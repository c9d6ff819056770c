package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot/gazetteer"
	"github.com/briefbot/briefbot/bot/textfold"
	"github.com/briefbot/briefbot/bot/weapons"
)

// wmatch is one weapon match in token terms.
type wmatch struct {
	ti, tj   int
	system   string // designation as written ("J-10C"), "" for a generic word
	canon    string // canonical designation from the weapons package
	category string
	arms     bool
	known    bool // a system the weapons package knows, with its own category
}

// findItems finds weapons and generic arms words and merges adjacent ones
// into items: "Su-30SM multirole fighters" is one item.
func (a *analysis) findItems() {
	ms := a.knownWeapons()
	ms = a.extraWeaponPhrases(ms)
	ms = a.genericArmsWords(ms)
	ms = a.defenceContracts(ms)
	ms = a.forcesKit(ms)
	ms = a.unknownDesignations(ms)
	ms = a.dropTitledQuotes(ms)
	a.mergeItems(ms)
	a.foldVariants()
}

// shipVerb reports whether "ship" or "ships" at t is a verb: after a
// country, "to", "will" or "did", and before a number, an article or a
// possessive ("did Spain ship six tanks", "Italy ships two frigates").
func (a *analysis) shipVerb(t int) bool {
	toks := a.toks
	if w := toks[t].w; w != "ship" && w != "ships" || t == 0 || t+1 >= len(toks) {
		return false
	}
	p := toks[t-1].w
	if a.actorAt[t-1] < 0 && p != "to" && p != "will" && p != "would" && p != "did" && p != "does" && p != "also" {
		return false
	}
	if a.actorAt[t-1] >= 0 && (p == "s" || toks[t-1].w == "'" || a.actors[a.actorAt[t-1]].kind == gazetteer.DemonymMention) {
		return false // "Turkey's ship", "Turkish ships"
	}
	n := toks[t+1]
	return n.digit && !isYearTok(n) || numberWords[n.w] > 0 || articles[n.w] || n.w == "its" || n.w == "their" ||
		n.w == "more" || n.w == "further"
}

// knownWeapons returns the weapons package's matches that no actor
// overlaps, each system extended over the variant suffix it was written
// with.
func (a *analysis) knownWeapons() []wmatch {
	var ms []wmatch
	for _, m := range weapons.Find(a.text) {
		if len(ms) >= maxItems {
			break
		}
		ti, tj := a.tokRange(m.Start, m.End)
		stripped := false
		if ti < tj && a.overlapsActor(ti, tj) {
			if t := a.afterMakerPrefix(ti, tj); t > ti {
				ti, m.Start, stripped = t, a.toks[t].s, true // "Airbus A400M": the maker stays an actor, the A400M a weapon
			}
		}
		if ti >= tj || a.overlapsActor(ti, tj) {
			continue
		}
		if len(ms) > 0 && ti < ms[len(ms)-1].tj {
			continue // inside a designation already extended
		}
		if m.System == "" && tj == ti+1 && a.shipVerb(ti) {
			continue // "did Spain ship six Leopard 2A4 tanks": a verb
		}
		w := wmatch{ti: ti, tj: tj, category: string(m.Category), canon: m.System, known: m.System != ""}
		if m.System != "" {
			var e int
			w.system, e = a.systemName(m.Start, m.End, m.System)
			_, w.tj = a.tokRange(m.Start, e)
			if stripped && !a.hasMarkedWord(ti, w.tj) {
				w.system = m.System // "Kalashnikov automatic rifles": the AK-47, not "automatic"
			}
		}
		ms = append(ms, w)
	}
	return ms
}

// extraWeaponPhrases adds the weapon phrases the weapons package does not
// know yet (extraWeapons) where no match is.
func (a *analysis) extraWeaponPhrases(ms []wmatch) []wmatch {
	toks := a.toks
	for i := 0; i < len(toks) && len(ms) < maxItems; i++ {
		if a.actorAt[i] >= 0 || !toks[i].word {
			continue
		}
		cat, n := extraWeapons.match(toks, i)
		if n == 0 {
			continue
		}
		free := true
		for _, m := range ms {
			if m.ti < i+n && i < m.tj {
				free = false
			}
		}
		if free {
			ms = append(ms, wmatch{ti: i, tj: i + n, category: cat})
			sortMatches(ms)
		}
		i += n - 1
	}
	return ms
}

// genericArmsWords adds generic arms words ("arms", "weapons") on the
// words no match covers; "arms of", "arms length" are not arms.
func (a *analysis) genericArmsWords(ms []wmatch) []wmatch {
	toks := a.toks
	return a.addUncovered(ms, armsWords, "", func(i int) bool {
		return toks[i].w == "arms" && i+1 < len(toks) && (toks[i+1].w == "of" || toks[i+1].w == "length")
	})
}

// addUncovered adds the phrases of set found on words that no match of ms
// and no actor covers, as generic arms words of category cat (skip rejects
// a phrase starting at a token), and keeps ms in text order.
func (a *analysis) addUncovered(ms []wmatch, set *phraseSet[bool], cat string, skip func(i int) bool) []wmatch {
	toks := a.toks
	covered := make([]bool, len(toks))
	for _, m := range ms {
		for t := m.ti; t < m.tj && t < len(covered); t++ {
			covered[t] = true
		}
	}
	var extra []wmatch
	for i := 0; i < len(toks) && len(ms)+len(extra) < maxItems; i++ {
		if covered[i] || a.actorAt[i] >= 0 || !toks[i].word {
			continue
		}
		if _, n := set.match(toks, i); n > 0 {
			if skip != nil && skip(i) {
				continue
			}
			extra = append(extra, wmatch{ti: i, tj: i + n, arms: true, category: cat})
			i += n - 1
		}
	}
	if len(extra) > 0 {
		ms = append(ms, extra...)
		sortMatches(ms)
	}
	return ms
}

// unknownDesignations names the generic matches preceded by a designation
// the lexicon does not know ("L-410 Turbolet transport aircraft"), and adds
// the earlier designations of a list before it ("YLC-2 and YLC-18 air
// search radars").
func (a *analysis) unknownDesignations(ms []wmatch) []wmatch {
	var listed []wmatch
	for k := range ms {
		if ms[k].system != "" || ms[k].arms {
			continue
		}
		ti, name := a.designationBefore(ms[k].ti, ms, k)
		if name == "" {
			continue
		}
		ms[k].system, ms[k].ti = name, ti
		listed = append(listed, a.listedDesignations(ms, k, ti)...)
	}
	if len(listed) > 0 {
		ms = append(ms, listed...)
		sortMatches(ms)
	}
	return ms
}

// listedDesignations returns the designations listed before the one at ti
// that names ms[k] ("YLC-2 and YLC-18 …", "about six X, Y and Z …"), up to
// four, nearest first.
func (a *analysis) listedDesignations(ms []wmatch, k, ti int) []wmatch {
	toks := a.toks
	var listed []wmatch
	for n := 0; n < 4; n++ {
		j := ti - 1
		if j < 0 || (toks[j].w != "and" && toks[j].w != "," && toks[j].w != "or") {
			break
		}
		j--
		for j > 0 && (toks[j].w == "about" || toks[j].w == "around" || toks[j].w == "some" ||
			toks[j].w == "approximately" || toks[j].w == "," || numberWords[toks[j].w] > 1 ||
			toks[j].word && isNumberOrMeasure(toks[j].w) && toks[j-1].e < toks[j].s) {
			j--
		}
		if j < 0 || (k > 0 && ms[k-1].tj > j) || a.actorAt[j] >= 0 || a.itemAt[j] >= 0 {
			break
		}
		first, name := a.designationRun(j+1, ms, k)
		if name == "" || first > j {
			break
		}
		listed = append(listed, wmatch{ti: first, tj: j + 1, system: name, category: ms[k].category})
		ti = first
	}
	return listed
}

// serviceName reports whether item it is the capitalised name of an air
// defence service right after its country, "Forces" left out: "eight C295M
// transport aircraft for the Kazakhstan Air Defence".
func (a *analysis) serviceName(it *item) bool {
	toks := a.toks
	if it.system != "" || it.ti == 0 || it.tj-it.ti != 2 || a.actorAt[it.ti-1] < 0 || a.actors[a.actorAt[it.ti-1]].poss {
		return false
	}
	w1, w2 := toks[it.ti], toks[it.ti+1]
	return w1.upper && w2.upper && w1.w == "air" && (w2.w == "defence" || w2.w == "defense")
}

// mergeItems merges runs of adjacent matches into items ("Su-30SM
// multirole fighters") and records them in a.items and a.itemAt.
func (a *analysis) mergeItems(ms []wmatch) {
	toks := a.toks
	for k := 0; k < len(ms); {
		it := item{ti: ms[k].ti, tj: ms[k].tj, system: ms[k].system, category: ms[k].category, arms: ms[k].arms, owner: -1}
		canon, known := ms[k].canon, ms[k].known
		n := k + 1
		for n < len(ms) && a.adjacent(it.tj, ms[n].ti) && !ms[n].arms && !it.arms {
			canon, known = a.mergeMatch(&it, ms[n], canon, known)
			n++
		}
		if it.tj < len(toks) && weaponOrgNouns[toks[it.tj].w] ||
			it.tj+1 < len(toks) && weaponOrgNouns[toks[it.tj+1].w] && listOrgMods[toks[it.tj].w] {
			it.org = true
		}
		if a.serviceName(&it) {
			it.org = true
		}
		if it.ti > 0 && moreWords[toks[it.ti-1].w] || it.ti > 1 && moreWords[toks[it.ti-2].w] {
			it.more = true
		}
		if known {
			it.canon = canon
		}
		for t := it.ti; t < it.tj; t++ {
			a.itemAt[t] = len(a.items)
		}
		a.items = append(a.items, it)
		k = n
	}
}

// mergeMatch extends item it over the adjacent match m and returns the
// item's canonical system and whether the lexicon knows it.
func (a *analysis) mergeMatch(it *item, m wmatch, canon string, known bool) (string, bool) {
	switch {
	case m.system != "" && it.system != "" && m.canon == canon && canon != "":
		// "A-29 Super Tucano": one system named twice.
		it.system = a.text[a.toks[it.ti].s:a.toks[m.tj-1].e]
	case m.system != "" && it.system == "":
		it.system, canon, known = m.system, m.canon, m.known
		it.category = m.category
	case m.system == "" && it.system != "" && m.category != it.category && namesake(it.system, m.category) != "":
		// "Cobra helicopters": the AH-1 Cobra, not the Otokar Cobra (rd12rrules.go).
		canon = namesake(it.system, m.category)
		it.system, it.category = canon, m.category
	case m.system == "" && it.system != "" && m.category != it.category && !a.systemHead(m) && !a.ownHead(canon, m):
		// "Gepard ammunition": the head noun decides; a known system
		// is then only what the weapon is for.
		if known {
			it.system = ""
		}
		it.category = m.category
	case m.system == "" && it.system == "":
		it.category = m.category
	}
	it.tj = m.tj
	return canon, known
}

// foldVariants folds a variant named after its weapon into that weapon:
// "an HQ-9 system of the FD-2000 version", "Mi-17s (Mi-8MTV version)",
// "six M-346FA aircraft, including two of the M-346FT version", "AS-350
// helicopters of the AS-350B3 (H-125M) version" are one weapon each. The
// weapon keeps its base designation, the name a register and the gold
// lists use (HQ-9, Mi-17); a variant of a generic word names it ("drones
// of the Anka-S version").
func (a *analysis) foldVariants() {
	for k := 1; k < len(a.items); k++ {
		y := &a.items[k]
		if y.system == "" || y.org {
			continue
		}
		if x := &a.items[k-1]; !x.org && x.system != "" && a.parenthesisedAlias(k) {
			y.org = true // "Project-1241 (Tarantul)": the same weapon named twice
			spelledOutName(x, y)
			continue
		}
		if !a.namesVariant(k) {
			continue
		}
		x := a.variantBase(k)
		if x < 0 {
			continue
		}
		if a.items[x].system == "" {
			a.items[x].system, a.items[x].canon = y.system, y.canon
		}
		y.org = true // not a second weapon
	}
}

// parenthesisedAlias reports whether item k alone fills a parenthesis
// that opens right after the item before it: "Project-1241 (Tarantul)".
func (a *analysis) parenthesisedAlias(k int) bool {
	toks := a.toks
	x, y := &a.items[k-1], &a.items[k]
	return y.ti == x.tj+1 && toks[x.tj].w == "(" && y.tj < len(toks) && toks[y.tj].w == ")"
}

// namesVariant reports whether item k is followed by a variant word, also
// past a parenthesis or from inside one: "FD-2000 version", "AS-350B3
// (H-125M) version", "(Mi-8MTV version)".
func (a *analysis) namesVariant(k int) bool {
	toks := a.toks
	j := a.items[k].tj
	if j < len(toks) && toks[j].w == "(" {
		if end := a.closingParen(j + 1); end > j && end-j <= 6 {
			j = end + 1
		}
	} else if j < len(toks) && toks[j].w == ")" {
		j++
	}
	return j < len(toks) && variantWords[toks[j].w]
}

// variantBase returns the weapon that item k names a variant of: the
// nearest weapon before it, with only a few linking words between
// ("of the", "including two of the", "probably of the", a parenthesis,
// another variant); -1 if none.
func (a *analysis) variantBase(k int) int {
	toks := a.toks
	y := &a.items[k]
	for x := k - 1; x >= 0; x-- {
		if a.items[x].org && a.items[x].system != "" && a.namesVariant(x) {
			continue // "AS-350B3 (H-125M)": skip the variant already folded
		}
		if a.items[x].org {
			return -1
		}
		words := 0
		for t := a.items[x].tj; t < y.ti; t++ {
			if it := a.itemAt[t]; it >= 0 && a.items[it].org || a.actorAt[t] >= 0 {
				continue // "M-346FA aircraft from Italy, including two of the M-346FT version"
			}
			w := toks[t].w
			if !variantLinks[w] && numberWords[w] == 0 {
				return -1
			}
			words++
		}
		if words > 6 {
			return -1
		}
		return a.namedHead(x)
	}
	return -1
}

// namedHead returns the named weapon that a generic item x ends, when a
// compound split them ("M-346FA fighter/ground-attack aircraft"); else x.
func (a *analysis) namedHead(x int) int {
	if x == 0 || a.items[x].system != "" {
		return x
	}
	w := &a.items[x-1]
	if w.org || w.system == "" || a.items[x].ti-w.tj > 4 {
		return x
	}
	for t := w.tj; t < a.items[x].ti; t++ {
		if tw := a.toks[t].w; tw == "," || tw == "and" || tw == "or" || tw == ";" || tw == "(" || a.actorAt[t] >= 0 {
			return x
		}
	}
	return x - 1
}

// variantLinks may stand between a weapon and its variant.
var variantLinks = words("of the a an ( , to from in system systems rebuilt modernized modernised upgraded converted " +
	"including includes probably possibly mostly all about around some")

var variantWords = words("version variant model type standard configuration")

// extraWeapons are generic weapon phrases missing from package weapons.
var extraWeapons = newPhraseSet[string]()

func init() {
	extraWeapons.add("armoured patrol vehicle|armoured patrol vehicles|armored patrol vehicle|armored patrol vehicles|"+
		"armoured patrol car|armoured patrol cars|light armoured vehicles|light armored vehicles|"+
		"fire-support vehicle|fire-support vehicles", string(weapons.ArmouredVehicles))
	extraWeapons.add("fast attack craft|littoral mission ships|littoral mission ship", string(weapons.Ships))
}

func sortMatches(ms []wmatch) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].ti < ms[j-1].ti; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func (a *analysis) overlapsActor(ti, tj int) bool {
	for t := ti; t < tj; t++ {
		if a.actorAt[t] >= 0 {
			return true
		}
	}
	return false
}

// adjacent reports whether two matches are one noun phrase: nothing but
// hyphens, quotes or at most two lower-case modifiers between them.
func (a *analysis) adjacent(end, start int) bool {
	if start-end == 3 && a.rangeAdjective(end) {
		return true // "Sky Dragon 50 medium-range anti-aircraft system" (rd12rrules.go)
	}
	if start < end || start-end > 2 {
		return false
	}
	for t := end; t < start; t++ {
		tk := a.toks[t]
		if tk.word {
			if functionWords[tk.w] || tk.upper || a.actorAt[t] >= 0 || tk.digit || numberWords[tk.w] > 1 {
				return false
			}
			// "An-124 transport aircraft delivered five helicopters": a
			// transfer verb ends one weapon and starts another.
			if sp, n := triggers.match(a.toks, t); n > 0 && sp.sp != spArm { // "armed UAVs" is one weapon
				return false
			}
			continue
		}
		if tk.w != "-" && tk.w != "'" && tk.w != "\"" {
			return false
		}
	}
	return true
}

// systemName returns the designation of a known system as the text writes
// it, from byte start to end, extended over variant suffixes the weapons
// package left out ("Su-30" + "K", "Pechora" + "-2T", "JF-17" + " Thunder")
// but not a plural "s", without generic nouns ("Anka drones") or "-class".
// Baykar's drones keep their canonical "Bayraktar" names. It also returns
// the byte where the designation ends.
func (a *analysis) systemName(start, end int, canon string) (string, int) {
	e := a.variantEnd(end)
	e = a.nameWordsEnd(e, canon)
	if strings.HasPrefix(canon, "Bayraktar ") {
		return canon, e
	}
	return plainDesignation(a.text[start:e], canon), e
}

// wordEndIn returns the byte where the word runes of text from byte i end.
func wordEndIn(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !textfold.IsWordRune(r) {
			break
		}
		i += size
	}
	return i
}

// variantEnd extends a designation ending at byte end over a variant
// suffix glued to it ("Su-30" + "K", but not a plural "s") or after a
// hyphen ("Pechora" + "-2T", but not "-class" or "-made").
func (a *analysis) variantEnd(end int) int {
	text := a.text
	e := end
	if j := wordEndIn(text, e); j > e {
		if suf := text[e:j]; suf != "s" && suf != "es" {
			e = j
		}
	}
	if e+1 < len(text) && text[e] == '-' {
		j := wordEndIn(text, e+1)
		suf := text[e+1 : j]
		if suf != "" && suf != "class" && !madeWords[strings.ToLower(suf)] &&
			(suf[0] >= '0' && suf[0] <= '9' || suf[0] >= 'A' && suf[0] <= 'Z') {
			e = j
		}
	}
	return e
}

// nameWordsEnd extends a designation ending at byte e over up to two
// capitalised words that belong to it ("JF-17" + " Thunder").
func (a *analysis) nameWordsEnd(e int, canon string) int {
	text := a.text
	// Capitalised words of the canonical name or of a variant before a generic noun.
	toks := a.toks
	lc := strings.ToLower(canon)
	ti := sort.Search(len(toks), func(i int) bool { return toks[i].s >= e })
	for n := 0; n < 2 && ti < len(toks); n++ {
		t := toks[ti]
		if t.s != e+1 || text[e] != ' ' || !t.word || !t.upper || a.actorAt[ti] >= 0 || notDesignation[t.w] {
			break
		}
		if _, ok := weapons.CategoryOf(t.w); ok && !strings.Contains(lc, t.w) {
			break
		}
		if strings.Contains(lc, t.w) || ti+1 < len(toks) && isGenericWord(toks[ti+1].w) {
			e = t.e
			ti++
			continue
		}
		break
	}
	return e
}

// plainDesignation trims the designation name of the system canon: no
// trailing generic nouns, no "-class", no plural "s".
func plainDesignation(name, canon string) string {
	// Drop trailing lower-case words ("drones", "self-propelled howitzers") and "-class".
	fields := strings.Fields(name)
	for len(fields) > 1 && strings.ToLower(fields[len(fields)-1]) == fields[len(fields)-1] &&
		!strings.ContainsAny(fields[len(fields)-1], "0123456789") {
		fields = fields[:len(fields)-1]
	}
	name = strings.Join(fields, " ")
	name = strings.TrimSuffix(strings.TrimSuffix(name, "-class"), " class")
	// A plural the weapons package matched whole: "Rafales", "MiG-29s".
	if n := len(name); n > 2 && name[n-1] == 's' && !strings.HasSuffix(strings.ToLower(canon), "s") &&
		(strings.EqualFold(name[:n-1], canon) || name[n-2] >= '0' && name[n-2] <= '9') {
		name = name[:n-1]
	}
	if one, ok := strings.CutSuffix(name, "s"); ok {
		// "Eurofighters", "Black Hawks": the plural of a name the lexicon knows.
		if s1, ok := weapons.LookupSystem(one); ok {
			if s0, ok := weapons.LookupSystem(name); !ok || s0.Name == s1.Name {
				name = one
			}
		}
	}
	return name
}
