package bot

import "testing"

func TestVerdictOf(t *testing.T) {
	cite := func(published, quote string) Citation { return Citation{Published: published, Quote: quote} }
	line := func(status string, cites ...int) RelationLine {
		return RelationLine{Supplier: "Russia", Recipient: "Indonesia", System: "Su-35", Status: status, Citations: cites}
	}
	cs := []Citation{
		cite("2018-02-15", "Russia delivered Su-35 fighters to Indonesia."),
		cite("2021-12-23", "Indonesia cancelled the Su-35 deal."),
		cite("2024-01-01", "Unconfirmed reports say Russia delivered Su-35 fighters to Indonesia."),
		cite("2017-01-01", "Indonesia ordered Su-35 fighters."),
		cite("2022-01-01", "Russia delivered two more Su-35 to Indonesia."),
		cite("2023-01-01", "Moscow denied it had delivered Su-35 fighters to Indonesia."),
	}
	for _, tc := range []struct {
		name  string
		lines []RelationLine
		want  Verdict
	}{
		{"delivery", []RelationLine{line("delivered", 1)}, VerdictYes},
		{"order only", []RelationLine{line("ordered", 4)}, VerdictNotYet},
		{"planned only", []RelationLine{line("planned", 4)}, VerdictNotYet},
		{"delivery then cancellation", []RelationLine{line("delivered", 1), line("cancelled", 2)}, VerdictNo},
		{"order then cancellation", []RelationLine{line("ordered", 4), line("cancelled", 2)}, VerdictNo},
		{"cancellation then a later delivery", []RelationLine{line("delivered", 5), line("cancelled", 2)}, VerdictYes},
		{"rumour only", []RelationLine{line("delivered", 3)}, VerdictNoRecord},
		{"rumour and an order", []RelationLine{line("delivered", 3), line("ordered", 4)}, VerdictNotYet},
		{"denial", []RelationLine{line("cancelled", 2)}, VerdictNo},
		{"a denial read as a delivery", []RelationLine{line("delivered", 6)}, VerdictNoRecord},
		{"nothing", nil, VerdictNoRecord},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, basis := verdictOf(&Answer{Relations: tc.lines, Citations: cs})
			if got != tc.want {
				t.Errorf("verdict %q, want %q", got, tc.want)
			}
			if (got == VerdictNoRecord) != (len(basis) == 0) {
				t.Errorf("basis %v for %q", basis, got)
			}
		})
	}
}

func TestStoryHeadlineNeverDeliveredAfterCancellation(t *testing.T) {
	stages := []StoryStage{
		{Year: 2018, Supplier: "Russia", Recipient: "Indonesia", System: "Su-35", Status: "ordered", Citations: []int{1}},
		{Year: 2021, Supplier: "Russia", Recipient: "Indonesia", System: "Su-35", Status: "cancelled", Citations: []int{2}},
		{Year: 2021, Supplier: "Russia", Recipient: "Indonesia", System: "Su-35", Status: "delivered", Citations: []int{3}},
	}
	if got, want := storyHeadline(stages), "Latest (Su-35, Russia → Indonesia): cancelled, as of 2021 [2]. 3 stages:"; got != want {
		t.Errorf("headline %q, want %q", got, want)
	}
	undated := []StoryStage{{Supplier: "Russia", Recipient: "Indonesia", Status: "ordered", Citations: []int{1}}}
	if got, want := storyHeadline(undated), "Latest (Russia → Indonesia): ordered, undated [1]. 1 stage:"; got != want {
		t.Errorf("undated headline %q, want %q", got, want) // never "as of 0"
	}
}
