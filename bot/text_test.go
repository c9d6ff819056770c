package bot

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitSentences(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"One. Two.", []string{"One.", "Two."}},
		{"Mr. Smith met Gen. Jones. Then he left.", []string{"Mr. Smith met Gen. Jones.", "Then he left."}},
		{"It cost $1.84 billion. Done.", []string{"It cost $1.84 billion.", "Done."}},
		{"J. R. Tolkien wrote. Yes.", []string{"J. R. Tolkien wrote.", "Yes."}},
		{"A heading\n\nA paragraph.", []string{"A heading", "A paragraph."}},
		{"He said \"no.\" Then left.", []string{"He said \"no.\"", "Then left."}},
		{"see e.g. this case. Next.", []string{"see e.g. this case.", "Next."}},
		{"no punctuation at all", []string{"no punctuation at all"}},
		{"", nil},
		{"Kazakhstan (KZ.) bought. 2016 was the year.", []string{"Kazakhstan (KZ.) bought.", "2016 was the year."}},
	} {
		var got []string
		for _, s := range SplitSentences(tc.in) {
			got = append(got, tc.in[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("SplitSentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPassagesCoverBodyWithValidOffsets(t *testing.T) {
	long := strings.Repeat("Kazakhstan bought drones from Turkey in 2021. ", 40)
	noSpaces := strings.Repeat("Ж", 1000)
	body := "Heading\n\nShort paragraph.\n\n" + long + "\n\n" + noSpaces + "\n\nLast words."
	ps := Passages(Report{ID: "r", Body: body})
	if len(ps) < 4 {
		t.Fatalf("got %d passages", len(ps))
	}
	for i, p := range ps {
		if p.Seq != i || p.ReportID != "r" {
			t.Errorf("passage %d: seq %d id %q", i, p.Seq, p.ReportID)
		}
		if body[p.Start:p.End] != p.Text || !utf8.ValidString(p.Text) {
			t.Errorf("passage %d text is not a valid slice of the body", i)
		}
		if len(p.Text) > maxPassage {
			t.Errorf("passage %d is %d bytes", i, len(p.Text))
		}
	}
	if !strings.HasPrefix(ps[0].Text, "Heading\n\nShort paragraph.") {
		t.Errorf("heading not joined to its paragraph: %q", ps[0].Text)
	}
}

func FuzzPassages(f *testing.F) {
	f.Add("A. B.\n\nC")
	f.Add(strings.Repeat("x", 2000))
	f.Fuzz(func(t *testing.T, body string) {
		for _, p := range Passages(Report{ID: "f", Body: body}) {
			if p.Start < 0 || p.End > len(body) || p.Start > p.End || body[p.Start:p.End] != p.Text {
				t.Fatalf("bad passage %+v", p)
			}
		}
		for _, s := range SplitSentences(body) {
			if s.Start < 0 || s.End > len(body) || s.Start > s.End {
				t.Fatalf("bad span %+v", s)
			}
		}
	})
}

func TestWords(t *testing.T) {
	got := Words(`Who supplies Kazakhstan's army with Su-30SM jets, U.S. drones? (title:x) +y -z "q*"`)
	want := "supplies kazakhstan army su-30sm jets u.s drones title x y z q"
	if strings.Join(got, " ") != want {
		t.Errorf("Words = %q, want %q", strings.Join(got, " "), want)
	}
}
