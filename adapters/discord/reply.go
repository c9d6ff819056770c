package discord

import (
	"context"
	"github.com/briefbot/briefbot/adapters/internal/chatkit"
	"strings"

	"github.com/briefbot/briefbot/bot"
)

// reply answers one message: "sources" from Options.Sources when set,
// everything else (and "sources" without it) through the bot's handler; help gets a note on using briefbot in
// Discord.
func (a *Adapter) reply(ctx context.Context, s *session, m bot.Message) bot.Reply {
	release, ok := chatkit.Acquire(ctx, a.sem)
	if !ok {
		id := bot.NewRequestID()
		a.log.WarnContext(ctx, "discord: no time left to answer", "request_id", id, "channel", m.Channel)
		return bot.Reply{Text: "Sorry, I am too busy to answer right now; please ask again. (request " + id + ")", IsError: true, RequestID: id}
	}
	defer release()
	switch strings.ToLower(strings.TrimSpace(m.Text)) {
	case "sources", "/sources":
		if a.opts.Sources != nil {
			return a.sources(ctx, m)
		}
	case "help", "/help", "?":
		r := s.h.Handle(ctx, m)
		if r.Answer == nil && !r.IsError {
			r.Text = strings.TrimRight(r.Text, "\n") + "\n" + discordHelp
		}
		return r
	}
	return s.h.Handle(ctx, m)
}

const discordHelp = `
In Discord:
  @briefbot QUESTION          in a channel: I reply to your message
  QUESTION                    in a direct message to me
  /brief ask question:        the same, as a command
  /brief suppliers country:   also recipients country:, between supplier: recipient:
  /brief digest action:       now (preview), list, subscribe, unsubscribe (admins); options: weekly at 09:00 tz …
  /brief sources              what my index holds
  private: True               only you see the answer`

func (a *Adapter) sources(ctx context.Context, m bot.Message) bot.Reply {
	id := bot.NewRequestID()
	text, err := a.opts.Sources(ctx)
	switch {
	case err == nil:
		return bot.Reply{Text: text, RequestID: id}
	case bot.ErrorCode(err) == bot.EInternal:
		a.log.ErrorContext(ctx, "discord: sources failed", "request_id", id, "channel", m.Channel, "user", m.User, "err", err)
	}
	return bot.ErrorReply(err, id)
}
