package chatkit

import (
	"container/list"
	"sync"
	"time"
)

// Recent is a bounded set of keys that are forgotten after a while: an
// event ID already handled, a thread the bot answered in. When full it
// forgets the least recently added key. It is safe for concurrent use.
type Recent struct {
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

func NewRecent(max int, ttl time.Duration, now func() time.Time) *Recent {
	return &Recent{max: max, ttl: ttl, now: now, items: map[string]*list.Element{}, order: list.New()}
}

// Add records key as seen now and reports whether it was new: false when
// the set already held it, unexpired.
func (r *Recent) Add(key string) bool {
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
func (r *Recent) Has(key string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.expire(r.now())
	_, ok := r.items[key]
	return ok
}

// Len returns how many keys the set holds.
func (r *Recent) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.order.Len()
}

func (r *Recent) expire(now time.Time) {
	for e := r.order.Back(); e != nil && now.Sub(e.Value.(*recentEntry).at) > r.ttl; e = r.order.Back() {
		r.remove(e)
	}
}

func (r *Recent) remove(e *list.Element) {
	delete(r.items, e.Value.(*recentEntry).key)
	r.order.Remove(e)
}
