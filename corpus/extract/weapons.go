package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

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
	toks := a.toks
	var ms []wmatch
	for _, m := range weapons.Find(a.text) {
		if len(ms) >= maxItems {
			break
		}
		ti, tj := a.tokRange(m.Start, m.End)
		if ti >= tj || a.overlapsActor(ti, tj) {
			continue
		}
		if len(ms) > 0 && ti < ms[len(ms)-1].tj {
			continue // inside a designation already extended
		}
		w := wmatch{ti: ti, tj: tj, category: string(m.Category), canon: m.System, known: m.System != ""}
		if m.System != "" {
			var e int
			w.system, e = a.systemName(m.Start, m.End, m.System)
			_, w.tj = a.tokRange(m.Start, e)
		}
		ms = append(ms, w)
	}
	// Weapon phrases the weapons package does not know yet.
	for i := 0; i < len(toks) && len(ms) < maxItems; i++ {
		if a.actorAt[i] >= 0 || !toks[i].word {
			continue
		}
		if cat, n := extraWeapons.match(toks, i); n > 0 {
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
	}
	// Generic arms words on the words left over.
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
		if _, n := armsWords.match(toks, i); n > 0 {
			if toks[i].w == "arms" && i+1 < len(toks) && (toks[i+1].w == "of" || toks[i+1].w == "length") {
				continue
			}
			extra = append(extra, wmatch{ti: i, tj: i + n, arms: true})
			i += n - 1
		}
	}
	if len(extra) > 0 {
		ms = append(ms, extra...)
		sortMatches(ms)
	}
	// Unknown designations before a generic word ("L-410 Turbolet transport aircraft").
	var listed []wmatch
	for k := range ms {
		if ms[k].system == "" && !ms[k].arms {
			if ti, name := a.designationBefore(ms[k].ti, ms, k); name != "" {
				ms[k].system, ms[k].ti = name, ti
				// "YLC-2 and YLC-18 air search radars": earlier designations of the list.
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
			}
		}
	}
	if len(listed) > 0 {
		ms = append(ms, listed...)
		sortMatches(ms)
	}
	// Merge runs.
	for k := 0; k < len(ms); {
		it := item{ti: ms[k].ti, tj: ms[k].tj, system: ms[k].system, category: ms[k].category, arms: ms[k].arms, owner: -1}
		canon, known := ms[k].canon, ms[k].known
		n := k + 1
		for n < len(ms) && a.adjacent(it.tj, ms[n].ti) && !ms[n].arms && !it.arms {
			m := ms[n]
			switch {
			case m.system != "" && it.system != "" && m.canon == canon && canon != "":
				// "A-29 Super Tucano": one system named twice.
				it.system = a.text[toks[it.ti].s:toks[m.tj-1].e]
			case m.system != "" && it.system == "":
				it.system, canon, known = m.system, m.canon, m.known
				it.category = m.category
			case m.system == "" && it.system != "" && m.category != it.category:
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
			n++
		}
		if it.tj < len(toks) && weaponOrgNouns[toks[it.tj].w] ||
			it.tj+1 < len(toks) && weaponOrgNouns[toks[it.tj+1].w] && listOrgMods[toks[it.tj].w] {
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
	// "an HQ-9 system of the FD-2000 version", "Mi-17s (Mi-8MTV version)":
	// one weapon, named by its variant.
	for k := 0; k+1 < len(a.items); k++ {
		x, y := &a.items[k], &a.items[k+1]
		if y.system == "" || x.org || y.org {
			continue
		}
		gap := toks[x.tj:y.ti]
		ok := len(gap) <= 4
		for _, t := range gap {
			switch t.w {
			case "of", "the", "(", "a", ",", "to", "in", "system", "systems", "rebuilt", "modernized", "modernised",
				"upgraded", "converted":
			default:
				ok = false
			}
		}
		if ok && y.tj < len(toks) && variantWords[toks[y.tj].w] {
			x.system, x.canon = y.system, y.canon
			y.org = true // not a second weapon
		}
	}
}

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
	text := a.text
	wordEnd := func(i int) int {
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) || r == utf8.RuneError {
				break
			}
			i += size
		}
		return i
	}
	e := end
	if j := wordEnd(e); j > e {
		if suf := text[e:j]; suf != "s" && suf != "es" {
			e = j
		}
	}
	if e+1 < len(text) && text[e] == '-' {
		j := wordEnd(e + 1)
		suf := text[e+1 : j]
		if suf != "" && suf != "class" && !madeWords[strings.ToLower(suf)] &&
			(suf[0] >= '0' && suf[0] <= '9' || suf[0] >= 'A' && suf[0] <= 'Z') {
			e = j
		}
	}
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
	name := text[start:e]
	if strings.HasPrefix(canon, "Bayraktar ") {
		return canon, e
	}
	// Drop trailing lower-case words ("drones", "self-propelled howitzers") and "-class".
	fields := strings.Fields(name)
	for len(fields) > 1 && strings.ToLower(fields[len(fields)-1]) == fields[len(fields)-1] &&
		!strings.ContainsAny(fields[len(fields)-1], "0123456789") {
		fields = fields[:len(fields)-1]
	}
	name = strings.Join(fields, " ")
	name = strings.TrimSuffix(strings.TrimSuffix(name, "-class"), " class")
	return name, e
}
