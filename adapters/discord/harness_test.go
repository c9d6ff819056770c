package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/adapters/adaptertest"
	"github.com/briefbot/briefbot/bot"
)

// mustRouter is a real Router over a real index of adaptertest.Reports.
func mustRouter(t *testing.T) *bot.Router {
	t.Helper()
	return adaptertest.Router(t, bot.RouterOptions{})
}

// harness is a running adapter, its fake Discord, and how to reach it.
type harness struct {
	f    *fakeDiscord
	a    *Adapter
	srv  *httptest.Server // the adapter's HTTP handler
	conn *gwConn          // nil without the gateway
	key  ed25519.PrivateKey
}

// startAdapter runs an adapter against f with opts filled in for it (the
// bot token unless opts.NoGateway or opts.BotToken is "-", the public key
// of a new key pair, the fake's API URL, a discarding logger) and serves
// its HTTP handler. It stops the adapter when the test ends.
func startAdapter(t *testing.T, f *fakeDiscord, opts Options, h bot.Handler) *harness {
	t.Helper()
	pub, key, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	switch opts.BotToken {
	case "-":
		opts.BotToken = ""
	case "":
		opts.BotToken = botToken
	}
	opts.PublicKey = fmt.Sprintf("%x", pub)
	opts.APIURL = f.apiURL()
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	a, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	a.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- a.Run(ctx, h) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-errc:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Run = %v, want context.Canceled", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("Run did not return within 5 s of cancel")
		}
	})
	select {
	case <-a.Ready():
	case err := <-errc:
		t.Fatalf("Run: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("adapter not ready within 5 s")
	}
	hs := &harness{f: f, a: a, srv: srv, key: key}
	if a.gateway() {
		hs.conn = f.nextConn(t)
	}
	return hs
}

// mention is a MESSAGE_CREATE in the test channel that mentions the bot.
func mention(id, text string) map[string]any {
	return map[string]any{"id": id, "channel_id": channelID, "guild_id": guildID, "type": 0,
		"content": "<@" + botUser + "> " + text, "timestamp": time.Now().Format(time.RFC3339),
		"author":   map[string]any{"id": testUser, "username": "analyst"},
		"mentions": []any{map[string]any{"id": botUser, "username": "briefbot", "bot": true}}}
}

// say sends a MESSAGE_CREATE over the gateway and returns once the adapter
// has handled it and sent what it answers.
func (h *harness) say(t *testing.T, m map[string]any) {
	t.Helper()
	h.conn.dispatch("MESSAGE_CREATE", m)
	h.conn.sync(t)
	h.a.waitIdle()
}

// replies returns the messages the adapter sent in reply to message id
// since call n.
func (h *harness) replies(t *testing.T, n int, id string) []sentMessage {
	t.Helper()
	var out []sentMessage
	for _, c := range h.f.callsSince(n, "POST "+apiPath+"channels/") {
		m := c.message(t)
		if m.Reference == nil || m.Reference.MessageID != id {
			t.Errorf("reply references %+v, want message %s", m.Reference, id)
			continue
		}
		out = append(out, m)
	}
	return out
}

// command is an application command interaction for /brief sub with
// options (string values are string options, bools boolean ones).
func command(token, sub string, opts ...any) map[string]any {
	var options []any
	for i := 0; i+1 < len(opts); i += 2 {
		o := map[string]any{"name": opts[i], "type": 3, "value": opts[i+1]}
		if _, ok := opts[i+1].(bool); ok {
			o["type"] = 5
		}
		options = append(options, o)
	}
	o := map[string]any{"name": sub, "type": 1, "options": options}
	if group, name, ok := strings.Cut(sub, " "); ok { // a subcommand of a group
		o = map[string]any{"name": group, "type": 2, "options": []any{map[string]any{"name": name, "type": 1, "options": options}}}
	}
	return interaction(2, token, map[string]any{"id": "200000000000000001", "name": CommandName, "type": 1,
		"options": []any{o}})
}

// autocomplete is an autocomplete interaction with typed in the focused
// country option of /brief sub.
func autocomplete(sub, option, typed string) map[string]any {
	return interaction(4, "tok-auto", map[string]any{"id": "200000000000000001", "name": CommandName, "type": 1,
		"options": []any{map[string]any{"name": sub, "type": 1, "options": []any{
			map[string]any{"name": option, "type": 3, "value": typed, "focused": true}}}}})
}

func interaction(typ int, token string, data map[string]any) map[string]any {
	i := map[string]any{"id": newSnowflake(), "application_id": appID, "type": typ, "token": token, "version": 1,
		"channel_id": channelID, "guild_id": guildID, "locale": "en-US",
		"member": map[string]any{"user": map[string]any{"id": testUser, "username": "analyst"}, "roles": []any{}}}
	if data != nil {
		i["data"] = data
	}
	return i
}

// post sends body to the adapter's interactions endpoint signed with key
// at ts (zero: now; a nil key: unsigned) and returns the status and body.
func (h *harness) post(t *testing.T, body []byte, key ed25519.PrivateKey, ts time.Time) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.srv.URL+PathInteractions, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if key != nil {
		if ts.IsZero() {
			ts = time.Now()
		}
		stamp := fmt.Sprint(ts.Unix())
		req.Header.Set(HeaderTimestamp, stamp)
		req.Header.Set(HeaderSignature, Sign(key, stamp, body))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// interactionAnswer returns the messages sent for the interaction with
// token since call n: the edit of the original response first, then the
// follow-ups.
func (h *harness) interactionAnswer(t *testing.T, n int, token string) []sentMessage {
	t.Helper()
	var out []sentMessage
	for _, c := range h.f.callsSince(n, "") {
		if strings.Contains(c.Path, "/webhooks/"+appID+"/"+token) {
			out = append(out, c.message(t))
		}
	}
	return out
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

func newServer(t *testing.T, h http.Handler) *httptest.Server {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}
