package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus/feed"
)

// isURL reports whether an ingest argument is a web address, not a path.
func isURL(arg string) bool {
	return strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://")
}

// maxURLItems bounds the items read from one feed given to ingest.
const maxURLItems = 100

// fetchURL reads one web address for ingest: a feed becomes a report per
// item (each item's article fetched, or its own text when that fails), a
// page or PDF becomes one report. Problems are written to w; the error is
// for an address that gave nothing.
func fetchURL(ctx context.Context, f *feed.Fetcher, raw string, w io.Writer) ([]bot.Report, error) {
	resp, err := f.Fetch(ctx, raw, feed.Validators{})
	if err != nil {
		return nil, errors.New(feed.Problem(err))
	}
	parsed, err := feed.Parse(resp.Body, resp.FinalURL)
	if errors.Is(err, feed.ErrNotFeed) {
		host := ""
		if u, err := url.Parse(resp.FinalURL); err == nil {
			host = u.Hostname()
		}
		r, err := f.Article(ctx, feed.Item{Link: resp.FinalURL, FeedTitle: host, FeedURL: raw})
		if err != nil {
			return nil, errors.New("no article text found")
		}
		r.Published = time.Time{} // a lone page gives no date: unknown, not today
		return []bot.Report{r}, nil
	}
	if err != nil {
		return nil, errors.New(feed.Problem(err))
	}
	items := parsed.Items
	if len(items) > maxURLItems {
		items = items[:maxURLItems]
	}
	out := make([]bot.Report, len(items))
	ok := make([]bool, len(items))
	var wg sync.WaitGroup
	next := make(chan int)
	for range feed.DefaultArticleWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				r, err := f.Article(ctx, items[i])
				if err != nil {
					fmt.Fprintf(w, "skipped: %s: %v\n", items[i].Link, err)
					continue
				}
				if feed.IsExcerpt(r) {
					fmt.Fprintf(w, "warning: %s: using the feed's own text (%s)\n", items[i].Link, r.Source)
				}
				out[i], ok[i] = r, true
			}
		}()
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	var reports []bot.Report
	for i, r := range out {
		if ok[i] {
			reports = append(reports, r)
		}
	}
	return reports, nil
}
