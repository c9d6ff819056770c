package chatkit

import (
	"context"
	"log/slog"
	"strings"

	"github.com/briefbot/briefbot/bot"
)

// Reply answers m for a chat adapter through h, taking a slot of sem first
// (a busy bot says so rather than queueing past the platform's deadline);
// the reply of the help command gets helpNote, which says how to use
// briefbot on that platform, appended. Log lines start with m.Platform.
func Reply(ctx context.Context, sem chan struct{}, h bot.Handler, m bot.Message, helpNote string, log *slog.Logger) bot.Reply {
	release, ok := Acquire(ctx, sem)
	if !ok {
		id := bot.NewRequestID()
		log.WarnContext(ctx, string(m.Platform)+": no time left to answer", "request_id", id, "channel", m.Channel)
		return bot.Reply{Text: "Sorry, I am too busy to answer right now; please ask again. (request " + id + ")", IsError: true, RequestID: id}
	}
	defer release()
	r := h.Handle(ctx, m)
	if r.Command == bot.HelpCommand && r.Answer == nil && !r.IsError {
		r.Text = strings.TrimRight(r.Text, "\n") + "\n" + helpNote
	}
	return r
}
