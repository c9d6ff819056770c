package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/briefbot/briefbot/bot"
)

// ErrNoIndex means the data folder holds no index yet.
var ErrNoIndex = errors.New("no index in data folder")

// ErrInUse means another process has the data folder open.
var ErrInUse = errors.New("data folder is in use by another briefbot process")

// ErrDamaged means the data folder holds something that cannot be opened as
// an index of this version. The message of an error wrapping it says how to
// rebuild.
var ErrDamaged = errors.New("index is damaged or was built by another version")

// Options tune an Index. The zero value means sensible defaults.
type Options struct {
	// LockTimeout is how long Open waits for another process to release the
	// data folder; 0 means one second.
	LockTimeout time.Duration
	// BatchSize is how many reports go into one index batch; 0 means 100.
	BatchSize int
	// Relations extracts the supply relations of a report when it is
	// ingested; nil means reports get none. Evidence.ReportID is set by
	// the index.
	Relations func(bot.Report) []bot.Relation
	// RelationsWithin, when not nil, is used instead of Relations: it
	// extracts a report's relations within limits (see Budget), skipping
	// sentences longer than maxSentence bytes, stopping before more than
	// maxRelations relations or when ctx is done, and says how many
	// sentences it skipped and the offset in r.Body where it stopped
	// (len(r.Body) when it read all). extract.Extractor.ReportWithin is one.
	RelationsWithin func(ctx context.Context, r bot.Report, maxSentence, maxRelations int) (rels []bot.Relation, long, readTo int)
	// Budget bounds the work of one report; the zero value means the
	// defaults (see Budget).
	Budget Budget
	// Now gives the time recorded as a report's ingest time; nil means
	// time.Now.
	Now func() time.Time
	// RelationsVersion names the extractor's rules; when it changes,
	// re-ingesting a report extracts its relations again even if the
	// report itself is unchanged.
	RelationsVersion string
	// MergeStories recognises copies of one story from several outlets
	// (near-duplicate prose reports, see corpus/dedupe) when they are
	// ingested: the first copy is indexed, later ones are kept only as
	// more sources of it (answers cite the story once, with every source).
	// Reports of other source types (SIPRI) are never merged.
	MergeStories bool
	// StoryWindow is how far apart two copies' published dates may be;
	// 0 means 30 days. Copies without a date are compared with any.
	StoryWindow time.Duration
}

func (o Options) withDefaults() Options {
	if o.LockTimeout <= 0 {
		o.LockTimeout = time.Second
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 100
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	o.Budget = o.Budget.withDefaults()
	if o.StoryWindow <= 0 {
		o.StoryWindow = 30 * 24 * time.Hour
	}
	return o
}

// Index is a Bleve index of reports and passages. It is safe for concurrent
// use; Close it when done.
type Index struct {
	b    bleve.Index
	path string
	opts Options

	// ingesting makes ingests take turns: a report compared with the index
	// for story merging must see every report ingested before it.
	ingesting sync.Mutex

	closeOnce sync.Once
	closeErr  error
}

// Path returns where the Bleve index lives for a data folder.
func Path(dataDir string) string { return filepath.Join(dataDir, "index") }

// Exists reports whether dataDir holds an index (which may still be damaged).
func Exists(dataDir string) bool {
	_, err := os.Stat(filepath.Join(Path(dataDir), "index_meta.json"))
	return err == nil
}

// Open opens the index in dataDir. It returns an error wrapping ErrNoIndex
// when there is none, ErrInUse when another process holds it, and ErrDamaged
// when it cannot be read.
func Open(dataDir string, opts Options) (*Index, error) {
	opts = opts.withDefaults()
	p := Path(dataDir)
	if !Exists(dataDir) {
		if entries, err := os.ReadDir(p); err == nil && len(entries) > 0 {
			return nil, damaged(dataDir, errors.New("index_meta.json is missing"))
		}
		return nil, fmt.Errorf("open index %s: %w", dataDir, ErrNoIndex)
	}
	b, err := bleve.OpenUsing(p, runtimeConfig(opts))
	if err != nil {
		return nil, openError(dataDir, err)
	}
	x := &Index{b: b, path: p, opts: opts}
	v, err := b.GetInternal([]byte("briefbot_schema"))
	if err != nil || string(v) != schemaVersion {
		_ = b.Close()
		if err == nil {
			err = fmt.Errorf("schema version %q, want %q", v, schemaVersion)
		}
		return nil, damaged(dataDir, err)
	}
	return x, nil
}

// Create makes a new, empty index in dataDir, creating the folder as needed.
// It fails if an index is already there.
func Create(dataDir string, opts Options) (*Index, error) {
	opts = opts.withDefaults()
	p := Path(dataDir)
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, fmt.Errorf("create data folder %s: %w", dataDir, err)
	}
	b, err := bleve.NewUsing(p, newMapping(), scorch.Name, scorch.Name, runtimeConfig(opts))
	if err != nil {
		return nil, openError(dataDir, err)
	}
	if err := b.SetInternal([]byte("briefbot_schema"), []byte(schemaVersion)); err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("create index %s: %w", dataDir, err)
	}
	return &Index{b: b, path: p, opts: opts}, nil
}

// OpenOrCreate opens the index in dataDir, or creates an empty one when there
// is none; created reports which happened.
func OpenOrCreate(dataDir string, opts Options) (x *Index, created bool, err error) {
	x, err = Open(dataDir, opts)
	if errors.Is(err, ErrNoIndex) {
		x, err = Create(dataDir, opts)
		return x, err == nil, err
	}
	return x, false, err
}

// Close releases the index and its lock on the data folder. Closing twice is
// harmless (Bleve itself panics on it).
func (x *Index) Close() error {
	x.closeOnce.Do(func() {
		if err := x.b.Close(); err != nil {
			x.closeErr = fmt.Errorf("close index %s: %w", x.path, err)
		}
	})
	return x.closeErr
}

func runtimeConfig(o Options) map[string]any {
	return map[string]any{"bolt_timeout": o.LockTimeout.String()}
}

func openError(dataDir string, err error) error {
	if errors.Is(err, bolterrors.ErrTimeout) {
		return fmt.Errorf("open index %s: %w (stop the other process, or use another --data folder)", dataDir, ErrInUse)
	}
	return damaged(dataDir, err)
}

func damaged(dataDir string, err error) error {
	return fmt.Errorf("open index %s: %w: %w; delete the folder and run `briefbot ingest --data %s PATH...` again (or `briefbot ask --data %s ...` to rebuild it from the default corpus)",
		dataDir, ErrDamaged, err, dataDir, dataDir)
}

// Meta returns a value stored with SetMeta, or "" when there is none.
func (x *Index) Meta(key string) (string, error) {
	v, err := x.b.GetInternal([]byte("meta:" + key))
	if err != nil {
		return "", fmt.Errorf("read index meta %s: %w", key, err)
	}
	return string(v), nil
}

// SetMeta stores a small value with the index (which default corpus it was
// built from, for example).
func (x *Index) SetMeta(key, value string) error {
	if err := x.b.SetInternal([]byte("meta:"+key), []byte(value)); err != nil {
		return fmt.Errorf("write index meta %s: %w", key, err)
	}
	return nil
}
