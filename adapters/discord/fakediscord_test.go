package discord

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/briefbot/briefbot/adapters/adaptertest"
)

// The fake Discord's identities.
const (
	botUser   = "100000000000000001"
	appID     = "100000000000000002"
	testUser  = "100000000000000003"
	channelID = "100000000000000004"
	guildID   = "100000000000000005"
	dmChannel = "100000000000000006"
	botToken  = "test-token"
	apiPath   = "/api/v9/"
)

// Channels the fake refuses: unknown (404), and one the bot cannot see
// (403).
const (
	missingChannel   = "100000000000000098"
	forbiddenChannel = "100000000000000099"
)

// question is answered with citations of the test reports.
const question = adaptertest.Question

// apiCall is one REST call the fake received.
type apiCall struct {
	Method, Path, Query, Auth string
	Body                      []byte     // JSON; a multipart request's payload_json
	Files                     []sentFile // a multipart request's files
}

// sentFile is one file of a multipart request.
type sentFile struct {
	Field, Name, ContentType string
	Data                     []byte
}

// message decodes the message a call sends: a message create, a webhook
// edit or follow-up, or the data of an interaction callback.
func (c apiCall) message(t *testing.T) sentMessage {
	t.Helper()
	var m sentMessage
	body := c.Body
	if strings.HasSuffix(c.Path, "/callback") {
		var cb struct {
			Data json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal(body, &cb); err != nil {
			t.Fatalf("%s %s: %v", c.Method, c.Path, err)
		}
		body = cb.Data
	}
	if len(body) > 0 && string(body) != "null" {
		if err := json.Unmarshal(body, &m); err != nil {
			t.Fatalf("%s %s: %v", c.Method, c.Path, err)
		}
	}
	return m
}

type sentMessage struct {
	Content string `json:"content"`
	Embeds  []struct {
		Title       string `json:"title"`
		Description string `json:"description"`
		Image       *struct {
			URL string `json:"url"`
		} `json:"image"`
		Fields []struct {
			Name  string `json:"name"`
			Value string `json:"value"`
		} `json:"fields"`
	} `json:"embeds"`
	AllowedMentions *struct {
		Parse       *[]string `json:"parse"`
		Users       []string  `json:"users"`
		Roles       []string  `json:"roles"`
		RepliedUser bool      `json:"replied_user"`
	} `json:"allowed_mentions"`
	Reference *struct {
		MessageID string `json:"message_id"`
	} `json:"message_reference"`
	Flags       int `json:"flags"`
	Attachments []struct {
		ID          int    `json:"id"`
		Filename    string `json:"filename"`
		Description string `json:"description"`
	} `json:"attachments"`
}

// texts returns every text of m as Discord receives it, in order.
func (m sentMessage) texts() []string {
	var out []string
	if m.Content != "" {
		out = append(out, m.Content)
	}
	for _, e := range m.Embeds {
		for _, s := range []string{e.Title, e.Description} {
			if s != "" {
				out = append(out, s)
			}
		}
		for _, f := range e.Fields {
			out = append(out, f.Name, f.Value)
		}
	}
	return out
}

// fakeDiscord is Discord's REST API and gateway on loopback, for the real
// discordgo client.
type fakeDiscord struct {
	t   *testing.T
	srv *httptest.Server

	mu     sync.Mutex
	calls  []apiCall
	limits map[string]*rateLimit // by "METHOD path prefix"
	seq    int64
	open   []*websocket.Conn
	conns  chan *gwConn

	channels  map[string][]*fakeMessage // messages created or seeded, by channel
	fail      createFailure
	failFiles int // when not 0, requests with files are answered with this status
}

// createFailure answers message creates with status: n of them, after
// letting skip succeed.
type createFailure struct{ skip, n, status int }

// fakeMessage is a message the fake holds in a channel.
type fakeMessage struct {
	ID, Channel, Author, Content string
	Embeds                       json.RawMessage // as sent
	Nonce                        string
	EnforceNonce                 bool
}

// wire is m as Discord returns it.
func (m *fakeMessage) wire() map[string]any {
	v := map[string]any{"id": m.ID, "channel_id": m.Channel, "type": 0, "content": m.Content,
		"timestamp": snowflakeTime(m.ID).Format(time.RFC3339Nano), "embeds": []any{},
		"author": map[string]any{"id": m.Author, "username": "user-" + m.Author, "bot": m.Author == botUser}}
	if len(m.Embeds) > 0 && string(m.Embeds) != "null" {
		v["embeds"] = m.Embeds
	}
	if m.Nonce != "" {
		v["nonce"] = m.Nonce
	}
	return v
}

type rateLimit struct {
	n          int     // answer this many more calls with 429
	retryAfter float64 // seconds
}

func newFakeDiscord(t *testing.T) *fakeDiscord {
	f := &fakeDiscord{t: t, limits: map[string]*rateLimit{}, conns: make(chan *gwConn, 10), channels: map[string][]*fakeMessage{}}
	mux := http.NewServeMux()
	ok := func(w http.ResponseWriter, v any) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(v)
	}
	fail := func(w http.ResponseWriter, status, code int, message string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(map[string]any{"message": message, "code": code})
	}
	// channel answers for the channels the fake refuses, and reports
	// whether it did.
	channel := func(w http.ResponseWriter, ch string) bool {
		switch ch {
		case missingChannel:
			fail(w, http.StatusNotFound, 10003, "Unknown Channel")
		case forbiddenChannel:
			fail(w, http.StatusForbidden, 50001, "Missing Access")
		default:
			return false
		}
		return true
	}
	msg := func(ch string) map[string]any {
		return map[string]any{"id": newSnowflake(), "channel_id": ch, "type": 0, "content": "",
			"author": map[string]any{"id": botUser, "username": "briefbot", "bot": true}}
	}
	f.handle(mux, "GET "+apiPath+"gateway", func(w http.ResponseWriter, r *http.Request, _ apiCall) {
		ok(w, map[string]string{"url": "ws://" + r.Host + "/gateway"})
	})
	f.handle(mux, "GET "+apiPath+"users/@me", func(w http.ResponseWriter, r *http.Request, c apiCall) {
		ok(w, map[string]any{"id": botUser, "username": "briefbot", "bot": true})
	})
	f.handle(mux, "POST "+apiPath+"channels/{ch}/messages", func(w http.ResponseWriter, r *http.Request, c apiCall) {
		f.checkMentions(c)
		ch := r.PathValue("ch")
		if channel(w, ch) {
			return
		}
		var in struct {
			Content      string          `json:"content"`
			Embeds       json.RawMessage `json:"embeds"`
			Nonce        string          `json:"nonce"`
			EnforceNonce bool            `json:"enforce_nonce"`
		}
		if err := json.Unmarshal(c.Body, &in); err != nil {
			f.t.Errorf("create message body: %v", err)
		}
		m, status := f.create(&fakeMessage{Channel: ch, Author: botUser, Content: in.Content, Embeds: in.Embeds,
			Nonce: in.Nonce, EnforceNonce: in.EnforceNonce})
		if status != 0 {
			fail(w, status, 0, http.StatusText(status))
			return
		}
		ok(w, m.wire())
	})
	f.handle(mux, "GET "+apiPath+"channels/{ch}/messages", func(w http.ResponseWriter, r *http.Request, c apiCall) {
		if channel(w, r.PathValue("ch")) {
			return
		}
		q := r.URL.Query()
		limit, err := strconv.Atoi(q.Get("limit"))
		switch {
		case q.Get("limit") == "":
			limit = 50
		case err != nil || limit < 1 || limit > 100:
			fail(w, http.StatusBadRequest, 50035, "Invalid Form Body")
			return
		}
		ok(w, f.list(r.PathValue("ch"), q.Get("before"), limit))
	})
	commands := func(w http.ResponseWriter, r *http.Request, c apiCall) {
		var cmds []map[string]any
		if err := json.Unmarshal(c.Body, &cmds); err != nil {
			f.t.Errorf("bulk overwrite body: %v", err)
		}
		for _, cmd := range cmds {
			cmd["id"], cmd["application_id"], cmd["version"] = newSnowflake(), r.PathValue("app"), newSnowflake()
		}
		ok(w, cmds)
	}
	f.handle(mux, "PUT "+apiPath+"applications/{app}/commands", commands)
	f.handle(mux, "PUT "+apiPath+"applications/{app}/guilds/{guild}/commands", commands)
	f.handle(mux, "POST "+apiPath+"interactions/{id}/{token}/callback", func(w http.ResponseWriter, r *http.Request, c apiCall) {
		var cb struct {
			Type int `json:"type"`
		}
		json.Unmarshal(c.Body, &cb)
		if cb.Type == 4 {
			f.checkMentions(c)
		}
		w.WriteHeader(http.StatusNoContent)
	})
	f.handle(mux, "PATCH "+apiPath+"webhooks/{app}/{token}/messages/{msg}", func(w http.ResponseWriter, r *http.Request, c apiCall) {
		f.checkMentions(c)
		ok(w, msg(channelID))
	})
	f.handle(mux, "DELETE "+apiPath+"webhooks/{app}/{token}/messages/{msg}", func(w http.ResponseWriter, r *http.Request, c apiCall) {
		w.WriteHeader(http.StatusNoContent)
	})
	f.handle(mux, "POST "+apiPath+"webhooks/{app}/{token}", func(w http.ResponseWriter, r *http.Request, c apiCall) {
		f.checkMentions(c)
		ok(w, msg(channelID))
	})
	mux.HandleFunc("GET /gateway/", f.gateway)
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

func (f *fakeDiscord) apiURL() string { return f.srv.URL + apiPath }

// handle serves pattern with fn, after recording the call and answering
// it with 429 while a rate limit on it lasts.
func (f *fakeDiscord) handle(mux *http.ServeMux, pattern string, fn func(http.ResponseWriter, *http.Request, apiCall)) {
	mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		c := apiCall{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Auth: r.Header.Get("Authorization"), Body: body}
		if mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
			c.Body, c.Files = f.multipart(body, params["boundary"])
		}
		if f.limited(w, c) {
			return
		}
		f.mu.Lock()
		f.calls = append(f.calls, c)
		failFiles := f.failFiles
		f.mu.Unlock()
		if failFiles != 0 && len(c.Files) > 0 {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(failFiles)
			fmt.Fprintf(w, `{"message":%q,"code":40005}`, http.StatusText(failFiles))
			return
		}
		fn(w, r, c)
	})
}

// multipart reads a multipart body as Discord does: its payload_json
// part, and its files[n] parts.
func (f *fakeDiscord) multipart(body []byte, boundary string) (payload []byte, files []sentFile) {
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return payload, files
		}
		if err != nil {
			f.t.Errorf("multipart body: %v", err)
			return payload, files
		}
		data, _ := io.ReadAll(p)
		switch name := p.FormName(); {
		case name == "payload_json":
			payload = data
		case strings.HasPrefix(name, "files["):
			files = append(files, sentFile{Field: name, Name: p.FileName(), ContentType: p.Header.Get("Content-Type"), Data: data})
		default:
			f.t.Errorf("multipart part %q", name)
		}
	}
}

// rateLimit answers the next n calls whose method and path start with
// prefix ("POST /api/v9/channels/") with 429 and retry_after.
func (f *fakeDiscord) rateLimit(prefix string, n int, retryAfter float64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.limits[prefix] = &rateLimit{n: n, retryAfter: retryAfter}
}

func (f *fakeDiscord) limited(w http.ResponseWriter, c apiCall) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	for prefix, l := range f.limits {
		if l.n > 0 && strings.HasPrefix(c.Method+" "+c.Path, prefix) {
			l.n--
			after := fmt.Sprintf("%.3f", l.retryAfter)
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("X-RateLimit-Limit", "5")
			w.Header().Set("X-RateLimit-Remaining", "0")
			w.Header().Set("X-RateLimit-Reset-After", after)
			w.Header().Set("Retry-After", after)
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprintf(w, `{"message":"You are being rate limited.","retry_after":%s,"global":false}`, after)
			return true
		}
	}
	return false
}

// checkMentions fails the test unless a message-carrying call has
// allowed_mentions with an explicitly empty parse list and no user, role
// or replied-user pings.
func (f *fakeDiscord) checkMentions(c apiCall) {
	m := c.message(f.t)
	switch am := m.AllowedMentions; {
	case am == nil:
		f.t.Errorf("%s %s without allowed_mentions: %s", c.Method, c.Path, c.Body)
	case am.Parse == nil || len(*am.Parse) != 0 || len(am.Users) > 0 || len(am.Roles) > 0 || am.RepliedUser:
		f.t.Errorf("%s %s allows mentions: %s", c.Method, c.Path, c.Body)
	case !bytes.Contains(c.Body, []byte(`"parse":[]`)):
		f.t.Errorf("%s %s: parse is not an explicit empty list: %s", c.Method, c.Path, c.Body)
	}
}

// callCount returns how many calls the fake answered so far.
func (f *fakeDiscord) callCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.calls)
}

// callsSince returns the calls after the first n whose method and path
// start with prefix.
func (f *fakeDiscord) callsSince(n int, prefix string) []apiCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []apiCall
	for _, c := range f.calls[n:] {
		if strings.HasPrefix(c.Method+" "+c.Path, prefix) {
			out = append(out, c)
		}
	}
	return out
}

// gwConn is one gateway connection of the fake.
type gwConn struct {
	f     *fakeDiscord
	ws    *websocket.Conn
	wmu   sync.Mutex
	first gwFrame    // IDENTIFY or RESUME
	beats chan int64 // the sequence numbers of the client's heartbeats
	done  chan struct{}
}

type gwFrame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// gateway speaks the gateway protocol: HELLO, then READY to an IDENTIFY
// with the right token (close 4004 otherwise) or RESUMED to a RESUME, and
// a heartbeat ACK to every heartbeat.
func (f *fakeDiscord) gateway(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		f.t.Errorf("websocket upgrade: %v", err)
		return
	}
	f.mu.Lock()
	f.open = append(f.open, ws)
	f.mu.Unlock()
	c := &gwConn{f: f, ws: ws, beats: make(chan int64, 100), done: make(chan struct{})}
	c.send(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}})
	ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	if err := ws.ReadJSON(&c.first); err != nil {
		f.t.Errorf("gateway: no IDENTIFY: %v", err)
		return
	}
	ws.SetReadDeadline(time.Time{})
	switch c.first.Op {
	case 2:
		var id struct {
			Token string `json:"token"`
		}
		json.Unmarshal(c.first.D, &id)
		if id.Token != "Bot "+botToken {
			ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4004, "Authentication failed."), time.Now().Add(time.Second))
			ws.Close()
			return
		}
		c.dispatch("READY", map[string]any{"v": 9, "session_id": "session-1", "resume_gateway_url": "ws://" + r.Host + "/gateway",
			"user":        map[string]any{"id": botUser, "username": "briefbot", "bot": true},
			"application": map[string]any{"id": appID, "flags": 0}, "guilds": []any{}, "private_channels": []any{}})
	case 6:
		c.dispatch("RESUMED", map[string]any{})
	default:
		f.t.Errorf("gateway: first frame op %d, want IDENTIFY or RESUME", c.first.Op)
		return
	}
	go c.read()
	f.conns <- c
}

func (c *gwConn) read() {
	defer close(c.done)
	for {
		var fr gwFrame
		if err := c.ws.ReadJSON(&fr); err != nil {
			return
		}
		if fr.Op == 1 {
			var seq int64
			json.Unmarshal(fr.D, &seq)
			c.beats <- seq
			c.send(map[string]any{"op": 11})
		}
	}
}

func (c *gwConn) send(v any) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if err := c.ws.WriteJSON(v); err != nil {
		c.f.t.Logf("gateway write: %v", err)
	}
}

// dispatch sends an event and returns its sequence number.
func (c *gwConn) dispatch(event string, d any) int64 {
	c.f.mu.Lock()
	c.f.seq++
	seq := c.f.seq
	c.f.mu.Unlock()
	c.send(map[string]any{"op": 0, "t": event, "s": seq, "d": d})
	return seq
}

// sync returns once the client has handled every event sent before: it
// sends a marker event and a heartbeat request, and waits for a heartbeat
// that carries the marker's sequence number (the client handles events
// one after another, and answers a heartbeat request at once).
func (c *gwConn) sync(t *testing.T) {
	t.Helper()
	seq := c.dispatch("TYPING_START", map[string]any{"channel_id": channelID, "user_id": testUser, "timestamp": 1})
	c.send(map[string]any{"op": 1, "d": nil})
	timeout := time.After(5 * time.Second)
	for {
		select {
		case got := <-c.beats:
			if got >= seq {
				return
			}
		case <-timeout:
			t.Fatal("gateway: no heartbeat within 5 s")
		}
	}
}

// nextConn waits up to 5 s for the client to connect.
func (f *fakeDiscord) nextConn(t *testing.T) *gwConn {
	t.Helper()
	select {
	case c := <-f.conns:
		return c
	case <-time.After(5 * time.Second):
		t.Fatal("the client did not connect to the gateway within 5 s")
	}
	return nil
}

// create adds m to its channel with a new ID, or returns the message of
// the same author and nonce when m enforces its nonce, as Discord does
// within a few minutes. While a failure set with failCreates lasts, it
// returns that failure's status instead.
func (f *fakeDiscord) create(m *fakeMessage) (*fakeMessage, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if fc := &f.fail; fc.n > 0 {
		if fc.skip == 0 {
			fc.n--
			return nil, fc.status
		}
		fc.skip--
	}
	if m.EnforceNonce && m.Nonce != "" {
		for _, old := range f.channels[m.Channel] {
			if old.Nonce == m.Nonce && old.Author == m.Author {
				return old, 0
			}
		}
	}
	m.ID = newSnowflake()
	f.channels[m.Channel] = append(f.channels[m.Channel], m)
	return m, 0
}

// failCreates answers message creates with status: n of them, after skip
// that succeed.
func (f *fakeDiscord) failCreates(skip, n, status int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail = createFailure{skip: skip, n: n, status: status}
}

// seed adds messages with their own IDs to their channels, as if they had
// been posted then.
func (f *fakeDiscord) seed(msgs ...*fakeMessage) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, m := range msgs {
		f.channels[m.Channel] = append(f.channels[m.Channel], m)
	}
}

// list returns up to limit messages of channel ch older than before (all
// when ""), newest first, as GET /channels/{id}/messages does.
func (f *fakeDiscord) list(ch, before string, limit int) []map[string]any {
	out := []map[string]any{}
	for _, m := range f.messages(ch) {
		if len(out) < limit && (before == "" || snowflakeLess(m.ID, before)) {
			out = append(out, m.wire())
		}
	}
	return out
}

// messages returns the messages in channel ch, newest first.
func (f *fakeDiscord) messages(ch string) []*fakeMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	msgs := slices.Clone(f.channels[ch])
	slices.SortFunc(msgs, func(a, b *fakeMessage) int {
		switch {
		case snowflakeLess(a.ID, b.ID):
			return 1
		case snowflakeLess(b.ID, a.ID):
			return -1
		}
		return 0
	})
	return msgs
}

func snowflakeLess(a, b string) bool {
	x, _ := strconv.ParseUint(a, 10, 64)
	y, _ := strconv.ParseUint(b, 10, 64)
	return x < y
}

var snowflakes atomic.Int64

// newSnowflake returns an ID made now, as Discord makes them, unique in
// the test run.
func newSnowflake() string { return snowflakeAt(time.Now()) }

// snowflakeAt returns an ID made at t, unique in the test run.
func snowflakeAt(t time.Time) string {
	ms := t.UnixMilli() - discordEpoch
	return fmt.Sprint(ms<<22 | snowflakes.Add(1)&0x3fffff)
}

// snowflakeTime is when the ID was made.
func snowflakeTime(id string) time.Time {
	n, _ := strconv.ParseInt(id, 10, 64)
	return time.UnixMilli(n>>22 + discordEpoch)
}

const discordEpoch = 1420070400000 // 2015-01-01 in Unix milliseconds
