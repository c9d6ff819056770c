package pgstore_test

import (
	"context"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/state/pgstore"
	"github.com/briefbot/briefbot/state/pgtest"
)

func testReports() []bot.Report {
	return []bot.Report{
		{ID: "r1", Title: "Drones for Astana", Source: "Test Wire", URL: "https://example.org/r1",
			Published: time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC), Body: "China delivered drones to Kazakhstan.", Origin: "r1.md"},
		{ID: "r2", Title: "Register", Source: "SIPRI", SourceType: bot.SourceSIPRI, Body: "a row",
			Relations: []bot.Relation{{Supplier: "Turkey", Recipient: "Uzbekistan", System: "Bayraktar TB2", Category: "Aircraft",
				Status: bot.StatusDelivered, Kind: bot.KindSale, Years: []int{2022}, TIV: 12.5,
				Evidence: bot.Evidence{ReportID: "r2", Sentence: "a row", End: 5, Title: "SIPRI record"}}}},
	}
}

// TestPublishReports: reports go into the table whole; publishing the same
// again changes nothing; a changed one and a deletion each take a new seq,
// so a follower reading from its last seq sees only those.
func TestPublishReports(t *testing.T) {
	s := mustOpen(t, pgtest.URL(t))
	ctx := context.Background()
	reports := testReports()
	st, err := s.PublishReports(ctx, reports, nil)
	if err != nil || st.Added != 2 || st.LastSeq == 0 {
		t.Fatalf("publish = %+v, %v", st, err)
	}
	all, err := s.ReportsSince(ctx, 0, 10)
	if err != nil || len(all) != 2 {
		t.Fatalf("ReportsSince(0) = %v, %v", all, err)
	}
	for i, c := range all {
		if !reflect.DeepEqual(c.Report, reports[i]) || c.Deleted || c.Published.IsZero() {
			t.Errorf("change %d = %+v\nwant report %+v", i, c, reports[i])
		}
	}
	var outcomes []pgstore.Outcome
	if st, err := s.PublishReports(ctx, reports, func(_ int, o []pgstore.Outcome) { outcomes = append(outcomes, o...) }); err != nil ||
		st.Unchanged != 2 || st.LastSeq != 0 || !slices.Equal(outcomes, []pgstore.Outcome{pgstore.Unchanged, pgstore.Unchanged}) {
		t.Errorf("publishing again = %+v, %v, outcomes %v; want unchanged", st, err, outcomes)
	}
	mark := all[1].Seq
	changed := reports[0]
	changed.Body = "China handed over the drones."
	if st, err := s.PublishReports(ctx, []bot.Report{changed}, nil); err != nil || st.Updated != 1 {
		t.Fatalf("update = %+v, %v", st, err)
	}
	if n, err := s.DeleteReports(ctx, []string{"r2", "nope"}); err != nil || n != 1 {
		t.Fatalf("DeleteReports = %d, %v", n, err)
	}
	since, err := s.ReportsSince(ctx, mark, 10)
	if err != nil || len(since) != 2 || since[0].ID != "r1" || since[0].Report.Body != changed.Body || since[1].ID != "r2" || !since[1].Deleted {
		t.Fatalf("ReportsSince(%d) = %+v, %v; want r1 changed, then r2 deleted", mark, since, err)
	}
	if n, _ := s.ReportCount(ctx); n != 1 {
		t.Errorf("ReportCount = %d, want 1", n)
	}
	if _, err := s.PublishReports(ctx, []bot.Report{{Title: "no ID"}}, nil); err == nil {
		t.Error("a report without ID was published")
	}
}

// memIndex is an index in memory, as a follower's Apply sees it.
type memIndex struct {
	mu      sync.Mutex
	reports map[string]bot.Report
	seq     int64
}

func (m *memIndex) apply(_ context.Context, changes []pgstore.ReportChange) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, c := range changes {
		if c.Deleted {
			delete(m.reports, c.ID)
		} else {
			m.reports[c.ID] = c.Report
		}
	}
	return nil
}

func (m *memIndex) save(seq int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.seq = seq
	return nil
}

func (m *memIndex) has(id, body string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.reports[id]
	return ok && (body == "" || r.Body == body)
}

// follow starts a Follower of s into a new memIndex until the test ends.
func follow(t *testing.T, s *pgstore.Store, poll time.Duration) (*memIndex, *pgstore.Follower) {
	m := &memIndex{reports: map[string]bot.Report{}}
	f := s.Follow(pgstore.FollowerOptions{Apply: m.apply, Save: m.save, Poll: poll, Batch: 1})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); f.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	return m, f
}

func waitFor(t *testing.T, what string, ok func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !ok() {
		if time.Since(start) > 5*time.Second {
			t.Fatalf("not within 5 s: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
	return time.Since(start)
}

// TestFollowers: a follower catches up at start (in batches) and then gets
// changes by notification, well before its (long) poll interval; a
// deletion reaches it too.
func TestFollowers(t *testing.T) {
	u := pgtest.URL(t)
	s := mustOpen(t, u)
	ctx := context.Background()
	if _, err := s.PublishReports(ctx, testReports(), nil); err != nil {
		t.Fatal(err)
	}
	m, f := follow(t, mustOpen(t, u), time.Minute)
	waitFor(t, "catch-up", func() bool { return m.has("r1", "") && m.has("r2", "") })
	<-f.CaughtUp()
	changed := testReports()[0]
	changed.Body = "Kazakhstan received the drones."
	if _, err := s.PublishReports(ctx, []bot.Report{changed}, nil); err != nil {
		t.Fatal(err)
	}
	took := waitFor(t, "the change, by notification", func() bool { return m.has("r1", changed.Body) })
	t.Logf("change applied %v after publishing", took)
	if _, err := s.DeleteReports(ctx, []string{"r2"}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the deletion", func() bool { return !m.has("r2", "") })
	if lag, err := f.Lag(ctx); err != nil || lag != 0 {
		t.Errorf("lag = %d, %v; want 0", lag, err)
	}
}

// TestFollowerReconnects: with its listening connection ended, a follower
// reconnects and still catches up.
func TestFollowerReconnects(t *testing.T) {
	u := pgtest.URL(t)
	s := mustOpen(t, u)
	m, f := follow(t, mustOpen(t, u), 100*time.Millisecond)
	<-f.CaughtUp()
	ended := pgtest.Int(t, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query = $1",
		`LISTEN "briefbot_reports.`+pgtest.Schema(t, u)+`"`)
	if ended != 1 {
		t.Fatalf("ended %d listening connections, want 1", ended)
	}
	if _, err := s.PublishReports(context.Background(), testReports(), nil); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "reports after the listening connection was ended", func() bool { return m.has("r1", "") && m.has("r2", "") })
}
