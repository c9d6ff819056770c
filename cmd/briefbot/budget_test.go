package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/adapters/adaptertest"
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/index"
	"github.com/briefbot/briefbot/state"
)

// TestFeedArticleWithinBudget polls a feed whose one article is a 2 MB page
// of transfer sentences (20,000 paragraphs) while questions are answered: the
// article is indexed up to the budget per report, the cut is logged, and
// answers keep coming.
func TestFeedArticleWithinBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("serves and ingests a 2 MB page")
	}
	const para = "<p>Turkey sold drones to Uzbekistan in 2021 and delivered Bayraktar TB2 aircraft to Tashkent.</p>\n"
	page := "<!doctype html><html><head><title>Drone deals</title></head><body><article><h1>Drone deals</h1>\n" +
		strings.Repeat(para, 2_000_000/len(para)) + "</article></body></html>"
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			rw.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(rw, `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title><link>%[1]s</link>`+
				`<item><title>Drone deals</title><link>%[1]s/deals</link><pubDate>Mon, 16 Mar 2026 09:00:00 GMT</pubDate></item></channel></rss>`, srv.URL)
			return
		}
		rw.Header().Set("Content-Type", "text/html")
		fmt.Fprint(rw, page)
	}))
	defer srv.Close()

	cfg := DefaultConfig()
	cfg.DataDir = t.TempDir()
	cfg.Log.Level, cfg.Log.Format = "warn", "text"
	cfg.FeedFetch.AllowPrivate = true // the outlet is on loopback
	cfg.Feeds = []FeedConf{{URL: srv.URL + "/feed.xml"}}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	x, err := index.Create(cfg.DataDir, indexOptions(cfg))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	ctx := context.Background()
	if _, err := x.Ingest(ctx, []bot.Report{{ID: "radars", Title: "Radars", Body: "Belarus handed over two radars to Tajikistan in 2020."}}, nil); err != nil {
		t.Fatal(err)
	}
	st, err := state.Open(cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	logs := &adaptertest.LockedBuffer{}
	e := env2(nil, nil, nil, logs)
	m, err := newFeedManager(cfg, st, indexSink(x, newLogger(cfg, e), nil), newLogger(cfg, e), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := newRouter(x, cfg, e)

	answered := make(chan int)
	stop := make(chan struct{})
	go func() {
		n := 0
		defer func() { answered <- n }()
		for {
			select {
			case <-stop:
				return
			default:
			}
			rep := r.Handle(ctx, bot.Message{Platform: bot.Console, Text: "who supplies Tajikistan?"})
			if rep.Answer == nil || !strings.Contains(rep.Answer.Text, "Belarus") {
				t.Errorf("answer while polling: %+v", rep)
				return
			}
			n++
		}
	}()
	for _, res := range m.Poller().PollAll(ctx) {
		if res.Err != nil || res.New != 1 {
			t.Errorf("poll %s: %+v", res.Feed, res)
		}
	}
	close(stop)
	if n := <-answered; n == 0 {
		t.Error("no question answered while the feed was polled")
	}
	c, err := x.Counts()
	if err != nil {
		t.Fatal(err)
	}
	if c.Reports != 2 || c.Passages > index.DefaultMaxPassages+1 || c.Relations > index.DefaultMaxRelations+1 {
		t.Errorf("index holds %+v, want the article within the budget (%d passages, %d relations) beside the radars",
			c, index.DefaultMaxPassages, index.DefaultMaxRelations)
	}
	if !strings.Contains(logs.String(), "feed article over budget") || !strings.Contains(logs.String(), "budget: 5000 passages per report") {
		t.Errorf("the cut is not logged:\n%s", logs.String())
	}
}

// TestIngestSaysWhatWasCut ingests a 10 MB report of transfer sentences:
// it is indexed up to the budget and ingest says what was cut and why.
func TestIngestSaysWhatWasCut(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a 10 MB report")
	}
	const line = "Turkey sold drones to Uzbekistan in 2021 and delivered Bayraktar TB2 aircraft to Tashkent.\n"
	dir := t.TempDir()
	p := filepath.Join(dir, "worst.md")
	if err := os.WriteFile(p, []byte("# Worst case\n\n"+strings.Repeat(line, 9_900_000/len(line))), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(t.TempDir(), "data")
	res := briefbot(t, "", nil, "ingest", "--data", data, p)
	if res.code != 0 {
		t.Fatalf("exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	for _, want := range []string{
		"cut       worst (" + p + "): indexed the first 5000 of",
		"relations read from the first",
		"(budget: 1000 relations per report)",
		"1 added, 0 updated, 0 unchanged, 1 cut to the budget per report (5000 passages)",
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("ingest output lacks %q:\n%s", want, res.stdout)
		}
	}
	if s := statsOf(t, data); s.Passages != 5000 || s.Relations > 1000 {
		t.Errorf("index holds %d passages and %d relations, want 5000 and at most 1000", s.Passages, s.Relations)
	}
}
