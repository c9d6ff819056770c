package state

import (
	"time"

	"github.com/briefbot/briefbot/bot"
)

// Backend is everything serve keeps between runs: digest subscriptions,
// their watermarks and deliveries, the feeds added in chat and the polling
// state of every feed. *Store (bbolt in the data folder) is the default;
// package pgstore keeps the same in PostgreSQL, shared by several
// replicas. Both pass the conformance suite in package statetest.
//
// Implementations are safe for concurrent use; every write is atomic and
// durable when the call returns. Errors about a missing delivery wrap
// ErrNotFound.
type Backend interface {
	// PutSubscription inserts sub, or replaces the one with its ID; an
	// empty ID is an error.
	PutSubscription(sub bot.Subscription) error
	// DeleteSubscription deletes a subscription with its watermark and
	// pending deliveries (posted ones stay as history), and reports
	// whether it was there.
	DeleteSubscription(id string) (bool, error)
	// Subscriptions returns every subscription, sorted by ID (bytewise).
	Subscriptions() ([]bot.Subscription, error)
	// Watermark is the end of the window of the last digest confirmed
	// for subID; the zero time when there is none.
	Watermark(subID string) (time.Time, error)
	// BeginDelivery returns subID's pending delivery if it has one, else
	// records a new pending one of [from, to) with a fresh ID.
	BeginDelivery(subID string, from, to, now time.Time) (Delivery, error)
	// ConfirmDelivery marks delivery id posted as postedRef and moves its
	// subscription's watermark forward to its To, in one transaction.
	ConfirmDelivery(id, postedRef string, now time.Time) error
	// RecordAttempt counts one more attempt to post delivery id.
	RecordAttempt(id string, now time.Time) error
	// Delivery returns the delivery with ID id.
	Delivery(id string) (Delivery, error)
	// PendingDeliveries returns every pending delivery, oldest change
	// first.
	PendingDeliveries() ([]Delivery, error)

	// PutFeed adds or replaces a feed added in chat.
	PutFeed(f FeedRecord) error
	// DeleteFeed removes a feed added in chat and its polling state, and
	// reports whether it was there.
	DeleteFeed(url string) (bool, error)
	// Feeds returns the feeds added in chat, sorted by URL (bytewise).
	Feeds() ([]FeedRecord, error)
	// FeedState reads the polling state of feed url into v (a JSON
	// value) and reports whether there was one.
	FeedState(url string, v any) (bool, error)
	// PutFeedState writes the polling state of feed url.
	PutFeedState(url string, v any) error

	// Close releases the store.
	Close() error
}

var _ Backend = (*Store)(nil)
