package pgstore

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
)

// FollowerOptions configure a Follower. Apply and Save are required.
type FollowerOptions struct {
	// Apply applies changes, in seq order, to the local index: a report
	// is added or replaced, a deleted one removed. It must be idempotent:
	// after a crash between Apply and Save the same changes come again.
	Apply func(ctx context.Context, changes []ReportChange) error
	// Applied is the seq of the last change applied before (0 for an
	// empty index).
	Applied int64
	// Save records the seq of the last change applied, after Apply.
	Save func(seq int64) error
	// Poll is how often the table is read even without a notification;
	// 0 means 2 s.
	Poll time.Duration
	// Batch is how many changes one Apply gets at most; 0 means 200.
	Batch  int
	Logger *slog.Logger // nil means no logging
	// OnError, if set, sees every database error (metrics).
	OnError func(error)
}

// Follower keeps a replica's index in step with the reports table: at
// start it applies every change since the last one applied, then it
// applies new ones when notified (LISTEN/NOTIFY) or at the latest every
// Poll. It is safe for concurrent use.
type Follower struct {
	s    *Store
	opts FollowerOptions

	applied  atomic.Int64
	caughtUp chan struct{} // closed after the first complete catch-up
	once     sync.Once
}

// Follow returns a Follower of the store's reports table. Call Run.
func (s *Store) Follow(opts FollowerOptions) *Follower {
	if opts.Poll <= 0 {
		opts.Poll = 2 * time.Second
	}
	if opts.Batch <= 0 {
		opts.Batch = 200
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	f := &Follower{s: s, opts: opts, caughtUp: make(chan struct{})}
	f.applied.Store(opts.Applied)
	return f
}

// Applied is the seq of the last change applied.
func (f *Follower) Applied() int64 { return f.applied.Load() }

// CaughtUp is closed once the follower has applied every change there was
// when it started.
func (f *Follower) CaughtUp() <-chan struct{} { return f.caughtUp }

// Lag is how many changes of the table the index has not applied yet.
func (f *Follower) Lag(ctx context.Context) (int64, error) {
	last, err := f.s.LastReportSeq(ctx)
	if err != nil {
		return 0, err
	}
	return max(0, last-f.Applied()), nil
}

// Run follows the table until ctx is done; a lost database connection is
// logged and tried again every Poll. It returns nil when ctx is done.
func (f *Follower) Run(ctx context.Context) error {
	if last, err := f.s.LastReportSeq(ctx); err == nil && last < f.Applied() {
		f.opts.Logger.Warn("the index has applied more report changes than the table holds (a new database?); applying all again",
			"applied", f.Applied(), "table", last)
		f.applied.Store(0)
	}
	for ctx.Err() == nil {
		err := f.follow(ctx)
		if err == nil || ctx.Err() != nil {
			return nil
		}
		f.failed(err)
		select {
		case <-ctx.Done():
		case <-time.After(f.opts.Poll):
		}
	}
	return nil
}

func (f *Follower) failed(err error) {
	f.opts.Logger.Warn("following the reports table", "err", err)
	if f.opts.OnError != nil {
		f.opts.OnError(err)
	}
}

// follow listens for notifications on a connection of its own and catches
// up at each one and every Poll, until ctx is done (nil) or the
// connection fails.
func (f *Follower) follow(ctx context.Context) error {
	conn, err := f.s.connect(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{f.s.notifyChannel()}.Sanitize()); err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	lctx, stop := context.WithCancel(ctx)
	defer stop()
	wake := make(chan struct{}, 1)
	lost := make(chan error, 1)
	go func() {
		for {
			if _, err := conn.WaitForNotification(lctx); err != nil {
				lost <- err
				return
			}
			select {
			case wake <- struct{}{}:
			default:
			}
		}
	}()
	defer func() { stop(); <-lost }()
	t := time.NewTicker(f.opts.Poll)
	defer t.Stop()
	for {
		if err := f.CatchUp(ctx); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			f.failed(err) // the listening connection may be fine: try again at the next poll
		}
		select {
		case <-ctx.Done():
			return nil
		case err := <-lost:
			lost <- err // for the deferred wait
			return fmt.Errorf("notifications: %w", err)
		case <-wake:
		case <-t.C:
		}
	}
}

// CatchUp applies every change the table has beyond the last one applied.
// Run calls it; calls must not overlap.
func (f *Follower) CatchUp(ctx context.Context) error {
	for {
		changes, err := f.s.ReportsSince(ctx, f.Applied(), f.opts.Batch)
		if err != nil {
			return err
		}
		if len(changes) == 0 {
			f.once.Do(func() { close(f.caughtUp) })
			return nil
		}
		if err := f.opts.Apply(ctx, changes); err != nil {
			return fmt.Errorf("apply report changes up to %d: %w", changes[len(changes)-1].Seq, err)
		}
		last := changes[len(changes)-1].Seq
		if err := f.opts.Save(last); err != nil {
			return fmt.Errorf("save report seq %d: %w", last, err)
		}
		f.applied.Store(last)
	}
}
