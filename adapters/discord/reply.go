package discord

import (
	"context"

	"github.com/briefbot/briefbot/adapters/internal/chatkit"
	"github.com/briefbot/briefbot/bot"
)

// reply answers one message (see chatkit.Reply); help gets a note on
// using briefbot on this platform.
func (a *Adapter) reply(ctx context.Context, s *session, m bot.Message) bot.Reply {
	return chatkit.Reply(ctx, a.sem, s.h, m, discordHelp, a.log)
}

const discordHelp = `
In Discord:
  @briefbot QUESTION          in a channel: I reply to your message
  QUESTION                    in a direct message to me
  /brief ask question:        the same, as a command
  /brief COMMAND              every command above: /brief suppliers country:, /brief digest subscribe options:, …
  private: True               only you see the answer`
