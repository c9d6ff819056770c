package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/state"
	"github.com/briefbot/briefbot/state/pgstore"
	"github.com/briefbot/briefbot/state/pgtest"
)

// inProcess runs a briefbot command in this process with an empty
// environment and no stdin.
func inProcess(t *testing.T, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	e := env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code := run(context.Background(), args, e)
	return result{out.String(), errb.String(), code}
}

func mustStatsJSON(t *testing.T, data string, args ...string) statsJSON {
	t.Helper()
	r := inProcess(t, append([]string{"stats", "--data", data, "--json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("stats --json: exit %d\n%s", r.code, r.stderr)
	}
	var s statsJSON
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		t.Fatalf("stats --json is not the documented JSON: %v\n%s", err, r.stdout)
	}
	return s
}

// checkSplit checks that the counts by source type sum to the totals.
func checkSplit(t *testing.T, s statsJSON) {
	t.Helper()
	var sum countsJSON
	for _, c := range s.BySourceType {
		sum.Reports += c.Reports
		sum.Passages += c.Passages
		sum.Relations += c.Relations
	}
	if want := (countsJSON{s.Reports, s.Passages, s.Relations}); sum != want {
		t.Errorf("by source type %+v sums to %+v, want the totals %+v", s.BySourceType, sum, want)
	}
}

func TestStatsCommand(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	before := time.Now().Add(-time.Second)
	if r := inProcess(t, "ask", "--data", data, "drones"); r.code != 0 {
		t.Fatalf("ask: exit %d\n%s", r.code, r.stderr)
	}

	s := mustStatsJSON(t, data)
	if s.Reports == 0 || s.Passages == 0 || s.Relations == 0 {
		t.Errorf("default corpus: counts %d, %d, %d", s.Reports, s.Passages, s.Relations)
	}
	checkSplit(t, s)
	if got := s.BySourceType[bot.SourceReports]; got.Reports != s.Reports {
		t.Errorf("default corpus: %d of %d reports of type reports", got.Reports, s.Reports)
	}
	if _, ok := s.BySourceType[bot.SourceSIPRI]; !ok {
		t.Errorf("by_source_type lacks sipri: %+v", s.BySourceType)
	}
	if s.DataDir != data || s.Schema == "" || s.IndexBytes <= 0 || s.LastIngest == nil || s.LastIngest.Before(before) ||
		s.LastIngest.After(time.Now()) || s.State.Status != stateNone {
		t.Errorf("stats = %+v", s)
	}

	// Human output: one aligned line per item.
	r := inProcess(t, "stats", "--data", data)
	if r.code != 0 {
		t.Fatalf("stats: exit %d\n%s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	for i, name := range []string{"data folder", "reports", "passages", "relations", "index size", "last ingest", "schema", "state"} {
		if i >= len(lines) || !strings.HasPrefix(lines[i], fmt.Sprintf("%-12s ", name)) {
			t.Errorf("line %d is not %q aligned at column 13:\n%s", i+1, name, r.stdout)
		}
	}
	for _, want := range []string{"(reports ", "sipri 0)", "none yet"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stats output lacks %q:\n%s", want, r.stdout)
		}
	}

	// A SIPRI export adds a report of type sipri.
	csv := abs(t, filepath.Join("..", "..", "corpus", "sipri", "testdata", "classic.csv"))
	if r := inProcess(t, "ingest", "--data", data, csv); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
	}
	s2 := mustStatsJSON(t, data)
	checkSplit(t, s2)
	sipri := s2.BySourceType[bot.SourceSIPRI]
	if sipri.Reports != 1 || sipri.Passages == 0 || sipri.Relations == 0 {
		t.Errorf("after a SIPRI export, sipri = %+v", sipri)
	}
	if s2.BySourceType[bot.SourceReports] != s.BySourceType[bot.SourceReports] || s2.Reports != s.Reports+1 {
		t.Errorf("before %+v, after %+v", s, s2)
	}
	if s2.LastIngest.Before(*s.LastIngest) {
		t.Errorf("last ingest went back from %v to %v", s.LastIngest, s2.LastIngest)
	}

	// Digest subscriptions and pending deliveries from state.db.
	st, err := state.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, ch := range []string{"C1", "C2"} {
		sub := bot.Subscription{ID: bot.SubscriptionID("slack", ch), Platform: "slack", Channel: ch}
		if err := st.PutSubscription(sub); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.BeginDelivery(bot.SubscriptionID("slack", "C1"), now.Add(-time.Hour), now, now); err != nil {
		t.Fatal(err)
	}
	// While another holder has it open, stats says so and still counts.
	if s := mustStatsJSON(t, data); s.State.Status != stateInUse || s.Reports != s2.Reports {
		t.Errorf("state held open: %+v", s)
	}
	r = inProcess(t, "stats", "--data", data)
	if r.code != 0 || !strings.Contains(r.stdout, "state        in use by a running briefbot") {
		t.Errorf("state held open: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	st.Close()
	if s := mustStatsJSON(t, data); s.State != (stateStatsJSON{Backend: backendBolt, Status: stateOK, Subscriptions: 2, PendingDeliveries: 1}) {
		t.Errorf("state = %+v", s.State)
	}
	r = inProcess(t, "stats", "--data", data)
	if !strings.Contains(r.stdout, "state        2 digest subscriptions, 1 pending deliveries") {
		t.Errorf("stats output:\n%s", r.stdout)
	}
	t.Run("database", func(t *testing.T) { testStatsDatabase(t, data) })
}

// testStatsDatabase: with --database (or $BRIEFBOT_DATABASE_URL) stats
// counts the state in PostgreSQL, and a database that does not answer is
// described, not fatal.
func testStatsDatabase(t *testing.T, data string) {
	u := pgtest.URL(t)
	pg, err := pgstore.Open(context.Background(), u, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	if err := pg.PutSubscription(bot.Subscription{ID: "discord:5", Platform: "discord", Channel: "5"}); err != nil {
		t.Fatal(err)
	}
	if _, err := pg.PublishReports(context.Background(), []bot.Report{{ID: "db1", Body: "x"}, {ID: "db2", Body: "y"}}, nil); err != nil {
		t.Fatal(err)
	}
	want := stateStatsJSON{Backend: backendPostgres, Status: stateOK, Subscriptions: 1, DatabaseReports: 2, IndexLag: 2}
	if s := mustStatsJSON(t, data, "--database", u); s.State != want {
		t.Errorf("stats --database: state = %+v, want %+v", s.State, want)
	}
	r := briefbot(t, "", []string{"BRIEFBOT_DATABASE_URL=" + u}, "stats", "--data", data)
	if r.code != 0 || !strings.Contains(r.stdout, "1 digest subscriptions, 0 pending deliveries (PostgreSQL; 2 reports there, the index lags 2 changes behind)") {
		t.Errorf("stats with BRIEFBOT_DATABASE_URL: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	down := mustStatsJSON(t, data, "--database", "postgres://postgres:secret@127.0.0.1:1/test?connect_timeout=2")
	if down.State.Status != stateError || !strings.Contains(down.State.Error, "127.0.0.1:1") || strings.Contains(down.State.Error, "secret") {
		t.Errorf("database down: state = %+v", down.State)
	}
	if r := inProcess(t, "stats", "--data", data, "--database", "mysql://x"); r.code != 2 || !strings.Contains(r.stderr, "--database: not a PostgreSQL URL") {
		t.Errorf("bad --database: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestStatsWithoutIndex(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	r := inProcess(t, "stats", "--data", data)
	if want := "briefbot stats: no index in " + data + ": run briefbot ingest or ask first\n"; r.code != 1 || r.stderr != want {
		t.Errorf("exit %d, stderr %q; want 1 and %q", r.code, r.stderr, want)
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("stats created the data folder: %v", err)
	}
	if r := inProcess(t, "stats", "--data", data, "extra"); r.code != 2 || !strings.Contains(r.stderr, `unexpected argument "extra"`) {
		t.Errorf("extra argument: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := inProcess(t, "stats", "--help"); r.code != 0 || !strings.Contains(r.stderr, "last_ingest") {
		t.Errorf("--help: exit %d, stderr %q", r.code, r.stderr)
	}
}
