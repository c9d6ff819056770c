package discord

import (
	"context"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// onInteractionCreate handles an interaction from the gateway: it
// acknowledges and answers it in a goroutine (discordgo calls it on its
// gateway reader). Interactions other than /brief and its autocomplete are
// answered with a short note.
func (a *Adapter) onInteractionCreate(_ *discordgo.Session, ev *discordgo.InteractionCreate) {
	if ev == nil || ev.Interaction == nil {
		return
	}
	i := ev.Interaction
	respond := func(ctx context.Context, r *discordgo.InteractionResponse) error {
		return a.call(ctx, "interaction callback", func(o ...discordgo.RequestOption) error {
			return a.dg.InteractionRespond(i, r, o...)
		})
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		choices := a.choices(i)
		a.start(func(ctx context.Context, _ *session) {
			r := &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
				Data: &discordgo.InteractionResponseData{Choices: choices}}
			if err := respond(ctx, r); err != nil {
				a.log.WarnContext(ctx, "discord: autocomplete", "interaction", i.ID, "err", err)
			}
		})
	case discordgo.InteractionApplicationCommand:
		d, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		inv, known := parseCommand(d)
		if !ok || !known {
			a.start(func(ctx context.Context, _ *session) { _ = respond(ctx, unknownCommand()) })
			return
		}
		if !a.interactions.Add(i.ID) {
			return // delivered again after a resume: answered already
		}
		a.start(func(ctx context.Context, s *session) {
			if err := respond(ctx, deferred(inv.private)); err != nil {
				a.log.ErrorContext(ctx, "discord: defer interaction", "interaction", i.ID, "channel", i.ChannelID, "err", err)
				return
			}
			a.answerInteraction(ctx, s, i, inv)
		})
	case discordgo.InteractionMessageComponent, discordgo.InteractionModalSubmit:
		a.start(func(ctx context.Context, _ *session) { _ = respond(ctx, unknownCommand()) })
	}
}

// choices are the autocomplete choices for the option the user is typing.
func (a *Adapter) choices(i *discordgo.Interaction) []*discordgo.ApplicationCommandOptionChoice {
	d, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
	name, typed, _ := focused(d.Options)
	return a.complete.choices(typed, regionsOnly(d, name))
}

// deferred is the initial response to a command: "briefbot is thinking",
// seen only by the user when private.
func deferred(private bool) *discordgo.InteractionResponse {
	r := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	if private {
		r.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
	}
	return r
}

// unknownCommand answers an interaction the adapter has no use for.
func unknownCommand() *discordgo.InteractionResponse {
	return ephemeral("I only know /brief. Try /brief help.")
}

// ephemeral is an immediate answer only the user sees.
func ephemeral(text string) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: escape(text), Flags: discordgo.MessageFlagsEphemeral,
			AllowedMentions: noMentions()}}
}

// answerInteraction answers a deferred command: it edits the deferred
// response into the first message of the reply and sends the rest as
// follow-ups, all before the interaction's token expires.
func (a *Adapter) answerInteraction(ctx context.Context, s *session, i *discordgo.Interaction, inv invocation) {
	if created, err := discordgo.SnowflakeTimestamp(i.ID); err == nil {
		expires := created.Add(tokenLife - 10*time.Second)
		if time.Until(expires) <= 0 {
			a.log.WarnContext(ctx, "discord: interaction token expired before the answer", "interaction", i.ID, "created", created)
			return
		}
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, expires)
		defer cancel()
	}
	m := bot.Message{Text: inv.text, User: interactionUser(i), Channel: i.ChannelID, Platform: bot.Discord}
	reply := a.reply(ctx, s, m)
	if reply.IsError && !inv.private {
		// The public "thinking…" message cannot turn private: replace it
		// with an ephemeral follow-up, so a mistake is shown only to its
		// author.
		if err := a.errorPrivately(ctx, i, reply); err == nil {
			return
		} else {
			a.log.WarnContext(ctx, "discord: could not show the error privately; showing it in the channel",
				"request_id", reply.RequestID, "interaction", i.ID, "err", err)
		}
	}
	failed := false // the answer's files could not be sent
	for n, out := range Render(reply) {
		var err error
		switch {
		case n == 0 && len(attachments(reply)) > 0:
			if err = a.editOriginalWithFiles(ctx, i, out, reply); err != nil {
				a.log.ErrorContext(ctx, "discord: send interaction answer with chart", "request_id", reply.RequestID,
					"interaction", i.ID, "status", restStatus(err), "err", err)
				failed = true
				err = a.editOriginal(ctx, i, out)
			}
		case n == 0:
			err = a.editOriginal(ctx, i, out)
		default:
			err = a.followUp(ctx, i, out, inv.private)
		}
		if err != nil {
			a.log.ErrorContext(ctx, "discord: send interaction answer", "request_id", reply.RequestID, "interaction", i.ID,
				"channel", i.ChannelID, "part", n+1, "status", restStatus(err), "err", err)
			return
		}
	}
	if failed {
		if err := a.followUp(ctx, i, Message{Content: bot.ChartUploadFailedNote}, inv.private); err != nil {
			a.log.ErrorContext(ctx, "discord: send upload note", "request_id", reply.RequestID, "interaction", i.ID, "err", err)
		}
	}
}

// followUp sends out as a follow-up message of i, only to its user when
// private.
func (a *Adapter) followUp(ctx context.Context, i *discordgo.Interaction, out Message, private bool) error {
	params := &discordgo.WebhookParams{Content: out.Content, Embeds: out.Embeds, AllowedMentions: noMentions()}
	if private {
		params.Flags = discordgo.MessageFlagsEphemeral
	}
	return a.call(ctx, "interaction follow-up", func(o ...discordgo.RequestOption) error {
		_, err := a.dg.FollowupMessageCreate(i, true, params, o...)
		return err
	})
}

// errorPrivately deletes the public deferred response and sends the error
// reply as an ephemeral follow-up.
func (a *Adapter) errorPrivately(ctx context.Context, i *discordgo.Interaction, reply bot.Reply) error {
	out := Render(reply)[0]
	err := a.call(ctx, "interaction follow-up", func(o ...discordgo.RequestOption) error {
		_, err := a.dg.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: out.Content, Embeds: out.Embeds,
			AllowedMentions: noMentions(), Flags: discordgo.MessageFlagsEphemeral}, o...)
		return err
	})
	if err != nil {
		return err
	}
	err = a.call(ctx, "delete interaction response", func(o ...discordgo.RequestOption) error {
		return a.dg.InteractionResponseDelete(i, o...)
	})
	if err != nil { // the error went out privately; do not leave "thinking…" behind
		a.log.WarnContext(ctx, "discord: delete deferred response", "interaction", i.ID, "err", err)
		_ = a.editOriginal(ctx, i, Message{Content: "(Answered privately.)"})
	}
	return nil
}

// editOriginal edits the deferred response into out. Over HTTP, Discord
// may not know of the response yet when the answer is quick, so a 404 is
// tried again, twice.
func (a *Adapter) editOriginal(ctx context.Context, i *discordgo.Interaction, out Message) error {
	content, embeds := out.Content, out.Embeds
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	edit := &discordgo.WebhookEdit{Content: &content, Embeds: &embeds, AllowedMentions: noMentions()}
	for attempt := 0; ; attempt++ {
		err := a.call(ctx, "edit interaction response", func(o ...discordgo.RequestOption) error {
			_, err := a.dg.InteractionResponseEdit(i, edit, o...)
			return err
		})
		if err == nil || restStatus(err) != http.StatusNotFound || attempt == 2 {
			return err
		}
		if err := a.sleep(ctx, 250*time.Millisecond); err != nil {
			return err
		}
	}
}

// interactionUser is the ID of the user who invoked i.
func interactionUser(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}
