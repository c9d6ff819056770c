package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/adapters/slack"
	"github.com/briefbot/briefbot/state"
	"github.com/briefbot/briefbot/state/pgtest"
)

// serveProcess is `briefbot serve` running as a child process.
type serveProcess struct {
	cmd    *exec.Cmd
	addr   string
	stderr *watchedBuffer
	exited chan struct{}
}

// startServeProcess starts the built briefbot serve with env (and a data
// folder of its own) and waits until it listens.
func startServeProcess(t *testing.T, env []string, args ...string) *serveProcess {
	t.Helper()
	p := &serveProcess{stderr: newWatchedBuffer(), exited: make(chan struct{})}
	p.cmd = exec.Command(binary, append([]string{"serve", "--data", filepath.Join(t.TempDir(), "data"), "--listen", "127.0.0.1:0"}, args...)...)
	p.cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}, env...)
	p.cmd.Stdout, p.cmd.Stderr = io.Discard, p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.cmd.Wait(); close(p.exited) }()
	t.Cleanup(func() { p.cmd.Process.Kill(); <-p.exited })
	select {
	case p.addr = <-p.stderr.addr:
	case <-p.exited:
		t.Fatalf("serve exited:\n%s", p.stderr)
	case <-time.After(60 * time.Second):
		t.Fatalf("serve did not listen within 60 s:\n%s", p.stderr)
	}
	return p
}

// readyz returns the process's /readyz status and body.
func (p *serveProcess) readyz() (int, string) {
	resp, err := http.Get("http://" + p.addr + "/readyz")
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitRole waits until the process is ready in role (leader or follower).
func (p *serveProcess) waitRole(t *testing.T, role string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		code, body := p.readyz()
		if code == http.StatusOK && strings.Contains(body, "role: "+role+"\n") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready as %s within %v: %d %q\n%s", role, within, code, body, p.stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// digestParts returns, for each digest ID in channel ch, how many times
// each of its parts was posted, and the number of parts it declares.
func (f *slackChannels) digestParts(ch string) (map[string]map[int]int, map[string]int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	posted, total := map[string]map[int]int{}, map[string]int{}
	for _, m := range f.msgs[ch] {
		meta, ok := m["metadata"].(map[string]any)
		if !ok || meta["event_type"] != slack.DigestEventType {
			continue
		}
		p, _ := meta["event_payload"].(map[string]any)
		id := fmt.Sprint(p["id"])
		part, _ := p["part"].(float64)
		parts, _ := p["parts"].(float64)
		if posted[id] == nil {
			posted[id] = map[int]int{}
		}
		posted[id][int(part)]++
		total[id] = int(parts)
	}
	return posted, total
}

// complete reports whether channel ch holds one digest, every part of it
// exactly once.
func (f *slackChannels) complete(ch string) bool {
	posted, total := f.digestParts(ch)
	if len(posted) != 1 {
		return false
	}
	for id, parts := range posted {
		if total[id] < 1 || len(parts) != total[id] {
			return false
		}
		for _, n := range parts {
			if n != 1 {
				return false
			}
		}
	}
	return true
}

// TestReplicaProcessesKillLeaderMidDigest runs two `briefbot serve`
// processes on one database with the default timing. The first leads and
// is killed with SIGKILL while Slack holds its digest's first part (posted,
// not yet confirmed); the second takes over, finds that part in the
// channel and posts the rest: one complete digest, each part once.
func TestReplicaProcessesKillLeaderMidDigest(t *testing.T) {
	u := pgtest.URL(t)
	pg := seedDatabaseSubscription(t, u, "C1")
	f := newSlackChannels(t)
	stalled := make(chan struct{})
	var once sync.Once
	f.afterPost = func(r *http.Request, msg map[string]any) {
		if _, ok := msg["metadata"]; !ok {
			return
		}
		first := false
		once.Do(func() { first = true })
		if first { // the leader's first digest part: kept, and never answered
			close(stalled)
			<-r.Context().Done()
		}
	}
	cfgPath := filepath.Join(t.TempDir(), "briefbot.yaml")
	if err := os.WriteFile(cfgPath, []byte("log:\n  level: info\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"SLACK_BOT_TOKEN=xoxb-test", "SLACK_SIGNING_SECRET=s", "SLACK_API_URL=" + f.srv.URL + "/api/", "BRIEFBOT_DATABASE_URL=" + u}
	a := startServeProcess(t, env, "--config", cfgPath)
	select {
	case <-stalled:
	case <-time.After(30 * time.Second):
		t.Fatalf("the first replica posted no digest within 30 s:\n%s", a.stderr)
	}
	b := startServeProcess(t, env, "--config", cfgPath)
	b.waitRole(t, "follower", 30*time.Second)
	if err := a.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	killed := time.Now()
	asked := askDuringFailover(t, b, 3)
	for !f.complete("C1") {
		if time.Since(killed) > 20*time.Second {
			posted, total := f.digestParts("C1")
			t.Fatalf("no complete digest 20 s after the leader was killed: parts %v of %v\nthe other's log:\n%s", posted, total, b.stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("failover: leader killed -> digest completed by the other in %v", time.Since(killed).Round(time.Millisecond))
	b.waitRole(t, "leader", 10*time.Second)
	if !logged(b.stderr.String(), "posting the rest") {
		t.Errorf("the second replica did not finish the digest in part:\n%s", b.stderr)
	}
	posted, _ := f.digestParts("C1")
	for id := range posted {
		if d, err := pg.Delivery(id); err != nil || d.State != state.Posted {
			t.Errorf("delivery %s = %+v, %v; want posted", id, d, err)
		}
	}
	measureReplication(t, b, u)
	checkAnsweredOnce(t, f, asked)
}

// askDuringFailover sends n mentions, 200 ms apart, to p over the Events
// API and returns their timestamps.
func askDuringFailover(t *testing.T, p *serveProcess, n int) []string {
	t.Helper()
	var tss []string
	for i := range n {
		ts := fmt.Sprintf("1700000500.%06d", i+1)
		ev := fmt.Sprintf(`{"type":"event_callback","event_id":"EvF%d","event":{"type":"app_mention","user":"U1","text":"<@UBOT> who supplies Kazakhstan with drones?","ts":%q,"channel":"C8"}}`, i, ts)
		resp, err := http.DefaultClient.Do(signed(t, "http://"+p.addr+slack.PathEvents, "s", "application/json", []byte(ev)))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("question %d during the failover: %s", i, resp.Status)
		}
		tss = append(tss, ts)
		time.Sleep(200 * time.Millisecond)
	}
	return tss
}

// checkAnsweredOnce checks that each question (by its ts) got one answer
// in channel C8: the same question gets the same number of messages, so
// a second answer to one would show.
func checkAnsweredOnce(t *testing.T, f *slackChannels, tss []string) {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	per := map[string]int{}
	for _, m := range f.msgs["C8"] {
		th, _ := m["thread_ts"].(string)
		per[th]++
	}
	for _, ts := range tss {
		if per[ts] == 0 || per[ts] != per[tss[0]] {
			t.Errorf("answers per question = %v, want the same number (at least one) for each of %v", per, tss)
			return
		}
	}
}

// measureReplication ingests a report with the built binary and logs how
// long p takes to apply it (its /readyz lag back to 0).
func measureReplication(t *testing.T, p *serveProcess, u string) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "quokka.md"), []byte(replicaReport), 0o600); err != nil {
		t.Fatal(err)
	}
	r := briefbot(t, "", []string{"BRIEFBOT_DATABASE_URL=" + u}, "ingest", dir)
	if r.code != 0 {
		t.Fatalf("ingest --database: exit %d\n%s", r.code, r.stderr)
	}
	published := time.Now()
	for {
		if _, body := p.readyz(); strings.Contains(body, "index lag: 0 changes\n") {
			break
		}
		if time.Since(published) > 10*time.Second {
			t.Fatalf("the replica did not apply the report within 10 s:\n%s", p.stderr)
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Logf("replication: ingest --database returned -> applied by the other process in %v", time.Since(published).Round(time.Millisecond))
}
