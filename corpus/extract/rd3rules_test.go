package extract

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// A supply told by a third party in a report where the supplier denies
// such claims is left out; the denial stays, and the supplier's own word,
// or a claim in a report without a denial, stands.
func TestDeniedClaimsDropped(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Belarus rejects claims of arms shipments",
		Body: "Officials in Kyiv said that Belarus had delivered artillery shells to Russia. " +
			"Belarus has repeatedly rejected the accusations."}
	for _, k := range relKeys(e.Report(r)) {
		if k == "Belarus>Russia  delivered" {
			t.Errorf("a denied third-party claim was kept: %q", k)
		}
	}
	r.Body = "Officials in Kyiv said that Belarus had delivered artillery shells to Russia."
	if got := relKeys(e.Report(r)); !slices.Contains(got, "Belarus>Russia  delivered") {
		t.Errorf("without a denial, the claim is a relation: got %q", got)
	}
	r.Body = "Belarus has rejected accusations that it sent arms to Russia. " +
		"Minsk said that Belarus had delivered military trucks to Russia in 2021."
	if got := relKeys(e.Report(r)); !slices.Contains(got, "Belarus>Russia  delivered") {
		t.Errorf("the supplier's own word stands: got %q", got)
	}
	r.Body = "Belarus has rejected accusations that it sent arms to Russia. " +
		"According to Western intelligence, Belarus had delivered artillery shells to Russia."
	for _, k := range relKeys(e.Report(r)) {
		if k == "Belarus>Russia  delivered" {
			t.Errorf("a denied intelligence claim was kept: %q", k)
		}
	}
}
