package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot/adapters/console"
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/chart"
	"github.com/briefbot/briefbot/bot/gazetteer"
	"github.com/briefbot/briefbot/bot/weapons"
	"github.com/briefbot/briefbot/corpus"
)

// cmdDigest prints what changed in the index in a window: the digest a
// subscribed channel would get.
func cmdDigest(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("digest", e)
	var c common
	c.register(fs)
	since := fs.String("since", "7d", "start of the window: a duration back from now (7d, 2w, 36h) or a date (YYYY-MM-DD)")
	countries := fs.String("countries", "", "only these countries, comma-separated (names, demonyms or codes)")
	categories := fs.String("categories", "", "only these SIPRI categories or weapon words, comma-separated (drones, Air-defence systems)")
	asJSON := fs.Bool("json", false, "print the digest as JSON (the ask --json contract)")
	chartOut := fs.String("chart", "", "also write a chart of the new deliveries by recipient as a PNG to this file")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: briefbot digest [--data DIR] [--since 7d] [--countries A,B] [--categories X,Y] [--chart FILE.png] [--json]")
		fs.PrintDefaults()
	}
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	now := time.Now()
	from, err := parseSince(*since, now)
	if err != nil {
		return usageError{"--since: " + err.Error()}
	}
	q := bot.DigestQuery{From: from, Chart: *chartOut != ""} // up to the moment the digest is made
	for _, name := range splitList(*countries) {
		country, ok := gazetteer.Default().Lookup(name)
		if !ok {
			return usageError{fmt.Sprintf("--countries: %q is not a country briefbot knows", name)}
		}
		q.Countries = append(q.Countries, country.Name)
	}
	for _, word := range splitList(*categories) {
		cat, ok := weapons.CategoryOf(word)
		if !ok {
			return usageError{fmt.Sprintf("--categories: %q is not a SIPRI category or a weapon word briefbot knows", word)}
		}
		q.Categories = append(q.Categories, string(cat))
	}
	cfg, x, err := c.openReading(ctx, e)
	if err != nil {
		return err
	}
	defer x.Close()
	b := bot.New(x, bot.Options{MaxCitations: cfg.Answer.MaxCitations, MaxQuestionLen: cfg.Answer.MaxQuestionLength})
	ans, err := b.Digest(ctx, q)
	if err != nil {
		return err
	}
	if *chartOut != "" {
		if ans.Chart == nil {
			fmt.Fprintln(e.stderr, "No chart: no confirmed delivery was newly reported in the window.")
		} else if err := writeChart(ans.Chart, *chartOut, chart.Options{}); err != nil {
			return err
		} else {
			fmt.Fprintf(e.stderr, "Chart written to %s\n", *chartOut)
		}
	}
	reply := bot.Reply{Answer: ans}
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

// parseSince reads "7d", "2w", "36h" (back from now) or "2026-01-31".
func parseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := corpus.ParseDate(s); err == nil && s != "" {
		return t, nil
	}
	unit := map[byte]time.Duration{'d': 24 * time.Hour, 'w': 7 * 24 * time.Hour}
	if len(s) > 1 {
		if u, ok := unit[s[len(s)-1]]; ok {
			n, err := strconv.Atoi(s[:len(s)-1])
			if err == nil && n > 0 && n <= 36500 {
				return now.Add(-time.Duration(n) * u), nil
			}
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return now.Add(-d), nil
	}
	return time.Time{}, fmt.Errorf("%q is not a duration such as 7d, 2w or 36h, nor a date YYYY-MM-DD", s)
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}
