package extract

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// A country the report shows both sending and receiving arms may be the
// recipient taken from context: "it" after a sentence about Serbia
// receives; a country that only supplies in the report still does not.
func TestInferredRecipientOnBothSides(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Serbia to buy Caracal helicopters",
		Body: "Serbia plans to buy Caracal helicopters from France. " +
			"Serbia will hand some old howitzers to Montenegro. " +
			"Serbia has been modernising its air force for a decade. " +
			"In March, it took delivery of four Rafale jets from France."}
	got := relKeys(e.Report(r))
	if !slices.Contains(got, "France>Serbia Rafale delivered") {
		t.Errorf("a recipient stated elsewhere in the report should be inferred although it also supplies: got %q", got)
	}
	r.Body = "Serbia will hand some old howitzers to Montenegro. " +
		"Serbia has been modernising its air force for a decade. " +
		"In March, it took delivery of four Rafale jets from France."
	r.Title = "Serbia sends howitzers to Montenegro"
	got = relKeys(e.Report(r))
	if slices.Contains(got, "France>Serbia Rafale delivered") {
		t.Errorf("a country the report shows only supplying should not be inferred as a recipient: got %q", got)
	}
}

// A relation wrongly completed from context, which the report then drops,
// does not first fold away the plan of the pair it borrowed.
func TestDroppedInferenceFoldsNothing(t *testing.T) {
	e := New()
	r := bot.Report{ID: "r", Title: "Peru to buy Bayraktar TB2 drones",
		Body: "Peru has announced plans to purchase Bayraktar TB2 drones from Turkey in a $60 million deal. " +
			"This comes shortly after a senate panel supported acquiring U.S.-made missile systems. " +
			"The acquisition of Bayraktar TB2 drones is approved until 2027, according to a statement."}
	got := relKeys(e.Report(r))
	if !slices.Contains(got, "United States>Peru  planned") {
		t.Errorf("the planned purchase of U.S.-made systems is missing: got %q", got)
	}
	for _, k := range got {
		if k == "United States>Peru Bayraktar TB2 ordered" {
			t.Errorf("the TB2 is not the United States': got %q", got)
		}
	}
}
