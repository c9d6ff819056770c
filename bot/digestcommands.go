package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot/schedule"
)

// DigestWindow is how far back "digest now" looks, and what a first
// scheduled digest covers.
const DigestWindow = 7 * 24 * time.Hour

// SubscriptionStore keeps digest subscriptions (state.Store is one).
type SubscriptionStore interface {
	PutSubscription(Subscription) error
	DeleteSubscription(id string) (bool, error)
	Subscriptions() ([]Subscription, error)
}

// ConfigCreator is the CreatedBy of subscriptions declared in the config
// file; chat commands cannot remove them.
const ConfigCreator = "config"

// digestNow previews the digest of the last DigestWindow, narrowed to
// the countries and categories the filters name.
func (r *Router) digestNow(ctx context.Context, c call) (*Answer, string, error) {
	q := DigestQuery{From: r.bot.opts.Now().Add(-DigestWindow)}
	if strings.TrimSpace(c.args) != "" {
		s, err := ParseSubscribe(c.args, "")
		if err != nil {
			return nil, "", err
		}
		q.Countries, q.Categories, q.Chart = s.Countries, s.Categories, s.Chart
	}
	a, err := r.bot.Digest(ctx, q)
	return a, "", err
}

// digestsHere returns an *Error when the Bot cannot make digests.
func (r *Router) digestsHere(Message) error {
	if !r.bot.CanDigest() {
		return ErrCannotDigest
	}
	return nil
}

// subscriptionsHere returns an *Error when digests cannot be made,
// subscriptions are off, or m comes from no channel.
func (r *Router) subscriptionsHere(m Message) error {
	if err := r.digestsHere(m); err != nil {
		return err
	}
	if r.opts.Subscriptions == nil {
		return Errorf(EInvalid, "Scheduled digests are off here (no state store: run `briefbot serve`). `digest now` previews the digest of the last 7 days.")
	}
	if m.Channel == "" {
		return Errorf(EInvalid, "Digests are posted to a channel: ask in the channel that should get them.")
	}
	return nil
}

// digestList tells this channel's subscription.
func (r *Router) digestList(_ context.Context, c call) (*Answer, string, error) {
	text, err := r.listSubscription(SubscriptionID(c.m.Platform, c.m.Channel))
	return nil, text, err
}

// digestSubscribe subscribes this channel to digests, or changes its
// subscription, unless the config file declares it.
func (r *Router) digestSubscribe(_ context.Context, c call) (*Answer, string, error) {
	m := c.m
	id := SubscriptionID(m.Platform, m.Channel)
	s, err := ParseSubscribe(c.args, r.opts.DefaultTZ)
	if err != nil {
		return nil, "", err
	}
	old, err := r.findSubscription(id)
	if err != nil {
		return nil, "", err
	}
	if old != nil && old.CreatedBy == ConfigCreator {
		return nil, "", Errorf(EInvalid, "This channel's digest is declared in the config file; change it there.")
	}
	s.ID, s.Platform, s.Channel, s.CreatedBy, s.Created = id, m.Platform, m.Channel, m.User, r.bot.opts.Now().UTC()
	if old != nil {
		s.Created = old.Created
	}
	if err := r.opts.Subscriptions.PutSubscription(s); err != nil {
		return nil, "", err
	}
	r.changed()
	verb := "subscribed"
	if old != nil {
		verb = "changed its subscription"
	}
	return nil, fmt.Sprintf("This channel has %s: digests %s.%s", verb, s.Describe(), r.nextRun(s)), nil
}

// digestUnsubscribe stops this channel's digests, unless the config file
// declares them.
func (r *Router) digestUnsubscribe(_ context.Context, c call) (*Answer, string, error) {
	id := SubscriptionID(c.m.Platform, c.m.Channel)
	old, err := r.findSubscription(id)
	if err != nil {
		return nil, "", err
	}
	if old == nil {
		return nil, "This channel has no digest subscription.", nil
	}
	if old.CreatedBy == ConfigCreator {
		return nil, "", Errorf(EInvalid, "This channel's digest is declared in the config file; remove it there.")
	}
	if _, err := r.opts.Subscriptions.DeleteSubscription(id); err != nil {
		return nil, "", err
	}
	r.changed()
	return nil, "This channel will get no more digests.", nil
}

// reindexHere returns an *Error when there is nothing to reindex.
func (r *Router) reindexHere(Message) error {
	if r.opts.Reindex == nil {
		return Errorf(EInvalid, "There is nothing to reindex here: run `briefbot ingest` to add reports.")
	}
	return nil
}

// reindex runs Reindex (admins only: see the registry).
func (r *Router) reindex(ctx context.Context, _ call) (*Answer, string, error) {
	text, err := r.opts.Reindex(ctx)
	return nil, text, err
}

// zone is the time zone a subscription's schedule runs in.
func (r *Router) zone(s Subscription) string {
	if s.TZ != "" {
		return s.TZ
	}
	return r.opts.DefaultTZ
}

// nextRun tells when s next runs, in its own time zone: " Next: Mon 30
// Nov 2026 09:00 CET.", or "" when it never does.
func (r *Router) nextRun(s Subscription) string {
	tz := r.zone(s)
	next, err := schedule.Next(s.Spec, tz, r.bot.opts.Now())
	loc, lerr := schedule.LoadZone(tz)
	if err != nil || lerr != nil || next.IsZero() {
		return ""
	}
	return " Next: " + next.In(loc).Format("Mon 2 Jan 2006 15:04 MST") + "."
}

// changed tells the scheduler that subscriptions changed.
func (r *Router) changed() {
	if r.opts.OnSubscriptionsChanged != nil {
		r.opts.OnSubscriptionsChanged()
	}
}

// findSubscription returns the subscription with ID id, or nil.
func (r *Router) findSubscription(id string) (*Subscription, error) {
	subs, err := r.opts.Subscriptions.Subscriptions()
	if err != nil {
		return nil, err
	}
	for _, s := range subs {
		if s.ID == id {
			return &s, nil
		}
	}
	return nil, nil
}

// listSubscription tells this channel's subscription and its next run.
func (r *Router) listSubscription(id string) (string, error) {
	s, err := r.findSubscription(id)
	if err != nil {
		return "", err
	}
	if s == nil {
		return "This channel has no digest subscription. An admin can add one with `digest subscribe` (weekly on Monday at 09:00 unless told otherwise); anyone can preview with `digest now`.", nil
	}
	text := "This channel gets digests " + s.Describe()
	if s.TZ == "" && r.opts.DefaultTZ != "" {
		text += " (" + r.opts.DefaultTZ + ")"
	}
	text += "." + r.nextRun(*s)
	if s.CreatedBy == ConfigCreator {
		text += " (Declared in the config file.)"
	}
	return text, nil
}
