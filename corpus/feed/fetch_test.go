package feed

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

func TestFetch(t *testing.T) {
	s := newSite(t)
	s.handle("/old-feed", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/rss2.xml", http.StatusMovedPermanently)
	})
	resp, err := (&Fetcher{}).Fetch(context.Background(), s.url("/old-feed"), Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(resp.Body, []byte("Steppe Defence Monitor")) || resp.Status != 200 || resp.NotModified {
		t.Errorf("got status %d, NotModified %v, body %.60q; want the RSS fixture", resp.Status, resp.NotModified, resp.Body)
	}
	if resp.FinalURL != s.url("/rss2.xml") || !strings.HasPrefix(resp.ContentType, "application/rss+xml") {
		t.Errorf("FinalURL %q, ContentType %q; want the redirect target and its type", resp.FinalURL, resp.ContentType)
	}
	if want := (Validators{ETag: `"rss2.xml-v1"`, LastModified: fixtureLastModified}); resp.Validators != want {
		t.Errorf("Validators = %+v, want %+v", resp.Validators, want)
	}
	if got := s.lastHeader("/rss2.xml").Get("User-Agent"); got != "briefbot/1 (+https://github.com/briefbot/briefbot)" {
		t.Errorf("User-Agent = %q", got)
	}
}

func TestFetchConditional(t *testing.T) {
	s := newSite(t)
	f := &Fetcher{}
	first, err := f.Fetch(context.Background(), s.url("/atom.xml"), Validators{})
	if err != nil {
		t.Fatal(err)
	}
	second, err := f.Fetch(context.Background(), s.url("/atom.xml"), first.Validators)
	if err != nil {
		t.Fatal(err)
	}
	if !second.NotModified || second.Body != nil || second.Status != http.StatusNotModified || second.Validators != first.Validators {
		t.Errorf("second fetch: NotModified %v, %d bytes, status %d, validators %+v; want a 304 keeping %+v",
			second.NotModified, len(second.Body), second.Status, second.Validators, first.Validators)
	}
	h := s.lastHeader("/atom.xml")
	if h.Get("If-None-Match") != `"atom.xml-v1"` || h.Get("If-Modified-Since") != fixtureLastModified {
		t.Errorf("conditional request headers: If-None-Match %q, If-Modified-Since %q", h.Get("If-None-Match"), h.Get("If-Modified-Since"))
	}
}

func TestFetchErrors(t *testing.T) {
	s := newSite(t)
	s.handle("/hang", hang)
	s.handle("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	s.handle("/500", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "database down", http.StatusInternalServerError)
	})
	s.handle("/429", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	s.handle("/declared-huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "104857600")
		w.Write([]byte("<rss>"))
	})
	f := &Fetcher{Timeout: 200 * time.Millisecond}
	tests := []struct {
		path string
		is   error
		text string
	}{
		{"/hang", context.DeadlineExceeded, "no complete answer within 200ms"},
		{"/loop", ErrTooManyRedirects, "too many redirects (more than 10)"},
		{"/500", nil, "HTTP 500 Internal Server Error"},
		{"/declared-huge", ErrTooLarge, "100.0 MB, the limit is 10.0 MB"},
		{"/missing", nil, "HTTP 404 Not Found"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			_, err := f.Fetch(context.Background(), s.url(tt.path), Validators{})
			if err == nil || (tt.is != nil && !errors.Is(err, tt.is)) || !strings.Contains(err.Error(), tt.text) || !strings.Contains(err.Error(), s.url(tt.path)) {
				t.Errorf("Fetch error = %v; want one naming the URL, wrapping %v, saying %q", err, tt.is, tt.text)
			}
		})
	}
	if hits := s.hitCount("/loop"); hits != 11 {
		t.Errorf("redirect loop: %d requests, want 11 (the first and 10 redirects)", hits)
	}
	_, err := f.Fetch(context.Background(), s.url("/429"), Validators{})
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 429 || se.RetryAfter != 2*time.Minute {
		t.Errorf("429: error %v (%+v), want a StatusError with RetryAfter 2m", err, se)
	}
	for _, u := range []string{"file:///etc/passwd", "ftp://example.org/feed", "not a url", ""} {
		if _, err := f.Fetch(context.Background(), u, Validators{}); !errors.Is(err, ErrNotHTTP) {
			t.Errorf("Fetch(%q) error = %v, want ErrNotHTTP", u, err)
		}
	}
}

func TestFetchCancelled(t *testing.T) {
	s := newSite(t)
	s.handle("/hang", hang)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := (&Fetcher{}).Fetch(ctx, s.url("/hang"), Validators{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
}

// TestFetchTooLarge streams 100 MB without a Content-Length: the Fetcher
// must stop reading after its limit and the server must have written far
// less than the whole.
func TestFetchTooLarge(t *testing.T) {
	s := newSite(t)
	var written atomic.Int64
	done := make(chan struct{})
	s.handle("/huge", func(w http.ResponseWriter, r *http.Request) {
		defer close(done)
		chunk := bytes.Repeat([]byte("<item>briefbot</item>\n"), 1500) // 33 KB
		for written.Load() < 100<<20 {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
	_, err := (&Fetcher{MaxBytes: 1 << 20}).Fetch(context.Background(), s.url("/huge"), Validators{})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "more than 1.0 MB") {
		t.Fatalf("error = %v, want ErrTooLarge", err)
	}
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the server went on writing after the client gave up")
	}
	t.Logf("the server wrote %s before the client hung up", bot.HumanBytes(written.Load()))
	if n := written.Load(); n >= 50<<20 {
		t.Errorf("server wrote %d bytes; the client should have hung up long before 100 MB", n)
	}
}

func TestBlockPrivate(t *testing.T) {
	s := newSite(t)
	f := &Fetcher{BlockPrivate: true}
	_, err := f.Fetch(context.Background(), s.url("/rss2.xml"), Validators{})
	if !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("loopback with BlockPrivate: err = %v, want ErrPrivateAddress", err)
	}
	if _, err := (&Fetcher{}).Fetch(context.Background(), s.url("/rss2.xml"), Validators{}); err != nil {
		t.Errorf("loopback without BlockPrivate: %v", err)
	}
	for addr, want := range map[string]bool{
		"127.0.0.1": true, "10.1.2.3": true, "172.16.0.1": true, "192.168.1.1": true, "169.254.169.254": true,
		"100.64.0.1": true, "0.0.0.0": true, "::1": true, "fc00::1": true, "fe80::1": true, "::ffff:127.0.0.1": true,
		"224.0.0.1": true, "8.8.8.8": false, "2001:4860:4860::8888": false, "93.184.216.34": false,
	} {
		if got := internal(netip.MustParseAddr(addr)); got != want {
			t.Errorf("internal(%s) = %v, want %v", addr, got, want)
		}
	}
}
