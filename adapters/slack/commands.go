package slack

import (
	"context"
	"strings"

	slackgo "github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// maxResponsePosts is how many messages Slack accepts on one response_url.
const maxResponsePosts = 5

// onCommand answers a slash command through its response_url, in a
// goroutine; the caller acknowledges the command itself, at once. The text
// goes to the handler as it is: a question or any bot command (see
// bot.Commands); a last word "public" shows the answer to the channel
// instead of only to the user, and uploads its chart, if any, to the
// channel (a private answer says how to get the chart instead). Errors are always shown only to the user. A command
// delivered again (same trigger_id) is answered once. It returns false when
// the adapter is not running.
func (a *Adapter) onCommand(cmd slackgo.SlashCommand) bool {
	if cmd.TriggerID != "" && !a.events.Add("command/"+cmd.TriggerID) {
		a.log.Debug("slack: duplicate slash command ignored", "trigger_id", cmd.TriggerID)
		return true // redelivered over Socket Mode: answered already
	}
	text, public := commandText(cmd.Text)
	return a.start(func(ctx context.Context, s *session) {
		m := bot.Message{Text: text, User: cmd.UserID, Channel: cmd.ChannelID, Platform: bot.Slack}
		reply := a.reply(ctx, s, m)
		if cmd.ResponseURL == "" {
			a.log.Warn("slack: slash command without response_url", "request_id", reply.RequestID, "channel", cmd.ChannelID)
			return
		}
		kind := slackgo.ResponseTypeEphemeral
		if public && !reply.IsError {
			kind = slackgo.ResponseTypeInChannel
		}
		no := false
		post := func(i int, msg Message) bool {
			err := a.postResponse(ctx, cmd.ResponseURL, &slackgo.WebhookMessage{
				Text: msg.Text, Blocks: &slackgo.Blocks{BlockSet: msg.Blocks}, ResponseType: kind,
				UnfurlLinks: &no, UnfurlMedia: &no,
			})
			if err != nil {
				a.log.ErrorContext(ctx, "slack: post slash command answer", "request_id", reply.RequestID,
					"channel", cmd.ChannelID, "part", i+1, "err", err)
			}
			return err == nil
		}
		msgs := limitMessages(Render(reply), maxResponsePosts)
		for i, msg := range msgs {
			if !post(i, msg) {
				return
			}
		}
		if reply.Answer == nil || len(reply.Answer.Attachments) == 0 {
			return
		}
		note := privateChartNote
		if kind == slackgo.ResponseTypeInChannel {
			// Slash commands are never in threads. A failed upload is noted
			// through the response_url: the bot may not be in the channel.
			if a.uploadAttachments(ctx, cmd.ChannelID, "", reply) == nil {
				return
			}
			note = bot.ChartUploadFailedNote
		}
		if len(msgs) < maxResponsePosts {
			post(len(msgs), Render(bot.Reply{Text: note, RequestID: reply.RequestID})[0])
		}
	})
}

// commandText returns the question of a slash command's text and whether
// it ends with the word "public"; empty text asks for help.
func commandText(s string) (text string, public bool) {
	words := strings.Fields(cleanText(s, ""))
	if n := len(words); n > 0 && strings.EqualFold(words[n-1], "public") {
		words, public = words[:n-1], true
	}
	if len(words) == 0 {
		return bot.HelpCommand, public
	}
	return strings.Join(words, " "), public
}
