package discord

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/adapters/adaptertest"
	"github.com/briefbot/briefbot/bot"
)

// TestGatewayMessages drives the real discordgo session over a fake
// gateway: a mention and a direct message get replies that reference them;
// bots, webhooks, the bot itself, messages that do not mention it and
// events delivered twice get nothing.
func TestGatewayMessages(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	h := startAdapter(t, f, Options{}, mustRouter(t))

	t.Run("identify", func(t *testing.T) {
		var id struct {
			Token   string `json:"token"`
			Intents int    `json:"intents"`
		}
		if err := json.Unmarshal(h.conn.first.D, &id); err != nil || h.conn.first.Op != 2 {
			t.Fatalf("first frame op %d %s: %v", h.conn.first.Op, h.conn.first.D, err)
		}
		if want := int(discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages); id.Intents != want || id.Token != "Bot "+botToken {
			t.Errorf("IDENTIFY with intents %d, token %q; want %d (no MESSAGE_CONTENT) and the bot token", id.Intents, id.Token, want)
		}
	})

	var asked string
	t.Run("mention", func(t *testing.T) {
		asked = newSnowflake()
		n := f.callCount()
		h.say(t, mention(asked, question))
		msgs := h.replies(t, n, asked)
		if len(msgs) != 1 {
			t.Fatalf("%d replies, want 1", len(msgs))
		}
		m := msgs[0]
		if len(m.Embeds) == 0 || m.Embeds[0].Title != question {
			t.Errorf("reply %+v; want embeds titled with the question, the mention stripped", m)
		}
		if plain := discordPlain(strings.Join(m.texts(), "\n")); !strings.Contains(plain, "[1]") || !strings.Contains(plain, "Armed drones arrive in Kazakhstan") {
			t.Errorf("reply does not cite the reports:\n%s", plain)
		}
	})

	t.Run("mention delivered again", func(t *testing.T) {
		n := f.callCount()
		h.say(t, mention(asked, question))
		if got := f.callsSince(n, ""); len(got) != 0 {
			t.Errorf("a message delivered again was answered again: %d calls", len(got))
		}
	})

	t.Run("direct message", func(t *testing.T) {
		id := newSnowflake()
		n := f.callCount()
		h.say(t, map[string]any{"id": id, "channel_id": dmChannel, "type": 0, "content": "help",
			"author": map[string]any{"id": testUser, "username": "analyst"}})
		msgs := h.replies(t, n, id)
		if len(msgs) != 1 || !strings.Contains(msgs[0].Content, "suppliers COUNTRY") || !strings.Contains(msgs[0].Content, "/brief") {
			t.Errorf("help in a direct message got %+v", msgs)
		}
		if calls := f.callsSince(n, "POST "+apiPath+"channels/"+dmChannel+"/messages"); len(calls) != 1 {
			t.Errorf("the reply went elsewhere than the direct message channel")
		}
	})

	self := map[string]any{"id": botUser, "username": "briefbot", "bot": true}
	for _, tc := range []struct {
		name   string
		change func(m map[string]any)
	}{
		{"another bot", func(m map[string]any) { m["author"] = map[string]any{"id": "300", "username": "otherbot", "bot": true} }},
		{"itself", func(m map[string]any) { m["author"] = self }},
		{"a webhook", func(m map[string]any) { m["webhook_id"] = "400" }},
		{"the system", func(m map[string]any) {
			m["author"] = map[string]any{"id": "500", "username": "Discord", "system": true}
		}},
		{"no mention in a server", func(m map[string]any) { m["content"] = question; m["mentions"] = []any{} }},
		{"a mention of someone else", func(m map[string]any) {
			m["content"] = "<@600> " + question
			m["mentions"] = []any{map[string]any{"id": "600", "username": "someone"}}
		}},
		{"no text (no MESSAGE_CONTENT)", func(m map[string]any) { m["content"] = ""; m["mentions"] = []any{} }},
		{"a member joining", func(m map[string]any) { m["type"] = 7 }},
		{"a reply to someone else", func(m map[string]any) {
			m["type"], m["content"], m["mentions"] = 19, question, []any{}
			m["referenced_message"] = map[string]any{"id": "700", "channel_id": channelID, "content": "x", "author": map[string]any{"id": "600"}}
		}},
	} {
		t.Run("ignores "+tc.name, func(t *testing.T) {
			m := mention(newSnowflake(), question)
			tc.change(m)
			n := f.callCount()
			h.say(t, m)
			if got := f.callsSince(n, ""); len(got) != 0 {
				t.Errorf("answered: %s %s %s", got[0].Method, got[0].Path, got[0].Body)
			}
		})
	}

	t.Run("reply to the bot without a mention", func(t *testing.T) {
		id := newSnowflake()
		m := mention(id, "")
		m["type"], m["content"], m["mentions"] = 19, "recipients Turkey", []any{}
		m["referenced_message"] = map[string]any{"id": asked, "channel_id": channelID, "content": "", "author": self}
		n := f.callCount()
		h.say(t, m)
		if msgs := h.replies(t, n, id); len(msgs) != 1 || msgs[0].Embeds[0].Title != "recipients Turkey" {
			t.Errorf("a reply to the bot (with MESSAGE_CONTENT) got %+v", msgs)
		}
	})
}

// TestGatewaySlashCommand answers /brief over the gateway: a deferred
// response at once, then the answer edited in, with follow-ups for the
// rest of a long reply, privately when asked.
func TestGatewaySlashCommand(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	long := strings.Repeat("The index holds many reports about arms transfers to Central Asia. ", 90)
	router := adaptertest.Router(t, bot.RouterOptions{Sources: func(context.Context) (string, error) { return long, nil }})
	h := startAdapter(t, f, Options{}, router)
	run := func(t *testing.T, i map[string]any) (callback map[string]any, answer []sentMessage) {
		t.Helper()
		n := f.callCount()
		h.conn.dispatch("INTERACTION_CREATE", i)
		h.conn.sync(t)
		h.a.waitIdle()
		calls := f.callsSince(n, "")
		if len(calls) == 0 || calls[0].Path != apiPath+"interactions/"+i["id"].(string)+"/"+i["token"].(string)+"/callback" {
			t.Fatalf("first call %+v, want the interaction callback", calls)
		}
		if err := json.Unmarshal(calls[0].Body, &callback); err != nil {
			t.Fatal(err)
		}
		return callback, h.interactionAnswer(t, n, i["token"].(string))
	}

	t.Run("suppliers", func(t *testing.T) {
		cb, answer := run(t, command("tok-suppliers", "suppliers", "country", "kazakh"))
		if cb["type"] != 5.0 || cb["data"] != nil {
			t.Errorf("callback %v, want a public deferred response (type 5)", cb)
		}
		if len(answer) != 1 || len(answer[0].Embeds) == 0 || answer[0].Embeds[0].Title != "suppliers Kazakhstan" {
			t.Fatalf("answer %+v, want the edited response titled suppliers Kazakhstan", answer)
		}
		if plain := discordPlain(strings.Join(answer[0].texts(), "\n")); !strings.Contains(plain, "[1]") {
			t.Errorf("answer without sources:\n%s", plain)
		}
		if calls := f.callsSince(0, "PATCH "+apiPath+"webhooks/"+appID+"/tok-suppliers/messages/@original"); len(calls) != 1 {
			t.Errorf("%d edits of the original response, want 1", len(calls))
		}
	})

	t.Run("private, with follow-ups", func(t *testing.T) {
		cb, answer := run(t, command("tok-sources", "sources list"))
		data, _ := cb["data"].(map[string]any)
		if cb["type"] != 5.0 || data["flags"] != 64.0 {
			t.Errorf("callback %v, want an ephemeral deferred response", cb)
		}
		if len(answer) < 3 {
			t.Fatalf("%d messages for a %d-character reply, want the edit and follow-ups", len(answer), len(long))
		}
		var got []string
		for i, m := range answer {
			if i > 0 && m.Flags != 64 {
				t.Errorf("follow-up %d has flags %d, want ephemeral", i, m.Flags)
			}
			got = append(got, discordPlain(m.Content))
		}
		if strings.Join(strings.Fields(strings.Join(got, " ")), " ") != strings.Join(strings.Fields(long), " ") {
			t.Error("the follow-ups do not add up to the reply")
		}
	})

	t.Run("a public command's error is shown privately", func(t *testing.T) {
		n := f.callCount()
		cb, _ := run(t, command("tok-err", "ask", "question", "digest subscribe"))
		if cb["type"] != 5.0 || cb["data"] != nil {
			t.Errorf("callback %v, want a public deferred response", cb)
		}
		follow := f.callsSince(n, "POST "+apiPath+"webhooks/"+appID+"/tok-err")
		deleted := f.callsSince(n, "DELETE "+apiPath+"webhooks/"+appID+"/tok-err/messages/@original")
		edits := f.callsSince(n, "PATCH "+apiPath+"webhooks/"+appID+"/tok-err/messages/@original")
		var m struct {
			Content string `json:"content"`
			Flags   int    `json:"flags"`
		}
		if len(follow) == 1 {
			json.Unmarshal(follow[0].Body, &m)
		}
		if len(follow) != 1 || m.Flags != 64 || !strings.Contains(discordPlain(m.Content), "digest") || len(deleted) != 1 || len(edits) != 0 {
			t.Errorf("error reply: %d follow-ups (%+v), %d deletes, %d edits; want one ephemeral follow-up, the public response deleted",
				len(follow), m, len(deleted), len(edits))
		}
	})

	t.Run("autocomplete", func(t *testing.T) {
		i := autocomplete("between", "recipient", "Kaz")
		n := f.callCount()
		h.conn.dispatch("INTERACTION_CREATE", i)
		h.conn.sync(t)
		h.a.waitIdle()
		calls := f.callsSince(n, "POST "+apiPath+"interactions/")
		if len(calls) != 1 {
			t.Fatalf("%d callbacks, want 1", len(calls))
		}
		var cb struct {
			Type int `json:"type"`
			Data struct {
				Choices []struct{ Name, Value string } `json:"choices"`
			} `json:"data"`
		}
		json.Unmarshal(calls[0].Body, &cb)
		if cb.Type != 8 || len(cb.Data.Choices) == 0 || cb.Data.Choices[0].Value != "Kazakhstan" {
			t.Errorf("autocomplete answered %s", calls[0].Body)
		}
	})

	t.Run("another command", func(t *testing.T) {
		i := command("tok-other", "ask", "question", question)
		i["data"].(map[string]any)["name"] = "weather"
		cb, answer := run(t, i)
		if cb["type"] != 4.0 || len(answer) != 0 {
			t.Errorf("callback %v and %d messages, want a short note (type 4) only", cb, len(answer))
		}
	})
}

// TestGatewayReconnect has the fake ask the client to reconnect (op 7):
// it resumes its session and answers on the new connection.
func TestGatewayReconnect(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	h := startAdapter(t, f, Options{}, mustRouter(t))
	h.conn.send(map[string]any{"op": 7, "d": nil})
	c := f.nextConn(t)
	var resume struct {
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	json.Unmarshal(c.first.D, &resume)
	if c.first.Op != 6 || resume.SessionID != "session-1" {
		t.Errorf("after op 7 the client sent op %d %s, want RESUME of session-1", c.first.Op, c.first.D)
	}
	h.conn = c
	id := newSnowflake()
	n := f.callCount()
	h.say(t, mention(id, question))
	if msgs := h.replies(t, n, id); len(msgs) != 1 {
		t.Errorf("%d replies after the reconnect, want 1", len(msgs))
	}
}

func TestGatewayRefusals(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	a, err := New(Options{BotToken: "wrong-token", APIURL: f.apiURL(), Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = a.Run(ctx, mustRouter(t))
	if err == nil || !strings.Contains(err.Error(), "DISCORD_BOT_TOKEN") || ctx.Err() != nil {
		t.Errorf("Run with a refused token = %v, want an error naming DISCORD_BOT_TOKEN at once", err)
	}
}

func TestMessageContentIntent(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	h := startAdapter(t, f, Options{MessageContent: true}, mustRouter(t))
	var id struct {
		Intents discordgo.Intent `json:"intents"`
	}
	json.Unmarshal(h.conn.first.D, &id)
	if id.Intents&discordgo.IntentsMessageContent == 0 {
		t.Errorf("intents %d lack MESSAGE_CONTENT", id.Intents)
	}
}

func TestCleanText(t *testing.T) {
	users := []*discordgo.User{{ID: botUser, Username: "briefbot"}, {ID: "42", Username: "ana"}}
	for _, tc := range []struct{ in, want string }{
		{"<@" + botUser + "> who supplies Kazakhstan?", "who supplies Kazakhstan?"},
		{"<@!" + botUser + ">, suppliers Turkmenistan", "suppliers Turkmenistan"},
		{"who arms Kazakhstan <@" + botUser + ">", "who arms Kazakhstan"},
		{"<@" + botUser + "> ask <@42> and <@&7> in <#9>", "ask @ana and @role in #channel"},
		{"<@" + botUser + ">", ""},
	} {
		if got := cleanText(tc.in, users, botUser); got != tc.want {
			t.Errorf("cleanText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
