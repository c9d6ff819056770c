package feed

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// site is a loopback web site serving the fixtures under testdata: the
// feeds (with an ETag and a Last-Modified, answering conditional requests
// with 304), the article pages, a PDF report and a PNG chart. Handlers
// set with handle replace or add paths. It counts requests per path and
// keeps their headers.
type site struct {
	srv      *httptest.Server
	mu       sync.Mutex
	hits     map[string]int
	headers  map[string][]http.Header
	handlers map[string]http.HandlerFunc
}

const fixtureLastModified = "Mon, 04 Dec 2023 08:00:00 GMT"

// newSite starts a site; it is closed when the test ends.
func newSite(tb testing.TB) *site {
	tb.Helper()
	s := &site{hits: map[string]int{}, headers: map[string][]http.Header{}, handlers: map[string]http.HandlerFunc{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.srv.Close)
	return s
}

func (s *site) url(p string) string { return s.srv.URL + p }

// handle serves path p with h instead of the fixtures.
func (s *site) handle(p string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handlers[p] = h
}

// hitCount is how many requests path p got.
func (s *site) hitCount(p string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[p]
}

// articleHits is how many requests went to article pages and reports.
func (s *site) articleHits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for p, c := range s.hits {
		if strings.HasPrefix(p, "/articles/") || strings.HasPrefix(p, "/reports/") || strings.HasPrefix(p, "/charts/") {
			n += c
		}
	}
	return n
}

// lastHeader is the header of the last request to path p.
func (s *site) lastHeader(p string) http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	hs := s.headers[p]
	if len(hs) == 0 {
		return nil
	}
	return hs[len(hs)-1]
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.headers[r.URL.Path] = append(s.headers[r.URL.Path], r.Header.Clone())
	h := s.handlers[r.URL.Path]
	s.mu.Unlock()
	if h != nil {
		h(w, r)
		return
	}
	p := r.URL.Path
	switch {
	case p == "/rss2.xml" || p == "/rss1.rdf" || p == "/atom.xml" || p == "/broken.xml":
		data, err := os.ReadFile(filepath.Join("testdata", path.Base(p)))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		etag := `"` + path.Base(p) + `-v1"`
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", fixtureLastModified)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		ct := map[string]string{".xml": "application/rss+xml", ".rdf": "application/rdf+xml"}[path.Ext(p)]
		if p == "/atom.xml" {
			ct = "application/atom+xml"
		}
		w.Header().Set("Content-Type", ct+"; charset=utf-8")
		w.Write(data)
	case strings.HasPrefix(p, "/articles/"):
		data, err := os.ReadFile(filepath.Join("testdata", "articles", path.Base(p)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(data)
	case p == "/reports/anka-licence.pdf":
		data, err := os.ReadFile(filepath.Join("..", "testdata", "pdf", "transfer.pdf"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(data)
	case p == "/charts/drones.png":
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	default:
		http.NotFound(w, r)
	}
}

// hang blocks until the client gives up.
func hang(w http.ResponseWriter, r *http.Request) {
	<-r.Context().Done()
}

// clock is a settable clock for Options.Now and Fetcher.Now.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock { return &clock{now: time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// sink collects the reports a Poller hands over.
type sink struct {
	mu      sync.Mutex
	reports []bot.Report
	err     error // returned by put when not nil
}

func (s *sink) put(_ context.Context, rs []bot.Report) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	s.reports = append(s.reports, rs...)
	return nil
}

func (s *sink) all() []bot.Report {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]bot.Report(nil), s.reports...)
}

// MustPoller returns a Poller over the feeds with a fast Fetcher, the
// clock and the sink.
func MustPoller(tb testing.TB, feeds []FeedConfig, c *clock, sk *sink, store Store) *Poller {
	tb.Helper()
	p, err := NewPoller(Options{
		Feeds:   feeds,
		Fetcher: &Fetcher{Timeout: 2 * time.Second, Now: c.Now},
		Sink:    sk.put,
		Store:   store,
		Now:     c.Now,
	})
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// boilerplate is text of the fixture pages outside their articles.
var boilerplate = []string{"cookies", "Subscribe to our newsletter", "All rights reserved", "Most read", "Privacy policy", "Contact the newsroom", "tracking"}
