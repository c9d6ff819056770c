package main

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus/feed"
	"github.com/briefbot/briefbot/index"
	"github.com/briefbot/briefbot/state/pgstore"
)

// metrics are serve's Prometheus metrics, served at GET /metrics. Names
// start with briefbot_; see metricsHelp in the README.
type metrics struct {
	reg            *prometheus.Registry
	questions      *prometheus.CounterVec   // platform, outcome
	answerSeconds  *prometheus.HistogramVec // platform
	ingested       *prometheus.CounterVec   // outcome
	ingestErrors   prometheus.Counter
	feedPolls      *prometheus.CounterVec // outcome
	digestPosts    *prometheus.CounterVec // platform, outcome
	platformErrors *prometheus.CounterVec // platform
	leader         prometheus.Gauge
	dbErrors       prometheus.Counter
}

// newMetrics returns serve's metrics; watchIndex adds the index's.
func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "briefbot_questions_total",
			Help: "Messages answered, by platform and outcome (answered, no_match, error)."}, []string{"platform", "outcome"}),
		answerSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "briefbot_answer_seconds",
			Help:    "Time to compose an answer, by platform.",
			Buckets: []float64{.005, .01, .02, .05, .1, .25, .5, 1, 2.5, 5}}, []string{"platform"}),
		ingested: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "briefbot_ingested_reports_total",
			Help: "Reports from feeds put into the index, by outcome (added, updated, unchanged, merged)."}, []string{"outcome"}),
		ingestErrors: prometheus.NewCounter(prometheus.CounterOpts{Name: "briefbot_ingest_errors_total",
			Help: "Ingests of feed reports that failed."}),
		feedPolls: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "briefbot_feed_polls_total",
			Help: "Feed polls, by outcome (ok, not_modified, error)."}, []string{"outcome"}),
		digestPosts: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "briefbot_digest_posts_total",
			Help: "Digest posts to chat platforms, by platform and outcome (posted, failed)."}, []string{"platform", "outcome"}),
		platformErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "briefbot_platform_errors_total",
			Help: "Errors talking to a chat platform (failed posts, lost connections), by platform."}, []string{"platform"}),
		leader: prometheus.NewGauge(prometheus.GaugeOpts{Name: "briefbot_leader",
			Help: "1 while this replica runs the scheduled work (digests, feed polling): always without a database, while it holds the lead with one."}),
		dbErrors: prometheus.NewCounter(prometheus.CounterOpts{Name: "briefbot_database_errors_total",
			Help: "Errors talking to PostgreSQL (following the reports table, the leader election, readiness checks)."}),
	}
	m.leader.Set(1)
	m.reg.MustRegister(m.leader, m.dbErrors, m.questions, m.answerSeconds, m.ingested, m.ingestErrors, m.feedPolls, m.digestPosts, m.platformErrors,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// setLeader records whether this replica leads (pgstore.LeaderOptions.OnChange).
func (m *metrics) setLeader(leading bool) {
	if leading {
		m.leader.Set(1)
	} else {
		m.leader.Set(0)
	}
}

// onDatabaseError counts an error talking to the database.
func (m *metrics) onDatabaseError(error) { m.dbErrors.Inc() }

// watchReports adds the index's lag behind the reports table.
func (m *metrics) watchReports(f *pgstore.Follower) {
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "briefbot_index_lag",
		Help: "Changes of the database's reports table this replica's index has not applied yet (-1 when the database does not answer)."},
		func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			lag, err := f.Lag(ctx)
			if err != nil {
				m.onDatabaseError(err)
				return -1
			}
			return float64(lag)
		}))
}

// watchIndex adds the sizes of x to the metrics.
func (m *metrics) watchIndex(x *index.Index) { m.reg.MustRegister(&indexCollector{x: x}) }

// handler serves the metrics.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// observe is the Router's Observe hook.
func (m *metrics) observe(msg bot.Message, r bot.Reply, took time.Duration) {
	outcome := "answered"
	switch {
	case r.IsError:
		outcome = "error"
	case r.Answer != nil && r.Answer.NoMatch:
		outcome = "no_match"
	}
	platform := string(msg.Platform)
	if platform == "" {
		platform = "unknown"
	}
	m.questions.WithLabelValues(platform, outcome).Inc()
	m.answerSeconds.WithLabelValues(platform).Observe(took.Seconds())
}

// onIngest counts one ingest of feed reports.
func (m *metrics) onIngest(st index.IngestStats, err error) {
	if err != nil {
		m.ingestErrors.Inc()
	}
	m.ingested.WithLabelValues("added").Add(float64(st.Added))
	m.ingested.WithLabelValues("updated").Add(float64(st.Updated))
	m.ingested.WithLabelValues("unchanged").Add(float64(st.Unchanged))
	m.ingested.WithLabelValues("merged").Add(float64(st.Merged))
}

// onPoll counts one feed poll.
func (m *metrics) onPoll(r feed.PollResult) {
	switch {
	case r.Err != nil:
		m.feedPolls.WithLabelValues("error").Inc()
	case r.NotModified:
		m.feedPolls.WithLabelValues("not_modified").Inc()
	default:
		m.feedPolls.WithLabelValues("ok").Inc()
	}
}

// poster counts the digest posts of p.
func (m *metrics) poster(platform bot.Platform, p bot.DigestPoster) bot.DigestPoster {
	return countingPoster{DigestPoster: p, platform: platform, m: m}
}

type countingPoster struct {
	bot.DigestPoster
	platform bot.Platform
	m        *metrics
}

func (c countingPoster) PostDigest(ctx context.Context, channel string, r bot.Reply, id string, have []int) (string, error) {
	ref, err := c.DigestPoster.PostDigest(ctx, channel, r, id, have)
	outcome := "posted"
	if err != nil {
		outcome = "failed"
		c.m.platformErrors.WithLabelValues(string(c.platform)).Inc()
	}
	c.m.digestPosts.WithLabelValues(string(c.platform), outcome).Inc()
	return ref, err
}

// logHandler counts the error records the chat adapters log (their
// messages start with "slack:" or "discord:") as platform errors.
func (m *metrics) logHandler(h slog.Handler) slog.Handler { return &errorCounter{h: h, m: m} }

type errorCounter struct {
	h slog.Handler
	m *metrics
}

func (e *errorCounter) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelError || e.h.Enabled(ctx, l)
}

func (e *errorCounter) Handle(ctx context.Context, r slog.Record) error {
	if r.Level >= slog.LevelError {
		for _, p := range bot.ChatPlatforms {
			if strings.HasPrefix(r.Message, string(p)+":") {
				e.m.platformErrors.WithLabelValues(string(p)).Inc()
			}
		}
	}
	if !e.h.Enabled(ctx, r.Level) {
		return nil
	}
	return e.h.Handle(ctx, r)
}

func (e *errorCounter) WithAttrs(as []slog.Attr) slog.Handler {
	return &errorCounter{h: e.h.WithAttrs(as), m: e.m}
}

func (e *errorCounter) WithGroup(name string) slog.Handler {
	return &errorCounter{h: e.h.WithGroup(name), m: e.m}
}

// indexCollector reports the index's size when scraped.
type indexCollector struct{ x *index.Index }

var (
	indexDocs = prometheus.NewDesc("briefbot_index_documents", "Documents in the index, by type (reports, passages, relations) and source type.",
		[]string{"type", "source_type"}, nil)
	indexBytes = prometheus.NewDesc("briefbot_index_bytes", "Size of the index folder on disk.", nil, nil)
	lastIngest = prometheus.NewDesc("briefbot_index_last_ingest_timestamp_seconds", "When a report was last written to the index.", nil, nil)
)

func (c *indexCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- indexDocs
	ch <- indexBytes
	ch <- lastIngest
}

func (c *indexCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	st, err := c.x.Stats(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(indexDocs, err)
		return
	}
	for typ, counts := range st.BySourceType {
		ch <- prometheus.MustNewConstMetric(indexDocs, prometheus.GaugeValue, float64(counts.Reports), "reports", typ)
		ch <- prometheus.MustNewConstMetric(indexDocs, prometheus.GaugeValue, float64(counts.Passages), "passages", typ)
		ch <- prometheus.MustNewConstMetric(indexDocs, prometheus.GaugeValue, float64(counts.Relations), "relations", typ)
	}
	ch <- prometheus.MustNewConstMetric(indexBytes, prometheus.GaugeValue, float64(st.SizeBytes))
	if !st.LastIngest.IsZero() {
		ch <- prometheus.MustNewConstMetric(lastIngest, prometheus.GaugeValue, float64(st.LastIngest.UnixNano())/1e9)
	}
}
