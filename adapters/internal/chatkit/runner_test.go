package chatkit

import (
	"context"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"
)

type sess struct{ ctx context.Context }

func TestRunner(t *testing.T) {
	var r Runner[sess]
	r.Init("test", time.Minute, slog.New(slog.NewTextHandler(io.Discard, nil)), func(s *sess) context.Context { return s.ctx })
	if r.Go(func(context.Context, *sess) {}) {
		t.Fatal("Go ran work before Open")
	}
	r.Open(&sess{ctx: context.Background()})
	var ran atomic.Int32
	release := make(chan struct{})
	for range 3 {
		if !r.Go(func(ctx context.Context, s *sess) {
			<-release
			if _, ok := ctx.Deadline(); !ok {
				t.Error("no deadline on the work's context")
			}
			ran.Add(1)
		}) {
			t.Fatal("Go refused work while open")
		}
	}
	r.Go(func(context.Context, *sess) { panic("boom") }) // logged, not fatal
	closed := make(chan struct{})
	go func() { r.Close(); close(closed) }()
	select {
	case <-closed:
		t.Fatal("Close returned while work was under way")
	case <-time.After(20 * time.Millisecond):
	}
	close(release)
	<-closed
	if ran.Load() != 3 {
		t.Errorf("ran %d, want 3", ran.Load())
	}
	if r.Go(func(context.Context, *sess) {}) || r.Current() != nil {
		t.Error("Go ran work after Close")
	}
}
