package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot/bot/schedule"
)

// Message is something a user said to the bot, on any platform.
type Message struct {
	Text     string
	User     string // platform user ID
	Channel  string // platform channel or conversation ID
	Platform string // "console", "slack", "discord"
	Filter   Filter // optional date range; zero means all reports
}

// Reply is the bot's response to a Message: an Answer, or plain Text for help
// and for errors. RequestID identifies the exchange in the logs.
type Reply struct {
	Answer    *Answer
	Text      string
	IsError   bool
	RequestID string
	// Command is the name of the command that answered ("help", "ask",
	// "digest subscribe"); "" when the message was refused before one ran.
	Command string
}

// Router turns messages into replies: it runs the command a message names
// (see Commands: help, suppliers, digest subscribe, sources add, …) and
// sends everything else to the Bot as a question. Every adapter goes through a Router, so all platforms behave the
// same.
type Router struct {
	Bot    *Bot
	Logger *slog.Logger // nil means slog.Default()

	// Subscriptions keeps digest subscriptions; nil turns "digest
	// subscribe", "list" and "unsubscribe" off (they say so).
	Subscriptions SubscriptionStore
	// Admins lists, per platform ("slack", "discord"), the user IDs that
	// may subscribe and unsubscribe channels. The console user always may.
	Admins map[string][]string
	// DefaultTZ is the time zone of subscriptions that name none.
	DefaultTZ string
	// OnSubscriptionsChanged, if set, is called after a subscription was
	// added, changed or removed (serve reschedules).
	OnSubscriptionsChanged func()
	// Sources, if set, tells what the index holds (the start of the
	// "sources" reply).
	Sources func(context.Context) (string, error)
	// Feeds, if set, lists the feeds for "sources" and lets admins add and
	// remove them.
	Feeds FeedManager
	// Reindex, if set, refreshes what the bot reads now (admins only):
	// serve polls every feed at once, whatever its schedule says.
	Reindex func(context.Context) (string, error)
	// Channels is the optional allowlist of channel IDs per platform: a
	// platform with a list is answered only in those channels.
	Channels map[string][]string
	// Observe, if set, sees every exchange and how long it took (metrics).
	Observe func(m Message, r Reply, took time.Duration)
	// Audit, if set, gets one JSON line per exchange: who asked what in
	// which channel, and the outcome. Off (nil) by default.
	Audit   io.Writer
	auditMu sync.Mutex
}

// ErrorReply is what a user sees for err: a *Error's Message as it is, and
// for any other error a short apology naming the request ID (log err
// yourself, with that ID).
func ErrorReply(err error, id string) Reply {
	if ErrorCode(err) == EInternal {
		return Reply{Text: ErrorMessage(err) + " (request " + id + ")", IsError: true, RequestID: id}
	}
	return Reply{Text: ErrorMessage(err), IsError: true, RequestID: id}
}

// Handle answers one message. It never returns raw error text: a *Error's
// Message is shown as it is, anything else is logged with a request ID and
// the user gets a short apology naming that ID. A message from a channel
// outside the allowlist is refused. Every exchange goes to Observe and, when
// set, to the audit log.
func (r *Router) Handle(ctx context.Context, m Message) Reply {
	start := time.Now()
	id := NewRequestID()
	var reply Reply
	if !r.Allowed(m.Platform, m.Channel) {
		reply = Reply{Text: "I am not enabled in this channel. Ask an admin to add it to briefbot's channel allowlist.", IsError: true, RequestID: id}
	} else {
		reply = r.handle(ctx, m, id)
	}
	took := time.Since(start)
	if r.Observe != nil {
		r.Observe(m, reply, took)
	}
	if r.Audit != nil {
		r.audit(m, reply, took)
	}
	return reply
}

// Allowed reports whether the bot answers in channel on platform: always
// when the platform has no allowlist, else when the channel is on it. The
// console is always allowed.
func (r *Router) Allowed(platform, channel string) bool {
	list := r.Channels[platform]
	return platform == "console" || len(list) == 0 || slices.Contains(list, channel)
}

// auditRecord is one line of the audit log.
type auditRecord struct {
	Time      time.Time `json:"time"`
	RequestID string    `json:"request_id"`
	Platform  string    `json:"platform"`
	Channel   string    `json:"channel"`
	User      string    `json:"user"`
	Text      string    `json:"text"`
	Error     bool      `json:"error,omitempty"`
	NoMatch   bool      `json:"no_match,omitempty"`
	Citations int       `json:"citations"`
	MS        float64   `json:"ms"`
}

// audit writes one JSON line for the exchange to the audit log.
func (r *Router) audit(m Message, reply Reply, took time.Duration) {
	rec := auditRecord{Time: time.Now().UTC(), RequestID: reply.RequestID, Platform: m.Platform, Channel: m.Channel,
		User: m.User, Text: m.Text, Error: reply.IsError, MS: float64(took.Microseconds()) / 1000}
	if reply.Answer != nil {
		rec.NoMatch, rec.Citations = reply.Answer.NoMatch, len(reply.Answer.Citations)
	}
	line, err := json.Marshal(rec)
	if err != nil {
		return
	}
	r.auditMu.Lock()
	defer r.auditMu.Unlock()
	if _, err := r.Audit.Write(append(line, '\n')); err != nil {
		r.logger().Error("audit log write failed", "request_id", reply.RequestID, "err", err)
	}
}

func (r *Router) logger() *slog.Logger {
	if r.Logger == nil {
		return slog.Default()
	}
	return r.Logger
}

// handle answers one message that may be answered: it runs the command
// the message names, or asks the Bot the message as a question.
func (r *Router) handle(ctx context.Context, m Message, id string) Reply {
	cmd, args, err := r.command(m)
	var reply Reply
	if err != nil {
		reply = ErrorReply(err, id)
	} else {
		reply = r.reply(ctx, m, id, func() (*Answer, string, error) { return cmd.run(r, ctx, call{m: m, args: args}) })
	}
	if cmd != nil {
		reply.Command = cmd.Name
	}
	return reply
}

// command finds the command m names and the words after its name, and
// checks that it may run: its arguments are there, what it needs is there
// (a state store, feeds), and only admins run admin commands. A message that names no command is a question for the
// ask command; a group word without a command of the group ("digest
// sometimes") is an error that lists the group's commands.
func (r *Router) command(m Message) (*Command, string, error) {
	cmd, args, group, ok := lookup(m.Text)
	switch {
	case ok:
	case group != nil:
		return nil, "", groupHelp(group)
	default:
		return commandNamed(AskCommand), strings.TrimSpace(m.Text), nil
	}
	args, err := checkArgs(cmd, args)
	if err == nil && cmd.needs != nil {
		err = cmd.needs(r, m)
	}
	if err == nil && cmd.Access == AdminsOnly {
		err = r.mustBeAdmin(m, cmd.adminAction)
	}
	return cmd, args, err
}

// DigestWindow is how far back "digest now" looks, and what a first
// scheduled digest covers.
const DigestWindow = 7 * 24 * time.Hour

// SubscriptionStore keeps digest subscriptions (index/state.Store is one).
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
	q := DigestQuery{From: r.Bot.opts.Now().Add(-DigestWindow)}
	if strings.TrimSpace(c.args) != "" {
		s, err := ParseSubscribe(c.args, "")
		if err != nil {
			return nil, "", err
		}
		q.Countries, q.Categories = s.Countries, s.Categories
	}
	a, err := r.Bot.Digest(ctx, q)
	return a, "", err
}

// subscriptionsHere returns an *Error when subscriptions are off or m
// comes from no channel.
func (r *Router) subscriptionsHere(m Message) error {
	if r.Subscriptions == nil {
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
	s, err := ParseSubscribe(c.args, r.DefaultTZ)
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
	s.ID, s.Platform, s.Channel, s.CreatedBy, s.Created = id, m.Platform, m.Channel, m.User, r.Bot.opts.Now().UTC()
	if old != nil {
		s.Created = old.Created
	}
	if err := r.Subscriptions.PutSubscription(s); err != nil {
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
	if _, err := r.Subscriptions.DeleteSubscription(id); err != nil {
		return nil, "", err
	}
	r.changed()
	return nil, "This channel will get no more digests.", nil
}

// reindexHere returns an *Error when there is nothing to reindex.
func (r *Router) reindexHere(Message) error {
	if r.Reindex == nil {
		return Errorf(EInvalid, "There is nothing to reindex here: run `briefbot ingest` to add reports.")
	}
	return nil
}

// reindex runs Reindex (admins only: see the registry).
func (r *Router) reindex(ctx context.Context, _ call) (*Answer, string, error) {
	text, err := r.Reindex(ctx)
	return nil, text, err
}

// zone is the time zone a subscription's schedule runs in.
func (r *Router) zone(s Subscription) string {
	if s.TZ != "" {
		return s.TZ
	}
	return r.DefaultTZ
}

// nextRun tells when s next runs, in its own time zone: " Next: Mon 30
// Nov 2026 09:00 CET.", or "" when it never does.
func (r *Router) nextRun(s Subscription) string {
	tz := r.zone(s)
	next, err := schedule.Next(s.Spec, tz, r.Bot.opts.Now())
	loc, lerr := schedule.LoadZone(tz)
	if err != nil || lerr != nil || next.IsZero() {
		return ""
	}
	return " Next: " + next.In(loc).Format("Mon 2 Jan 2006 15:04 MST") + "."
}

// changed tells the scheduler that subscriptions changed.
func (r *Router) changed() {
	if r.OnSubscriptionsChanged != nil {
		r.OnSubscriptionsChanged()
	}
}

// findSubscription returns the subscription with ID id, or nil.
func (r *Router) findSubscription(id string) (*Subscription, error) {
	subs, err := r.Subscriptions.Subscriptions()
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
	if s.TZ == "" && r.DefaultTZ != "" {
		text += " (" + r.DefaultTZ + ")"
	}
	text += "." + r.nextRun(*s)
	if s.CreatedBy == ConfigCreator {
		text += " (Declared in the config file.)"
	}
	return text, nil
}

// IsAdmin reports whether user may change what the bot posts on platform:
// the console's user always may; on a chat platform, the user IDs listed
// in Admins for it.
func (r *Router) IsAdmin(platform, user string) bool {
	if platform == "console" {
		return true
	}
	return user != "" && slices.Contains(r.Admins[platform], user)
}

// mustBeAdmin returns an *Error when m's user is not an admin.
func (r *Router) mustBeAdmin(m Message, what string) error {
	if r.IsAdmin(m.Platform, m.User) {
		return nil
	}
	if len(r.Admins[m.Platform]) == 0 {
		return Errorf(EForbidden, "Only admins may %s, and none are configured for %s: list their user IDs under `admins` in the config file.", what, m.Platform)
	}
	return Errorf(EForbidden, "Only admins may %s. Ask one of them; anyone may preview with `digest now`.", what)
}

// reply runs answer and turns its result into a Reply: an Answer, or plain
// text when answer gives no Answer; a *Error's message as it is, any other
// error logged with the request ID and hidden behind an apology.
func (r *Router) reply(ctx context.Context, m Message, id string, answer func() (*Answer, string, error)) Reply {
	log := r.Logger
	if log == nil {
		log = slog.Default()
	}
	ans, text, err := answer()
	if err != nil {
		if ErrorCode(err) == EInternal {
			log.ErrorContext(ctx, "answer failed", "request_id", id, "platform", m.Platform,
				"channel", m.Channel, "user", m.User, "err", err)
		}
		return ErrorReply(err, id)
	}
	if ans == nil {
		log.InfoContext(ctx, "answered", "request_id", id, "platform", m.Platform, "channel", m.Channel)
		return Reply{Text: text, RequestID: id}
	}
	log.InfoContext(ctx, "answered", "request_id", id, "platform", m.Platform, "channel", m.Channel,
		"citations", len(ans.Citations), "no_match", ans.NoMatch)
	return Reply{Answer: ans, RequestID: id}
}

// NewRequestID returns a fresh ID that ties a reply to its log lines.
func NewRequestID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
