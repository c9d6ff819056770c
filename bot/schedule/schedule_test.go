package schedule

import (
	"context"
	"errors"
	"testing"
	"time"
	_ "time/tzdata" // tests must not depend on the system zoneinfo

	"github.com/briefbot/briefbot/bot/schedule/schedtest"
)

// fakeClock is the shared test clock, with a helper that fails the test
// when the Scheduler does not go to sleep.
type fakeClock struct{ *schedtest.Clock }

func newFakeClock(now time.Time) *fakeClock { return &fakeClock{schedtest.NewClock(now)} }

// nextWait returns the deadline of the Scheduler's next call of After.
func (c *fakeClock) nextWait(tb testing.TB) time.Time {
	tb.Helper()
	at, ok := c.NextWait(5 * time.Second)
	if !ok {
		tb.Fatal("scheduler did not go to sleep")
	}
	return at
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestNext(t *testing.T) {
	tests := []struct {
		name, spec, tz, after, want string
	}{
		{"daily before spring forward", "0 9 * * *", "Europe/Berlin", "2026-03-27T12:00:00Z", "2026-03-28T08:00:00Z"},
		{"daily on spring forward day", "0 9 * * *", "Europe/Berlin", "2026-03-28T12:00:00Z", "2026-03-29T07:00:00Z"},
		{"daily before fall back", "0 9 * * *", "Europe/Berlin", "2026-10-23T12:00:00Z", "2026-10-24T07:00:00Z"},
		{"daily on fall back day", "0 9 * * *", "Europe/Berlin", "2026-10-24T12:00:00Z", "2026-10-25T08:00:00Z"},
		{"strictly after", "0 9 * * *", "Europe/Berlin", "2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z"},
		{"weekly Monday", "0 9 * * 1", "Europe/Berlin", "2026-03-27T12:00:00Z", "2026-03-30T07:00:00Z"},
		{"weekly MON by name", "0 9 * * MON", "Europe/Berlin", "2026-03-30T07:00:00Z", "2026-04-06T07:00:00Z"},
		// cron/v3: a time that does not exist is skipped that day.
		{"02:30 skipped on spring forward", "30 2 * * *", "Europe/Berlin", "2026-03-28T01:30:00Z", "2026-03-30T00:30:00Z"},
		// cron/v3: a time that occurs twice runs twice.
		{"02:30 first on fall back", "30 2 * * *", "Europe/Berlin", "2026-10-24T12:00:00Z", "2026-10-25T00:30:00Z"},
		{"02:30 again on fall back", "30 2 * * *", "Europe/Berlin", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"},
		{"New York changes earlier", "0 9 * * *", "America/New_York", "2026-03-07T15:00:00Z", "2026-03-08T13:00:00Z"},
		{"empty zone is UTC", "0 9 * * *", "", "2026-03-28T12:00:00Z", "2026-03-29T09:00:00Z"},
		{"descriptor", "@daily", "Asia/Tokyo", "2026-03-28T12:00:00Z", "2026-03-28T15:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Next(tt.spec, tt.tz, utc(tt.after))
			if err != nil {
				t.Fatal(err)
			}
			if want := utc(tt.want); !got.Equal(want) {
				t.Errorf("Next(%q, %q, %s) = %s, want %s", tt.spec, tt.tz, tt.after, got.UTC(), want)
			}
			if got.Location() != time.UTC {
				t.Errorf("Next returned location %s, want the location of after (UTC)", got.Location())
			}
		})
	}
}

func TestNextErrors(t *testing.T) {
	tests := []struct{ name, spec, tz string }{
		{"four fields", "0 9 * *", "UTC"},
		{"six fields", "0 0 9 * * *", "UTC"},
		{"minute out of range", "61 9 * * *", "UTC"},
		{"bad weekday", "0 9 * * funday", "UTC"},
		{"empty", "", "UTC"},
		{"zone prefix", "CRON_TZ=Europe/Berlin 0 9 * * *", ""},
		{"unknown zone", "0 9 * * *", "Mars/Olympus_Mons"},
		{"local zone", "0 9 * * *", "Local"},
		{"never", "0 0 30 2 *", "UTC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Next(tt.spec, tt.tz, utc("2026-01-01T00:00:00Z")); err == nil {
				t.Errorf("Next(%q, %q) gave no error", tt.spec, tt.tz)
			}
		})
	}
	if err := Validate("0 9 * * 1", "Europe/Berlin"); err != nil {
		t.Errorf("Validate of a good spec: %v", err)
	}
	if err := Validate("0 9 * * 8", "Europe/Berlin"); err == nil {
		t.Error("Validate of a bad spec gave no error")
	}
}

func TestMissed(t *testing.T) {
	mondays := []string{"2026-03-02T08:00:00Z", "2026-03-09T08:00:00Z", "2026-03-16T08:00:00Z", "2026-03-23T08:00:00Z", "2026-03-30T07:00:00Z"}
	tests := []struct {
		name, from, to string
		limit          int
		want           []string
	}{
		{"a month of Mondays across DST", "2026-03-01T00:00:00Z", "2026-03-31T00:00:00Z", 10, mondays},
		{"limit keeps the oldest", "2026-03-01T00:00:00Z", "2026-03-31T00:00:00Z", 2, mondays[:2]},
		{"from excluded, to included", "2026-03-02T08:00:00Z", "2026-03-16T08:00:00Z", 10, mondays[1:3]},
		{"none due", "2026-03-02T08:00:00Z", "2026-03-09T07:59:59Z", 10, nil},
		{"empty window", "2026-03-09T08:00:00Z", "2026-03-09T08:00:00Z", 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Missed("0 9 * * 1", "Europe/Berlin", utc(tt.from), utc(tt.to), tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Missed = %v, want %v", got, tt.want)
			}
			for i := range got {
				if !got[i].Equal(utc(tt.want[i])) {
					t.Errorf("Missed[%d] = %s, want %s", i, got[i], tt.want[i])
				}
			}
		})
	}
	if _, err := Missed("0 9 * * 1", "UTC", utc(mondays[0]), utc(mondays[4]), 0); err == nil {
		t.Error("Missed with limit 0 gave no error")
	}
	if _, err := Missed("0 9 * *", "UTC", utc(mondays[0]), utc(mondays[4]), 1); err == nil {
		t.Error("Missed with a bad spec gave no error")
	}
}

// call is one call of the Scheduler's run function.
type call struct {
	id string
	at time.Time
}

// startScheduler runs a Scheduler with jobs on clk until the test ends and
// returns it with the channel its runs are reported on.
func startScheduler(t *testing.T, clk *fakeClock, jobs []Job) (*Scheduler, <-chan call) {
	t.Helper()
	calls := make(chan call, 100)
	s := New(clk, func(ctx context.Context, job Job, at time.Time) {
		calls <- call{job.ID, at}
	})
	s.Set(jobs)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run = %v, want nil after cancel", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("Run did not return after cancel")
		}
	})
	return s, calls
}

func expectCalls(t *testing.T, calls <-chan call, want ...call) {
	t.Helper()
	for _, w := range want {
		select {
		case got := <-calls:
			if got.id != w.id || !got.at.Equal(w.at) {
				t.Fatalf("run(%s, %s), want run(%s, %s)", got.id, got.at.UTC(), w.id, w.at.UTC())
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("no run, want run(%s, %s)", w.id, w.at.UTC())
		}
	}
	select {
	case got := <-calls:
		t.Fatalf("unexpected run(%s, %s)", got.id, got.at.UTC())
	default:
	}
}

func expectWait(t *testing.T, clk *fakeClock, want time.Time) {
	t.Helper()
	if got := clk.nextWait(t); !got.Equal(want) {
		t.Fatalf("scheduler sleeps until %s, want %s", got.UTC(), want.UTC())
	}
}

func TestSchedulerAcrossDST(t *testing.T) {
	for _, tt := range []struct {
		name  string
		start string
		days  []string // the daily job's runs; the last is a Monday
	}{
		{"spring forward", "2026-03-27T12:00:00Z", []string{"2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z", "2026-03-30T07:00:00Z"}},
		{"fall back", "2026-10-23T12:00:00Z", []string{"2026-10-24T07:00:00Z", "2026-10-25T08:00:00Z", "2026-10-26T08:00:00Z"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			clk := newFakeClock(utc(tt.start))
			_, calls := startScheduler(t, clk, []Job{
				{ID: "weekly", Spec: "0 9 * * 1", TZ: "Europe/Berlin"},
				{ID: "daily", Spec: "0 9 * * *", TZ: "Europe/Berlin"},
			})
			for i, day := range tt.days {
				at := utc(day)
				expectWait(t, clk, at)
				clk.Set(at)
				if i == len(tt.days)-1 {
					expectCalls(t, calls, call{"daily", at}, call{"weekly", at})
				} else {
					expectCalls(t, calls, call{"daily", at})
				}
			}
			expectWait(t, clk, utc(tt.days[2]).Add(24*time.Hour))
		})
	}
}

func TestSchedulerSpringForwardGap(t *testing.T) {
	clk := newFakeClock(utc("2026-03-28T12:00:00Z"))
	_, calls := startScheduler(t, clk, []Job{{ID: "night", Spec: "30 2 * * *", TZ: "Europe/Berlin"}})
	// 02:30 does not exist in Berlin on 2026-03-29: cron/v3 skips that day.
	at := utc("2026-03-30T00:30:00Z")
	expectWait(t, clk, at)
	clk.Set(utc("2026-03-29T12:00:00Z"))
	expectCalls(t, calls)
	clk.Set(at)
	expectCalls(t, calls, call{"night", at})
}

func TestSchedulerSetWhileRunning(t *testing.T) {
	clk := newFakeClock(utc("2026-05-04T06:00:00Z"))
	s, calls := startScheduler(t, clk, []Job{{ID: "a", Spec: "0 9 * * *", TZ: "UTC"}})
	expectWait(t, clk, utc("2026-05-04T09:00:00Z"))

	s.Set([]Job{{ID: "b", Spec: "30 8 * * *", TZ: "UTC"}})
	expectWait(t, clk, utc("2026-05-04T08:30:00Z"))
	if _, ok := s.NextRun("a"); ok {
		t.Error("job a still scheduled after Set without it")
	}

	// Past both times: only b runs; a was removed.
	clk.Set(utc("2026-05-04T09:00:00Z"))
	expectCalls(t, calls, call{"b", utc("2026-05-04T08:30:00Z")})
	expectWait(t, clk, utc("2026-05-05T08:30:00Z"))

	// Unchanged b keeps its time; a new job is scheduled from now; a bad
	// one is left out.
	s.Set([]Job{
		{ID: "b", Spec: "30 8 * * *", TZ: "UTC"},
		{ID: "c", Spec: "0 10 * * *", TZ: "Asia/Almaty"},
		{ID: "bad", Spec: "0 25 * * *", TZ: "UTC"},
	})
	expectWait(t, clk, utc("2026-05-05T05:00:00Z"))
	if got, ok := s.NextRun("b"); !ok || !got.Equal(utc("2026-05-05T08:30:00Z")) {
		t.Errorf("NextRun(b) = %s, %v, want 2026-05-05T08:30:00Z", got, ok)
	}
	if _, ok := s.NextRun("bad"); ok {
		t.Error("job with a bad spec was scheduled")
	}

	// An empty list leaves Run waiting for Set, without a timer.
	s.Set(nil)
	select {
	case at := <-clk.Waits():
		t.Fatalf("scheduler set a timer until %s with no jobs", at)
	case <-time.After(50 * time.Millisecond):
	}
	clk.Set(utc("2026-05-06T00:00:00Z"))
	expectCalls(t, calls)
}

func TestSchedulerCoalescesMissedRuns(t *testing.T) {
	clk := newFakeClock(utc("2026-05-04T06:00:00Z"))
	_, calls := startScheduler(t, clk, []Job{{ID: "a", Spec: "0 9 * * *", TZ: "UTC"}})
	expectWait(t, clk, utc("2026-05-04T09:00:00Z"))
	clk.Set(utc("2026-05-07T12:00:00Z")) // the process was suspended
	expectCalls(t, calls, call{"a", utc("2026-05-07T09:00:00Z")})
	expectWait(t, clk, utc("2026-05-08T09:00:00Z"))
}

func TestSchedulerRunTwiceAndCancel(t *testing.T) {
	clk := newFakeClock(utc("2026-05-04T06:00:00Z"))
	s := New(clk, func(context.Context, Job, time.Time) {})
	s.Set([]Job{{ID: "a", Spec: "0 9 * * *"}})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	clk.nextWait(t)
	if err := s.Run(ctx); !errors.Is(err, ErrRunning) {
		t.Errorf("second Run = %v, want ErrRunning", err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	// Once returned, it may run again.
	ctx2, cancel2 := context.WithCancel(context.Background())
	cancel2()
	if err := s.Run(ctx2); err != nil {
		t.Errorf("Run after the first returned = %v, want nil", err)
	}
}

func TestRealClock(t *testing.T) {
	c := RealClock()
	before := time.Now()
	<-c.After(time.Millisecond)
	if !c.Now().After(before) {
		t.Error("RealClock.Now did not move")
	}
}
