package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/adapters/discord"
	"github.com/briefbot/briefbot/adapters/slack"
)

func TestSlackOptions(t *testing.T) {
	cfg := DefaultConfig().Slack
	for _, tc := range []struct {
		name    string
		mode    string
		env     map[string]string
		on      bool
		socket  bool
		wantErr string
	}{
		{"nothing set", "auto", nil, false, false, ""},
		{"socket mode", "auto", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}, true, true, ""},
		{"socket mode wins", "auto", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "SLACK_SIGNING_SECRET": "s"}, true, true, ""},
		{"events api", "auto", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}, true, false, ""},
		{"bot token alone", "auto", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1"}, false, false, "SLACK_APP_TOKEN"},
		{"app token alone", "auto", map[string]string{"SLACK_APP_TOKEN": "xapp-1"}, false, false, "SLACK_BOT_TOKEN"},
		{"off by config", "off", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}, false, false, ""},
		{"events forced", "events", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "SLACK_SIGNING_SECRET": "s"}, true, false, ""},
		{"events without secret", "events", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}, false, false, "SLACK_SIGNING_SECRET"},
		{"socket without app token", "socket", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}, false, false, "SLACK_APP_TOKEN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := cfg
			c.Mode = tc.mode
			opts, on, err := slackOptions(c, func(k string) string { return tc.env[k] })
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want it to name %s", err, tc.wantErr)
				}
				return
			}
			if err != nil || on != tc.on || (opts.AppToken != "") != tc.socket {
				t.Errorf("got on %v, app token %q, err %v; want on %v, socket %v", on, opts.AppToken, err, tc.on, tc.socket)
			}
		})
	}
	opts, _, _ := slackOptions(SlackConfig{Mode: "auto", ThreadMemory: 500, MaxRetries: 0}, func(k string) string {
		return map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": "http://127.0.0.1:9/api/"}[k]
	})
	if opts.APIURL != "http://127.0.0.1:9/api/" || opts.ThreadMemory != 500 || !opts.NoRetries {
		t.Errorf("opts = %+v; want SLACK_API_URL, thread_memory 500 and no retries", opts)
	}
}

func TestServeConfigValidation(t *testing.T) {
	for _, tc := range []struct {
		change func(*Config)
		want   string
	}{
		{func(c *Config) { c.Slack.Mode = "rtm" }, `slack.mode: "rtm" is not one of`},
		{func(c *Config) { c.Slack.ThreadMemory = 5 }, "slack.thread_memory: 5 is not between"},
		{func(c *Config) { c.Slack.MaxRetries = 11 }, "slack.max_retries: 11 is not between"},
		{func(c *Config) { c.Discord.Mode = "webhook" }, `discord.mode: "webhook" is not one of`},
		{func(c *Config) { c.Discord.MaxRetries = -1 }, "discord.max_retries: -1 is not between"},
		{func(c *Config) { c.Listen = "8080" }, `listen: "8080" is not an address`},
		{func(c *Config) { c.Listen = "localhost:http" }, "no port number"},
	} {
		cfg := DefaultConfig()
		tc.change(&cfg)
		if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Validate = %v, want %q", err, tc.want)
		}
	}
	for _, ok := range []string{"127.0.0.1:0", ":8080", "[::1]:9000", "0.0.0.0:80"} {
		cfg := DefaultConfig()
		cfg.Listen = ok
		if err := cfg.Validate(); err != nil {
			t.Errorf("listen %q: %v", ok, err)
		}
	}
}

// watchedBuffer collects a command's output and reports the address serve
// listens on.
type watchedBuffer struct {
	mu   sync.Mutex
	b    bytes.Buffer
	addr chan string
	sent bool
}

var listening = regexp.MustCompile(`listening on http://(\S+);`)

func newWatchedBuffer() *watchedBuffer { return &watchedBuffer{addr: make(chan string, 1)} }

func (w *watchedBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b.Write(p)
	if m := listening.FindStringSubmatch(w.b.String()); m != nil && !w.sent {
		w.sent = true
		w.addr <- m[1]
	}
	return len(p), nil
}

func (w *watchedBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// fakeSlackAPI is Slack's Web API and response_urls on loopback.
type fakeSlackAPI struct {
	srv   *httptest.Server
	posts chan url.Values
	hooks chan map[string]any
}

func newFakeSlackAPI(t *testing.T) *fakeSlackAPI {
	f := &fakeSlackAPI{posts: make(chan url.Values, 10), hooks: make(chan map[string]any, 10)}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/auth.test", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"ok":true,"team":"Fake","user":"briefbot","team_id":"T1","user_id":"UBOT","bot_id":"BBOT"}`)
	})
	mux.HandleFunc("POST /api/apps.connections.open", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"ok":false,"error":"invalid_auth"}`)
	})
	mux.HandleFunc("POST /api/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		f.posts <- r.PostForm
		fmt.Fprint(w, `{"ok":true,"channel":"C1","ts":"1700000000.000009"}`)
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

// startServe starts a Server in-process, as `briefbot serve` with args
// and env would (on a fresh data folder and a free port unless args say
// otherwise), and returns it, its log output, and a function that stops it
// and returns what Run returned.
func startServe(t *testing.T, env map[string]string, stdin io.Reader, args ...string) (*Server, *watchedBuffer, func() error) {
	t.Helper()
	stdout, stderr := newWatchedBuffer(), newWatchedBuffer()
	e := env2(env, stdin, stdout, stderr)
	cfg, err := serveConfig(append([]string{"--data", t.TempDir(), "--listen", "127.0.0.1:0"}, args...), e)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s, err := NewServer(ctx, cfg, e)
	if err != nil {
		cancel()
		t.Fatalf("NewServer: %v\n%s", err, stderr)
	}
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	var once sync.Once
	var runErr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case runErr = <-done:
			case <-time.After(5 * time.Second):
				t.Fatalf("serve did not stop within 5 s:\n%s", stderr)
			}
			if err := s.Close(); err != nil && runErr == nil {
				runErr = err
			}
		})
		return runErr
	}
	t.Cleanup(func() { stop() })
	return s, stderr, stop
}

// waitHealthy waits until serve's /readyz says the index answers and every
// adapter is connected; /healthz is up all along.
func waitHealthy(t *testing.T, base string) {
	t.Helper()
	if resp, err := http.Get(base + "/healthz"); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("/healthz: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	// Readiness includes building the index of the embedded corpus: under
	// the race detector on a loaded shared machine that takes seconds, so
	// the deadline is generous. It bounds a wait; it measures no speed.
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("/readyz not ok within 60 s: %v %v", resp, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func env2(vars map[string]string, stdin io.Reader, stdout, stderr io.Writer) env {
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	return env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: func(k string) string { return vars[k] }}
}

func signed(t *testing.T, u, secret, contentType string, body []byte) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	ts := fmt.Sprint(time.Now().Unix())
	req.Header.Set("Content-Type", contentType)
	req.Header.Set(slack.HeaderTimestamp, ts)
	req.Header.Set(slack.HeaderSignature, slack.Sign(secret, ts, body))
	return req
}

func TestServeEventsAPI(t *testing.T) {
	f := newFakeSlackAPI(t)
	const secret = "serve-test-secret"
	srv, stderr, stop := startServe(t, map[string]string{"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": secret,
		"SLACK_API_URL": f.srv.URL + "/api/"}, nil)
	addr := srv.Addr().String()
	base := "http://" + addr
	waitHealthy(t, base)

	form := url.Values{"team_id": {"T1"}, "channel_id": {"C1"}, "user_id": {"U1"}, "command": {"/brief"},
		"text": {"who supplies Kazakhstan with drones?"}, "response_url": {f.srv.URL + "/hook"}}
	start := time.Now()
	resp, err := http.DefaultClient.Do(signed(t, base+slack.PathCommands, secret, "application/x-www-form-urlencoded", []byte(form.Encode())))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if took := time.Since(start); resp.StatusCode != http.StatusOK || took > 3*time.Second {
		t.Errorf("slash command ack: %s after %s", resp.Status, took)
	}
	select {
	case m := <-f.hooks:
		if b, _ := json.Marshal(m); !strings.Contains(string(b), "[1]") || m["response_type"] != "ephemeral" {
			t.Errorf("response_url got %s", b)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no answer at response_url within 5 s")
	}

	ev, _ := json.Marshal(map[string]any{"type": "event_callback", "event_id": "Ev1", "event": map[string]any{
		"type": "app_mention", "user": "U1", "text": "<@UBOT> who supplies Kazakhstan with drones?", "ts": "1700000000.000001", "channel": "C1"}})
	resp, err = http.DefaultClient.Do(signed(t, base+slack.PathEvents, secret, "application/json", ev))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	select {
	case p := <-f.posts:
		if p.Get("thread_ts") != "1700000000.000001" || !strings.Contains(p.Get("blocks"), "[1]") {
			t.Errorf("chat.postMessage got %v", p)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no chat.postMessage within 5 s")
	}

	resp, err = http.Post(base+slack.PathEvents, "application/json", bytes.NewReader(ev))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("unsigned event: %s, want 401", resp.Status)
	}

	if err := stop(); err != nil {
		t.Errorf("Run after the context ended: %v, want nil:\n%s", err, stderr)
	}
}

func TestServeConsoleWithoutSlack(t *testing.T) {
	stdout, stderr := newWatchedBuffer(), newWatchedBuffer()
	code := run(context.Background(), []string{"serve", "--data", t.TempDir(), "--listen", "127.0.0.1:0"},
		env2(nil, strings.NewReader("help\n"), stdout, stderr))
	if code != exitOK || !strings.Contains(stdout.String(), "suppliers COUNTRY") || !strings.Contains(stderr.String(), "chat: console") {
		t.Errorf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
}

func TestServeFailures(t *testing.T) {
	f := newFakeSlackAPI(t)
	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
		code int
		want string
	}{
		{"incomplete environment", map[string]string{"SLACK_BOT_TOKEN": "xoxb-test"}, nil, exitFailure, "SLACK_APP_TOKEN"},
		{"socket mode token refused", map[string]string{"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "xapp-bad",
			"SLACK_API_URL": f.srv.URL + "/api/"}, nil, exitFailure, "check SLACK_APP_TOKEN"},
		{"incomplete Discord environment", map[string]string{"DISCORD_PUBLIC_KEY": strings.Repeat("ab", 32)}, nil, exitFailure, "DISCORD_APPLICATION_ID"},
		{"bad listen flag", nil, []string{"--listen", "nowhere"}, exitUsage, "--listen"},
		{"stray argument", nil, []string{"now"}, exitUsage, "unexpected argument"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr := newWatchedBuffer(), newWatchedBuffer()
			args := append([]string{"serve", "--data", t.TempDir(), "--listen", "127.0.0.1:0"}, tc.args...)
			code := run(context.Background(), args, env2(tc.env, nil, stdout, stderr))
			if code != tc.code || !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("exit %d, want %d with %q:\n%s", code, tc.code, tc.want, stderr)
			}
		})
	}
}

func TestDiscordOptions(t *testing.T) {
	key := strings.Repeat("ab", 32)
	for _, tc := range []struct {
		name    string
		mode    string
		env     map[string]string
		on      bool
		want    string // the adapter's mode
		wantErr string
	}{
		{"nothing set", "auto", nil, false, "", ""},
		{"gateway", "auto", map[string]string{"DISCORD_BOT_TOKEN": "t"}, true, discord.ModeGateway, ""},
		{"gateway and HTTP", "auto", map[string]string{"DISCORD_BOT_TOKEN": "t", "DISCORD_PUBLIC_KEY": key}, true, discord.ModeBoth, ""},
		{"HTTP alone", "auto", map[string]string{"DISCORD_PUBLIC_KEY": key, "DISCORD_APPLICATION_ID": "1"}, true, discord.ModeHTTP, ""},
		{"key without application", "auto", map[string]string{"DISCORD_PUBLIC_KEY": key}, false, "", "DISCORD_APPLICATION_ID"},
		{"application alone", "auto", map[string]string{"DISCORD_APPLICATION_ID": "1"}, false, "", "DISCORD_BOT_TOKEN"},
		{"bad key", "auto", map[string]string{"DISCORD_PUBLIC_KEY": "xyz", "DISCORD_APPLICATION_ID": "1"}, false, "", "64 hex digits"},
		{"bad guild", "auto", map[string]string{"DISCORD_BOT_TOKEN": "t", "DISCORD_GUILD_ID": "general"}, false, "", "numbers"},
		{"off by config", "off", map[string]string{"DISCORD_BOT_TOKEN": "t"}, false, "", ""},
		{"http forced, token only registers", "http", map[string]string{"DISCORD_BOT_TOKEN": "t", "DISCORD_PUBLIC_KEY": key, "DISCORD_APPLICATION_ID": "1"}, true, discord.ModeHTTP, ""},
		{"http without key", "http", map[string]string{"DISCORD_BOT_TOKEN": "t"}, false, "", "DISCORD_PUBLIC_KEY"},
		{"gateway without token", "gateway", map[string]string{"DISCORD_PUBLIC_KEY": key, "DISCORD_APPLICATION_ID": "1"}, false, "", "DISCORD_BOT_TOKEN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig().Discord
			cfg.Mode = tc.mode
			opts, on, err := discordOptions(cfg, func(k string) string { return tc.env[k] })
			if err == nil && on {
				_, err = discord.New(opts) // what NewServer does with them: checks, no network
			}
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want it to name %s", err, tc.wantErr)
				}
				return
			}
			if err != nil || on != tc.on {
				t.Fatalf("got on %v, err %v; want on %v", on, err, tc.on)
			}
			if on {
				a, err := discord.New(opts)
				if err != nil || a.Mode() != tc.want {
					t.Errorf("adapter mode %v (%v), want %s", a, err, tc.want)
				}
			}
		})
	}
	opts, _, _ := discordOptions(DiscordConfig{Mode: "auto", MessageContent: true}, func(k string) string {
		return map[string]string{"DISCORD_BOT_TOKEN": "t", "DISCORD_GUILD_ID": "42", "DISCORD_API_URL": "http://127.0.0.1:9/api/v9"}[k]
	})
	if opts.GuildID != "42" || opts.APIURL != "http://127.0.0.1:9/api/v9" || !opts.MessageContent || !opts.NoRetries {
		t.Errorf("opts = %+v; want the guild, the API URL, MESSAGE_CONTENT and no retries", opts)
	}
}

// fakeDiscordAPI is Discord's interaction webhooks on loopback.
type fakeDiscordAPI struct {
	srv   *httptest.Server
	edits chan []byte
}

func newFakeDiscordAPI(t *testing.T) *fakeDiscordAPI {
	f := &fakeDiscordAPI{edits: make(chan []byte, 10)}
	mux := http.NewServeMux()
	mux.HandleFunc("PATCH /api/v9/webhooks/{app}/{token}/messages/@original", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		f.edits <- b
		fmt.Fprint(w, `{"id":"1","channel_id":"2"}`)
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

// signedInteraction is a request to url carrying interaction v, signed
// with key as Discord signs them.
func signedInteraction(t *testing.T, u string, key ed25519.PrivateKey, v any) *http.Request {
	t.Helper()
	body, _ := json.Marshal(v)
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	ts := fmt.Sprint(time.Now().Unix())
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(discord.HeaderTimestamp, ts)
	req.Header.Set(discord.HeaderSignature, discord.Sign(key, ts, body))
	return req
}

// TestServeSlackAndDiscord runs Slack (Events API) and Discord (HTTP
// interactions alone, no bot token) at once on one HTTP server.
func TestServeSlackAndDiscord(t *testing.T) {
	fs, fd := newFakeSlackAPI(t), newFakeDiscordAPI(t)
	pub, key, _ := ed25519.GenerateKey(nil)
	const secret = "serve-test-secret"
	srv, stderr, stop := startServe(t, map[string]string{"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": secret,
		"SLACK_API_URL": fs.srv.URL + "/api/", "DISCORD_PUBLIC_KEY": hex.EncodeToString(pub), "DISCORD_APPLICATION_ID": "7",
		"DISCORD_API_URL": fd.srv.URL + "/api/v9"}, nil)
	addr := srv.Addr().String()
	base := "http://" + addr
	if got := strings.Join(srv.Chats(), ", "); got != "slack (events), discord (http)" {
		t.Errorf("serve runs %q, want both platforms", got)
	}
	waitHealthy(t, base)
	do := func(req *http.Request) (int, string) {
		t.Helper()
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, strings.TrimSpace(string(b))
	}
	u := base + discord.PathInteractions
	if status, body := do(signedInteraction(t, u, key, map[string]any{"id": "1", "application_id": "7", "type": 1, "token": "p", "version": 1})); status != http.StatusOK || body != `{"type":1}` {
		t.Errorf("PING: %d %s", status, body)
	}
	id := fmt.Sprint((time.Now().UnixMilli() - 1420070400000) << 22)
	cmd := map[string]any{"id": id, "application_id": "7", "type": 2, "token": "tok", "version": 1, "channel_id": "3",
		"member": map[string]any{"user": map[string]any{"id": "4", "username": "analyst"}},
		"data": map[string]any{"id": "5", "name": "brief", "type": 1, "options": []any{map[string]any{"name": "ask", "type": 1,
			"options": []any{map[string]any{"name": "question", "type": 3, "value": "who supplies Kazakhstan with drones?"}}}}}}
	if status, body := do(signedInteraction(t, u, key, cmd)); status != http.StatusOK || body != `{"type":5}` {
		t.Errorf("/brief ask: %d %s, want a deferred response", status, body)
	}
	select {
	case b := <-fd.edits:
		if !strings.Contains(string(b), `\\[1\\]`) || !strings.Contains(string(b), `"parse":[]`) {
			t.Errorf("the edited response lacks sources or allowed_mentions: %s", b)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no edit of the deferred response within 5 s")
	}
	unsigned, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(`{"type":1}`))
	if status, _ := do(unsigned); status != http.StatusUnauthorized {
		t.Errorf("unsigned interaction: %d, want 401", status)
	}
	if err := stop(); err != nil {
		t.Errorf("Run: %v, want nil:\n%s", err, stderr)
	}
}

// TestNewServerFailureReleasesData: a server that cannot listen gives an
// error naming the address and closes what it opened, so that the next
// one starts on the same data folder.
func TestNewServerFailureReleasesData(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	data := t.TempDir()
	e := env2(nil, nil, newWatchedBuffer(), newWatchedBuffer())
	cfg, err := serveConfig([]string{"--data", data, "--listen", busy.Addr().String()}, e)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := NewServer(context.Background(), cfg, e); err == nil || !strings.Contains(err.Error(), "listen on "+busy.Addr().String()) {
		if s != nil {
			s.Close()
		}
		t.Fatalf("NewServer on a busy port: %v", err)
	}
	stdin, typing := io.Pipe() // the console chat waits for input
	defer typing.Close()
	srv, _, stop := startServe(t, nil, stdin, "--data", data)
	waitHealthy(t, "http://"+srv.Addr().String())
	if err := stop(); err != nil {
		t.Errorf("Run: %v", err)
	}
}
