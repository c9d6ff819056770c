package chatkit

import (
	"context"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"
)

// Runner runs an adapter's answers in goroutines while a session of type S
// is open, each with a deadline, and lets the adapter wait for them when it
// stops. The zero value is not ready: call Init first. It is safe for
// concurrent use.
type Runner[S any] struct {
	name    string
	timeout time.Duration
	log     *slog.Logger
	base    func(*S) context.Context // the context answers derive from

	mu     sync.Mutex
	idle   *sync.Cond // broadcast when busy drops to 0
	sess   *S         // nil before Open and after Close
	busy   int        // goroutines running
	closed bool
}

// Init sets the runner up: name prefixes log lines ("slack"), timeout
// bounds each answer, base gives the context answers of a session derive
// from (one that outlives the adapter's Run, so they can finish).
func (r *Runner[S]) Init(name string, timeout time.Duration, log *slog.Logger, base func(*S) context.Context) {
	r.name, r.timeout, r.log, r.base = name, timeout, log, base
	r.idle = sync.NewCond(&r.mu)
}

// Open makes s the running session: Go starts work from now on.
func (r *Runner[S]) Open(s *S) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sess = s
}

// Current returns the running session, or nil.
func (r *Runner[S]) Current() *S {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.sess
}

// Go runs fn in a goroutine with a context bounded by the timeout; a panic
// in fn is logged, not fatal. It returns false, doing nothing, when no
// session is open.
func (r *Runner[S]) Go(fn func(ctx context.Context, s *S)) bool {
	r.mu.Lock()
	s := r.sess
	if s == nil || r.closed {
		r.mu.Unlock()
		return false
	}
	r.busy++
	r.mu.Unlock()
	go func() {
		defer r.done()
		ctx, cancel := context.WithTimeout(r.base(s), r.timeout)
		defer cancel()
		defer func() {
			if p := recover(); p != nil {
				r.log.Error(r.name+": panic while answering", "panic", p, "stack", string(debug.Stack()))
			}
		}()
		fn(ctx, s)
	}()
	return true
}

func (r *Runner[S]) done() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.busy--
	if r.busy == 0 {
		r.idle.Broadcast()
	}
}

// Close stops new work and waits for the work under way.
func (r *Runner[S]) Close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sess, r.closed = nil, true
	for r.busy > 0 {
		r.idle.Wait()
	}
}

// Wait waits until no work is under way.
func (r *Runner[S]) Wait() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for r.busy > 0 {
		r.idle.Wait()
	}
}
