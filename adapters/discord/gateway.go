package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/briefbot/briefbot/bot"
)

// onMessageCreate answers a message that wants an answer, once, in a
// goroutine. discordgo calls it on its gateway reader (SyncEvents), so it
// does no I/O itself.
func (a *Adapter) onMessageCreate(_ *discordgo.Session, ev *discordgo.MessageCreate) {
	if ev == nil || ev.Message == nil {
		return
	}
	m := ev.Message
	self, _ := a.identity()
	if !wants(m, self) || !a.messages.Add(m.ID) {
		return
	}
	a.start(func(ctx context.Context, s *session) { a.answerMessage(ctx, s, m, self) })
}

// wants reports whether the bot should answer m: a direct message, a
// message that mentions the bot, or a reply to one of the bot's messages;
// never a message of a bot (itself included), a webhook or the system, nor
// a join, pin or other non-message, nor one whose text the bot cannot read
// (without MESSAGE_CONTENT, messages that do not mention it arrive empty).
func wants(m *discordgo.Message, self string) bool {
	switch {
	case m.Author == nil || m.Author.Bot || m.Author.System || m.WebhookID != "":
		return false
	case self == "" || m.Author.ID == self:
		return false
	case m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply:
		return false
	case strings.TrimSpace(m.Content) == "" || m.ChannelID == "" || m.ID == "":
		return false
	case m.GuildID == "":
		return true // a direct message
	}
	for _, u := range m.Mentions {
		if u != nil && u.ID == self {
			return true
		}
	}
	r := m.ReferencedMessage
	return m.Type == discordgo.MessageTypeReply && r != nil && r.Author != nil && r.Author.ID == self
}

// answerMessage answers m with replies that reference it.
func (a *Adapter) answerMessage(ctx context.Context, s *session, m *discordgo.Message, self string) {
	msg := bot.Message{Text: cleanText(m.Content, m.Mentions, self), User: m.Author.ID, Channel: m.ChannelID, Platform: bot.Discord}
	reply := a.reply(ctx, s, msg)
	no := false
	ref := &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: &no}
	failed := false // the answer's files could not be sent
	for i, out := range Render(reply) {
		if i == 0 && len(attachments(reply)) > 0 {
			if a.sendReplyWithFiles(ctx, m.ChannelID, ref, out, reply) {
				continue
			}
			failed = true
		}
		if !a.sendReply(ctx, m.ChannelID, ref, out, reply, i) {
			return
		}
	}
	if failed {
		a.sendReply(ctx, m.ChannelID, ref, Message{Content: bot.ChartUploadFailedNote}, reply, -1)
	}
}

// sendReply sends one message of a reply to a message; it returns false,
// having logged why, when it could not.
func (a *Adapter) sendReply(ctx context.Context, ch string, ref *discordgo.MessageReference, out Message, reply bot.Reply, part int) bool {
	send := &discordgo.MessageSend{Content: out.Content, Embeds: out.Embeds, AllowedMentions: noMentions(), Reference: ref}
	err := a.call(ctx, "create message", func(o ...discordgo.RequestOption) error {
		_, err := a.dg.ChannelMessageSendComplex(ch, send, o...)
		return err
	})
	if err != nil {
		a.log.ErrorContext(ctx, "discord: send reply", "request_id", reply.RequestID, "channel", ch,
			"part", part+1, "status", restStatus(err), "err", err)
	}
	return err == nil
}

var mentionMarkup = regexp.MustCompile(`<(@[!&]?|#)(\d+)>`)

// cleanText turns message content into what the user asked: without
// mentions of the bot, with other user mentions as @name, and role and
// channel mentions as @role and #channel.
func cleanText(content string, mentions []*discordgo.User, self string) string {
	t := mentionMarkup.ReplaceAllStringFunc(content, func(s string) string {
		p := mentionMarkup.FindStringSubmatch(s)
		switch kind, id := p[1], p[2]; {
		case kind == "#":
			return "#channel"
		case kind == "@&":
			return "@role"
		case id == self:
			return ""
		default:
			for _, u := range mentions {
				if u != nil && u.ID == id && u.Username != "" {
					return "@" + u.Username
				}
			}
			return "@user"
		}
	})
	t = strings.TrimSpace(t)
	t = strings.TrimLeft(t, " \t\n,:;")
	return strings.TrimSpace(t)
}

// gatewayError returns the error that should stop the adapter for a failed
// gateway connection, or nil when trying again may help.
func gatewayError(err error) error {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		switch ce.Code {
		case 4004:
			return errors.Join(errors.New("discord: the gateway refused the bot token (check DISCORD_BOT_TOKEN)"), err)
		case 4013, 4014:
			return errors.Join(errors.New("discord: the gateway refused the intents; MESSAGE_CONTENT must be switched on "+
				"under Bot → Privileged Gateway Intents in the Developer Portal, or turned off in briefbot's config (discord.message_content)"), err)
		case 4010, 4011, 4012:
			return fmt.Errorf("discord: the gateway refused the connection: %w", err)
		}
	}
	if s := restStatus(err); s == http.StatusUnauthorized || s == http.StatusForbidden {
		return errors.Join(fmt.Errorf("discord: Discord refused the bot token with HTTP %d (check DISCORD_BOT_TOKEN)", s), err)
	}
	return nil
}
