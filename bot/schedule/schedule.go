package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/robfig/cron/v3"
)

// Clock tells the time and waits. RealClock is the wall clock; tests pass a
// fake whose After channels fire when the test advances it.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// RealClock returns the system clock.
func RealClock() Clock { return realClock{} }

// maxMissed bounds the run times Missed and the Scheduler step through, so
// that a per-minute spec over a long window cannot loop for long.
const maxMissed = 100000

// parse parses spec for zone tz ("" means UTC). A CRON_TZ= or TZ= prefix in
// spec is rejected: the zone belongs in tz.
func parse(spec, tz string) (cron.Schedule, *time.Location, error) {
	s := strings.TrimSpace(spec)
	if strings.HasPrefix(s, "TZ=") || strings.HasPrefix(s, "CRON_TZ=") {
		return nil, nil, fmt.Errorf("cron spec %q: give the time zone separately, not as a prefix", spec)
	}
	loc, err := LoadZone(tz)
	if err != nil {
		return nil, nil, err
	}
	sched, err := cron.ParseStandard(s)
	if err != nil {
		return nil, nil, fmt.Errorf("cron spec %q: %w", spec, err)
	}
	return sched, loc, nil
}

// LoadZone loads an IANA time zone; "" and "UTC" give UTC. "Local" is
// refused, since it would make a schedule depend on the host's settings.
func LoadZone(tz string) (*time.Location, error) {
	switch tz {
	case "":
		return time.UTC, nil
	case "Local":
		return nil, fmt.Errorf("time zone %q: name an IANA zone such as Europe/Berlin", tz)
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return nil, fmt.Errorf("time zone %q: %w", tz, err)
	}
	return loc, nil
}

// Validate reports whether spec is a cron spec the Scheduler accepts and tz
// an IANA zone ("" means UTC). Its error says which is wrong.
func Validate(spec, tz string) error {
	_, _, err := parse(spec, tz)
	return err
}

// next is the first run time of sched in loc strictly after t, in t's
// location; zero when there is none within five years.
func next(sched cron.Schedule, loc *time.Location, t time.Time) time.Time {
	n := sched.Next(t.In(loc))
	if n.IsZero() {
		return n
	}
	return n.In(t.Location())
}

// Next returns the first run time of spec in zone tz ("" means UTC) strictly
// after t, in t's location. A spec that never fires within five years of t
// ("0 0 30 2 *") gives an error.
func Next(spec, tz string, after time.Time) (time.Time, error) {
	sched, loc, err := parse(spec, tz)
	if err != nil {
		return time.Time{}, err
	}
	n := next(sched, loc, after)
	if n.IsZero() {
		return time.Time{}, fmt.Errorf("cron spec %q: no run time within five years of %s", spec, after.Format(time.RFC3339))
	}
	return n, nil
}

// Missed returns the run times of spec in zone tz within (from, to], oldest
// first, at most limit of them (the oldest ones), in from's location. An
// empty result means no run was due. limit must be positive.
func Missed(spec, tz string, from, to time.Time, limit int) ([]time.Time, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("missed runs: limit %d is not positive", limit)
	}
	sched, loc, err := parse(spec, tz)
	if err != nil {
		return nil, err
	}
	var out []time.Time
	for t := next(sched, loc, from); !t.IsZero() && !t.After(to) && len(out) < limit; t = next(sched, loc, t) {
		out = append(out, t)
	}
	return out, nil
}

// Job is one thing to run on a schedule: a digest subscription, say.
type Job struct {
	ID   string // unique among the jobs given to Set
	Spec string // five-field cron spec
	TZ   string // IANA zone; "" means UTC
}

// entry is a job with its parsed schedule and its next run time.
type entry struct {
	job   Job
	sched cron.Schedule
	loc   *time.Location
	next  time.Time // zero until Run first sees the job
}

// Scheduler calls a function when each of its jobs is due. Create one with
// New, give it jobs with Set (before or while it runs) and start it with
// Run. It calls run from Run's goroutine, one job at a time, so a slow run
// delays the others; runs that fall due meanwhile are coalesced into one
// call. The Scheduler only looks forward from when Run starts or a job is
// added: catching up on earlier runs is the caller's job (see Missed).
type Scheduler struct {
	clock   Clock
	run     func(ctx context.Context, job Job, at time.Time)
	changed chan struct{} // buffered 1: Set wakes Run

	mu      sync.Mutex
	entries map[string]*entry
	running bool
}

// New returns a Scheduler on clock c (nil means RealClock) that calls run
// when a job is due, with the job and the scheduled time it is running for.
func New(c Clock, run func(ctx context.Context, job Job, at time.Time)) *Scheduler {
	if c == nil {
		c = RealClock()
	}
	return &Scheduler{clock: c, run: run, changed: make(chan struct{}, 1), entries: map[string]*entry{}}
}

// Set replaces the scheduler's jobs. A job whose ID, Spec and TZ are all
// unchanged keeps its next run time; a new or changed one is scheduled from
// now. A job with a bad spec or zone is left out and logged with slog; use
// Validate beforehand to tell the user. A later job with the ID of an
// earlier one replaces it. Set is safe to call from any goroutine,
// including from within run.
func (s *Scheduler) Set(jobs []Job) {
	s.mu.Lock()
	defer s.mu.Unlock()
	entries := make(map[string]*entry, len(jobs))
	for _, j := range jobs {
		if old, ok := s.entries[j.ID]; ok && old.job == j {
			entries[j.ID] = old
			continue
		}
		sched, loc, err := parse(j.Spec, j.TZ)
		if err != nil {
			slog.Warn("schedule: job left out", "job", j.ID, "err", err)
			continue
		}
		entries[j.ID] = &entry{job: j, sched: sched, loc: loc}
	}
	s.entries = entries
	select {
	case s.changed <- struct{}{}:
	default:
	}
}

// NextRun returns the next time job id is due, and false when there is no
// such job or it never fires. Before Run has seen the job, the time is
// computed from the clock's now.
func (s *Scheduler) NextRun(id string) (time.Time, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.entries[id]
	if !ok {
		return time.Time{}, false
	}
	n := e.next
	if n.IsZero() {
		n = next(e.sched, e.loc, s.clock.Now())
	}
	return n, !n.IsZero()
}

// due is one call of run to make.
type due struct {
	job Job
	at  time.Time
}

// step schedules new jobs from now, collects the jobs due at now (advancing
// them past now) and returns them with the earliest next run time.
func (s *Scheduler) step(now time.Time) ([]due, time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var (
		out      []due
		earliest time.Time
	)
	for _, e := range s.entries {
		if e.next.IsZero() {
			e.next = next(e.sched, e.loc, now)
		} else if !e.next.After(now) {
			at := e.next
			n := next(e.sched, e.loc, at)
			for i := 0; !n.IsZero() && !n.After(now) && i < maxMissed; i++ {
				at, n = n, next(e.sched, e.loc, n)
			}
			if !n.After(now) { // bounded out: resume from now
				n = next(e.sched, e.loc, now)
			}
			out = append(out, due{job: e.job, at: at})
			e.next = n
		}
		if !e.next.IsZero() && (earliest.IsZero() || e.next.Before(earliest)) {
			earliest = e.next
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].at.Equal(out[j].at) {
			return out[i].at.Before(out[j].at)
		}
		return out[i].job.ID < out[j].job.ID
	})
	return out, earliest
}

// ErrRunning is returned by Run when the Scheduler is already running.
var ErrRunning = errors.New("scheduler already running")

// Run calls run for each job when it is due, until ctx is done, and then
// returns nil. Jobs due at the same time run in order of ID, each with at set
// to its scheduled time (the latest one, when several were missed while a
// run was slow or the clock jumped). Run returns ErrRunning if another Run
// of the same Scheduler has not returned.
func (s *Scheduler) Run(ctx context.Context) error {
	s.mu.Lock()
	if s.running {
		s.mu.Unlock()
		return ErrRunning
	}
	s.running = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.running = false
	}()
	select { // the first step sees every Set made before Run
	case <-s.changed:
	default:
	}

	for {
		if ctx.Err() != nil {
			return nil
		}
		now := s.clock.Now()
		ds, earliest := s.step(now)
		for _, d := range ds {
			if ctx.Err() != nil {
				return nil
			}
			s.run(ctx, d.job, d.at)
		}
		if len(ds) > 0 {
			continue // runs took time: look at the clock again
		}
		var timer <-chan time.Time
		if !earliest.IsZero() {
			timer = s.clock.After(earliest.Sub(now))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-timer:
		case <-s.changed:
		}
	}
}
