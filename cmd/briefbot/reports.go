package main

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/index"
	"github.com/briefbot/briefbot/state/pgstore"
)

// metaReportsSeq is the index metadata key of the last change of the
// database's reports table the index applied.
const metaReportsSeq = "pg_reports_seq"

// publishSink returns a feed sink that publishes reports to the database's
// reports table; every replica's follower, this one's too, indexes them.
func publishSink(pg *pgstore.Store, log *slog.Logger) func(context.Context, []bot.Report) error {
	return func(ctx context.Context, reports []bot.Report) error {
		st, err := pg.PublishReports(ctx, reports, nil)
		if err != nil {
			return err
		}
		log.Info("feed reports published", "added", st.Added, "updated", st.Updated, "unchanged", st.Unchanged, "seq", st.LastSeq)
		return nil
	}
}

// publishReports is ingest --database: it publishes the reports of res to
// the database's reports table, saying what became of each.
func publishReports(ctx context.Context, cfg Config, e env, res *corpus.Result) error {
	pg, err := pgstore.Open(ctx, cfg.Database, pgstore.Options{})
	if err != nil {
		return err
	}
	defer pg.Close()
	start := time.Now()
	reports := res.Reports
	st, err := pg.PublishReports(ctx, reports, func(done int, outcomes []pgstore.Outcome) {
		first := done - len(outcomes)
		for i, o := range outcomes {
			fmt.Fprintf(e.stdout, "%-9s %s (%s)\n", o, reports[first+i].ID, reports[first+i].Origin)
		}
	})
	if err != nil {
		return fmt.Errorf("publish to %s: %w", pgstore.Redact(cfg.Database), err)
	}
	fmt.Fprintf(e.stdout, "published to %s: %d added, %d updated, %d unchanged in %s; %d files refused; the replicas index them\n",
		pgstore.Redact(cfg.Database), st.Added, st.Updated, st.Unchanged, time.Since(start).Round(time.Millisecond), res.Errors())
	if res.Errors() > 0 {
		return errReported
	}
	return nil
}

// openReplicaIndex opens (or creates) the index of a replica on a
// database. The default corpus goes to the database's reports table, when
// this binary's version of it is not there yet, instead of straight into
// the index: every replica then indexes it from the table, with the time
// it entered the table, so that all replicas compose the same digests.
func openReplicaIndex(ctx context.Context, cfg Config, e env, pg *pgstore.Store) (*index.Index, error) {
	x, _, err := index.OpenOrCreate(cfg.DataDir, indexOptions(cfg))
	if err != nil {
		return nil, err
	}
	if err := publishDefault(ctx, pg, e); err != nil {
		x.Close()
		return nil, err
	}
	return x, nil
}

// settingDefault is the shared setting of the default corpus's version in
// the reports table.
const settingDefault = "default_corpus"

// publishDefault publishes the default corpus to the reports table unless
// the table already has this version of it.
func publishDefault(ctx context.Context, pg *pgstore.Store, e env) error {
	have, err := pg.Setting(ctx, settingDefault)
	if err != nil || have == defaultVersion() {
		return err
	}
	res, err := corpus.Default()
	if err != nil {
		return err
	}
	st, err := pg.PublishReports(ctx, res.Reports, nil)
	if err != nil {
		return fmt.Errorf("publish the default corpus: %w", err)
	}
	fmt.Fprintf(e.stderr, "Published the default corpus to the database (%d added, %d updated, %d unchanged)\n", st.Added, st.Updated, st.Unchanged)
	return pg.SetSetting(ctx, settingDefault, defaultVersion())
}

// followReports adds the part that keeps the index in step with the
// reports table, from the last change the index applied.
func (s *Server) followReports() error {
	applied, err := appliedSeq(s.x)
	if err != nil {
		return err
	}
	s.reports = s.pg.Follow(pgstore.FollowerOptions{Apply: applyReports(s.x, s.log, s.met), Applied: applied,
		Save:   func(seq int64) error { return s.x.SetMeta(metaReportsSeq, strconv.FormatInt(seq, 10)) },
		Logger: s.log, OnError: s.met.onDatabaseError})
	s.met.watchReports(s.reports)
	s.parts = append(s.parts, part{name: "reports", run: func(ctx context.Context, _ bot.Handler) error { return s.reports.Run(ctx) },
		ready: closed(s.reports.CaughtUp())})
	return nil
}

// appliedSeq reads the last change of the reports table x applied.
func appliedSeq(x *index.Index) (int64, error) {
	v, err := x.Meta(metaReportsSeq)
	if err != nil || v == "" {
		return 0, err
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("index metadata %s: %q is not a number", metaReportsSeq, v)
	}
	return n, nil
}

// applyReports returns a Follower's Apply: reports added or replaced are
// ingested with the time they entered the table (so every replica's
// digests see them in the same window), deleted ones removed. A batch of
// changes has one entry per report, so their order does not matter.
func applyReports(x *index.Index, log *slog.Logger, met *metrics) func(context.Context, []pgstore.ReportChange) error {
	return func(ctx context.Context, changes []pgstore.ReportChange) error {
		var put []bot.Report
		var gone []string
		at := map[string]time.Time{}
		for _, c := range changes {
			if c.Deleted {
				gone = append(gone, c.ID)
				continue
			}
			put = append(put, c.Report)
			at[c.ID] = c.Published
		}
		if len(gone) > 0 {
			n, err := x.Delete(ctx, gone)
			if err != nil {
				return err
			}
			log.Info("reports deleted from the index", "deleted", n)
		}
		if len(put) == 0 {
			return nil
		}
		st, err := x.IngestAt(ctx, put, at, nil)
		met.onIngest(st, err)
		if err != nil {
			return err
		}
		for _, c := range st.Cuts {
			log.Warn("report over budget, indexed in part", "report", c.ReportID, "origin", c.Origin, "cut", c.String())
		}
		log.Info("reports indexed from the database", "added", st.Added, "updated", st.Updated, "merged", st.Merged,
			"unchanged", st.Unchanged, "seq", changes[len(changes)-1].Seq)
		return nil
	}
}
