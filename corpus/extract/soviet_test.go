package extract

import (
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// The Soviet Union is taken as a supplier from context only where the
// report states that it supplied: "Soviet technology we have in stock"
// names where old kit came from, not who supplied the vehicles the next
// sentence lists.
func TestSovietUnionNotFromContext(t *testing.T) {
	pub := time.Date(2024, 11, 19, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		body string
		want bool // a Soviet Union -> Moldova relation
	}{
		{"The United States donated Humvee vehicles to Moldova's army. Do not compare them with the Soviet technology that we have in stock. " +
			"These are transport, armoured fighting vehicles and infantry vehicles.", false},
		{"The Soviet Union supplied Moldova's army with transport vehicles in 1991. " +
			"These are transport, armoured fighting vehicles and infantry vehicles.", true},
	} {
		got := New().Report(bot.Report{ID: "r", Title: "Moldova's army vehicles", Published: pub, Body: tc.body})
		soviet := false
		for _, r := range got {
			soviet = soviet || r.Supplier == "Soviet Union" && r.Recipient == "Moldova"
		}
		if soviet != tc.want {
			t.Errorf("%q: Soviet Union -> Moldova %v, want %v (%+v)", tc.body, soviet, tc.want, got)
		}
	}
}
