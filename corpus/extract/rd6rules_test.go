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
