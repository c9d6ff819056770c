package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// Message is something a user said to the bot, on any platform.
type Message struct {
	Text     string
	User     string // platform user ID
	Channel  string // platform channel or conversation ID
	Platform Platform
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
// sends everything else to the Bot as a question. Every adapter goes
// through a Router, so all platforms behave the same. Make one with
// NewRouter; it does not change after that, and is safe for concurrent
// use.
type Router struct {
	bot     *Bot
	opts    RouterOptions
	auditMu sync.Mutex
}

// RouterOptions are what a Router works with besides its Bot. The zero
// value answers questions and help; each field turns on more.
type RouterOptions struct {
	Logger *slog.Logger // nil means slog.Default()

	// Subscriptions keeps digest subscriptions; nil turns "digest
	// subscribe", "list" and "unsubscribe" off (they say so).
	Subscriptions SubscriptionStore
	// Admins lists, per chat platform, the user IDs that may run admin
	// commands (see Role). The console user always may.
	Admins IDs
	// Channels is the optional allowlist of channel IDs per chat
	// platform: a platform with a list is answered only in those channels.
	Channels IDs
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
	// Observe, if set, sees every exchange and how long it took (metrics).
	Observe func(m Message, r Reply, took time.Duration)
	// DrawChart, if set, draws the picture of an answer's chart (package
	// chart's Draw); without it a chart answer gives its figures only,
	// and says so.
	DrawChart func(*ChartTable) (Attachment, error)
	// Audit, if set, gets one JSON line per exchange: who asked what in
	// which channel, and the outcome. Off (nil) by default.
	Audit io.Writer
}

// NewRouter returns a Router that asks b and works with opts. It keeps
// copies of the Admins and Channels lists.
func NewRouter(b *Bot, opts RouterOptions) *Router {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	opts.Admins, opts.Channels = opts.Admins.clone(), opts.Channels.clone()
	return &Router{bot: b, opts: opts}
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
	if r.opts.Observe != nil {
		r.opts.Observe(m, reply, took)
	}
	if r.opts.Audit != nil {
		r.audit(m, reply, took)
	}
	return reply
}

// auditRecord is one line of the audit log.
type auditRecord struct {
	Time      time.Time `json:"time"`
	RequestID string    `json:"request_id"`
	Platform  Platform  `json:"platform"`
	Channel   string    `json:"channel"`
	User      string    `json:"user"`
	Text      string    `json:"text"`
	Command   string    `json:"command,omitempty"`
	Error     bool      `json:"error,omitempty"`
	NoMatch   bool      `json:"no_match,omitempty"`
	Citations int       `json:"citations"`
	MS        float64   `json:"ms"`
}

// audit writes one JSON line for the exchange to the audit log.
func (r *Router) audit(m Message, reply Reply, took time.Duration) {
	rec := auditRecord{Time: time.Now().UTC(), RequestID: reply.RequestID, Platform: m.Platform, Channel: m.Channel,
		User: m.User, Text: m.Text, Command: reply.Command, Error: reply.IsError, MS: float64(took.Microseconds()) / 1000}
	if reply.Answer != nil {
		rec.NoMatch, rec.Citations = reply.Answer.NoMatch, len(reply.Answer.Citations)
	}
	line, err := json.Marshal(rec)
	if err != nil {
		return
	}
	r.auditMu.Lock()
	defer r.auditMu.Unlock()
	if _, err := r.opts.Audit.Write(append(line, '\n')); err != nil {
		r.opts.Logger.Error("audit log write failed", "request_id", reply.RequestID, "err", err)
	}
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
	case group != nil && !(group.wordOfQuestions && len(strings.Fields(m.Text)) > 1):
		return nil, "", groupHelp(group)
	default:
		return commandNamed(AskCommand), strings.TrimSpace(m.Text), nil
	}
	args, err := checkArgs(cmd, args)
	if err == nil && cmd.needs != nil {
		err = cmd.needs(r, m)
	}
	if err == nil && cmd.Access == Admin {
		err = r.mustBeAdmin(m, cmd.adminAction)
	}
	return cmd, args, err
}

// reply runs answer and turns its result into a Reply: an Answer, or plain
// text when answer gives no Answer; a *Error's message as it is, any other
// error logged with the request ID and hidden behind an apology.
func (r *Router) reply(ctx context.Context, m Message, id string, answer func() (*Answer, string, error)) Reply {
	log := r.opts.Logger
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
	r.attachChart(ctx, ans, id)
	log.InfoContext(ctx, "answered", "request_id", id, "platform", m.Platform, "channel", m.Channel,
		"citations", len(ans.Citations), "no_match", ans.NoMatch, "attachments", len(ans.Attachments))
	return Reply{Answer: ans, RequestID: id}
}

// NewRequestID returns a fresh ID that ties a reply to its log lines.
func NewRequestID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
