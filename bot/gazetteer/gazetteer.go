package gazetteer

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Country is one country, current or historical.
type Country struct {
	Code       string   // ISO 3166-1 alpha-2 ("KZ"); "SU" Soviet Union, "XK" Kosovo, "CS" Czechoslovakia, "YU" Yugoslavia
	Alpha3     string   // ISO 3166-1 alpha-3 ("KAZ")
	Name       string   // canonical English short name ("Kazakhstan")
	Official   string   // official name ("Republic of Kazakhstan")
	Aliases    []string // every other name, spelling, demonym, capital and Cyrillic form
	Historical bool     // the state no longer exists (Soviet Union, Czechoslovakia, Yugoslavia)
}

// Group is a region or alliance that stands for several countries
// ("Central Asia", "NATO").
type Group struct {
	Name    string   // display name
	Aliases []string // other names for the group
	Members []string // alpha-2 codes of the member countries
}

// Manufacturer is an arms maker or state export agency that stands for its
// home country in reports ("Baykar sold ..." means Turkey sold ...).
type Manufacturer struct {
	Name    string   // canonical name ("Baykar")
	Aliases []string // other names and acronyms
	Codes   []string // alpha-2 codes of the home countries, principal first
}

// MentionKind says how a country was named in a text.
type MentionKind int

// The kinds of mention Find reports.
const (
	NameMention         MentionKind = iota + 1 // a name or official name: "Turkey", "Türkiye", "USA"
	DemonymMention                             // a demonym or adjective: "Turkish", "Kazakh"
	CapitalMention                             // a capital or seat of government standing for it: "Ankara", "the Kremlin"
	GroupMention                               // a regional group: "Central Asia", "NATO"
	ManufacturerMention                        // an arms maker standing for its country: "Baykar"
)

// String returns the kind's name ("name", "demonym", ...).
func (k MentionKind) String() string {
	switch k {
	case NameMention:
		return "name"
	case DemonymMention:
		return "demonym"
	case CapitalMention:
		return "capital"
	case GroupMention:
		return "group"
	case ManufacturerMention:
		return "manufacturer"
	}
	return fmt.Sprintf("MentionKind(%d)", int(k))
}

// Mention is one place in a text that names a country, a group of countries
// or a manufacturer standing for its country.
type Mention struct {
	Start, End int    // byte offsets into the text given to Find
	Text       string // text[Start:End]
	Kind       MentionKind
	Codes      []string // one code for a country, the member codes for a group, the home countries of a manufacturer
	Group      string   // group display name for GroupMention, manufacturer name for ManufacturerMention, else ""
}

// Gazetteer knows country names, groups and manufacturers. It is immutable
// once built and safe for concurrent use.
type Gazetteer struct {
	countries  []Country // sorted by Name
	byKey      map[string]int
	byCode     map[string]int
	groups     []Group
	groupByKey map[string]int
	makers     []Manufacturer
	makerByKey map[string]int
	index      map[string][]*phrase // first folded word -> phrases, longest first
	conflicts  []string             // data errors found while building; empty for good data
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
)

// Default returns the gazetteer built from the package's data. It is built
// once, on first use.
func Default() *Gazetteer {
	defaultOnce.Do(func() { defaultGaz = build() })
	return defaultGaz
}

// Lookup finds a country by any of its names, aliases, demonyms, capitals or
// ISO codes, ignoring case, diacritics, surrounding space, a leading "the"
// and trailing "*"s: "türkiye", "TURKIYE", "kazakh", "KZ", "KAZ" and
// "Казахстан" all work. Lookup is for names given on their own; use Find to
// scan running text.
func (g *Gazetteer) Lookup(name string) (Country, bool) {
	i, ok := lookupIn(g.byKey, name)
	if !ok {
		return Country{}, false
	}
	return cloneCountry(g.countries[i]), true
}

// ByCode finds a country by its alpha-2 or alpha-3 code, ignoring case.
func (g *Gazetteer) ByCode(code string) (Country, bool) {
	i, ok := g.byCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Country{}, false
	}
	return cloneCountry(g.countries[i]), true
}

// Group finds a regional group by its name or an alias, with the same
// normalisation as Lookup: "central asia", "the Gulf states", "GCC".
func (g *Gazetteer) Group(name string) (Group, bool) {
	i, ok := lookupIn(g.groupByKey, name)
	if !ok {
		return Group{}, false
	}
	gr := g.groups[i]
	gr.Aliases = slices.Clone(gr.Aliases)
	gr.Members = slices.Clone(gr.Members)
	return gr, true
}

// Manufacturer finds an arms maker by its name or an alias, with the same
// normalisation as Lookup: "baykar", "TAI", "Rosoboronexport".
func (g *Gazetteer) Manufacturer(name string) (Manufacturer, bool) {
	i, ok := lookupIn(g.makerByKey, name)
	if !ok {
		return Manufacturer{}, false
	}
	m := g.makers[i]
	m.Aliases = slices.Clone(m.Aliases)
	m.Codes = slices.Clone(m.Codes)
	return m, true
}

// Countries returns every country, current and historical, sorted by Name.
// The result is a copy the caller may change.
func (g *Gazetteer) Countries() []Country {
	out := make([]Country, len(g.countries))
	for i, c := range g.countries {
		out[i] = cloneCountry(c)
	}
	return out
}

// Groups returns every regional group in the order of the package data.
func (g *Gazetteer) Groups() []Group {
	out := make([]Group, len(g.groups))
	for i, gr := range g.groups {
		gr.Aliases = slices.Clone(gr.Aliases)
		gr.Members = slices.Clone(gr.Members)
		out[i] = gr
	}
	return out
}

// Manufacturers returns every manufacturer in the order of the package data.
func (g *Gazetteer) Manufacturers() []Manufacturer {
	out := make([]Manufacturer, len(g.makers))
	for i, m := range g.makers {
		m.Aliases = slices.Clone(m.Aliases)
		m.Codes = slices.Clone(m.Codes)
		out[i] = m
	}
	return out
}

func cloneCountry(c Country) Country {
	c.Aliases = slices.Clone(c.Aliases)
	return c
}

func lookupIn(m map[string]int, name string) (int, bool) {
	k := key(cleanName(name))
	if k == "" {
		return 0, false
	}
	if i, ok := m[k]; ok {
		return i, true
	}
	if rest, ok := strings.CutPrefix(k, "the "); ok {
		i, ok := m[rest]
		return i, ok
	}
	return 0, false
}

// build parses the package data and indexes it.
func build() *Gazetteer {
	g := &Gazetteer{
		byKey:      map[string]int{},
		byCode:     map[string]int{},
		groupByKey: map[string]int{},
		makerByKey: map[string]int{},
		index:      map[string][]*phrase{},
	}
	type entry struct {
		kinds [3][]string // names, demonyms, capitals
	}
	var entries []entry
	for _, line := range strings.Split(countryData, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 8 {
			g.conflicts = append(g.conflicts, fmt.Sprintf("bad country line %q", line))
			continue
		}
		c := Country{Code: f[0], Alpha3: f[1], Name: f[2], Official: f[3], Historical: f[7] == "historical"}
		if c.Official == c.Name {
			c.Official = ""
		}
		var e entry
		e.kinds[0] = splitList(f[4])
		e.kinds[1] = withPlurals(splitList(f[5]))
		e.kinds[2] = splitList(f[6])
		seen := map[string]bool{key(c.Name): true, key(c.Official): true}
		for _, list := range e.kinds {
			for _, a := range list {
				if k := key(a); !seen[k] {
					seen[k] = true
					c.Aliases = append(c.Aliases, a)
				}
			}
		}
		g.countries = append(g.countries, c)
		entries = append(entries, e)
	}
	// Sort countries and their parse entries together by name.
	order := make([]int, len(g.countries))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return g.countries[order[a]].Name < g.countries[order[b]].Name })
	countries := make([]Country, len(order))
	sorted := make([]entry, len(order))
	for i, j := range order {
		countries[i], sorted[i] = g.countries[j], entries[j]
	}
	g.countries, entries = countries, sorted

	for i, c := range g.countries {
		g.addCode(c.Code, i)
		g.addCode(c.Alpha3, i)
		t := &target{kind: NameMention, codes: []string{c.Code}}
		for _, n := range []string{c.Name, c.Official, c.Code, c.Alpha3} {
			g.addKey(g.byKey, n, i, "country "+c.Code)
		}
		g.addPhrase(c.Name, t)
		g.addPhrase(c.Official, t)
		kinds := [3]MentionKind{NameMention, DemonymMention, CapitalMention}
		for k, list := range entries[i].kinds {
			tk := &target{kind: kinds[k], codes: []string{c.Code}}
			for _, a := range list {
				g.addKey(g.byKey, a, i, "country "+c.Code)
				g.addPhrase(a, tk)
			}
		}
	}
	for i, gr := range groupData {
		for _, m := range gr.Members {
			if _, ok := g.byCode[m]; !ok {
				g.conflicts = append(g.conflicts, fmt.Sprintf("group %s: unknown member %s", gr.Name, m))
			}
		}
		gr.Aliases = slices.Clone(gr.Aliases)
		gr.Members = slices.Clone(gr.Members)
		g.groups = append(g.groups, gr)
		t := &target{kind: GroupMention, codes: gr.Members, name: gr.Name}
		for _, n := range append([]string{gr.Name}, gr.Aliases...) {
			g.addKey(g.groupByKey, n, i, "group "+gr.Name)
			g.addPhrase(n, t)
		}
	}
	for i, m := range manufacturerData {
		for _, c := range m.Codes {
			if _, ok := g.byCode[c]; !ok {
				g.conflicts = append(g.conflicts, fmt.Sprintf("manufacturer %s: unknown country %s", m.Name, c))
			}
		}
		m.Aliases = slices.Clone(m.Aliases)
		m.Codes = slices.Clone(m.Codes)
		g.makers = append(g.makers, m)
		t := &target{kind: ManufacturerMention, codes: m.Codes, name: m.Name}
		for _, n := range append([]string{m.Name}, m.Aliases...) {
			g.addKey(g.makerByKey, n, i, "manufacturer "+m.Name)
			g.addPhrase(n, t)
		}
	}
	blocker := &target{}
	for _, b := range blockerData {
		g.addPhrase(b, blocker)
	}
	for _, list := range g.index {
		sort.SliceStable(list, func(a, b int) bool { return len(list[a].words) > len(list[b].words) })
	}
	return g
}

func (g *Gazetteer) addCode(code string, i int) {
	if code == "" {
		return
	}
	if j, ok := g.byCode[code]; ok && j != i {
		g.conflicts = append(g.conflicts, fmt.Sprintf("code %s used twice", code))
		return
	}
	g.byCode[code] = i
}

// addKey records a lookup key, noting a conflict when the key already
// belongs to another entry of the same map.
func (g *Gazetteer) addKey(m map[string]int, name string, i int, owner string) {
	k := key(name)
	if k == "" {
		return
	}
	if j, ok := m[k]; ok && j != i {
		g.conflicts = append(g.conflicts, fmt.Sprintf("%q of %s is already taken by entry %d", name, owner, j))
		return
	}
	m[k] = i
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// withPlurals adds the English plural of each Latin-script demonym that forms
// it with a plain "s" ("Kazakh" -> "Kazakhs", "Israeli" -> "Israelis"), but
// not of adjectives such as "Turkish", "Chinese", "Swiss" or "Icelandic".
func withPlurals(list []string) []string {
	out := slices.Clone(list)
	for _, d := range list {
		last := []rune(d)
		if len(last) == 0 || last[len(last)-1] > unicode.MaxLatin1 {
			continue
		}
		l := strings.ToLower(d)
		skip := false
		for _, suf := range []string{"s", "sh", "ch", "ese", "z", "x", "y", "ic", "que"} {
			if strings.HasSuffix(l, suf) {
				skip = true
				break
			}
		}
		if !skip {
			out = append(out, d+"s")
		}
	}
	return out
}
