package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
)

// ErrNoText is the error of an item whose article could not be read and
// whose feed entry has no text either.
var ErrNoText = errors.New("no text")

// errUnsupported is the error of an article that is neither a web page,
// a PDF nor plain text.
var errUnsupported = errors.New("unsupported content type")

// excerptMarker starts the note that Article appends to a report's Source
// when the report holds the feed's text instead of the article's.
const excerptMarker = "(feed excerpt; article not fetched: "

// IsExcerpt reports whether a report holds a feed item's own text because
// its article could not be fetched or read.
func IsExcerpt(r bot.Report) bool {
	return strings.Contains(r.Source, excerptMarker)
}

// Article fetches an item's article and returns it as a report: its ID is
// ReportID(item), Title the item's title (else the article's), Source the
// feed's title, URL the item's canonical link, Published the item's date
// (else the time of fetching), Origin "feed:" and the feed's address, Body
// the article's main text. A web page is read with go-readability (as the
// corpus Loader reads .html files), a PDF with corpus.PDFText.
//
// When the article cannot be fetched or read, or holds less than half the
// text of the feed's entry (a paywall), Body is the entry's own text and
// Source ends with "(feed excerpt; article not fetched: <reason>)"; see
// IsExcerpt. Article fails only when ctx is done, or when there is no text
// at all (an error wrapping ErrNoText).
func (f *Fetcher) Article(ctx context.Context, item Item) (bot.Report, error) {
	r, _, err := f.article(ctx, item)
	return r, err
}

// article is Article; reason says why the report is an excerpt ("" when
// it is not).
func (f *Fetcher) article(ctx context.Context, item Item) (bot.Report, string, error) {
	date := item.Date()
	if date.IsZero() {
		date = f.now()
	}
	r := bot.Report{
		ID:        ReportID(item),
		Title:     item.Title,
		Source:    item.FeedTitle,
		URL:       item.Link,
		Published: date.UTC().Truncate(24 * time.Hour),
		Origin:    "feed:" + item.FeedURL,
	}
	excerpt := func(reason string, cause error) (bot.Report, string, error) {
		if strings.TrimSpace(item.Content) == "" {
			where := item.Link
			if where == "" {
				where = fmt.Sprintf("%q in %s", item.Title, item.FeedURL)
			}
			if cause != nil {
				return bot.Report{}, reason, fmt.Errorf("article %s: %w, and the feed gives no text for it: %w", where, cause, ErrNoText)
			}
			return bot.Report{}, reason, fmt.Errorf("article %s: %s, and the feed gives no text for it: %w", where, reason, ErrNoText)
		}
		r.Body = item.Content
		r.Source = strings.TrimSpace(r.Source + " " + excerptMarker + reason + ")")
		if r.Title == "" {
			r.Title = firstLine(item.Content)
		}
		return r, reason, nil
	}
	if item.Link == "" {
		return excerpt("the item has no link", nil)
	}
	resp, err := f.Fetch(ctx, item.Link, Validators{})
	if err != nil {
		if ctx.Err() != nil {
			return bot.Report{}, "", fmt.Errorf("article %s: %w", item.Link, ctx.Err())
		}
		return excerpt(reason(err), err)
	}
	title, text, err := f.documentText(ctx, resp)
	if err != nil {
		if ctx.Err() != nil {
			return bot.Report{}, "", fmt.Errorf("article %s: %w", item.Link, ctx.Err())
		}
		return excerpt(reason(err), err)
	}
	if len(text) < len(item.Content)/2 {
		return excerpt("the page has less text than the feed", nil)
	}
	r.Body = text
	if r.Title == "" {
		r.Title = title
	}
	if r.Title == "" {
		r.Title = firstLine(text)
	}
	return r, "", nil
}

// documentText extracts the title and text of a fetched page, PDF or
// plain-text file.
func (f *Fetcher) documentText(ctx context.Context, resp Response) (title, text string, err error) {
	mt, _, _ := mime.ParseMediaType(resp.ContentType)
	if mt == "" || mt == "application/octet-stream" {
		mt, _, _ = mime.ParseMediaType(http.DetectContentType(resp.Body))
	}
	switch {
	case mt == "application/pdf" || bytes.HasPrefix(resp.Body, []byte("%PDF-")):
		return f.pdfText(ctx, resp.Body)
	case mt == "text/html" || mt == "application/xhtml+xml":
		body, err := toUTF8(resp.Body, resp.ContentType)
		if err != nil {
			return "", "", err
		}
		return corpus.HTMLText(body, resp.FinalURL)
	case mt == "text/plain":
		body, err := toUTF8(resp.Body, resp.ContentType)
		if err != nil {
			return "", "", err
		}
		text := plainText(string(body))
		if text == "" {
			return "", "", corpus.ErrEmpty
		}
		return "", text, nil
	}
	return "", "", fmt.Errorf("%w %s", errUnsupported, mt)
}

// pdfText runs corpus.PDFText, giving up when ctx is done or after the
// Fetcher's timeout. (The PDF library has no way to be stopped: on a file
// that keeps it busy, the goroutine reading it runs on after pdfText has
// returned.)
func (f *Fetcher) pdfText(ctx context.Context, data []byte) (title, text string, err error) {
	type result struct {
		title, text string
		err         error
	}
	done := make(chan result, 1)
	go func() {
		t, x, err := corpus.PDFText(data)
		done <- result{t, x, err}
	}()
	timer := time.NewTimer(f.timeout())
	defer timer.Stop()
	select {
	case r := <-done:
		return r.title, r.text, r.err
	case <-ctx.Done():
		return "", "", ctx.Err()
	case <-timer.C:
		return "", "", fmt.Errorf("read PDF: %w", context.DeadlineExceeded)
	}
}

// toUTF8 converts a page to UTF-8, by the charset its Content-Type header
// or its <meta> tags declare.
func toUTF8(body []byte, contentType string) ([]byte, error) {
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return nil, fmt.Errorf("decode page: %w", err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("decode page: %w", err)
	}
	return out, nil
}

// reason says in a few words why a fetch or an extraction failed; it ends
// up in reports' Source and in the feed status, so it names no internals.
func reason(err error) string {
	var se *StatusError
	switch {
	case errors.As(err, &se):
		return "HTTP " + se.Status
	case errors.Is(err, context.DeadlineExceeded):
		return "timed out"
	case errors.Is(err, ErrTooLarge):
		return "too large"
	case errors.Is(err, ErrTooManyRedirects):
		return "too many redirects"
	case errors.Is(err, ErrNotHTTP):
		return "not a web address"
	case errors.Is(err, ErrNotFeed):
		return "not a feed"
	case errors.Is(err, corpus.ErrNoPDFText):
		return "PDF without text (scanned?)"
	case errors.Is(err, corpus.ErrBadPDF):
		return "unreadable PDF"
	case errors.Is(err, corpus.ErrEmpty):
		return "no readable text on the page"
	case errors.Is(err, errUnsupported):
		return err.Error()
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the connection broke off"
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return "could not connect"
	}
	return "could not be read"
}

// plainText folds the white space inside the paragraphs of plain text and
// separates them with one blank line.
func plainText(s string) string {
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if t := oneLine(p); t != "" {
			paras = append(paras, t)
		}
	}
	return strings.Join(paras, "\n\n")
}

// firstLine is the first line of text, cut to a title's length.
func firstLine(text string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	line = oneLine(line)
	if len(line) > 150 {
		cut := strings.LastIndexByte(line[:150], ' ')
		if cut < 50 {
			cut = 150
			for cut > 0 && line[cut]&0xC0 == 0x80 {
				cut--
			}
		}
		line = line[:cut] + "…"
	}
	return line
}
