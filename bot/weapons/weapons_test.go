package weapons

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot/gazetteer"
)

func TestCategories(t *testing.T) {
	cs := Categories()
	if len(cs) != 11 {
		t.Fatalf("%d categories, want 11", len(cs))
	}
	cs[0] = "changed"
	if Categories()[0] != Aircraft {
		t.Error("Categories() returned the package's own slice")
	}
}

func TestParseCategory(t *testing.T) {
	tests := []struct {
		in   string
		want Category
		ok   bool
	}{
		{"Aircraft", Aircraft, true}, {"aircraft", Aircraft, true}, {"AIRCRAFT", Aircraft, true},
		{"Air-defence systems", AirDefence, true}, {"Air defence systems", AirDefence, true},
		{"air defense systems", AirDefence, true}, {"Armoured vehicles", ArmouredVehicles, true},
		{"armored vehicles", ArmouredVehicles, true}, {"Artillery", Artillery, true},
		{"Engines", Engines, true}, {"Missiles", Missiles, true}, {"Naval weapons", NavalWeapons, true},
		{"Other", Other, true}, {"Satellites", Satellites, true}, {"Sensors", Sensors, true},
		{"Ships", Ships, true}, {" ships ", Ships, true},
		{"", "", false}, {"drones", "", false}, {"Air", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseCategory(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseCategory(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCategoryOf(t *testing.T) {
	tests := []struct {
		in   string
		want Category
	}{
		{"drone", Aircraft}, {"drones", Aircraft}, {"Drones", Aircraft}, {"UAV", Aircraft}, {"UAVs", Aircraft},
		{"UCAV", Aircraft}, {"unmanned aerial vehicle", Aircraft}, {"unmanned aerial vehicles", Aircraft},
		{"fighter", Aircraft}, {"jet", Aircraft}, {"aircraft", Aircraft}, {"helicopter", Aircraft},
		{"helicopters", Aircraft}, {"transport aircraft", Aircraft}, {"trainer", Aircraft},
		{"loitering munition", Missiles}, {"loitering munitions", Missiles},
		{"air defence", AirDefence}, {"air defense", AirDefence}, {"air-defence", AirDefence},
		{"SAM", AirDefence}, {"surface-to-air", AirDefence}, {"surface-to-air missiles", AirDefence},
		{"tank", ArmouredVehicles}, {"tanks", ArmouredVehicles}, {"APC", ArmouredVehicles},
		{"armoured personnel carrier", ArmouredVehicles}, {"armored personnel carriers", ArmouredVehicles},
		{"IFV", ArmouredVehicles}, {"armoured vehicles", ArmouredVehicles}, {"MRAP", ArmouredVehicles},
		{"howitzer", Artillery}, {"MLRS", Artillery}, {"multiple rocket launcher", Artillery},
		{"mortar", Artillery}, {"artillery", Artillery},
		{"engine", Engines}, {"engines", Engines}, {"turbofan", Engines},
		{"missile", Missiles}, {"missiles", Missiles}, {"anti-tank missile", Missiles}, {"ATGM", Missiles},
		{"guided bomb", Missiles}, {"air-to-surface missile", Missiles}, {"MANPADS", Missiles},
		{"radar", Sensors}, {"radars", Sensors}, {"over-the-horizon radar", Sensors}, {"sensors", Sensors},
		{"ship", Ships}, {"patrol boats", Ships}, {"corvette", Ships}, {"frigate", Ships}, {"patrol vessels", Ships},
		{"naval gun", NavalWeapons}, {"naval guns", NavalWeapons}, {"torpedo", NavalWeapons}, {"torpedoes", NavalWeapons},
		{"satellite", Satellites}, {"satellites", Satellites},
		{"small arms", Other}, {"rifles", Other}, {"ammunition", Other},
		{"Naval weapons", NavalWeapons}, {"Air defence systems", AirDefence},
		{"Su-30SM", Aircraft}, {"S-400", AirDefence}, {"Spike", Missiles},
	}
	for _, tt := range tests {
		got, ok := CategoryOf(tt.in)
		if !ok || got != tt.want {
			t.Errorf("CategoryOf(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	for _, in := range []string{"", "think tank", "banana", "satellite imagery", "search engine"} {
		if got, ok := CategoryOf(in); ok {
			t.Errorf("CategoryOf(%q) = %q, want nothing", in, got)
		}
	}
}

func TestLookupSystem(t *testing.T) {
	tests := []struct {
		in, name string
		cat      Category
		origin   string
	}{
		{"Bayraktar TB2", "Bayraktar TB2", Aircraft, "Turkey"}, {"TB2", "Bayraktar TB2", Aircraft, "Turkey"},
		{"TB-2", "Bayraktar TB2", Aircraft, "Turkey"}, {"tb 2", "Bayraktar TB2", Aircraft, "Turkey"},
		{"Akıncı", "Bayraktar Akinci", Aircraft, "Turkey"}, {"akinci", "Bayraktar Akinci", Aircraft, "Turkey"},
		{"Anka-S", "Anka", Aircraft, "Turkey"}, {"Wing Loong II", "Wing Loong II", Aircraft, "China"},
		{"Wing Loong-2", "Wing Loong II", Aircraft, "China"}, {"wing loong 1", "Wing Loong I", Aircraft, "China"},
		{"Su-30SM", "Su-30SM", Aircraft, "Russia"}, {"Su 30SM", "Su-30SM", Aircraft, "Russia"},
		{"Su30SM", "Su-30SM", Aircraft, "Russia"}, {"SU-30SM", "Su-30SM", Aircraft, "Russia"},
		{"Tor-M2K", "Tor-M2K", AirDefence, "Russia"}, {"Tor M2K", "Tor-M2K", AirDefence, "Russia"},
		{"FD-2000", "FD-2000", AirDefence, "China"}, {"HQ-9", "HQ-9", AirDefence, "China"},
		{"KS-1C", "KS-1", AirDefence, "China"}, {"Polonez", "Polonez", Artillery, "Belarus"},
		{"L-39", "L-39 Albatros", Aircraft, "Czechia"}, {"Harop", "Harop", Missiles, "Israel"},
		{"Super Tucano", "EMB-314 Super Tucano", Aircraft, "Brazil"}, {"C-295", "C-295", Aircraft, "Spain"},
		{"C295", "C-295", Aircraft, "Spain"}, {"EC145", "H145", Aircraft, "Germany"},
		{"Black Hawk", "UH-60 Black Hawk", Aircraft, "United States"}, {"Javelin", "Javelin", Missiles, "United States"},
		{"Puma UAV", "RQ-20 Puma", Aircraft, "United States"}, {"Black Hornet", "Black Hornet", Aircraft, "Norway"},
		{"Shahed-136", "Shahed-136", Missiles, "Iran"}, {"K9", "K9 Thunder", Artillery, "South Korea"},
		{"Spike", "Spike", Missiles, "Israel"}, {"Mi-171Sh", "Mi-171", Aircraft, "Russia"},
	}
	for _, tt := range tests {
		s, ok := LookupSystem(tt.in)
		if !ok || s.Name != tt.name || s.Category != tt.cat || s.Origin != tt.origin {
			t.Errorf("LookupSystem(%q) = %q %q %q, %v; want %q %q %q", tt.in, s.Name, s.Category, s.Origin, ok, tt.name, tt.cat, tt.origin)
		}
	}
	for _, in := range []string{"", "drones", "Atlantis-9"} {
		if s, ok := LookupSystem(in); ok {
			t.Errorf("LookupSystem(%q) = %q, want nothing", in, s.Name)
		}
	}
}

// TestSystemData checks the table: enough systems, valid categories, origins
// and partners that are canonical gazetteer names, no designation used twice.
func TestSystemData(t *testing.T) {
	for _, c := range lex().conflicts {
		t.Error(c)
	}
	systems := Systems()
	if len(systems) < 80 {
		t.Errorf("%d systems, want at least 80", len(systems))
	}
	g := gazetteer.Default()
	valid := map[Category]bool{}
	for _, c := range Categories() {
		valid[c] = true
	}
	canonical := func(name string) bool {
		c, ok := g.Lookup(name)
		return ok && c.Name == name
	}
	for _, s := range systems {
		if !valid[s.Category] {
			t.Errorf("%s: bad category %q", s.Name, s.Category)
		}
		if s.Kind == "" {
			t.Errorf("%s: no kind", s.Name)
		}
		if s.Origin == "" && len(s.Partners) == 0 {
			t.Errorf("%s: no origin and no partners", s.Name)
		}
		if s.Origin != "" && !canonical(s.Origin) {
			t.Errorf("%s: origin %q is not a canonical country name", s.Name, s.Origin)
		}
		for _, p := range s.Partners {
			if !canonical(p) {
				t.Errorf("%s: partner %q is not a canonical country name", s.Name, p)
			}
		}
		for _, a := range append([]string{s.Name}, s.Aliases...) {
			for _, v := range expand(a, false) {
				got, ok := LookupSystem(v)
				if !ok || got.Name != s.Name {
					t.Errorf("LookupSystem(%q) = %q, want %q", v, got.Name, s.Name)
				}
			}
		}
	}
}

type want struct {
	text   string
	cat    Category
	system string
	origin string
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"system and generic word", "Turkish-made Bayraktar TB2 drones reached Ashgabat",
			[]want{{"Bayraktar TB2", Aircraft, "Bayraktar TB2", "Turkey"}, {"drones", Aircraft, "", ""}}},
		{"designation variants", "TB-2, TB2s, Su 30SM, Su30SM, SU-30SM and Tor M2K",
			[]want{{"TB-2", Aircraft, "Bayraktar TB2", "Turkey"}, {"TB2", Aircraft, "Bayraktar TB2", "Turkey"},
				{"Su 30SM", Aircraft, "Su-30SM", "Russia"}, {"Su30SM", Aircraft, "Su-30SM", "Russia"},
				{"SU-30SM", Aircraft, "Su-30SM", "Russia"}, {"Tor M2K", AirDefence, "Tor-M2K", "Russia"}}},
		{"longest system wins", "Mi-171Sh and Mi-17V-5 helicopters",
			[]want{{"Mi-171Sh", Aircraft, "Mi-171", "Russia"}, {"Mi-17V-5", Aircraft, "Mi-17", "Russia"}, {"helicopters", Aircraft, "", ""}}},
		{"unknown variant falls back", "an upgraded Mi-17V-7", []want{{"Mi-17", Aircraft, "Mi-17", "Russia"}}},
		{"plural designation", "dozens of T-72s", []want{{"T-72", ArmouredVehicles, "T-72", "Russia"}}},
		{"a name with an apostrophe", "the David's Sling and David’s Sling batteries",
			[]want{{"David's Sling", AirDefence, "David's Sling", "Israel"}, {"David’s Sling", AirDefence, "David's Sling", "Israel"}}},
		{"a possessive is no plural", "the Rafale's price", []want{{"Rafale", Aircraft, "Rafale", "France"}}},
		{"plural designation ending in a capital", "two Su-30SMs", []want{{"Su-30SMs", Aircraft, "Su-30SM", "Russia"}}},
		{"plural name", "six Super Tucanos", []want{{"Super Tucanos", Aircraft, "EMB-314 Super Tucano", "Brazil"}}},
		{"plural name needs its capital", "the gripens of winter", nil},
		{"generic phrases", "main battle tanks, anti-tank missiles and air defense systems",
			[]want{{"main battle tanks", ArmouredVehicles, "", ""}, {"anti-tank missiles", Missiles, "", ""},
				{"air defense systems", AirDefence, "", ""}}},
		{"acronyms need capitals", "SAMs and APCs, but not Sam or apc", []want{{"SAMs", AirDefence, "", ""}, {"APCs", ArmouredVehicles, "", ""}}},
		{"names need a capital", "a javelin throw; the Javelin", []want{{"Javelin", Missiles, "Javelin", "United States"}}},
		{"blockers", "think tanks, satellite imagery and foreign fighters; agreed to ship goods", nil},
		{"spaced short word is not a designation", "an 26-year-old officer", nil},
		{"spaced designation opening with a number", "six 407 GXi helicopters; 407 people",
			[]want{{"407 GXi", Aircraft, "Bell 407", "United States"}, {"helicopters", Aircraft, "", ""}}},
		{"hyphenated designation", "two An-26 aircraft",
			[]want{{"An-26", Aircraft, "An-26", "Ukraine"}, {"aircraft", Aircraft, "", ""}}},
		{"loitering munitions are missiles", "Harop loitering munitions",
			[]want{{"Harop", Missiles, "Harop", "Israel"}, {"loitering munitions", Missiles, "", ""}}},
		{"small arms", "rifles and small arms", []want{{"rifles", Other, "", ""}, {"small arms", Other, "", ""}}},
		{"diacritics", "Akıncı and Fırtına", []want{{"Akıncı", Aircraft, "Bayraktar Akinci", "Turkey"}, {"Fırtına", Artillery, "T-155 Firtina", "Turkey"}}},
		{"slash designation", "HQ-9/P batteries", []want{{"HQ-9/P", AirDefence, "HQ-9", "China"}}},
		{"Chinese systems", "Wing Loong II, Wing Loong-1, CH-4B and FD-2000",
			[]want{{"Wing Loong II", Aircraft, "Wing Loong II", "China"}, {"Wing Loong-1", Aircraft, "Wing Loong I", "China"},
				{"CH-4B", Aircraft, "CH-4", "China"}, {"FD-2000", AirDefence, "FD-2000", "China"}}},
		{"Caracal named with its type", "the Caracal helicopter deal", []want{{"Caracal helicopter", Aircraft, "H225M", "France"}}},
		{"Lynx named with its type", "the Lynx infantry fighting vehicles", []want{{"Lynx infantry fighting vehicles", ArmouredVehicles, "Lynx KF41", "Germany"}}},
		{"Lynx named with its maker", "the Rheinmetall Lynx", []want{{"Rheinmetall Lynx", ArmouredVehicles, "Lynx KF41", "Germany"}}},
		{"Caracal alone is no designation", "a Caracal sniper", nil},
		{"no partial words", "Osaka, Stalingrad, Torino", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %+v, want %d matches", tt.text, got, len(tt.want))
			}
			for i, w := range tt.want {
				m := got[i]
				if m.Text != w.text || m.Category != w.cat || m.System != w.system || m.Origin != w.origin {
					t.Errorf("match %d = %q %q %q %q, want %q %q %q %q", i, m.Text, m.Category, m.System, m.Origin, w.text, w.cat, w.system, w.origin)
				}
				if tt.text[m.Start:m.End] != m.Text {
					t.Errorf("match %d: offsets %d:%d do not give %q", i, m.Start, m.End, m.Text)
				}
			}
		})
	}
}

func TestFindSmallArmsFlag(t *testing.T) {
	got := Find("assault rifles, howitzers and AK-47s")
	if len(got) != 3 || !got[0].SmallArms || got[1].SmallArms || !got[2].SmallArms || got[2].System != "AK-47" {
		t.Errorf("Find = %+v, want small arms flagged on the rifles and the AK-47", got)
	}
}

func TestFindHostile(t *testing.T) {
	inputs := []string{
		strings.Repeat("Su-30SM drones, ", 1000),
		strings.Repeat("a", 100000),
		strings.Repeat("Wing ", 5000),
		strings.Repeat("1-", 20000),
		strings.Repeat("\xff\xfe-", 5000),
	}
	// Their speed is measured by BenchmarkFindHostile, not timed here.
	for _, text := range inputs {
		for _, m := range Find(text) {
			if m.Start < 0 || m.End > len(text) || text[m.Start:m.End] != m.Text {
				t.Fatalf("bad match %+v", m)
			}
		}
	}
}

func BenchmarkFindHostile(b *testing.B) {
	for i, text := range []string{strings.Repeat("Su-30SM drones, ", 1000), strings.Repeat("a", 100000), strings.Repeat("Wing ", 5000)} {
		b.Run(strconv.Itoa(i), func(b *testing.B) {
			for b.Loop() {
				Find(text)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Turkish-made Bayraktar TB2 drones", "Su 30SM and S-300PMU-2", "T-72s", "Akıncı",
		"HQ-9/P", "\xff\xfeTB-2", "an 26", "anti-tank", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, m := range Find(text) {
			if m.Start < prev || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("bad offsets %d:%d (previous end %d, len %d)", m.Start, m.End, prev, len(text))
			}
			if text[m.Start:m.End] != m.Text {
				t.Fatalf("Text %q != text[%d:%d]", m.Text, m.Start, m.End)
			}
			if m.Category == "" {
				t.Fatalf("match %q has no category", m.Text)
			}
			if utf8.ValidString(text) && !utf8.ValidString(m.Text) {
				t.Fatalf("match %q cuts a character", m.Text)
			}
			prev = m.End
		}
	})
}

func BenchmarkFind(b *testing.B) {
	para := "In 2023 Kazakhstan took delivery of Bayraktar TB2 drones and Su-30SM fighters, while Uzbekistan " +
		"ordered FD-2000 air-defence systems, armoured personnel carriers and Mi-171Sh helicopters from several suppliers. "
	text := strings.Repeat(para, 10000/len(para)+1)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text)
	}
}
