package chatkit

import (
	"testing"
	"time"
)

func TestReplaysRefusedWithinWindow(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	p := NewReplays(5*time.Minute, func() time.Time { return now })
	if !p.First("v0=aa") || !p.First("v0=bb") {
		t.Fatal("first requests refused")
	}
	now = now.Add(9 * time.Minute) // a timestamp 5 minutes ahead is still fresh 4 minutes later
	if p.First("v0=aa") {
		t.Error("replay within twice the window accepted")
	}
	now = now.Add(11 * time.Minute)
	if !p.First("v0=bb") {
		t.Error("a signature long past the window is still remembered")
	}
}
