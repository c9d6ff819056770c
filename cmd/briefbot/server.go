package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/briefbot/briefbot/adapters/console"
	"github.com/briefbot/briefbot/adapters/discord"
	"github.com/briefbot/briefbot/adapters/slack"
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/delivery"
	"github.com/briefbot/briefbot/corpus/feed"
	"github.com/briefbot/briefbot/index"
	"github.com/briefbot/briefbot/state"
	"github.com/briefbot/briefbot/state/pgstore"
)

// shutdownTimeout bounds the graceful shutdown of the HTTP server.
const shutdownTimeout = 10 * time.Second

// Server is `briefbot serve` wired together: the index and the state
// store, the Router, the chat adapters, scheduled digests, feed polling,
// and one HTTP server for Slack's and Discord's requests, /healthz, /readyz
// and /metrics. NewServer builds it, Run serves until its context ends,
// and Close releases what NewServer opened.
type Server struct {
	cfg     Config
	log     *slog.Logger
	met     *metrics
	x       *index.Index
	st      state.Backend
	pg      *pgstore.Store // the same as st with a database; nil without
	feeds   *feed.Manager
	digests *delivery.Service // without a database
	work    *scheduled        // with a database: digests and feeds while leading
	// leaderRuns run beside digests and feeds while this replica leads
	// (the Discord gateway, with a database).
	leaderRuns []func(ctx context.Context)
	reports    *pgstore.Follower // with a database: keeps the index in step with the reports table
	router     *bot.Router
	mux        *http.ServeMux
	ln         net.Listener
	audit      *os.File
	parts      []part // chat adapters first, then feeds and digests
	chats      []string
	posters    map[bot.Platform]bot.DigestPoster
}

// part is one thing Server.Run runs beside the HTTP server.
type part struct {
	name  string
	run   func(ctx context.Context, h bot.Handler) error
	ready func() bool
}

// NewServer builds the server of cfg (whose Listen is final): it creates
// the chat adapters the environment configures (else the console on
// e.stdin and e.stdout), opens the index (building the default corpus into
// an empty one) and the state store, and listens on cfg.Listen. Settings
// that cannot work are an error before anything is opened. Call Close when
// done, whether Run was called or not.
func NewServer(ctx context.Context, cfg Config, e env) (_ *Server, err error) {
	s := &Server{cfg: cfg, met: newMetrics(), mux: http.NewServeMux(), posters: map[bot.Platform]bot.DigestPoster{}}
	s.log = slog.New(s.met.logHandler(newLogger(cfg, e).Handler()))
	if err := s.addChats(e); err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			s.Close()
		}
	}()
	if err = s.openData(ctx, e); err != nil {
		return nil, err
	}
	s.met.watchIndex(s.x)
	if err = syncConfigSubscriptions(s.st, cfg, time.Now()); err != nil {
		return nil, err
	}
	sink := indexSink(s.x, s.log, s.met)
	if s.pg != nil {
		sink = publishSink(s.pg, s.log)
		if err = s.followReports(); err != nil {
			return nil, err
		}
	}
	if s.feeds, err = newFeedManager(cfg, s.st, sink, s.log, s.met); err != nil {
		return nil, err
	}
	b := newBot(s.x, cfg)
	if s.router, err = s.newRouter(b); err != nil {
		return nil, err
	}
	s.addScheduled(b)
	s.routes()
	if s.ln, err = net.Listen("tcp", cfg.Listen); err != nil {
		return nil, fmt.Errorf("listen on %s: %w", cfg.Listen, err)
	}
	return s, nil
}

// openData opens the index and the state store. Without a database: the
// index (built from the default corpus when new) and state.db in the data
// folder. With one: the database, then the index, which follows the
// database's reports table (see openReplicaIndex).
func (s *Server) openData(ctx context.Context, e env) error {
	var err error
	if s.cfg.Database == "" {
		if s.x, err = openIndex(ctx, s.cfg, e, true); err != nil {
			return err
		}
		st, err := state.Open(s.cfg.DataDir)
		if err != nil {
			return err
		}
		s.st = st
		return nil
	}
	pg, err := pgstore.Open(ctx, s.cfg.Database, pgstore.Options{})
	if err != nil {
		return err
	}
	s.st, s.pg = pg, pg
	s.log.Info("state in PostgreSQL", "database", pgstore.Redact(s.cfg.Database))
	s.x, err = openReplicaIndex(ctx, s.cfg, e, pg)
	return err
}

// addScheduled adds the digests and feed polling: run by this process
// alone without a database, by the replica that leads with one.
func (s *Server) addScheduled(b *bot.Bot) {
	opts := delivery.Options{Bot: b, Store: s.st, Posters: s.posters, DrawChart: drawChart,
		DefaultTZ: s.cfg.Digests.Timezone, NoCatchUp: !s.cfg.Digests.CatchUp, Logger: s.log}
	if s.pg == nil {
		s.digests = delivery.New(opts)
		s.parts = append(s.parts,
			part{name: "feeds", run: func(ctx context.Context, _ bot.Handler) error { return s.feeds.Run(ctx) }, ready: func() bool { return true }},
			part{name: "digests", run: func(ctx context.Context, _ bot.Handler) error { return s.digests.Run(ctx) }, ready: closed(s.digests.Resumed())})
		return
	}
	opts.ShutdownGrace = leaderGrace
	s.met.setLeader(false)
	lopts := leaderOptions
	lopts.Logger, lopts.OnChange, lopts.OnError = s.log, s.met.setLeader, s.met.onDatabaseError
	s.work = &scheduled{leader: s.pg.Leader(lopts), feeds: s.feeds, log: s.log, also: s.leaderRuns, pg: s.pg,
		caughtUp:   s.reports.CaughtUp(),
		newDigests: func() *delivery.Service { return delivery.New(opts) }}
	s.parts = append(s.parts, part{name: "scheduled work", run: func(ctx context.Context, _ bot.Handler) error { return s.work.run(ctx) },
		ready: s.work.ready})
}

// reloadDigests reschedules the digests after a subscription changed.
func (s *Server) reloadDigests() error {
	if s.work != nil {
		return s.work.Reload()
	}
	return s.digests.Reload()
}

// addChats creates the chat adapters the environment configures (Slack,
// Discord, or both), registering their HTTP handlers, else the console.
// Nothing connects yet.
func (s *Server) addChats(e env) error {
	slackOpts, withSlack, err := slackOptions(s.cfg.Slack, e.getenv)
	if err != nil {
		return err
	}
	discordOpts, withDiscord, err := discordOptions(s.cfg.Discord, e.getenv)
	if err != nil {
		return err
	}
	if withSlack {
		if err := s.addSlack(slackOpts); err != nil {
			return err
		}
	}
	if withDiscord {
		if err := s.addDiscord(discordOpts); err != nil {
			return err
		}
	}
	if !withSlack && !withDiscord {
		style := console.Plain
		if e.stdoutTTY {
			style = console.ANSI
		}
		ca := &console.Adapter{In: e.stdin, Out: e.stdout, Prompt: "> ", Style: style}
		s.posters[bot.Console] = s.met.poster(bot.Console, ca)
		run := func(ctx context.Context, h bot.Handler) error {
			fmt.Fprintln(e.stdout, "briefbot: no chat platform configured, so chatting here. Type help for commands, quit to stop.")
			return ca.Run(ctx, h)
		}
		s.addChat(part{name: "console", run: run, ready: func() bool { return true }})
	}
	return nil
}

func (s *Server) addChat(p part) {
	s.parts = append(s.parts, p)
	s.chats = append(s.chats, p.name)
}

func (s *Server) addSlack(opts slack.Options) error {
	opts.Logger = s.log
	if s.cfg.Database != "" { // replicas answer each message once between them
		opts.Claim = func(ctx context.Context, key string) (bool, error) { return s.pg.Claim(ctx, key) }
	}
	sa, err := slack.New(opts)
	if err != nil {
		return err
	}
	if opts.SigningSecret != "" {
		sa.Register(s.mux)
	}
	s.posters[bot.Slack] = s.met.poster(bot.Slack, sa)
	s.addChat(part{name: "slack (" + sa.Mode() + ")", run: sa.Run, ready: closed(sa.Ready())})
	return nil
}

func (s *Server) addDiscord(opts discord.Options) error {
	routeDiscordgoLogs(s.log)
	opts.Logger = s.log
	if s.cfg.Database != "" && opts.BotToken != "" && !opts.NoGateway {
		return s.addDiscordReplica(opts)
	}
	da, err := discord.New(opts)
	if err != nil {
		return err
	}
	if opts.PublicKey != "" {
		da.Register(s.mux)
	}
	if opts.BotToken != "" {
		s.posters[bot.Discord] = s.met.poster(bot.Discord, da) // posting needs the bot token
	}
	s.addChat(part{name: "discord (" + da.Mode() + ")", run: da.Run, ready: closed(da.Ready())})
	return nil
}

// closed returns whether ch is closed yet, as a ready func.
func closed(ch <-chan struct{}) func() bool {
	return func() bool {
		select {
		case <-ch:
			return true
		default:
			return false
		}
	}
}

// newRouter returns the Router of the server, with its audit log opened.
func (s *Server) newRouter(b *bot.Bot) (*bot.Router, error) {
	opts := bot.RouterOptions{Logger: s.log, DrawChart: drawChart, Subscriptions: s.st, Admins: s.cfg.Admins.ByPlatform(),
		Channels: s.cfg.Channels.ByPlatform(), DefaultTZ: s.cfg.Digests.Timezone, Sources: sourcesText(s.x),
		Feeds: s.feeds, Reindex: s.feeds.Reindex, Observe: s.met.observe,
		OnSubscriptionsChanged: func() {
			if err := s.reloadDigests(); err != nil {
				s.log.Error("reschedule digests", "err", err)
			}
		}}
	if s.cfg.AuditLog != "" {
		f, err := os.OpenFile(s.cfg.AuditLog, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
		if err != nil {
			return nil, fmt.Errorf("audit log: %w", err)
		}
		s.audit, opts.Audit = f, f
	}
	return bot.NewRouter(b, opts), nil
}

// routes adds /healthz, /readyz and /metrics to the adapters' handlers.
func (s *Server) routes() {
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok\n") // the process is up
	})
	s.mux.Handle("GET /metrics", s.met.handler())
	s.mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if _, err := s.x.Counts(); err != nil {
			s.log.Error("readyz: index not usable", "err", err)
			http.Error(w, "index not usable", http.StatusServiceUnavailable)
			return
		}
		for _, p := range s.parts {
			if !p.ready() {
				http.Error(w, p.name+" is not ready", http.StatusServiceUnavailable)
				return
			}
		}
		io.WriteString(w, "ready\n")
		if s.pg != nil {
			io.WriteString(w, s.databaseStatus(r.Context()))
		}
	})
}

// Addr is the address the server listens on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Chats names the chat adapters it runs: "slack (events)", "console".
func (s *Server) Chats() []string { return s.chats }

// Run serves HTTP and runs the adapters, feeds and digests until ctx is
// done or one of them stops for good, then stops the others gracefully:
// the HTTP server takes no new requests and the answers under way finish.
// It returns nil after a shutdown by ctx.
func (s *Server) Run(ctx context.Context) error {
	srv := &http.Server{Handler: s.mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn)}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	type result struct {
		name string
		err  error
	}
	done := make(chan result, len(s.parts)+1)
	go func() {
		err := srv.Serve(s.ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		done <- result{"http server", err}
	}()
	for _, p := range s.parts {
		go func() { done <- result{p.name, p.run(runCtx, s.router)} }()
	}
	first := <-done
	stop()
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		s.log.Warn("http server shutdown", "err", err)
	}
	results := []result{first}
	for range s.parts {
		results = append(results, <-done)
	}
	var errs []error
	for _, r := range results {
		if r.err != nil && !errors.Is(r.err, context.Canceled) {
			errs = append(errs, fmt.Errorf("%s: %w", r.name, r.err))
		}
	}
	return errors.Join(errs...)
}

// Close releases what NewServer opened: the listener (when Run did not
// close it), the audit log, the state store and the index. Call it after
// Run has returned.
func (s *Server) Close() error {
	var errs []error
	if s.ln != nil {
		if err := s.ln.Close(); err != nil && !errors.Is(err, net.ErrClosed) {
			errs = append(errs, err)
		}
	}
	if s.audit != nil {
		errs = append(errs, s.audit.Close())
	}
	if s.st != nil {
		errs = append(errs, s.st.Close())
	}
	if s.x != nil {
		errs = append(errs, s.x.Close())
	}
	return errors.Join(errs...)
}
