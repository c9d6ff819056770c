package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// Fetcher defaults.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBytes     = 10 << 20
	DefaultMaxRedirects = 10
	// UserAgent is what briefbot calls itself to the servers it fetches from.
	UserAgent = "briefbot/1 (+https://github.com/briefbot/briefbot)"
)

// Errors of Fetch. A timeout wraps context.DeadlineExceeded; an HTTP
// status outside 2xx is a *StatusError.
var (
	ErrTooLarge         = errors.New("response too large")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrNotHTTP          = errors.New("not an http or https URL")
	// ErrPrivateAddress: with BlockPrivate, the host resolved to a
	// loopback, private, link-local or otherwise internal address.
	ErrPrivateAddress = errors.New("the address is on a private or internal network")
)

// accept is the Accept header of every request: feeds first, then pages
// and PDFs.
const accept = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/feed+json;q=0.9, text/html;q=0.8, application/pdf;q=0.8, */*;q=0.5"

// Validators are what a server said about a response's version, sent back
// on the next request so that an unchanged resource costs a 304 and no
// body. The zero value asks for a full response.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// Response is a fetched resource.
type Response struct {
	Body        []byte // nil when NotModified
	ContentType string // the Content-Type header
	FinalURL    string // the URL after redirects
	Validators  Validators
	NotModified bool // the server answered 304: the resource is unchanged since prev
	Status      int  // HTTP status code
}

// StatusError is the error of a response with a status outside 2xx (and
// other than 304 to a conditional request).
type StatusError struct {
	URL        string
	Code       int           // e.g. 404
	Status     string        // e.g. "404 Not Found"
	RetryAfter time.Duration // from a Retry-After header; 0 when absent
}

// Error says which URL answered with which status.
func (e *StatusError) Error() string { return fmt.Sprintf("fetch %s: HTTP %s", e.URL, e.Status) }

// Fetcher fetches feeds and articles over HTTP. The zero value is ready to
// use with the defaults; a Fetcher is safe for concurrent use and must not
// be modified while in use.
type Fetcher struct {
	// Timeout bounds each request, from sending it to reading the last
	// byte of the body; 0 means DefaultTimeout (20 s).
	Timeout time.Duration
	// MaxBytes is the largest body read; a larger one is an error wrapping
	// ErrTooLarge, found after reading at most MaxBytes+1 bytes. 0 means
	// DefaultMaxBytes (10 MB).
	MaxBytes int64
	// MaxRedirects is how many redirects one request follows; 0 means
	// DefaultMaxRedirects (10).
	MaxRedirects int
	// UserAgent replaces the UserAgent constant when not "".
	UserAgent string
	// Transport makes the requests; nil means http.DefaultTransport.
	Transport http.RoundTripper
	// BlockPrivate refuses to connect to loopback, private (RFC 1918, fc00::/7),
	// link-local (incl. cloud metadata at 169.254.169.254), multicast and
	// unspecified addresses, checked on the address actually dialled (so a
	// name that resolves there, or a redirect to one, is refused too).
	// Feed items link anywhere; serve sets it unless
	// feed_fetch.allow_private is true. It needs Transport to be nil or an
	// *http.Transport.
	BlockPrivate bool

	guardOnce sync.Once
	guarded   http.RoundTripper
	// Now tells the time (the date of reports whose item has none); nil
	// means time.Now.
	Now func() time.Time
}

func (f *Fetcher) timeout() time.Duration {
	if f.Timeout <= 0 {
		return DefaultTimeout
	}
	return f.Timeout
}

func (f *Fetcher) maxBytes() int64 {
	if f.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return f.MaxBytes
}

func (f *Fetcher) maxRedirects() int {
	if f.MaxRedirects <= 0 {
		return DefaultMaxRedirects
	}
	return f.MaxRedirects
}

func (f *Fetcher) now() time.Time {
	if f.Now == nil {
		return time.Now()
	}
	return f.Now()
}

// Fetch GETs rawURL. When prev holds validators from an earlier response,
// the request is conditional and an unchanged resource comes back as a
// Response with NotModified set and no body.
//
// Errors: a status outside 2xx is a *StatusError; a body larger than
// MaxBytes wraps ErrTooLarge; more than MaxRedirects redirects wraps
// ErrTooManyRedirects; no complete answer within Timeout wraps
// context.DeadlineExceeded; a cancelled ctx gives ctx's error.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string, prev Validators) (Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Response{}, fmt.Errorf("fetch %q: %w", rawURL, ErrNotHTTP)
	}
	rctx, cancel := context.WithTimeout(ctx, f.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return Response{}, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	ua := f.UserAgent
	if ua == "" {
		ua = UserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", accept)
	if prev.ETag != "" {
		req.Header.Set("If-None-Match", prev.ETag)
	}
	if prev.LastModified != "" {
		req.Header.Set("If-Modified-Since", prev.LastModified)
	}
	transport := f.transport()
	maxRedirects := f.maxRedirects()
	client := &http.Client{Transport: transport, CheckRedirect: func(_ *http.Request, via []*http.Request) error {
		if len(via) > maxRedirects {
			return ErrTooManyRedirects
		}
		return nil
	}}
	resp, err := client.Do(req)
	if err != nil {
		return Response{}, f.fetchError(ctx, rctx, rawURL, err)
	}
	defer resp.Body.Close()

	out := Response{
		ContentType: resp.Header.Get("Content-Type"),
		FinalURL:    resp.Request.URL.String(),
		Status:      resp.StatusCode,
		Validators:  Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")},
	}
	switch {
	case resp.StatusCode == http.StatusNotModified && prev != (Validators{}):
		out.NotModified = true
		if out.Validators == (Validators{}) {
			out.Validators = prev
		}
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		_, _ = io.CopyN(io.Discard, resp.Body, 4<<10) // lets the connection be reused
		return Response{}, &StatusError{URL: rawURL, Code: resp.StatusCode, Status: statusText(resp),
			RetryAfter: retryAfter(resp.Header.Get("Retry-After"), f.now())}
	}
	limit := f.maxBytes()
	if resp.ContentLength > limit {
		return Response{}, fmt.Errorf("fetch %s: %w: %s, the limit is %s", rawURL, ErrTooLarge, bot.HumanBytes(resp.ContentLength), bot.HumanBytes(limit))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return Response{}, f.fetchError(ctx, rctx, rawURL, err)
	}
	if int64(len(body)) > limit {
		return Response{}, fmt.Errorf("fetch %s: %w: more than %s", rawURL, ErrTooLarge, bot.HumanBytes(limit))
	}
	out.Body = body
	return out, nil
}

// transport is the RoundTripper of every request: Transport, or with
// BlockPrivate a copy of it whose dialer refuses internal addresses.
func (f *Fetcher) transport() http.RoundTripper {
	t := f.Transport
	if t == nil {
		t = http.DefaultTransport
	}
	if !f.BlockPrivate {
		return t
	}
	f.guardOnce.Do(func() {
		base, ok := t.(*http.Transport)
		if !ok {
			f.guarded = refuseAll{}
			return
		}
		g := base.Clone()
		d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Control: func(_, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			if ip, err := netip.ParseAddr(host); err != nil || internal(ip) {
				return fmt.Errorf("%w (%s)", ErrPrivateAddress, host)
			}
			return nil
		}}
		g.DialContext = d.DialContext
		g.Proxy = nil // a proxy would dial for us, unchecked
		f.guarded = g
	})
	return f.guarded
}

// internal reports whether ip is not on the public internet.
func internal(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() ||
		netip.MustParsePrefix("100.64.0.0/10").Contains(ip) // carrier-grade NAT
}

// refuseAll is the transport of a Fetcher with BlockPrivate and a
// Transport it cannot guard.
type refuseAll struct{}

func (refuseAll) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, fmt.Errorf("%w: BlockPrivate needs an *http.Transport", ErrPrivateAddress)
}

// fetchError turns a transport error into one that says what happened.
func (f *Fetcher) fetchError(ctx, rctx context.Context, rawURL string, err error) error {
	switch {
	case ctx.Err() != nil:
		return fmt.Errorf("fetch %s: %w", rawURL, ctx.Err())
	case errors.Is(rctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("fetch %s: no complete answer within %s: %w", rawURL, f.timeout(), context.DeadlineExceeded)
	case errors.Is(err, ErrTooManyRedirects):
		return fmt.Errorf("fetch %s: %w (more than %d)", rawURL, ErrTooManyRedirects, f.maxRedirects())
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("fetch %s: %w", rawURL, err)
}

func statusText(resp *http.Response) string {
	if s := strings.TrimSpace(resp.Status); s != "" {
		return s
	}
	return strconv.Itoa(resp.StatusCode)
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
