package extract

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// "a new agreement" with a maker is a deal of its own: it is not folded into
// the delivery of an earlier deal between the same pair; a plain "the deal"
// beside that delivery still is.
func TestNewDealBesideDelivery(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Chile signs for more radars",
		Body: "In May, the Chilean navy signed a new contract with the French firm Thales, a unit of the Thales Group, for naval radars. " +
			"In 2015, Chile ordered Ground Master radars from Thales, with deliveries completed in 2017."}
	got := relKeys(e.Report(r))
	if !slices.Contains(got, "France>Chile  ordered") {
		t.Errorf("the new contract should stay an order beside the old delivery: got %q", got)
	}
	r.Body = "In May, the Chilean navy signed the contract with the French firm Thales for naval radars. " +
		"In 2015, Chile ordered Ground Master radars from Thales, with deliveries completed in 2017."
	got = relKeys(e.Report(r))
	if slices.Contains(got, "France>Chile  ordered") {
		t.Errorf("a deal word with no mark of a new deal folds into the delivery: got %q", got)
	}
}
