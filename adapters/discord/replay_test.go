package discord

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestReplayedInteractionRejected sends the same signed interaction twice
// within the five-minute window: the second gets 401, and the interaction
// is answered once.
func TestReplayedInteractionRejected(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	h := startAdapter(t, f, Options{BotToken: "-", ApplicationID: appID}, mustRouter(t))
	body := mustJSON(t, command("tok-replay", "suppliers", "country", "Kazakhstan"))
	ts := time.Now()
	n := f.callCount()
	if status, resp := h.post(t, body, h.key, ts); status != http.StatusOK || strings.TrimSpace(resp) != `{"type":5}` {
		t.Fatalf("first delivery: %d %s", status, resp)
	}
	h.a.waitIdle()
	if status, resp := h.post(t, body, h.key, ts); status != http.StatusUnauthorized {
		t.Errorf("replay: %d %s, want 401", status, resp)
	}
	h.a.waitIdle()
	if answer := h.interactionAnswer(t, n, "tok-replay"); len(answer) != 1 {
		t.Errorf("answered %d times, want once", len(answer))
	}
}
