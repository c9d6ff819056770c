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
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// The fuzz targets sign with a fixed key at a fixed time, with the
// adapter's clock stopped there.
var (
	fuzzTime = time.Unix(1700000000, 0)
	fuzzTS   = strconv.FormatInt(fuzzTime.Unix(), 10)
	fuzzKey  = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))
)

// fuzzWorld is what a fuzzed adapter talks to, none of it on the network:
// a REST transport that records the calls, a handler that echoes each
// message back as an answer, and a log that notes recovered panics.
type fuzzWorld struct {
	mu       sync.Mutex
	messages []bot.Message
	calls    []string // "METHOD path" of each REST call
	bad      []string // REST calls without allowed_mentions that parse nothing
	panics   []string
}

// Handle answers with the message's text as question, answer and quote.
func (w *fuzzWorld) Handle(_ context.Context, m bot.Message) bot.Reply {
	w.mu.Lock()
	w.messages = append(w.messages, m)
	w.mu.Unlock()
	return bot.Reply{RequestID: "0123456789ab", Answer: &bot.Answer{Question: m.Text, Text: m.Text + " [1]",
		Citations: []bot.Citation{{N: 1, Title: m.Text, Source: m.User, URL: "https://example.org/r1", Quote: m.Text}}}}
}

// RoundTrip takes a REST call; every message sent must carry
// allowed_mentions that parse nothing.
func (w *fuzzWorld) RoundTrip(r *http.Request) (*http.Response, error) {
	var body struct {
		AllowedMentions *struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
	}
	var b []byte
	if r.Body != nil {
		b, _ = io.ReadAll(r.Body)
	}
	w.mu.Lock()
	w.calls = append(w.calls, r.Method+" "+r.URL.Path)
	if r.Method == http.MethodPost || r.Method == http.MethodPatch {
		if err := json.Unmarshal(b, &body); err != nil || body.AllowedMentions == nil || body.AllowedMentions.Parse == nil || len(body.AllowedMentions.Parse) > 0 {
			w.bad = append(w.bad, r.Method+" "+r.URL.Path+" "+string(b))
		}
	}
	w.mu.Unlock()
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(`{"id":"100000000000000009","channel_id":"` + channelID + `"}`)), Request: r}, nil
}

func (w *fuzzWorld) counts() (messages, calls int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.messages), len(w.calls)
}

// fuzzLog is the adapter's log: it notes the panics the adapter recovered
// from, and drops the rest.
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

// startFuzzAdapter runs an adapter serving HTTP interactions only, against
// a new fuzzWorld; stop ends it and fails t if it panicked anywhere or sent
// a message that could mention someone.
func startFuzzAdapter(t *testing.T) (a *Adapter, w *fuzzWorld, stop func()) {
	t.Helper()
	w = &fuzzWorld{}
	a, err := New(Options{ApplicationID: appID, PublicKey: fmt.Sprintf("%x", fuzzKey.Public()),
		Now: func() time.Time { return fuzzTime }, HTTPClient: &http.Client{Transport: w}, Logger: slog.New(fuzzLog{w}),
		NoRetries: true, AnswerTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
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
			t.Fatalf("panics %q, messages that may mention %q", w.panics, w.bad)
		}
	}
}

// serve posts body to ServeInteractions signed at fuzzTS (with sig when
// it is not ""), waits for the answers it started and returns the response.
func serve(a *Adapter, body []byte, sig string) *httptest.ResponseRecorder {
	return serveAt(a, body, sig, fuzzTS)
}

// serveAt is serve with the signature's timestamp ts.
func serveAt(a *Adapter, body []byte, sig, ts string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, PathInteractions, bytes.NewReader(body))
	if sig == "" {
		sig = Sign(fuzzKey, ts, body)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(HeaderTimestamp, ts)
	req.Header.Set(HeaderSignature, sig)
	rec := httptest.NewRecorder()
	a.ServeInteractions(rec, req)
	a.waitIdle()
	return rec
}

// FuzzInteractions posts fuzzed, correctly signed interaction bodies to
// ServeInteractions of a running adapter. It never panics (in the handler
// or in the answers it starts) and never answers 5xx: a body that is not
// JSON gets 400; a PING gets exactly {"type":1}; every 200 is a JSON
// interaction response of a known type. An interaction is answered at most
// once, also when delivered again; every message sent carries
// allowed_mentions that parse nothing; a badly signed copy and an exact
// replay of the signed request get 401.
func FuzzInteractions(f *testing.F) {
	js := func(v any) []byte {
		b, _ := json.Marshal(v)
		return b
	}
	cmd := func(id, sub string, opts ...any) []byte {
		c := command("tok-"+id, sub, opts...)
		c["id"] = id
		return js(c)
	}
	ping := interaction(1, "tok-ping", nil)
	ping["id"] = "1"
	other := interaction(1, "tok-x", nil)
	other["application_id"] = "999"
	for _, b := range [][]byte{
		js(ping),
		[]byte(`{"type":1}`),
		js(other),
		cmd("1200000000000000001", "ask", "question", "who supplies Kazakhstan with drones?"),
		cmd("1200000000000000002", "between", "supplier", "Türkiye", "recipient", "казахстан"),
		cmd("1200000000000000003", "ask", "question", "<@&1> @everyone \u202eevil\u200b [x](https://evil.example)", "private", true),
		cmd("1200000000000000004", "digest", "action", "subscribe", "options", "weekly\x00\xff"),
		cmd("1200000000000000005", "sources"),
		cmd("1", "ask", "question", strings.Repeat("Turkey delivered drones to Kazakhstan. ", 300)),
		js(autocomplete("suppliers", "country", "Kaz")),
		js(autocomplete("between", "recipient", "\xff\xfe")),
		js(interaction(3, "tok-component", map[string]any{"custom_id": "x", "component_type": 2})),
		js(interaction(5, "tok-modal", map[string]any{"custom_id": "x"})),
		js(interaction(2, "tok-bad", map[string]any{"name": CommandName, "type": 1, "options": "not a list"})),
		js(interaction(2, "tok-bad", map[string]any{"name": CommandName, "type": 1, "options": []any{map[string]any{"name": "ask", "type": 1, "options": []any{map[string]any{"name": "question", "type": 3, "value": 42}}}}})),
		[]byte(`{"type":2,"data":` + strings.Repeat(`{"options":[`, 300)),
		[]byte(`{"type":"1"}`),
		[]byte(`[]`),
		[]byte("\xff\xfe\x00"),
		[]byte(""),
	} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		a, w, stop := startFuzzAdapter(t)
		defer stop()
		rec := serve(a, body, "")
		var probe struct {
			Type  *int   `json:"type"`
			AppID string `json:"application_id"`
		}
		_ = json.Unmarshal(body, &probe)
		var full discordgo.Interaction
		decodes := json.Unmarshal(body, &full) == nil
		switch {
		case rec.Code >= 500:
			t.Fatalf("status %d for a signed body: %s", rec.Code, rec.Body)
		case rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest:
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		case !json.Valid(body) && rec.Code != http.StatusBadRequest:
			t.Fatalf("status %d for a body that is not JSON, want 400", rec.Code)
		case decodes && probe.Type != nil && *probe.Type == 1 && (probe.AppID == "" || probe.AppID == appID) &&
			(rec.Code != http.StatusOK || strings.TrimSpace(rec.Body.String()) != `{"type":1}`):
			t.Fatalf("PING answered %d %s, want 200 {\"type\":1}", rec.Code, rec.Body)
		}
		if rec.Code == http.StatusOK {
			var resp struct {
				Type discordgo.InteractionResponseType `json:"type"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
				t.Fatalf("200 with %q: %v", rec.Body, err)
			}
			switch resp.Type {
			case discordgo.InteractionResponsePong, discordgo.InteractionResponseChannelMessageWithSource,
				discordgo.InteractionResponseDeferredChannelMessageWithSource, discordgo.InteractionApplicationCommandAutocompleteResult:
			default:
				t.Fatalf("response of type %d: %s", resp.Type, rec.Body)
			}
		}
		messages, calls := w.counts()
		if messages > 1 {
			t.Fatalf("one interaction answered %d times", messages)
		}
		for _, m := range w.messages {
			if m.Platform != "discord" || m.Text == "" || !utf8.ValidString(m.Text) {
				t.Fatalf("message %+v", m)
			}
		}

		again := serveAt(a, body, "", strconv.FormatInt(fuzzTime.Unix()+1, 10))
		if again.Code != rec.Code {
			t.Fatalf("delivered again: %d, first %d", again.Code, rec.Code)
		}
		if replayed := serve(a, body, ""); replayed.Code != http.StatusUnauthorized {
			t.Fatalf("exact replay got %d, want 401", replayed.Code)
		}
		forged := serve(a, body, strings.Repeat("00", ed25519.SignatureSize))
		if forged.Code != http.StatusUnauthorized {
			t.Fatalf("forged signature got %d, want 401", forged.Code)
		}
		if m, c := w.counts(); m != messages || c != calls {
			t.Fatalf("a repeated or forged delivery was answered: %d messages, %d calls (first %d, %d)", m, c, messages, calls)
		}
	})
}

// fuzzReply builds a reply from FuzzRender's arguments: an answer with
// n%41 citations (every other one with the link as it is unless it is a
// real link to another site, the rest with it under https://example.org/),
// or plain text, an error when isErr.
func fuzzReply(question, text, title, source, published, quote, link string, n uint8, answer, isErr bool) bot.Reply {
	rawURL := link
	if u, err := url.Parse(strings.TrimSpace(link)); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.Host != "example.org" {
		rawURL = "" // a real link elsewhere: fine, but not what checkLimits allows
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

// FuzzRender renders replies made of fuzzed strings (see fuzzReply). The
// messages keep to every limit the package declares (checkLimits: message
// count, content, embeds, embed total, title, description, fields, field
// name and value), are valid UTF-8, show no mention and link only to the
// citations' URLs; Render is deterministic.
func FuzzRender(f *testing.F) {
	f.Add("who supplies Kazakhstan?", "Turkey delivered drones [1].\n- Kazakhstan: TB2 (2021) [1]", "Report", "Wire", "2024-01-02", "A quote.", "r1", uint8(1), true, false)
	f.Add("<@123> @everyone", "<@&1> <#2> <t:1:R> <:e:3> @here [x](https://evil.example) https://evil.example *b* _i_ `c` ||s|| > q", "[t](https://evil.example)", "@everyone", "", "\\<@1>", "a)(b[c]", uint8(3), true, false)
	f.Add("", "", "", "", "", "", "", uint8(0), false, false)
	f.Add("", "help\n  /brief suppliers COUNTRY   who supplies", "", "", "", "", "", uint8(0), false, false)
	f.Add("", "Sorry \x00\x07\xff\xfe \u202eevil\u202c", "", "", "", "", "", uint8(0), false, true)
	f.Add("🚁 مسيرات؟", strings.Repeat("🚁 مسيرات تركية إلى كازاخستان 👨‍👩‍👧 רחפנים \u202eevil\u202c\u200b ", 20), "Казахстан", "Ведомости", "2024-01-02", strings.Repeat("Ж", 300), "ж", uint8(40), true, false)
	f.Add("q", strings.Repeat("x", 50000), "t", "s", "p", "q", "javascript:alert(1)", uint8(255), true, false)
	f.Fuzz(func(t *testing.T, question, text, title, source, published, quote, link string, n uint8, answer, isErr bool) {
		r := fuzzReply(question, text, title, source, published, quote, link, n, answer, isErr)
		msgs := Render(r)
		checkLimits(t, msgs)
		again := Render(r)
		a, err1 := json.Marshal(msgs)
		b, err2 := json.Marshal(again)
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			t.Fatalf("Render is not deterministic (%v, %v)", err1, err2)
		}
	})
}
