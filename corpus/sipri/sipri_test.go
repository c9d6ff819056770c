package sipri

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// MustParseFile parses a file of testdata or fails the test.
func MustParseFile(tb testing.TB, name string) (*Export, []byte) {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	e, err := Parse(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("Parse(%s): %v", name, err)
	}
	return e, data
}

// golden is what the golden files hold: the export, and for every deal its
// relation, sentence and citation.
type golden struct {
	Format    Format
	Generated time.Time
	Title     string
	Rows      int
	Deals     []goldenDeal
}

type goldenDeal struct {
	Deal
	Sentence string
	Citation string
	Relation bot.Relation
}

func toGolden(e *Export) golden {
	g := golden{Format: e.Format, Generated: e.Generated, Title: e.Title, Rows: e.Rows}
	for _, d := range e.Deals {
		g.Deals = append(g.Deals, goldenDeal{Deal: d, Sentence: d.Sentence(), Citation: e.Citation(d), Relation: d.Relation()})
	}
	return g
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		file, golden string
		format       Format
	}{
		{"classic.csv", "classic.golden.json", Classic},
		{"modern.csv", "modern.golden.json", Modern},
	} {
		t.Run(tc.file, func(t *testing.T) {
			e, _ := MustParseFile(t, tc.file)
			if e.Format != tc.format {
				t.Errorf("Format = %q, want %q", e.Format, tc.format)
			}
			got, err := json.MarshalIndent(toGolden(e), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", tc.golden)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the parse; run go test -update and review the diff.\ngot:\n%s", path, got)
			}
		})
	}
}

// dealBy finds the first deal of a supplier, recipient and designation.
func dealBy(tb testing.TB, e *Export, supplier, recipient, designation string) Deal {
	tb.Helper()
	return dealWith(tb, e, supplier, recipient, designation, "")
}

// dealWith is dealBy also matching the description, unless it is "".
func dealWith(tb testing.TB, e *Export, supplier, recipient, designation, description string) Deal {
	tb.Helper()
	for _, d := range e.Deals {
		if d.Supplier == supplier && d.Recipient == recipient && d.Designation == designation &&
			(description == "" || d.Description == description) {
			return d
		}
	}
	tb.Fatalf("no deal %s -> %s %s %s", supplier, recipient, designation, description)
	return Deal{}
}

// TestClassicFixture checks each quirk of the classic fixture by hand, so
// that the golden file is not the only guard.
func TestClassicFixture(t *testing.T) {
	e, _ := MustParseFile(t, "classic.csv")
	if got, want := len(e.Deals), 17; got != want {
		t.Fatalf("%d deals, want %d", got, want)
	}
	if got, want := e.Rows, 17; got != want {
		t.Errorf("Rows = %d, want %d", got, want)
	}
	if want := time.Date(2025, 3, 13, 10, 2, 49, 0, time.UTC); !e.Generated.Equal(want) {
		t.Errorf("Generated = %v, want %v", e.Generated, want)
	}
	if want := "Transfers of major conventional arms from All countries  to All countries . Deals with deliveries made for the year range 'Not specified' to 'Not specified'"; e.Title != want {
		t.Errorf("Title = %q, want %q", e.Title, want)
	}

	tb2 := dealBy(t, e, "Turkey", "Turkmenistan", "Bayraktar TB2")
	if tb2.SupplierRaw != "Turkiye" || tb2.OrderYear != 2020 || !tb2.OrderYearUncertain || tb2.Ordered != 3 || !tb2.OrderedUncertain ||
		tb2.Delivered != 3 || tb2.DeliveredUncertain || !slices.Equal(tb2.DeliveryYears, []int{2021}) ||
		tb2.Category != "Aircraft" || tb2.Status != bot.StatusDelivered || tb2.Kind != bot.KindSale || tb2.Line != 13 {
		t.Errorf("TB2 deal = %+v", tb2)
	}
	if got, want := tb2.Sentence(), "Turkey to Turkmenistan: 3 Bayraktar TB2 armed UAVs ordered in 2020 (year and number uncertain), 3 delivered in 2021."; got != want {
		t.Errorf("Sentence = %q, want %q", got, want)
	}
	if got, want := e.Citation(tb2), "SIPRI Arms Transfers Database, export of 13 Mar 2025, deal Bayraktar TB2 (2020)"; got != want {
		t.Errorf("Citation = %q, want %q", got, want)
	}

	eng := dealBy(t, e, "unknown", "Kazakhstan", "vehicle engine")
	if eng.Comments != "For Cobra-2 APC from Türkiye" || eng.Category != "Engines" {
		t.Errorf("Latin-1 comment = %q, category %q", eng.Comments, eng.Category)
	}

	ab := dealBy(t, e, "Iran", "Tajikistan", "Ababil-2")
	if ab.Ordered != -1 || ab.Delivered != 0 || ab.DeliveryYears != nil || ab.Status != bot.StatusOrdered ||
		ab.Kind != bot.KindLicence || !ab.LocalProduction {
		t.Errorf("open order = %+v", ab)
	}
	if r := ab.Relation(); !slices.Equal(r.Years, []int{2021}) || r.Status != bot.StatusOrdered {
		t.Errorf("open order relation = %+v", r)
	}

	s300 := dealBy(t, e, "Russia", "Kazakhstan", "S-300PS")
	if want := "Second-hand (but possibly modernized before delivery); aid as part of unified Russia-Belarus-Kazakhstan air defence network"; s300.Comments != want {
		t.Errorf("broken comment = %q, want %q", s300.Comments, want)
	}
	if s300.TIVUnit != 17 || s300.TIVTotal != 85 || s300.Line != 16 || s300.Kind != bot.KindAid || s300.SecondHand != "Second hand" {
		t.Errorf("broken-comment deal = %+v", s300)
	}

	un := dealBy(t, e, "Israel", "United Nations", "Hermes-900")
	if !un.NonState || un.RecipientRaw != "United Nations**" || un.Comments != "3-year lease; for use with UN peacekeeping forces in Mali" ||
		un.TIVUnit != 3 || un.TIVDelivered != 9 || un.Line != 18 {
		t.Errorf("UN deal = %+v", un)
	}

	fac := dealBy(t, e, "Turkey", "Turkmenistan", "Dearsan 33m FAC")
	if !slices.Equal(fac.DeliveryYears, []int{2015, 2016, 2017}) || fac.Category != "Ships" {
		t.Errorf("range years = %v, category %q", fac.DeliveryYears, fac.Category)
	}

	su := dealBy(t, e, "Russia", "Kazakhstan", "Su-30MK")
	if su.Status != bot.StatusOrdered || !su.DeliveredUncertain || su.Delivered != 8 {
		t.Errorf("partial delivery = %+v", su)
	}

	mar := dealBy(t, e, "South Africa", "Kazakhstan", "Marauder")
	if mar.Ordered != -1 || mar.Status != bot.StatusDelivered || mar.Kind != bot.KindLicence {
		t.Errorf("unknown number ordered = %+v", mar)
	}

	if vn := dealBy(t, e, "China", "Tajikistan", "VN-3"); vn.Kind != bot.KindSale {
		t.Errorf("\"Possibly aid\" gave Kind %q, want sale", vn.Kind)
	}
	if kh := dealBy(t, e, "Russia", "Turkmenistan", "Kh-35"); kh.Comments != "$80–84 m deal; for Project-12418 (Tarantul) FAC" {
		t.Errorf("Windows-1252 byte 0x96 read as %q", kh.Comments)
	}
	if mi := dealBy(t, e, "Soviet Union", "Afghanistan", "Mi-24D"); mi.Kind != bot.KindAid || mi.SecondHand != "Second hand" {
		t.Errorf("Soviet deal = %+v", mi)
	}
	if pc := dealBy(t, e, "United States", "Uzbekistan", "PC-12"); pc.TIVDelivered != -1 || pc.Status != bot.StatusOrdered {
		t.Errorf("empty TIV delivered = %v, status %q", pc.TIVDelivered, pc.Status)
	}

	// Two different deals share the six hashed fields: the second gets a suffix.
	var engines []string
	seen := map[string]bool{}
	for _, d := range e.Deals {
		if seen[d.ID] {
			t.Errorf("duplicate ID %s", d.ID)
		}
		seen[d.ID] = true
		if d.Designation == "ship engine" {
			engines = append(engines, d.ID)
		}
	}
	if len(engines) != 2 || engines[1] != engines[0]+"-2" || len(engines[0]) != 16 {
		t.Errorf("ship engine IDs = %q, want an ID and the same with -2", engines)
	}
}

func TestModernFixture(t *testing.T) {
	e, _ := MustParseFile(t, "modern.csv")
	if got, want := len(e.Deals), 13; got != want {
		t.Fatalf("%d deals, want %d", got, want)
	}
	if got, want := e.Rows, 16; got != want {
		t.Errorf("Rows = %d, want %d", got, want)
	}
	if want := time.Date(2026, 2, 12, 12, 26, 12, 0, time.UTC); !e.Generated.Equal(want) {
		t.Errorf("Generated = %v, want %v", e.Generated, want)
	}
	bm := dealBy(t, e, "Belarus", "Turkmenistan", "BM-21 122mm")
	if bm.ID != "61387" || bm.Delivered != 10 || !slices.Equal(bm.DeliveryYears, []int{2016, 2017}) || bm.TIVDelivered != 2.4 ||
		bm.Line != 14 || bm.SecondHand != "Second hand" || bm.Ordered != -1 || bm.TIVTotal != -1 {
		t.Errorf("two-row deal = %+v", bm)
	}
	if pe := dealBy(t, e, "Belarus", "Kyrgyzstan", "S-125T Pechora-2T"); pe.Category != "Air-defence systems" {
		t.Errorf("old category label gave %q", pe.Category)
	}
	c92 := dealBy(t, e, "Turkey", "Turkmenistan", "C-92 -")
	if c92.SupplierRaw != "Türkiye" || c92.Kind != bot.KindLicence || !c92.LocalProduction {
		t.Errorf("C-92 = %+v", c92)
	}
	if r := c92.Relation(); r.System != "C-92" {
		t.Errorf("System = %q, want C-92", r.System)
	}
	if lz := dealBy(t, e, "Serbia", "Turkmenistan", "Lazar-3 IFV --"); lz.Relation().System != "Lazar-3 IFV" {
		t.Errorf("System = %q, want Lazar-3 IFV", lz.Relation().System)
	}
	if se := dealBy(t, e, "United States", "Turkmenistan", "ScanEagle"); se.Category != "Aircraft" {
		t.Errorf("empty category cell derived as %q", se.Category)
	}
	un := dealBy(t, e, "Israel", "United Nations", "Hermes-900")
	if !un.NonState {
		t.Errorf("United Nations** not non-state")
	}
	mar := dealBy(t, e, "South Africa", "Kazakhstan", "Marauder -")
	if mar.Delivered != 94 || !slices.Equal(mar.DeliveryYears, []int{2019, 2020, 2024}) || mar.TIVDelivered != 20.68 {
		t.Errorf("three-row deal = %+v", mar)
	}
	if got, want := mar.Sentence(), "South Africa to Kazakhstan: Marauder armoured personnel carriers ordered in 2018, 94 delivered in 2019, 2020 and 2024 (number uncertain). Produced locally in Kazakhstan."; got != want {
		t.Errorf("Sentence = %q\nwant       %q", got, want)
	}
}

// TestFormatsAgree parses the same real deals from both fixtures and
// checks the fields both formats carry.
func TestFormatsAgree(t *testing.T) {
	c, _ := MustParseFile(t, "classic.csv")
	m, _ := MustParseFile(t, "modern.csv")
	for _, tc := range []struct{ supplier, recipient, classic, modern, description string }{
		{"Turkey", "Turkmenistan", "Bayraktar TB2", "Bayraktar TB-2", "armed UAV"},
		{"China", "Uzbekistan", "HQ-9", "HQ-9", "SAM"},
		{"China", "Uzbekistan", "HQ-9", "HQ-9 SAMS", "SAM system"},
		{"Russia", "Kyrgyzstan", "BRDM-2", "BRDM-2", "armoured reconnaissance vehicle"},
		{"South Africa", "Kazakhstan", "Marauder", "Marauder -", ""},
	} {
		cd := dealWith(t, c, tc.supplier, tc.recipient, tc.classic, tc.description)
		md := dealWith(t, m, tc.supplier, tc.recipient, tc.modern, tc.description)
		if cd.Category != md.Category || cd.OrderYear != md.OrderYear || cd.Delivered != md.Delivered ||
			!slices.Equal(cd.DeliveryYears, md.DeliveryYears) || cd.SecondHand != md.SecondHand {
			t.Errorf("%s: classic %+v\nmodern %+v", tc.modern, cd, md)
		}
	}
}
