package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/briefbot/briefbot/adapters/console"
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/corpus/extract"
	"github.com/briefbot/briefbot/index"
)

// common are the flags every data command takes.
type common struct {
	data, config string
	database     *string // nil for commands without --database
}

// registerDatabase adds --database, for the commands that can use one.
func (c *common) registerDatabase(fs *flag.FlagSet) {
	c.database = fs.String("database", "", "PostgreSQL URL of the shared state (default $BRIEFBOT_DATABASE_URL, else the config's database, else none: state.db in the data folder)")
}

func (c *common) register(fs *flag.FlagSet) {
	fs.StringVar(&c.data, "data", "", "data folder (default $BRIEFBOT_DATA, else ./briefbot-data)")
	fs.StringVar(&c.config, "config", "", "YAML config file")
}

// load returns the config with the data folder resolved: flag, then
// $BRIEFBOT_DATA, then the config file, then the default.
func (c *common) load(e env) (Config, error) {
	cfg := DefaultConfig()
	if c.config != "" {
		var err error
		if cfg, err = LoadConfig(c.config); err != nil {
			return cfg, err
		}
	}
	switch {
	case c.data != "":
		cfg.DataDir = c.data
	case e.getenv("BRIEFBOT_DATA") != "":
		cfg.DataDir = e.getenv("BRIEFBOT_DATA")
	}
	if c.database != nil {
		switch {
		case *c.database != "":
			cfg.Database = *c.database
		case e.getenv("BRIEFBOT_DATABASE_URL") != "":
			cfg.Database = e.getenv("BRIEFBOT_DATABASE_URL")
		}
		if err := checkDatabaseURL(cfg.Database); err != nil {
			return cfg, usageError{"--database: " + err.Error()}
		}
	}
	return cfg, nil
}

func newFlagSet(name string, e env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	return fs
}

// parseNoArgs parses flags for a command that takes no other arguments.
func parseNoArgs(fs *flag.FlagSet, args []string) error {
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fs.Usage()
		return usageError{fmt.Sprintf("unexpected argument %q", rest[0])}
	}
	return nil
}

// parseInterspersed parses flags wherever they stand among the arguments, so
// `ask who supplies Kazakhstan --json` works. After "--" everything is an
// argument.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsageReported // the flag package printed the error and the usage
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// openReading loads the config and opens the index for a command that
// reads it (ask, chat, chart, digest), building it from the default corpus
// when the data folder has none. The caller closes the index.
func (c *common) openReading(ctx context.Context, e env) (Config, *index.Index, error) {
	cfg, err := c.load(e)
	if err != nil {
		return cfg, nil, err
	}
	x, err := openIndex(ctx, cfg, e, true)
	return cfg, x, err
}

// openIndex opens the data folder's index. When there is none and
// buildDefault is set, it builds one from the default corpus first; an index
// built that way is brought up to date when this binary's default corpus
// (or extractor) differs from the one it was built with.
func openIndex(ctx context.Context, cfg Config, e env, buildDefault bool) (*index.Index, error) {
	opts := indexOptions(cfg)
	x, err := index.Open(cfg.DataDir, opts)
	switch {
	case err == nil:
		if buildDefault {
			if err := refreshDefault(ctx, x, e, cfg.DataDir); err != nil {
				x.Close()
				return nil, err
			}
		}
		return x, nil
	case !errors.Is(err, index.ErrNoIndex) || !buildDefault:
		return nil, err
	}
	if x, err = index.Create(cfg.DataDir, opts); err != nil {
		return nil, err
	}
	if err := ingestDefault(ctx, x, e, fmt.Sprintf("No index in %s yet: building it from the default corpus", cfg.DataDir)); err != nil {
		x.Close()
		return nil, err
	}
	return x, nil
}

// metaDefault records the version of the default corpus an index holds.
const metaDefault = "default_corpus"

func refreshDefault(ctx context.Context, x *index.Index, e env, dataDir string) error {
	have, err := x.Meta(metaDefault)
	if err != nil || have == "" || have == defaultVersion() {
		return err // not built from the default corpus, or up to date
	}
	return ingestDefault(ctx, x, e, fmt.Sprintf("The default corpus in %s is out of date: updating it", dataDir))
}

func ingestDefault(ctx context.Context, x *index.Index, e env, msg string) error {
	res, err := corpus.Default()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%s (%d reports)...\n", msg, len(res.Reports))
	if _, err := x.Ingest(ctx, res.Reports, nil); err != nil {
		return fmt.Errorf("ingest default corpus: %w", err)
	}
	return x.SetMeta(metaDefault, defaultVersion())
}

// defaultVersion identifies the embedded default corpus and the relation
// extractor's rules.
func defaultVersion() string {
	return corpus.DefaultVersion() + "/" + relationsVersion
}

// relationsVersion names the relation extractor's rules; see index.Options.
const relationsVersion = extract.Version

// extractor reads supply relations from every report ingested.
var extractor = extract.New()

func indexOptions(cfg Config) index.Options {
	return index.Options{BatchSize: cfg.Ingest.BatchSize, RelationsWithin: extractor.ReportWithin, RelationsVersion: relationsVersion,
		MergeStories: cfg.Ingest.MergeStories}
}

// newBot returns the Bot of cfg over x.
func newBot(x *index.Index, cfg Config) *bot.Bot {
	return bot.New(x, bot.Options{MaxCitations: cfg.Answer.MaxCitations, MaxQuestionLen: cfg.Answer.MaxQuestionLength})
}

// newRouter returns a Router for the terminal (ask, chat).
func newRouter(x *index.Index, cfg Config, e env) *bot.Router {
	return bot.NewRouter(newBot(x, cfg), bot.RouterOptions{Logger: newLogger(cfg, e), DrawChart: drawChart})
}

func cmdAsk(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("ask", e)
	var c common
	c.register(fs)
	asJSON := fs.Bool("json", false, "print the answer as JSON")
	from := fs.String("from", "", "only reports published on or after this date (YYYY-MM-DD)")
	to := fs.String("to", "", "only reports published on or before this date (YYYY-MM-DD)")
	source := fs.String("source", "", "only one type of source: reports or sipri")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: briefbot ask [--data DIR] [--json] [--from DATE] [--to DATE] [--source reports|sipri] QUESTION...\n\nExample: briefbot ask Who supplies Kazakhstan with drones?")
		fs.PrintDefaults()
	}
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	question := strings.TrimSpace(strings.Join(words, " "))
	if question == "" {
		fs.Usage()
		return usageError{"no question given"}
	}
	var f bot.Filter
	if f.From, err = corpus.ParseDate(*from); err != nil {
		return usageError{"--from: " + err.Error()}
	}
	if f.To, err = corpus.ParseDate(*to); err != nil {
		return usageError{"--to: " + err.Error()}
	}
	switch *source {
	case "", bot.SourceReports, bot.SourceSIPRI:
		f.SourceType = *source
	default:
		return usageError{fmt.Sprintf("--source: %q is not reports or sipri", *source)}
	}
	cfg, x, err := c.openReading(ctx, e)
	if err != nil {
		return err
	}
	defer x.Close()
	reply := newRouter(x, cfg, e).Handle(ctx, bot.Message{Text: question, User: "cli", Channel: "cli", Platform: bot.Console, Filter: f})
	if reply.IsError {
		fmt.Fprintln(e.stderr, reply.Text)
		return errReported
	}
	if *asJSON {
		return writeJSON(e.stdout, reply)
	}
	style := console.Plain
	if e.stdoutTTY {
		style = console.ANSI
	}
	_, err = fmt.Fprint(e.stdout, console.Render(reply, style))
	return err
}

// writeJSON prints the answer contract; help text becomes an answer with
// no citations.
func writeJSON(w io.Writer, r bot.Reply) error {
	a := r.Answer
	if a == nil {
		a = &bot.Answer{Text: r.Text, Relations: []bot.RelationLine{}, Citations: []bot.Citation{}}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(a)
}

func cmdChat(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("chat", e)
	var c common
	c.register(fs)
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	cfg, x, err := c.openReading(ctx, e)
	if err != nil {
		return err
	}
	defer x.Close()
	fmt.Fprintln(e.stdout, "briefbot: ask about arms transfers. Type help for commands, quit to leave.")
	style := console.Plain
	if e.stdoutTTY {
		style = console.ANSI
	}
	a := &console.Adapter{In: e.stdin, Out: e.stdout, Prompt: "> ", Style: style}
	return a.Run(ctx, newRouter(x, cfg, e))
}

func cmdIngest(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("ingest", e)
	var c common
	c.register(fs)
	c.registerDatabase(fs)
	withDefault := fs.Bool("default-corpus", false, "also ingest the embedded default corpus")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: briefbot ingest [--data DIR] [--database URL] [--default-corpus] PATH|URL...\n\nPATH is a file or a folder (read recursively) of .md, .txt, .html, .jsonl or .pdf reports, or SIPRI .csv exports.\nURL is a web page or PDF (one report) or an RSS or Atom feed (a report per item, each item's article fetched).\nWith --database (or BRIEFBOT_DATABASE_URL) the reports go to the database's reports table, and every\nserve replica on it indexes them; the data folder is not touched.")
		fs.PrintDefaults()
	}
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 && !*withDefault {
		fs.Usage()
		return usageError{"no files or folders given"}
	}
	cfg, err := c.load(e)
	if err != nil {
		return err
	}
	maxSize, _ := cfg.MaxFileBytes() // validated with the config
	var files, urls []string
	for _, p := range paths {
		if isURL(p) {
			urls = append(urls, p)
		} else {
			files = append(files, p)
		}
	}
	res, err := corpus.Loader{MaxFileSize: maxSize}.LoadPathsContext(ctx, files...)
	if err != nil {
		return err // interrupted
	}
	fetcher := newFetcher(cfg)
	for _, u := range urls {
		reports, err := fetchURL(ctx, fetcher, u, e.stderr)
		if err != nil {
			res.Problems = append(res.Problems, corpus.Problem{Severity: corpus.Error, Path: u, Err: err})
			continue
		}
		res.Reports = append(res.Reports, reports...)
	}
	if *withDefault {
		def, err := corpus.Default()
		if err != nil {
			return err
		}
		mine := map[string]bool{}
		for _, r := range res.Reports {
			mine[r.ID] = true
		}
		for _, r := range def.Reports {
			if !mine[r.ID] { // the user's own report of the same ID wins
				res.Reports = append(res.Reports, r)
			}
		}
	}
	for _, p := range res.Problems {
		word := "skipped"
		if p.Severity == corpus.Warning {
			word = "warning"
		}
		fmt.Fprintf(e.stderr, "%s: %v\n", word, p)
	}
	if cfg.Database != "" {
		return publishReports(ctx, cfg, e, res)
	}
	x, created, err := index.OpenOrCreate(cfg.DataDir, indexOptions(cfg))
	if err != nil {
		return err
	}
	defer x.Close()
	var bar *progressBar
	if e.stderrTTY && len(res.Reports) > 0 {
		bar = newProgressBar(e.stderr, len(res.Reports))
	}
	start := time.Now()
	reports := res.Reports
	st, err := x.Ingest(ctx, reports, func(done int, outcomes []index.Outcome) {
		first := done - len(outcomes)
		for i, o := range outcomes {
			r := reports[first+i]
			if bar != nil {
				bar.clear()
			}
			fmt.Fprintf(e.stdout, "%-9s %s (%s)\n", o, r.ID, r.Origin)
		}
		if bar != nil {
			bar.set(done)
		}
	})
	if bar != nil {
		bar.finish()
	}
	if err != nil {
		return fmt.Errorf("ingest into %s: %w", cfg.DataDir, err)
	}
	if *withDefault {
		if err := x.SetMeta(metaDefault, defaultVersion()); err != nil {
			return err
		}
	}
	for _, c := range st.Cuts {
		fmt.Fprintf(e.stdout, "%-9s %s (%s): %s\n", "cut", c.ReportID, c.Origin, c)
	}
	verb := "updated"
	if created {
		verb = "created"
	}
	merged := ""
	if st.Merged > 0 {
		merged = fmt.Sprintf(", %d merged into stories already indexed", st.Merged)
	}
	cut := ""
	if len(st.Cuts) > 0 {
		cut = fmt.Sprintf(", %d cut to the budget per report", len(st.Cuts))
	}
	fmt.Fprintf(e.stdout, "%s index in %s: %d added, %d updated, %d unchanged%s%s (%d passages) in %s; %d files refused\n",
		verb, cfg.DataDir, st.Added, st.Updated, st.Unchanged, merged, cut, st.Passages, time.Since(start).Round(time.Millisecond), res.Errors())
	if res.Errors() > 0 {
		return errReported
	}
	return nil
}
