// Package delivery posts scheduled digests to the channels that subscribed,
// at most once per digest and without losing any.
//
// The protocol, for each run of a subscription's schedule at time at:
//
//  1. The window is [watermark, at): everything ingested since the last
//     digest the channel received (the week before at for a first digest).
//  2. A pending delivery with a fresh digest ID is written to the store
//     before anything is posted (Store.BeginDelivery). If the subscription
//     already has a pending delivery (a crash, or a failed post), that one
//     is finished first, under its own ID and window.
//  3. A delivery that was attempted before is first looked for in the
//     channel (bot.DigestPoster.FindDigest): if every part is there, it is
//     confirmed without posting; if only some are, only the rest are
//     posted.
//  4. The attempt is recorded, the digest is posted, and only after the
//     platform confirmed the post is the delivery marked posted and the
//     watermark moved to the window's end, in one transaction.
//
// A post that fails is retried with back-off (RetryMin doubling up to
// RetryMax) until it succeeds or the subscription is removed, and every
// failure is logged. At start, pending deliveries are finished and a
// subscription that missed runs while the bot was down gets one catch-up
// digest covering the whole gap (unless NoCatchUp).
//
// The guarantee: a digest is posted at most once per digest ID as long as
// the platform shows the bot its own recent messages, and at least once
// while the platform accepts posts.
package delivery

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/schedule"
)

// Store keeps subscriptions, watermarks and deliveries (state.Store
// is one).
type Store interface {
	Subscriptions() ([]bot.Subscription, error)
	Watermark(subID string) (time.Time, error)
	BeginDelivery(subID string, from, to, now time.Time) (bot.Delivery, error)
	ConfirmDelivery(id, postedRef string, now time.Time) error
	RecordAttempt(id string, now time.Time) error
	PendingDeliveries() ([]bot.Delivery, error)
}

// Options configure a Service. Bot, Store and Posters are required.
type Options struct {
	Bot     *bot.Bot
	Store   Store
	Posters map[bot.Platform]bot.DigestPoster
	Clock   schedule.Clock // nil means schedule.RealClock()
	// DefaultTZ is the time zone of subscriptions that name none ("" is
	// UTC).
	DefaultTZ string
	// NoCatchUp skips the catch-up digest at start: the next scheduled
	// digest then covers the whole time since the last one.
	NoCatchUp bool
	// RetryMin and RetryMax bound the wait between attempts of a failed
	// post; zero means 1 minute and 1 hour.
	RetryMin, RetryMax time.Duration
	// PostTimeout bounds one attempt (digest, look-up and post); zero
	// means 2 minutes.
	PostTimeout time.Duration
	// ShutdownGrace is how long a post under way may go on after the
	// context of Run or Deliver ends; zero means 10 seconds.
	ShutdownGrace time.Duration
	// ClockSkew is how far the platform's clock may be behind ours: a
	// look-up for a window's post starts this long before the window's
	// end. Zero means 10 minutes.
	ClockSkew time.Duration
	// DrawChart draws the chart of a subscription that asks for one
	// (Subscription.Chart); nil posts such digests without it.
	DrawChart func(*bot.ChartTable) (bot.Attachment, error)
	Logger    *slog.Logger // nil means slog.Default()
}

func (o Options) withDefaults() Options {
	if o.Clock == nil {
		o.Clock = schedule.RealClock()
	}
	if o.RetryMin <= 0 {
		o.RetryMin = time.Minute
	}
	if o.RetryMax <= 0 {
		o.RetryMax = time.Hour
	}
	if o.RetryMax < o.RetryMin {
		o.RetryMax = o.RetryMin
	}
	if o.PostTimeout <= 0 {
		o.PostTimeout = 2 * time.Minute
	}
	if o.ShutdownGrace <= 0 {
		o.ShutdownGrace = 10 * time.Second
	}
	if o.ClockSkew <= 0 {
		o.ClockSkew = 10 * time.Minute
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

// ErrNoPoster is returned for a subscription on a platform that is not
// running (a Discord channel while only Slack is configured, say).
var ErrNoPoster = errors.New("no adapter for the subscription's platform is running")

// Service posts digests on the subscriptions' schedules.
type Service struct {
	opts  Options
	sched *schedule.Scheduler

	resumed chan struct{} // closed when Run's start-up checks are done

	mu       sync.Mutex
	locks    map[string]*sync.Mutex // one per subscription: its deliveries never overlap
	retrying map[string]bool        // subscriptions with a retry loop under way
	wg       sync.WaitGroup         // retry loops and catch-ups
}

// New returns a Service. Call Run to start it.
func New(opts Options) *Service {
	s := &Service{opts: opts.withDefaults(), resumed: make(chan struct{}), locks: map[string]*sync.Mutex{}, retrying: map[string]bool{}}
	s.sched = schedule.New(s.opts.Clock, s.onSchedule)
	return s
}

// zone is the time zone sub's schedule runs in.
func (s *Service) zone(sub bot.Subscription) string {
	if sub.TZ != "" {
		return sub.TZ
	}
	return s.opts.DefaultTZ
}

// Reload reads the subscriptions again and reschedules them: call it after
// one was added, changed or removed.
func (s *Service) Reload() error {
	subs, err := s.opts.Store.Subscriptions()
	if err != nil {
		return fmt.Errorf("reload subscriptions: %w", err)
	}
	jobs := make([]schedule.Job, 0, len(subs))
	for _, sub := range subs {
		if err := schedule.Validate(sub.Spec, s.zone(sub)); err != nil {
			s.opts.Logger.Error("digest subscription left out", "subscription", sub.ID, "err", err)
			continue
		}
		jobs = append(jobs, schedule.Job{ID: sub.ID, Spec: sub.Spec, TZ: s.zone(sub)})
	}
	s.sched.Set(jobs)
	return nil
}

// NextRun tells when subscription id is next due.
func (s *Service) NextRun(id string) (time.Time, bool) { return s.sched.NextRun(id) }

// Run schedules the subscriptions, finishes pending deliveries and posts
// catch-up digests, then posts digests when they are due until ctx is
// done. It waits for the deliveries under way before it returns.
func (s *Service) Run(ctx context.Context) error {
	if err := s.Reload(); err != nil {
		return err
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.Resume(ctx)
		close(s.resumed)
	}()
	err := s.sched.Run(ctx)
	s.wg.Wait()
	return err
}

// Resumed is closed once Run has finished the pending deliveries and
// posted the catch-up digests of its start (see Resume); until then the
// service is starting. Run must be called only once.
func (s *Service) Resumed() <-chan struct{} { return s.resumed }

// Resume finishes every pending delivery and, unless NoCatchUp, posts one
// catch-up digest for each subscription that missed a run since its last
// digest. Run calls it at start; failures go to the retry loop.
func (s *Service) Resume(ctx context.Context) {
	subs, err := s.opts.Store.Subscriptions()
	if err != nil {
		s.opts.Logger.Error("digest catch-up: read subscriptions", "err", err)
		return
	}
	pending, err := s.opts.Store.PendingDeliveries()
	if err != nil {
		s.opts.Logger.Error("digest catch-up: read pending deliveries", "err", err)
		return
	}
	now := s.opts.Clock.Now()
	runs := 0
	defer func() {
		s.opts.Logger.Info("digest start-up checks done", "subscriptions", len(subs), "pending", len(pending), "runs", runs)
	}()
	for _, sub := range subs {
		at := time.Time{}
		for _, d := range pending {
			if d.SubscriptionID == sub.ID && d.To.After(at) {
				at = d.To
			}
		}
		if !s.opts.NoCatchUp {
			since, err := s.opts.Store.Watermark(sub.ID)
			if err != nil {
				s.opts.Logger.Error("digest catch-up: read watermark", "subscription", sub.ID, "err", err)
				continue
			}
			if since.IsZero() {
				since = sub.Created
			}
			if at.After(since) { // a pending delivery covers the time up to at
				since = at
			}
			missed, err := schedule.Missed(sub.Spec, s.zone(sub), since, now, 1)
			if err == nil && len(missed) > 0 {
				at = now
				s.opts.Logger.Info("digest catch-up", "subscription", sub.ID, "missed_since", since)
			}
		}
		if !at.IsZero() {
			runs++
			s.deliverOrRetry(ctx, sub, at)
		}
	}
}

// onSchedule is the Scheduler's callback.
func (s *Service) onSchedule(ctx context.Context, job schedule.Job, at time.Time) {
	sub, ok, err := s.subscription(job.ID)
	if err != nil {
		s.opts.Logger.Error("digest: read subscription", "subscription", job.ID, "err", err)
		return
	}
	if ok {
		s.deliverOrRetry(ctx, sub, at)
	}
}

// subscription returns the stored subscription with ID id.
func (s *Service) subscription(id string) (bot.Subscription, bool, error) {
	subs, err := s.opts.Store.Subscriptions()
	if err != nil {
		return bot.Subscription{}, false, err
	}
	for _, sub := range subs {
		if sub.ID == id {
			return sub, true, nil
		}
	}
	return bot.Subscription{}, false, nil
}

// deliverOrRetry delivers and, when that fails, starts a retry loop for
// the subscription (unless one is under way: it will cover this run too,
// since every attempt delivers up to the latest at it was given).
func (s *Service) deliverOrRetry(ctx context.Context, sub bot.Subscription, at time.Time) {
	err := s.Deliver(ctx, sub, at)
	if err == nil || ctx.Err() != nil {
		return
	}
	if errors.Is(err, ErrNoPoster) {
		s.opts.Logger.Error("digest not posted", "subscription", sub.ID, "platform", sub.Platform, "err", err)
		return
	}
	s.mu.Lock()
	if s.retrying[sub.ID] {
		s.mu.Unlock()
		s.opts.Logger.Warn("digest post failed; a retry is under way", "subscription", sub.ID, "err", err)
		return
	}
	s.retrying[sub.ID] = true
	s.mu.Unlock()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer func() {
			s.mu.Lock()
			delete(s.retrying, sub.ID)
			s.mu.Unlock()
		}()
		s.retry(ctx, sub.ID, at, err)
	}()
}

// retry tries again, with back-off, until the delivery for at succeeds,
// the subscription is gone, or ctx is done.
func (s *Service) retry(ctx context.Context, id string, at time.Time, err error) {
	wait := s.opts.RetryMin
	for attempt := 1; ; attempt++ {
		s.opts.Logger.Warn("digest post failed; will retry", "subscription", id, "attempt", attempt,
			"retry_in", wait.String(), "err", err)
		select {
		case <-ctx.Done():
			s.opts.Logger.Warn("digest still pending at shutdown; it is posted after the next start", "subscription", id)
			return
		case <-s.opts.Clock.After(wait):
		}
		sub, ok, rerr := s.subscription(id)
		switch {
		case rerr != nil:
			err = rerr
		case !ok:
			s.opts.Logger.Warn("digest not retried: the subscription was removed", "subscription", id)
			return
		default:
			err = s.Deliver(ctx, sub, at)
			if err == nil {
				s.opts.Logger.Info("digest posted after retrying", "subscription", id, "attempts", attempt+1)
				return
			}
			if errors.Is(err, ErrNoPoster) || ctx.Err() != nil {
				return
			}
		}
		wait = min(2*wait, s.opts.RetryMax)
	}
}

// lock returns the mutex of subscription id.
func (s *Service) lock(id string) *sync.Mutex {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.locks[id]
	if !ok {
		l = &sync.Mutex{}
		s.locks[id] = l
	}
	return l
}

// Deliver brings sub's channel up to at: it finishes any pending delivery,
// then posts the digest of [watermark, at) unless the watermark is already
// at or past at. It returns when the platform confirmed every post, or with
// the first error (the pending delivery stays for the next attempt).
func (s *Service) Deliver(ctx context.Context, sub bot.Subscription, at time.Time) error {
	poster, ok := s.opts.Posters[sub.Platform]
	if !ok {
		return fmt.Errorf("digest for %s: %w (%s)", sub.ID, ErrNoPoster, sub.Platform)
	}
	l := s.lock(sub.ID)
	l.Lock()
	defer l.Unlock()
	for range 100 { // each round finishes one delivery; more than two is a broken store
		mark, err := s.opts.Store.Watermark(sub.ID)
		if err != nil {
			return err
		}
		from := mark
		if from.IsZero() {
			from = at.Add(-bot.DigestWindow)
		}
		if !from.Before(at) {
			return nil // already delivered up to at
		}
		d, err := s.opts.Store.BeginDelivery(sub.ID, from, at, s.opts.Clock.Now())
		if err != nil {
			return err
		}
		if err := s.post(ctx, poster, sub, d); err != nil {
			return err
		}
		if !d.To.Before(at) {
			return nil
		}
		// That was an older pending delivery; now the rest up to at.
	}
	return fmt.Errorf("digest for %s: deliveries do not advance the watermark", sub.ID)
}

// post posts delivery d, unless a look-up shows it was posted before, and
// confirms it.
func (s *Service) post(ctx context.Context, poster bot.DigestPoster, sub bot.Subscription, d bot.Delivery) error {
	// A post under way when ctx ends (shutdown) may finish, for at most
	// ShutdownGrace: a digest cut short is completed at the next start,
	// but one posted whole is better.
	parent := ctx
	ctx, cancel := context.WithTimeout(context.WithoutCancel(parent), s.opts.PostTimeout)
	defer cancel()
	stopGrace := context.AfterFunc(parent, func() { time.AfterFunc(s.opts.ShutdownGrace, cancel) })
	defer stopGrace()
	log := s.opts.Logger.With("subscription", sub.ID, "digest", d.ID, "from", d.From, "to", d.To)
	var have []int
	if d.Attempts > 0 {
		found, err := poster.FindDigest(ctx, sub.Channel, d.ID, d.To.Add(-s.opts.ClockSkew))
		if err != nil {
			return fmt.Errorf("digest %s: look for an earlier post: %w", d.ID, err)
		}
		if found.Complete() {
			log.Info("digest was already posted; confirming it", "ref", found.Ref)
			return s.opts.Store.ConfirmDelivery(d.ID, found.Ref, s.opts.Clock.Now())
		}
		have = found.Parts
		if len(have) > 0 {
			log.Warn("digest was posted in part; posting the rest", "parts_found", have, "parts", found.Total)
		}
	}
	ans, err := s.opts.Bot.Digest(ctx, bot.DigestQuery{From: d.From, To: d.To, Countries: sub.Countries, Categories: sub.Categories, Chart: sub.Chart})
	if err != nil {
		return fmt.Errorf("digest %s: compose: %w", d.ID, err)
	}
	s.drawChart(ans, log)
	if ans.NoMatch && sub.SkipEmpty {
		log.Info("nothing new; quiet subscription, so nothing posted")
		return s.opts.Store.ConfirmDelivery(d.ID, "", s.opts.Clock.Now())
	}
	if err := s.opts.Store.RecordAttempt(d.ID, s.opts.Clock.Now()); err != nil {
		return err
	}
	ref, err := poster.PostDigest(ctx, sub.Channel, bot.Reply{Answer: ans, RequestID: d.ID}, d.ID, have)
	if err != nil {
		return fmt.Errorf("digest %s: post to %s: %w", d.ID, sub.ID, err)
	}
	if err := s.opts.Store.ConfirmDelivery(d.ID, ref, s.opts.Clock.Now()); err != nil {
		return err
	}
	log.Info("digest posted", "ref", ref, "citations", len(ans.Citations), "nothing_new", ans.NoMatch)
	return nil
}

// drawChart attaches the picture of the digest's chart, if it has one. A
// chart that cannot be drawn is logged; the digest goes out without it.
func (s *Service) drawChart(ans *bot.Answer, log *slog.Logger) {
	if ans.Chart == nil || s.opts.DrawChart == nil {
		return
	}
	att, err := s.opts.DrawChart(ans.Chart)
	if err != nil {
		log.Error("draw digest chart; posting the digest without it", "err", err)
		return
	}
	ans.Attachments = append(ans.Attachments, att)
}
