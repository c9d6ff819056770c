package feed

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// BenchmarkPoll50x20 polls 50 feeds of 20 items each from a loopback
// server, fetching and extracting all 1000 article pages (about 2.5 KB of
// HTML each, boilerplate around three paragraphs), with the default
// worker counts and a fresh Store each time.
func BenchmarkPoll50x20(b *testing.B) {
	const feeds, items = 50, 20
	countries := []string{"Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"}
	suppliers := []string{"Turkey", "China", "Iran", "France", "the United States"}
	pages := map[string][]byte{}
	for f := range feeds {
		var rss strings.Builder
		fmt.Fprintf(&rss, `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench feed %d</title><link>/</link>`, f)
		for i := range items {
			c, s := countries[(f+i)%5], suppliers[(f*3+i)%5]
			title := fmt.Sprintf("%s buys equipment from %s (%d-%d)", c, s, f, i)
			fmt.Fprintf(&rss, `<item><title>%s</title><link>/a/%d/%d.html?utm_source=rss</link><pubDate>Mon, 04 Dec 2023 07:%02d:00 +0000</pubDate><description>%s signed a deal with %s.</description></item>`,
				title, f, i, i, c, s)
			pages[fmt.Sprintf("/a/%d/%d.html", f, i)] = []byte(fmt.Sprintf(`<!DOCTYPE html><html><head><title>%[1]s</title></head><body>
<div class="cookie-banner"><p>We use cookies. <a href="/c">Accept</a></p></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/about">About</a></li></ul></nav>
<main><article><h1>%[1]s</h1>
<p>%[2]s signed a contract with %[3]s for armoured vehicles and drones in %[4]d, the defence ministry said on Monday. Deliveries are to start next year and run for three years, officials added.</p>
<p>The deal is the latest in a series of purchases by %[2]s from suppliers other than Russia. Analysts said the order showed a wish to spread its sources of arms across several partners.</p>
<p>Neither side gave the value of item %[5]d of feed %[6]d. A spokesman said training for crews would take place in %[3]s before the first deliveries.</p>
</article><aside><h3>Most read</h3><ul><li><a href="/x">Budgets compared</a></li><li><a href="/y">Parade photos</a></li></ul></aside></main>
<footer><p>&copy; 2024 Bench Wire. All rights reserved.</p></footer></body></html>`, title, c, s, 2015+i%10, i, f))
		}
		rss.WriteString(`</channel></rss>`)
		pages[fmt.Sprintf("/feed/%d.xml", f)] = []byte(rss.String())
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".xml") {
			w.Header().Set("Content-Type", "application/rss+xml")
		} else {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		w.Write(page)
	}))
	defer srv.Close()
	var cfg []FeedConfig
	for f := range feeds {
		cfg = append(cfg, FeedConfig{URL: fmt.Sprintf("%s/feed/%d.xml", srv.URL, f)})
	}
	var total, excerpts atomic.Int64
	sink := func(_ context.Context, rs []bot.Report) error {
		total.Add(int64(len(rs)))
		for _, r := range rs {
			if IsExcerpt(r) {
				excerpts.Add(1)
			}
		}
		return nil
	}
	b.ResetTimer()
	for b.Loop() {
		p, err := NewPoller(Options{Feeds: cfg, Sink: sink})
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range p.PollAll(context.Background()) {
			if r.Err != nil || r.New != items {
				b.Fatalf("%+v", r)
			}
		}
	}
	if excerpts.Load() > 0 {
		b.Fatalf("%d reports were excerpts: the articles should all be read", excerpts.Load())
	}
	b.ReportMetric(float64(total.Load())/b.Elapsed().Seconds(), "reports/s")
}
