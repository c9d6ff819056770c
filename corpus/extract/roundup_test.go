package extract

import (
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// A roundup's title names the subject of one item at most: the other
// items take no side from it. The same body under a plain title borrows
// the title's country, which shows the title is what the roundup check
// turns off.
func TestRoundupTitleGivesNoSide(t *testing.T) {
	body := "A new support ship ordered by the Dutch navy has begun sea trials."
	pub := time.Date(2024, 11, 19, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		title string
		want  int
	}{
		{"Naval News Roundup | Dutch support ship trials, Philippine Navy's new missile boat and more", 0},
		{"Security news in brief: Philippine Navy's new missile boat", 0},
		{"Philippine shipyard's support ship for the Dutch navy", 1},
	} {
		got := New().Report(bot.Report{ID: "r", Title: tc.title, Published: pub, Body: body})
		if len(got) != tc.want {
			t.Errorf("title %q: got %d relations %+v, want %d", tc.title, len(got), got, tc.want)
		}
	}
}
