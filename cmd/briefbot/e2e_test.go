package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/index"
)

// binary is the briefbot command built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "briefbot-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "briefbot")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("build briefbot: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// briefbot runs the built command with a clean environment.
func briefbot(t *testing.T, stdin string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}, env...)
	cmd.Dir = t.TempDir()
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run briefbot: %v", err)
	}
	return result{out.String(), errb.String(), code}
}

func mustAnswer(t *testing.T, r result) bot.Answer {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	var a bot.Answer
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
		t.Fatalf("answer is not JSON: %v\n%s", err, r.stdout)
	}
	return a
}

func abs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestIngestThenAskOwnReportsOnly(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	fixtures := abs(t, filepath.Join("..", "..", "corpus", "testdata", "load"))
	r := briefbot(t, "", nil, "ingest", "--data", data, fixtures)
	if r.code != 1 {
		t.Errorf("ingest with bad files: exit %d, want 1", r.code)
	}
	for _, want := range []string{"added    ", "good-report", "page", "j1", "7 added, 0 updated, 0 unchanged"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("ingest stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	for _, want := range []string{"skipped: " + filepath.Join(fixtures, "bad-date.md") + ":4:", "skipped: " + filepath.Join(fixtures, "image.md") + ": binary",
		"warning: " + filepath.Join(fixtures, "notes.docx")} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("ingest stderr lacks %q:\n%s", want, r.stderr)
		}
	}

	a := mustAnswer(t, briefbot(t, "", nil, "ask", "--data", data, "--json", "armed drones Kazakhstan"))
	if len(a.Citations) == 0 || a.Citations[0].ReportID != "good-report" || a.Citations[0].Quote != "Kazakhstan received its first armed drones in 2016." {
		t.Fatalf("citations = %+v", a.Citations)
	}
	if a.Question != "armed drones Kazakhstan" || a.Relations == nil || !strings.Contains(a.Text, "[1]") {
		t.Errorf("answer = %+v", a)
	}
	// Only the user's reports: the default corpus was not added.
	for _, c := range a.Citations {
		if strings.HasPrefix(c.ReportID, "kz-") {
			t.Errorf("default corpus report %s in an index built from user files only", c.ReportID)
		}
	}

	// Re-ingesting changes nothing and duplicates nothing.
	r = briefbot(t, "", nil, "ingest", "--data", data, fixtures)
	if !strings.Contains(r.stdout, "0 added, 0 updated, 7 unchanged") {
		t.Errorf("re-ingest: %s", r.stdout)
	}
	b := mustAnswer(t, briefbot(t, "", nil, "ask", "--data", data, "--json", "armed drones Kazakhstan"))
	if len(b.Citations) != len(a.Citations) {
		t.Errorf("after re-ingest %d citations, before %d", len(b.Citations), len(a.Citations))
	}
}

func TestAskBuildsDefaultCorpus(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	r := briefbot(t, "", []string{"BRIEFBOT_DATA=" + data}, "ask", "--json", "Who supplies Kazakhstan with drones?")
	a := mustAnswer(t, r)
	if !strings.Contains(r.stderr, "building it from the default corpus") {
		t.Errorf("stderr = %q", r.stderr)
	}
	if a.NoMatch || len(a.Citations) == 0 {
		t.Fatalf("no answer from the default corpus: %+v", a)
	}
	for _, c := range a.Citations {
		if c.Title == "" || c.Source == "" || c.URL == "" || c.Published == "" || c.Quote == "" {
			t.Errorf("incomplete citation %+v", c)
		}
	}
	if !index.Exists(data) {
		t.Errorf("no index in $BRIEFBOT_DATA")
	}
	// The second run uses the index as it is.
	r = briefbot(t, "", []string{"BRIEFBOT_DATA=" + data}, "ask", "drones")
	if r.code != 0 || strings.Contains(r.stderr, "building") || !strings.Contains(r.stdout, "Sources:") {
		t.Errorf("second ask: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

func TestStaleDefaultCorpusIsRefreshed(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	mustAnswer(t, briefbot(t, "", nil, "ask", "--data", data, "--json", "drones"))
	x, err := index.Open(data, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	x.SetMeta(metaDefault, "an older build")
	x.Close()
	r := briefbot(t, "", nil, "ask", "--data", data, "drones")
	if r.code != 0 || !strings.Contains(r.stderr, "out of date: updating") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	r = briefbot(t, "", nil, "ask", "--data", data, "drones")
	if strings.Contains(r.stderr, "out of date") {
		t.Errorf("refreshed again: %q", r.stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "Usage:"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"ask"}, 2, "Usage: briefbot ask"},
		{[]string{"ask", "--data", "x", "   "}, 2, "no question given"},
		{[]string{"ingest"}, 2, "no files or folders given"},
		{[]string{"ask", "--from", "2024-13-01", "drones"}, 2, "--from"},
		{[]string{"ask", "--bogus", "drones"}, 2, "flag provided but not defined: -bogus"},
	} {
		r := briefbot(t, "", nil, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("briefbot %q: exit %d, stderr %q; want exit %d and %q", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
	}
}

func TestHostileQuestions(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	long := strings.Repeat("drones ", 1500)[:10000]
	r := briefbot(t, "", nil, "ask", "--data", data, long)
	if r.code != 1 || !strings.Contains(r.stderr, "10000 characters long") {
		t.Errorf("10,000 characters: exit %d, stderr %q", r.code, r.stderr)
	}
	r = briefbot(t, "", nil, "ask", "--data", data, "--json", "--", `+Kazakhstan -drones "UAV*" (title:China ^2 ~ \ /x/ --json`)
	a := mustAnswer(t, r)
	if a.NoMatch {
		t.Errorf("query syntax as words found nothing: %+v", a)
	}
}

func TestDamagedAndBusyDataFolder(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	if err := os.MkdirAll(index.Path(data), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(index.Path(data), "index_meta.json"), []byte("not json"), 0o644)
	r := briefbot(t, "", nil, "ask", "--data", data, "drones")
	if r.code != 1 || !strings.Contains(r.stderr, "delete the folder and run `briefbot ingest --data "+data) {
		t.Errorf("damaged: exit %d, stderr %q", r.code, r.stderr)
	}

	busy := filepath.Join(t.TempDir(), "busy")
	x, err := index.Create(busy, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	r = briefbot(t, "", nil, "ask", "--data", busy, "drones")
	if r.code != 1 || !strings.Contains(r.stderr, "in use by another briefbot process") {
		t.Errorf("busy: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestIngestRefusesOversizeFile(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "huge.md"))
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(50 << 20)
	f.Close()
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("Title\n\nKyrgyzstan bought drones."), 0o644)
	r := briefbot(t, "", nil, "ingest", "--data", filepath.Join(dir, "data"), dir)
	if r.code != 1 || !strings.Contains(r.stderr, "file too large: 50.0 MB, the limit is 10.0 MB") || !strings.Contains(r.stdout, "1 added") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}
}

func TestChat(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	in := "help\n\nwho supplies Kazakhstan with drones?\n" + strings.Repeat("x", 70000) + "\nquit\nnever read\n"
	r := briefbot(t, in, nil, "chat", "--data", data)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"Commands:", "Sources:", "[1]", "please send something shorter"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("chat output lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestVersion(t *testing.T) {
	r := briefbot(t, "", nil, "version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "briefbot ") {
		t.Errorf("version: %+v", r)
	}
}

func TestDigestCommand(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	a := mustAnswer(t, briefbot(t, "", nil, "digest", "--data", data, "--since", "1d", "--countries", "kazakh", "--json"))
	if a.NoMatch || len(a.Citations) == 0 || !strings.Contains(a.Text, "new reports") {
		t.Fatalf("digest of a freshly built index: %+v", a)
	}
	for _, r := range a.Relations {
		if r.Supplier != "Kazakhstan" && r.Recipient != "Kazakhstan" {
			t.Errorf("relation %s -> %s outside --countries", r.Supplier, r.Recipient)
		}
	}
	a = mustAnswer(t, briefbot(t, "", nil, "digest", "--data", data, "--since", "2099-01-01", "--json"))
	if !a.NoMatch || !strings.HasSuffix(a.Text, "nothing new.") {
		t.Errorf("empty window: %+v", a)
	}
	for _, args := range [][]string{{"--since", "soon"}, {"--countries", "Narnia"}, {"--categories", "kittens"}, {"extra"}} {
		r := briefbot(t, "", nil, append([]string{"digest", "--data", data}, args...)...)
		if r.code != 2 {
			t.Errorf("digest %q: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}
