package discord

import (
	"bytes"
	"context"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// maxFileDescription is the longest description (alt text) Discord takes
// for an attachment.
const maxFileDescription = 1024

// filePart describes one file of a message in its payload_json.
type filePart struct {
	ID          int    `json:"id"`
	Filename    string `json:"filename"`
	Description string `json:"description,omitempty"`
}

// messageWithFiles is the JSON part of a message sent with files: what
// discordgo's MessageSend and WebhookEdit hold, plus the attachments'
// descriptions, which they cannot carry.
type messageWithFiles struct {
	Content         string                            `json:"content"`
	Embeds          []*discordgo.MessageEmbed         `json:"embeds"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	Reference       *discordgo.MessageReference       `json:"message_reference,omitempty"`
	Attachments     []filePart                        `json:"attachments"`
	Nonce           string                            `json:"nonce,omitempty"`
	EnforceNonce    bool                              `json:"enforce_nonce,omitempty"`
}

// withFiles returns the body of out with atts attached: each file listed
// with its alt text as description, and the first image shown in the
// first embed ("attachment://name.png"). out itself is not changed.
func withFiles(out Message, atts []bot.Attachment) messageWithFiles {
	body := messageWithFiles{Content: out.Content, Embeds: out.Embeds, AllowedMentions: noMentions()}
	if body.Embeds == nil {
		body.Embeds = []*discordgo.MessageEmbed{}
	}
	shown := false
	for i, att := range atts {
		body.Attachments = append(body.Attachments, filePart{ID: i, Filename: att.Name, Description: clipRunes(att.AltText, maxFileDescription)})
		if !shown && att.Type == "image/png" {
			shown = true
			embed := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Color: embedColor}
			if len(body.Embeds) > 0 {
				e := *body.Embeds[0]
				embed = &e
			}
			embed.Image = &discordgo.MessageEmbedImage{URL: "attachment://" + att.Name}
			body.Embeds = append([]*discordgo.MessageEmbed{embed}, body.Embeds[min(1, len(body.Embeds)):]...)
		}
	}
	return body
}

// sendWithFiles sends body and files as one multipart request (payload_json
// and files[n]) with method to endpoint, through call.
func (a *Adapter) sendWithFiles(ctx context.Context, what, method, endpoint string, body messageWithFiles, atts []bot.Attachment) error {
	return a.call(ctx, what, func(o ...discordgo.RequestOption) error {
		// Readers are spent by a try: make them again for each.
		files := make([]*discordgo.File, len(atts))
		for i, att := range atts {
			files[i] = &discordgo.File{Name: att.Name, ContentType: att.Type, Reader: bytes.NewReader(att.Data)}
		}
		contentType, data, err := discordgo.MultipartBodyWithJSON(body, files)
		if err != nil {
			return err
		}
		_, err = a.dg.RequestRaw(method, endpoint, contentType, data, endpoint, 0, o...)
		return err
	})
}

// attachments returns the files of reply's answer.
func attachments(reply bot.Reply) []bot.Attachment {
	if reply.Answer == nil {
		return nil
	}
	return reply.Answer.Attachments
}

// sendReplyWithFiles sends the first message of a reply to m with the
// answer's files. It returns false when the upload failed; the caller then
// sends the message without them and notes it.
func (a *Adapter) sendReplyWithFiles(ctx context.Context, ch string, ref *discordgo.MessageReference, out Message, reply bot.Reply) bool {
	body := withFiles(out, attachments(reply))
	body.Reference = ref
	err := a.sendWithFiles(ctx, "create message with files", http.MethodPost, discordgo.EndpointChannelMessages(ch), body, attachments(reply))
	if err != nil {
		a.log.ErrorContext(ctx, "discord: send reply with chart", "request_id", reply.RequestID, "channel", ch,
			"status", restStatus(err), "err", err)
	}
	return err == nil
}

// editOriginalWithFiles edits the deferred response of i into out with the
// answer's files. Like editOriginal, a 404 is tried again, twice.
func (a *Adapter) editOriginalWithFiles(ctx context.Context, i *discordgo.Interaction, out Message, reply bot.Reply) error {
	body := withFiles(out, attachments(reply))
	endpoint := discordgo.EndpointWebhookMessage(i.AppID, i.Token, "@original")
	for attempt := 0; ; attempt++ {
		err := a.sendWithFiles(ctx, "edit interaction response with files", http.MethodPatch, endpoint, body, attachments(reply))
		if err == nil || restStatus(err) != http.StatusNotFound || attempt == 2 {
			return err
		}
		if err := a.sleep(ctx, 250*time.Millisecond); err != nil {
			return err
		}
	}
}

// clipRunes shortens s to at most n runes.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// postDigestChart posts the chart of a digest as a message of its own
// after the digest's parts: the picture in an embed titled with the
// chart's title, described by its alt text. The nonce makes a retry
// within Discord's nonce window post it once. A failure is logged and
// noted in the channel; the digest stands without it.
func (a *Adapter) postDigestChart(ctx context.Context, channel, digestID string, r bot.Reply) {
	atts := attachments(r)
	if len(atts) == 0 {
		return
	}
	out := Message{Embeds: []*discordgo.MessageEmbed{{Type: discordgo.EmbedTypeRich, Color: embedColor, Title: clipRunes(atts[0].Title, MaxTitleLen)}}}
	body := withFiles(out, atts)
	body.Nonce, body.EnforceNonce = digestID+"-c", true // within 25 characters (MaxDigestIDLen)
	err := a.sendWithFiles(ctx, "create digest chart", http.MethodPost, discordgo.EndpointChannelMessages(channel), body, atts)
	if err == nil {
		return
	}
	a.log.ErrorContext(ctx, "discord: post digest chart", "digest", digestID, "channel", channel, "status", restStatus(err), "err", err)
	note := &digestMessage{Content: bot.ChartUploadFailedNote, AllowedMentions: noMentions(), Nonce: digestID + "-cn", EnforceNonce: true}
	if _, err := a.createMessage(ctx, "create message", channel, note); err != nil {
		a.log.ErrorContext(ctx, "discord: post digest chart note", "digest", digestID, "channel", channel, "err", err)
	}
}
