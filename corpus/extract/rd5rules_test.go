package extract

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// "The rest of" a transfer that the report shows delivered is the same
// transfer: one delivered line. Without a delivery, the rest is an order.
func TestRestOfDeliveredTransfer(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Belgium hands over first fighters to Ukraine",
		Body: "Belgium has delivered the first F-16 fighter jets to Ukraine. " +
			"The rest of the promised 30 jets will be delivered to Ukraine next year."}
	got := relKeys(e.Report(r))
	if !slices.Contains(got, "Belgium>Ukraine F-16 delivered") {
		t.Errorf("the delivery is missing: %q", got)
	}
	for _, k := range got {
		if k == "Belgium>Ukraine F-16 ordered" || k == "Belgium>Ukraine  ordered" {
			t.Errorf("the rest of a delivered transfer was kept as an order: %q", k)
		}
	}
	r.Body = "Belgium signed a contract for 30 F-16 fighter jets for Ukraine. " +
		"The rest of the jets will be delivered to Ukraine next year."
	got = relKeys(e.Report(r))
	if !slices.Contains(got, "Belgium>Ukraine F-16 ordered") && !slices.Contains(got, "Belgium>Ukraine  ordered") {
		t.Errorf("without a delivery, the order stands: got %q", got)
	}
}

// An order that only "will" makes is a plan when the report names no deal;
// a report that names a contract keeps the order.
func TestWillWithoutDealIsPlan(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Denmark to send howitzers to Ukraine",
		Body: "Denmark will send 12 CAESAR howitzers to Ukraine, its defence minister said on Monday."}
	got := relKeys(e.Report(r))
	if !slices.Contains(got, "Denmark>Ukraine CAESAR planned") {
		t.Errorf("a future transfer without a deal should be planned: got %q", got)
	}
	r.Body = "Denmark signed a contract with Ukraine last month. " +
		"Denmark will send 12 CAESAR howitzers to Ukraine, its defence minister said on Monday."
	got = relKeys(e.Report(r))
	if !slices.Contains(got, "Denmark>Ukraine CAESAR ordered") {
		t.Errorf("after a named contract the future transfer stays ordered: got %q", got)
	}
}
