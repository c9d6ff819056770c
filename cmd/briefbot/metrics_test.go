package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/adapters/slack"
)

// TestServeMetrics: after one question through Slack, /metrics counts it,
// times it, and tells the index's size.
func TestServeMetrics(t *testing.T) {
	f := newFakeSlackAPI(t)
	const secret = "metrics-secret"
	srv, stderr, stop := startServe(t, map[string]string{"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": secret,
		"SLACK_API_URL": f.srv.URL + "/api/"}, nil)
	addr := srv.Addr().String()
	defer stop()
	base := "http://" + addr
	waitHealthy(t, base)
	form := url.Values{"team_id": {"T1"}, "channel_id": {"C1"}, "user_id": {"U1"}, "command": {"/brief"},
		"text": {"who supplies Kazakhstan with drones?"}, "response_url": {f.srv.URL + "/hook"}}
	resp, err := http.DefaultClient.Do(signed(t, base+slack.PathCommands, secret, "application/x-www-form-urlencoded", []byte(form.Encode())))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	select {
	case <-f.hooks:
	case <-time.After(10 * time.Second):
		t.Fatalf("no answer:\n%s", stderr)
	}
	resp, err = http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		`briefbot_questions_total{outcome="answered",platform="slack"} 1`,
		`briefbot_answer_seconds_count{platform="slack"} 1`,
		`briefbot_index_documents{source_type="reports",type="reports"} 53`,
		`briefbot_index_bytes `,
		`briefbot_index_last_ingest_timestamp_seconds `,
		`process_resident_memory_bytes `,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

// TestServeSourcesThroughRouter: "sources" in Slack is answered by the
// Router, so the channel allowlist applies to it like to any question.
func TestServeSourcesThroughRouter(t *testing.T) {
	f := newFakeSlackAPI(t)
	const secret = "sources-secret"
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(cfg, []byte("channels:\n  slack: [C1]\n"), 0o600)
	srv, _, stop := startServe(t, map[string]string{"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": secret,
		"SLACK_API_URL": f.srv.URL + "/api/"}, nil, "--config", cfg)
	addr := srv.Addr().String()
	defer stop()
	base := "http://" + addr
	waitHealthy(t, base)
	ask := func(channel string) string {
		form := url.Values{"team_id": {"T1"}, "channel_id": {channel}, "user_id": {"U1"}, "command": {"/brief"},
			"text": {"sources"}, "response_url": {f.srv.URL + "/hook"}}
		resp, err := http.DefaultClient.Do(signed(t, base+slack.PathCommands, secret, "application/x-www-form-urlencoded", []byte(form.Encode())))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		select {
		case m := <-f.hooks:
			b, _ := json.Marshal(m)
			return string(b)
		case <-time.After(10 * time.Second):
			t.Fatal("no answer")
			return ""
		}
	}
	if got := ask("C1"); !strings.Contains(got, "53 reports") || !strings.Contains(got, "I poll no feeds") {
		t.Errorf("sources in an allowed channel: %s", got)
	}
	if got := ask("C2"); !strings.Contains(got, "not enabled in this channel") {
		t.Errorf("sources outside the allowlist: %s", got)
	}
}
