package bot

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// FeedInfo is one feed the bot polls, for listing sources.
type FeedInfo struct {
	URL        string
	Title      string // "" until it was read once
	Schedule   string // cron spec; "" means the default interval
	FromConfig bool   // declared in the config file (chat cannot remove it)
	LastFetch  time.Time
	LastStatus string // "ok: 3 new", "not modified", "error: …"
	Failures   int    // consecutive failures
	NextTry    time.Time
}

// FeedManager adds, removes and lists the feeds the bot polls.
type FeedManager interface {
	Feeds(ctx context.Context) ([]FeedInfo, error)
	// AddFeed checks that url is a feed and starts polling it; by names
	// who asked ("slack:U123"). A URL that is no feed, or cannot be
	// fetched, is an *Error saying so.
	AddFeed(ctx context.Context, url, by string) (FeedInfo, error)
	// RemoveFeed stops polling url; false when it was not polled.
	RemoveFeed(ctx context.Context, url string) (bool, error)
}

// sourcesList answers "sources": what the index holds, and the feeds.
func (r *Router) sourcesList(ctx context.Context, _ call) (*Answer, string, error) {
	text, err := r.SourcesText(ctx)
	return nil, text, err
}

// feedsHere returns an *Error when feeds cannot be changed here.
func (r *Router) feedsHere(Message) error {
	if r.opts.Feeds == nil {
		return Errorf(EInvalid, "Feeds cannot be changed here: run `briefbot serve`, or list them under `feeds` in the config file.")
	}
	return nil
}

// sourcesAdd answers "sources add URL" (admins only: see the registry).
func (r *Router) sourcesAdd(ctx context.Context, c call) (*Answer, string, error) {
	f, err := r.opts.Feeds.AddFeed(ctx, c.args, string(c.m.Platform)+":"+c.m.User)
	if err != nil {
		return nil, "", err
	}
	name := f.URL
	if f.Title != "" {
		name = f.Title + " (" + f.URL + ")"
	}
	return nil, "Added " + name + ". I poll it " + scheduleWords(f.Schedule) + "; new articles go into my index as they come.", nil
}

// sourcesRemove answers "sources remove URL" (admins only: see the
// registry).
func (r *Router) sourcesRemove(ctx context.Context, c call) (*Answer, string, error) {
	ok, err := r.opts.Feeds.RemoveFeed(ctx, c.args)
	switch {
	case err != nil:
		return nil, "", err
	case !ok:
		return nil, "", Errorf(ENotFound, "I do not poll %s (feeds from the config file are removed there).", c.args)
	}
	return nil, "Removed " + c.args + ". Reports already read from it stay in the index.", nil
}

func scheduleWords(spec string) string {
	if spec == "" {
		return "every 15 minutes"
	}
	return "on cron schedule " + spec + " (UTC)"
}

// SourcesText tells what the index holds and how each feed is doing: the
// reply to "sources".
func (r *Router) SourcesText(ctx context.Context) (string, error) {
	var b strings.Builder
	if r.opts.Sources != nil {
		text, err := r.opts.Sources(ctx)
		if err != nil {
			return "", err
		}
		b.WriteString(text)
	}
	if r.opts.Feeds == nil {
		if b.Len() == 0 {
			return "I answer from the reports in my index, and poll no feeds.", nil
		}
		return b.String(), nil
	}
	feeds, err := r.opts.Feeds.Feeds(ctx)
	if err != nil {
		return "", err
	}
	if b.Len() > 0 {
		b.WriteString("\n\n")
	}
	if len(feeds) == 0 {
		b.WriteString("I poll no feeds. An admin can add one with `sources add URL`.")
		return b.String(), nil
	}
	fmt.Fprintf(&b, "Feeds I poll (%d):", len(feeds))
	for _, f := range feeds {
		name := f.URL
		if f.Title != "" {
			name = f.Title + " — " + f.URL
		}
		b.WriteString("\n- " + name)
		switch {
		case f.LastFetch.IsZero():
			b.WriteString(": not fetched yet")
		default:
			fmt.Fprintf(&b, ": last fetch %s UTC, %s", f.LastFetch.UTC().Format("2006-01-02 15:04"), f.LastStatus)
		}
		if f.Failures > 0 && !f.NextTry.IsZero() {
			fmt.Fprintf(&b, " (%d failures in a row; next try %s UTC)", f.Failures, f.NextTry.UTC().Format("2006-01-02 15:04"))
		}
		if f.FromConfig {
			b.WriteString(" [config]")
		}
	}
	return b.String(), nil
}
