package bot

import "testing"

// TestLessCertainRoom: the less certain group lists six counterparties
// beside a full confirmed listing, and fills the listing's room when few
// are confirmed (one report's list of a system's users read from context).
func TestLessCertainRoom(t *testing.T) {
	parties := func(confirmed, unsure int) []*party {
		var out []*party
		for range confirmed {
			out = append(out, &party{supply: []*line{{stated: true}}})
		}
		for range unsure {
			out = append(out, &party{supply: []*line{{}}})
		}
		return out
	}
	for _, tc := range []struct{ confirmed, unsure, want int }{
		{0, 9, maxCounterparties},
		{1, 7, maxCounterparties - 1},
		{8, 7, maxLessCertainParties},
		{20, 7, maxLessCertainParties},
	} {
		if got := lessCertainRoom(parties(tc.confirmed, tc.unsure)); got != tc.want {
			t.Errorf("%d confirmed, %d less certain: room %d, want %d", tc.confirmed, tc.unsure, got, tc.want)
		}
	}
}
