package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/index"
	"github.com/briefbot/briefbot/state"
	"github.com/briefbot/briefbot/state/pgstore"
)

const statsUsage = `Usage: briefbot stats [--data DIR] [--config FILE] [--database URL] [--json]

Prints what the data folder holds: reports, passages and supply relations,
in all and by source type (reports, sipri), the index's size on disk, when
a report was last ingested, the index schema version, and the digest
subscriptions and pending digest deliveries of state.db, or of the
PostgreSQL database with --database (or BRIEFBOT_DATABASE_URL, or the
config's database).

--json prints one object (fields are always present; more may be added):
  data_dir            the data folder
  schema_version      the index schema version
  reports             reports in the index
  passages            passages (quotable paragraphs) in the index
  relations           supply relations in the index
  by_source_type      {"reports": {...}, "sipri": {...}}: reports, passages
                      and relations of each source type; they sum to the
                      totals
  index_bytes         size of the index folder on disk, in bytes
  last_ingest         when a report was last added or replaced (RFC 3339,
                      UTC), or null for an empty index
  state.backend       "bbolt" (state.db in the data folder) or "postgres"
  state.status        "ok", "none" (no state.db yet), "in_use" (a running
                      briefbot has it open) or "error"
  state.error         what went wrong, with status "error" only
  state.subscriptions       digest subscriptions (0 unless status is "ok")
  state.pending_deliveries  digests begun but not yet confirmed posted
  state.database_reports    reports in the database's reports table
                            (postgres only; 0 otherwise)
  state.index_lag           changes of that table the data folder's index
                            has not applied yet (postgres only; 0 otherwise)
`

// statsJSON is the --json output of stats. Its fields are documented in
// statsUsage; keep the two in step.
type statsJSON struct {
	DataDir      string                `json:"data_dir"`
	Schema       string                `json:"schema_version"`
	Reports      int                   `json:"reports"`
	Passages     int                   `json:"passages"`
	Relations    int                   `json:"relations"`
	BySourceType map[string]countsJSON `json:"by_source_type"`
	IndexBytes   int64                 `json:"index_bytes"`
	LastIngest   *time.Time            `json:"last_ingest"`
	State        stateStatsJSON        `json:"state"`
}

type countsJSON struct {
	Reports   int `json:"reports"`
	Passages  int `json:"passages"`
	Relations int `json:"relations"`
}

type stateStatsJSON struct {
	Backend           string `json:"backend"`
	Status            string `json:"status"`
	Error             string `json:"error,omitempty"`
	Subscriptions     int    `json:"subscriptions"`
	PendingDeliveries int    `json:"pending_deliveries"`
	DatabaseReports   int    `json:"database_reports"`
	IndexLag          int64  `json:"index_lag"`
}

// State statuses.
const (
	stateOK    = "ok"
	stateNone  = "none"
	stateInUse = "in_use"
	stateError = "error"
)

func cmdStats(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("stats", e)
	var c common
	c.register(fs)
	c.registerDatabase(fs)
	asJSON := fs.Bool("json", false, "print one JSON object (fields above)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), statsUsage+"\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	cfg, err := c.load(e)
	if err != nil {
		return err
	}
	x, err := index.Open(cfg.DataDir, indexOptions(cfg))
	if errors.Is(err, index.ErrNoIndex) {
		return fmt.Errorf("no index in %s: run briefbot ingest or ask first", cfg.DataDir)
	}
	if err != nil {
		return err
	}
	st, err := x.Stats(ctx)
	applied, serr := appliedSeq(x)
	x.Close()
	if err == nil {
		err = serr
	}
	if err != nil {
		return err
	}
	out := statsJSON{DataDir: cfg.DataDir, Schema: st.Schema, Reports: st.Reports, Passages: st.Passages,
		Relations: st.Relations, IndexBytes: st.SizeBytes, State: stateStats(ctx, cfg, applied),
		BySourceType: map[string]countsJSON{bot.SourceReports: {}, bot.SourceSIPRI: {}}}
	for typ, n := range st.BySourceType {
		out.BySourceType[typ] = countsJSON(n)
	}
	if !st.LastIngest.IsZero() {
		t := st.LastIngest.UTC()
		out.LastIngest = &t
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	return writeStats(e.stdout, out)
}

// stateStats reads the counts of the state: the database's with
// cfg.Database, else state.db's, if there is one. A state that cannot be
// read is described, not an error: stats is for looking.
func stateStats(ctx context.Context, cfg Config, applied int64) stateStatsJSON {
	if cfg.Database != "" {
		return databaseStats(ctx, cfg, applied)
	}
	out := stateStatsJSON{Backend: backendBolt}
	if _, err := os.Stat(filepath.Join(cfg.DataDir, state.FileName)); errors.Is(err, os.ErrNotExist) {
		out.Status = stateNone
		return out
	}
	s, err := state.Open(cfg.DataDir)
	switch {
	case errors.Is(err, state.ErrInUse):
		out.Status = stateInUse
		return out
	case err != nil:
		out.Status, out.Error = stateError, err.Error()
		return out
	}
	defer s.Close()
	out = stateCounts(s)
	out.Backend = backendBolt
	return out
}

// databaseStats reads the counts of the state in the database, and how
// far an index that applied the table's changes up to applied lags.
func databaseStats(ctx context.Context, cfg Config, applied int64) stateStatsJSON {
	s, err := pgstore.Open(ctx, cfg.Database, pgstore.Options{})
	if err != nil {
		return stateStatsJSON{Backend: backendPostgres, Status: stateError, Error: err.Error()}
	}
	defer s.Close()
	out := stateCounts(s)
	out.Backend = backendPostgres
	if out.Status != stateOK {
		return out
	}
	last, err := s.LastReportSeq(ctx)
	if err == nil {
		out.DatabaseReports, err = s.ReportCount(ctx)
	}
	if err != nil {
		return stateStatsJSON{Backend: backendPostgres, Status: stateError, Error: err.Error()}
	}
	out.IndexLag = max(0, last-applied)
	return out
}

// State backends, as stats names them.
const (
	backendBolt     = "bbolt"
	backendPostgres = "postgres"
)

// stateCounts counts the subscriptions and pending deliveries of s.
func stateCounts(s state.Backend) stateStatsJSON {
	subs, err := s.Subscriptions()
	if err != nil {
		return stateStatsJSON{Status: stateError, Error: err.Error()}
	}
	pending, err := s.PendingDeliveries()
	if err != nil {
		return stateStatsJSON{Status: stateError, Error: err.Error()}
	}
	return stateStatsJSON{Status: stateOK, Subscriptions: len(subs), PendingDeliveries: len(pending)}
}

// writeStats prints stats as aligned "name  value" lines.
func writeStats(w io.Writer, s statsJSON) error {
	byType := func(n func(countsJSON) int) string {
		types := make([]string, 0, len(s.BySourceType))
		for typ := range s.BySourceType {
			types = append(types, typ)
		}
		sort.Strings(types)
		parts := make([]string, len(types))
		for i, typ := range types {
			parts[i] = fmt.Sprintf("%s %d", typ, n(s.BySourceType[typ]))
		}
		return "(" + strings.Join(parts, ", ") + ")"
	}
	last := "never"
	if s.LastIngest != nil {
		last = s.LastIngest.Format("2006-01-02 15:04:05 MST")
	}
	var st string
	switch s.State.Status {
	case stateOK:
		st = fmt.Sprintf("%d digest subscriptions, %d pending deliveries", s.State.Subscriptions, s.State.PendingDeliveries)
		if s.State.Backend == backendPostgres {
			st += fmt.Sprintf(" (PostgreSQL; %d reports there, the index lags %d changes behind)", s.State.DatabaseReports, s.State.IndexLag)
		}
	case stateNone:
		st = "none yet (no digest subscriptions)"
	case stateInUse:
		st = "in use by a running briefbot"
	default:
		st = "unreadable: " + s.State.Error
	}
	width := len(fmt.Sprint(max(s.Reports, s.Passages, s.Relations)))
	lines := [][2]string{
		{"data folder", s.DataDir},
		{"reports", fmt.Sprintf("%*d %s", width, s.Reports, byType(func(c countsJSON) int { return c.Reports }))},
		{"passages", fmt.Sprintf("%*d %s", width, s.Passages, byType(func(c countsJSON) int { return c.Passages }))},
		{"relations", fmt.Sprintf("%*d %s", width, s.Relations, byType(func(c countsJSON) int { return c.Relations }))},
		{"index size", byteSize(s.IndexBytes)},
		{"last ingest", last},
		{"schema", s.Schema},
		{"state", st},
	}
	for _, l := range lines {
		if _, err := fmt.Fprintf(w, "%-12s %s\n", l[0], l[1]); err != nil {
			return err
		}
	}
	return nil
}

// byteSize formats n bytes as "12.3 MB", in units of 1024 as config sizes
// are.
func byteSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "KMGTPE"[exp])
}
