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
