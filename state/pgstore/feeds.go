package pgstore

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/state"
)

// PutFeed adds or replaces the record of a feed added in chat.
func (s *Store) PutFeed(f state.FeedRecord) error {
	if f.URL == "" {
		return fmt.Errorf("put feed: empty URL")
	}
	return s.putJSON("feeds", f.URL, f)
}

// putJSON writes v as the data of key url in table (feeds or feed_state).
func (s *Store) putJSON(table, url string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("put %s %s: %w", table, url, err)
	}
	ctx, cancel := s.ctx()
	defer cancel()
	_, err = s.pool.Exec(ctx, "INSERT INTO "+table+" (url, data) VALUES ($1, $2) ON CONFLICT (url) DO UPDATE SET data = EXCLUDED.data", url, data)
	if err != nil {
		return fmt.Errorf("put %s %s: %w", table, url, err)
	}
	return nil
}

// DeleteFeed removes the record of a feed added in chat and its polling
// state, and reports whether there was a record.
func (s *Store) DeleteFeed(url string) (bool, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	var found bool
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, "DELETE FROM feeds WHERE url = $1", url)
		if err != nil {
			return err
		}
		found = tag.RowsAffected() > 0
		_, err = tx.Exec(ctx, "DELETE FROM feed_state WHERE url = $1", url)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("delete feed %s: %w", url, err)
	}
	return found, nil
}

// Feeds returns the feeds added in chat, sorted by URL.
func (s *Store) Feeds() ([]state.FeedRecord, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	rows, err := s.pool.Query(ctx, `SELECT data FROM feeds ORDER BY url COLLATE "C"`)
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (state.FeedRecord, error) {
		var f state.FeedRecord
		var data []byte
		if err := row.Scan(&data); err != nil {
			return f, err
		}
		return f, json.Unmarshal(data, &f)
	})
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	return out, nil
}

// FeedState reads the polling state of feed url into v and reports whether
// there was one.
func (s *Store) FeedState(url string, v any) (bool, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	var data []byte
	err := s.pool.QueryRow(ctx, "SELECT data FROM feed_state WHERE url = $1", url).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err == nil {
		err = json.Unmarshal(data, v)
	}
	if err != nil {
		return false, fmt.Errorf("feed state %s: %w", url, err)
	}
	return true, nil
}

// PutFeedState writes the polling state of feed url.
func (s *Store) PutFeedState(url string, v any) error { return s.putJSON("feed_state", url, v) }
