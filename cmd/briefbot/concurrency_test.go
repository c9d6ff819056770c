package main

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/adapters/adaptertest"
	"github.com/briefbot/briefbot/adapters/console"
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/delivery"
	"github.com/briefbot/briefbot/corpus/corpustest"
)

// TestEverythingAtOnce ingests, polls feeds, posts digests and answers
// questions at the same time on one index and state file, as serve does.
// Run it with -race: the point is that nothing races, deadlocks or fails.
func TestEverythingAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("concurrency soak")
	}
	w := newWire(t)
	m, x, r, st := feedSetup(t, w)
	ctx := context.Background()
	out := &adaptertest.LockedBuffer{}
	poster := &console.Adapter{Out: out}
	sub := bot.Subscription{ID: "console:console", Platform: bot.Console, Channel: "console", Spec: "* * * * *",
		TZ: "UTC", Created: time.Now().Add(-time.Hour)}
	if err := st.PutSubscription(sub); err != nil {
		t.Fatal(err)
	}
	svc := delivery.New(delivery.Options{Bot: bot.New(x, bot.Options{}), Store: st, Posters: map[bot.Platform]bot.DigestPoster{bot.Console: poster},
		Logger: slog.New(slog.DiscardHandler)})

	var wg sync.WaitGroup
	errs := make(chan error, 100)
	wg.Add(4)
	go func() { // files being ingested
		defer wg.Done()
		reports := corpustest.Reports(300, corpustest.Options{})
		for i := 0; i < len(reports); i += 50 {
			if _, err := x.Ingest(ctx, reports[i:i+50], nil); err != nil {
				errs <- fmt.Errorf("ingest: %w", err)
				return
			}
		}
	}()
	go func() { // feeds polled, twice
		defer wg.Done()
		for range 2 {
			for _, res := range m.Poller().PollAll(ctx) {
				if res.Err != nil {
					errs <- fmt.Errorf("poll %s: %w", res.Feed, res.Err)
				}
			}
		}
	}()
	go func() { // digests delivered for one minute after another
		defer wg.Done()
		at := time.Now().Truncate(time.Minute)
		for i := range 5 {
			if err := svc.Deliver(ctx, sub, at.Add(time.Duration(i)*time.Minute)); err != nil {
				errs <- fmt.Errorf("deliver: %w", err)
			}
		}
	}()
	go func() { // questions answered
		defer wg.Done()
		for i := range 40 {
			q := corpustest.Questions[i%len(corpustest.Questions)]
			if rep := r.Handle(ctx, bot.Message{Platform: "console", Channel: "console", Text: q}); rep.IsError {
				errs <- fmt.Errorf("answer %q: %s", q, rep.Text)
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := strings.Count(out.String(), "(digest dg"); n != 5 {
		t.Errorf("%d digests printed, want 5", n)
	}
	if pending, _ := st.PendingDeliveries(); len(pending) != 0 {
		t.Errorf("pending deliveries left: %+v", pending)
	}
	c, err := x.Counts()
	if err != nil || c.Reports < 302 {
		t.Errorf("counts %+v %v: want the 300 files and the 2 feed stories", c, err)
	}
}
