package main

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
	"github.com/briefbot/briefbot/corpus/feed"
	"github.com/briefbot/briefbot/index"
	"github.com/briefbot/briefbot/index/state"
)

// feedTick is how often serve asks the poller which feeds are due; each
// feed's own schedule (feed_fetch.schedule by default) decides.
const feedTick = time.Minute

// newFetcher returns the Fetcher of cfg.
func newFetcher(cfg Config) *feed.Fetcher {
	timeout, _ := time.ParseDuration(cfg.FeedFetch.Timeout) // validated with the config
	size, _ := parseSize(cfg.FeedFetch.MaxSize)
	return &feed.Fetcher{Timeout: timeout, MaxBytes: size, BlockPrivate: !cfg.FeedFetch.AllowPrivate}
}

// feedStore keeps the poller's per-feed state in the state file.
type feedStore struct{ st *state.Store }

func (s feedStore) Get(url string) (feed.State, bool, error) {
	var v feed.State
	ok, err := s.st.FeedState(url, &v)
	return v, ok, err
}

func (s feedStore) Put(url string, v feed.State) error { return s.st.PutFeedState(url, v) }

// feedManager polls the feeds of the config file and those added in chat,
// and indexes what they bring while the bot answers. It is the Router's
// bot.FeedManager.
type feedManager struct {
	cfg     Config
	st      *state.Store
	x       *index.Index
	fetcher *feed.Fetcher
	log     *slog.Logger
	// onIngest, if set, sees each poll's ingest (metrics).
	onIngest func(st index.IngestStats, err error)
	onPoll   func(r feed.PollResult)

	mu     sync.Mutex
	poller *feed.Poller
	kick   chan struct{} // poll now (a feed was added)
}

var _ bot.FeedManager = (*feedManager)(nil)

func newFeedManager(cfg Config, st *state.Store, x *index.Index, log *slog.Logger) (*feedManager, error) {
	m := &feedManager{cfg: cfg, st: st, x: x, fetcher: newFetcher(cfg), log: log, kick: make(chan struct{}, 1)}
	if err := m.rebuild(); err != nil {
		return nil, err
	}
	return m, nil
}

// feeds returns the feeds to poll: the config's, then those added in chat.
func (m *feedManager) feeds() ([]feed.FeedConfig, error) {
	var out []feed.FeedConfig
	for _, f := range m.cfg.Feeds {
		out = append(out, feed.FeedConfig{URL: f.URL, Schedule: cmpOr(f.Schedule, m.cfg.FeedFetch.Schedule), Tags: f.Tags})
	}
	added, err := m.st.Feeds()
	if err != nil {
		return nil, err
	}
	for _, f := range added {
		out = append(out, feed.FeedConfig{URL: f.URL, Schedule: cmpOr(f.Schedule, m.cfg.FeedFetch.Schedule), Tags: f.Tags})
	}
	return out, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// rebuild makes a new Poller for the current feeds; their states stay in
// the store.
func (m *feedManager) rebuild() error {
	feeds, err := m.feeds()
	if err != nil {
		return err
	}
	p, err := feed.NewPoller(feed.Options{Feeds: feeds, Fetcher: m.fetcher, Store: feedStore{m.st}, Logger: m.log, Sink: m.sink})
	if err != nil {
		return fmt.Errorf("feeds: %w", err)
	}
	m.mu.Lock()
	m.poller = p
	m.mu.Unlock()
	return nil
}

func (m *feedManager) current() *feed.Poller {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.poller
}

// sink indexes one poll's new reports.
func (m *feedManager) sink(ctx context.Context, reports []bot.Report) error {
	st, err := m.x.Ingest(ctx, reports, nil)
	if m.onIngest != nil {
		m.onIngest(st, err)
	}
	if err != nil {
		return err
	}
	for _, c := range st.Cuts {
		m.log.Warn("feed article over budget, indexed in part", "report", c.ReportID, "origin", c.Origin, "cut", c.String())
	}
	m.log.Info("feed reports indexed", "added", st.Added, "updated", st.Updated, "merged", st.Merged, "unchanged", st.Unchanged)
	return nil
}

// Run polls the feeds that are due every feedTick, and at once after one
// was added, until ctx is done.
func (m *feedManager) Run(ctx context.Context) error {
	t := time.NewTicker(feedTick)
	defer t.Stop()
	for {
		for _, r := range m.current().PollAll(ctx) {
			if m.onPoll != nil && !r.NotDue {
				m.onPoll(r)
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-m.kick:
		}
	}
}

// Feeds lists the feeds with how polling them goes.
func (m *feedManager) Feeds(context.Context) ([]bot.FeedInfo, error) {
	status, err := m.current().Status()
	if err != nil {
		return nil, err
	}
	out := make([]bot.FeedInfo, len(status))
	for i, s := range status {
		out[i] = bot.FeedInfo{URL: s.URL, Title: s.Title, Schedule: s.Schedule, LastFetch: s.LastFetch,
			LastStatus: s.LastStatus, Failures: s.Failures, NextTry: s.NextAttempt, FromConfig: m.fromConfig(s.URL)}
	}
	return out, nil
}

func (m *feedManager) fromConfig(url string) bool {
	key, _ := feed.URLKey(url)
	return slices.ContainsFunc(m.cfg.Feeds, func(f FeedConf) bool { k, _ := feed.URLKey(f.URL); return k == key })
}

// AddFeed checks that url serves a feed and adds it.
func (m *feedManager) AddFeed(ctx context.Context, url, by string) (bot.FeedInfo, error) {
	canon, err := feed.CanonicalURL(url)
	if err != nil {
		return bot.FeedInfo{}, bot.Errorf(bot.EInvalid, "%q is not an http or https address.", url)
	}
	for _, f := range m.current().Feeds() {
		if k1, _ := feed.URLKey(f.URL); k1 == mustKey(canon) {
			return bot.FeedInfo{}, bot.Errorf(bot.EInvalid, "I already poll %s.", f.URL)
		}
	}
	resp, err := m.fetcher.Fetch(ctx, canon, feed.Validators{})
	var parsed *feed.Feed
	if err == nil {
		parsed, err = feed.Parse(resp.Body, canon)
	}
	if err != nil {
		m.log.Info("feed refused", "url", canon, "by", by, "err", err)
		return bot.FeedInfo{}, bot.Errorf(bot.EInvalid, "I could not add %s: %s.", canon, fetchProblem(err))
	}
	if err := m.st.PutFeed(state.FeedRecord{URL: canon, AddedBy: by, Added: time.Now().UTC()}); err != nil {
		return bot.FeedInfo{}, err
	}
	if err := m.rebuild(); err != nil {
		return bot.FeedInfo{}, err
	}
	select {
	case m.kick <- struct{}{}:
	default:
	}
	m.log.Info("feed added", "url", canon, "by", by, "items", len(parsed.Items))
	return bot.FeedInfo{URL: canon, Title: parsed.Title, Schedule: m.cfg.FeedFetch.Schedule}, nil
}

func mustKey(u string) string {
	k, _ := feed.URLKey(u)
	return k
}

// fetchProblem says in words why a feed could not be read.
func fetchProblem(err error) string {
	var se *feed.StatusError
	switch {
	case errors.As(err, &se):
		return "the server answered " + se.Status
	case errors.Is(err, feed.ErrNotFeed):
		return "it is not an RSS or Atom feed"
	case errors.Is(err, feed.ErrTooLarge):
		return "it is larger than feed_fetch.max_size"
	case errors.Is(err, feed.ErrTooManyRedirects):
		return "it redirects too many times"
	case errors.Is(err, context.DeadlineExceeded):
		return "it did not answer in time"
	case errors.Is(err, feed.ErrPrivateAddress):
		return "it is on a private or internal network (set feed_fetch.allow_private to allow that)"
	case errors.Is(err, feed.ErrNotHTTP):
		return "only http and https addresses can be polled"
	default:
		return "it could not be fetched or read as a feed"
	}
}

// RemoveFeed stops polling a feed added in chat.
func (m *feedManager) RemoveFeed(_ context.Context, url string) (bool, error) {
	key, err := feed.URLKey(url)
	if err != nil {
		return false, nil
	}
	added, err := m.st.Feeds()
	if err != nil {
		return false, err
	}
	for _, f := range added {
		if mustKey(f.URL) == key {
			if _, err := m.st.DeleteFeed(f.URL); err != nil {
				return false, err
			}
			return true, m.rebuild()
		}
	}
	return false, nil
}

// Reindex polls every feed now, whatever its schedule or back-off says,
// and tells what came of it: the chat command "reindex".
func (m *feedManager) Reindex(ctx context.Context) (string, error) {
	p := m.current()
	feeds := p.Feeds()
	if len(feeds) == 0 {
		return "I poll no feeds, so there is nothing to fetch again.", nil
	}
	var added, failed int
	var problems []string
	for _, f := range feeds {
		r := p.PollOnce(ctx, f.URL)
		if m.onPoll != nil {
			m.onPoll(r)
		}
		added += r.New
		if r.Err != nil {
			failed++
			problems = append(problems, f.URL+": "+fetchProblem(r.Err))
		}
	}
	text := fmt.Sprintf("Fetched %d feeds now: %d new or changed reports.", len(feeds), added)
	if failed > 0 {
		text += fmt.Sprintf(" %d failed: %s.", failed, strings.Join(problems, "; "))
	}
	return text, nil
}
