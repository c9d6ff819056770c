package textfold

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Türkiye": "turkiye", "TURKIYE": "turkiye", "Akıncı": "akinci", "kazakh": "kazakh",
		"Казахстан": "казахстан", "Ёлка": "елка", "Øresund": "oresund", "Straße": "strasse",
		"Łódź": "lodz", "Æther": "aether", "": "", "\xff": "\uFFFD", // invalid UTF-8 becomes U+FFFD
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
