package slack

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// The fake workspace's identities.
const (
	botUser   = "UBOT"
	botID     = "BBOT"
	testUser  = "UHUMAN"
	channel   = "C0CHAN"
	dmChannel = "D0DM"
	secret    = "8f742231b10e8888abcd99yyyzzz85a5"
)

// postCall is one chat.postMessage the fake received.
type postCall struct {
	Channel, ThreadTS, Text, Parse, LinkNames, UnfurlLinks string
	Blocks                                                 []json.RawMessage
}

// hookCall is one post to a response_url of the fake.
type hookCall struct {
	Path string
	Msg  struct {
		Text         string            `json:"text"`
		ResponseType string            `json:"response_type"`
		Blocks       []json.RawMessage `json:"blocks"`
	}
}

// fakeSlack is Slack's Web API, response_urls and Socket Mode websocket on
// loopback, for the real slack-go client.
type fakeSlack struct {
	t   *testing.T
	srv *httptest.Server

	mu         sync.Mutex
	posts      []postCall
	hooks      []hookCall
	limit      int    // answer this many more chat.postMessage calls with 429
	retryAfter string // the Retry-After of those
	opens      int    // apps.connections.open calls
	open       []*websocket.Conn
	acks       map[string]int
	postc      chan postCall
	hookc      chan hookCall
	conns      chan *fakeConn
	ackc       chan string
}

func newFakeSlack(t *testing.T) *fakeSlack {
	f := &fakeSlack{t: t, acks: map[string]int{}, postc: make(chan postCall, 1000),
		hookc: make(chan hookCall, 1000), conns: make(chan *fakeConn, 10), ackc: make(chan string, 1000)}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/auth.test", func(w http.ResponseWriter, r *http.Request) {
		if r.FormValue("token") != "xoxb-test" {
			fmt.Fprint(w, `{"ok":false,"error":"invalid_auth"}`)
			return
		}
		fmt.Fprintf(w, `{"ok":true,"url":"https://fake.slack.com/","team":"Fake","user":"briefbot","team_id":"T1","user_id":%q,"bot_id":%q}`, botUser, botID)
	})
	mux.HandleFunc("POST /api/chat.postMessage", f.postMessage)
	mux.HandleFunc("POST /api/apps.connections.open", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer xapp-test" {
			fmt.Fprint(w, `{"ok":false,"error":"invalid_auth"}`)
			return
		}
		f.mu.Lock()
		f.opens++
		f.mu.Unlock()
		fmt.Fprintf(w, `{"ok":true,"url":"ws://%s/ws"}`, r.Host)
	})
	mux.HandleFunc("GET /ws", f.websocket)
	mux.HandleFunc("POST /hook/{id}", func(w http.ResponseWriter, r *http.Request) {
		var h hookCall
		h.Path = r.URL.Path
		if err := json.NewDecoder(r.Body).Decode(&h.Msg); err != nil {
			t.Errorf("response_url body: %v", err)
		}
		f.mu.Lock()
		f.hooks = append(f.hooks, h)
		f.mu.Unlock()
		f.hookc <- h
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(func() { // after the adapter stopped
		f.srv.Close()
		f.mu.Lock()
		defer f.mu.Unlock()
		for _, ws := range f.open {
			ws.Close()
		}
	})
	return f
}

func (f *fakeSlack) apiURL() string           { return f.srv.URL + "/api/" }
func (f *fakeSlack) hookURL(id string) string { return f.srv.URL + "/hook/" + id }
func (f *fakeSlack) rateLimit(n int, after string) {
	f.mu.Lock()
	f.limit, f.retryAfter = n, after
	f.mu.Unlock()
}

func (f *fakeSlack) postMessage(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		f.t.Errorf("chat.postMessage form: %v", err)
	}
	f.mu.Lock()
	if f.limit > 0 {
		f.limit--
		f.mu.Unlock()
		w.Header().Set("Retry-After", f.retryAfter)
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"ok":false,"error":"ratelimited"}`)
		return
	}
	p := postCall{Channel: r.FormValue("channel"), ThreadTS: r.FormValue("thread_ts"), Text: r.FormValue("text"),
		Parse: r.FormValue("parse"), LinkNames: r.FormValue("link_names"), UnfurlLinks: r.FormValue("unfurl_links")}
	if err := json.Unmarshal([]byte(r.FormValue("blocks")), &p.Blocks); err != nil {
		f.t.Errorf("chat.postMessage blocks: %v", err)
	}
	f.posts = append(f.posts, p)
	n := len(f.posts)
	f.mu.Unlock()
	f.postc <- p
	fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"1700000000.%06d"}`, p.Channel, n)
}

// postCount returns how many messages were posted so far.
func (f *fakeSlack) postCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.posts)
}

// postsSince returns the messages posted after the first n.
func (f *fakeSlack) postsSince(n int) []postCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]postCall(nil), f.posts[n:]...)
}

// nextPost waits up to 5 s for the next chat.postMessage.
func (f *fakeSlack) nextPost(t *testing.T) postCall {
	t.Helper()
	select {
	case p := <-f.postc:
		return p
	case <-time.After(5 * time.Second):
		t.Fatal("no chat.postMessage within 5 s")
	}
	return postCall{}
}

// nextHook waits up to 5 s for the next response_url post.
func (f *fakeSlack) nextHook(t *testing.T) hookCall {
	t.Helper()
	select {
	case h := <-f.hookc:
		return h
	case <-time.After(5 * time.Second):
		t.Fatal("no response_url post within 5 s")
	}
	return hookCall{}
}

// fakeConn is one Socket Mode connection of the fake.
type fakeConn struct {
	f    *fakeSlack
	ws   *websocket.Conn
	wmu  sync.Mutex
	done chan struct{} // closed when the client's side is gone
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

func (f *fakeSlack) websocket(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		f.t.Errorf("websocket upgrade: %v", err)
		return
	}
	c := &fakeConn{f: f, ws: ws, done: make(chan struct{})}
	f.mu.Lock()
	f.open = append(f.open, ws)
	f.mu.Unlock()
	c.send(map[string]any{"type": "hello", "num_connections": 1, "debug_info": map[string]any{"host": "fake"},
		"connection_info": map[string]any{"app_id": "A1"}})
	go c.readAcks()
	f.conns <- c
}

// readAcks records every ack the client sends.
func (c *fakeConn) readAcks() {
	defer close(c.done)
	for {
		_, data, err := c.ws.ReadMessage()
		if err != nil {
			return
		}
		if len(data) >= 20<<10 {
			c.f.t.Errorf("ack of %d bytes; Slack refuses 20 KB or more", len(data))
		}
		var ack struct {
			EnvelopeID string `json:"envelope_id"`
		}
		if err := json.Unmarshal(data, &ack); err != nil || ack.EnvelopeID == "" {
			c.f.t.Errorf("client sent %q, not an ack", data)
			continue
		}
		c.f.mu.Lock()
		c.f.acks[ack.EnvelopeID]++
		c.f.mu.Unlock()
		c.f.ackc <- ack.EnvelopeID
	}
}

func (c *fakeConn) send(v any) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if err := c.ws.WriteJSON(v); err != nil {
		c.f.t.Errorf("websocket write: %v", err)
	}
}

// nextConn waits up to 5 s for the client to connect.
func (f *fakeSlack) nextConn(t *testing.T) *fakeConn {
	t.Helper()
	select {
	case c := <-f.conns:
		return c
	case <-time.After(5 * time.Second):
		t.Fatal("socket mode client did not connect within 5 s")
	}
	return nil
}

// nextAck waits up to 5 s for an ack and returns its envelope ID.
func (f *fakeSlack) nextAck(t *testing.T) string {
	t.Helper()
	select {
	case id := <-f.ackc:
		return id
	case <-time.After(5 * time.Second):
		t.Fatal("no ack within 5 s")
	}
	return ""
}

// signedRequest returns a request signed now as Slack signs them.
func signedRequest(t *testing.T, url, contentType string, body []byte) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	ts := fmt.Sprint(time.Now().Unix())
	req.Header.Set("Content-Type", contentType)
	req.Header.Set(HeaderTimestamp, ts)
	req.Header.Set(HeaderSignature, Sign(secret, ts, body))
	return req
}

// do sends req and returns the status and body.
func do(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// eventBody is an Events API event_callback around ev.
func eventBody(eventID string, ev map[string]any) []byte {
	b, _ := json.Marshal(map[string]any{"type": "event_callback", "team_id": "T1", "api_app_id": "A1",
		"event_id": eventID, "event_time": time.Now().Unix(), "event": ev})
	return b
}

// commandBody is a slash command form.
func commandBody(text, responseURL string) []byte {
	return []byte(url.Values{"token": {"x"}, "team_id": {"T1"}, "channel_id": {channel}, "user_id": {testUser},
		"command": {"/brief"}, "text": {text}, "response_url": {responseURL}, "trigger_id": {newTriggerID()}}.Encode())
}

var triggers atomic.Int64

// newTriggerID returns a trigger_id no other command of the test run has.
func newTriggerID() string {
	return fmt.Sprintf("%d.47445629121.803a0bc887a14d10d2c447fce8b6703c", triggers.Add(1))
}

// texts returns every text of blocks, in order.
func texts(blocks []json.RawMessage) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, c := range v {
				if s, ok := c.(string); ok && k == "text" {
					out = append(out, s)
				} else {
					walk(c)
				}
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	for _, b := range blocks {
		var v any
		if err := json.Unmarshal(b, &v); err == nil {
			walk(v)
		}
	}
	return out
}

var (
	pingMarkup = regexp.MustCompile(`<[!@#]`)
	pingWords  = regexp.MustCompile(`(?i)@(here|channel|everyone)\b`)
	linkMarkup = regexp.MustCompile(`<([^<>|]+)(?:\|([^<>]*))?>`)
	entities   = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "\u2060", "", "```", "")
)

// slackPings reports whether Slack would turn raw mrkdwn into a mention of
// a user, a group or a channel, or a broadcast.
func slackPings(raw string) bool { return pingMarkup.MatchString(raw) || pingWords.MatchString(raw) }

// slackLinks returns the targets of the links in raw mrkdwn.
func slackLinks(raw string) []string {
	var out []string
	for _, m := range linkMarkup.FindAllStringSubmatch(raw, -1) {
		out = append(out, strings.ReplaceAll(m[1], "&amp;", "&"))
	}
	return out
}

// slackPlain is raw mrkdwn as a user reads it.
func slackPlain(raw string) string {
	raw = linkMarkup.ReplaceAllStringFunc(raw, func(m string) string {
		p := linkMarkup.FindStringSubmatch(m)
		if p[2] != "" {
			return p[2]
		}
		return p[1]
	})
	return entities.Replace(raw)
}
