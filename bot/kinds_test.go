package bot

import "testing"

func TestMatchesKindHeadNoun(t *testing.T) {
	generic := Relation{Category: "Artillery", Evidence: Evidence{Sentence: "The army procured the artillery systems."}}
	named := Relation{System: "K9 Thunder", Category: "Artillery", Evidence: Evidence{Sentence: "The army procured the artillery systems."}}
	if !matchesKind(generic, []string{"rocket artillery"}) {
		t.Error("a deal recorded only as artillery may be the rocket artillery asked about")
	}
	if matchesKind(named, []string{"rocket artillery"}) {
		t.Error("a known howitzer is no rocket artillery")
	}
}

func TestMatchesKindKnownSystemIgnoresSentence(t *testing.T) {
	sentence := "China's are Wing Loong-1 armed drones and Germany's EC145 helicopters."
	heli := Relation{System: "H145", Category: "Aircraft", Evidence: Evidence{Sentence: sentence}}
	if matchesKind(heli, []string{"drones"}) {
		t.Error("a known helicopter is no drone because its sentence also lists drones")
	}
	unknown := Relation{System: "Sokol-X", Category: "Aircraft", Evidence: Evidence{Sentence: "two Sokol-X drones"}}
	if !matchesKind(unknown, []string{"drones"}) {
		t.Error("a designation the lexicon does not know is judged by its sentence")
	}
}

func TestMatchesKindCombatAircraft(t *testing.T) {
	for _, c := range []struct {
		system string
		want   bool
	}{
		{"EMB-314 Super Tucano", true}, // light attack aircraft
		{"Su-30SM", true},              // combat aircraft
		{"C-295", false},               // transport aircraft
		{"Mi-17", false},               // transport helicopter
	} {
		r := Relation{System: c.system, Category: "Aircraft", Evidence: Evidence{Sentence: "The air force received " + c.system + " aircraft."}}
		if got := matchesKind(r, []string{"combat aircraft"}); got != c.want {
			t.Errorf("%s as combat aircraft: %v, want %v", c.system, got, c.want)
		}
	}
}

func TestMatchesKindPlane(t *testing.T) {
	for _, c := range []struct {
		system string
		want   bool
	}{
		{"C-295", true},   // transport aircraft
		{"Yak-130", true}, // trainer
		{"Su-30SM", true}, // combat aircraft
		{"Mi-17", false},  // transport helicopter
	} {
		r := Relation{System: c.system, Category: "Aircraft", Evidence: Evidence{Sentence: "The air force received " + c.system + " aircraft."}}
		if got := matchesKind(r, []string{"plane"}); got != c.want {
			t.Errorf("%s as a plane: %v, want %v", c.system, got, c.want)
		}
	}
}

func TestMatchesKindWarship(t *testing.T) {
	for _, c := range []struct {
		system, sentence string
		want             bool
	}{
		{"MILGEM corvette", "The navy received a MILGEM corvette.", true},
		{"Type 054A/P", "The navy received Type 054A/P frigates.", true},
		{"Su-30SM", "The air force received Su-30SM fighters.", false},
	} {
		r := Relation{System: c.system, Category: "Ships", Evidence: Evidence{Sentence: c.sentence}}
		if got := matchesKind(r, []string{"warship"}); got != c.want {
			t.Errorf("%s as a warship: %v, want %v", c.system, got, c.want)
		}
	}
}

func TestMatchesKindPatrolCraft(t *testing.T) {
	craft := Relation{System: "Marlin", Category: "Ships", Evidence: Evidence{Sentence: "The navy obtained Marlin-class patrol craft."}}
	if !matchesKind(craft, []string{"patrol boat"}) {
		t.Error("a patrol craft is a patrol boat")
	}
	frigate := Relation{System: "Orca", Category: "Ships", Evidence: Evidence{Sentence: "The navy obtained Orca-class frigates."}}
	if matchesKind(frigate, []string{"patrol boat"}) {
		t.Error("a frigate is no patrol boat")
	}
}

func TestKindTakenInSentence(t *testing.T) {
	sentence := "Japan will hand over two transport planes to Ghana, weeks after Ghana received military aid from Japan."
	hit := func(cat string) RelationHit {
		return RelationHit{Relation: Relation{Supplier: "Japan", Recipient: "Ghana", Category: cat,
			Evidence: Evidence{ReportID: "r", Sentence: sentence}}}
	}
	planes, aid := hit("Aircraft"), hit("")
	if !kindTakenInSentence(aid, []RelationHit{planes, aid}, "Aircraft") {
		t.Error("the planes belong to the relation that carries them, not to the aid")
	}
	if kindTakenInSentence(aid, []RelationHit{aid}, "Aircraft") {
		t.Error("alone, a relation of no category may stand for the kind its sentence names")
	}
	other := planes
	other.Evidence.Sentence = "Japan delivered two transport planes to Ghana."
	if kindTakenInSentence(aid, []RelationHit{other, aid}, "Aircraft") {
		t.Error("a relation of another sentence takes nothing")
	}
}

// A question's abbreviation matches the words a report spells out: APCs
// are "armoured personnel carriers", MRAPs "mine-resistant" vehicles.
func TestMatchesKindAbbreviations(t *testing.T) {
	apc := Relation{System: "Kestrel-X", Category: "Armoured vehicles", Evidence: Evidence{Sentence: "Ghana ordered Kestrel-X armoured personnel carriers from Kenya."}}
	if !matchesKind(apc, []string{"apc"}) {
		t.Error("armoured personnel carriers are APCs")
	}
	mrap := Relation{System: "Rhino-9", Category: "Armoured vehicles", Evidence: Evidence{Sentence: "Chad took delivery of Rhino-9 mine-resistant vehicles."}}
	if !matchesKind(mrap, []string{"mrap"}) {
		t.Error("mine-resistant vehicles are MRAPs")
	}
	if matchesKind(mrap, []string{"apc"}) {
		t.Error("a sentence that names no personnel carrier is no APC")
	}
}
