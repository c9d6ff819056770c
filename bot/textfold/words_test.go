package textfold

import (
	"strings"
	"testing"
)

func wordTexts(text string, max int) []string {
	var out []string
	for _, w := range Words(text, max) {
		out = append(out, text[w.Start:w.End])
	}
	return out
}

func TestWords(t *testing.T) {
	cases := []struct {
		text string
		want string // words joined by "|"
	}{
		{"Turkish-made Su-30SM jets", "Turkish|made|Su|30SM|jets"},
		{"Kazakhstan's Türkiye ‘deal’", "Kazakhstan|s|Türkiye|deal"},
		{"Нур‑Султан, 2021.", "Нур|Султан|2021"},
		{"bad\xffbyte and \uFFFD mark", "bad|byte|and|mark"},
		{"  ", ""},
		{"e\u0301te", "e\u0301te"}, // a combining accent stays in its word
	}
	for _, c := range cases {
		if got := strings.Join(wordTexts(c.text, 0), "|"); got != c.want {
			t.Errorf("Words(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestWordsMax(t *testing.T) {
	if got := wordTexts("one two three four", 2); strings.Join(got, "|") != "one|two" {
		t.Errorf("Words(max 2) = %q", got)
	}
}

func TestWordFlags(t *testing.T) {
	text := "Su 30SM élan Émir x2"
	ws := Words(text, 0)
	want := []Word{
		{Start: 0, End: 2, Upper: true, ASCII: true},
		{Start: 3, End: 7, ASCII: true, Digit: true},
		{Start: 8, End: 13},
		{Start: 14, End: 19, Upper: true},
		{Start: 20, End: 22, ASCII: true, Digit: true},
	}
	if len(ws) != len(want) {
		t.Fatalf("Words(%q) = %+v", text, ws)
	}
	for i := range want {
		if ws[i] != want[i] {
			t.Errorf("word %d of %q = %+v, want %+v", i, text, ws[i], want[i])
		}
	}
	if f := ws[3].Fold(text); f != "emir" || !ws[3].Is(text, "emir") || string(ws[0].AppendFold(nil, text)) != "su" {
		t.Errorf("folds: %q", f)
	}
}
