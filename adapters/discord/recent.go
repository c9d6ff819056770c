package discord

import (
	"container/list"
	"sync"
	"time"
)

// recent is a bounded set of keys that are forgotten after a while: a
// message or interaction already handled (the gateway may deliver an event
// again after a resume). When full it forgets the least recently added key.
// It is safe for concurrent use. (The Slack adapter has the same type.)
type recent struct {
	mu    sync.Mutex
	max   int
	ttl   time.Duration
	now   func() time.Time
	items map[string]*list.Element
	order *list.List // of *recentEntry, most recent first
}

type recentEntry struct {
	key string
	at  time.Time
}

func newRecent(max int, ttl time.Duration, now func() time.Time) *recent {
	return &recent{max: max, ttl: ttl, now: now, items: map[string]*list.Element{}, order: list.New()}
}

// Add records key as seen now and reports whether it was new: false when
// the set already held it, unexpired.
func (r *recent) Add(key string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	r.expire(now)
	if e, ok := r.items[key]; ok {
		e.Value.(*recentEntry).at = now
		r.order.MoveToFront(e)
		return false
	}
	r.items[key] = r.order.PushFront(&recentEntry{key: key, at: now})
	for r.order.Len() > r.max {
		r.remove(r.order.Back())
	}
	return true
}

// Has reports whether the set holds key, unexpired.
func (r *recent) Has(key string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.expire(r.now())
	_, ok := r.items[key]
	return ok
}

// Len returns how many keys the set holds.
func (r *recent) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.order.Len()
}

func (r *recent) expire(now time.Time) {
	for e := r.order.Back(); e != nil && now.Sub(e.Value.(*recentEntry).at) > r.ttl; e = r.order.Back() {
		r.remove(e)
	}
}

func (r *recent) remove(e *list.Element) {
	delete(r.items, e.Value.(*recentEntry).key)
	r.order.Remove(e)
}
