package main

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus/feed"
	"github.com/briefbot/briefbot/index"
	"github.com/briefbot/briefbot/state"
)

// wire serves three outlets' RSS feeds on loopback. Each carries its own
// copy of one wire story (corpus/dedupe's fixtures: a re-headlined copy, a
// truncated one, a rewritten one); the first also has a different story.
type wire struct {
	srv      *httptest.Server
	requests atomic.Int64
}

func storyText(t *testing.T, name string) (title, body string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "corpus", "dedupe", "testdata", "stories", name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	title, body, _ = strings.Cut(string(raw), "\n")
	return title, body
}

func newWire(t *testing.T) *wire {
	w := &wire{}
	pages := map[string][2]string{ // path -> title, text
		"/a/tb2":  {},
		"/b/tb2":  {},
		"/c/tb2":  {},
		"/a/anka": {},
	}
	for path, name := range map[string]string{"/a/tb2": "tb2-kyrgyzstan.0", "/b/tb2": "tb2-kyrgyzstan.1",
		"/c/tb2": "tb2-kyrgyzstan.3", "/a/anka": "anka-kazakhstan.0"} {
		title, body := storyText(t, name)
		pages[path] = [2]string{title, body}
	}
	feeds := map[string][]string{"/a/feed.xml": {"/a/tb2", "/a/anka"}, "/b/feed.xml": {"/b/tb2"}, "/c/feed.xml": {"/c/tb2"}}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(rw http.ResponseWriter, r *http.Request) {
		w.requests.Add(1)
		if items, ok := feeds[r.URL.Path]; ok {
			outlet := strings.ToUpper(r.URL.Path[1:2])
			rw.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(rw, `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet %s</title><link>%s</link>`, outlet, w.srv.URL)
			for _, p := range items {
				fmt.Fprintf(rw, `<item><title>%s</title><link>%s%s?utm_source=rss</link><pubDate>Mon, 16 Mar 2026 09:00:00 GMT</pubDate><description>%s</description></item>`,
					html.EscapeString(pages[p][0]), w.srv.URL, p, html.EscapeString(pages[p][0]))
			}
			fmt.Fprint(rw, `</channel></rss>`)
			return
		}
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(rw, r)
			return
		}
		var paras strings.Builder
		for _, p := range strings.Split(strings.TrimSpace(page[1]), "\n\n") {
			paras.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
		}
		fmt.Fprintf(rw, `<!doctype html><html><head><title>%s</title></head><body><nav>Home | World | Subscribe</nav><article><h1>%s</h1>%s</article><footer>© Outlet</footer></body></html>`,
			html.EscapeString(page[0]), html.EscapeString(page[0]), paras.String())
	})
	w.srv = httptest.NewServer(mux)
	t.Cleanup(w.srv.Close)
	return w
}

// feedSetup is a feed manager over a real index and state store in a
// temporary data folder, with the wire's three feeds in its config.
func feedSetup(t *testing.T, w *wire) (*feed.Manager, *index.Index, *bot.Router, *state.Store) {
	t.Helper()
	cfg := DefaultConfig()
	cfg.DataDir = t.TempDir()
	cfg.Log.Level = "error"
	cfg.FeedFetch.AllowPrivate = true // the wire is on loopback
	for _, o := range []string{"a", "b", "c"} {
		cfg.Feeds = append(cfg.Feeds, FeedConf{URL: w.srv.URL + "/" + o + "/feed.xml"})
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	x, err := index.Create(cfg.DataDir, indexOptions(cfg))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	st, err := state.Open(cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := env2(nil, nil, nil, &strings.Builder{})
	m, err := newFeedManager(cfg, st, indexSink(x, newLogger(cfg, e), nil), newLogger(cfg, e), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := bot.NewRouter(newBot(x, cfg), bot.RouterOptions{Logger: newLogger(cfg, e), Feeds: m, Sources: sourcesText(x),
		Admins: bot.IDs{bot.Slack: {"UADMIN"}}, Reindex: m.Reindex})
	return m, x, r, st
}

// TestFeedsOneStoryManySources: the same story from three feeds ends as one
// report citing all three outlets; a second poll downloads nothing again.
func TestFeedsOneStoryManySources(t *testing.T) {
	w := newWire(t)
	m, x, r, _ := feedSetup(t, w)
	ctx := context.Background()
	for _, res := range m.Poller().PollAll(ctx) {
		if res.Err != nil || res.New == 0 {
			t.Errorf("poll %s: %+v", res.Feed, res)
		}
	}
	c, err := x.Counts()
	if err != nil || c.Reports != 2 {
		t.Fatalf("counts %+v %v: want 2 reports (the wire story once, the other story)", c, err)
	}
	ans, err := bot.New(x, bot.Options{}).Ask(ctx, "Bayraktar TB2 drones Kyrgyzstan Kant airbase", bot.Filter{})
	if err != nil || ans.NoMatch || len(ans.Citations) == 0 {
		t.Fatalf("ask: %+v %v", ans, err)
	}
	outlets := map[string]bool{}
	for _, c := range ans.Citations {
		if strings.Contains(c.Title, "TB2") || strings.Contains(c.Title, "Bayraktar") {
			outlets[c.Source] = true // feeds are polled at once: any outlet may carry the story
			for _, a := range c.Also {
				outlets[a.Source] = true
				if strings.Contains(a.URL, "utm_") || a.URL == "" {
					t.Errorf("source URL %q", a.URL)
				}
			}
		}
	}
	if len(outlets) != 3 || !outlets["Outlet A"] || !outlets["Outlet B"] || !outlets["Outlet C"] {
		t.Errorf("the story cites outlets %v, want A, B and C", outlets)
	}
	before := w.requests.Load()
	for _, res := range m.Poller().PollAll(ctx) {
		if res.Err != nil || res.New != 0 {
			t.Errorf("second poll %s: %+v", res.Feed, res)
		}
	}
	if got := w.requests.Load() - before; got > 3 {
		t.Errorf("second poll made %d requests, want at most one per feed", got)
	}
	text, err := r.SourcesText(ctx)
	if err != nil || strings.Count(text, "last fetch") != 3 || !strings.Contains(text, "Outlet B") {
		t.Errorf("sources: %q %v", text, err)
	}
}

// TestFeedsPollWhileAnswering polls and answers at once (run with -race).
func TestFeedsPollWhileAnswering(t *testing.T) {
	w := newWire(t)
	m, _, r, _ := feedSetup(t, w)
	ctx := context.Background()
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				rep := r.Handle(ctx, bot.Message{Platform: "console", Text: "who supplies Kyrgyzstan with drones?"})
				if rep.IsError {
					t.Errorf("answer while polling: %+v", rep)
					return
				}
			}
		}()
	}
	m.Poller().PollAll(ctx)
	close(stop)
	wg.Wait()
	rep := r.Handle(ctx, bot.Message{Platform: "console", Text: "who supplies Kyrgyzstan with drones?"})
	if rep.Answer == nil || !strings.Contains(rep.Answer.Text, "Turkey") {
		t.Errorf("after polling: %+v", rep)
	}
}

func TestFeedCommands(t *testing.T) {
	w := newWire(t)
	_, _, r, _ := feedSetup(t, w)
	ctx := context.Background()
	say := func(user, text string) bot.Reply {
		return r.Handle(ctx, bot.Message{Platform: "slack", Channel: "C1", User: user, Text: text})
	}
	for _, tc := range []struct{ user, text, want string }{
		{"U2", "sources add " + w.srv.URL + "/d/feed.xml", "Only admins may add feeds"},
		{"UADMIN", "sources add " + w.srv.URL + "/missing.xml", "404"},
		{"UADMIN", "sources add " + w.srv.URL + "/a/tb2", "not an RSS or Atom feed"},
		{"UADMIN", "sources add ftp://example.org/feed", "not an http or https address"},
		{"UADMIN", "sources add " + w.srv.URL + "/a/feed.xml", "already poll"},
		{"UADMIN", "sources add", "Give one feed URL"},
		{"UADMIN", "sources remove " + w.srv.URL + "/a/feed.xml", "config file"},
	} {
		if got := say(tc.user, tc.text); !got.IsError || !strings.Contains(got.Text, tc.want) {
			t.Errorf("%q: %+v, want an error mentioning %q", tc.text, got, tc.want)
		}
	}
	// A fourth outlet: served by the wire under another path.
	extra := w.srv.URL + "/c/feed.xml?utm_campaign=x" // same feed as c: refused as a duplicate
	if got := say("UADMIN", "sources add <"+extra+">"); !got.IsError || !strings.Contains(got.Text, "already poll") {
		t.Errorf("add a tracking-parameter copy of a feed: %+v", got)
	}
	srv2 := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		fmt.Fprint(rw, `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Outlet D</title></feed>`)
	}))
	defer srv2.Close()
	if got := say("UADMIN", "sources add "+srv2.URL+"/atom"); got.IsError || !strings.Contains(got.Text, "Added Outlet D") {
		t.Fatalf("add: %+v", got)
	}
	if got := say("U2", "sources"); got.IsError || !strings.Contains(got.Text, "Feeds I poll (4)") || strings.Count(got.Text, "[config]") != 3 {
		t.Errorf("sources: %+v", got)
	}
	if got := say("UADMIN", "sources remove "+srv2.URL+"/atom"); got.IsError || !strings.Contains(got.Text, "Removed") {
		t.Errorf("remove: %+v", got)
	}
	if got := say("U2", "sources"); !strings.Contains(got.Text, "Feeds I poll (3)") {
		t.Errorf("sources after remove: %+v", got)
	}
	if got := say("U2", "reindex"); !got.IsError || !strings.Contains(got.Text, "Only admins may reindex") {
		t.Errorf("reindex by a non-admin: %+v", got)
	}
	if got := say("UADMIN", "reindex"); got.IsError || !strings.Contains(got.Text, "Fetched 3 feeds now") {
		t.Errorf("reindex: %+v", got)
	}
}

// TestIngestURL: `briefbot ingest` takes feeds and pages by URL; an address
// that gives nothing is refused with a message and exit 1, the rest go in.
func TestIngestURL(t *testing.T) {
	w := newWire(t)
	data := t.TempDir()
	var stdout, stderr strings.Builder
	blocked := run(context.Background(), []string{"ingest", "--data", data, w.srv.URL + "/a/feed.xml"}, env2(nil, nil, &stdout, &stderr))
	if blocked != exitFailure || !strings.Contains(stderr.String(), "private or internal network") {
		t.Errorf("loopback feed without allow_private: exit %d\n%s", blocked, stderr.String())
	}
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(cfg, []byte("feed_fetch:\n  allow_private: true\n"), 0o600)
	stdout.Reset()
	stderr.Reset()
	code := run(context.Background(), []string{"ingest", "--data", data, "--config", cfg, w.srv.URL + "/a/feed.xml", w.srv.URL + "/b/tb2", w.srv.URL + "/nothing-here"},
		env2(nil, nil, &stdout, &stderr))
	if code != exitFailure {
		t.Errorf("exit %d, want %d for the refused address", code, exitFailure)
	}
	out := stdout.String()
	if strings.Count(out, "added") < 2 || !strings.Contains(out, "merged") || !strings.Contains(out, "1 merged into stories already indexed") {
		t.Errorf("stdout:\n%s", out)
	}
	if !strings.Contains(stderr.String(), "/nothing-here: the server answered 404 Not Found") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}
