package pgstore_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"

	"github.com/briefbot/briefbot/state"
	"github.com/briefbot/briefbot/state/pgstore"
	"github.com/briefbot/briefbot/state/pgtest"
	"github.com/briefbot/briefbot/state/statetest"
)

// TestConformance runs the state.Backend suite on PostgreSQL, each check
// in a schema of its own.
func TestConformance(t *testing.T) {
	statetest.Run(t, func(t *testing.T) statetest.Opener {
		u := pgtest.URL(t)
		return func() (state.Backend, error) { return pgstore.Open(context.Background(), u, pgstore.Options{}) }
	})
}

// TestTwoReplicasOneDelivery: two stores on one database (two replicas)
// beginning a digest of one subscription at once share one delivery.
func TestTwoReplicasOneDelivery(t *testing.T) {
	u := pgtest.URL(t)
	a := mustOpen(t, u)
	b := mustOpen(t, u)
	sub := statetestSub()
	if err := a.PutSubscription(sub); err != nil {
		t.Fatal(err)
	}
	if got, err := b.Subscriptions(); err != nil || len(got) != 1 || got[0].ID != sub.ID {
		t.Fatalf("the other replica sees %v, %v", got, err)
	}
	da, errA := a.BeginDelivery(sub.ID, sub.Created, sub.Created.Add(1), sub.Created)
	db, errB := b.BeginDelivery(sub.ID, sub.Created, sub.Created.Add(2), sub.Created)
	if errA != nil || errB != nil || da.ID != db.ID {
		t.Fatalf("replicas began %+v (%v) and %+v (%v), want one delivery", da, errA, db, errB)
	}
}

// TestPoolSettingsInURL: pool settings in the URL configure the pool and
// stay off the connections of leaders and followers.
func TestPoolSettingsInURL(t *testing.T) {
	u := pgtest.URL(t) + "&pool_max_conns=3"
	s := mustOpen(t, u)
	if got := s.Pool().Config().MaxConns; got != 3 {
		t.Errorf("pool size = %d, want 3", got)
	}
	leads := make(chan string, 1)
	fastLeader(t, u, "a", leads)
	waitLead(t, leads)
}

// TestMigrationsIdempotent: opening a schema again applies nothing twice.
func TestMigrationsIdempotent(t *testing.T) {
	u := pgtest.URL(t)
	for range 3 {
		s := mustOpen(t, u)
		s.Close()
	}
	s := mustOpen(t, u)
	var n int
	if err := s.Pool().QueryRow(context.Background(), "SELECT count(*) FROM schema_migrations").Scan(&n); err != nil || n < 1 {
		t.Fatalf("schema_migrations has %d rows (%v)", n, err)
	}
}

func TestOpenErrors(t *testing.T) {
	for _, tt := range []struct{ url, want string }{
		{"postgres://u:hunter2@127.0.0.1:1/db?connect_timeout=2", "127.0.0.1:1"},
		{"::nope", "not a PostgreSQL URL"},
	} {
		_, err := pgstore.Open(context.Background(), tt.url, pgstore.Options{})
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("Open(%s) = %v, want an error naming %q without the password", pgstore.Redact(tt.url), err, tt.want)
		}
	}
}

func mustOpen(t *testing.T, u string) *pgstore.Store {
	t.Helper()
	s, err := pgstore.Open(context.Background(), u, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func statetestSub() bot.Subscription {
	return bot.Subscription{ID: "slack:C1", Platform: bot.Slack, Channel: "C1", Spec: bot.DefaultDigestSpec,
		Created: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}
}

// TestClaims: of two replicas claiming one key, one gets it; pruning frees
// old claims only.
func TestClaims(t *testing.T) {
	u := pgtest.URL(t)
	a, b := mustOpen(t, u), mustOpen(t, u)
	ctx := context.Background()
	got := 0
	for _, s := range []*pgstore.Store{a, b, a} {
		ok, err := s.Claim(ctx, "slack/message/C1/1.1")
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			got++
		}
	}
	if got != 1 {
		t.Errorf("%d claims of one key succeeded, want 1", got)
	}
	if n, err := a.PruneClaims(ctx, time.Hour); err != nil || n != 0 {
		t.Errorf("pruning claims older than an hour = %d, %v; want 0", n, err)
	}
	if n, err := a.PruneClaims(ctx, 0); err != nil || n != 1 {
		t.Errorf("pruning all = %d, %v; want 1", n, err)
	}
	if ok, _ := b.Claim(ctx, "slack/message/C1/1.1"); !ok {
		t.Error("a pruned key cannot be claimed again")
	}
}
