package slack

import (
	"encoding/json"
	"github.com/briefbot/briefbot/adapters/internal/chatkit"
	"net/http"
	"net/url"
	"strings"

	slackgo "github.com/slack-go/slack"
)

// Paths at which Register serves the Events API and slash commands.
const (
	PathEvents   = "/slack/events"
	PathCommands = "/slack/commands"
)

// Register adds ServeEvents and ServeCommands to mux, for POST at
// PathEvents and PathCommands.
func (a *Adapter) Register(mux *http.ServeMux) {
	mux.HandleFunc("POST "+PathEvents, a.ServeEvents)
	mux.HandleFunc("POST "+PathCommands, a.ServeCommands)
}

// ServeEvents receives Events API requests. It answers 401 to a request
// without a valid, fresh signature, 413 to one over MaxBodyBytes, the
// challenge to url_verification, 503 while the adapter is not running
// (Slack retries), and 200 at once to events, which are answered in the
// background.
func (a *Adapter) ServeEvents(w http.ResponseWriter, r *http.Request) {
	body, ok := a.readVerified(w, r)
	if !ok {
		return
	}
	var cb callback
	if err := json.Unmarshal(body, &cb); err != nil {
		http.Error(w, "request body is not an Events API event", http.StatusBadRequest)
		return
	}
	if cb.Type == "url_verification" {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"challenge": cb.Challenge})
		return
	}
	s := a.current()
	if s == nil {
		w.Header().Set("Retry-After", "1")
		http.Error(w, "briefbot is not running yet", http.StatusServiceUnavailable)
		return
	}
	a.onCallback(s, cb)
	w.WriteHeader(http.StatusOK)
}

// ServeCommands receives slash commands. Like ServeEvents it verifies the
// request first; it then acknowledges with an empty 200 at once and posts
// the answer to the command's response_url. While the adapter is not
// running it tells the user to try again.
func (a *Adapter) ServeCommands(w http.ResponseWriter, r *http.Request) {
	body, ok := a.readVerified(w, r)
	if !ok {
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "request body is not a form", http.StatusBadRequest)
		return
	}
	cmd := slackgo.SlashCommand{
		TeamID: form.Get("team_id"), ChannelID: form.Get("channel_id"), UserID: form.Get("user_id"),
		Command: form.Get("command"), Text: form.Get("text"), ResponseURL: form.Get("response_url"),
		TriggerID: form.Get("trigger_id"), APIAppID: form.Get("api_app_id"),
	}
	if !a.onCommand(cmd) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"response_type": slackgo.ResponseTypeEphemeral,
			"text": "briefbot is starting or stopping; please try again in a moment."})
		return
	}
	w.WriteHeader(http.StatusOK)
}

// readVerified reads a request body of at most MaxBodyBytes and checks its
// signature before anything parses it. On failure it has answered the
// request and returns false.
func (a *Adapter) readVerified(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	if a.opts.SigningSecret == "" {
		http.Error(w, "Slack requests over HTTP are not enabled (no signing secret)", http.StatusNotFound)
		return nil, false
	}
	body, ok := chatkit.ReadBody(w, r, a.lim.MaxBodyBytes)
	if !ok {
		return nil, false
	}
	if err := a.verifier.Verify(r.Header, body); err != nil {
		a.log.Warn("slack: request rejected", "path", r.URL.Path, "remote", r.RemoteAddr, "err", err)
		http.Error(w, "invalid or stale signature", http.StatusUnauthorized)
		return nil, false
	}
	if !a.replays.First(replayKey(r)) {
		a.log.Warn("slack: replayed request rejected", "path", r.URL.Path, "remote", r.RemoteAddr)
		http.Error(w, "replayed request", http.StatusUnauthorized)
		return nil, false
	}
	return body, true
}

// replayKey identifies a signed request for replay detection: its
// signature, and for the Events API the retry number Slack sets when it
// sends an event again (up to 3 times; events are deduplicated by
// event_id after this), so Slack's own retries pass and any other repeat
// of the same signed request gets 401.
func replayKey(r *http.Request) string {
	key := strings.ToLower(r.Header.Get(HeaderSignature)) // hex is read in either case
	if r.URL.Path == PathEvents {
		switch n := r.Header.Get("X-Slack-Retry-Num"); n {
		case "1", "2", "3":
			key += "#" + n
		}
	}
	return key
}
