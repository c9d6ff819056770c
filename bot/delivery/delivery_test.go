package delivery_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/delivery"
	"github.com/briefbot/briefbot/bot/schedule/schedtest"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/corpus/extract"
	"github.com/briefbot/briefbot/index"
	"github.com/briefbot/briefbot/state"
)

// ingested is when the test index took in its reports.
var ingested = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)

// mustBot is a Bot over a real index of bot's basic test reports,
// ingested at ingested.
func mustBot(t *testing.T) *bot.Bot {
	t.Helper()
	res := corpus.Loader{}.LoadPaths(filepath.Join("..", "testdata", "relevance", "basic", "docs"))
	if len(res.Problems) > 0 {
		t.Fatal(res.Problems)
	}
	x, err := index.Create(t.TempDir(), index.Options{Now: func() time.Time { return ingested }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	if _, err := x.Ingest(context.Background(), res.Reports, nil); err != nil {
		t.Fatal(err)
	}
	return bot.New(x, bot.Options{})
}

// post is one message in a channel of the platform stand-in.
type post struct {
	channel, digest string
	part, parts     int
	text            string
	files           int // attachments of the reply
}

// platform stands in for a chat platform's channels, the far side of a
// DigestPoster: it keeps every message posted with its digest marker, as
// Slack's message metadata and Discord's embed footers do. Each digest is
// two messages (platforms split long digests). failAt makes the post of
// that many-th message (counting from 1) fail once; lose makes the next
// PostDigest post everything but report an error, as when the platform's
// answer is lost.
type platform struct {
	mu     sync.Mutex
	posts  []post
	sent   int
	failAt []int
	lose   int
	finds  int
	down   bool
}

func (p *platform) PostDigest(_ context.Context, channel string, r bot.Reply, id string, have []int) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.down {
		return "", errors.New("503 service unavailable")
	}
	if r.Answer == nil {
		return "", errors.New("no answer")
	}
	ref := ""
	for part := 1; part <= 2; part++ {
		if slices.Contains(have, part) {
			continue
		}
		p.sent++
		if i := slices.Index(p.failAt, p.sent); i >= 0 {
			p.failAt = slices.Delete(p.failAt, i, i+1)
			return "", errors.New("500 internal error")
		}
		p.posts = append(p.posts, post{channel, id, part, 2, r.Answer.Text, len(r.Answer.Attachments)})
		if ref == "" {
			ref = id + "/" + string(rune('0'+part))
		}
	}
	if p.lose > 0 {
		p.lose--
		return "", errors.New("connection reset after the post")
	}
	return ref, nil
}

func (p *platform) FindDigest(_ context.Context, channel, id string, _ time.Time) (bot.DigestFound, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.finds++
	if p.down {
		return bot.DigestFound{}, errors.New("503 service unavailable")
	}
	var f bot.DigestFound
	for _, m := range p.posts {
		if m.channel == channel && m.digest == id {
			f.Parts = append(f.Parts, m.part)
			f.Total = m.parts
			if f.Ref == "" {
				f.Ref = id + "/" + string(rune('0'+m.part))
			}
		}
	}
	return f, nil
}

// digests returns the posts, grouped as "digest:part" per channel, in order.
func (p *platform) log() []post {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.posts)
}

// countParts counts the posts of each digest part; every value should be 1.
func countParts(posts []post) map[string]int {
	n := map[string]int{}
	for _, m := range posts {
		n[m.digest+":"+string(rune('0'+m.part))]++
	}
	return n
}

func mustStore(t *testing.T, dir string) *state.Store {
	t.Helper()
	st, err := state.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// TestDigestWithChart: a subscription with a chart gets the picture
// DrawChart draws attached to its digest; one that cannot be drawn leaves
// the digest to go out without it.
func TestDigestWithChart(t *testing.T) {
	res := corpus.Loader{}.LoadPaths(filepath.Join("..", "testdata", "relevance", "basic", "docs"))
	x, err := index.Create(t.TempDir(), index.Options{Relations: extract.New().Report, Now: func() time.Time { return ingested }})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if _, err := x.Ingest(context.Background(), res.Reports, nil); err != nil {
		t.Fatal(err)
	}
	b := bot.New(x, bot.Options{})
	var drawn []*bot.ChartTable
	draw := func(tab *bot.ChartTable) (bot.Attachment, error) {
		drawn = append(drawn, tab)
		if len(drawn) > 1 {
			return bot.Attachment{}, errors.New("out of ink")
		}
		return bot.Attachment{Name: "digest.png", Type: "image/png", Data: []byte("png")}, nil
	}
	at := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	for i, want := range []int{1, 0} {
		st := mustStore(t, t.TempDir())
		sub := weekly(ingested.Add(-30 * 24 * time.Hour))
		sub.Chart = true
		p := &platform{}
		s := delivery.New(delivery.Options{Bot: b, Store: st, Posters: map[bot.Platform]bot.DigestPoster{bot.Slack: p},
			Clock: schedtest.NewClock(at), Logger: quiet, DrawChart: draw})
		if err := s.Deliver(context.Background(), sub, at); err != nil {
			t.Fatal(err)
		}
		st.Close()
		posts := p.log()
		if len(posts) != 2 || posts[0].files != want {
			t.Errorf("run %d: posts %+v, want the digest with %d files", i+1, posts, want)
		}
	}
	if len(drawn) != 2 || len(drawn[0].Labels) == 0 {
		t.Errorf("drew %d charts (%+v), want 2 by recipient", len(drawn), drawn)
	}
}

func weekly(created time.Time) bot.Subscription {
	return bot.Subscription{ID: "slack:C1", Platform: "slack", Channel: "C1", Spec: bot.DefaultDigestSpec, TZ: "Europe/Berlin", Created: created}
}

func TestDeliverPostsOnceAndMovesWatermark(t *testing.T) {
	b := mustBot(t)
	st := mustStore(t, t.TempDir())
	defer st.Close()
	sub := weekly(ingested.Add(-30 * 24 * time.Hour))
	if err := st.PutSubscription(sub); err != nil {
		t.Fatal(err)
	}
	p := &platform{}
	clk := schedtest.NewClock(time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC))
	s := delivery.New(delivery.Options{Bot: b, Store: st, Posters: map[bot.Platform]bot.DigestPoster{bot.Slack: p}, Clock: clk, Logger: quiet})
	at := clk.Now()
	if err := s.Deliver(context.Background(), sub, at); err != nil {
		t.Fatal(err)
	}
	posts := p.log()
	if len(posts) != 2 || !strings.Contains(posts[0].text, "new reports") {
		t.Fatalf("posts = %+v, want one digest of new reports in two parts", posts)
	}
	mark, _ := st.Watermark(sub.ID)
	if !mark.Equal(at) {
		t.Errorf("watermark = %v, want %v", mark, at)
	}
	// Running for the same time again (a second scheduler tick, a retry)
	// posts nothing.
	if err := s.Deliver(context.Background(), sub, at); err != nil {
		t.Fatal(err)
	}
	if got := len(p.log()); got != 2 {
		t.Errorf("a second run for the same time posted again: %d posts", got)
	}
	// The next week's window has nothing new: a short "nothing new" post.
	next := at.Add(7 * 24 * time.Hour)
	clk.Set(next)
	if err := s.Deliver(context.Background(), sub, next); err != nil {
		t.Fatal(err)
	}
	posts = p.log()
	if len(posts) != 4 || !strings.Contains(posts[2].text, "nothing new") || posts[2].digest == posts[0].digest {
		t.Errorf("second week: %+v, want a new digest saying nothing new", posts[2:])
	}
}

func TestQuietSubscriptionPostsNothingWhenEmpty(t *testing.T) {
	b := mustBot(t)
	st := mustStore(t, t.TempDir())
	defer st.Close()
	sub := weekly(ingested)
	sub.SkipEmpty = true
	p := &platform{}
	at := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)
	if err := st.ConfirmDelivery("none", "", at); !errors.Is(err, state.ErrNotFound) {
		t.Fatal(err)
	}
	s := delivery.New(delivery.Options{Bot: b, Store: st, Posters: map[bot.Platform]bot.DigestPoster{bot.Slack: p}, Clock: schedtest.NewClock(at), Logger: quiet})
	if err := s.Deliver(context.Background(), sub, at); err != nil { // [30 Nov, 7 Dec): nothing ingested
		t.Fatal(err)
	}
	if posts := p.log(); len(posts) != 0 {
		t.Errorf("quiet subscription posted %+v", posts)
	}
	if mark, _ := st.Watermark(sub.ID); !mark.Equal(at) {
		t.Errorf("watermark = %v, want %v: an empty window is delivered too", mark, at)
	}
}

// TestCrashBetweenPostAndConfirm: the platform took the post but the bot
// never learnt it (the answer was lost, then the process died). After a
// restart on the same data folder the digest is found in the channel and
// confirmed, not posted again.
func TestCrashBetweenPostAndConfirm(t *testing.T) {
	b := mustBot(t)
	dir := t.TempDir()
	st := mustStore(t, dir)
	sub := weekly(ingested.Add(-30 * 24 * time.Hour))
	if err := st.PutSubscription(sub); err != nil {
		t.Fatal(err)
	}
	p := &platform{lose: 1}
	at := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	clk := schedtest.NewClock(at)
	s := delivery.New(delivery.Options{Bot: b, Store: st, Posters: map[bot.Platform]bot.DigestPoster{bot.Slack: p}, Clock: clk, Logger: quiet})
	if err := s.Deliver(context.Background(), sub, at); err == nil {
		t.Fatal("Deliver succeeded although the platform's answer was lost")
	}
	pending, _ := st.PendingDeliveries()
	if len(pending) != 1 || pending[0].Attempts != 1 {
		t.Fatalf("pending = %+v, want the delivery pending with one attempt", pending)
	}
	if mark, _ := st.Watermark(sub.ID); !mark.IsZero() {
		t.Errorf("watermark moved to %v before the post was confirmed", mark)
	}
	// Crash: close the store without anything else, start again an hour later.
	st.Close()
	st = mustStore(t, dir)
	defer st.Close()
	clk.Add(time.Hour)
	s = delivery.New(delivery.Options{Bot: b, Store: st, Posters: map[bot.Platform]bot.DigestPoster{bot.Slack: p}, Clock: clk, Logger: quiet})
	s.Resume(context.Background())

	for k, n := range countParts(p.log()) {
		if n != 1 {
			t.Errorf("%s posted %d times", k, n)
		}
	}
	if got := len(p.log()); got != 2 {
		t.Errorf("%d posts, want the 2 parts of one digest", got)
	}
	if p.finds != 1 {
		t.Errorf("FindDigest called %d times, want 1", p.finds)
	}
	if pending, _ := st.PendingDeliveries(); len(pending) != 0 {
		t.Errorf("still pending after restart: %+v", pending)
	}
	if mark, _ := st.Watermark(sub.ID); !mark.Equal(at) {
		t.Errorf("watermark = %v, want %v", mark, at)
	}
	// And a second restart changes nothing.
	s = delivery.New(delivery.Options{Bot: b, Store: st, Posters: map[bot.Platform]bot.DigestPoster{bot.Slack: p}, Clock: clk, Logger: quiet})
	s.Resume(context.Background())
	if got := len(p.log()); got != 2 {
		t.Errorf("second restart: %d posts, want 2", got)
	}
}

// TestPartialPostIsCompleted: the platform failed on the second message of
// a digest; the retry posts only that one.
func TestPartialPostIsCompleted(t *testing.T) {
	b := mustBot(t)
	st := mustStore(t, t.TempDir())
	defer st.Close()
	sub := weekly(ingested.Add(-30 * 24 * time.Hour))
	if err := st.PutSubscription(sub); err != nil {
		t.Fatal(err)
	}
	p := &platform{failAt: []int{2}}
	at := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	s := delivery.New(delivery.Options{Bot: b, Store: st, Posters: map[bot.Platform]bot.DigestPoster{bot.Slack: p}, Clock: schedtest.NewClock(at), Logger: quiet})
	if err := s.Deliver(context.Background(), sub, at); err == nil {
		t.Fatal("Deliver succeeded although the second part failed")
	}
	if err := s.Deliver(context.Background(), sub, at); err != nil {
		t.Fatal(err)
	}
	posts := p.log()
	if len(posts) != 2 || posts[0].part != 1 || posts[1].part != 2 || posts[0].digest != posts[1].digest {
		t.Errorf("posts = %+v, want parts 1 and 2 of one digest, once each", posts)
	}
}

// TestRetryWithBackoff: a platform that is down gets the digest once it is
// back, after waits of 1, 2 and 4 minutes; nothing is dropped.
func TestRetryWithBackoff(t *testing.T) {
	b := mustBot(t)
	st := mustStore(t, t.TempDir())
	defer st.Close()
	sub := weekly(ingested.Add(-30 * 24 * time.Hour))
	if err := st.PutSubscription(sub); err != nil {
		t.Fatal(err)
	}
	p := &platform{down: true}
	at := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	clk := schedtest.NewClock(at)
	s := delivery.New(delivery.Options{Bot: b, Store: st, Posters: map[bot.Platform]bot.DigestPoster{bot.Slack: p}, Clock: clk, Logger: quiet})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()

	// Run: first the scheduler's sleep until next Monday; the digest is
	// due from the catch-up (created a month ago, never delivered).
	var waits []time.Duration
	for len(waits) < 3 {
		w, ok := clk.NextWait(10 * time.Second)
		if !ok {
			t.Fatalf("no retry scheduled; waits so far %v", waits)
		}
		d := w.Sub(clk.Now())
		if d > time.Hour { // the scheduler sleeping until the next run
			continue
		}
		waits = append(waits, d)
		if len(waits) == 3 {
			p.mu.Lock()
			p.down = false
			p.mu.Unlock()
		}
		clk.Add(d)
	}
	if want := []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute}; !slices.Equal(waits, want) {
		t.Errorf("retry waits = %v, want %v", waits, want)
	}
	for range 1000 { // wait for the post, bounded
		if len(p.log()) == 2 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if got := len(p.log()); got != 2 {
		t.Fatalf("%d posts after the platform came back, want 2", got)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if pending, _ := st.PendingDeliveries(); len(pending) != 0 {
		t.Errorf("pending after a successful retry: %+v", pending)
	}
}

// TestCatchUpAfterDowntime: a weekly subscription last delivered three
// weeks ago gets one digest at start covering the whole gap, not three.
func TestCatchUpAfterDowntime(t *testing.T) {
	for _, noCatchUp := range []bool{false, true} {
		b := mustBot(t)
		st := mustStore(t, t.TempDir())
		sub := weekly(time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC))
		if err := st.PutSubscription(sub); err != nil {
			t.Fatal(err)
		}
		last := time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC) // a Monday 09:00 CET
		d, err := st.BeginDelivery(sub.ID, last.Add(-7*24*time.Hour), last, last)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.ConfirmDelivery(d.ID, "x", last); err != nil {
			t.Fatal(err)
		}
		now := time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC) // Wednesday, three runs missed
		p := &platform{}
		s := delivery.New(delivery.Options{Bot: b, Store: st, Posters: map[bot.Platform]bot.DigestPoster{bot.Slack: p},
			Clock: schedtest.NewClock(now), NoCatchUp: noCatchUp, Logger: quiet})
		s.Resume(context.Background())
		posts := p.log()
		mark, _ := st.Watermark(sub.ID)
		switch {
		case noCatchUp && (len(posts) != 0 || !mark.Equal(last)):
			t.Errorf("NoCatchUp: %d posts, watermark %v; want none and %v", len(posts), mark, last)
		case !noCatchUp && (len(posts) != 2 || !mark.Equal(now)):
			t.Errorf("catch-up: %d posts, watermark %v; want one digest (2 parts) up to %v", len(posts), mark, now)
		case !noCatchUp && !strings.Contains(posts[0].text, "Digest of 2026-11-02 to 2026-11-25"):
			t.Errorf("catch-up digest covers the wrong window: %.80q", posts[0].text)
		}
		st.Close()
	}
}

// TestScheduleAcrossDST: weekly Monday 09:00 Europe/Berlin runs at 08:00
// UTC before the change to summer time (29 March 2026) and at 07:00 UTC
// after it, and each run posts one digest.
func TestScheduleAcrossDST(t *testing.T) {
	b := mustBot(t)
	st := mustStore(t, t.TempDir())
	defer st.Close()
	start := time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)
	sub := weekly(start)
	if err := st.PutSubscription(sub); err != nil {
		t.Fatal(err)
	}
	p := &platform{}
	clk := schedtest.NewClock(start)
	s := delivery.New(delivery.Options{Bot: b, Store: st, Posters: map[bot.Platform]bot.DigestPoster{bot.Slack: p}, Clock: clk, Logger: quiet})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	want := []time.Time{
		time.Date(2026, 3, 23, 8, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 30, 7, 0, 0, 0, time.UTC),
		time.Date(2026, 4, 6, 7, 0, 0, 0, time.UTC),
	}
	want = append(want, time.Date(2026, 4, 13, 7, 0, 0, 0, time.UTC))
	for i, w := range want {
		// The scheduler sleeps again only after the previous run is done.
		at, ok := clk.NextWait(10 * time.Second)
		if !ok || !at.Equal(w) {
			t.Fatalf("run %d: scheduler sleeps until %v (%v), want %v", i, at, ok, w)
		}
		if i > 0 {
			if mark, _ := st.Watermark(sub.ID); !mark.Equal(want[i-1]) {
				t.Errorf("run %d: watermark %v, want %v", i-1, mark, want[i-1])
			}
		}
		if i < len(want)-1 {
			clk.Set(w)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := len(p.log()); got != 6 {
		t.Errorf("%d posts over three runs, want 6", got)
	}
}

func TestNoPosterForPlatform(t *testing.T) {
	b := mustBot(t)
	st := mustStore(t, t.TempDir())
	defer st.Close()
	sub := weekly(ingested)
	sub.Platform, sub.ID = "discord", "discord:D1"
	s := delivery.New(delivery.Options{Bot: b, Store: st, Posters: map[bot.Platform]bot.DigestPoster{bot.Slack: &platform{}}, Logger: quiet})
	err := s.Deliver(context.Background(), sub, time.Now())
	if !errors.Is(err, delivery.ErrNoPoster) || !strings.Contains(err.Error(), "discord") {
		t.Errorf("err = %v, want ErrNoPoster naming discord", err)
	}
	if pending, _ := st.PendingDeliveries(); len(pending) != 0 {
		t.Errorf("a delivery was begun without a poster: %+v", pending)
	}
}
