// Package feed keeps briefbot's corpus up to date from RSS and Atom feeds:
// it fetches feeds politely, parses them, fetches each new item's article
// (a web page or a PDF) and turns it into a bot.Report for the caller to
// index.
//
// The parts, each usable alone:
//
//   - Fetcher: HTTP GET with a per-request timeout, a response size cap, a
//     redirect limit, a User-Agent naming briefbot, and conditional GET
//     (ETag / Last-Modified).
//   - CanonicalURL and URLKey: one spelling per article URL, so the same
//     article met twice (with tracking parameters, a fragment, a default
//     port, http or https) is recognised.
//   - Parse: RSS 2.0, RSS 1.0 (RDF), Atom (and JSON Feed) with
//     github.com/mmcdole/gofeed, items reduced to title, canonical link,
//     date, plain-text content and GUID.
//   - Fetcher.Article: an item's article as a report; when the article
//     cannot be fetched or holds no text, the feed's own text is used and
//     the report says so in its Source.
//   - Poller: polls a list of feeds, concurrently with bounded workers,
//     remembers per feed what it has seen and how polling went (through a
//     Store the caller provides, MemStore in tests), backs off from
//     failing feeds, and hands new reports to a Sink.
//
// Back-off: after the n-th consecutive failure of a feed (an HTTP or
// network error, a timeout, a response that is not a feed) the feed is not
// polled again for 1 minute × 2^(n−1), at most 6 hours (1 min, 2 min,
// 4 min, … 4 h 16 min, then 6 h), or for as long as a 429 or 503 answer's
// Retry-After asks if that is longer (at most 24 hours). A success resets
// the count.
package feed
