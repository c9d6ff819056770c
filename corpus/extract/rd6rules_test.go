package extract

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// A newspaper "citing" or "quoting" someone tells a third party's word: a
// supply it reports in a report where the supplier denies such claims is
// left out, like one introduced by "said".
func TestDeniedClaimCitedByPaper(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Kazakhstan calls drone reports false",
		Body: "Kazakhstan's foreign ministry rejected reports that Kazakhstan had agreed to send drones to Armenia. " +
			"On Monday, a Yerevan weekly, citing an unnamed official, wrote that Kazakhstan had agreed to send 20 drones to Armenia."}
	for _, k := range relKeys(e.Report(r)) {
		if k == "Kazakhstan>Armenia  ordered" || k == "Kazakhstan>Armenia  delivered" {
			t.Errorf("a denied claim cited by a paper was kept: %q", k)
		}
	}
	r.Body = "On Monday, a Yerevan weekly, citing an unnamed official, wrote that Kazakhstan had agreed to send 20 drones to Armenia."
	if got := relKeys(e.Report(r)); !slices.Contains(got, "Kazakhstan>Armenia  ordered") {
		t.Errorf("without a denial, the cited claim is a relation: got %q", got)
	}
}

// relStatuses returns the statuses of rels for the pair sup -> rec.
func relStatuses(rels []bot.Relation, sup, rec string) []bot.Status {
	var out []bot.Status
	for _, r := range rels {
		if r.Supplier == sup && r.Recipient == rec {
			out = append(out, r.Status)
		}
	}
	return out
}

// "X had 40 such drones" after "X has bought drones from Y": the goods
// bought are held, so the order was delivered. Without the holding, or
// with "no such drones", the purchase stays an order.
func TestSuchHoldingDelivers(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Kazakhstan's drones",
		Body: "Kazakhstan has bought Anka drones from the Turkish firm Turkish Aerospace. " +
			"Officials said in May that Kazakhstan had 12 such drones."}
	if got := relStatuses(e.Report(r), "Turkey", "Kazakhstan"); !slices.Equal(got, []bot.Status{bot.StatusDelivered}) {
		t.Errorf("held after purchase: got %v, want [delivered]", got)
	}
	r.Body = "Kazakhstan has bought Anka drones from the Turkish firm Turkish Aerospace. Officials met in May."
	if got := relStatuses(e.Report(r), "Turkey", "Kazakhstan"); !slices.Equal(got, []bot.Status{bot.StatusOrdered}) {
		t.Errorf("purchase alone: got %v, want [ordered]", got)
	}
	r.Body = "Kazakhstan has bought Anka drones from the Turkish firm Turkish Aerospace. " +
		"Officials said in May that Kazakhstan has no such drones yet."
	if got := relStatuses(e.Report(r), "Turkey", "Kazakhstan"); !slices.Equal(got, []bot.Status{bot.StatusOrdered}) {
		t.Errorf("no such drones: got %v, want [ordered]", got)
	}
}

// A halt of arms sales that a paper reports is left out when the report
// shows it denied ("denied that Spain had frozen arms sales"); one the
// report states in its own voice stays.
func TestDeniedCancellationUnconfirmed(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Reports: Spain halts arms sales to Morocco",
		Body: "Spain has decided to halt all arms sales to Morocco, the daily El Pais reported on Monday. " +
			"A Moroccan minister denied that Spain had frozen arms sales to Morocco."}
	if got := relStatuses(e.Report(r), "Spain", "Morocco"); slices.Contains(got, bot.StatusCancelled) {
		t.Errorf("a reported halt that the report denies was kept: %v", got)
	}
	r.Body = "Spain has decided to halt all arms sales to Morocco, the daily El Pais reported on Monday."
	if got := relStatuses(e.Report(r), "Spain", "Morocco"); !slices.Contains(got, bot.StatusCancelled) {
		t.Errorf("without a denial, the reported halt stands: got %v", got)
	}
	r.Body = "Spain halted all arms sales to Morocco in 2021. " +
		"A Moroccan minister denied that Spain had frozen arms sales to Morocco."
	if got := relStatuses(e.Report(r), "Spain", "Morocco"); !slices.Contains(got, bot.StatusCancelled) {
		t.Errorf("a halt stated in the report's own voice stands: got %v", got)
	}
}

// A weapon that opens a sentence after a count or a participle ("About 200
// Kirpi vehicles are used by ...") is the report's topic, and a sentence
// that names it again, or names no weapon and no country, keeps it: a
// later "The armoured vehicle is in service with ..." is about it. A
// sentence about another designated weapon ends the topic.
func TestTopicKeptAcrossSentences(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Turkey signs Kirpi deal with Kenya",
		Body: "About 200 Kirpi vehicles are used by the Turkish army. " +
			"Turkey has also signed agreements to export Kirpi vehicles to Kenya. " +
			"The deal would bring new revenue for the industry. " +
			"The armoured vehicle is already in service with Tunisia and Qatar."}
	got := relKeys(e.Report(r))
	for _, want := range []string{"Turkey>Tunisia Kirpi delivered", "Turkey>Qatar Kirpi delivered"} {
		if !slices.Contains(got, want) {
			t.Errorf("the topic was lost: got %q, want %q", got, want)
		}
	}
	r.Body = "About 200 Kirpi vehicles are used by the Turkish army. " +
		"Turkey has also sold Cobra vehicles to Kenya. " +
		"The armoured vehicle is already in service with Tunisia and Qatar."
	for _, k := range relKeys(e.Report(r)) {
		if k == "Turkey>Tunisia Kirpi delivered" {
			t.Errorf("another weapon named between should end the topic: %q", k)
		}
	}
}

// A buyer that the sentence before shows handing goods on had received
// them: "These were handed over by the Indian ambassador to Nepal. India
// purchased these helicopters from Russia" delivers Russia -> India. A
// purchase of "these" goods after a sentence where the buyer hands over
// nothing stays an order.
func TestPurchaseOfGoodsHandedOn(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "India gifts two helicopters to Nepal",
		Body: "These were handed over by the Indian ambassador to Nepal at a ceremony in Kathmandu. " +
			"India purchased these helicopters from Russia as part of its assistance to Nepal."}
	if got := relStatuses(e.Report(r), "Russia", "India"); !slices.Equal(got, []bot.Status{bot.StatusDelivered}) {
		t.Errorf("goods the buyer handed on: got %v, want [delivered]", got)
	}
	r.Body = "Nepal received helicopters from Japan at a ceremony in Kathmandu. " +
		"India purchased these helicopters from Russia."
	if got := relStatuses(e.Report(r), "Russia", "India"); !slices.Equal(got, []bot.Status{bot.StatusOrdered}) {
		t.Errorf("the buyer handed nothing on: got %v, want [ordered]", got)
	}
}

// Aid named in a buyer's clause for another country is not the kind of the
// purchase: "India bought the helicopters from Russia as part of its
// security assistance to Nepal" is a sale to India.
func TestAidForAnotherCountry(t *testing.T) {
	e := New()
	for _, c := range []struct {
		text     string
		sup, rec string
		want     bot.Kind
	}{
		{"India bought the helicopters from Russia as part of its security assistance to Nepal.", "Russia", "India", bot.KindSale},
		{"Nepal received the helicopters from India as part of its security assistance to Nepal.", "India", "Nepal", bot.KindAid},
		{"Nepal received ten helicopters from India as military aid.", "India", "Nepal", bot.KindAid},
	} {
		found := false
		for _, r := range e.Sentence(c.text, Context{}) {
			if r.Supplier == c.sup && r.Recipient == c.rec {
				found = true
				if r.Kind != c.want {
					t.Errorf("%q: %s -> %s kind %s, want %s", c.text, c.sup, c.rec, r.Kind, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no %s -> %s relation", c.text, c.sup, c.rec)
		}
	}
}
