package sipri

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// realDir holds real SIPRI export slices next to the repository; the
// tests that read them skip when it is absent.
const realDir = "../../../shared/data/sipri"

// MustReadReal parses one of the real slices, skipping the test when the
// folder is missing.
func MustReadReal(tb testing.TB, name string) *Export {
	tb.Helper()
	if _, err := os.Stat(realDir); err != nil {
		tb.Skipf("no real SIPRI slices in %s: %v", realDir, err)
	}
	data, err := os.ReadFile(filepath.Join(realDir, name))
	if err != nil {
		tb.Fatal(err)
	}
	e, err := Parse(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("Parse(%s): %v", name, err)
	}
	return e
}

func TestRealSlices(t *testing.T) {
	for _, tc := range []struct {
		file         string
		format       Format
		rows, deals  int
		byRecipient  map[string]int
		generatedDay string
	}{
		{"trade-register-classic-central-asia.csv", Classic, 239, 239,
			map[string]int{"Kazakhstan": 92, "Turkmenistan": 83, "Tajikistan": 25, "Uzbekistan": 23, "Kyrgyzstan": 16}, "13 Mar 2025"},
		{"trade-register-modern-central-asia.csv", Modern, 341, 232, nil, "12 Feb 2026"},
		{"trade-register-classic-quirks.csv", Classic, 2, 2, nil, "13 Mar 2025"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			e := MustReadReal(t, tc.file)
			if e.Format != tc.format || e.Rows != tc.rows || len(e.Deals) != tc.deals {
				t.Errorf("format %s, %d rows, %d deals; want %s, %d, %d", e.Format, e.Rows, len(e.Deals), tc.format, tc.rows, tc.deals)
			}
			if got := e.Generated.Format("2 Jan 2006"); got != tc.generatedDay {
				t.Errorf("Generated = %s, want %s", got, tc.generatedDay)
			}
			ids := map[string]bool{}
			count := map[string]int{}
			for _, d := range e.Deals {
				if ids[d.ID] {
					t.Errorf("line %d: duplicate ID %s", d.Line, d.ID)
				}
				ids[d.ID] = true
				count[d.Recipient]++
				if d.Supplier == "" || d.Recipient == "" || d.Category == "" || d.SecondHand == "" {
					t.Errorf("line %d: incomplete deal %+v", d.Line, d)
				}
				if d.Category == "Other" && d.Description != "infantry fighting vehicle turret" {
					t.Errorf("line %d: %q fell back to Other", d.Line, d.Description)
				}
			}
			if tc.byRecipient != nil && !mapsEqual(count, tc.byRecipient) {
				t.Errorf("deals by recipient = %v, want %v", count, tc.byRecipient)
			}
		})
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestRealQuirks(t *testing.T) {
	e := MustReadReal(t, "trade-register-classic-quirks.csv")
	for _, want := range []struct {
		supplier, recipient, raw, designation, comments string
		line                                            int
		tiv                                             [3]float64
		nonState                                        bool
	}{
		{"Ukraine", "Thailand", "Thailand", "BTR-3",
			"Part of THB4b ($120 m) deal (for 96 BTR-3 in several versions; additional 5 given for free); delivery delayed after Germany refusal to export engines and redesign for other engines",
			13, [3]float64{0.25, 3.5, 3.25}, false},
		{"Israel", "United Nations", "United Nations**", "Hermes-900",
			"3-year lease; for use with UN peacekeeping forces in Mali",
			15, [3]float64{3, 9, 9}, true},
	} {
		d := dealBy(t, e, want.supplier, want.recipient, want.designation)
		if d.Comments != want.comments {
			t.Errorf("%s comments = %q\nwant %q", want.designation, d.Comments, want.comments)
		}
		if d.Line != want.line || d.RecipientRaw != want.raw || d.NonState != want.nonState ||
			[3]float64{d.TIVUnit, d.TIVTotal, d.TIVDelivered} != want.tiv {
			t.Errorf("%s = %+v", want.designation, d)
		}
	}
	if d := e.Deals[0]; d.Kind != bot.KindSale || d.Status != bot.StatusOrdered || d.Delivered != 13 || d.Ordered != 14 {
		t.Errorf("BTR-3 (13 of 14 delivered, 5 extra free) = kind %s status %s", d.Kind, d.Status)
	}
}

func TestRealSpotChecks(t *testing.T) {
	c := MustReadReal(t, "trade-register-classic-central-asia.csv")
	m := MustReadReal(t, "trade-register-modern-central-asia.csv")

	// Turkey -> Turkmenistan, Bayraktar TB2, ordered 2020, delivered 2021.
	for _, d := range []Deal{
		dealBy(t, c, "Turkey", "Turkmenistan", "Bayraktar TB2"),
		dealBy(t, m, "Turkey", "Turkmenistan", "Bayraktar TB-2"),
	} {
		r := d.Relation()
		if d.SupplierRaw != "Turkiye" || d.OrderYear != 2020 || !slices.Equal(d.DeliveryYears, []int{2021}) || d.Delivered != 3 ||
			r.Status != bot.StatusDelivered || r.Kind != bot.KindSale || r.Category != "Aircraft" || !slices.Equal(r.Years, []int{2021}) {
			t.Errorf("TB2 (%s) = %+v", d.ID, d)
		}
	}
	if d := dealBy(t, m, "Turkey", "Turkmenistan", "Bayraktar TB-2"); d.ID != "64859" || d.Relation().System != "Bayraktar TB-2" {
		t.Errorf("modern TB2 = %+v", d)
	}

	// China -> Uzbekistan HQ-9: the system and its missiles, ordered 2017,
	// delivered 2018. Classic spells both "HQ-9"; modern the system "HQ-9 SAMS".
	for _, tc := range []struct {
		e                 *Export
		designation, desc string
		category          string
		n                 int
	}{
		{c, "HQ-9", "SAM system", "Air-defence systems", 1},
		{c, "HQ-9", "SAM", "Missiles", 60},
		{m, "HQ-9 SAMS", "SAM system", "Air-defence systems", 1},
		{m, "HQ-9", "SAM", "Missiles", 60},
	} {
		d := dealWith(t, tc.e, "China", "Uzbekistan", tc.designation, tc.desc)
		if d.OrderYear != 2017 || !slices.Equal(d.DeliveryYears, []int{2018}) || d.Category != tc.category ||
			d.Delivered != tc.n || d.Status != bot.StatusDelivered {
			t.Errorf("HQ-9 %s (%s) = %+v", tc.desc, tc.e.Format, d)
		}
	}

	// Iran -> Tajikistan Ababil-2: licensed production, nothing delivered.
	ab := dealBy(t, c, "Iran", "Tajikistan", "Ababil-2")
	if ab.Kind != bot.KindLicence || ab.Status != bot.StatusOrdered || ab.Delivered != 0 || ab.DeliveryYears != nil ||
		ab.OrderYear != 2021 || !ab.OrderYearUncertain || ab.Ordered != -1 {
		t.Errorf("Ababil-2 = %+v", ab)
	}
	if got, want := ab.Sentence(), "Iran to Tajikistan: an unknown number of Ababil-2 UAVs ordered in 2021 (year uncertain), none delivered yet. SIPRI comment: Produced under licence in Tajikistan."; got != want {
		t.Errorf("Sentence = %q\nwant       %q", got, want)
	}
	for _, d := range m.Deals {
		if d.Supplier == "Iran" {
			t.Errorf("modern slice (delivered rows only) has an Iranian deal: %+v", d)
		}
	}

	// unknown supplier(s), Türkiye in a Latin-1 comment.
	if d := dealBy(t, c, "unknown", "Kazakhstan", "vehicle engine"); d.Comments != "For Cobra-2 from Türkiye" {
		t.Errorf("comment = %q", d.Comments)
	}
}

// TestRealModernRowsConsistent checks that the rows of one modern deal
// agree on the deal's fields, as Parse assumes when it takes them from the
// first row.
func TestRealModernRowsConsistent(t *testing.T) {
	MustReadReal(t, "trade-register-modern-central-asia.csv")
	data, err := os.ReadFile(filepath.Join(realDir, "trade-register-modern-central-asia.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := splitText(string(data))
	first := map[string][]string{}
	for _, ln := range lines[12:] {
		f, _ := splitFields(nil, trimStray(ln.text), false)
		if len(f) < 8 {
			continue
		}
		key := []string{f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[12], f[14], f[16]}
		if prev, ok := first[f[0]]; ok && !slices.Equal(prev, key) {
			t.Errorf("line %d: deal %s differs from its first row: %q vs %q", ln.num, f[0], key, prev)
		}
		if _, ok := first[f[0]]; !ok {
			first[f[0]] = key
		}
	}
}

// TestRealDerivedSecondHand checks the comment rule used for classic
// exports without a status column against the status column.
func TestRealDerivedSecondHand(t *testing.T) {
	e := MustReadReal(t, "trade-register-classic-central-asia.csv")
	for _, d := range e.Deals {
		if got := secondHandFromComments(d.Comments); got != d.SecondHand {
			t.Errorf("line %d: comments %q give %q, the status column %q", d.Line, d.Comments, got, d.SecondHand)
		}
	}
}

// TestRealCategoriesAgree checks that the classic description table gives
// the category the modern export states, for every description in it.
func TestRealCategoriesAgree(t *testing.T) {
	m := MustReadReal(t, "trade-register-modern-central-asia.csv")
	for _, d := range m.Deals {
		if got := CategoryOf(d.Description, d.Designation); got != d.Category {
			t.Errorf("CategoryOf(%q, %q) = %q, the modern export says %q", d.Description, d.Designation, got, d.Category)
		}
	}
}

func TestRealDetect(t *testing.T) {
	for name, want := range map[string]Format{
		"trade-register-classic-central-asia.csv": Classic,
		"trade-register-modern-central-asia.csv":  Modern,
		"trade-register-classic-quirks.csv":       Classic,
	} {
		MustReadReal(t, name)
		data, err := os.ReadFile(filepath.Join(realDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if f, ok := Detect(data[:min(len(data), 4096)]); !ok || f != want {
			t.Errorf("Detect(%s) = %q, %v; want %q", name, f, ok, want)
		}
	}
}
