package state

import (
	"testing"
	"time"
)

func TestFeeds(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	added := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	for _, u := range []string{"https://b.example/feed", "https://a.example/rss"} {
		if err := s.PutFeed(FeedRecord{URL: u, AddedBy: "slack:U1", Added: added}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.PutFeed(FeedRecord{}); err == nil {
		t.Error("a feed without URL was stored")
	}
	type st struct{ ETag string }
	if err := s.PutFeedState("https://a.example/rss", st{ETag: `"x"`}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(dir) // survives a restart
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	feeds, err := s.Feeds()
	if err != nil || len(feeds) != 2 || feeds[0].URL != "https://a.example/rss" || feeds[1].AddedBy != "slack:U1" || !feeds[1].Added.Equal(added) {
		t.Fatalf("feeds = %+v, %v", feeds, err)
	}
	var got st
	if ok, err := s.FeedState("https://a.example/rss", &got); !ok || err != nil || got.ETag != `"x"` {
		t.Errorf("feed state = %+v %v %v", got, ok, err)
	}
	if ok, err := s.DeleteFeed("https://a.example/rss"); !ok || err != nil {
		t.Errorf("delete = %v %v", ok, err)
	}
	if ok, _ := s.FeedState("https://a.example/rss", &got); ok {
		t.Error("state kept after the feed was deleted")
	}
	if ok, _ := s.DeleteFeed("https://a.example/rss"); ok {
		t.Error("deleted twice")
	}
}
