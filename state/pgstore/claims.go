package pgstore

import (
	"context"
	"fmt"
	"time"
)

// Claim records key as taken and reports whether this call took it: of
// the replicas claiming one key, exactly one gets true (until the claim is
// pruned). The chat adapters claim each message before answering it.
func (s *Store) Claim(ctx context.Context, key string) (bool, error) {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	tag, err := s.pool.Exec(ctx, "INSERT INTO claims (key) VALUES ($1) ON CONFLICT DO NOTHING", key)
	if err != nil {
		return false, fmt.Errorf("claim %s: %w", key, err)
	}
	return tag.RowsAffected() == 1, nil
}

// PruneClaims deletes the claims older than age, and says how many.
func (s *Store) PruneClaims(ctx context.Context, age time.Duration) (int64, error) {
	tag, err := s.pool.Exec(ctx, "DELETE FROM claims WHERE claimed < now() - make_interval(secs => $1)", age.Seconds())
	if err != nil {
		return 0, fmt.Errorf("prune claims: %w", err)
	}
	return tag.RowsAffected(), nil
}
