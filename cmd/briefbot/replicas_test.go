package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/adapters/slack"
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/state"
	"github.com/briefbot/briefbot/state/pgstore"
	"github.com/briefbot/briefbot/state/pgtest"
)

// seedDatabaseSubscription writes a weekly subscription of Slack channel
// ch, made a month ago, into the database at u.
func seedDatabaseSubscription(t *testing.T, u, ch string) *pgstore.Store {
	t.Helper()
	pg, err := pgstore.Open(context.Background(), u, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pg.Close() })
	sub := bot.Subscription{ID: bot.SubscriptionID(bot.Slack, ch), Platform: bot.Slack, Channel: ch, Spec: bot.DefaultDigestSpec,
		TZ: "UTC", CreatedBy: "U1", Created: time.Now().Add(-30 * 24 * time.Hour)}
	if err := pg.PutSubscription(sub); err != nil {
		t.Fatal(err)
	}
	return pg
}

// TestServeStateInDatabase: serve --database keeps its state in PostgreSQL,
// not in state.db: the catch-up digest of a subscription stored there is
// posted once and confirmed there, and a restart posts nothing more.
func TestServeStateInDatabase(t *testing.T) {
	fastElection(t)
	u := pgtest.URL(t)
	pg := seedDatabaseSubscription(t, u, "C1")
	f := newSlackChannels(t)
	env := map[string]string{"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": f.srv.URL + "/api/"}
	data := t.TempDir()
	for run := range 2 {
		srv, stderr, stop := startServe(t, env, nil, "--data", data, "--database", u)
		waitHealthy(t, "http://"+srv.Addr().String())
		if err := stop(); err != nil {
			t.Fatalf("run %d: %v\n%s", run, err, stderr)
		}
	}
	ids := slices.Compact(f.digests("C1")) // a digest may take several messages
	if len(ids) != 1 {
		t.Fatalf("digests posted = %v, want one", ids)
	}
	d, err := pg.Delivery(ids[0])
	if err != nil || d.State != state.Posted {
		t.Errorf("delivery in the database = %+v, %v; want posted", d, err)
	}
	if _, err := os.Stat(filepath.Join(data, state.FileName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("serve --database made %s (%v)", state.FileName, err)
	}
}

// logged reports whether one line of log has every one of words.
func logged(log string, words ...string) bool {
	for line := range strings.Lines(log) {
		if !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(line, w) }) {
			return true
		}
	}
	return false
}

// fastElection shortens the leader election's intervals for the test.
func fastElection(t *testing.T) {
	saved, savedGrace := leaderOptions, leaderGrace
	leaderOptions = pgstore.LeaderOptions{Retry: 100 * time.Millisecond, Check: 100 * time.Millisecond, Settle: 400 * time.Millisecond}
	leaderGrace = 100 * time.Millisecond
	t.Cleanup(func() { leaderOptions, leaderGrace = saved, savedGrace })
}

// replica is one Server of a test on a shared database.
type replica struct {
	srv    *Server
	stderr *watchedBuffer
	stop   func() error
}

// startReplicas starts n Servers on the database at u, each with its own
// data folder, talking to the fake Slack f, and waits until each is ready.
func startReplicas(t *testing.T, n int, u string, f *slackChannels) []replica {
	t.Helper()
	cfgPath := filepath.Join(t.TempDir(), "briefbot.yaml")
	if err := os.WriteFile(cfgPath, []byte("log:\n  level: info\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": f.srv.URL + "/api/"}
	var rs []replica
	for range n {
		srv, stderr, stop := startServe(t, env, nil, "--database", u, "--config", cfgPath)
		rs = append(rs, replica{srv, stderr, stop})
	}
	for _, r := range rs {
		waitHealthy(t, "http://"+r.srv.Addr().String())
	}
	return rs
}

// leaderOf returns the index of the one replica that leads, failing the
// test unless exactly one does.
func leaderOf(t *testing.T, rs []replica) int {
	t.Helper()
	// Ready replicas elect a leader within the settle time; a loaded
	// machine may take longer than the health check did.
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if slices.ContainsFunc(rs, func(r replica) bool { return r.srv.Leading() }) {
			break
		}
	}
	leader := -1
	for i, r := range rs {
		if r.srv.Leading() {
			if leader >= 0 {
				t.Fatalf("replicas %d and %d both lead", leader, i)
			}
			leader = i
		}
	}
	if leader < 0 {
		t.Fatal("no replica leads")
	}
	return leader
}

// TestReplicasOneLeaderFailover: two replicas on one database post one
// catch-up digest between them (the leader's). When the leader loses its
// database connection, the other takes over within seconds: it posts the
// digest the new subscription missed, and the first digest is not posted
// again.
func TestReplicasOneLeaderFailover(t *testing.T) {
	fastElection(t)
	u := pgtest.URL(t)
	pg := seedDatabaseSubscription(t, u, "C1")
	f := newSlackChannels(t)
	rs := startReplicas(t, 2, u, f)
	first := leaderOf(t, rs)
	for deadline := time.Now().Add(10 * time.Second); len(f.digests("C1")) == 0 && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond) // the new leader's catch-up digest
	}
	if ids := slices.Compact(f.digests("C1")); len(ids) != 1 {
		t.Fatalf("digests in C1 = %v, want one catch-up digest\nleader log:\n%s", ids, rs[first].stderr)
	}

	seedDatabaseSubscription(t, u, "C2") // made a month ago: the next leader owes it a catch-up digest
	// As if the leader had posted a digest to C3 and lost its connection
	// before confirming it: pending, one attempt, and in the channel.
	seedDatabaseSubscription(t, u, "C3")
	now := time.Now()
	inFlight, err := pg.BeginDelivery("slack:C3", now.Add(-time.Hour), now, now)
	if err == nil {
		err = pg.RecordAttempt(inFlight.ID, now)
	}
	if err != nil {
		t.Fatal(err)
	}
	f.add("C3", map[string]any{"type": "message", "text": "digest", "metadata": map[string]any{
		"event_type": slack.DigestEventType, "event_payload": map[string]any{"id": inFlight.ID, "part": 1, "parts": 1}}})
	lost := time.Now()
	pgtest.Exec(t, "SELECT pg_terminate_backend($1)", int(rs[first].srv.work.leader.PID()))
	second := 1 - first
	deadline := time.Now().Add(10 * time.Second)
	for !logged(rs[second].stderr.String(), "digest posted", "slack:C2") { // logged once confirmed
		if time.Now().After(deadline) {
			t.Fatalf("replica %d posted no digest in C2 within 10 s of the leader losing its connection (C2 has %v)\nits log:\n%s",
				second, f.digests("C2"), rs[second].stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("failover: leader's connection ended -> digest posted by the other in %v", time.Since(lost).Round(time.Millisecond))
	if !rs[second].srv.Leading() {
		t.Errorf("replica %d posted but does not lead", second)
	}
	if rs[first].srv.Leading() {
		t.Error("the old leader still leads")
	}
	if ids := slices.Compact(f.digests("C1")); len(ids) != 1 {
		t.Errorf("digests in C1 after failover = %v, want still one", ids)
	}
	for _, r := range rs {
		if err := r.stop(); err != nil {
			t.Error(err)
		}
	}
	if ids := slices.Compact(f.digests("C2")); len(ids) != 1 {
		t.Errorf("digests in C2 = %v, want one", ids)
	}
	if p, err := pg.PendingDeliveries(); err != nil || len(p) != 0 {
		t.Errorf("pending deliveries at the end = %v, %v", p, err)
	}
	if ids := f.digests("C3"); len(ids) != 1 {
		t.Errorf("the digest in flight at the failover was posted again: C3 has %v", ids)
	}
	if d, err := pg.Delivery(inFlight.ID); err != nil || d.State != state.Posted || d.PostedRef == "" {
		t.Errorf("the digest in flight was not confirmed from the channel: %+v, %v", d, err)
	}
}

// replicaReport is a report of this test's own making, with words no
// default report has.
const replicaReport = `---
id: replica-test-quokka-trucks
title: Quokka trucks for Bishkek
published: 2026-11-20
source: Test Wire
---
Serbia delivered twelve Quokka armoured trucks to Kyrgyzstan in November 2026, the defence ministry in Bishkek said.
`

// asks returns whether srv answers question citing reportID.
func asks(srv *Server, question, reportID string) bool {
	reply := srv.router.Handle(context.Background(), bot.Message{Text: question, User: "U1", Channel: "C1", Platform: bot.Console})
	return reply.Answer != nil && slices.ContainsFunc(reply.Answer.Citations, func(c bot.Citation) bool { return c.ReportID == reportID })
}

// waitAnswers waits until srv answers question citing reportID (or, with
// want false, stops citing it), and returns how long that took.
func waitAnswers(t *testing.T, srv *Server, question, reportID string, want bool) time.Duration {
	t.Helper()
	start := time.Now()
	for asks(srv, question, reportID) != want {
		if time.Since(start) > 10*time.Second {
			t.Fatalf("after 10 s, citing %s is still %v for %q", reportID, !want, question)
		}
		time.Sleep(10 * time.Millisecond)
	}
	return time.Since(start)
}

// TestReplicasShareReports: a report ingested with ingest --database is
// answered by every replica within seconds; a replica started later with
// an empty data folder catches up from the table; a deletion reaches them
// all (briefbot remove --database); /readyz and /metrics tell the lag.
func TestReplicasShareReports(t *testing.T) {
	fastElection(t)
	u := pgtest.URL(t)
	f := newSlackChannels(t)
	rs := startReplicas(t, 2, u, f)
	const id, question = "replica-test-quokka-trucks", "Quokka armoured trucks Kyrgyzstan"
	for i, r := range rs {
		if asks(r.srv, question, id) {
			t.Fatalf("replica %d answers from the report before it was ingested", i)
		}
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "quokka.md"), []byte(replicaReport), 0o600); err != nil {
		t.Fatal(err)
	}
	res := inProcess(t, "ingest", "--database", u, "--data", t.TempDir(), dir)
	if res.code != 0 || !strings.Contains(res.stdout, "added     "+id) || !strings.Contains(res.stdout, "1 added") {
		t.Fatalf("ingest --database: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	published := time.Now()
	for i, r := range rs {
		took := waitAnswers(t, r.srv, question, id, true)
		t.Logf("replica %d answers %v after ingest --database returned (%v since publishing)", i, took, time.Since(published).Round(time.Millisecond))
	}
	started := time.Now()
	third := startReplicas(t, 1, u, f)[0] // an empty data folder: the default corpus, then the table
	t.Logf("a new replica with an empty data folder was ready (caught up) %v after it started", time.Since(started).Round(time.Millisecond))
	if !asks(third.srv, question, id) {
		t.Error("a replica started later does not answer from the report once ready")
	}
	checkReadyz(t, third.srv, "database: ok", "index lag: 0 changes", "role: follower")
	if r := inProcess(t, "remove", "--database", u, id); r.code != 0 || !strings.Contains(r.stdout, "removed 1 of 1 reports") {
		t.Fatalf("remove --database: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, r := range append(rs, third) {
		waitAnswers(t, r.srv, question, id, false)
	}
	if text := metricsText(t, third.srv); !strings.Contains(text, "briefbot_index_lag 0") || !strings.Contains(text, "briefbot_leader 0") {
		t.Errorf("metrics of a follower lack the lag or leader flag:\n%s", text)
	}
}

// checkReadyz checks that srv's /readyz is 200 and says each of lines.
func checkReadyz(t *testing.T, srv *Server, lines ...string) {
	t.Helper()
	resp, err := http.Get("http://" + srv.Addr().String() + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	for _, l := range lines {
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), l+"\n") {
			t.Errorf("/readyz = %d %q, want 200 with %q", resp.StatusCode, body, l)
		}
	}
}

// metricsText returns srv's /metrics.
func metricsText(t *testing.T, srv *Server) string {
	t.Helper()
	resp, err := http.Get("http://" + srv.Addr().String() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return string(body)
}

// TestReplicasDatabaseAwayAndBack: with the database cut off (a proxy in
// front of it stopped), replicas keep answering from their indexes, say so
// on /readyz, and no one leads, so no digest goes out; once it is back, a
// leader is elected again, the digest that fell due meanwhile is posted
// once, the first digest not again, and a report published meanwhile
// reaches both indexes.
func TestReplicasDatabaseAwayAndBack(t *testing.T) {
	fastElection(t)
	u := pgtest.URL(t)
	proxy, viaProxy := pgtest.NewProxy(t, u)
	pg := seedDatabaseSubscription(t, u, "C1") // direct, not through the proxy
	f := newSlackChannels(t)
	rs := startReplicas(t, 2, viaProxy, f)
	if ids := slices.Compact(f.digests("C1")); len(ids) != 1 {
		t.Fatalf("digests in C1 = %v, want one", ids)
	}

	proxy.Stop()
	deadline := time.Now().Add(5 * time.Second)
	for rs[0].srv.Leading() || rs[1].srv.Leading() {
		if time.Now().After(deadline) {
			t.Fatal("a replica still leads 5 s after the database went away")
		}
		time.Sleep(10 * time.Millisecond)
	}
	for i, r := range rs {
		reply := r.srv.router.Handle(context.Background(), bot.Message{Text: "who supplies Kazakhstan with drones?", User: "U1", Channel: "C1", Platform: bot.Console})
		if reply.IsError || reply.Answer == nil || len(reply.Answer.Citations) == 0 {
			t.Errorf("replica %d without the database: %+v", i, reply)
		}
		checkReadyz(t, r.srv, "database: unreachable (answering from the local index; scheduled work waits)", "role: follower")
	}
	sub := rs[0].srv.router.Handle(context.Background(), bot.Message{Text: "digest subscribe weekly", User: "U1", Channel: "C5", Platform: bot.Console})
	if !sub.IsError || strings.Contains(sub.Text, "127.0.0.1") || strings.Contains(sub.Text, "connect") {
		t.Errorf("subscribing without the database: %+v; want an apology that leaks no error", sub)
	}
	if text := metricsText(t, rs[0].srv); !regexp.MustCompile(`briefbot_database_errors_total [1-9]`).MatchString(text) ||
		!strings.Contains(text, "briefbot_index_lag -1") || !strings.Contains(text, "briefbot_leader 0") {
		t.Errorf("metrics without the database lack the errors, the unknown lag or the leader flag:\n%s", text)
	}
	seedDatabaseSubscription(t, u, "C2") // falls due while no one leads
	report := bot.Report{ID: "away-quokka", Title: "Quokka trucks", Source: "Test Wire",
		Body: "Serbia delivered twelve Quokka armoured trucks to Kyrgyzstan in November 2026."}
	if _, err := pg.PublishReports(context.Background(), []bot.Report{report}, nil); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if ids := f.digests("C2"); len(ids) != 0 {
		t.Fatalf("a digest was posted while no replica could lead: %v", ids)
	}

	proxy.Start()
	back := time.Now()
	deadline = time.Now().Add(10 * time.Second)
	for len(f.digests("C2")) == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("no digest in C2 within 10 s of the database coming back\n%s\n%s", rs[0].stderr, rs[1].stderr)
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Logf("database back -> the digest due meanwhile posted in %v", time.Since(back).Round(time.Millisecond))
	for _, r := range rs {
		waitAnswers(t, r.srv, "Quokka armoured trucks Kyrgyzstan", report.ID, true)
	}
	leaderOf(t, rs)
	for _, r := range rs {
		if err := r.stop(); err != nil {
			t.Error(err)
		}
	}
	if c1, c2 := slices.Compact(f.digests("C1")), slices.Compact(f.digests("C2")); len(c1) != 1 || len(c2) != 1 {
		t.Errorf("digests: C1 %v, C2 %v; want one each", c1, c2)
	}
}

// TestReplicasAnswerEachMessageOnce: Slack may deliver one message to two
// replicas (a retry to another one behind the load balancer, or a mention
// as two events); they answer it once between them.
func TestReplicasAnswerEachMessageOnce(t *testing.T) {
	fastElection(t)
	f := newSlackChannels(t)
	rs := startReplicas(t, 2, pgtest.URL(t), f)
	send := func(r replica, eventID, ts string) {
		t.Helper()
		ev, _ := json.Marshal(map[string]any{"type": "event_callback", "event_id": eventID, "event": map[string]any{
			"type": "app_mention", "user": "U1", "text": "<@UBOT> who supplies Kazakhstan with drones?", "ts": ts, "channel": "C7"}})
		resp, err := http.DefaultClient.Do(signed(t, "http://"+r.srv.Addr().String()+slack.PathEvents, "s", "application/json", ev))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("event %s: %s", eventID, resp.Status)
		}
	}
	// settled waits until channel C7 holds at least n messages and no more
	// come for a while, and returns how many it holds.
	settled := func(n int) int {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for {
			f.mu.Lock()
			have := len(f.msgs["C7"])
			f.mu.Unlock()
			if have >= n {
				time.Sleep(300 * time.Millisecond)
				f.mu.Lock()
				defer f.mu.Unlock()
				return len(f.msgs["C7"])
			}
			if time.Now().After(deadline) {
				t.Fatalf("%d messages in C7 after 5 s, want %d", have, n)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	send(rs[0], "Ev1", "1700000000.000001")
	one := settled(1) // the messages of one answer
	send(rs[0], "Ev2", "1700000000.000002")
	send(rs[1], "Ev3", "1700000000.000002") // the same message, to the other replica
	if got := settled(2 * one); got != 2*one {
		t.Errorf("C7 holds %d messages after two questions, want %d: one answer each", got, 2*one)
	}
}
