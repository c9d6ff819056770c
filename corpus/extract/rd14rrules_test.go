package extract

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// A report that cancels a deal named by its type and names one deal of
// that pair and category by designation reads the designated deal as the
// one called off; with two designated deals, or a delivery of the
// category, nothing changes.
func TestCancelledDealDesignated(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Peru drops helicopter deal",
		Body: "Peru has scrapped a deal for 24 Airbus utility helicopters. " +
			"Peru's previous government agreed a provisional deal with Airbus for 24 H225M helicopters."}
	got := relKeys(e.Report(r))
	if !slices.Contains(got, "France>Peru H225M cancelled") || slices.Contains(got, "France>Peru H225M ordered") {
		t.Errorf("the designated deal should be the one cancelled: got %q", got)
	}
	r.Body = "Peru has scrapped a deal for 24 Airbus utility helicopters. " +
		"Peru received 12 H225M helicopters from France in 2019."
	got = relKeys(e.Report(r))
	if !slices.Contains(got, "France>Peru H225M delivered") {
		t.Errorf("a delivery stays a delivery: got %q", got)
	}
	r.Body = "Peru has scrapped a deal for 24 Airbus utility helicopters. " +
		"Peru's previous government agreed a provisional deal with Airbus for 24 H225M helicopters " +
		"and ordered 12 H145M helicopters from France."
	got = relKeys(e.Report(r))
	if slices.Contains(got, "France>Peru H225M cancelled") {
		t.Errorf("with two designated deals the cancellation names neither: got %q", got)
	}
}
