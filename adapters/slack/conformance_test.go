package slack

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/adapters/adaptertest"
	"github.com/briefbot/briefbot/bot"
)

// TestConformance runs the adapter contract against Slack, over the Events
// API (a mention, answered in its thread) and as a slash command (answered
// at its response_url), with the real slack-go client and a fake Slack.
func TestConformance(t *testing.T) {
	t.Run("mention", func(t *testing.T) {
		adaptertest.Run(t, adaptertest.Harness{
			Start: func(t *testing.T, h bot.Handler) adaptertest.Sender {
				f := newFakeSlack(t)
				a, srv := startAdapter(t, f, Options{SigningSecret: secret}, h, nil)
				n := 0
				return func(t *testing.T, text string) adaptertest.Output {
					n++
					before := f.postCount()
					ts := fmt.Sprintf("1700000500.%06d", n)
					postEvent(t, a, srv, fmt.Sprintf("EvC%d", n), mention(ts, text), nil)
					var blocks, fallbacks []string
					posts := f.postsSince(before)
					for _, p := range posts {
						if p.ThreadTS != ts {
							t.Errorf("reply in thread %q, want %s", p.ThreadTS, ts)
						}
						blocks = append(blocks, texts(p.Blocks)...)
						fallbacks = append(fallbacks, p.Text)
					}
					return output(len(posts) > 0, blocks, fallbacks)
				}
			},
			Pings: slackPings,
			Links: slackLinks,
		})
	})
	t.Run("slash command", func(t *testing.T) {
		adaptertest.Run(t, adaptertest.Harness{
			Start: func(t *testing.T, h bot.Handler) adaptertest.Sender {
				f := newFakeSlack(t)
				a, srv := startAdapter(t, f, Options{SigningSecret: secret}, h, nil)
				n := 0
				return func(t *testing.T, text string) adaptertest.Output {
					n++
					req := signedRequest(t, srv.URL+PathCommands, "application/x-www-form-urlencoded", commandBody(text, f.hookURL(fmt.Sprint(n))))
					if status, body := do(t, req); status != http.StatusOK || body != "" {
						t.Fatalf("ack: %d %q", status, body)
					}
					a.waitIdle()
					f.mu.Lock()
					defer f.mu.Unlock()
					var blocks, fallbacks []string
					replied := false
					for _, h := range f.hooks {
						if h.Path == "/hook/"+fmt.Sprint(n) {
							replied = true
							blocks = append(blocks, texts(h.Msg.Blocks)...)
							fallbacks = append(fallbacks, h.Msg.Text)
						}
					}
					return output(replied, blocks, fallbacks)
				}
			},
			Pings: slackPings,
			Links: slackLinks,
		})
	})
}

// output is what a Slack user sees of messages with these block texts and
// fallback texts: Slack shows the blocks and notifies with the fallback.
func output(replied bool, blocks, fallbacks []string) adaptertest.Output {
	return adaptertest.Output{
		Replied: replied,
		Raw:     strings.Join(append(append([]string(nil), blocks...), fallbacks...), "\n"),
		Plain:   slackPlain(strings.Join(blocks, "\n")),
	}
}
