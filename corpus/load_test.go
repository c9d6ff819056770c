package corpus

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

var update = flag.Bool("update", false, "rewrite expected JSON files from the current output")

// loaded is the comparable form of a load Result.
type loaded struct {
	Reports  []loadedReport  `json:"reports"`
	Problems []loadedProblem `json:"problems"`
	Files    int             `json:"files"`
}

type loadedReport struct {
	ID, Title, Source, URL, Published, Origin, Body string
}

type loadedProblem struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func toLoaded(res *Result, root string) loaded {
	rel := func(p string) string {
		r, err := filepath.Rel(root, p)
		if err != nil {
			return p
		}
		return filepath.ToSlash(r)
	}
	out := loaded{Reports: []loadedReport{}, Problems: []loadedProblem{}, Files: res.Files}
	for _, r := range res.Reports {
		out.Reports = append(out.Reports, loadedReport{ID: r.ID, Title: r.Title, Source: r.Source, URL: r.URL,
			Published: r.PublishedString(), Origin: rel(r.Origin), Body: r.Body})
	}
	for _, p := range res.Problems {
		out.Problems = append(out.Problems, loadedProblem{Path: rel(p.Path), Line: p.Line, Severity: p.Severity.String(), Message: p.Err.Error()})
	}
	return out
}

// TestLoadTestdata loads every fixture under testdata/load and compares the
// reports and problems with testdata/load.expected.json (go test -update
// rewrites it; review the diff).
func TestLoadTestdata(t *testing.T) {
	root := filepath.Join("testdata", "load")
	got := toLoaded(Loader{}.LoadPaths(root), root)
	gotJSON, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "load.expected.json")
	if *update {
		if err := os.WriteFile(golden, append(gotJSON, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read %s (run go test -update to create it): %v", golden, err)
	}
	if strings.TrimSpace(string(want)) != strings.TrimSpace(string(gotJSON)) {
		t.Errorf("load of %s differs from %s:\ngot:\n%s", root, golden, gotJSON)
	}
}

func TestBadInputNamesFileAndLine(t *testing.T) {
	root := filepath.Join("testdata", "load")
	res := Loader{}.LoadPaths(root)
	want := map[string]struct {
		line int
		text string
	}{
		"bad-yaml.md":     {3, "invalid YAML"},
		"bad-date.md":     {4, `bad date "2024-02-30"`},
		"unterminated.md": {1, "never ends"},
		"empty-body.md":   {4, "no text"},
		"image.md":        {0, "binary file"},
		"nested/deep.md":  {0, `report id "good-report" is also used by`},
	}
	for _, p := range res.Problems {
		rel, _ := filepath.Rel(root, p.Path)
		w, ok := want[filepath.ToSlash(rel)]
		if !ok {
			continue
		}
		delete(want, filepath.ToSlash(rel))
		if p.Line != w.line || !strings.Contains(p.Error(), w.text) || p.Severity != Error {
			t.Errorf("%s: problem %q (line %d, %v), want line %d containing %q", rel, p.Error(), p.Line, p.Severity, w.line, w.text)
		}
	}
	for f := range want {
		t.Errorf("no problem reported for %s", f)
	}
	// The good files still loaded.
	ids := map[string]bool{}
	for _, r := range res.Reports {
		ids[r.ID] = true
	}
	for _, id := range []string{"good-report", "notitle", "plain", "page", "j1", "reports-3", "other"} {
		if !ids[id] {
			t.Errorf("report %q missing; loaded %v", id, ids)
		}
	}
}

func TestOversizeFileRefused(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse 50 MB file: the loader must refuse it from its size alone.
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	small := filepath.Join(dir, "small.txt")
	os.WriteFile(small, []byte("Title\n\nBody."), 0o644)
	res := Loader{}.LoadPaths(dir)
	if len(res.Reports) != 1 || res.Reports[0].ID != "small" {
		t.Errorf("reports = %+v, want only small", res.Reports)
	}
	if len(res.Problems) != 1 || !errors.Is(res.Problems[0], ErrTooLarge) || !strings.Contains(res.Problems[0].Error(), "50.0 MB") {
		t.Errorf("problems = %v, want one ErrTooLarge naming 50.0 MB", res.Problems)
	}
}

func TestNamedFileWithUnknownExtensionIsAnError(t *testing.T) {
	res := Loader{}.LoadPaths(filepath.Join("testdata", "load", "notes.docx"), filepath.Join("testdata", "missing.md"))
	if res.Errors() != 2 {
		t.Errorf("problems = %v, want 2 errors", res.Problems)
	}
}

func TestPassagesOfLoadedReportKeepOffsets(t *testing.T) {
	res := Loader{}.LoadPaths(filepath.Join("testdata", "load", "page.html"))
	if len(res.Reports) != 1 {
		t.Fatalf("problems: %v", res.Problems)
	}
	r := res.Reports[0]
	ps := bot.Passages(r)
	if len(ps) < 2 {
		t.Fatalf("got %d passages, want the article's paragraphs", len(ps))
	}
	for _, p := range ps {
		if r.Body[p.Start:p.End] != p.Text {
			t.Errorf("passage %d text is not Body[%d:%d]", p.Seq, p.Start, p.End)
		}
		if strings.Contains(p.Text, "tracking") || strings.Contains(p.Text, "Contact") {
			t.Errorf("boilerplate in passage: %q", p.Text)
		}
	}
}
