package discord

import (
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/adapters/adaptertest"
)

// TestRateLimits: a 429 with a short retry_after is retried and the
// reply arrives; one with an hour's retry_after fails at once and is
// logged with the request ID, and discordgo's limiter holds the next call
// no longer than MaxRetryWait; retries stop after MaxRetries.
func TestRateLimits(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	var logs adaptertest.LockedBuffer
	h := startAdapter(t, f, Options{MaxRetries: 2, MaxRetryWait: 300 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(&logs, nil))}, mustRouter(t))
	send := func(t *testing.T) (time.Duration, int) {
		t.Helper()
		id := newSnowflake()
		n := f.callCount()
		start := time.Now()
		h.say(t, mention(id, question))
		return time.Since(start), len(h.replies(t, n, id))
	}
	prefix := "POST " + apiPath + "channels/"

	t.Run("short retry_after", func(t *testing.T) {
		f.rateLimit(prefix, 2, 0.05)
		if took, n := send(t); n != 1 || took > 20*time.Second { // far below the hour Discord asked for; no tighter, machines are shared
			t.Errorf("%d replies after %s; want the reply after two retries", n, took)
		}
	})

	t.Run("an hour's retry_after", func(t *testing.T) {
		f.rateLimit(prefix, 1, 3600)
		took, n := send(t)
		if n != 0 || took > 20*time.Second { // far below the hour Discord asked for; no tighter, machines are shared
			t.Errorf("%d replies after %s; want none, at once", n, took)
		}
		if got := logs.String(); !strings.Contains(got, "rate-limited for 1h0m0s") || !strings.Contains(got, "request_id=") {
			t.Errorf("log lacks the failure with its request ID:\n%s", got)
		}
		took, n = send(t)                    // discordgo's limiter waits for the capped reset
		if n != 1 || took > 20*time.Second { // far below the hour Discord asked for; no tighter, machines are shared
			t.Errorf("the next reply: %d after %s; want it within the capped wait", n, took)
		}
	})

	t.Run("too many 429s", func(t *testing.T) {
		f.rateLimit(prefix, 5, 0.05)
		if took, n := send(t); n != 0 || took > 20*time.Second { // far below the hour Discord asked for; no tighter, machines are shared
			t.Errorf("%d replies after %s; want none after 2 retries", n, took)
		}
		if !strings.Contains(logs.String(), "still rate-limited after 2 retries") {
			t.Errorf("log lacks the give-up:\n%s", logs.String())
		}
		f.rateLimit(prefix, 0, 0)
	})
}

func TestCapRateLimit(t *testing.T) {
	for _, tc := range []struct {
		resetAfter, reset string
		wantAfter         string
		wantReset         bool
	}{
		{"0.5", "", "0.5", false},
		{"3600", "", "60.000", false},
		{"junk", "", "60.000", false},
		{"", "1700000000", "", false},
		{"2", "1700000000", "2", true},
	} {
		h := http.Header{}
		if tc.resetAfter != "" {
			h.Set("X-RateLimit-Reset-After", tc.resetAfter)
		}
		if tc.reset != "" {
			h.Set("X-RateLimit-Reset", tc.reset)
		}
		capRateLimit(h, time.Minute)
		if got := h.Get("X-RateLimit-Reset-After"); got != tc.wantAfter || (h.Get("X-RateLimit-Reset") != "") != tc.wantReset {
			t.Errorf("%+v: Reset-After %q Reset %q", tc, got, h.Get("X-RateLimit-Reset"))
		}
	}
}

func TestAPITransport(t *testing.T) {
	var got *http.Request
	next := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		got = r
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody}, nil
	})
	to, err := newAPIURL("http://127.0.0.1:9/proxy/api/v9")
	if err != nil {
		t.Fatal(err)
	}
	tr := &apiTransport{from: "https://discord.com/api/v9/", to: to, maxWait: time.Minute, next: next}
	for in, want := range map[string]string{
		"https://discord.com/api/v9/webhooks/1/tok/messages/@original": "http://127.0.0.1:9/proxy/api/v9/webhooks/1/tok/messages/@original",
		"https://discord.com/api/v9/webhooks/1/tok?wait=true":          "http://127.0.0.1:9/proxy/api/v9/webhooks/1/tok?wait=true",
		"https://cdn.discordapp.com/avatars/1/2.png":                   "https://cdn.discordapp.com/avatars/1/2.png",
	} {
		req, _ := http.NewRequest(http.MethodGet, in, nil)
		if _, err := tr.RoundTrip(req); err != nil {
			t.Fatal(err)
		}
		if got.URL.String() != want || got.Host != (&url.URL{Host: got.URL.Host}).Host {
			t.Errorf("%s went to %s (host %s), want %s", in, got.URL, got.Host, want)
		}
		if req.URL.String() != in {
			t.Errorf("the request was changed: %s", req.URL)
		}
	}
	for _, bad := range []string{"discord.com/api", "ftp://x/", "http:///nohost"} {
		if _, err := newAPIURL(bad); err == nil {
			t.Errorf("newAPIURL(%q) accepted", bad)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
