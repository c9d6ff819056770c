package slack

import (
	"encoding/json"
	"strings"
	"testing"
)

func envelope(id, typ string, payload any) map[string]any {
	return map[string]any{"envelope_id": id, "type": typ, "payload": payload, "accepts_response_payload": typ != "events_api",
		"retry_attempt": 0, "retry_reason": ""}
}

func rawJSON(b []byte) json.RawMessage { return json.RawMessage(b) }

func commandPayload(text, responseURL string) map[string]any {
	return map[string]any{"token": "x", "team_id": "T1", "channel_id": channel, "user_id": testUser, "command": "/brief",
		"text": text, "response_url": responseURL, "trigger_id": newTriggerID(), "api_app_id": "A1", "is_enterprise_install": "false"}
}

// TestSocketMode drives the real socketmode client with a fake Slack that
// speaks Socket Mode: hello, events_api, slash_commands, an envelope the
// client cannot parse, a redelivery, disconnect, and a dropped connection.
func TestSocketMode(t *testing.T) {
	f := newFakeSlack(t)
	a, _ := startAdapter(t, f, Options{AppToken: "xapp-test"}, mustRouter(t), nil)
	sent := map[string]bool{}
	send := func(c *fakeConn, env map[string]any) {
		t.Helper()
		sent[env["envelope_id"].(string)] = true
		c.send(env)
		if got, want := f.nextAck(t), env["envelope_id"]; got != want {
			t.Fatalf("acked %s, want %s", got, want)
		}
	}
	ask := func(c *fakeConn, envID, eventID, ts string) {
		t.Helper()
		send(c, envelope(envID, "events_api", rawJSON(eventBody(eventID, mention(ts, question)))))
		p := f.nextPost(t)
		if p.Channel != channel || p.ThreadTS != ts || !strings.Contains(strings.Join(texts(p.Blocks), "\n"), "[1]") {
			t.Errorf("envelope %s: posted %+v, want a cited answer in thread %s", envID, p, ts)
		}
	}

	c := f.nextConn(t)
	t.Run("events_api", func(t *testing.T) { ask(c, "env-1", "EvS1", "1700000400.000001") })

	cmd := commandPayload(question+" public", f.hookURL("s1"))
	t.Run("slash_commands", func(t *testing.T) {
		send(c, envelope("env-2", "slash_commands", cmd))
		h := f.nextHook(t)
		if h.Msg.ResponseType != "in_channel" || !strings.Contains(strings.Join(texts(h.Msg.Blocks), "\n"), "[1]") {
			t.Errorf("response_url got %+v, want a public cited answer", h.Msg)
		}
	})

	t.Run("redelivered slash command", func(t *testing.T) {
		before := len(f.hookc)
		send(c, envelope("env-2b", "slash_commands", cmd))
		a.waitIdle()
		if n := len(f.hookc) - before; n != 0 {
			t.Errorf("a redelivered command was answered again (%d posts)", n)
		}
	})

	t.Run("envelope the client cannot parse", func(t *testing.T) {
		send(c, envelope("env-3", "events_api", rawJSON(eventBody("EvS3", map[string]any{"type": "made_up_event"}))))
	})

	t.Run("redelivered event", func(t *testing.T) {
		before := f.postCount()
		redo := envelope("env-4", "events_api", rawJSON(eventBody("EvS1", mention("1700000400.000001", question))))
		redo["retry_attempt"], redo["retry_reason"] = 1, "timeout"
		send(c, redo)
		a.waitIdle()
		if n := f.postCount() - before; n != 0 {
			t.Errorf("a redelivered event was answered again (%d posts)", n)
		}
	})

	t.Run("disconnect", func(t *testing.T) {
		c.send(map[string]any{"type": "disconnect", "reason": "refresh_requested", "debug_info": map[string]any{"host": "fake"}})
		c = f.nextConn(t)
		ask(c, "env-5", "EvS5", "1700000400.000005")
	})

	t.Run("dropped connection", func(t *testing.T) {
		c.ws.UnderlyingConn().Close()
		c = f.nextConn(t)
		ask(c, "env-6", "EvS6", "1700000400.000006")
	})

	a.waitIdle()
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.opens != 3 {
		t.Errorf("apps.connections.open called %d times, want 3 (start, disconnect, drop)", f.opens)
	}
	for id := range sent {
		if n := f.acks[id]; n != 1 {
			t.Errorf("envelope %s acked %d times, want once", id, n)
		}
	}
	if len(f.acks) != len(sent) {
		t.Errorf("acked %v, sent %v", f.acks, sent)
	}
}
