package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

func TestRouterChannelAllowlist(t *testing.T) {
	var observed []string
	r := bot.NewRouter(bot.New(nil, bot.Options{}), bot.RouterOptions{Channels: bot.IDs{bot.Slack: {"C1"}},
		Observe: func(m bot.Message, rep bot.Reply, _ time.Duration) {
			observed = append(observed, m.Channel+":"+rep.RequestID)
		}})
	ctx := context.Background()
	if got := r.Handle(ctx, bot.Message{Platform: "slack", Channel: "C2", Text: "help"}); !got.IsError || !strings.Contains(got.Text, "not enabled in this channel") {
		t.Errorf("channel off the allowlist: %+v", got)
	}
	for _, m := range []bot.Message{
		{Platform: "slack", Channel: "C1", Text: "help"},
		{Platform: "discord", Channel: "anything", Text: "help"}, // no list for Discord
		{Platform: "console", Channel: "console", Text: "help"},
	} {
		if got := r.Handle(ctx, m); got.IsError || got.Text != bot.Help() {
			t.Errorf("%s %s: %+v", m.Platform, m.Channel, got)
		}
	}
	if len(observed) != 4 || !strings.HasPrefix(observed[0], "C2:") {
		t.Errorf("Observe saw %v, want all 4 exchanges", observed)
	}
}

func TestRouterAuditLog(t *testing.T) {
	var audit bytes.Buffer
	r := bot.NewRouter(bot.New(nil, bot.Options{}), bot.RouterOptions{Audit: &audit})
	reply := r.Handle(context.Background(), bot.Message{Platform: "slack", Channel: "C1", User: "U1", Text: "help"})
	var rec map[string]any
	if err := json.Unmarshal(audit.Bytes(), &rec); err != nil {
		t.Fatalf("audit line %q: %v", audit.String(), err)
	}
	for k, want := range map[string]any{"platform": "slack", "channel": "C1", "user": "U1", "text": "help", "command": "help", "request_id": reply.RequestID} {
		if rec[k] != want {
			t.Errorf("audit %s = %v, want %v", k, rec[k], want)
		}
	}
	// A second exchange is a second line.
	r.Handle(context.Background(), bot.Message{Platform: "slack", Channel: "C1", User: "U1", Text: "help"})
	if n := strings.Count(audit.String(), "\n"); n != 2 {
		t.Errorf("audit log has %d lines after two exchanges, want 2", n)
	}
}
