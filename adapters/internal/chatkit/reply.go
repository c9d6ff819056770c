package chatkit

import (
	"context"
	"log/slog"
	"strings"

	"github.com/briefbot/briefbot/bot"
)

// Reply answers m for a chat adapter, taking a slot of sem first (a busy
// bot says so rather than queueing past the platform's deadline): "sources"
// from sources when it is set, everything else (and "sources" without it)
// through h; a help reply gets helpNote, which says how to use briefbot on
// that platform, appended. Log lines start with m.Platform.
func Reply(ctx context.Context, sem chan struct{}, h bot.Handler, m bot.Message,
	sources func(context.Context) (string, error), helpNote string, log *slog.Logger) bot.Reply {
	release, ok := Acquire(ctx, sem)
	if !ok {
		id := bot.NewRequestID()
		log.WarnContext(ctx, m.Platform+": no time left to answer", "request_id", id, "channel", m.Channel)
		return bot.Reply{Text: "Sorry, I am too busy to answer right now; please ask again. (request " + id + ")", IsError: true, RequestID: id}
	}
	defer release()
	switch strings.ToLower(strings.TrimSpace(m.Text)) {
	case "sources", "/sources":
		if sources != nil {
			id := bot.NewRequestID()
			text, err := sources(ctx)
			switch {
			case err == nil:
				return bot.Reply{Text: text, RequestID: id}
			case bot.ErrorCode(err) == bot.EInternal:
				log.ErrorContext(ctx, m.Platform+": sources failed", "request_id", id, "channel", m.Channel, "user", m.User, "err", err)
			}
			return bot.ErrorReply(err, id)
		}
	case "help", "/help", "?":
		r := h.Handle(ctx, m)
		if r.Answer == nil && !r.IsError {
			r.Text = strings.TrimRight(r.Text, "\n") + "\n" + helpNote
		}
		return r
	}
	return h.Handle(ctx, m)
}
