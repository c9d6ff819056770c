package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/briefbot/briefbot/bot"
)

// maxHTMLTags is the most tags a page may have to be read as a document
// tree by go-readability. A tree costs hundreds of bytes per node and
// readability walks it many times: a 10 MB page of tiny elements took 1.7
// GB and 12 s that way. A page with more tags (a real article has a few
// thousand) is read by streamHTML instead, in memory proportional to its
// text, without readability's removal of navigation and boilerplate.
const maxHTMLTags = 100_000

// tooManyTags reports whether data has more than maxHTMLTags tags, counted
// as "<" followed by a letter or "/".
func tooManyTags(data []byte) bool {
	n := 0
	for i := bytes.IndexByte(data, '<'); i >= 0 && i+1 < len(data); {
		if c := data[i+1] | 0x20; (c >= 'a' && c <= 'z') || data[i+1] == '/' {
			if n++; n > maxHTMLTags {
				return true
			}
		}
		j := bytes.IndexByte(data[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// streamHTML reads a page's title, canonical URL and text token by token,
// never building a tree: text of the body (less scripts and styles) with a
// blank line between blocks, as nodeText writes it.
func streamHTML(data []byte) (bot.Report, error) {
	z := html.NewTokenizer(bytes.NewReader(data))
	var r bot.Report
	var paras []string
	var cur, title strings.Builder
	skip, inTitle := 0, false // skip: depth inside script, style, noscript
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); !errors.Is(err, io.EOF) {
				return r, fmt.Errorf("parse HTML: %w", err)
			}
			flush()
			r.Title = strings.Join(strings.Fields(title.String()), " ")
			r.Body = strings.Join(paras, "\n\n")
			if r.Body == "" {
				return r, fmt.Errorf("%w: the page has no readable article text", ErrEmpty)
			}
			return r, nil
		case html.TextToken:
			switch {
			case inTitle:
				title.Write(z.Text())
			case skip == 0:
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			switch {
			case a == atom.Script || a == atom.Style || a == atom.Noscript:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case a == atom.Title:
				inTitle = tt == html.StartTagToken && title.Len() == 0
			case a == atom.Link && hasAttr && r.URL == "":
				r.URL = canonicalLink(z)
			case blockTags[a]:
				flush()
			}
		}
	}
}

// canonicalLink returns the href of a <link rel="canonical"> tag the
// tokenizer is on, when it is an http or https URL.
func canonicalLink(z *html.Tokenizer) string {
	var rel, href string
	for {
		k, v, more := z.TagAttr()
		switch strings.ToLower(string(k)) {
		case "rel":
			rel = string(v)
		case "href":
			href = string(v)
		}
		if !more {
			break
		}
	}
	if !strings.EqualFold(rel, "canonical") || (!strings.HasPrefix(href, "http://") && !strings.HasPrefix(href, "https://")) {
		return ""
	}
	return href
}
