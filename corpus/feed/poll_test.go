package feed

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestPollAllFormats(t *testing.T) {
	s := newSite(t)
	c, sk := newClock(), &sink{}
	p := MustPoller(t, []FeedConfig{{URL: s.url("/rss2.xml")}, {URL: s.url("/rss1.rdf")}, {URL: s.url("/atom.xml")}}, c, sk, nil)
	results := p.PollAll(context.Background())
	want := []PollResult{
		{Feed: s.url("/rss2.xml"), New: 4, Excerpts: 1}, // the 404 article
		{Feed: s.url("/rss1.rdf"), New: 3},
		{Feed: s.url("/atom.xml"), New: 3, Excerpts: 1}, // the PNG chart
	}
	for i, w := range want {
		if got := results[i]; got != w {
			t.Errorf("result %d = %+v, want %+v", i, got, w)
		}
	}
	reports := sk.all()
	if len(reports) != 10 {
		t.Fatalf("sink got %d reports, want 10", len(reports))
	}
	ids := map[string]int{}
	for _, r := range reports {
		checkReport(t, r)
		ids[r.ID]++
		if IsExcerpt(r) {
			continue
		}
		for _, b := range boilerplate {
			if strings.Contains(r.Body, b) {
				t.Errorf("%s: boilerplate %q in the body", r.URL, b)
			}
		}
	}
	// The TB2 article is in two feeds under two spellings: one report ID.
	if len(ids) != 9 {
		t.Errorf("%d distinct report IDs, want 9 (one article is in two feeds): %v", len(ids), ids)
	}
}

// TestPollConditionalGet: a second poll sends the validators, the server
// answers 304, and no article is fetched again.
func TestPollConditionalGet(t *testing.T) {
	s := newSite(t)
	c, sk := newClock(), &sink{}
	p := MustPoller(t, []FeedConfig{{URL: s.url("/rss2.xml")}}, c, sk, nil)
	if r := p.PollOnce(context.Background(), s.url("/rss2.xml")); r.Err != nil || r.New != 4 {
		t.Fatalf("first poll: %+v", r)
	}
	articles := s.articleHits()
	c.Advance(time.Hour)
	r := p.PollOnce(context.Background(), s.url("/rss2.xml"))
	if r.Err != nil || !r.NotModified || r.New != 0 {
		t.Errorf("second poll: %+v, want NotModified", r)
	}
	h := s.lastHeader("/rss2.xml")
	if h.Get("If-None-Match") != `"rss2.xml-v1"` || h.Get("If-Modified-Since") != fixtureLastModified {
		t.Errorf("second poll sent If-None-Match %q, If-Modified-Since %q", h.Get("If-None-Match"), h.Get("If-Modified-Since"))
	}
	if s.articleHits() != articles || len(sk.all()) != 4 {
		t.Errorf("articles fetched %d times after the 304 (was %d); sink has %d reports", s.articleHits(), articles, len(sk.all()))
	}
	st, _ := p.Status()
	if st[0].LastStatus != "not modified" || !st[0].LastSuccess.Equal(c.Now()) || st[0].Title != "Steppe Defence Monitor" {
		t.Errorf("status %+v", st[0])
	}
}

// TestPollSeenItems: a feed without validators is read in full each time;
// items seen before are skipped, only a new one is fetched.
func TestPollSeenItems(t *testing.T) {
	s := newSite(t)
	var extra atomic.Bool
	s.handle("/changing.xml", func(w http.ResponseWriter, r *http.Request) {
		item := ""
		if extra.Load() {
			item = `<item><title>Kazakhstan receives another Airbus C295</title><link>/articles/kazakh-c295.html</link><pubDate>Wed, 21 Jun 2023 15:30:00 +0000</pubDate></item>`
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Changing</title>%s
<item><title>Turkmen boats</title><link>/articles/turkmen-boats.html</link><pubDate>Thu, 02 Nov 2023 10:00:00 +0000</pubDate></item>
<item><title>Iran in Tajikistan</title><link>/articles/iran-tajik.html</link><pubDate>Tue, 17 May 2022 09:00:00 +0000</pubDate></item>
</channel></rss>`, item)
	})
	c, sk := newClock(), &sink{}
	p := MustPoller(t, []FeedConfig{{URL: s.url("/changing.xml")}}, c, sk, nil)
	if r := p.PollOnce(context.Background(), s.url("/changing.xml")); r.Err != nil || r.New != 2 || r.Skipped != 0 {
		t.Fatalf("first poll: %+v", r)
	}
	if r := p.PollOnce(context.Background(), s.url("/changing.xml")); r.Err != nil || r.New != 0 || r.Skipped != 2 || r.NotModified {
		t.Errorf("second poll: %+v, want 2 skipped", r)
	}
	extra.Store(true)
	if r := p.PollOnce(context.Background(), s.url("/changing.xml")); r.Err != nil || r.New != 1 || r.Skipped != 2 {
		t.Errorf("third poll: %+v, want 1 new, 2 skipped", r)
	}
	for _, a := range []string{"/articles/turkmen-boats.html", "/articles/iran-tajik.html", "/articles/kazakh-c295.html"} {
		if n := s.hitCount(a); n != 1 {
			t.Errorf("%s fetched %d times, want once", a, n)
		}
	}
	if got := len(sk.all()); got != 3 {
		t.Errorf("sink got %d reports, want 3", got)
	}
}

// TestPollFailingFeeds: a feed answering 500 and one that hangs fail and
// back off; the good feed is polled all the same.
func TestPollFailingFeeds(t *testing.T) {
	s := newSite(t)
	s.handle("/500.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "overloaded", http.StatusInternalServerError)
	})
	s.handle("/hang.xml", hang)
	c, sk := newClock(), &sink{}
	store := &MemStore{}
	p, err := NewPoller(Options{
		Feeds:   []FeedConfig{{URL: s.url("/500.xml")}, {URL: s.url("/hang.xml")}, {URL: s.url("/rss2.xml")}, {URL: s.url("/broken.xml")}},
		Fetcher: &Fetcher{Timeout: 200 * time.Millisecond, Now: c.Now},
		Sink:    sk.put,
		Store:   store,
		Now:     c.Now,
		Workers: 2,
	})
	if err != nil {
		t.Fatal(err)
	}
	results := p.PollAll(context.Background())
	var se *StatusError
	if !errors.As(results[0].Err, &se) || se.Code != 500 {
		t.Errorf("500 feed: %+v", results[0])
	}
	if !errors.Is(results[1].Err, context.DeadlineExceeded) {
		t.Errorf("hanging feed: %+v, want a timeout", results[1])
	}
	if results[2].Err != nil || results[2].New != 4 {
		t.Errorf("good feed: %+v, want 4 new", results[2])
	}
	if err := results[3].Err; err == nil || !strings.Contains(err.Error(), "XML syntax error") || !strings.Contains(err.Error(), s.url("/broken.xml")) {
		t.Errorf("broken feed: %+v, want an XML error naming the feed", results[3])
	}
	status := func(i int) FeedStatus {
		st, err := p.Status()
		if err != nil {
			t.Fatal(err)
		}
		return st[i]
	}
	wantStatus := []string{"error: HTTP 500 Internal Server Error", "error: timed out", "ok: 4 new (1 from the feed's text only)", "error: broken feed"}
	for i, w := range wantStatus {
		st := status(i)
		failing := i != 2
		if st.LastStatus != w || (st.Failures == 1) != failing || !st.LastFetch.Equal(c.Now()) {
			t.Errorf("feed %d status %+v, want %q", i, st, w)
		}
		if failing && !st.NextAttempt.Equal(c.Now().Add(time.Minute)) {
			t.Errorf("feed %d: next attempt %v, want in 1 minute", i, st.NextAttempt)
		}
	}

	// Within the back-off, failing feeds are passed over.
	c.Advance(30 * time.Second)
	before := s.hitCount("/500.xml")
	results = p.PollAll(context.Background())
	if !results[0].NotDue || !results[1].NotDue || results[2].NotDue || s.hitCount("/500.xml") != before {
		t.Errorf("within the back-off: %+v", results)
	}
	// After it, they are tried again, and the wait doubles.
	c.Advance(31 * time.Second)
	results = p.PollAll(context.Background())
	if results[0].NotDue || s.hitCount("/500.xml") != before+1 {
		t.Errorf("after the back-off: %+v", results[0])
	}
	if st := status(0); st.Failures != 2 || !st.NextAttempt.Equal(c.Now().Add(2*time.Minute)) {
		t.Errorf("after the second failure: %+v, want next attempt in 2 minutes", st)
	}
	// PollOnce polls whatever the back-off says; a success resets it.
	s.handle("/500.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/atom.xml", http.StatusFound)
	})
	if r := p.PollOnce(context.Background(), s.url("/500.xml")); r.Err != nil || r.New != 3 {
		t.Errorf("recovered feed: %+v", r)
	}
	if st := status(0); st.Failures != 0 || !st.NextAttempt.IsZero() || st.Title != "Arms Transfer Notes" {
		t.Errorf("recovered feed status %+v", st)
	}
}

func TestBackoff(t *testing.T) {
	want := []time.Duration{0, time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute}
	for n, w := range want {
		if got := backoff(n); got != w {
			t.Errorf("backoff(%d) = %v, want %v", n, got, w)
		}
	}
	if backoff(9) != 256*time.Minute || backoff(10) != 6*time.Hour || backoff(1000) != 6*time.Hour {
		t.Errorf("backoff(9, 10, 1000) = %v, %v, %v; want 4h16m, 6h, 6h", backoff(9), backoff(10), backoff(1000))
	}
}

func TestPollRetryAfter(t *testing.T) {
	s := newSite(t)
	s.handle("/busy.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	c, sk := newClock(), &sink{}
	p := MustPoller(t, []FeedConfig{{URL: s.url("/busy.xml")}}, c, sk, nil)
	p.PollAll(context.Background())
	st, _ := p.Status()
	if !st[0].NextAttempt.Equal(c.Now().Add(time.Hour)) || st[0].LastStatus != "error: HTTP 503 Service Unavailable" {
		t.Errorf("status %+v, want the next attempt in an hour", st[0])
	}
}

// TestPollSinkError: when the reports cannot be stored, nothing is
// recorded as seen and the next poll offers them again.
func TestPollSinkError(t *testing.T) {
	s := newSite(t)
	c, sk := newClock(), &sink{err: errors.New("index is read-only")}
	p := MustPoller(t, []FeedConfig{{URL: s.url("/rss1.rdf")}}, c, sk, nil)
	r := p.PollOnce(context.Background(), s.url("/rss1.rdf"))
	if r.Err == nil || !strings.Contains(r.Err.Error(), "index is read-only") || r.New != 0 {
		t.Errorf("poll with a failing sink: %+v", r)
	}
	if st, _ := p.Status(); st[0].LastStatus != "error: the new reports could not be stored" || st[0].Failures != 0 {
		t.Errorf("status %+v", st[0])
	}
	sk.mu.Lock()
	sk.err = nil
	sk.mu.Unlock()
	if r := p.PollOnce(context.Background(), s.url("/rss1.rdf")); r.Err != nil || r.New != 3 || r.NotModified {
		t.Errorf("poll after the sink recovered: %+v, want the 3 reports again", r)
	}
}

func TestPollSchedule(t *testing.T) {
	s := newSite(t)
	c, sk := newClock(), &sink{} // 10:00 UTC
	p := MustPoller(t, []FeedConfig{{URL: s.url("/rss1.rdf"), Schedule: "30 * * * *"}, {URL: s.url("/atom.xml")}}, c, sk, nil)
	p.PollAll(context.Background())
	c.Advance(10 * time.Minute) // 10:10
	res := p.PollAll(context.Background())
	if !res[0].NotDue || res[1].NotDue {
		t.Errorf("at 10:10: %+v, want the scheduled feed not due, the other polled", res)
	}
	c.Advance(20 * time.Minute) // 10:30
	if res := p.PollAll(context.Background()); res[0].NotDue || !res[0].NotModified {
		t.Errorf("at 10:30: %+v, want the scheduled feed polled", res[0])
	}
	if n := s.hitCount("/rss1.rdf"); n != 2 {
		t.Errorf("scheduled feed fetched %d times, want 2", n)
	}
}

func TestPollOnceFeedLookup(t *testing.T) {
	s := newSite(t)
	c, sk := newClock(), &sink{}
	p := MustPoller(t, []FeedConfig{{URL: s.url("/atom.xml")}}, c, sk, nil)
	if r := p.PollOnce(context.Background(), s.url("/atom.xml#x")); r.Err != nil || r.New != 3 {
		t.Errorf("PollOnce by another spelling: %+v", r)
	}
	if r := p.PollOnce(context.Background(), s.url("/other.xml")); !errors.Is(r.Err, ErrUnknownFeed) {
		t.Errorf("PollOnce of an unknown feed: %+v", r)
	}
}

// TestPollStateInStore: the seen items live in the Store, so a new Poller
// over the same Store does not fetch them again.
func TestPollStateInStore(t *testing.T) {
	s := newSite(t)
	s.handle("/no-etag.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(mustRead(t, "rss1.rdf"))
	})
	store := &MemStore{}
	c := newClock()
	feeds := []FeedConfig{{URL: s.url("/no-etag.xml"), Tags: []string{"caspian"}}}
	MustPoller(t, feeds, c, &sink{}, store).PollAll(context.Background())
	st, ok, err := store.Get(s.url("/no-etag.xml"))
	if err != nil || !ok || len(st.Seen) != 3 {
		t.Fatalf("stored state %+v, %v, %v; want 3 seen items", st, ok, err)
	}
	hits := s.articleHits()
	res := MustPoller(t, feeds, c, &sink{}, store).PollAll(context.Background())
	if res[0].Skipped != 3 || res[0].New != 0 || s.articleHits() != hits {
		t.Errorf("second Poller: %+v, %d article fetches (was %d)", res[0], s.articleHits(), hits)
	}
}

func TestPollSeenBounded(t *testing.T) {
	s := newSite(t)
	n := 0
	s.handle("/many.xml", func(w http.ResponseWriter, r *http.Request) {
		n++ // one request at a time: the Poller never polls a feed twice at once
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>`)
		for i := range 5 {
			fmt.Fprintf(&b, `<item><title>Item %d-%d</title><description>Uzbekistan bought item %d-%d.</description></item>`, n, i, n, i)
		}
		b.WriteString(`</channel></rss>`)
		w.Write([]byte(b.String()))
	})
	c, store := newClock(), &MemStore{}
	p, err := NewPoller(Options{Feeds: []FeedConfig{{URL: s.url("/many.xml")}}, Sink: (&sink{}).put, Store: store, Now: c.Now, MaxItems: 5, MaxSeen: 8})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if r := p.PollOnce(context.Background(), s.url("/many.xml")); r.Err != nil || r.New != 5 || r.Excerpts != 5 {
			t.Fatalf("poll: %+v", r)
		}
	}
	st, _, _ := store.Get(s.url("/many.xml"))
	if len(st.Seen) != 8 {
		t.Errorf("%d seen keys kept, want 8", len(st.Seen))
	}
}

func TestNewPollerErrors(t *testing.T) {
	sk := (&sink{}).put
	tests := []struct {
		name string
		o    Options
		text string
	}{
		{"no sink", Options{Feeds: []FeedConfig{{URL: "https://example.org/feed"}}}, "no Sink"},
		{"not http", Options{Sink: sk, Feeds: []FeedConfig{{URL: "feed.xml"}}}, "not an http or https URL"},
		{"twice", Options{Sink: sk, Feeds: []FeedConfig{{URL: "https://example.org/feed"}, {URL: "http://example.org/feed/"}}}, "listed twice"},
		{"bad schedule", Options{Sink: sk, Feeds: []FeedConfig{{URL: "https://example.org/feed", Schedule: "every hour"}}}, "schedule"},
	}
	for _, tt := range tests {
		if _, err := NewPoller(tt.o); err == nil || !strings.Contains(err.Error(), tt.text) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.text)
		}
	}
}

// TestPollAllCancelled: cancelling ctx ends PollAll promptly and records
// no failure against the feeds.
func TestPollAllCancelled(t *testing.T) {
	s := newSite(t)
	s.handle("/hang.xml", hang)
	c, sk := newClock(), &sink{}
	p := MustPoller(t, []FeedConfig{{URL: s.url("/hang.xml")}}, c, sk, nil)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	res := p.PollAll(ctx)
	if !errors.Is(res[0].Err, context.Canceled) {
		t.Errorf("result %+v, want context.Canceled", res[0])
	}
	if st, _ := p.Status(); st[0].Failures != 0 {
		t.Errorf("status %+v: a shutdown is not the feed's failure", st[0])
	}
}
