package bot

import (
	"testing"
	"time"
)

func TestUnderstandFurtherBatch(t *testing.T) {
	now := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"Is Washington transferring six more A-29s to Ghana?", true},
		{"Is Ghana buying more Bayraktars?", true},
		{"Is Ghana getting a second batch of Su-30SM2s?", true},
		{"Is Ghana buying Bayraktars?", false},
		{"Does China export more drones than Russia?", false},
		{"Is Ghana buying more weapons?", false},
	} {
		if got := Understand(tc.q, now).Further; got != tc.want {
			t.Errorf("%q: further %v, want %v", tc.q, got, tc.want)
		}
	}
}

func TestPendingLinesForFurtherBatch(t *testing.T) {
	ans := &Answer{Citations: []Citation{{Published: "2021-01-01"}}, Relations: []RelationLine{
		{Supplier: "United States", Recipient: "Ghana", System: "A-29", Status: "delivered", Citations: []int{1}},
		{Supplier: "United States", Recipient: "Ghana", System: "A-29", Status: "planned", Citations: []int{1}},
	}}
	p := pendingLines(ans)
	if len(p) != 1 || p[0].Status != "planned" {
		t.Fatalf("pending %+v, want the planned line", p)
	}
	if v, _ := verdictOf(&Answer{Citations: ans.Citations, Relations: p}); v != VerdictNotYet {
		t.Errorf("verdict on the further batch %v, want not yet", v)
	}
}
