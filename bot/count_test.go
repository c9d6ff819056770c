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
		{"The US approved the sale of 100 Boeing-made Harpoon systems.", RelationLine{System: "Harpoon"}, nil, "100 Harpoon"},
		{"The first four of 13 Soviet-era MiG-29 jets arrived.", RelationLine{System: "MiG-29"}, nil, "4 of 13 MiG-29"},
		{"It signed for 80 French Rafale jets.", RelationLine{System: "Rafale"}, nil, "80 Rafale"},
		{"It sent 80 spare parts for the Rafale.", RelationLine{System: "Rafale"}, nil, ""}, // parts are no modifier
		{"It handed over eight other Cobra attack helicopters.", generic, []string{"helicopter"}, "8 helicopters"},
		{"Russia sent 12 armoured vehicles.", RelationLine{Category: "Armoured vehicles"}, nil, "12 armoured"},
		// coordinate hyphenated adjectives joined by a comma
		{"Japan gave 9 blast-proof, all-terrain armoured trucks.", RelationLine{Category: "Armoured vehicles"}, nil, "9 armoured"},
		{"Japan gave 9 trucks, armoured vehicles and boats.", RelationLine{Category: "Armoured vehicles"}, nil, ""},
		{"Japan gave 9 well-used, armoured vehicles.", RelationLine{Category: "Armoured vehicles"}, nil, "9 armoured"},
		{"Japan gave 9 old, armoured vehicles.", RelationLine{Category: "Armoured vehicles"}, nil, ""},
		// the sentence's own name for the system: A-29 for the EMB-314, C295W for the C-295
		{"The US handed over four A-29 Super Tucano aircraft.", RelationLine{System: "EMB-314 Super Tucano"}, nil, "4 A-29"},
		{"Ghana ordered six C295W transport planes.", RelationLine{System: "C-295"}, nil, "6 C295W"},
		// common adjectives between the number and the system
		{"Chile received 24 advanced Leopard battle tanks.", RelationLine{System: "Leopard"}, nil, "24 Leopard"},
		{"Kenya took 30 wheeled tactical Otokar Arma vehicles.", RelationLine{System: "Arma"}, nil, "30 Arma"},
		// a designation after its generic noun
		{"The first batch of twelve Serbian armoured personnel carriers Lazar-3 arrived.", RelationLine{System: "Lazar-3"}, nil, "12 Lazar-3"},
		{"It sent 12 old supply trucks and Lazar-3 carriers.", RelationLine{System: "Lazar-3"}, nil, ""},
		// thousands separators: a count, not a list of numbers
		{"The plant handed over 42,500 Kalashnikov AK-203 rifles.", RelationLine{System: "AK-203"}, nil, "42500 AK-203"},
		{"It paid 4,50 for 3 AK-203 rifles.", RelationLine{System: "AK-203"}, nil, "3 AK-203"},
		// a plain noun of the line's category, or a counter, when the
		// designation has no figure before it
		{"Hungary signed for 218 vehicles, the Lynx among them.", RelationLine{System: "Lynx", Category: "Armoured vehicles"}, nil, "218 vehicles"},
		{"In the first batch Turkey sends 18 units with spare parts.", RelationLine{System: "Boran", Category: "Artillery"}, nil, "18 units"},
		{"It took 18 units of the Boran and 4 Boran trucks.", RelationLine{System: "Boran", Category: "Artillery"}, nil, "4 Boran"},
		{"Three unmanned aerial vehicles Heron 1 were ordered.", RelationLine{System: "Heron 1", Category: "Aircraft"}, nil, "3 Heron"},
		{"China builds eight new “advanced” Hangor-class submarines.", RelationLine{System: "Hangor", Category: "Ships"}, nil, "8 Hangor-class"},
		{"Russia sent 12 armoured vehicles and 3 drones.", RelationLine{System: "Orlan-10", Category: "Aircraft"}, nil, "3 drones"},
		// "a pair of" counts two; "pair" alone is no figure
		{"Peru handed over a pair of Mi-17 helicopters to Bolivia.", RelationLine{System: "Mi-17"}, nil, "2 Mi-17"},
		{"The Mi-17 pair flew to Bolivia.", RelationLine{System: "Mi-17"}, nil, ""},
		// a unit of the system, when no number counts the system itself
		{"Russia has handed over two divisions of its S-300 systems.", RelationLine{System: "S-300"}, nil, "2 divisions of S-300"},
		{"Peru bought three batteries of the Grom and 20 Grom launchers.", RelationLine{System: "Grom"}, nil, "20 Grom"},
		{"It had two divisions ready and S-300 systems.", RelationLine{System: "S-300"}, nil, ""},
		// a number that ends a designation counts nothing
		{"Colombia Looks to Buy Leopard 1 Tanks from Chile", RelationLine{Category: "Armoured vehicles"}, []string{"tank"}, ""},
		{"Colombia wants 60 Leopard 1 tanks from Chile", RelationLine{System: "Leopard 1"}, nil, "60 Leopard"},
		// the modifiers of vessels and vehicles
		{"Senegal ordered three offshore patrol vessels.", RelationLine{Category: "Ships"}, []string{"vessel"}, "3 vessels"},
		{"The battalion received 43 multipurpose HMMWV vehicles.", RelationLine{System: "Humvee"}, nil, "43 HMMWV"},
	} {
		if got := figureIn(tc.sentence, tc.line, tc.kinds); got != tc.want {
			t.Errorf("figureIn(%q) = %q, want %q", tc.sentence, got, tc.want)
		}
	}
}

// Among a category's plain nouns, the one the question counts comes
// first: "How many Grom missiles" reads "100 missiles", not "30 launchers".
func TestFigureInAsked(t *testing.T) {
	l := RelationLine{System: "Grom", Category: "Missiles"}
	s := "In 2009 Peru ordered 20 launchers and 80 missiles of the Grom system."
	if got := figureInAsked(s, l, nil, askedNouns("How many Grom missiles did Peru order?")); got != "80 missiles" {
		t.Errorf("asked missiles: got %q", got)
	}
	if got := figureInAsked(s, l, nil, askedNouns("How many Grom launchers did Peru order?")); got != "20 launchers" {
		t.Errorf("asked launchers: got %q", got)
	}
	if got := figureInAsked(s, l, nil, askedNouns("How many Groms did Peru order?")); got != "20 launchers" {
		t.Errorf("no noun asked: got %q, want the first figure", got)
	}
}

// The noun the question counts is read whatever the line's category:
// "armoured howitzer vehicles" counts "36 armoured vehicles" of a deal
// recorded as artillery.
func TestFigureInAskedOtherCategory(t *testing.T) {
	l := RelationLine{Category: "Artillery"}
	s := "Brazil postponed a contract with Elbit for 36 armoured vehicles with 155 mm howitzers."
	if got := figureInAsked(s, l, []string{"howitzer"}, askedNouns("How many armoured howitzer vehicles was Brazil to buy?")); got != "36 vehicles" {
		t.Errorf("got %q, want 36 vehicles", got)
	}
}

// A figure only the cited report's headline gives is quoted as the
// headline's, once per citation.
func TestHeadlineFigures(t *testing.T) {
	ans := &Answer{
		Relations: []RelationLine{{Supplier: "China", Recipient: "Argentina", System: "VN-1", Category: "Armoured vehicles", Citations: []int{1}}},
		Citations: []Citation{{N: 1, Title: "Argentina to buy 110 Chinese VN-1 wheeled IFVs", Quote: "The deal covers the VN-1."}},
	}
	got := headlineFigures(ans, nil, nil)
	if len(got) != 1 || got[0] != "110 VN-1 [1] (in its headline)" {
		t.Errorf("got %q", got)
	}
	ans.Citations[0].Title = "Argentina looks east for armour"
	if got := headlineFigures(ans, nil, nil); len(got) != 0 {
		t.Errorf("no figure in the headline: got %q", got)
	}
}

func TestTotalIn(t *testing.T) {
	for _, tc := range []struct{ sentence, want string }{
		{"Seoul will give Manila 12 more K9 guns, bringing the number to 36 in total.", "36 in total"},
		{"Ten more arrived in May, bringing the total to 48.", "48 in total"},
		{"The delivery brings its fleet to twenty jets.", "20 in total"},
		{"Ten more arrived in May, bringing the war closer.", ""},
		{"Bringing the total to 2024 levels was the aim.", ""}, // a year is no figure
	} {
		if got := totalIn(tc.sentence); got != tc.want {
			t.Errorf("totalIn(%q) = %q, want %q", tc.sentence, got, tc.want)
		}
	}
}
