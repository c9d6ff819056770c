package slack

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	slackgo "github.com/slack-go/slack"
)

// The fake workspace's identities.
const (
	botUser   = "UBOT"
	botID     = "BBOT"
	testUser  = "UHUMAN"
	channel   = "C0CHAN"
	dmChannel = "D0DM"
	secret    = "8f742231b10e8888abcd99yyyzzz85a5"
	// notInChannel exists but the bot is not a member of it.
	notInChannel = "C0NOTIN"
)

// postCall is one chat.postMessage the fake received.
type postCall struct {
	Channel, ThreadTS, Text, Parse, LinkNames, UnfurlLinks, TS string
	Blocks                                                     []json.RawMessage
	Metadata                                                   *slackgo.SlackMetadata // nil when the post had none
}

// fakeMessage is one message in a channel of the fake, as
// conversations.history returns it.
type fakeMessage struct {
	TS, ThreadTS, Text string
	Metadata           json.RawMessage // the metadata form field, or nil
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
	histLimit  int    // answer this many more conversations.history calls with 429
	failIn     int    // when > 0, the failIn-th chat.postMessage from now fails
	failStatus int    // with this HTTP status (200: ok:false)
	seq        int    // messages stored so far, for their ts
	channels   map[string][]fakeMessage
	histCalls  []url.Values // conversations.history requests
	opens      int          // apps.connections.open calls
	open       []*websocket.Conn
	acks       map[string]int
	postc      chan postCall
	hookc      chan hookCall
	conns      chan *fakeConn
	ackc       chan string
	pending    map[string]*uploadCall // files announced, by ID, until completed
	uploads    []uploadCall           // uploads completed
	uploadFail string                 // when set, files.completeUploadExternal fails with this error
	uploadc    chan uploadCall
}

func newFakeSlack(t *testing.T) *fakeSlack {
	f := &fakeSlack{t: t, acks: map[string]int{}, channels: map[string][]fakeMessage{channel: nil, dmChannel: nil},
		postc: make(chan postCall, 1000),
		hookc: make(chan hookCall, 1000), conns: make(chan *fakeConn, 10), ackc: make(chan string, 1000),
		pending: map[string]*uploadCall{}, uploadc: make(chan uploadCall, 100)}
	mux := http.NewServeMux()
	f.serveFiles(mux)
	mux.HandleFunc("POST /api/auth.test", func(w http.ResponseWriter, r *http.Request) {
		if r.FormValue("token") != "xoxb-test" {
			fmt.Fprint(w, `{"ok":false,"error":"invalid_auth"}`)
			return
		}
		fmt.Fprintf(w, `{"ok":true,"url":"https://fake.slack.com/","team":"Fake","user":"briefbot","team_id":"T1","user_id":%q,"bot_id":%q}`, botUser, botID)
	})
	mux.HandleFunc("POST /api/chat.postMessage", f.postMessage)
	mux.HandleFunc("POST /api/conversations.history", f.history)
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

// failPost makes the k-th chat.postMessage from now (1 is the next) fail
// with HTTP status (500, say), or with ok:false and fatal_error for 200.
func (f *fakeSlack) failPost(k, status int) {
	f.mu.Lock()
	f.failIn, f.failStatus = k, status
	f.mu.Unlock()
}

// rateLimitHistory answers the next n conversations.history calls with 429
// and Retry-After.
func (f *fakeSlack) rateLimitHistory(n int, after string) {
	f.mu.Lock()
	f.histLimit, f.retryAfter = n, after
	f.mu.Unlock()
}

// nextTS returns the ts of the next message stored; f.mu is held.
func (f *fakeSlack) nextTS() string {
	f.seq++
	return fmt.Sprintf("%d.%06d", 1700000000+f.seq/1000000, f.seq%1000000)
}

// addMessages stores n messages from someone else in ch, without posting.
func (f *fakeSlack) addMessages(ch string, n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range n {
		f.channels[ch] = append(f.channels[ch], fakeMessage{TS: f.nextTS(), Text: fmt.Sprintf("chatter %d", i)})
	}
}

// channelMessages returns the messages of ch, oldest first.
func (f *fakeSlack) channelMessages(ch string) []fakeMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeMessage(nil), f.channels[ch]...)
}

// historyCalls returns the conversations.history requests so far.
func (f *fakeSlack) historyCalls() []url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]url.Values(nil), f.histCalls...)
}

func (f *fakeSlack) postMessage(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		f.t.Errorf("chat.postMessage form: %v", err)
	}
	f.mu.Lock()
	if f.failIn > 0 {
		if f.failIn--; f.failIn == 0 {
			status := f.failStatus
			f.mu.Unlock()
			w.WriteHeader(status)
			fmt.Fprint(w, `{"ok":false,"error":"fatal_error"}`)
			return
		}
	}
	if r.FormValue("channel") == notInChannel {
		f.mu.Unlock()
		fmt.Fprint(w, `{"ok":false,"error":"not_in_channel"}`)
		return
	}
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
	var meta json.RawMessage
	if md := r.FormValue("metadata"); md != "" {
		meta = json.RawMessage(md)
		p.Metadata = new(slackgo.SlackMetadata)
		if err := json.Unmarshal(meta, p.Metadata); err != nil || p.Metadata.EventType == "" {
			f.t.Errorf("chat.postMessage metadata %s: %v", md, err)
		}
	}
	p.TS = f.nextTS()
	f.posts = append(f.posts, p)
	f.channels[p.Channel] = append(f.channels[p.Channel], fakeMessage{TS: p.TS, ThreadTS: p.ThreadTS, Text: p.Text, Metadata: meta})
	f.mu.Unlock()
	f.postc <- p
	fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":%q}`, p.Channel, p.TS)
}

// history is conversations.history: the channel's messages outside
// threads, newest first, after oldest and before latest (inclusive=1
// includes both), limit (default 100, at most 999) at a time from cursor,
// with their metadata only when include_all_metadata=1.
func (f *fakeSlack) history(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		f.t.Errorf("conversations.history form: %v", err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.histCalls = append(f.histCalls, r.PostForm)
	if f.histLimit > 0 {
		f.histLimit--
		w.Header().Set("Retry-After", f.retryAfter)
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"ok":false,"error":"ratelimited"}`)
		return
	}
	if r.FormValue("token") != "xoxb-test" {
		fmt.Fprint(w, `{"ok":false,"error":"invalid_auth"}`)
		return
	}
	ch := r.FormValue("channel")
	msgs, known := f.channels[ch]
	switch {
	case ch == notInChannel:
		fmt.Fprint(w, `{"ok":false,"error":"not_in_channel"}`)
		return
	case !known:
		fmt.Fprint(w, `{"ok":false,"error":"channel_not_found"}`)
		return
	}
	inclusive := r.FormValue("inclusive") == "1"
	oldest, latest := r.FormValue("oldest"), r.FormValue("latest")
	var sel []map[string]any
	for i := len(msgs) - 1; i >= 0; i-- {
		m := msgs[i]
		if m.ThreadTS != "" {
			continue
		}
		if c := compareTS(m.TS, oldest); oldest != "" && (c < 0 || c == 0 && !inclusive) {
			continue
		}
		if c := compareTS(m.TS, latest); latest != "" && (c > 0 || c == 0 && !inclusive) {
			continue
		}
		v := map[string]any{"type": "message", "ts": m.TS, "text": m.Text, "user": botUser, "bot_id": botID}
		if strings.HasPrefix(m.Text, "chatter") {
			v["user"] = testUser
			delete(v, "bot_id")
		}
		if m.Metadata != nil && r.FormValue("include_all_metadata") == "1" {
			v["metadata"] = m.Metadata
		}
		sel = append(sel, v)
	}
	limit := 100
	if l := r.FormValue("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 {
			fmt.Fprint(w, `{"ok":false,"error":"invalid_limit"}`)
			return
		}
		limit = min(n, 999)
	}
	start := 0
	if c := r.FormValue("cursor"); c != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(c, "next:"))
		if !strings.HasPrefix(c, "next:") || err != nil || n < 0 || n > len(sel) {
			fmt.Fprint(w, `{"ok":false,"error":"invalid_cursor"}`)
			return
		}
		start = n
	}
	end := min(start+limit, len(sel))
	resp := map[string]any{"ok": true, "messages": sel[start:end], "has_more": end < len(sel), "pin_count": 0}
	if end < len(sel) {
		resp["response_metadata"] = map[string]any{"next_cursor": fmt.Sprintf("next:%d", end)}
	}
	if err := json.NewEncoder(w).Encode(resp); err != nil {
		f.t.Errorf("conversations.history: %v", err)
	}
}

// compareTS compares two Slack timestamps as numbers.
func compareTS(a, b string) int {
	parse := func(s string) (sec, usec int64) {
		x, y, _ := strings.Cut(s, ".")
		sec, _ = strconv.ParseInt(x, 10, 64)
		y = (y + "000000")[:6]
		usec, _ = strconv.ParseInt(y, 10, 64)
		return sec, usec
	}
	as, au := parse(a)
	bs, bu := parse(b)
	if as != bs {
		return cmp.Compare(as, bs)
	}
	return cmp.Compare(au, bu)
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
