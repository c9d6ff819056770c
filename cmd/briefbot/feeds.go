package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus/feed"
	"github.com/briefbot/briefbot/index"
	"github.com/briefbot/briefbot/state"
)

// newFetcher returns the Fetcher of cfg.
func newFetcher(cfg Config) *feed.Fetcher {
	timeout, _ := time.ParseDuration(cfg.FeedFetch.Timeout) // validated with the config
	size, _ := parseSize(cfg.FeedFetch.MaxSize)
	return &feed.Fetcher{Timeout: timeout, MaxBytes: size, BlockPrivate: !cfg.FeedFetch.AllowPrivate}
}

// newFeedManager returns the feed.Manager of cfg: the config's feeds and
// those added in chat (kept in st), their new reports given to sink as
// they come (indexSink, or publishSink with a database); met, if not nil,
// counts polls.
func newFeedManager(cfg Config, st state.Backend, sink func(context.Context, []bot.Report) error, log *slog.Logger, met *metrics) (*feed.Manager, error) {
	var configured []feed.FeedConfig
	for _, f := range cfg.Feeds {
		configured = append(configured, feed.FeedConfig{URL: f.URL, Schedule: f.Schedule, Tags: f.Tags})
	}
	opts := feed.ManagerOptions{Configured: configured, Schedule: cfg.FeedFetch.Schedule, Fetcher: newFetcher(cfg),
		Store: feedStore{st}, Sink: sink, Logger: log}
	if met != nil {
		opts.OnPoll = met.onPoll
	}
	return feed.NewManager(opts)
}

// indexSink returns a feed sink that indexes reports into x; met, if not
// nil, counts the ingests.
func indexSink(x *index.Index, log *slog.Logger, met *metrics) func(context.Context, []bot.Report) error {
	return func(ctx context.Context, reports []bot.Report) error {
		stats, err := x.Ingest(ctx, reports, nil)
		if met != nil {
			met.onIngest(stats, err)
		}
		if err != nil {
			return err
		}
		for _, c := range stats.Cuts {
			log.Warn("feed article over budget, indexed in part", "report", c.ReportID, "origin", c.Origin, "cut", c.String())
		}
		log.Info("feed reports indexed", "added", stats.Added, "updated", stats.Updated, "merged", stats.Merged, "unchanged", stats.Unchanged)
		return nil
	}
}

// feedStore keeps the feed.Manager's feeds and polling states in the
// state file.
type feedStore struct{ st state.Backend }

var _ feed.ManagerStore = feedStore{}

func (s feedStore) Get(url string) (feed.State, bool, error) {
	var v feed.State
	ok, err := s.st.FeedState(url, &v)
	return v, ok, err
}

func (s feedStore) Put(url string, v feed.State) error { return s.st.PutFeedState(url, v) }

func (s feedStore) AddedFeeds() ([]feed.Added, error) {
	recs, err := s.st.Feeds()
	out := make([]feed.Added, len(recs))
	for i, r := range recs {
		out[i] = feed.Added{URL: r.URL, Schedule: r.Schedule, Tags: r.Tags, AddedBy: r.AddedBy, Added: r.Added}
	}
	return out, err
}

func (s feedStore) PutAdded(f feed.Added) error {
	return s.st.PutFeed(state.FeedRecord{URL: f.URL, Schedule: f.Schedule, Tags: f.Tags, AddedBy: f.AddedBy, Added: f.Added})
}

func (s feedStore) DeleteAdded(url string) (bool, error) { return s.st.DeleteFeed(url) }
