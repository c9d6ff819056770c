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

// TestSourceDatesAreNotTransferYears: the date of an export or a report
// in a sentence is not a year of the transfer; a delivery date is.
func TestSourceDatesAreNotTransferYears(t *testing.T) {
	e := New()
	for text, want := range map[string]int{
		"In SIPRI's modern export of 12 February 2026 China delivered HQ-9 systems to Turkmenistan in 2016.": 2016,
		"According to a report published on March 3, 2024, Turkey delivered drones to Kyrgyzstan in 2022.":   2022,
		"China delivered HQ-9 systems to Turkmenistan on 12 February 2016.":                                  2016,
	} {
		rels := e.Sentence(text, Context{})
		if len(rels) != 1 || len(rels[0].Years) != 1 || rels[0].Years[0] != want {
			t.Errorf("%q: %+v, want years [%d]", text, rels, want)
		}
	}
}
