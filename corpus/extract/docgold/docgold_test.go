package docgold

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

func rel(sup, rec, sys string, st bot.Status) bot.Relation {
	return bot.Relation{Supplier: sup, Recipient: rec, System: sys, Status: st, Kind: bot.KindSale, Evidence: bot.Evidence{Sentence: "s"}}
}

func TestCompare(t *testing.T) {
	gold := []Doc{{
		Report: "r1",
		Relations: []Relation{
			{Supplier: "Russia", Recipient: "Kazakhstan", System: "Mi-35M", Category: "Aircraft", Status: "delivered", Kind: "sale"},
			{Supplier: "Turkey", Recipient: "Kazakhstan", System: "armoured vehicles", Category: "Armoured vehicles", Status: "planned", Kind: "sale"},
			{Supplier: "China", Recipient: "Kazakhstan", System: "Wing Loong", Status: "delivered", Kind: "aid"},
		},
		NonRelations: []NonRelation{
			{Supplier: "Iran", Recipient: "Kazakhstan", MustNotBe: []string{"delivered", "ordered"}, Why: "denied"},
			{Supplier: "Russia", Recipient: "Serbia", MustNotBe: []string{"delivered", "ordered", "planned", "cancelled"}, Why: "component origin"},
		},
	}}
	pred := map[string][]bot.Relation{"r1": {
		rel("Russia", "Kazakhstan", "Mi-35Ms", bot.StatusOrdered),                                               // earlier stage: folded into delivered
		rel("Russia", "Kazakhstan", "Mi-35Ms", bot.StatusDelivered),                                             // TP
		{Supplier: "Turkey", Recipient: "Kazakhstan", Category: "Armoured vehicles", Status: bot.StatusPlanned}, // TP, generic system
		rel("Iran", "Kazakhstan", "", bot.StatusCancelled),                                                      // neutral: the denial leaves cancelled open
		rel("Russia", "Serbia", "BPPU", bot.StatusDelivered),                                                    // FP, forbidden
		rel("Germany", "Kazakhstan", "", bot.StatusDelivered),                                                   // FP
	}}
	s := Compare(gold, pred)
	if s.Pair.TP != 2 || s.Pair.FP != 2 || s.Pair.FN != 1 {
		t.Errorf("pair counts %+v, want TP 2, FP 2, FN 1", s.Pair)
	}
	if len(s.Forbidden) != 1 || s.Forbidden[0].Recipient != "Serbia" {
		t.Errorf("forbidden %v, want the component origin", s.Forbidden)
	}
	if len(s.Missed) != 1 || s.Missed[0].Supplier != "China" {
		t.Errorf("missed %v, want China", s.Missed)
	}
	if got := s.ByStatus["planned"]; got.TP != 1 || got.FP != 0 {
		t.Errorf("planned %+v", got)
	}
	if got := s.ByKind["aid"]; got.FN != 1 {
		t.Errorf("aid %+v, want one miss", got)
	}
	if s.System.TP != 2 || s.System.FP != 2 || s.System.FN != 1 {
		t.Errorf("system counts %+v, want TP 2, FP 2, FN 1", s.System)
	}
	if p, r := s.Pair.Precision(), s.Pair.Recall(); p != 0.5 || r < 0.66 || r > 0.67 {
		t.Errorf("P %.3f R %.3f", p, r)
	}
	if tab := Table([]string{"x"}, []Score{s}); !strings.Contains(tab, "| x | 1 | 0.50 (2/4) | 0.67 (2/3) |") {
		t.Errorf("table:\n%s", tab)
	}
}

// TestCompareSystemsUnnamed checks that a right pair with no system is
// neither a hit nor an error on systems, while a wrong system is an error.
func TestCompareSystemsUnnamed(t *testing.T) {
	gold := []Doc{{
		Report: "r1",
		Relations: []Relation{
			{Supplier: "Turkey", Recipient: "Kyrgyzstan", System: "Bayraktar TB2", Category: "Aircraft", Status: "delivered", Kind: "sale"},
			{Supplier: "Turkey", Recipient: "Kazakhstan", System: "Anka", Category: "Aircraft", Status: "delivered", Kind: "sale"},
		},
	}}
	pred := map[string][]bot.Relation{"r1": {
		rel("Turkey", "Kyrgyzstan", "", bot.StatusDelivered),    // neutral on systems
		rel("Turkey", "Kazakhstan", "TB2", bot.StatusDelivered), // wrong system
		rel("Turkey", "Kazakhstan", "Anka", bot.StatusDelivered),
		rel("Turkey", "Uzbekistan", "", bot.StatusDelivered), // wrong pair: wrong on systems too
	}}
	s := Compare(gold, pred)
	if s.System.TP != 1 || s.System.FP != 2 || s.System.FN != 1 {
		t.Errorf("system counts %+v, want TP 1, FP 2, FN 1", s.System)
	}
	if len(s.SystemFalsePositives) != 2 || s.SystemFalsePositives[0].System != "TB2" {
		t.Errorf("system FPs %v, want the TB2 for Kazakhstan first", s.SystemFalsePositives)
	}
}

func TestCompareEmpty(t *testing.T) {
	s := Compare([]Doc{{Report: "r"}}, nil)
	if s.Pair.Precision() != 1 || s.Pair.Recall() != 1 {
		t.Errorf("empty: %+v", s.Pair)
	}
}

func TestSystemsMatch(t *testing.T) {
	for _, tc := range []struct {
		gs, gc, ps, pc string
		want           bool
	}{
		{"Bayraktar TB2", "Aircraft", "TB2", "Aircraft", true},
		{"Mi-35M", "", "Mi-35Ms", "", true},
		{"drones", "Aircraft", "", "Aircraft", true},
		{"drones", "Aircraft", "", "Armoured vehicles", false},
		{"Su-30SM", "Aircraft", "", "Aircraft", false},
		{"Su-30SM", "Aircraft", "Mi-17", "Aircraft", false},
	} {
		if got := SystemsMatch(tc.gs, tc.gc, tc.ps, tc.pc); got != tc.want {
			t.Errorf("SystemsMatch(%q, %q, %q, %q) = %v", tc.gs, tc.gc, tc.ps, tc.pc, got)
		}
	}
}

func TestRead(t *testing.T) {
	for _, tc := range []struct{ in, err string }{
		{`{"report":"a","relations":[],"non_relations":[]}`, ""},
		{`{"report":"a","relations":[],"non_relations":[]}` + "\n" + `{"report":"a","relations":[],"non_relations":[]}`, "line 2: report a annotated twice"},
		{`{"report":"","relations":[]}`, "line 1: no report name"},
		{`{"report":"a","relations":[{"supplier":"X","recipient":"Y","status":"sold"}]}`, "line 1: relation 1"},
		{`{"report":"a","extra":1}`, "line 1: json: unknown field"},
		{`not json`, "line 1:"},
	} {
		_, err := Read(strings.NewReader(tc.in))
		if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("Read(%q) = %v, want %q", tc.in, err, tc.err)
		}
	}
}

func TestFoldStagesLooseSystems(t *testing.T) {
	rels := []bot.Relation{
		rel("Russia", "Kazakhstan", "Mi-35M", bot.StatusOrdered),        // folds into the Mi-35Ms delivered
		rel("Russia", "Kazakhstan", "Mi-35Ms", bot.StatusDelivered),     // kept
		rel("Turkey", "Kazakhstan", "TB2", bot.StatusPlanned),           // folds into Bayraktar TB2
		rel("Turkey", "Kazakhstan", "Bayraktar TB2", bot.StatusOrdered), // kept
		rel("Russia", "Kazakhstan", "", bot.StatusOrdered),              // no system: kept (no system-less later stage)
		rel("China", "Kazakhstan", "Y-8", bot.StatusOrdered),            // kept: gold lists this pair as ordered
		rel("China", "Kazakhstan", "Y-8", bot.StatusDelivered),          // kept
	}
	got := foldStages(rels, map[pairKey]bool{{"China", "Kazakhstan", "ordered"}: true})
	var kept []string
	for _, r := range got {
		kept = append(kept, r.Supplier+" "+r.System+" "+string(r.Status))
	}
	want := "Russia Mi-35Ms delivered|Turkey Bayraktar TB2 ordered|Russia  ordered|China Y-8 ordered|China Y-8 delivered"
	if strings.Join(kept, "|") != want {
		t.Errorf("folded to %q, want %q", strings.Join(kept, "|"), want)
	}
}

// Read writes an annotator's other name of a country by the gazetteer's
// canonical one, so "Ivory Coast" in the gold matches "Cote d'Ivoire" out
// of an extractor; a name the gazetteer does not know stays.
func TestReadCanonicalNames(t *testing.T) {
	in := `{"report":"r","relations":[{"supplier":"China","recipient":"Ivory Coast","system":"","category":"","status":"delivered","kind":"sale","years":[],"evidence":"in service in Ivory Coast"}],` +
		`"non_relations":[{"supplier":"Czech Republic","recipient":"Atlantis","must_not_be":["delivered"],"why":"not a transfer","evidence":"xxxxxxxxxx"}]}`
	docs, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := docs[0].Relations[0].Recipient; got != "Cote d'Ivoire" {
		t.Errorf("recipient %q, want Cote d'Ivoire", got)
	}
	nr := docs[0].NonRelations[0]
	if nr.Supplier != "Czechia" || nr.Recipient != "Atlantis" {
		t.Errorf("non-relation %q -> %q, want Czechia -> Atlantis", nr.Supplier, nr.Recipient)
	}
	s := Compare(docs, map[string][]bot.Relation{"r": {rel("China", "Cote d'Ivoire", "", bot.StatusDelivered)}})
	if s.Pair.TP != 1 || s.Pair.FP != 0 {
		t.Errorf("pair counts %+v, want one true positive", s.Pair)
	}
}
