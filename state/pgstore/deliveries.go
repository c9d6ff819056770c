package pgstore

import (
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/state"
)

const deliveryColumns = "id, subscription_id, from_ns, to_ns, state, posted_ref, attempts, updated_ns"

// scanDelivery reads one row of deliveryColumns.
func scanDelivery(row pgx.CollectableRow) (bot.Delivery, error) {
	var d bot.Delivery
	var from, to, updated int64
	err := row.Scan(&d.ID, &d.SubscriptionID, &from, &to, &d.State, &d.PostedRef, &d.Attempts, &updated)
	d.From, d.To, d.Updated = fromNanos(from), fromNanos(to), fromNanos(updated)
	return d, err
}

// BeginDelivery returns subscription subID's pending delivery, unchanged,
// if it has one; otherwise it records a new pending delivery of [from, to)
// with a fresh random ID and returns it. Replicas beginning at once get the
// same delivery: the schema allows one pending delivery per subscription.
func (s *Store) BeginDelivery(subID string, from, to, now time.Time) (bot.Delivery, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	id, err := newDeliveryID()
	if err != nil {
		return bot.Delivery{}, fmt.Errorf("begin delivery for %s: %w", subID, err)
	}
	_, err = s.pool.Exec(ctx, `INSERT INTO deliveries (id, subscription_id, from_ns, to_ns, state, updated_ns)
		VALUES ($1, $2, $3, $4, 'pending', $5) ON CONFLICT DO NOTHING`, id, subID, nanos(from), nanos(to), nanos(now))
	if err != nil {
		return bot.Delivery{}, fmt.Errorf("begin delivery for %s: %w", subID, err)
	}
	rows, err := s.pool.Query(ctx, "SELECT "+deliveryColumns+" FROM deliveries WHERE subscription_id = $1 AND state = 'pending'", subID)
	if err != nil {
		return bot.Delivery{}, fmt.Errorf("begin delivery for %s: %w", subID, err)
	}
	d, err := pgx.CollectExactlyOneRow(rows, scanDelivery)
	if errors.Is(err, pgx.ErrNoRows) { // the random ID was taken, or the pending one was confirmed meanwhile
		return bot.Delivery{}, fmt.Errorf("begin delivery for %s: no pending delivery after insert (try again)", subID)
	}
	if err != nil {
		return bot.Delivery{}, fmt.Errorf("begin delivery for %s: %w", subID, err)
	}
	return d, nil
}

// ConfirmDelivery records that delivery id was posted as postedRef: in one
// transaction, the delivery becomes posted and its subscription's watermark
// becomes the delivery's To (unless it is already later). Confirming a
// delivery already posted changes nothing; an unknown id gives an error
// wrapping state.ErrNotFound.
func (s *Store) ConfirmDelivery(id, postedRef string, now time.Time) error {
	ctx, cancel := s.ctx()
	defer cancel()
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var subID, st string
		var to int64
		err := tx.QueryRow(ctx, "SELECT subscription_id, state, to_ns FROM deliveries WHERE id = $1 FOR UPDATE", id).Scan(&subID, &st, &to)
		if errors.Is(err, pgx.ErrNoRows) {
			return state.ErrNotFound
		}
		if err != nil || st == state.Posted {
			return err
		}
		if _, err := tx.Exec(ctx, "UPDATE deliveries SET state = 'posted', posted_ref = $2, updated_ns = $3 WHERE id = $1",
			id, postedRef, nanos(now)); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO watermarks (subscription_id, mark_ns) VALUES ($1, $2)
			ON CONFLICT (subscription_id) DO UPDATE SET mark_ns = GREATEST(watermarks.mark_ns, EXCLUDED.mark_ns)`, subID, to)
		return err
	})
	if err != nil {
		return fmt.Errorf("confirm delivery %s: %w", id, err)
	}
	return nil
}

// RecordAttempt counts one more attempt to post delivery id, at now. An
// unknown id gives an error wrapping state.ErrNotFound.
func (s *Store) RecordAttempt(id string, now time.Time) error {
	ctx, cancel := s.ctx()
	defer cancel()
	tag, err := s.pool.Exec(ctx, "UPDATE deliveries SET attempts = attempts + 1, updated_ns = $2 WHERE id = $1", id, nanos(now))
	if err == nil && tag.RowsAffected() == 0 {
		err = state.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("record attempt of delivery %s: %w", id, err)
	}
	return nil
}

// Delivery returns the delivery with ID id, or an error wrapping
// state.ErrNotFound.
func (s *Store) Delivery(id string) (bot.Delivery, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	rows, err := s.pool.Query(ctx, "SELECT "+deliveryColumns+" FROM deliveries WHERE id = $1", id)
	if err != nil {
		return bot.Delivery{}, fmt.Errorf("delivery %s: %w", id, err)
	}
	d, err := pgx.CollectExactlyOneRow(rows, scanDelivery)
	if errors.Is(err, pgx.ErrNoRows) {
		err = state.ErrNotFound
	}
	if err != nil {
		return bot.Delivery{}, fmt.Errorf("delivery %s: %w", id, err)
	}
	return d, nil
}

// PendingDeliveries returns every pending delivery, oldest change first.
func (s *Store) PendingDeliveries() ([]bot.Delivery, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	rows, err := s.pool.Query(ctx, "SELECT "+deliveryColumns+` FROM deliveries WHERE state = 'pending' ORDER BY updated_ns, id COLLATE "C"`)
	if err != nil {
		return nil, fmt.Errorf("pending deliveries: %w", err)
	}
	out, err := pgx.CollectRows(rows, scanDelivery)
	if err != nil {
		return nil, fmt.Errorf("pending deliveries: %w", err)
	}
	return out, nil
}
