package pgstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/state"
)

// Advisory lock classes (the first key of the two-key advisory locks; the
// second is the hash of the schema's name).
const (
	lockMigrate = 0x62620001 // held while migrating
	lockLeader  = 0x62620002 // held by the replica that runs scheduled work
)

// Options tune a Store. The zero value means sensible defaults.
type Options struct {
	// Timeout bounds one call of a state method; 0 means 10 seconds.
	Timeout time.Duration
}

// Store is the state of briefbot in PostgreSQL. It is safe for concurrent
// use, also by several processes on one database. Close it when done.
type Store struct {
	pool    *pgxpool.Pool
	conn    *pgx.ConnConfig // of the connections of their own that leaders and followers open
	schema  string          // where the tables are: the first schema of the search_path
	timeout time.Duration
}

var _ state.Backend = (*Store)(nil)

// Open connects to the database at url (postgres://…), checks it answers
// and brings its schema up to date. A URL that does not parse, a server
// that does not answer and a failed migration are errors that name the
// server, never its password.
func Open(ctx context.Context, dbURL string, opts Options) (*Store, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Second
	}
	where := Redact(dbURL)
	cfg, err := pgxpool.ParseConfig(dbURL)
	if err != nil {
		return nil, fmt.Errorf("database %s: not a PostgreSQL URL such as postgres://user@host:5432/db", where)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", where, err)
	}
	s := &Store{pool: pool, conn: cfg.ConnConfig.Copy(), timeout: opts.Timeout}
	ctx, cancel := context.WithTimeout(ctx, 2*opts.Timeout)
	defer cancel()
	if err := s.check(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("database %s: %w", where, err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("database %s: %w", where, err)
	}
	return s, nil
}

// check makes sure the server answers and the connection has a schema to
// create tables in.
func (s *Store) check(ctx context.Context) error {
	var schema *string
	if err := s.pool.QueryRow(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		return err
	}
	if schema == nil {
		return errors.New("no schema to keep tables in: the search_path names none that exists")
	}
	s.schema = *schema
	return nil
}

// Redact returns dbURL with its password hidden, for messages and logs.
func Redact(dbURL string) string {
	u, err := url.Parse(dbURL)
	if err != nil || u.Scheme == "" {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// connect opens a connection of its own (not from the pool), with the
// settings of the URL the store was opened with (pool settings such as
// pool_max_conns left out).
func (s *Store) connect(ctx context.Context) (*pgx.Conn, error) {
	return pgx.ConnectConfig(ctx, s.conn.Copy())
}

// Pool is the connection pool, for the other parts of briefbot that keep
// data in the database.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

// Close closes every connection of the pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// ctx returns the context of one state call.
func (s *Store) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), s.timeout)
}

// nanos is t as nanoseconds since the epoch; the zero time is 0.
func nanos(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// fromNanos is the inverse of nanos, in UTC.
func fromNanos(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

// PutSubscription inserts sub, or replaces the subscription with its ID.
func (s *Store) PutSubscription(sub bot.Subscription) error {
	if sub.ID == "" {
		return fmt.Errorf("put subscription: empty ID")
	}
	data, err := json.Marshal(sub)
	if err != nil {
		return fmt.Errorf("put subscription %s: %w", sub.ID, err)
	}
	ctx, cancel := s.ctx()
	defer cancel()
	_, err = s.pool.Exec(ctx, `INSERT INTO subscriptions (id, platform, channel, data) VALUES ($1, $2, $3, $4)
		ON CONFLICT (id) DO UPDATE SET platform = EXCLUDED.platform, channel = EXCLUDED.channel, data = EXCLUDED.data`,
		sub.ID, string(sub.Platform), sub.Channel, data)
	if err != nil {
		return fmt.Errorf("put subscription %s: %w", sub.ID, err)
	}
	return nil
}

// DeleteSubscription deletes the subscription with ID id, its watermark and
// its pending deliveries (posted ones are kept as history), and reports
// whether there was such a subscription.
func (s *Store) DeleteSubscription(id string) (bool, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	var found bool
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, "DELETE FROM subscriptions WHERE id = $1", id)
		if err != nil {
			return err
		}
		found = tag.RowsAffected() > 0
		if _, err := tx.Exec(ctx, "DELETE FROM watermarks WHERE subscription_id = $1", id); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, "DELETE FROM deliveries WHERE subscription_id = $1 AND state = 'pending'", id)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("delete subscription %s: %w", id, err)
	}
	return found, nil
}

// Subscriptions returns every subscription, sorted by ID.
func (s *Store) Subscriptions() ([]bot.Subscription, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	rows, err := s.pool.Query(ctx, `SELECT data FROM subscriptions ORDER BY id COLLATE "C"`)
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	subs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (bot.Subscription, error) {
		var sub bot.Subscription
		var data []byte
		if err := row.Scan(&data); err != nil {
			return sub, err
		}
		return sub, json.Unmarshal(data, &sub)
	})
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	return subs, nil
}

// Watermark returns the end of the window of the last digest confirmed for
// subscription subID, and the zero time when there is none.
func (s *Store) Watermark(subID string) (time.Time, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	var n int64
	err := s.pool.QueryRow(ctx, "SELECT mark_ns FROM watermarks WHERE subscription_id = $1", subID).Scan(&n)
	if errors.Is(err, pgx.ErrNoRows) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("watermark %s: %w", subID, err)
	}
	return fromNanos(n), nil
}

// newDeliveryID returns a fresh random delivery ID, as package state makes
// them.
func newDeliveryID() (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return "dg" + hex.EncodeToString(b[:]), nil
}
