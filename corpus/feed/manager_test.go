package feed

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// memManagerStore is a ManagerStore in memory.
type memManagerStore struct {
	MemStore
	mu    sync.Mutex
	added []Added
}

func (m *memManagerStore) AddedFeeds() ([]Added, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Added(nil), m.added...), nil
}

func (m *memManagerStore) PutAdded(a Added) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.added = append(m.added, a)
	return nil
}

func (m *memManagerStore) DeleteAdded(url string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, a := range m.added {
		if a.URL == url {
			m.added = append(m.added[:i], m.added[i+1:]...)
			return true, nil
		}
	}
	return false, nil
}

// TestManagerAddListRemove: a configured feed is listed as such; a page
// that is no feed is refused in words; an added feed is listed, polled by
// Reindex, refused a second time, and removed; a configured one cannot be
// removed in chat.
func TestManagerAddListRemove(t *testing.T) {
	s := newSite(t)
	sk := &sink{}
	m, err := NewManager(ManagerOptions{Configured: []FeedConfig{{URL: s.url("/atom.xml")}}, Store: &memManagerStore{}, Sink: sk.put})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := m.AddFeed(ctx, s.url("/articles/missing.html"), "slack:U1"); bot.ErrorCode(err) != bot.EInvalid ||
		!strings.Contains(bot.ErrorMessage(err), "I could not add") {
		t.Errorf("adding a missing page: %v", err)
	}
	f, err := m.AddFeed(ctx, s.url("/rss2.xml"), "slack:U1")
	if err != nil || f.URL != s.url("/rss2.xml") {
		t.Fatalf("add: %+v %v", f, err)
	}
	if _, err := m.AddFeed(ctx, s.url("/rss2.xml"), "slack:U2"); !strings.Contains(bot.ErrorMessage(err), "already poll") {
		t.Errorf("adding twice: %v", err)
	}
	feeds, err := m.Feeds(ctx)
	if err != nil || len(feeds) != 2 || !feeds[0].FromConfig || feeds[1].FromConfig {
		t.Fatalf("feeds: %+v %v", feeds, err)
	}
	text, err := m.Reindex(ctx)
	if err != nil || !strings.Contains(text, "Fetched 2 feeds") || len(sk.all()) == 0 {
		t.Errorf("reindex: %q %v, %d reports", text, err, len(sk.all()))
	}
	if ok, err := m.RemoveFeed(ctx, s.url("/atom.xml")); ok || err != nil {
		t.Errorf("removing a configured feed: %v %v", ok, err)
	}
	if ok, err := m.RemoveFeed(ctx, s.url("/rss2.xml")); !ok || err != nil {
		t.Errorf("remove: %v %v", ok, err)
	}
	if feeds, _ := m.Feeds(ctx); len(feeds) != 1 {
		t.Errorf("after remove: %+v", feeds)
	}
}

// TestManagerReload: a feed added through one Manager (a replica) is
// polled by another on the same store once it reloads, and dropped when
// removed.
func TestManagerReload(t *testing.T) {
	s := newSite(t)
	store := &memManagerStore{}
	newManager := func() *Manager {
		m, err := NewManager(ManagerOptions{Store: store, Sink: (&sink{}).put})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	a, b := newManager(), newManager()
	ctx := context.Background()
	if _, err := a.AddFeed(ctx, s.url("/rss2.xml"), "slack:U1"); err != nil {
		t.Fatal(err)
	}
	before := b.Poller()
	if len(before.Feeds()) != 0 {
		t.Fatalf("b polls %v before reloading", before.Feeds())
	}
	if err := b.Reload(); err != nil || len(b.Poller().Feeds()) != 1 {
		t.Fatalf("after reload b polls %v (%v), want the added feed", b.Poller().Feeds(), err)
	}
	same := b.Poller()
	if err := b.Reload(); err != nil || b.Poller() != same {
		t.Errorf("a reload with nothing changed made a new poller (%v)", err)
	}
	if ok, err := a.RemoveFeed(ctx, s.url("/rss2.xml")); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if err := b.Reload(); err != nil || len(b.Poller().Feeds()) != 0 {
		t.Errorf("after removal b polls %v (%v)", b.Poller().Feeds(), err)
	}
}
