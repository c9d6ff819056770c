// Package state keeps the bot's own state in the data folder: digest
// subscriptions, each one's watermark (the end of the last window it was
// sent), the digest deliveries in flight, the feeds added in chat and how
// polling each feed goes.
//
// Everything lives in one bbolt file, <data>/state.db, as JSON values. Every
// write is one bbolt transaction, so it happens entirely or not at all, and
// is on disk when the call returns. Only one process may have the file open:
// a second Open fails with ErrInUse after a short wait.
//
// Deliveries follow a two-step protocol so that a crash never loses or
// repeats a digest silently: BeginDelivery records a pending delivery with
// an ID before anything is posted; ConfirmDelivery marks it posted and moves
// the watermark in the same transaction. A delivery still pending at start
// may or may not have been posted: the caller looks for its ID in the
// channel before posting it again.
package state

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/briefbot/briefbot/bot"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// FileName is the name of the state file in the data folder.
const FileName = "state.db"

// Errors Open and the delivery methods return, to test with errors.Is.
var (
	ErrInUse    = errors.New("state file in use by another process")
	ErrCorrupt  = errors.New("state file is not a valid state database")
	ErrNotFound = errors.New("not found")
)

// lockTimeout is how long Open waits for another process to let go of the
// file. Tests shorten it.
var lockTimeout = 2 * time.Second

// Bucket names.
var (
	bucketSubs       = []byte("subscriptions") // subscription ID -> bot.Subscription
	bucketWatermarks = []byte("watermarks")    // subscription ID -> time.Time
	bucketDeliveries = []byte("deliveries")    // delivery ID -> Delivery
	bucketFeeds      = []byte("feeds")         // feed URL -> FeedRecord (feeds added in chat)
	bucketFeedState  = []byte("feed_state")    // feed URL -> the poller's state of it (JSON)
)

// Delivery states, as in bot.
const (
	Pending = bot.DeliveryPending
	Posted  = bot.DeliveryPosted
)

// Delivery is one digest being sent, or sent, to one subscription's channel.
type Delivery = bot.Delivery

// Store is the open state file. Its methods are safe for concurrent use.
// Close it when done; the file stays locked until then.
type Store struct {
	db   *bolt.DB
	path string
}

// Open opens or creates <dataDir>/state.db, creating dataDir if needed. It
// returns an error wrapping ErrInUse when another process (or another Store
// in this one) has the file open, and ErrCorrupt when the file is not a
// state database.
func Open(dataDir string) (*Store, error) {
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, fmt.Errorf("open state: %w", err)
	}
	path := filepath.Join(dataDir, FileName)
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("open state %s: %w (is another briefbot running on this data folder?)", path, ErrInUse)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch):
		return nil, fmt.Errorf("open state %s: %w: %w (move it aside to start with empty state)", path, ErrCorrupt, err)
	case err != nil:
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketSubs, bucketWatermarks, bucketDeliveries, bucketFeeds, bucketFeedState} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	return &Store{db: db, path: path}, nil
}

// Close closes the file and releases its lock.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close state %s: %w", s.path, err)
	}
	return nil
}

// put JSON-encodes v under key in bucket b.
func put(tx *bolt.Tx, b, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return tx.Bucket(b).Put(key, data)
}

// get decodes the value under key in bucket b into v, reporting whether
// there was one.
func get(tx *bolt.Tx, b, key []byte, v any) (bool, error) {
	data := tx.Bucket(b).Get(key)
	if data == nil {
		return false, nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return true, fmt.Errorf("%s %q: %w", b, key, err)
	}
	return true, nil
}

// PutSubscription inserts sub, or replaces the subscription with its ID.
func (s *Store) PutSubscription(sub bot.Subscription) error {
	if sub.ID == "" {
		return fmt.Errorf("put subscription: empty ID")
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		return put(tx, bucketSubs, []byte(sub.ID), sub)
	})
	if err != nil {
		return fmt.Errorf("put subscription %s: %w", sub.ID, err)
	}
	return nil
}

// DeleteSubscription deletes the subscription with ID id, its watermark and
// its pending deliveries (posted ones are kept as history). It reports
// whether there was such a subscription.
func (s *Store) DeleteSubscription(id string) (bool, error) {
	var found bool
	err := s.db.Update(func(tx *bolt.Tx) error {
		subs := tx.Bucket(bucketSubs)
		found = subs.Get([]byte(id)) != nil
		if err := subs.Delete([]byte(id)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketWatermarks).Delete([]byte(id)); err != nil {
			return err
		}
		pending, err := pendingOf(tx, id)
		if err != nil {
			return err
		}
		for _, d := range pending {
			if err := tx.Bucket(bucketDeliveries).Delete([]byte(d.ID)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("delete subscription %s: %w", id, err)
	}
	return found, nil
}

// Subscriptions returns every subscription, sorted by ID.
func (s *Store) Subscriptions() ([]bot.Subscription, error) {
	var out []bot.Subscription
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSubs).ForEach(func(k, v []byte) error {
			var sub bot.Subscription
			if err := json.Unmarshal(v, &sub); err != nil {
				return fmt.Errorf("subscription %q: %w", k, err)
			}
			out = append(out, sub)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	return out, nil // bbolt iterates in key order
}

// Watermark returns the end of the window of the last digest confirmed for
// subscription subID, and the zero time when there is none.
func (s *Store) Watermark(subID string) (time.Time, error) {
	var t time.Time
	err := s.db.View(func(tx *bolt.Tx) error {
		_, err := get(tx, bucketWatermarks, []byte(subID), &t)
		return err
	})
	if err != nil {
		return time.Time{}, fmt.Errorf("watermark %s: %w", subID, err)
	}
	return t, nil
}

// deliveries returns the deliveries for which keep is true, sorted by
// Updated and then ID.
func deliveries(tx *bolt.Tx, keep func(Delivery) bool) ([]Delivery, error) {
	var out []Delivery
	err := tx.Bucket(bucketDeliveries).ForEach(func(k, v []byte) error {
		var d Delivery
		if err := json.Unmarshal(v, &d); err != nil {
			return fmt.Errorf("delivery %q: %w", k, err)
		}
		if keep(d) {
			out = append(out, d)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Updated.Equal(out[j].Updated) {
			return out[i].Updated.Before(out[j].Updated)
		}
		return out[i].ID < out[j].ID
	})
	return out, err
}

// pendingOf returns the pending deliveries of subscription subID.
func pendingOf(tx *bolt.Tx, subID string) ([]Delivery, error) {
	return deliveries(tx, func(d Delivery) bool { return d.State == Pending && d.SubscriptionID == subID })
}

// newDeliveryID returns a fresh random delivery ID.
func newDeliveryID() (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return "dg" + hex.EncodeToString(b[:]), nil
}

// BeginDelivery records that a digest of [from, to) is about to be posted
// for subscription subID, and returns the delivery to post it under. If
// subID already has a pending delivery, that one comes back unchanged (its
// window too), so that a restart re-uses its ID and the caller can look for
// it in the channel before posting again; otherwise a new pending delivery
// with a fresh random ID is written. Call it before posting.
func (s *Store) BeginDelivery(subID string, from, to time.Time, now time.Time) (Delivery, error) {
	var d Delivery
	err := s.db.Update(func(tx *bolt.Tx) error {
		pending, err := pendingOf(tx, subID)
		if err != nil {
			return err
		}
		if len(pending) > 0 {
			d = pending[0]
			return nil
		}
		id, err := newDeliveryID()
		if err != nil {
			return err
		}
		if tx.Bucket(bucketDeliveries).Get([]byte(id)) != nil {
			return fmt.Errorf("delivery ID %s already used", id)
		}
		d = Delivery{ID: id, SubscriptionID: subID, From: from, To: to, State: Pending, Updated: now}
		return put(tx, bucketDeliveries, []byte(id), d)
	})
	if err != nil {
		return Delivery{}, fmt.Errorf("begin delivery for %s: %w", subID, err)
	}
	return d, nil
}

// ConfirmDelivery records that delivery id was posted as postedRef: in one
// transaction, the delivery becomes Posted and its subscription's watermark
// becomes the delivery's To (unless the watermark is already later; it
// never moves back). Confirming a delivery already posted changes nothing.
// An unknown id gives an error wrapping ErrNotFound.
func (s *Store) ConfirmDelivery(id, postedRef string, now time.Time) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		var d Delivery
		ok, err := get(tx, bucketDeliveries, []byte(id), &d)
		if err != nil {
			return err
		}
		if !ok {
			return ErrNotFound
		}
		if d.State == Posted {
			return nil
		}
		d.State, d.PostedRef, d.Updated = Posted, postedRef, now
		if err := put(tx, bucketDeliveries, []byte(id), d); err != nil {
			return err
		}
		var mark time.Time
		if _, err := get(tx, bucketWatermarks, []byte(d.SubscriptionID), &mark); err != nil {
			return err
		}
		if d.To.After(mark) {
			return put(tx, bucketWatermarks, []byte(d.SubscriptionID), d.To)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("confirm delivery %s: %w", id, err)
	}
	return nil
}

// Delivery returns the delivery with ID id, or an error wrapping ErrNotFound.
func (s *Store) Delivery(id string) (Delivery, error) {
	var d Delivery
	err := s.db.View(func(tx *bolt.Tx) error {
		ok, err := get(tx, bucketDeliveries, []byte(id), &d)
		if err == nil && !ok {
			err = ErrNotFound
		}
		return err
	})
	if err != nil {
		return Delivery{}, fmt.Errorf("delivery %s: %w", id, err)
	}
	return d, nil
}

// PendingDeliveries returns every pending delivery, oldest change first.
func (s *Store) PendingDeliveries() ([]Delivery, error) {
	var out []Delivery
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		out, err = deliveries(tx, func(d Delivery) bool { return d.State == Pending })
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("pending deliveries: %w", err)
	}
	return out, nil
}

// RecordAttempt counts one more attempt to post delivery id, at now. An
// unknown id gives an error wrapping ErrNotFound.
func (s *Store) RecordAttempt(id string, now time.Time) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		var d Delivery
		ok, err := get(tx, bucketDeliveries, []byte(id), &d)
		if err != nil {
			return err
		}
		if !ok {
			return ErrNotFound
		}
		d.Attempts++
		d.Updated = now
		return put(tx, bucketDeliveries, []byte(id), d)
	})
	if err != nil {
		return fmt.Errorf("record attempt of delivery %s: %w", id, err)
	}
	return nil
}
