package pgstore_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/state/pgstore"
	"github.com/briefbot/briefbot/state/pgtest"
)

// fastLeader returns a Leader on u with short intervals, running until the
// test ends, and a channel that gets its name each time it starts leading.
func fastLeader(t *testing.T, u, name string, leads chan<- string) *pgstore.Leader {
	l := mustOpen(t, u).Leader(pgstore.LeaderOptions{Retry: 50 * time.Millisecond, Check: 50 * time.Millisecond, Settle: 150 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		l.Run(ctx, func(ctx context.Context) {
			leads <- name
			<-ctx.Done()
		})
	}()
	t.Cleanup(func() { cancel(); wg.Wait() })
	return l
}

// TestLeaderFailover: of two replicas one leads; when its connection is
// ended on the server, the other takes over, and the first, once
// reconnected, follows.
func TestLeaderFailover(t *testing.T) {
	u := pgtest.URL(t)
	leads := make(chan string, 10)
	ls := map[string]*pgstore.Leader{"a": fastLeader(t, u, "a", leads), "b": fastLeader(t, u, "b", leads)}
	first := waitLead(t, leads)
	time.Sleep(300 * time.Millisecond) // the other must not lead meanwhile
	if other := otherOf(first); ls[other].Phase() != pgstore.Following || ls[first].Phase() != pgstore.Leading {
		t.Fatalf("phases: %s %s, %s %s", first, ls[first].Phase(), other, ls[other].Phase())
	}
	select {
	case name := <-leads:
		t.Fatalf("%s leads too", name)
	default:
	}
	pgtest.Exec(t, "SELECT pg_terminate_backend($1)", int(ls[first].PID()))
	if second := waitLead(t, leads); second != otherOf(first) {
		t.Fatalf("after %s lost its connection, %s leads; want the other", first, second)
	}
	deadline := time.Now().Add(3 * time.Second)
	for ls[first].Phase() != pgstore.Following {
		if time.Now().After(deadline) {
			t.Fatalf("the old leader is %s, want follower", ls[first].Phase())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestLeaderSchemas: replicas of two deployments (two schemas) in one
// database each get a leader.
func TestLeaderSchemas(t *testing.T) {
	leads := make(chan string, 10)
	fastLeader(t, pgtest.URL(t), "a", leads)
	fastLeader(t, pgtest.URL(t), "b", leads)
	// Each schema's replica must come to lead; a replica whose fast
	// connection check timed out on a loaded machine may report leading
	// again first, which is not the failure looked for here.
	got := map[string]bool{}
	for deadline := time.Now().Add(10 * time.Second); (!got["a"] || !got["b"]) && time.Now().Before(deadline); {
		got[waitLead(t, leads)] = true
	}
	if !got["a"] || !got["b"] {
		t.Errorf("leaders = %v, want one per schema", got)
	}
}

func otherOf(name string) string {
	if name == "a" {
		return "b"
	}
	return "a"
}

func waitLead(t *testing.T, leads <-chan string) string {
	t.Helper()
	select {
	case name := <-leads:
		return name
	case <-time.After(5 * time.Second):
		t.Fatal("no replica leads within 5 s")
		return ""
	}
}
