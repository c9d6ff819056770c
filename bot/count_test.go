package bot

import "testing"

func TestFigureIn(t *testing.T) {
	k2 := RelationLine{System: "K2 Black Panther"}
	anka := RelationLine{System: "Anka"}
	generic := RelationLine{Category: "Aircraft"}
	for _, tc := range []struct {
		sentence string
		line     RelationLine
		kinds    []string
		want     string
	}{
		{"Poland ordered 180 K2 tanks from South Korea.", k2, nil, "180 K2"},
		{"A further 46 more K2 arrived.", k2, nil, "46 K2"},
		{"In 2023 K2 deliveries went on.", k2, nil, ""}, // a year is no figure
		{"Turkey sent two Anka drones.", anka, nil, "2 Anka"},
		{"Turkey sent twelve drones.", generic, []string{"drone"}, "12 drones"},
		{"Turkey sent 3 trucks and drones.", generic, []string{"drone"}, ""},
	} {
		if got := figureIn(tc.sentence, tc.line, tc.kinds); got != tc.want {
			t.Errorf("figureIn(%q) = %q, want %q", tc.sentence, got, tc.want)
		}
	}
}
