package slack

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/adapters/adaptertest"
	"github.com/briefbot/briefbot/bot"
)

// question is answered with citations of the test reports.
const question = adaptertest.Question

// mustRouter is a real Router over a real index of adaptertest.Reports.
func mustRouter(t *testing.T) *bot.Router {
	t.Helper()
	return adaptertest.Router(t, bot.RouterOptions{})
}

// startAdapter runs an adapter against the fake, with opts filled in for
// it, serving its HTTP handlers; setup, when not nil, may adjust it before
// it runs. The adapter stops when the test ends.
func startAdapter(t *testing.T, f *fakeSlack, opts Options, h bot.Handler, setup func(*Adapter)) (*Adapter, *httptest.Server) {
	t.Helper()
	opts.BotToken, opts.APIURL = "xoxb-test", f.apiURL()
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	a, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if setup != nil {
		setup(a)
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
	return a, srv
}

func mention(ts, text string) map[string]any {
	return map[string]any{"type": "app_mention", "user": testUser, "text": "<@" + botUser + "> " + text,
		"ts": ts, "channel": channel, "event_ts": ts}
}

func message(ch, chType, ts, threadTS, text string) map[string]any {
	m := map[string]any{"type": "message", "user": testUser, "text": text, "ts": ts, "channel": ch, "channel_type": chType, "event_ts": ts}
	if threadTS != "" {
		m["thread_ts"] = threadTS
	}
	return m
}

// postEvent sends a signed event and fails t unless it is acknowledged
// with 200; it then waits for the answers under way.
func postEvent(t *testing.T, a *Adapter, srv *httptest.Server, eventID string, ev map[string]any, header http.Header) {
	t.Helper()
	req := signedRequest(t, srv.URL+PathEvents, "application/json", eventBody(eventID, ev))
	for k, v := range header {
		req.Header[k] = v
	}
	if status, body := do(t, req); status != http.StatusOK {
		t.Fatalf("event %s: status %d %s", eventID, status, body)
	}
	a.waitIdle()
}

func TestEventsAPI(t *testing.T) {
	f := newFakeSlack(t)
	a, srv := startAdapter(t, f, Options{SigningSecret: secret}, mustRouter(t), nil)
	const root = "1700000100.000100"

	t.Run("url_verification", func(t *testing.T) {
		body := []byte(`{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`)
		status, got := do(t, signedRequest(t, srv.URL+PathEvents, "application/json", body))
		if status != http.StatusOK || !strings.Contains(got, "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P") {
			t.Errorf("got %d %q, want the challenge", status, got)
		}
	})

	t.Run("rejected requests", func(t *testing.T) {
		body := eventBody("EvBad", mention("1700000000.000001", question))
		ts := fmt.Sprint(time.Now().Unix())
		old := fmt.Sprint(time.Now().Add(-10 * time.Minute).Unix())
		for _, tc := range []struct {
			name     string
			ts, sig  string
			body     []byte
			path     string
			want     int
			sendBody []byte
		}{
			{name: "unsigned", body: body, want: 401},
			{name: "tampered", ts: ts, sig: Sign(secret, ts, body), body: append(bytes.Clone(body), ' '), want: 401},
			{name: "wrong secret", ts: ts, sig: Sign("not-the-secret", ts, body), body: body, want: 401},
			{name: "replayed after 10 min", ts: old, sig: Sign(secret, old, body), body: body, want: 401},
			{name: "command unsigned", body: commandBody("help", f.hookURL("x")), path: PathCommands, want: 401},
			{name: "too large", ts: ts, body: bytes.Repeat([]byte("a"), 1<<20+1), want: 413},
		} {
			t.Run(tc.name, func(t *testing.T) {
				path := PathEvents
				if tc.path != "" {
					path = tc.path
				}
				req, _ := http.NewRequest(http.MethodPost, srv.URL+path, bytes.NewReader(tc.body))
				if tc.ts != "" {
					req.Header.Set(HeaderTimestamp, tc.ts)
					sig := tc.sig
					if sig == "" {
						sig = Sign(secret, tc.ts, tc.body)
					}
					req.Header.Set(HeaderSignature, sig)
				}
				before := f.postCount()
				if status, _ := do(t, req); status != tc.want {
					t.Errorf("status %d, want %d", status, tc.want)
				}
				a.waitIdle()
				if n := f.postCount() - before; n != 0 {
					t.Errorf("%d messages posted for a rejected request", n)
				}
			})
		}
		req, _ := http.NewRequest(http.MethodGet, srv.URL+PathEvents, nil)
		if status, _ := do(t, req); status != http.StatusMethodNotAllowed {
			t.Errorf("GET: status %d, want 405", status)
		}
	})

	t.Run("mention answered in a thread", func(t *testing.T) {
		postEvent(t, a, srv, "Ev1", mention(root, question), nil)
		p := f.nextPost(t)
		if p.Channel != channel || p.ThreadTS != root {
			t.Errorf("posted to %s thread %q, want %s thread %s", p.Channel, p.ThreadTS, channel, root)
		}
		if p.Parse != "none" || p.LinkNames != "false" || p.UnfurlLinks != "false" {
			t.Errorf("parse %q link_names %q unfurl_links %q; want none, false, false", p.Parse, p.LinkNames, p.UnfurlLinks)
		}
		all := strings.Join(texts(p.Blocks), "\n")
		if !strings.Contains(all, "[1]") || !strings.Contains(all, "Kazakhstan") || p.Text == "" {
			t.Errorf("answer lacks its citations or fallback text:\n%s", all)
		}
	})

	t.Run("retried event posts once", func(t *testing.T) {
		before := f.postCount()
		ev := mention("1700000100.000200", question)
		postEvent(t, a, srv, "Ev2", ev, nil)
		postEvent(t, a, srv, "Ev2", ev, http.Header{"X-Slack-Retry-Num": {"1"}, "X-Slack-Retry-Reason": {"http_timeout"}})
		postEvent(t, a, srv, "Ev2", ev, http.Header{"X-Slack-Retry-Num": {"2"}, "X-Slack-Retry-Reason": {"http_timeout"}})
		if n := len(f.postsSince(before)); n != 1 {
			t.Errorf("%d messages posted for one event delivered three times, want 1", n)
		}
	})

	t.Run("one message as mention and as message is answered once", func(t *testing.T) {
		before := f.postCount()
		postEvent(t, a, srv, "Ev3a", mention("1700000100.000300", question), nil)
		postEvent(t, a, srv, "Ev3b", message(channel, "channel", "1700000100.000300", "", "<@"+botUser+"> "+question), nil)
		if n := len(f.postsSince(before)); n != 1 {
			t.Errorf("%d messages posted, want 1", n)
		}
	})

	t.Run("follow-up in the thread answered", func(t *testing.T) {
		before := f.postCount()
		postEvent(t, a, srv, "Ev4", message(channel, "channel", "1700000100.000400", root, "suppliers Uzbekistan"), nil)
		posts := f.postsSince(before)
		if len(posts) != 1 || posts[0].ThreadTS != root {
			t.Fatalf("got %+v, want one reply in thread %s", posts, root)
		}
	})

	t.Run("direct message answered in a thread", func(t *testing.T) {
		before := f.postCount()
		postEvent(t, a, srv, "Ev5", message(dmChannel, "im", "1700000100.000500", "", "help"), nil)
		posts := f.postsSince(before)
		if len(posts) != 1 || posts[0].Channel != dmChannel || posts[0].ThreadTS != "1700000100.000500" {
			t.Fatalf("got %+v, want one reply in the DM's thread", posts)
		}
		if all := strings.Join(texts(posts[0].Blocks), "\n"); !strings.Contains(all, "/brief sources") {
			t.Errorf("help in Slack should explain /brief:\n%s", all)
		}
	})

	t.Run("ignored", func(t *testing.T) {
		own := message(channel, "channel", "1700000100.000601", root, "my own answer")
		own["user"] = botUser
		otherBot := message(channel, "channel", "1700000100.000602", root, "beep")
		otherBot["bot_id"], otherBot["subtype"] = "B0OTHER", "bot_message"
		ownDM := message(dmChannel, "im", "1700000100.000603", "", "echo")
		ownDM["user"], ownDM["bot_id"] = botUser, botID
		edit := message(channel, "channel", "1700000100.000604", root, "edited")
		edit["subtype"] = "message_changed"
		join := message(channel, "channel", "1700000100.000605", "", "joined")
		join["subtype"] = "channel_join"
		for name, ev := range map[string]map[string]any{
			"own message in a thread":     own,
			"another bot":                 otherBot,
			"own message in a DM":         ownDM,
			"edit":                        edit,
			"join":                        join,
			"channel message, no mention": message(channel, "channel", "1700000100.000606", "", question),
			"thread the bot is not in":    message(channel, "channel", "1700000100.000607", "1600000000.000001", question),
			"reaction":                    {"type": "reaction_added", "user": testUser, "reaction": "thumbsup", "event_ts": "1700000100.000608"},
		} {
			t.Run(name, func(t *testing.T) {
				before := f.postCount()
				postEvent(t, a, srv, "EvIgnored-"+name, ev, nil)
				if n := f.postCount() - before; n != 0 {
					t.Errorf("%d messages posted, want none", n)
				}
			})
		}
	})
}

func TestEventsBeforeRunAre503(t *testing.T) {
	a, err := New(Options{BotToken: "xoxb-test", SigningSecret: secret, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	a.Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	if status, _ := do(t, signedRequest(t, srv.URL+PathEvents, "application/json", eventBody("Ev", mention("1.2", "hi")))); status != http.StatusServiceUnavailable {
		t.Errorf("event before Run: status %d, want 503 so that Slack retries", status)
	}
	status, body := do(t, signedRequest(t, srv.URL+PathCommands, "application/x-www-form-urlencoded", commandBody("help", "http://127.0.0.1:1/")))
	if status != http.StatusOK || !strings.Contains(body, "try again") {
		t.Errorf("command before Run: %d %q, want 200 asking to try again", status, body)
	}
}

func TestSlashCommand(t *testing.T) {
	f := newFakeSlack(t)
	sources := func(context.Context) (string, error) { return "I answer from 4 reports (9 passages).", nil }
	router := adaptertest.Router(t, bot.RouterOptions{Sources: sources})
	a, srv := startAdapter(t, f, Options{SigningSecret: secret}, router, nil)
	for _, tc := range []struct {
		name, text string
		wantType   string
		want       []string
	}{
		{"question", question, "ephemeral", []string{"[1]", "Armed drones arrive in Kazakhstan"}},
		{"question, public", question + " public", "in_channel", []string{"[1]"}},
		{"suppliers", "suppliers Kazakhstan", "ephemeral", []string{"Kazakhstan"}},
		{"sources", "sources", "ephemeral", []string{"4 reports"}},
		{"help", "", "ephemeral", []string{"suppliers", "/brief sources"}},
		{"error stays private", "between public", "ephemeral", []string{"Name a country"}},
		{"escaped text", "who arms Kazakhstan &amp; Kyrgyzstan &lt;drones&gt;", "ephemeral", []string{"Kazakhstan"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := signedRequest(t, srv.URL+PathCommands, "application/x-www-form-urlencoded", commandBody(tc.text, f.hookURL(tc.name)))
			start := time.Now()
			status, body := do(t, req)
			if took := time.Since(start); status != http.StatusOK || body != "" || took > 3*time.Second { // Slack's deadline for the ack
				t.Errorf("ack: %d %q after %s; want an empty 200 well within 3 s", status, body, took)
			}
			h := f.nextHook(t)
			all := slackPlain(strings.Join(texts(h.Msg.Blocks), "\n"))
			if h.Msg.ResponseType != tc.wantType || h.Msg.Text == "" {
				t.Errorf("response_type %q, text %q; want %s and a fallback", h.Msg.ResponseType, h.Msg.Text, tc.wantType)
			}
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("answer lacks %q:\n%s", w, all)
				}
			}
			a.waitIdle()
		})
	}
}

func TestRateLimitedPostsAreRetried(t *testing.T) {
	f := newFakeSlack(t)
	var logs adaptertest.LockedBuffer
	var mu sync.Mutex
	var slept []time.Duration
	sleep := func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		defer mu.Unlock()
		slept = append(slept, d)
		return nil
	}
	a, srv := startAdapter(t, f, Options{SigningSecret: secret, MaxRetries: 3, MaxRetryWait: 10 * time.Second,
		Logger: slog.New(slog.NewTextHandler(&logs, nil))}, mustRouter(t), func(a *Adapter) { a.sleep = sleep })
	for _, tc := range []struct {
		name       string
		limit      int
		retryAfter string
		posted     int
		slept      []time.Duration
	}{
		{"two 429s", 2, "2", 1, []time.Duration{2 * time.Second, 2 * time.Second}},
		{"Retry-After 0", 1, "0", 1, []time.Duration{time.Second}},
		{"more 429s than retries", 10, "1", 0, []time.Duration{time.Second, time.Second, time.Second}},
		{"Retry-After too long", 1, "3600", 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mu.Lock()
			slept = nil
			mu.Unlock()
			f.rateLimit(tc.limit, tc.retryAfter)
			defer f.rateLimit(0, "")
			before := f.postCount()
			postEvent(t, a, srv, "EvRL-"+tc.name, mention(fmt.Sprintf("1700000300.%06d", len(tc.name)), question), nil)
			if n := f.postCount() - before; n != tc.posted {
				t.Errorf("%d posted, want %d", n, tc.posted)
			}
			mu.Lock()
			defer mu.Unlock()
			if fmt.Sprint(slept) != fmt.Sprint(tc.slept) {
				t.Errorf("waited %v, want %v", slept, tc.slept)
			}
		})
	}
	if !strings.Contains(logs.String(), "rate-limited") {
		t.Errorf("giving up should be logged:\n%s", logs.String())
	}
}

func TestNewChecksOptions(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
		want string
	}{
		{"no token", Options{SigningSecret: "s"}, "bot token"},
		{"user token", Options{BotToken: "xoxp-1", SigningSecret: "s"}, "xoxb-"},
		{"bot token as app token", Options{BotToken: "xoxb-1", AppToken: "xoxb-2"}, "xapp-"},
		{"no transport", Options{BotToken: "xoxb-1"}, "app token"},
	} {
		if _, err := New(tc.opts); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tc.name, err, tc.want)
		}
	}
	for _, opts := range []Options{{BotToken: "xoxb-1", AppToken: "xapp-1"}, {BotToken: "xoxb-1", SigningSecret: "s"}} {
		a, err := New(opts)
		if err != nil {
			t.Fatal(err)
		}
		if want := map[bool]string{true: ModeSocket, false: ModeEvents}[opts.AppToken != ""]; a.Mode() != want {
			t.Errorf("mode %s, want %s", a.Mode(), want)
		}
	}
}

func TestRunRejectsBadToken(t *testing.T) {
	f := newFakeSlack(t)
	a, err := New(Options{BotToken: "xoxb-revoked", SigningSecret: secret, APIURL: f.apiURL(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	err = a.Run(context.Background(), mustRouter(t))
	if err == nil || !strings.Contains(err.Error(), "invalid_auth") {
		t.Errorf("Run = %v, want invalid_auth", err)
	}
}

func TestSourcesFailureIsAnApology(t *testing.T) {
	f := newFakeSlack(t)
	var logs adaptertest.LockedBuffer
	sources := func(context.Context) (string, error) { return "", errors.New("count passages: disk on fire") }
	router := adaptertest.Router(t, bot.RouterOptions{Sources: sources, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	_, srv := startAdapter(t, f, Options{SigningSecret: secret, Logger: slog.New(slog.NewTextHandler(&logs, nil))}, router, nil)
	do(t, signedRequest(t, srv.URL+PathCommands, "application/x-www-form-urlencoded", commandBody("sources public", f.hookURL("src"))))
	h := f.nextHook(t)
	got := strings.Join(texts(h.Msg.Blocks), "\n")
	m := regexp.MustCompile(`request ([0-9a-f]{12})`).FindStringSubmatch(got)
	if m == nil || strings.Contains(got, "disk") || h.Msg.ResponseType != "ephemeral" {
		t.Fatalf("got %s %q; want a private apology with a request ID and no details", h.Msg.ResponseType, got)
	}
	if l := logs.String(); !strings.Contains(l, m[1]) || !strings.Contains(l, "disk on fire") {
		t.Errorf("the log should hold request %s and the error:\n%s", m[1], l)
	}
}
