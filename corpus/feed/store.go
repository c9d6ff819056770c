package feed

import (
	"slices"
	"sync"
	"time"
)

// State is what the Poller remembers of one feed between polls. It is
// plain data (JSON-friendly) so a Store can keep it anywhere.
type State struct {
	Title       string     `json:"title,omitempty"`
	Validators  Validators `json:"validators"`
	LastFetch   time.Time  `json:"last_fetch"`   // last attempt, whatever its outcome; zero before the first
	LastSuccess time.Time  `json:"last_success"` // last poll that got the feed (or a 304)
	LastStatus  string     `json:"last_status"`  // "ok: 3 new", "not modified", "error: HTTP 500 Internal Server Error"...
	Failures    int        `json:"failures"`     // consecutive failed polls
	NextAttempt time.Time  `json:"next_attempt"` // while failing: not polled before this time
	// Seen holds the keys (Item.Key) of the items already made into
	// reports, oldest first, at most Options.MaxSeen of them.
	Seen []string `json:"seen,omitempty"`
}

// Store keeps feed states. The caller provides one backed by its database;
// MemStore keeps them in memory. Get returns ok false, and no error, for a
// feed never stored. Implementations must be safe for concurrent use; the
// Poller never polls one feed twice at once, so Get and Put of one feed do
// not interleave.
type Store interface {
	Get(feedURL string) (s State, ok bool, err error)
	Put(feedURL string, s State) error
}

// MemStore is a Store in memory. The zero value is ready to use.
type MemStore struct {
	mu     sync.Mutex
	states map[string]State
}

var _ Store = (*MemStore)(nil)

// Get returns a copy of the feed's state.
func (m *MemStore) Get(feedURL string) (State, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.states[feedURL]
	s.Seen = slices.Clone(s.Seen)
	return s, ok, nil
}

// Put stores a copy of the feed's state.
func (m *MemStore) Put(feedURL string, s State) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.states == nil {
		m.states = map[string]State{}
	}
	s.Seen = slices.Clone(s.Seen)
	m.states[feedURL] = s
	return nil
}
