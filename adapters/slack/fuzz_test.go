package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	slackgo "github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// The fuzz targets sign every request at Slack's documented example time,
// with the adapter's clock stopped there.
var (
	fuzzTime = time.Unix(1531420618, 0)
	fuzzTS   = strconv.FormatInt(fuzzTime.Unix(), 10)
)

// fuzzWorld is what a fuzzed adapter talks to, none of it on the network:
// a Web API that records posts, a transport that records response_url
// posts, a handler that echoes each message back as an answer, and a log
// that notes panics recovered in answers.
type fuzzWorld struct {
	mu        sync.Mutex
	messages  []bot.Message    // what the handler was asked
	posts     []string         // channels posted to with chat.postMessage
	responses []map[string]any // bodies posted to response_urls
	panics    []string         // panics the adapter logged
	bad       []string         // malformed response_url posts
}

func (w *fuzzWorld) AuthTestContext(context.Context) (*slackgo.AuthTestResponse, error) {
	return &slackgo.AuthTestResponse{UserID: botUser, Team: "fuzz", BotID: botID}, nil
}

func (w *fuzzWorld) PostMessageContext(_ context.Context, ch string, _ ...slackgo.MsgOption) (string, string, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.posts = append(w.posts, ch)
	return ch, "1531420618.000100", nil
}

func (w *fuzzWorld) GetConversationHistoryContext(context.Context, *slackgo.GetConversationHistoryParameters) (*slackgo.GetConversationHistoryResponse, error) {
	return &slackgo.GetConversationHistoryResponse{}, nil
}

func (w *fuzzWorld) UploadFileContext(context.Context, slackgo.UploadFileParameters) (*slackgo.FileSummary, error) {
	return &slackgo.FileSummary{ID: "F1"}, nil // the fuzzed answers have no attachments
}

// Handle answers with the message's text as question, answer and quote.
func (w *fuzzWorld) Handle(_ context.Context, m bot.Message) bot.Reply {
	w.mu.Lock()
	w.messages = append(w.messages, m)
	w.mu.Unlock()
	return bot.Reply{RequestID: "0123456789ab", Answer: &bot.Answer{Question: m.Text, Text: m.Text + " [1]",
		Citations: []bot.Citation{{N: 1, Title: m.Text, Source: m.User, URL: "https://example.org/r1", Quote: m.Text}}}}
}

// RoundTrip takes a post to a response_url.
func (w *fuzzWorld) RoundTrip(r *http.Request) (*http.Response, error) {
	var body map[string]any
	b, _ := io.ReadAll(r.Body)
	w.mu.Lock()
	if err := json.Unmarshal(b, &body); err != nil {
		w.bad = append(w.bad, string(b))
	} else {
		w.responses = append(w.responses, body)
	}
	w.mu.Unlock()
	return &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(strings.NewReader("ok")), Header: http.Header{}, Request: r}, nil
}

// fuzzLog is the adapter's log: it notes the panics the adapter recovered
// from and logged, and drops the rest.
type fuzzLog struct{ w *fuzzWorld }

func (l fuzzLog) Enabled(context.Context, slog.Level) bool { return true }
func (l fuzzLog) WithAttrs([]slog.Attr) slog.Handler       { return l }
func (l fuzzLog) WithGroup(string) slog.Handler            { return l }

func (l fuzzLog) Handle(_ context.Context, r slog.Record) error {
	if strings.Contains(r.Message, "panic") {
		l.w.mu.Lock()
		defer l.w.mu.Unlock()
		l.w.panics = append(l.w.panics, r.Message)
	}
	return nil
}

func (w *fuzzWorld) counts() (messages, posts, responses int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.messages), len(w.posts), len(w.responses)
}

// startFuzzAdapter runs an adapter serving the Events API against a new
// fuzzWorld; stop ends it and fails t if it panicked anywhere.
func startFuzzAdapter(t *testing.T) (a *Adapter, w *fuzzWorld, stop func()) {
	t.Helper()
	w = &fuzzWorld{}
	a, err := New(Options{BotToken: "xoxb-fuzz", SigningSecret: secret, Now: func() time.Time { return fuzzTime },
		HTTPClient: &http.Client{Transport: w}, Logger: slog.New(fuzzLog{w}), NoRetries: true, AnswerTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	a.api = w
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- a.Run(ctx, w) }()
	select {
	case <-a.Ready():
	case err := <-errc:
		t.Fatalf("Run: %v", err)
	}
	return a, w, func() {
		t.Helper()
		cancel()
		if err := <-errc; !errors.Is(err, context.Canceled) {
			t.Errorf("Run = %v", err)
		}
		if len(w.panics) > 0 || len(w.bad) > 0 {
			t.Fatalf("panics %q, malformed posts %q", w.panics, w.bad)
		}
	}
}

// serve sends body to handler as Slack would, signed unless sig says
// otherwise, waits for the answers it started, and returns the response.
func serve(a *Adapter, handler http.HandlerFunc, path string, body []byte, sig string, header ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
	if sig == "" {
		sig = Sign(secret, fuzzTS, body)
	}
	req.Header.Set(HeaderTimestamp, fuzzTS)
	req.Header.Set(HeaderSignature, sig)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	handler(rec, req)
	a.waitIdle()
	return rec
}

// FuzzEvents posts fuzzed, correctly signed Events API bodies to
// ServeEvents. It never panics (in the handler or in the answers it
// starts) and never answers 5xx: a body that is not JSON gets 400, a
// url_verification its challenge, anything else 200. Each request starts
// at most one answer, in the event's channel; a retried delivery starts
// none; an exact replay that is no retry, or a badly signed copy, gets 401
// and starts none.
func FuzzEvents(f *testing.F) {
	ev := func(id string, e map[string]any) []byte {
		b, _ := json.Marshal(map[string]any{"type": "event_callback", "team_id": "T1", "event_id": id, "event": e})
		return b
	}
	mention := map[string]any{"type": "app_mention", "user": testUser, "text": "<@" + botUser + "> who supplies Kazakhstan?", "ts": "1.1", "channel": channel}
	dm := map[string]any{"type": "message", "channel_type": "im", "user": testUser, "text": "suppliers <!here> &lt;Turkey&gt; <https://evil.example|sipri.org>", "ts": "1.2", "channel": dmChannel}
	for _, b := range [][]byte{
		[]byte(`{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`),
		[]byte(`{"type":"url_verification","challenge":"\u202e\u0000\ud800"}`),
		[]byte(`{"type":"app_rate_limited"}`),
		ev("Ev1", mention),
		ev("Ev2", dm),
		ev("", map[string]any{"type": "message", "subtype": "bot_message", "bot_id": botID, "text": "loop", "ts": "1.3", "channel": channel}),
		ev("Ev4", map[string]any{"type": "message", "user": testUser, "text": "follow-up", "ts": "1.4", "thread_ts": "1.1", "channel": channel}),
		ev("Ev5", map[string]any{"type": "app_mention", "user": testUser, "text": "<@" + botUser + "|bot> Казахстан \u200bдроны \u202eTurkey", "ts": "1.5", "channel": channel}),
		[]byte(`{"type":"event_callback","event_id":"Ev6","event":"not an object"}`),
		[]byte(`{"type":"event_callback","event_id":"Ev7","event":{"type":"app_mention","user":"U1","ts":"1","channel":"C1","text":"` + strings.Repeat("<@U1>", 2000) + `"}}`),
		[]byte(`{"type":"event_callback","event":{"type":"app_mention"` + strings.Repeat(`,"x":[`, 200)),
		[]byte(`{"type":5}`),
		[]byte("\xff\xfe{\x00}"),
		[]byte(""),
	} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		a, w, stop := startFuzzAdapter(t)
		defer stop()
		rec := serve(a, a.ServeEvents, PathEvents, body, "")
		if rec.Code >= 500 {
			t.Fatalf("status %d for a signed body: %s", rec.Code, rec.Body)
		}
		var obj map[string]any
		isObj := json.Unmarshal(body, &obj) == nil
		switch {
		case !json.Valid(body) && rec.Code != http.StatusBadRequest:
			t.Fatalf("status %d for a body that is not JSON, want 400", rec.Code)
		case json.Valid(body) && isObj && rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest:
			t.Fatalf("status %d for a JSON object", rec.Code)
		case isObj && obj["type"] == "url_verification" && rec.Code == http.StatusOK:
			// The challenge as encoding/json reads it, keys matched without
			// regard to case ("ChAllenge"), like the adapter's decoding.
			var want struct {
				Challenge string `json:"challenge"`
			}
			_ = json.Unmarshal(body, &want)
			var got map[string]string
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || got["challenge"] != want.Challenge {
				t.Fatalf("url_verification answered %q, want challenge %q", rec.Body, want.Challenge)
			}
		}
		messages, posts, _ := w.counts()
		if messages > 1 {
			t.Fatalf("one event answered %d times", messages)
		}
		for i, m := range w.messages {
			if m.Platform != "slack" || m.Channel == "" || m.User == "" || m.User == botUser || !utf8.ValidString(m.Text) ||
				m.Text != strings.TrimSpace(m.Text) || strings.HasPrefix(m.Text, "<@"+botUser) {
				t.Fatalf("message %d: %+v", i, m)
			}
			for _, ch := range w.posts {
				if ch != m.Channel {
					t.Fatalf("answer to %s posted to %s", m.Channel, ch)
				}
			}
		}

		// Slack retries: the same event again is not answered again.
		again := serve(a, a.ServeEvents, PathEvents, body, "", "X-Slack-Retry-Num", "1")
		if again.Code != rec.Code {
			t.Fatalf("retry got %d, first delivery %d", again.Code, rec.Code)
		}
		// The same signed request replayed without being a retry is refused.
		replayed := serve(a, a.ServeEvents, PathEvents, body, "")
		if replayed.Code != http.StatusUnauthorized {
			t.Fatalf("replay got %d, want 401", replayed.Code)
		}
		// A badly signed copy is refused before it is read.
		forged := serve(a, a.ServeEvents, PathEvents, body, "v0="+strings.Repeat("0", 64))
		if forged.Code != http.StatusUnauthorized {
			t.Fatalf("forged signature got %d, want 401", forged.Code)
		}
		if m, p, _ := w.counts(); m != messages || p != posts {
			t.Fatalf("a retried or forged delivery was answered: %d messages, %d posts (first %d, %d)", m, p, messages, posts)
		}
	})
}

// FuzzCommands posts fuzzed, correctly signed slash-command form bodies to
// ServeCommands. It never panics and never answers 5xx: a body that is
// not a form gets 400, any other 200. A command is answered at most once
// (also when delivered again with its trigger_id), with the text
// commandText makes of it, in at most maxResponsePosts posts to its
// response_url, shown in the channel only when it ends with "public".
func FuzzCommands(f *testing.F) {
	form := func(text, responseURL, trigger string) []byte {
		return []byte(url.Values{"token": {"x"}, "team_id": {"T1"}, "channel_id": {channel}, "user_id": {testUser},
			"command": {"/brief"}, "text": {text}, "response_url": {responseURL}, "trigger_id": {trigger}}.Encode())
	}
	for _, b := range [][]byte{
		form("who supplies Kazakhstan with drones?", "https://hooks.slack.com/commands/T1/1/x", "1.2.3"),
		form("suppliers Turkmenistan public", "https://hooks.slack.com/commands/T1/2/x", "2.2.3"),
		form("", "https://hooks.slack.com/commands/T1/3/x", ""),
		form("help", "", "4.2.3"),
		form("<!channel> &amp; <@U1|boss> \u202eКазахстан\u200b public", "http://[::1]:namedport", "5"),
		form(strings.Repeat("Turkey delivered drones to Kazakhstan. ", 400), "https://hooks.slack.com/commands/T1/6/x", "6"),
		form("sources", "javascript:alert(1)", "7"),
		[]byte("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"),
		[]byte("text=%zz&response_url=%"),
		[]byte("text=a;b"),
		[]byte("text=\xff\xfe%00%C3%28"),
		[]byte(""),
	} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		a, w, stop := startFuzzAdapter(t)
		defer stop()
		rec := serve(a, a.ServeCommands, PathCommands, body, "")
		vals, formErr := url.ParseQuery(string(body))
		switch {
		case rec.Code >= 500:
			t.Fatalf("status %d for a signed body: %s", rec.Code, rec.Body)
		case formErr != nil && rec.Code != http.StatusBadRequest:
			t.Fatalf("status %d for a body that is not a form (%v), want 400", rec.Code, formErr)
		case formErr == nil && rec.Code != http.StatusOK:
			t.Fatalf("status %d for a form, want 200", rec.Code)
		}
		messages, _, responses := w.counts()
		if formErr != nil {
			if messages != 0 {
				t.Fatalf("a body that is not a form was answered")
			}
			return
		}
		text, public := commandText(vals.Get("text"))
		want := 1 // every command, "sources" too, goes to the bot
		if messages != want {
			t.Fatalf("command %q asked the bot %d times, want %d", text, messages, want)
		}
		if want == 1 {
			if m := w.messages[0]; m.Text != text || m.Text == "" || m.Channel != vals.Get("channel_id") || m.Platform != "slack" {
				t.Fatalf("command text %q asked %+v, want %q", vals.Get("text"), m, text)
			}
		}
		if responses > maxResponsePosts {
			t.Fatalf("%d posts to one response_url, Slack takes %d", responses, maxResponsePosts)
		}
		for _, r := range w.responses {
			kind := slackgo.ResponseTypeEphemeral
			if public && want == 1 { // errors are shown only to the user
				kind = slackgo.ResponseTypeInChannel
			}
			if r["response_type"] != kind {
				t.Fatalf("response_type %v for %q, want %s", r["response_type"], vals.Get("text"), kind)
			}
			if s, _ := r["text"].(string); s == "" || slackPings(s) {
				t.Fatalf("response text %q", s)
			}
		}
		if vals.Get("trigger_id") != "" {
			serve(a, a.ServeCommands, PathCommands, body, "")
			if m, _, r := w.counts(); m != want || r != responses {
				t.Fatalf("a command delivered again with its trigger_id was answered again")
			}
		}
	})
}

// renderSeeds seeds FuzzRender and FuzzLimitMessages: answers with
// citations, hostile markup, control characters, invalid UTF-8,
// right-to-left and zero-width text, Cyrillic, and huge repetition.
func renderSeeds(f *testing.F) {
	f.Add("who supplies Kazakhstan?", "Turkey delivered drones [1].\n- Kazakhstan: TB2 (2021) [1]", "Report", "Wire", "2024-01-02", "A quote.", "r1", uint8(1), true, false)
	f.Add("<!channel>", "<!here|here> <@U123> @everyone &amp; <https://evil.example|sipri.org>", "<b>", "@channel", "", "<!everyone>", "a|b>c<d", uint8(3), true, false)
	f.Add("", "", "", "", "", "", "", uint8(0), false, false)
	f.Add("", "help\n  suppliers COUNTRY   who supplies", "", "", "", "", "", uint8(0), false, false)
	f.Add("", "Sorry \x00\x07\xff\xfe \u202eevil\u202c", "", "", "", "", "", uint8(0), false, true)
	f.Add("🚁 مسيرات؟", strings.Repeat("🚁 مسيرات تركية إلى كازاخستان 👨‍👩‍👧 רחפנים \u202eevil\u202c\u200b ", 20), "Казахстан", "Ведомости", "2024-01-02", strings.Repeat("Ж", 300), "ж", uint8(40), true, false)
	f.Add("q", strings.Repeat("x", 50000), "t", "s", "p", "q", "javascript:alert(1)", uint8(255), true, false)
}

// fuzzReply builds a reply from FuzzRender's arguments: an answer with
// n%41 citations (every other one with the link as it is, unless it is a
// real link to another site, the rest with it under https://example.org/),
// or plain text, an error when isErr.
func fuzzReply(question, text, title, source, published, quote, link string, n uint8, answer, isErr bool) bot.Reply {
	rawURL := link
	if u, err := url.Parse(strings.TrimSpace(link)); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.Host != "example.org" {
		rawURL = "" // a real link elsewhere: fine, but not what checkRendered allows
	}
	r := bot.Reply{Text: text, IsError: isErr, RequestID: "0123456789ab"}
	if answer {
		a := &bot.Answer{Question: question, Text: text}
		for i := range int(n) % 41 {
			c := bot.Citation{N: i + 1, ReportID: "r", Title: title, Source: source, Published: published, Quote: quote,
				URL: "https://example.org/" + link}
			if i%2 == 1 {
				c.URL = rawURL
			}
			a.Citations = append(a.Citations, c)
		}
		r.Answer = a
	}
	return r
}

// FuzzRender renders replies made of fuzzed strings (see fuzzReply).
// Every message keeps to every limit the package declares (checkLimits:
// blocks, text objects, message text, header, context elements,
// fallback), is valid UTF-8, pings nobody, links only to the citations'
// URLs and keeps no bidirectional override; Render is deterministic.
func FuzzRender(f *testing.F) {
	renderSeeds(f)
	f.Fuzz(func(t *testing.T, question, text, title, source, published, quote, link string, n uint8, answer, isErr bool) {
		r := fuzzReply(question, text, title, source, published, quote, link, n, answer, isErr)
		msgs := Render(r)
		checkRendered(t, msgs)
		if again := Render(r); !sameMessages(t, again, msgs) {
			t.Fatalf("Render is not deterministic")
		}
	})
}

// FuzzLimitMessages checks that the messages of a slash command's answer,
// cut to maxResponsePosts with a note, keep to the same limits.
func FuzzLimitMessages(f *testing.F) {
	renderSeeds(f)
	f.Fuzz(func(t *testing.T, question, text, title, source, published, quote, link string, n uint8, answer, isErr bool) {
		r := fuzzReply(question, text, title, source, published, quote, link, n, answer, isErr)
		msgs := limitMessages(Render(r), maxResponsePosts)
		if len(msgs) > maxResponsePosts {
			t.Fatalf("%d messages, want at most %d", len(msgs), maxResponsePosts)
		}
		checkRendered(t, msgs)
	})
}

// checkRendered is checkLimits plus the checks on links and bidi controls.
func checkRendered(t *testing.T, msgs []Message) {
	t.Helper()
	all := checkLimits(t, msgs)
	for _, m := range msgs {
		all = append(all, m.Text)
	}
	for _, s := range all {
		for _, l := range slackLinks(s) {
			if !strings.HasPrefix(l, "https://example.org/") {
				t.Fatalf("link to %q in %q", l, s)
			}
		}
		if strings.ContainsAny(s, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") {
			t.Fatalf("bidirectional control in %q", s)
		}
	}
}

func sameMessages(t *testing.T, a, b []Message) bool {
	t.Helper()
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	return bytes.Equal(ja, jb)
}
