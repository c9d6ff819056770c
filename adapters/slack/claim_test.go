package slack

import (
	"context"
	"errors"
	"sync"
	"testing"
)

// TestClaim: with Options.Claim, a message is answered only when the
// claim is this adapter's; a claim that fails is answered anyway.
func TestClaim(t *testing.T) {
	f := newFakeSlack(t)
	var mu sync.Mutex
	var keys []string
	// ts -> the claim's error; missing: taken by another replica.
	answer := map[string]error{"1700000300.000001": nil, "1700000300.000003": errors.New("database away")}
	claim := func(_ context.Context, key string) (bool, error) {
		mu.Lock()
		defer mu.Unlock()
		keys = append(keys, key)
		for ts, err := range answer {
			if key == "slack/message/"+channel+"/"+ts {
				return err == nil, err
			}
		}
		return false, nil
	}
	a, srv := startAdapter(t, f, Options{SigningSecret: secret, Claim: claim}, mustRouter(t), nil)
	for i, ts := range []string{"1700000300.000001", "1700000300.000002", "1700000300.000003"} {
		before := f.postCount()
		postEvent(t, a, srv, "EvClaim"+ts, mention(ts, question), nil)
		answered := f.postCount() > before
		if want := i != 1; answered != want {
			t.Errorf("message %s answered = %v, want %v", ts, answered, want)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(keys) != 3 {
		t.Errorf("claims asked: %v, want one per message", keys)
	}
}
