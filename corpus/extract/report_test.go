package extract

import (
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

func TestReport(t *testing.T) {
	body := "Turkmenistan has steadily expanded its navy on the Caspian Sea. It took delivery of two corvettes " +
		"from Turkey in 2021.\n\nThe presidents of Uzbekistan and Turkey discussed gas exports in Tashkent. " +
		"Last year, China delivered two Wing Loong-1 drones to Uzbekistan."
	r := bot.Report{ID: "r1", Title: "Turkmenistan's navy grows", Published: time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC), Body: body}
	got := New().Report(r)
	want := []struct {
		sup, rec string
		years    []int
		inferred bool
	}{
		{"Turkey", "Turkmenistan", []int{2021}, true},
		{"China", "Uzbekistan", []int{2021}, false},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d relations %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Supplier != w.sup || g.Recipient != w.rec || g.Inferred != w.inferred || len(g.Years) != len(w.years) || g.Years[0] != w.years[0] {
			t.Errorf("relation %d: got %s -> %s %v inferred=%v, want %s -> %s %v inferred=%v",
				i, g.Supplier, g.Recipient, g.Years, g.Inferred, w.sup, w.rec, w.years, w.inferred)
		}
		ev := g.Evidence
		if ev.ReportID != "r1" || body[ev.Start:ev.End] != ev.Sentence {
			t.Errorf("relation %d: evidence %+v does not point into the body", i, ev)
		}
	}
}

func TestReportEvidence(t *testing.T) {
	r := benchReport(t)
	rels := New().Report(r)
	if len(rels) == 0 {
		t.Fatal("no relations")
	}
	for _, rel := range rels {
		ev := rel.Evidence
		if ev.ReportID != r.ID || ev.Start < 0 || ev.End > len(r.Body) || ev.Start >= ev.End || r.Body[ev.Start:ev.End] != ev.Sentence {
			t.Errorf("bad evidence %+v", ev)
		}
	}
}

func TestAbout(t *testing.T) {
	got := New().about("Kazakhstan bought drones. Kazakhstan's army uses them. Russia sold tanks to Kazakhstan. Turkey and Russia compete.")
	if len(got) != 1 || got[0] != "Kazakhstan" {
		t.Errorf("about = %v, want [Kazakhstan]", got)
	}
}

func TestYears(t *testing.T) {
	pub := time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		text string
		want []int
	}{
		{"Russia delivered tanks to Armenia last year.", []int{2023}},
		{"Russia delivered tanks to Armenia between 2016 and 2018.", []int{2016, 2017, 2018}},
		{"Russia delivered tanks to Armenia in 2019-21.", []int{2019, 2020, 2021}},
		{"Since 2020, Russia has delivered tanks to Armenia.", []int{2020}},
		{"Russia delivered tanks to Armenia last month.", []int{2024}},
		{"Russia delivered tanks to Armenia in December.", []int{2023}},
		{"Russia delivered tanks to Armenia in February.", []int{2024}},
		{"Russia delivered tanks to Armenia last spring.", []int{2023}},
		{"Armenia ordered tanks from Russia in 2019 and received them two years later.", []int{2019, 2021}},
		{"Russia delivered tanks worth $2020 million to Armenia.", nil},
		{"Russia delivered tanks to Armenia over the past decade.", nil},
	} {
		rels := New().Sentence(tc.text, Context{Published: pub})
		if len(rels) != 1 {
			t.Errorf("%q: got %d relations, want 1", tc.text, len(rels))
			continue
		}
		if got := rels[0].Years; len(got) != len(tc.want) || len(got) > 0 && (got[0] != tc.want[0] || got[len(got)-1] != tc.want[len(tc.want)-1]) {
			t.Errorf("%q: years %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestReportWeaponTopic reads a weapon named sentences before its export:
// "it" carries the weapon while the sentences go on about it, and a
// sentence about something else ends that.
func TestReportWeaponTopic(t *testing.T) {
	body := "The VT-4 is a main battle tank that China's Norinco builds for export. It has a 125 mm gun. " +
		"The tank is said to be agile. It has been exported to Thailand.\n\n" +
		"Nigeria's army trained its crews for months. It has been sold to Pakistan as well."
	r := bot.Report{ID: "r2", Title: "Tanks for Nigeria", Body: body}
	got := New().Report(r)
	if len(got) != 1 {
		t.Fatalf("got %d relations %+v, want 1 (China -> Thailand)", len(got), got)
	}
	g := got[0]
	if g.Supplier != "China" || g.Recipient != "Thailand" || g.System != "VT-4" || g.Status != bot.StatusDelivered || !g.Inferred {
		t.Errorf("got %s -> %s %q %s inferred=%v, want China -> Thailand \"VT-4\" delivered inferred", g.Supplier, g.Recipient, g.System, g.Status, g.Inferred)
	}
}

// TestReportBuyerIsNoSupplier: "but delivery was pushed back" after a
// purchase speaks of the buyer's delivery; the buyer is not the supplier of
// another relation taken from the report's subject.
func TestReportBuyerIsNoSupplier(t *testing.T) {
	body := "Slovakia handed four MiG-29 jets to Ukraine on Thursday. Poland and Czechia now guard Slovak air space. " +
		"Slovakia signed a deal to buy 14 U.S. F-16 jets, but delivery was pushed back two years with the first aircraft to arrive in early 2024."
	r := bot.Report{ID: "r3", Title: "Slovakia hands first MiG-29 jets to Ukraine", Published: time.Date(2023, 3, 24, 0, 0, 0, 0, time.UTC), Body: body}
	for _, rel := range New().Report(r) {
		if rel.Supplier == "Slovakia" && rel.Recipient == "Ukraine" && rel.System != "MiG-29" {
			t.Errorf("got %s -> %s %q %s from %q: the F-16 buyer read as a supplier", rel.Supplier, rel.Recipient, rel.System, rel.Status, rel.Evidence.Sentence)
		}
	}
}
