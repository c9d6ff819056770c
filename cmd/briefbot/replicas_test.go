package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/pgtest"
	"github.com/briefbot/briefbot/pgstore"
	"github.com/briefbot/briefbot/state"
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
