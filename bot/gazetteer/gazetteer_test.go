package gazetteer

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLookup(t *testing.T) {
	g := Default()
	tests := []struct {
		in   string
		want string // alpha-2 code
	}{
		{"Kazakhstan", "KZ"}, {"kazakhstan", "KZ"}, {"KAZAKHSTAN", "KZ"}, {"Kazakh", "KZ"},
		{"Kazakhstani", "KZ"}, {"Kazakhs", "KZ"}, {"Republic of Kazakhstan", "KZ"}, {"Astana", "KZ"},
		{"Nur-Sultan", "KZ"}, {"nur sultan", "KZ"}, {"KZ", "KZ"}, {"kaz", "KZ"}, {"Казахстан", "KZ"},
		{"Казахстана", "KZ"}, {"Қазақстан", "KZ"},
		{"Kyrgyzstan", "KG"}, {"Kyrgyz Republic", "KG"}, {"Kirghizia", "KG"}, {"Kirgiz", "KG"},
		{"Kyrgyz", "KG"}, {"Bishkek", "KG"}, {"Кыргызстан", "KG"}, {"Киргизии", "KG"},
		{"Tajikistan", "TJ"}, {"Tajik", "TJ"}, {"Tajikistani", "TJ"}, {"Dushanbe", "TJ"}, {"Таджикистан", "TJ"},
		{"Turkmenistan", "TM"}, {"Turkmenia", "TM"}, {"Turkmen", "TM"}, {"Ashgabat", "TM"},
		{"Ashkhabad", "TM"}, {"Туркменистана", "TM"},
		{"Uzbekistan", "UZ"}, {"Uzbek", "UZ"}, {"Uzbekistani", "UZ"}, {"Tashkent", "UZ"}, {"Узбекистан", "UZ"},
		{"Turkey", "TR"}, {"Türkiye", "TR"}, {"türkiye", "TR"}, {"TURKIYE", "TR"}, {"Turkiye", "TR"},
		{"Turkish", "TR"}, {"Ankara", "TR"}, {"Republic of Türkiye", "TR"}, {"Турция", "TR"},
		{"United States", "US"}, {"the United States", "US"}, {"US", "US"}, {"U.S.", "US"}, {"USA", "US"},
		{"us", "US"}, {"America", "US"}, {"American", "US"}, {"Washington", "US"}, {"США", "US"},
		{"United Kingdom", "GB"}, {"UK", "GB"}, {"Britain", "GB"}, {"British", "GB"}, {"London", "GB"}, {"GB", "GB"},
		{"China", "CN"}, {"PRC", "CN"}, {"People's Republic of China", "CN"}, {"Chinese", "CN"},
		{"Beijing", "CN"}, {"Китай", "CN"}, {"Китая", "CN"},
		{"Russia", "RU"}, {"Russian Federation", "RU"}, {"Russian", "RU"}, {"Moscow", "RU"},
		{"Kremlin", "RU"}, {"Россия", "RU"}, {"Москва", "RU"},
		{"Soviet Union", "SU"}, {"USSR", "SU"}, {"Soviet", "SU"}, {"СССР", "SU"},
		{"Iran", "IR"}, {"Iranian", "IR"}, {"Tehran", "IR"}, {"Иран", "IR"},
		{"Belarus", "BY"}, {"Belarusian", "BY"}, {"Byelorussia", "BY"}, {"Minsk", "BY"}, {"Беларусь", "BY"},
		{"Ukraine", "UA"}, {"Ukrainian", "UA"}, {"Kyiv", "UA"}, {"Kiev", "UA"}, {"Украина", "UA"},
		{"Israel", "IL"}, {"Israeli", "IL"}, {"Израиль", "IL"},
		{"France", "FR"}, {"French", "FR"}, {"Paris", "FR"}, {"Франция", "FR"},
		{"Germany", "DE"}, {"German", "DE"}, {"Berlin", "DE"}, {"Германия", "DE"},
		{"Czechia", "CZ"}, {"Czech Republic", "CZ"}, {"Czech", "CZ"}, {"Prague", "CZ"},
		{"South Korea", "KR"}, {"Republic of Korea", "KR"}, {"ROK", "KR"}, {"Korea", "KR"}, {"Seoul", "KR"},
		{"North Korea", "KP"}, {"DPRK", "KP"}, {"Pyongyang", "KP"},
		{"Democratic People's Republic of Korea", "KP"},
		{"United Arab Emirates", "AE"}, {"UAE", "AE"}, {"Emirati", "AE"}, {"Abu Dhabi", "AE"},
		{"Vietnam", "VN"}, {"Viet Nam", "VN"}, {"Taiwan", "TW"}, {"Republic of China", "TW"},
		{"Kosovo", "XK"}, {"Palestine", "PS"}, {"Holy See", "VA"}, {"Vatican", "VA"},
		{"Swaziland", "SZ"}, {"Eswatini", "SZ"}, {"Burma", "MM"}, {"Myanmar", "MM"},
		{"Ivory Coast", "CI"}, {"Côte d'Ivoire", "CI"}, {"Cote d’Ivoire", "CI"}, {"Macedonia", "MK"},
		{"North Macedonia", "MK"}, {"Cabo Verde", "CV"}, {"Cape Verde", "CV"},
		{"DR Congo", "CD"}, {"DRC", "CD"}, {"Democratic Republic of the Congo", "CD"}, {"Congo", "CG"},
		{"Guinea-Bissau", "GW"}, {"guinea bissau", "GW"}, {"Guinea", "GN"},
		{"Georgia", "GE"}, {"Jordan", "JO"}, {"Chad", "TD"}, {"Niger", "NE"}, {"Nigeria", "NG"},
		{"Czechoslovakia", "CS"}, {"Yugoslavia", "YU"},
		{"  Kazakhstan  ", "KZ"}, {"Turkey*", "TR"}, {"Turkey**", "TR"}, {"Uzbekistan *", "UZ"},
		{"Saint Kitts and Nevis", "KN"}, {"St. Kitts and Nevis", "KN"}, {"Sao Tome and Principe", "ST"},
		{"São Tomé and Príncipe", "ST"}, {"Timor-Leste", "TL"}, {"East Timor", "TL"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, ok := g.Lookup(tt.in)
			if !ok {
				t.Fatalf("Lookup(%q) found nothing, want %s", tt.in, tt.want)
			}
			if c.Code != tt.want {
				t.Errorf("Lookup(%q) = %s (%s), want %s", tt.in, c.Code, c.Name, tt.want)
			}
		})
	}
}

func TestLookupMisses(t *testing.T) {
	g := Default()
	for _, in := range []string{"", "   ", "*", "Atlantis", "Central Asia", "Baykar", "Europe", "the", "xx"} {
		if c, ok := g.Lookup(in); ok {
			t.Errorf("Lookup(%q) = %s, want no country", in, c.Name)
		}
	}
}

func TestCanonicalNames(t *testing.T) {
	g := Default()
	names := []string{
		"United States", "United Kingdom", "Russia", "China", "Turkey", "Iran", "South Korea",
		"North Korea", "Czechia", "Soviet Union", "Kazakhstan", "Kyrgyzstan", "Tajikistan",
		"Turkmenistan", "Uzbekistan", "Belarus", "Ukraine", "Israel", "France", "Germany", "Italy",
		"Spain", "Netherlands", "Pakistan", "India", "United Arab Emirates", "Taiwan", "Kosovo",
		"Palestine", "Vietnam", "Syria", "Laos", "Moldova", "Bolivia", "Venezuela", "Tanzania",
		"Brunei", "Cape Verde", "Cote d'Ivoire", "Eswatini", "North Macedonia", "Myanmar",
		"DR Congo", "Congo", "Czechoslovakia", "Yugoslavia",
	}
	for _, n := range names {
		c, ok := g.Lookup(n)
		if !ok || c.Name != n {
			t.Errorf("Lookup(%q) = %q, %v; want canonical name %q", n, c.Name, ok, n)
		}
	}
}

func TestByCode(t *testing.T) {
	g := Default()
	tests := []struct{ code, want string }{
		{"KZ", "Kazakhstan"}, {"kz", "Kazakhstan"}, {"KAZ", "Kazakhstan"}, {"SU", "Soviet Union"},
		{"SUN", "Soviet Union"}, {"XK", "Kosovo"}, {"CS", "Czechoslovakia"}, {"YU", "Yugoslavia"},
		{"GB", "United Kingdom"}, {"US", "United States"}, {"TR", "Turkey"}, {" tm ", "Turkmenistan"},
	}
	for _, tt := range tests {
		c, ok := g.ByCode(tt.code)
		if !ok || c.Name != tt.want {
			t.Errorf("ByCode(%q) = %q, %v; want %q", tt.code, c.Name, ok, tt.want)
		}
	}
	for _, code := range []string{"", "UK", "ZZ", "Kazakhstan"} {
		if c, ok := g.ByCode(code); ok {
			t.Errorf("ByCode(%q) = %q, want nothing", code, c.Name)
		}
	}
}

func TestUNMembers(t *testing.T) {
	nonUN := map[string]bool{"TW": true, "XK": true, "PS": true, "VA": true}
	members, historical := 0, 0
	for _, c := range Default().Countries() {
		switch {
		case c.Historical:
			historical++
		case !nonUN[c.Code]:
			members++
		}
	}
	if members != 193 {
		t.Errorf("%d UN member states, want 193", members)
	}
	if historical != 3 {
		t.Errorf("%d historical states, want 3 (SU, CS, YU)", historical)
	}
}

func TestCodesUnique(t *testing.T) {
	seen := map[string]string{}
	for _, c := range Default().Countries() {
		if len(c.Code) != 2 || len(c.Alpha3) != 3 || strings.ToUpper(c.Code) != c.Code || strings.ToUpper(c.Alpha3) != c.Alpha3 {
			t.Errorf("%s: bad codes %q/%q", c.Name, c.Code, c.Alpha3)
		}
		for _, code := range []string{c.Code, c.Alpha3} {
			if prev, ok := seen[code]; ok {
				t.Errorf("code %s used by %s and %s", code, prev, c.Name)
			}
			seen[code] = c.Name
		}
		if c.Name == "" {
			t.Errorf("%s has no name", c.Code)
		}
	}
}

// TestAliasesUnique checks that every name leads back to its own country and
// that building found no name claimed twice.
func TestAliasesUnique(t *testing.T) {
	g := Default()
	for _, c := range g.conflicts {
		t.Error(c)
	}
	owner := map[string]string{}
	for _, c := range g.Countries() {
		for _, a := range append([]string{c.Name, c.Official, c.Code, c.Alpha3}, c.Aliases...) {
			if a == "" {
				continue
			}
			k := key(a)
			if prev, ok := owner[k]; ok && prev != c.Code {
				t.Errorf("%q belongs to both %s and %s", a, prev, c.Code)
			}
			owner[k] = c.Code
			got, ok := g.Lookup(a)
			if !ok || got.Code != c.Code {
				t.Errorf("Lookup(%q) = %s, want %s", a, got.Code, c.Code)
			}
		}
	}
}

func TestCountriesSorted(t *testing.T) {
	cs := Default().Countries()
	if !slices.IsSortedFunc(cs, func(a, b Country) int { return strings.Compare(a.Name, b.Name) }) {
		t.Error("Countries() is not sorted by Name")
	}
	cs[0].Name = "changed"
	if Default().Countries()[0].Name == "changed" {
		t.Error("Countries() returned the gazetteer's own slice")
	}
}

type wantMention struct {
	text  string
	kind  MentionKind
	codes string // comma-separated
	group string
}

func TestFind(t *testing.T) {
	g := Default()
	tests := []struct {
		name string
		text string
		want []wantMention
	}{
		{"hyphenated demonym and capital", "Turkish-made Bayraktar TB2 drones reached Ashgabat",
			[]wantMention{{"Turkish", DemonymMention, "TR", ""}, {"Ashgabat", CapitalMention, "TM", ""}}},
		{"acronyms", "the US and the UK", []wantMention{{"US", NameMention, "US", ""}, {"UK", NameMention, "GB", ""}}},
		{"pronoun us", "they told us about it; Us too", nil},
		{"dotted acronym", "U.S.-made howitzers", []wantMention{{"U.S.", NameMention, "US", ""}}},
		{"possessive", "Kazakhstan's purchase of Chinese-built drones",
			[]wantMention{{"Kazakhstan", NameMention, "KZ", ""}, {"Chinese", DemonymMention, "CN", ""}}},
		{"lower-case common words", "a turkey on fine china from the chad in jordan", nil},
		{"Türkiye variants", "Türkiye, Turkiye and TÜRKIYE",
			[]wantMention{{"Türkiye", NameMention, "TR", ""}, {"Turkiye", NameMention, "TR", ""}, {"TÜRKIYE", NameMention, "TR", ""}}},
		{"longest match", "South Korea, North Korea and Korea",
			[]wantMention{{"South Korea", NameMention, "KR", ""}, {"North Korea", NameMention, "KP", ""}, {"Korea", NameMention, "KR", ""}}},
		{"multi-word names", "the Czech Republic and the United Arab Emirates signed",
			[]wantMention{{"Czech Republic", NameMention, "CZ", ""}, {"United Arab Emirates", NameMention, "AE", ""}}},
		{"official names", "the People's Republic of China and the Republic of China",
			[]wantMention{{"People's Republic of China", NameMention, "CN", ""}, {"Republic of China", NameMention, "TW", ""}}},
		{"apostrophe variants", "Côte d’Ivoire and Cote d'Ivoire",
			[]wantMention{{"Côte d’Ivoire", NameMention, "CI", ""}, {"Cote d'Ivoire", NameMention, "CI", ""}}},
		{"Cyrillic", "Казахстан закупил у Китая и России, сообщила Москва",
			[]wantMention{{"Казахстан", NameMention, "KZ", ""}, {"Китая", NameMention, "CN", ""}, {"России", NameMention, "RU", ""}, {"Москва", CapitalMention, "RU", ""}}},
		{"Cyrillic acronym", "США и РФ", []wantMention{{"США", NameMention, "US", ""}, {"РФ", NameMention, "RU", ""}}},
		{"Central Asia group", "Central Asia and the five Central Asian states",
			[]wantMention{{"Central Asia", GroupMention, "KZ,KG,TJ,TM,UZ", "Central Asia"}, {"five Central Asian states", GroupMention, "KZ,KG,TJ,TM,UZ", "Central Asia"}}},
		{"GCC", "GCC members", []wantMention{{"GCC", GroupMention, "SA,AE,QA,KW,BH,OM", "Gulf states"}}},
		{"subsidiary before parent", "Leonardo DRS and Leonardo",
			[]wantMention{{"Leonardo DRS", ManufacturerMention, "US", "Leonardo DRS"}, {"Leonardo", ManufacturerMention, "IT", "Leonardo"}}},
		{"manufacturers", "Baykar, Turkish Aerospace and Rosoboronexport",
			[]wantMention{{"Baykar", ManufacturerMention, "TR", "Baykar"}, {"Turkish Aerospace", ManufacturerMention, "TR", "Turkish Aerospace"}, {"Rosoboronexport", ManufacturerMention, "RU", "Rosoboronexport"}}},
		{"multinational manufacturer", "an Airbus helicopter", []wantMention{{"Airbus", ManufacturerMention, "FR,DE,ES", "Airbus"}}},
		{"blockers", "North American buyers in the South China Sea read the Washington Post", nil},
		{"capital metonym", "Washington and Moscow disagreed; Tehran and Minsk too",
			[]wantMention{{"Washington", CapitalMention, "US", ""}, {"Moscow", CapitalMention, "RU", ""}, {"Tehran", CapitalMention, "IR", ""}, {"Minsk", CapitalMention, "BY", ""}}},
		{"historical", "Soviet-era tanks from the former Soviet Union and Czechoslovakia",
			[]wantMention{{"Soviet", DemonymMention, "SU", ""}, {"former Soviet Union", NameMention, "SU", ""}, {"Czechoslovakia", NameMention, "CS", ""}}},
		{"post-Soviet is not a country", "post-Soviet states", nil},
		{"no partial words", "Chinatown, Turkeys, Iranians, Omanis", []wantMention{{"Iranians", DemonymMention, "IR", ""}, {"Omanis", DemonymMention, "OM", ""}}},
		{"newline in name", "United\nStates", []wantMention{{"United\nStates", NameMention, "US", ""}}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := g.Find(tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %v, want %d mentions", tt.text, got, len(tt.want))
			}
			for i, w := range tt.want {
				m := got[i]
				if m.Text != w.text || m.Kind != w.kind || strings.Join(m.Codes, ",") != w.codes || m.Group != w.group {
					t.Errorf("mention %d = %q %v %v %q, want %q %v %s %q", i, m.Text, m.Kind, m.Codes, m.Group, w.text, w.kind, w.codes, w.group)
				}
				if tt.text[m.Start:m.End] != m.Text {
					t.Errorf("mention %d: offsets %d:%d do not give %q", i, m.Start, m.End, m.Text)
				}
			}
		})
	}
}

func TestGroup(t *testing.T) {
	g := Default()
	tests := []struct {
		name, want string
		size       int
	}{
		{"Central Asia", "Central Asia", 5}, {"central asian states", "Central Asia", 5},
		{"the Gulf states", "Gulf states", 6}, {"GCC", "Gulf states", 6}, {"Gulf Cooperation Council", "Gulf states", 6},
		{"EU", "European Union", 27}, {"European Union", "European Union", 27}, {"Europe", "Europe", 32},
		{"NATO", "NATO", 32}, {"CSTO", "CSTO", 6}, {"South Caucasus", "South Caucasus", 3},
		{"Baltic states", "Baltic states", 3}, {"Nordic countries", "Nordic countries", 5},
		{"ASEAN", "ASEAN", 11}, {"Sahel", "Sahel", 5},
	}
	for _, tt := range tests {
		gr, ok := g.Group(tt.name)
		if !ok || gr.Name != tt.want || len(gr.Members) != tt.size {
			t.Errorf("Group(%q) = %q with %d members, %v; want %q with %d", tt.name, gr.Name, len(gr.Members), ok, tt.want, tt.size)
		}
	}
	if _, ok := g.Group("Kazakhstan"); ok {
		t.Error("Group(Kazakhstan) found a group")
	}
	for _, gr := range g.Groups() {
		seen := map[string]bool{}
		for _, m := range gr.Members {
			if _, ok := g.ByCode(m); !ok || seen[m] {
				t.Errorf("group %s: bad or repeated member %q", gr.Name, m)
			}
			seen[m] = true
		}
	}
}

func TestManufacturers(t *testing.T) {
	g := Default()
	ms := g.Manufacturers()
	if len(ms) < 60 {
		t.Errorf("%d manufacturers, want at least 60", len(ms))
	}
	for _, m := range ms {
		if len(m.Codes) == 0 {
			t.Errorf("%s has no country", m.Name)
		}
		for _, c := range m.Codes {
			if _, ok := g.ByCode(c); !ok {
				t.Errorf("%s: unknown country %q", m.Name, c)
			}
		}
	}
	tests := []struct{ name, want string }{
		{"Baykar", "TR"}, {"TAI", "TR"}, {"tusas", "TR"}, {"Aselsan", "TR"}, {"Roketsan", "TR"},
		{"Leonardo", "IT"}, {"Rosoboronexport", "RU"}, {"Almaz-Antey", "RU"}, {"Norinco", "CN"},
		{"AVIC", "CN"}, {"Lockheed Martin", "US"}, {"Raytheon", "US"}, {"BAE Systems", "GB"},
		{"Thales", "FR"}, {"Rheinmetall", "DE"}, {"Elbit", "IL"}, {"IAI", "IL"}, {"Hanwha", "KR"},
		{"Embraer", "BR"}, {"Saab", "SE"}, {"Patria", "FI"}, {"Aero Vodochody", "CZ"},
		{"Ukroboronprom", "UA"}, {"Paramount Group", "ZA"}, {"HESA", "IR"}, {"EDGE Group", "AE"},
		{"Kazakhstan Engineering", "KZ"}, {"Belspetsvneshtechnika", "BY"}, {"Airbus", "FR"},
		{"Leonardo DRS", "US"}, {"Elbit Systems of America", "US"}, {"Rheinmetall Defence Australia", "AU"},
		{"Klimov", "RU"}, {"Zorya-Mashproekt", "UA"}, {"AECC", "CN"}, {"Hyundai WIA", "KR"},
		{"Hyundai Doosan Infracore", "KR"}, {"Renk", "DE"}, {"Elta", "IL"}, {"Turbomeca", "FR"},
		{"Adani Defence", "IN"}, {"Automecanica", "RO"}, {"Wartsila", "FI"}, {"Steyr Mannlicher", "AT"},
	}
	for _, tt := range tests {
		m, ok := g.Manufacturer(tt.name)
		if !ok || m.Codes[0] != tt.want {
			t.Errorf("Manufacturer(%q) = %v, %v; want %s first", tt.name, m.Codes, ok, tt.want)
		}
	}
}

func TestFindInvalidUTF8(t *testing.T) {
	text := "\xffTurkey\xfe sold \xc3 drones to \xe2\x82Kazakhstan\xff"
	got := Default().Find(text)
	var names []string
	for _, m := range got {
		names = append(names, m.Text)
	}
	if want := []string{"Turkey", "Kazakhstan"}; !slices.Equal(names, want) {
		t.Errorf("Find = %q, want %q", names, want)
	}
}

func longText(n int) string {
	words := []string{"Turkey", "sold", "Bayraktar", "drones", "to", "Kazakhstan", "and", "the", "US",
		"Central", "Asia", "Китай", "Türkiye", "while", "Moscow", "watched", "United", "Arab", "Emirates"}
	var sb strings.Builder
	for i := 0; sb.Len() < n; i++ {
		sb.WriteString(words[i%len(words)])
		sb.WriteByte(' ')
	}
	return sb.String()
}

func TestFindLongInput(t *testing.T) {
	g := Default()
	names := make([]string, 0, 200)
	for _, c := range g.Countries() {
		names = append(names, c.Name)
	}
	hostile := []string{
		longText(10000),
		strings.Join(names, ", "),
		strings.Repeat("a", 100000),
		strings.Repeat("United ", 5000),
		strings.Repeat("People's Republic of ", 2000),
	}
	// Their speed is measured by BenchmarkFindHostile, not timed here.
	for i, text := range hostile {
		got := g.Find(text)
		if i == 1 && len(got) != len(names) {
			t.Errorf("found %d of %d country names", len(got), len(names))
		}
	}
}

func BenchmarkFindHostile(b *testing.B) {
	g := Default()
	for _, text := range []string{longText(10000), strings.Repeat("a", 100000), strings.Repeat("United ", 5000), strings.Repeat("People's Republic of ", 2000)} {
		b.Run(fmt.Sprint(len(text)), func(b *testing.B) {
			for b.Loop() {
				g.Find(text)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Turkish-made Bayraktar TB2 drones reached Ashgabat",
		"the US and the UK told us", "Kazakhstan's purchase", "Казахстан и Китай",
		"Côte d’Ivoire", "U.S.", "\xff\xfeTürkiye", "People's Republic of China", "",
	} {
		f.Add(s)
	}
	g := Default()
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, m := range g.Find(text) {
			if m.Start < prev || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("bad offsets %d:%d (previous end %d, len %d)", m.Start, m.End, prev, len(text))
			}
			if text[m.Start:m.End] != m.Text {
				t.Fatalf("Text %q != text[%d:%d] %q", m.Text, m.Start, m.End, text[m.Start:m.End])
			}
			if len(m.Codes) == 0 {
				t.Fatalf("mention %q has no codes", m.Text)
			}
			if utf8.ValidString(text) && !utf8.ValidString(m.Text) {
				t.Fatalf("mention %q cuts a character", m.Text)
			}
			prev = m.End
		}
	})
}

func BenchmarkFind(b *testing.B) {
	g := Default()
	text := longText(10000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		g.Find(text)
	}
}

// BenchmarkFindProse measures a 10,000-character report with a realistic
// density of names.
func BenchmarkFindProse(b *testing.B) {
	g := Default()
	para := "In 2023 the government in Astana signed a contract with Turkish Aerospace for Anka drones, " +
		"while officials said deliveries of Chinese-built air-defence systems would continue as planned and " +
		"that the ministry was in talks with several European suppliers about helicopters and radars. "
	text := strings.Repeat(para, 10000/len(para)+1)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		g.Find(text)
	}
}

func BenchmarkLookup(b *testing.B) {
	g := Default()
	for b.Loop() {
		g.Lookup("Türkiye")
	}
}
