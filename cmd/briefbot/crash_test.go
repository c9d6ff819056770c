package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/corpus/corpustest"
	"github.com/briefbot/briefbot/index"
)

// crashReports is the size of the corpus the crash test ingests.
const crashReports = 3000

// TestCrashKilledIngest kills `briefbot ingest` with SIGKILL twice, at two
// points of a large ingest, and checks that the index still answers after
// each kill, that every batch reported done survived it, and that running
// the same ingest again to the end leaves every report in the index exactly
// once.
func TestCrashKilledIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a corpus of 3,000 reports and ingests it three times")
	}
	start := time.Now()
	dir := filepath.Join(t.TempDir(), "reports")
	writeCorpus(t, dir, corpustest.Reports(crashReports, corpustest.Options{Words: 300}))
	data := filepath.Join(t.TempDir(), "data")

	// Kill 1 early, right after a batch was reported written (so while
	// the next is); kill 2 half way through the re-run, after it has passed
	// the reports it already held, the moment a new segment file appears
	// (so while Bleve writes it, before the index refers to it).
	for i, k := range []struct {
		after        int
		atNewSegment bool
	}{{300, false}, {1600, true}} {
		done := killIngestAfter(t, data, dir, k.after, k.atNewSegment)
		t.Logf("kill %d: after %d reports reported done (%s)", i+1, done, time.Since(start).Round(time.Millisecond))

		a := mustAnswer(t, briefbot(t, "", nil, "ask", "--data", data, "--json", "who supplies Kazakhstan?"))
		if a.NoMatch || len(a.Citations) == 0 {
			t.Errorf("kill %d: no answer from the index: %+v", i+1, a)
		}
		s := statsOf(t, data)
		if s.Reports < done || s.Reports > crashReports {
			t.Errorf("kill %d: %d reports in the index, want at least the %d reported done and at most %d", i+1, s.Reports, done, crashReports)
		}
	}

	r := briefbot(t, "", nil, "ingest", "--data", data, dir)
	if r.code != 0 {
		t.Fatalf("ingest after the kills: exit %d\n%s", r.code, r.stderr)
	}
	m := regexp.MustCompile(`(\d+) added, (\d+) updated, (\d+) unchanged`).FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("ingest summary missing:\n%s", lastLines(r.stdout, 3))
	}
	added, _ := strconv.Atoi(m[1])
	updated, _ := strconv.Atoi(m[2])
	unchanged, _ := strconv.Atoi(m[3])
	if updated != 0 || added+unchanged != crashReports || unchanged == 0 {
		t.Errorf("ingest after the kills: %s; want %d in all, none updated", m[0], crashReports)
	}

	// Every report exactly once: in the totals and report by report.
	res := corpus.Loader{}.LoadPaths(dir)
	if len(res.Reports) != crashReports {
		t.Fatalf("loaded %d reports, want %d", len(res.Reports), crashReports)
	}
	passages := map[string]int{}
	total := 0
	for _, rep := range res.Reports {
		passages[rep.ID] = len(bot.Passages(rep))
		total += passages[rep.ID]
	}
	s := statsOf(t, data)
	if s.Reports != crashReports || s.Passages != total || s.BySourceType[bot.SourceReports].Reports != crashReports {
		t.Errorf("stats: %d reports and %d passages, want %d and %d", s.Reports, s.Passages, crashReports, total)
	}
	x, err := index.Open(data, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, n := range []int{0, 299, 300, 1599, 1600, crashReports - 1} {
		id := fmt.Sprintf("gen-%06d", n)
		c, err := x.ReportCounts(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if c.Reports != 1 || c.Passages != passages[id] {
			t.Errorf("%s: %d report documents and %d passages, want 1 and %d", id, c.Reports, c.Passages, passages[id])
		}
	}
	t.Logf("total %s", time.Since(start).Round(time.Millisecond))
}

// writeCorpus writes reports as Markdown files with front matter.
func writeCorpus(t *testing.T, dir string, reports []bot.Report) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, r := range reports {
		title, _ := json.Marshal(r.Title) // a JSON string is a YAML string
		md := fmt.Sprintf("---\nid: %s\ntitle: %s\npublished: %s\nsource: %s\nurl: %s\n---\n\n%s\n",
			r.ID, title, r.PublishedString(), r.Source, r.URL, r.Body)
		if err := os.WriteFile(filepath.Join(dir, r.ID+".md"), []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// killIngestAfter starts `briefbot ingest --data data dir`, waits until it
// has reported at least after reports done (each line it prints is one
// report in a batch written to the index), checks that the index has
// segment files, and kills it with SIGKILL: at once, or with atNewSegment
// as soon as a segment file appears that was not there then. It returns
// how many reports it had reported done.
func killIngestAfter(t *testing.T, data, dir string, after int, atNewSegment bool) int {
	t.Helper()
	cmd := exec.Command(binary, "ingest", "--data", data, dir)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	reached := make(chan int, 1)
	eof := make(chan int, 1)
	go func() {
		n := 0
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if f := strings.Fields(sc.Text()); len(f) > 0 && (f[0] == "added" || f[0] == "updated" || f[0] == "unchanged") {
				if n++; n == after {
					reached <- n
				}
			}
		}
		eof <- n
	}()
	var done int
	select {
	case done = <-reached:
	case n := <-eof:
		cmd.Wait()
		t.Fatalf("ingest ended after %d reports, before it could be killed after %d\n%s", n, after, stderr.String())
	case <-time.After(90 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("ingest did not report %d reports done in 90 s\n%s", after, stderr.String())
	}
	pattern := filepath.Join(index.Path(data), "store", "*.zap")
	segments, _ := filepath.Glob(pattern)
	if atNewSegment {
		waitNewFile(t, pattern, segments, eof)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-eof
	err = cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != -1 {
		t.Errorf("ingest was not killed: %v (it may have finished first)\n%s", err, stderr.String())
	}
	if len(segments) == 0 {
		t.Errorf("no segment files in %s after %d reports reported done", index.Path(data), done)
	}
	return done
}

// waitNewFile polls, for at most 30 s, until a file matching pattern
// appears that is not among had, or the ingest's output ends.
func waitNewFile(t *testing.T, pattern string, had []string, eof chan int) {
	t.Helper()
	old := map[string]bool{}
	for _, f := range had {
		old[f] = true
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		now, _ := filepath.Glob(pattern)
		for _, f := range now {
			if !old[f] {
				if fi, err := os.Stat(f); err == nil {
					t.Logf("new segment %s, %d bytes so far", filepath.Base(f), fi.Size())
				}
				return
			}
		}
		select {
		case n := <-eof:
			eof <- n // for the caller
			t.Logf("ingest ended before a new segment appeared")
			return
		case <-time.After(time.Millisecond):
		}
	}
	t.Fatalf("no new segment file within 30 s")
}

func statsOf(t *testing.T, data string) statsJSON {
	t.Helper()
	r := briefbot(t, "", nil, "stats", "--data", data, "--json")
	if r.code != 0 {
		t.Fatalf("stats: exit %d\n%s", r.code, r.stderr)
	}
	var s statsJSON
	if err := json.Unmarshal([]byte(r.stdout), &s); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, r.stdout)
	}
	return s
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(len(lines)-n, 0):], "\n")
}
