package extract

import (
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// TestAbsenceIsNotSupply: sentences that say what was not supplied give no
// delivery, while orders and denials in such sentences stay.
func TestAbsenceIsNotSupply(t *testing.T) {
	e := New()
	c := Context{Title: "Kazakhstan's drones", About: []string{"Kazakhstan"}, Previous: "China delivered three Wing Loong-1 drones to Kazakhstan in 2016."}
	for _, text := range []string{
		"No other country is recorded as supplying Kazakhstan with UAVs.",
		"The export contains no American drones or radars for Kazakhstan.",
		"Neither Russia nor Belarus delivered drones to Kazakhstan.",
	} {
		for _, r := range e.Sentence(text, c) {
			if r.Status == bot.StatusDelivered && !r.Denied {
				t.Errorf("%q gave the delivery %s -> %s", text, r.Supplier, r.Recipient)
			}
		}
	}
	rels := e.Sentence("Tajikistan ordered Ababil-2 drones from Iran in 2021, with no number given and nothing delivered.", Context{})
	if len(rels) != 1 || rels[0].Supplier != "Iran" || rels[0].Status != bot.StatusOrdered {
		t.Errorf("an order with no number given: %+v", rels)
	}
}
