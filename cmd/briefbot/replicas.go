package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/briefbot/briefbot/adapters/discord"
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/delivery"
	"github.com/briefbot/briefbot/corpus/feed"
	"github.com/briefbot/briefbot/state/pgstore"
)

// Timing of the leader election and of the leader's work on a database;
// tests shorten them.
var (
	leaderOptions = pgstore.LeaderOptions{} // the defaults: retry and check every second, settle 2 s
	// leaderGrace is how long a digest post under way may go on after
	// the replica stopped leading; less than LeaderOptions.Settle, so
	// that it is over before another replica starts.
	leaderGrace = time.Second
	// reloadEvery is how often the leader reads the subscriptions and
	// feeds again, to see those that other replicas changed in chat.
	reloadEvery = 15 * time.Second
	// claimsKept is how long claims on chat messages are kept: longer than
	// any platform redelivers a message.
	claimsKept = 24 * time.Hour
)

// scheduled is the scheduled work of a replica on a database: digests and
// feed polling, run only while the replica leads (see pgstore.Leader).
// Each term of leadership gets a new delivery.Service, which finishes the
// pending deliveries of the term before and posts the digests missed.
type scheduled struct {
	leader     *pgstore.Leader
	newDigests func() *delivery.Service
	feeds      *feed.Manager
	pg         *pgstore.Store              // its old claims are pruned
	also       []func(ctx context.Context) // more work of the leader (the Discord gateway)
	// caughtUp is closed once the index has applied the reports table as
	// it was at start: digests composed before would miss reports.
	caughtUp <-chan struct{}
	log      *slog.Logger

	mu      sync.Mutex
	digests *delivery.Service // of the current term; nil while following
}

// run campaigns and leads until ctx is done.
func (w *scheduled) run(ctx context.Context) error { return w.leader.Run(ctx, w.lead) }

// lead runs one term's digests and feed polling until ctx is done.
func (w *scheduled) lead(ctx context.Context) {
	select {
	case <-w.caughtUp:
	case <-ctx.Done():
		return
	}
	d := w.newDigests()
	w.mu.Lock()
	w.digests = d
	w.mu.Unlock()
	defer func() {
		w.mu.Lock()
		w.digests = nil
		w.mu.Unlock()
	}()
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := d.Run(ctx); err != nil && ctx.Err() == nil {
			w.log.Error("digests stopped", "err", err)
		}
	})
	wg.Go(func() {
		if err := w.feeds.Run(ctx); err != nil && ctx.Err() == nil {
			w.log.Error("feed polling stopped", "err", err)
		}
	})
	wg.Go(func() { w.reloadLoop(ctx) })
	for _, run := range w.also {
		wg.Go(func() { run(ctx) })
	}
	wg.Wait()
}

// reloadLoop reads subscriptions and feeds again every reloadEvery.
func (w *scheduled) reloadLoop(ctx context.Context) {
	t := time.NewTicker(reloadEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if err := w.Reload(); err != nil {
			w.log.Error("reschedule digests", "err", err)
		}
		if err := w.feeds.Reload(); err != nil {
			w.log.Error("reload feeds", "err", err)
		}
		if _, err := w.pg.PruneClaims(ctx, claimsKept); err != nil && ctx.Err() == nil {
			w.log.Warn("prune claims", "err", err)
		}
	}
}

// Reload reschedules the digests, when this replica leads.
func (w *scheduled) Reload() error {
	w.mu.Lock()
	d := w.digests
	w.mu.Unlock()
	if d == nil {
		return nil
	}
	return d.Reload()
}

// ready reports whether the replica has settled its part: it follows
// another leader, or it leads and has done its start-up digest checks.
func (w *scheduled) ready() bool {
	switch w.leader.Phase() {
	case pgstore.Following:
		return true
	case pgstore.Leading:
		w.mu.Lock()
		d := w.digests
		w.mu.Unlock()
		return d != nil && closed(d.Resumed())()
	}
	return false
}

// Leading reports whether this server runs the scheduled work: always
// without a database, while it holds the lead with one.
func (s *Server) Leading() bool {
	return s.work == nil || s.work.leader.Phase() == pgstore.Leading
}

// addDiscordReplica sets Discord up for one replica of several. A gateway
// session gives every message to every connection of its shard, so that
// two replicas on the gateway would answer each mention twice: only the
// leader connects, with a new adapter each term of leadership (see
// scheduled). Interactions over HTTP (with DISCORD_PUBLIC_KEY) are
// answered by whichever replica receives them, and digests are posted
// over REST.
func (s *Server) addDiscordReplica(opts discord.Options) error {
	gw := opts
	gw.PublicKey = ""              // the gateway only; HTTP interactions go to the adapter below
	poster, err := discord.New(gw) // checks the settings; posts over REST, never runs
	if err != nil {
		return err
	}
	s.leaderRuns = append(s.leaderRuns, func(ctx context.Context) {
		a, err := discord.New(gw)
		if err == nil {
			err = a.Run(ctx, s.router)
		}
		if err != nil && ctx.Err() == nil {
			s.log.Error("discord: gateway stopped", "err", err)
		}
	})
	s.chats = append(s.chats, "discord (gateway, while leading)")
	if opts.PublicKey != "" {
		if opts.ApplicationID == "" {
			return errors.New("discord: with a database and DISCORD_PUBLIC_KEY, set DISCORD_APPLICATION_ID: the replicas that do not lead answer interactions without the gateway")
		}
		ho := opts
		ho.NoGateway = true
		ha, err := discord.New(ho)
		if err != nil {
			return err
		}
		ha.Register(s.mux)
		poster = ha
		s.addChat(part{name: "discord (http)", run: ha.Run, ready: closed(ha.Ready())})
	}
	s.posters[bot.Discord] = s.met.poster(bot.Discord, poster)
	return nil
}

// databaseStatus tells, for /readyz, whether the database answers, how far
// the index lags behind its reports table, and whether this replica leads.
// A database that does not answer leaves the replica ready: it answers from
// its index, and scheduled work waits for the database.
func (s *Server) databaseStatus(ctx context.Context) string {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	role := "follower"
	if s.Leading() {
		role = "leader"
	}
	lag, err := s.reports.Lag(ctx)
	if err != nil {
		s.met.onDatabaseError(err)
		s.log.Warn("readyz: database", "err", err)
		return fmt.Sprintf("database: unreachable (answering from the local index; scheduled work waits)\nindex: %d changes applied\nrole: %s\n",
			s.reports.Applied(), role)
	}
	return fmt.Sprintf("database: ok\nindex lag: %d changes\nrole: %s\n", lag, role)
}
