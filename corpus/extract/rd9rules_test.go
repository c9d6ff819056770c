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
