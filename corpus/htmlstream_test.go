package corpus

import (
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// bigPage is a page of n paragraphs, each with a few inline tags, a script
// and a canonical link: over maxHTMLTags when n is large.
func bigPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><title>Drone  deals</title><link rel="canonical" href="https://example.org/deals">` +
		`<script>var s = "<p>not text</p>";</script></head><body><nav>Home</nav><article><h1>Drone deals</h1>`)
	for i := range n {
		fmt.Fprintf(&b, "<p>Turkey <b>sold</b> <i>drones</i> to Uzbekistan &amp; Kyrgyzstan in %d.</p>\n", 2000+i%25)
	}
	b.WriteString("</article></body></html>")
	return []byte(b.String())
}

// TestHTMLWithManyTagsIsStreamed reads a page of more than maxHTMLTags
// tags: its text, title and canonical URL come out as from a small page,
// scripts left out.
func TestHTMLWithManyTagsIsStreamed(t *testing.T) {
	page := bigPage(maxHTMLTags / 5)
	if !tooManyTags(page) || tooManyTags(bigPage(100)) {
		t.Fatal("tooManyTags does not tell the big page from the small one")
	}
	for name, data := range map[string][]byte{"big": page, "small": bigPage(3)} {
		r, err := readHTML(data, nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		first, _, _ := strings.Cut(r.Body, "\n\n")
		if name == "big" && (r.Title != "Drone deals" || r.URL != "https://example.org/deals") {
			t.Errorf("%s: title %q, URL %q", name, r.Title, r.URL)
		}
		if strings.Contains(r.Body, "not text") || !strings.Contains(r.Body, "Turkey sold drones to Uzbekistan & Kyrgyzstan in 2000.") {
			t.Errorf("%s: body starts %q", name, first)
		}
	}
}

// TestHTMLManyTagsMemory reads a 10 MB page of tiny elements under a
// ceiling on the live heap, sampled by the runtime (as a document tree
// read by go-readability it took 1.7 GB).
func TestHTMLManyTagsMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a 10 MB page")
	}
	const ceiling = 200 << 20
	page := []byte("<html><head><title>Tags</title></head><body><p>" + strings.Repeat("<b>x</b> ", 10_000_000/9) + "</p></body></html>")
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			peak.Store(max(peak.Load(), ms.HeapAlloc))
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	r, err := readHTML(page, nil)
	close(done)
	<-sampled
	if err != nil || r.Title != "Tags" {
		t.Fatalf("title %q, err %v", r.Title, err)
	}
	t.Logf("peak live heap %d MB", peak.Load()>>20)
	if peak.Load() > ceiling {
		t.Errorf("peak live heap %d MB, want under %d MB", peak.Load()>>20, ceiling>>20)
	}
}
