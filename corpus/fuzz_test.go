package corpus

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// FuzzFrontMatter feeds arbitrary bytes to the Markdown loader, directly and
// through a Loader, as a file of an arbitrary name. Neither may panic; the
// loader gives one report or one problem, never both; every problem is
// about a line of the file and says what is wrong; every report a Loader
// returns has an ID that passes ValidateID, a title and a body.
//
// A crasher found with go test -fuzz=FuzzFrontMatter lands in
// testdata/fuzz/FuzzFrontMatter/; commit it and it runs with every go test.
func FuzzFrontMatter(f *testing.F) {
	for _, name := range []string{
		"central-asia-diversifies-arms-suppliers.md",
		"kg-air-defence.md",
	} {
		data, err := fs.ReadFile(DefaultFS(), "reports/"+name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(strings.TrimSuffix(name, ".md"), data)
	}
	for _, s := range []string{
		"",
		"---\n",
		"---\n---\n",
		"---\nid: a\n---\nText.\n",
		"---\r\nid: a\r\ntitle: T\r\npublished: 2024-02-29\r\n---\r\n# Heading\r\nText.\r\n",
		"\ufeff---\nid: a\n---\nText.",
		"---\nid: a\ntitle: A: B\n---\nText.\n",             // unquoted ": "
		"---\nid: [a, b]\n---\nText.\n",                     // not a single value
		"---\nid: a#1\n---\nText.\n",                        // "#" is not allowed in IDs
		"---\npublished: 2023-02-29\n---\nText.\n",          // not a calendar date
		"---\ntitle: \"unterminated\n---\nText.\n",          // unterminated quote
		"---\nid: a\n--- trailing\nText.\n",                 // closing line not alone
		"---\n- a\n- b\n---\nText.\n",                       // a list, not key: value
		"---\n" + strings.Repeat("[", 500) + "\n---\nx\n",   // deep unterminated flow
		"---\na: &x [*x]\n---\nText.\n",                     // alias loop
		"---\nid: \"a\\u0000b\"\n---\nText.\n",              // NUL in an escaped ID
		"---\ntitle: Казахстан\nid: қазақстан\n---\nТекст.", // Cyrillic
		"---\ntitle: \u202eevil\u200b\n---\n\u200f",         // RTL override, zero-width only
		"---\nid: a\n---\n```\nunterminated fence\n",
		"# Only a heading\n",
		"---\nid: a\n---\n\xff\xfe invalid \xc3\x28 UTF-8\n",
	} {
		f.Add("report", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		text := strings.TrimPrefix(strings.ReplaceAll(string(data), "\r\n", "\n"), "\ufeff")
		lines := strings.Count(text, "\n") + 1
		reports, problems := loadMarkdown("r.md", data)
		if len(reports)+len(problems) != 1 {
			t.Fatalf("%d reports and %d problems, want one of either", len(reports), len(problems))
		}
		for _, p := range problems {
			checkProblem(t, p, lines)
		}
		for _, r := range reports {
			if r.ID != "" {
				if err := ValidateID(r.ID); err != nil {
					t.Errorf("front matter gave an invalid ID: %v", err)
				}
			}
			if strings.TrimSpace(r.Body) == "" {
				t.Errorf("report with an empty body")
			}
			if strings.Contains(r.Body, "\r\n") {
				t.Errorf("body keeps a CRLF line end: %q", r.Body)
			}
		}

		// The same file through a Loader, named after the fuzzed name when
		// that is a usable file name.
		file := name + ".md"
		if !fs.ValidPath(file) || strings.Contains(name, "/") || strings.HasPrefix(file, ".") {
			file = "r.md"
		}
		res := Loader{}.LoadFS(fstest.MapFS{file: {Data: data}}, ".", func(p string) string { return p })
		if res.Files > 1 || len(res.Reports) > 1 {
			t.Fatalf("%d files, %d reports from one file", res.Files, len(res.Reports))
		}
		badName := 0
		for _, p := range res.Problems {
			if p.Path != file || p.Err == nil || p.Err.Error() == "" {
				t.Errorf("problem %+v", p)
			}
			if errors.Is(p.Err, ErrFileNameID) {
				badName++ // about the file's name, not a line
				continue
			}
			if !errors.Is(p.Err, ErrBinary) {
				checkProblem(t, p, lines)
			}
		}
		if !isBinary(data) && len(res.Reports)+badName != len(reports) {
			t.Errorf("Loader gave %d reports, loadMarkdown %d", len(res.Reports), len(reports))
		}
		for _, r := range res.Reports {
			if err := ValidateID(r.ID); err != nil {
				t.Errorf("loaded report from %q: %v", file, err)
			}
			if r.Title == "" || r.Origin != file {
				t.Errorf("loaded report: title %q, origin %q", r.Title, r.Origin)
			}
		}
	})
}

// checkProblem fails t unless p is an error about one of the lines of a
// file of that many lines, with a message.
func checkProblem(t *testing.T, p Problem, lines int) {
	t.Helper()
	last := lines
	if errors.Is(p.Err, ErrEmpty) {
		last++ // where the body would start: the line after a closing "---" that ends the file
	}
	if p.Line < 1 || p.Line > last {
		t.Errorf("problem on line %d of a file of %d lines: %v", p.Line, lines, p.Err)
	}
	if p.Severity != Error || p.Err == nil {
		t.Fatalf("problem %+v", p)
	}
	msg := p.Err.Error()
	if strings.TrimSpace(msg) == "" || strings.HasPrefix(msg, "yaml:") || strings.Contains(msg, "front matter: yaml:") {
		t.Errorf("unclear message %q", msg)
	}
}

// FuzzFrontMatterFields writes front matter for fuzzed field values with a
// YAML encoder and checks that the loader reads back what was written: the
// trimmed ID, title and date, or a problem on the line of the field that
// is refused.
func FuzzFrontMatterFields(f *testing.F) {
	f.Add("ca-drones", "Central Asia buys drones", "2024-05-01", "Turkey delivered drones to Kyrgyzstan.")
	f.Add("", "", "", "Text.")
	f.Add("a#b", "t", "", "Text.")
	f.Add(strings.Repeat("x", 201), "t", "", "Text.")
	f.Add("  spaced  ", "  T  ", " 2020-01-01 ", "\n\n# Heading\nText.")
	f.Add("id", "title: with colon", "2023-02-29", "Text.")
	f.Add("id", "multi\nline\n---\ntitle", "", "Text.")
	f.Add("казахстан", "Қазақстан \u202eRTL\u200b", "", "Текст.")
	f.Add("id", "t", "", "---\n")
	f.Add("id", "t", "", "\r\n\r\n")
	f.Fuzz(func(t *testing.T, id, title, published, body string) {
		for _, s := range []string{id, title, published, body} {
			if !utf8.ValidString(s) {
				t.Skip("YAML is UTF-8 text")
			}
		}
		fm, err := yaml.Marshal(struct {
			ID        string `yaml:"id"`
			Title     string `yaml:"title"`
			Published string `yaml:"published"`
		}{id, title, published})
		if err != nil {
			t.Skip()
		}
		doc := "---\n" + string(fm) + "---\n" + body
		if strings.Contains(doc[4:4+len(fm)], "\n---") || strings.Contains(string(fm), "\r") {
			// The encoder wrote a line the front matter cannot hold: a
			// "---" line ends it, and "\r\n" is read as a line end.
			t.Skip()
		}
		reports, problems := loadMarkdown("r.md", []byte(doc))
		wantID, wantTitle := strings.TrimSpace(id), strings.TrimSpace(title)
		idErr := ValidateID(wantID)
		date, dateErr := ParseDate(strings.TrimSpace(published))
		plain, heading := markdownToText(strings.ReplaceAll(body, "\r\n", "\n"))
		switch {
		case idErr != nil || dateErr != nil:
			if len(problems) != 1 || problems[0].Line < 2 || problems[0].Line > 1+strings.Count(string(fm), "\n") {
				t.Fatalf("id %q, published %q: got %v, want a problem on a front matter line", id, published, problems)
			}
		case strings.TrimSpace(plain) == "":
			if len(problems) != 1 || !errors.Is(problems[0].Err, ErrEmpty) {
				t.Fatalf("empty body: got %v, want ErrEmpty", problems)
			}
		default:
			if len(reports) != 1 {
				t.Fatalf("got problems %v, want a report\n%s", problems, doc)
			}
			r := reports[0]
			if wantTitle == "" {
				wantTitle = heading
			}
			if r.ID != wantID || r.Title != wantTitle || !r.Published.Equal(date) || r.Body != plain {
				t.Errorf("read back ID %q title %q published %v body %q; wrote %q %q %v %q",
					r.ID, r.Title, r.Published, r.Body, wantID, wantTitle, date, plain)
			}
		}
	})
}
