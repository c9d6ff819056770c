package discord

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestHTTPInteractions serves interactions over HTTP alone (no bot token):
// signatures are checked, PING gets PONG, autocomplete its choices, and a
// command a deferred response, then the answer edited in through the
// interaction's webhook, which needs no bot token.
func TestHTTPInteractions(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	h := startAdapter(t, f, Options{BotToken: "-", ApplicationID: appID}, mustRouter(t))
	if h.conn != nil || h.a.Mode() != ModeHTTP {
		t.Fatalf("mode %s, want %s without a gateway connection", h.a.Mode(), ModeHTTP)
	}
	ping := mustJSON(t, interaction(1, "tok-ping", nil))

	t.Run("ping", func(t *testing.T) {
		status, body := h.post(t, ping, h.key, time.Time{})
		if status != http.StatusOK || strings.TrimSpace(body) != `{"type":1}` {
			t.Errorf("PING got %d %s, want 200 {\"type\":1}", status, body)
		}
	})

	t.Run("rejected", func(t *testing.T) {
		_, otherKey, _ := ed25519.GenerateKey(nil)
		now := fmt.Sprint(time.Now().Unix())
		for _, tc := range []struct {
			name   string
			header map[string]string
			body   []byte
		}{
			{"unsigned", nil, ping},
			{"tampered body", map[string]string{HeaderTimestamp: now, HeaderSignature: Sign(h.key, now, ping)}, append(bytes.Clone(ping), ' ')},
			{"tampered timestamp", map[string]string{HeaderTimestamp: fmt.Sprint(time.Now().Unix() + 1), HeaderSignature: Sign(h.key, now, ping)}, ping},
			{"wrong key", map[string]string{HeaderTimestamp: now, HeaderSignature: Sign(otherKey, now, ping)}, ping},
			{"expired", map[string]string{HeaderTimestamp: fmt.Sprint(time.Now().Add(-6 * time.Minute).Unix()),
				HeaderSignature: Sign(h.key, fmt.Sprint(time.Now().Add(-6*time.Minute).Unix()), ping)}, ping},
			{"no signature", map[string]string{HeaderTimestamp: now}, ping},
			{"no timestamp", map[string]string{HeaderSignature: Sign(h.key, now, ping)}, ping},
			{"signature not hex", map[string]string{HeaderTimestamp: now, HeaderSignature: "zz"}, ping},
		} {
			t.Run(tc.name, func(t *testing.T) {
				req, _ := http.NewRequest(http.MethodPost, h.srv.URL+PathInteractions, bytes.NewReader(tc.body))
				for k, v := range tc.header {
					req.Header.Set(k, v)
				}
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusUnauthorized {
					t.Errorf("status %d, want 401", resp.StatusCode)
				}
			})
		}
		req, _ := http.NewRequest(http.MethodPost, h.srv.URL+PathInteractions, bytes.NewReader(bytes.Repeat([]byte("a"), 1<<20+1)))
		if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("a body over 1 MiB: %v %v, want 413", resp, err)
		}
	})

	t.Run("autocomplete", func(t *testing.T) {
		for _, tc := range []struct{ sub, option, typed, want string }{
			{"suppliers", "country", "Kaz", "Kazakhstan"},
			{"between", "supplier", "türk", "Turkey"},
			{"between", "recipient", "central as", "Central Asia"},
		} {
			status, body := h.post(t, mustJSON(t, autocomplete(tc.sub, tc.option, tc.typed)), h.key, time.Time{})
			var r struct {
				Type int `json:"type"`
				Data struct {
					Choices []struct{ Name, Value string } `json:"choices"`
				} `json:"data"`
			}
			if err := json.Unmarshal([]byte(body), &r); err != nil || status != http.StatusOK || r.Type != 8 {
				t.Fatalf("%q: %d %s", tc.typed, status, body)
			}
			if len(r.Data.Choices) == 0 || r.Data.Choices[0].Value != tc.want || len(r.Data.Choices) > 25 {
				t.Errorf("%q: choices %+v, want %s first", tc.typed, r.Data.Choices, tc.want)
			}
		}
	})

	t.Run("command", func(t *testing.T) {
		n := f.callCount()
		start := time.Now()
		status, body := h.post(t, mustJSON(t, command("tok-http", "between", "supplier", "Turkey", "recipient", "kazakhstan")), h.key, time.Time{})
		if status != http.StatusOK || strings.TrimSpace(body) != `{"type":5}` || time.Since(start) > 3*time.Second { // Discord's deadline for the initial response
			t.Fatalf("command got %d %s after %s, want {\"type\":5} at once", status, body, time.Since(start))
		}
		h.a.waitIdle()
		answer := h.interactionAnswer(t, n, "tok-http")
		if len(answer) != 1 || len(answer[0].Embeds) == 0 || answer[0].Embeds[0].Title != "between Turkey Kazakhstan" {
			t.Fatalf("answer %+v, want the edited response titled between Turkey Kazakhstan", answer)
		}
		for _, c := range f.callsSince(n, "") {
			if c.Auth != "" {
				t.Errorf("%s %s sent Authorization %q; interaction webhooks need no token", c.Method, c.Path, c.Auth)
			}
		}
		if calls := f.callsSince(0, "PUT "); len(calls) != 0 {
			t.Errorf("commands registered without a bot token: %+v", calls)
		}
	})

	t.Run("private help", func(t *testing.T) {
		n := f.callCount()
		status, body := h.post(t, mustJSON(t, command("tok-help", "help")), h.key, time.Time{})
		if status != http.StatusOK || !strings.Contains(body, `"flags":64`) {
			t.Errorf("help got %d %s, want an ephemeral deferred response", status, body)
		}
		h.a.waitIdle()
		if answer := h.interactionAnswer(t, n, "tok-help"); len(answer) != 1 || !strings.Contains(answer[0].Content, "/brief suppliers") {
			t.Errorf("help answer %+v", answer)
		}
	})

	t.Run("another application", func(t *testing.T) {
		i := interaction(1, "tok-x", nil)
		i["application_id"] = "999"
		if status, _ := h.post(t, mustJSON(t, i), h.key, time.Time{}); status != http.StatusBadRequest {
			t.Errorf("status %d, want 400", status)
		}
	})
}

// TestHTTPWhileStopped: a command that arrives while the adapter does not
// run is told to try again, at once and only to the user.
func TestHTTPWhileStopped(t *testing.T) {
	pub, key, _ := ed25519.GenerateKey(nil)
	a, err := New(Options{PublicKey: fmt.Sprintf("%x", pub), ApplicationID: appID, Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{a: a, key: key}
	mux := http.NewServeMux()
	a.Register(mux)
	h.srv = newServer(t, mux)
	status, body := h.post(t, mustJSON(t, command("tok-stopped", "help")), key, time.Time{})
	if status != http.StatusOK || !strings.Contains(body, `"type":4`) || !strings.Contains(body, `"flags":64`) || !strings.Contains(body, "try again") {
		t.Errorf("got %d %s", status, body)
	}
}
