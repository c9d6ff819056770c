package slack

import (
	"bytes"
	"context"
	"unicode/utf8"

	slackgo "github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// maxAltText is the longest alt text Slack takes for a file.
const maxAltText = 1000

// privateChartNote is what a private slash-command answer with a chart
// ends with: a file posted to the channel would show everyone the question.
const privateChartNote = "The chart's picture is posted only where everyone can see it: end the command with `public`, or mention me in a channel."

// postAttachments uploads the files of reply's answer into channel, in the
// thread root ("" for the channel itself); when an upload fails, the
// answer already posted stays and a short note in the same place says so.
func (a *Adapter) postAttachments(ctx context.Context, channel, root string, reply bot.Reply) {
	if a.uploadAttachments(ctx, channel, root, reply) == nil {
		return
	}
	for _, msg := range Render(bot.Reply{Text: bot.ChartUploadFailedNote, RequestID: reply.RequestID}) {
		if err := a.postMessage(ctx, channel, root, msg); err != nil {
			a.log.ErrorContext(ctx, "slack: post upload note", "request_id", reply.RequestID, "channel", channel, "err", err)
			return
		}
	}
}

// uploadAttachments uploads the files of reply's answer into channel, in
// the thread root ("" for none), each with its title and alt text, using
// Slack's external upload flow (files.getUploadURLExternal, the upload,
// files.completeUploadExternal). It logs and returns the first failure.
func (a *Adapter) uploadAttachments(ctx context.Context, channel, root string, reply bot.Reply) error {
	if reply.Answer == nil {
		return nil
	}
	for _, att := range reply.Answer.Attachments {
		err := a.retry(ctx, "files upload", func(ctx context.Context) error {
			_, err := a.api.UploadFileContext(ctx, slackgo.UploadFileParameters{
				Reader: bytes.NewReader(att.Data), FileSize: len(att.Data), Filename: att.Name, Title: att.Title,
				AltTxt: clipRunes(att.AltText, maxAltText), Channel: channel, ThreadTimestamp: root,
			})
			return err
		})
		if err != nil {
			a.log.ErrorContext(ctx, "slack: upload chart", "request_id", reply.RequestID, "channel", channel, "file", att.Name, "err", err)
			return err
		}
	}
	return nil
}

// clipRunes shortens s to at most n runes.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
