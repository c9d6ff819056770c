package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"strings"
	"time"
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
}

// Router turns messages into replies: it recognises command words (help,
// suppliers, recipients, between) and sends everything else to the Bot as a
// question. Every adapter goes through a Router, so all platforms behave the
// same.
type Router struct {
	Bot    *Bot
	Logger *slog.Logger // nil means slog.Default()
}

// HelpText describes what the bot understands.
const HelpText = `I answer questions about arms transfers from the reports in my index, and cite every claim.

Ask in plain words, for example:
  who supplies Kazakhstan with drones?
  what has Turkey sold to Uzbekistan?
  air defence Kyrgyzstan

Commands:
  help                  this text
  suppliers COUNTRY     who supplies COUNTRY
  recipients COUNTRY    whom COUNTRY supplies
  between SUPPLIER RECIPIENT   transfers from SUPPLIER to RECIPIENT
  digest now [countries …]     what came in during the last 7 days

Every answer lists its sources as [n]: report title, source, date and link.`

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
// the user gets a short apology naming that ID.
func (r *Router) Handle(ctx context.Context, m Message) Reply {
	id := NewRequestID()
	text := strings.TrimSpace(m.Text)
	cmd, rest, _ := strings.Cut(text, " ")
	switch strings.ToLower(cmd) {
	case "help", "/help", "?":
		if rest == "" {
			return Reply{Text: HelpText, RequestID: id}
		}
	case "suppliers", "recipients", "between":
		if strings.TrimSpace(rest) == "" {
			return Reply{Text: "Name a country, for example: " + strings.ToLower(cmd) + " Kazakhstan", IsError: true, RequestID: id}
		}
	case "digest":
		return r.reply(ctx, m, id, func() (*Answer, error) { return r.digest(ctx, rest) })
	}
	return r.reply(ctx, m, id, func() (*Answer, error) { return r.Bot.Ask(ctx, text, m.Filter) })
}

// DigestWindow is how far back "digest now" looks.
const DigestWindow = 7 * 24 * time.Hour

// digest answers "digest now [countries …] [categories …]": a preview of
// the digest of the last week. Scheduled digests (subscribe, list,
// unsubscribe) are not available yet, and the reply says so.
func (r *Router) digest(ctx context.Context, rest string) (*Answer, error) {
	sub, args, _ := strings.Cut(strings.TrimSpace(rest), " ")
	switch strings.ToLower(sub) {
	case "now", "preview":
	case "subscribe", "unsubscribe", "list":
		return nil, Errorf(EInvalid, "Scheduled digests are not available yet. `digest now` previews the digest of the last 7 days.")
	default:
		return nil, Errorf(EInvalid, "Try `digest now`, optionally with `countries …` or `categories …`: a digest of what came in during the last 7 days.")
	}
	q := DigestQuery{From: r.Bot.opts.Now().Add(-DigestWindow)}
	if strings.TrimSpace(args) != "" {
		s, err := ParseSubscribe(args, "")
		if err != nil {
			return nil, err
		}
		q.Countries, q.Categories = s.Countries, s.Categories
	}
	return r.Bot.Digest(ctx, q)
}

// reply runs answer and turns its result into a Reply: a *Error's message
// as it is, any other error logged with the request ID and hidden behind an
// apology.
func (r *Router) reply(ctx context.Context, m Message, id string, answer func() (*Answer, error)) Reply {
	log := r.Logger
	if log == nil {
		log = slog.Default()
	}
	ans, err := answer()
	if err != nil {
		if ErrorCode(err) == EInternal {
			log.ErrorContext(ctx, "answer failed", "request_id", id, "platform", m.Platform,
				"channel", m.Channel, "user", m.User, "err", err)
		}
		return ErrorReply(err, id)
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
