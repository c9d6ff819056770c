package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/briefbot/briefbot/adapters/console"
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/chart"
)

const chartUsage = `Usage: briefbot chart [--data DIR] [--out FILE.png] [--since YEAR] [--until YEAR] [--top N] [--json] suppliers|recipients COUNTRY...

Draws deliveries per year as stacked bars: "suppliers X" by supplier to the
country or region X, "recipients X" by recipient of X's exports. The values
are SIPRI TIV delivered when SIPRI register rows match, else the number of
confirmed delivered deals. --json prints the table behind the chart (years,
series, and rows of year, supplier, recipient, value and citations).

Example: briefbot chart --out kazakhstan.png suppliers Kazakhstan --since 2010`

func cmdChart(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("chart", e)
	var c common
	c.register(fs)
	out := fs.String("out", "", "write the chart as a PNG to this file")
	asJSON := fs.Bool("json", false, "print the table behind the chart as JSON")
	since := fs.Int("since", 0, "first year (default: the first year on record)")
	until := fs.Int("until", 0, "last year (default: the last year on record)")
	top := fs.Int("top", 0, "counterparties with their own colour, the rest are others (default 6, at most 10)")
	width := fs.Int("width", 0, "picture width in pixels (default 1200)")
	height := fs.Int("height", 0, "picture height in pixels (default 700)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), chartUsage)
		fs.PrintDefaults()
	}
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	req, err := chartRequest(words, *since, *until, *top)
	if err != nil {
		fs.Usage()
		return err
	}
	if *out == "" && !*asJSON {
		fs.Usage()
		return usageError{"give --out FILE.png, --json, or both"}
	}
	cfg, x, err := c.openReading(ctx, e)
	if err != nil {
		return err
	}
	defer x.Close()
	ans, err := newBot(x, cfg).Chart(ctx, req, bot.Filter{})
	if err != nil {
		fmt.Fprintln(e.stderr, bot.ErrorMessage(err))
		if bot.ErrorCode(err) == bot.EInternal {
			return err
		}
		return errReported
	}
	if *out != "" {
		if err := writeChart(ans.Chart, *out, chart.Options{Width: *width, Height: *height}); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "Chart written to %s\n", *out)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(ans.Chart)
	}
	_, err = fmt.Fprint(e.stdout, console.Render(bot.Reply{Answer: ans}, console.Plain))
	return err
}

// chartRequest reads "suppliers|recipients COUNTRY..." and the year flags.
func chartRequest(words []string, since, until, top int) (bot.ChartRequest, error) {
	if len(words) < 2 {
		return bot.ChartRequest{}, usageError{"give suppliers or recipients, then a country or region"}
	}
	by := strings.ToLower(words[0])
	if by != bot.ChartSuppliers && by != bot.ChartRecipients {
		return bot.ChartRequest{}, usageError{fmt.Sprintf("%q is not suppliers or recipients", words[0])}
	}
	req, err := bot.ParseChartRequest(by, strings.Join(words[1:], " "))
	if err != nil {
		return req, usageError{bot.ErrorMessage(err)}
	}
	if since != 0 {
		req.Since = since
	}
	if until != 0 {
		req.Until = until
	}
	if top < 0 || top > 10 {
		return req, usageError{fmt.Sprintf("--top %d is not between 1 and 10", top)}
	}
	req.Top = top
	return req, nil
}

// writeChart draws t and writes the PNG to path.
func writeChart(t *bot.ChartTable, path string, opts chart.Options) error {
	att, err := chart.Draw(t, opts)
	if err != nil {
		return usageError{err.Error()}
	}
	if err := os.WriteFile(path, att.Data, 0o644); err != nil {
		return fmt.Errorf("write chart: %w", err)
	}
	return nil
}

// drawChart draws the picture of a chart answer at the default size.
func drawChart(t *bot.ChartTable) (bot.Attachment, error) { return chart.Draw(t, chart.Options{}) }
