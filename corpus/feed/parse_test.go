package feed

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func mustRead(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func TestParseFormats(t *testing.T) {
	const base = "https://feeds.example.org"
	tests := []struct {
		file, title string
		items       int
		first       Item // checked: Title, Link, GUID, Date(), Content
	}{
		{"rss2.xml", "Steppe Defence Monitor", 4, Item{
			Title:     "Turkey delivers Bayraktar TB2 drones to Kyrgyzstan",
			Link:      base + "/articles/tb2-kyrgyzstan.html", // resolved; tracking parameters and fragment dropped
			GUID:      "sdm-1001",
			Published: time.Date(2022, 10, 14, 9, 30, 0, 0, time.UTC),
			Content:   "Turkey has delivered Bayraktar TB2 drones to Kyrgyzstan, the defence ministry in Bishkek said.", // HTML stripped
		}},
		{"rss1.rdf", "Caspian Security Review", 3, Item{
			Title:     "Turkmenistan commissions patrol boats built in Turkey",
			Link:      base + "/articles/turkmen-boats.html",
			Published: time.Date(2023, 11, 2, 10, 0, 0, 0, time.UTC),
			Content:   "Two Turkish-built patrol boats joined the Turkmen navy on the Caspian Sea.",
		}},
		{"atom.xml", "Arms Transfer Notes", 3, Item{
			Title:     "Iran opens drone factory in Tajikistan",
			Link:      base + "/articles/iran-tajik.html", // xml:base "/notes/" and "../articles/..."
			GUID:      "urn:briefbot:test:note-1",
			Published: time.Date(2022, 5, 17, 9, 0, 0, 0, time.UTC),
			Content:   "Iran opened a factory in Dushanbe to assemble Ababil-2 drones.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			feedURL := base + "/" + tt.file
			f, err := Parse(mustRead(t, tt.file), feedURL)
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.title || len(f.Items) != tt.items || f.URL != feedURL {
				t.Fatalf("feed %q with %d items (URL %q), want %q with %d", f.Title, len(f.Items), f.URL, tt.title, tt.items)
			}
			got, want := f.Items[0], tt.first
			if got.Title != want.Title || got.Link != want.Link || got.GUID != want.GUID || !got.Date().Equal(want.Published) || got.Content != want.Content {
				t.Errorf("first item:\n got %+v\nwant %+v", got, want)
			}
			for _, it := range f.Items {
				if it.FeedTitle != tt.title || it.FeedURL != feedURL || it.Link == "" || it.Date().IsZero() || it.Content == "" {
					t.Errorf("item %q: feed %q %q, link %q, date %v, content %q", it.Title, it.FeedTitle, it.FeedURL, it.Link, it.Date(), it.Content)
				}
				if strings.ContainsAny(it.Content, "<>") {
					t.Errorf("item %q: HTML left in content %q", it.Title, it.Content)
				}
			}
		})
	}
}

func TestParseContentEncodedPreferred(t *testing.T) {
	f, err := Parse(mustRead(t, "rss2.xml"), "https://feeds.example.org/rss2.xml")
	if err != nil {
		t.Fatal(err)
	}
	want := "Uzbekistan signed a contract for Turkish armoured vehicles in 2023.\n\nThe vehicles will be built by Otokar."
	if got := f.Items[1].Content; got != want {
		t.Errorf("content = %q, want the content:encoded paragraphs %q", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	const feedURL = "https://feeds.example.org/broken.xml"
	tests := []struct {
		name string
		body []byte
		is   error
		text string
	}{
		{"truncated XML", mustRead(t, "broken.xml"), nil, "XML syntax error"},
		{"broken attribute", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title lang="en xml:space="x">Arms</title></channel></rss>`), nil, "XML syntax error"},
		{"HTML page", mustRead(t, "articles/uzbek-armour.html"), ErrNotFeed, "not an RSS, Atom or JSON feed"},
		{"empty", nil, ErrNotFeed, "not an RSS"},
		{"binary", []byte{0x89, 'P', 'N', 'G', 0, 0, 1, 2}, ErrNotFeed, "not an RSS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.body, feedURL)
			if err == nil || f != nil || (tt.is != nil && !errors.Is(err, tt.is)) || !strings.Contains(err.Error(), tt.text) || !strings.Contains(err.Error(), feedURL) {
				t.Errorf("Parse = %v, %v; want an error naming the feed, wrapping %v, saying %q", f, err, tt.is, tt.text)
			}
		})
	}
}

// TestParseDamagedNeverPanics parses damaged copies of the fixture feeds.
func TestParseDamagedNeverPanics(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, name := range []string{"rss2.xml", "rss1.rdf", "atom.xml"} {
		good := mustRead(t, name)
		for range 150 {
			data := []byte(string(good))
			for range 1 + rng.IntN(5) {
				at := rng.IntN(len(data))
				switch rng.IntN(3) {
				case 0:
					data = data[:at]
				case 1:
					const junk = "<>&\"'/=x \n\x00"
					data[at] = junk[rng.IntN(len(junk))]
				case 2:
					data = append(data[:at:at], data[min(len(data), at+1+rng.IntN(30)):]...)
				}
				if len(data) == 0 {
					break
				}
			}
			f, err := Parse(data, "https://feeds.example.org/"+name)
			if err == nil && f == nil {
				t.Fatalf("%s: nil feed and nil error", name)
			}
		}
	}
}
