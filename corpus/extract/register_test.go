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
	hasAll(t, got,
		"Belarus>Kyrgyzstan S-125 Pechora-2M delivered",
		"Turkey>Kyrgyzstan Bayraktar TB2 delivered",
		"Turkey>Kyrgyzstan Anka ordered",
	)
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
	hasAll(t, got, "China>Turkmenistan CH-3 delivered", "Italy>Turkmenistan Falco delivered")
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
	hasAll(t, got, "Spain>Kazakhstan C-295 delivered", "Czechia>Kazakhstan L-410 delivered")
	for _, k := range got {
		if k == "Kazakhstan>Kazakhstan Rafale delivered" || strings.HasPrefix(k, "Kazakhstan>") {
			t.Errorf("a customer read as supplier: %q", k)
		}
	}
}

func hasAll(t *testing.T, got []string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing %q in %q", w, got)
		}
	}
}

func hasNone(t *testing.T, got []string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if slices.Contains(got, b) {
			t.Errorf("unexpected %q in %q", b, got)
		}
	}
}

func TestRegisterStretchesAfterColon(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Who arms Kyrgyzstan? Deals by supplier",
		Body: "Belarus, Turkey and India have two each: Belarus's are S-125 Pechora-2M systems and MiG-29 fighters, Turkey's Bayraktar TB2 drones, and India's Dhruv helicopters and Su-30 engines. " +
			"The Chinese ones are two batches of drones given as aid and delivered in 2019 (Wing Loong-1 and CH-3), Cummins engines for Kirpi vehicles, and an open order for two Wing Loong-2 drones. " +
			"The Netherlands' one deal is Variant radars for Kyrgyzstan's patrol boats."}
	got := relKeys(e.Report(r))
	hasAll(t, got,
		"Belarus>Kyrgyzstan S-125 Pechora-2M delivered", "Turkey>Kyrgyzstan Bayraktar TB2 delivered",
		"China>Kyrgyzstan Wing Loong-1 delivered", "China>Kyrgyzstan CH-3 delivered", "China>Kyrgyzstan Wing Loong-2 ordered")
	// The engines are India's, not the Su-30's maker's; the Kirpi is what
	// the engines are for.
	hasNone(t, got, "India>Kyrgyzstan Su-30 delivered", "China>Kyrgyzstan Kirpi delivered", "China>Kyrgyzstan Wing Loong-1 ordered")
}

func TestRegisterDeliveredToList(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Arms suppliers of Central Asia",
		Body: "Turkey's 12 deals include drones delivered to Kyrgyzstan and Uzbekistan, and Israel's include radars delivered to Kazakhstan."}
	got := relKeys(e.Report(r))
	hasAll(t, got, "Israel>Kazakhstan  delivered")
	hasNone(t, got, "Israel>Kyrgyzstan  delivered", "Israel>Uzbekistan  delivered")
}

func TestRegisterSharedCount(t *testing.T) {
	e := New()
	// "X and Y have N each": what follows is shared out, so neither
	// country opens a stretch of its own. Each weapon goes to the listed
	// country that makes it; one country and one weapon of no known maker
	// left go together.
	r := bot.Report{ID: "r", Title: "Who arms Tajikistan",
		Body: "Iran and Belarus have two each, for Ababil-T drones and their engines."}
	hasAll(t, relKeys(e.Report(r)), "Iran>Tajikistan Ababil-T delivered", "Belarus>Tajikistan  delivered")
	// Two weapons of no known maker left: which is Belarus's is not said.
	r.Body = "Iran and Belarus have three each, for Ababil-T drones, radars and their engines."
	got := relKeys(e.Report(r))
	hasAll(t, got, "Iran>Tajikistan Ababil-T delivered")
	for _, k := range got {
		if strings.HasPrefix(k, "Belarus>") {
			t.Errorf("a shared count read as Belarus's: %q", k)
		}
	}
}

func TestListedSuppliersWithKindsOfWeapon(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Who arms Turkmenistan",
		Body: "Belarus supplied about four Caracal vehicles in 2011; Czechia about eight RM-70 rocket launchers in 2015; and Egypt artillery and Su-25 aircraft in 2004."}
	got := relKeys(e.Report(r))
	hasAll(t, got, "Czechia>Turkmenistan RM-70 delivered")
	// The Su-25 is Russian by the lexicon: Egypt is not read as its seller.
	for _, k := range got {
		if strings.HasPrefix(k, "Egypt>") {
			t.Errorf("unexpected %q", k)
		}
	}
}

func TestWeaponFromItsMaker(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Engines for Turkmenistan's vehicles",
		Body: "Turkmenistan received about 20 Cummins engines in 2016 for 20 Kirpi vehicles from Turkey. " +
			"The two open orders are the Mbombe-6 from South Africa and licensed production of the Anka drone from Turkey."}
	got := relKeys(e.Report(r))
	hasAll(t, got, "Turkey>Turkmenistan Kirpi delivered", "South Africa>Turkmenistan Mbombe-6 ordered", "Turkey>Turkmenistan Anka ordered")
	hasNone(t, got, "Turkey>Turkmenistan Anka delivered", "South Africa>Turkmenistan Mbombe-6 delivered")

	// Near misses: a hedge, talks, a cancellation, another recipient, a
	// maker's name.
	for _, body := range []string{
		"The air force appears to have placed an order in 2021 for AS532 helicopters from France.",
		"Talks in 2021 on the Mbombe-6 from South Africa came to nothing.",
		"In 2021 Turkmenistan cancelled its deal for the Mbombe-6 from South Africa.",
		"In 2016 Kazakhstan, not Turkmenistan, got 20 Kirpi vehicles from Turkey.",
		"In 2016 Turkmenistan's air force flew AS532 helicopters from Airbus.",
	} {
		r.Body = body
		for _, k := range relKeys(e.Report(r)) {
			if strings.Contains(k, ">Turkmenistan") && (strings.HasSuffix(k, "delivered") || strings.HasSuffix(k, "ordered")) {
				t.Errorf("%q: unexpected %q", body, k)
			}
		}
	}
}

func TestPartsGoToTheHostsMaker(t *testing.T) {
	e := New()
	// Russia is a supplier in the report, yet the lexicon says who built
	// the boats the turbines are for.
	r := bot.Report{ID: "r", Title: "Russian arms for Turkmenistan",
		Body: "Russia delivered two Tarantul boats to Turkmenistan in 2011. Ukraine supplied the gas turbines for the two Tarantul boats. " +
			"In 2018 the United States supplied 20 Cummins engines for 20 Kirpi vehicles from Turkey."}
	got := relKeys(e.Report(r))
	hasAll(t, got, "Ukraine>Russia  delivered", "Turkey>Turkmenistan Kirpi delivered")
	// The Kirpi came from Turkey: its buyer, not its maker, got the engines.
	hasNone(t, got, "United States>Turkey Cummins delivered")
}

func TestGappedClauses(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Other suppliers in Kyrgyzstan's arms imports",
		Body: "Belarus supplied about six BTR-80 APCs in 2012; Czechia about four RM-70 rocket launchers in 2015; and Georgia one Su-25 in 2006."}
	hasAll(t, relKeys(e.Report(r)), "Czechia>Kyrgyzstan RM-70 delivered", "Georgia>Kyrgyzstan Su-25 delivered")
	r.Body = "Chinese armed drones reached two states: Kyrgyzstan received two Wing Loong-1 drones in 2020 and Tajikistan three in 2021."
	hasAll(t, relKeys(e.Report(r)), "China>Tajikistan Wing Loong-1 delivered")
	// Both sides named in the first clause: India may have bought or sold.
	r.Body = "Russia sold two S-400 systems to Kyrgyzstan in 2019, and India five in 2021."
	for _, k := range relKeys(e.Report(r)) {
		if strings.Contains(k, "India") {
			t.Errorf("a gapped clause read with both sides named before it: %q", k)
		}
	}
}

func TestDealOpenings(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Who arms Kyrgyzstan? Deals by supplier",
		Body: "The United States has an open order: around 2024 Kyrgyzstan ordered six PC-12 aircraft, none delivered yet. " +
			"Ukraine follows with five deals, mostly missiles and transport aircraft. " +
			"Belarus follows with interest, and India has an open mind: Su-30 fighters are on its list."}
	got := relKeys(e.Report(r))
	hasAll(t, got, "United States>Kyrgyzstan PC-12 ordered", "Ukraine>Kyrgyzstan  delivered")
	hasNone(t, got, "United States>Kyrgyzstan PC-12 delivered")
	for _, k := range got {
		if strings.HasPrefix(k, "Belarus>") || strings.HasPrefix(k, "India>") {
			t.Errorf("no deal named, yet %q", k)
		}
	}
}

func TestAnaphoricAndSourceOpenings(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Who arms Kyrgyzstan? Deals by supplier",
		Body: "Russia leads with 30 deals. They cover Mi-17 helicopters and BTR-80 APCs. " +
			"Czechia is the only European source of trainers: four L-39 aircraft, delivered in 2019. " +
			"Belarus adds the air defence: one S-125 Pechora-2M, delivered in 2023. " +
			"India has three deals. Most are second-hand equipment given as aid, including Dhruv helicopters."}
	hasAll(t, relKeys(e.Report(r)), "Russia>Kyrgyzstan Mi-17 delivered", "Czechia>Kyrgyzstan L-39 delivered",
		"Belarus>Kyrgyzstan S-125 Pechora-2M delivered", "India>Kyrgyzstan Dhruv delivered")
	// The sentence before names the subject or two suppliers; no source
	// noun before the colon.
	for _, body := range []string{
		"Kyrgyzstan has 40 deals. They cover Mi-17 helicopters and BTR-80 APCs.",
		"Russia and Belarus lead with 12 deals each. They cover Mi-17 helicopters and BTR-80 APCs.",
		"Czechia is the other open question: four Mi-17 helicopters, delivered in 2019.",
	} {
		r.Body = body
		for _, k := range relKeys(e.Report(r)) {
			if !strings.HasPrefix(k, "Russia>Kyrgyzstan Mi-17") || strings.Contains(body, "lead") {
				t.Errorf("%q: unexpected %q", body, k)
			}
		}
	}
}

func TestComponentsRecordedDealsAndCameFrom(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Other suppliers in Kyrgyzstan's arms imports",
		Body: "Serbia delivered four Lazar-3 vehicles in 2022, fitted with Russian BPPU turrets and US Cummins engines. " +
			"Their eight PT-6A turboprops are recorded as a separate deal with Canada. " +
			"Its equipment came from two countries: three ScanEagle drones from the United States and a Kronos radar from Italy."}
	got := relKeys(e.Report(r))
	hasAll(t, got, "Russia>Serbia BPPU delivered", "United States>Serbia Cummins delivered",
		"Canada>Kyrgyzstan PT-6A delivered", "United States>Kyrgyzstan ScanEagle delivered")
	hasNone(t, got, "Russia>Kyrgyzstan BPPU delivered", "United States>Kyrgyzstan Cummins delivered")
	// Near misses: the host only offered; a deal "with" a buyer whose
	// weapons it does not make; weapons named "from" in no account of
	// deliveries.
	for _, body := range []string{
		"Serbia offered four Lazar-3 vehicles fitted with Russian BPPU turrets.",
		"The Su-25 aircraft are recorded as a separate deal with Canada.",
		"The ScanEagle drones from the United States performed well in the exercise.",
	} {
		r.Body = body
		for _, k := range relKeys(e.Report(r)) {
			if strings.HasSuffix(k, "delivered") || strings.HasPrefix(k, "Canada>") {
				t.Errorf("%q: unexpected %q", body, k)
			}
		}
	}
}

func TestOriginAdjectiveInCount(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "What Central Asia imports, by category",
		Body: "Tajikistan has 12, eight of them in Aircraft, mostly helicopters and Turkish drones."}
	hasAll(t, relKeys(e.Report(r)), "Turkey>Tajikistan  delivered")
	for _, body := range []string{
		"Tajikistan has 12, none of them Turkish drones.",
		"Tajikistan's pilots say Turkish drones outperform Chinese ones.",
	} {
		r.Body = body
		for _, k := range relKeys(e.Report(r)) {
			t.Errorf("%q: unexpected %q", body, k)
		}
	}
}

func TestFromMakerCountsOnlyItsOwnPart(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "American helicopters for Kazakhstan",
		Body: "By number of deals the United States ranks fifth among Kazakhstan's suppliers, behind Russia, Ukraine and Canada; Canada's three deals are all engines for C-295 transport aircraft from Spain."}
	got := relKeys(e.Report(r))
	hasAll(t, got, "Spain>Kazakhstan C-295 delivered", "Canada>Kazakhstan  delivered")
	// A possible recipient in the same part still stops it.
	r.Body = "In 2016 Canada sold engines to Uzbekistan for C-295 transport aircraft from Spain."
	hasNone(t, relKeys(e.Report(r)), "Spain>Kazakhstan C-295 delivered")
}

func TestCustomerLists(t *testing.T) {
	e := New()
	got := relKeys(e.Sentence("Turkey's customers are Kazakhstan, for Anka drones, and Egypt, for Wing Loong-2 drones.", Context{}))
	hasAll(t, got, "Turkey>Kazakhstan Anka ordered")
	// Egypt's drones are China's by the lexicon: Turkey sold it nothing
	// the sentence names; a possible future customer is no customer.
	for _, k := range got {
		if strings.Contains(k, "Egypt") {
			t.Errorf("unexpected %q", k)
		}
	}
	for _, k := range relKeys(e.Sentence("Turkey's customers may soon include Kazakhstan, for Anka drones.", Context{})) {
		if strings.HasSuffix(k, "ordered") || strings.HasSuffix(k, "delivered") {
			t.Errorf("a possible customer read as one: %q", k)
		}
	}
}

func TestDealsBothFor(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "French radars for Kyrgyzstan",
		Body: "France has two deals, both for Ground Master-400 radars."}
	hasAll(t, relKeys(e.Report(r)), "France>Kyrgyzstan Ground Master-400 delivered")
	// "for" after a part names the host, not the deal.
	r.Body = "Canada has two deals, all engines for C-295 aircraft."
	hasNone(t, relKeys(e.Report(r)), "Canada>Kyrgyzstan C-295 delivered")
}

func TestSaleDeliveredBesideLicenceOrdered(t *testing.T) {
	e := New()
	var kinds []string
	for _, r := range e.Sentence("Kyrgyzstan ordered two Akinci drones from Turkey in 2021, delivered in 2022, and a further Akinci deal of 2023 covers drones to be produced under licence in Kyrgyzstan.", Context{}) {
		kinds = append(kinds, string(r.Status)+" "+string(r.Kind))
	}
	// Two deals, not one licence read as delivered.
	hasAll(t, kinds, "delivered sale", "ordered licence")
	hasNone(t, kinds, "delivered licence")
	// One licensed batch stays one relation.
	kinds = nil
	for _, r := range e.Sentence("Tajikistan ordered Ababil-T drones from Iran in 2021, to be produced under licence in Tajikistan.", Context{}) {
		kinds = append(kinds, string(r.Status)+" "+string(r.Kind))
	}
	if len(kinds) != 1 || kinds[0] != "ordered licence" {
		t.Errorf("one licensed order, got %q", kinds)
	}
}

// TestComponentsAfterYear: a component phrase may follow the host's year
// ("Survivor-2 APCs in 2019, with MAN diesel engines from Germany"): the
// parts go to the host's maker. Near miss: what follows the year is no
// part, and nothing goes to Austria.
func TestComponentsAfterYear(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Turkmenistan's smaller arms suppliers",
		Body: "Austria supplied about eight Survivor-2 APCs in 2019, with MAN diesel engines from Germany."}
	got := relKeys(e.Report(r))
	hasAll(t, got, "Austria>Turkmenistan Survivor-2 delivered", "Germany>Austria MAN delivered")
	hasNone(t, got, "Germany>Turkmenistan MAN delivered")
	r.Body = "Austria supplied about eight Survivor-2 APCs in 2019, with crews trained in Germany."
	for _, k := range relKeys(e.Report(r)) {
		if strings.Contains(k, ">Austria") || strings.HasPrefix(k, "Germany>") {
			t.Errorf("%q: unexpected %q", r.Body, k)
		}
	}
}

// TestPartsForHostFromMaker: parts delivered "for" a weapon "from" its
// maker tell where the weapon went too ("in Kyrgyzstan as well, where the
// United States supplied ... engines for ten Ejder Yalcin APCs from
// Turkey"). Near miss: parts only offered give no weapon.
func TestPartsForHostFromMaker(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "US engines in Central Asia",
		Body: "US parts turn up in Kyrgyzstan as well, where the United States supplied about ten Cummins engines for ten Ejder Yalcin APCs from Turkey."}
	got := relKeys(e.Report(r))
	hasAll(t, got, "United States>Kyrgyzstan Cummins delivered", "Turkey>Kyrgyzstan Ejder Yalcin delivered")
	r.Body = "The United States offered Cummins engines for Ejder Yalcin APCs from Turkey."
	for _, k := range relKeys(e.Report(r)) {
		if strings.HasPrefix(k, "Turkey>") {
			t.Errorf("%q: unexpected %q", r.Body, k)
		}
	}
}
