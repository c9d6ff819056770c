package bot

import (
	"strings"
	"testing"
)

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

// TestNarrowByKindOwnCategory: a kind word narrows only its own category,
// so "radars and air defence" keeps an air-defence deal whose sentence
// names no radar, and still drops a sensor that is no radar.
func TestNarrowByKindOwnCategory(t *testing.T) {
	hit := func(system, category, sentence string) RelationHit {
		return RelationHit{Relation: Relation{System: system, Category: category, Evidence: Evidence{Sentence: sentence}}}
	}
	hits := []RelationHit{
		hit("", "Air-defence systems", "France will sell short-range air defence systems to Armenia."),
		hit("", "Sensors", "France will also supply GM200 radars to Armenia."),
		hit("", "Sensors", "France will also supply night-vision sights to Armenia."),
	}
	got := narrowByKind(hits, []string{"radar"})
	if len(got) != 2 || got[0].Category != "Air-defence systems" || !strings.Contains(got[1].Evidence.Sentence, "radars") {
		t.Errorf("narrowed to %+v", got)
	}
}
