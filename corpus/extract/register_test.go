package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

func relKeys(rels []bot.Relation) []string {
	var out []string
	for _, r := range rels {
		out = append(out, fmt.Sprintf("%s>%s %s %s", r.Supplier, r.Recipient, r.System, r.Status))
	}
	return out
}

func TestRegisterSummaries(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Kyrgyzstan's arms suppliers, counted by deal",
		Body: "The register lists eleven deals with Kyrgyzstan. Belarus has one, an S-125 Pechora-2M air defence system delivered in 2023. " +
			"Turkey has two: Bayraktar TB2 drones and Anka drones, the last of them not yet delivered."}
	got := relKeys(e.Report(r))
	for _, want := range []string{
		"Belarus>Kyrgyzstan S-125 Pechora-2M delivered",
		"Turkey>Kyrgyzstan Bayraktar TB2 delivered",
		"Turkey>Kyrgyzstan Anka ordered",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	// Two possible recipients in the title: the summary names none.
	r.Title = "Kyrgyzstan and Tajikistan: arms suppliers"
	for _, k := range relKeys(e.Report(r)) {
		t.Errorf("with two subjects, got %q", k)
	}
}

func TestInferredSupplierContradictingMaker(t *testing.T) {
	e := New()
	// The previous transfer is Czech; the Il-76 is Russian: the context's
	// supplier is not taken, and Germany (named nearby) never is.
	r := bot.Report{ID: "r", Title: "Transport aircraft for Kazakhstan",
		Body: "Czechia sold two L-410 aircraft to Kazakhstan in 2022. Germany sold it nothing. One second-hand Il-76M was delivered in 2000."}
	for _, k := range relKeys(e.Report(r)) {
		if k != "Czechia>Kazakhstan L-410 delivered" && k != "Czechia>Kazakhstan L-410 ordered" {
			t.Errorf("unexpected %q", k)
		}
	}
}

func TestParentheticalSuppliers(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Drones for Turkmenistan",
		Body: "Turkmenistan's other drones come from China (CH-3 armed drones, delivered in 2016) and Italy (three Falco drones in 2011)."}
	got := relKeys(e.Report(r))
	for _, want := range []string{"China>Turkmenistan CH-3 delivered", "Italy>Turkmenistan Falco delivered"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	// Buyers in parentheses: the weapon's maker is the subject, not the
	// country before the parenthesis.
	r = bot.Report{ID: "r", Title: "Turkey's drone exports",
		Body: "Its customers in the region are Kazakhstan (Anka drones) and Kyrgyzstan (Bayraktar TB2 drones)."}
	for _, k := range relKeys(e.Report(r)) {
		if k != "Turkey>Kazakhstan Anka delivered" && k != "Turkey>Kyrgyzstan Bayraktar TB2 delivered" {
			t.Errorf("unexpected %q", k)
		}
	}
}

func TestMakersWeaponInSummary(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Air defence for Turkmenistan",
		Body: "Its newest systems are France's VL-MICA, one delivered in 2021. Russia's S-400 is a capable system. " +
			"A Chinese HQ-9 went to Uzbekistan in 2018."}
	got := relKeys(e.Report(r))
	if !slices.Contains(got, "France>Turkmenistan VL-MICA delivered") {
		t.Errorf("missing the VL-MICA in %q", got)
	}
	for _, k := range got {
		if k == "Russia>Turkmenistan S-400 delivered" || k == "China>Turkmenistan HQ-9 delivered" {
			t.Errorf("unexpected %q: no summary, or a transfer stated to another country", k)
		}
	}
}

func TestListedSuppliers(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Who arms Kazakhstan",
		Body: "Spain and Czechia have one deal each: Spain for C-295 aircraft, Czechia for L-410 aircraft. " +
			"France's customers are Kazakhstan, for Rafale fighters, and Egypt."}
	got := relKeys(e.Report(r))
	for _, want := range []string{"Spain>Kazakhstan C-295 delivered", "Czechia>Kazakhstan L-410 delivered"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	for _, k := range got {
		if k == "Kazakhstan>Kazakhstan Rafale delivered" || strings.HasPrefix(k, "Kazakhstan>") {
			t.Errorf("a customer read as supplier: %q", k)
		}
	}
}
