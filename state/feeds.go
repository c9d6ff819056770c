package state

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// FeedRecord is a feed added in chat (`sources add URL`). Feeds from the
// config file are not stored: the file is their record.
type FeedRecord struct {
	URL      string    `json:"url"`
	Schedule string    `json:"schedule,omitempty"` // cron spec; "" means the default
	Tags     []string  `json:"tags,omitempty"`
	AddedBy  string    `json:"added_by,omitempty"` // platform:user of who added it
	Added    time.Time `json:"added"`
}

// PutFeed adds or replaces the feed record of f.URL.
func (s *Store) PutFeed(f FeedRecord) error {
	if f.URL == "" {
		return fmt.Errorf("put feed: empty URL")
	}
	if err := s.db.Update(func(tx *bolt.Tx) error { return put(tx, bucketFeeds, []byte(f.URL), f) }); err != nil {
		return fmt.Errorf("put feed %s: %w", f.URL, err)
	}
	return nil
}

// DeleteFeed removes the feed record of url and its polling state, and
// reports whether there was a record.
func (s *Store) DeleteFeed(url string) (bool, error) {
	var found bool
	err := s.db.Update(func(tx *bolt.Tx) error {
		found = tx.Bucket(bucketFeeds).Get([]byte(url)) != nil
		if err := tx.Bucket(bucketFeeds).Delete([]byte(url)); err != nil {
			return err
		}
		return tx.Bucket(bucketFeedState).Delete([]byte(url))
	})
	if err != nil {
		return false, fmt.Errorf("delete feed %s: %w", url, err)
	}
	return found, nil
}

// Feeds returns the feeds added in chat, sorted by URL.
func (s *Store) Feeds() ([]FeedRecord, error) {
	var out []FeedRecord
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketFeeds).ForEach(func(k, _ []byte) error {
			var f FeedRecord
			if _, err := get(tx, bucketFeeds, k, &f); err != nil {
				return err
			}
			out = append(out, f)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	return out, nil
}

// FeedState reads the polling state of feed url into v (a JSON value) and
// reports whether there was one.
func (s *Store) FeedState(url string, v any) (bool, error) {
	var ok bool
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		ok, err = get(tx, bucketFeedState, []byte(url), v)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("feed state %s: %w", url, err)
	}
	return ok, nil
}

// PutFeedState writes the polling state of feed url.
func (s *Store) PutFeedState(url string, v any) error {
	if err := s.db.Update(func(tx *bolt.Tx) error { return put(tx, bucketFeedState, []byte(url), v) }); err != nil {
		return fmt.Errorf("put feed state %s: %w", url, err)
	}
	return nil
}
