package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/adapters/slack"
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/state"
)

// slackChannels is Slack's Web API on loopback as far as digests need it:
// chat.postMessage keeps each message with its metadata, and
// conversations.history gives them back with include_all_metadata.
type slackChannels struct {
	srv   *httptest.Server
	mu    sync.Mutex
	msgs  map[string][]map[string]any // channel -> messages, oldest first
	seq   int
	hooks chan map[string]any
	// afterPost, if set, runs after chat.postMessage kept a message and
	// before it answers (set it before the first request).
	afterPost func(r *http.Request, msg map[string]any)
}

func newSlackChannels(t *testing.T) *slackChannels {
	f := &slackChannels{msgs: map[string][]map[string]any{}, hooks: make(chan map[string]any, 10)}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/auth.test", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"ok":true,"team":"Fake","user":"briefbot","team_id":"T1","user_id":"UBOT","bot_id":"BBOT"}`)
	})
	mux.HandleFunc("POST /api/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		ch := r.PostForm.Get("channel")
		msg := map[string]any{"type": "message", "text": r.PostForm.Get("text")}
		if th := r.PostForm.Get("thread_ts"); th != "" {
			msg["thread_ts"] = th
		}
		if m := r.PostForm.Get("metadata"); m != "" {
			var meta map[string]any
			if err := json.Unmarshal([]byte(m), &meta); err != nil {
				http.Error(w, "bad metadata", http.StatusBadRequest)
				return
			}
			msg["metadata"] = meta
		}
		ts := f.add(ch, msg)
		if f.afterPost != nil {
			f.afterPost(r, msg)
		}
		fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":%q}`, ch, ts)
	})
	mux.HandleFunc("POST /api/conversations.history", func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		f.mu.Lock()
		defer f.mu.Unlock()
		var out []map[string]any
		list := f.msgs[r.PostForm.Get("channel")]
		for i := len(list) - 1; i >= 0; i-- { // newest first
			m := map[string]any{}
			for k, v := range list[i] {
				if k != "metadata" || r.PostForm.Get("include_all_metadata") == "true" || r.PostForm.Get("include_all_metadata") == "1" {
					m[k] = v
				}
			}
			out = append(out, m)
		}
		json.NewEncoder(w).Encode(map[string]any{"ok": true, "messages": out, "has_more": false})
	})
	mux.HandleFunc("POST /hook", func(w http.ResponseWriter, r *http.Request) {
		var m map[string]any
		json.NewDecoder(r.Body).Decode(&m)
		f.hooks <- m
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

// add keeps msg in channel ch and returns its ts.
func (f *slackChannels) add(ch string, msg map[string]any) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seq++
	ts := fmt.Sprintf("%d.%06d", time.Now().Unix(), f.seq)
	msg["ts"] = ts
	f.msgs[ch] = append(f.msgs[ch], msg)
	return ts
}

// digests returns the digest IDs of channel ch's messages, one per message.
func (f *slackChannels) digests(ch string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var ids []string
	for _, m := range f.msgs[ch] {
		if meta, ok := m["metadata"].(map[string]any); ok && meta["event_type"] == slack.DigestEventType {
			p, _ := meta["event_payload"].(map[string]any)
			ids = append(ids, fmt.Sprint(p["id"]))
		}
	}
	return ids
}

// seedSubscription writes a weekly subscription of Slack channel C1, made a
// month ago, into the state of dataDir, as an earlier run of serve would
// have.
func seedSubscription(t *testing.T, dataDir string) *state.Store {
	t.Helper()
	st, err := state.Open(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	sub := bot.Subscription{ID: "slack:C1", Platform: "slack", Channel: "C1", Spec: bot.DefaultDigestSpec, TZ: "UTC",
		CreatedBy: "U1", Created: time.Now().Add(-30 * 24 * time.Hour)}
	if err := st.PutSubscription(sub); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestServePostsDigests runs serve three times on one data folder against
// a fake Slack: the first run posts one catch-up digest for a subscription
// that never got one; the second (a restart) posts nothing; the third
// starts after a crash between a post and its confirmation and finds the
// post in the channel instead of posting again.
func TestServePostsDigests(t *testing.T) {
	f := newSlackChannels(t)
	data := t.TempDir()
	env := map[string]string{"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": f.srv.URL + "/api/"}
	seedSubscription(t, data).Close()
	cfgPath := filepath.Join(t.TempDir(), "briefbot.yaml")
	if err := os.WriteFile(cfgPath, []byte("log:\n  level: info\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// serveOnce runs serve until it is ready: its start-up digest checks
	// are done.
	serveOnce := func() (*watchedBuffer, func() error) {
		srv, stderr, stop := startServe(t, env, nil, "--data", data, "--config", cfgPath)
		waitHealthy(t, "http://"+srv.Addr().String())
		return stderr, stop
	}

	stderr, stop := serveOnce()
	if err := stop(); err != nil {
		t.Fatalf("first run: %v\n%s", err, stderr)
	}
	first := f.digests("C1")
	if len(first) == 0 {
		t.Fatalf("no catch-up digest posted:\n%s", stderr)
	}
	for _, id := range first {
		if id != first[0] {
			t.Errorf("one catch-up digest expected, got messages of digests %v", first)
		}
	}
	st, err := state.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	mark, _ := st.Watermark("slack:C1")
	d, err := st.Delivery(first[0])
	st.Close()
	if err != nil || d.State != state.Posted || mark.IsZero() || !mark.Equal(d.To) {
		t.Fatalf("after the first run: delivery %+v (%v), watermark %v", d, err, mark)
	}

	// Restart: nothing missed, nothing pending, nothing posted. Run waits
	// for start-up deliveries before serve returns, so stop() is enough.
	stderr, stop = serveOnce()
	if err := stop(); err != nil {
		t.Fatalf("second run: %v\n%s", err, stderr)
	}
	if got := f.digests("C1"); len(got) != len(first) {
		t.Fatalf("restart posted again: %v", got)
	}

	// A crash after the platform took a post and before it was confirmed:
	// the delivery is pending with one attempt, and the message is in the
	// channel.
	st, err = state.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	d, err = st.BeginDelivery("slack:C1", mark, now, now)
	if err == nil {
		err = st.RecordAttempt(d.ID, now)
	}
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	f.add("C1", map[string]any{"type": "message", "text": "digest", "metadata": map[string]any{
		"event_type": slack.DigestEventType, "event_payload": map[string]any{"id": d.ID, "part": 1, "parts": 1}}})
	before := len(f.digests("C1"))
	stderr, stop = serveOnce()
	if err := stop(); err != nil {
		t.Fatalf("third run: %v\n%s", err, stderr)
	}
	if got := f.digests("C1"); len(got) != before {
		t.Errorf("after the crash the digest was posted again: %v", got[before:])
	}
	st, err = state.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got, _ := st.Delivery(d.ID); got.State != state.Posted || got.PostedRef == "" {
		t.Errorf("the pending delivery was not confirmed from the channel: %+v", got)
	}
}

// TestServeDigestCommands: subscribing through Slack's /brief needs an
// admin named in the config; the subscription lands in the state store.
func TestServeDigestCommands(t *testing.T) {
	f := newSlackChannels(t)
	data := t.TempDir()
	cfgPath := filepath.Join(t.TempDir(), "briefbot.yaml")
	if err := os.WriteFile(cfgPath, []byte("admins:\n  slack: [UADMIN]\ndigests:\n  timezone: Asia/Almaty\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	const secret = "serve-digest-secret"
	srv, stderr, stop := startServe(t, map[string]string{"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": secret,
		"SLACK_API_URL": f.srv.URL + "/api/"}, nil, "--data", data, "--config", cfgPath)
	addr := srv.Addr().String()
	waitHealthy(t, "http://"+addr)
	command := func(user, text string) string {
		form := url.Values{"team_id": {"T1"}, "channel_id": {"C7"}, "user_id": {user}, "command": {"/brief"},
			"text": {text}, "response_url": {f.srv.URL + "/hook"}}
		resp, err := http.DefaultClient.Do(signed(t, "http://"+addr+slack.PathCommands, secret, "application/x-www-form-urlencoded", []byte(form.Encode())))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		select {
		case m := <-f.hooks:
			b, _ := json.Marshal(m)
			return string(b)
		case <-time.After(10 * time.Second):
			t.Fatalf("no answer to %q", text)
			return ""
		}
	}
	if got := command("UOTHER", "digest subscribe"); !strings.Contains(got, "Only admins may subscribe") {
		t.Errorf("non-admin subscribe: %s", got)
	}
	if got := command("UADMIN", "digest subscribe daily at 08:00 countries Central Asia"); !strings.Contains(got, "daily at 08:00 Asia/Almaty") {
		t.Errorf("admin subscribe: %s", got)
	}
	if got := command("UOTHER", "digest list"); !strings.Contains(got, "Kazakhstan") || !strings.Contains(got, "Next:") {
		t.Errorf("list: %s", got)
	}
	if err := stop(); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	st, err := state.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	subs, _ := st.Subscriptions()
	if len(subs) != 1 || subs[0].ID != "slack:C7" || subs[0].Spec != "0 8 * * *" || subs[0].TZ != "Asia/Almaty" || subs[0].CreatedBy != "UADMIN" {
		t.Errorf("stored: %+v", subs)
	}
}

func TestConfigDigests(t *testing.T) {
	for _, tc := range []struct {
		yaml, want string
	}{
		{"digests:\n  timezone: Mars/Olympus\n", "digests.timezone"},
		{"digests:\n  subscriptions:\n    - {platform: irc, channel: x, options: weekly}\n", "digests.subscriptions[0].platform"},
		{"digests:\n  subscriptions:\n    - {platform: slack, channel: '', options: weekly}\n", "digests.subscriptions[0].channel"},
		{"digests:\n  subscriptions:\n    - {platform: slack, channel: C1, options: fortnightly}\n", "fortnightly"},
		{"digests:\n  subscriptions:\n    - {platform: slack, channel: C1}\n    - {platform: slack, channel: C1, options: daily}\n", "already subscribed"},
		{"admins:\n  slack: ['<@U1>']\n", "admins.slack"},
	} {
		path := filepath.Join(t.TempDir(), "c.yaml")
		os.WriteFile(path, []byte(tc.yaml), 0o600)
		_, err := LoadConfig(path)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want one naming %q", tc.yaml, err, tc.want)
		}
	}
}

// TestSyncConfigSubscriptions: declared subscriptions follow the file;
// ones made in chat stay.
func TestSyncConfigSubscriptions(t *testing.T) {
	st, err := state.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	chat := bot.Subscription{ID: "slack:C2", Platform: "slack", Channel: "C2", Spec: bot.DefaultDigestSpec, CreatedBy: "U1"}
	if err := st.PutSubscription(chat); err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Digests.Subscriptions = []DigestSubscriptionConfig{{Platform: "slack", Channel: "C1", Options: "daily"},
		{Platform: "discord", Channel: "9", Options: "weekly countries Kazakhstan"}}
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	if err := syncConfigSubscriptions(st, cfg, t0); err != nil {
		t.Fatal(err)
	}
	cfg.Digests.Subscriptions = cfg.Digests.Subscriptions[:1]
	cfg.Digests.Subscriptions[0].Options = "daily at 06:00"
	if err := syncConfigSubscriptions(st, cfg, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	subs, _ := st.Subscriptions()
	if len(subs) != 2 || subs[0].ID != "slack:C1" || subs[0].Spec != "0 6 * * *" || !subs[0].Created.Equal(t0) ||
		subs[0].CreatedBy != bot.ConfigCreator || subs[1].ID != "slack:C2" {
		t.Errorf("after sync: %+v", subs)
	}
}
