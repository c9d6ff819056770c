package bot_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/state"
)

// subscriptionRouter is a Router over the basic test index and a real
// state store in a temporary folder, at a fixed time, with admin U1 on
// Slack.
func subscriptionRouter(t *testing.T) (*bot.Router, *state.Store, *int) {
	t.Helper()
	x := MustIndex(t, filepath.Join("testdata", "relevance", "basic", "docs"))
	st, err := state.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) // a Wednesday
	changes := 0
	r := bot.NewRouter(bot.New(x, bot.Options{Now: func() time.Time { return now }}), bot.RouterOptions{
		Logger:                 slog.New(slog.NewTextHandler(io.Discard, nil)),
		Subscriptions:          st,
		Admins:                 bot.IDs{bot.Slack: {"U1"}},
		DefaultTZ:              "Europe/Berlin",
		OnSubscriptionsChanged: func() { changes++ },
	})
	return r, st, &changes
}

func TestRouterSubscribeListUnsubscribe(t *testing.T) {
	r, st, changes := subscriptionRouter(t)
	ctx := context.Background()
	admin := bot.Message{Platform: "slack", Channel: "C1", User: "U1"}
	say := func(m bot.Message, text string) bot.Reply {
		m.Text = text
		return r.Handle(ctx, m)
	}

	if got := say(admin, "digest list"); got.IsError || !strings.Contains(got.Text, "no digest subscription") {
		t.Errorf("list before subscribing: %+v", got)
	}
	got := say(admin, "digest subscribe")
	if got.IsError || !strings.Contains(got.Text, "weekly on Monday at 09:00 Europe/Berlin") ||
		!strings.Contains(got.Text, "Next: Mon 30 Nov 2026 09:00 CET") {
		t.Fatalf("subscribe with defaults: %+v", got)
	}
	subs, err := st.Subscriptions()
	if err != nil || len(subs) != 1 {
		t.Fatalf("stored subscriptions = %v, %v", subs, err)
	}
	s := subs[0]
	if s.ID != "slack:C1" || s.Spec != bot.DefaultDigestSpec || s.TZ != "Europe/Berlin" || s.CreatedBy != "U1" || s.Platform != "slack" || s.Channel != "C1" {
		t.Errorf("stored subscription = %+v", s)
	}
	created := s.Created

	got = say(admin, `digest subscribe daily at 7:30 tz Asia/Almaty countries Kazakhstan, Uzbekistan quiet`)
	if got.IsError || !strings.Contains(got.Text, "changed its subscription") || !strings.Contains(got.Text, "daily at 07:30 Asia/Almaty") ||
		!strings.Contains(got.Text, "Kazakhstan, Uzbekistan") || !strings.Contains(got.Text, "quiet") {
		t.Errorf("change subscription: %+v", got)
	}
	subs, _ = st.Subscriptions()
	if len(subs) != 1 || subs[0].Spec != "30 7 * * *" || !subs[0].Created.Equal(created) || !subs[0].SkipEmpty {
		t.Errorf("changed subscription = %+v", subs)
	}
	if got := say(bot.Message{Platform: "slack", Channel: "C1", User: "U2"}, "digest list"); got.IsError ||
		!strings.Contains(got.Text, "daily at 07:30 Asia/Almaty") || !strings.Contains(got.Text, "Next: Thu 26 Nov 2026 07:30") {
		t.Errorf("list by anyone: %+v", got)
	}
	if got := say(admin, "digest unsubscribe"); got.IsError || !strings.Contains(got.Text, "no more digests") {
		t.Errorf("unsubscribe: %+v", got)
	}
	if subs, _ := st.Subscriptions(); len(subs) != 0 {
		t.Errorf("after unsubscribe: %+v", subs)
	}
	if got := say(admin, "digest unsubscribe"); got.IsError || !strings.Contains(got.Text, "no digest subscription") {
		t.Errorf("unsubscribe twice: %+v", got)
	}
	if *changes != 3 {
		t.Errorf("OnSubscriptionsChanged called %d times, want 3", *changes)
	}
}

func TestRouterSubscribeRefusals(t *testing.T) {
	r, st, changes := subscriptionRouter(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		m    bot.Message
		want string
	}{
		{"non-admin", bot.Message{Platform: "slack", Channel: "C1", User: "U2", Text: "digest subscribe"}, "Only admins may subscribe"},
		{"non-admin unsubscribe", bot.Message{Platform: "slack", Channel: "C1", User: "U2", Text: "digest unsubscribe"}, "Only admins may unsubscribe"},
		{"no admins on platform", bot.Message{Platform: "discord", Channel: "D1", User: "U1", Text: "digest subscribe"}, "none are configured for discord"},
		{"bad cron", bot.Message{Platform: "slack", Channel: "C1", User: "U1", Text: `digest subscribe "61 9 * * 1"`}, "61"},
		{"unknown zone", bot.Message{Platform: "slack", Channel: "C1", User: "U1", Text: "digest subscribe tz Mars/Olympus"}, "Mars/Olympus"},
		{"unknown country", bot.Message{Platform: "slack", Channel: "C1", User: "U1", Text: "digest subscribe countries Narnia"}, "Narnia"},
		{"bad time", bot.Message{Platform: "slack", Channel: "C1", User: "U1", Text: "digest subscribe at 25:00"}, "25:00"},
		{"stray word", bot.Message{Platform: "slack", Channel: "C1", User: "U1", Text: "digest subscribe fortnightly"}, "fortnightly"},
		{"no channel", bot.Message{Platform: "slack", User: "U1", Text: "digest subscribe"}, "ask in the channel"},
		{"unknown subcommand", bot.Message{Platform: "slack", Channel: "C1", User: "U1", Text: "digest sometimes"}, "digest subscribe"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := r.Handle(ctx, tc.m)
			if !got.IsError || !strings.Contains(got.Text, tc.want) {
				t.Errorf("%q: %+v, want an error mentioning %q", tc.m.Text, got, tc.want)
			}
		})
	}
	if subs, _ := st.Subscriptions(); len(subs) != 0 || *changes != 0 {
		t.Errorf("refused commands changed state: %+v, %d changes", subs, *changes)
	}
	// The console user is always an admin.
	got := r.Handle(ctx, bot.Message{Platform: "console", Channel: "console", Text: "digest subscribe daily"})
	if got.IsError {
		t.Errorf("console subscribe: %+v", got)
	}
}

func TestRouterConfigSubscriptionIsKept(t *testing.T) {
	r, st, _ := subscriptionRouter(t)
	if err := st.PutSubscription(bot.Subscription{ID: "slack:C9", Platform: "slack", Channel: "C9", Spec: bot.DefaultDigestSpec, CreatedBy: bot.ConfigCreator}); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"digest unsubscribe", "digest subscribe daily"} {
		got := r.Handle(context.Background(), bot.Message{Platform: "slack", Channel: "C9", User: "U1", Text: text})
		if !got.IsError || !strings.Contains(got.Text, "config file") {
			t.Errorf("%q on a config subscription: %+v", text, got)
		}
	}
	got := r.Handle(context.Background(), bot.Message{Platform: "slack", Channel: "C9", User: "U2", Text: "digest list"})
	if !strings.Contains(got.Text, "Declared in the config file") {
		t.Errorf("list: %+v", got)
	}
}
