package chatkit

import (
	"fmt"
	"testing"
	"time"
)

func TestRecent(t *testing.T) {
	now := time.Unix(1700000000, 0)
	r := NewRecent(3, time.Minute, func() time.Time { return now })
	if !r.Add("a") || r.Add("a") {
		t.Fatal("Add should report a key new once")
	}
	r.Add("b")
	r.Add("c")
	r.Add("d") // evicts the least recently added: a
	if r.Has("a") || !r.Has("d") || r.Len() != 3 {
		t.Errorf("after overflow: has a %v, has d %v, len %d; want false, true, 3", r.Has("a"), r.Has("d"), r.Len())
	}
	now = now.Add(2 * time.Minute)
	if r.Has("d") || r.Len() != 0 {
		t.Errorf("keys should expire after the TTL; len %d", r.Len())
	}
	for i := range 1000 {
		r.Add(fmt.Sprint(i))
	}
	if r.Len() != 3 {
		t.Errorf("len = %d, want the bound 3", r.Len())
	}
}
