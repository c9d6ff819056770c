package main

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/adapters/slack"
)

func TestLoggerRedactsSecrets(t *testing.T) {
	const token, secret = "xoxb-1234-abcdef-SECRET", "signing-secret-value"
	for _, format := range []string{"json", "text"} {
		var out bytes.Buffer
		cfg := DefaultConfig()
		cfg.Log.Level, cfg.Log.Format = "debug", format
		log := newLogger(cfg, env2(map[string]string{"SLACK_BOT_TOKEN": token, "SLACK_SIGNING_SECRET": secret}, nil, nil, &out))
		log = log.With("auth", "Bearer "+token)
		log.Error("calling with "+token, "err", fmt.Errorf("post failed: %w", errors.New("bad token "+token)),
			slog.Group("req", "header", "Authorization: Bearer "+token, "secret", secret), "n", 3, "any", []string{secret})
		log.WithGroup("g").Info("ok", "v", token)
		got := out.String()
		if strings.Contains(got, token) || strings.Contains(got, secret) {
			t.Errorf("%s log shows a secret:\n%s", format, got)
		}
		if strings.Count(got, redacted) < 6 || !strings.Contains(got, "post failed") || !strings.Contains(got, "3") {
			t.Errorf("%s log lost more than the secrets:\n%s", format, got)
		}
	}
	var out bytes.Buffer
	cfg := DefaultConfig()
	cfg.Log.Format = "auto"
	newLogger(cfg, env2(nil, nil, nil, &out)).Warn("w")
	if !strings.HasPrefix(out.String(), "{") {
		t.Errorf("auto format on a buffer should be JSON: %s", out.String())
	}
}

// TestServeNeverLogsSecrets runs serve at debug level with Slack tokens and
// a signing secret, answers a command, a forged request and a failing
// post, and looks for the secrets in everything it wrote.
func TestServeNeverLogsSecrets(t *testing.T) {
	f := newSlackChannels(t)
	const token, secret = "xoxb-777-never-log-me", "s3cr3t-signing-value"
	cfgPath := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(cfgPath, []byte("log:\n  level: debug\n"), 0o600)
	srv, stderr, stop := startServe(t, map[string]string{"SLACK_BOT_TOKEN": token, "SLACK_SIGNING_SECRET": secret,
		"SLACK_API_URL": f.srv.URL + "/api/"}, nil, "--config", cfgPath)
	addr := srv.Addr().String()
	waitHealthy(t, "http://"+addr)
	form := url.Values{"team_id": {"T1"}, "channel_id": {"C1"}, "user_id": {"U1"}, "command": {"/brief"},
		"text": {"who supplies Kazakhstan?"}, "response_url": {f.srv.URL + "/nowhere"}}
	resp, err := http.DefaultClient.Do(signed(t, "http://"+addr+slack.PathCommands, secret, "application/x-www-form-urlencoded", []byte(form.Encode())))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	forged := signed(t, "http://"+addr+slack.PathCommands, "wrong", "application/x-www-form-urlencoded", []byte(form.Encode()))
	if resp, err := http.DefaultClient.Do(forged); err == nil {
		resp.Body.Close()
	}
	deadline := time.Now().Add(10 * time.Second) // the answer's post to /nowhere fails and is logged
	for !strings.Contains(stderr.String(), "post slash command answer") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	stop()
	out := stderr.String()
	if !strings.Contains(out, "post slash command answer") {
		t.Errorf("the failed post was not logged:\n%s", out)
	}
	if strings.Contains(out, token) || strings.Contains(out, secret) {
		t.Errorf("serve logged a secret:\n%s", out)
	}
}
