package feed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/briefbot/briefbot/corpus"
)

// ErrNotFeed is the error of a document that is not an RSS, Atom or JSON
// feed (often an HTML page at a feed's old address).
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// maxItemText bounds the text kept of one item's content.
const maxItemText = 1 << 20

// Feed is a parsed feed.
type Feed struct {
	URL   string // the address it was read from
	Title string // the feed's title; its host name when it has none
	Link  string // the site's address, "" when the feed gives none
	Items []Item // in the feed's order
}

// Item is one entry of a feed.
type Item struct {
	Title     string
	Link      string    // canonical (CanonicalURL), absolute; "" when the item has no http(s) link
	GUID      string    // the item's id in the feed; may be ""
	Published time.Time // zero when the feed gives no date
	Updated   time.Time // zero when the feed gives no date
	Content   string    // the item's content, else its description, as plain text
	FeedTitle string    // the title of the feed it came from
	FeedURL   string    // the address of the feed it came from
}

// Date is when the item was published, else updated; zero when unknown.
func (it Item) Date() time.Time {
	if !it.Published.IsZero() {
		return it.Published
	}
	return it.Updated
}

// Key identifies the item across polls and feeds: URLKey of its link, or
// else its GUID within its feed, or else a digest of its title and text.
func (it Item) Key() string {
	if it.Link != "" {
		if k, err := URLKey(it.Link); err == nil {
			return k
		}
	}
	if it.GUID != "" {
		return "guid:" + it.FeedURL + "#" + it.GUID
	}
	h := sha256.Sum256([]byte(it.FeedURL + "\x00" + it.Title + "\x00" + it.Content))
	return "item:" + hex.EncodeToString(h[:8])
}

// ReportID is the ID of the report made of an item: "feed-" and 16 hex
// digits of the SHA-256 of its Key, so the same article gives the same
// report, and replaces it in the index, however it is reached.
func ReportID(it Item) string {
	h := sha256.Sum256([]byte(it.Key()))
	return "feed-" + hex.EncodeToString(h[:8])
}

// Parse reads an RSS 2.0, RSS 1.0 (RDF), Atom or JSON feed. feedURL is
// where body came from: relative item links are resolved against it, and
// errors name it. Items' links are canonical, their content plain text.
//
// Errors: a document that is not a feed wraps ErrNotFeed; broken XML gives
// the parser's error. Parse never panics.
func Parse(body []byte, feedURL string) (f *Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("parse feed %s: internal error: %v", feedURL, p)
		}
	}()
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, fmt.Errorf("parse feed %s: %w", feedURL, ErrNotFeed)
		}
		return nil, fmt.Errorf("parse feed %s: %w", feedURL, err)
	}
	base, _ := url.Parse(feedURL)
	f = &Feed{URL: feedURL, Title: oneLine(corpus.HTMLFragmentText(gf.Title))}
	if l, err := resolve(base, gf.Link); err == nil {
		f.Link = l
	}
	if f.Title == "" && base != nil {
		f.Title = strings.TrimPrefix(base.Hostname(), "www.")
	}
	for _, gi := range gf.Items {
		if gi == nil {
			continue
		}
		it := Item{
			Title:     oneLine(corpus.HTMLFragmentText(gi.Title)),
			GUID:      strings.TrimSpace(gi.GUID),
			FeedTitle: f.Title,
			FeedURL:   feedURL,
		}
		for _, l := range append([]string{gi.Link}, gi.Links...) {
			if l, err := resolve(base, l); err == nil {
				it.Link = l
				break
			}
		}
		if it.Link == "" && (strings.HasPrefix(it.GUID, "http://") || strings.HasPrefix(it.GUID, "https://")) {
			it.Link, _ = CanonicalURL(it.GUID)
		}
		if gi.PublishedParsed != nil {
			it.Published = gi.PublishedParsed.UTC()
		}
		if gi.UpdatedParsed != nil {
			it.Updated = gi.UpdatedParsed.UTC()
		}
		content := gi.Content
		if strings.TrimSpace(content) == "" {
			content = gi.Description
		}
		if len(content) > maxItemText {
			content = strings.ToValidUTF8(content[:maxItemText], "")
		}
		it.Content = corpus.HTMLFragmentText(content)
		if it.Title == "" && it.Content == "" && it.Link == "" {
			continue
		}
		f.Items = append(f.Items, it)
	}
	return f, nil
}

// resolve makes link absolute against base and canonical.
func resolve(base *url.URL, link string) (string, error) {
	link = strings.TrimSpace(link)
	if link == "" {
		return "", ErrNotHTTP
	}
	u, err := url.Parse(link)
	if err != nil {
		return "", err
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	return CanonicalURL(u.String())
}

// oneLine folds text to one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
