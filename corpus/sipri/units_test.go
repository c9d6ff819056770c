package sipri

import (
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

func TestParseYears(t *testing.T) {
	for _, tc := range []struct {
		in        string
		want      []int
		uncertain bool
		ok        bool
	}{
		{"", nil, false, true},
		{"2021", []int{2021}, false, true},
		{"2021; 2022", []int{2021, 2022}, false, true},
		{"2016-2018", []int{2016, 2017, 2018}, false, true},
		{"2012; 2010; 2012", []int{2010, 2012}, false, true},
		{"2014; 2016-2017", []int{2014, 2016, 2017}, false, true},
		{"2019?", []int{2019}, true, true},
		{"(2020)", []int{2020}, false, true},
		{"2018-2016", nil, false, false},
		{"1800", nil, false, false},
		{"1950-2100", nil, false, false},
		{"soon", nil, false, false},
	} {
		got, unc, ok := parseYears(tc.in)
		if ok != tc.ok || unc != tc.uncertain || !slices.Equal(got, tc.want) {
			t.Errorf("parseYears(%q) = %v, %v, %v; want %v, %v, %v", tc.in, got, unc, ok, tc.want, tc.uncertain, tc.ok)
		}
	}
}

func TestCategoryOf(t *testing.T) {
	for _, tc := range []struct{ description, designation, want string }{
		{"armed UAV", "Bayraktar TB2", "Aircraft"},
		{"UAV", "Ababil-2", "Aircraft"},
		{"SAM system", "HQ-9", "Air-defence systems"},
		{"mobile SAM system", "Tor-M1", "Air-defence systems"},
		{"SAM", "HQ-9", "Missiles"}, // the missile, not the system
		{"portable SAM", "Igla-S", "Missiles"},
		{"APC", "Cobra", "Armoured vehicles"},
		{"armoured personnel carrier", "Cobra APV", "Armoured vehicles"},
		{"infantry fighting vehicle turret", "Grom", "Other"},
		{"FGA aircraft", "Su-30MK", "Aircraft"},
		{"(armed) trainer aircraft", "L-39C", "Aircraft"},
		{"air search radar", "YLC-2", "Sensors"},
		{"air-search radar", "YLC-2", "Sensors"},
		{"air/sea search radar", "Variant", "Sensors"},
		{"aircraft EO system", "Litening", "Sensors"},
		{"ship engine", "ship engine", "Engines"},
		{"MCM ship", "Project-10750", "Ships"},
		{"naval gun", "Compact 40L70", "Naval weapons"},
		{"ASW torpedo", "Mk-46", "Missiles"},
		{"loitering munition", "SkyStriker", "Missiles"},
		{"towed gun", "D-30 122mm", "Artillery"},
		{"coastal search radar", "X", "Sensors"}, // by the last word
		{"howitzer", "X", "Artillery"},           // by the last word
		{"", "Bayraktar TB2", "Aircraft"},        // by the designation
		{"thing", "unknown-thing", "Other"},      // nobody knows
		{"communications satellite", "Gokturk", "Satellites"},
	} {
		if got := CategoryOf(tc.description, tc.designation); got != tc.want {
			t.Errorf("CategoryOf(%q, %q) = %q, want %q", tc.description, tc.designation, got, tc.want)
		}
	}
}

func TestSystem(t *testing.T) {
	for in, want := range map[string]string{
		"Survivor-2 -":   "Survivor-2",
		"Lazar-3 IFV --": "Lazar-3 IFV",
		"Bayraktar TB2":  "Bayraktar TB2",
		"Su-30MK-":       "Su-30MK-",
		" C-295 - ":      "C-295",
		"-":              "-",
		"X - -":          "X",
		"":               "",
	} {
		if got := (Deal{Designation: in}).System(); got != want {
			t.Errorf("System(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPluralize(t *testing.T) {
	for in, want := range map[string]string{
		"armed UAV":                       "armed UAVs",
		"SAM system":                      "SAM systems",
		"SAM":                             "SAMs",
		"APC":                             "APCs",
		"CIWS":                            "CIWS",
		"transport aircraft":              "transport aircraft",
		"(armed) trainer aircraft":        "(armed) trainer aircraft",
		"trainer/combat aircraft":         "trainer/combat aircraft",
		"air/sea-search radar":            "air/sea-search radars",
		"multiple rocket launcher":        "multiple rocket launchers",
		"Dearsan 33m FAC":                 "Dearsan 33m FAC",
		"ASW torpedo":                     "ASW torpedoes",
		"patrol boat":                     "patrol boats",
		"armoured reconnaissance vehicle": "armoured reconnaissance vehicles",
		"armoured supply vehicle":         "armoured supply vehicles",
		"mobile SAM system":               "mobile SAM systems",
		"gas turbine (2500hp)":            "gas turbine (2500hp)",
		"search and rescue facility":      "search and rescue facilities",
		"":                                "",
	} {
		if got := pluralize(in); got != want {
			t.Errorf("pluralize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestYearList(t *testing.T) {
	for _, tc := range []struct {
		in   []int
		want string
	}{
		{[]int{2021}, "2021"},
		{[]int{2021, 2022}, "2021 and 2022"},
		{[]int{2019, 2020, 2024}, "2019, 2020 and 2024"},
		{[]int{2011, 2012, 2013, 2014, 2015, 2016, 2017}, "2011-2017"},
		{[]int{2008, 2010, 2011, 2012, 2015}, "2008, 2010-2012 and 2015"},
	} {
		if got := yearList(tc.in); got != tc.want {
			t.Errorf("yearList(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestStatusAndKind(t *testing.T) {
	for _, tc := range []struct {
		ordered, delivered int
		want               bot.Status
	}{
		{3, 3, bot.StatusDelivered},
		{3, 4, bot.StatusDelivered},
		{12, 8, bot.StatusOrdered},
		{12, 0, bot.StatusOrdered},
		{-1, 0, bot.StatusOrdered},
		{-1, 94, bot.StatusDelivered},
		{0, 0, bot.StatusOrdered},
	} {
		if got := statusOf(tc.ordered, tc.delivered); got != tc.want {
			t.Errorf("statusOf(%d, %d) = %s, want %s", tc.ordered, tc.delivered, got, tc.want)
		}
	}
	for _, tc := range []struct {
		comments string
		local    bool
		want     bot.Kind
	}{
		{"", false, bot.KindSale},
		{"Second-hand; aid", false, bot.KindAid},
		{"Probably second-hand; aid", false, bot.KindAid},
		{"Possibly aid", false, bot.KindSale},
		{"Paid with natural gas", false, bot.KindSale},
		{"Second-hand; part of $26 m aid; version uncertain", false, bot.KindAid},
		{"Gift from the Turkish government", false, bot.KindAid},
		{"Donated by Poland", false, bot.KindAid},
		{"Delivered free of charge", false, bot.KindAid},
		{"Part of $120 m deal (for 96 BTR-3; additional 5 given for free)", false, bot.KindSale},
		{"Produced under licence in Tajikistan", true, bot.KindLicence},
		{"", true, bot.KindLicence},
		{"Second-hand; aid; produced under licence", true, bot.KindAid},
	} {
		if got := kindOf(tc.comments, tc.local); got != tc.want {
			t.Errorf("kindOf(%q, %v) = %s, want %s", tc.comments, tc.local, got, tc.want)
		}
	}
}

func TestSecondHandFromComments(t *testing.T) {
	for in, want := range map[string]string{
		"":                             "New",
		"Second-hand; aid":             "Second hand",
		"Ex-Russian; payment for debt": "Second hand",
		"Probably second-hand; aid":    "Second hand",
		"Second-hand (but possibly modernized before delivery); aid": "Second hand",
		"Second-hand but modernized to BRDM-2MS before delivery":     "Second hand but modernized",
		"Second-hand T-72B1 version but modernized before delivery":  "Second hand but modernized",
		"Second-hand BTR-70 but rebuilt to BTR-70M before delivery":  "New",
		"Su-30SM version": "New",
	} {
		if got := secondHandFromComments(in); got != want {
			t.Errorf("secondHandFromComments(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNames(t *testing.T) {
	n := newNames()
	for raw, want := range map[string]party{
		"Turkiye":              {"Turkey", false},
		"Türkiye":              {"Turkey", false},
		"UAE":                  {"United Arab Emirates", false},
		"Soviet Union":         {"Soviet Union", false},
		"unknown supplier(s)":  {"unknown", false},
		"unknown recipient(s)": {"unknown", false},
		"United Nations**":     {"United Nations", true},
		"Hezbollah (Lebanon)*": {"Hezbollah (Lebanon)", true},
		"Atlantis":             {"Atlantis", false},
	} {
		if got := n.resolve(raw); got != want {
			t.Errorf("resolve(%q) = %+v, want %+v", raw, got, want)
		}
	}
}

func TestSentence(t *testing.T) {
	base := Deal{Supplier: "Turkey", Recipient: "Turkmenistan", Designation: "Bayraktar TB2", Description: "armed UAV",
		OrderYear: 2020, Ordered: 2, OrderedUncertain: true, Delivered: 2, DeliveryYears: []int{2021}, SecondHand: "New"}
	for _, tc := range []struct {
		name string
		edit func(d *Deal)
		want string
	}{
		{"the brief's example", func(d *Deal) {}, "Turkey to Turkmenistan: 2 Bayraktar TB2 armed UAVs ordered in 2020 (number uncertain), 2 delivered in 2021."},
		{"open order", func(d *Deal) { d.Delivered, d.DeliveryYears = 0, nil }, "Turkey to Turkmenistan: 2 Bayraktar TB2 armed UAVs ordered in 2020 (number uncertain), none delivered yet."},
		{"one unit", func(d *Deal) { d.Ordered, d.Delivered, d.OrderedUncertain = 1, 1, false }, "Turkey to Turkmenistan: 1 Bayraktar TB2 armed UAV ordered in 2020, 1 delivered in 2021."},
		{"unknown year", func(d *Deal) { d.OrderYear = 0; d.OrderYearUncertain = true }, "Turkey to Turkmenistan: 2 Bayraktar TB2 armed UAVs ordered (year unknown) (number uncertain), 2 delivered in 2021."},
		{"unknown supplier", func(d *Deal) { d.Supplier = "unknown" }, "Unknown supplier(s) to Turkmenistan: 2 Bayraktar TB2 armed UAVs ordered in 2020 (number uncertain), 2 delivered in 2021."},
		{"designation repeats description", func(d *Deal) { d.Designation, d.Description = "aircraft engine 2001-3000", "aircraft engine" },
			"Turkey to Turkmenistan: 2 aircraft engines (2001-3000) ordered in 2020 (number uncertain), 2 delivered in 2021."},
		{"comment with full stop", func(d *Deal) { d.Comments = "Ex-Turkish." }, "Turkey to Turkmenistan: 2 Bayraktar TB2 armed UAVs ordered in 2020 (number uncertain), 2 delivered in 2021. SIPRI comment: Ex-Turkish."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := base
			d.DeliveryYears = slices.Clone(base.DeliveryYears)
			tc.edit(&d)
			if got := d.Sentence(); got != tc.want {
				t.Errorf("Sentence =\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestCitationNilExport(t *testing.T) {
	var e *Export
	if got := e.Citation(Deal{Designation: "Anka", OrderYear: 2021}); got != "SIPRI Arms Transfers Database, deal Anka (2021)" {
		t.Errorf("Citation = %q", got)
	}
}

func TestDetect(t *testing.T) {
	_, classic := MustParseFile(t, "classic.csv")
	_, modern := MustParseFile(t, "modern.csv")
	preambleOnly := func(b []byte, n int) []byte {
		lines := strings.SplitAfter(string(b), "\n")
		return []byte(strings.Join(lines[:n], ""))
	}
	for _, tc := range []struct {
		name string
		head []byte
		want Format
		ok   bool
	}{
		{"classic", classic, Classic, true},
		{"modern", modern, Modern, true},
		{"classic head before header", preambleOnly(classic, 5), Classic, true},
		{"modern head before header", preambleOnly(modern, 5), Modern, true},
		{"classic as UTF-16", utf16LE(string(decodeLatin1(classic)), true), Classic, true},
		{"modern header only", []byte("SIPRI AT Database ID,Supplier,Recipient,Designation;\r\n"), Modern, true},
		{"classic header only", []byte("Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation\n"), Classic, true},
		{"other CSV", []byte("Supplier,Recipient,Year\nRussia,Kazakhstan,2020\n"), "", false},
		{"empty", nil, "", false},
		{"binary", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d}, "", false},
	} {
		got, ok := Detect(tc.head)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Detect(%s) = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}
