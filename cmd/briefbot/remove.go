package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/briefbot/briefbot/index"
	"github.com/briefbot/briefbot/state/pgstore"
)

const removeUsage = `Usage: briefbot remove [--data DIR] [--database URL] ID...

Removes reports by ID, with their passages and supply relations, from the
data folder's index; with --database (or BRIEFBOT_DATABASE_URL) from the
database's reports table instead, and every serve replica on it removes
them from its index. IDs not there are named and skipped.
`

func cmdRemove(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("remove", e)
	var c common
	c.register(fs)
	c.registerDatabase(fs)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), removeUsage+"\nFlags:\n")
		fs.PrintDefaults()
	}
	ids, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		fs.Usage()
		return usageError{"no report IDs given"}
	}
	cfg, err := c.load(e)
	if err != nil {
		return err
	}
	var n int
	where := cfg.DataDir
	if cfg.Database != "" {
		where = pgstore.Redact(cfg.Database)
		pg, err := pgstore.Open(ctx, cfg.Database, pgstore.Options{})
		if err != nil {
			return err
		}
		defer pg.Close()
		n, err = pg.DeleteReports(ctx, ids)
		if err != nil {
			return err
		}
	} else {
		x, err := index.Open(cfg.DataDir, indexOptions(cfg))
		if errors.Is(err, index.ErrNoIndex) {
			return fmt.Errorf("no index in %s: nothing to remove", cfg.DataDir)
		}
		if err != nil {
			return err
		}
		defer x.Close()
		if n, err = x.Delete(ctx, ids); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, "removed %d of %d reports from %s\n", n, len(ids), where)
	if n < len(ids) {
		fmt.Fprintf(e.stderr, "briefbot remove: %d of the IDs were not there\n", len(ids)-n)
		return errReported
	}
	return nil
}
