package slack

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/bot"
)

// callback is the outer envelope of an Events API event, as it arrives over
// HTTP and inside a Socket Mode events_api envelope.
type callback struct {
	Type      string          `json:"type"` // event_callback, url_verification, app_rate_limited
	Challenge string          `json:"challenge"`
	EventID   string          `json:"event_id"`
	Event     json.RawMessage `json:"event"`
}

// event is what the adapter reads of a message or app_mention event.
type event struct {
	Type        string `json:"type"`
	Subtype     string `json:"subtype"`
	User        string `json:"user"`
	BotID       string `json:"bot_id"`
	Text        string `json:"text"`
	TS          string `json:"ts"`
	ThreadTS    string `json:"thread_ts"`
	Channel     string `json:"channel"`
	ChannelType string `json:"channel_type"`
}

// onCallback handles an event_callback from either transport: each event
// once (Slack retries and redelivers), each message once (a mention arrives
// both as app_mention and as message), answered in a goroutine.
func (a *Adapter) onCallback(s *session, cb callback) {
	if cb.Type != "event_callback" {
		if cb.Type == "app_rate_limited" {
			a.log.Warn("slack: Slack is rate-limiting events to this app")
		}
		return
	}
	if cb.EventID != "" && !a.events.Add(cb.EventID) {
		a.log.Debug("slack: duplicate event ignored", "event_id", cb.EventID)
		return
	}
	var ev event
	if err := json.Unmarshal(cb.Event, &ev); err != nil {
		a.log.Warn("slack: unreadable event", "event_id", cb.EventID, "err", err)
		return
	}
	if !a.wants(s, ev) {
		return
	}
	if !a.messages.Add(ev.Channel + "/" + ev.TS) {
		return
	}
	a.start(func(ctx context.Context, s *session) {
		if a.claimed(ctx, "slack/message/"+ev.Channel+"/"+ev.TS) {
			a.answerEvent(ctx, s, ev)
		}
	})
}

// claimed reports whether this adapter may answer the message of key:
// always without Options.Claim, else when the claim is this adapter's (or
// cannot be made).
func (a *Adapter) claimed(ctx context.Context, key string) bool {
	if a.opts.Claim == nil {
		return true
	}
	ok, err := a.opts.Claim(ctx, key)
	if err != nil {
		a.log.Warn("slack: claiming a message failed; answering it", "key", key, "err", err)
		return true
	}
	if !ok {
		a.log.Debug("slack: message answered by another replica", "key", key)
	}
	return ok
}

// wants reports whether the bot should answer ev: a mention, a direct
// message, or a message in a thread the bot answered in; never a message
// from itself or another bot, nor an edit, a deletion or a join.
func (a *Adapter) wants(s *session, ev event) bool {
	switch {
	case ev.BotID != "" || ev.Subtype == "bot_message":
		return false
	case ev.User == "" || ev.User == s.userID:
		return false
	case ev.Subtype != "" && ev.Subtype != "thread_broadcast" && ev.Subtype != "file_share":
		return false
	case ev.Channel == "" || ev.TS == "":
		return false
	}
	switch ev.Type {
	case "app_mention":
		return true
	case "message":
		if ev.ChannelType == "im" {
			return true
		}
		return ev.ThreadTS != "" && a.threads.Has(ev.Channel+"/"+ev.ThreadTS)
	}
	return false
}

// answerEvent answers a message in a thread on it (or in its thread).
func (a *Adapter) answerEvent(ctx context.Context, s *session, ev event) {
	root := ev.ThreadTS
	if root == "" {
		root = ev.TS
	}
	a.threads.Add(ev.Channel + "/" + root)
	m := bot.Message{Text: cleanText(ev.Text, s.userID), User: ev.User, Channel: ev.Channel, Platform: bot.Slack}
	reply := a.reply(ctx, s, m)
	for i, msg := range Render(reply) {
		if err := a.postMessage(ctx, ev.Channel, root, msg); err != nil {
			a.log.ErrorContext(ctx, "slack: post reply", "request_id", reply.RequestID, "channel", ev.Channel,
				"part", i+1, "err", err)
			return
		}
	}
	a.postAttachments(ctx, ev.Channel, root, reply)
}

var slackMarkup = regexp.MustCompile(`<([^<>]*)>`)

// cleanText turns Slack message text into what the user typed: without the
// leading mention of the bot, with mentions, channels and links as their
// visible text, and with Slack's &amp; &lt; &gt; decoded.
func cleanText(text, botUserID string) string {
	t := strings.TrimSpace(text)
	if botUserID != "" && (strings.HasPrefix(t, "<@"+botUserID+">") || strings.HasPrefix(t, "<@"+botUserID+"|")) {
		if end := strings.IndexByte(t, '>'); end >= 0 {
			t = t[end+1:]
		} else { // a mention never closed: drop it up to the first space
			t = strings.TrimPrefix(t, "<@"+botUserID)
			if i := strings.IndexFunc(t, unicode.IsSpace); i >= 0 {
				t = t[i:]
			} else {
				t = ""
			}
		}
		t = strings.TrimLeft(t, " \t\n,:;")
	}
	t = slackMarkup.ReplaceAllStringFunc(t, func(m string) string {
		target, label, labelled := strings.Cut(m[1:len(m)-1], "|")
		switch {
		case strings.HasPrefix(target, "@"), strings.HasPrefix(target, "#"):
			if labelled {
				return target[:1] + strings.TrimPrefix(label, target[:1])
			}
			return target
		case strings.HasPrefix(target, "!"):
			if labelled {
				return label
			}
			switch target {
			case "!here", "!channel", "!everyone":
				return "@" + target[1:]
			}
			return ""
		case labelled:
			return label
		}
		return strings.TrimPrefix(target, "mailto:")
	})
	t = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(t)
	return strings.TrimSpace(t)
}
