package bot

import (
	"testing"
	"time"
)

// A production block of a designation is no cancellation: the question
// asks for a verdict, not a deal's story.
func TestBlockNumberIsNoCancel(t *testing.T) {
	for q, story := range map[string]bool{
		"Has Chile received F-16 Block 50s from the Netherlands?": false,
		"Did Greece order F-16 Block 72 jets?":                    false,
		"Has the US blocked the sale of F-16s to Turkey?":         true,
	} {
		u := Understand(q, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
		if got := u.Form == FormStory; got != story {
			t.Errorf("%q: form %v, want story %v", q, u.Form, story)
		}
	}
}
