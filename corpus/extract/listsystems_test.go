package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// TestListSystemAttachment checks that in list and register sentences each
// party gets only the systems the text ties to it: the system phrase that
// governs it, its own parenthesis, the base weapon rather than a variant
// or the host a weapon is for. Sentences in our own words.
func TestListSystemAttachment(t *testing.T) {
	e := New()
	cases := []struct {
		name, title, body string
		want              []string // "supplier>recipient system [status]" that must be read
		never             []string // "supplier>recipient system [status]" that must not
	}{{
		name:  "delivery in parentheses after to-country",
		title: "Israeli drones abroad",
		body: "Israel is a large exporter of drones. " +
			"Its drones went to two buyers: Hermes 900 drones to Azerbaijan (two, delivered in 2017) and Heron drones to Morocco (three, delivered in 2020).",
		want:  []string{"Israel>Azerbaijan Hermes 900"},
		never: []string{"Israel>Morocco Hermes 900", "Israel>Azerbaijan Heron"},
	}, {
		name:  "suppliers each with a parenthesis",
		title: "Drones for Azerbaijan",
		body: "Azerbaijan buys drones from many places. " +
			"Italy (two Falco drones in 2015), the United States (about three ScanEagle drones in 2019) and Israel (about six Hermes 900 drones in 2020) are its drone suppliers in the register.",
		never: []string{"Israel>Azerbaijan Falco", "Israel>Azerbaijan ScanEagle", "Italy>Azerbaijan Hermes 900", "United States>Azerbaijan Falco"},
	}, {
		name:  "register with a second supplier's parenthesis",
		title: "Kenya's arms suppliers, counted by deal",
		body: "The register lists nine deals with Kenya. " +
			"The United States has three (Huey-2 helicopters and HMMWVs) and South Africa two (Marauder and Mbombe-6 vehicles).",
		want:  []string{"United States>Kenya Huey-2"},
		never: []string{"United States>Kenya Marauder", "United States>Kenya Mbombe-6"},
	}, {
		name:  "variant folds into its weapon",
		title: "Russian helicopters for Kenya",
		body: "Russia is a supplier of Kenya. " +
			"In 2018 Kenya ordered four Mi-17 helicopters of the Mi-8MTV version from Russia, and they were delivered in 2019.",
		want:  []string{"Russia>Kenya Mi-17"},
		never: []string{"Russia>Kenya Mi-8MTV"},
	}, {
		name:  "variant after a split compound and a count",
		title: "Italian aircraft for Kenya",
		body: "Italy is a supplier of Kenya. " +
			"In 2019 Kenya ordered six M-346FA fighter/ground-attack aircraft from Italy, including two of the M-346FT version, all delivered in 2021.",
		want:  []string{"Italy>Kenya M-346FA"},
		never: []string{"Italy>Kenya M-346FT"},
	}, {
		name:  "a second name in parentheses and a host after 'for its'",
		title: "Russian arms for Kenya",
		body: "Russia is a supplier of Kenya. " +
			"In 2016 Kenya bought about 40 R-73 missiles from Russia for its MiG-29 fighters. " +
			"Russia also sold Kenya two Project-1241 (Tarantul) boats in 2011.",
		want:  []string{"Russia>Kenya R-73", "Russia>Kenya Project-1241"},
		never: []string{"Russia>Kenya MiG-29", "Russia>Kenya Tarantul"},
	}, {
		name:  "missiles ordered in a deal for boats",
		title: "Russian missiles for Kenya",
		body: "Russia sold Kenya two patrol boats in 2010. " +
			"About 30 Kh-35 missiles, ordered around 2009 in a deal for the Project-1241 boats, were delivered in 2012.",
		never: []string{"Russia>Kenya Project-1241"},
	}, {
		name:  "an open order in a parenthesis is the last item's",
		title: "Kenya's arms suppliers, counted by deal",
		body: "The register lists five deals with Kenya. " +
			"Kenya's other recent acquisitions in the register are armed drones from Turkey (Bayraktar TB2 and Aksungur delivered from 2021 to 2023, and an open order for the Anka) and Mi-17 helicopters from Russia.",
		want:  []string{"Turkey>Kenya Bayraktar TB2 delivered", "Turkey>Kenya Anka ordered"},
		never: []string{"Turkey>Kenya Bayraktar TB2 ordered", "Turkey>Kenya Aksungur ordered"},
	}, {
		name:  "a weapon named only to compare",
		title: "Drones for Kenya",
		body: "Kenya bought Bayraktar TB2 drones from Turkey in 2022. " +
			"Before the TB2, Kenya's only armed drones came from China: four Wing Loong-1 drones, delivered in 2015.",
		want:  []string{"China>Kenya Wing Loong-1"},
		never: []string{"China>Kenya Bayraktar TB2"},
	}, {
		name:  "an unknown supplier's weapon",
		title: "Helicopters and aircraft for Kenya",
		body:  "Ethiopia supplied three second-hand Mi-17 helicopters to Kenya in 2005, and an unknown supplier delivered two second-hand An-2 aircraft in 2007.",
		want:  []string{"Ethiopia>Kenya Mi-17"},
		never: []string{"Ethiopia>Kenya An-2"},
	}, {
		name:  "missiles for another drone in a listed recipient's share",
		title: "Chinese drones in East Africa",
		body: "China delivered drones to East Africa. " +
			"China delivered four Wing Loong-1 drones to Ethiopia in 2015; Kenya three Wing Loong-1s in 2016, with about 40 Blue Arrow-7 missiles that the register says were for the Wing Loong-2.",
		never: []string{"China>Kenya Wing Loong-2"},
	}, {
		name:  "a colon elaborates another country's holding",
		title: "Chinese air defence for Kenya",
		body: "Kenya received a Chinese HQ-9 system in 2016. " +
			"Ethiopia is the only other country in the region with a Chinese HQ-9 in the register: one system and about 50 missiles, delivered in 2019.",
		want:  []string{"China>Kenya HQ-9"},
		never: []string{"China>Kenya HQ-9 delivered 2019", "China>Kenya  delivered 2019"},
	}, {
		name:  "a part with its own source",
		title: "Armoured vehicles for Kenya",
		body:  "Serbia supplied about six Lazar-3 vehicles to Kenya in 2020, with MAN diesel engines from Germany.",
		want:  []string{"Serbia>Kenya Lazar-3"},
		never: []string{"Serbia>Kenya MAN"},
	}, {
		name:  "each item of a list keeps its own year",
		title: "Russian aid to Kenya",
		body:  "Russia gave Kenya two second-hand An-26 transport aircraft in 2017 and two P-12 air search radars in 2019.",
		want:  []string{"Russia>Kenya An-26 delivered 2017", "Russia>Kenya P-12 delivered 2019"},
		never: []string{"Russia>Kenya An-26 delivered 2019", "Russia>Kenya P-12 delivered 2017"},
	}, {
		name:  "a shared year after the list",
		title: "Chinese air defence for Kenya",
		body: "Kenya received HQ-9 and FM-90 air defence systems from China in 2016, together with YLC-2 radars, " +
			"and then about 50 QW-2 portable missiles in 2017.",
		want:  []string{"China>Kenya HQ-9 delivered 2016", "China>Kenya FM-90 delivered 2016", "China>Kenya QW-2 delivered 2017"},
		never: []string{"China>Kenya HQ-9 delivered 2017", "China>Kenya YLC-2 delivered 2017"},
	}, {
		name:  "a destination list after a colon, in groups",
		title: "Israeli drone exports",
		body: "Israel is a large exporter of drones. " +
			"Israeli armed drones went to three buyers: Hermes 900 drones to Azerbaijan (two, delivered in 2017) and Georgia (three, 2018); and Heron drones to Morocco (three, 2020).",
		want: []string{"Israel>Azerbaijan Hermes 900 delivered 2017", "Israel>Georgia Hermes 900 delivered 2018", "Israel>Morocco Heron delivered 2020"},
		never: []string{"Israel>Morocco Hermes 900", "Israel>Georgia Heron", "Israel>Azerbaijan Heron",
			"Israel>Azerbaijan Hermes 900 delivered 2018", "Israel>Georgia Hermes 900 delivered 2017"},
	}, {
		name:  "the weapons an order replaces",
		title: "French fighters for Kenya",
		body:  "In 2021 Kenya ordered 12 Rafale fighters from France to replace its 10 Mirage 2000-9 jets.",
		want:  []string{"France>Kenya Rafale"},
		never: []string{"France>Kenya Mirage 2000-9"},
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rels := e.Report(bot.Report{ID: "r", Title: tc.title, Body: tc.body})
			var got []string
			for _, r := range rels {
				k := r.Supplier + ">" + r.Recipient + " " + r.System
				got = append(got, k, k+" "+string(r.Status))
				for _, y := range r.Years {
					got = append(got, fmt.Sprintf("%s %s %d", k, r.Status, y))
				}
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q in %q", w, got)
				}
			}
			for _, n := range tc.never {
				if slices.Contains(got, n) {
					t.Errorf("got %q, which the text does not tie together (all: %s)", n, strings.Join(got, "; "))
					for _, r := range rels {
						t.Logf("%s>%s %s: %s", r.Supplier, r.Recipient, r.System, r.Evidence.Sentence)
					}
				}
			}
		})
	}
}
