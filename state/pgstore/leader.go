package pgstore

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// LeaderOptions tune a Leader. The zero value means the defaults.
type LeaderOptions struct {
	// Retry is how often a replica that does not lead tries to take the
	// lock (and to reconnect after losing the database); 0 means 1 s.
	Retry time.Duration
	// Check is how often the leader checks that its connection, and so
	// its lock, is still there; 0 means 1 s.
	Check time.Duration
	// Settle is how long a replica that took the lock waits before it
	// starts leading, so that a previous leader that lost its connection
	// has noticed (within Check) and stopped its work. It should be more
	// than Check plus the time the work takes to stop; 0 means 2 s.
	Settle time.Duration
	Logger *slog.Logger // nil means no logging
	// OnChange, if set, is called when the replica starts and stops
	// leading.
	OnChange func(leading bool)
	// OnError, if set, sees every database error (metrics).
	OnError func(error)
}

// Leader elects one replica to run scheduled work: the one holding a
// session-level PostgreSQL advisory lock (keyed by the schema), on a
// connection of its own. Losing that connection loses the lock, on the
// server at once and here within Check; another replica takes the lock
// within Retry and starts leading after Settle.
type Leader struct {
	s    *Store
	opts LeaderOptions

	mu    sync.Mutex
	phase Phase
	pid   uint32 // backend PID of the leading connection, for tests and logs
}

// Phase is where a replica stands in the election.
type Phase int

// Phases of a Leader.
const (
	Starting  Phase = iota // not yet tried
	Following              // tried; another replica leads, or no database
	Settling               // took the lock; waiting Settle before leading
	Leading                // runs the scheduled work
)

func (p Phase) String() string {
	return [...]string{"starting", "follower", "settling", "leading"}[p]
}

// Leader returns a Leader campaigning on the store's database. Call Run.
func (s *Store) Leader(opts LeaderOptions) *Leader {
	if opts.Retry <= 0 {
		opts.Retry = time.Second
	}
	if opts.Check <= 0 {
		opts.Check = time.Second
	}
	if opts.Settle <= 0 {
		opts.Settle = 2 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return &Leader{s: s, opts: opts}
}

// Phase tells where the replica stands now.
func (l *Leader) Phase() Phase {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.phase
}

// PID is the server process ID of the connection holding the lock while
// this replica leads or settles, else 0.
func (l *Leader) PID() uint32 {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.phase != Leading && l.phase != Settling {
		return 0
	}
	return l.pid
}

func (l *Leader) setPhase(p Phase, pid uint32) {
	l.mu.Lock()
	was := l.phase
	l.phase, l.pid = p, pid
	l.mu.Unlock()
	if l.opts.OnChange != nil && (was == Leading) != (p == Leading) {
		l.opts.OnChange(p == Leading)
	}
}

// Run campaigns until ctx is done. Each time this replica wins, it calls
// lead with a context that ends when the lead is lost (or ctx is done),
// and waits for lead to return before it campaigns again; lead must return
// soon after its context ends. Run returns nil when ctx is done.
func (l *Leader) Run(ctx context.Context, lead func(ctx context.Context)) error {
	defer l.setPhase(Following, 0)
	for ctx.Err() == nil {
		if err := l.term(ctx, lead); err != nil && ctx.Err() == nil {
			l.opts.Logger.Warn("leader election: database connection", "err", err)
			if l.opts.OnError != nil {
				l.opts.OnError(err)
			}
		}
		l.setPhase(Following, 0)
		select {
		case <-ctx.Done():
		case <-time.After(l.opts.Retry):
		}
	}
	return nil
}

// term connects, waits until it holds the lock, leads until the
// connection or ctx ends, and closes the connection (releasing the lock).
func (l *Leader) term(ctx context.Context, lead func(ctx context.Context)) error {
	cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	conn, err := l.s.connect(cctx)
	cancel()
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer func() {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		conn.Close(cctx)
	}()
	if err := l.acquire(ctx, conn); err != nil {
		return err
	}
	pid := conn.PgConn().PID()
	l.setPhase(Settling, pid)
	l.opts.Logger.Info("leader election: took the lock; settling before leading", "settle", l.opts.Settle.String(), "pid", pid)
	if err := l.hold(ctx, conn, l.opts.Settle); err != nil || ctx.Err() != nil {
		return err
	}
	l.setPhase(Leading, pid)
	l.opts.Logger.Info("leader election: leading scheduled work", "pid", pid)
	leadCtx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		lead(leadCtx)
	}()
	err = l.hold(leadCtx, conn, 0)
	stop()
	l.setPhase(Following, 0) // the work is stopping now
	<-done
	l.opts.Logger.Info("leader election: stopped leading", "err", err)
	return err
}

// acquire tries to take the lock every Retry until it has it; it returns
// an error when the connection fails.
func (l *Leader) acquire(ctx context.Context, conn *pgx.Conn) error {
	for {
		var got bool
		qctx, cancel := context.WithTimeout(ctx, l.opts.Retry+5*time.Second)
		err := conn.QueryRow(qctx, "SELECT pg_try_advisory_lock($1, hashtext(current_schema()))", lockLeader).Scan(&got)
		cancel()
		if err != nil {
			return fmt.Errorf("try lock: %w", err)
		}
		if got {
			return nil
		}
		l.setPhase(Following, 0)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(l.opts.Retry):
		}
	}
}

// hold checks the connection every Check until ctx is done (nil), or for
// d when d > 0, or until a check fails (its error).
func (l *Leader) hold(ctx context.Context, conn *pgx.Conn, d time.Duration) error {
	var until <-chan time.Time
	if d > 0 {
		until = time.After(d)
	}
	t := time.NewTicker(l.opts.Check)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-until:
			return nil
		case <-t.C:
		}
		pctx, cancel := context.WithTimeout(ctx, l.opts.Check)
		err := conn.Ping(pctx)
		cancel()
		if err != nil && ctx.Err() == nil {
			return fmt.Errorf("lost the leader connection: %w", err)
		}
	}
}
