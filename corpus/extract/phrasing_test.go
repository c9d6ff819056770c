package extract

import (
	"slices"
	"testing"
)

// TestPlainPhrasings covers relations real reporting states plainly, in
// our own words: a relative clause with no "that", a capital standing for
// the recipient, a list after a colon, a counterfactual, parts fitted to a
// weapon.
func TestPlainPhrasings(t *testing.T) {
	e := New()
	for _, tc := range []struct {
		name, prev, text string
		want             []string // supplier>recipient system status; nil: nothing at all
	}{
		{"contact relative", "", "Serbia showed the new FK-3 air defence system it recently procured from China.",
			[]string{"China>Serbia FK-3 delivered"}},
		{"capital as recipient", "Turkmenistan was the first buyer of China's HQ-9.",
			"Uzbekistan followed: the FD-2000 air defence system was delivered to Tashkent in 2023.",
			[]string{"China>Uzbekistan FD-2000 delivered"}},
		{"users after a colon", "", "The K9 is in service with four countries: South Korea, Poland, India and Norway.",
			[]string{"South Korea>Poland K9 delivered", "South Korea>India K9 delivered", "South Korea>Norway K9 delivered"}},
		{"refused request", "", "Israel has refused Ukraine's request to buy the Iron Dome system.",
			[]string{"Israel>Ukraine Iron Dome cancelled"}},
		{"counterfactual", "", "Washington offered Kazakhstan an alternative to buying Russian helicopters.", nil},
		{"alliance is no party", "", "Canada halted exports of drone sensors to NATO ally Turkey in 2020.",
			[]string{"Canada>Turkey  cancelled"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := relKeys(e.Sentence(tc.text, Context{Previous: tc.prev}))
			if tc.want == nil {
				if len(got) > 0 {
					t.Errorf("got %q, want nothing", got)
				}
				return
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q in %q", w, got)
				}
			}
			for _, g := range got {
				if !slices.Contains(tc.want, g) {
					t.Errorf("unexpected %q", g)
				}
			}
		})
	}
}
