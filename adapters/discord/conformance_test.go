package discord

import (
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/adapters/adaptertest"
	"github.com/briefbot/briefbot/bot"
)

// TestConformance runs the adapter contract against Discord, as a mention
// over the gateway (answered with replies to it) and as /brief ask over
// HTTP interactions (deferred, then edited in, with follow-ups), with the
// real discordgo client and a fake Discord.
func TestConformance(t *testing.T) {
	t.Parallel()
	t.Run("mention", func(t *testing.T) {
		adaptertest.Run(t, adaptertest.Harness{
			Start: func(t *testing.T, hd bot.Handler) adaptertest.Sender {
				f := newFakeDiscord(t)
				h := startAdapter(t, f, Options{}, hd)
				return func(t *testing.T, text string) adaptertest.Output {
					id := newSnowflake()
					n := f.callCount()
					h.say(t, mention(id, text))
					return output(h.replies(t, n, id))
				}
			},
			Pings: discordPings,
			Links: discordLinks,
		})
	})
	t.Run("slash command", func(t *testing.T) {
		adaptertest.Run(t, adaptertest.Harness{
			Start: func(t *testing.T, hd bot.Handler) adaptertest.Sender {
				f := newFakeDiscord(t)
				h := startAdapter(t, f, Options{BotToken: "-", ApplicationID: appID}, hd)
				return func(t *testing.T, text string) adaptertest.Output {
					token := "tok-" + newSnowflake()
					n := f.callCount()
					if status, body := h.post(t, mustJSON(t, command(token, "ask", "question", text)), h.key, time.Time{}); status != 200 ||
						!strings.Contains(body, `"type":5`) {
						t.Fatalf("command: %d %s", status, body)
					}
					h.a.waitIdle()
					return output(h.interactionAnswer(t, n, token))
				}
			},
			Pings: discordPings,
			Links: discordLinks,
			Menu:  menu,
		})
	})
}

// menu lists the commands /brief offers, by their bot command names.
func menu() []string {
	var names []string
	for _, o := range Commands(false)[0].Options {
		if o.Type != discordgo.ApplicationCommandOptionSubCommandGroup {
			names = append(names, o.Name)
			continue
		}
		for _, sub := range o.Options {
			names = append(names, o.Name+" "+sub.Name)
		}
	}
	return names
}

// output is what a Discord user sees of msgs.
func output(msgs []sentMessage) adaptertest.Output {
	var raw []string
	for _, m := range msgs {
		raw = append(raw, m.texts()...)
	}
	var plain []string
	for _, s := range raw {
		plain = append(plain, discordPlain(s))
	}
	return adaptertest.Output{Replied: len(msgs) > 0, Raw: strings.Join(raw, "\n"), Plain: strings.Join(plain, "\n")}
}
