package feed

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
)

// mustItems parses a fixture feed as served by s.
func mustItems(tb testing.TB, s *site, name string) []Item {
	tb.Helper()
	f, err := Parse(mustRead(tb, name), s.url("/"+name))
	if err != nil {
		tb.Fatal(err)
	}
	return f.Items
}

var reportID = regexp.MustCompile(`^feed-[0-9a-f]{16}$`)

// checkReport checks what every report must satisfy to be indexed: what
// the corpus loaders guarantee of theirs.
func checkReport(tb testing.TB, r bot.Report) {
	tb.Helper()
	if err := corpus.ValidateID(r.ID); err != nil || !reportID.MatchString(r.ID) {
		tb.Errorf("report ID %q: %v", r.ID, err)
	}
	if r.Title == "" || strings.TrimSpace(r.Body) == "" || r.URL == "" || r.Published.IsZero() || r.Origin == "" {
		tb.Errorf("report %s: title %q, URL %q, published %v, origin %q, %d bytes of body", r.ID, r.Title, r.URL, r.Published, r.Origin, len(r.Body))
	}
	if r.Published != r.Published.UTC().Truncate(24*time.Hour) {
		tb.Errorf("report %s: published %v is not a UTC date", r.ID, r.Published)
	}
	for _, p := range bot.Passages(r) {
		if r.Body[p.Start:p.End] != p.Text {
			tb.Errorf("report %s: passage %d is not Body[%d:%d]", r.ID, p.Seq, p.Start, p.End)
		}
	}
}

func TestArticleHTML(t *testing.T) {
	s := newSite(t)
	item := mustItems(t, s, "rss2.xml")[1] // Uzbekistan orders Turkish armoured vehicles
	r, err := (&Fetcher{}).Article(context.Background(), item)
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, r)
	if IsExcerpt(r) {
		t.Fatalf("report is an excerpt: %q", r.Source)
	}
	want := bot.Report{
		ID:        ReportID(item),
		Title:     "Uzbekistan orders Turkish armoured vehicles",
		Source:    "Steppe Defence Monitor",
		URL:       s.url("/articles/uzbek-armour.html"),
		Published: time.Date(2023, 3, 7, 0, 0, 0, 0, time.UTC),
		Origin:    "feed:" + s.url("/rss2.xml"),
	}
	if r.ID != want.ID || r.Title != want.Title || r.Source != want.Source || r.URL != want.URL || !r.Published.Equal(want.Published) || r.Origin != want.Origin {
		t.Errorf("report\n got %+v\nwant %+v", r, want)
	}
	paras := strings.Split(r.Body, "\n\n")
	if len(paras) < 3 || !strings.HasPrefix(r.Body, "Uzbekistan signed a contract for Turkish armoured vehicles in 2023") ||
		!strings.Contains(r.Body, "no agreement had been reached.") {
		t.Errorf("body is not the article's three paragraphs:\n%s", r.Body)
	}
	for _, b := range boilerplate {
		if strings.Contains(r.Body, b) {
			t.Errorf("boilerplate %q in the body:\n%s", b, r.Body)
		}
	}
}

func TestArticlePDF(t *testing.T) {
	s := newSite(t)
	item := mustItems(t, s, "rss2.xml")[2] // links to /reports/anka-licence.pdf
	r, err := (&Fetcher{}).Article(context.Background(), item)
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, r)
	if IsExcerpt(r) || r.Title != "Kazakhstan to assemble Anka drones under licence" ||
		!strings.Contains(r.Body, "Kazakhstan signed a licence to assemble Anka drones.") {
		t.Errorf("report %q (%s):\n%s\nwant the PDF's text", r.Title, r.Source, r.Body)
	}
}

// TestArticleFallback: when the article cannot be had, the report holds
// the feed's text and says why in its Source.
func TestArticleFallback(t *testing.T) {
	s := newSite(t)
	s.handle("/articles/slow.html", hang)
	s.handle("/articles/paywall.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><body><article><p>Subscribe to read the rest of this article.</p></article></body></html>`))
	})
	long := strings.Repeat("Kyrgyzstan received Turkish drones and Russian helicopters in the same year. ", 20)
	item := func(link, content string) Item {
		return Item{Title: "A test item", Link: link, Content: content, FeedTitle: "Test Feed", FeedURL: s.url("/rss2.xml"),
			Published: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)}
	}
	tests := []struct {
		name   string
		item   Item
		reason string
	}{
		{"404", mustItems(t, s, "rss2.xml")[3], "HTTP 404 Not Found"},
		{"image", mustItems(t, s, "atom.xml")[2], "unsupported content type image/png"},
		{"timeout", item(s.url("/articles/slow.html"), "Tajikistan bought drones."), "timed out"},
		{"no link", item("", "Turkmenistan bought drones."), "the item has no link"},
		{"paywall", item(s.url("/articles/paywall.html"), long), "the page has less text than the feed"},
		{"connection refused", item("http://127.0.0.1:1/a", "Kazakhstan bought aircraft."), "could not connect"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := (&Fetcher{Timeout: 200 * time.Millisecond}).Article(context.Background(), tt.item)
			if err != nil {
				t.Fatal(err)
			}
			if tt.item.Link != "" {
				checkReport(t, r)
			}
			wantSource := strings.TrimSpace(tt.item.FeedTitle + " (feed excerpt; article not fetched: " + tt.reason + ")")
			if !IsExcerpt(r) || r.Source != wantSource || r.Body != tt.item.Content {
				t.Errorf("report source %q, body %q; want source %q and the item's content", r.Source, r.Body, wantSource)
			}
		})
	}
}

func TestArticleNoText(t *testing.T) {
	s := newSite(t)
	_, err := (&Fetcher{}).Article(context.Background(), Item{Title: "Gone", Link: s.url("/articles/gone.html"), FeedURL: s.url("/rss2.xml")})
	if !errors.Is(err, ErrNoText) || !strings.Contains(err.Error(), "HTTP 404") {
		t.Errorf("error = %v, want ErrNoText saying HTTP 404", err)
	}
}

func TestArticleCancelled(t *testing.T) {
	s := newSite(t)
	s.handle("/articles/slow.html", hang)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := (&Fetcher{}).Article(ctx, Item{Title: "Slow", Link: s.url("/articles/slow.html"), Content: "Some text."})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled (no excerpt when shutting down)", err)
	}
}

// TestArticleCharset reads a page in Windows-1251, as many sites in the
// region still serve.
func TestArticleCharset(t *testing.T) {
	s := newSite(t)
	page := `<html><head><title>Новости</title></head><body><article>` +
		`<p>Казахстан получил новые беспилотники из Турции в 2023 году, сообщило министерство обороны. Поставка стала частью контракта, подписанного годом ранее в Анкаре.</p>` +
		`<p>Министерство не назвало число аппаратов и стоимость сделки, но сообщило, что часть беспилотников будет собрана в Казахстане.</p>` +
		`</article></body></html>`
	enc, err := charmap.Windows1251.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	s.handle("/articles/ru.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1251")
		w.Write([]byte(enc))
	})
	r, err := (&Fetcher{}).Article(context.Background(), Item{Title: "Новости", Link: s.url("/articles/ru.html"), FeedURL: s.url("/ru.xml")})
	if err != nil {
		t.Fatal(err)
	}
	if IsExcerpt(r) || !strings.Contains(r.Body, "Казахстан получил новые беспилотники из Турции") {
		t.Errorf("body %q (source %q), want the Russian text decoded", r.Body, r.Source)
	}
}

func TestReportIDSameArticleAcrossFeeds(t *testing.T) {
	s := newSite(t)
	a := mustItems(t, s, "rss2.xml")[0] // tb2-kyrgyzstan.html?utm_source=rss&utm_medium=feed#comments
	b := mustItems(t, s, "rss1.rdf")[2] // tb2-kyrgyzstan.html?ref=caspian
	https := a
	https.Link = strings.Replace(a.Link, "http://", "https://", 1)
	if ReportID(a) != ReportID(b) || ReportID(a) != ReportID(https) {
		t.Errorf("IDs %s, %s, %s; want one ID for one article", ReportID(a), ReportID(b), ReportID(https))
	}
	if ReportID(a) == ReportID(mustItems(t, s, "rss2.xml")[1]) {
		t.Error("two articles share an ID")
	}
}
