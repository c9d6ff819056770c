package feed

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/schedule"
)

// Poller defaults.
const (
	DefaultWorkers        = 4
	DefaultArticleWorkers = 4
	DefaultMaxItems       = 100
	DefaultMaxSeen        = 2000
	DefaultInterval       = 15 * time.Minute
)

// Back-off of failing feeds: 1 minute after the first failure, doubling
// with each further one, at most 6 hours; a Retry-After longer than that
// is honoured up to 24 hours.
const (
	minBackoff    = time.Minute
	maxBackoff    = 6 * time.Hour
	maxRetryAfter = 24 * time.Hour
)

// ErrUnknownFeed is the error of PollOnce for a feed not in the Poller's
// list.
var ErrUnknownFeed = errors.New("feed not configured")

// FeedConfig is one feed to poll.
type FeedConfig struct {
	URL string
	// Schedule is a cron spec ("0 */2 * * *", "@hourly"; five fields, in
	// UTC) saying when the feed is due; "" means at every PollAll. The
	// schedule is checked at each PollAll, so call PollAll (or Run) at
	// least as often as the finest schedule.
	Schedule string
	// Tags label the feed. bot.Report has no field for them, so for now
	// they are only listed by Status, not carried by the reports.
	Tags []string
}

// Options configure a Poller. Only Sink is required.
type Options struct {
	Feeds   []FeedConfig
	Fetcher *Fetcher // nil means a Fetcher with its defaults
	// Sink receives the new reports of one poll of one feed, for the
	// caller to index. An error leaves the feed's state as it was, so the
	// items are offered again at the next poll.
	Sink   func(ctx context.Context, reports []bot.Report) error
	Store  Store        // nil means a new MemStore: states are lost at exit
	Logger *slog.Logger // nil means no logging
	// Workers is how many feeds are polled at once; 0 means
	// DefaultWorkers (4).
	Workers int
	// ArticleWorkers is how many articles of one feed are fetched at once;
	// 0 means DefaultArticleWorkers (4).
	ArticleWorkers int
	// MaxItems is how many of a feed's items, newest first, one poll
	// considers; 0 means DefaultMaxItems (100).
	MaxItems int
	// MaxSeen is how many item keys are remembered per feed; 0 means
	// DefaultMaxSeen (2000). At least MaxItems are kept.
	MaxSeen int
	// Now tells the time; nil means time.Now.
	Now func() time.Time
}

// PollResult is the outcome of polling one feed.
type PollResult struct {
	Feed        string // the feed's URL
	New         int    // reports handed to the Sink
	Excerpts    int    // of New, reports made of the feed's own text (see IsExcerpt)
	Skipped     int    // items already seen in earlier polls
	Failed      int    // items that gave no report (no text anywhere)
	NotModified bool   // the server said the feed is unchanged (304)
	NotDue      bool   // PollAll passed the feed over: its schedule or back-off says later
	Err         error  // why the poll failed; nil on success
}

// FeedStatus is how polling one feed goes, for listing sources.
type FeedStatus struct {
	URL         string
	Title       string // "" until the feed was read once
	Schedule    string
	Tags        []string
	LastFetch   time.Time // last attempt; zero before the first
	LastSuccess time.Time
	LastStatus  string // "ok: 3 new", "not modified", "error: timed out"...
	Failures    int    // consecutive failures
	NextAttempt time.Time
}

// Poller polls feeds and hands new reports to a Sink. It is safe for
// concurrent use; one feed is never polled twice at once (a second poll
// waits for the first).
type Poller struct {
	o     Options
	feeds []FeedConfig
	byKey map[string]int
	busy  []chan struct{}
	log   *slog.Logger
}

// NewPoller checks the options and returns a Poller. Errors: no Sink, a
// feed URL that is not http or https, a feed listed twice, an invalid
// schedule.
func NewPoller(o Options) (*Poller, error) {
	if o.Sink == nil {
		return nil, errors.New("feed poller: no Sink for the reports")
	}
	if o.Fetcher == nil {
		o.Fetcher = &Fetcher{}
	}
	if o.Store == nil {
		o.Store = &MemStore{}
	}
	if o.Workers <= 0 {
		o.Workers = DefaultWorkers
	}
	if o.ArticleWorkers <= 0 {
		o.ArticleWorkers = DefaultArticleWorkers
	}
	if o.MaxItems <= 0 {
		o.MaxItems = DefaultMaxItems
	}
	if o.MaxSeen <= 0 {
		o.MaxSeen = DefaultMaxSeen
	}
	o.MaxSeen = max(o.MaxSeen, o.MaxItems)
	if o.Now == nil {
		o.Now = time.Now
	}
	p := &Poller{o: o, byKey: map[string]int{}, log: o.Logger}
	if p.log == nil {
		p.log = slog.New(slog.DiscardHandler)
	}
	for _, c := range o.Feeds {
		c.URL = strings.TrimSpace(c.URL)
		key, err := URLKey(c.URL)
		if err != nil {
			return nil, fmt.Errorf("feed %q: %w", c.URL, err)
		}
		if j, dup := p.byKey[key]; dup {
			return nil, fmt.Errorf("feed %s is listed twice (also as %s)", c.URL, p.feeds[j].URL)
		}
		if c.Schedule != "" {
			if err := schedule.Validate(c.Schedule, ""); err != nil {
				return nil, fmt.Errorf("feed %s: schedule: %w", c.URL, err)
			}
		}
		c.Tags = slices.Clone(c.Tags)
		p.byKey[key] = len(p.feeds)
		p.feeds = append(p.feeds, c)
		p.busy = append(p.busy, make(chan struct{}, 1))
	}
	return p, nil
}

// Feeds returns the configured feeds.
func (p *Poller) Feeds() []FeedConfig {
	out := slices.Clone(p.feeds)
	for i := range out {
		out[i].Tags = slices.Clone(out[i].Tags)
	}
	return out
}

// PollOnce polls one feed now, whatever its schedule and back-off say.
// feedURL is the feed's URL as configured or any spelling of it with the
// same URLKey; another gives an Err wrapping ErrUnknownFeed.
func (p *Poller) PollOnce(ctx context.Context, feedURL string) PollResult {
	i, ok := p.find(feedURL)
	if !ok {
		return PollResult{Feed: feedURL, Err: fmt.Errorf("poll %s: %w", feedURL, ErrUnknownFeed)}
	}
	return p.poll(ctx, i, false)
}

// PollAll polls every feed that is due (by its schedule and back-off),
// Options.Workers at a time, and returns one result per feed in the order
// of Options.Feeds. A failing or hanging feed costs one worker at most
// until the Fetcher's timeout; the others go on.
func (p *Poller) PollAll(ctx context.Context) []PollResult {
	results := make([]PollResult, len(p.feeds))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(p.o.Workers, len(p.feeds)) {
		wg.Go(func() {
			for i := range jobs {
				results[i] = p.poll(ctx, i, true)
			}
		})
	}
	for i := range p.feeds {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

// Run calls PollAll every interval (0 means DefaultInterval) until ctx is
// done, and returns ctx's error.
func (p *Poller) Run(ctx context.Context, interval time.Duration) error {
	if interval <= 0 {
		interval = DefaultInterval
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		p.PollAll(ctx)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Status lists the feeds with how their polling goes, in the order of
// Options.Feeds.
func (p *Poller) Status() ([]FeedStatus, error) {
	out := make([]FeedStatus, 0, len(p.feeds))
	for _, c := range p.feeds {
		st, _, err := p.o.Store.Get(c.URL)
		if err != nil {
			return nil, fmt.Errorf("feed status %s: %w", c.URL, err)
		}
		out = append(out, FeedStatus{URL: c.URL, Title: st.Title, Schedule: c.Schedule, Tags: slices.Clone(c.Tags),
			LastFetch: st.LastFetch, LastSuccess: st.LastSuccess, LastStatus: st.LastStatus, Failures: st.Failures, NextAttempt: st.NextAttempt})
	}
	return out, nil
}

func (p *Poller) find(feedURL string) (int, bool) {
	feedURL = strings.TrimSpace(feedURL)
	for i, c := range p.feeds {
		if c.URL == feedURL {
			return i, true
		}
	}
	key, err := URLKey(feedURL)
	if err != nil {
		return 0, false
	}
	i, ok := p.byKey[key]
	return i, ok
}

// due reports whether PollAll should poll a feed now: a failing feed when
// its back-off is over, another when its schedule says so.
func (p *Poller) due(c FeedConfig, st State, now time.Time) bool {
	if st.Failures > 0 {
		return !now.Before(st.NextAttempt)
	}
	if c.Schedule == "" || st.LastFetch.IsZero() {
		return true
	}
	next, err := schedule.Next(c.Schedule, "", st.LastFetch)
	return err != nil || !now.Before(next)
}

// backoff is the wait after the n-th consecutive failure.
func backoff(n int) time.Duration {
	if n <= 0 {
		return 0
	}
	if n > 20 {
		return maxBackoff
	}
	return min(minBackoff<<(n-1), maxBackoff)
}

// poll polls feed i; with onlyIfDue, a feed that is not due is passed over.
func (p *Poller) poll(ctx context.Context, i int, onlyIfDue bool) PollResult {
	c := p.feeds[i]
	res := PollResult{Feed: c.URL}
	select {
	case p.busy[i] <- struct{}{}:
		defer func() { <-p.busy[i] }()
	case <-ctx.Done():
		res.Err = fmt.Errorf("poll %s: %w", c.URL, ctx.Err())
		return res
	}
	st, _, err := p.o.Store.Get(c.URL)
	if err != nil {
		res.Err = fmt.Errorf("poll %s: read feed state: %w", c.URL, err)
		p.log.Error("feed state unreadable", "feed", c.URL, "err", err)
		return res
	}
	now := p.o.Now()
	if onlyIfDue && !p.due(c, st, now) {
		res.NotDue = true
		return res
	}
	st.LastFetch = now
	resp, err := p.o.Fetcher.Fetch(ctx, c.URL, st.Validators)
	if err != nil {
		if ctx.Err() != nil { // shutting down: not the feed's fault
			res.Err = err
			return res
		}
		return p.fail(c, st, now, reason(err), err, res)
	}
	if resp.NotModified {
		st.Validators = resp.Validators
		st.LastSuccess, st.Failures, st.NextAttempt, st.LastStatus = now, 0, time.Time{}, "not modified"
		res.NotModified = true
		return p.save(c, st, res)
	}
	f, err := Parse(resp.Body, resp.FinalURL)
	if err != nil {
		why := "broken feed"
		if errors.Is(err, ErrNotFeed) {
			why = "not a feed"
		}
		return p.fail(c, st, now, why, err, res)
	}

	// The newest MaxItems items not seen before, each once.
	items := slices.Clone(f.Items)
	slices.SortStableFunc(items, func(a, b Item) int { return b.Date().Compare(a.Date()) })
	items = items[:min(len(items), p.o.MaxItems)]
	seen := make(map[string]bool, len(st.Seen)+len(items))
	for _, k := range st.Seen {
		seen[k] = true
	}
	var todo []Item
	var keys []string
	for _, it := range items {
		k := it.Key()
		if seen[k] {
			res.Skipped++
			continue
		}
		seen[k] = true
		todo = append(todo, it)
		keys = append(keys, k)
	}

	reports := p.articles(ctx, c, todo, &res)
	if ctx.Err() != nil {
		res.Err = fmt.Errorf("poll %s: %w", c.URL, ctx.Err())
		return res
	}
	if len(reports) > 0 {
		if err := p.o.Sink(ctx, reports); err != nil {
			res.Err = fmt.Errorf("poll %s: hand over %d reports: %w", c.URL, len(reports), err)
			st.LastStatus = "error: the new reports could not be stored"
			p.log.Error("feed reports not stored", "feed", c.URL, "reports", len(reports), "err", err)
			res.New, res.Excerpts = 0, 0
			return p.save(c, st, res)
		}
	}
	st.Seen = append(st.Seen, keys...)
	if over := len(st.Seen) - p.o.MaxSeen; over > 0 {
		st.Seen = slices.Delete(st.Seen, 0, over)
	}
	st.Validators = resp.Validators
	st.Title = f.Title
	st.LastSuccess, st.Failures, st.NextAttempt = now, 0, time.Time{}
	st.LastStatus = fmt.Sprintf("ok: %d new", res.New)
	if res.Excerpts > 0 {
		st.LastStatus += fmt.Sprintf(" (%d from the feed's text only)", res.Excerpts)
	}
	if res.Failed > 0 {
		st.LastStatus += fmt.Sprintf(", %d without text", res.Failed)
	}
	p.log.Info("feed polled", "feed", c.URL, "new", res.New, "excerpts", res.Excerpts, "skipped", res.Skipped, "failed", res.Failed)
	return p.save(c, st, res)
}

// articles fetches the items' articles, ArticleWorkers at a time, and
// returns their reports in the items' order.
func (p *Poller) articles(ctx context.Context, c FeedConfig, items []Item, res *PollResult) []bot.Report {
	type outcome struct {
		r      bot.Report
		reason string
		err    error
	}
	outs := make([]outcome, len(items))
	sem := make(chan struct{}, p.o.ArticleWorkers)
	var wg sync.WaitGroup
	for i, it := range items {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Go(func() {
			defer func() { <-sem }()
			r, why, err := p.o.Fetcher.article(ctx, it)
			outs[i] = outcome{r, why, err}
		})
	}
	wg.Wait()
	var reports []bot.Report
	for i, o := range outs {
		switch {
		case o.err != nil:
			if ctx.Err() == nil {
				res.Failed++
				p.log.Warn("feed item without text", "feed", c.URL, "item", items[i].Link, "err", o.err)
			}
		case o.reason != "":
			res.Excerpts++
			p.log.Info("feed item from the feed's text only", "feed", c.URL, "item", items[i].Link, "reason", o.reason)
			fallthrough
		default:
			reports = append(reports, o.r)
		}
	}
	res.New = len(reports)
	return reports
}

// fail records a failed poll and when to try again.
func (p *Poller) fail(c FeedConfig, st State, now time.Time, why string, err error, res PollResult) PollResult {
	st.Failures++
	wait := backoff(st.Failures)
	var se *StatusError
	if errors.As(err, &se) && se.RetryAfter > wait {
		wait = min(se.RetryAfter, maxRetryAfter)
	}
	st.NextAttempt = now.Add(wait)
	st.LastStatus = "error: " + why
	res.Err = err
	p.log.Warn("feed poll failed", "feed", c.URL, "failures", st.Failures, "retry_at", st.NextAttempt, "err", err)
	return p.save(c, st, res)
}

// save stores the feed's state; an error storing it becomes the result's
// error when there is none yet.
func (p *Poller) save(c FeedConfig, st State, res PollResult) PollResult {
	if err := p.o.Store.Put(c.URL, st); err != nil {
		p.log.Error("feed state not stored", "feed", c.URL, "err", err)
		if res.Err == nil {
			res.Err = fmt.Errorf("poll %s: store feed state: %w", c.URL, err)
		}
	}
	return res
}
