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
)

// DefaultTick is how often a Manager asks its Poller which feeds are due;
// each feed's own schedule decides.
const DefaultTick = time.Minute

// Added is a feed added in chat (`sources add URL`). Feeds from the config
// file are not stored: the file is their record.
type Added struct {
	URL      string
	Schedule string // cron spec; "" means the Manager's default
	Tags     []string
	AddedBy  string // platform:user of who added it
	Added    time.Time
}

// ManagerStore keeps the feeds added in chat, and every feed's polling
// state. Implementations must be safe for concurrent use.
type ManagerStore interface {
	Store
	AddedFeeds() ([]Added, error)
	PutAdded(Added) error
	// DeleteAdded removes an added feed and its polling state, and
	// reports whether it was there.
	DeleteAdded(url string) (bool, error)
}

// ManagerOptions configure a Manager. Store and Sink are required.
type ManagerOptions struct {
	// Configured are the feeds of the config file: always polled, never
	// removed in chat.
	Configured []FeedConfig
	// Schedule is the cron spec of feeds that name none; "" means the
	// Poller's default interval.
	Schedule string
	Fetcher  *Fetcher // nil means a Fetcher with its defaults
	Store    ManagerStore
	// Sink indexes the new reports of one poll of one feed.
	Sink func(ctx context.Context, reports []bot.Report) error
	// OnPoll, if set, sees the result of every poll of a feed that was
	// due (metrics).
	OnPoll func(PollResult)
	Logger *slog.Logger  // nil means no logging
	Tick   time.Duration // 0 means DefaultTick
}

// Manager polls the feeds of the config file and those added in chat, and
// lets admins add and remove feeds while it runs: it is the Router's
// bot.FeedManager. It is safe for concurrent use.
type Manager struct {
	opts ManagerOptions
	kick chan struct{} // poll now (a feed was added)

	mu     sync.Mutex
	poller *Poller
}

var _ bot.FeedManager = (*Manager)(nil)

// NewManager returns a Manager of the configured and added feeds. An
// invalid feed URL or schedule is an error.
func NewManager(opts ManagerOptions) (*Manager, error) {
	if opts.Store == nil || opts.Sink == nil {
		return nil, errors.New("feeds: a Manager needs a Store and a Sink")
	}
	if opts.Fetcher == nil {
		opts.Fetcher = &Fetcher{}
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Tick <= 0 {
		opts.Tick = DefaultTick
	}
	m := &Manager{opts: opts, kick: make(chan struct{}, 1)}
	if err := m.rebuild(); err != nil {
		return nil, err
	}
	return m, nil
}

// feeds returns the feeds to poll: the configured ones, then those added
// in chat.
func (m *Manager) feeds() ([]FeedConfig, error) {
	var out []FeedConfig
	for _, f := range m.opts.Configured {
		f.Schedule = cmpOr(f.Schedule, m.opts.Schedule)
		out = append(out, f)
	}
	added, err := m.opts.Store.AddedFeeds()
	if err != nil {
		return nil, err
	}
	for _, f := range added {
		out = append(out, FeedConfig{URL: f.URL, Schedule: cmpOr(f.Schedule, m.opts.Schedule), Tags: f.Tags})
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
func (m *Manager) rebuild() error {
	feeds, err := m.feeds()
	if err != nil {
		return err
	}
	p, err := NewPoller(Options{Feeds: feeds, Fetcher: m.opts.Fetcher, Store: m.opts.Store, Logger: m.opts.Logger, Sink: m.opts.Sink})
	if err != nil {
		return fmt.Errorf("feeds: %w", err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.poller = p
	return nil
}

// Reload reads the feeds added in chat again and, when they changed,
// polls the new set: call it when another process (a replica on the same
// database) may have added or removed one.
func (m *Manager) Reload() error {
	feeds, err := m.feeds()
	if err != nil {
		return err
	}
	if slices.EqualFunc(feeds, m.Poller().Feeds(), func(a, b FeedConfig) bool {
		return a.URL == b.URL && a.Schedule == b.Schedule && slices.Equal(a.Tags, b.Tags)
	}) {
		return nil
	}
	return m.rebuild()
}

// Poller returns the Poller of the feeds as they are now.
func (m *Manager) Poller() *Poller {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.poller
}

// Run polls the feeds that are due every Tick, and at once after one was
// added, until ctx is done.
func (m *Manager) Run(ctx context.Context) error {
	t := time.NewTicker(m.opts.Tick)
	defer t.Stop()
	for {
		for _, r := range m.Poller().PollAll(ctx) {
			if m.opts.OnPoll != nil && !r.NotDue {
				m.opts.OnPoll(r)
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
func (m *Manager) Feeds(context.Context) ([]bot.FeedInfo, error) {
	status, err := m.Poller().Status()
	if err != nil {
		return nil, err
	}
	out := make([]bot.FeedInfo, len(status))
	for i, s := range status {
		out[i] = bot.FeedInfo{URL: s.URL, Title: s.Title, Schedule: s.Schedule, LastFetch: s.LastFetch,
			LastStatus: s.LastStatus, Failures: s.Failures, NextTry: s.NextAttempt, FromConfig: m.configured(s.URL)}
	}
	return out, nil
}

// configured reports whether url is a feed of the config file.
func (m *Manager) configured(url string) bool {
	key := urlKey(url)
	return slices.ContainsFunc(m.opts.Configured, func(f FeedConfig) bool { return urlKey(f.URL) == key })
}

// urlKey is URLKey without its error: "" for an address that has none.
func urlKey(u string) string {
	k, _ := URLKey(u)
	return k
}

// AddFeed checks that url serves a feed and starts polling it; by names
// who asked. A URL that is no feed or cannot be fetched is a *bot.Error
// that says why (see Problem).
func (m *Manager) AddFeed(ctx context.Context, url, by string) (bot.FeedInfo, error) {
	canon, err := CanonicalURL(url)
	if err != nil {
		return bot.FeedInfo{}, bot.Errorf(bot.EInvalid, "%q is not an http or https address.", url)
	}
	for _, f := range m.Poller().Feeds() {
		if urlKey(f.URL) == urlKey(canon) {
			return bot.FeedInfo{}, bot.Errorf(bot.EInvalid, "I already poll %s.", f.URL)
		}
	}
	resp, err := m.opts.Fetcher.Fetch(ctx, canon, Validators{})
	var parsed *Feed
	if err == nil {
		parsed, err = Parse(resp.Body, canon)
	}
	if err != nil {
		m.opts.Logger.Info("feed refused", "url", canon, "by", by, "err", err)
		return bot.FeedInfo{}, bot.Errorf(bot.EInvalid, "I could not add %s: %s.", canon, Problem(err))
	}
	if err := m.opts.Store.PutAdded(Added{URL: canon, AddedBy: by, Added: time.Now().UTC()}); err != nil {
		return bot.FeedInfo{}, err
	}
	if err := m.rebuild(); err != nil {
		return bot.FeedInfo{}, err
	}
	select {
	case m.kick <- struct{}{}:
	default:
	}
	m.opts.Logger.Info("feed added", "url", canon, "by", by, "items", len(parsed.Items))
	return bot.FeedInfo{URL: canon, Title: parsed.Title, Schedule: m.opts.Schedule}, nil
}

// RemoveFeed stops polling a feed added in chat; false when no such feed
// was added (a configured feed is removed from the config file).
func (m *Manager) RemoveFeed(_ context.Context, url string) (bool, error) {
	key := urlKey(url)
	if key == "" {
		return false, nil
	}
	added, err := m.opts.Store.AddedFeeds()
	if err != nil {
		return false, err
	}
	for _, f := range added {
		if urlKey(f.URL) == key {
			if _, err := m.opts.Store.DeleteAdded(f.URL); err != nil {
				return false, err
			}
			return true, m.rebuild()
		}
	}
	return false, nil
}

// Reindex polls every feed now, whatever its schedule or back-off says,
// and tells what came of it: the chat command "reindex".
func (m *Manager) Reindex(ctx context.Context) (string, error) {
	p := m.Poller()
	feeds := p.Feeds()
	if len(feeds) == 0 {
		return "I poll no feeds, so there is nothing to fetch again.", nil
	}
	var added, failed int
	var problems []string
	for _, f := range feeds {
		r := p.PollOnce(ctx, f.URL)
		if m.opts.OnPoll != nil {
			m.opts.OnPoll(r)
		}
		added += r.New
		if r.Err != nil {
			failed++
			problems = append(problems, f.URL+": "+Problem(r.Err))
		}
	}
	text := fmt.Sprintf("Fetched %d feeds now: %d new or changed reports.", len(feeds), added)
	if failed > 0 {
		text += fmt.Sprintf(" %d failed: %s.", failed, strings.Join(problems, "; "))
	}
	return text, nil
}

// Problem says in words a user understands why a feed or a page could not
// be read: "the server answered 404 Not Found", "it is not an RSS or Atom
// feed", … It is the one wording of fetch errors for users.
func Problem(err error) string {
	var se *StatusError
	switch {
	case errors.As(err, &se):
		return "the server answered " + se.Status
	case errors.Is(err, ErrNotFeed):
		return "it is not an RSS or Atom feed"
	case errors.Is(err, ErrTooLarge):
		return "it is larger than feed_fetch.max_size"
	case errors.Is(err, ErrTooManyRedirects):
		return "it redirects too many times"
	case errors.Is(err, context.DeadlineExceeded):
		return "it did not answer in time"
	case errors.Is(err, ErrPrivateAddress):
		return "it is on a private or internal network (set feed_fetch.allow_private to allow that)"
	case errors.Is(err, ErrNotHTTP):
		return "only http and https addresses can be polled"
	default:
		return "it could not be fetched or read as a feed"
	}
}
