package extract

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// A maker's denial that a country is its customer is a denied relation,
// and the report's claim that the maker will supply that country, told
// by the report ("..., the report says."), is left out; the maker's own
// word, and the claim in a report without the denial, stand.
func TestDeniedCustomerDropsTrailingClaim(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Ghana named as buyer of Turkish vehicles",
		Body: "Turkish firm Otokar has signed a contract to supply Ghana with 40 Arma armoured vehicles, the newspaper says. " +
			"Otokar denied that Ghana is the customer."}
	got := relKeys(e.Report(r))
	if slices.Contains(got, "Turkey>Ghana Arma ordered") {
		t.Errorf("a claim the maker denies was kept: %q", got)
	}
	if !slices.Contains(got, "Turkey>Ghana  cancelled") {
		t.Errorf("the maker's denial is no relation: %q", got)
	}
	r.Body = "Turkish firm Otokar has signed a contract to supply Ghana with 40 Arma armoured vehicles, the newspaper says."
	if got := relKeys(e.Report(r)); !slices.Contains(got, "Turkey>Ghana Arma ordered") {
		t.Errorf("without a denial, the claim is a relation: got %q", got)
	}
	r.Body = "Turkish firm Otokar has signed a contract to supply Ghana with 40 Arma armoured vehicles, Turkish officials said. " +
		"Otokar denied that Ghana is the customer."
	if got := relKeys(e.Report(r)); !slices.Contains(got, "Turkey>Ghana Arma ordered") {
		t.Errorf("the supplier's own word stands: got %q", got)
	}
}
