package pgstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/bot"
)

// lockReports is the advisory lock class writers of the reports table
// take, so that sequence numbers are committed in order.
const lockReports = 0x62620003

// ReportChange is one entry of the reports table: a report as it is now,
// or the tombstone of a deleted one.
type ReportChange struct {
	Seq       int64
	ID        string
	Deleted   bool
	Report    bot.Report // zero when Deleted
	Published time.Time  // when this version entered the table
}

// PublishStats counts what PublishReports did.
type PublishStats struct {
	Added, Updated, Unchanged int
	LastSeq                   int64 // the highest seq written; 0 when nothing changed
}

// Outcome of publishing one report.
type Outcome int

// Outcomes of PublishReports, per report.
const (
	Added Outcome = iota
	Updated
	Unchanged
)

func (o Outcome) String() string { return [...]string{"added", "updated", "unchanged"}[o] }

// publishBatch is how many reports go into one transaction.
const publishBatch = 100

// notifyChannel is the LISTEN/NOTIFY channel of the schema's reports.
func (s *Store) notifyChannel() string { return "briefbot_reports." + s.schema }

// PublishReports adds reports to the table, or replaces those whose
// content changed (a report equal to the one stored is left alone), and
// notifies the replicas. progress, when not nil, is called after each
// batch with the outcomes of its reports, in order.
func (s *Store) PublishReports(ctx context.Context, reports []bot.Report, progress func(done int, outcomes []Outcome)) (PublishStats, error) {
	var st PublishStats
	for start := 0; start < len(reports); start += publishBatch {
		batch := reports[start:min(start+publishBatch, len(reports))]
		outcomes, last, err := s.publish(ctx, batch)
		if err != nil {
			return st, err
		}
		for _, o := range outcomes {
			switch o {
			case Added:
				st.Added++
			case Updated:
				st.Updated++
			default:
				st.Unchanged++
			}
		}
		st.LastSeq = max(st.LastSeq, last)
		if progress != nil {
			progress(start+len(batch), outcomes)
		}
	}
	return st, nil
}

// publish writes one batch in one transaction.
func (s *Store) publish(ctx context.Context, reports []bot.Report) ([]Outcome, int64, error) {
	outcomes := make([]Outcome, len(reports))
	var last int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))", lockReports); err != nil {
			return err
		}
		for i, r := range reports {
			if r.ID == "" {
				return errors.New("a report without ID")
			}
			data, err := json.Marshal(r)
			if err != nil {
				return fmt.Errorf("report %s: %w", r.ID, err)
			}
			sum := sha256.Sum256(data)
			hash := hex.EncodeToString(sum[:])
			var old string
			err = tx.QueryRow(ctx, "SELECT hash FROM reports WHERE id = $1", r.ID).Scan(&old)
			switch {
			case errors.Is(err, pgx.ErrNoRows):
				outcomes[i] = Added
			case err != nil:
				return fmt.Errorf("report %s: %w", r.ID, err)
			case old == hash:
				outcomes[i] = Unchanged
				continue
			default:
				outcomes[i] = Updated
			}
			err = tx.QueryRow(ctx, `INSERT INTO reports (id, seq, hash, deleted, data) VALUES ($1, nextval('reports_seq'), $2, false, $3)
				ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, deleted = false, data = EXCLUDED.data, published = now()
				RETURNING seq`, r.ID, hash, data).Scan(&last)
			if err != nil {
				return fmt.Errorf("report %s: %w", r.ID, err)
			}
		}
		return s.notify(ctx, tx, last)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("publish reports: %w", err)
	}
	return outcomes, last, nil
}

// notify tells the replicas, when the transaction commits, that the table
// changed up to seq (nothing when seq is 0).
func (s *Store) notify(ctx context.Context, tx pgx.Tx, seq int64) error {
	if seq == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, "SELECT pg_notify($1, $2)", s.notifyChannel(), fmt.Sprint(seq))
	return err
}

// DeleteReports deletes reports from the table (they leave a tombstone the
// replicas follow) and reports how many were there.
func (s *Store) DeleteReports(ctx context.Context, ids []string) (int, error) {
	n := 0
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))", lockReports); err != nil {
			return err
		}
		var last int64
		for _, id := range ids {
			err := tx.QueryRow(ctx, `UPDATE reports SET seq = nextval('reports_seq'), hash = '', deleted = true, data = NULL, published = now()
				WHERE id = $1 AND NOT deleted RETURNING seq`, id).Scan(&last)
			if errors.Is(err, pgx.ErrNoRows) {
				continue
			}
			if err != nil {
				return fmt.Errorf("report %s: %w", id, err)
			}
			n++
		}
		return s.notify(ctx, tx, last)
	})
	if err != nil {
		return 0, fmt.Errorf("delete reports: %w", err)
	}
	return n, nil
}

// ReportsSince returns up to limit entries with a seq above after, in seq
// order.
func (s *Store) ReportsSince(ctx context.Context, after int64, limit int) ([]ReportChange, error) {
	rows, err := s.pool.Query(ctx, "SELECT seq, id, deleted, data, published FROM reports WHERE seq > $1 ORDER BY seq LIMIT $2", after, limit)
	if err != nil {
		return nil, fmt.Errorf("reports since %d: %w", after, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (ReportChange, error) {
		var c ReportChange
		var data []byte
		if err := row.Scan(&c.Seq, &c.ID, &c.Deleted, &data, &c.Published); err != nil {
			return c, err
		}
		c.Published = c.Published.UTC()
		if c.Deleted {
			return c, nil
		}
		if err := json.Unmarshal(data, &c.Report); err != nil {
			return c, fmt.Errorf("report %s: %w", c.ID, err)
		}
		return c, nil
	})
	if err != nil {
		return nil, fmt.Errorf("reports since %d: %w", after, err)
	}
	return out, nil
}

// LastReportSeq is the seq of the table's latest change; 0 for an empty
// table.
func (s *Store) LastReportSeq(ctx context.Context) (int64, error) {
	var seq int64
	if err := s.pool.QueryRow(ctx, "SELECT coalesce(max(seq), 0) FROM reports").Scan(&seq); err != nil {
		return 0, fmt.Errorf("last report seq: %w", err)
	}
	return seq, nil
}

// ReportCount is the number of reports in the table, deleted ones left
// out.
func (s *Store) ReportCount(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM reports WHERE NOT deleted").Scan(&n); err != nil {
		return 0, fmt.Errorf("count reports: %w", err)
	}
	return n, nil
}

// Setting returns the value of a shared setting; "" when it is not set.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.pool.QueryRow(ctx, "SELECT value FROM settings WHERE key = $1", key).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("setting %s: %w", key, err)
	}
	return v, nil
}

// SetSetting sets a shared setting.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	_, err := s.pool.Exec(ctx, "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", key, value)
	if err != nil {
		return fmt.Errorf("set setting %s: %w", key, err)
	}
	return nil
}
