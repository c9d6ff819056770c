package main

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/briefbot/briefbot/state/pgtest"
)

const (
	gwBotUser = "200000000000000001"
	gwApp     = "200000000000000002"
	gwToken   = "gw-test-token"
)

// fakeGateway is Discord's REST API and gateway on loopback, as far as
// answering direct messages needs: it hands every message to every open
// gateway connection, as one shard does, and keeps the bot's replies by
// the message they reference and the replica that posted them (each
// replica's API URL starts with its own prefix).
type fakeGateway struct {
	t   *testing.T
	srv *httptest.Server

	mu      sync.Mutex
	conns   []*gwClient
	seq     int64
	replies map[string]map[string]int // referenced message ID -> replica -> replies posted (the parts of its answer)
	nextID  int64
}

func newFakeGateway(t *testing.T) *fakeGateway {
	f := &fakeGateway{t: t, replies: map[string]map[string]int{}, nextID: 300000000000000000}
	mux := http.NewServeMux()
	ok := func(w http.ResponseWriter, v any) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(v)
	}
	mux.HandleFunc("GET /{replica}/api/v9/gateway", func(w http.ResponseWriter, r *http.Request) {
		ok(w, map[string]string{"url": "ws://" + r.Host + "/ws/gateway"})
	})
	mux.HandleFunc("GET /{replica}/api/v9/users/@me", func(w http.ResponseWriter, r *http.Request) {
		ok(w, map[string]any{"id": gwBotUser, "username": "briefbot", "bot": true})
	})
	mux.HandleFunc("PUT /{replica}/api/v9/applications/{app}/commands", func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		ok(w, []any{})
	})
	mux.HandleFunc("POST /{replica}/api/v9/channels/{ch}/messages", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Ref *struct {
				MessageID string `json:"message_id"`
			} `json:"message_reference"`
		}
		json.NewDecoder(r.Body).Decode(&in)
		f.mu.Lock()
		if in.Ref != nil {
			if f.replies[in.Ref.MessageID] == nil {
				f.replies[in.Ref.MessageID] = map[string]int{}
			}
			f.replies[in.Ref.MessageID][r.PathValue("replica")]++
		}
		f.nextID++
		id := fmt.Sprint(f.nextID)
		f.mu.Unlock()
		ok(w, map[string]any{"id": id, "channel_id": r.PathValue("ch"), "type": 0, "content": "",
			"author": map[string]any{"id": gwBotUser, "username": "briefbot", "bot": true}})
	})
	mux.HandleFunc("GET /ws/gateway", f.gateway)
	mux.HandleFunc("GET /ws/gateway/", f.gateway)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(func() {
		f.srv.Close()
		f.mu.Lock()
		defer f.mu.Unlock()
		for _, c := range f.conns {
			c.ws.Close()
		}
	})
	return f
}

var gwUpgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// gwClient is one open gateway connection; writes take turns.
type gwClient struct {
	ws  *websocket.Conn
	wmu sync.Mutex
}

func (c *gwClient) send(v any) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	c.ws.WriteJSON(v)
}

// gateway says HELLO, answers IDENTIFY with READY and heartbeats with
// ACKs, and keeps the connection open until the client leaves.
func (f *fakeGateway) gateway(w http.ResponseWriter, r *http.Request) {
	ws, err := gwUpgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &gwClient{ws: ws}
	send := c.send
	send(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}})
	var first struct {
		Op int `json:"op"`
	}
	if err := ws.ReadJSON(&first); err != nil || first.Op != 2 {
		ws.Close()
		return
	}
	send(map[string]any{"op": 0, "t": "READY", "s": f.nextSeq(), "d": map[string]any{"v": 9, "session_id": "s1",
		"user": map[string]any{"id": gwBotUser, "username": "briefbot", "bot": true}, "application": map[string]any{"id": gwApp, "flags": 0},
		"guilds": []any{}, "private_channels": []any{}}})
	f.mu.Lock()
	f.conns = append(f.conns, c)
	f.mu.Unlock()
	defer f.drop(c)
	for {
		var fr struct {
			Op int `json:"op"`
		}
		if err := ws.ReadJSON(&fr); err != nil {
			return
		}
		if fr.Op == 1 {
			send(map[string]any{"op": 11})
		}
	}
}

func (f *fakeGateway) nextSeq() int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seq++
	return f.seq
}

func (f *fakeGateway) drop(c *gwClient) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, o := range f.conns {
		if o == c {
			f.conns = append(f.conns[:i], f.conns[i+1:]...)
			break
		}
	}
	c.ws.Close()
}

// open is the number of gateway connections open now.
func (f *fakeGateway) open() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.conns)
}

// dm sends a direct message with id and text to every open connection.
func (f *fakeGateway) dm(id, text string) {
	d := map[string]any{"id": id, "channel_id": "400000000000000001", "type": 0, "content": text,
		"timestamp": time.Now().Format(time.RFC3339), "author": map[string]any{"id": "500000000000000001", "username": "analyst"}}
	f.mu.Lock()
	conns := append([]*gwClient(nil), f.conns...)
	f.mu.Unlock()
	for _, c := range conns {
		c.send(map[string]any{"op": 0, "t": "MESSAGE_CREATE", "s": f.nextSeq(), "d": d})
	}
}

// answerers returns the replicas that replied to message id.
func (f *fakeGateway) answerers(id string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for r := range f.replies[id] {
		out = append(out, r)
	}
	return out
}

// waitOneAnswer waits until message id got an answer, then a little
// longer, and fails unless one replica answered it.
func waitOneAnswer(t *testing.T, f *fakeGateway, id string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for len(f.answerers(id)) == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("no reply to %s within 5 s", id)
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // a second answer would come about as fast as the first
	if got := f.answerers(id); len(got) != 1 {
		t.Errorf("message %s was answered by replicas %v, want one", id, got)
	}
}

// waitOpen waits until exactly n gateway connections are open.
func waitOpen(t *testing.T, f *fakeGateway, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for f.open() != n {
		if time.Now().After(deadline) {
			t.Fatalf("%d gateway connections open after 5 s, want %d", f.open(), n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestReplicasDiscordGatewayLeaderOnly: of two replicas on one database
// only the leader connects to the Discord gateway, so a message is
// answered once; after the leader loses its database connection the other
// connects instead, and the next message is answered once too.
func TestReplicasDiscordGatewayLeaderOnly(t *testing.T) {
	fastElection(t)
	u := pgtest.URL(t)
	f := newFakeGateway(t)
	var rs []replica
	for i := range 2 {
		env := map[string]string{"DISCORD_BOT_TOKEN": gwToken, "DISCORD_API_URL": fmt.Sprintf("%s/r%d/api/v9", f.srv.URL, i)}
		srv, stderr, stop := startServe(t, env, nil, "--database", u)
		rs = append(rs, replica{srv, stderr, stop})
	}
	for _, r := range rs {
		if got := strings.Join(r.srv.Chats(), ", "); got != "discord (gateway, while leading)" {
			t.Fatalf("chats = %q", got)
		}
		waitHealthy(t, "http://"+r.srv.Addr().String())
	}
	waitOpen(t, f, 1)
	first := leaderOf(t, rs)
	f.dm("600000000000000001", "who supplies Kazakhstan with drones?")
	waitOneAnswer(t, f, "600000000000000001")

	pgtest.Exec(t, "SELECT pg_terminate_backend($1)", int(rs[first].srv.work.leader.PID()))
	deadline := time.Now().Add(10 * time.Second)
	for !rs[1-first].srv.Leading() {
		if time.Now().After(deadline) {
			t.Fatal("the other replica does not lead within 10 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	waitOpen(t, f, 1)
	f.dm("600000000000000002", "who supplies Uzbekistan with aircraft?")
	waitOneAnswer(t, f, "600000000000000002")
	for _, r := range rs {
		if err := r.stop(); err != nil {
			t.Error(err)
		}
	}
}

// TestReplicasDiscordSettings: with a database, a Discord public key needs
// the application ID (replicas off the gateway answer interactions over
// HTTP), and then HTTP interactions run on every replica beside the
// leader's gateway.
func TestReplicasDiscordSettings(t *testing.T) {
	u := pgtest.URL(t)
	f := newFakeGateway(t)
	pub, _, _ := ed25519.GenerateKey(nil)
	env := map[string]string{"DISCORD_BOT_TOKEN": gwToken, "DISCORD_API_URL": f.srv.URL + "/r0/api/v9", "DISCORD_PUBLIC_KEY": hex.EncodeToString(pub)}
	cfg, err := serveConfig([]string{"--data", t.TempDir(), "--listen", "127.0.0.1:0", "--database", u}, env2(env, nil, io.Discard, io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewServer(context.Background(), cfg, env2(env, nil, io.Discard, io.Discard)); err == nil ||
		!strings.Contains(err.Error(), "set DISCORD_APPLICATION_ID") {
		t.Errorf("public key without application ID: %v", err)
	}
	env["DISCORD_APPLICATION_ID"] = gwApp
	srv, _, _ := startServe(t, env, nil, "--database", u)
	if got := strings.Join(srv.Chats(), ", "); got != "discord (gateway, while leading), discord (http)" {
		t.Errorf("chats = %q", got)
	}
}
